/* check_ulpm_example31.c: owns the check of claim ulpm.example-3.1 (seed 001 Example 3.1 =
 * seed 000 Example C.1): the instance (a given C or a box of C), the part, the witnesses
 * (leaves of the box, multipliers, ratios, perturbation parameters), every quantity, the
 * assertion and the verdict. Exact quantities in GMP rationals; interval quantities with MPFI
 * on every leaf (a leaf whose interval does not fit is split, up to 2^6 pieces): the checker's
 * interval must lie inside the stated [lo, hi]. Spec: specs/claims/ulpm.example-3.1.md. */
#include <stdlib.h>
#include <string.h>

#include "check_alloc.h"
#include "check_claims.h"
#include "check_enclosure.h"
#include "check_rational.h"
#include "ulpm/check_ulpm_example31.h"
#include "check_decision.h"

#define CK_ULPM_EX31_MAX_LEAVES 4096
#define CK_ULPM_EX31_SPLIT_DEPTH 6

static const char *const PARTS[] = {"separation", "kkt", "parallel", "eq9", "curve55", "family10", NULL};
static const char *const NORMS[] = {"sqrt2", "2sqrt2", "none", NULL};
static const char *const IQ[CK_ULPM_EX31_NPARTS][4] = {{"q_partner", "q_cross", NULL},
                                                       {NULL},
                                                       {"mu", NULL},
                                                       {"coef_derived", "coef_printed", "difference", NULL},
                                                       {"f2", "loss_d2", NULL},
                                                       {"lemma_margin", "dist_sq_bound", NULL}};
static const int ISIGN[CK_ULPM_EX31_NPARTS][3] = {{1, 1}, {0}, {-1}, {0, 0, -1}, {-1, -1}, {1, 0}};
static const char *const ASSERT_OK[CK_ULPM_EX31_NPARTS] = {"all margins > 0",
                                                           NULL,
                                                           "grad L = mu (W, H) with mu < 0",
                                                           "(9) disagrees with the gradient of (4)",
                                                           "L decreases along (55): f''(0) < 0",
                                                           "(11) fails along (10) near (W, H)"};
static const char *const KKT_AS[] = {"KKT point of (5) with multipliers (8)",
                                     "negative multiplier in (8)",
                                     "stationarity fails with multipliers (8)",
                                     "infeasible for (5)",
                                     "complementary slackness fails with multipliers (8)",
                                     NULL};

typedef struct {
    int box, part, norm;
    mpq_t C, lo, hi;
    long nl;
    mpq_t *llo, *lhi; /* leaves */
    long *k;          /* family10: sqrt(eps0) = 2^-k per leaf */
    mpfr_prec_t prec;
} ck_ulpm_ex31_ctx;

static int find(const char *const *list, const char *s)
{
    for (int t = 0; list[t]; t++)
        if (strcmp(list[t], s) == 0) return t;
    return -1;
}

static int get_q(const json_t *o, const char *what, const char *key, mpq_t q, ck_err *e)
{
    const char *s = ck_get_str(o, what, key, e);
    if (!s) return -1;
    if (ck_parse_entry(s, q)) {
        ck_fail(e, CK_MALFORMED, "%s.%s: not a rational", what, key);
        return -1;
    }
    return 0;
}

static int q_in(const mpq_t q, long num, unsigned long den, long hi)
{
    mpq_t a;
    mpq_init(a);
    mpq_set_si(a, num, den);
    int ok = mpq_cmp(q, a) >= 0 && mpq_cmp_si(q, hi, 1) <= 0;
    mpq_clear(a);
    return ok;
}

