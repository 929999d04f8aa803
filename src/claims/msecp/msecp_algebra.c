/* msecp_algebra.c: owns the exact statistics, classifiers and losses of seed 003 (see
 * msecp_algebra.h). Every quantity is built from its definition (averages over samples),
 * never from another identity of the paper. */
#include "claims/msecp/msecp_algebra.h"

static void fmpq_div_si(fmpq_t r, const fmpq_t x, slong c)
{
    fmpz_t z;
    fmpz_init_set_si(z, c);
    fmpq_div_fmpz(r, x, z);
    fmpz_clear(z);
}

/* out = (1/n) sum over columns j of (X[:,j] - Z[:,cls(j)]) (X[:,j] - Z[:,cls(j)])^T where
 * cls(j) = j / N when Z has C columns, 0 when it has one. */
static void centred_cov(fmpq_mat_t out, const fmpq_mat_t X, const fmpq_mat_t Z, long N)
{
    long r = fmpq_mat_nrows(X), n = fmpq_mat_ncols(X);
    fmpq_mat_t D, Dt;
    fmpq_mat_init(D, r, n);
    fmpq_mat_init(Dt, n, r);
    for (long j = 0; j < n; j++) {
        long k = fmpq_mat_ncols(Z) == 1 ? 0 : j / N;
        for (long a = 0; a < r; a++)
            fmpq_sub(fmpq_mat_entry(D, a, j), fmpq_mat_entry(X, a, j), fmpq_mat_entry(Z, a, k));
    }
    fmpq_mat_transpose(Dt, D);
    fmpq_mat_mul(out, D, Dt);
    fmpz_t nn;
    fmpz_init_set_si(nn, n);
    fmpq_mat_scalar_div_fmpz(out, out, nn);
    fmpz_clear(nn);
    fmpq_mat_clear(D);
    fmpq_mat_clear(Dt);
}

/* mu (r x 1) = average of all columns; M (r x C) = average of the columns of each class. */
static void means(fmpq_mat_t mu, fmpq_mat_t M, const fmpq_mat_t X, long C, long N)
{
    long r = fmpq_mat_nrows(X);
    fmpq_mat_zero(mu);
    fmpq_mat_zero(M);
    for (long a = 0; a < r; a++)
        for (long j = 0; j < C * N; j++) {
            fmpq_add(fmpq_mat_entry(mu, a, 0), fmpq_mat_entry(mu, a, 0), fmpq_mat_entry(X, a, j));
            fmpq_add(fmpq_mat_entry(M, a, j / N), fmpq_mat_entry(M, a, j / N), fmpq_mat_entry(X, a, j));
        }
    fmpz_t d;
    fmpz_init_set_si(d, C * N);
    fmpq_mat_scalar_div_fmpz(mu, mu, d);
    fmpz_set_si(d, N);
    fmpq_mat_scalar_div_fmpz(M, M, d);
    fmpz_clear(d);
}

static void add_lambda_identity(fmpq_mat_t M, const fmpq_t lambda)
{
    for (long a = 0; a < fmpq_mat_nrows(M); a++) fmpq_add(fmpq_mat_entry(M, a, a), fmpq_mat_entry(M, a, a), lambda);
}

void msecp_ext_init(msecp_ext *E, const fmpq_mat_t H, long C, long N, const fmpq_t lambda)
{
    long p = fmpq_mat_nrows(H), n = C * N, q = p + 1;
    E->C = C, E->N = N, E->p = p, E->n = n, E->q = q;
    fmpq_init(E->lambda);
    fmpq_set(E->lambda, lambda);
    fmpq_mat_init(E->Ht, q, n);
    fmpq_mat_init(E->Y, C, n);
    fmpq_mat_init(E->muG, q, 1);
    fmpq_mat_init(E->Mt, q, C);
    fmpq_mat_init(E->SigT, q, q);
    fmpq_mat_init(E->SigW, q, q);
    fmpq_mat_init(E->G, q, q);
    for (long j = 0; j < n; j++) {
        for (long a = 0; a < p; a++) fmpq_set(fmpq_mat_entry(E->Ht, a, j), fmpq_mat_entry(H, a, j));
        fmpq_one(fmpq_mat_entry(E->Ht, p, j));
        fmpq_one(fmpq_mat_entry(E->Y, j / N, j));
    }
    means(E->muG, E->Mt, E->Ht, C, N);
    centred_cov(E->SigT, E->Ht, E->muG, N);
    centred_cov(E->SigW, E->Ht, E->Mt, N);
    fmpq_mat_t mT;
    fmpq_mat_init(mT, 1, q);
    fmpq_mat_transpose(mT, E->muG);
    fmpq_mat_mul(E->G, E->muG, mT);
    fmpq_mat_add(E->G, E->G, E->SigT);
    add_lambda_identity(E->G, lambda);
    fmpq_mat_clear(mT);
}

