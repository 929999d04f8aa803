/* linconv_box.c: certifies linconv.prop-1 / prop-3 over a box of (lambda_W, lambda_H)
 * ("linconv-box/1", linconv_box.h). The box is bisected (preorder tree "L" | "W:q" | "H:q");
 * on each closed leaf the side of the threshold is decided exactly from two corners
 * (t = n lambda_W lambda_H is increasing in both lambdas): above when n K^2 t_lo >= 1 (part (i):
 * the zero point is the unique global minimiser, a statement about the lambdas only, see the
 * derivation), below when n K^2 t_hi < 1 (part (ii)): then the range of the gap F(0) - F* over
 * the leaf is enclosed, exactly for the MSE ((K-1)/(2K)(1 - K s)^2 with rational bounds on
 * 1 - K s), with Arb for the CE (the gap is decreasing in s = sqrt(t), so its range is
 * [gap(s_hi), gap(s_lo)]). Straddling leaves are split until max_depth, then "boundary". */
#include <string.h>
#include "claims/linconv/linconv_box.h"
#include "claims/linconv/linconv_common.h"
#include "cert/cert.h"
#include "instance/entry_parse.h"

enum { SIDE_BELOW, SIDE_ABOVE, SIDE_BOUNDARY, SIDE_UNRESOLVED };
static const char *const SIDE_NAME[] = {"below", "above", "boundary", "unresolved"};
static const char *const AS_BOX =
    "box: every below-threshold leaf: the claimed family's value beats the zero point; every above-threshold leaf: the "
    "zero point is the unique global minimiser; straddling leaves only at max_depth";

#define BOX_MAX_DEPTH 24
#define BOX_PREC 128

typedef struct {
    slong K, n, d, max_depth;
    int loss;
    fmpq_t w0, w1, h0, h1;
    fmpq_t c; /* n K^2 */
    json_t *tree, *leaves;
    slong count[4];
    fmpq_t bad_area; /* area of the boundary and unresolved leaves */
} box_ctx;

int linconv_box_is_box(const json_t *j)
{
    const json_t *k = json_object_get(j, "kind");
    return json_is_string(k) && !strcmp(json_string_value(k), LINCONV_BOX_KIND);
}

static int get_int(const json_t *j, const char *key, slong lo, slong hi, slong *v, nc_error *err)
{
    json_t *x = json_object_get(j, key);
    if (!json_is_integer(x) || json_integer_value(x) < lo || json_integer_value(x) > hi)
        return nc_error_set(err, 2, LINCONV_BOX_KIND ": \"%s\" must be an integer in [%ld, %ld]", key, (long)lo,
                            (long)hi);
    *v = (slong)json_integer_value(x);
    return 0;
}

static int get_pos_q(const json_t *j, const char *key, fmpq_t q, nc_error *err)
{
    json_t *x = json_object_get(j, key);
    if (!json_is_string(x) || entry_parse_fmpq(q, json_string_value(x)) || fmpq_sgn(q) <= 0)
        return nc_error_set(
            err, 2, LINCONV_BOX_KIND ": \"%s\" must be a positive exact number string (\"0.001\", \"1/3\")", key);
    return 0;
}