static int parse_instance(const json_t *j, ck_ulpm_ex31_ctx *x, ck_err *e)
{
    static const char *const K1[] = {"kind", "C", "part", NULL}, *const K1N[] = {"kind", "C", "part", "normalisation",
                                                                                 NULL};
    static const char *const KB[] = {"kind", "C_lo", "C_hi", "part", NULL};
    if (!json_is_object(j)) {
        ck_fail(e, CK_MALFORMED, "instance: not an object");
        return -1;
    }
    const char *kind = ck_get_str(j, "instance", "kind", e), *part = ck_get_str(j, "instance", "part", e);
    if (!kind || !part) return -1;
    if ((x->part = find(PARTS, part)) < 0) {
        ck_fail(e, CK_MALFORMED, "instance.part: unknown part");
        return -1;
    }
    if (strcmp(kind, "example-3.1/1") == 0) {
        x->box = 0;
        if (ck_keys(j, "instance", x->part == CK_ULPM_EX31_KKT ? K1N : K1, NULL, e) ||
            get_q(j, "instance", "C", x->C, e))
            return -1;
        if (!q_in(x->C, 1, 1024, 8)) {
            ck_fail(e, CK_MALFORMED, "instance.C: outside [1/1024, 8]");
            return -1;
        }
        mpq_set(x->lo, x->C);
        mpq_set(x->hi, x->C);
        if (x->part == CK_ULPM_EX31_KKT) {
            const char *nm = ck_get_str(j, "instance", "normalisation", e);
            if (!nm || (x->norm = find(NORMS, nm)) < 0) {
                ck_fail(e, CK_MALFORMED, "instance.normalisation: sqrt2, 2sqrt2 or none");
                return -1;
            }
        }
        return 0;
    }
    if (strcmp(kind, "example-3.1-box/1") != 0) {
        ck_fail(e, CK_MALFORMED, "instance.kind: unknown kind");
        return -1;
    }
    x->box = 1;
    if (x->part == CK_ULPM_EX31_KKT) {
        ck_fail(e, CK_MALFORMED, "instance: part kkt has no box kind");
        return -1;
    }
    if (ck_keys(j, "instance", KB, NULL, e) || get_q(j, "instance", "C_lo", x->lo, e) ||
        get_q(j, "instance", "C_hi", x->hi, e))
        return -1;
    if (!q_in(x->lo, 1, 64, 8) || !q_in(x->hi, 1, 64, 8) || mpq_cmp(x->lo, x->hi) >= 0) {
        ck_fail(e, CK_MALFORMED, "instance: need 1/64 <= C_lo < C_hi <= 8");
        return -1;
    }
    return 0;
}

/* leaves of a box: contiguous, increasing, covering [C_lo, C_hi] exactly */
static int parse_leaves(const json_t *w, ck_ulpm_ex31_ctx *x, ck_err *e)
{
    static const char *const LK[] = {"C_lo", "C_hi", NULL}, *const LKF[] = {"C_lo", "C_hi", "eps0_sqrt_log2", NULL};
    json_t *a = ck_get_arr(w, "witnesses", "leaves", e), *l;
    if (!a) return -1;
    size_t n = json_array_size(a), t;
    if (n < 1 || n > CK_ULPM_EX31_MAX_LEAVES) {
        ck_fail(e, CK_MALFORMED, "witnesses.leaves: 1 to %d leaves", CK_ULPM_EX31_MAX_LEAVES);
        return -1;
    }
    x->nl = (long)n;
    x->llo = ck_malloc(n * sizeof(mpq_t));
    x->lhi = ck_malloc(n * sizeof(mpq_t));
    x->k = ck_calloc(n, sizeof(long));
    for (t = 0; t < n; t++) mpq_init(x->llo[t]), mpq_init(x->lhi[t]);
    json_array_foreach(a, t, l)
    {
        long long k;
        if (ck_keys(l, "witnesses.leaves[]", x->part == CK_ULPM_EX31_F10 ? LKF : LK, NULL, e) ||
            get_q(l, "leaf", "C_lo", x->llo[t], e) || get_q(l, "leaf", "C_hi", x->lhi[t], e))
            return -1;
        if (x->part == CK_ULPM_EX31_F10) {
            if (ck_get_int(l, "leaf", "eps0_sqrt_log2", &k, e)) return -1;
            if (k < 1 || k > 4096) {
                ck_fail(e, CK_MALFORMED, "leaf.eps0_sqrt_log2: must be in [1, 4096]");
                return -1;
            }
            x->k[t] = (long)k;
        }
        if (mpq_cmp(x->llo[t], x->lhi[t]) >= 0 || mpq_cmp(x->llo[t], t == 0 ? x->lo : x->lhi[t - 1]) != 0) {
            ck_fail(e, CK_INVALID, "witnesses.leaves[%zu]: leaves must be non-empty and contiguous from C_lo", t);
            return -1;
        }
    }
    if (mpq_cmp(x->lhi[n - 1], x->hi) != 0) {
        ck_fail(e, CK_INVALID, "witnesses.leaves: the last leaf must end at C_hi");
        return -1;
    }
    return 0;
}

/* interval c inside [lo, hi] of q */
static int fits(mpfi_srcptr v, const ck_encl *q)
{
    return mpfr_cmp_q(&v->left, q->lo) >= 0 && mpfr_cmp_q(&v->right, q->hi) <= 0 && mpfr_number_p(&v->left) &&
           mpfr_number_p(&v->right);
}

/* every interval quantity on leaf [a, b] (k: family10) inside its stated enclosure, splitting
 * the leaf up to depth CK_ULPM_EX31_SPLIT_DEPTH */
