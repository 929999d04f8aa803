/* check_linconv_schur.c: the structured MSE error-bound check (check_linconv_schur.h): every
 * entry of the reduced matrix is computed by its own formula (derivation section 7.4) from MPFI
 * enclosures of the box: [W] = W* +- delta, [h_k] = beta w*_k +- delta (all n samples of class
 * k), [b] = 1/K +- delta; then check_pd at mu_red, and the Schur bound g (section 7.3). */
#include <stdlib.h>
#include "check_alloc.h"
#include "check_limits.h"
#include "check_pd.h"
#include "linconv/check_linconv_schur.h"

int ck_linconv_schur_applies(const ck_linconv_inst *in, int loss)
{
    return loss == CK_LINCONV_MSE && ck_linconv_dim(in, loss) > CK_LINCONV_DENSE_MAX;
}

long ck_linconv_schur_dim(const ck_linconv_inst *in)
{
    return 2 * in->d * in->K + in->K;
}

int ck_linconv_schur_limits(const ck_linconv_inst *in, int split, ck_err *e)
{
    const double K = (double)in->K, d = (double)in->d, n = 2.0 * d * K + K, fi = ck_mpfi_bytes(CK_LINCONV_PREC);
    if (split) { /* the split (section 7.6): the point, the box, HH and WW on K + 2
                                     * coordinates, the core matrix; work: R (K^2 d) and the core's PD */
        const double nc = 2.0 * K * K + K, s = K + 2.0;
        const double bytes = fi * (4.0 * d * K + 2.0 * s * s + 2.0 * K * s) + (fi + 32.0) * nc * nc,
                     ops = K * K * d + 4.0 * K * s * s + nc * nc * nc + (nc + 2.0 * K) * (nc + 4.0 * K);
        return ck_limit_check(e, bytes, ops, "the linconv/1 check (structured, split: K=%ld n=%ld d=%ld, core %.0f)",
                              in->K, in->n, in->d, nc);
    }
    /* the point (W* and one h*_k per class: 2 d K), the reduced matrix and check_pd's 32 bytes per
     * entry; work: the entries (with the tangent term, 4 K^2 d^2 plus its Gram) and check_pd's n^3 */
    const double bytes = fi * 2.0 * d * K + (fi + 32.0) * n * n, ops = 8.0 * K * K * d * d + n * n * n;
    return ck_limit_check(e, bytes, ops, "the linconv/1 check (structured: K=%ld n=%ld d=%ld, reduced dimension %.0f)",
                          in->K, in->n, in->d, n);
}

typedef struct {
    long K, d, N, dS; /* HH, WW, hs, U: on the coordinates a < dS only */
    mpfi_t *Wb, *Hb, *HH, *WW, *R, *hs, *U, *G, *b;
    mpfi_t lw, lh, sn, t;
} ctx;

static mpfi_t *arr(long len)
{
    return ck_linconv_ivec(len);
}

