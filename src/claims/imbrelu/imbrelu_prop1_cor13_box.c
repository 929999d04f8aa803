/* imbrelu_prop1_cor13_box.c: Corollary 3's "cos(w_major, w'_major) < cos(w_minor, w'_minor)"
 * over a parameter box (instance kind imbrelu-cor3-box/1: K_A, K_B integer ranges >= 2, n_B,
 * R = n_A/n_B real in [R_lo, R_hi] with R_lo > 1, lambda = lambda_W lambda_H in [lo, hi]).
 * Derivation: cos_minor - cos_major = K^2 (s_A - s_B)(K_A s_A + K_B s_B)/(D_A D_B), D > 0, so on
 * a leaf where M_A > 0 the inequality is equivalent to g = sqrt(R) M_A - M_B > 0 (s = sqrt(n) M).
 * Bisection (K_A, then K_B to single values, then R or lambda) with exact rational leaves. A
 * leaf is "collapsed" when T_A = (K-1) R - K n_B (K_A R + K_B)^2 lambda <= 0 on it (exact corner
 * bound: M_A = 0, both cosines undefined), "holds" when T_B = T_A - (K-1)(R-1) <= 0 on it (exact:
 * M_B = 0, so s_A > s_B wherever M_A > 0) or T_A > 0 on it and the Arb enclosure of g over the
 * leaf is > 0, "fails" when T_A > 0 and g < 0, else "undecided" (max_depth reached). */
#include <string.h>
#include "claims/claim.h"
#include "claims/imbrelu/imbrelu_common.h"
#include "claims/imbrelu/imbrelu_prop1_cor13.h"
#include "cert/cert.h"
#include "instance/entry_parse.h"
#include "ball/ball_interval.h"

enum { LF_HOLDS, LF_COLLAPSED, LF_UNDEC, LF_FAILS };
static const char *const LF_NAME[] = {"holds", "collapsed", "undecided", "fails"};
#define BX_PREC 128

typedef struct {
    slong max_depth, count[4];
    fmpq_t nB;
    json_t *tree, *leaves;
} bx_ctx;

/* the subtracted term of T_A: K n_B (K_A R + K_B)^2 lam (increasing in R and lam) */
static void bx_term(fmpq_t u, const bx_ctx *c, slong KA, slong KB, const fmpq_t R, const fmpq_t lam)
{
    fmpq_mul_si(u, R, KA);
    fmpq_add_si(u, u, KB);
    fmpq_mul(u, u, u);
    fmpq_mul(u, u, lam);
    fmpq_mul(u, u, c->nB);
    fmpq_mul_si(u, u, KA + KB);
}

/* M(n) = log((K-1)(sqrt(n)/c - 1)) over the ball; clipped at 0 from below (M = max(0, Mbar)) */
static void bx_M(arb_t M, const arb_t n, const arb_t cc, slong K)
{
    arb_sqrt(M, n, BX_PREC);
    arb_div(M, M, cc, BX_PREC);
    arb_sub_ui(M, M, 1, BX_PREC);
    arb_mul_si(M, M, K - 1, BX_PREC);
    arb_t one;
    arb_init(one);
    arb_one(one);
    if (arb_gt(M, one))
        arb_log(M, M, BX_PREC);
    else if (arb_le(M, one))
        arb_zero(M);
    else { /* straddles 1: M in [0, max(0, log(upper))] */
        arb_get_ubound_arf(arb_midref(one), M, BX_PREC);
        arb_set_arf(M, arb_midref(one));
        arb_log(M, M, BX_PREC);
        arb_zero(one);
        arb_union(M, M, one, BX_PREC);
        arb_nonnegative_part(M, M);
    }
    arb_clear(one);
}