static int leaf_ok(const ck_ulpm_ex31_ctx *x, ck_encl *q, int nq, const mpq_t a, const mpq_t b, long k, int depth,
                   const long gaps[3], const long counts[3], mpq_t rW[3], const mpq_t rIW)
{
    mpfi_t c, out[3];
    mpq_t sq;
    int ok = 1;
    mpfi_init2(c, x->prec);
    for (int t = 0; t < 3; t++) mpfi_init2(out[t], x->prec);
    mpq_init(sq);
    mpq_set_ui(sq, 1, 1);
    mpz_mul_2exp(mpq_denref(sq), mpq_denref(sq), (mp_bitcnt_t)k);
    if (mpq_equal(a, b))
        mpfi_set_q(c, a);
    else
        mpfi_interv_q(c, a, b);
    ck_ulpm_ex31_eval(out[0], x->part, c, sq, gaps, counts, rW, rIW);
    for (int t = 0; t < nq; t++) ok = ok && fits(out[t], &q[t]);
    if (!ok && depth < CK_ULPM_EX31_SPLIT_DEPTH && !mpq_equal(a, b)) {
        mpq_t m;
        mpq_init(m);
        mpq_add(m, a, b);
        mpq_div_2exp(m, m, 1);
        ok = leaf_ok(x, q, nq, a, m, k, depth + 1, gaps, counts, rW, rIW) &&
             leaf_ok(x, q, nq, m, b, k, depth + 1, gaps, counts, rW, rIW);
        mpq_clear(m);
    }
    mpfi_clear(c);
    for (int t = 0; t < 3; t++) mpfi_clear(out[t]);
    mpq_clear(sq);
    return ok;
}

static int encl_basic(const ck_encl *q, const char *name, ck_err *e)
{
    if (mpq_cmp(q->lo, q->hi) > 0) {
        ck_fail(e, CK_INVALID, "quantity %s: lo > hi", name);
        return -1;
    }
    if (mpq_cmp(q->dlo, q->lo) > 0 || mpq_cmp(q->dhi, q->hi) < 0) {
        ck_fail(e, CK_INVALID, "quantity %s: decimal rendering does not contain [lo, hi]", name);
        return -1;
    }
    return 0;
}

static int verify_exact(const json_t *qj, const char *name, const mpq_t v, ck_err *e)
{
    ck_encl q;
    ck_qs x;
    mpz_t one;
    int rc;
    ck_encl_init(&q);
    ck_qs_init(&x);
    mpz_init_set_ui(one, 1);
    mpq_set(x.a, v);
    rc = ck_encl_parse(json_object_get(qj, name), name, &q, e) || ck_encl_verify(&q, name, &x, one, e) ? -1 : 0;
    ck_encl_clear(&q);
    ck_qs_clear(&x);
    mpz_clear(one);
    return rc;
}

/* a stated interval quantity (never "exact" unless separation) against the checker's interval */
static int verify_interval(const json_t *qj, const char *name, mpfi_srcptr v, int sign, ck_err *e)
{
    ck_encl q;
    ck_encl_init(&q);
    int rc = -1;
    if (ck_encl_parse(json_object_get(qj, name), name, &q, e) || encl_basic(&q, name, e)) goto out;
    if (!fits(v, &q)) {
        ck_fail(e, CK_INVALID, "quantity %s: does not contain the recomputed interval", name);
        goto out;
    }
    if ((sign > 0 && mpq_sgn(q.lo) <= 0) || (sign < 0 && mpq_sgn(q.hi) >= 0)) {
        ck_fail(e, CK_INVALID, "quantity %s: its sign is not established", name);
        goto out;
    }
    rc = 0;
out:
    ck_encl_clear(&q);
    return rc;
}

