/* t_linconv_errbound.c: linconv.theorem-2 / theorem-4 against an independent double model.
 *
 * For each instance the certifier's (delta, kappa) is tested against sampled points: x* is
 * rebuilt here in double from the closed form (alpha, beta, gamma), the gradient of F is an
 * independent double implementation of problems (5) and (8), and for x = x* + v with v normal
 * to the orbit and ||v|| <= delta the certificate implies ||v|| <= kappa ||grad F(x)|| (the
 * derivation proves <grad F(x), v> >= ||v||^2 / kappa on that slice), so every sampled ratio
 * ||v|| / ||grad F(x)|| must stay below kappa. The worst direction is the eigenvector of the
 * smallest eigenvalue of the Hessian on the normal space (central differences of the double
 * gradient, inverse iteration), plus random normal directions (seed printed, NCCERT_TEST_SEED).
 * The largest sampled ratio is the NUMERICAL ESTIMATE of the best kappa (a report, never
 * evidence); kappa_cert / kappa_est is printed. Also: grad F(x*) ~ 0 and the O(d) invariance
 * ||grad F(Qx)|| = ||grad F(x)|| used by the reduction to the normal slice.
 * NCCERT_ERRBOUND_LARGE=1 adds the K=10, n=5, d=20 registry instances (about 10 s more). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "tap.h"
#include "claims/claim.h"
#include "claims/linconv/linconv_common.h"
#include "ball/ball_pd.h"

typedef struct {
    int K, n, d, N, ce;
    double lw, lh;
} prob;

static int dimof(const prob *p)
{
    return p->d * (p->K + p->N) + (p->ce ? 0 : p->K);
}

/* grad F at x = (W: k*d + a, H: d K + c d + a, b: d K + d N + k), label of column c = c mod K */
static void grad(double *g, const prob *p, const double *x)
{
    const int K = p->K, d = p->d, N = p->N, D = dimof(p);
    const double *W = x, *H = x + d * K, *b = x + d * K + d * N;
    double z[64];
    memset(g, 0, sizeof(double) * (size_t)D);
    for (int c = 0; c < N; c++) {
        const double *h = H + c * d;
        for (int k = 0; k < K; k++) {
            z[k] = p->ce ? 0 : b[k];
            for (int a = 0; a < d; a++) z[k] += W[k * d + a] * h[a];
        }
        if (p->ce) {
            double mx = z[0], s = 0;
            for (int k = 1; k < K; k++) mx = fmax(mx, z[k]);
            for (int k = 0; k < K; k++) z[k] = exp(z[k] - mx), s += z[k];
            for (int k = 0; k < K; k++) z[k] /= s;
        }
        z[c % K] -= 1; /* r = dloss/dz */
        for (int k = 0; k < K; k++) {
            for (int a = 0; a < d; a++) {
                g[k * d + a] += z[k] * h[a] / N;
                g[d * K + c * d + a] += W[k * d + a] * z[k] / N;
            }
            if (!p->ce) g[d * K + d * N + k] += z[k] / N;
        }
    }
    for (int i = 0; i < d * K; i++) g[i] += p->lw * x[i];
    for (int i = d * K; i < d * K + d * N; i++) g[i] += p->lh * x[i];
}

static double norm(const double *v, int n)
{
    double s = 0;
    for (int i = 0; i < n; i++) s += v[i] * v[i];
    return sqrt(s);
}

/* the closed-form point: W = alpha [P; 0], H_i = beta W, b = 1/K */
static void point(double *x, const prob *p)
{
    const int K = p->K, d = p->d;
    const double s = sqrt(p->n * p->lw * p->lh), beta = sqrt(p->lw / (p->n * p->lh));
    const double alpha = p->ce ? sqrt(log(1 / s - K + 1) / beta) : sqrt((1 - K * s) / beta);
    memset(x, 0, sizeof(double) * (size_t)dimof(p));
    for (int k = 0; k < K; k++)
        for (int a = 0; a < K; a++) {
            const double w = alpha * ((a == k) - 1.0 / K);
            x[k * d + a] = w;
            for (int i = 0; i < p->n; i++) x[d * K + (i * K + k) * d + a] = beta * w;
        }
    if (!p->ce)
        for (int k = 0; k < K; k++) x[d * K + d * p->N + k] = 1.0 / K;
}