static int bx_leaf(const bx_ctx *c, slong KA, slong KB, const fmpq_t R0, const fmpq_t R1, const fmpq_t l0,
                   const fmpq_t l1)
{
    slong K = KA + KB;
    fmpq_t u, v; /* T_A = (K-1) R - term: max <= (K-1) R1 - term(R0, l0), min >= (K-1) R0 - term(R1, l1) */
    fmpq_init(u), fmpq_init(v);
    bx_term(u, c, KA, KB, R0, l0);
    fmpq_mul_si(v, R1, K - 1);
    int hi_nonpos = fmpq_cmp(v, u) <= 0;
    bx_term(u, c, KA, KB, R1, l1);
    fmpq_mul_si(v, R0, K - 1);
    int lo_pos = fmpq_cmp(v, u) > 0;
    bx_term(u, c, KA, KB, R0, l0); /* max T_B <= (K-1) - term(R0, l0); T_B = T_A - (K-1)(R-1) */
    fmpq_set_si(v, K - 1, 1);
    int b_dead = fmpq_cmp(v, u) <= 0;
    fmpq_clear(u), fmpq_clear(v);
    if (hi_nonpos) return LF_COLLAPSED;
    if (b_dead) return LF_HOLDS; /* M_B = 0 on the leaf: s_A > 0 = s_B wherever M_A > 0 (exact) */
    if (!lo_pos) return LF_UNDEC;
    arb_t R, lam, cc, nA, nB, MA, MB, g;
    arb_init(R), arb_init(lam), arb_init(cc), arb_init(nA), arb_init(nB), arb_init(MA), arb_init(MB), arb_init(g);
    ball_set_fmpq_interval(R, R0, R1, BX_PREC);
    ball_set_fmpq_interval(lam, l0, l1, BX_PREC);
    arb_set_fmpq(nB, c->nB, BX_PREC);
    arb_mul(nA, R, nB, BX_PREC);
    arb_mul_si(cc, R, KA, BX_PREC); /* c = N sqrt((K-1)/K) sqrt(lam), N = n_B (K_A R + K_B) */
    arb_add_si(cc, cc, KB, BX_PREC);
    arb_mul(cc, cc, nB, BX_PREC);
    arb_sqrt(g, lam, BX_PREC);
    arb_mul(cc, cc, g, BX_PREC);
    arb_set_si(g, K - 1);
    arb_div_si(g, g, K, BX_PREC);
    arb_sqrt(g, g, BX_PREC);
    arb_mul(cc, cc, g, BX_PREC);
    bx_M(MA, nA, cc, K);
    bx_M(MB, nB, cc, K);
    arb_sqrt(g, R, BX_PREC);
    arb_mul(g, g, MA, BX_PREC);
    arb_sub(g, g, MB, BX_PREC);
    int st = arb_is_positive(g) ? LF_HOLDS : arb_is_negative(g) ? LF_FAILS : LF_UNDEC;
    arb_clear(R), arb_clear(lam), arb_clear(cc), arb_clear(nA), arb_clear(nB), arb_clear(MA), arb_clear(MB),
        arb_clear(g);
    return st;
}

static json_t *bx_pair(const fmpq_t a, const fmpq_t b)
{
    json_t *p = json_array();
    json_array_append_new(p, cert_fmpq_string(a));
    json_array_append_new(p, cert_fmpq_string(b));
    return p;
}

/* split point of [lo, hi]: lo 2^floor(log2(hi/lo)/2) when hi/lo >= 4, else the midpoint */
static void bx_split(fmpq_t m, const fmpq_t lo, const fmpq_t hi)
{
    fmpq_t r;
    fmpq_init(r);
    fmpq_div(r, hi, lo);
    slong e = fmpz_bits(fmpq_numref(r)) - fmpz_bits(fmpq_denref(r)) - 1; /* <= log2(hi/lo) */
    if (e >= 2)
        fmpq_mul_2exp(m, lo, (ulong)(e / 2));
    else {
        fmpq_add(m, lo, hi);
        fmpq_div_2exp(m, m, 1);
    }
    fmpq_clear(r);
}

