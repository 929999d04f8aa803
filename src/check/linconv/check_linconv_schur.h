/* check_linconv_schur.h: nccheck's side of the structured MSE error-bound path
 * (linconv.theorem-2 with Hessian dimension D = d(K+N)+K > CK_LINCONV_DENSE_MAX): the reduced
 * matrix on (W, class means, b), size 2dK + K, enclosed with MPFI over the delta-box around x*,
 * its PD test, and the bound g on the Schur-complement term of the difference blocks
 * (proofs/derivations/linconv-theorem-2.md section 7), written independently of
 * src/claims/linconv/linconv_schur.c. */
#ifndef NCCHECK_LINCONV_SCHUR_H
#define NCCHECK_LINCONV_SCHUR_H
#include "linconv/check_linconv_common.h"

#define CK_LINCONV_DENSE_MAX 4000 /* nccert's dense cap: above it, MSE certificates use this path */

/* 1 when the instance's MSE certificate must use the structured path (D > CK_LINCONV_DENSE_MAX) */
int ck_linconv_schur_applies(const ck_linconv_inst *in, int loss);
long ck_linconv_schur_dim(const ck_linconv_inst *in);
/* The up-front limit of the structured check (before W, H and the reduced matrix are
 * allocated), of the split (section 7.6) when SPLIT, else of the whole reduced matrix: 0 or -1
 * (exit 2). */
int ck_linconv_schur_limits(const ck_linconv_inst *in, int split, ck_err *e);
/* 1 iff lambda_min > mu_red is established for the reduced matrix over x* +- delta plus
 * c B0' B0'^T (W: d*K, H: d*K, the class representatives h*_k = beta w*_k, both from
 * ck_linconv_point with n = 1, row-major [a*K + k]; shift: the Cholesky hint). */
int ck_linconv_schur_region(const ck_linconv_inst *in, mpfi_t *W, mpfi_t *H, const mpq_t delta, long c,
                            const mpq_t mu_red, double shift);
/* 1 iff 0 < mu < lamH and mu + g(delta, mu) <= mu_red, g = 4 (||W*||_F + delta)^2 delta^2 /
 * (N^2 (lamH - mu)) bounded above with MPFI */
int ck_linconv_schur_gap_ok(const ck_linconv_inst *in, mpfi_t *W, const mpq_t delta, const mpq_t mu,
                            const mpq_t mu_red);
/* Section 7.6 (method "schur-split"): 2K^2 + K, the core of the split. */
long ck_linconv_split_core_dim(const ck_linconv_inst *in);
/* 1 iff the core enclosure (w_k[p], m_k[p] for p < K, and b) has lambda_min > mu_core, the
 * enclosure of the 2K-block of coordinate K (the same for every a >= K; skipped when d = K) has
 * lambda_min > mu_block, and mu_red + rho <= min(mu_core, mu_block), rho the largest off-block
 * row sum of the magnitudes (W, H as for ck_linconv_schur_region; shifts: the Cholesky hints). */
int ck_linconv_split_region(const ck_linconv_inst *in, mpfi_t *W, mpfi_t *H, const mpq_t delta, long c,
                            const mpq_t mu_core, double sh_core, const mpq_t mu_block, double sh_block,
                            const mpq_t mu_red);
#endif
