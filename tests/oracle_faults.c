/* oracle_faults.c: a faulty BLAS for tests/t_oracle_faults.sh, loaded with LD_PRELOAD into
 * nccert: its cblas_dgemm calls the real one (dlsym RTLD_NEXT) and then corrupts the result,
 * so that the test can show a wrong oracle costs only time (never a wrong verdict).
 * NCCERT_FAULT_SEED (decimal, required) seeds a splitmix64 stream; each call draws a mode:
 *   0 sign flips (each entry with probability 1/8)   1 wrong entries (1/8, uniform in [-1e3, 1e3))
 *   2 NaN entries (1/8)                               3 every entry NaN
 *   4 one decoy per call: an entry of a random row raised by 1e6 (a false tiny margin elsewhere)
 *   5 relative noise 2^-30 on every entry (near-ties reordered)   6 untouched (a correct call)
 * NCCERT_FAULT_MODE=m forces mode m on every call; mode 7 (never drawn) is not a fault but the
 * worst a correct BLAS may do: every entry moved by up to gamma_k sum_l |A_il B_lj| (a uniform
 * fraction of it, either sign; row-major calls only), the a-priori bound the oracle's band
 * assumes (proofs/derivations/ulpm-lemma-3.1.md). The first call prints the seed on stderr. */
#define _GNU_SOURCE
#include <cblas.h>
#include <dlfcn.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef void (*dgemm_fn)(const enum CBLAS_ORDER, const enum CBLAS_TRANSPOSE, const enum CBLAS_TRANSPOSE, const blasint,
                         const blasint, const blasint, const double, const double *, const blasint, const double *,
                         const blasint, const double, double *, const blasint);

static uint64_t state;
static int started;

static uint64_t next(void) /* splitmix64 */
{
    uint64_t z = (state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static double unit(void) /* uniform in [0, 1) */
{
    return (double)(next() >> 11) * 0x1p-53;
}

static void corrupt(int mode, long rows, long cols, double *C, long ld)
{
    for (long r = 0; r < rows; r++)
        for (long c = 0; c < cols; c++) {
            double *x = C + r * ld + c;
            if (mode == 0 && next() % 8 == 0) *x = -*x;
            if (mode == 1 && next() % 8 == 0) *x = (unit() - 0.5) * 2e3;
            if (mode == 2 && next() % 8 == 0) *x = NAN;
            if (mode == 3) *x = NAN;
            if (mode == 5) *x *= 1.0 + (unit() - 0.5) * 0x1p-29;
        }
    if (mode == 4) C[(long)(next() % (uint64_t)rows) * ld + (long)(next() % (uint64_t)cols)] += 1e6;
}

/* Mode 7: C_ij += t gamma_k sum_l |A_il B_lj|, t uniform in [-1, 1) (row-major op(A) M x k,
 * op(B) k x N). */
static void within_bound(int ta, int tb, long M, long N, long k, const double *A, long lda, const double *B, long ldb,
                         double *C, long ldc)
{
    double g = (double)k * 0x1p-53 / (1.0 - (double)k * 0x1p-53);
    for (long i = 0; i < M; i++)
        for (long j = 0; j < N; j++) {
            double s = 0.0;
            for (long l = 0; l < k; l++) {
                double a = ta == CblasNoTrans ? A[i * lda + l] : A[l * lda + i];
                double b = tb == CblasNoTrans ? B[l * ldb + j] : B[j * ldb + l];
                s += fabs(a * b);
            }
            C[i * ldc + j] += (2.0 * unit() - 1.0) * g * s * (1.0 - 0x1p-40); /* stay inside */
        }
}

void cblas_dgemm(const enum CBLAS_ORDER order, const enum CBLAS_TRANSPOSE ta, const enum CBLAS_TRANSPOSE tb,
                 const blasint M, const blasint N, const blasint K, const double alpha, const double *A,
                 const blasint lda, const double *B, const blasint ldb, const double beta, double *C, const blasint ldc)
{
    dgemm_fn real = (dgemm_fn)dlsym(RTLD_NEXT, "cblas_dgemm");
    if (!real) {
        fprintf(stderr, "oracle_faults: no cblas_dgemm after this library\n");
        exit(70);
    }
    real(order, ta, tb, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
    if (!started) {
        const char *s = getenv("NCCERT_FAULT_SEED");
        if (!s || !*s) {
            fprintf(stderr, "oracle_faults: NCCERT_FAULT_SEED is not set\n");
            exit(70);
        }
        state = strtoull(s, NULL, 10);
        started = 1;
        fprintf(stderr, "oracle_faults: seed %s\n", s);
    }
    const char *f = getenv("NCCERT_FAULT_MODE");
    int mode = f && *f ? atoi(f) : (int)(next() % 7);
    if (mode == 7) {
        if (order == CblasRowMajor) within_bound(ta, tb, M, N, K, A, lda, B, ldb, C, ldc);
        return;
    }
    /* row-major C is M x N with stride ldc; column-major is N columns of M */
    if (order == CblasRowMajor)
        corrupt(mode, M, N, C, ldc);
    else
        corrupt(mode, N, M, C, ldc);
}