static void bx_rec(bx_ctx *c, slong A0, slong A1, slong B0, slong B1, const fmpq_t R0, const fmpq_t R1, const fmpq_t l0,
                   const fmpq_t l1, slong depth)
{
    char tok[32];
    if (A0 < A1 || B0 < B1) { /* integer splits first, not counted in depth */
        int a = A0 < A1;
        slong m = a ? (A0 + A1) / 2 : (B0 + B1) / 2;
        snprintf(tok, sizeof tok, "%c:%ld", a ? 'A' : 'B', (long)m);
        json_array_append_new(c->tree, json_string(tok));
        if (a) {
            bx_rec(c, A0, m, B0, B1, R0, R1, l0, l1, depth);
            bx_rec(c, m + 1, A1, B0, B1, R0, R1, l0, l1, depth);
        } else {
            bx_rec(c, A0, A1, B0, m, R0, R1, l0, l1, depth);
            bx_rec(c, A0, A1, m + 1, B1, R0, R1, l0, l1, depth);
        }
        return;
    }
    int st = bx_leaf(c, A0, B0, R0, R1, l0, l1);
    if (st == LF_UNDEC && depth < c->max_depth) {
        fmpq_t rr, rl, m;
        fmpq_init(rr), fmpq_init(rl), fmpq_init(m);
        fmpq_div(rr, R1, R0);
        fmpq_div(rl, l1, l0);
        int splitR = fmpq_cmp(rr, rl) >= 0;
        const fmpq *lo = splitR ? R0 : l0, *hi = splitR ? R1 : l1;
        bx_split(m, lo, hi);
        char *s = fmpq_get_str(NULL, 10, m);
        json_array_append_new(c->tree, json_pack("s+", splitR ? "R:" : "l:", s));
        flint_free(s);
        if (splitR) {
            bx_rec(c, A0, A1, B0, B1, R0, m, l0, l1, depth + 1);
            bx_rec(c, A0, A1, B0, B1, m, R1, l0, l1, depth + 1);
        } else {
            bx_rec(c, A0, A1, B0, B1, R0, R1, l0, m, depth + 1);
            bx_rec(c, A0, A1, B0, B1, R0, R1, m, l1, depth + 1);
        }
        fmpq_clear(rr), fmpq_clear(rl), fmpq_clear(m);
        return;
    }
    json_array_append_new(c->tree, json_string("L"));
    json_t *lf = json_object();
    json_object_set_new(lf, "K_A", json_integer(A0));
    json_object_set_new(lf, "K_B", json_integer(B0));
    json_object_set_new(lf, "R", bx_pair(R0, R1));
    json_object_set_new(lf, "lambda", bx_pair(l0, l1));
    json_object_set_new(lf, "status", json_string(LF_NAME[st]));
    json_array_append_new(c->leaves, lf);
    c->count[st]++;
}

static int bx_range_int(const json_t *j, const char *key, slong *lo, slong *hi, nc_error *err)
{
    const json_t *a = json_object_get(j, key);
    if (!json_is_array(a) || json_array_size(a) != 2 || !json_is_integer(json_array_get(a, 0)) ||
        !json_is_integer(json_array_get(a, 1)))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu-cor3-box/1: %s must be [lo, hi] integers", key);
    *lo = (slong)json_integer_value(json_array_get(a, 0)), *hi = (slong)json_integer_value(json_array_get(a, 1));
    if (*lo < 2 || *hi < *lo || *hi > 200)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu-cor3-box/1: %s needs 2 <= lo <= hi <= 200", key);
    return 0;
}

static int bx_range_q(const json_t *j, const char *key, fmpq_t lo, fmpq_t hi, nc_error *err)
{
    const json_t *a = json_object_get(j, key);
    if (!json_is_array(a) || json_array_size(a) != 2 || !json_is_string(json_array_get(a, 0)) ||
        !json_is_string(json_array_get(a, 1)) || entry_parse_fmpq(lo, json_string_value(json_array_get(a, 0))) ||
        entry_parse_fmpq(hi, json_string_value(json_array_get(a, 1))) || fmpq_sgn(lo) <= 0 || fmpq_cmp(lo, hi) >= 0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "imbrelu-cor3-box/1: %s must be [lo, hi] exact strings, 0 < lo < hi", key);
    return 0;
}

