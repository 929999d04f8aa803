/* ball_pd.c: shifted floating-point Cholesky proposals and their exact a-posteriori
 * verification (ball_pd.h documents the method and why it is sound). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "ball/ball_pd.h"
#include "common/progress.h"

void ball_pd_witness_init(ball_pd_witness *w)
{
    memset(w, 0, sizeof *w);
}

void ball_pd_witness_clear(ball_pd_witness *w)
{
    free(w->Rint);
    memset(w, 0, sizeof *w);
}

int ball_pd_cholesky_double(double *R, const double *A, slong n, double shift)
{
    /* right-looking: R starts as the upper triangle of A - shift I, trailing rows updated in place */
    for (slong i = 0; i < n; i++)
        for (slong j = 0; j < n; j++) R[i * n + j] = j < i ? 0.0 : A[i * n + j] - (i == j ? shift : 0.0);
    progress_begin("Cholesky", n);
    for (slong k = 0; k < n; k++) {
        double p = R[k * n + k];
        progress_set(k);
        if (!(p > 0.0) || !isfinite(p)) return progress_end(), -1;
        p = sqrt(p);
        double *rk = R + k * n;
        rk[k] = p;
        for (slong j = k + 1; j < n; j++) rk[j] /= p;
        for (slong i = k + 1; i < n; i++) {
            const double f = rk[i];
            if (f == 0.0) continue;
            double *ri = R + i * n;
            for (slong j = i; j < n; j++) ri[j] -= f * rk[j];
        }
    }
    progress_end();
    return 0;
}

/* x := (R^T R)^{-1} x by two triangular solves */
static void solve_rtr(const double *R, slong n, double *x)
{
    for (slong i = 0; i < n; i++) { /* R^T y = x */
        double s = x[i];
        for (slong k = 0; k < i; k++) s -= R[k * n + i] * x[k];
        x[i] = s / R[i * n + i];
    }
    for (slong i = n - 1; i >= 0; i--) { /* R z = y */
        double s = x[i];
        for (slong j = i + 1; j < n; j++) s -= R[i * n + j] * x[j];
        x[i] = s / R[i * n + i];
    }
}

double ball_pd_lambda_min_estimate(const double *A, slong n, int iterations)
{
    double *R = malloc(sizeof(double) * (size_t)(n * n)), *x = malloc(sizeof(double) * (size_t)n);
    double est = -1.0;
    progress_begin("lambda_min estimate", iterations);
    if (n == 0 || ball_pd_cholesky_double(R, A, n, 0.0)) goto out;
    for (slong i = 0; i < n; i++) x[i] = 1.0 + 0.37 * (double)((i * 7919) % 13); /* fixed start */
    for (int t = 0; t < iterations; t++) {
        double nx = 0;
        progress_set(t);
        solve_rtr(R, n, x);
        for (slong i = 0; i < n; i++) nx += x[i] * x[i];
        nx = sqrt(nx);
        for (slong i = 0; i < n; i++) x[i] /= nx;
    }
    double num = 0; /* Rayleigh quotient x^T A x (x normalised) */
    for (slong i = 0; i < n; i++) {
        double s = 0;
        for (slong j = 0; j < n; j++) s += A[(i <= j ? i * n + j : j * n + i)] * x[j];
        num += x[i] * s;
    }
    est = num;
out:
    progress_end();
    free(R), free(x);
    return est;
}

/* Quantises the double factor R into w (chooses E, fills Rint; w->n = n). */
static void ball_pd_quantise(ball_pd_witness *w, const double *R, slong n)
{
    double m = 0;
    for (slong t = 0; t < n * n; t++) m = fmax(m, fabs(R[t]));
    int ex = 0;
    if (m > 0) frexp(m, &ex); /* m < 2^ex */
    free(w->Rint);
    w->n = n;
    w->E = 50 - ex; /* |R| 2^E < 2^50 */
    w->Rint = malloc(sizeof(int64_t) * (size_t)(n * n));
    for (slong t = 0; t < n * n; t++) w->Rint[t] = (int64_t)llround(ldexp(R[t], (int)w->E));
}

static void fmpz_set_i128(fmpz_t z, __int128 v)
{
    const int neg = v < 0;
    unsigned __int128 u = neg ? (unsigned __int128)(-(v + 1)) + 1 : (unsigned __int128)v;
    fmpz_set_ui(z, (ulong)(u >> 64));
    fmpz_mul_2exp(z, z, 64);
    fmpz_add_ui(z, z, (ulong)(u & 0xffffffffffffffffULL));
    if (neg) fmpz_neg(z, z);
}

