/* check_imbrelu_cor4_phase.c: owns the check of imbrelu.cor-4 over a box (imbrelu-phase/1).
 * Replays the preorder split tree of the witnesses ("L" a leaf, "R:q" / "l:q" a split of R /
 * lambda at q, strictly inside) from the instance box, so the leaves tile the box exactly;
 * each leaf's stated box must equal the replayed one. On each leaf it recomputes, in exact GMP
 * rationals, the phase from Theorem 1's tests (T_B, T_A at the corners) and from (17)/(18) as
 * printed (f17, g18 termwise bounds) (formulas: specs/claims/imbrelu.cor-4.md); the stated
 * phase must be the common phase, or "undecided" when either is undecided; a leaf where both
 * decide differently refutes. Counts of leaves per phase are exact quantities. */
#include <stdlib.h>
#include <string.h>

#include "check_claims.h"
#include "imbrelu/check_imbrelu_common.h"
#include "check_rational.h"
#include "check_decision.h"
#include "check_boxtree.h"

enum { PH_NONE, PH_MINOR, PH_COMPLETE, PH_UNDEC };
static const char *const PH_NAME[] = {"none", "minority", "complete", "undecided"};

typedef struct {
    long KA, KB, K, max_depth, count[4], bad_leaf, tok, leaf;
    mpq_t nB;
    const json_t *tree, *leaves;
    ck_err *e;
    int fail;
} ph_ctx;

static void qset(mpq_t r, long a)
{
    mpq_set_si(r, a, 1);
}

/* s = K n_B (K_A R + K_B)^2 lam */
static void ph_s(mpq_t s, const ph_ctx *c, const mpq_t R, const mpq_t lam)
{
    mpq_t t;
    mpq_init(t);
    qset(t, c->KA);
    mpq_mul(s, R, t);
    qset(t, c->KB);
    mpq_add(s, s, t);
    mpq_mul(s, s, s);
    mpq_mul(s, s, lam);
    mpq_mul(s, s, c->nB);
    qset(t, c->K);
    mpq_mul(s, s, t);
    mpq_clear(t);
}

static int ph_theorem1(const ph_ctx *c, mpq_t R0, mpq_t R1, mpq_t l0, mpq_t l1)
{
    mpq_t s0, s1, t, k1;
    mpq_inits(s0, s1, t, k1, NULL);
    ph_s(s0, c, R0, l0);
    ph_s(s1, c, R1, l1);
    qset(k1, c->K - 1);
    int tb_lo_pos = mpq_cmp(k1, s1) > 0, tb_hi_nonpos = mpq_cmp(k1, s0) <= 0;
    mpq_mul(t, R1, k1);
    int ta_hi_nonpos = mpq_cmp(t, s0) <= 0;
    mpq_mul(t, R0, k1);
    int ta_lo_pos = mpq_cmp(t, s1) > 0;
    int ph = tb_lo_pos ? PH_NONE : ta_hi_nonpos ? PH_COMPLETE : (tb_hi_nonpos && ta_lo_pos) ? PH_MINOR : PH_UNDEC;
    mpq_clears(s0, s1, t, k1, NULL);
    return ph;
}

/* sign of f17 = R - ((K-1)/(n_B (K_A R + K_B) K lam) - K_B)/K_A */
static int ph_f17(const ph_ctx *c, const mpq_t R, const mpq_t lam)
{
    mpq_t t, u;
    mpq_inits(t, u, NULL);
    qset(u, c->KA);
    mpq_mul(t, R, u);
    qset(u, c->KB);
    mpq_add(t, t, u);
    mpq_mul(t, t, c->nB);
    mpq_mul(t, t, lam);
    qset(u, c->K);
    mpq_mul(t, t, u);
    mpq_inv(t, t);
    qset(u, c->K - 1);
    mpq_mul(t, t, u);
    qset(u, c->KB);
    mpq_sub(t, t, u);
    qset(u, c->KA);
    mpq_div(t, t, u);
    mpq_sub(t, R, t);
    int s = mpq_sgn(t);
    mpq_clears(t, u, NULL);
    return s;
}

