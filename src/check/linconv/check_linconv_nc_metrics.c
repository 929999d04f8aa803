/* check_linconv_nc_metrics.c: owns the check of claim linconv.nc-metrics (a measurement): the
 * enclosures of NC2 and NC3 at a point with rational entries, recomputed exactly. With
 * E = I_K - (1/K) 1 1^T, for A = W W^T (NC2, from the products w_k.w_j) and A = W Hbar (NC3;
 * Hbar's column j = the mean of class j minus the global mean, from the class sums S_j of H:
 * (W Hbar)_{kj} = w_k . (K S_j - sum_j' S_j') / (n K)):
 *     NC = sqrt(2 - 2t),  t = c / sqrt((K-1) s),  c = tr A - (1/K) 1^T A 1,  s = ||A||_F^2 > 0,
 * and lo <= NC <= hi is decided exactly: NC <= hi iff t >= (2 - hi^2)/2 (hi >= 0), NC >= lo iff
 * lo <= 0 or t <= (2 - lo^2)/2, each comparison of t = c/sqrt(D) with a rational by signs and
 * squares (proofs/derivations/linconv-nc-metrics.md). */
#include "check_alloc.h"
#include "check_claims.h"
#include "check_decision.h"
#include "check_enclosure.h"
#include "check_instance.h"
#include "check_limits.h"

static const char *const QNAMES[] = {"nc2", "nc3", NULL};
static const char *const ASSERTIONS[] = {"NC2 and NC3 enclosed", NULL};

/* sign of c/sqrt(D) - r (D > 0), exactly */
static int cmp_t(const mpq_t c, const mpq_t D, const mpq_t r)
{
    int sc = mpq_sgn(c), sr = mpq_sgn(r);
    if (sc >= 0 && sr < 0) return 1;
    if (sc < 0 && sr >= 0) return -1;
    mpq_t u, v;
    mpq_init(u), mpq_init(v);
    mpq_mul(u, c, c);
    mpq_mul(v, r, r);
    mpq_mul(v, v, D);
    int su = mpq_cmp(u, v);
    mpq_clear(u), mpq_clear(v);
    su = su > 0 ? 1 : su < 0 ? -1 : 0;
    return sc >= 0 ? su : -su;
}

/* r = (2 - x^2)/2 */
static void half_two_minus_sq(mpq_t r, const mpq_t x)
{
    mpq_t two;
    mpq_init(two);
    mpq_set_ui(two, 2, 1);
    mpq_mul(r, x, x);
    mpq_sub(r, two, r);
    mpq_div(r, r, two);
    mpq_clear(two);
}

/* Invalid unless the enclosure NAME of QJ contains sqrt(2 - 2c/sqrt((K-1) s)). */
static int verify_metric(const json_t *qj, const char *name, const mpq_t c, const mpq_t s, long K, ck_err *e)
{
    ck_encl q;
    mpq_t D, r;
    ck_encl_init(&q), mpq_init(D), mpq_init(r);
    int rc = -1;
    if (mpq_sgn(s) == 0) {
        ck_fail(e, CK_INVALID, "quantity %s: the matrix is 0, the metric is undefined", name);
        goto out;
    }
    if (ck_encl_parse(json_object_get(qj, name), name, &q, e) ||
        ck_encl_check_interval(&q, name, "a metric has no exact field", e))
        goto out;
    mpq_set_si(D, K - 1, 1);
    mpq_mul(D, D, s);
    half_two_minus_sq(r, q.hi);
    int upper = mpq_sgn(q.hi) >= 0 && cmp_t(c, D, r) >= 0;
    half_two_minus_sq(r, q.lo);
    int lower = mpq_sgn(q.lo) <= 0 || cmp_t(c, D, r) <= 0;
    if (!upper || !lower) {
        ck_fail(e, CK_INVALID, "quantity %s: [lo, hi] does not contain the exact value (it is %s)", name,
                upper ? "below lo" : "above hi");
        goto out;
    }
    rc = 0;
out:
    ck_encl_clear(&q), mpq_clear(D), mpq_clear(r);
    return rc;
}

/* c = tr A - (1/K) 1^T A 1, s = ||A||_F^2 of the K x K matrix A (row-major). */
static void trace_gram(mpq_t c, mpq_t s, mpq_t *A, long K)
{
    mpq_t sum, t;
    mpq_init(sum), mpq_init(t);
    mpq_set_ui(c, 0, 1), mpq_set_ui(s, 0, 1);
    for (long i = 0; i < K * K; i++) {
        mpq_add(sum, sum, A[i]);
        mpq_mul(t, A[i], A[i]);
        mpq_add(s, s, t);
        if (i % (K + 1) == 0) mpq_add(c, c, A[i]);
    }
    mpq_set_si(t, K, 1);
    mpq_div(sum, sum, t);
    mpq_sub(c, c, sum);
    mpq_clear(sum), mpq_clear(t);
}

/* Into X (rational): entry (r, col) of W (h = 0: X[r*d + col]) or of H (h = 1: entry (l = r, c =
 * col)), summed over COUNT consecutive columns col, col+1, ...; -1 if a sqrt(n) layer is met. */
static int entry_sum(const ck_inst *in, int h, long r, long col, long count, mpq_t x)
{
    mpq_set_ui(x, 0, 1);
    if (in->kind == CK_EXPLICIT) {
        long N = in->n * in->K;
        for (long t = 0; t < count; t++) mpq_add(x, x, h ? in->H[r * N + col + t] : in->W[r * in->d + col + t]);
        return 0;
    }
    mpq_t t;
    mpq_init(t);
    int rc = 0;
    for (int p = 0; p < (h ? in->nlh : in->nlw) && !rc; p++) {
        const ck_layer *L = h ? &in->lh[p] : &in->lw[p];
        int64_t v = 0; /* |X| <= 2^19, count <= 2^28: no overflow */
        for (long u = 0; u < count; u++) v += h ? ck_layer_h(in, L, r, col + u) : ck_layer_w(in, L, r, col + u);
        if (L->sqrt && v) rc = -1;
        mpq_set_si(t, v, 1);
        mpq_mul(t, t, L->scale);
        mpq_add(x, x, t);
    }
    mpq_clear(t);
    return rc;
}

