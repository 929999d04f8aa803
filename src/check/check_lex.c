/* check_lex.c: owns the scanning of nccheck's number strings (digit spans, signs, exponent
 * values, the separator of a decimal interval) over a char buffer of known length; pure C, no
 * GMP. Contracts in check_lex.h, proved by WP (proofs/wp/run.sh). */
/* clang-format off */
#include "check_lex.h"

#define IS_DEC(c) ((c) >= '0' && (c) <= '9')
#define IS_HEX(c) (IS_DEC(c) || ((c) >= 'a' && (c) <= 'f') || ((c) >= 'A' && (c) <= 'F'))

/* Length of the run of digits (hex != 0: hexadecimal) starting at a: the longest one. */
/*@ requires a <= len;
    requires \valid_read(s + (0 .. len - 1));
    assigns \nothing;
    ensures a + \result <= len;
    ensures digits(s, a, a + \result, hex);
    ensures a + \result == len || !is_dig(s[a + \result], hex);
*/
static size_t lex_run(const char *s, size_t a, size_t len, int hex)
{
    size_t i = a;
    /*@ loop invariant a <= i <= len;
        loop invariant digits(s, a, i, hex);
        loop assigns i;
        loop variant len - i;
    */
    while (i < len && (hex ? IS_HEX(s[i]) : IS_DEC(s[i])))
        i++;
    return i - a;
}

/* s[a .. len-1] as [+-]?[0-9]+ with |value| <= maxabs: 0 and *out = the value, or -1. Digits
 * past the limit are still scanned (the value stops growing), so that the result says whether
 * the whole string is of the grammar. */
/*@ requires a <= len;
    requires \valid_read(s + (0 .. len - 1));
    requires 0 <= maxabs <= 1048576;
    requires \valid(out) && \separated(out, s + (0 .. len - 1));
    assigns *out;
    ensures ok: \result == 0 <==> exp_ok(s, a, len, maxabs);
    ensures value: \result == 0 ==> *out == exp_val(s, a, len);
*/
static int lex_exponent(const char *s, size_t a, size_t len, long maxabs, long *out)
{
    int neg = 0, over = 0;
    long v = 0;
    size_t i = a;
    if (i < len && (s[i] == '+' || s[i] == '-')) {
        neg = s[i] == '-';
        i++;
    }
    /*@ assert sign: i == a + sign_len(s, a, len) && (neg != 0 <==> (a < len && s[a] == '-')); */
    if (i == len) {
        /*@ assert empty: !exp_ok(s, a, len, maxabs); */
        return -1;
    }
    /*@ ghost size_t b = i; */
    /*@ loop invariant b <= i <= len;
        loop invariant digits(s, b, i, 0);
        loop invariant !over ==> v == dec_val(s, b, i) && 0 <= v <= maxabs;
        loop invariant over ==> dec_val(s, b, i) > maxabs;
        loop assigns i, v, over;
        loop variant len - i;
    */
    for (; i < len; i++) {
        if (!IS_DEC(s[i])) {
            /*@ assert not_digit: !digits(s, b, len, 0); */
            return -1;
        }
        if (!over) {
            v = v * 10 + (s[i] - '0');
            if (v > maxabs) over = 1;
        }
    }
    if (over) {
        /*@ assert too_large: !exp_ok(s, a, len, maxabs); */
        return -1;
    }
    /*@ assert value: v == dec_val(s, a + sign_len(s, a, len), len) && exp_ok(s, a, len, maxabs); */
    *out = neg ? -v : v;
    return 0;
}

/* The mantissa at a: *n1 >= 1 digits, then '.' and *n2 >= 1 digits when a point follows
 * (*n2 = 0: none); each run at most maxrun digits. 0, or -1 when not a mantissa. */
