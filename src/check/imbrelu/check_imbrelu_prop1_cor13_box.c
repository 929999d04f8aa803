/* check_imbrelu_prop1_cor13_box.c: owns the check of imbrelu.prop-1-cor-1-3 over a box
 * (imbrelu-cor3-box/1, specs/claims/imbrelu.prop-1-cor-1-3.md). Replays the preorder tree of the
 * witnesses ("A:k" / "B:k" integer splits of K_A / K_B first, then "R:q" / "l:q" splits strictly
 * inside, at most max_depth deep, "L" a leaf) from the instance box, so the leaves tile it; each
 * stated leaf must be the replayed one. Per leaf it decides itself: collapsed (max T_A <= 0,
 * exact), holds (max T_B <= 0 exact, or min T_A > 0 and its MPFI enclosure of
 * g = sqrt(R) M_A - M_B > 0), fails (min T_A > 0 and g < 0), else undecided. The stated status
 * must equal its own, except that a stated "undecided" may be "holds" for the checker. Counts
 * are exact quantities; the verdict is REFUTED iff a leaf fails. */
#include <stdlib.h>
#include <string.h>

#include "check_claims.h"
#include "imbrelu/check_imbrelu_common.h"
#include "check_rational.h"
#include "check_decision.h"

int ck_imbrelu_prop1_cor13_box(const json_t *root, ck_verdict verdict, ck_err *e);

enum { LF_HOLDS, LF_COLLAPSED, LF_UNDEC, LF_FAILS };
static const char *const LF_NAME[] = {"holds", "collapsed", "undecided", "fails"};

typedef struct {
    long max_depth, count[4], tok, leaf;
    mpq_t nB;
    const json_t *tree, *leaves;
    ck_err *e;
    int fail;
} bx_ctx;

static void term(mpq_t u, const bx_ctx *c, long KA, long KB, const mpq_t R, const mpq_t lam)
{
    mpq_t t;
    mpq_init(t);
    mpq_set_si(t, KA, 1);
    mpq_mul(u, R, t);
    mpq_set_si(t, KB, 1);
    mpq_add(u, u, t);
    mpq_mul(u, u, u);
    mpq_mul(u, u, lam);
    mpq_mul(u, u, c->nB);
    mpq_set_si(t, KA + KB, 1);
    mpq_mul(u, u, t);
    mpq_clear(t);
}

/* M = max(0, log((K-1)(sqrt(n)/c - 1))) over the interval */
static void Mint(mpfi_t M, mpfi_srcptr n, mpfi_srcptr cc, long K)
{
    mpfi_sqrt(M, n);
    mpfi_div(M, M, cc);
    mpfi_sub_ui(M, M, 1);
    mpfi_mul_si(M, M, K - 1);
    if (mpfr_cmp_ui(&M->left, 1) > 0)
        mpfi_log(M, M);
    else if (mpfr_cmp_ui(&M->right, 1) <= 0)
        mpfi_set_ui(M, 0);
    else {
        mpfi_t u;
        mpfi_init2(u, CK_IMBRELU_PREC);
        mpfi_set_fr(u, &M->right);
        mpfi_log(u, u);
        mpfi_set_ui(M, 0);
        mpfr_set(&M->right, &u->right, MPFR_RNDU);
        mpfi_clear(u);
    }
}

