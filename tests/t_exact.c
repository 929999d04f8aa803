/* t_exact.c: the exact tier (src/exact): arithmetic and exact sign in Q(sqrt(m)), the exact
 * value of doubles, and the exact instance quantities (margins, their minimum and first
 * minimiser, Frobenius norms, the neural-collapse test) on instances computed by hand, plus
 * property tests against a brute-force reference written here with GMP only (independent
 * generator from specs/generators.md, independent sign test by integer square roots).
 * Randomised part: seed from NCCERT_TEST_SEED, else the clock; printed as a diagnostic. */
#include <gmp.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "exact/qsqrt.h"
#include "exact/exact_double.h"
#include "instance/instance_exact.h"
#include "instance/instance.h"
#include "tap.h"

static uint64_t test_seed(void)
{
    const char *e = getenv("NCCERT_TEST_SEED");
    if (e && *e) return strtoull(e, NULL, 10);
    return (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
}

static uint64_t rng_state;
static uint64_t rng_next(void) /* test randomness (splitmix64, spec text) */
{
    uint64_t z = (rng_state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}
static long rng_range(long lo, long hi)
{
    return lo + (long)(rng_next() % (uint64_t)(hi - lo + 1));
}

/* ---------------------------------------------------------------- helpers */

static void qs_set(qsqrt_t x, const char *a, const char *b)
{
    fmpq_set_str(x->a, a, 10);
    fmpq_canonicalise(x->a);
    fmpq_set_str(x->b, b, 10);
    fmpq_canonicalise(x->b);
}

static int qs_is(const qsqrt_t x, const char *a, const char *b)
{
    fmpq_t ea, eb;
    fmpq_init(ea);
    fmpq_init(eb);
    fmpq_set_str(ea, a, 10);
    fmpq_canonicalise(ea);
    fmpq_set_str(eb, b, 10);
    fmpq_canonicalise(eb);
    int r = fmpq_equal(x->a, ea) && fmpq_equal(x->b, eb);
    fmpq_clear(ea);
    fmpq_clear(eb);
    return r;
}

/* Independent exact sign of a + b sqrt(m) (a, b rational, m >= 1), by integer square roots:
 * with D a common denominator, A = aD, B = bD, sign(A + B sqrt(m)); s = floor(sqrt(B^2 m)),
 * so |B| sqrt(m) = s exactly when s^2 = B^2 m, else lies strictly in (s, s+1). */
static int ref_sign(const mpq_t a, const mpq_t b, unsigned long m)
{
    mpz_t D, A, B, t, s, r;
    mpz_inits(D, A, B, t, s, r, NULL);
    mpz_lcm(D, mpq_denref(a), mpq_denref(b));
    mpz_divexact(A, D, mpq_denref(a));
    mpz_mul(A, A, mpq_numref(a));
    mpz_divexact(B, D, mpq_denref(b));
    mpz_mul(B, B, mpq_numref(b));
    int sb = mpz_sgn(B), sa = mpz_sgn(A), res;
    if (sb == 0)
        res = sa;
    else if (sa == 0 || sa == sb)
        res = sb;
    else {
        mpz_mul(t, B, B);
        mpz_mul_ui(t, t, m);
        mpz_sqrtrem(s, r, t); /* |B| sqrt(m) in [s, s+1), = s iff r = 0 */
        mpz_abs(A, A);
        int c = mpz_cmp(A, s); /* compare |A| with |B| sqrt(m) */
        if (c == 0 && mpz_sgn(r) != 0)
            c = -1;                          /* |A| = s < |B| sqrt(m) */
        else if (c > 0 && mpz_sgn(r) != 0) { /* s < |A|: is |A| >= s+1 > |B| sqrt(m)?  yes */
            c = 1;
        }
        res = c > 0 ? sa : (c < 0 ? sb : 0);
    }
    mpz_clears(D, A, B, t, s, r, NULL);
    return res;
}

static void fmpq_to_mpq(mpq_t r, const fmpq_t x)
{
    fmpz_get_mpz(mpq_numref(r), fmpq_numref(x));
    fmpz_get_mpz(mpq_denref(r), fmpq_denref(x));
}

/* ---------------------------------------------------------------- Q(sqrt m) */

static void sign_case(const char *a, const char *b, long m, int want, const char *why)
{
    qsqrt_t x;
    qsqrt_init(x);
    qs_set(x, a, b);
    int got = qsqrt_sgn(x, m);
    tap_ok(got == want, "sign(%s + %s sqrt(%ld)) = %d (%s; got %d)", a, b, m, want, why, got);
    qsqrt_clear(x);
}

static void test_qsqrt_sign(void)
{
    sign_case("7", "-5", 2, -1, "49 < 50");
    sign_case("-7", "5", 2, 1, "49 < 50");
    sign_case("99", "-70", 2, 1, "9801 > 9800");
    sign_case("-99", "70", 2, -1, "9801 > 9800");
    sign_case("0", "0", 2, 0, "zero");
    sign_case("0", "0", 1, 0, "zero, m = 1");
    sign_case("3", "0", 5, 1, "rational");
    sign_case("-3/4", "0", 5, -1, "rational");
    sign_case("0", "1/1000", 7, 1, "pure surd");
    sign_case("0", "-2", 7, -1, "pure surd");
    sign_case("2", "-1", 4, 0, "perfect square m = 4: 2 - sqrt(4) = 0");
    sign_case("-3", "1", 9, 0, "perfect square m = 9: -3 + sqrt(9) = 0");
    sign_case("3", "-2", 4, -1, "3 - 2 sqrt(4) = -1");
    sign_case("5/2", "-1/2", 25, 0, "5/2 - sqrt(25)/2 = 0");
    sign_case("1", "-1", 1, 0, "m = 1");
    /* a close pair from the Pell equation x^2 - 2 y^2 = 1: 665857 - 470832 sqrt 2 ~ 7.5e-7 > 0 */
    sign_case("665857", "-470832", 2, 1, "665857^2 - 2 * 470832^2 = 1");
    sign_case("-665857", "470832", 2, -1, "Pell pair, negated");
    /* rationals: 1/3 - (1/7) sqrt(5): 1/9 = 0.111 vs 5/49 = 0.102 -> positive */
    sign_case("1/3", "-1/7", 5, 1, "1/9 > 5/49");
    sign_case("1/3", "-1/6", 5, -1, "1/9 < 5/36");
}

static void test_qsqrt_arith(void)
{
    qsqrt_t x, y, r;
    qsqrt_init(x);
    qsqrt_init(y);
    qsqrt_init(r);
    /* (1 + sqrt 2)(1 - sqrt 2) = 1 - 2 = -1 */
    qs_set(x, "1", "1");
    qs_set(y, "1", "-1");
    qsqrt_mul(r, x, y, 2);
    tap_ok(qs_is(r, "-1", "0"), "(1 + sqrt2)(1 - sqrt2) = -1");
    /* (2/3 + 1/2 sqrt 3)^2 = 4/9 + 3/4 + (2/3) sqrt 3 = 43/36 + 2/3 sqrt 3, aliasing r = x = y */
    qs_set(x, "2/3", "1/2");
    qsqrt_mul(x, x, x, 3);
    tap_ok(qs_is(x, "43/36", "2/3"), "(2/3 + sqrt3/2)^2 = 43/36 + (2/3) sqrt3 (aliased)");
    /* addmul: r = 1 + sqrt5; r += (1 + sqrt5)(3 - sqrt5) = 3 - 5 + (3 - 1) sqrt5 = -2 + 2 sqrt5 */
    qs_set(r, "1", "1");
    qs_set(x, "1", "1");
    qs_set(y, "3", "-1");
    qsqrt_addmul(r, x, y, 5);
    tap_ok(qs_is(r, "-1", "3"), "1 + sqrt5 + (1 + sqrt5)(3 - sqrt5) = -1 + 3 sqrt5");
    /* addmul with x = y (squares): 0 + (1/2 sqrt 2)^2 = 1/2 */
    qsqrt_zero(r);
    qs_set(x, "0", "1/2");
    qsqrt_addmul(r, x, x, 2);
    tap_ok(qs_is(r, "1/2", "0"), "(sqrt2 / 2)^2 = 1/2");
    /* add, sub */
    qs_set(x, "1/2", "1/3");
    qs_set(y, "1/3", "-1/2");
    qsqrt_add(r, x, y);
    tap_ok(qs_is(r, "5/6", "-1/6"), "(1/2 + sqrt m/3) + (1/3 - sqrt m/2) = 5/6 - sqrt m/6");
    qsqrt_sub(r, x, y);
    tap_ok(qs_is(r, "1/6", "5/6"), "(1/2 + sqrt m/3) - (1/3 - sqrt m/2) = 1/6 + 5 sqrt m/6");
    /* (3 + 2 sqrt 5) / sqrt 5 = 2 + (3/5) sqrt 5 */
    qs_set(x, "3", "2");
    qsqrt_div_sqrt(r, x, 5);
    tap_ok(qs_is(r, "2", "3/5"), "(3 + 2 sqrt5) / sqrt5 = 2 + (3/5) sqrt5");
    qsqrt_div_sqrt(x, x, 5);
    tap_ok(qs_is(x, "2", "3/5"), "qsqrt_div_sqrt aliased");
    /* (6 - 4 sqrt 7) / (-4) = -3/2 + sqrt 7 */
    qs_set(x, "6", "-4");
    qsqrt_scalar_div_si(r, x, -4);
    tap_ok(qs_is(r, "-3/2", "1"), "(6 - 4 sqrt7) / -4 = -3/2 + sqrt7");
    /* comparisons: 1.4142 < sqrt 2 < 1.4143; sqrt 4 = 2 */
    qs_set(x, "0", "1");
    qs_set(y, "14142/10000", "0");
    tap_ok(qsqrt_cmp(x, y, 2) == 1 && qsqrt_cmp(y, x, 2) == -1, "sqrt2 > 1.4142");
    qs_set(y, "14143/10000", "0");
    tap_ok(qsqrt_cmp(x, y, 2) == -1, "sqrt2 < 1.4143");
    qs_set(y, "2", "0");
    tap_ok(qsqrt_equal(x, y, 4) && !qsqrt_equal(x, y, 2), "sqrt4 = 2 in Q(sqrt 4), sqrt2 != 2");
    qs_set(y, "0", "1");
    tap_ok(qsqrt_equal(x, y, 3) && qsqrt_cmp(x, y, 3) == 0, "x = x");
    qsqrt_clear(x);
    qsqrt_clear(y);
    qsqrt_clear(r);
}

/* random signs against the independent integer-square-root test */
static void test_qsqrt_sign_random(void)
{
    qsqrt_t x;
    mpq_t a, b;
    qsqrt_init(x);
    mpq_inits(a, b, NULL);
    int ok = 1, zeros = 0;
    for (int t = 0; t < 3000; t++) {
        long m = rng_range(1, 50);
        long an = rng_range(-60, 60), ad = rng_range(1, 12), bn = rng_range(-60, 60), bd = rng_range(1, 12);
        if (t % 3 == 0) { /* force many exact zeros on perfect squares: a = -b r, m = r^2 */
            long rr = rng_range(1, 7);
            m = rr * rr;
            an = -bn * rr;
            ad = bd;
        }
        fmpq_set_si(x->a, an, (ulong)ad);
        fmpq_set_si(x->b, bn, (ulong)bd);
        fmpq_to_mpq(a, x->a);
        fmpq_to_mpq(b, x->b);
        int want = ref_sign(a, b, (unsigned long)m), got = qsqrt_sgn(x, m);
        zeros += want == 0;
        if (got != want) {
            ok = 0;
            tap_diag("sign(%ld/%ld + %ld/%ld sqrt %ld): got %d, want %d", an, ad, bn, bd, m, got, want);
        }
    }
    tap_ok(ok && zeros > 100, "3000 random signs agree with the integer-square-root test (%d zeros)", zeros);
    qsqrt_clear(x);
    mpq_clears(a, b, NULL);
}

static void test_exact_double(void)
{
    static const double xs[] = {0.0, -0.0, 1.0, -0.5, 0.1, 1e300, -0x1p-1074, 0x1.fffffffffffffp+1023, 3.0 / 7.0};
    int ok = 1;
    fmpq_t q;
    mpq_t g;
    fmpq_init(q);
    mpq_init(g);
    for (size_t t = 0; t < sizeof xs / sizeof xs[0]; t++) {
        exact_fmpq_set_d(q, xs[t]);
        mpq_set_d(g, xs[t]); /* GMP's exact conversion */
        mpq_t h;
        mpq_init(h);
        fmpq_to_mpq(h, q);
        ok &= mpq_equal(g, h) && fmpq_is_canonical(q);
        mpq_clear(h);
    }
    tap_ok(ok, "exact_fmpq_set_d agrees with mpq_set_d (0, -0, 1, -0.5, 0.1, 1e300, -2^-1074, DBL_MAX, 3/7)");
    exact_fmpq_set_d(q, 0.1); /* 0.1 = 0x1.999999999999ap-4 = 3602879701896397 / 2^55 */
    fmpq_t w;
    fmpq_init(w);
    fmpz_set_ui(fmpq_numref(w), UWORD(3602879701896397));
    fmpz_one(fmpq_denref(w));
    fmpq_div_2exp(w, w, 55);
    tap_ok(fmpq_equal(q, w), "exact value of the double 0.1 is 3602879701896397/2^55");
    fmpq_clear(w);
    fmpq_clear(q);
    mpq_clear(g);
}

/* ---------------------------------------------------------------- instances by hand */

static int load(instance *I, const char *text)
{
    json_error_t jerr;
    nc_error err = {0, ""};
    json_t *o = json_loads(text, 0, &jerr);
    int rc = o ? instance_from_json(I, o, &err) : -1;
    if (rc) tap_diag("test bug: cannot load %s: %s %s", text, jerr.text, err.msg);
    json_decref(o);
    return rc;
}

/* Registry instance K=2, n=1, d=2, W = I, H = [[1, 1/2], [-1/3, 3/4]]: h_0 = (1, -1/3),
 * h_1 = (1/2, 3/4). s_{0,0,1} = w_0.h_0 - w_1.h_0 = 1 + 1/3 = 4/3; s_{1,0,0} = w_1.h_1 - w_0.h_1
 * = 3/4 - 1/2 = 1/4. q_min = 1/4 at (c=1, j=0). ||W||^2 = 2, ||H||^2 = 1 + 1/4 + 1/9 + 9/16 =
 * 277/144. */
static void test_registry_instance(void)
{
    instance I;
    if (load(&I, "{\"K\":2,\"n\":1,\"d\":2,\"W\":[[\"1\",\"0\"],[\"0\",\"1\"]],\"H\":[[\"1\",\"1/2\"],[\"-1/"
                 "3\",\"0.75\"]]}")) {
        tap_ok(0, "load the K=2 registry instance");
        return;
    }
    qsqrt_t q;
    qsqrt_init(q);
    long c = -9, j = -9;
    instance_exact_margin(q, &I, 0, 1);
    tap_ok(qs_is(q, "4/3", "0"), "s_{0,0,1} = 4/3");
    instance_exact_margin(q, &I, 1, 0);
    tap_ok(qs_is(q, "1/4", "0"), "s_{1,0,0} = 1/4");
    instance_exact_logit(q, &I, 0, 1);
    tap_ok(qs_is(q, "1/2", "0"), "w_0.h_1 = 1/2");
    instance_exact_margin_min(q, &c, &j, &I);
    tap_ok(qs_is(q, "1/4", "0") && c == 1 && j == 0, "q_min = 1/4 at c=1, j=0 (got c=%ld j=%ld)", c, j);
    instance_exact_frobenius2_W(q, &I);
    tap_ok(qs_is(q, "2", "0"), "||W||^2 = 2");
    instance_exact_frobenius2_H(q, &I);
    tap_ok(qs_is(q, "277/144", "0"), "||H||^2 = 277/144");
    tap_ok(!instance_exact_is_nc(&I), "not NC (sum of rows of W is (1,1))");
    qsqrt_clear(q);
    instance_clear(&I);
}

/* Cross K=4, n=1, d=2: w = (1,0), (-1,0), (0,1), (0,-1); H = W^T. Sum 0, equal norms 1, but
 * inner products -1 and 0: not NC. Margins 1 - w_j.w_k: 2 (opposite), 1 (orthogonal).
 * q_min = 1; first minimiser in (c, j) order: c = 0, j = 2 (j = 1 gives 2). */
static void test_cross_instance(void)
{
    instance I;
    if (load(&I, "{\"K\":4,\"n\":1,\"d\":2,\"W\":[[\"1\",\"0\"],[\"-1\",\"0\"],[\"0\",\"1\"],[\"0\",\"-1\"]],"
                 "\"H\":[[\"1\",\"-1\",\"0\",\"0\"],[\"0\",\"0\",\"1\",\"-1\"]]}")) {
        tap_ok(0, "load the cross instance");
        return;
    }
    qsqrt_t q;
    qsqrt_init(q);
    long c = -9, j = -9;
    instance_exact_margin_min(q, &c, &j, &I);
    tap_ok(qs_is(q, "1", "0") && c == 0 && j == 2, "cross: q_min = 1, first minimiser c=0 j=2 (got c=%ld j=%ld)", c, j);
    instance_exact_margin(q, &I, 0, 1);
    tap_ok(qs_is(q, "2", "0"), "cross: s_{0,0,1} = 2");
    instance_exact_margin(q, &I, 3, 2);
    tap_ok(qs_is(q, "2", "0"), "cross: s_{3,0,2} = 2");
    instance_exact_frobenius2_H(q, &I);
    tap_ok(qs_is(q, "4", "0"), "cross: ||H||^2 = 4");
    tap_ok(!instance_exact_is_nc(&I), "cross (sum 0, equal norms, unequal inner products) is not NC");
    qsqrt_clear(q);
    instance_clear(&I);
}

static void nc_case(const char *text, int want, const char *what)
{
    instance I;
    if (load(&I, text)) {
        tap_ok(0, "load %s", what);
        return;
    }
    tap_ok(instance_exact_is_nc(&I) == want, "instance_exact_is_nc = %d: %s", want, what);
    instance_clear(&I);
}

static void test_is_nc_explicit(void)
{
    nc_case("{\"K\":2,\"n\":1,\"d\":1,\"W\":[[\"1\"],[\"-1\"]],\"H\":[[\"1\",\"-1\"]]}", 1, "K=2 n=1 d=1, h = w");
    nc_case("{\"K\":2,\"n\":1,\"d\":1,\"W\":[[\"3\"],[\"-3\"]],\"H\":[[\"3\",\"-3\"]]}", 1,
            "scaled by 3 (scale is free)");
    nc_case("{\"K\":3,\"n\":2,\"d\":2,\"W\":[[\"0\",\"0\"],[\"0\",\"0\"],[\"0\",\"0\"]],"
            "\"H\":[[\"0\",\"0\",\"0\",\"0\",\"0\",\"0\"],[\"0\",\"0\",\"0\",\"0\",\"0\",\"0\"]]}",
            1, "the zero point");
    nc_case("{\"K\":2,\"n\":4,\"d\":1,\"W\":[[\"1\"],[\"-1\"]],"
            "\"H\":[[\"1/2\",\"1/2\",\"0.5\",\"2/4\",\"-1/2\",\"-1/2\",\"-1/2\",\"-0.5\"]]}",
            1, "n = 4, h = w / 2 (rational)");
    nc_case("{\"K\":2,\"n\":4,\"d\":1,\"W\":[[\"1\"],[\"-1\"]],"
            "\"H\":[[\"1/2\",\"1/2\",\"1/2\",\"1/2\",\"-1/2\",\"-1/2\",\"-1/2\",\"-1/3\"]]}",
            0, "n = 4, one feature off");
    nc_case(
        "{\"K\":2,\"n\":2,\"d\":1,\"W\":[[\"1\"],[\"-1\"]],"
        "\"H\":[[\"0.70710678118654752\",\"0.70710678118654752\",\"-0.70710678118654752\",\"-0.70710678118654752\"]]}",
        0, "n = 2, a decimal approximation of w / sqrt 2");
    nc_case("{\"K\":2,\"n\":1,\"d\":1,\"W\":[[\"1\"],[\"-1\"]],\"H\":[[\"1\",\"-1/2\"]]}", 0, "h_1 != w_1");
    nc_case("{\"K\":2,\"n\":1,\"d\":1,\"W\":[[\"1\"],[\"-1/2\"]],\"H\":[[\"1\",\"-1/2\"]]}", 0, "sum of w != 0");
    nc_case("{\"K\":3,\"n\":1,\"d\":2,\"W\":[[\"1\",\"0\"],[\"0\",\"1\"],[\"-1\",\"-1\"]],"
            "\"H\":[[\"1\",\"0\",\"-1\"],[\"0\",\"1\",\"-1\"]]}",
            0, "sum 0, h = w, unequal norms");
    /* the simplex ETF in a rotated basis: K=3, d=2, w_k = (cos, sin)(2 pi k/3) is irrational; a
     * rational ETF: w = (2,-1,-1), (-1,2,-1), (-1,-1,2) in d=3, n=1 (3 times nc/1's W) */
    nc_case("{\"K\":3,\"n\":1,\"d\":3,\"W\":[[\"2\",\"-1\",\"-1\"],[\"-1\",\"2\",\"-1\"],[\"-1\",\"-1\",\"2\"]],"
            "\"H\":[[\"2\",\"-1\",\"-1\"],[\"-1\",\"2\",\"-1\"],[\"-1\",\"-1\",\"2\"]]}",
            1, "K=3 ETF, integer entries");
}

static void test_is_nc_generated(void)
{
    static const long dims[][3] = {{2, 1, 2}, {3, 4, 3}, {4, 2, 5}, {5, 3, 6}, {3, 7, 3}, {6, 9, 8}};
    for (size_t t = 0; t < sizeof dims / sizeof dims[0]; t++) {
        instance I;
        nc_error err = {0, ""};
        long K = dims[t][0], n = dims[t][1], d = dims[t][2];
        if (instance_generate_nc(&I, K, n, d, &err)) {
            tap_ok(0, "nc/1: %s", err.msg);
            continue;
        }
        /* q_min = 1/sqrt(n) = (1/n) sqrt(n): ||w_k||^2 - w_j.w_k = (K-1)/K + 1/K = 1, over sqrt(n);
         * ||W||^2 = K (K-1)/K = K-1, ||H||^2 = nK (K-1)/K / n = K-1 */
        qsqrt_t q, e;
        qsqrt_init(q);
        qsqrt_init(e);
        long c, j;
        instance_exact_margin_min(q, &c, &j, &I);
        fmpq_zero(e->a);
        fmpq_set_si(e->b, 1, (ulong)n);
        int ok = instance_exact_is_nc(&I) && qsqrt_equal(q, e, n) && c == 0 && j == 1;
        instance_exact_frobenius2_W(q, &I);
        fmpq_set_si(e->a, K - 1, 1);
        fmpq_zero(e->b);
        ok &= qsqrt_equal(q, e, n);
        instance_exact_frobenius2_H(q, &I);
        ok &= qsqrt_equal(q, e, n);
        tap_ok(ok, "nc/1 K=%ld n=%ld d=%ld: NC, q_min = 1/sqrt(n) first at (0,1), ||W||^2 = ||H||^2 = K-1", K, n, d);
        qsqrt_clear(q);
        qsqrt_clear(e);
        instance_clear(&I);
    }
    static const long pert[][5] = {{3, 2, 3, 1, -10}, {4, 2, 5, 2, -30}, {3, 4, 3, 3, -60}, {2, 1, 2, 4, -1000}};
    for (size_t t = 0; t < sizeof pert / sizeof pert[0]; t++) {
        instance I;
        nc_error err = {0, ""};
        if (instance_generate_nc_perturbed(&I, pert[t][0], pert[t][1], pert[t][2], (uint64_t)pert[t][3], pert[t][4],
                                           &err)) {
            tap_ok(0, "nc-perturbed/1: %s", err.msg);
            continue;
        }
        tap_ok(!instance_exact_is_nc(&I), "nc-perturbed/1 K=%ld n=%ld d=%ld eps 2^%ld is not NC", pert[t][0],
               pert[t][1], pert[t][2], pert[t][4]);
        instance_clear(&I);
    }
    instance I;
    nc_error err = {0, ""};
    if (instance_generate_random_dyadic(&I, 3, 2, 4, 1, &err) == 0) {
        tap_ok(!instance_exact_is_nc(&I), "random-dyadic/1 K=3 n=2 d=4 seed 1 is not NC");
        instance_clear(&I);
    } else
        tap_ok(0, "random-dyadic/1: %s", err.msg);
}

/* ---------------------------------------------------------------- brute force vs instance_exact_margin_min */

/* random-dyadic/1 reference (spec text), entries as integers over 2^19 */
static void ref_random(long *Wn, long *Hn, long K, long n, long d, uint64_t seed)
{
    uint64_t s = seed;
    long N = n * K;
    for (long t = 0; t < K * d; t++) {
        uint64_t z = (s += UINT64_C(0x9e3779b97f4a7c15));
        z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
        z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
        Wn[t] = (long)((z ^ (z >> 31)) >> 44) - 524288L;
    }
    for (long l = 0; l < d; l++)
        for (long c = 0; c < N; c++) {
            uint64_t z = (s += UINT64_C(0x9e3779b97f4a7c15));
            z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
            z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
            Hn[l * N + c] = (long)((z ^ (z >> 31)) >> 44) - 524288L;
        }
}

static void test_margin_min_random(void)
{
    int ok = 1, runs = 60;
    for (int t = 0; t < runs; t++) {
        long K = rng_range(2, 6), n = rng_range(1, 4), d = rng_range(1, 7), N = n * K;
        uint64_t seed = rng_next();
        long *Wn = malloc((size_t)(K * d) * sizeof(long)), *Hn = malloc((size_t)(d * N) * sizeof(long));
        ref_random(Wn, Hn, K, n, d, seed);
        /* brute force in integers: margins scaled by 2^38 are exact int64 (|.| < 2 d 2^38) */
        long best = 0, bc = -1, bj = -1;
        mpz_t nw, nh, z;
        mpz_inits(nw, nh, z, NULL);
        for (long c = 0; c < N; c++) {
            long k = c / n;
            for (long j = 0; j < K; j++) {
                if (j == k) continue;
                long s = 0;
                for (long l = 0; l < d; l++) s += (Wn[k * d + l] - Wn[j * d + l]) * Hn[l * N + c];
                if (bc < 0 || s < best) {
                    best = s;
                    bc = c;
                    bj = j;
                }
            }
        }
        for (long u = 0; u < K * d; u++) {
            mpz_set_si(z, Wn[u]);
            mpz_addmul(nw, z, z);
        }
        for (long u = 0; u < d * N; u++) {
            mpz_set_si(z, Hn[u]);
            mpz_addmul(nh, z, z);
        }
        instance I;
        nc_error err = {0, ""};
        int here = 0;
        if (instance_generate_random_dyadic(&I, K, n, d, seed, &err) == 0) {
            qsqrt_t q;
            qsqrt_init(q);
            long c, j;
            instance_exact_margin_min(q, &c, &j, &I);
            fmpq_t e;
            fmpq_init(e);
            fmpq_set_si(e, best, 1);
            fmpq_div_2exp(e, e, 38);
            here = fmpq_equal(q->a, e) && fmpq_is_zero(q->b) && c == bc && j == bj;
            fmpz_set_mpz(fmpq_numref(e), nw);
            fmpz_one(fmpq_denref(e));
            fmpq_div_2exp(e, e, 38);
            instance_exact_frobenius2_W(q, &I);
            here &= fmpq_equal(q->a, e) && fmpq_is_zero(q->b);
            fmpz_set_mpz(fmpq_numref(e), nh);
            fmpz_one(fmpq_denref(e));
            fmpq_div_2exp(e, e, 38);
            instance_exact_frobenius2_H(q, &I);
            here &= fmpq_equal(q->a, e) && fmpq_is_zero(q->b);
            fmpq_clear(e);
            qsqrt_clear(q);
            instance_clear(&I);
        }
        if (!here) tap_diag("mismatch: K=%ld n=%ld d=%ld seed=%" PRIu64, K, n, d, seed);
        ok &= here;
        mpz_clears(nw, nh, z, NULL);
        free(Wn);
        free(Hn);
    }
    tap_ok(ok,
           "instance_exact_margin_min, first minimiser and norms = integer brute force on %d random-dyadic/1 instances",
           runs);
}

int main(void)
{
    uint64_t seed = test_seed();
    tap_diag("NCCERT_TEST_SEED=%" PRIu64, seed);
    rng_state = seed;
    test_qsqrt_sign();
    test_qsqrt_arith();
    test_qsqrt_sign_random();
    test_exact_double();
    test_registry_instance();
    test_cross_instance();
    test_is_nc_explicit();
    test_is_nc_generated();
    test_margin_min_random();
    flint_cleanup();
    return tap_done();
}
