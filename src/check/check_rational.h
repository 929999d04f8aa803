/* check_rational.h: exact parsing of the number strings of the formats into GMP rationals (the
 * grammars are scanned by check_lex.c, whose contracts are proved; this step converts). */
#ifndef NCCHECK_RATIONAL_H
#define NCCHECK_RATIONAL_H
#include <gmp.h>
#include <stdint.h>

#include "check_lex.h"             /* the grammars' limits CK_*_MAX_* */
#define CK_ENTRY_MAX_HEX_EXP 2048L /* |binary exponent| of a hex-float instance entry */

/* Every parser returns 0 on success, -1 (out unspecified) when S is not of its grammar. */

/* Instance entry (instance.md): [+-]?[0-9]+ | -?[0-9]+\.[0-9]+ | -?[0-9]+/[0-9]+ (den != 0)
 * | [+-]?0x<hex>[.<hex>]p[+-]?<dec> (|exponent| <= 2048), at most 400 characters. */
int ck_parse_entry(const char *s, mpq_t out);

/* C99 %a style: -?0x<hex>[.<hex>]p[+-]?<dec>, exactly. */
int ck_parse_hexfloat(const char *s, mpq_t out);

/* Decimal: -?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?, exactly. */
int ck_parse_decimal(const char *s, mpq_t out);

/* Human rendering: a decimal x (interval [x, x]) or "[m +/- r]" (r unsigned) or "[+/- r]"
 * (m = 0, as Arb prints it): the interval [m - r, m + r]. */
int ck_parse_decimal_interval(const char *s, mpq_t lo, mpq_t hi);

/* Seed: decimal digits, value 0 .. 2^64-1. */
int ck_parse_seed(const char *s, uint64_t *out);
#endif