/* the box and the products the entries read */
static void ctx_init(ctx *x, const ck_linconv_inst *in, mpfi_t *W, mpfi_t *H, const mpq_t delta, long c, long dS)
{
    const long K = in->K, d = in->d, N = in->N;
    x->K = K, x->d = d, x->N = N, x->dS = dS;
    x->Wb = arr(d * K), x->Hb = arr(d * K), x->HH = arr(dS * dS), x->WW = arr(dS * dS), x->R = arr(K * K);
    x->hs = arr(dS), x->U = arr(2 * K * dS), x->G = arr(4 * K * K), x->b = arr(K);
    mpfi_init2(x->lw, CK_LINCONV_PREC), mpfi_init2(x->lh, CK_LINCONV_PREC);
    mpfi_init2(x->sn, CK_LINCONV_PREC), mpfi_init2(x->t, CK_LINCONV_PREC);
    mpfi_set_q(x->lw, in->lamW), mpfi_set_q(x->lh, in->lamH);
    mpfi_set_si(x->sn, in->n), mpfi_sqrt(x->sn, x->sn);
    mpq_t md;
    mpq_init(md), mpq_neg(md, delta);
    mpfi_interv_q(x->t, md, delta);
    for (long a = 0; a < d; a++)
        for (long k = 0; k < K; k++) { /* Wb[a K + k] = W*(a,k) + D, Hb[a K + k] = h*_k(a) + D */
            mpfi_add(x->Wb[a * K + k], W[a * K + k], x->t);
            mpfi_add(x->Hb[a * K + k], H[a * K + k], x->t);
            if (a >= dS) continue;
            mpfi_set(x->U[k * dS + a], W[a * K + k]); /* tangent vectors of (W*, sqrt(n) beta W*) */
            mpfi_mul(x->U[(K + k) * dS + a], H[a * K + k], x->sn);
        }
    for (long k = 0; k < K; k++)
        mpfi_set_si(x->b[k], 1), mpfi_div_si(x->b[k], x->b[k], K), mpfi_add(x->b[k], x->b[k], x->t);
    for (long p = 0; p < dS; p++)
        for (long q = 0; q < dS; q++) {
            mpfi_t *hh = &x->HH[p * dS + q], *ww = &x->WW[p * dS + q];
            for (long k = 0; k < K; k++) {
                mpfi_mul(x->t, x->Hb[p * K + k], x->Hb[q * K + k]), mpfi_add(*hh, *hh, x->t);
                mpfi_mul(x->t, x->Wb[p * K + k], x->Wb[q * K + k]), mpfi_add(*ww, *ww, x->t);
            }
            mpfi_div_si(*hh, *hh, K), mpfi_div_si(*ww, *ww, N);
        }
    for (long l = 0; l < K; l++) /* R[l K + k] = [w_l].[h_k] + [b_l] - [l = k] */
        for (long k = 0; k < K; k++) {
            for (long a = 0; a < d; a++)
                mpfi_mul(x->t, x->Wb[a * K + l], x->Hb[a * K + k]), mpfi_add(x->R[l * K + k], x->R[l * K + k], x->t);
            mpfi_add(x->R[l * K + k], x->R[l * K + k], x->b[l]);
            if (l == k) mpfi_sub_ui(x->R[l * K + k], x->R[l * K + k], 1);
        }
    for (long a = 0; a < dS; a++) {
        for (long k = 0; k < K; k++) mpfi_add(x->hs[a], x->hs[a], x->Hb[a * K + k]);
        mpfi_div_si(x->hs[a], x->hs[a], K);
    }
    for (long j = 0; j < 2 * K; j++)
        for (long l = 0; l < 2 * K; l++) {
            for (long a = 0; a < dS; a++) /* u_j[a] = 0 for a >= K, and dS >= K */
                mpfi_mul(x->t, x->U[j * dS + a], x->U[l * dS + a]),
                    mpfi_add(x->G[j * 2 * K + l], x->G[j * 2 * K + l], x->t);
            mpfi_mul_si(x->G[j * 2 * K + l], x->G[j * 2 * K + l], c);
        }
    mpq_clear(md);
}

static void ctx_clear(ctx *x)
{
    const long K = x->K, d = x->d, dS = x->dS;
    ck_linconv_ivec_free(x->Wb, d * K), ck_linconv_ivec_free(x->Hb, d * K), ck_linconv_ivec_free(x->HH, dS * dS);
    ck_linconv_ivec_free(x->WW, dS * dS), ck_linconv_ivec_free(x->R, K * K), ck_linconv_ivec_free(x->hs, dS);
    ck_linconv_ivec_free(x->U, 2 * K * dS), ck_linconv_ivec_free(x->G, 4 * K * K), ck_linconv_ivec_free(x->b, K);
    mpfi_clear(x->lw), mpfi_clear(x->lh), mpfi_clear(x->sn), mpfi_clear(x->t);
}

/* (m_l, w_k) entry (row index q of m_l, column index p of w_k): sqrt(n)/N ([R_kl] [p = q] + [w_k]_q [h_l]_p) */
static void mean_w(mpfi_t v, ctx *x, long l, long q, long k, long p)
{
    const long K = x->K;
    mpfi_mul(v, x->Wb[q * K + k], x->Hb[p * K + l]);
    if (p == q) mpfi_add(v, v, x->R[k * K + l]);
    mpfi_mul(v, v, x->sn), mpfi_div_si(v, v, x->N);
}