/*@ requires a <= len;
    requires \valid_read(s + (0 .. len - 1));
    requires \valid(n1) && \valid(n2) && \separated(n1, n2, s + (0 .. len - 1));
    assigns *n1, *n2;
    ensures ok: \result == 0 ==> mantissa(s, a, len, hex, *n1, *n2) && mant_term(s, a, len, hex, *n1, *n2) &&
                                 *n1 <= maxrun && *n2 <= maxrun;
    ensures unique: \result == 0 ==> \forall integer m1, m2;
       mantissa(s, a, len, hex, m1, m2) && mant_term(s, a, len, hex, m1, m2) ==> m1 == *n1 && m2 == *n2;
    ensures bad: \result != 0 ==> \forall integer m1, m2;
       mantissa(s, a, len, hex, m1, m2) && mant_term(s, a, len, hex, m1, m2) ==> m1 > maxrun || m2 > maxrun;
*/
static int lex_mantissa(const char *s, size_t a, size_t len, int hex, size_t maxrun, size_t *n1, size_t *n2)
{
    size_t r1 = lex_run(s, a, len, hex), r2 = 0;
    if (r1 == 0 || r1 > maxrun) return -1;
    if (a + r1 < len && s[a + r1] == '.') {
        r2 = lex_run(s, a + r1 + 1, len, hex);
        if (r2 == 0 || r2 > maxrun) return -1;
    }
    *n1 = r1;
    *n2 = r2;
    return 0;
}

int ck_lex_hexfloat(const char *s, size_t len, ck_lexnum *out)
{
    size_t p = len > 0 && s[0] == '-', n1, n2;
    long x;
    if (len > (size_t)CK_HEX_MAX_CHARS || p + 2 > len || s[p] != '0' || s[p + 1] != 'x') return -1;
    /*@ assert form: \forall integer m1, m2; hexfloat_at(s, len, m1, m2) ==>
          mantissa(s, p + 2, len, 1, m1, m2) && mant_term(s, p + 2, len, 1, m1, m2); */
    if (lex_mantissa(s, p + 2, len, 1, (size_t)CK_HEX_MAX_CHARS, &n1, &n2) != 0) {
        /*@ assert none: \forall integer m1, m2; !hexfloat_at(s, len, m1, m2); */
        return -1;
    }
    /*@ assert unique: \forall integer m1, m2; hexfloat_at(s, len, m1, m2) ==> m1 == n1 && m2 == n2; */
    size_t e = p + 2 + n1 + (n2 ? n2 + 1 : 0);
    /*@ assert end: e == mant_end(p + 2, n1, n2); */
    if (e >= len || s[e] != 'p' || lex_exponent(s, e + 1, len, CK_HEX_MAX_EXP, &x) != 0) {
        /*@ assert not_here: !hexfloat_at(s, len, n1, n2); */
        return -1;
    }
    /*@ assert here: hexfloat_at(s, len, n1, n2); */
    /*@ assert exp: x == exp_val(s, e + 1, len); */
    out->neg = (int)p;
    out->int_at = p + 2;
    out->int_len = n1;
    out->frac_len = n2;
    out->den_at = 0;
    out->den_len = 0;
    out->exp = x;
    return 0;
}

int ck_lex_decimal(const char *s, size_t len, ck_lexnum *out)
{
    size_t p = len > 0 && s[0] == '-', n1, n2;
    long x = 0;
    /*@ assert form: \forall integer m1, m2; decimal_at(s, len, m1, m2) ==>
          mantissa(s, p, len, 0, m1, m2) && mant_term(s, p, len, 0, m1, m2); */
    if (lex_mantissa(s, p, len, 0, (size_t)CK_HEX_MAX_CHARS, &n1, &n2) != 0) {
        /*@ assert none: \forall integer m1, m2; !decimal_at(s, len, m1, m2); */
        return -1;
    }
    /*@ assert unique: \forall integer m1, m2; decimal_at(s, len, m1, m2) ==> m1 == n1 && m2 == n2; */
    size_t e = p + n1 + (n2 ? n2 + 1 : 0);
    /*@ assert end: e == mant_end(p, n1, n2); */
    if (e < len && (s[e] == 'e' || s[e] == 'E')) {
        if (lex_exponent(s, e + 1, len, CK_DEC_MAX_EXP, &x) != 0) {
            /*@ assert not_here: !decimal_at(s, len, n1, n2); */
            return -1;
        }
    } else if (e != len) {
        /*@ assert not_here2: !decimal_at(s, len, n1, n2); */
        return -1;
    }
    /*@ assert here: decimal_at(s, len, n1, n2); */
    /*@ assert exp: (e == len ==> x == 0) && (e < len ==> x == exp_val(s, e + 1, len)); */
    out->neg = (int)p;
    out->int_at = p;
    out->int_len = n1;
    out->frac_len = n2;
    out->den_at = 0;
    out->den_len = 0;
    out->exp = x;
    return 0;
}

