/* imbrelu_global_search_driver.c: the double-precision search of imbrelu.global-search: projected
 * gradient descent (Barzilai-Borwein steps with an Armijo backtracking safeguard, projection
 * H = max(H, 0)) on problem (4) with every sample's feature free (W: K x d, H: d x N,
 * class-major columns), from seeded random starts. Doubles only PROPOSE a point: the certifier
 * rounds it to dyadics and evaluates it rigorously. Nothing here is evidence. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "claims/imbrelu/imbrelu_global_search.h"
#include "common/progress.h"

static unsigned long long imbrelu_gs_next(unsigned long long *s) /* splitmix64 */
{
    unsigned long long z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static double imbrelu_gs_unif(unsigned long long *s)
{
    return (double)(imbrelu_gs_next(s) >> 11) * 0x1p-53;
}

/* objective and (when g != NULL) its gradient; x = [W (K*d, row-major) | H (d*N, row-major)] */
static double imbrelu_gs_eval(const imbrelu_gs_problem *p, const double *x, double *g)
{
    int K = p->K, d = p->d, N = p->N;
    const double *W = x, *H = x + K * d;
    double f = 0, *z = malloc((size_t)K * sizeof *z);
    if (g) memset(g, 0, (size_t)(K * d + d * N) * sizeof *g);
    for (int i = 0; i < N; i++) {
        int y = p->label[i];
        double mx = -INFINITY, se = 0;
        for (int m = 0; m < K; m++) {
            z[m] = 0;
            for (int j = 0; j < d; j++) z[m] += W[m * d + j] * H[j * N + i];
            if (z[m] > mx) mx = z[m];
        }
        for (int m = 0; m < K; m++) se += exp(z[m] - mx);
        f += (mx + log(se) - z[y]) / N;
        if (!g) continue;
        for (int m = 0; m < K; m++) {
            double gz = (exp(z[m] - mx) / se - (m == y)) / N;
            for (int j = 0; j < d; j++) {
                g[m * d + j] += gz * H[j * N + i];
                g[K * d + j * N + i] += gz * W[m * d + j];
            }
        }
    }
    double rw = 0, rh = 0;
    for (int t = 0; t < K * d; t++) {
        rw += x[t] * x[t];
        if (g) g[t] += p->lamW * x[t];
    }
    for (int t = K * d; t < K * d + d * N; t++) {
        rh += x[t] * x[t];
        if (g) g[t] += p->lamH * x[t];
    }
    free(z);
    return f + 0.5 * p->lamW * rw + 0.5 * p->lamH * rh;
}

static void imbrelu_gs_project(const imbrelu_gs_problem *p, double *x)
{
    for (int t = p->K * p->d; t < p->K * p->d + p->d * p->N; t++)
        if (x[t] < 0) x[t] = 0;
}

double imbrelu_gs_search(const imbrelu_gs_problem *p, int starts, unsigned long long seed, int iters, double *best)
{
    int n = p->K * p->d + p->d * p->N;
    double *x = malloc((size_t)n * sizeof *x), *g = malloc((size_t)n * sizeof *g), *xn = malloc((size_t)n * sizeof *xn);
    double *gn = malloc((size_t)n * sizeof *gn), fbest = INFINITY;
    unsigned long long s = seed;
    static const double SCALE[] = {0.1, 1.0, 3.0, 10.0};
    progress_begin("search starts", starts);
    for (int st = 0; st < starts; st++) {
        double sc = SCALE[st % 4];
        progress_set(st);
        for (int t = 0; t < n; t++)
            x[t] = t < p->K * p->d ? sc * (2 * imbrelu_gs_unif(&s) - 1) : sc * imbrelu_gs_unif(&s);
        double f = imbrelu_gs_eval(p, x, g), step = 1e-2;
        for (int it = 0; it < iters; it++) {
            double fn = 0;
            int accepted = 0;
            for (int bt = 0; bt < 40; bt++) { /* Armijo on the projected arc */
                double dec = 0;
                for (int t = 0; t < n; t++) xn[t] = x[t] - step * g[t];
                imbrelu_gs_project(p, xn);
                for (int t = 0; t < n; t++) dec += g[t] * (x[t] - xn[t]);
                fn = imbrelu_gs_eval(p, xn, gn);
                if (fn <= f - 1e-4 * dec) {
                    accepted = 1;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) break;
            double sy = 0, ss = 0; /* BB1 step for the next iteration */
            for (int t = 0; t < n; t++) {
                double dx = xn[t] - x[t], dg = gn[t] - g[t];
                sy += dx * dg, ss += dx * dx;
            }
            memcpy(x, xn, (size_t)n * sizeof *x);
            memcpy(g, gn, (size_t)n * sizeof *g);
            double df = f - fn;
            f = fn;
            if (ss == 0 || df < 1e-17) break;
            step = sy > 0 ? ss / sy : step * 2;
            if (step > 1e6) step = 1e6;
        }
        if (f < fbest) {
            fbest = f;
            memcpy(best, x, (size_t)n * sizeof *x);
        }
    }
    progress_end();
    free(x), free(g), free(xn), free(gn);
    return fbest;
}
