/* check_ulpm_theorem34.h: nccheck's own pieces for ulpm.theorem-3.4: the exact rational point,
 * its exact criticality on the sphere, the exact NC test, and the MPFI second variation
 * (Hessian of L(W H), seed 001 eq. (4)). Vectors of R^D, D = K d + d N, are (dW, dH), dW
 * row-major K x d then dH row-major d x N. */
#ifndef CHECK_ULPM_THEOREM34_H
#define CHECK_ULPM_THEOREM34_H
#include <gmp.h>
#include <jansson.h>
#include <mpfi.h>

#include "check_enclosure.h"
#include "check_json.h"

#define CK_ULPM_T34_PREC 256 /* MPFI precision of every interval the checker computes */

typedef struct {
    long K, n, d, N, D;
    mpq_t *W, *H; /* W[k*d + l], H[l*N + c] */
} ck_ulpm_t34_pt;

/* Instance: {"kind":"ulpm-pairing/1","K","C"} or a generic ulpm instance with rational
 * entries (nc/1 with n a perfect square). 0 on success. */
int ck_ulpm_t34_point_parse(const json_t *j, ck_ulpm_t34_pt *P, ck_err *e);
void ck_ulpm_t34_point_free(ck_ulpm_t34_pt *P);
/* x_i, entry i of x = (W, H). */
mpq_t *ck_ulpm_t34_x(const ck_ulpm_t34_pt *P, long i);

/* 1 iff critical by the symmetry argument (specs/claims/ulpm.theorem-3.4.md); then lam
 * encloses lambda with grad L = lambda x, and xx = x.x. */
int ck_ulpm_t34_critical(const ck_ulpm_t34_pt *P, mpfi_t lam, mpq_t xx);
/* q_min = min over samples c and classes j != k(c) of z_{k(c)c} - z_{jc} (Z = W H), exactly. */
void ck_ulpm_t34_margin_min(mpq_t out, const ck_ulpm_t34_pt *P);
/* 1 iff the exact NC conditions hold (an optimal point of Theorem 3.3). */
int ck_ulpm_t34_is_nc(const ck_ulpm_t34_pt *P);

typedef struct {
    const ck_ulpm_t34_pt *P;
    mpfi_ptr W, H, G, Pm;
    mpfi_t lam;
} ck_ulpm_t34_hess;
void ck_ulpm_t34_hess_init(ck_ulpm_t34_hess *h, const ck_ulpm_t34_pt *P, const mpfi_t lam);
void ck_ulpm_t34_hess_clear(ck_ulpm_t34_hess *h);
/* out = (Hess L) v - lambda v (minus_lambda) or (Hess L) v. */
void ck_ulpm_t34_hess_vec(mpfi_ptr out, const ck_ulpm_t34_hess *h, mpfi_srcptr v, int minus_lambda);
/* q = v.(Hess L)v and s = q - lambda |v|^2 for an exact rational v. */
void ck_ulpm_t34_forms(mpfi_t q, mpfi_t s, const ck_ulpm_t34_hess *h, const mpq_t *v);

/* Interval LDL^T with 1 x 1 pivots of the m x m matrix A (lower triangle, destroyed);
 * 1 and the counts when no pivot contains 0. */
int ck_ulpm_t34_ldl_inertia(mpfi_ptr A, long m, long *neg, long *pos);
/* 1 iff the rows x cols rational matrix (column-major: column t at M + t*rows) has full
 * column rank, shown modulo a prime. */
int ck_ulpm_t34_full_column_rank(mpq_t *M, long rows, long cols);
#endif
