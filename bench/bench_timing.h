/* bench_timing.h: the timing shared by the benchmarks (bench_lemma31, bench_pd): each method
 * is timed in alternation with the plain double peer (the speed limit) and reported as one
 * tab-separated row: label, instance, method, median seconds, median paired ratio, result. */
#ifndef BENCH_TIMING_H
#define BENCH_TIMING_H

#define BENCH_MAX_PAIRS 5

/* A timed computation on the benchmark's context. */
typedef void (*bench_fn)(void *ctx);

typedef struct {
    const char *key, *name; /* command-line key, row name */
    bench_fn fn;
} bench_method;

/* Median seconds per call of the plain method (REPS <= BENCH_MAX_PAIRS timings after a
 * warm-up call; calls repeated to last about 0.1 s). */
double bench_time_plain(bench_fn plain, void *ctx, int reps);

/* Median seconds per call of f and the median of the paired ratios t(f) / t(plain), timed in
 * alternation (plain, f, plain, f, ...: PAIRS <= BENCH_MAX_PAIRS pairs) so that a change of
 * machine load during the run affects both sides of each ratio alike. A first call of f is a
 * warm-up; if it took >= 2 s it is the only timing of f (paired with one timing of plain).
 * PLAIN_FIRST: seconds of one plain call. */
void bench_time_paired(bench_fn f, bench_fn plain, void *ctx, double plain_first, int pairs, double *secs,
                       double *ratio);

/* The index of KEY in METHODS[0..n-1], or -1. */
int bench_find_method(const bench_method *methods, int n, const char *key);

/* Prints one row (tab-separated, newline, flushed). */
void bench_row(const char *label, const char *inst, const char *method, double secs, double ratio, const char *result);
#endif
