/* check_linconv_box.c: owns the check of linconv.prop-1 / prop-3 over a parameter box
 * ("linconv-box/1", specs/claims/linconv.prop-1.md "Parameter boxes"). Replays the preorder
 * split tree ("L", "W:q", "H:q", strictly inside) from the instance box, so the leaves tile it
 * exactly; each leaf's stated box must be the replayed one. Per leaf it decides the side of the
 * threshold exactly (GMP: 1 - n K^2 lambda_W lambda_H at the lower and upper corners) and
 * re-verifies the stated gap range of a below leaf: MSE exactly ((K-1)/(8K) e_hi^2,
 * (K-1)/(2K) e_lo^2), CE with MPFI at 256 bits through its own form of the gap,
 * log(K s) + (1 - (K-1) s) log(1/s - K + 1) (= log K - log(1 + (K-1)/gamma) - (K-1) s log gamma),
 * at s_hi (the minimum) and s_lo (the maximum; the gap decreases in s). Counts and the area
 * fraction of the boundary leaves are exact quantities. */
#include <stdlib.h>
#include <string.h>
#include <mpfi.h>
#include "linconv/check_linconv_box.h"
#include "linconv/check_linconv_common.h"
#include "check_rational.h"
#include "check_decision.h"
#include "check_boxtree.h"

enum { SD_BELOW, SD_ABOVE, SD_BOUNDARY, SD_UNRESOLVED };
static const char *const SD_NAME[] = {"below", "above", "boundary", "unresolved", NULL};
static const char *const AS_BOX =
    "box: every below-threshold leaf: the claimed family's value beats the zero point; every above-threshold leaf: the "
    "zero point is the unique global minimiser; straddling leaves only at max_depth";

typedef struct {
    long K, n, max_depth, tok, leaf, count[4];
    int loss, fail;
    mpq_t c, bad_area;
    const json_t *tree, *leaves;
    ck_err *e;
} bx_ctx;

int ck_linconv_box_is_box(const json_t *root)
{
    const json_t *k = json_object_get(json_object_get(root, "instance"), "kind");
    return json_is_string(k) && !strcmp(json_string_value(k), "linconv-box/1");
}

static int parse_q(const json_t *v, mpq_t q)
{
    const char *s = json_is_string(v) ? json_string_value(v) : NULL;
    return !s || (ck_parse_entry(s, q) && ck_parse_decimal(s, q));
}

static int pair_get(const json_t *p, mpq_t a, mpq_t b)
{
    return !json_is_array(p) || json_array_size(p) != 2 || parse_q(json_array_get(p, 0), a) ||
           parse_q(json_array_get(p, 1), b);
}

static int pair_is(const json_t *p, const mpq_t a, const mpq_t b)
{
    mpq_t x, y;
    mpq_inits(x, y, NULL);
    int ok = !pair_get(p, x, y) && mpq_equal(x, a) && mpq_equal(y, b);
    mpq_clears(x, y, NULL);
    return ok;
}

/* e = 1 - n K^2 w h */
static void bx_test(mpq_t e, const bx_ctx *c, const mpq_t w, const mpq_t h)
{
    mpq_t one;
    mpq_init(one);
    mpq_set_ui(one, 1, 1);
    mpq_mul(e, w, h);
    mpq_mul(e, e, c->c);
    mpq_sub(e, one, e);
    mpq_clear(one);
}

/* g = log(K s) + (1 - (K-1) s) log(1/s - K + 1), s = sqrt(t): contains the CE gap at s */
static void bx_ce_gap(mpfi_t g, long K, const mpq_t t)
{
    mpfi_t s, x, y;
    mpfi_init2(s, CK_LINCONV_PREC), mpfi_init2(x, CK_LINCONV_PREC), mpfi_init2(y, CK_LINCONV_PREC);
    mpfi_set_q(s, t);
    mpfi_sqrt(s, s);
    mpfi_mul_si(g, s, K);
    mpfi_log(g, g);
    mpfi_ui_div(x, 1, s);
    mpfi_sub_si(x, x, K - 1);
    mpfi_log(x, x);
    mpfi_mul_si(y, s, K - 1);
    mpfi_ui_sub(y, 1, y);
    mpfi_mul(x, x, y);
    mpfi_add(g, g, x);
    mpfi_clear(s), mpfi_clear(x), mpfi_clear(y);
}

