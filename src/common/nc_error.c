/* nc_error.c: recording an error message (first error wins). */
#include <stdarg.h>
#include <stdio.h>
#include "common/nc_error.h"

int nc_error_set(nc_error *e, int status, const char *fmt, ...)
{
    if (e == NULL || e->status != 0) return status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    e->status = status;
    return status;
}
