/* ulpm_def21_quantity.c: exact-value enclosures and source objects (ulpm_def21_quantity.h). */
#include <string.h>
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

json_t *ulpm_rational_quantity(const fmpq_t v)
{
    qsqrt_t x;
    qsqrt_init(x);
    fmpq_set(x->a, v);
    json_t *j = ulpm_exact_quantity(x, 1);
    qsqrt_clear(x);
    return j;
}

json_t *ulpm_widened_quantity(const arb_t x, slong rel_exp)
{
    arb_t y;
    mag_t m;
    arb_init(y), mag_init(m);
    arb_set(y, x);
    arb_get_mag(m, x);
    mag_mul_2exp_si(m, m, rel_exp);
    arb_add_error_mag(y, m);
    json_t *q = cert_quantity(y, NULL, 0);
    arb_clear(y), mag_clear(m);
    return q;
}

nc_verdict ulpm_iff_nc_verdict(const char *assertion, const char *eq, const char *strict, int nc)
{
    if (strcmp(assertion, eq) == 0) return nc ? NC_PROVED : NC_REFUTED;
    if (strcmp(assertion, strict) == 0) return nc ? NC_REFUTED : NC_PROVED;
    return NC_REFUTED;
}

json_t *ulpm_source(const char *label, const char *statement)
{
    static const char *const files[] = {"001_7926523b8643b1b0.txt", "000_8f25bbfe242ce871.txt", NULL};
    return cert_source("ulpm", files, label, statement);
}
