/* check_ulpm_theorem33.h: nccheck's own pieces for ulpm.theorem-3.3: the claim's instance
 * kinds, the exact margin test and the MPFI enclosures of L and L*(rho). */
#ifndef NCCHECK_ULPM_THEOREM33_H
#define NCCHECK_ULPM_THEOREM33_H
#include <mpfi.h>

#include "check_instance.h"

/* The generic kinds, "nc-scaled/1" (nc/1 with the W layer scaled by alpha and the H layer by
 * beta) and "example-3.1/1" (explicit W = H = C M, K=4, n=1, d=4). */
int ck_t33_inst_parse(const json_t *j, ck_inst *in, ck_err *e);

/* 1 iff every margin w_k.h_c - w_j.h_c (k = c/n, j != k) equals qstar exactly, else 0;
 * -1 (e set) when out of memory. */
int ck_t33_margins_equal(const ck_inst *in, const ck_qs *qstar, ck_err *e);

/* L contains the loss (4) of the instance, at the precision of L. 0, or -1 (e set). */
int ck_t33_loss(mpfi_ptr L, const ck_inst *in, ck_err *e);
#endif
