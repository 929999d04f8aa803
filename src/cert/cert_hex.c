/* cert_hex.c: exact hexadecimal rendering of Arb floating-point numbers (C99 %a style). */
#include <stdio.h>
#include <string.h>
#include "cert/cert.h"

char *cert_arf_to_hex(const arf_t x)
{
    if (arf_is_zero(x)) {
        char *z = flint_malloc(7);
        strcpy(z, "0x0p+0");
        return z;
    }
    fmpz_t man, exp, frac;
    fmpz_init(man);
    fmpz_init(exp);
    fmpz_init(frac);
    arf_get_fmpz_2exp(man, exp, x); /* x = man 2^exp, man odd */
    int negative = fmpz_sgn(man) < 0;
    fmpz_abs(man, man);
    slong L = (slong)fmpz_bits(man); /* man = 1.f * 2^(L-1) */
    slong fbits = L - 1, fpad = (fbits + 3) / 4 * 4;
    fmpz_add_si(exp, exp, L - 1); /* value = 1.f * 2^exp */
    fmpz_clrbit(man, (ulong)(L - 1));
    fmpz_mul_2exp(frac, man, (ulong)(fpad - fbits));
    char *exps = fmpz_get_str(NULL, 10, exp);
    char *hex = fpad ? fmpz_get_str(NULL, 16, frac) : NULL;
    size_t hexlen = hex ? strlen(hex) : 0, ndig = (size_t)(fpad / 4);
    char *out = flint_malloc(ndig + strlen(exps) + 16);
    char *p = out;
    if (negative) *p++ = '-';
    p += sprintf(p, "0x1");
    if (ndig) {
        *p++ = '.';
        for (size_t z = hexlen; z < ndig; z++) *p++ = '0'; /* leading zeros of the fraction */
        memcpy(p, hex, hexlen);
        p += hexlen;
    }
    sprintf(p, "p%s%s", fmpz_sgn(exp) >= 0 ? "+" : "", exps);
    flint_free(exps);
    if (hex) flint_free(hex);
    fmpz_clear(man);
    fmpz_clear(exp);
    fmpz_clear(frac);
    return out;
}
