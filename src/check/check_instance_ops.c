/* check_instance_ops.c: owns the exact bilinear quantities of an instance (dot products,
 * Frobenius norms, column sums, all dot products of one H column), in exact integer
 * arithmetic on the layers of generated instances and in GMP rationals for explicit ones. */
#include "check_alloc.h"
#include "check_instance.h"

#include <stdlib.h>

#define FLUSH_TERMS (1L << 20)             /* int64 partial sums: <= 2^20 products of |x| <= 2^19 */
#define RD_FLUSH_TERMS ((uint64_t)1 << 24) /* uint64 sums of <= 2^24 squares x^2 <= 2^38 */

/* out = sum_{p,q} scale_p scale_q S[p][q] sqrt(n)^(sqrt_p + sqrt_q) */
static void combine(const ck_inst *in, const ck_layer *lx, int nx, const ck_layer *ly, int ny, mpz_t S[2][2],
                    ck_qs *out)
{
    mpq_t t;
    mpq_init(t);
    mpq_set_ui(out->a, 0, 1);
    mpq_set_ui(out->b, 0, 1);
    for (int p = 0; p < nx; p++)
        for (int q = 0; q < ny; q++) {
            mpq_set_z(t, S[p][q]);
            mpq_mul(t, t, lx[p].scale);
            mpq_mul(t, t, ly[q].scale);
            int r = lx[p].sqrt + ly[q].sqrt;
            if (r == 2) mpz_mul(mpq_numref(t), mpq_numref(t), in->m), mpq_canonicalize(t);
            if (r == 1)
                mpq_add(out->b, out->b, t);
            else
                mpq_add(out->a, out->a, t);
        }
    mpq_clear(t);
}

static void S_init(mpz_t S[2][2])
{
    mpz_inits(S[0][0], S[0][1], S[1][0], S[1][1], NULL);
}
static void S_clear(mpz_t S[2][2])
{
    mpz_clears(S[0][0], S[0][1], S[1][0], S[1][1], NULL);
}

/* explicit instances: rational dot product of N terms with strides */
/* sum_l x_l y_l when every denominator is a power of two (data/1 instances, hex entries): the
 * products' numerators added as integers over a running power of two 2^E, no gcd per term.
 * Returns 0 (and sets OUT exactly) or -1 at the first other denominator (OUT untouched). */
static int qdot_dyadic(const mpq_t *x, long sx, const mpq_t *y, long sy, long n, mpq_t out)
{
    mpz_t acc, p;
    mp_bitcnt_t E = 0;
    int ok = 1;
    mpz_inits(acc, p, NULL);
    for (long l = 0; ok && l < n; l++) {
        const mpz_srcptr dx = mpq_denref(x[l * sx]), dy = mpq_denref(y[l * sy]);
        mp_bitcnt_t ex = mpz_scan1(dx, 0), ey = mpz_scan1(dy, 0); /* a power of two: one bit set */
        if (ex + 1 != mpz_sizeinbase(dx, 2) || ey + 1 != mpz_sizeinbase(dy, 2)) {
            ok = 0;
            break;
        }
        mp_bitcnt_t e = ex + ey; /* the product's denominator is 2^e */
        mpz_mul(p, mpq_numref(x[l * sx]), mpq_numref(y[l * sy]));
        if (e > E) {
            mpz_mul_2exp(acc, acc, e - E);
            E = e;
        } else
            mpz_mul_2exp(p, p, E - e);
        mpz_add(acc, acc, p); /* acc / 2^E = the sum so far */
    }
    if (ok) {
        mpq_set_z(out, acc);
        mpq_div_2exp(out, out, E); /* canonical */
    }
    mpz_clears(acc, p, NULL);
    return ok ? 0 : -1;
}

static void qdot(const mpq_t *x, long sx, const mpq_t *y, long sy, long n, ck_qs *out)
{
    mpq_set_ui(out->b, 0, 1);
    if (qdot_dyadic(x, sx, y, sy, n, out->a) == 0) return;
    mpq_t t;
    mpq_init(t);
    mpq_set_ui(out->a, 0, 1);
    for (long l = 0; l < n; l++) {
        mpq_mul(t, x[l * sx], y[l * sy]);
        mpq_add(out->a, out->a, t);
    }
    mpq_clear(t);
}

