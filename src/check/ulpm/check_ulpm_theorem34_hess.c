/* check_ulpm_theorem34_hess.c: owns the checker's MPFI Hessian of L(W, H) = L(W H) (seed 001
 * eq. (4)) as Hessian-vector products, the second variation q - lambda |v|^2, the interval
 * LDL^T inertia count and the modular full-rank test.
 *   q(v) = <dZ, Hess_Z dZ> + 2 <G, dW dH>,  dZ = dW H + W dH,  Hess_Z = diag(p) - p p^T per column,
 *   (Hess L) v = ((Hess_Z dZ) H^T + G dH^T, W^T (Hess_Z dZ) + dW^T G). */
#include <stdint.h>
#include <stdlib.h>

#include "check_alloc.h"
#include "check_ce.h"
#include "ulpm/check_ulpm_theorem34.h"

void ck_ulpm_t34_hess_init(ck_ulpm_t34_hess *h, const ck_ulpm_t34_pt *P, const mpfi_t lam)
{
    long K = P->K, d = P->d, N = P->N;
    h->P = P;
    h->W = ck_ivec_init(K * d, CK_ULPM_T34_PREC), h->H = ck_ivec_init(d * N, CK_ULPM_T34_PREC);
    h->G = ck_ivec_init(K * N, CK_ULPM_T34_PREC), h->Pm = ck_ivec_init(K * N, CK_ULPM_T34_PREC);
    mpfi_ptr Z = ck_ivec_init(K * N, CK_ULPM_T34_PREC);
    for (long t = 0; t < K * d; t++) mpfi_set_q(&h->W[t], P->W[t]);
    for (long t = 0; t < d * N; t++) mpfi_set_q(&h->H[t], P->H[t]);
    ck_ce_logits(Z, h->W, h->H, K, d, N);
    ck_ce_grad_logits(h->G, Z, K, N, P->n);
    mpfi_t s;
    mpfi_init2(s, CK_ULPM_T34_PREC);
    for (long c = 0; c < N; c++) { /* softmax of the label: 1 / (1 + sum_{j != k} e^{z_j - z_k}) */
        long k = c / P->n;
        mpfi_set_ui(s, 1);
        for (long j = 0; j < K; j++) {
            if (j == k) continue;
            mpfi_set(&h->Pm[j * N + c], &h->G[j * N + c]);
            mpfi_sub(&h->Pm[k * N + c], &Z[j * N + c], &Z[k * N + c]);
            mpfi_exp(&h->Pm[k * N + c], &h->Pm[k * N + c]);
            mpfi_add(s, s, &h->Pm[k * N + c]);
        }
        mpfi_ui_div(&h->Pm[k * N + c], 1, s);
    }
    mpfi_clear(s);
    ck_ivec_clear(Z, K * N);
    mpfi_init2(h->lam, CK_ULPM_T34_PREC);
    mpfi_set(h->lam, lam);
}

void ck_ulpm_t34_hess_clear(ck_ulpm_t34_hess *h)
{
    const ck_ulpm_t34_pt *P = h->P;
    ck_ivec_clear(h->W, P->K * P->d), ck_ivec_clear(h->H, P->d * P->N);
    ck_ivec_clear(h->G, P->K * P->N), ck_ivec_clear(h->Pm, P->K * P->N);
    mpfi_clear(h->lam);
}

void ck_ulpm_t34_hess_vec(mpfi_ptr out, const ck_ulpm_t34_hess *h, mpfi_srcptr v, int minus_lambda)
{
    long K = h->P->K, d = h->P->d, N = h->P->N, D = h->P->D;
    mpfi_srcptr dW = v, dH = v + K * d;
    mpfi_ptr Y = ck_ivec_init(K * N, CK_ULPM_T34_PREC);
    mpfi_t t, pz;
    mpfi_init2(t, CK_ULPM_T34_PREC), mpfi_init2(pz, CK_ULPM_T34_PREC);
    for (long k = 0; k < K; k++)
        for (long c = 0; c < N; c++)
            for (long l = 0; l < d; l++) {
                mpfi_mul(t, &dW[k * d + l], &h->H[l * N + c]);
                mpfi_add(&Y[k * N + c], &Y[k * N + c], t);
                mpfi_mul(t, &h->W[k * d + l], &dH[l * N + c]);
                mpfi_add(&Y[k * N + c], &Y[k * N + c], t);
            }
    mpfi_ptr cz = ck_ivec_init(K, CK_ULPM_T34_PREC);
    for (long c = 0; c < N; c++) { /* Y_c = p o (dz - p.dz): dz_k - p.dz = sum_{i != k} p_i (dz_k - dz_i) */
        for (long k = 0; k < K; k++) {
            mpfi_set_ui(&cz[k], 0);
            for (long i = 0; i < K; i++) {
                if (i == k) continue;
                mpfi_sub(pz, &Y[k * N + c], &Y[i * N + c]);
                mpfi_mul(t, pz, &h->Pm[i * N + c]);
                mpfi_add(&cz[k], &cz[k], t);
            }
        }
        for (long k = 0; k < K; k++) mpfi_mul(&Y[k * N + c], &cz[k], &h->Pm[k * N + c]);
    }
    ck_ivec_clear(cz, K);
    for (long k = 0; k < K; k++)
        for (long l = 0; l < d; l++) {
            mpfi_ptr o = &out[k * d + l];
            mpfi_set_ui(o, 0);
            for (long c = 0; c < N; c++) {
                mpfi_mul(t, &Y[k * N + c], &h->H[l * N + c]);
                mpfi_add(o, o, t);
                mpfi_mul(t, &h->G[k * N + c], &dH[l * N + c]);
                mpfi_add(o, o, t);
            }
        }
    for (long l = 0; l < d; l++)
        for (long c = 0; c < N; c++) {
            mpfi_ptr o = &out[K * d + l * N + c];
            mpfi_set_ui(o, 0);
            for (long k = 0; k < K; k++) {
                mpfi_mul(t, &h->W[k * d + l], &Y[k * N + c]);
                mpfi_add(o, o, t);
                mpfi_mul(t, &dW[k * d + l], &h->G[k * N + c]);
                mpfi_add(o, o, t);
            }
        }
    if (minus_lambda)
        for (long i = 0; i < D; i++) {
            mpfi_mul(t, h->lam, &v[i]);
            mpfi_sub(&out[i], &out[i], t);
        }
    mpfi_clear(t), mpfi_clear(pz);
    ck_ivec_clear(Y, K * N);
}