/* orthonormal basis (rows of Q, count returned) of the orbit tangent space at x */
static int tangent_basis(double *Q, const prob *p, const double *x)
{
    const int d = p->d, D = dimof(p), M = p->K + p->N;
    int r = 0;
    for (int a = 0; a < d; a++)
        for (int bb = a + 1; bb < d; bb++) {
            double *t = Q + (size_t)r * D;
            memset(t, 0, sizeof(double) * (size_t)D);
            for (int j = 0; j < M; j++) t[j * d + a] = x[j * d + bb], t[j * d + bb] = -x[j * d + a];
            const double n0 = norm(t, D);
            for (int i = 0; i < r; i++) { /* modified Gram-Schmidt, twice */
                double s = 0;
                for (int u = 0; u < D; u++) s += Q[(size_t)i * D + u] * t[u];
                for (int u = 0; u < D; u++) t[u] -= s * Q[(size_t)i * D + u];
            }
            for (int i = 0; i < r; i++) {
                double s = 0;
                for (int u = 0; u < D; u++) s += Q[(size_t)i * D + u] * t[u];
                for (int u = 0; u < D; u++) t[u] -= s * Q[(size_t)i * D + u];
            }
            const double n1 = norm(t, D);
            if (n1 > 1e-8 * (n0 + 1e-300)) {
                for (int u = 0; u < D; u++) t[u] /= n1;
                r++;
            }
        }
    return r;
}

static void project_normal(double *v, const double *Q, int r, int D)
{
    for (int i = 0; i < r; i++) {
        double s = 0;
        for (int u = 0; u < D; u++) s += Q[(size_t)i * D + u] * v[u];
        for (int u = 0; u < D; u++) v[u] -= s * Q[(size_t)i * D + u];
    }
}