/* d >= K - 1 for the MSE (the claimed family exists), d >= K for the CE (as printed) */
static int box_parse(box_ctx *c, const json_t *j, nc_error *err)
{
    static const char *const keys[] = {"kind",        "K",           "n",           "d",         "lambda_W_lo",
                                       "lambda_W_hi", "lambda_H_lo", "lambda_H_hi", "max_depth", NULL};
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)j, key, v)
    {
        int known = 0;
        for (int t = 0; keys[t]; t++) known |= !strcmp(key, keys[t]);
        if (!known) return nc_error_set(err, 2, LINCONV_BOX_KIND ": unknown key \"%s\"", key);
    }
    if (get_int(j, "K", 2, 200, &c->K, err) || get_int(j, "n", 1, 100000, &c->n, err) ||
        get_int(j, "d", c->loss == LINCONV_MSE ? c->K - 1 : c->K, 1000, &c->d, err) ||
        get_int(j, "max_depth", 0, BOX_MAX_DEPTH, &c->max_depth, err) || get_pos_q(j, "lambda_W_lo", c->w0, err) ||
        get_pos_q(j, "lambda_W_hi", c->w1, err) || get_pos_q(j, "lambda_H_lo", c->h0, err) ||
        get_pos_q(j, "lambda_H_hi", c->h1, err))
        return err->status;
    if (fmpq_cmp(c->w0, c->w1) >= 0 || fmpq_cmp(c->h0, c->h1) >= 0)
        return nc_error_set(err, 2, LINCONV_BOX_KIND ": need lambda_W_lo < lambda_W_hi and lambda_H_lo < lambda_H_hi");
    fmpq_set_si(c->c, c->n * c->K * c->K, 1);
    return 0;
}

/* e = 1 - n K^2 w h (the threshold test at the corner (w, h)) */
static void corner_test(fmpq_t e, const box_ctx *c, const fmpq_t w, const fmpq_t h)
{
    fmpq_mul(e, w, h);
    fmpq_mul(e, e, c->c);
    fmpq_neg(e, e);
    fmpq_add_si(e, e, 1);
}

static json_t *pair(const fmpq_t a, const fmpq_t b)
{
    json_t *p = json_array();
    char *s = fmpq_get_str(NULL, 10, a);
    json_array_append_new(p, json_string(s));
    flint_free(s);
    s = fmpq_get_str(NULL, 10, b);
    json_array_append_new(p, json_string(s));
    flint_free(s);
    return p;
}

/* CE gap at s = sqrt(t): log K - log(1 + (K-1)/gamma) - (K-1) s log gamma, gamma = 1/s - K + 1.
 * Arb contract: g contains the exact value (t < 1/K^2, so gamma > 1). */
static void ce_gap(arb_t g, slong K, const fmpq_t t, slong prec)
{
    arb_t s, gam, x;
    arb_init(s), arb_init(gam), arb_init(x);
    arb_set_fmpq(s, t, prec);
    arb_sqrt(s, s, prec);
    arb_inv(gam, s, prec);
    arb_sub_si(gam, gam, K - 1, prec);
    arb_log(x, gam, prec);
    arb_mul(x, x, s, prec);
    arb_mul_si(x, x, K - 1, prec);
    arb_inv(g, gam, prec);
    arb_mul_si(g, g, K - 1, prec);
    arb_log1p(g, g, prec);
    arb_add(g, g, x, prec);
    arb_log_ui(x, (ulong)K, prec);
    arb_sub(g, x, g, prec);
    arb_clear(s), arb_clear(gam), arb_clear(x);
}

/* The gap range [lo, hi] over a below leaf with tests e_hi = 1 - nK^2 t_hi > 0 (upper corner)
 * and e_lo (lower corner). MSE, exact: 1 - K s = (1 - K^2 t)/(1 + K s) lies in
 * [e_hi/2, e_lo], so gap in [(K-1)/(8K) e_hi^2, (K-1)/(2K) e_lo^2]. CE: [gap(s_hi), gap(s_lo)]
 * rounded outwards to 64-bit rationals. NULL when lo > 0 is not established. */