/* sign of n_B (K_A^2 Ra + 2 K_A K_B + K_B^2/Rb) - (K-1)/(K lam) */
static int ph_g18(const ph_ctx *c, const mpq_t Ra, const mpq_t Rb, const mpq_t lam)
{
    mpq_t g, t;
    mpq_inits(g, t, NULL);
    qset(t, c->KA * c->KA);
    mpq_mul(g, Ra, t);
    qset(t, 2 * c->KA * c->KB);
    mpq_add(g, g, t);
    qset(t, c->KB * c->KB);
    mpq_div(t, t, Rb);
    mpq_add(g, g, t);
    mpq_mul(g, g, c->nB);
    qset(t, c->K);
    mpq_mul(t, t, lam);
    mpq_inv(t, t);
    mpq_t k1;
    mpq_init(k1);
    qset(k1, c->K - 1);
    mpq_mul(t, t, k1);
    mpq_sub(g, g, t);
    int s = mpq_sgn(g);
    mpq_clears(g, t, k1, NULL);
    return s;
}

static int ph_printed(const ph_ctx *c, mpq_t R0, mpq_t R1, mpq_t l0, mpq_t l1)
{
    int glo = ph_g18(c, R0, R1, l0), ghi = ph_g18(c, R1, R0, l1);
    if (glo >= 0) return PH_COMPLETE;
    if (ghi < 0 && ph_f17(c, R0, l0) >= 0) return PH_MINOR;
    if (ghi < 0 && ph_f17(c, R1, l1) < 0) return PH_NONE;
    return PH_UNDEC;
}

static int pair_is(const json_t *p, const mpq_t a, const mpq_t b)
{
    mpq_t x;
    mpq_init(x);
    const json_t *u = json_array_get(p, 0), *v = json_array_get(p, 1);
    int ok = json_is_array(p) && json_array_size(p) == 2 && json_is_string(u) && json_is_string(v) &&
             !ck_parse_entry(json_string_value(u), x) && mpq_equal(x, a) && !ck_parse_entry(json_string_value(v), x) &&
             mpq_equal(x, b);
    mpq_clear(x);
    return ok;
}

static void ph_rec(ph_ctx *c, mpq_t R0, mpq_t R1, mpq_t l0, mpq_t l1, long depth)
{
    const char *s = ck_tree_token(c->tree, &c->tok, depth, c->max_depth, &c->fail, c->e);
    if (!s) return;
    if (!strcmp(s, "L")) {
        const json_t *lf = json_array_get(c->leaves, (size_t)c->leaf);
        static const char *const LK[] = {"R", "lambda", "phase", NULL};
        ck_err e2 = {0, ""};
        if (!lf || ck_keys(lf, "leaf", LK, NULL, &e2) || !pair_is(json_object_get(lf, "R"), R0, R1) ||
            !pair_is(json_object_get(lf, "lambda"), l0, l1) || !json_is_string(json_object_get(lf, "phase"))) {
            ck_fail(c->e, CK_MALFORMED, "witnesses.leaves[%ld]: missing or not the box of the tree", c->leaf);
            c->fail = 1;
            return;
        }
        int a = ph_theorem1(c, R0, R1, l0, l1), b = ph_printed(c, R0, R1, l0, l1);
        int ph = a == b ? a : PH_UNDEC;
        int disagree = a != PH_UNDEC && b != PH_UNDEC && a != b;
        if (disagree && c->bad_leaf < 0) c->bad_leaf = c->leaf;
        if (ph == PH_UNDEC && !disagree && depth < c->max_depth) {
            ck_fail(c->e, CK_INVALID, "leaves[%ld]: undecided above the depth limit", c->leaf);
            c->fail = 1;
            return;
        }
        if (strcmp(json_string_value(json_object_get(lf, "phase")), PH_NAME[ph])) {
            ck_fail(c->e, CK_INVALID, "leaves[%ld]: phase is \"%s\" by the checker", c->leaf, PH_NAME[ph]);
            c->fail = 1;
            return;
        }
        c->count[ph]++;
        c->leaf++;
        return;
    }
    mpq_t m;
    mpq_init(m);
    int axis = ck_tree_split(s, "Rl", R0, R1, l0, l1, m, c->tok - 1, c->e);
    if (axis < 0)
        c->fail = 1;
    else if (axis == 0) {
        ph_rec(c, R0, m, l0, l1, depth + 1);
        ph_rec(c, m, R1, l0, l1, depth + 1);
    } else {
        ph_rec(c, R0, R1, l0, m, depth + 1);
        ph_rec(c, R0, R1, m, l1, depth + 1);
    }
    mpq_clear(m);
}

static int get_range(const json_t *j, const char *key, mpq_t lo, mpq_t hi, ck_err *e)
{
    const json_t *x = json_object_get(j, key), *a = json_array_get(x, 0), *b = json_array_get(x, 1);
    if (!json_is_array(x) || json_array_size(x) != 2 || !json_is_string(a) || !json_is_string(b) ||
        ck_parse_entry(json_string_value(a), lo) || ck_parse_entry(json_string_value(b), hi) || mpq_sgn(lo) <= 0 ||
        mpq_cmp(lo, hi) >= 0) {
        ck_fail(e, CK_MALFORMED, "instance.%s: [\"lo\", \"hi\"] with 0 < lo < hi", key);
        return -1;
    }
    return 0;
}

