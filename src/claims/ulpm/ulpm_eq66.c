/* ulpm_eq66.c: certifier of ulpm.eq-66 (seed 000 eq. (66) and the sentence after it): for the
 * CE loss in logits L(Z) (eq. (64)), G = grad L(Z) (K x nK) has rank K-1 and u^T G = 0 iff u is
 * a multiple of 1, at Z = W H of a generic instance.
 *  (a) 1^T G = 0 is the identity sum_j softmax_j = 1 (exact for every Z, see the derivation);
 *      the balls of every column sum are only checked to contain 0.
 *  (b) rank >= K-1: the (K-1) x (K-1) block A = G[0..K-2][c_0..c_{K-2}] with c_t a column of
 *      class t (the one with the largest G[K-1][c], proposed from ball midpoints) and a dyadic
 *      approximate inverse R with ||I - R A||_inf < 1 (Arb), which proves A nonsingular.
 * Precision escalates 64 -> 128 -> ... -> max_prec: columns whose softmax mass is almost all on
 * the correct class make G tiny (0 in doubles) but never 0. See proofs/derivations/ulpm-eq-66.md. */
#include <string.h>
#include <arb_mat.h>
#include "claims/ulpm/ulpm_ce.h"
#include "instance/instance_ball.h"
#include "claims/claim.h"
#include "claims/ulpm/ulpm_def21_quantity.h"
#include "cert/cert.h"
#include "claims/ulpm/ulpm_cli.h"

#define E66_ASSERT "rank(grad L(Z)) = K-1 and its left null space is span(1)"

static void e66_mats(arb_mat_t W, arb_mat_t H, const instance *I, slong prec)
{
    arb_t sn;
    arb_init(sn);
    arb_sqrt_ui(sn, (ulong)I->n, prec + 16);
    for (long k = 0; k < I->K; k++)
        for (long l = 0; l < I->d; l++) instance_ball_entry_W(arb_mat_entry(W, k, l), I, k, l, sn, prec);
    for (long c = 0; c < instance_N(I); c++)
        for (long l = 0; l < I->d; l++) instance_ball_entry_H(arb_mat_entry(H, l, c), I, c, l, sn, prec);
    arb_clear(sn);
}

/* Upper bound u of ||I - R A||_inf (R exact); returns 1 iff u < 1. */
static int e66_residual(arf_t u, const arb_mat_t R, const arb_mat_t A, slong prec)
{
    slong m = arb_mat_nrows(A);
    arb_mat_t E;
    arb_mat_init(E, m, m);
    arb_mat_mul(E, R, A, prec);
    arb_mat_neg(E, E);
    for (slong i = 0; i < m; i++) arb_add_ui(arb_mat_entry(E, i, i), arb_mat_entry(E, i, i), 1, prec);
    arf_t row, t;
    arf_init(row), arf_init(t);
    arf_zero(u);
    for (slong i = 0; i < m; i++) {
        arf_zero(row);
        for (slong j = 0; j < m; j++) {
            arb_get_abs_ubound_arf(t, arb_mat_entry(E, i, j), prec);
            arf_add(row, row, t, prec, ARF_RND_UP);
        }
        if (arf_cmp(row, u) > 0) arf_set(u, row);
    }
    arf_clear(row), arf_clear(t);
    arb_mat_clear(E);
    return arf_cmp_si(u, 1) < 0;
}

/* A stated upper bound with slack for the checker's own evaluation: max(2^-30, 2^(e+1)) for
 * u < 2^e, or (1 + u)/2 when that would reach 1. */
static void e66_round_up(arf_t hi, const arf_t u)
{
    arf_one(hi);
    arf_mul_2exp_si(hi, hi, -30);
    if (arf_cmp(u, hi) < 0) return;
    arf_one(hi);
    arf_mul_2exp_fmpz(hi, hi, ARF_EXPREF(u));
    arf_mul_2exp_si(hi, hi, 1);
    if (arf_cmp_si(hi, 1) >= 0) {
        arf_add_ui(hi, u, 1, 64, ARF_RND_UP);
        arf_mul_2exp_si(hi, hi, -1);
    }
}

static json_t *e66_interval(const arf_t lo, const arf_t hi, const qsqrt_t exact)
{
    arb_t x;
    arb_init(x);
    arb_set_interval_arf(x, lo, hi, 128);
    arb_union(x, x, x, 128);
    /* exact endpoints as given (cert_quantity takes mid +/- rad, which contains [lo, hi]) */
    json_t *q = cert_quantity(x, exact, 1);
    char *s = cert_arf_to_hex(lo);
    json_object_set_new(q, "lo", json_string(s));
    flint_free(s);
    s = cert_arf_to_hex(hi);
    json_object_set_new(q, "hi", json_string(s));
    flint_free(s);
    arb_clear(x);
    return q;
}

