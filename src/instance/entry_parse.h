/* entry_parse.h: reading one exact instance entry ("-3", "0.125", "3/7", "0x1.8p-3") into a rational, and
 * an entry scaled by a power of ten (scientific option values) as a canonical string. */
#ifndef ENTRY_PARSE_H
#define ENTRY_PARSE_H
#include <flint/fmpq.h>

#define ENTRY_MAX_CHARS 400
#define ENTRY_MAX_HEX_EXP 2048L /* |binary exponent| of a hex-float entry */

/* Parses s exactly (grammar of specs/instance.md). Returns 0 on success, -1 (q untouched
 * or garbage) when s is not an integer, finite decimal, rational with non-zero denominator or
 * hex float ("0x1.8p-3"). */
int entry_parse_fmpq(fmpq_t q, const char *s);

/* The canonical string of the exact value of M * 10^EXP10 ("p/q", or an integer), M an entry as
 * for entry_parse_fmpq; NULL when M is not one. The caller frees it with free(). */
char *entry_scaled_string(const char *m, long exp10);

#endif