/* all interval quantities of the part on every leaf; then their asserted signs */
static int check_leaves(const ck_ulpm_ex31_ctx *x, const json_t *qj, ck_err *e)
{
    ck_encl q[3];
    long gaps[3], counts[3];
    mpq_t rW[3], rIW, rH[3], rIH;
    int nq = 0, rc = -1;
    while (nq < 3 && IQ[x->part][nq]) nq++;
    for (int t = 0; t < 3; t++) ck_encl_init(&q[t]), mpq_init(rW[t]), mpq_init(rH[t]);
    mpq_inits(rIW, rIH, NULL);
    if (!ck_ulpm_ex31_structure(gaps, counts, rW, rIW, rH, rIH)) {
        ck_fail(e, CK_INVALID, "gradient structure fails");
        goto out;
    }
    for (int t = 0; t < nq; t++)
        if (ck_encl_parse(json_object_get(qj, IQ[x->part][t]), IQ[x->part][t], &q[t], e) ||
            encl_basic(&q[t], IQ[x->part][t], e))
            goto out;
    for (long l = 0; l < x->nl; l++)
        if (!leaf_ok(x, q, nq, x->llo[l], x->lhi[l], x->k[l], 0, gaps, counts, rW, rIW)) {
            ck_fail(e, CK_INVALID, "leaf %ld: a recomputed interval is not inside its stated quantity", l);
            goto out;
        }
    for (int t = 0; t < nq; t++)
        if ((ISIGN[x->part][t] > 0 && mpq_sgn(q[t].lo) <= 0) || (ISIGN[x->part][t] < 0 && mpq_sgn(q[t].hi) >= 0)) {
            ck_fail(e, CK_INVALID, "quantity %s: its sign is not established", IQ[x->part][t]);
            goto out;
        }
    rc = 0;
out:
    for (int t = 0; t < 3; t++) ck_encl_clear(&q[t]), mpq_clear(rW[t]), mpq_clear(rH[t]);
    mpq_clears(rIW, rIH, NULL);
    return rc;
}

static int check_kkt(const ck_ulpm_ex31_ctx *x, const json_t *wj, const json_t *qj, const char *as, ck_verdict verdict,
                     ck_err *e)
{
    static const char *const WK[] = {"multipliers", NULL};
    static const char *const QK[] = {"stationarity_sq", "min_margin", "min_multiplier", "complementarity_sq", NULL};
    mpq_t v[4], t2, l;
    int rc = -1;
    for (int t = 0; t < 4; t++) mpq_init(v[t]);
    mpq_inits(t2, l, NULL);
    if (ck_keys(wj, "witnesses", WK, NULL, e) || ck_keys(qj, "quantities", QK, NULL, e)) goto out;
    json_t *m = ck_get_arr(wj, "witnesses", "multipliers", e);
    if (!m) goto out;
    for (int k = 0; k < 4; k++) { /* the multipliers must be those printed in (8) */
        json_t *row = json_array_get(m, (size_t)k);
        for (int j = 0; j < 4; j++) {
            json_t *c = json_array_get(row, (size_t)j);
            if (json_array_size(m) != 4 || !json_is_array(row) || json_array_size(row) != 4 || !json_is_string(c) ||
                ck_parse_entry(json_string_value(c), v[0])) {
                ck_fail(e, CK_MALFORMED, "witnesses.multipliers: a 4x4 array of rational strings");
                goto out;
            }
            mpq_set_si(l, k != j && k / 2 != j / 2 ? 1 : 0, 2);
            if (!mpq_equal(l, v[0])) {
                ck_fail(e, CK_INVALID, "witnesses.multipliers: not the multipliers (8)");
                goto out;
            }
        }
    }
    if (x->norm == 0)
        mpq_set_si(t2, 1, 2);
    else if (x->norm == 1)
        mpq_set_si(t2, 1, 8);
    else
        mpq_mul(t2, x->C, x->C);
    ck_ulpm_ex31_kkt(v[0], v[1], v[2], v[3], t2);
    for (int t = 0; t < 4; t++)
        if (verify_exact(qj, QK[t], v[t], e)) goto out;
    int ai = mpq_sgn(v[2]) < 0            ? 1
             : mpq_sgn(v[0]) != 0         ? 2
             : mpq_cmp_si(v[1], 1, 1) < 0 ? 3
             : mpq_sgn(v[3]) != 0         ? 4
                                          : 0;
    if (strcmp(as, KKT_AS[ai]) != 0) {
        ck_fail(e, CK_INVALID, "assertion \"%s\" does not hold: %s", as, KKT_AS[ai]);
        goto out;
    }
    if (verdict != (ai == 0 ? CK_PROVED : CK_REFUTED)) {
        ck_fail(e, CK_INVALID, "verdict %s does not follow", ck_verdict_name(verdict));
        goto out;
    }
    rc = 0;
out:
    for (int t = 0; t < 4; t++) mpq_clear(v[t]);
    mpq_clears(t2, l, NULL);
    return rc;
}

