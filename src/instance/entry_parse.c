/* entry_parse.c: exact parsing of instance entries: integer, finite decimal, or p/q; and such an
 * entry scaled by a power of ten, as a canonical string (scientific option values). */
#include <stdlib.h>
#include <string.h>
#include "instance/entry_parse.h"

#define HEX "0123456789abcdefABCDEF"

/* Number of leading decimal digits of s. */
static size_t count_digits(const char *s)
{
    size_t k = 0;
    while (s[k] >= '0' && s[k] <= '9') k++;
    return k;
}

/* [+-]?0x<hex>[.<hex>]p[+-]?<dec> (C99 %a, as certificates write enclosures), |exponent| <= 2048:
 * the value into q; -1 when P (after the sign) is not of that form. */
static int parse_hex(fmpq_t q, const char *p, int negative)
{
    size_t n1 = strspn(p, HEX), n2 = 0;
    const char *r = p + n1;
    if (n1 == 0) return -1;
    if (*r == '.' && (n2 = strspn(r + 1, HEX)) == 0) return -1;
    if (n2) r += 1 + n2;
    if (*r != 'p') return -1;
    r++;
    int eneg = *r == '-';
    if (*r == '-' || *r == '+') r++;
    size_t ne = count_digits(r);
    if (ne == 0 || ne > 4 || r[ne] != '\0') return -1;
    long e = strtol(r, NULL, 10);
    if (e > ENTRY_MAX_HEX_EXP) return -1;
    char buf[ENTRY_MAX_CHARS + 2];
    memcpy(buf, p, n1);
    memcpy(buf + n1, p + n1 + 1, n2);
    buf[n1 + n2] = '\0';
    fmpz_t m;
    fmpz_init(m);
    fmpz_set_str(m, buf, 16);
    if (negative) fmpz_neg(m, m);
    fmpz_set(fmpq_numref(q), m);
    fmpz_one(fmpq_denref(q));
    long shift = (eneg ? -e : e) - 4 * (long)n2;
    if (shift >= 0)
        fmpq_mul_2exp(q, q, (ulong)shift);
    else
        fmpq_div_2exp(q, q, (ulong)-shift);
    fmpz_clear(m);
    return 0;
}

int entry_parse_fmpq(fmpq_t q, const char *s)
{
    size_t len = strlen(s);
    if (len == 0 || len > ENTRY_MAX_CHARS) return -1;
    int negative = 0;
    const char *p = s;
    if (*p == '-' || *p == '+') {
        negative = (*p == '-');
        p++;
    }
    if (p[0] == '0' && p[1] == 'x') return parse_hex(q, p + 2, negative);
    size_t int_len = count_digits(p);
    if (int_len == 0) return -1;
    char buf[ENTRY_MAX_CHARS + 2];
    fmpz_t num, den;
    fmpz_init(num);
    fmpz_init(den);
    int ok = 0;
    const char *rest = p + int_len;
    if (*rest == '\0') { /* integer */
        memcpy(buf, p, int_len);
        buf[int_len] = '\0';
        fmpz_set_str(num, buf, 10);
        fmpz_one(den);
        ok = 1;
    } else if (*rest == '.') { /* finite decimal d.ddd */
        size_t frac_len = count_digits(rest + 1);
        if (frac_len > 0 && rest[1 + frac_len] == '\0') {
            memcpy(buf, p, int_len);
            memcpy(buf + int_len, rest + 1, frac_len);
            buf[int_len + frac_len] = '\0';
            fmpz_set_str(num, buf, 10);
            fmpz_set_ui(den, 10);
            fmpz_pow_ui(den, den, frac_len);
            ok = 1;
        }
    } else if (*rest == '/') { /* rational p/q, q != 0 */
        size_t den_len = count_digits(rest + 1);
        if (den_len > 0 && rest[1 + den_len] == '\0') {
            memcpy(buf, p, int_len);
            buf[int_len] = '\0';
            fmpz_set_str(num, buf, 10);
            memcpy(buf, rest + 1, den_len);
            buf[den_len] = '\0';
            fmpz_set_str(den, buf, 10);
            ok = !fmpz_is_zero(den);
        }
    }
    if (ok) {
        if (negative) fmpz_neg(num, num);
        fmpq_set_fmpz_frac(q, num, den); /* canonicalises */
    }
    fmpz_clear(num);
    fmpz_clear(den);
    return ok ? 0 : -1;
}

char *entry_scaled_string(const char *m, long exp10)
{
    fmpq_t q;
    fmpq_init(q);
    char *out = NULL;
    if (entry_parse_fmpq(q, m) == 0) {
        if (exp10 != 0) {
            fmpz_t p10;
            fmpz_init(p10);
            fmpz_set_ui(p10, 10);
            fmpz_pow_ui(p10, p10, (ulong)(exp10 < 0 ? -exp10 : exp10));
            if (exp10 > 0)
                fmpq_mul_fmpz(q, q, p10);
            else
                fmpq_div_fmpz(q, q, p10);
            fmpz_clear(p10);
        }
        char *t = fmpq_get_str(NULL, 10, q);
        out = strdup(t);
        flint_free(t);
    }
    fmpq_clear(q);
    return out;
}