int ck_claim_imbrelu_cor4_phase(const json_t *root, ck_verdict verdict, ck_err *e)
{
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    json_t *w = ck_get_obj(root, "certificate", "witnesses", e), *q = ck_get_obj(root, "certificate", "quantities", e);
    const json_t *in = json_object_get(root, "instance");
    if (!as || !w || !q) return -1;
    int a_ok = !strcmp(as, "every decided leaf: Theorem 1 and (17)/(18) give the same phase");
    int a_bad = !strcmp(as, "(17)/(18) and Theorem 1 give different phases on leaf");
    if (!a_ok && !a_bad) {
        ck_fail(e, CK_MALFORMED, "assertion: unknown \"%.60s\"", as);
        return -1;
    }
    static const char *const IK[] = {"kind", "K_A", "K_B", "n_B", "R", "lambda", "max_depth", NULL};
    static const char *const WK[] = {"tree", "leaves", NULL}, *const WKB[] = {"leaf", NULL};
    static const char *const QK[] = {"leaves_none", "leaves_minority", "leaves_complete", "leaves_undecided", NULL};
    ph_ctx c;
    memset(&c, 0, sizeof c);
    c.e = e;
    c.bad_leaf = -1;
    long long ka, kb, md;
    const char *nbs;
    if (ck_keys(in, "instance", IK, NULL, e) || ck_get_int(in, "instance", "K_A", &ka, e) ||
        ck_get_int(in, "instance", "K_B", &kb, e) || ck_get_int(in, "instance", "max_depth", &md, e) ||
        !(nbs = ck_get_str(in, "instance", "n_B", e)) || ck_keys(w, "witnesses", WK, a_bad ? WKB : NULL, e) ||
        ck_keys(q, "quantities", QK, NULL, e))
        return -1;
    if (ka < 1 || ka > 500 || kb < 1 || kb > 500 || md < 0 || md > 24) {
        ck_fail(e, CK_MALFORMED, "instance: K_A, K_B in 1..500, max_depth in 0..24");
        return -1;
    }
    c.KA = (long)ka, c.KB = (long)kb, c.K = c.KA + c.KB, c.max_depth = (long)md;
    mpq_t R0, R1, l0, l1, x;
    mpq_inits(c.nB, R0, R1, l0, l1, x, NULL);
    int rc = -1;
    if (ck_parse_entry(nbs, c.nB) || mpq_sgn(c.nB) <= 0 || mpz_cmp_ui(mpq_denref(c.nB), 1) ||
        get_range(in, "R", R0, R1, e) || get_range(in, "lambda", l0, l1, e)) {
        if (!e->code) ck_fail(e, CK_MALFORMED, "instance.n_B: a positive integer string");
        goto out;
    }
    mpq_set_ui(x, 1, 1);
    if (mpq_cmp(R0, x) < 0) {
        ck_fail(e, CK_MALFORMED, "instance.R: need R_lo >= 1");
        goto out;
    }
    if (ck_tree_open(w, &c.tree, &c.leaves, e)) goto out;
    ph_rec(&c, R0, R1, l0, l1, 0);
    if (c.fail || ck_tree_complete(c.tree, c.tok, c.leaves, c.leaf, e)) goto out;
    for (int p = 0; p < 4; p++) {
        mpq_set_si(x, c.count[p], 1);
        if (ck_imbrelu_verify_rational(q, QK[p], x, e)) goto out;
    }
    if (a_bad) {
        long long lf;
        if (ck_get_int(w, "witnesses", "leaf", &lf, e)) goto out;
        if (lf != c.bad_leaf || c.bad_leaf < 0) {
            ck_fail(e, CK_INVALID, "witness leaf: the phases agree there");
            goto out;
        }
        if (ck_require_verdict(verdict, CK_REFUTED, e)) goto out;
    } else {
        if (c.bad_leaf >= 0) {
            ck_fail(e, CK_INVALID, "leaf %ld: the two phase tests disagree", c.bad_leaf);
            goto out;
        }
        if (ck_require_verdict(verdict, CK_PROVED, e)) goto out;
    }
    rc = 0;
out:
    mpq_clears(c.nB, R0, R1, l0, l1, x, NULL);
    return rc;
}