/* G = Rint^T Rint (upper triangle, exact: |products| < 2^100, n < 2^26 terms) */
static __int128 *gram_exact(const int64_t *R, slong n)
{
    __int128 *G = calloc((size_t)(n * n), sizeof(__int128));
    progress_begin("exact Gram matrix", n);
    for (slong k = 0; k < n; k++) {
        const int64_t *rk = R + k * n;
        progress_set(k);
        for (slong i = k; i < n; i++) {
            if (!rk[i]) continue;
            const __int128 f = rk[i];
            __int128 *gi = G + i * n;
            for (slong j = i; j < n; j++) gi[j] += f * rk[j];
        }
    }
    progress_end();
    return G;
}

int ball_pd_verify(const arb_mat_t A, const ball_pd_witness *w, slong prec)
{
    const slong n = w->n;
    if (arb_mat_nrows(A) != n || arb_mat_ncols(A) != n || n >= (1L << 26)) return 0;
    __int128 *G = gram_exact(w->Rint, n);
    arb_t D, mu;
    fmpz_t z;
    arf_t lo, sum, t;
    arb_init(D), arb_init(mu), fmpz_init(z), arf_init(lo), arf_init(sum), arf_init(t);
    arb_set_d(mu, w->mu);
    int ok = 1;
    progress_begin("PD rows", n);
    for (slong i = 0; i < n && ok; i++) {
        progress_set(i);
        arf_zero(sum);
        for (slong j = 0; j < n; j++) {
            fmpz_set_i128(z, i <= j ? G[i * n + j] : G[j * n + i]);
            arb_set_fmpz(D, z);
            arb_mul_2exp_si(D, D, -2 * w->E);
            arb_sub(D, arb_mat_entry(A, i, j), D, prec);
            if (i == j) {
                arb_sub(D, D, mu, prec);
                arb_get_lbound_arf(lo, D, prec);
            } else {
                arb_get_abs_ubound_arf(t, D, prec);
                arf_add(sum, sum, t, prec, ARF_RND_UP);
            }
        }
        ok = arf_sgn(lo) > 0 && arf_cmp(lo, sum) > 0;
    }
    progress_end();
    arb_clear(D), arb_clear(mu), fmpz_clear(z), arf_clear(lo), arf_clear(sum), arf_clear(t);
    free(G);
    return ok;
}

int ball_pd_certify_lower(ball_pd_witness *w, const arb_mat_t A, double frac, slong prec)
{
    const slong n = arb_mat_nrows(A);
    double *M = malloc(sizeof(double) * (size_t)(n * n)), *R = malloc(sizeof(double) * (size_t)(n * n));
    double maxdiag = 0, maxrad = 0;
    int ok = 0;
    progress_begin("PD check", 0);
    for (slong i = 0; i < n; i++) {
        double rs = 0;
        for (slong j = 0; j < n; j++) {
            const arb_struct *a = arb_mat_entry(A, i, j);
            M[i * n + j] = arf_get_d(arb_midref(a), ARF_RND_NEAR);
            rs += mag_get_d(arb_radref(a));
        }
        maxdiag = fmax(maxdiag, fabs(M[i * n + i]));
        maxrad = fmax(maxrad, rs);
    }
    double s = frac * ball_pd_lambda_min_estimate(M, n, 40);
    if (!(s > 0)) goto out;
    /* shifts s, s/2, ..., s/2^40 until one factors (the factor is R: not factored again) */
    int failed = ball_pd_cholesky_double(R, M, n, s);
    for (int tries = 0; tries < 40 && failed; tries++) s *= 0.5, failed = ball_pd_cholesky_double(R, M, n, s);
    if (failed) goto out;
    ball_pd_quantise(w, R, n);
    w->shift = s;
    /* a-priori size of the Cholesky and quantisation residual row sums, then widen on failure */
    double g = 4.0 * (double)((n + 2) * (n + 2)) * ldexp(1.0, -50) * maxdiag + 2.0 * maxrad;
    for (int tries = 0; tries < 5 && !ok; tries++, g *= 16) {
        if (g >= s) break;
        w->mu = s - g;
        ok = ball_pd_verify(A, w, prec);
    }
out:
    progress_end();
    if (!ok) w->mu = 0;
    free(M), free(R);
    return ok;
}