/* entry (i, j), i <= j, of M_red + c B0' B0'^T */
static void entry(mpfi_t v, ctx *x, long i, long j, long c)
{
    const long K = x->K, d = x->d, dK = d * K;
    mpfi_set_ui(v, 0);
    if (j >= 2 * dK) { /* column b_l */
        const long l = j - 2 * dK;
        if (i >= 2 * dK)
            mpfi_set_ui(v, i == j);
        else if (i >= dK)
            mpfi_mul(v, x->Wb[(i % d) * K + l], x->sn), mpfi_div_si(v, v, x->N);
        else if (i / d == l)
            mpfi_set(v, x->hs[i % d]);
        return;
    }
    const long J = i / d, p = i % d, L = j / d, q = j % d; /* block indices 0..2K-1 */
    if (J == L) { /* (w_k, w_k): (1/K) sum_j [h_j][h_j]^T + lamW I; (m_k, m_k): (1/N) [W][W]^T + lamH I */
        mpfi_set(v, J < K ? x->HH[p * x->dS + q] : x->WW[p * x->dS + q]);
        if (p == q) mpfi_add(v, v, J < K ? x->lw : x->lh);
    } else if (J < K && L >= K)
        mean_w(v, x, L - K, q, J, p);
    if (c) { /* c ((u_J.u_L) [p = q] - u_L[p] u_J[q]) */
        mpfi_mul(x->t, x->U[L * x->dS + p], x->U[J * x->dS + q]), mpfi_mul_si(x->t, x->t, c);
        mpfi_sub(v, v, x->t);
        if (p == q) mpfi_add(v, v, x->G[J * 2 * K + L]);
    }
}

int ck_linconv_schur_region(const ck_linconv_inst *in, mpfi_t *W, mpfi_t *H, const mpq_t delta, long c,
                            const mpq_t mu_red, double shift)
{
    const long n = ck_linconv_schur_dim(in);
    ctx x;
    ctx_init(&x, in, W, H, delta, c, in->d);
    mpfi_t *A = ck_malloc(sizeof(mpfi_t) * (size_t)(n * n));
    for (long t = 0; t < n * n; t++) mpfi_init2(A[t], CK_LINCONV_PREC);
    for (long i = 0; i < n; i++)
        for (long j = i; j < n; j++) {
            entry(A[i * n + j], &x, i, j, c);
            if (j != i) mpfi_set(A[j * n + i], A[i * n + j]);
        }
    const int ok = ck_pd_verify_shift(A, n, mu_red, shift);
    for (long t = 0; t < n * n; t++) mpfi_clear(A[t]);
    ck_free(A);
    ctx_clear(&x);
    return ok;
}

int ck_linconv_schur_gap_ok(const ck_linconv_inst *in, mpfi_t *W, const mpq_t delta, const mpq_t mu, const mpq_t mu_red)
{
    if (mpq_sgn(mu) <= 0 || mpq_cmp(mu, in->lamH) >= 0) return 0;
    mpfi_t f, t;
    mpfi_init2(f, CK_LINCONV_PREC), mpfi_init2(t, CK_LINCONV_PREC);
    mpfi_set_ui(f, 0);
    for (long i = 0; i < in->d * in->K; i++) mpfi_sqr(t, W[i]), mpfi_add(f, f, t);
    mpfi_sqrt(f, f), mpfi_add_q(f, f, delta), mpfi_mul_q(f, f, delta), mpfi_sqr(f, f); /* ((||W*|| + d) d)^2 */
    mpfi_mul_ui(f, f, 4), mpfi_div_si(f, f, in->N), mpfi_div_si(f, f, in->N);
    mpfi_set_q(t, in->lamH), mpfi_sub_q(t, t, mu), mpfi_div(f, f, t); /* lamH - mu > 0 (exact test above) */
    mpfi_add_q(f, f, mu);
    const int ok = !mpfi_nan_p(f) && mpfr_cmp_q(&f->right, mu_red) <= 0;
    mpfi_clear(f), mpfi_clear(t);
    return ok;
}

/* ---- section 7.6: the split of M_red into a core and d - K identical 2K-blocks ---- */

long ck_linconv_split_core_dim(const ck_linconv_inst *in)
{
    return 2 * in->K * in->K + in->K;
}

/* reduced index of position t of the core: w_k[p], m_k[p] (p < K), then b */
static long core_at(const ctx *x, long t)
{
    const long K = x->K, d = x->d;
    if (t >= 2 * K * K) return 2 * d * K + t - 2 * K * K;
    return (t / K) * d + t % K; /* w_k[p] = k d + p; m_k[p] = dK + k d + p = (K + k) d + p */
}

