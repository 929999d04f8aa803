/* ulpm_def21_quantity.c: exact-value enclosures and source objects (ulpm_def21_quantity.h). */
#include <arb.h>
#include "cert/cert.h"
#include "claims/ulpm/ulpm_def21_quantity.h"

json_t *ulpm_exact_quantity(const qsqrt_t x, slong m)
{
    const slong prec = 128;
    arb_t v, t;
    arb_init(v), arb_init(t);
    arb_sqrt_ui(t, (ulong)m, prec);
    arb_mul_fmpz(t, t, fmpq_numref(x->b), prec);
    arb_div_fmpz(t, t, fmpq_denref(x->b), prec);
    arb_set_fmpq(v, x->a, prec);
    arb_add(v, v, t, prec);
    json_t *q = cert_quantity(v, x, m);
    arb_clear(v), arb_clear(t);
    return q;
}

json_t *ulpm_source(const char *label, const char *statement)
{
    static const char *const files[] = {"001_7926523b8643b1b0.txt", "000_8f25bbfe242ce871.txt", NULL};
    return cert_source("ulpm", files, label, statement);
}
