/* check_ulpm_theorem33_loss.c: owns the instance kinds of ulpm.theorem-3.3 on the checker
 * side, the exact all-margins-equal test, and the MPFI loss (4) from exact logits: for the
 * one-layer kinds (random-dyadic/1, nc/1, nc-scaled/1) the logits are coef * D with integer D
 * (int64 dot products), so only exp/log1p run in intervals, with one exponential per term. */
#include <stdlib.h>
#include <string.h>

#include "check_alloc.h"
#include "check_ce.h"
#include "check_rational.h"
#include "ulpm/check_ulpm_theorem33.h"

static const char *const SCALED_KEYS[] = {"kind", "K", "n", "d", "alpha", "beta", NULL};
static const char *const EXAMPLE_KEYS[] = {"kind", "C", NULL};

static int get_q(const json_t *j, const char *key, mpq_t q, ck_err *e)
{
    const char *s = ck_get_str(j, "instance", key, e);
    if (!s) return -1;
    if (ck_parse_entry(s, q) != 0) {
        ck_fail(e, CK_MALFORMED, "instance.%s: not an exact number string", key);
        return -1;
    }
    return 0;
}

static int parse_scaled(const json_t *j, ck_inst *in, ck_err *e)
{
    mpq_t al, be;
    mpq_inits(al, be, NULL);
    int rc = -1;
    if (ck_keys(j, "instance", SCALED_KEYS, NULL, e) || get_q(j, "alpha", al, e) || get_q(j, "beta", be, e)) goto out;
    json_t *nc = json_pack("{s:s, s:O, s:O, s:O}", "kind", "nc/1", "K", json_object_get(j, "K"), "n",
                           json_object_get(j, "n"), "d", json_object_get(j, "d"));
    mpz_clear(in->m); /* ck_inst_parse initialises IN again */
    rc = ck_inst_parse(nc, in, e);
    json_decref(nc);
    if (rc == 0) { /* nc/1 has one W layer and one H layer: scale them */
        mpq_mul(in->lw[0].scale, in->lw[0].scale, al);
        mpq_mul(in->lh[0].scale, in->lh[0].scale, be);
    }
out:
    mpq_clears(al, be, NULL);
    return rc;
}

static int parse_example(const json_t *j, ck_inst *in, ck_err *e)
{
    mpq_t C, x;
    mpq_inits(C, x, NULL);
    int rc = -1;
    if (ck_keys(j, "instance", EXAMPLE_KEYS, NULL, e) || get_q(j, "C", C, e)) goto out;
    json_t *W = json_array();
    for (int r = 0; r < 4; r++) { /* M: blocks [[1,-1],[-1,1]] on {0,1} and {2,3} */
        json_t *row = json_array();
        for (int s = 0; s < 4; s++) {
            mpq_set_si(x, r / 2 != s / 2 ? 0 : (r == s ? 1 : -1), 1);
            mpq_mul(x, x, C);
            char *str = mpq_get_str(NULL, 10, x);
            json_array_append_new(row, json_string(str));
            ck_free(str);
        }
        json_array_append_new(W, row);
    }
    json_t *ex = json_pack("{s:s, s:i, s:i, s:i, s:O, s:o}", "kind", "explicit", "K", 4, "n", 1, "d", 4, "W", W, "H",
                           W); /* M symmetric: H = C M = W */
    mpz_clear(in->m);
    rc = ck_inst_parse(ex, in, e);
    json_decref(ex);
out:
    mpq_clears(C, x, NULL);
    return rc;
}

/* Leaves IN freeable by ck_inst_free whatever happens (ck_inst_parse re-initialises it). */
int ck_t33_inst_parse(const json_t *j, ck_inst *in, ck_err *e)
{
    memset(in, 0, sizeof *in);
    mpz_init(in->m);
    const json_t *k = json_is_object(j) ? json_object_get(j, "kind") : NULL;
    const char *kind = json_is_string(k) ? json_string_value(k) : "";
    if (strcmp(kind, "nc-scaled/1") == 0) return parse_scaled(j, in, e);
    if (strcmp(kind, "example-3.1/1") == 0) return parse_example(j, in, e);
    if (!json_is_object(j)) {
        ck_fail(e, CK_MALFORMED, "instance: not an object");
        return -1;
    }
    mpz_clear(in->m);
    return ck_inst_parse(j, in, e);
}

