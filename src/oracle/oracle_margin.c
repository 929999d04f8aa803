/* oracle_margin.c: owns the margin oracle: the logits of every sample by cblas_dgemm (an
 * optimized BLAS, OpenBLAS here) in blocks of samples, a margin scan, and the band test that
 * keeps the samples which may minimise the proved kernels' margins. Nothing computed here is
 * evidence: the caller re-evaluates the candidates with the proved kernels and the witness
 * with Arb. Why the band covers the kernels' minimiser when BLAS is within its a-priori error
 * bound: proofs/derivations/ulpm-lemma-3.1.md, "Tier 0 with a BLAS oracle". */
#include <cblas.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>
#include "oracle/oracle_margin.h"

/* OpenBLAS's thread setting (declared by OpenBLAS's cblas.h, not by the reference CBLAS header
 * that Debian's alternatives may install as <cblas.h>). */
void openblas_set_num_threads(int num_threads);

#define ORACLE_BLOCK_ENTRIES (1L << 19) /* logits held at once: 4 MB */
#define ORACLE_MAX_PRODUCT 0x1p1018     /* max|W| * sum|h| above this: no screening */
#define ORACLE_FEW 64                   /* this many candidates are always re-scanned */

#define ORACLE_BLAS_BUFFER (256.0 * 1048576.0) /* per BLAS thread, and once more: room we ask for */

/* 1 if the address space leaves room for OpenBLAS's work buffers (128 MiB each, one per thread):
 * under a tight RLIMIT_AS its allocator retries a failed malloc forever instead of failing, so
 * the oracle stands aside (the kernels sweep) unless the cap is absent or far enough away. */
static int oracle_memory_ok(int threads)
{
    struct rlimit r;
    if (getrlimit(RLIMIT_AS, &r) != 0) return 0;
    if (r.rlim_cur == RLIM_INFINITY) return 1;
    unsigned long pages = 0;
    FILE *f = fopen("/proc/self/statm", "r"); /* first field: the address space in pages */
    int got = f && fscanf(f, "%lu", &pages) == 1;
    if (f) fclose(f);
    if (!got) return 0;
    double used = (double)pages * (double)sysconf(_SC_PAGESIZE);
    return (double)r.rlim_cur - used >= ORACLE_BLAS_BUFFER * (threads + 1);
}

/* a = max |W[t]|, h1[c] = sum_l |Ht[c*d+l]| (any order: a sum of d non-negative terms is within
 * (d-1)u relative of its value in every order); 0 if all finite, else 1. */
static int oracle_abs_norms(long K, long N, long d, const double *W, const double *Ht, double *wmax, double *h1)
{
    double a = 0.0;
    for (long t = 0; t < K * d; t++) {
        double v = fabs(W[t]);
        if (!(v <= DBL_MAX)) return 1;
        if (v > a) a = v;
    }
    *wmax = a;
    for (long c = 0; c < N; c++) {
        const double *h = Ht + c * d;
        double p[4] = {0.0, 0.0, 0.0, 0.0}; /* four partial sums: not latency-bound */
        long l = 0;
        for (; l + 4 <= d; l += 4)
            for (int t = 0; t < 4; t++) p[t] += fabs(h[l + t]);
        for (; l < d; l++) p[0] += fabs(h[l]);
        double s = (p[0] + p[1]) + (p[2] + p[3]);
        if (!(s * a <= ORACLE_MAX_PRODUCT)) return 1; /* also catches inf/NaN */
        h1[c] = s;
    }
    return 0;
}

/* Margin of one sample from its oracle logits y[0..K-1] (class k): y[k] - max_{j != k} y[j],
 * NaN if any logit is not finite. */
static double oracle_margin(long K, long k, const double *y)
{
    double best = -INFINITY;
    int bad = 0;
    for (long j = 0; j < K; j++) {
        bad |= !(fabs(y[j]) <= DBL_MAX);
        if (j != k && y[j] > best) best = y[j];
    }
    return bad ? NAN : y[k] - best;
}

/* m[c] for every sample: logits Z = Ht_block W^T (B x K, row-major) by dgemm, block by block. */
static int oracle_margins(long K, long n, long d, const double *W, const double *Ht, double *m)
{
    long N = n * K, B = ORACLE_BLOCK_ENTRIES / K;
    if (B < 1) B = 1;
    if (B > N) B = N;
    double *Z = malloc((size_t)(B * K) * sizeof(double));
    if (!Z) return -1;
    for (long c0 = 0; c0 < N; c0 += B) {
        long rows = N - c0 < B ? N - c0 : B;
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)rows, (int)K, (int)d, 1.0, Ht + c0 * d, (int)d, W,
                    (int)d, 0.0, Z, (int)K);
        for (long r = 0; r < rows; r++) m[c0 + r] = oracle_margin(K, (c0 + r) / n, Z + r * K);
    }
    free(Z);
    return 0;
}

int oracle_margin_candidates(long K, long n, long d, const double *W, const double *Ht, int threads, long *cand,
                             long *count)
{
    long N = n * K;
    double wmax, *h1 = malloc((size_t)N * sizeof(double)), *m = malloc((size_t)N * sizeof(double));
    int rc = -1;
    if (!h1 || !m) goto done;
    rc = 1;
    if (!oracle_memory_ok(threads) || oracle_abs_norms(K, N, d, W, Ht, &wmax, h1)) goto done;
    openblas_set_num_threads(threads < 1 ? 1 : threads);
    rc = -1;
    if (oracle_margins(K, n, d, W, Ht, m)) goto done;
    /* E_c = 4 (4 gamma_d + 5u) wmax h1[c] + 8 d eta, gamma_d <= 1.02 d u (d u < 0.01) */
    const double g = 4.0 * (4.0 * 1.02 * (double)d + 5.0) * 0x1p-53, under = 8.0 * (double)d * 0x1p-1074;
    double T = INFINITY; /* min over samples of m[c] + E_c (NaN margins skipped) */
    for (long c = 0; c < N; c++) {
        double hi = m[c] + (g * (wmax * h1[c]) + under);
        if (hi < T) T = hi;
    }
    long cnt = 0;
    for (long c = 0; c < N; c++)
        if (!(m[c] - (g * (wmax * h1[c]) + under) > T)) cand[cnt++] = c; /* NaN: a candidate */
    *count = cnt;
    rc = cnt > ORACLE_FEW && cnt > N / 4 ? 1 : 0;
done:
    free(h1);
    free(m);
    return rc;
}