void ck_inst_dot_wh(const ck_inst *in, long k, long c, ck_qs *out)
{
    long d = in->d, nK = in->n * in->K;
    if (in->kind == CK_EXPLICIT) {
        qdot(in->W + k * d, 1, in->H + c, nK, d, out);
        return;
    }
    mpz_t S[2][2];
    S_init(S);
    for (int p = 0; p < in->nlw; p++)
        for (int q = 0; q < in->nlh; q++) {
            int64_t s = 0; /* |s| <= d 2^38 < 2^55 */
            for (long l = 0; l < d; l++) s += ck_layer_w(in, &in->lw[p], k, l) * ck_layer_h(in, &in->lh[q], l, c);
            mpz_set_si(S[p][q], s);
        }
    combine(in, in->lw, in->nlw, in->lh, in->nlh, S, out);
    S_clear(S);
}

void ck_inst_dot_ww(const ck_inst *in, long k, long j, ck_qs *out)
{
    long d = in->d;
    if (in->kind == CK_EXPLICIT) {
        qdot(in->W + k * d, 1, in->W + j * d, 1, d, out);
        return;
    }
    mpz_t S[2][2];
    S_init(S);
    for (int p = 0; p < in->nlw; p++)
        for (int q = 0; q < in->nlw; q++) {
            int64_t s = 0;
            for (long l = 0; l < d; l++) s += ck_layer_w(in, &in->lw[p], k, l) * ck_layer_w(in, &in->lw[q], j, l);
            mpz_set_si(S[p][q], s);
        }
    combine(in, in->lw, in->nlw, in->lw, in->nlw, S, out);
    S_clear(S);
}

/* sum of X_t^2 over the random-dyadic draws t in [t0, t0 + len): the entries of one generated
 * matrix are consecutive draws (specs/generators.md), so no index arithmetic is needed */
static void rd_sum_squares(uint64_t seed, uint64_t t0, uint64_t len, mpz_t S)
{
    mpz_set_ui(S, 0);
    for (uint64_t a = 0; a < len; a += RD_FLUSH_TERMS) {
        uint64_t b = len - a < RD_FLUSH_TERMS ? len - a : RD_FLUSH_TERMS, acc = 0;
        for (uint64_t t = t0 + a; t < t0 + a + b; t++) {
            int64_t x = ck_rd_value(seed, t);
            acc += (uint64_t)(x * x); /* x^2 <= 2^38: b terms sum below 2^63 */
        }
        mpz_add_ui(S, S, (unsigned long)acc);
    }
}

/* sum over all entries of a generated matrix (ROWS x COLS) of the products of layer values */
static void norm_layers(const ck_inst *in, int is_h, long rows, long cols, ck_qs *out)
{
    const ck_layer *L = is_h ? in->lh : in->lw;
    int nl = is_h ? in->nlh : in->nlw;
    mpz_t S[2][2];
    S_init(S);
    if (nl == 1 && L[0].src == CK_SRC_RD) { /* random-dyadic/1: one run of draws */
        uint64_t t0 = is_h ? (uint64_t)in->K * (uint64_t)in->d : 0;
        rd_sum_squares(in->seed, t0, (uint64_t)rows * (uint64_t)cols, S[0][0]);
        combine(in, L, nl, L, nl, S, out);
        S_clear(S);
        return;
    }
    int64_t acc[2][2] = {{0, 0}, {0, 0}};
    long terms = 0;
    for (long r = 0; r < rows; r++)
        for (long c = 0; c < cols; c++) {
            int64_t x[2];
            for (int p = 0; p < nl; p++) x[p] = is_h ? ck_layer_h(in, &L[p], r, c) : ck_layer_w(in, &L[p], r, c);
            for (int p = 0; p < nl; p++)
                for (int q = 0; q < nl; q++) acc[p][q] += x[p] * x[q];
            if (++terms == FLUSH_TERMS || (r == rows - 1 && c == cols - 1)) {
                for (int p = 0; p < nl; p++)
                    for (int q = 0; q < nl; q++) {
                        mpz_t t;
                        mpz_init_set_si(t, acc[p][q]);
                        mpz_add(S[p][q], S[p][q], t);
                        mpz_clear(t);
                        acc[p][q] = 0;
                    }
                terms = 0;
            }
        }
    combine(in, L, nl, L, nl, S, out);
    S_clear(S);
}

