/* check_msecp_mat.c: owns nccheck's exact rational matrix operations (check_msecp_mat.h). */
#include "check_alloc.h"
#include "msecp/check_msecp_mat.h"

#include <stdlib.h>

ckm *ck_msecp_mat_new(long r, long c)
{
    ckm *m = ck_malloc(sizeof *m);
    if (!m) return NULL;
    m->r = r, m->c = c;
    m->a = ck_malloc((size_t)(r * c > 0 ? r * c : 1) * sizeof(mpq_t));
    if (!m->a) {
        ck_free(m);
        return NULL;
    }
    for (long t = 0; t < r * c; t++) mpq_init(m->a[t]);
    return m;
}

void ck_msecp_mat_free(ckm *m)
{
    if (!m) return;
    for (long t = 0; t < m->r * m->c; t++) mpq_clear(m->a[t]);
    ck_free(m->a);
    ck_free(m);
}

ckm *ck_msecp_mat_copy(const ckm *m)
{
    ckm *x = ck_msecp_mat_new(m->r, m->c);
    for (long t = 0; x && t < m->r * m->c; t++) mpq_set(x->a[t], m->a[t]);
    return x;
}

ckm *ck_msecp_mat_mul(const ckm *x, const ckm *y)
{
    ckm *z = ck_msecp_mat_new(x->r, y->c);
    mpq_t t;
    mpq_init(t);
    for (long i = 0; i < x->r; i++)
        for (long k = 0; k < x->c; k++) {
            if (mpq_sgn(CKM(x, i, k)) == 0) continue;
            for (long j = 0; j < y->c; j++) {
                mpq_mul(t, CKM(x, i, k), CKM(y, k, j));
                mpq_add(CKM(z, i, j), CKM(z, i, j), t);
            }
        }
    mpq_clear(t);
    return z;
}

ckm *ck_msecp_mat_tr(const ckm *x)
{
    ckm *z = ck_msecp_mat_new(x->c, x->r);
    for (long i = 0; i < x->r; i++)
        for (long j = 0; j < x->c; j++) mpq_set(CKM(z, j, i), CKM(x, i, j));
    return z;
}

ckm *ck_msecp_mat_lin(const ckm *x, long sx, const ckm *y, long sy)
{
    ckm *z = ck_msecp_mat_new(x->r, x->c);
    for (long t = 0; t < x->r * x->c; t++) {
        if (sx > 0) mpq_add(z->a[t], z->a[t], x->a[t]);
        if (sx < 0) mpq_sub(z->a[t], z->a[t], x->a[t]);
        if (sy > 0) mpq_add(z->a[t], z->a[t], y->a[t]);
        if (sy < 0) mpq_sub(z->a[t], z->a[t], y->a[t]);
    }
    return z;
}

void ck_msecp_mat_scale(ckm *m, const mpq_t s)
{
    for (long t = 0; t < m->r * m->c; t++) mpq_mul(m->a[t], m->a[t], s);
}

void ck_msecp_mat_add_diag(ckm *m, const mpq_t s)
{
    for (long i = 0; i < m->r; i++) mpq_add(CKM(m, i, i), CKM(m, i, i), s);
}

/* Gauss-Jordan on [X | I] with the first non-zero pivot of each column (exact). */
ckm *ck_msecp_mat_inv(const ckm *x)
{
    long n = x->r;
    ckm *a = ck_msecp_mat_copy(x), *b = ck_msecp_mat_new(n, n);
    mpq_t f, t;
    mpq_init(f), mpq_init(t);
    for (long i = 0; i < n; i++) mpq_set_ui(CKM(b, i, i), 1, 1);
    for (long col = 0; col < n; col++) {
        long piv = -1;
        for (long i = col; i < n && piv < 0; i++)
            if (mpq_sgn(CKM(a, i, col)) != 0) piv = i;
        if (piv < 0) {
            ck_msecp_mat_free(a), ck_msecp_mat_free(b), a = b = NULL;
            break;
        }
        for (long j = 0; j < n; j++) {
            mpq_swap(CKM(a, col, j), CKM(a, piv, j));
            mpq_swap(CKM(b, col, j), CKM(b, piv, j));
        }
        mpq_inv(f, CKM(a, col, col));
        for (long j = 0; j < n; j++) {
            mpq_mul(CKM(a, col, j), CKM(a, col, j), f);
            mpq_mul(CKM(b, col, j), CKM(b, col, j), f);
        }
        for (long i = 0; i < n; i++) {
            if (i == col || mpq_sgn(CKM(a, i, col)) == 0) continue;
            mpq_set(f, CKM(a, i, col));
            for (long j = 0; j < n; j++) {
                mpq_mul(t, f, CKM(a, col, j));
                mpq_sub(CKM(a, i, j), CKM(a, i, j), t);
                mpq_mul(t, f, CKM(b, col, j));
                mpq_sub(CKM(b, i, j), CKM(b, i, j), t);
            }
        }
    }
    mpq_clear(f), mpq_clear(t);
    ck_msecp_mat_free(a);
    return b;
}

