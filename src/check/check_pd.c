/* check_pd.c: the checker's positive-definiteness test (check_pd.h): exact int128 Gram of a
 * dyadic Cholesky factor and an MPFI diagonal-dominance test. */
#include <math.h>
#include <stdlib.h>
#include "check_alloc.h"
#include "check_pd.h"

static void mpz_set_i128(mpz_t z, __int128 v)
{
    const int neg = v < 0;
    unsigned __int128 u = neg ? (unsigned __int128)(-(v + 1)) + 1 : (unsigned __int128)v;
    mpz_set_ui(z, (unsigned long)(u >> 64));
    mpz_mul_2exp(z, z, 64);
    mpz_add_ui(z, z, (unsigned long)(u & 0xffffffffffffffffULL));
    if (neg) mpz_neg(z, z);
}

int ck_pd_check_factor(mpfi_t *A, long n, const mpq_t mu, const int64_t *Rint, long E)
{
    if (n <= 0 || n >= (1L << 20)) return 0;
    for (long t = 0; t < n * n; t++) /* upper triangular, bounded: products < 2^124 / n */
        if ((t % n < t / n && Rint[t]) || Rint[t] > (INT64_C(1) << 51) || Rint[t] < -(INT64_C(1) << 51)) return 0;
    __int128 *G = ck_calloc((size_t)(n * n), sizeof(__int128));
    for (long k = 0; k < n; k++)
        for (long i = k; i < n; i++) {
            const __int128 f = Rint[k * n + i];
            if (!f) continue;
            for (long j = i; j < n; j++) G[i * n + j] += f * Rint[k * n + j];
        }
    mpfr_prec_t prec = mpfi_get_prec(A[0]);
    if (prec < 192) prec = 192;
    mpfi_t D, m;
    mpfr_t sum, t, dlo;
    mpz_t z;
    mpfi_init2(D, prec), mpfi_init2(m, prec), mpfr_inits2(prec, sum, t, dlo, (mpfr_ptr)0), mpz_init(z);
    mpfi_set_q(m, mu);
    int ok = 1;
    for (long i = 0; i < n && ok; i++) {
        mpfr_set_ui(sum, 0, MPFR_RNDU);
        mpfr_set_si(dlo, -1, MPFR_RNDD);
        for (long j = 0; j < n; j++) {
            mpz_set_i128(z, i <= j ? G[i * n + j] : G[j * n + i]);
            mpfi_set_z(D, z); /* exact: |z| < 2^128 <= prec */
            mpfi_mul_2si(D, D, -2 * E);
            mpfi_sub(D, A[i * n + j], D);
            if (mpfi_nan_p(D)) {
                ok = 0;
                break;
            }
            if (i == j) {
                mpfi_sub(D, D, m);
                mpfr_set(dlo, &D->left, MPFR_RNDD); /* exact copy: same precision */
            } else {
                mpfi_mag(t, D); /* upper bound of |D_ij| */
                mpfr_add(sum, sum, t, MPFR_RNDU);
            }
        }
        ok = ok && mpfr_sgn(dlo) > 0 && mpfr_cmp(dlo, sum) > 0;
    }
    mpfi_clear(D), mpfi_clear(m), mpfr_clears(sum, t, dlo, (mpfr_ptr)0), mpz_clear(z);
    ck_free(G);
    return ok;
}

/* binary64 upper Cholesky of mid(A) - shift I (a proposal only) */
static int chol_double(double *R, mpfi_t *A, long n, double shift)
{
    mpfr_t mid;
    mpfr_init2(mid, mpfi_get_prec(A[0]));
    for (long i = 0; i < n; i++)
        for (long j = 0; j < n; j++) {
            if (j < i) {
                R[i * n + j] = 0;
                continue;
            }
            mpfi_mid(mid, A[i * n + j]);
            R[i * n + j] = mpfr_get_d(mid, MPFR_RNDN) - (i == j ? shift : 0.0);
        }
    mpfr_clear(mid);
    for (long k = 0; k < n; k++) {
        double p = R[k * n + k];
        if (!(p > 0.0) || !isfinite(p)) return -1;
        p = sqrt(p);
        R[k * n + k] = p;
        for (long j = k + 1; j < n; j++) R[k * n + j] /= p;
        for (long i = k + 1; i < n; i++)
            for (long j = i; j < n; j++) R[i * n + j] -= R[k * n + i] * R[k * n + j];
    }
    return 0;
}

int ck_pd_verify_shift(mpfi_t *A, long n, const mpq_t mu, double shift)
{
    if (n <= 0 || !isfinite(shift)) return 0;
    double *R = ck_malloc(sizeof(double) * (size_t)(n * n));
    int64_t *Ri = ck_malloc(sizeof(int64_t) * (size_t)(n * n));
    int ok = 0;
    if (!chol_double(R, A, n, shift)) {
        double mx = 0;
        int ex = 0;
        for (long t = 0; t < n * n; t++) mx = fmax(mx, fabs(R[t]));
        if (mx > 0) frexp(mx, &ex);
        const long E = 50 - ex;
        for (long t = 0; t < n * n; t++) Ri[t] = (int64_t)llround(ldexp(R[t], (int)E));
        ok = ck_pd_check_factor(A, n, mu, Ri, E);
    }
    ck_free(R), ck_free(Ri);
    return ok;
}