/* separation: exact margins pattern Z/C^2 = M M (= 2M, eq. (52)), all > 0, witness minimal */
static int check_sep_exact(const ck_ulpm_ex31_ctx *x, const json_t *wj, const json_t *qj, ck_err *e)
{
    ck_ulpm_ex31_mat M, Z;
    mpq_t g, mn, v;
    long long k, j;
    int rc = -1;
    ck_ulpm_ex31_mat_init(M);
    ck_ulpm_ex31_mat_init(Z);
    mpq_inits(g, mn, v, NULL);
    ck_ulpm_ex31_M(M);
    ck_ulpm_ex31_mul(Z, M, M);
    if (ck_get_int(wj, "witnesses", "k", &k, e) || ck_get_int(wj, "witnesses", "j", &j, e)) goto out;
    if (k < 0 || k > 3 || j < 0 || j > 3 || j == k) {
        ck_fail(e, CK_MALFORMED, "witnesses: k, j in 0..3, j != k");
        goto out;
    }
    for (int q = 0; q < 16; q++) {
        mpq_set_si(g, 2, 1);
        mpq_mul(g, g, M[q]);
        if (!mpq_equal(g, Z[q])) {
            ck_fail(e, CK_INVALID, "(52) fails: W H != 2C^2 M");
            goto out;
        }
    }
    mpq_sub(mn, Z[5 * k], Z[4 * j + k]);
    for (int a = 0; a < 4; a++)
        for (int b = 0; b < 4; b++) {
            if (a == b) continue;
            mpq_sub(g, Z[5 * a], Z[4 * b + a]);
            if (mpq_cmp(g, mn) < 0 || mpq_sgn(g) <= 0) {
                ck_fail(e, CK_INVALID, "witness (k, j) is not a minimal positive margin");
                goto out;
            }
        }
    if (!x->box) { /* exact values 4C^2, 2C^2 */
        mpq_mul(v, x->C, x->C);
        mpq_mul_2exp(g, v, 2);
        if (verify_exact(qj, "q_partner", g, e)) goto out;
        mpq_mul_2exp(g, v, 1);
        if (verify_exact(qj, "q_cross", g, e)) goto out;
    }
    rc = 0;
out:
    ck_ulpm_ex31_mat_clear(M);
    ck_ulpm_ex31_mat_clear(Z);
    mpq_clears(g, mn, v, NULL);
    return rc;
}

static int check_par_exact(const json_t *wj, const json_t *qj, ck_err *e)
{
    static const char *const AK[] = {"gaps", "ratios_W", "ratios_H"};
    long gaps[3], counts[3];
    mpq_t rW[3], rH[3], rIW, rIH, w;
    int rc = -1;
    for (int t = 0; t < 3; t++) mpq_init(rW[t]), mpq_init(rH[t]);
    mpq_inits(rIW, rIH, w, NULL);
    if (!ck_ulpm_ex31_structure(gaps, counts, rW, rIW, rH, rIH)) {
        ck_fail(e, CK_INVALID, "gradient structure fails");
        goto out;
    }
    for (int a = 0; a < 3; a++) {
        json_t *arr = ck_get_arr(wj, "witnesses", AK[a], e);
        if (!arr) goto out;
        for (int t = 0; t < 3; t++) {
            json_t *c = json_array_get(arr, (size_t)t);
            if (json_array_size(arr) != 3 || !json_is_string(c) || ck_parse_entry(json_string_value(c), w)) {
                ck_fail(e, CK_MALFORMED, "witnesses.%s: three rational strings", AK[a]);
                goto out;
            }
            int eq = a == 0 ? mpq_cmp_si(w, gaps[t], 1) == 0 : mpq_equal(w, a == 1 ? rW[t] : rH[t]);
            if (!eq) {
                ck_fail(e, CK_INVALID, "witnesses.%s[%d]: differs from the recomputed value", AK[a], t);
                goto out;
            }
        }
    }
    if (get_q(wj, "witnesses", "ratio_identity_W", w, e)) goto out;
    if (!mpq_equal(w, rIW)) {
        ck_fail(e, CK_INVALID, "witnesses.ratio_identity_W: differs");
        goto out;
    }
    if (get_q(wj, "witnesses", "ratio_identity_H", w, e)) goto out;
    if (!mpq_equal(w, rIH)) {
        ck_fail(e, CK_INVALID, "witnesses.ratio_identity_H: differs");
        goto out;
    }
    mpq_set_ui(w, 0, 1); /* grad - mu (W, H) = 0 exactly, by the structure just verified */
    rc = verify_exact(qj, "residual_sq", w, e);
out:
    for (int t = 0; t < 3; t++) mpq_clear(rW[t]), mpq_clear(rH[t]);
    mpq_clears(rIW, rIH, w, NULL);
    return rc;
}

