/* bench_blas_peer.c: the OpenBLAS peer of `nccert certify ulpm.lemma-3.1 --K K --n n --d d
 * --seed S` (bench/blas.sh): what one would write with an optimized BLAS and no rigour. It
 * generates the same random-dyadic/1 instance (its own splitmix64, from specs/generators.md),
 * computes every logit with cblas_dgemm (Z^T = H^T W^T, nK x K, one sample per row), scans the margins for q_min and
 * computes the squared Frobenius norms, all in double. Threads: OPENBLAS_NUM_THREADS.
 *
 * usage: bench_blas_peer K n d SEED   prints "q_min <g> bound <g> k <k> i <i>" (%.17g), exit 0;
 * exit 2 with one line on stderr on bad arguments or out of memory. */
#include <cblas.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t next(uint64_t *s) /* splitmix64, specs/generators.md */
{
    uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static double entry(uint64_t *s) /* random-dyadic/1: (u - 2^19) / 2^19, u = top 20 bits */
{
    return ((double)(next(s) >> 44) - 524288.0) / 524288.0;
}

static long arg(const char *s, long lo, long hi)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < lo || v > hi) {
        fprintf(stderr, "bench_blas_peer: bad argument '%s' (usage: bench_blas_peer K n d SEED)\n", s);
        exit(2);
    }
    return v;
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "bench_blas_peer: usage: bench_blas_peer K n d SEED\n");
        return 2;
    }
    long K = arg(argv[1], 2, 100000), n = arg(argv[2], 1, 100000), d = arg(argv[3], 1, 100000), N = n * K;
    uint64_t s = strtoull(argv[4], NULL, 10);
    double *W = malloc((size_t)(K * d) * sizeof(double)), *H = malloc((size_t)(d * N) * sizeof(double));
    double *Z = malloc((size_t)(K * N) * sizeof(double));
    if (!W || !H || !Z) {
        fprintf(stderr, "bench_blas_peer: out of memory\n");
        return 2;
    }
    for (long t = 0; t < K * d; t++) W[t] = entry(&s);
    for (long t = 0; t < d * N; t++) H[t] = entry(&s); /* H row by row: d x N, row-major */
    /* Z^T = H^T W^T (N x K, row-major): each sample's K logits contiguous for the scan */
    cblas_dgemm(CblasRowMajor, CblasTrans, CblasTrans, (int)N, (int)K, (int)d, 1.0, H, (int)N, W, (int)d, 0.0, Z,
                (int)K);
    double q = INFINITY;
    long arg_c = 0;
    for (long c = 0; c < N; c++) {
        const double *z = Z + c * K;
        long k = c / n;
        double best = -INFINITY;
        for (long j = 0; j < K; j++)
            if (j != k && z[j] > best) best = z[j];
        if (z[k] - best < q) q = z[k] - best, arg_c = c;
    }
    double a = 0, b = 0;
    for (long t = 0; t < K * d; t++) a += W[t] * W[t];
    for (long t = 0; t < d * N; t++) b += H[t] * H[t];
    double bound = (a + b) / (2.0 * (double)(K - 1) * sqrt((double)n));
    printf("q_min %.17g bound %.17g k %ld i %ld\n", q, bound, arg_c / n, arg_c % n);
    free(W);
    free(H);
    free(Z);
    return 0;
}
