/* check_lex.h: the scanner of nccheck's number grammars (specs/certificate.md, specs/instance.md):
 * pure functions over a char buffer s[0 .. len-1] that classify characters, find the digit spans
 * of a number and compute the value of its written exponent; no GMP, no allocation, no library
 * call. check_rational.c turns what they return into exact GMP rationals. Their ACSL contracts
 * (below) are proved by Frama-C/WP in `make proofs` (proofs/wp/run.sh): every read is inside
 * s[0 .. len-1], no undefined behaviour, and a string is accepted iff it is of the grammar, with
 * the digit spans and the exponent returned being the ones written. */
/* clang-format off */
#ifndef NCCHECK_LEX_H
#define NCCHECK_LEX_H
#include <stddef.h>
#include <stdint.h>

#define CK_ENTRY_MAX_CHARS 400
#define CK_HEX_MAX_CHARS (1L << 20) /* longest hex float string accepted; longest digit run of a decimal */
#define CK_HEX_MAX_EXP (1L << 20)   /* |written binary exponent| accepted */
#define CK_DEC_MAX_EXP 100000L      /* |written decimal exponent| accepted */

/* A scanned number: sign, the integer digits s[int_at .. int_at+int_len-1], the fraction digits
 * s[int_at+int_len+1 .. int_at+int_len+frac_len] (frac_len == 0: no point), the denominator
 * digits s[den_at .. den_at+den_len-1] of an entry "a/b" (den_len == 0: none), the written
 * exponent (0 when none is written). */
typedef struct {
    int neg;
    size_t int_at, int_len, frac_len, den_at, den_len;
    long exp;
} ck_lexnum;