/* One attempt at precision prec. On success fills cols, R and the bounds and returns 1. */
static int e66_try(const instance *I, slong prec, long *cols, arb_mat_t R, arf_t res_u, arf_t sum_u, int *sums_ok)
{
    long K = I->K, n = I->n, N = instance_N(I), m = K - 1;
    arb_mat_t W, H, Z, G, A;
    arb_mat_init(W, K, I->d), arb_mat_init(H, I->d, N), arb_mat_init(Z, K, N), arb_mat_init(G, K, N);
    arb_mat_init(A, m, m);
    e66_mats(W, H, I, prec);
    ulpm_ce_logits(Z, W, H, prec);
    ulpm_ce_grad_logits(G, Z, n, prec);
    arb_t s;
    arf_t t;
    arb_init(s), arf_init(t);
    *sums_ok = 1;
    arf_zero(sum_u);
    for (long c = 0; c < N; c++) { /* (a): each column sum contains 0 (identity) */
        arb_zero(s);
        for (long j = 0; j < K; j++) arb_add(s, s, arb_mat_entry(G, j, c), prec);
        *sums_ok &= arb_contains_zero(s);
        arb_get_abs_ubound_arf(t, s, prec);
        if (arf_cmp(t, sum_u) > 0) arf_set(sum_u, t);
    }
    for (long cls = 0; cls < m; cls++) { /* witness columns: largest G[K-1][c] in class cls */
        long best = cls * n;
        for (long i = 1; i < n; i++)
            if (arf_cmp(arb_midref(arb_mat_entry(G, K - 1, cls * n + i)), arb_midref(arb_mat_entry(G, K - 1, best))) >
                0)
                best = cls * n + i;
        cols[cls] = best;
        for (long j = 0; j < m; j++) arb_set(arb_mat_entry(A, j, cls), arb_mat_entry(G, j, best));
    }
    int ok = 0;
    if (arb_mat_approx_inv(R, A, prec)) {
        for (long i = 0; i < m; i++) /* R: 53-bit dyadic numbers, exact balls */
            for (long j = 0; j < m; j++) {
                arb_ptr r = arb_mat_entry(R, i, j);
                arf_set_round(arb_midref(r), arb_midref(r), 53, ARF_RND_NEAR);
                mag_zero(arb_radref(r));
            }
        ok = e66_residual(res_u, R, A, prec);
    }
    arb_clear(s), arf_clear(t);
    arb_mat_clear(W), arb_mat_clear(H), arb_mat_clear(Z), arb_mat_clear(G), arb_mat_clear(A);
    return ok && *sums_ok;
}

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(ulpm, eq66, "ulpm.eq-66", "Eq. (66)", "rank K-1 of the CE gradient in logits, left null vector 1");

int ulpm_eq66_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    instance I;
    if (instance_from_json(&I, instance_json, err)) return err->status;
    long K = I.K, m = K - 1;
    long *cols = flint_malloc((size_t)(m > 0 ? m : 1) * sizeof(long));
    arb_mat_t R;
    arb_mat_init(R, m, m);
    arf_t res_u, sum_u, lo, hi;
    arf_init(res_u), arf_init(sum_u), arf_init(lo), arf_init(hi);
    int ok = 0, sums_ok = 1;
    slong prec;
    for (prec = 64; prec <= o->max_prec && !ok; prec *= 2) {
        ok = e66_try(&I, prec, cols, R, res_u, sum_u, &sums_ok);
        if (ok) break;
    }
    if (prec > o->max_prec) prec = o->max_prec;
    json_t *w = json_object(), *q = json_object(), *ca = json_array(), *ra = json_array();
    for (long t = 0; t < m; t++) json_array_append_new(ca, json_integer(cols[t]));
    for (long i = 0; i < m; i++) {
        json_t *row = json_array();
        for (long j = 0; j < m; j++) {
            char *s = cert_arf_to_hex(arb_midref(arb_mat_entry(R, i, j)));
            json_array_append_new(row, json_string(s));
            flint_free(s);
        }
        json_array_append_new(ra, row);
    }
    json_object_set_new(w, "columns", ca);
    json_object_set_new(w, "R", ra);
    json_object_set_new(w, "precision_bits", json_integer(prec));
    qsqrt_t ex;
    qsqrt_init(ex);
    fmpq_set_si(ex->a, m, 1);
    json_object_set_new(q, "rank", ulpm_exact_quantity(ex, 1));
    fmpq_zero(ex->a);
    arf_zero(lo);
    arf_one(hi); /* column sums: [0, 2^(-prec/2)] with exact 0 */
    arf_mul_2exp_si(hi, hi, -prec / 2);
    if (arf_cmp(sum_u, hi) > 0) arf_set(hi, sum_u);
    json_object_set_new(q, "column_sum_max_abs", e66_interval(lo, hi, ex));
    e66_round_up(hi, res_u);
    json_object_set_new(q, "residual_inf_norm", e66_interval(lo, hi, NULL));
    qsqrt_clear(ex);
    *cert = cert_assemble("ulpm.eq-66",
                          ulpm_source("Eq. (66) and the sentence after it (seed 000)",
                                      "the K x nK gradient G = grad L(Z) of the CE loss in logits (eq. (64)) "
                                      "has rank K-1, and u^T G = 0 iff u is a multiple of 1"),
                          instance_to_json(&I), cert_method(1, prec), ok ? E66_ASSERT : "none", w, q,
                          ok ? NC_PROVED : NC_INCONCLUSIVE);
    arf_clear(res_u), arf_clear(sum_u), arf_clear(lo), arf_clear(hi);
    arb_mat_clear(R);
    flint_free(cols);
    instance_clear(&I);
    return 0;
}

/* The command line of ulpm.eq-66 (claim.h, claim_cli): any point. */
static const claim_use cli_uses[] = {ULPM_CLI_POINT_USES, {NULL, NULL}};
const claim_cli ulpm_eq66_cli = {cli_uses, 1};
