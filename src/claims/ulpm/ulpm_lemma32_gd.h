/* ulpm_lemma32_gd.h: the gradient-descent driver that proposes the points of ulpm.lemma-3.2 and
 * ulpm.lemmas-b3-b5: plain double-precision GD on loss (4) from a random-dyadic/1 start, with
 * selected iterates rounded to a dyadic grid and written as explicit instances. The rounded
 * iterate IS the certified instance: no claim depends on the accuracy of GD's doubles. */
#ifndef ULPM_LEMMA32_GD_H
#define ULPM_LEMMA32_GD_H
#include <stdint.h>
#include <jansson.h>
#include "common/nc_error.h"

typedef struct {
    long K, n, d;
    uint64_t seed;     /* start: the random-dyadic/1 instance (K, n, d, seed) */
    int eta_log2;      /* fixed step eta = 2^eta_log2 */
    int frac_bits;     /* recorded entries are rounded to the nearest multiple of 2^-frac_bits */
} l32_gd_params;

/* Runs GD theta <- theta - eta grad L(theta) up to iteration record[nrec-1] (record ascending,
 * record[0] >= 0) and stores iterate record[r] rounded, as an explicit instance JSON object, in
 * out[r] (caller json_decref's), and its double loss (before rounding) in loss[r] (may be NULL).
 * Returns 0, or an nc_error status (bad parameters: 2). */
int l32_gd_record(const l32_gd_params *p, const long *record, int nrec, json_t **out,
                  double *loss, nc_error *err);
#endif