/*@ // The grammars, as ACSL predicates over s[0 .. len-1] (the string without its NUL).
    predicate is_dec(char c) = '0' <= c <= '9';
    predicate is_hex(char c) = '0' <= c <= '9' || 'a' <= c <= 'f' || 'A' <= c <= 'F';
    predicate is_dig(char c, integer hex) = hex != 0 ? is_hex(c) : is_dec(c);
    predicate digits(char *s, integer a, integer b, integer hex) =
      \forall integer i; a <= i < b ==> is_dig(s[i], hex);

    // value of the decimal digits s[a .. b-1]
    logic integer dec_val(char *s, integer a, integer b) =
      b <= a ? 0 : 10 * dec_val(s, a, b - 1) + (s[b - 1] - '0');

    // one leading '-' (hex floats, decimals), or one '+' or '-' (entries, exponents)
    logic integer minus_len(char *s, integer len) = 0 < len && s[0] == '-' ? 1 : 0;
    logic integer sign_len(char *s, integer a, integer len) =
      a < len && (s[a] == '+' || s[a] == '-') ? 1 : 0;

    // exponent: s[a .. len-1] is [+-]?[0-9]+ with |value| <= maxabs
    predicate exp_ok(char *s, integer a, integer len, integer maxabs) =
      a + sign_len(s, a, len) < len && digits(s, a + sign_len(s, a, len), len, 0) &&
      dec_val(s, a + sign_len(s, a, len), len) <= maxabs;
    logic integer exp_val(char *s, integer a, integer len) =
      a < len && s[a] == '-' ? -dec_val(s, a + 1, len) : dec_val(s, a + sign_len(s, a, len), len);

    // mantissa at a: n1 >= 1 digits, then (n2 >= 1) '.' and n2 digits; it ends before mant_end
    logic integer mant_end(integer a, integer n1, integer n2) = n2 == 0 ? a + n1 : a + n1 + 1 + n2;
    predicate mantissa(char *s, integer a, integer len, integer hex, integer n1, integer n2) =
      1 <= n1 && 0 <= n2 && 0 <= a && mant_end(a, n1, n2) <= len && digits(s, a, a + n1, hex) &&
      (n2 != 0 ==> s[a + n1] == '.' && digits(s, a + n1 + 1, a + n1 + 1 + n2, hex));

    // what may follow a mantissa whose runs are the longest: the end, or a character that is
    // neither a digit nor (when no point was read) a point
    predicate mant_term(char *s, integer a, integer len, integer hex, integer n1, integer n2) =
      mant_end(a, n1, n2) == len ||
      !is_dig(s[mant_end(a, n1, n2)], hex) && (n2 != 0 || s[a + n1] != '.');

    // hex float -?0x<hex>[.<hex>]p[+-]?<dec>, |exponent| <= 2^20, at most 2^20 characters
    predicate hexfloat_at(char *s, integer len, integer n1, integer n2) =
      len <= 1048576 && minus_len(s, len) + 2 <= len &&
      s[minus_len(s, len)] == '0' && s[minus_len(s, len) + 1] == 'x' &&
      mantissa(s, minus_len(s, len) + 2, len, 1, n1, n2) &&
      mant_end(minus_len(s, len) + 2, n1, n2) < len && s[mant_end(minus_len(s, len) + 2, n1, n2)] == 'p' &&
      exp_ok(s, mant_end(minus_len(s, len) + 2, n1, n2) + 1, len, 1048576);
    predicate hexfloat(char *s, integer len) = \exists integer n1, n2; hexfloat_at(s, len, n1, n2);

    // decimal -?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?, digit runs of at most 2^20, |exponent| <= 100000
    predicate decimal_at(char *s, integer len, integer n1, integer n2) =
      mantissa(s, minus_len(s, len), len, 0, n1, n2) && n1 <= 1048576 && n2 <= 1048576 &&
      (mant_end(minus_len(s, len), n1, n2) == len ||
       (s[mant_end(minus_len(s, len), n1, n2)] == 'e' || s[mant_end(minus_len(s, len), n1, n2)] == 'E') &&
       exp_ok(s, mant_end(minus_len(s, len), n1, n2) + 1, len, 100000));
    predicate decimal(char *s, integer len) = \exists integer n1, n2; decimal_at(s, len, n1, n2);

    // instance entry [+-]?[0-9]+ | [+-]?[0-9]+\.[0-9]+ | [+-]?[0-9]+/[0-9]+ (denominator not 0),
    // 1 to 400 characters
    predicate nonzero_digit(char *s, integer a, integer b) = \exists integer i; a <= i < b && s[i] != '0';
    predicate entry_at(char *s, integer len, integer n1, integer n2) =
      1 <= len <= 400 && mantissa(s, sign_len(s, 0, len), len, 0, n1, n2) &&
      (mant_end(sign_len(s, 0, len), n1, n2) == len ||
       n2 == 0 && s[sign_len(s, 0, len) + n1] == '/' && sign_len(s, 0, len) + n1 + 1 < len &&
       digits(s, sign_len(s, 0, len) + n1 + 1, len, 0) && nonzero_digit(s, sign_len(s, 0, len) + n1 + 1, len));
    predicate entry(char *s, integer len) = \exists integer n1, n2; entry_at(s, len, n1, n2);

    // the fields of a scanned number are the ones written (mantissa at a, exponent after e)
    predicate spans(ck_lexnum x, integer a, integer n1, integer n2) =
      x.int_at == a && x.int_len == n1 && x.frac_len == n2;
*/

/* Hex float (C99 %a style, specs/certificate.md). 0 and *out filled, or -1 (*out untouched). */
/*@ requires \valid_read(s + (0 .. len - 1));
    requires \valid(out) && \separated(out, s + (0 .. len - 1));
    assigns *out;
    ensures grammar: \result == 0 <==> hexfloat(s, len);
    ensures syntax: \result == 0 ==> hexfloat_at(s, len, out->int_len, out->frac_len);
    ensures sign:   \result == 0 ==> out->neg == minus_len(s, len);
    ensures spans:  \result == 0 ==> spans(*out, minus_len(s, len) + 2, out->int_len, out->frac_len) &&
                                     out->den_len == 0;
    ensures exp:    \result == 0 ==>
      out->exp == exp_val(s, mant_end(out->int_at, out->int_len, out->frac_len) + 1, len);
    ensures rejected: \result == 0 || \result == -1;
*/
int ck_lex_hexfloat(const char *s, size_t len, ck_lexnum *out);