/* reduced index of position t of the block of coordinate a >= K: w_0[a]..w_{K-1}[a], m_0[a].. */
static long block_at(const ctx *x, long t, long a)
{
    return t * x->d + a;
}

static void entry_sym(mpfi_t v, ctx *x, long i, long j, long c)
{
    entry(v, x, i < j ? i : j, i < j ? j : i, c);
}

/* the n x n matrix of entries (rows idx_r, columns idx_c) and its PD test at mu with the shift */
static int pd_of(ctx *x, long n, int core, long a, long c, const mpq_t mu, double shift)
{
    mpfi_t *A = ck_linconv_ivec(n * n);
    for (long s = 0; s < n; s++)
        for (long t = 0; t < n; t++)
            entry_sym(A[s * n + t], x, core ? core_at(x, s) : block_at(x, s, a),
                      core ? core_at(x, t) : block_at(x, t, a), c);
    const int ok = ck_pd_verify_shift(A, n, mu, shift);
    ck_linconv_ivec_free(A, n * n);
    return ok;
}

/* f += m * sum over the n columns (core, or block a) of upper |entry(i, .)| */
static void row_part(mpfr_t f, ctx *x, long i, long n, int core, long a, long m, long c)
{
    mpfi_t v;
    mpfr_t s, u;
    mpfi_init2(v, CK_LINCONV_PREC), mpfr_init2(s, CK_LINCONV_PREC), mpfr_init2(u, CK_LINCONV_PREC);
    mpfr_set_ui(s, 0, MPFR_RNDU);
    for (long t = 0; t < n; t++) {
        entry_sym(v, x, i, core ? core_at(x, t) : block_at(x, t, a), c);
        mpfi_mag(u, v), mpfr_add(s, s, u, MPFR_RNDU);
    }
    mpfr_mul_si(s, s, m, MPFR_RNDU), mpfr_add(f, f, s, MPFR_RNDU);
    mpfi_clear(v), mpfr_clear(s), mpfr_clear(u);
}

int ck_linconv_split_region(const ck_linconv_inst *in, mpfi_t *W, mpfi_t *H, const mpq_t delta, long c,
                            const mpq_t mu_core, double sh_core, const mpq_t mu_block, double sh_block,
                            const mpq_t mu_red)
{
    const long K = in->K, d = in->d, nout = d - K, nc = ck_linconv_split_core_dim(in), nb = 2 * K, a0 = K;
    ctx x;
    ctx_init(&x, in, W, H, delta, c, d < K + 2 ? d : K + 2);
    int ok = pd_of(&x, nc, 1, 0, c, mu_core, sh_core) && (nout == 0 || pd_of(&x, nb, 0, a0, c, mu_block, sh_block));
    mpfr_t rho, f;
    mpfr_init2(rho, CK_LINCONV_PREC), mpfr_init2(f, CK_LINCONV_PREC);
    mpfr_set_ui(rho, 0, MPFR_RNDU);
    for (long s = 0; ok && nout > 0 && s < nc + nb; s++) { /* the largest off-block row sum */
        mpfr_set_ui(f, 0, MPFR_RNDU);
        if (s < nc) { /* a core row: the d - K blocks, all alike */
            row_part(f, &x, core_at(&x, s), nb, 0, a0, nout, c);
        } else { /* a row of block a0: the core, and the d - K - 1 other blocks, all alike */
            row_part(f, &x, block_at(&x, s - nc, a0), nc, 1, 0, 1, c);
            if (nout > 1) row_part(f, &x, block_at(&x, s - nc, a0), nb, 0, a0 + 1, nout - 1, c);
        }
        mpfr_max(rho, rho, f, MPFR_RNDU);
    }
    if (ok) { /* mu_red + rho <= min(mu_core, mu_block) */
        mpfr_add_q(f, rho, mu_red, MPFR_RNDU);
        ok = mpfr_cmp_q(f, mu_core) <= 0 && (nout == 0 || mpfr_cmp_q(f, mu_block) <= 0);
    }
    mpfr_clear(rho), mpfr_clear(f);
    ctx_clear(&x);
    return ok;
}