void ck_msecp_mat_trace(mpq_t out, const ckm *m)
{
    mpq_set_ui(out, 0, 1);
    for (long i = 0; i < m->r; i++) mpq_add(out, out, CKM(m, i, i));
}

void ck_msecp_mat_frob2(mpq_t out, const ckm *m)
{
    mpq_t t;
    mpq_init(t);
    mpq_set_ui(out, 0, 1);
    for (long k = 0; k < m->r * m->c; k++) {
        mpq_mul(t, m->a[k], m->a[k]);
        mpq_add(out, out, t);
    }
    mpq_clear(t);
}

void ck_msecp_mat_dist2(mpq_t out, const ckm *x, const ckm *y)
{
    ckm *d = ck_msecp_mat_lin(x, 1, y, -1);
    ck_msecp_mat_frob2(out, d);
    ck_msecp_mat_free(d);
}

int ck_msecp_mat_is_symmetric(const ckm *m)
{
    if (m->r != m->c) return 0;
    for (long i = 0; i < m->r; i++)
        for (long j = 0; j < i; j++)
            if (!mpq_equal(CKM(m, i, j), CKM(m, j, i))) return 0;
    return 1;
}

/* x y through integers: x = X / Lx, y = Y / Ly with Lx, Ly the lcm of the denominators, one
 * canonicalisation per entry of the result (the per-term gcds of ck_msecp_mat_mul dominate otherwise). */
ckm *ck_msecp_mat_mul_cd(const ckm *x, const ckm *y)
{
    long R = x->r, K = x->c, Cc = y->c;
    mpz_t Lx, Ly, t, *X = ck_malloc((size_t)(R * K + 1) * sizeof(mpz_t)),
                     *Y = ck_malloc((size_t)(K * Cc + 1) * sizeof(mpz_t));
    mpz_inits(Lx, Ly, t, NULL);
    mpz_set_ui(Lx, 1), mpz_set_ui(Ly, 1);
    for (long k = 0; k < R * K; k++) mpz_lcm(Lx, Lx, mpq_denref(x->a[k]));
    for (long k = 0; k < K * Cc; k++) mpz_lcm(Ly, Ly, mpq_denref(y->a[k]));
    for (long k = 0; k < R * K; k++) {
        mpz_init(X[k]);
        mpz_divexact(X[k], Lx, mpq_denref(x->a[k]));
        mpz_mul(X[k], X[k], mpq_numref(x->a[k]));
    }
    for (long k = 0; k < K * Cc; k++) {
        mpz_init(Y[k]);
        mpz_divexact(Y[k], Ly, mpq_denref(y->a[k]));
        mpz_mul(Y[k], Y[k], mpq_numref(y->a[k]));
    }
    ckm *z = ck_msecp_mat_new(R, Cc);
    mpz_mul(Lx, Lx, Ly);
    for (long i = 0; i < R; i++)
        for (long j = 0; j < Cc; j++) {
            mpz_set_ui(t, 0);
            for (long k = 0; k < K; k++) mpz_addmul(t, X[i * K + k], Y[k * Cc + j]);
            mpz_set(mpq_numref(CKM(z, i, j)), t);
            mpz_set(mpq_denref(CKM(z, i, j)), Lx);
            mpq_canonicalize(CKM(z, i, j));
        }
    for (long k = 0; k < R * K; k++) mpz_clear(X[k]);
    for (long k = 0; k < K * Cc; k++) mpz_clear(Y[k]);
    ck_free(X), ck_free(Y);
    mpz_clears(Lx, Ly, t, NULL);
    return z;
}
