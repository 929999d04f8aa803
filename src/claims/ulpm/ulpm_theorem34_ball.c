/* ulpm_theorem34_ball.c: the Hessian of L(W, H) = L(W H) (seed 001 eq. (4)) as a Hessian-vector
 * product in Arb, and the second variation on the sphere, for ulpm.theorem-3.4.
 * With Z = W H, G = dL/dZ and per column Hess_Z = diag(p) - p p^T (p the softmax):
 *   q(v) = <dZ, Hess_Z dZ> + 2 <G, dW dH>,  dZ = dW H + W dH,
 *   (Hess L) v = ((Hess_Z dZ) H^T + G dH^T,  W^T (Hess_Z dZ) + dW^T G).
 * Contract: every output ball contains the exact value. */
#include "claims/ulpm/ulpm_ce.h"
#include "claims/ulpm/ulpm_theorem34.h"
/* softmax and G are computed here (not with ulpm_ce_grad_logits) so that softmax_k - 1 has no
 * cancellation: its relative accuracy survives e^{-2C^2} far below 2^-prec. */

void ulpm_t34_ball_init(ulpm_t34_ball *b, const ulpm_t34_point *P, const ulpm_t34_crit *c, slong prec)
{
    long K = P->K, d = P->d, N = P->N;
    b->K = K, b->n = P->n, b->d = d, b->N = N, b->D = P->D, b->prec = prec;
    b->W = _arb_vec_init(K * d), b->H = _arb_vec_init(d * N);
    b->G = _arb_vec_init(K * N), b->Pm = _arb_vec_init(K * N);
    arb_init(b->lam);
    arb_mat_t Wm, Hm, Z, G;
    arb_mat_init(Wm, K, d), arb_mat_init(Hm, d, N), arb_mat_init(Z, K, N), arb_mat_init(G, K, N);
    for (long t = 0; t < K * d; t++) {
        arb_set_fmpq(b->W + t, P->W + t, prec);
        arb_set(arb_mat_entry(Wm, t / d, t % d), b->W + t);
    }
    for (long t = 0; t < d * N; t++) {
        arb_set_fmpq(b->H + t, P->H + t, prec);
        arb_set(arb_mat_entry(Hm, t / N, t % N), b->H + t);
    }
    ulpm_ce_logits(Z, Wm, Hm, prec);
    arb_t t, e;
    arb_init(t), arb_init(e);
    for (long col = 0; col < N; col++) { /* softmax with e_j = exp(z_j - z_k), t = sum_{j != k} e_j */
        long kk = col / P->n;
        arb_zero(t);
        for (long k = 0; k < K; k++) {
            if (k == kk) continue;
            arb_sub(e, arb_mat_entry(Z, k, col), arb_mat_entry(Z, kk, col), prec);
            arb_exp(b->Pm + k * N + col, e, prec);
            arb_add(t, t, b->Pm + k * N + col, prec);
        }
        arb_add_ui(e, t, 1, prec);
        for (long k = 0; k < K; k++) {
            if (k == kk) continue;
            arb_div(b->Pm + k * N + col, b->Pm + k * N + col, e, prec);
            arb_set(b->G + k * N + col, b->Pm + k * N + col);
        }
        arb_inv(b->Pm + kk * N + col, e, prec);
        arb_div(b->G + kk * N + col, t, e, prec); /* softmax_k - 1 = -t / (1 + t) */
        arb_neg(b->G + kk * N + col, b->G + kk * N + col);
    }
    arb_clear(t), arb_clear(e);
    arb_mat_clear(Wm), arb_mat_clear(Hm), arb_mat_clear(Z), arb_mat_clear(G);
    ulpm_t34_crit_lambda(b->lam, c, prec);
}

void ulpm_t34_ball_clear(ulpm_t34_ball *b)
{
    _arb_vec_clear(b->W, b->K * b->d), _arb_vec_clear(b->H, b->d * b->N);
    _arb_vec_clear(b->G, b->K * b->N), _arb_vec_clear(b->Pm, b->K * b->N);
    arb_clear(b->lam);
}

void ulpm_t34_ball_hess_vec(arb_ptr out, const ulpm_t34_ball *b, arb_srcptr v, int minus_lambda)
{
    long K = b->K, d = b->d, N = b->N;
    slong prec = b->prec;
    arb_srcptr dW = v, dH = v + K * d;
    arb_ptr Y = _arb_vec_init(K * N), t = _arb_vec_init(1);
    for (long k = 0; k < K; k++) /* dZ = dW H + W dH, stored in Y */
        for (long c = 0; c < N; c++) {
            arb_dot(Y + k * N + c, NULL, 0, dW + k * d, 1, b->H + c, N, d, prec);
            arb_dot(Y + k * N + c, Y + k * N + c, 0, b->W + k * d, 1, dH + c, N, d, prec);
        }
    arb_ptr cz = _arb_vec_init(K);
    for (long c = 0; c < N; c++) { /* Y_c = p o (dz - (p.dz) 1), dz_j - p.dz = sum_i p_i (dz_j - dz_i) */
        for (long k = 0; k < K; k++) {
            arb_zero(cz + k);
            for (long i = 0; i < K; i++) {
                if (i == k) continue;
                arb_sub(t, Y + k * N + c, Y + i * N + c, prec);
                arb_addmul(cz + k, t, b->Pm + i * N + c, prec);
            }
        }
        for (long k = 0; k < K; k++) arb_mul(Y + k * N + c, cz + k, b->Pm + k * N + c, prec);
    }
    _arb_vec_clear(cz, K);
    for (long k = 0; k < K; k++)
        for (long l = 0; l < d; l++) {
            arb_ptr o = out + k * d + l;
            arb_dot(o, NULL, 0, Y + k * N, 1, b->H + l * N, 1, N, prec);
            arb_dot(o, o, 0, b->G + k * N, 1, dH + l * N, 1, N, prec);
        }
    for (long l = 0; l < d; l++)
        for (long c = 0; c < N; c++) {
            arb_ptr o = out + K * d + l * N + c;
            arb_dot(o, NULL, 0, b->W + l, d, Y + c, N, K, prec);
            arb_dot(o, o, 0, dW + l, d, b->G + c, N, K, prec);
        }
    if (minus_lambda)
        for (long i = 0; i < b->D; i++) arb_submul(out + i, b->lam, v + i, prec);
    _arb_vec_clear(Y, K * N), _arb_vec_clear(t, 1);
}

void ulpm_t34_ball_forms(arb_t q, arb_t s, const ulpm_t34_ball *b, const fmpq *v)
{
    arb_ptr vb = _arb_vec_init(b->D), hv = _arb_vec_init(b->D);
    fmpq_t nn;
    fmpq_init(nn);
    for (long i = 0; i < b->D; i++) {
        arb_set_fmpq(vb + i, v + i, b->prec);
        fmpq_addmul(nn, v + i, v + i);
    }
    ulpm_t34_ball_hess_vec(hv, b, vb, 0);
    arb_dot(q, NULL, 0, vb, 1, hv, 1, b->D, b->prec);
    arb_t t;
    arb_init(t);
    arb_set_fmpq(t, nn, b->prec);
    arb_mul(t, t, b->lam, b->prec);
    arb_sub(s, q, t, b->prec);
    arb_clear(t);
    fmpq_clear(nn);
    _arb_vec_clear(vb, b->D), _arb_vec_clear(hv, b->D);
}
