/* check_rational.c: owns the exact reading of number strings: instance entries, hex floats,
 * decimals (with exponent) and decimal intervals, seeds. No floating point anywhere. */
#include "check_alloc.h"
#include "check_rational.h"

#include <stdlib.h>
#include <string.h>

#define DIGITS "0123456789"
#define HEXDIGITS "0123456789abcdefABCDEF"

/* Reads <digits>[.<digits>] of BASE at S + *P into the integer M (point removed) and the
 * number F of digits after the point; advances *P. At most CK_HEX_MAX_CHARS digits. */
static int read_mantissa(const char *s, size_t *p, int base, mpz_t M, long *f)
{
    const char *set = base == 16 ? HEXDIGITS : DIGITS;
    size_t n1 = strspn(s + *p, set), n2 = 0;
    if (n1 == 0 || n1 > (size_t)CK_HEX_MAX_CHARS) return -1;
    if (s[*p + n1] == '.') {
        n2 = strspn(s + *p + n1 + 1, set);
        if (n2 == 0 || n2 > (size_t)CK_HEX_MAX_CHARS) return -1;
    }
    char *buf = ck_malloc(n1 + n2 + 1);
    memcpy(buf, s + *p, n1);
    memcpy(buf + n1, s + *p + n1 + 1, n2);
    buf[n1 + n2] = '\0';
    if (mpz_set_str(M, buf, base) != 0) abort(); /* only digits of BASE were copied */
    ck_free(buf);
    *p += n1 + (n2 ? n2 + 1 : 0);
    *f = (long)n2;
    return 0;
}

/* Reads [+-]?[0-9]+ (the whole rest of S) with |value| <= MAXABS. */
static int read_exponent(const char *s, long maxabs, long *out)
{
    int neg = 0;
    long v = 0;
    if (*s == '+' || *s == '-') neg = (*s++ == '-');
    if (*s == '\0') return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return -1;
        v = v * 10 + (*s - '0');
        if (v > maxabs) return -1;
    }
    *out = neg ? -v : v;
    return 0;
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

int ck_parse_entry(const char *s, mpq_t out)
{
    size_t len = strlen(s), p = 0;
    int neg = s[0] == '-', plus = s[0] == '+';
    long f;
    if (len == 0 || len > CK_ENTRY_MAX_CHARS) return -1;
    p = (size_t)(neg || plus);
    mpz_t M, den;
    mpz_inits(M, den, NULL);
    int hex = s[p] == '0' && s[p + 1] == 'x', ok;
    long e;
    if (hex) { /* hex float [+-]?0x<hex>[.<hex>]p[+-]?<dec>, |exponent| <= CK_ENTRY_MAX_HEX_EXP */
        p += 2;
        ok = read_mantissa(s, &p, 16, M, &f) == 0 && s[p] == 'p' &&
             read_exponent(s + p + 1, CK_ENTRY_MAX_HEX_EXP, &e) == 0;
        if (ok) set_scaled(out, neg, M, 2, e - 4 * f);
        mpz_clears(M, den, NULL);
        return ok ? 0 : -1;
    }
    ok = read_mantissa(s, &p, 10, M, &f) == 0;
    if (ok && s[p] == '/' && f == 0) { /* rational: [0-9]+ denominator, non-zero */
        size_t n = strspn(s + p + 1, DIGITS);
        ok = n > 0 && s[p + 1 + n] == '\0' && mpz_set_str(den, s + p + 1, 10) == 0 && mpz_sgn(den) != 0;
        if (ok) {
            set_scaled(out, neg, M, 10, 0);
            mpz_set(mpq_denref(out), den);
            mpq_canonicalize(out);
        }
    } else if (ok && s[p] == '\0')
        set_scaled(out, neg, M, 10, -f);
    else
        ok = 0;
    mpz_clears(M, den, NULL);
    return ok ? 0 : -1;
}

int ck_parse_hexfloat(const char *s, mpq_t out)
{
    size_t p = s[0] == '-';
    long f, e;
    if (strlen(s) > (size_t)CK_HEX_MAX_CHARS || s[p] != '0' || s[p + 1] != 'x') return -1;
    p += 2;
    mpz_t M;
    mpz_init(M);
    int ok = read_mantissa(s, &p, 16, M, &f) == 0 && s[p] == 'p' && read_exponent(s + p + 1, CK_HEX_MAX_EXP, &e) == 0;
    if (ok) set_scaled(out, s[0] == '-', M, 2, e - 4 * f);
    mpz_clear(M);
    return ok ? 0 : -1;
}

int ck_parse_decimal(const char *s, mpq_t out)
{
    size_t p = s[0] == '-';
    long f, e = 0;
    mpz_t M;
    mpz_init(M);
    int ok = read_mantissa(s, &p, 10, M, &f) == 0;
    if (ok && (s[p] == 'e' || s[p] == 'E'))
        ok = read_exponent(s + p + 1, CK_DEC_MAX_EXP, &e) == 0;
    else if (ok)
        ok = s[p] == '\0';
    if (ok) set_scaled(out, s[0] == '-', M, 10, e - f);
    mpz_clear(M);
    return ok ? 0 : -1;
}

int ck_parse_decimal_interval(const char *s, mpq_t lo, mpq_t hi)
{
    size_t len = strlen(s);
    if (len == 0 || len > (size_t)CK_HEX_MAX_CHARS) return -1;
    if (s[0] != '[') {
        if (ck_parse_decimal(s, lo) != 0) return -1;
        mpq_set(hi, lo);
        return 0;
    }
    if (s[len - 1] != ']') return -1;
    char *body = strndup(s + 1, len - 2); /* "m +/- r" or "+/- r" */
    int rc = -1;
    char *sep = strstr(body, "+/- ");
    mpq_t mid, rad;
    mpq_inits(mid, rad, NULL);
    if (sep && (sep == body || (sep - body >= 2 && sep[-1] == ' '))) {
        if (sep != body) sep[-1] = '\0';
        if ((sep == body || ck_parse_decimal(body, mid) == 0) && sep[4] != '-' && ck_parse_decimal(sep + 4, rad) == 0) {
            mpq_sub(lo, mid, rad);
            mpq_add(hi, mid, rad);
            rc = 0;
        }
    }
    mpq_clears(mid, rad, NULL);
    ck_free(body);
    return rc;
}

int ck_parse_seed(const char *s, uint64_t *out)
{
    size_t n = strspn(s, DIGITS);
    uint64_t v = 0;
    if (n == 0 || s[n] != '\0' || n > 20) return -1;
    for (size_t i = 0; i < n; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (UINT64_MAX - d) / 10) return -1;
        v = v * 10 + d;
    }
    *out = v;
    return 0;
}
