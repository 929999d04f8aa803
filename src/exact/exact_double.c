/* exact_double.c: converting a finite double to the rational it denotes, exactly. */
#include <math.h>
#include <arf.h>
#include "exact/exact_double.h"

void exact_fmpq_set_d(fmpq *q, double x)
{
    int e;
    double m = frexp(x, &e);                /* x = m 2^e, 0.5 <= |m| < 1 (or m = 0) */
    fmpq_set_si(q, (slong)ldexp(m, 53), 1); /* |m 2^53| < 2^53: an exact integer */
    if (e - 53 >= 0)
        fmpq_mul_2exp(q, q, (ulong)(e - 53));
    else
        fmpq_div_2exp(q, q, (ulong)(53 - e));
}

double exact_fmpq_get_d_nearest(const fmpq_t q)
{
    arf_t x;
    arf_init(x);
    /* rounding to 53 bits first, then converting (exact at 53 bits unless out of range or
     * subnormal, where arf_get_d rounds once more: double rounding only affects subnormals) */
    arf_fmpz_div_fmpz(x, fmpq_numref(q), fmpq_denref(q), 53, ARF_RND_NEAR);
    double d = arf_get_d(x, ARF_RND_NEAR);
    arf_clear(x);
    return d;
}
