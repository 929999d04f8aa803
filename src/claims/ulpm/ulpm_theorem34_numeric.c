/* ulpm_theorem34_numeric.c: double-precision witness search for ulpm.theorem-3.4: the reduced
 * Riemannian Hessian on the tangent space minus the symmetry orbit, its approximate
 * eigenvectors (cyclic Jacobi), their integer rounding, and the top singular pair of G.
 * Nothing here is evidence: every proposal is verified in Arb (and again by nccheck). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "claims/ulpm/ulpm_theorem34.h"

/* Double Hessian-vector product (S v = Hess L v - lam v), G and softmax as doubles. */
static void ulpm_t34_double_hess_vec(double *out, const ulpm_t34_point *P, const double *G, const double *Pm,
                                     double lam, const double *v)
{
    long K = P->K, d = P->d, N = P->N;
    const double *dW = v, *dH = v + K * d, *W = P->Wd, *H = P->Hd;
    double *Y = calloc((size_t)(K * N), sizeof(double));
    for (long k = 0; k < K; k++)
        for (long c = 0; c < N; c++) {
            double z = 0;
            for (long l = 0; l < d; l++) z += dW[k * d + l] * H[l * N + c] + W[k * d + l] * dH[l * N + c];
            Y[k * N + c] = z;
        }
    for (long c = 0; c < N; c++) {
        double pz = 0;
        for (long k = 0; k < K; k++) pz += Pm[k * N + c] * Y[k * N + c];
        for (long k = 0; k < K; k++) Y[k * N + c] = Pm[k * N + c] * (Y[k * N + c] - pz);
    }
    for (long k = 0; k < K; k++)
        for (long l = 0; l < d; l++) {
            double o = 0;
            for (long c = 0; c < N; c++) o += Y[k * N + c] * H[l * N + c] + G[k * N + c] * dH[l * N + c];
            out[k * d + l] = o - lam * v[k * d + l];
        }
    for (long l = 0; l < d; l++)
        for (long c = 0; c < N; c++) {
            double o = 0;
            for (long k = 0; k < K; k++) o += W[k * d + l] * Y[k * N + c] + dW[k * d + l] * G[k * N + c];
            out[K * d + l * N + c] = o - lam * v[K * d + l * N + c];
        }
    free(Y);
}

void ulpm_t34_double_grad(double *G, double *lam, const ulpm_t34_point *P)
{
    long K = P->K, d = P->d, N = P->N;
    double *z = malloc((size_t)K * sizeof(double));
    for (long c = 0; c < N; c++) {
        long k = c / P->n;
        for (long j = 0; j < K; j++) {
            double s = 0;
            for (long l = 0; l < d; l++) s += P->Wd[j * d + l] * P->Hd[l * N + c];
            z[j] = s;
        }
        double t = 0; /* sum_{j != k} e^{z_j - z_k}; softmax_k - 1 = -t / (1 + t), no cancellation */
        for (long j = 0; j < K; j++)
            if (j != k) t += exp(z[j] - z[k]);
        for (long j = 0; j < K; j++) G[j * N + c] = j == k ? -t / (1 + t) : exp(z[j] - z[k]) / (1 + t);
    }
    double num = 0, xx = 0; /* lambda = <grad L, x> / <x, x> */
    for (long k = 0; k < K; k++)
        for (long l = 0; l < d; l++) {
            double g = 0;
            for (long c = 0; c < N; c++) g += G[k * N + c] * P->Hd[l * N + c];
            num += g * P->Wd[k * d + l], xx += P->Wd[k * d + l] * P->Wd[k * d + l];
        }
    for (long l = 0; l < d; l++)
        for (long c = 0; c < N; c++) {
            double g = 0;
            for (long k = 0; k < K; k++) g += P->Wd[k * d + l] * G[k * N + c];
            num += g * P->Hd[l * N + c], xx += P->Hd[l * N + c] * P->Hd[l * N + c];
        }
    *lam = num / xx;
    free(z);
}

