/* check_msecp_stats.c: owns nccheck's recomputation of the seed-003 statistics and losses:
 * means and covariances as explicit sums over samples, the LS classifiers by exact inverses. */
#include "check_alloc.h"
#include "msecp/check_msecp_stats.h"

#include <stdlib.h>

/* acc += (1/n) sum_j (X[:,j] - Z[:,k(j)]) (X[:,j] - Z[:,k(j)])^T, k(j) = j/N or 0 (Z one column). */
static ckm *cov(const ckm *X, const ckm *Z, long N)
{
    long r = X->r, n = X->c;
    ckm *acc = ck_msecp_mat_new(r, r);
    mpq_t *d = ck_malloc((size_t)r * sizeof(mpq_t));
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
    ck_msecp_mat_scale(acc, t);
    for (long a = 0; a < r; a++) mpq_clear(d[a]);
    ck_free(d);
    mpq_clear(t);
    return acc;
}

/* mu = column average, M[:,c] = average over class c's columns c*N .. c*N+N-1. */
static void avg(const ckm *X, long C, long N, ckm **mu, ckm **M)
{
    long r = X->r;
    mpq_t t;
    mpq_init(t);
    *mu = ck_msecp_mat_new(r, 1), *M = ck_msecp_mat_new(r, C);
    for (long a = 0; a < r; a++)
        for (long c = 0; c < C; c++)
            for (long i = 0; i < N; i++) {
                mpq_add(CKM(*M, a, c), CKM(*M, a, c), CKM(X, a, c * N + i));
                mpq_add(CKM(*mu, a, 0), CKM(*mu, a, 0), CKM(X, a, c * N + i));
            }
    mpq_set_si(t, 1, (unsigned long)N);
    ck_msecp_mat_scale(*M, t);
    mpq_set_si(t, 1, (unsigned long)(C * N));
    ck_msecp_mat_scale(*mu, t);
    mpq_clear(t);
}

void ck_msecp_ext_init(ck_msecp_ext *E, const ckm *H, long C, long N, const mpq_t lambda)
{
    long p = H->r, n = C * N, q = p + 1;
    E->C = C, E->N = N, E->p = p, E->n = n, E->q = q;
    mpq_init(E->lambda);
    mpq_set(E->lambda, lambda);
    E->Ht = ck_msecp_mat_new(q, n), E->Y = ck_msecp_mat_new(C, n);
    for (long j = 0; j < n; j++) {
        for (long a = 0; a < p; a++) mpq_set(CKM(E->Ht, a, j), CKM(H, a, j));
        mpq_set_ui(CKM(E->Ht, p, j), 1, 1);
        mpq_set_ui(CKM(E->Y, j / N, j), 1, 1);
    }
    avg(E->Ht, C, N, &E->muG, &E->Mt);
    E->SigT = cov(E->Ht, E->muG, N);
    E->SigW = cov(E->Ht, E->Mt, N);
    ckm *mt = ck_msecp_mat_tr(E->muG), *mm = ck_msecp_mat_mul(E->muG, mt);
    E->G = ck_msecp_mat_lin(E->SigT, 1, mm, 1);
    ck_msecp_mat_add_diag(E->G, lambda);
    ck_msecp_mat_free(mt), ck_msecp_mat_free(mm);
}

void ck_msecp_ext_free(ck_msecp_ext *E)
{
    mpq_clear(E->lambda);
    ck_msecp_mat_free(E->Ht), ck_msecp_mat_free(E->Y), ck_msecp_mat_free(E->muG), ck_msecp_mat_free(E->Mt);
    ck_msecp_mat_free(E->SigT), ck_msecp_mat_free(E->SigW), ck_msecp_mat_free(E->G);
}

ckm *ck_msecp_wls(const ck_msecp_ext *E, int printed)
{
    ckm *S = ck_msecp_mat_copy(printed ? E->SigT : E->G);
    if (printed) ck_msecp_mat_add_diag(S, E->lambda);
    ckm *Si = ck_msecp_mat_inv(S), *W = NULL;
    if (Si) {
        ckm *MtT = ck_msecp_mat_tr(E->Mt);
        W = ck_msecp_mat_mul(MtT, Si);
        mpq_t t;
        mpq_init(t);
        mpq_set_si(t, 1, (unsigned long)E->C);
        ck_msecp_mat_scale(W, t);
        mpq_clear(t);
        ck_msecp_mat_free(MtT);
    }
    ck_msecp_mat_free(S), ck_msecp_mat_free(Si);
    return W;
}

static ckm *resid(const ck_msecp_ext *E, const ckm *Wt)
{
    ckm *P = ck_msecp_mat_mul(Wt, E->Ht), *R = ck_msecp_mat_lin(P, 1, E->Y, -1);
    ck_msecp_mat_free(P);
    return R;
}