static void norm_q(const mpq_t *x, long n, ck_qs *out)
{
    qdot(x, 1, x, 1, n, out);
}

void ck_inst_norm_w(const ck_inst *in, ck_qs *out)
{
    if (in->kind == CK_EXPLICIT)
        norm_q(in->W, in->K * in->d, out);
    else
        norm_layers(in, 0, in->K, in->d, out);
}

void ck_inst_norm_h(const ck_inst *in, ck_qs *out)
{
    if (in->kind == CK_EXPLICIT)
        norm_q(in->H, in->d * in->n * in->K, out);
    else
        norm_layers(in, 1, in->d, in->n * in->K, out);
}

/* sum_k W[k][l] */
static void ck_inst_wsum(const ck_inst *in, long l, ck_qs *out)
{
    mpq_set_ui(out->a, 0, 1);
    mpq_set_ui(out->b, 0, 1);
    if (in->kind == CK_EXPLICIT) {
        for (long k = 0; k < in->K; k++) mpq_add(out->a, out->a, in->W[k * in->d + l]);
        return;
    }
    mpq_t t;
    mpq_init(t);
    for (int p = 0; p < in->nlw; p++) {
        int64_t s = 0;
        for (long k = 0; k < in->K; k++) s += ck_layer_w(in, &in->lw[p], k, l);
        mpq_set_si(t, s, 1);
        mpq_mul(t, t, in->lw[p].scale);
        mpq_add(in->lw[p].sqrt ? out->b : out->a, in->lw[p].sqrt ? out->b : out->a, t);
    }
    mpq_clear(t);
}

int ck_cols_init(ck_cols *cc, const ck_inst *in, ck_err *e)
{
    cc->in = in;
    cc->wl[0] = cc->wl[1] = cc->hc[0] = cc->hc[1] = NULL;
    if (in->kind == CK_EXPLICIT) return 0;
    for (int p = 0; p < in->nlw; p++) {
        cc->wl[p] = ck_malloc((size_t)in->K * (size_t)in->d * sizeof(int32_t));
        if (!cc->wl[p]) {
            ck_fail(e, CK_MALFORMED, "out of memory (W layers)");
            return -1;
        }
        for (long k = 0; k < in->K; k++)
            for (long l = 0; l < in->d; l++) cc->wl[p][k * in->d + l] = (int32_t)ck_layer_w(in, &in->lw[p], k, l);
    }
    for (int q = 0; q < in->nlh; q++) {
        cc->hc[q] = ck_malloc((size_t)in->d * sizeof(int32_t));
        if (!cc->hc[q]) {
            ck_fail(e, CK_MALFORMED, "out of memory (H column)");
            return -1;
        }
    }
    return 0;
}

void ck_cols_free(ck_cols *cc)
{
    for (int p = 0; p < 2; p++) {
        ck_free(cc->wl[p]);
        ck_free(cc->hc[p]);
    }
}

static void fetch_col(ck_cols *cc, long c)
{
    const ck_inst *in = cc->in;
    for (int q = 0; q < in->nlh; q++)
        for (long l = 0; l < in->d; l++) cc->hc[q][l] = (int32_t)ck_layer_h(in, &in->lh[q], l, c);
}

static int64_t idot(const int32_t *x, const int32_t *y, long d)
{
    int64_t s = 0;
    for (long l = 0; l < d; l++) s += (int64_t)x[l] * y[l];
    return s;
}