static int decide(const bx_ctx *c, long KA, long KB, const mpq_t R0, const mpq_t R1, const mpq_t l0, const mpq_t l1)
{
    long K = KA + KB;
    mpq_t u, v;
    mpq_inits(u, v, NULL);
    term(u, c, KA, KB, R0, l0);
    mpq_set_si(v, K - 1, 1);
    int b_dead = mpq_cmp(v, u) <= 0;
    mpq_mul(v, v, R1);
    int hi_nonpos = mpq_cmp(v, u) <= 0;
    term(u, c, KA, KB, R1, l1);
    mpq_set_si(v, K - 1, 1);
    mpq_mul(v, v, R0);
    int lo_pos = mpq_cmp(v, u) > 0;
    mpq_clears(u, v, NULL);
    if (hi_nonpos) return LF_COLLAPSED;
    if (b_dead) return LF_HOLDS;
    if (!lo_pos) return LF_UNDEC;
    mpfi_t R, lam, cc, nA, nB, MA, MB, g;
    mpfi_ptr all[] = {R, lam, cc, nA, nB, MA, MB, g};
    for (int i = 0; i < 8; i++) mpfi_init2(all[i], CK_IMBRELU_PREC);
    mpfi_interv_q(R, R0, R1);
    mpfi_interv_q(lam, l0, l1);
    mpfi_set_q(nB, c->nB);
    mpfi_mul(nA, R, nB);
    mpfi_mul_si(cc, R, KA);
    mpfi_add_si(cc, cc, KB);
    mpfi_mul(cc, cc, nB);
    mpfi_sqrt(g, lam);
    mpfi_mul(cc, cc, g);
    mpfi_set_si(g, K - 1);
    mpfi_div_si(g, g, K);
    mpfi_sqrt(g, g);
    mpfi_mul(cc, cc, g);
    Mint(MA, nA, cc, K);
    Mint(MB, nB, cc, K);
    mpfi_sqrt(g, R);
    mpfi_mul(g, g, MA);
    mpfi_sub(g, g, MB);
    int st = mpfr_sgn(&g->left) > 0 ? LF_HOLDS : mpfr_sgn(&g->right) < 0 ? LF_FAILS : LF_UNDEC;
    for (int i = 0; i < 8; i++) mpfi_clear(all[i]);
    return st;
}

static const char *next_tok(bx_ctx *c)
{
    json_t *t = json_array_get(c->tree, (size_t)c->tok);
    if (!json_is_string(t)) {
        ck_fail(c->e, CK_MALFORMED, "witnesses.tree: ends early or not strings");
        c->fail = 1;
        return NULL;
    }
    c->tok++;
    return json_string_value(t);
}

static int pair_eq(const json_t *p, const mpq_t lo, const mpq_t hi)
{
    mpq_t a, b;
    mpq_inits(a, b, NULL);
    int ok = json_is_array(p) && json_array_size(p) == 2 && json_is_string(json_array_get(p, 0)) &&
             json_is_string(json_array_get(p, 1)) && !ck_parse_entry(json_string_value(json_array_get(p, 0)), a) &&
             !ck_parse_entry(json_string_value(json_array_get(p, 1)), b) && mpq_equal(a, lo) && mpq_equal(b, hi);
    mpq_clears(a, b, NULL);
    return ok;
}

