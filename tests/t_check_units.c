/* t_check_units.c: known-answer tests of nccheck's modules (splitmix64 and random-dyadic
 * values, exact parsers, Q(sqrt(m)) arithmetic and signs). Answers computed by hand. */
#include <string.h>

#include "check_instance.h"
#include "check_qsqrt.h"
#include "check_rational.h"
#include "tap.h"

static int q_is(int (*parse)(const char *, mpq_t), const char *s, const char *want)
{
    mpq_t x, w;
    mpq_inits(x, w, NULL);
    mpq_set_str(w, want, 10);
    mpq_canonicalize(w);
    int ok = parse(s, x) == 0 && mpq_equal(x, w);
    mpq_clears(x, w, NULL);
    return ok;
}

static int rejects(int (*parse)(const char *, mpq_t), const char *s)
{
    mpq_t x;
    mpq_init(x);
    int r = parse(s, x) != 0;
    mpq_clear(x);
    return r;
}

static int iv_is(const char *s, const char *lo, const char *hi)
{
    mpq_t a, b, wa, wb;
    mpq_inits(a, b, wa, wb, NULL);
    mpq_set_str(wa, lo, 10), mpq_canonicalize(wa);
    mpq_set_str(wb, hi, 10), mpq_canonicalize(wb);
    int ok = ck_parse_decimal_interval(s, a, b) == 0 && mpq_equal(a, wa) && mpq_equal(b, wb);
    mpq_clears(a, b, wa, wb, NULL);
    return ok;
}

/* sign of a + b sqrt(m), a, b, m given as strings */
static int sgn(const char *a, const char *b, unsigned long m)
{
    mpq_t x, y;
    mpz_t mm;
    mpq_inits(x, y, NULL);
    mpz_init_set_ui(mm, m);
    mpq_set_str(x, a, 10), mpq_canonicalize(x);
    mpq_set_str(y, b, 10), mpq_canonicalize(y);
    int s = ck_qs_sgn_ab(x, y, mm);
    mpq_clears(x, y, NULL);
    mpz_clear(mm);
    return s;
}

static int eq2(const char *a1, const char *b1, unsigned long m1, const char *a2, const char *b2, unsigned long m2)
{
    mpq_t x1, y1, x2, y2;
    mpz_t n1, n2;
    mpq_inits(x1, y1, x2, y2, NULL);
    mpz_init_set_ui(n1, m1), mpz_init_set_ui(n2, m2);
    mpq_set_str(x1, a1, 10), mpq_canonicalize(x1);
    mpq_set_str(y1, b1, 10), mpq_canonicalize(y1);
    mpq_set_str(x2, a2, 10), mpq_canonicalize(x2);
    mpq_set_str(y2, b2, 10), mpq_canonicalize(y2);
    int r = ck_qs_equal2(x1, y1, n1, x2, y2, n2);
    mpq_clears(x1, y1, x2, y2, NULL);
    mpz_clears(n1, n2, NULL);
    return r;
}