int ck_cols_int(ck_cols *cc, long c, int64_t *D)
{
    const ck_inst *in = cc->in;
    if (in->kind == CK_EXPLICIT || in->nlw != 1 || in->nlh != 1) return -1;
    fetch_col(cc, c);
    for (long j = 0; j < in->K; j++) D[j] = idot(cc->wl[0] + j * in->d, cc->hc[0], in->d);
    return 0;
}

void ck_cols_qs(ck_cols *cc, long c, ck_qs *G)
{
    const ck_inst *in = cc->in;
    long d = in->d;
    if (in->kind == CK_EXPLICIT) {
        for (long j = 0; j < in->K; j++) qdot(in->W + j * d, 1, in->H + c, in->n * in->K, d, &G[j]);
        return;
    }
    fetch_col(cc, c);
    mpz_t S[2][2];
    S_init(S);
    for (long j = 0; j < in->K; j++) {
        for (int p = 0; p < in->nlw; p++)
            for (int q = 0; q < in->nlh; q++) mpz_set_si(S[p][q], idot(cc->wl[p] + j * d, cc->hc[q], d));
        combine(in, in->lw, in->nlw, in->lh, in->nlh, S, &G[j]);
    }
    S_clear(S);
}

/* The cheap first part of ck_inst_is_nc (K d operations): 1 iff sum_k w_k = 0 and all ||w_k||
 * are equal, i.e. iff the K^2 d Gram test of ck_inst_is_nc is reached. */
int ck_inst_nc_needs_gram(const ck_inst *in)
{
    ck_qs x, ref;
    int nc = 1;
    ck_qs_init(&x), ck_qs_init(&ref);
    for (long l = 0; nc && l < in->d; l++) {
        ck_inst_wsum(in, l, &x);
        nc = ck_qs_sgn(&x, in->m) == 0;
    }
    if (nc) ck_inst_dot_ww(in, 0, 0, &ref);
    for (long k = 1; nc && k < in->K; k++) {
        ck_inst_dot_ww(in, k, k, &x);
        nc = ck_qs_cmp(&x, &ref, in->m) == 0;
    }
    ck_qs_clear(&x), ck_qs_clear(&ref);
    return nc;
}

/* The NC conditions of ulpm Lemma 3.1's equality case (seed 000 eqs. (11)-(12)), exactly,
 * cheapest test first: sum_k w_k = 0, equal ||w_k||, equal w_k.w_j (k != j), and
 * h_{k,i} = w_k / sqrt(n) for all k, i, the last as sqrt(n) A - 2 sum_{k,i} w_k.h_{k,i} = 0 with
 * A = ||W||^2 + ||H||^2 (it equals sqrt(n) sum ||h_{k,i} - w_k/sqrt(n)||^2 once the norms are
 * equal, and a sum of squares of reals vanishes iff each term does). */
int ck_inst_is_nc(const ck_inst *in, const ck_qs *A)
{
    if (!ck_inst_nc_needs_gram(in)) return 0;
    ck_qs x, ref, t;
    int nc = 1;
    ck_qs_init(&x), ck_qs_init(&ref), ck_qs_init(&t);
    ck_inst_dot_ww(in, 0, 1, &ref);
    for (long k = 0; nc && k < in->K; k++)
        for (long j = k + 1; nc && j < in->K; j++) {
            ck_inst_dot_ww(in, k, j, &x);
            nc = ck_qs_cmp(&x, &ref, in->m) == 0;
        }
    if (nc) {
        mpq_set_ui(t.a, 0, 1), mpq_set_ui(t.b, 0, 1);
        for (long c = 0; c < in->n * in->K; c++) {
            ck_inst_dot_wh(in, c / in->n, c, &x);
            ck_qs_add(&t, &t, &x);
        }
        ck_qs_add(&t, &t, &t);
        ck_qs_mul_sqrt(&x, A, in->m);
        ck_qs_sub(&x, &x, &t);
        nc = ck_qs_sgn(&x, in->m) == 0;
    }
    ck_qs_clear(&x), ck_qs_clear(&ref), ck_qs_clear(&t);
    return nc;
}