static double dotd(const double *a, const double *b, long n)
{
    double s = 0;
    for (long i = 0; i < n; i++) s += a[i] * b[i];
    return s;
}

/* Orthogonalises y against the q orthonormal columns Q (twice), returns the residual norm
 * and normalises y when it is not zero. */
static double gram_schmidt(double *y, const double *Q, long q, long D)
{
    for (int pass = 0; pass < 2; pass++)
        for (long t = 0; t < q; t++) {
            double a = dotd(y, Q + t * D, D);
            for (long i = 0; i < D; i++) y[i] -= a * Q[t * D + i];
        }
    double r = sqrt(dotd(y, y, D));
    if (r > 0)
        for (long i = 0; i < D; i++) y[i] /= r;
    return r;
}

/* Cyclic Jacobi on the symmetric m x m matrix A (destroyed): eigenvalues in ev, V columns. */
static void jacobi(double *A, double *V, double *ev, long m)
{
    for (long i = 0; i < m * m; i++) V[i] = 0;
    for (long i = 0; i < m; i++) V[i * m + i] = 1;
    for (int sweep = 0; sweep < 60; sweep++) {
        double off = 0, tot = 0;
        for (long i = 0; i < m; i++)
            for (long j = 0; j < m; j++) {
                tot += A[i * m + j] * A[i * m + j];
                if (i != j) off += A[i * m + j] * A[i * m + j];
            }
        if (off <= 1e-30 * tot) break;
        for (long p = 0; p < m; p++)
            for (long q = p + 1; q < m; q++) {
                double apq = A[p * m + q];
                if (fabs(apq) < 1e-300) continue;
                double th = (A[q * m + q] - A[p * m + p]) / (2 * apq);
                double t = (th >= 0 ? 1 : -1) / (fabs(th) + sqrt(th * th + 1));
                double c = 1 / sqrt(t * t + 1), s = t * c;
                for (long k = 0; k < m; k++) { /* A := J^T A J, columns then rows */
                    double akp = A[k * m + p], akq = A[k * m + q];
                    A[k * m + p] = c * akp - s * akq;
                    A[k * m + q] = s * akp + c * akq;
                }
                for (long k = 0; k < m; k++) {
                    double apk = A[p * m + k], aqk = A[q * m + k];
                    A[p * m + k] = c * apk - s * aqk;
                    A[q * m + k] = s * apk + c * aqk;
                }
                for (long k = 0; k < m; k++) {
                    double vkp = V[k * m + p], vkq = V[k * m + q];
                    V[k * m + p] = c * vkp - s * vkq;
                    V[k * m + q] = s * vkp + c * vkq;
                }
            }
    }
    for (long i = 0; i < m; i++) ev[i] = A[i * m + i];
}