static json_t *leaf_gap(const box_ctx *c, const fmpq_t e_lo, const fmpq_t e_hi, const fmpq_t w0, const fmpq_t w1,
                        const fmpq_t h0, const fmpq_t h1)
{
    fmpq_t lo, hi;
    fmpq_init(lo), fmpq_init(hi);
    json_t *p = NULL;
    if (c->loss == LINCONV_MSE) {
        fmpq_mul(lo, e_hi, e_hi), fmpq_mul_si(lo, lo, c->K - 1), fmpq_div_fmpz(lo, lo, &(fmpz){8 * c->K});
        fmpq_mul(hi, e_lo, e_lo), fmpq_mul_si(hi, hi, c->K - 1), fmpq_div_fmpz(hi, hi, &(fmpz){2 * c->K});
        p = pair(lo, hi);
    } else {
        arb_t g0, g1;
        arf_t f;
        arb_init(g0), arb_init(g1), arf_init(f);
        for (slong prec = BOX_PREC; prec <= 4 * BOX_PREC && !p; prec *= 4) {
            fmpq_mul(lo, w1, h1), fmpq_mul_si(lo, lo, c->n);
            ce_gap(g1, c->K, lo, prec);
            fmpq_mul(hi, w0, h0), fmpq_mul_si(hi, hi, c->n);
            ce_gap(g0, c->K, hi, prec);
            arb_get_lbound_arf(f, g1, 64);
            if (arf_sgn(f) <= 0) continue;
            arf_get_fmpq(lo, f);
            arb_get_ubound_arf(f, g0, 64);
            arf_get_fmpq(hi, f);
            p = pair(lo, hi);
        }
        arb_clear(g0), arb_clear(g1), arf_clear(f);
    }
    fmpq_clear(lo), fmpq_clear(hi);
    return p;
}

/* a split point strictly inside (lo, hi): a power of 2 near the geometric mean when hi >= 4 lo
 * (bit lengths only propose it; it is tested exactly), else the midpoint */
static void split_point(fmpq_t m, const fmpq_t lo, const fmpq_t hi)
{
    fmpq_mul_2exp(m, lo, 2);
    if (fmpq_cmp(hi, m) >= 0) {
        slong g = ((slong)fmpz_bits(fmpq_numref(lo)) - (slong)fmpz_bits(fmpq_denref(lo)) +
                   (slong)fmpz_bits(fmpq_numref(hi)) - (slong)fmpz_bits(fmpq_denref(hi))) /
                  2;
        fmpq_one(m);
        if (g >= 0)
            fmpq_mul_2exp(m, m, (ulong)g);
        else
            fmpq_div_2exp(m, m, (ulong)-g);
        if (fmpq_cmp(m, lo) > 0 && fmpq_cmp(m, hi) < 0) return;
    }
    fmpq_add(m, lo, hi);
    fmpq_div_2exp(m, m, 1);
}

static void box_rec(box_ctx *c, const fmpq_t w0, const fmpq_t w1, const fmpq_t h0, const fmpq_t h1, slong depth)
{
    fmpq_t e_lo, e_hi, m, r;
    fmpq_init(e_lo), fmpq_init(e_hi), fmpq_init(m), fmpq_init(r);
    corner_test(e_lo, c, w0, h0);
    corner_test(e_hi, c, w1, h1);
    int side = fmpq_sgn(e_lo) <= 0 ? SIDE_ABOVE : fmpq_sgn(e_hi) > 0 ? SIDE_BELOW : SIDE_BOUNDARY;
    json_t *gap = side == SIDE_BELOW ? leaf_gap(c, e_lo, e_hi, w0, w1, h0, h1) : NULL;
    if (side == SIDE_BELOW && !gap) side = SIDE_UNRESOLVED;
    if (side >= SIDE_BOUNDARY && depth < c->max_depth) {
        /* split the coordinate with the larger hi/lo ratio */
        fmpq_mul(m, w1, h0), fmpq_mul(r, h1, w0);
        int on_w = fmpq_cmp(m, r) >= 0;
        split_point(m, on_w ? w0 : h0, on_w ? w1 : h1);
        char *s = fmpq_get_str(NULL, 10, m), *tok = flint_malloc(strlen(s) + 3);
        tok[0] = on_w ? 'W' : 'H', tok[1] = ':', strcpy(tok + 2, s);
        json_array_append_new(c->tree, json_string(tok));
        flint_free(s), flint_free(tok);
        if (on_w)
            box_rec(c, w0, m, h0, h1, depth + 1), box_rec(c, m, w1, h0, h1, depth + 1);
        else
            box_rec(c, w0, w1, h0, m, depth + 1), box_rec(c, w0, w1, m, h1, depth + 1);
    } else {
        json_t *lf = json_object();
        json_array_append_new(c->tree, json_string("L"));
        json_object_set_new(lf, "lambda_W", pair(w0, w1));
        json_object_set_new(lf, "lambda_H", pair(h0, h1));
        json_object_set_new(lf, "side", json_string(SIDE_NAME[side]));
        if (gap) json_object_set_new(lf, "gap", gap), gap = NULL;
        json_array_append_new(c->leaves, lf);
        c->count[side]++;
        if (side >= SIDE_BOUNDARY) {
            fmpq_sub(m, w1, w0), fmpq_sub(r, h1, h0), fmpq_mul(m, m, r);
            fmpq_add(c->bad_area, c->bad_area, m);
        }
    }
    if (gap) json_decref(gap);
    fmpq_clear(e_lo), fmpq_clear(e_hi), fmpq_clear(m), fmpq_clear(r);
}

