/* ulpm_lemma31_margins.h: the tier-0 witness search of the Lemma 3.1 certifier (BLAS oracle,
 * then the proved kernels at its candidates; else all samples' double margins with the proved
 * kernels, over threads; see ulpm_lemma31_margins.c). */
#ifndef ULPM_LEMMA31_MARGINS_H
#define ULPM_LEMMA31_MARGINS_H
#include "instance/instance.h"

/* m[c], js[c] for every sample c < N = n*K, bit-identical to
 * kernel_margins(K, n, d, I->W, I->Ht, z, m, js) for any number of threads. Needs
 * K*d, n*K*d <= INT_MAX (the kernels' preconditions; instance limits guarantee it).
 * Returns 0, or -1 if out of memory. */
int ulpm_lemma31_margins(const instance *I, double *m, int *js);

/* The witness (sample *c, class *j != *c / n) of the smallest kernel margin: the first
 * minimiser c of m (ulpm_lemma31_margins) and *j = js[c], or (0, 1) if some m[c] is not
 * finite; the same pair whether the oracle screened or the kernels swept, unless the BLAS
 * result is outside its a-priori error bound, and then still a valid witness (any pair is).
 * Returns 0, or -1 if out of memory. */
int ulpm_lemma31_witness(const instance *I, long *c, long *j);
#endif
