/* ulpm_ce.h: the cross-entropy loss of the unconstrained layer-peeled model (seed 001 eq. (4):
 * sum over samples, no regularisation) and its derivatives, in Arb. W is K x d (rows w_k), H is
 * d x nK (column c = k*n + i is h_{k,i}, class k = c / n), logits Z = W H (K x nK).
 * Contract of every function: each output ball contains the exact value. */
#ifndef ULPM_CE_H
#define ULPM_CE_H
#include <arb_mat.h>

/* Z = W H. */
void ulpm_ce_logits(arb_mat_t Z, const arb_mat_t W, const arb_mat_t H, slong prec);

/* L(Z) = sum_c log(1 + sum_{j != k} exp(z_{j,c} - z_{k,c})), k = c / n (the form of eq. (60),
 * stable for well-separated data). */
void ulpm_ce_loss_logits(arb_t L, const arb_mat_t Z, slong n, slong prec);

/* G = dL/dZ: G[j][c] = softmax_j(z_c) - [j == k]  (eq. (65)); each column sums to 0. */
void ulpm_ce_grad_logits(arb_mat_t G, const arb_mat_t Z, slong n, slong prec);

/* L(W, H) and its gradient: grad_W = G H^T (K x d), grad_H = W^T G (d x nK). GW/GH may be NULL. */
void ulpm_ce_loss_grad(arb_t L, arb_mat_t GW, arb_mat_t GH, const arb_mat_t W, const arb_mat_t H, slong n, slong prec);
#endif