/* G = W W^T and M = W Hbar (Hbar's column j = hbar_j - h_G from the class sums of H), exactly;
 * -1 (e set) if an entry has a sqrt(n) part. */
static int matrices(const ck_inst *in, mpq_t *G, mpq_t *M, ck_err *e)
{
    long K = in->K, n = in->n, d = in->d;
    mpq_t *W = ck_malloc((size_t)(2 * K + 1) * d * sizeof *W), *S = W ? W + K * d : NULL, *g = S ? S + K * d : NULL;
    ck_qs x;
    int rc = -1;
    if (!W) {
        ck_fail(e, CK_MALFORMED, "out of memory (NC metrics)");
        return -1;
    }
    ck_qs_init(&x);
    for (long t = 0; t < (2 * K + 1) * d; t++) mpq_init(W[t]);
    int irr = 0;
    for (long k = 0; k < K && !irr; k++)
        for (long l = 0; l < d && !irr; l++) irr = entry_sum(in, 0, k, l, 1, W[k * d + l]);
    for (long j = 0; j < K && !irr; j++) /* S_j = sum_i h_{j,i}, g = sum_j S_j */
        for (long l = 0; l < d && !irr; l++) {
            irr = entry_sum(in, 1, l, j * n, n, S[j * d + l]);
            mpq_add(g[l], g[l], S[j * d + l]);
        }
    for (long k = 0; k < K && !irr; k++)
        for (long j = 0; j < K && !irr; j++) {
            ck_inst_dot_ww(in, k, j, &x);
            irr = mpq_sgn(x.b) != 0;
            mpq_set(G[k * K + j], x.a);
        }
    if (irr) {
        ck_fail(e, CK_MALFORMED, "instance: linconv.nc-metrics takes rational entries only (no sqrt(n) part)");
        goto out;
    }
    mpq_t f, t;
    mpq_init(f), mpq_init(t);
    for (long j = 0; j < K; j++) /* S_j becomes n K (hbar_j - h_G) = K S_j - g */
        for (long l = 0; l < d; l++) {
            mpq_set_si(f, K, 1);
            mpq_mul(t, S[j * d + l], f);
            mpq_sub(S[j * d + l], t, g[l]);
        }
    mpq_set_si(f, n * K, 1);
    for (long k = 0; k < K; k++) /* M[k][j] = w_k . (K S_j - g) / (n K) */
        for (long j = 0; j < K; j++) {
            mpq_set_ui(M[k * K + j], 0, 1);
            for (long l = 0; l < d; l++) {
                mpq_mul(t, W[k * d + l], S[j * d + l]);
                mpq_add(M[k * K + j], M[k * K + j], t);
            }
            mpq_div(M[k * K + j], M[k * K + j], f);
        }
    mpq_clear(f), mpq_clear(t);
    rc = 0;
out:
    for (long t2 = 0; t2 < (2 * K + 1) * d; t2++) mpq_clear(W[t2]);
    ck_free(W);
    ck_qs_clear(&x);
    return rc;
}

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(linconv, nc_metrics, "linconv.nc-metrics");

int ck_claim_linconv_nc_metrics(const json_t *root, ck_verdict verdict, ck_err *e)
{
    const char *as;
    if (ck_assertion_index(root, ASSERTIONS, &as, e) < 0) return -1;
    if (verdict != CK_PROVED) {
        ck_fail(e, CK_INVALID, "verdict %s: a measurement whose enclosures are certified is PROVED",
                ck_verdict_name(verdict));
        return -1;
    }
    ck_inst in;
    json_t *qj = ck_get_obj(root, "certificate", "quantities", e);
    if (!qj || ck_keys(qj, "quantities", QNAMES, NULL, e)) return -1;
    if (ck_inst_parse(json_object_get(root, "instance"), &in, e)) { /* IN is initialised even then */
        ck_inst_free(&in);
        return -1;
    }
    long K = in.K;
    int rc = -1;
    mpq_t *A = NULL, c, s;
    mpq_init(c), mpq_init(s);
    if (ck_inst_limit(&in, "linconv.nc-metrics",
                      2.0 * K * K * ck_mpq_bytes(256) + (2.0 * K + 1) * in.d * ck_mpq_bytes(256),
                      (double)in.n * K * in.d + 2.0 * K * K * in.d, e))
        goto out;
    A = ck_malloc(2 * (size_t)K * K * sizeof *A);
    if (!A) {
        ck_fail(e, CK_MALFORMED, "out of memory (NC metrics)");
        goto out;
    }
    for (long t = 0; t < 2 * K * K; t++) mpq_init(A[t]);
    if (matrices(&in, A, A + K * K, e)) goto out_a;
    trace_gram(c, s, A, K);
    if (verify_metric(qj, "nc2", c, s, K, e)) goto out_a;
    trace_gram(c, s, A + K * K, K);
    if (verify_metric(qj, "nc3", c, s, K, e)) goto out_a;
    rc = 0;
out_a:
    for (long t = 0; t < 2 * K * K; t++) mpq_clear(A[t]);
out:
    ck_free(A);
    mpq_clear(c), mpq_clear(s);
    ck_inst_free(&in);
    return rc;
}
