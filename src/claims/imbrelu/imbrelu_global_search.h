/* imbrelu_global_search.h: the double-precision search driver of imbrelu.global-search
 * (proposes points only; see imbrelu_global_search_driver.c). */
#ifndef IMBRELU_GLOBAL_SEARCH_H
#define IMBRELU_GLOBAL_SEARCH_H

typedef struct {
    int K, d, N;
    const int *label; /* label[i] of sample i (class-major) */
    double lamW, lamH;
} imbrelu_gs_problem;

/* Best objective over `starts` seeded random starts, `iters` projected-gradient steps each;
 * best (K*d + d*N doubles: W row-major, then H row-major d x N) receives the best point. */
double imbrelu_gs_search(const imbrelu_gs_problem *p, int starts, unsigned long long seed, int iters, double *best);
#endif
