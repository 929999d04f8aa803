/* check_limits.c: owns the comparison of a claim's estimates with the limits (check_limits.h)
 * and the units the estimates count in. */
#include "check_limits.h"

#include <mpfr.h>
#include <stdarg.h>
#include <stdio.h>

#include "check_alloc.h"

static double g_max_work = (double)CK_MAX_WORK;

int ck_limit_check(ck_err *e, double bytes, double ops, const char *fmt, ...)
{
    char what[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (ck_alloc_limit() && bytes > (double)ck_alloc_limit())
        ck_fail(e, CK_MALFORMED,
                "instance: limits exceeded: %s needs about %.3g bytes of memory, over the limit of %zu (--max-memory)",
                what, bytes, ck_alloc_limit());
    else if (ops > g_max_work)
        ck_fail(e, CK_MALFORMED, "instance: limits exceeded: %s needs about %.3g operations, at most %.0f%s", what, ops,
                g_max_work, g_max_work == (double)CK_MAX_WORK ? " = 2^36" : "");
    else
        return 0;
    return -1;
}

void ck_limit_set_max_work(double ops)
{
    g_max_work = ops;
}

double ck_mpfi_bytes(long prec)
{
    return (double)sizeof(__mpfr_struct) * 2 + 2.0 * (16.0 + 8.0 * (double)((prec + 63) / 64 + 1));
}

double ck_mpq_bytes(double bits)
{
    return (double)sizeof(mpq_t) + 2.0 * (16.0 + 8.0 * (bits / 64.0 + 1.0));
}
