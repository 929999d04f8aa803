/* check_msecp_stats.c: owns nccheck's recomputation of the seed-003 statistics and losses:
 * means and covariances as explicit sums over samples, the LS classifiers by exact inverses. */
#include "msecp/check_msecp_stats.h"

#include <stdlib.h>

/* acc += (1/n) sum_j (X[:,j] - Z[:,k(j)]) (X[:,j] - Z[:,k(j)])^T, k(j) = j/N or 0 (Z one column). */
static ckm *cov(const ckm *X, const ckm *Z, long N)
{
    long r = X->r, n = X->c;
    ckm *acc = ckm_new(r, r);
    mpq_t *d = malloc((size_t)r * sizeof(mpq_t));
    mpq_t t;
    mpq_init(t);
    for (long a = 0; a < r; a++) mpq_init(d[a]);
    for (long j = 0; j < n; j++) {
        long k = Z->c == 1 ? 0 : j / N;
        for (long a = 0; a < r; a++) mpq_sub(d[a], CKM(X, a, j), CKM(Z, a, k));
        for (long a = 0; a < r; a++)
            for (long b = 0; b < r; b++) {
                mpq_mul(t, d[a], d[b]);
                mpq_add(CKM(acc, a, b), CKM(acc, a, b), t);
            }
    }
    mpq_set_si(t, 1, (unsigned long)n);
    ckm_scale(acc, t);
    for (long a = 0; a < r; a++) mpq_clear(d[a]);
    free(d);
    mpq_clear(t);
    return acc;
}

/* mu = column average, M[:,c] = average over class c's columns c*N .. c*N+N-1. */
static void avg(const ckm *X, long C, long N, ckm **mu, ckm **M)
{
    long r = X->r;
    mpq_t t;
    mpq_init(t);
    *mu = ckm_new(r, 1), *M = ckm_new(r, C);
    for (long a = 0; a < r; a++)
        for (long c = 0; c < C; c++)
            for (long i = 0; i < N; i++) {
                mpq_add(CKM(*M, a, c), CKM(*M, a, c), CKM(X, a, c * N + i));
                mpq_add(CKM(*mu, a, 0), CKM(*mu, a, 0), CKM(X, a, c * N + i));
            }
    mpq_set_si(t, 1, (unsigned long)N);
    ckm_scale(*M, t);
    mpq_set_si(t, 1, (unsigned long)(C * N));
    ckm_scale(*mu, t);
    mpq_clear(t);
}

void ckms_ext_init(ckms_ext *E, const ckm *H, long C, long N, const mpq_t lambda)
{
    long p = H->r, n = C * N, q = p + 1;
    E->C = C, E->N = N, E->p = p, E->n = n, E->q = q;
    mpq_init(E->lambda);
    mpq_set(E->lambda, lambda);
    E->Ht = ckm_new(q, n), E->Y = ckm_new(C, n);
    for (long j = 0; j < n; j++) {
        for (long a = 0; a < p; a++) mpq_set(CKM(E->Ht, a, j), CKM(H, a, j));
        mpq_set_ui(CKM(E->Ht, p, j), 1, 1);
        mpq_set_ui(CKM(E->Y, j / N, j), 1, 1);
    }
    avg(E->Ht, C, N, &E->muG, &E->Mt);
    E->SigT = cov(E->Ht, E->muG, N);
    E->SigW = cov(E->Ht, E->Mt, N);
    ckm *mt = ckm_tr(E->muG), *mm = ckm_mul(E->muG, mt);
    E->G = ckm_lin(E->SigT, 1, mm, 1);
    ckm_add_diag(E->G, lambda);
    ckm_free(mt), ckm_free(mm);
}

void ckms_ext_free(ckms_ext *E)
{
    mpq_clear(E->lambda);
    ckm_free(E->Ht), ckm_free(E->Y), ckm_free(E->muG), ckm_free(E->Mt);
    ckm_free(E->SigT), ckm_free(E->SigW), ckm_free(E->G);
}

ckm *ckms_wls(const ckms_ext *E, int printed)
{
    ckm *S = ckm_copy(printed ? E->SigT : E->G);
    if (printed) ckm_add_diag(S, E->lambda);
    ckm *Si = ckm_inv(S), *W = NULL;
    if (Si) {
        ckm *MtT = ckm_tr(E->Mt);
        W = ckm_mul(MtT, Si);
        mpq_t t;
        mpq_init(t);
        mpq_set_si(t, 1, (unsigned long)E->C);
        ckm_scale(W, t);
        mpq_clear(t);
        ckm_free(MtT);
    }
    ckm_free(S), ckm_free(Si);
    return W;
}

static ckm *resid(const ckms_ext *E, const ckm *Wt)
{
    ckm *P = ckm_mul(Wt, E->Ht), *R = ckm_lin(P, 1, E->Y, -1);
    ckm_free(P);
    return R;
}

ckm *ckms_residual14(const ckms_ext *E, const ckm *Wt)
{
    ckm *R = resid(E, Wt), *HtT = ckm_tr(E->Ht), *A = ckm_mul(R, HtT), *L = ckm_copy(Wt);
    mpq_t t;
    mpq_init(t);
    mpq_set_si(t, 1, (unsigned long)E->n);
    ckm_scale(A, t);
    ckm_scale(L, E->lambda);
    ckm *out = ckm_lin(A, 1, L, 1);
    mpq_clear(t);
    ckm_free(R), ckm_free(HtT), ckm_free(A), ckm_free(L);
    return out;
}