/* curve55 / family10 at a given C: the exact point, (56), norms, distance, loss difference */
static int check_point(ck_ulpm_ex31_ctx *x, const json_t *wj, const json_t *qj, ck_err *e)
{
    ck_ulpm_ex31_mat W0, W1, H1, Z, Y;
    mpq_t a, s, t, u, v, al, be;
    mpfi_t d;
    long long k = 0;
    int rc = -1;
    ck_ulpm_ex31_mat_init(W0);
    ck_ulpm_ex31_mat_init(W1);
    ck_ulpm_ex31_mat_init(H1);
    ck_ulpm_ex31_mat_init(Z);
    ck_ulpm_ex31_mat_init(Y);
    mpq_inits(a, s, t, u, v, al, be, NULL);
    mpfi_init2(d, x->prec);
    ck_ulpm_ex31_M(W0);
    for (int q = 0; q < 16; q++) mpq_mul(W0[q], W0[q], x->C);
    if (x->part == CK_ULPM_EX31_C55) {
        if (get_q(wj, "witnesses", "a", a, e) || get_q(wj, "witnesses", "s", s, e)) goto out;
        mpq_mul(t, a, a);
        mpq_add(u, t, t);
        mpq_set_ui(v, 1, 1);
        mpq_add(u, u, v); /* 1 + 2a^2 */
        mpq_mul(v, s, s);
        mpq_set_si(t, 1, 2);
        if (mpq_sgn(s) <= 0 || !mpq_equal(u, v) || mpq_sgn(a) == 0 || mpq_cmp(a, t) > 0 ||
            (mpq_neg(t, t), mpq_cmp(a, t) < 0)) {
            ck_fail(e, CK_INVALID, "witnesses a, s: need s > 0, s^2 = 1 + 2a^2, 0 < |a| <= 1/2");
            goto out;
        }
        for (int i = 0; i < 4; i++) /* W' = C (M + a u 1^T) / s, H' = W'^T */
            for (int j = 0; j < 4; j++) {
                mpq_set(t, a);
                if (i >= 2) mpq_neg(t, t);
                mpq_set_si(v, i == j ? 1 : i / 2 == j / 2 ? -1 : 0, 1);
                mpq_add(t, t, v);
                mpq_mul(t, t, x->C);
                mpq_div(W1[4 * i + j], t, s);
                mpq_set(H1[4 * j + i], W1[4 * i + j]);
            }
        ck_ulpm_ex31_mul(Z, W1, H1); /* (56): C^2 (2M + 4a^2 u u^T) / s^2 */
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) {
                mpq_mul(t, a, a);
                mpq_mul_2exp(t, t, 2);
                if ((i < 2) != (j < 2)) mpq_neg(t, t);
                mpq_set_si(v, i == j ? 2 : i / 2 == j / 2 ? -2 : 0, 1);
                mpq_add(t, t, v);
                mpq_mul(t, t, x->C);
                mpq_mul(t, t, x->C);
                mpq_div(t, t, u);
                if (!mpq_equal(t, Z[4 * i + j])) {
                    ck_fail(e, CK_INVALID, "(56) fails at the witness");
                    goto out;
                }
            }
    } else {
        if (get_q(wj, "witnesses", "t", t, e) || ck_get_int(wj, "witnesses", "eps0_sqrt_log2", &k, e)) goto out;
        if (k < 1 || k > 4096 || k != x->k[0]) {
            ck_fail(e, CK_MALFORMED, "witnesses.eps0_sqrt_log2: in [1, 4096]");
            goto out;
        }
        mpq_mul(u, t, t);
        mpq_add(u, u, u); /* 2t^2 */
        mpq_set_ui(v, 1, 1);
        mpq_sub(al, u, v);
        mpq_add(u, u, v);
        mpq_div(al, al, u); /* alpha = (2t^2 - 1)/(2t^2 + 1) */
        mpq_set_si(v, -2, 1);
        mpq_mul(be, t, v);
        mpq_div(be, be, u); /* beta = -2t/(2t^2 + 1) */
        mpq_mul(v, al, al);
        mpq_mul(s, be, be);
        mpq_add(v, v, s);
        mpq_add(v, v, s); /* alpha^2 + 2 beta^2 */
        mpq_set_ui(s, 1, 1);
        mpq_add(a, al, s); /* 1 + alpha, must be <= eps0 = 4^-k */
        mpq_set_ui(u, 1, 1);
        mpz_mul_2exp(mpq_denref(u), mpq_denref(u), (mp_bitcnt_t)(2 * k));
        if (mpq_sgn(t) <= 0 || !mpq_equal(v, s) || mpq_sgn(al) >= 0 || mpq_sgn(be) >= 0 || mpq_cmp(a, u) > 0) {
            ck_fail(e, CK_INVALID, "witness t: not a point of (10) with 1 + alpha <= eps0");
            goto out;
        }
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) {
                mpq_set_ui(v, 1, 1);
                mpq_set(W1[4 * i + j], i == j ? v : i / 2 == j / 2 ? al : be);
                mpq_mul(W1[4 * i + j], W1[4 * i + j], x->C);
                mpq_set(H1[4 * i + j], W1[4 * i + j]);
            }
    }
    ck_ulpm_ex31_frob2(v, W0);
    ck_ulpm_ex31_frob2(t, W1);
    mpq_sub(t, t, v);
    if (verify_exact(qj, "norm_W_diff", t, e)) goto out;
    ck_ulpm_ex31_frob2(t, H1);
    mpq_sub(t, t, v);
    if (verify_exact(qj, "norm_H_diff", t, e)) goto out;
    ck_ulpm_ex31_dist2(t, W1, W0);
    ck_ulpm_ex31_dist2(v, H1, W0);
    mpq_add(t, t, v);
    if (verify_exact(qj, "dist_sq", t, e)) goto out;
    ck_ulpm_ex31_loss_diff(d, W1, H1, x->C);
    rc = verify_interval(qj, "loss_diff", d, x->part == CK_ULPM_EX31_C55 ? -1 : 1, e);
