/* ulpm_theorem34_crit.c: exact criticality on the sphere for ulpm.theorem-3.4 (grad L parallel
 * to x = (W, H)) by the symmetry argument of proofs/derivations/ulpm-theorem-3.4.md, and the
 * enclosure of the multiplier lambda. */
#include <stdlib.h>
#include <flint/fmpq_vec.h>
#include "claims/ulpm/ulpm_theorem34.h"

/* g = (B H^T, W^T B) for the 0/1 matrix B (K x N, row-major chars); then mu with g = mu x
 * exactly. Returns 1 when g is parallel to x. */
static int parallel_mu(fmpq_t mu, const ulpm_t34_point *P, const char *B, const fmpq_t xx)
{
    long K = P->K, d = P->d, N = P->N;
    fmpq *g = _fmpq_vec_init(P->D);
    for (long k = 0; k < K; k++)
        for (long c = 0; c < N; c++) {
            if (!B[k * N + c]) continue;
            for (long l = 0; l < d; l++) {
                fmpq_add(g + k * d + l, g + k * d + l, P->H + l * N + c);
                fmpq_add(g + K * d + l * N + c, g + K * d + l * N + c, P->W + k * d + l);
            }
        }
    fmpq_t dot, t;
    fmpq_init(dot), fmpq_init(t);
    for (long i = 0; i < P->D; i++) fmpq_addmul(dot, g + i, i < K * d ? P->W + i : P->H + (i - K * d));
    fmpq_div(mu, dot, xx);
    int ok = 1;
    for (long i = 0; ok && i < P->D; i++) {
        fmpq_mul(t, mu, i < K * d ? P->W + i : P->H + (i - K * d));
        ok = fmpq_equal(t, g + i);
    }
    fmpq_clear(dot), fmpq_clear(t);
    _fmpq_vec_clear(g, P->D);
    return ok;
}

int ulpm_t34_crit_exact(ulpm_t34_crit *cr, const ulpm_t34_point *P)
{
    long K = P->K, d = P->d, N = P->N;
    cr->V = 0, cr->cap = 0, cr->v = cr->mu = NULL, cr->mult = NULL;
    fmpq_init(cr->muE), fmpq_init(cr->xx);
    for (long t = 0; t < K * d; t++) fmpq_addmul(cr->xx, P->W + t, P->W + t);
    for (long t = 0; t < d * N; t++) fmpq_addmul(cr->xx, P->H + t, P->H + t);
    if (fmpq_is_zero(cr->xx)) return 0;
    fmpq *Z = _fmpq_vec_init(K * N), *col = _fmpq_vec_init(K), *ref = _fmpq_vec_init(K);
    for (long k = 0; k < K; k++)
        for (long c = 0; c < N; c++)
            for (long l = 0; l < d; l++) fmpq_addmul(Z + k * N + c, P->W + k * d + l, P->H + l * N + c);
    int ok = 1;
    for (long c = 0; ok && c < N; c++) { /* every column: the same multiset of logits */
        for (long k = 0; k < K; k++) fmpq_set(col + k, Z + k * N + c);
        _fmpq_vec_sort(col, K);
        if (c == 0)
            ulpm_t34_qvec_set(ref, col, K);
        else
            ok = ulpm_t34_qvec_equal(ref, col, K);
    }
    char *B = malloc((size_t)(K * N));
    if (ok) {
        cr->cap = K, cr->v = _fmpq_vec_init(K), cr->mu = _fmpq_vec_init(K);
        cr->mult = calloc((size_t)K, sizeof(long));
        for (long k = 0; k < K; k++) {
            if (cr->V > 0 && fmpq_equal(ref + k, cr->v + cr->V - 1)) {
                cr->mult[cr->V - 1]++;
                continue;
            }
            fmpq_set(cr->v + cr->V, ref + k);
            cr->mult[cr->V++] = 1;
        }
        for (long u = 0; ok && u < cr->V; u++) {
            for (long t = 0; t < K * N; t++) B[t] = fmpq_equal(Z + t, cr->v + u);
            ok = parallel_mu(cr->mu + u, P, B, cr->xx);
        }
        for (long t = 0; t < K * N; t++) B[t] = (t / N) == (t % N) / P->n; /* label indicator */
        if (ok) ok = parallel_mu(cr->muE, P, B, cr->xx);
    }
    free(B);
    _fmpq_vec_clear(Z, K * N), _fmpq_vec_clear(col, K), _fmpq_vec_clear(ref, K);
    return ok;
}

void ulpm_t34_crit_clear(ulpm_t34_crit *cr)
{
    if (cr->cap) _fmpq_vec_clear(cr->v, cr->cap), _fmpq_vec_clear(cr->mu, cr->cap), free(cr->mult);
    cr->cap = 0, cr->v = cr->mu = NULL, cr->mult = NULL;
    fmpq_clear(cr->muE), fmpq_clear(cr->xx);
}

void ulpm_t34_crit_lambda(arb_t lam, const ulpm_t34_crit *cr, slong prec)
{
    /* sum_u m_u p_u = 1, so lambda = sum_u (mu_u - m_u mu_E) p_u: exact rational coefficients,
     * no cancellation when lambda is tiny (large C) */
    arb_t S, e, t, vmax;
    fmpq_t cf;
    arb_init(S), arb_init(e), arb_init(t), arb_init(vmax), fmpq_init(cf);
    arb_set_fmpq(vmax, cr->v + cr->V - 1, prec); /* values sorted: the last is the largest */
    arb_zero(lam);
    for (long u = 0; u < cr->V; u++) {
        arb_set_fmpq(t, cr->v + u, prec);
        arb_sub(t, t, vmax, prec);
        arb_exp(e, t, prec);
        arb_addmul_si(S, e, cr->mult[u], prec);
        fmpq_mul_si(cf, cr->muE, cr->mult[u]);
        fmpq_sub(cf, cr->mu + u, cf);
        arb_set_fmpq(t, cf, prec);
        arb_addmul(lam, t, e, prec);
    }
    arb_div(lam, lam, S, prec);
    arb_clear(S), arb_clear(e), arb_clear(t), arb_clear(vmax), fmpq_clear(cf);
}
