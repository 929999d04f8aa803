/* check_rational.c: owns the exact reading of number strings: instance entries, hex floats,
 * decimals (with exponent) and decimal intervals, seeds. The strings are scanned by check_lex.c
 * (grammar, digit spans, exponent values: proved by WP); this file turns the spans into GMP
 * rationals. No floating point anywhere. */
#include "check_alloc.h"
#include "check_rational.h"
/* The library contract this step assumes (GMP 6 manual; not machine-checked, the conversion is
 * tested only, README "The trusted base"): for a NUL-terminated string of one or more digits
 * of BASE (2..36), mpz_set_str returns 0 and sets its operand to the value of the digits;
 * mpz_ui_pow_ui(r, b, n) sets r = b^n; mpq_set_z, mpq_neg, mpz_mul on mpq_numref/mpq_denref and
 * mpq_canonicalize compute exactly and leave a canonical rational when the denominator is not
 * 0; their allocations go through check_alloc.c (a failure ends the check). The scanner's proved contracts (check_lex.h) provide the
 * preconditions: the spans lie inside the string and hold digits of BASE only, the
 * denominator of an entry has a non-zero digit. */

#include <stdlib.h>
#include <string.h>

/* M = the integer whose digits in BASE are the N1 digits at S followed by the N2 digits at
 * S + N1 + 1 (the point between them skipped). The scanner guarantees they are digits. */
static void digits_to_mpz(mpz_t M, const char *s, size_t n1, size_t n2, int base)
{
    char *buf = ck_malloc(n1 + n2 + 1); /* never NULL: check_alloc.h */
    memcpy(buf, s, n1);
    if (n2) memcpy(buf + n1, s + n1 + 1, n2);
    buf[n1 + n2] = '\0';
    if (mpz_set_str(M, buf, base) != 0) abort(); /* only digits of BASE were copied */
    ck_free(buf);
}

/* out = (neg ? -M : M) * base^e exactly */
static void set_scaled(mpq_t out, int neg, const mpz_t M, unsigned long base, long e)
{
    mpz_t pw;
    mpz_init(pw);
    mpz_ui_pow_ui(pw, base, (unsigned long)(e < 0 ? -e : e));
    mpq_set_z(out, M);
    if (neg) mpq_neg(out, out);
    if (e >= 0)
        mpz_mul(mpq_numref(out), mpq_numref(out), pw);
    else
        mpz_mul(mpq_denref(out), mpq_denref(out), pw);
    mpq_canonicalize(out);
    mpz_clear(pw);
}

/* out = the scanned number X of S: (-1)^neg * mantissa * base^(exp - frac digits * log_base) */
static void lexnum_to_mpq(mpq_t out, const char *s, const ck_lexnum *x, int base, unsigned long scale_base,
                          long digit_exp)
{
    mpz_t M;
    mpz_init(M);
    digits_to_mpz(M, s + x->int_at, x->int_len, x->frac_len, base);
    set_scaled(out, x->neg, M, scale_base, x->exp - digit_exp * (long)x->frac_len);
    mpz_clear(M);
}

/* A hex-float entry [+-]?0x<hex>[.<hex>]p[+-]?<dec>: after the sign, a hex float of the proved
 * scanner, with |exponent| <= CK_ENTRY_MAX_HEX_EXP; the whole entry at most
 * CK_ENTRY_MAX_CHARS characters. 1: it is one (OUT set), 0: it does not start like one, -1:
 * it does but is not of the grammar. */
static int parse_hex_entry(const char *s, size_t len, mpq_t out)
{
    const size_t p = len > 0 && (s[0] == '+' || s[0] == '-');
    ck_lexnum x;
    if (len < p + 2 || s[p] != '0' || s[p + 1] != 'x') return 0;
    if (len > CK_ENTRY_MAX_CHARS || ck_lex_hexfloat(s + p, len - p, &x) != 0) return -1;
    if (x.exp > CK_ENTRY_MAX_HEX_EXP || x.exp < -CK_ENTRY_MAX_HEX_EXP) return -1;
    x.neg = s[0] == '-'; /* s + p starts with "0x": the scanner read no sign there */
    lexnum_to_mpq(out, s + p, &x, 16, 2, 4);
    return 1;
}

int ck_parse_entry(const char *s, mpq_t out)
{
    ck_lexnum x;
    const int hex = parse_hex_entry(s, strlen(s), out);
    if (hex != 0) return hex > 0 ? 0 : -1;
    if (ck_lex_entry(s, strlen(s), &x) != 0) return -1;
    if (x.den_len == 0) {
        lexnum_to_mpq(out, s, &x, 10, 10, 1);
        return 0;
    }
    mpz_t den;
    mpz_init(den);
    digits_to_mpz(den, s + x.den_at, x.den_len, 0, 10);
    lexnum_to_mpq(out, s, &x, 10, 10, 1);
    mpz_set(mpq_denref(out), den); /* the scanner guarantees den != 0 */
    mpq_canonicalize(out);
    mpz_clear(den);
    return 0;
}

int ck_parse_hexfloat(const char *s, mpq_t out)
{
    ck_lexnum x;
    if (ck_lex_hexfloat(s, strlen(s), &x) != 0) return -1;
    lexnum_to_mpq(out, s, &x, 16, 2, 4);
    return 0;
}

/* The decimal S[0 .. LEN-1] (a substring: not necessarily NUL-terminated there). */
static int parse_decimal_n(const char *s, size_t len, mpq_t out)
{
    ck_lexnum x;
    if (ck_lex_decimal(s, len, &x) != 0) return -1;
    lexnum_to_mpq(out, s, &x, 10, 10, 1);
    return 0;
}

int ck_parse_decimal(const char *s, mpq_t out)
{
    return parse_decimal_n(s, strlen(s), out);
}

int ck_parse_decimal_interval(const char *s, mpq_t lo, mpq_t hi)
{
    size_t len = strlen(s), mid_len, rad_at;
    if (len == 0 || len > (size_t)CK_HEX_MAX_CHARS) return -1;
    if (s[0] != '[') {
        if (parse_decimal_n(s, len, lo) != 0) return -1;
        mpq_set(hi, lo);
        return 0;
    }
    if (ck_lex_interval(s, len, &mid_len, &rad_at) != 0) return -1; /* "[m +/- r]" or "[+/- r]" */
    int rc = -1;
    mpq_t mid, rad;
    mpq_inits(mid, rad, NULL);
    if ((mid_len == 0 || parse_decimal_n(s + 1, mid_len, mid) == 0) &&
        parse_decimal_n(s + rad_at, len - 1 - rad_at, rad) == 0) {
        mpq_sub(lo, mid, rad);
        mpq_add(hi, mid, rad);
        rc = 0;
    }
    mpq_clears(mid, rad, NULL);
    return rc;
}

int ck_parse_seed(const char *s, uint64_t *out)
{
    return ck_lex_seed(s, strlen(s), out);
}