ckm *ck_msecp_residual14(const ck_msecp_ext *E, const ckm *Wt)
{
    ckm *R = resid(E, Wt), *HtT = ck_msecp_mat_tr(E->Ht), *A = ck_msecp_mat_mul(R, HtT), *L = ck_msecp_mat_copy(Wt);
    mpq_t t;
    mpq_init(t);
    mpq_set_si(t, 1, (unsigned long)E->n);
    ck_msecp_mat_scale(A, t);
    ck_msecp_mat_scale(L, E->lambda);
    ckm *out = ck_msecp_mat_lin(A, 1, L, 1);
    mpq_clear(t);
    ck_msecp_mat_free(R), ck_msecp_mat_free(HtT), ck_msecp_mat_free(A), ck_msecp_mat_free(L);
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

void ck_msecp_loss_ext(mpq_t out, const ck_msecp_ext *E, const ckm *Wt)
{
    ckm *R = resid(E, Wt);
    mpq_t a, r;
    mpq_inits(a, r, NULL);
    ck_msecp_mat_frob2(a, R);
    ck_msecp_mat_frob2(r, Wt);
    combine(out, a, E->n, E->lambda, r);
    mpq_clears(a, r, NULL);
    ck_msecp_mat_free(R);
}

void ck_msecp_loss_unext(mpq_t out, const ckm *H, const ckm *W, const ckm *b, long C, long N, const mpq_t lambda)
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
    ck_msecp_mat_frob2(r, W);
    ck_msecp_mat_frob2(t, b);
    mpq_add(r, r, t);
    combine(out, a, n, lambda, r);
    mpq_clears(a, r, t, z, NULL);
}

void ck_msecp_half_quad(mpq_t out, const ckm *D, const ckm *M)
{
    ckm *DM = ck_msecp_mat_mul(D, M), *Dt = ck_msecp_mat_tr(D), *P = ck_msecp_mat_mul(DM, Dt);
    ck_msecp_mat_trace(out, P);
    mpq_div_2exp(out, out, 1);
    ck_msecp_mat_free(DM), ck_msecp_mat_free(Dt), ck_msecp_mat_free(P);
}

void ck_msecp_nc1(mpq_t out, const ck_msecp_ext *E, const ckm *Wt)
{
    ckm *S = ck_msecp_mat_copy(E->SigW);
    ck_msecp_mat_add_diag(S, E->lambda);
    ck_msecp_half_quad(out, Wt, S);
    ck_msecp_mat_free(S);
}

void ck_msecp_nc23(mpq_t out, const ck_msecp_ext *E, const ckm *Wt)
{
    ckm *P = ck_msecp_mat_mul(Wt, E->Mt);
    mpq_t t;
    mpq_init(t);
    mpq_set_si(t, -1, 1);
    ck_msecp_mat_add_diag(P, t);
    ck_msecp_mat_frob2(out, P);
    mpq_set_si(t, 1, (unsigned long)(2 * E->C));
    mpq_mul(out, out, t);
    mpq_clear(t);
    ck_msecp_mat_free(P);
}

void ck_msecp_unext_init(ck_msecp_unext *U, const ckm *H, long C, long N)
{
    long p = H->r, n = C * N;
    U->C = C, U->N = N, U->p = p, U->n = n;
    ckm *mus;
    avg(H, C, N, &U->muG, &mus);
    U->SigW = cov(H, mus, N);
    U->Mbar = ck_msecp_mat_new(p, C), U->Hbar = ck_msecp_mat_new(p, n);
    for (long a = 0; a < p; a++) {
        for (long c = 0; c < C; c++) mpq_sub(CKM(U->Mbar, a, c), CKM(mus, a, c), CKM(U->muG, a, 0));
        for (long j = 0; j < n; j++) mpq_sub(CKM(U->Hbar, a, j), CKM(H, a, j), CKM(U->muG, a, 0));
    }
    ckm *HbT = ck_msecp_mat_tr(U->Hbar);
    U->SigT = ck_msecp_mat_mul(U->Hbar, HbT);
    mpq_t t;
    mpq_init(t);
    mpq_set_si(t, 1, (unsigned long)n);
    ck_msecp_mat_scale(U->SigT, t);
    mpq_clear(t);
    ck_msecp_mat_free(HbT), ck_msecp_mat_free(mus);
}

void ck_msecp_unext_free(ck_msecp_unext *U)
{
    ck_msecp_mat_free(U->muG), ck_msecp_mat_free(U->Mbar), ck_msecp_mat_free(U->Hbar), ck_msecp_mat_free(U->SigT),
        ck_msecp_mat_free(U->SigW);
}

int ck_msecp_wls7(const ck_msecp_unext *U, ckm **W, ckm **b)
{
    *W = *b = NULL;
    ckm *Si = ck_msecp_mat_inv(U->SigT);
    if (!Si) return 0;
    ckm *MbT = ck_msecp_mat_tr(U->Mbar);
    *W = ck_msecp_mat_mul(MbT, Si);
    mpq_t t;
    mpq_init(t);
    mpq_set_si(t, 1, (unsigned long)U->C);
    ck_msecp_mat_scale(*W, t);
    ckm *Wm = ck_msecp_mat_mul(*W, U->muG);
    *b = ck_msecp_mat_new(U->C, 1);
    for (long k = 0; k < U->C; k++) mpq_sub(CKM(*b, k, 0), t, CKM(Wm, k, 0));
    mpq_clear(t);
    ck_msecp_mat_free(Si), ck_msecp_mat_free(MbT), ck_msecp_mat_free(Wm);
    return 1;
}