void ck_ulpm_t34_forms(mpfi_t q, mpfi_t s, const ck_ulpm_t34_hess *h, const mpq_t *v)
{
    long D = h->P->D;
    mpfi_ptr vb = ck_ivec_init(D, CK_ULPM_T34_PREC), hv = ck_ivec_init(D, CK_ULPM_T34_PREC);
    mpq_t nn, t;
    mpq_inits(nn, t, NULL);
    mpfi_t x;
    mpfi_init2(x, CK_ULPM_T34_PREC);
    for (long i = 0; i < D; i++) {
        mpfi_set_q(&vb[i], v[i]);
        mpq_mul(t, v[i], v[i]);
        mpq_add(nn, nn, t);
    }
    ck_ulpm_t34_hess_vec(hv, h, vb, 0);
    mpfi_set_ui(q, 0);
    for (long i = 0; i < D; i++) {
        mpfi_mul(x, &vb[i], &hv[i]);
        mpfi_add(q, q, x);
    }
    mpfi_set_q(x, nn);
    mpfi_mul(x, x, h->lam);
    mpfi_sub(s, q, x);
    mpfi_clear(x);
    mpq_clears(nn, t, NULL);
    ck_ivec_clear(vb, D), ck_ivec_clear(hv, D);
}

int ck_ulpm_t34_ldl_inertia(mpfi_ptr A, long m, long *neg, long *pos)
{
    mpfi_t l, t;
    mpfi_init2(l, CK_ULPM_T34_PREC), mpfi_init2(t, CK_ULPM_T34_PREC);
    *neg = *pos = 0;
    int ok = 1;
    for (long k = 0; ok && k < m; k++) {
        mpfi_ptr piv = &A[k * m + k];
        if (mpfi_has_zero(piv) || mpfi_nan_p(piv)) {
            ok = 0;
            break;
        }
        if (mpfi_is_strictly_neg(piv))
            (*neg)++;
        else
            (*pos)++;
        for (long i = k + 1; i < m; i++) {
            mpfi_div(l, &A[i * m + k], piv);
            for (long j = k + 1; j <= i; j++) {
                mpfi_mul(t, l, &A[j * m + k]);
                mpfi_sub(&A[i * m + j], &A[i * m + j], t);
            }
        }
    }
    mpfi_clear(l), mpfi_clear(t);
    return ok;
}

static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t p)
{
    return (a * b) % p;
}

static uint64_t powmod(uint64_t a, uint64_t e, uint64_t p)
{
    uint64_t r = 1;
    for (; e; e >>= 1, a = mulmod(a, a, p))
        if (e & 1) r = mulmod(r, a, p);
    return r;
}

/* q mod p into *out; -1 when p divides the denominator. */
static int q_mod(const mpq_t q, uint64_t p, uint64_t *out)
{
    uint64_t den = mpz_fdiv_ui(mpq_denref(q), p), num = mpz_fdiv_ui(mpq_numref(q), p);
    if (den == 0) return -1;
    *out = mulmod(num, powmod(den, p - 2, p), p);
    return 0;
}

int ck_ulpm_t34_full_column_rank(mpq_t *M, long rows, long cols)
{
    static const uint64_t primes[] = {2147483647u, 2147483629u, 2147483587u}; /* primes < 2^31 */
    if (cols > rows) return 0;
    uint64_t *A = ck_malloc((size_t)(rows * cols + 1) * sizeof(uint64_t));
    int full = 0;
    for (int pi = 0; pi < 3 && !full; pi++) {
        uint64_t p = primes[pi];
        int bad = 0;
        for (long t = 0; t < rows * cols && !bad; t++) bad = q_mod(M[t], p, &A[t]);
        if (bad) continue;
        long rank = 0; /* Gaussian elimination on columns: A[col*rows + row] */
        for (long c = 0; c < cols; c++) {
            long piv = -1;
            for (long r = rank; r < rows && piv < 0; r++)
                if (A[c * rows + r]) piv = r;
            if (piv < 0) break;
            for (long c2 = 0; c2 < cols; c2++) { /* swap rows piv and rank */
                uint64_t tmp = A[c2 * rows + piv];
                A[c2 * rows + piv] = A[c2 * rows + rank], A[c2 * rows + rank] = tmp;
            }
            uint64_t inv = powmod(A[c * rows + rank], p - 2, p);
            for (long r = rank + 1; r < rows; r++) {
                uint64_t f = mulmod(A[c * rows + r], inv, p);
                if (!f) continue;
                for (long c2 = c; c2 < cols; c2++)
                    A[c2 * rows + r] = (A[c2 * rows + r] + p - mulmod(f, A[c2 * rows + rank], p)) % p;
            }
            rank++;
        }
        full = rank == cols;
    }
    ck_free(A);
    return full;
}