int main(void)
{
    /* splitmix64 from seed 0 (reference outputs of the published algorithm) */
    uint64_t s = 0;
    const uint64_t want[4] = {0xe220a8397b1dcdafu, 0x6e789e6aa1b965f4u, 0x06c45d188009454fu, 0xf88bb8a8724c81ecu};
    int ok = 1;
    for (int t = 0; t < 4; t++) ok &= ck_splitmix64_next(&s) == want[t];
    tap_ok(ok, "splitmix64 seed 0: first four outputs");
    /* random access: draw t is the (t+1)-th output; u = top 20 bits; value u - 2^19 */
    tap_ok(ck_rd_value(0, 0) == 0xe220a - 0x80000 && ck_rd_value(0, 0) == 401930,
           "random-dyadic draw 0 of seed 0 = 0xe220a - 2^19 = 401930");
    tap_ok(ck_rd_value(0, 1) == 452489 - 524288, "draw 1 of seed 0 = 0x6e789 - 2^19");
    tap_ok(ck_rd_value(0, 3) == 0xf88bb - 0x80000, "draw 3 of seed 0 = 0xf88bb - 2^19");
    s = 42;
    for (int t = 0; t < 1000; t++) ck_splitmix64_next(&s);
    tap_ok((int32_t)(ck_splitmix64_next(&s) >> 44) - (1 << 19) == ck_rd_value(42, 1000),
           "random access agrees with sequential draws (seed 42, draw 1000)");

    /* hex floats */
    tap_ok(q_is(ck_parse_hexfloat, "0x1.8p+3", "12"), "0x1.8p+3 = 12");
    tap_ok(q_is(ck_parse_hexfloat, "-0x1p-2", "-1/4"), "-0x1p-2 = -1/4");
    tap_ok(q_is(ck_parse_hexfloat, "0x0p+0", "0"), "0x0p+0 = 0");
    tap_ok(q_is(ck_parse_hexfloat, "0xffp-4", "255/16"), "0xffp-4 = 255/16");
    tap_ok(q_is(ck_parse_hexfloat, "0x1p64", "18446744073709551616"), "0x1p64 = 2^64 (no sign)");
    tap_ok(q_is(ck_parse_hexfloat, "0x1.6a09e667f3bcc908b2fb1366ea957d3e3adec175p-1",
                "2066875436943847413332748968013809022504194195829/" /* int(hex, 16) */
                "2923003274661805836407369665432566039311865085952"),
           "40-digit mantissa read exactly (0x16a0...175 / 2^161)");
    const char *badhex[] = {"0x1p999999999", "0x1p-1048577", "0x1.p+3",   "0x.8p+1", "1.5",    "0x1.8",   "+0x1p+0",
                            "0x1p+",         "0X1p+0",       "0x1.8p+3 ", "",        "0xgp+0", "--0x1p+0"};
    ok = 1;
    for (size_t t = 0; t < sizeof badhex / sizeof *badhex; t++) ok &= rejects(ck_parse_hexfloat, badhex[t]);
    tap_ok(ok, "hex floats outside the grammar or with |exp| > 2^20 are rejected");
    tap_ok(q_is(ck_parse_hexfloat, "0x1p-1048576", "0") == 0 && !rejects(ck_parse_hexfloat, "0x1p-1048576"),
           "|exp| = 2^20 is accepted");

    /* decimals */
    tap_ok(q_is(ck_parse_decimal, "12", "12"), "decimal 12");
    tap_ok(q_is(ck_parse_decimal, "-0.25", "-1/4"), "decimal -0.25");
    tap_ok(q_is(ck_parse_decimal, "1.5e-3", "3/2000"), "decimal 1.5e-3");
    tap_ok(q_is(ck_parse_decimal, "4.45e-18", "89/20000000000000000000"), "decimal 4.45e-18");
    tap_ok(q_is(ck_parse_decimal, "1e+2", "100") && q_is(ck_parse_decimal, "7E1", "70"), "decimal 1e+2, 7E1");
    const char *baddec[] = {".5", "1.", "1e", "1e999999", "--1", "0x1", "+1", "1 ", "", "1.2.3"};
    ok = 1;
    for (size_t t = 0; t < sizeof baddec / sizeof *baddec; t++) ok &= rejects(ck_parse_decimal, baddec[t]);
    tap_ok(ok, "malformed decimals rejected");
    tap_ok(iv_is("[0.70710678118654752 +/- 4.45e-18]", "70710678118654751555/100000000000000000000",
                 "70710678118654752445/100000000000000000000"),
           "[m +/- r] read exactly");
    tap_ok(iv_is("[+/- 1e-5]", "-1/100000", "1/100000"), "[+/- r] (Arb style, m = 0)");
    tap_ok(iv_is("2.5", "5/2", "5/2"), "exact decimal is a point interval");
    mpq_t lo, hi;
    mpq_inits(lo, hi, NULL);
    const char *badiv[] = {"[1 +/- -1]", "[1 +- 1]", "[1 +/- 1", "[1  +/- 1]", "[1 +/- 1] ", "[]", "[1]", "[x +/- 1]"};
    ok = 1;
    for (size_t t = 0; t < sizeof badiv / sizeof *badiv; t++) ok &= ck_parse_decimal_interval(badiv[t], lo, hi) != 0;
    tap_ok(ok, "malformed decimal intervals rejected");
    mpq_clears(lo, hi, NULL);

    /* instance entries (instance.md grammar) */
    tap_ok(q_is(ck_parse_entry, "1", "1") && q_is(ck_parse_entry, "-1/2", "-1/2") &&
               q_is(ck_parse_entry, "0.25", "1/4") && q_is(ck_parse_entry, "+7", "7") &&
               q_is(ck_parse_entry, "3/6", "1/2") && q_is(ck_parse_entry, "-0.125", "-1/8") &&
               q_is(ck_parse_entry, "007", "7") && q_is(ck_parse_entry, "+0.5", "1/2") &&
               q_is(ck_parse_entry, "+1/2", "1/2"),
           "entries: integer, decimal, rational, optional sign");
    tap_ok(q_is(ck_parse_entry, "0x1.8p-3", "3/16") && q_is(ck_parse_entry, "-0xA.8p1", "-21") &&
               q_is(ck_parse_entry, "+0xffp-4", "255/16") && q_is(ck_parse_entry, "0x0p+0", "0"),
           "entries: hex floats (values worked out by hand)");
    tap_ok(rejects(ck_parse_entry, "0x1.p3") && rejects(ck_parse_entry, "0x1p2049") &&
               rejects(ck_parse_entry, "0X1p3") && rejects(ck_parse_entry, "1/0x2") &&
               !rejects(ck_parse_entry, "0x1p-2048"),
           "hex entries: malformed or |exponent| > 2048 rejected, 2048 accepted");
    char long401[402];
    memset(long401, '1', 401);
    long401[401] = '\0';
    const char *badent[] = {"1/0",   "1e3", ".5",  "1.", "",    "0x10", "1/-2", " 1",
                            "1/2/3", "inf", "nan", "-",  "+-1", "--1",  long401};
    ok = 1;
    for (size_t t = 0; t < sizeof badent / sizeof *badent; t++) ok &= rejects(ck_parse_entry, badent[t]);
    tap_ok(ok, "bad entries rejected (exponent, zero denominator, hex, > 400 chars, ...)");
    tap_ok(!rejects(ck_parse_entry, long401 + 1), "400-character entry accepted");

    /* seeds */
    uint64_t sd;
    tap_ok(ck_parse_seed("0", &sd) == 0 && sd == 0 && ck_parse_seed("18446744073709551615", &sd) == 0 &&
               sd == UINT64_MAX,
           "seeds 0 and 2^64-1");
    tap_ok(ck_parse_seed("18446744073709551616", &sd) && ck_parse_seed("-1", &sd) && ck_parse_seed("", &sd) &&
               ck_parse_seed("1a", &sd),
           "bad seeds rejected");

    /* Q(sqrt(m)) signs */
    tap_ok(sgn("7", "-5", 2) < 0, "7 - 5 sqrt2 < 0 (49 < 50)");
    tap_ok(sgn("-7", "5", 2) > 0, "-7 + 5 sqrt2 > 0");
    tap_ok(sgn("1", "-1", 2) < 0 && sgn("3", "-2", 2) > 0, "1 - sqrt2 < 0, 3 - 2 sqrt2 > 0 (9 > 8)");
    tap_ok(sgn("577", "-408", 2) > 0 && sgn("-577", "408", 2) < 0,
           "577 - 408 sqrt2 > 0 (332929 vs 332928), and its negative");
    tap_ok(sgn("665857", "-470832", 2) > 0, "665857 - 470832 sqrt2 > 0 (Pell, differs by 1)");
    tap_ok(sgn("2", "-1", 4) == 0 && sgn("-3/2", "1/2", 9) == 0, "perfect squares: 2 - sqrt4 = 0, -3/2 + sqrt9/2 = 0");
    tap_ok(sgn("0", "0", 7) == 0 && sgn("0", "-1/3", 7) < 0 && sgn("1/3", "0", 7) > 0 && sgn("1", "1", 3) > 0 &&
               sgn("-1", "-1", 3) < 0,
           "trivial signs");
    tap_ok(sgn("1/2", "-1/3", 2) > 0 && sgn("1/3", "-1/4", 2) < 0,
           "1/2 - sqrt2/3 > 0 (1/4 > 2/9), 1/3 - sqrt2/4 < 0 (1/9 < 1/8)");

    /* products and equality across radicals */
    ck_qs x, y, z;
    mpz_t m2;
    ck_qs_init(&x), ck_qs_init(&y), ck_qs_init(&z);
    mpz_init_set_ui(m2, 2);
    mpq_set_si(x.a, 1, 1), mpq_set_si(x.b, 1, 1);
    mpq_set_si(y.a, 1, 1), mpq_set_si(y.b, -1, 1);
    ck_qs_sub(&z, &x, &y);
    tap_ok(mpq_sgn(z.a) == 0 && mpq_cmp_si(z.b, 2, 1) == 0 && ck_qs_cmp(&x, &y, m2) > 0,
           "(1 + sqrt2) - (1 - sqrt2) = 2 sqrt2 > 0");
    ck_qs_mul_sqrt(&z, &x, m2);
    tap_ok(mpq_cmp_si(z.a, 2, 1) == 0 && mpq_cmp_si(z.b, 1, 1) == 0, "sqrt2 (1 + sqrt2) = 2 + sqrt2");
    ck_qs_clear(&x), ck_qs_clear(&y), ck_qs_clear(&z);
    mpz_clear(m2);
    tap_ok(eq2("0", "1/2", 2, "0", "1/4", 8), "sqrt2/2 = sqrt8/4");
    tap_ok(eq2("1", "1", 2, "1", "1/2", 8) && eq2("0", "2", 3, "0", "1", 12),
           "1 + sqrt2 = 1 + sqrt8/2; 2 sqrt3 = sqrt12");
    tap_ok(eq2("3", "0", 5, "3", "0", 2) && eq2("1/2", "0", 1, "0", "1/4", 4), "rationals; 1/2 = sqrt4/4");
    tap_ok(!eq2("0", "1", 2, "0", "1", 3) && !eq2("1", "0", 2, "0", "1", 2) && !eq2("1", "1", 2, "1", "-1", 2) &&
               !eq2("0", "1", 2, "0", "-1", 8),
           "sqrt2 != sqrt3, 1 != sqrt2, 1+sqrt2 != 1-sqrt2, sqrt2 != -sqrt8");
    tap_ok(!eq2("5", "1", 2, "0", "1", 3) && !eq2("0", "1", 2, "-5", "1", 3),
           "5 + sqrt2 != sqrt3 (squares would not match), sqrt2 != -5 + sqrt3 (signs)");
    tap_ok(eq2("5", "0", 1, "0", "1", 3) == 0 && eq2("1", "1", 2, "0", "1", 8) == 0 &&
               eq2("-1", "1", 2, "0", "1", 8) == 0,
           "1 + sqrt2 != sqrt8 (but 1+sqrt2)^2 = 3 + 2sqrt2 vs 8)");
    return tap_done();
}