void msecp_ext_clear(msecp_ext *E)
{
    fmpq_clear(E->lambda);
    fmpq_mat_clear(E->Ht);
    fmpq_mat_clear(E->Y);
    fmpq_mat_clear(E->muG);
    fmpq_mat_clear(E->Mt);
    fmpq_mat_clear(E->SigT);
    fmpq_mat_clear(E->SigW);
    fmpq_mat_clear(E->G);
}

/* Wt = (1/C) Mt^T S^{-1} for symmetric S: solve S X = Mt, Wt = X^T / C. */
static int wls_from(fmpq_mat_t Wt, const msecp_ext *E, const fmpq_mat_t S)
{
    fmpq_mat_t X;
    fmpq_mat_init(X, E->q, E->C);
    int ok = fmpq_mat_solve_fraction_free(X, S, E->Mt);
    if (ok) {
        fmpz_t c;
        fmpz_init_set_si(c, E->C);
        fmpq_mat_transpose(Wt, X);
        fmpq_mat_scalar_div_fmpz(Wt, Wt, c);
        fmpz_clear(c);
    }
    fmpq_mat_clear(X);
    return ok;
}

int msecp_wls_corrected(fmpq_mat_t Wt, const msecp_ext *E)
{
    return wls_from(Wt, E, E->G);
}

int msecp_wls_printed(fmpq_mat_t Wt, const msecp_ext *E)
{
    fmpq_mat_t S;
    fmpq_mat_init_set(S, E->SigT);
    add_lambda_identity(S, E->lambda);
    int ok = wls_from(Wt, E, S);
    fmpq_mat_clear(S);
    return ok;
}

/* Res = Wt Ht - Y (C x n): the residuals W~ h~ - y of every sample. */
static void residuals(fmpq_mat_t Res, const msecp_ext *E, const fmpq_mat_t Wt)
{
    fmpq_mat_mul(Res, Wt, E->Ht);
    fmpq_mat_sub(Res, Res, E->Y);
}

void msecp_residual14(fmpq_mat_t R, const msecp_ext *E, const fmpq_mat_t Wt)
{
    fmpq_mat_t Res, HtT, L;
    fmpq_mat_init(Res, E->C, E->n);
    fmpq_mat_init(HtT, E->n, E->q);
    fmpq_mat_init(L, E->C, E->q);
    residuals(Res, E, Wt);
    fmpq_mat_transpose(HtT, E->Ht);
    fmpq_mat_mul(R, Res, HtT);
    fmpz_t nn;
    fmpz_init_set_si(nn, E->n);
    fmpq_mat_scalar_div_fmpz(R, R, nn);
    fmpq_mat_scalar_mul_fmpq(L, Wt, E->lambda);
    fmpq_mat_add(R, R, L);
    fmpz_clear(nn);
    fmpq_mat_clear(Res);
    fmpq_mat_clear(HtT);
    fmpq_mat_clear(L);
}

/* out = a/(2n) + (lambda/2) r: the shared shape of losses (2) and (6). */
static void loss_combine(fmpq_t out, const fmpq_t a, long n, const fmpq_t lambda, const fmpq_t r)
{
    fmpq_t t;
    fmpq_init(t);
    fmpq_div_si(out, a, 2 * n);
    fmpq_mul(t, lambda, r);
    fmpq_div_si(t, t, 2);
    fmpq_add(out, out, t);
    fmpq_clear(t);
}

void msecp_loss_ext(fmpq_t out, const msecp_ext *E, const fmpq_mat_t Wt)
{
    fmpq_mat_t Res;
    fmpq_t a, r;
    fmpq_mat_init(Res, E->C, E->n);
    fmpq_init(a);
    fmpq_init(r);
    residuals(Res, E, Wt);
    exact_mat_frob2(a, Res);
    exact_mat_frob2(r, Wt);
    loss_combine(out, a, E->n, E->lambda, r);
    fmpq_mat_clear(Res);
    fmpq_clear(a);
    fmpq_clear(r);
}

void msecp_loss_unext(fmpq_t out, const fmpq_mat_t H, const fmpq_mat_t W, const fmpq_mat_t b, long C, long N,
                      const fmpq_t lambda)
{
    long n = C * N;
    fmpq_mat_t Z;
    fmpq_t a, r, t;
    fmpq_mat_init(Z, C, n);
    fmpq_init(a), fmpq_init(r), fmpq_init(t);
    fmpq_mat_mul(Z, W, H);
    for (long c = 0; c < C; c++)
        for (long j = 0; j < n; j++) {
            fmpq *z = fmpq_mat_entry(Z, c, j);
            fmpq_add(z, z, fmpq_mat_entry(b, c, 0));
            if (j / N == c) fmpq_sub_si(z, z, 1);
        }
    exact_mat_frob2(a, Z);
    exact_mat_frob2(r, W);
    exact_mat_frob2(t, b);
    fmpq_add(r, r, t);
    loss_combine(out, a, n, lambda, r);
    fmpq_mat_clear(Z);
    fmpq_clear(a), fmpq_clear(r), fmpq_clear(t);
}