static uint64_t rng;
static double urand(void) /* splitmix64 -> (-1, 1) */
{
    uint64_t z = (rng += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return (double)(z >> 11) * 0x1p-52 - 1.0;
}

/* eigenvector of the smallest eigenvalue of Hess on the normal space (Hess by central
 * differences; M = P_N Hess P_N + L P_T; inverse iteration with a double Cholesky) */
static double worst_direction(double *e, const prob *p, const double *x, const double *Q, int r)
{
    const int D = dimof(p);
    double *Hs = malloc(sizeof(double) * (size_t)D * D), *xp = malloc(sizeof(double) * D),
           *gp = malloc(sizeof(double) * D), *gm = malloc(sizeof(double) * D),
           *R = malloc(sizeof(double) * (size_t)D * D), *col = malloc(sizeof(double) * D);
    const double h = 1e-6;
    for (int j = 0; j < D; j++) {
        memcpy(xp, x, sizeof(double) * D);
        xp[j] += h, grad(gp, p, xp);
        xp[j] -= 2 * h, grad(gm, p, xp);
        for (int i = 0; i < D; i++) Hs[(size_t)i * D + j] = (gp[i] - gm[i]) / (2 * h);
    }
    double L = 0;
    for (int i = 0; i < D; i++) L += fabs(Hs[(size_t)i * D + i]);
    for (int j = 0; j < D; j++) { /* M = P_N Hs P_N + L P_T, column by column */
        for (int i = 0; i < D; i++) col[i] = 0.5 * (Hs[(size_t)i * D + j] + Hs[(size_t)j * D + i]);
        project_normal(col, Q, r, D);
        for (int i = 0; i < D; i++) R[(size_t)i * D + j] = col[i];
    }
    for (int i = 0; i < D; i++) { /* rows too, then + L P_T */
        memcpy(col, R + (size_t)i * D, sizeof(double) * D);
        project_normal(col, Q, r, D);
        memcpy(Hs + (size_t)i * D, col, sizeof(double) * D);
    }
    for (int a = 0; a < r; a++)
        for (int i = 0; i < D; i++)
            for (int j = 0; j < D; j++) Hs[(size_t)i * D + j] += L * Q[(size_t)a * D + i] * Q[(size_t)a * D + j];
    double lam = -1;
    if (ball_pd_cholesky_double(R, Hs, D, 0.0) == 0) {
        for (int i = 0; i < D; i++) e[i] = urand();
        for (int it = 0; it < 200; it++) {
            for (int i = 0; i < D; i++) { /* R^T y = e */
                double s = e[i];
                for (int k = 0; k < i; k++) s -= R[(size_t)k * D + i] * e[k];
                e[i] = s / R[(size_t)i * D + i];
            }
            for (int i = D - 1; i >= 0; i--) { /* R z = y */
                double s = e[i];
                for (int k = i + 1; k < D; k++) s -= R[(size_t)i * D + k] * e[k];
                e[i] = s / R[(size_t)i * D + i];
            }
            const double ne = norm(e, D);
            for (int i = 0; i < D; i++) e[i] /= ne;
        }
        lam = 0;
        for (int i = 0; i < D; i++) {
            double s = 0;
            for (int j = 0; j < D; j++) s += Hs[(size_t)i * D + j] * e[j];
            lam += e[i] * s;
        }
        project_normal(e, Q, r, D);
    }
    free(Hs), free(xp), free(gp), free(gm), free(R), free(col);
    return lam;
}

static double qstr(const char *s) /* "p/q" or "p" as a double */
{
    const char *sl = strchr(s, '/');
    return sl ? strtod(s, NULL) / strtod(sl + 1, NULL) : strtod(s, NULL);
}

static const char *exact_a(json_t *cert, const char *name)
{
    return json_string_value(
        json_object_get(json_object_get(json_object_get(json_object_get(cert, "quantities"), name), "exact"), "a"));
}

static void run(const prob *p, const char *lw, const char *lh)
{
    char js[256];
    snprintf(js, sizeof js,
             "{\"kind\":\"linconv/1\",\"K\":%d,\"n\":%d,\"d\":%d,\"lambda_W\":\"%s\",\"lambda_H\":\"%s\"}", p->K, p->n,
             p->d, lw, lh);
    json_t *inst = json_loads(js, 0, NULL), *cert = NULL;
    certify_options o;
    certify_options_default(&o);
    nc_error err;
    memset(&err, 0, sizeof err);
    clock_t t0 = clock();
    int rc = p->ce ? claim_find("linconv.theorem-4")->certify(inst, &o, &cert, &err)
                   : claim_find("linconv.theorem-2")->certify(inst, &o, &cert, &err);
    const double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    const char *claim = p->ce ? "theorem-4" : "theorem-2";
    const char *verdict = cert ? json_string_value(json_object_get(cert, "verdict")) : "none";
    tap_ok(rc == 0 && verdict && !strcmp(verdict, "PROVED"), "%s K=%d n=%d d=%d (%s, %s): PROVED", claim, p->K, p->n,
           p->d, lw, lh);
    if (rc || !verdict || strcmp(verdict, "PROVED")) {
        json_decref(inst), json_decref(cert);
        return;
    }
    const double delta = qstr(exact_a(cert, "delta")), kappa = qstr(exact_a(cert, "kappa"));
    const int D = dimof(p);
    double *x = malloc(sizeof(double) * D), *g = malloc(sizeof(double) * D), *y = malloc(sizeof(double) * D),
           *v = malloc(sizeof(double) * D), *e = malloc(sizeof(double) * D),
           *Q = malloc(sizeof(double) * (size_t)D * (size_t)(p->d * (p->d - 1) / 2 + 1));
    point(x, p);
    grad(g, p, x);
    tap_ok(norm(g, D) < 1e-10, "%s K=%d: the closed-form point is stationary in double (||grad|| = %.2e)", claim, p->K,
           norm(g, D));
    const int r = tangent_basis(Q, p, x);
    const double lam = worst_direction(e, p, x, Q, r);
    double worst = 0;
    int bad = 0;
    for (int dir = 0; dir < 12; dir++) {
        if (dir == 0)
            memcpy(v, e, sizeof(double) * D);
        else
            for (int i = 0; i < D; i++) v[i] = urand();
        if (dir == 1)
            for (int i = 0; i < D; i++) v[i] = -e[i];
        project_normal(v, Q, r, D);
        const double nv = norm(v, D);
        for (double rad = delta; rad > delta / 100; rad /= 4) {
            for (int i = 0; i < D; i++) y[i] = x[i] + rad * v[i] / nv;
            grad(g, p, y);
            const double ratio = rad / norm(g, D);
            worst = fmax(worst, ratio);
            bad |= !(ratio <= kappa * (1 + 1e-6));
        }
    }
    tap_ok(!bad, "%s K=%d n=%d d=%d: every sampled ||v||/||grad F(x*+v)|| <= kappa (delta = %.3g, kappa = %.4g)", claim,
           p->K, p->n, p->d, delta, kappa);
    /* O(d) invariance: a random rotation in the (0, d-1) plane leaves ||grad F|| unchanged */
    for (int i = 0; i < D; i++) y[i] = x[i] + delta * urand() / sqrt((double)D);
    grad(g, p, y);
    const double g0 = norm(g, D), th = urand() * 3.14, cs = cos(th), sn = sin(th);
    for (int j = 0; j < p->K + p->N; j++) {
        const double u0 = y[j * p->d], u1 = y[j * p->d + p->d - 1];
        y[j * p->d] = cs * u0 - sn * u1, y[j * p->d + p->d - 1] = sn * u0 + cs * u1;
    }
    grad(g, p, y);
    tap_ok(fabs(norm(g, D) - g0) <= 1e-9 * (g0 + 1e-300) + 1e-15, "%s K=%d: ||grad F|| invariant under O(d)", claim,
           p->K);
    tap_diag("%s K=%d n=%d d=%d lambda=(%s,%s) dim=%d: delta=%.4g kappa_cert=%.5g  estimate: kappa_est=%.5g "
             "(1/lambda_min^N(x*) = %.5g)  ratio=%.3f  certify %.2fs",
             claim, p->K, p->n, p->d, lw, lh, D, delta, kappa, worst, lam > 0 ? 1 / lam : -1.0, kappa / worst, secs);
    free(x), free(g), free(y), free(v), free(e), free(Q);
    json_decref(inst), json_decref(cert);
}

int main(void)
{
    const char *se = getenv("NCCERT_TEST_SEED");
    rng = se ? strtoull(se, NULL, 10) : (uint64_t)time(NULL);
    tap_diag("NCCERT_TEST_SEED=%llu", (unsigned long long)rng);
    static const struct {
        int K, n, d;
        const char *lw, *lh;
    } T[] = {{2, 1, 2, "1/10", "1/10"},     {2, 1, 2, "1/2", "49/100"},    {3, 2, 4, "1/10000", "1/1000"},
             {2, 4, 3, "1/100", "1/50"},    {4, 3, 6, "1/100", "1/100"},   {5, 2, 5, "1/50", "1/50"},
             {10, 2, 10, "1/100", "1/100"}, {10, 5, 20, "1/200", "1/2000"}};
    const int large = getenv("NCCERT_ERRBOUND_LARGE") != NULL, nt = large ? 8 : 7;
    for (int ce = 0; ce < 2; ce++)
        for (int t = 0; t < nt; t++) {
            prob p = {T[t].K, T[t].n, T[t].d, T[t].n * T[t].K, ce, qstr(T[t].lw), qstr(T[t].lh)};
            run(&p, T[t].lw, T[t].lh);
        }
    return tap_done();
}
