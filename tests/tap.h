/* tap.h: a minimal TAP producer for the C tests (run by `prove`).
 * Usage: tap_plan(n); tap_ok(cond, "fmt", ...); ...; return tap_done();
 * A test file exits non-zero when any assertion failed or the plan was not met. */
#ifndef NCCERT_TAP_H
#define NCCERT_TAP_H
#include <stdarg.h>
#include <stdio.h>

static int tap_planned = -1, tap_run = 0, tap_failed = 0;

static inline void tap_plan(int n)
{
    tap_planned = n;
    printf("1..%d\n", n);
    fflush(stdout);
}

static inline int tap_ok(int cond, const char *fmt, ...)
{
    va_list ap;
    tap_run++;
    printf("%s %d - ", cond ? "ok" : "not ok", tap_run);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    if (!cond) tap_failed++;
    return cond;
}

static inline void tap_diag(const char *fmt, ...)
{
    va_list ap;
    printf("# ");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
}

/* Ends the test: plan printed at the end when none was given up front. */
static inline int tap_done(void)
{
    if (tap_planned < 0)
        printf("1..%d\n", tap_run);
    else if (tap_planned != tap_run) {
        printf("# planned %d tests, ran %d\n", tap_planned, tap_run);
        return 1;
    }
    return tap_failed ? 1 : 0;
}
#endif
