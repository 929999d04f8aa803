/* ulpm_lemma31_margins.h: the tier-0 margin sweep of the Lemma 3.1 certifier (all samples'
 * double margins with the proved kernels, over threads; see ulpm_lemma31_margins.c). */
#ifndef ULPM_LEMMA31_MARGINS_H
#define ULPM_LEMMA31_MARGINS_H
#include "instance/instance.h"

/* m[c], js[c] for every sample c < N = n*K, bit-identical to
 * kernel_margins(K, n, d, I->W, I->Ht, z, m, js) for any number of threads. Needs
 * K*d, n*K*d <= INT_MAX (the kernels' preconditions; instance limits guarantee it).
 * Returns 0, or -1 if out of memory. */
int ulpm_lemma31_margins(const instance *I, double *m, int *js);
#endif