/* Whether s[a .. b-1] holds a character other than '0'. */
/*@ requires a <= b;
    requires \valid_read(s + (a .. b - 1));
    assigns \nothing;
    ensures \result != 0 <==> nonzero_digit(s, a, b);
*/
static int lex_nonzero(const char *s, size_t a, size_t b)
{
    /*@ loop invariant a <= i <= b;
        loop invariant \forall integer j; a <= j < i ==> s[j] == '0';
        loop assigns i;
        loop variant b - i;
    */
    for (size_t i = a; i < b; i++)
        if (s[i] != '0') return 1;
    return 0;
}

int ck_lex_entry(const char *s, size_t len, ck_lexnum *out)
{
    size_t n1, n2, den_at = 0, den_len = 0;
    if (len == 0 || len > CK_ENTRY_MAX_CHARS) return -1;
    size_t p = s[0] == '-' || s[0] == '+';
    /*@ assert form: \forall integer m1, m2; entry_at(s, len, m1, m2) ==>
          mantissa(s, p, len, 0, m1, m2) && mant_term(s, p, len, 0, m1, m2); */
    if (lex_mantissa(s, p, len, 0, CK_ENTRY_MAX_CHARS, &n1, &n2) != 0) {
        /*@ assert none: \forall integer m1, m2; !entry_at(s, len, m1, m2); */
        return -1;
    }
    /*@ assert unique: \forall integer m1, m2; entry_at(s, len, m1, m2) ==> m1 == n1 && m2 == n2; */
    size_t e = p + n1 + (n2 ? n2 + 1 : 0);
    /*@ assert end: e == mant_end(p, n1, n2); */
    if (e < len && s[e] == '/' && n2 == 0) { /* rational: [0-9]+ denominator, not 0 */
        den_at = e + 1;
        den_len = lex_run(s, den_at, len, 0);
        if (den_len == 0 || den_at + den_len != len || !lex_nonzero(s, den_at, len)) {
            /*@ assert not_here: !entry_at(s, len, n1, n2); */
            return -1;
        }
    } else if (e != len) {
        /*@ assert not_here2: !entry_at(s, len, n1, n2); */
        return -1;
    }
    /*@ assert here: entry_at(s, len, n1, n2); */
    /*@ assert den: (den_len == 0 <==> e == len) && (den_len != 0 ==> den_at == e + 1 && den_at + den_len == len); */
    out->neg = s[0] == '-';
    out->int_at = p;
    out->int_len = n1;
    out->frac_len = n2;
    out->den_at = den_at;
    out->den_len = den_len;
    out->exp = 0;
    return 0;
}

int ck_lex_seed(const char *s, size_t len, uint64_t *out)
{
    uint64_t v = 0;
    int over = 0;
    if (len == 0 || len > 20 || lex_run(s, 0, len, 0) != len) return -1;
    /*@ loop invariant 0 <= i <= len;
        loop invariant !over ==> v == dec_val(s, 0, i);
        loop invariant over ==> dec_val(s, 0, i) > 18446744073709551615;
        loop assigns i, v, over;
        loop variant len - i;
    */
    for (size_t i = 0; i < len; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (over || v > (UINT64_MAX - d) / 10)
            over = 1;
        else
            v = v * 10 + d;
    }
    if (over) return -1;
    *out = v;
    return 0;
}

int ck_lex_interval(const char *s, size_t len, size_t *mid_len, size_t *rad_at)
{
    if (len < 2 || len > (size_t)CK_HEX_MAX_CHARS || s[0] != '[' || s[len - 1] != ']') return -1;
    size_t q = 1;
    /*@ loop invariant 1 <= q <= len;
        loop invariant \forall integer i; 1 <= i < q ==> !sep_at(s, i);
        loop assigns q;
        loop variant len - q;
    */
    while (q + 5 <= len && !(s[q] == '+' && s[q + 1] == '/' && s[q + 2] == '-' && s[q + 3] == ' '))
        q++;
    if (q + 5 > len) { /* no "+/- " inside the brackets */
        /*@ assert none: \forall integer q2; !interval_at(s, len, q2); */
        return -1;
    }
    /*@ assert found: sep_at(s, q); */
    /*@ assert unique: \forall integer q2; interval_at(s, len, q2) ==> q2 == q; */
    if ((q != 1 && (q < 3 || s[q - 1] != ' ')) || (q + 5 < len && s[q + 4] == '-')) {
        /*@ assert not_here: !interval_at(s, len, q); */
        return -1;
    }
    /*@ assert here: interval_at(s, len, q); */
    *mid_len = q == 1 ? 0 : q - 2;
    *rad_at = q + 4;
    return 0;
}
