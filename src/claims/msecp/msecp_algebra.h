/* msecp_algebra.h: exact (FLINT fmpq_mat) statistics and losses of seed 003, each computed from
 * its definition: extended features (Section 2), unextended centred forms (Section 3, (A2)),
 * MSE loss (2)/(6), the LS classifier, the decomposition terms of Theorems 1-2. */
#ifndef MSECP_ALGEBRA_H
#define MSECP_ALGEBRA_H
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>
#include "exact/exact_mat.h"

/* Extended coordinates: h~ = [h; 1], q = p + 1, n = CN. */
typedef struct {
    long C, N, p, n, q;
    fmpq_t lambda;
    fmpq_mat_t Ht;   /* q x n */
    fmpq_mat_t Y;    /* C x n one-hot, column c*N + i is e_c */
    fmpq_mat_t muG;  /* q x 1 */
    fmpq_mat_t Mt;   /* q x C, column c = mu~_c */
    fmpq_mat_t SigT; /* q x q, Ave (h~ - mu~_G)(h~ - mu~_G)^T */
    fmpq_mat_t SigW; /* q x q, Ave (h~ - mu~_c)(h~ - mu~_c)^T */
    fmpq_mat_t G;    /* SigT + mu~_G mu~_G^T + lambda I (Theorem 1's middle matrix) */
} msecp_ext;

void msecp_ext_init(msecp_ext *E, const fmpq_mat_t H, long C, long N, const fmpq_t lambda);
void msecp_ext_clear(msecp_ext *E);

/* Wt (C x q) = (1/C) Mt^T G^{-1}, the corrected Proposition 1; 0 if G is singular. */
int msecp_wls_corrected(fmpq_mat_t Wt, const msecp_ext *E);
/* Wt = (1/C) Mt^T (SigT + lambda I)^{-1}, Proposition 1 as printed; 0 if singular. */
int msecp_wls_printed(fmpq_mat_t Wt, const msecp_ext *E);
/* R = Ave_{i,c} (Wt h~ - y) h~^T + lambda Wt: the left side of (14). */
void msecp_residual14(fmpq_mat_t R, const msecp_ext *E, const fmpq_mat_t Wt);
/* (1/2) Ave ||Wt h~ - y||^2 + (lambda/2) ||Wt||_F^2: loss (6). */
void msecp_loss_ext(fmpq_t out, const msecp_ext *E, const fmpq_mat_t Wt);
/* (1/(2CN)) ||W H + b 1^T - Y||_F^2 + (lambda/2)(||W||^2 + ||b||^2): loss (2). */
void msecp_loss_unext(fmpq_t out, const fmpq_mat_t H, const fmpq_mat_t W, const fmpq_mat_t b, long C, long N,
                      const fmpq_t lambda);
/* (1/2) tr(D M D^T). */
void msecp_half_quad(fmpq_t out, const fmpq_mat_t D, const fmpq_mat_t M);
/* L_NC1 = (1/2) tr(Wt (SigW + lambda I) Wt^T); L_NC2/3 = (1/(2C)) ||Wt Mt - I||^2. */
void msecp_nc1(fmpq_t out, const msecp_ext *E, const fmpq_mat_t Wt);
void msecp_nc23(fmpq_t out, const msecp_ext *E, const fmpq_mat_t Wt);

/* Unextended, globally centred (Section 3): Hbar = H - mu_G 1^T, Mbar = [mu_c - mu_G],
 * SigT = Hbar Hbar^T / CN, SigW = Ave (h - mu_c)(h - mu_c)^T. */
typedef struct {
    long C, N, p, n;
    fmpq_mat_t muG, Mbar, Hbar, SigT, SigW;
} msecp_unext;

void msecp_unext_init(msecp_unext *U, const fmpq_mat_t H, long C, long N);
void msecp_unext_clear(msecp_unext *U);
/* Eq. (7): W = C^{-1} Mbar^T SigT^{-1}, b = C^{-1} 1 - W mu_G; 0 if SigT is singular. */
int msecp_wls_eq7(fmpq_mat_t W, fmpq_mat_t b, const msecp_unext *U);
#endif
