/* bench_timing.c: paired timing and rows of the benchmarks (bench_timing.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "bench_timing.h"

/* Monotonic clock, seconds. */
static double bench_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int clamp_reps(int reps)
{
    return reps < 1 ? 1 : reps > BENCH_MAX_PAIRS ? BENCH_MAX_PAIRS : reps;
}

/* Seconds per call of f, repeating it INNER times. */
static double time_calls(bench_fn f, void *ctx, long inner)
{
    double t0 = bench_now();
    for (long i = 0; i < inner; i++) f(ctx);
    return (bench_now() - t0) / (double)inner;
}

/* How many calls of a function whose one call took FIRST seconds last about 0.1 s. */
static long calls_for(double first)
{
    return first > 0.1 ? 1 : (long)(0.1 / (first > 1e-7 ? first : 1e-7)) + 1;
}

void bench_time_paired(bench_fn f, bench_fn plain, void *ctx, double plain_first, int pairs, double *secs,
                       double *ratio)
{
    double t0 = bench_now();
    f(ctx);
    double first = bench_now() - t0;
    long ip = calls_for(plain_first), im = calls_for(first);
    int reps = first >= 2.0 ? 1 : clamp_reps(pairs);
    double tm[BENCH_MAX_PAIRS], rt[BENCH_MAX_PAIRS];
    for (int r = 0; r < reps; r++) {
        double a = time_calls(plain, ctx, ip);
        tm[r] = reps == 1 ? first : time_calls(f, ctx, im);
        rt[r] = tm[r] / a;
    }
    qsort(tm, (size_t)reps, sizeof(double), cmp_double);
    qsort(rt, (size_t)reps, sizeof(double), cmp_double);
    *secs = tm[reps / 2];
    *ratio = rt[reps / 2];
}

double bench_time_plain(bench_fn plain, void *ctx, int reps)
{
    double t0 = bench_now();
    plain(ctx);
    long ip = calls_for(bench_now() - t0);
    double tp[BENCH_MAX_PAIRS];
    reps = clamp_reps(reps);
    for (int r = 0; r < reps; r++) tp[r] = time_calls(plain, ctx, ip);
    qsort(tp, (size_t)reps, sizeof(double), cmp_double);
    return tp[reps / 2];
}

int bench_find_method(const bench_method *methods, int n, const char *key)
{
    for (int m = 0; m < n; m++)
        if (strcmp(methods[m].key, key) == 0) return m;
    return -1;
}

void bench_row(const char *label, const char *inst, const char *method, double secs, double ratio, const char *result)
{
    printf("%s\t%s\t%s\t%.6g\t%.2f\t%s\n", label, inst, method, secs, ratio, result);
    fflush(stdout);
}
