/* ulpm_ce.c: cross-entropy loss and gradients of the layer-peeled model in Arb (ulpm_ce.h). */
#include "claims/ulpm/ulpm_ce.h"

void ulpm_ce_logits(arb_mat_t Z, const arb_mat_t W, const arb_mat_t H, slong prec)
{
    arb_mat_mul(Z, W, H, prec);
}

/* s = sum_{j != k} exp(z_{j,c} - z_{k,c}) over column c of Z (k = c / n); each term is also
 * stored in E(j, c) when E is not NULL. */
static void exp_gaps(arb_t s, arb_mat_t E, const arb_mat_t Z, slong c, slong n, slong prec)
{
    slong K = arb_mat_nrows(Z), k = c / n;
    arb_t t;
    arb_init(t);
    arb_zero(s);
    for (slong j = 0; j < K; j++) {
        if (j == k) continue;
        arb_ptr term = E ? arb_mat_entry(E, j, c) : t;
        arb_sub(t, arb_mat_entry(Z, j, c), arb_mat_entry(Z, k, c), prec);
        arb_exp(term, t, prec);
        arb_add(s, s, term, prec);
    }
    arb_clear(t);
}

void ulpm_ce_loss_logits(arb_t L, const arb_mat_t Z, slong n, slong prec)
{
    slong N = arb_mat_ncols(Z);
    arb_t s;
    arb_init(s);
    arb_zero(L);
    for (slong c = 0; c < N; c++) {
        exp_gaps(s, NULL, Z, c, n, prec);
        arb_log1p(s, s, prec);
        arb_add(L, L, s, prec);
    }
    arb_clear(s);
}

void ulpm_ce_grad_logits(arb_mat_t G, const arb_mat_t Z, slong n, slong prec)
{
    slong K = arb_mat_nrows(Z), N = arb_mat_ncols(Z);
    arb_t s, t;
    arb_init(s);
    arb_init(t);
    for (slong c = 0; c < N; c++) {
        slong k = c / n;
        /* e_j = exp(z_j - z_k) (no overflow when z_k is the largest logit, the usual case for
         * separated data), s = sum_{l != k} e_l; softmax_j = e_j / (1 + s) and
         * softmax_k - 1 = -s / (1 + s): s is never recovered as (1 + s) - 1, which would cancel
         * completely at large margins. */
        exp_gaps(s, G, Z, c, n, prec);
        arb_add_ui(t, s, 1, prec);
        for (slong j = 0; j < K; j++)
            if (j != k) arb_div(arb_mat_entry(G, j, c), arb_mat_entry(G, j, c), t, prec);
        arb_div(arb_mat_entry(G, k, c), s, t, prec);
        arb_neg(arb_mat_entry(G, k, c), arb_mat_entry(G, k, c));
    }
    arb_clear(s);
    arb_clear(t);
}

void ulpm_ce_loss_grad(arb_t L, arb_mat_t GW, arb_mat_t GH, const arb_mat_t W, const arb_mat_t H, slong n, slong prec)
{
    slong K = arb_mat_nrows(W), N = arb_mat_ncols(H);
    arb_mat_t Z, G, T;
    arb_mat_init(Z, K, N);
    ulpm_ce_logits(Z, W, H, prec);
    if (L) ulpm_ce_loss_logits(L, Z, n, prec);
    if (GW || GH) {
        arb_mat_init(G, K, N);
        ulpm_ce_grad_logits(G, Z, n, prec);
        if (GW) {
            arb_mat_init(T, N, arb_mat_nrows(H));
            arb_mat_transpose(T, H);
            arb_mat_mul(GW, G, T, prec);
            arb_mat_clear(T);
        }
        if (GH) {
            arb_mat_init(T, arb_mat_ncols(W), K);
            arb_mat_transpose(T, W);
            arb_mat_mul(GH, T, G, prec);
            arb_mat_clear(T);
        }
        arb_mat_clear(G);
    }
    arb_mat_clear(Z);
}