static void rec(bx_ctx *c, long A0, long A1, long B0, long B1, const mpq_t R0, const mpq_t R1, const mpq_t l0,
                const mpq_t l1, long depth)
{
    if (c->fail) return;
    const char *t = next_tok(c);
    if (!t) return;
    if (A0 < A1 || B0 < B1) {
        int a = A0 < A1;
        char *end;
        long m = (t[0] == (a ? 'A' : 'B') && t[1] == ':') ? strtol(t + 2, &end, 10) : -1;
        if (m < (a ? A0 : B0) || m >= (a ? A1 : B1) || *end) {
            ck_fail(c->e, CK_MALFORMED, "witnesses.tree[%ld]: expected an %c split", c->tok - 1, a ? 'A' : 'B');
            c->fail = 1;
            return;
        }
        if (a) {
            rec(c, A0, m, B0, B1, R0, R1, l0, l1, depth);
            rec(c, m + 1, A1, B0, B1, R0, R1, l0, l1, depth);
        } else {
            rec(c, A0, A1, B0, m, R0, R1, l0, l1, depth);
            rec(c, A0, A1, m + 1, B1, R0, R1, l0, l1, depth);
        }
        return;
    }
    if ((t[0] == 'R' || t[0] == 'l') && t[1] == ':') {
        mpq_t m;
        mpq_init(m);
        int sr = t[0] == 'R';
        if (depth >= c->max_depth || ck_parse_entry(t + 2, m) || mpq_cmp(m, sr ? R0 : l0) <= 0 ||
            mpq_cmp(m, sr ? R1 : l1) >= 0) {
            ck_fail(c->e, CK_MALFORMED, "witnesses.tree[%ld]: split not strictly inside or too deep", c->tok - 1);
            c->fail = 1;
        } else if (sr) {
            rec(c, A0, A1, B0, B1, R0, m, l0, l1, depth + 1);
            rec(c, A0, A1, B0, B1, m, R1, l0, l1, depth + 1);
        } else {
            rec(c, A0, A1, B0, B1, R0, R1, l0, m, depth + 1);
            rec(c, A0, A1, B0, B1, R0, R1, m, l1, depth + 1);
        }
        mpq_clear(m);
        return;
    }
    if (strcmp(t, "L")) {
        ck_fail(c->e, CK_MALFORMED, "witnesses.tree[%ld]: unknown token", c->tok - 1);
        c->fail = 1;
        return;
    }
    const json_t *lf = json_array_get(c->leaves, (size_t)c->leaf);
    static const char *const LK[] = {"K_A", "K_B", "R", "lambda", "status", NULL};
    long long ka, kb;
    const char *st;
    if (!lf || ck_keys(lf, "leaf", LK, NULL, c->e) || ck_get_int(lf, "leaf", "K_A", &ka, c->e) ||
        ck_get_int(lf, "leaf", "K_B", &kb, c->e) || !(st = ck_get_str(lf, "leaf", "status", c->e))) {
        ck_fail(c->e, CK_MALFORMED, "witnesses.leaves[%ld]", c->leaf);
        c->fail = 1;
        return;
    }
    if (ka != A0 || kb != B0 || !pair_eq(json_object_get(lf, "R"), R0, R1) ||
        !pair_eq(json_object_get(lf, "lambda"), l0, l1)) {
        ck_fail(c->e, CK_INVALID, "witnesses.leaves[%ld]: not the replayed box", c->leaf);
        c->fail = 1;
        return;
    }
    int s = 0;
    while (s < 4 && strcmp(st, LF_NAME[s])) s++;
    int mine = decide(c, A0, B0, R0, R1, l0, l1);
    if (s == 4 || !(s == mine || (s == LF_UNDEC && mine == LF_HOLDS))) {
        ck_fail(c->e, CK_INVALID, "witnesses.leaves[%ld]: status %.20s, the checker finds %s", c->leaf, st,
                LF_NAME[mine]);
        c->fail = 1;
        return;
    }
    c->count[s]++;
    c->leaf++;
}

static int int_range(const json_t *j, const char *key, long *lo, long *hi, ck_err *e)
{
    const json_t *a = json_object_get(j, key);
    if (!json_is_array(a) || json_array_size(a) != 2 || !json_is_integer(json_array_get(a, 0)) ||
        !json_is_integer(json_array_get(a, 1))) {
        ck_fail(e, CK_MALFORMED, "instance.%s: [lo, hi] integers", key);
        return -1;
    }
    *lo = (long)json_integer_value(json_array_get(a, 0)), *hi = (long)json_integer_value(json_array_get(a, 1));
    if (*lo < 2 || *hi < *lo || *hi > 200) {
        ck_fail(e, CK_MALFORMED, "instance.%s: 2 <= lo <= hi <= 200", key);
        return -1;
    }
    return 0;
}

static int q_range(const json_t *j, const char *key, mpq_t lo, mpq_t hi, ck_err *e)
{
    const json_t *a = json_object_get(j, key);
    if (!json_is_array(a) || json_array_size(a) != 2 || !json_is_string(json_array_get(a, 0)) ||
        !json_is_string(json_array_get(a, 1)) || ck_parse_entry(json_string_value(json_array_get(a, 0)), lo) ||
        ck_parse_entry(json_string_value(json_array_get(a, 1)), hi) || mpq_sgn(lo) <= 0 || mpq_cmp(lo, hi) >= 0) {
        ck_fail(e, CK_MALFORMED, "instance.%s: [lo, hi] exact strings with 0 < lo < hi", key);
        return -1;
    }
    return 0;
}

