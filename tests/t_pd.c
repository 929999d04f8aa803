/* t_pd.c: ball_pd (shifted floating Cholesky + exact diagonal-dominance verification) on
 * matrices with known eigenvalues: the path Laplacian tridiag(-1, 2, -1) (lambda_min =
 * 2 - 2 cos(pi/(n+1))), a matrix that is not positive definite, a tampered witness, a random
 * SPD matrix with a known lower bound, and the timing of a dense 1000 x 1000 matrix. */
#include <math.h>
#include <stdlib.h>
#include <time.h>
#include "ball/ball_pd.h"
#include "instance/splitmix64.h"
#include "tap.h"

static void laplacian(arb_mat_t A, slong n, double shift)
{
    arb_mat_zero(A);
    for (slong i = 0; i < n; i++) {
        arb_set_d(arb_mat_entry(A, i, i), 2.0 - shift);
        if (i + 1 < n) arb_set_si(arb_mat_entry(A, i, i + 1), -1), arb_set_si(arb_mat_entry(A, i + 1, i), -1);
    }
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

int main(void)
{
    tap_plan(8);
    const slong n = 300;
    const double lmin = 2.0 - 2.0 * cos(acos(-1.0) / (double)(n + 1)); /* known, ~1.09e-4 */
    arb_mat_t A;
    ball_pd_witness w;
    ball_pd_witness_init(&w);
    arb_mat_init(A, n, n);
    laplacian(A, n, 0.0);
    int ok = ball_pd_certify_lower(&w, A, 0.9, 128);
    tap_ok(ok && w.mu > 0 && w.mu < lmin, "Laplacian n=%ld: certified 0 < mu=%.6g < lambda_min=%.6g", (long)n, w.mu,
           lmin);
    tap_ok(w.mu > 0.8 * lmin, "bound is sharp: mu/lambda_min = %.6f", w.mu / lmin);
    /* tampered witness: a mu above lambda_min must not verify */
    double good = w.mu;
    w.mu = lmin * 1.01;
    tap_ok(!ball_pd_verify(A, &w, 128), "mu = 1.01 lambda_min is rejected");
    w.mu = good;
    tap_ok(ball_pd_verify(A, &w, 128), "the original witness verifies again");
    /* not PD: Laplacian - 2 lambda_min I has a negative eigenvalue */
    laplacian(A, n, 2.0 * lmin);
    tap_ok(!ball_pd_certify_lower(&w, A, 0.9, 128), "indefinite matrix: not certified");
    arb_mat_clear(A);

    /* random SPD: A = I + B B^T / m with dyadic B in [-1,1): lambda_min >= 1 */
    const char *env = getenv("NCCERT_TEST_SEED");
    uint64_t seed = env ? strtoull(env, NULL, 10) : 20240611u, st = seed;
    tap_diag("seed %llu", (unsigned long long)seed);
    const slong m = 60, r = 20;
    arb_mat_t B, C;
    arb_mat_init(B, m, r), arb_mat_init(C, r, m);
    for (slong i = 0; i < m; i++)
        for (slong j = 0; j < r; j++)
            arb_set_si(arb_mat_entry(B, i, j), (slong)(splitmix64_next(&st) >> 44) - (1L << 19)),
                arb_mul_2exp_si(arb_mat_entry(B, i, j), arb_mat_entry(B, i, j), -19);
    arb_mat_transpose(C, B);
    arb_mat_t D;
    arb_mat_init(D, m, m);
    arb_mat_mul(D, B, C, 256);
    for (slong i = 0; i < m; i++) arb_add_ui(arb_mat_entry(D, i, i), arb_mat_entry(D, i, i), 1, 256);
    ok = ball_pd_certify_lower(&w, D, 0.9, 128);
    tap_ok(ok && w.mu > 0.85 && w.mu <= 1.0 + 1e-12, "I + B B^T (rank 20 < 60): mu = %.9f in (0.85, 1]", w.mu);
    arb_mat_clear(B), arb_mat_clear(C), arb_mat_clear(D);

    /* timing: dense 1000 x 1000, A_ij = 1/(1+|i-j|) = int_0^1 t^|i-j| dt, a mixture of
     * Kac-Murdock-Szego matrices, so lambda_min >= int_0^1 (1-t)/(1+t) dt = 2 log 2 - 1 */
    const slong big = 1000;
    arb_mat_t T;
    arb_mat_init(T, big, big);
    for (slong i = 0; i < big; i++)
        for (slong j = 0; j < big; j++) {
            arb_set_ui(arb_mat_entry(T, i, j), 1);
            arb_div_ui(arb_mat_entry(T, i, j), arb_mat_entry(T, i, j), (ulong)(1 + labs(i - j)), 128);
        }
    double t0 = now();
    ok = ball_pd_certify_lower(&w, T, 0.9, 128);
    double dt = now() - t0;
    tap_ok(ok && w.mu > 0 && w.mu < 1.0, "dense 1000x1000: certified mu = %.6g", w.mu);
    tap_ok(w.mu > 0.9 * 0.5 * (2 * log(2.0) - 1), "mu consistent with the known bound 2 log 2 - 1 (mu >= 0.45 of it)");
    tap_diag("dense 1000x1000 certify time %.3f s", dt);
    tap_diag("dense 1000x1000 in %.3f s (a measurement, not an assertion: timings are benchmarked by make bench)", dt);
    arb_mat_clear(T);
    ball_pd_witness_clear(&w);
    flint_cleanup();
    return tap_done();
}