/* out = a/(2n) + lambda r / 2 */
static void combine(mpq_t out, const mpq_t a, long n, const mpq_t lambda, const mpq_t r)
{
    mpq_t t;
    mpq_init(t);
    mpq_set_si(t, 1, (unsigned long)(2 * n));
    mpq_mul(out, a, t);
    mpq_mul(t, lambda, r);
    mpq_div_2exp(t, t, 1);
    mpq_add(out, out, t);
    mpq_clear(t);
}

void ckms_loss_ext(mpq_t out, const ckms_ext *E, const ckm *Wt)
{
    ckm *R = resid(E, Wt);
    mpq_t a, r;
    mpq_inits(a, r, NULL);
    ckm_frob2(a, R);
    ckm_frob2(r, Wt);
    combine(out, a, E->n, E->lambda, r);
    mpq_clears(a, r, NULL);
    ckm_free(R);
}

void ckms_loss_unext(mpq_t out, const ckm *H, const ckm *W, const ckm *b, long C, long N, const mpq_t lambda)
{
    long n = C * N;
    mpq_t a, r, t, z;
    mpq_inits(a, r, t, z, NULL);
    /* sum over samples (i, c) of ||W h_{i,c} + b - y_{i,c}||^2, sample by sample */
    for (long j = 0; j < n; j++)
        for (long k = 0; k < C; k++) {
            mpq_set(z, CKM(b, k, 0));
            for (long l = 0; l < W->c; l++) {
                mpq_mul(t, CKM(W, k, l), CKM(H, l, j));
                mpq_add(z, z, t);
            }
            if (j / N == k) {
                mpq_set_ui(t, 1, 1);
                mpq_sub(z, z, t);
            }
            mpq_mul(t, z, z);
            mpq_add(a, a, t);
        }
    ckm_frob2(r, W);
    ckm_frob2(t, b);
    mpq_add(r, r, t);
    combine(out, a, n, lambda, r);
    mpq_clears(a, r, t, z, NULL);
}

void ckms_half_quad(mpq_t out, const ckm *D, const ckm *M)
{
    ckm *DM = ckm_mul(D, M), *Dt = ckm_tr(D), *P = ckm_mul(DM, Dt);
    ckm_trace(out, P);
    mpq_div_2exp(out, out, 1);
    ckm_free(DM), ckm_free(Dt), ckm_free(P);
}

void ckms_nc1(mpq_t out, const ckms_ext *E, const ckm *Wt)
{
    ckm *S = ckm_copy(E->SigW);
    ckm_add_diag(S, E->lambda);
    ckms_half_quad(out, Wt, S);
    ckm_free(S);
}

void ckms_nc23(mpq_t out, const ckms_ext *E, const ckm *Wt)
{
    ckm *P = ckm_mul(Wt, E->Mt);
    mpq_t t;
    mpq_init(t);
    mpq_set_si(t, -1, 1);
    ckm_add_diag(P, t);
    ckm_frob2(out, P);
    mpq_set_si(t, 1, (unsigned long)(2 * E->C));
    mpq_mul(out, out, t);
    mpq_clear(t);
    ckm_free(P);
}

void ckms_unext_init(ckms_unext *U, const ckm *H, long C, long N)
{
    long p = H->r, n = C * N;
    U->C = C, U->N = N, U->p = p, U->n = n;
    ckm *mus;
    avg(H, C, N, &U->muG, &mus);
    U->SigW = cov(H, mus, N);
    U->Mbar = ckm_new(p, C), U->Hbar = ckm_new(p, n);
    for (long a = 0; a < p; a++) {
        for (long c = 0; c < C; c++) mpq_sub(CKM(U->Mbar, a, c), CKM(mus, a, c), CKM(U->muG, a, 0));
        for (long j = 0; j < n; j++) mpq_sub(CKM(U->Hbar, a, j), CKM(H, a, j), CKM(U->muG, a, 0));
    }
    ckm *HbT = ckm_tr(U->Hbar);
    U->SigT = ckm_mul(U->Hbar, HbT);
    mpq_t t;
    mpq_init(t);
    mpq_set_si(t, 1, (unsigned long)n);
    ckm_scale(U->SigT, t);
    mpq_clear(t);
    ckm_free(HbT), ckm_free(mus);
}

void ckms_unext_free(ckms_unext *U)
{
    ckm_free(U->muG), ckm_free(U->Mbar), ckm_free(U->Hbar), ckm_free(U->SigT), ckm_free(U->SigW);
}

int ckms_wls7(const ckms_unext *U, ckm **W, ckm **b)
{
    *W = *b = NULL;
    ckm *Si = ckm_inv(U->SigT);
    if (!Si) return 0;
    ckm *MbT = ckm_tr(U->Mbar);
    *W = ckm_mul(MbT, Si);
    mpq_t t;
    mpq_init(t);
    mpq_set_si(t, 1, (unsigned long)U->C);
    ckm_scale(*W, t);
    ckm *Wm = ckm_mul(*W, U->muG);
    *b = ckm_new(U->C, 1);
    for (long k = 0; k < U->C; k++) mpq_sub(CKM(*b, k, 0), t, CKM(Wm, k, 0));
    mpq_clear(t);
    ckm_free(Si), ckm_free(MbT), ckm_free(Wm);
    return 1;
}