int ck_imbrelu_prop1_cor13_box(const json_t *root, ck_verdict verdict, ck_err *e)
{
    const json_t *inst = json_object_get(root, "instance");
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    json_t *w = ck_get_obj(root, "certificate", "witnesses", e), *q = ck_get_obj(root, "certificate", "quantities", e);
    if (!as || !w || !q) return -1;
    static const char *const IK[] = {"kind", "K_A", "K_B", "n_B", "R", "lambda", "max_depth", NULL};
    static const char *const WK[] = {"tree", "leaves", NULL};
    if (ck_keys(inst, "instance", IK, NULL, e) || ck_keys(w, "witnesses", WK, NULL, e)) return -1;
    bx_ctx c;
    memset(&c, 0, sizeof c);
    c.e = e;
    long A0, A1, B0, B1;
    long long md;
    mpq_t R0, R1, l0, l1, one;
    mpq_inits(c.nB, R0, R1, l0, l1, one, NULL);
    int rc = -1;
    const char *nb = ck_get_str(inst, "instance", "n_B", e);
    if (!nb || int_range(inst, "K_A", &A0, &A1, e) || int_range(inst, "K_B", &B0, &B1, e) ||
        q_range(inst, "R", R0, R1, e) || q_range(inst, "lambda", l0, l1, e) ||
        ck_get_int(inst, "instance", "max_depth", &md, e))
        goto out;
    mpq_set_ui(one, 1, 1);
    if (ck_parse_entry(nb, c.nB) || mpq_sgn(c.nB) <= 0 || md < 0 || md > 24 || mpq_cmp(R0, one) <= 0 ||
        (A1 - A0 + 1) * (B1 - B0 + 1) > 64) {
        ck_fail(e, CK_MALFORMED, "instance: n_B > 0, max_depth 0..24, R_lo > 1, at most 64 (K_A, K_B) pairs");
        goto out;
    }
    c.max_depth = (long)md;
    c.tree = ck_get_arr(w, "witnesses", "tree", e);
    c.leaves = ck_get_arr(w, "witnesses", "leaves", e);
    if (!c.tree || !c.leaves) goto out;
    rec(&c, A0, A1, B0, B1, R0, R1, l0, l1, 0);
    if (c.fail) goto out;
    if (c.tok != (long)json_array_size(c.tree) || c.leaf != (long)json_array_size(c.leaves)) {
        ck_fail(e, CK_MALFORMED, "witnesses: extra tree tokens or leaves");
        goto out;
    }
    static const char *QN[] = {"leaves_holds", "leaves_collapsed", "leaves_undecided", "leaves_fails"};
    mpq_t x;
    mpq_init(x);
    for (int t = 0; t < 4 && !c.fail; t++) {
        mpq_set_si(x, c.count[t], 1);
        if (ck_imbrelu_verify_rational(q, QN[t], x, e)) c.fail = 1;
    }
    mpq_clear(x);
    if (c.fail || ck_imbrelu_keys_exact(q, "quantities", (char **)QN, 4, e)) goto out;
    int fails = c.count[LF_FAILS] > 0;
    const char *want = fails ? "cos_major >= cos_minor on a leaf where M_A > 0"
                             : "cos_major < cos_minor on every decided leaf where M_A > 0";
    if (strcmp(as, want)) {
        ck_fail(e, CK_INVALID, "assertion: the checker derives \"%s\"", want);
        goto out;
    }
    if (ck_require_verdict(verdict, fails ? CK_REFUTED : CK_PROVED, e)) goto out;
    rc = 0;
out:
    mpq_clears(c.nB, R0, R1, l0, l1, one, NULL);
    return rc;
}