out:
    ck_ulpm_ex31_mat_clear(W0);
    ck_ulpm_ex31_mat_clear(W1);
    ck_ulpm_ex31_mat_clear(H1);
    ck_ulpm_ex31_mat_clear(Z);
    ck_ulpm_ex31_mat_clear(Y);
    mpq_clears(a, s, t, u, v, al, be, NULL);
    mpfi_clear(d);
    return rc;
}

static const char *const WK_SEP[] = {"k", "j", NULL}, *const WK_SEPB[] = {"k", "j", "leaves", NULL};
static const char *const WK_PAR[] = {"gaps", "ratios_W", "ratio_identity_W", "ratios_H", "ratio_identity_H", NULL};
static const char *const WK_PARB[] = {"gaps",   "ratios_W", "ratio_identity_W", "ratios_H", "ratio_identity_H",
                                      "leaves", NULL};
static const char *const WK_EQ9[] = {"row", "col", NULL}, *const WK_EQ9B[] = {"row", "col", "leaves", NULL};
static const char *const WK_C55[] = {"a", "s", NULL}, *const WK_F10[] = {"t", "eps0_sqrt_log2", NULL};
static const char *const WK_LEAVES[] = {"leaves", NULL};
static const char *const QK_SEP[] = {"q_partner", "q_cross", NULL}, *const QK_PAR[] = {"mu", "residual_sq", NULL};
static const char *const QK_EQ9[] = {"coef_derived", "coef_printed", "difference", NULL};
static const char *const QK_C55[] = {"f2", "loss_d2", "norm_W_diff", "norm_H_diff", "dist_sq", "loss_diff", NULL};
static const char *const QK_C55B[] = {"f2", "loss_d2", NULL};
static const char *const QK_F10[] = {"lemma_margin", "dist_sq_bound", "norm_W_diff", "norm_H_diff",
                                     "dist_sq",      "loss_diff",     NULL};
static const char *const QK_F10B[] = {"lemma_margin", "dist_sq_bound", NULL};
/* the witness and quantity keys of each part (kkt is checked before), [0] a point, [1] a box */
typedef struct {
    const char *const *w, *const *q;
} ck_ulpm_ex31_keys;
static const ck_ulpm_ex31_keys KEYS[CK_ULPM_EX31_NPARTS][2] = {
    [CK_ULPM_EX31_SEP] = {{WK_SEP, QK_SEP}, {WK_SEPB, QK_SEP}},
    [CK_ULPM_EX31_PAR] = {{WK_PAR, QK_PAR}, {WK_PARB, QK_PAR}},
    [CK_ULPM_EX31_EQ9] = {{WK_EQ9, QK_EQ9}, {WK_EQ9B, QK_EQ9}},
    [CK_ULPM_EX31_C55] = {{WK_C55, QK_C55}, {WK_LEAVES, QK_C55B}},
    [CK_ULPM_EX31_F10] = {{WK_F10, QK_F10}, {WK_LEAVES, QK_F10B}},
};

static void set_precision(ck_ulpm_ex31_ctx *x, const json_t *root)
{
    /* precision_bits is only a hint: a wrong one can make a valid certificate fail, never an
     * invalid one pass */
    json_t *m = json_object_get(root, "method");
    long long hint = json_integer_value(json_object_get(m, "precision_bits"));
    if (hint < 0 || hint > 8192) hint = 8192;
    double ch = mpq_get_d(x->hi);
    long need = 96 + 4 * (long)(ch * ch + 1); /* the cancellation in mu costs 2.9 C^2 bits */
    long p = x->box ? 0 : (long)hint + 32;    /* point enclosures are padded by 2^-(hint/2) */
    x->prec = (mpfr_prec_t)(p > need ? p : need);
}

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(ulpm, example31, "ulpm.example-3.1");