int ulpm_t34_numeric_search(ulpm_t34_numeric *r, const ulpm_t34_point *P, const double *G, double lam_d)
{
    long D = P->D, K = P->K, d = P->d, N = P->N;
    memset(r, 0, sizeof *r);
    double *Pm = malloc((size_t)(K * N) * sizeof(double));
    for (long t = 0; t < K * N; t++) Pm[t] = G[t] + ((t / N) == (t % N) / P->n ? 1.0 : 0.0);
    double *Q = calloc((size_t)(D * D), sizeof(double)), *y = malloc((size_t)D * sizeof(double));
    fmpq *ov = _fmpq_vec_init(D);
    long q = 0;
    for (long i = 0; i < K * d; i++) Q[i] = P->Wd[i];
    for (long i = 0; i < d * N; i++) Q[K * d + i] = P->Hd[i];
    gram_schmidt(Q, NULL, 0, D);
    q = 1;
    r->pairs = malloc((size_t)(d * (d - 1) + 2) * sizeof(long));
    for (long i = 0; i < d; i++) /* orbit generators, greedy independent choice */
        for (long j = i + 1; j < d; j++) {
            ulpm_t34_orbit_vec(ov, P, i, j);
            for (long t = 0; t < D; t++) y[t] = fmpq_get_d(ov + t);
            double n0 = sqrt(dotd(y, y, D));
            if (n0 == 0 || gram_schmidt(y, Q, q, D) < 1e-7 * n0) continue;
            memcpy(Q + q * D, y, (size_t)D * sizeof(double));
            q++;
            r->pairs[2 * r->npairs] = i, r->pairs[2 * r->npairs + 1] = j;
            r->npairs++;
        }
    long q0 = q;
    for (long i = 0; i < D && q < D; i++) { /* complement: unit vectors */
        memset(y, 0, (size_t)D * sizeof(double));
        y[i] = 1;
        if (gram_schmidt(y, Q, q, D) < 1e-3) continue;
        memcpy(Q + q * D, y, (size_t)D * sizeof(double));
        q++;
    }
    long m = D - q0;
    r->m = m;
    double *SQ = malloc((size_t)(m * D) * sizeof(double)), *A = malloc((size_t)(m * m) * sizeof(double));
    double *V = malloc((size_t)(m * m) * sizeof(double));
    r->eig = malloc((size_t)(m > 0 ? m : 1) * sizeof(double));
    for (long t = 0; t < m; t++) ulpm_t34_double_hess_vec(SQ + t * D, P, G, Pm, lam_d, Q + (q0 + t) * D);
    for (long a = 0; a < m; a++)
        for (long b = 0; b < m; b++)
            A[a * m + b] = 0.5 * (dotd(Q + (q0 + a) * D, SQ + b * D, D) + dotd(Q + (q0 + b) * D, SQ + a * D, D));
    jacobi(A, V, r->eig, m);
    r->basis = malloc((size_t)(m * D + 1) * sizeof(slong));
    for (long t = 0; t < m; t++) { /* column t of Q_c V, scaled to max |entry| = 2^20 */
        double mx = 0;
        for (long i = 0; i < D; i++) {
            double s = 0;
            for (long a = 0; a < m; a++) s += Q[(q0 + a) * D + i] * V[a * m + t];
            y[i] = s;
            if (fabs(s) > mx) mx = fabs(s);
        }
        for (long i = 0; i < D; i++) r->basis[t * D + i] = (slong)llround(y[i] / mx * 1048576.0);
    }
    _fmpq_vec_clear(ov, D);
    free(Pm), free(Q), free(y), free(SQ), free(A), free(V);
    return 0;
}

void ulpm_t34_numeric_clear(ulpm_t34_numeric *r)
{
    free(r->pairs), free(r->basis), free(r->eig);
    memset(r, 0, sizeof *r);
}

void ulpm_t34_double_top_singular(double *u, double *v, const double *G0, long K, long N)
{
    double *w = malloc((size_t)K * sizeof(double)), *G = malloc((size_t)(K * N) * sizeof(double)), mx = 0;
    for (long t = 0; t < K * N; t++) mx = fmax(mx, fabs(G0[t]));
    for (long t = 0; t < K * N; t++) G[t] = mx > 0 ? G0[t] / mx : 0; /* no underflow in G^T G */
    for (long c = 0; c < N; c++) v[c] = 1.0 + 0.01 * (double)((c * 7919) % 13);
    for (int it = 0; it < 2000; it++) {
        for (long k = 0; k < K; k++) w[k] = dotd(G + k * N, v, N);
        for (long c = 0; c < N; c++) {
            double s = 0;
            for (long k = 0; k < K; k++) s += G[k * N + c] * w[k];
            v[c] = s;
        }
        double nv = sqrt(dotd(v, v, N));
        if (nv == 0) break;
        for (long c = 0; c < N; c++) v[c] /= nv;
    }
    for (long k = 0; k < K; k++) u[k] = dotd(G + k * N, v, N);
    double nu = sqrt(dotd(u, u, K));
    for (long k = 0; k < K; k++) u[k] = nu > 0 ? u[k] / nu : 0;
    free(w), free(G);
}