int imbrelu_prop1_cor13_certify_box(json_t *j, json_t **cert, nc_error *err)
{
    static const char *const KEYS[] = {"kind", "K_A", "K_B", "n_B", "R", "lambda", "max_depth", NULL};
    const char *key;
    json_t *v;
    json_object_foreach(j, key, v)
    {
        int t = 0;
        while (KEYS[t] && strcmp(KEYS[t], key)) t++;
        if (!KEYS[t]) return nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu-cor3-box/1: unknown key \"%.40s\"", key);
    }
    bx_ctx c;
    memset(&c, 0, sizeof c);
    slong A0, A1, B0, B1;
    fmpq_t R0, R1, l0, l1;
    fmpq_init(c.nB), fmpq_init(R0), fmpq_init(R1), fmpq_init(l0), fmpq_init(l1);
    const json_t *nb = json_object_get(j, "n_B"), *md = json_object_get(j, "max_depth");
    int rc = 0;
    if (bx_range_int(j, "K_A", &A0, &A1, err) || bx_range_int(j, "K_B", &B0, &B1, err) ||
        bx_range_q(j, "R", R0, R1, err) || bx_range_q(j, "lambda", l0, l1, err))
        rc = err->status;
    else if (!json_is_string(nb) || entry_parse_fmpq(c.nB, json_string_value(nb)) || fmpq_sgn(c.nB) <= 0)
        rc = nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu-cor3-box/1: n_B must be a positive exact string");
    else if (!json_is_integer(md) || json_integer_value(md) < 0 || json_integer_value(md) > 24)
        rc = nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu-cor3-box/1: max_depth must be an integer 0..24");
    else if (fmpq_cmp_si(R0, 1) <= 0)
        rc = nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu-cor3-box/1: R_lo must be > 1 (majority classes are larger)");
    else if ((A1 - A0 + 1) * (B1 - B0 + 1) > 64)
        rc = nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu-cor3-box/1: at most 64 (K_A, K_B) pairs");
    if (rc) {
        fmpq_clear(c.nB), fmpq_clear(R0), fmpq_clear(R1), fmpq_clear(l0), fmpq_clear(l1);
        return rc;
    }
    c.max_depth = (slong)json_integer_value(md);
    c.tree = json_array(), c.leaves = json_array();
    bx_rec(&c, A0, A1, B0, B1, R0, R1, l0, l1, 0);
    json_t *w = json_object(), *q = json_object();
    json_object_set_new(w, "tree", c.tree);
    json_object_set_new(w, "leaves", c.leaves);
    fmpq_t x;
    fmpq_init(x);
    static const char *const QN[] = {"leaves_holds", "leaves_collapsed", "leaves_undecided", "leaves_fails"};
    for (int t = 0; t < 4; t++) {
        fmpq_set_si(x, c.count[t], 1);
        imbrelu_put_rational(q, QN[t], x);
    }
    fmpq_clear(x);
    int fails = c.count[LF_FAILS] > 0;
    *cert = cert_assemble("imbrelu.prop-1-cor-1-3",
                          imbrelu_source("Corollary 3", "two groups (K_A classes of n_A, K_B of n_B < n_A): "
                                                        "cos(w_major, w'_major) < cos(w_minor, w'_minor)"),
                          imbrelu_instance_json(j), cert_method(1, BX_PREC),
                          fails ? "cos_major >= cos_minor on a leaf where M_A > 0"
                                : "cos_major < cos_minor on every decided leaf where M_A > 0",
                          w, q, fails ? NC_REFUTED : NC_PROVED);
    fmpq_clear(c.nB), fmpq_clear(R0), fmpq_clear(R1), fmpq_clear(l0), fmpq_clear(l1);
    return 0;
}