/* One-layer kinds: w_j . h_c = coef * D[j]; coef = scale_w scale_h sqrt(n)^(sqrt_w + sqrt_h). */
static void one_layer_coef(const ck_inst *in, ck_qs *coef)
{
    int r = in->lw[0].sqrt + in->lh[0].sqrt;
    mpq_t t;
    mpq_init(t);
    mpq_mul(t, in->lw[0].scale, in->lh[0].scale);
    if (r == 2) {
        mpq_set_z(coef->a, in->m);
        mpq_mul(t, t, coef->a);
    }
    mpq_set_ui(coef->a, 0, 1);
    mpq_set_ui(coef->b, 0, 1);
    mpq_set(r == 1 ? coef->b : coef->a, t);
    mpq_clear(t);
}

int ck_t33_margins_equal(const ck_inst *in, const ck_qs *qstar, ck_err *e)
{
    long K = in->K, n = in->n, N = n * K;
    ck_cols cc;
    int64_t *D = ck_malloc((size_t)K * sizeof *D), d0 = 0;
    ck_qs *G = ck_malloc((size_t)K * sizeof *G), t, coef;
    if (ck_cols_init(&cc, in, e) || !D || !G) {
        ck_fail(e, CK_MALFORMED, "out of memory (margins)");
        ck_cols_free(&cc), ck_free(D), ck_free(G);
        return -1;
    }
    for (long q = 0; q < K; q++) ck_qs_init(&G[q]);
    ck_qs_init(&t), ck_qs_init(&coef);
    int fast = in->kind != CK_EXPLICIT && in->nlw == 1 && in->nlh == 1, eq = 1;
    if (fast) {
        one_layer_coef(in, &coef);
        if (ck_qs_sgn(&coef, in->m) == 0) fast = 0; /* all logits 0: the general path is cheap enough */
    }
    if (fast) { /* equal integers <=> equal margins (coef != 0); then one exact comparison */
        ck_cols_int(&cc, 0, D);
        d0 = D[0] - D[1];
        for (long c = 0; eq && c < N; c++) {
            long k = c / n;
            ck_cols_int(&cc, c, D);
            for (long j = 0; eq && j < K; j++) eq = j == k || D[k] - D[j] == d0;
        }
        mpq_t f;
        mpq_init(f);
        mpq_set_si(f, (long)d0, 1);
        ck_qs_mul_q(&t, &coef, f);
        mpq_clear(f);
        eq = eq && ck_qs_cmp(&t, qstar, in->m) == 0;
    } else {
        for (long c = 0; eq && c < N; c++) {
            long k = c / n;
            ck_cols_qs(&cc, c, G);
            for (long j = 0; eq && j < K; j++) {
                if (j == k) continue;
                ck_qs_sub(&t, &G[k], &G[j]);
                eq = ck_qs_cmp(&t, qstar, in->m) == 0;
            }
        }
    }
    for (long q = 0; q < K; q++) ck_qs_clear(&G[q]);
    ck_qs_clear(&t), ck_qs_clear(&coef);
    ck_cols_free(&cc), ck_free(D), ck_free(G);
    return eq;
}

/* r contains exp(x), with ONE correctly rounded exponential: exp(left) rounded down is below
 * exp(left) and its successor above it (correct rounding); exp(right) <= exp(left) e^w with
 * w = right - left and e^w <= 1 + 2w for 0 <= w <= 1 (convexity: the chord 1 + (e-1)w). */