/* the stated gap range [lo, hi] of a below leaf: lo > 0 and it contains the checker's range */
static int bx_gap(bx_ctx *c, const json_t *p, const mpq_t w0, const mpq_t w1, const mpq_t h0, const mpq_t h1)
{
    mpq_t lo, hi, a, b, t;
    mpq_inits(lo, hi, a, b, t, NULL);
    int ok = !pair_get(p, lo, hi) && mpq_sgn(lo) > 0;
    if (ok && c->loss == CK_LINCONV_MSE) {
        bx_test(a, c, w1, h1), mpq_mul(a, a, a), mpq_set_si(t, c->K - 1, (unsigned long)(8 * c->K)),
            mpq_canonicalize(t), mpq_mul(a, a, t);
        bx_test(b, c, w0, h0), mpq_mul(b, b, b), mpq_set_si(t, c->K - 1, (unsigned long)(2 * c->K)),
            mpq_canonicalize(t), mpq_mul(b, b, t);
        ok = mpq_equal(lo, a) && mpq_equal(hi, b);
    } else if (ok) {
        mpfi_t g;
        mpfi_init2(g, CK_LINCONV_PREC);
        mpq_set_si(t, c->n, 1), mpq_mul(t, t, w1), mpq_mul(t, t, h1);
        bx_ce_gap(g, c->K, t);
        ok = !mpfi_nan_p(g) && mpfr_cmp_q(&g->left, lo) >= 0;
        mpq_set_si(t, c->n, 1), mpq_mul(t, t, w0), mpq_mul(t, t, h0);
        bx_ce_gap(g, c->K, t);
        ok = ok && !mpfi_nan_p(g) && mpfr_cmp_q(&g->right, hi) <= 0;
        mpfi_clear(g);
    }
    mpq_clears(lo, hi, a, b, t, NULL);
    return ok;
}

static void bx_leaf(bx_ctx *c, const mpq_t w0, const mpq_t w1, const mpq_t h0, const mpq_t h1, long depth)
{
    static const char *const LK[] = {"lambda_W", "lambda_H", "side", NULL}, *const LKG[] = {"gap", NULL};
    const json_t *lf = json_array_get(c->leaves, (size_t)c->leaf);
    const json_t *sd = json_object_get(lf, "side");
    ck_err e2 = {0, ""};
    int side = 0;
    while (SD_NAME[side] && !(json_is_string(sd) && !strcmp(json_string_value(sd), SD_NAME[side]))) side++;
    if (!lf || !SD_NAME[side] || ck_keys(lf, "leaf", LK, side == SD_BELOW ? LKG : NULL, &e2) ||
        (side == SD_BELOW && !json_object_get(lf, "gap")) || !pair_is(json_object_get(lf, "lambda_W"), w0, w1) ||
        !pair_is(json_object_get(lf, "lambda_H"), h0, h1)) {
        ck_fail(c->e, CK_MALFORMED, "witnesses.leaves[%ld]: missing, bad keys or side, or not the box of the tree",
                c->leaf);
        c->fail = 1;
        return;
    }
    mpq_t el, eh;
    mpq_inits(el, eh, NULL);
    bx_test(el, c, w0, h0);
    bx_test(eh, c, w1, h1);
    const int exact = mpq_sgn(el) <= 0 ? SD_ABOVE : mpq_sgn(eh) > 0 ? SD_BELOW : SD_BOUNDARY;
    const char *why = NULL;
    if (side == SD_UNRESOLVED ? exact != SD_BELOW : side != exact)
        why = "the side of the threshold is not the stated one";
    else if (side == SD_BOUNDARY && depth < c->max_depth)
        why = "straddles the threshold above max_depth (must be split)";
    else if (side == SD_BELOW && !bx_gap(c, json_object_get(lf, "gap"), w0, w1, h0, h1))
        why = "gap range not verified (lo > 0 containing the checker's range)";
    if (why) {
        ck_fail(c->e, CK_INVALID, "leaves[%ld]: %s", c->leaf, why);
        c->fail = 1;
    } else if (side >= SD_BOUNDARY) {
        mpq_sub(el, w1, w0), mpq_sub(eh, h1, h0), mpq_mul(el, el, eh);
        mpq_add(c->bad_area, c->bad_area, el);
    }
    c->count[side]++;
    c->leaf++;
    mpq_clears(el, eh, NULL);
}

static void bx_rec(bx_ctx *c, mpq_t w0, mpq_t w1, mpq_t h0, mpq_t h1, long depth)
{
    const char *s = ck_tree_token(c->tree, &c->tok, depth, c->max_depth, &c->fail, c->e);
    if (!s) return;
    if (!strcmp(s, "L")) {
        bx_leaf(c, w0, w1, h0, h1, depth);
        return;
    }
    mpq_t m;
    mpq_init(m);
    int axis = ck_tree_split(s, "WH", w0, w1, h0, h1, m, c->tok - 1, c->e);
    if (axis < 0)
        c->fail = 1;
    else if (axis == 0)
        bx_rec(c, w0, m, h0, h1, depth + 1), bx_rec(c, m, w1, h0, h1, depth + 1);
    else
        bx_rec(c, w0, w1, h0, m, depth + 1), bx_rec(c, w0, w1, m, h1, depth + 1);
    mpq_clear(m);
}

