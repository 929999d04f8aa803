/* linconv_schur.h: the structured path of the MSE error bound (linconv.theorem-2) for Hessian
 * dimensions D = d(K+N)+K above the dense cap: the reduced matrix M_red on the coordinates
 * (W, class means m_k, b), size 2dK + K, enclosed over the delta-box around x*, and the bound g
 * on the Schur-complement term of the K(n-1) difference blocks
 * (proofs/derivations/linconv-theorem-2.md section 7). */
#ifndef LINCONV_SCHUR_H
#define LINCONV_SCHUR_H
#include "claims/linconv/linconv_common.h"

/* 2dK + K */
slong linconv_schur_dim(const linconv_inst *I);
/* A (linconv_schur_dim square) = M_red enclosed over the box x* +- 2^-k in every coordinate
 * (k = WORD_MIN: at x* itself) plus c B0' B0'^T, B0' the tangent vectors of (W*, sqrt(n) beta W*).
 * W, H: the enclosure of x* (linconv_point). Arb contract: A contains M_red(z) + c B0' B0'^T for
 * every z in the box. */
void linconv_schur_matrix(arb_mat_t A, const linconv_inst *I, const arb_mat_t W, const arb_mat_t H, slong k, slong c,
                          slong prec);
/* g = an upper bound (ball) of 4 (||W*||_F + delta)^2 delta^2 / (N^2 (lamH - mu)); requires
 * mu < lamH (otherwise g is set to +inf). */
void linconv_schur_gap(arb_t g, const linconv_inst *I, const arb_mat_t W, const arb_t delta, const arb_t mu,
                       slong prec);
#endif