void msecp_half_quad(fmpq_t out, const fmpq_mat_t D, const fmpq_mat_t M)
{
    fmpq_mat_t DM, Dt, P;
    fmpq_mat_init(DM, fmpq_mat_nrows(D), fmpq_mat_ncols(M));
    fmpq_mat_init(Dt, fmpq_mat_ncols(D), fmpq_mat_nrows(D));
    fmpq_mat_init(P, fmpq_mat_nrows(D), fmpq_mat_nrows(D));
    fmpq_mat_mul(DM, D, M);
    fmpq_mat_transpose(Dt, D);
    fmpq_mat_mul(P, DM, Dt);
    fmpq_mat_trace(out, P);
    fmpq_div_si(out, out, 2);
    fmpq_mat_clear(DM);
    fmpq_mat_clear(Dt);
    fmpq_mat_clear(P);
}

void msecp_nc1(fmpq_t out, const msecp_ext *E, const fmpq_mat_t Wt)
{
    fmpq_mat_t S;
    fmpq_mat_init_set(S, E->SigW);
    add_lambda_identity(S, E->lambda);
    msecp_half_quad(out, Wt, S);
    fmpq_mat_clear(S);
}

void msecp_nc23(fmpq_t out, const msecp_ext *E, const fmpq_mat_t Wt)
{
    fmpq_mat_t P;
    fmpq_mat_init(P, E->C, E->C);
    fmpq_mat_mul(P, Wt, E->Mt);
    for (long c = 0; c < E->C; c++) fmpq_sub_si(fmpq_mat_entry(P, c, c), fmpq_mat_entry(P, c, c), 1);
    exact_mat_frob2(out, P);
    fmpq_div_si(out, out, 2 * E->C);
    fmpq_mat_clear(P);
}

void msecp_unext_init(msecp_unext *U, const fmpq_mat_t H, long C, long N)
{
    long p = fmpq_mat_nrows(H), n = C * N;
    U->C = C, U->N = N, U->p = p, U->n = n;
    fmpq_mat_init(U->muG, p, 1);
    fmpq_mat_init(U->Mbar, p, C);
    fmpq_mat_init(U->Hbar, p, n);
    fmpq_mat_init(U->SigT, p, p);
    fmpq_mat_init(U->SigW, p, p);
    means(U->muG, U->Mbar, H, C, N);
    centred_cov(U->SigW, H, U->Mbar, N); /* before Mbar is centred: mu_c */
    for (long a = 0; a < p; a++) {
        for (long c = 0; c < C; c++)
            fmpq_sub(fmpq_mat_entry(U->Mbar, a, c), fmpq_mat_entry(U->Mbar, a, c), fmpq_mat_entry(U->muG, a, 0));
        for (long j = 0; j < n; j++)
            fmpq_sub(fmpq_mat_entry(U->Hbar, a, j), fmpq_mat_entry(H, a, j), fmpq_mat_entry(U->muG, a, 0));
    }
    fmpq_mat_t z;
    fmpq_mat_init(z, p, 1); /* Sigma_T = (1/CN) Hbar Hbar^T: Hbar's columns centred at 0 */
    centred_cov(U->SigT, U->Hbar, z, N);
    fmpq_mat_clear(z);
}

void msecp_unext_clear(msecp_unext *U)
{
    fmpq_mat_clear(U->muG);
    fmpq_mat_clear(U->Mbar);
    fmpq_mat_clear(U->Hbar);
    fmpq_mat_clear(U->SigT);
    fmpq_mat_clear(U->SigW);
}

int msecp_wls_eq7(fmpq_mat_t W, fmpq_mat_t b, const msecp_unext *U)
{
    fmpq_mat_t X, Wm;
    fmpq_mat_init(X, U->p, U->C);
    fmpq_mat_init(Wm, U->C, 1);
    int ok = fmpq_mat_solve_fraction_free(X, U->SigT, U->Mbar);
    if (ok) {
        fmpz_t c;
        fmpz_init_set_si(c, U->C);
        fmpq_mat_transpose(W, X);
        fmpq_mat_scalar_div_fmpz(W, W, c);
        fmpq_mat_mul(Wm, W, U->muG);
        for (long k = 0; k < U->C; k++) {
            fmpq_set_si(fmpq_mat_entry(b, k, 0), 1, U->C);
            fmpq_sub(fmpq_mat_entry(b, k, 0), fmpq_mat_entry(b, k, 0), fmpq_mat_entry(Wm, k, 0));
        }
        fmpz_clear(c);
    }
    fmpq_mat_clear(X);
    fmpq_mat_clear(Wm);
    return ok;
}