int ck_claim_ulpm_example31(const json_t *root, ck_verdict verdict, ck_err *e)
{
    ck_ulpm_ex31_ctx x;
    int rc = -1;
    memset(&x, 0, sizeof x);
    mpq_inits(x.C, x.lo, x.hi, NULL);
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    json_t *wj = ck_get_obj(root, "certificate", "witnesses", e);
    json_t *qj = ck_get_obj(root, "certificate", "quantities", e);
    if (!as || !wj || !qj || parse_instance(json_object_get(root, "instance"), &x, e)) goto out;
    set_precision(&x, root);
    if (strcmp(as, "none") == 0) {
        if (verdict != CK_INCONCLUSIVE)
            ck_fail(e, CK_INVALID, "verdict %s does not follow from assertion \"none\"", ck_verdict_name(verdict));
        else
            ck_fail(e, CK_INVALID, "INCONCLUSIVE: the certificate establishes nothing");
        goto out;
    }
    if (x.part == CK_ULPM_EX31_KKT) {
        if (find(KKT_AS, as) < 0) {
            ck_fail(e, CK_MALFORMED, "assertion: unknown assertion \"%.80s\"", as);
            goto out;
        }
        rc = check_kkt(&x, wj, qj, as, verdict, e);
        goto out;
    }
    if (strcmp(as, ASSERT_OK[x.part]) != 0) {
        ck_fail(e, CK_MALFORMED, "assertion: unknown assertion \"%.80s\"", as);
        goto out;
    }
    const ck_ulpm_ex31_keys *ks = &KEYS[x.part][x.box];
    if (ck_keys(wj, "witnesses", ks->w, NULL, e) || ck_keys(qj, "quantities", ks->q, NULL, e)) goto out;
    if (x.box) {
        if (parse_leaves(wj, &x, e)) goto out;
    } else { /* one leaf [C, C] */
        long long k = 0;
        x.nl = 1;
        x.llo = ck_malloc(sizeof(mpq_t));
        x.lhi = ck_malloc(sizeof(mpq_t));
        x.k = ck_calloc(1, sizeof(long));
        mpq_init(x.llo[0]), mpq_init(x.lhi[0]);
        mpq_set(x.llo[0], x.C), mpq_set(x.lhi[0], x.C);
        if (x.part == CK_ULPM_EX31_F10) {
            if (ck_get_int(wj, "witnesses", "eps0_sqrt_log2", &k, e)) goto out;
            if (k < 1 || k > 4096) {
                ck_fail(e, CK_MALFORMED, "witnesses.eps0_sqrt_log2: in [1, 4096]");
                goto out;
            }
            x.k[0] = (long)k;
        }
    }
    if (x.part == CK_ULPM_EX31_SEP && check_sep_exact(&x, wj, qj, e)) goto out;
    if (x.part == CK_ULPM_EX31_PAR && check_par_exact(wj, qj, e)) goto out;
    if (x.part == CK_ULPM_EX31_EQ9) {
        long long r, c;
        if (ck_get_int(wj, "witnesses", "row", &r, e) || ck_get_int(wj, "witnesses", "col", &c, e)) goto out;
        if (r != 0 || c != 0) {
            ck_fail(e, CK_INVALID, "witnesses: (9) is compared at entry (0, 0)");
            goto out;
        }
    }
    if (!(x.part == CK_ULPM_EX31_SEP && !x.box) && check_leaves(&x, qj, e)) goto out;
    if (!x.box && (x.part == CK_ULPM_EX31_C55 || x.part == CK_ULPM_EX31_F10) && check_point(&x, wj, qj, e)) goto out;
    ck_verdict need = x.part == CK_ULPM_EX31_EQ9 || x.part == CK_ULPM_EX31_F10 ? CK_REFUTED : CK_PROVED;
    if (ck_verdict_follows(verdict, need, NULL, e)) goto out;
    rc = 0;
out:
    if (x.llo) {
        for (long l = 0; l < x.nl; l++) mpq_clear(x.llo[l]), mpq_clear(x.lhi[l]);
        ck_free(x.llo), ck_free(x.lhi);
    }
    ck_free(x.k);
    mpq_clears(x.C, x.lo, x.hi, NULL);
    return rc;
}