static void exp_one(mpfi_ptr r, mpfi_srcptr x, mpfr_ptr w)
{
    mpfr_sub(w, &x->right, &x->left, MPFR_RNDU);
    int inexact = mpfr_exp(&r->left, &x->left, MPFR_RNDD);
    if (mpfr_cmp_ui(w, 1) > 0) {
        mpfr_exp(&r->right, &x->right, MPFR_RNDU);
        return;
    }
    mpfr_set(&r->right, &r->left, MPFR_RNDU);
    if (inexact) mpfr_nextabove(&r->right);
    if (mpfr_sgn(w) > 0) {
        mpfr_mul_2ui(w, w, 1, MPFR_RNDU);
        mpfr_add_ui(w, w, 1, MPFR_RNDU);
        mpfr_mul(&r->right, &r->right, w, MPFR_RNDU);
    }
}

/* L += log1p(sum_{j != k} exp(z_j - z_k)) for one column z (K intervals). */
static void add_column(mpfi_ptr L, mpfi_srcptr z, long K, long k, mpfi_ptr t, mpfi_ptr s, mpfr_ptr w)
{
    mpfi_set_ui(s, 0);
    for (long j = 0; j < K; j++) {
        if (j == k) continue;
        mpfi_sub(t, &z[j], &z[k]);
        exp_one(t, t, w);
        mpfi_add(s, s, t);
    }
    mpfi_log1p(s, s);
    mpfi_add(L, L, s);
}

int ck_t33_loss(mpfi_ptr L, const ck_inst *in, ck_err *e)
{
    long K = in->K, n = in->n, N = n * K;
    mpfr_prec_t prec = mpfi_get_prec(L);
    ck_cols cc;
    int64_t *D = ck_malloc((size_t)K * sizeof *D), *Dprev = ck_malloc((size_t)K * sizeof *D);
    ck_qs *G = ck_malloc((size_t)K * sizeof *G), coef;
    mpfi_ptr z = ck_ivec_init(K, prec);
    mpfi_t cf, t, s, col;
    mpfr_t w;
    if (ck_cols_init(&cc, in, e) || !D || !Dprev || !G) {
        ck_fail(e, CK_MALFORMED, "out of memory (logits)");
        ck_cols_free(&cc), ck_free(D), ck_free(Dprev), ck_free(G), ck_ivec_clear(z, K);
        return -1;
    }
    for (long q = 0; q < K; q++) ck_qs_init(&G[q]);
    ck_qs_init(&coef);
    mpfi_init2(cf, prec), mpfi_init2(t, prec), mpfi_init2(s, prec), mpfi_init2(col, prec);
    mpfr_init2(w, prec);
    int fast = in->kind != CK_EXPLICIT && in->nlw == 1 && in->nlh == 1;
    if (fast) {
        one_layer_coef(in, &coef);
        ck_qs_to_mpfi(cf, &coef, in->m);
    }
    mpfi_set_ui(L, 0);
    for (long c = 0; c < N; c++) { /* z[j] contains w_j . h_c */
        if (fast) {
            ck_cols_int(&cc, c, D);
            /* same class and the same exact logits as the previous column: same term */
            if (c % n != 0 && memcmp(D, Dprev, (size_t)K * sizeof *D) == 0) {
                mpfi_add(L, L, col);
                continue;
            }
            memcpy(Dprev, D, (size_t)K * sizeof *D);
        } else {
            ck_cols_qs(&cc, c, G);
        }
        for (long j = 0; j < K; j++) {
            if (fast)
                mpfi_mul_si(&z[j], cf, (long)D[j]); /* |D| < 2^63: exact long */
            else
                ck_qs_to_mpfi(&z[j], &G[j], in->m);
        }
        mpfi_set_ui(col, 0);
        add_column(col, z, K, c / n, t, s, w);
        mpfi_add(L, L, col);
    }
    for (long q = 0; q < K; q++) ck_qs_clear(&G[q]);
    ck_qs_clear(&coef);
    mpfi_clear(cf), mpfi_clear(t), mpfi_clear(s), mpfi_clear(col);
    mpfr_clear(w);
    ck_cols_free(&cc), ck_free(D), ck_free(Dprev), ck_free(G), ck_ivec_clear(z, K);
    return 0;
}
