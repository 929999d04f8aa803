/* bench_pd.c: certified positive definiteness (lambda_min > mu > 0) of an n x n Hessian, in
 * one process, against the plain double Cholesky of the same matrix (the speed limit).
 *
 * The matrix: the Hessian in W of the ridge-regularised MSE loss
 *     L(W) = ||W H - Y||_F^2 / (2N) + (lambda/2) ||W||_F^2,   Hessian (per row of W) = H H^T / N + lambda I,
 * with H (n x N, N = 1024) random-dyadic/1-style entries (u - 2^19)/2^19 from splitmix64 (seed
 * 2024) and lambda = 1/16. Every entry is an exact double (partial sums of 1024 products with
 * denominator 2^38 and magnitude < 2^10 need at most 48 bits), so the balls are points.
 *
 * Methods (rows, tab-separated: label, n, method, median seconds, ratio to plain, result):
 *   plain    ball_pd_cholesky_double (shift 0): what one would write, no rigour
 *   nccert   ball_pd_certify_lower (src/ball/ball_pd.c, Rump's shifted Cholesky, dyadic factor,
 *            exact int128 Gram, Arb diagonal dominance), 128 bits
 *   nccheck  ck_pd_verify_shift (src/check/check_pd.c: the checker's independent re-check from
 *            the certified shift and mu: re-factor, exact int128 Gram, MPFI)
 *   arbcho   arb_mat_cho at 64 and 128 bits (Arb without the a-posteriori method)
 * usage: bench_pd LABEL n METHOD...   (plain always runs first; each method is timed in
 * alternation with plain, 3 pairs, and the ratio is the median of the paired ratios) */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arb_mat.h>
#include <gmp.h>
#include <mpfi.h>
#include "ball/ball_pd.h"
#include "instance/splitmix64.h"
#include "check_pd.h"
#include "bench_timing.h"

typedef struct {
    long n;
    double *A;         /* row-major, exact */
    arb_mat_t Ab;      /* the same as point balls */
    mpfi_t *Ai;        /* the same as MPFI points */
    ball_pd_witness w; /* nccert's witness (shift, mu) */
    int ok;
    char note[160];
} pd_ctx;

static void make_hessian(pd_ctx *x)
{
    const long n = x->n, N = 1024;
    double *H = malloc(sizeof(double) * (size_t)(n * N));
    uint64_t st = 2024;
    for (long t = 0; t < n * N; t++) H[t] = splitmix64_dyadic_entry(&st);
    x->A = malloc(sizeof(double) * (size_t)(n * n));
    for (long i = 0; i < n; i++)
        for (long j = i; j < n; j++) {
            double s = 0; /* exact: see the header comment */
            for (long c = 0; c < N; c++) s += H[i * N + c] * H[j * N + c];
            s = s / (double)N + (i == j ? 0.0625 : 0.0);
            x->A[i * n + j] = x->A[j * n + i] = s;
        }
    free(H);
    arb_mat_init(x->Ab, n, n);
    x->Ai = malloc(sizeof(mpfi_t) * (size_t)(n * n));
    for (long t = 0; t < n * n; t++) {
        arb_set_d(arb_mat_entry(x->Ab, t / n, t % n), x->A[t]);
        mpfi_init2(x->Ai[t], 53);
        mpfi_set_d(x->Ai[t], x->A[t]);
    }
}

static void run_plain(void *arg)
{
    pd_ctx *x = arg;
    double *R = malloc(sizeof(double) * (size_t)(x->n * x->n));
    x->ok = ball_pd_cholesky_double(R, x->A, x->n, 0.0) == 0;
    snprintf(x->note, sizeof x->note, "%s", x->ok ? "Cholesky succeeded (no rigour)" : "Cholesky failed");
    free(R);
}

static void run_nccert(void *arg)
{
    pd_ctx *x = arg;
    x->ok = ball_pd_certify_lower(&x->w, x->Ab, 0.9, 128);
    snprintf(x->note, sizeof x->note, x->ok ? "certified lambda_min > mu = %.6g" : "not certified (mu %g)", x->w.mu);
}

static void run_nccheck(void *arg)
{
    pd_ctx *x = arg;
    mpq_t mu;
    mpq_init(mu);
    mpq_set_d(mu, x->w.mu);
    x->ok = x->w.mu > 0 && ck_pd_verify_shift(x->Ai, x->n, mu, x->w.shift);
    snprintf(x->note, sizeof x->note, x->ok ? "accepted lambda_min > mu = %.6g" : "REJECTED (mu %g)", x->w.mu);
    mpq_clear(mu);
}

static void run_arbcho(pd_ctx *x, slong prec)
{
    arb_mat_t L;
    arb_mat_init(L, x->n, x->n);
    x->ok = arb_mat_cho(L, x->Ab, prec);
    snprintf(x->note, sizeof x->note, "%s", x->ok ? "PD proved" : "could not prove PD");
    arb_mat_clear(L);
}

static void run_arbcho64(void *x)
{
    run_arbcho(x, 64);
}
static void run_arbcho128(void *x)
{
    run_arbcho(x, 128);
}

static const bench_method METHODS[] = {
    {"nccert", "nccert PD (Rump shifted Cholesky + exact verification)", run_nccert},
    {"nccheck", "nccheck PD re-check (int128 Gram + MPFI)", run_nccheck},
    {"arbcho64", "Arb arb_mat_cho, 64 bits", run_arbcho64},
    {"arbcho128", "Arb arb_mat_cho, 128 bits", run_arbcho128},
};
#define NMETHODS ((int)(sizeof METHODS / sizeof METHODS[0]))

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_pd LABEL n METHOD...  (nccert nccheck arbcho64 arbcho128)\n");
        return 2;
    }
    pd_ctx x;
    memset(&x, 0, sizeof x);
    x.n = atol(argv[2]);
    if (x.n < 2 || x.n > 5000) {
        fprintf(stderr, "bench_pd: n in [2, 5000]\n");
        return 2;
    }
    make_hessian(&x);
    ball_pd_witness_init(&x.w);
    char inst[64];
    snprintf(inst, sizeof inst, "n=%ld", x.n);
    double tp = bench_time_plain(run_plain, &x, 3);
    bench_row(argv[1], inst, "plain double Cholesky (no rigour)", tp, 1.0, x.note);
    int status = x.ok ? 0 : 1;
    for (int a = 3; a < argc; a++) {
        int m = bench_find_method(METHODS, NMETHODS, argv[a]);
        if (m < 0) {
            fprintf(stderr, "bench_pd: unknown method %s\n", argv[a]);
            return 2;
        }
        double tm, ratio;
        bench_time_paired(METHODS[m].fn, run_plain, &x, tp, 3, &tm, &ratio);
        if (!x.ok && strncmp(argv[a], "arbcho", 6) != 0) status = 1;
        bench_row(argv[1], inst, METHODS[m].name, tm, ratio, x.note);
    }
    for (long t = 0; t < x.n * x.n; t++) mpfi_clear(x.Ai[t]);
    free(x.Ai);
    free(x.A);
    arb_mat_clear(x.Ab);
    ball_pd_witness_clear(&x.w);
    flint_cleanup();
    return status;
}