/* Decimal with optional exponent (specs/certificate.md, "decimal"). 0 and *out, or -1. */
/*@ requires \valid_read(s + (0 .. len - 1));
    requires \valid(out) && \separated(out, s + (0 .. len - 1));
    assigns *out;
    ensures grammar: \result == 0 <==> decimal(s, len);
    ensures syntax: \result == 0 ==> decimal_at(s, len, out->int_len, out->frac_len);
    ensures sign:   \result == 0 ==> out->neg == minus_len(s, len);
    ensures spans:  \result == 0 ==> spans(*out, minus_len(s, len), out->int_len, out->frac_len) &&
                                     out->den_len == 0;
    ensures exp:    \result == 0 ==>
      (mant_end(out->int_at, out->int_len, out->frac_len) == len ==> out->exp == 0) &&
      (mant_end(out->int_at, out->int_len, out->frac_len) < len ==>
         out->exp == exp_val(s, mant_end(out->int_at, out->int_len, out->frac_len) + 1, len));
    ensures rejected: \result == 0 || \result == -1;
*/
int ck_lex_decimal(const char *s, size_t len, ck_lexnum *out);

/* Instance entry (specs/instance.md). 0 and *out (den_len > 0: a rational), or -1. */
/*@ requires \valid_read(s + (0 .. len - 1));
    requires \valid(out) && \separated(out, s + (0 .. len - 1));
    assigns *out;
    ensures grammar: \result == 0 <==> entry(s, len);
    ensures syntax: \result == 0 ==> entry_at(s, len, out->int_len, out->frac_len);
    ensures sign:   \result == 0 ==> out->neg == minus_len(s, len) && out->exp == 0;
    ensures spans:  \result == 0 ==> spans(*out, sign_len(s, 0, len), out->int_len, out->frac_len);
    ensures den:    \result == 0 ==>
      (out->den_len == 0 <==> mant_end(out->int_at, out->int_len, out->frac_len) == len) &&
      (out->den_len != 0 ==> out->den_at == out->int_at + out->int_len + 1 &&
                             out->den_at + out->den_len == len);
    ensures rejected: \result == 0 || \result == -1;
*/
int ck_lex_entry(const char *s, size_t len, ck_lexnum *out);

/* Seed: 1 to 20 decimal digits of value <= 2^64 - 1. 0 and *out = the value, or -1. */
/*@ requires \valid_read(s + (0 .. len - 1));
    requires \valid(out) && \separated(out, s + (0 .. len - 1));
    assigns *out;
    ensures grammar: \result == 0 <==> 1 <= len <= 20 && digits(s, 0, len, 0) &&
                                       dec_val(s, 0, len) <= 18446744073709551615;
    ensures value: \result == 0 ==> *out == dec_val(s, 0, len);
    ensures rejected: \result == 0 || \result == -1;
*/
int ck_lex_seed(const char *s, size_t len, uint64_t *out);

/* Decimal interval "[m +/- r]" or "[+/- r]": the first "+/- " inside the brackets at q, preceded
 * by the opening bracket or by a blank after at least one character, and not followed by '-'.
 * 0 with m = s[1 .. 1+*mid_len-1] (*mid_len == 0: no m) and r = s[*rad_at .. len-2], or -1.
 * Whether m and r are decimals is for ck_lex_decimal. */
/*@ predicate sep_at(char *s, integer q) = s[q] == '+' && s[q + 1] == '/' && s[q + 2] == '-' && s[q + 3] == ' ';
    predicate interval_at(char *s, integer len, integer q) =
      2 <= len <= 1048576 && s[0] == '[' && s[len - 1] == ']' &&
      1 <= q && q + 4 <= len - 1 && sep_at(s, q) && (\forall integer i; 1 <= i < q ==> !sep_at(s, i)) &&
      (q == 1 || 3 <= q && s[q - 1] == ' ') && (q + 4 < len - 1 ==> s[q + 4] != '-');
*/
/*@ requires \valid_read(s + (0 .. len - 1));
    requires \valid(mid_len) && \valid(rad_at) && \separated(mid_len, rad_at, s + (0 .. len - 1));
    assigns *mid_len, *rad_at;
    ensures grammar: \result == 0 <==> \exists integer q; interval_at(s, len, q);
    ensures fields: \result == 0 ==> interval_at(s, len, *rad_at - 4) &&
                                     *mid_len == (*rad_at == 5 ? 0 : *rad_at - 6);
    ensures rejected: \result == 0 || \result == -1;
*/
int ck_lex_interval(const char *s, size_t len, size_t *mid_len, size_t *rad_at);
#endif
