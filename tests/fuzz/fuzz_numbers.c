/* fuzz_numbers.c: libFuzzer entry point for nccheck's number grammars (check_rational.c, check_lex.c):
 * instance entries, hex floats, decimals, decimal intervals and seeds, read from one
 * NUL-terminated copy of the input. Cross-checks what can be stated exactly: a parsed decimal
 * interval has lo <= hi; an accepted seed round-trips through its decimal digits; an accepted
 * entry has at most 400 characters. Built by `make fuzz`; see tests/fuzz/README.md. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_rational.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096) return 0; /* the grammars bound lengths themselves; keep runs fast */
    char *s = malloc(size + 1);
    if (!s) return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    mpq_t a, b;
    mpq_inits(a, b, NULL);
    if (ck_parse_entry(s, a) == 0 && strlen(s) > CK_ENTRY_MAX_CHARS) abort();
    ck_parse_hexfloat(s, a);
    ck_parse_decimal(s, a);
    if (ck_parse_decimal_interval(s, a, b) == 0 && mpq_cmp(a, b) > 0) abort();
    uint64_t seed;
    if (ck_parse_seed(s, &seed) == 0) {
        char back[32];
        snprintf(back, sizeof back, "%" PRIu64, seed);
        size_t z = strspn(s, "0");
        const char *digits = s[z] ? s + z : s + z - 1; /* leading zeros are accepted */
        if (strcmp(back, digits) != 0) abort();
    }
    mpq_clears(a, b, NULL);
    free(s);
    return 0;
}
