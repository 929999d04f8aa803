/* t_instance.c: exact instances (src/instance): the entry grammar of specs/instance.md, the
 * splitmix64 PRNG and the three generators of specs/generators.md (checked against a
 * reference implementation written here from the spec text, and against hand-computed
 * values), the size limits, and every error path of the JSON readers (exit status 2, a
 * message, nothing left allocated). Run from the repository root (reads tests/data/).
 * Randomised part: seed from NCCERT_TEST_SEED, else the clock; printed as a diagnostic. */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <flint/fmpq.h>
#include "instance/instance.h"
#include "instance/entry_parse.h"
#include "instance/splitmix64.h"
#include "tap.h"

/* ---------------------------------------------------------------- reference PRNG (spec text) */

static uint64_t ref_next(uint64_t *s) /* specs/generators.md, verbatim */
{
    uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

/* numerator u - 2^19 of the next random-dyadic/1 entry (u = top 20 bits of the draw) */
static long ref_num(uint64_t *s)
{
    return (long)(ref_next(s) >> 44) - 524288L;
}

static uint64_t test_seed(void)
{
    const char *e = getenv("NCCERT_TEST_SEED");
    if (e && *e) return strtoull(e, NULL, 10);
    return (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
}

/* ---------------------------------------------------------------- helpers */

static int fmpq_eq_si(const fmpq_t q, long p, unsigned long r)
{
    fmpq_t t;
    fmpq_init(t);
    fmpq_set_si(t, p, r);
    int eq = fmpq_equal(q, t);
    fmpq_clear(t);
    return eq;
}

/* a NULL rational vector counts as zero */
static int fmpq_vec_entry_is_zero(const fmpq *v, long t)
{
    return v == NULL || fmpq_is_zero(v + t);
}

static int instance_is_zeroed(const instance *I)
{
    return I->W == NULL && I->Ht == NULL && I->Wa == NULL && I->Wb == NULL && I->Ha == NULL && I->Hb == NULL &&
           I->explicit_W == NULL && I->explicit_H == NULL;
}

/* Entry grammar: accepted strings and their exact values p/q (computed by hand). */
static void test_entry_accept(const char *s, long p, unsigned long q)
{
    fmpq_t x;
    fmpq_init(x);
    fmpq_set_si(x, 12345, 1);
    int rc = entry_parse_fmpq(x, s);
    tap_ok(rc == 0 && fmpq_eq_si(x, p, q) && fmpq_is_canonical(x), "entry \"%s\" accepted as %ld/%lu", s, p, q);
    fmpq_clear(x);
}

/* s for a one-line description: at most 20 characters, control bytes as '?' */
static const char *printable(const char *s)
{
    static char out[32];
    size_t t = 0;
    for (; s[t] && t < 20; t++) out[t] = (s[t] >= 32 && s[t] < 127) ? s[t] : '?';
    strcpy(out + t, s[t] ? "..." : "");
    return out;
}

static void test_entry_reject(const char *s, const char *why)
{
    fmpq_t x;
    fmpq_init(x);
    tap_ok(entry_parse_fmpq(x, s) == -1, "entry \"%s\" rejected (%s)", printable(s), why);
    fmpq_clear(x);
}

static void test_entries(void)
{
    test_entry_accept("3", 3, 1);
    test_entry_accept("-0", 0, 1);
    test_entry_accept("+5", 5, 1);
    test_entry_accept("0.125", 1, 8);
    test_entry_accept("-3/7", -3, 7);
    test_entry_accept("6/4", 3, 2); /* not reduced in the file, canonical in memory */
    test_entry_accept("007", 7, 1);
    test_entry_accept("-0.50", -1, 2);
    test_entry_accept("0/5", 0, 1);
    test_entry_accept("-12.000", -12, 1);
    test_entry_accept("+0.5", 1, 2); /* specs/instance.md: optional sign on every form */
    test_entry_accept("+3/7", 3, 7);
    test_entry_accept("-6/4", -3, 2);
    test_entry_accept("10/100", 1, 10);
    test_entry_accept("0.0000001", 1, 10000000);
    /* hex floats (specs/instance.md), values worked out by hand: 0x1.8 = 1 + 8/16 = 3/2 */
    test_entry_accept("0x1.8p-3", 3, 16);
    test_entry_accept("-0xA.8p1", -21, 1); /* 10.5 * 2 */
    test_entry_accept("+0xffp-4", 255, 16);
    test_entry_accept("0x0p+0", 0, 1);
    {
        fmpq_t a, b;
        fmpq_init(a), fmpq_init(b);
        fmpq_one(b);
        fmpq_div_2exp(b, b, 2048);
        tap_ok(entry_parse_fmpq(a, "0x1p-2048") == 0 && fmpq_equal(a, b), "entry \"0x1p-2048\" is 2^-2048 exactly");
        fmpq_clear(a), fmpq_clear(b);
    }

    /* 400 characters is the limit: 10^399 (a 1 and 399 zeros) is accepted exactly */
    char buf[512];
    memset(buf, '0', 400);
    buf[0] = '1';
    buf[400] = '\0';
    fmpq_t x, y;
    fmpq_init(x);
    fmpq_init(y);
    int rc = entry_parse_fmpq(x, buf);
    fmpz_set_ui(fmpq_numref(y), 10);
    fmpz_pow_ui(fmpq_numref(y), fmpq_numref(y), 399);
    fmpz_one(fmpq_denref(y));
    tap_ok(rc == 0 && fmpq_equal(x, y), "400-character integer 10^399 accepted exactly");
    /* "0." followed by 398 digits "0...01" = 10^-398 */
    memset(buf, '0', 400);
    buf[1] = '.';
    buf[399] = '1';
    buf[400] = '\0';
    rc = entry_parse_fmpq(x, buf);
    fmpq_inv(y, y);        /* 10^-399 */
    fmpq_mul_si(y, y, 10); /* 10^-398 */
    tap_ok(rc == 0 && fmpq_equal(x, y), "400-character decimal 10^-398 accepted exactly");
    fmpq_clear(x);
    fmpq_clear(y);

    test_entry_reject("", "empty");
    test_entry_reject("1e3", "exponent");
    test_entry_reject("1e-3", "exponent");
    test_entry_reject("1E3", "exponent");
    test_entry_reject(".5", "no integer part");
    test_entry_reject("1.", "no fraction digits");
    test_entry_reject("1/0", "zero denominator");
    test_entry_reject("0/0", "zero denominator");
    test_entry_reject("1/000", "zero denominator");
    test_entry_reject("0x10", "hexadecimal without exponent");
    test_entry_reject("0x1.p3", "hex point without digits");
    test_entry_reject("0x1p2049", "hex exponent over 2048");
    test_entry_reject("0X1p3", "upper-case 0X");
    test_entry_reject("1/0x2", "hex denominator");
    test_entry_reject("nan", "nan");
    test_entry_reject("inf", "inf");
    test_entry_reject("-inf", "-inf");
    test_entry_reject("Infinity", "Infinity");
    test_entry_reject(" 1", "leading space");
    test_entry_reject("1 ", "trailing space");
    test_entry_reject("\t1", "leading tab");
    test_entry_reject("1\n", "trailing newline");
    test_entry_reject("1/-2", "sign in the denominator");
    test_entry_reject("1/+2", "sign in the denominator");
    test_entry_reject("--1", "double sign");
    test_entry_reject("+-1", "double sign");
    test_entry_reject("-", "sign only");
    test_entry_reject("+", "sign only");
    test_entry_reject("1/", "no denominator");
    test_entry_reject("/2", "no numerator");
    test_entry_reject("1//2", "two slashes");
    test_entry_reject("1.5/2", "decimal numerator");
    test_entry_reject("1/2.5", "decimal denominator");
    test_entry_reject("1.2.3", "two points");
    test_entry_reject("1,5", "comma");
    test_entry_reject("1-", "trailing sign");
    test_entry_reject("0b1", "binary");
    test_entry_reject("\xd9\xa1", "non-ASCII digit");

    /* 401 characters, in each form */
    memset(buf, '1', 401);
    buf[401] = '\0';
    test_entry_reject(buf, "401-digit integer");
    buf[0] = '-';
    test_entry_reject(buf, "401 characters with a sign");
    buf[0] = '1';
    buf[200] = '.';
    test_entry_reject(buf, "401-character decimal");
    buf[200] = '/';
    test_entry_reject(buf, "401-character rational");
}

/* ---------------------------------------------------------------- splitmix64 */

static void test_splitmix(void)
{
    /* splitmix64 from state 0 (reference outputs of Steele, Lea & Flood's generator) */
    static const uint64_t want[4] = {UINT64_C(0xe220a8397b1dcdaf), UINT64_C(0x6e789e6aa1b965f4),
                                     UINT64_C(0x06c45d188009454f), UINT64_C(0xf88bb8a8724c81ec)};
    uint64_t s = 0;
    int ok = 1;
    for (int t = 0; t < 4; t++) ok &= splitmix64_next(&s) == want[t];
    tap_ok(ok, "splitmix64 from seed 0: e220a8397b1dcdaf 6e789e6aa1b965f4 06c45d188009454f f88bb8a8724c81ec");
    tap_ok(s == UINT64_C(4) * UINT64_C(0x9e3779b97f4a7c15), "state after 4 draws is 4 * 0x9e3779b97f4a7c15 mod 2^64");

    /* dyadic numerators of seed 0: top 20 bits of each draw minus 2^19:
     * 0xe220a = 926218 -> 401930; 0x6e789 = 452489 -> -71799; 0x06c45 = 27717 -> -496571;
     * 0xf88bb = 1018043 -> 493755 */
    s = 0;
    int32_t a = splitmix64_dyadic_numerator(&s), b = splitmix64_dyadic_numerator(&s);
    int32_t c = splitmix64_dyadic_numerator(&s), d = splitmix64_dyadic_numerator(&s);
    tap_ok(a == 401930 && b == -71799 && c == -496571 && d == 493755,
           "dyadic numerators of seed 0: 401930 -71799 -496571 493755 (got %d %d %d %d)", a, b, c, d);
    s = 0;
    double e = splitmix64_dyadic_entry(&s);
    tap_ok(e == 401930.0 / 524288.0, "first dyadic entry of seed 0 is 401930/2^19");

    /* seed 2^64-1: the state wraps modulo 2^64; compare with the spec's reference code */
    uint64_t s1 = UINT64_MAX, s2 = UINT64_MAX;
    ok = 1;
    for (int t = 0; t < 1000; t++) ok &= splitmix64_next(&s1) == ref_next(&s2);
    tap_ok(ok, "splitmix64 from seed 2^64-1 matches the spec's code for 1000 draws");
}

/* ---------------------------------------------------------------- generators */

/* random-dyadic/1 against the reference: entry order W rows, then H rows (l, c); H stored
 * sample-major Ht[c*d + l]. */
static int check_random_vs_ref(long K, long n, long d, uint64_t seed)
{
    instance I;
    nc_error err = {0, ""};
    if (instance_generate_random_dyadic(&I, K, n, d, seed, &err)) return 0;
    uint64_t s = seed;
    long N = n * K;
    int ok = I.kind == INSTANCE_RANDOM_DYADIC && I.exact_double && I.Wa == NULL && I.Ha == NULL && I.seed == seed;
    for (long t = 0; t < K * d; t++) ok &= I.W[t] == ldexp((double)ref_num(&s), -19);
    for (long l = 0; l < d; l++)
        for (long c = 0; c < N; c++) ok &= I.Ht[c * d + l] == ldexp((double)ref_num(&s), -19);
    for (long t = 0; t < K * d; t++)
        ok &= I.W[t] >= -1.0 && I.W[t] < 1.0 && ldexp(I.W[t], 19) == floor(ldexp(I.W[t], 19));
    for (long t = 0; t < N * d; t++)
        ok &= I.Ht[t] >= -1.0 && I.Ht[t] < 1.0 && ldexp(I.Ht[t], 19) == floor(ldexp(I.Ht[t], 19));
    instance_clear(&I);
    return ok;
}

static void test_random_dyadic(uint64_t rseed)
{
    instance I;
    nc_error err = {0, ""};
    /* K=2, n=1, d=1, seed 0: W = (401930, -71799)/2^19 (draws 1, 2), H = [h_0 h_1] =
     * (-496571, 493755)/2^19 (draws 3, 4), by the hand values above */
    int rc = instance_generate_random_dyadic(&I, 2, 1, 1, 0, &err);
    tap_ok(rc == 0 && I.W[0] == 401930.0 / 524288 && I.W[1] == -71799.0 / 524288 && I.Ht[0] == -496571.0 / 524288 &&
               I.Ht[1] == 493755.0 / 524288,
           "random-dyadic/1 K=2 n=1 d=1 seed 0 = hand values");
    if (rc == 0) instance_clear(&I);

    /* K=2, n=1, d=2: draws e1..e8 go to W00 W01 W10 W11, then H row 0 (c=0,1), H row 1 (c=0,1):
     * Ht[0*2+0]=e5, Ht[1*2+0]=e6, Ht[0*2+1]=e7, Ht[1*2+1]=e8 */
    rc = instance_generate_random_dyadic(&I, 2, 1, 2, 0, &err);
    uint64_t s = 0;
    double e[8];
    for (int t = 0; t < 8; t++) e[t] = ldexp((double)ref_num(&s), -19);
    tap_ok(rc == 0 && I.W[0] == e[0] && I.W[1] == e[1] && I.W[2] == e[2] && I.W[3] == e[3] && I.Ht[0] == e[4] &&
               I.Ht[2] == e[5] && I.Ht[1] == e[6] && I.Ht[3] == e[7],
           "random-dyadic/1 K=2 n=1 d=2: W row-major, then H rows, stored as Ht[c*d+l]");
    if (rc == 0) instance_clear(&I);

    tap_ok(check_random_vs_ref(3, 2, 4, 42),
           "random-dyadic/1 K=3 n=2 d=4 seed 42 = reference, entries in [-1,1) over 2^19");
    tap_ok(check_random_vs_ref(5, 3, 7, UINT64_MAX), "random-dyadic/1 K=5 n=3 d=7 seed 2^64-1 = reference");
    srand((unsigned)rseed);
    int ok = 1;
    for (int t = 0; t < 20; t++) {
        long K = 2 + rand() % 6, n = 1 + rand() % 5, d = 1 + rand() % 9;
        uint64_t sd = ((uint64_t)rand() << 33) ^ ((uint64_t)rand() << 11) ^ (uint64_t)rand();
        if (!check_random_vs_ref(K, n, d, sd)) {
            ok = 0;
            tap_diag("mismatch at K=%ld n=%ld d=%ld seed=%" PRIu64, K, n, d, sd);
        }
    }
    tap_ok(ok, "random-dyadic/1 = reference on 20 random (K, n, d, seed)");

    /* the whole range [-1, 1) is used: over a K=10 n=10 d=100 instance (11000 entries) the
     * minimum is < -0.999 and the maximum > 0.999 (each fails with probability ~ e^-5.5) */
    rc = instance_generate_random_dyadic(&I, 10, 10, 100, 7, &err);
    double lo = 1, hi = -1;
    for (long t = 0; rc == 0 && t < 10000; t++) {
        lo = fmin(lo, I.Ht[t]);
        hi = fmax(hi, I.Ht[t]);
    }
    tap_ok(rc == 0 && lo < -0.999 && hi > 0.999 && hi < 1,
           "random-dyadic/1 entries spread over [-1, 1) (min %g max %g)", lo, hi);
    if (rc == 0) instance_clear(&I);
}

/* nc/1: W[k][l] = [l==k] - 1/K (l < K), 0 (l >= K); H[l][c] = W[c/n][l] / sqrt(n), stored as
 * Ha = 0, Hb = W / n. */
static int check_nc_exact(const instance *I, long K, long n, long d)
{
    int ok = I->kind == INSTANCE_NC && !I->exact_double && I->Wa && I->Hb;
    if (!ok) return 0;
    fmpq_t w, t;
    fmpq_init(w);
    fmpq_init(t);
    for (long k = 0; k < K; k++)
        for (long l = 0; l < d; l++) {
            if (l < K)
                fmpq_set_si(w, (l == k ? K : 0) - 1, (ulong)K);
            else
                fmpq_zero(w);
            ok &= fmpq_equal(I->Wa + k * d + l, w) && fmpq_vec_entry_is_zero(I->Wb, k * d + l);
            ok &= fabs(I->W[k * d + l] - fmpq_get_d(w)) <= 0x1p-52;
        }
    for (long c = 0; c < n * K; c++)
        for (long l = 0; l < d; l++) {
            long k = c / n;
            if (l < K)
                fmpq_set_si(w, (l == k ? K : 0) - 1, (ulong)(K * n)); /* W / n */
            else
                fmpq_zero(w);
            ok &= fmpq_equal(I->Hb + c * d + l, w) && fmpq_vec_entry_is_zero(I->Ha, c * d + l);
            fmpq_mul_si(t, w, n);
            ok &= fabs(I->Ht[c * d + l] - fmpq_get_d(t) / sqrt((double)n)) <= 0x1p-50;
        }
    fmpq_clear(w);
    fmpq_clear(t);
    return ok;
}

static void test_nc(void)
{
    static const long dims[][3] = {{2, 1, 2}, {3, 4, 3}, {4, 2, 5}, {5, 3, 7}, {3, 9, 4}};
    for (size_t t = 0; t < sizeof dims / sizeof dims[0]; t++) {
        instance I;
        nc_error err = {0, ""};
        long K = dims[t][0], n = dims[t][1], d = dims[t][2];
        int rc = instance_generate_nc(&I, K, n, d, &err);
        tap_ok(rc == 0 && check_nc_exact(&I, K, n, d),
               "nc/1 K=%ld n=%ld d=%ld: W = e_k - 1/K, H = W/sqrt(n) (Hb = W/n)", K, n, d);
        if (rc == 0) instance_clear(&I);
    }
    /* K=3, n=4, d=3 by hand: W[0] = (2/3, -1/3, -1/3); h_{1,2} (c = 6) = w_1 / 2 = (-1/6, 1/3, -1/6),
     * stored as Hb = w_1 / 4 = (-1/12, 1/6, -1/12) */
    instance I;
    nc_error err = {0, ""};
    int rc = instance_generate_nc(&I, 3, 4, 3, &err);
    tap_ok(rc == 0 && fmpq_eq_si(I.Wa + 0, 2, 3) && fmpq_eq_si(I.Wa + 1, -1, 3) && fmpq_eq_si(I.Wa + 2, -1, 3) &&
               fmpq_eq_si(I.Hb + 6 * 3 + 0, -1, 12) && fmpq_eq_si(I.Hb + 6 * 3 + 1, 1, 6) &&
               fmpq_eq_si(I.Hb + 6 * 3 + 2, -1, 12),
           "nc/1 K=3 n=4 d=3: w_0 = (2/3,-1/3,-1/3), h_{1,2} stored as (-1/12, 1/6, -1/12) sqrt(4)");
    if (rc == 0) instance_clear(&I);

    /* instance.h documents W as the nearest doubles: RN(-1/5) = -0x1.999999999999ap-3 */
    rc = instance_generate_nc(&I, 5, 1, 5, &err);
    if (rc == 0) {
        tap_ok(I.W[1] == -0x1.999999999999ap-3,
               "nc/1 K=5: double copy of W[0][1] = -1/5 is its nearest double (got %a)", I.W[1]);
        instance_clear(&I);
    } else
        tap_ok(0, "nc/1 K=5 n=1 d=5: %s", err.msg);

    static const long bad[][3] = {{3, 1, 2}, {5, 2, 4}, {1, 1, 1}, {2, 0, 2}};
    for (size_t t = 0; t < sizeof bad / sizeof bad[0]; t++) {
        nc_error e2 = {0, ""};
        rc = instance_generate_nc(&I, bad[t][0], bad[t][1], bad[t][2], &e2);
        tap_ok(rc == 2 && e2.status == 2 && e2.msg[0] && instance_is_zeroed(&I),
               "nc/1 K=%ld n=%ld d=%ld refused with status 2: %s", bad[t][0], bad[t][1], bad[t][2], e2.msg);
        if (rc == 0) instance_clear(&I);
    }
}

/* nc-perturbed/1 against the reference: W = W_nc + 2^e R_W (b = 0); H: a = 2^e R_H, b = W_nc/n */
static int check_perturbed_vs_ref(long K, long n, long d, uint64_t seed, long e)
{
    instance I;
    nc_error err = {0, ""};
    if (instance_generate_nc_perturbed(&I, K, n, d, seed, e, &err)) return 0;
    int ok = I.kind == INSTANCE_NC_PERTURBED && !I.exact_double && I.seed == seed && I.eps_log2 == e;
    uint64_t s = seed;
    long N = n * K;
    fmpq_t w, r;
    fmpq_init(w);
    fmpq_init(r);
    for (long k = 0; k < K; k++)
        for (long l = 0; l < d; l++) {
            if (l < K)
                fmpq_set_si(w, (l == k ? K : 0) - 1, (ulong)K);
            else
                fmpq_zero(w);
            fmpq_set_si(r, ref_num(&s), 1);
            fmpq_div_2exp(r, r, (ulong)(19 - e));
            fmpq_add(w, w, r);
            ok &= fmpq_equal(I.Wa + k * d + l, w) && fmpq_vec_entry_is_zero(I.Wb, k * d + l);
        }
    for (long l = 0; l < d; l++)
        for (long c = 0; c < N; c++) {
            long k = c / n;
            fmpq_set_si(r, ref_num(&s), 1);
            fmpq_div_2exp(r, r, (ulong)(19 - e));
            ok &= fmpq_equal(I.Ha + c * d + l, r);
            if (l < K)
                fmpq_set_si(w, (l == k ? K : 0) - 1, (ulong)(K * n));
            else
                fmpq_zero(w);
            ok &= fmpq_equal(I.Hb + c * d + l, w);
        }
    fmpq_clear(w);
    fmpq_clear(r);
    instance_clear(&I);
    return ok;
}

static void test_nc_perturbed(void)
{
    tap_ok(check_perturbed_vs_ref(3, 2, 3, 7, -20), "nc-perturbed/1 K=3 n=2 d=3 seed 7 eps 2^-20 = reference");
    tap_ok(check_perturbed_vs_ref(4, 3, 6, 123456789, -1), "nc-perturbed/1 K=4 n=3 d=6 eps 2^-1 = reference");
    tap_ok(check_perturbed_vs_ref(2, 4, 2, 0, -1000), "nc-perturbed/1 K=2 n=4 d=2 eps 2^-1000 = reference");
    /* hand value: K=2, n=1, d=2, seed 0, e = -1: W[0][0] = 1/2 + 2^-1 * 401930/2^19 = 1/2 + 200965/2^19
     * = (262144 + 200965)/2^19 = 463109/524288 */
    instance I;
    nc_error err = {0, ""};
    int rc = instance_generate_nc_perturbed(&I, 2, 1, 2, 0, -1, &err);
    tap_ok(rc == 0 && fmpq_eq_si(I.Wa + 0, 463109, 524288),
           "nc-perturbed/1 K=2 n=1 d=2 seed 0 e=-1: W00 = 463109/2^19");
    if (rc == 0) instance_clear(&I);
    static const long bad_e[] = {0, 1, 5};
    for (size_t t = 0; t < 3; t++) {
        nc_error e2 = {0, ""};
        rc = instance_generate_nc_perturbed(&I, 3, 2, 3, 1, bad_e[t], &e2);
        tap_ok(rc == 2 && e2.status == 2 && instance_is_zeroed(&I), "nc-perturbed/1 eps_log2 = %ld refused: %s",
               bad_e[t], e2.msg);
        if (rc == 0) instance_clear(&I);
    }
    nc_error e3 = {0, ""};
    rc = instance_generate_nc_perturbed(&I, 4, 2, 3, 1, -10, &e3);
    tap_ok(rc == 2 && e3.status == 2, "nc-perturbed/1 with d < K refused: %s", e3.msg);
    if (rc == 0) instance_clear(&I);
}

/* ---------------------------------------------------------------- size limits */

static void dims_case(long K, long n, long d, long maxe, int want_ok, const char *what)
{
    nc_error err = {0, ""};
    int rc = instance_check_dims(K, n, d, maxe, &err);
    if (want_ok)
        tap_ok(rc == 0 && err.status == 0, "check_dims K=%ld n=%ld d=%ld accepted (%s)", K, n, d, what);
    else
        tap_ok(rc == 2 && err.status == 2 && err.msg[0], "check_dims K=%ld n=%ld d=%ld refused (%s): %s", K, n, d, what,
               err.msg);
}

static void test_dims(void)
{
    dims_case(2, 1, 1, INSTANCE_MAX_ENTRIES, 1, "smallest");
    dims_case(1, 1, 1, INSTANCE_MAX_ENTRIES, 0, "K < 2");
    dims_case(0, 1, 1, INSTANCE_MAX_ENTRIES, 0, "K = 0");
    dims_case(-3, 1, 1, INSTANCE_MAX_ENTRIES, 0, "K < 0");
    dims_case(2, 0, 1, INSTANCE_MAX_ENTRIES, 0, "n < 1");
    dims_case(2, -1, 1, INSTANCE_MAX_ENTRIES, 0, "n < 0");
    dims_case(2, 1, 0, INSTANCE_MAX_ENTRIES, 0, "d < 1");
    dims_case(100001, 1, 1, INSTANCE_MAX_ENTRIES, 0, "K > 100000");
    dims_case(2, 100001, 1, INSTANCE_MAX_ENTRIES, 0, "n > 100000");
    dims_case(2, 1, 100001, INSTANCE_MAX_ENTRIES, 0, "d > 100000");
    dims_case(LONG_MAX, LONG_MAX, LONG_MAX, INSTANCE_MAX_ENTRIES, 0, "LONG_MAX (no overflow)");
    dims_case(100000, 100000, 100000, INSTANCE_MAX_ENTRIES, 0, "all at the dimension limit: too many entries");
    /* K*d + d*n*K = K d (n + 1): 1024 * 1024 * 256 = 2^28 exactly (n = 255) is the limit */
    dims_case(1024, 255, 1024, INSTANCE_MAX_ENTRIES, 1, "exactly 2^28 entries");
    dims_case(1024, 256, 1024, INSTANCE_MAX_ENTRIES, 0, "2^28 + 2^20 entries");
    /* explicit limit 4194304 = 2^22 = 64 * 256 * 256 (n = 255) */
    dims_case(64, 255, 256, INSTANCE_MAX_EXPLICIT_ENTRIES, 1, "exactly 2^22 explicit entries");
    dims_case(64, 256, 256, INSTANCE_MAX_EXPLICIT_ENTRIES, 0, "2^22 + 2^14 explicit entries");

    nc_error err = {0, ""};
    instance_check_dims(1, 1, 1, INSTANCE_MAX_ENTRIES, &err);
    instance_check_dims(2, 0, 1, INSTANCE_MAX_ENTRIES, &err);
    tap_ok(err.status == 2 && strstr(err.msg, "K") != NULL && strstr(err.msg, "n must") == NULL,
           "nc_error keeps the first error (\"%s\")", err.msg);
}

/* ---------------------------------------------------------------- JSON readers */

static int from_json_string(instance *I, const char *text, nc_error *err)
{
    json_error_t jerr;
    json_t *o = json_loads(text, 0, &jerr);
    if (o == NULL) {
        tap_diag("test bug: invalid JSON in the test: %s", jerr.text);
        return -100;
    }
    int rc = instance_from_json(I, o, err);
    json_decref(o);
    return rc;
}

static void json_bad(const char *text, const char *what, const char *msg_part)
{
    instance I;
    nc_error err = {0, ""};
    memset(&I, 0x5a, sizeof I); /* garbage in: the reader must reset it */
    int rc = from_json_string(&I, text, &err);
    int ok = rc == 2 && err.status == 2 && err.msg[0] && strchr(err.msg, '\n') == NULL &&
             (msg_part == NULL || strstr(err.msg, msg_part) != NULL) && instance_is_zeroed(&I);
    tap_ok(ok, "instance_from_json refuses %s (status 2): %s", what, err.msg);
    if (rc == 0) instance_clear(&I);
}

static void test_json_errors(void)
{
    json_bad("[1, 2]", "a JSON array", "object");
    json_bad("{\"K\":2,\"n\":1,\"d\":1,\"W\":[[\"1\"],[\"2\"]],\"H\":[[\"1\",\"2\"]],\"w\":[]}", "an unknown key \"w\"",
             "\"w\"");
    json_bad("{\"K\":2,\"n\":1,\"d\":1,\"W\":[[\"1\"],[\"2\"]]}", "a missing H", "\"H\"");
    json_bad("{\"K\":2,\"n\":1,\"d\":1,\"H\":[[\"1\",\"2\"]]}", "a missing W", "\"W\"");
    json_bad("{\"n\":1,\"d\":1,\"W\":[[\"1\"],[\"2\"]],\"H\":[[\"1\",\"2\"]]}", "a missing K", "\"K\"");
    json_bad("{\"K\":\"2\",\"n\":1,\"d\":1,\"W\":[[\"1\"],[\"2\"]],\"H\":[[\"1\",\"2\"]]}", "K as a string", "\"K\"");
    json_bad("{\"K\":2.0,\"n\":1,\"d\":1,\"W\":[[\"1\"],[\"2\"]],\"H\":[[\"1\",\"2\"]]}", "K as a real", "\"K\"");
    json_bad("{\"K\":1,\"n\":1,\"d\":1,\"W\":[[\"1\"]],\"H\":[[\"1\"]]}", "K = 1", "\"K\"");
    json_bad("{\"K\":2,\"n\":0,\"d\":1,\"W\":[[\"1\"],[\"2\"]],\"H\":[[]]}", "n = 0", "\"n\"");
    json_bad("{\"K\":2,\"n\":1,\"d\":0,\"W\":[[],[]],\"H\":[]}", "d = 0", "\"d\"");
    json_bad("{\"K\":100001,\"n\":1,\"d\":1,\"W\":[],\"H\":[]}", "K = 100001", "\"K\"");
    json_bad("{\"K\":1000,\"n\":100,\"d\":100,\"W\":[],\"H\":[]}", "an explicit instance above 2^22 entries",
             "too large");
    json_bad("{\"K\":2,\"n\":1,\"d\":1,\"W\":\"1\",\"H\":[[\"1\",\"2\"]]}", "W not an array", "\"W\"");
    json_bad("{\"K\":2,\"n\":1,\"d\":1,\"W\":[[\"1\"]],\"H\":[[\"1\",\"2\"]]}", "W with K-1 rows", "\"W\"");
    json_bad("{\"K\":2,\"n\":1,\"d\":1,\"W\":[[\"1\"],[\"2\"],[\"3\"]],\"H\":[[\"1\",\"2\"]]}", "W with K+1 rows",
             "\"W\"");
    json_bad("{\"K\":2,\"n\":1,\"d\":2,\"W\":[[\"1\",\"0\"],[\"2\"]],\"H\":[[\"1\",\"2\"],[\"3\",\"4\"]]}",
             "a ragged W", "row 1");
    json_bad("{\"K\":2,\"n\":1,\"d\":2,\"W\":[[\"1\",\"0\"],[\"2\",\"0\"]],\"H\":[[\"1\",\"2\"],[\"3\"]]}",
             "a ragged H", "row 1");
    json_bad("{\"K\":2,\"n\":2,\"d\":1,\"W\":[[\"1\"],[\"2\"]],\"H\":[[\"1\",\"2\"]]}",
             "H with K columns instead of nK", "\"H\"");
    json_bad("{\"K\":2,\"n\":1,\"d\":2,\"W\":[[\"1\",\"0\"],[\"2\",\"0\"]],\"H\":[[\"1\",\"2\"]]}", "H with d-1 rows",
             "\"H\"");
    json_bad("{\"K\":2,\"n\":1,\"d\":1,\"W\":[\"1\",\"2\"],\"H\":[[\"1\",\"2\"]]}", "W rows that are not arrays",
             "row 0");
    json_bad("{\"K\":2,\"n\":1,\"d\":1,\"W\":[[1],[\"2\"]],\"H\":[[\"1\",\"2\"]]}", "a number entry", "W[0][0]");
    json_bad("{\"K\":2,\"n\":1,\"d\":1,\"W\":[[\"1\"],[null]],\"H\":[[\"1\",\"2\"]]}", "a null entry", "W[1][0]");
    json_bad("{\"K\":2,\"n\":1,\"d\":1,\"W\":[[\"1\"],[\"2\"]],\"H\":[[\"1\",[\"2\"]]]}", "a nested array entry",
             "H[0][1]");
    json_bad("{\"K\":2,\"n\":1,\"d\":1,\"W\":[[\"1\"],[\"2\"]],\"H\":[[\"1\",\"1e5\"]]}", "entry \"1e5\"", "1e5");
    json_bad("{\"K\":2,\"n\":1,\"d\":1,\"W\":[[\"1/0\"],[\"2\"]],\"H\":[[\"1\",\"2\"]]}", "entry \"1/0\"", "1/0");
    json_bad("{\"kind\":7,\"K\":2,\"n\":1,\"d\":1}", "a numeric kind", "kind");
    json_bad("{\"kind\":\"nc/2\",\"K\":2,\"n\":1,\"d\":2}", "unknown kind nc/2", "nc/2");
    json_bad("{\"kind\":\"random-dyadic/2\",\"K\":2,\"n\":1,\"d\":2,\"seed\":\"1\"}", "unknown kind random-dyadic/2",
             "random-dyadic/2");
    json_bad("{\"kind\":\"random-dyadic/1\",\"K\":2,\"n\":1,\"d\":2}", "a missing seed", "seed");
    json_bad("{\"kind\":\"random-dyadic/1\",\"K\":2,\"n\":1,\"d\":2,\"seed\":42}", "a numeric seed", "seed");
    json_bad("{\"kind\":\"random-dyadic/1\",\"K\":2,\"n\":1,\"d\":2,\"seed\":\"\"}", "an empty seed", "seed");
    json_bad("{\"kind\":\"random-dyadic/1\",\"K\":2,\"n\":1,\"d\":2,\"seed\":\"-1\"}", "seed \"-1\"", "seed");
    json_bad("{\"kind\":\"random-dyadic/1\",\"K\":2,\"n\":1,\"d\":2,\"seed\":\"+1\"}", "seed \"+1\"", "seed");
    json_bad("{\"kind\":\"random-dyadic/1\",\"K\":2,\"n\":1,\"d\":2,\"seed\":\" 1\"}", "seed \" 1\"", "seed");
    json_bad("{\"kind\":\"random-dyadic/1\",\"K\":2,\"n\":1,\"d\":2,\"seed\":\"1e3\"}", "seed \"1e3\"", "seed");
    json_bad("{\"kind\":\"random-dyadic/1\",\"K\":2,\"n\":1,\"d\":2,\"seed\":\"0x10\"}", "seed \"0x10\"", "seed");
    json_bad("{\"kind\":\"random-dyadic/1\",\"K\":2,\"n\":1,\"d\":2,\"seed\":\"18446744073709551616\"}", "seed 2^64",
             "seed");
    json_bad("{\"kind\":\"random-dyadic/1\",\"K\":2,\"n\":1,\"d\":2,\"seed\":\"99999999999999999999\"}", "seed 10^20-1",
             "seed");
    json_bad("{\"kind\":\"random-dyadic/1\",\"K\":2,\"n\":1,\"d\":2,\"seed\":\"1\",\"eps_log2\":-3}",
             "eps_log2 on random-dyadic/1", "eps_log2");
    json_bad("{\"kind\":\"random-dyadic/1\",\"K\":2,\"n\":1,\"d\":2,\"seed\":\"1\",\"W\":[]}", "W on a generator",
             "\"W\"");
    json_bad("{\"kind\":\"random-dyadic/1\",\"K\":1,\"n\":1,\"d\":2,\"seed\":\"1\"}", "random-dyadic/1 with K = 1",
             "\"K\"");
    json_bad("{\"kind\":\"random-dyadic/1\",\"K\":100000,\"n\":100000,\"d\":1,\"seed\":\"1\"}",
             "random-dyadic/1 above 2^28 entries", "too large");
    json_bad("{\"kind\":\"nc/1\",\"K\":3,\"n\":1,\"d\":2}", "nc/1 with d < K", "d >= K");
    json_bad("{\"kind\":\"nc/1\",\"K\":3,\"n\":1,\"d\":3,\"seed\":\"1\"}", "a seed on nc/1", "seed");
    json_bad("{\"kind\":\"nc-perturbed/1\",\"K\":3,\"n\":1,\"d\":3,\"seed\":\"1\"}", "a missing eps_log2", "eps_log2");
    json_bad("{\"kind\":\"nc-perturbed/1\",\"K\":3,\"n\":1,\"d\":3,\"seed\":\"1\",\"eps_log2\":0}", "eps_log2 = 0",
             "eps_log2");
    json_bad("{\"kind\":\"nc-perturbed/1\",\"K\":3,\"n\":1,\"d\":3,\"seed\":\"1\",\"eps_log2\":-1001}",
             "eps_log2 = -1001", "eps_log2");
    json_bad("{\"kind\":\"nc-perturbed/1\",\"K\":3,\"n\":1,\"d\":3,\"seed\":\"1\",\"eps_log2\":\"-20\"}",
             "eps_log2 as a string", "eps_log2");
    json_bad("{\"kind\":\"nc-perturbed/1\",\"K\":3,\"n\":1,\"d\":3,\"eps_log2\":-20}", "nc-perturbed/1 without seed",
             "seed");
    json_bad("{\"kind\":\"nc-perturbed/1\",\"K\":4,\"n\":1,\"d\":3,\"seed\":\"1\",\"eps_log2\":-20}",
             "nc-perturbed/1 with d < K", "d >= K");
}

static void test_json_good(void)
{
    instance I;
    nc_error err = {0, ""};
    /* K=2, n=1, d=2 with distinct dyadic entries: exact doubles, H column c = (H[0][c], H[1][c]) */
    int rc = from_json_string(&I,
                              "{\"K\":2,\"n\":1,\"d\":2,\"W\":[[\"1\",\"-0.5\"],[\"+5\",\"-0\"]],"
                              "\"H\":[[\"0.25\",\"3\"],[\"-2\",\"6/4\"]]}",
                              &err);
    tap_ok(rc == 0 && I.kind == INSTANCE_EXPLICIT && I.exact_double && I.Wa == NULL && I.W[0] == 1 && I.W[1] == -0.5 &&
               I.W[2] == 5 && I.W[3] == 0 && I.Ht[0] == 0.25 && I.Ht[1] == -2 && I.Ht[2] == 3 && I.Ht[3] == 1.5,
           "explicit dyadic instance: exact doubles, Ht[c*d+l] = H[l][c]");
    if (rc == 0) {
        json_t *j = instance_to_json(&I);
        json_t *w = json_object_get(j, "W"), *h = json_object_get(j, "H");
        tap_ok(!strcmp(json_string_value(json_object_get(j, "kind")), "explicit") &&
                   json_integer_value(json_object_get(j, "K")) == 2 &&
                   !strcmp(json_string_value(json_array_get(json_array_get(w, 1), 0)), "+5") &&
                   !strcmp(json_string_value(json_array_get(json_array_get(h, 1), 1)), "6/4"),
               "instance_to_json re-emits explicit entries verbatim (\"+5\", \"6/4\")");
        json_decref(j);
        instance_clear(&I);
    }
    /* a non-dyadic entry keeps the rationals: -1/3 */
    rc = from_json_string(&I,
                          "{\"kind\":\"explicit\",\"K\":2,\"n\":1,\"d\":1,\"W\":[[\"-1/3\"],[\"2\"]],"
                          "\"H\":[[\"1\",\"0.1\"]]}",
                          &err);
    tap_ok(rc == 0 && !I.exact_double && I.Wa && fmpq_eq_si(I.Wa + 0, -1, 3) && fmpq_eq_si(I.Wa + 1, 2, 1) &&
               fmpq_eq_si(I.Ha + 1, 1, 10) && I.Wb == NULL && I.Hb == NULL,
           "explicit instance with -1/3 and 0.1: exact rationals kept");
    /* instance.h documents the double copies as the nearest doubles: RN(1/10) = 0x1.999999999999ap-4,
     * RN(-1/3) = -0x1.5555555555555p-2 */
    if (rc == 0) {
        double h1 = I.Ht[1];
        tap_ok(h1 == 0x1.999999999999ap-4, "double copy of 0.1 is its nearest double 0x1.999999999999ap-4 (got %a)",
               h1);
        tap_ok(I.W[0] == -0x1.5555555555555p-2, "double copy of -1/3 is -0x1.5555555555555p-2");
        instance_clear(&I);
    }

    rc = from_json_string(
        &I, "{\"kind\":\"random-dyadic/1\",\"K\":3,\"n\":2,\"d\":4,\"seed\":\"18446744073709551615\"}", &err);
    tap_ok(rc == 0 && I.kind == INSTANCE_RANDOM_DYADIC && I.seed == UINT64_MAX,
           "seed \"18446744073709551615\" (2^64-1) accepted");
    if (rc == 0) {
        json_t *j = instance_to_json(&I);
        char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
        tap_ok(
            s && !strcmp(s, "{\"kind\":\"random-dyadic/1\",\"K\":3,\"n\":2,\"d\":4,\"seed\":\"18446744073709551615\"}"),
            "random-dyadic/1 to_json: %s", s ? s : "(null)");
        free(s);
        json_decref(j);
        instance_clear(&I);
    }
    rc = from_json_string(&I, "{\"kind\":\"random-dyadic/1\",\"K\":2,\"n\":1,\"d\":1,\"seed\":\"0\"}", &err);
    tap_ok(rc == 0 && I.W[0] == 401930.0 / 524288, "random-dyadic/1 from JSON, seed \"0\": W00 = 401930/2^19");
    if (rc == 0) instance_clear(&I);
    rc = from_json_string(&I, "{\"kind\":\"nc-perturbed/1\",\"K\":3,\"n\":2,\"d\":3,\"seed\":\"7\",\"eps_log2\":-20}",
                          &err);
    if (rc == 0) {
        json_t *j = instance_to_json(&I);
        char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
        tap_ok(s && !strcmp(s, "{\"kind\":\"nc-perturbed/1\",\"K\":3,\"n\":2,\"d\":3,\"seed\":\"7\",\"eps_log2\":-20}"),
               "nc-perturbed/1 round trip: %s", s ? s : "(null)");
        free(s);
        json_decref(j);
        instance_clear(&I);
    } else
        tap_ok(0, "nc-perturbed/1 from JSON: %s", err.msg);
    rc = from_json_string(&I, "{\"kind\":\"nc/1\",\"K\":3,\"n\":4,\"d\":3}", &err);
    tap_ok(rc == 0 && check_nc_exact(&I, 3, 4, 3), "nc/1 from JSON = nc/1 generator");
    if (rc == 0) instance_clear(&I);
}

/* ---------------------------------------------------------------- files */

static char tmpdir[256];

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void file_bad(const char *name, const char *text, const char *what, const char *msg_part)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    if (text) write_file(path, text);
    instance I;
    nc_error err = {0, ""};
    int rc = instance_read_file(&I, path, &err);
    int ok = rc == 2 && err.status == 2 && strstr(err.msg, path) != NULL &&
             (msg_part == NULL || strstr(err.msg, msg_part) != NULL) && instance_is_zeroed(&I);
    tap_ok(ok, "instance_read_file refuses %s: %s", what, err.msg);
    if (rc == 0) instance_clear(&I);
    if (text) unlink(path);
}

static void test_files(void)
{
    const char *base = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/t_instance.XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(tmpdir)) {
        tap_ok(0, "mkdtemp %s", tmpdir);
        return;
    }
    file_bad("missing.json", NULL, "a nonexistent file", "cannot read");
    file_bad("", NULL, "a directory", "not a regular file");
    file_bad("empty.json", "", "an empty file", "invalid JSON");
    file_bad("broken.json", "{\"K\": 2, \"n\": 1,", "truncated JSON", "invalid JSON");
    file_bad("dup.json", "{\"K\":2,\"K\":3,\"n\":1,\"d\":1,\"W\":[[\"1\"],[\"2\"]],\"H\":[[\"1\",\"2\"]]}",
             "a duplicate key", "invalid JSON");
    file_bad("ragged.json",
             "{\"K\":2,\"n\":1,\"d\":2,\"W\":[[\"1\",\"0\"],[\"2\"]],\"H\":[[\"1\",\"2\"],[\"3\",\"4\"]]}",
             "a ragged W (message prefixed with the path)", "row 1");
    file_bad("nan.json", "{\"K\":2,\"n\":1,\"d\":1,\"W\":[[\"nan\"],[\"2\"]],\"H\":[[\"1\",\"2\"]]}", "entry \"nan\"",
             "nan");
    file_bad("top.json", "\"just a string\"", "a JSON string at the top level", NULL);

    instance I;
    nc_error err = {0, ""};
    int rc = instance_read_file(&I, "tests/data/lemma31_K2_n1_d2.json", &err);
    /* {"W": [["1","0"],["0","1"]], "H": [["1","1/2"],["-1/3","0.75"]]}: h_1 = (1/2, 3/4) */
    tap_ok(rc == 0 && I.K == 2 && I.n == 1 && I.d == 2 && !I.exact_double && fmpq_eq_si(I.Ha + 2, 1, 2) &&
               fmpq_eq_si(I.Ha + 3, 3, 4) && fmpq_eq_si(I.Ha + 1, -1, 3),
           "tests/data/lemma31_K2_n1_d2.json read (run from the repository root): %s", err.msg);
    if (rc == 0) instance_clear(&I);
    rmdir(tmpdir);
}

int main(void)
{
    uint64_t seed = test_seed();
    tap_diag("NCCERT_TEST_SEED=%" PRIu64, seed);
    test_entries();
    test_splitmix();
    test_random_dyadic(seed);
    test_nc();
    test_nc_perturbed();
    test_dims();
    test_json_errors();
    test_json_good();
    test_files();
    flint_cleanup();
    return tap_done();
}