static int rational_q(const json_t *q, const char *name, const mpq_t x, ck_err *e)
{
    ck_qs v;
    mpz_t one;
    ck_qs_init(&v), mpz_init_set_ui(one, 1);
    mpq_set(v.a, x);
    int rc = ck_linconv_verify_qs(q, name, &v, one, e);
    ck_qs_clear(&v), mpz_clear(one);
    return rc;
}

int ck_linconv_box_check(int loss, const json_t *root, ck_verdict verdict, ck_err *e)
{
    static const char *const IK[] = {"kind",        "K",           "n",           "d",         "lambda_W_lo",
                                     "lambda_W_hi", "lambda_H_lo", "lambda_H_hi", "max_depth", NULL};
    static const char *const WK[] = {"tree", "leaves", NULL};
    static const char *const QK[] = {"threshold_constant",
                                     "leaves_below",
                                     "leaves_above",
                                     "leaves_boundary",
                                     "leaves_unresolved",
                                     "boundary_area_fraction",
                                     NULL};
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    json_t *w = ck_get_obj(root, "certificate", "witnesses", e), *q = ck_get_obj(root, "certificate", "quantities", e);
    const json_t *in = json_object_get(root, "instance");
    if (!as || !w || !q) return -1;
    if (strcmp(as, AS_BOX) && strcmp(as, "none")) {
        ck_fail(e, CK_MALFORMED, "assertion: unknown \"%.60s\"", as);
        return -1;
    }
    bx_ctx c;
    memset(&c, 0, sizeof c);
    c.e = e, c.loss = loss;
    long long K, n, d, md;
    if (ck_keys(in, "instance", IK, NULL, e) || ck_get_int(in, "instance", "K", &K, e) ||
        ck_get_int(in, "instance", "n", &n, e) || ck_get_int(in, "instance", "d", &d, e) ||
        ck_get_int(in, "instance", "max_depth", &md, e) || ck_keys(w, "witnesses", WK, NULL, e) ||
        ck_keys(q, "quantities", QK, NULL, e))
        return -1;
    if (K < 2 || K > 200 || n < 1 || n > 100000 || d < (loss == CK_LINCONV_MSE ? K - 1 : K) || d > 1000 || md < 0 ||
        md > 24) {
        ck_fail(e, CK_MALFORMED, "instance: K in 2..200, n in 1..100000, d in %s..1000, max_depth in 0..24",
                loss == CK_LINCONV_MSE ? "K-1" : "K");
        return -1;
    }
    c.K = (long)K, c.n = (long)n, c.max_depth = (long)md;
    mpq_t w0, w1, h0, h1, x;
    mpq_inits(c.c, c.bad_area, w0, w1, h0, h1, x, NULL);
    int rc = -1;
    if (parse_q(json_object_get(in, "lambda_W_lo"), w0) || parse_q(json_object_get(in, "lambda_W_hi"), w1) ||
        parse_q(json_object_get(in, "lambda_H_lo"), h0) || parse_q(json_object_get(in, "lambda_H_hi"), h1) ||
        mpq_sgn(w0) <= 0 || mpq_sgn(h0) <= 0 || mpq_cmp(w0, w1) >= 0 || mpq_cmp(h0, h1) >= 0) {
        ck_fail(e, CK_MALFORMED, "instance: lambdas must be exact strings with 0 < lo < hi");
        goto out;
    }
    mpq_set_si(c.c, c.n * c.K * c.K, 1);
    if (ck_tree_open(w, &c.tree, &c.leaves, e)) goto out;
    bx_rec(&c, w0, w1, h0, h1, 0);
    if (c.fail || ck_tree_complete(c.tree, c.tok, c.leaves, c.leaf, e)) goto out;
    mpq_inv(x, c.c);
    if (rational_q(q, "threshold_constant", x, e)) goto out;
    for (int t = 0; t < 4; t++) {
        mpq_set_si(x, c.count[t], 1);
        if (rational_q(q, QK[t + 1], x, e)) goto out;
    }
    mpq_sub(x, w1, w0), mpq_sub(w0, h1, h0), mpq_mul(x, x, w0), mpq_div(x, c.bad_area, x);
    if (rational_q(q, "boundary_area_fraction", x, e)) goto out;
    const int ok = c.count[SD_UNRESOLVED] == 0;
    if (strcmp(as, ok ? AS_BOX : "none")) {
        ck_fail(e, CK_INVALID, "assertion does not follow from the leaves");
        goto out;
    }
    if (ck_require_verdict(verdict, ok ? CK_PROVED : CK_INCONCLUSIVE, e)) goto out;
    if (!ok) {
        ck_fail(e, CK_INVALID, "INCONCLUSIVE: %ld leaves unresolved (certificate well formed, establishes nothing)",
                c.count[SD_UNRESOLVED]);
        goto out;
    }
    rc = 0;
out:
    mpq_clears(c.c, c.bad_area, w0, w1, h0, h1, x, NULL);
    return rc;
}