int linconv_box_certify(int loss, json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    (void)o;
    box_ctx c;
    memset(&c, 0, sizeof c);
    c.loss = loss;
    fmpq_init(c.w0), fmpq_init(c.w1), fmpq_init(c.h0), fmpq_init(c.h1), fmpq_init(c.c), fmpq_init(c.bad_area);
    int rc = box_parse(&c, instance_json, err);
    if (!rc) {
        json_t *q = json_object(), *w = json_object();
        c.tree = json_array(), c.leaves = json_array();
        box_rec(&c, c.w0, c.w1, c.h0, c.h1, 0);
        json_object_set_new(w, "tree", c.tree);
        json_object_set_new(w, "leaves", c.leaves);
        fmpq_t x, y;
        fmpq_init(x), fmpq_init(y);
        fmpq_inv(x, c.c);
        linconv_put_rational(q, "threshold_constant", x);
        static const char *const QN[] = {"leaves_below", "leaves_above", "leaves_boundary", "leaves_unresolved"};
        for (int t = 0; t < 4; t++) fmpq_set_si(x, c.count[t], 1), linconv_put_rational(q, QN[t], x);
        fmpq_sub(x, c.w1, c.w0), fmpq_sub(y, c.h1, c.h0), fmpq_mul(x, x, y), fmpq_div(x, c.bad_area, x);
        linconv_put_rational(q, "boundary_area_fraction", x);
        fmpq_clear(x), fmpq_clear(y);
        const int ok = c.count[SIDE_UNRESOLVED] == 0;
        *cert = cert_assemble(
            loss == LINCONV_MSE ? "linconv.prop-1" : "linconv.prop-3",
            loss == LINCONV_MSE
                ? linconv_source("Proposition 1",
                                 "Problem (5) (MSE, bias, averaged) over a box of (lambda_W, lambda_H): optimal set "
                                 "{(0, 0, 1/K)} where lambda_W lambda_H >= 1/(nK^2); below it the claimed family "
                                 "(gamma = 1 - K sqrt(n lambda_W lambda_H)) beats the zero point")
                : linconv_source("Proposition 3",
                                 "Problem (8) (CE, no bias, averaged, d >= K) over a box of (lambda_W, lambda_H): "
                                 "optimal set {(0, 0)} where lambda_W lambda_H >= 1/(nK^2); below it the claimed "
                                 "family (gamma = 1/sqrt(n lambda_W lambda_H) - K + 1) beats the zero point"),
            json_deep_copy(instance_json), cert_method(loss == LINCONV_MSE ? 2 : 1, loss == LINCONV_MSE ? 0 : BOX_PREC),
            ok ? AS_BOX : "none", w, q, ok ? NC_PROVED : NC_INCONCLUSIVE);
    }
    fmpq_clear(c.w0), fmpq_clear(c.w1), fmpq_clear(c.h0), fmpq_clear(c.h1), fmpq_clear(c.c), fmpq_clear(c.bad_area);
    return rc ? err->status : 0;
}
