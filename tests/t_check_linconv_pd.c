/* t_check_linconv_pd.c: the checker's positive-definiteness test (src/check/check_pd.c) on the
 * path Laplacian tridiag(-1, 2, -1), lambda_min = 2 - 2 cos(pi/(n+1)) (known in closed form):
 * mu just below it is established, mu just above it is not, and a tampered factor fails. */
#include <math.h>
#include <stdlib.h>
#include "check_pd.h"
#include "tap.h"

int main(void)
{
    tap_plan(5);
    const long n = 200;
    const double lmin = 2.0 - 2.0 * cos(acos(-1.0) / (double)(n + 1));
    mpfi_t *A = malloc(sizeof(mpfi_t) * (size_t)(n * n));
    for (long i = 0; i < n; i++)
        for (long j = 0; j < n; j++)
            mpfi_init2(A[i * n + j], 256), mpfi_set_si(A[i * n + j], i == j ? 2 : (labs(i - j) == 1 ? -1 : 0));
    mpq_t mu;
    mpq_init(mu);
    mpq_set_d(mu, 0.95 * lmin);
    tap_ok(ck_pd_verify_shift(A, n, mu, 0.97 * lmin), "mu = 0.95 lambda_min established");
    mpq_set_d(mu, 1.001 * lmin);
    tap_ok(!ck_pd_verify_shift(A, n, mu, 0.97 * lmin), "mu = 1.001 lambda_min not established");
    mpq_set_d(mu, 1.001 * lmin);
    tap_ok(!ck_pd_verify_shift(A, n, mu, 1.0005 * lmin), "mu above lambda_min with a shift above it: not established");
    /* explicit factor: R = exact Cholesky of 2x2 [[4,2],[2,5]] = [[2,1],[0,2]], A - mu I - R^T R = 0 is not strictly dominant */
    mpfi_t B[4];
    int64_t R[4] = {2, 1, 0, 2};
    for (int t = 0; t < 4; t++) mpfi_init2(B[t], 256);
    mpfi_set_si(B[0], 4), mpfi_set_si(B[1], 2), mpfi_set_si(B[2], 2), mpfi_set_si(B[3], 5);
    mpq_set_si(mu, 0, 1);
    tap_ok(!ck_pd_check_factor(B, 2, mu, R, 0), "exact factor with mu = 0: residual 0 is not strictly dominant");
    mpq_set_si(mu, -1, 2);
    tap_ok(ck_pd_check_factor(B, 2, mu, R, 0), "exact factor with mu = -1/2: residual I/2 is dominant");
    for (int t = 0; t < 4; t++) mpfi_clear(B[t]);
    for (long t = 0; t < n * n; t++) mpfi_clear(A[t]);
    free(A);
    mpq_clear(mu);
    return tap_done();
}
