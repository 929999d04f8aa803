/* check_ulpm_lemma32_point.c: owns the checker's MPFI evaluation of the Lemma 3.2 / B.2-B.5
 * quantities, the wrapper instance and the interval enclosure check
 * (check_ulpm_lemma32_point.h). Formulas: proofs/derivations/ulpm-lemma-3.2.md and
 * ulpm-lemmas-b3-b5.md. */
#include "ulpm/check_ulpm_lemma32_point.h"
#include "check_alloc.h"
#include "check_limits.h"

#include <stdlib.h>
#include <string.h>

#include "check_ce.h"
#include "check_enclosure.h"
#include "check_rational.h"

const char *const CK_ULPM_L32_QNAMES[CL_NQ] = {"loss",         "rho_sq",
                                               "q_min",        "grad_norm_sq",
                                               "radial",       "sum_a_s",
                                               "sum_a_excess", "gamma",
                                               "beta",         "eps_actual_sq",
                                               "eps_claim_sq", "eps_gap",
                                               "delta_actual", "delta_appendix",
                                               "delta_main",   "drho2_dt",
                                               "dgamma_dt",    "eq34_lhs",
                                               "eq34_mid",     "eq34_rhs",
                                               "eq35_rhs",     "eq35_rhs_without_rho",
                                               "eq37_lhs_sq",  "eq37_rhs_sq"};

int ck_l32_wrapper_parse(const json_t *j, const char *kind, const char *vkey, const char *const *values, ck_inst *in,
                         int *variant, mpq_t scale, ck_err *e)
{
    const char *req[] = {"kind", vkey, "point", NULL}, *opt[] = {"scale", NULL};
    memset(in, 0, sizeof *in);
    mpz_init(in->m);
    if (!j || ck_keys(j, "instance", req, opt, e)) return -1;
    const char *k = ck_get_str(j, "instance", "kind", e), *v = ck_get_str(j, "instance", vkey, e);
    if (!k || !v) return -1;
    if (strcmp(k, kind) != 0) {
        ck_fail(e, CK_MALFORMED, "instance.kind: \"%s\" where \"%s\" is required", k, kind);
        return -1;
    }
    *variant = -1;
    for (int t = 0; values[t]; t++)
        if (strcmp(v, values[t]) == 0) *variant = t;
    if (*variant < 0) {
        ck_fail(e, CK_MALFORMED, "instance.%s: unknown value \"%s\"", vkey, v);
        return -1;
    }
    mpq_set_ui(scale, 1, 1);
    if (json_object_get(j, "scale")) {
        const char *s = ck_get_str(j, "instance", "scale", e);
        if (!s) return -1;
        if (ck_parse_entry(s, scale) || mpq_sgn(scale) <= 0) {
            ck_fail(e, CK_MALFORMED, "instance.scale: not a positive entry string");
            return -1;
        }
    }
    mpz_clear(in->m);
    json_t *p = json_object_get(j, "point");
    if (!json_is_object(p)) {
        memset(in, 0, sizeof *in);
        mpz_init(in->m);
        ck_fail(e, CK_MALFORMED, "instance.point: not an object");
        return -1;
    }
    if (ck_inst_parse(p, in, e)) return -1;
    /* limits of ulpm.lemma-3.2 and ulpm.lemmas-b3-b5 (both read their point here): at each
     * precision (128 ... CK_L32_PREC_MAX, 7 of them) W, H, Z, G and the two gradients, 2 (K d +
     * d N + K N) intervals, and the logits Z = W H (K N d) with their softmax (K^2 N) */
    const double K = (double)in->K, d = (double)in->d, N = (double)in->n * K;
    return ck_inst_limit(in, "ulpm.lemma-3.2 / ulpm.lemmas-b3-b5",
                         2 * (K * d + d * N + K * N) * ck_mpfi_bytes(CK_L32_PREC_MAX), 7 * (K * N * d + K * K * N), e);
}

/* Entry value of one generated matrix entry: sum over layers of scale * X * sqrt(n)^sqrt. */
static void layer_entry(mpfi_ptr x, const ck_inst *in, const ck_layer *ls, int nl, int is_w, long a, long b,
                        mpfi_srcptr sqrtn, mpfi_ptr t)
{
    mpfi_set_ui(x, 0);
    for (int p = 0; p < nl; p++) {
        int64_t X = is_w ? ck_layer_w(in, &ls[p], a, b) : ck_layer_h(in, &ls[p], a, b);
        mpfi_set_si(t, (long)X);
        mpfi_mul_q(t, t, ls[p].scale);
        if (ls[p].sqrt) mpfi_mul(t, t, sqrtn);
        mpfi_add(x, x, t);
    }
}

/* X = W (is_w, rows x cols = K x d) or H (d x N) of the instance, row-major, times scale. */
static void layer_matrix(mpfi_ptr X, const ck_inst *in, int is_w, long rows, long cols, const mpq_t scale,
                         mpfi_srcptr sn, mpfi_ptr t)
{
    for (long a = 0; a < rows; a++)
        for (long b = 0; b < cols; b++) {
            mpfi_ptr x = &X[a * cols + b];
            if (in->kind == CK_EXPLICIT)
                mpfi_set_q(x, (is_w ? in->W : in->H)[a * cols + b]);
            else
                layer_entry(x, in, is_w ? in->lw : in->lh, is_w ? in->nlw : in->nlh, is_w, a, b, sn, t);
            mpfi_mul_q(x, x, scale);
        }
}

/* W (K x d) and H (d x N), row-major, times scale. */
static void build_point(mpfi_ptr W, mpfi_ptr H, const ck_inst *in, const mpq_t scale)
{
    long K = in->K, d = in->d, N = in->n * in->K;
    mpfi_t sn, t;
    mpfi_init2(sn, mpfi_get_prec(&W[0]));
    mpfi_init2(t, mpfi_get_prec(&W[0]));
    mpfi_set_ui(sn, (unsigned long)in->n);
    mpfi_sqrt(sn, sn);
    layer_matrix(W, in, 1, K, d, scale, sn, t);
    layer_matrix(H, in, 0, d, N, scale, sn, t);
    mpfi_clear(sn);
    mpfi_clear(t);
}

/* r = sum x_t y_t (squares by mpfi_sqr when x == y, so they stay >= 0) */
static void vdot(mpfi_ptr r, mpfi_srcptr x, mpfi_srcptr y, long len, mpfi_ptr t)
{
    mpfi_set_ui(r, 0);
    for (long i = 0; i < len; i++) {
        if (x == y)
            mpfi_sqr(t, &x[i]);
        else
            mpfi_mul(t, &x[i], &y[i]);
        mpfi_add(r, r, t);
    }
}

/* q_min (interval of the minimum), sum a s, sum a (s - q_min); a_kij = G[j][c], s = z_k - z_j */
static void margins(mpfi_ptr V, mpfi_srcptr Z, mpfi_srcptr G, long K, long N, long n, mpfi_ptr s)
{
    mpfr_t lo, hi, a, b;
    mpfr_prec_t prec = mpfi_get_prec(s);
    mpfr_inits2(prec, lo, hi, a, b, (mpfr_ptr)0);
    mpfr_set_inf(lo, 1);
    mpfr_set_inf(hi, 1);
    for (long c = 0; c < N; c++)
        for (long j = 0; j < K; j++) {
            if (j == c / n) continue;
            mpfi_sub(s, &Z[(c / n) * N + c], &Z[j * N + c]);
            mpfi_get_left(a, s);
            mpfi_get_right(b, s);
            mpfr_min(lo, lo, a, MPFR_RNDD);
            mpfr_min(hi, hi, b, MPFR_RNDU);
        }
    mpfi_interv_fr(&V[CL_Q_MIN], lo, hi);
    mpfi_set_ui(&V[CL_SUM_AS], 0);
    mpfi_set_ui(&V[CL_SUM_AEXC], 0);
    mpfi_t t;
    mpfi_init2(t, prec);
    for (long c = 0; c < N; c++)
        for (long j = 0; j < K; j++) {
            if (j == c / n) continue;
            mpfi_sub(s, &Z[(c / n) * N + c], &Z[j * N + c]);
            mpfi_mul(t, &G[j * N + c], s);
            mpfi_add(&V[CL_SUM_AS], &V[CL_SUM_AS], t);
            mpfi_sub(s, s, &V[CL_Q_MIN]);
            mpfi_mul(t, &G[j * N + c], s);
            mpfi_add(&V[CL_SUM_AEXC], &V[CL_SUM_AEXC], t);
        }
    mpfi_clear(t);
    mpfr_clears(lo, hi, a, b, (mpfr_ptr)0);
}

/* The quantities that need L < log 2 (same formulas as the derivations). */
static void derived(mpfi_ptr V, long K, long n)
{
    mpfr_prec_t prec = mpfi_get_prec(&V[0]);
    mpfi_t em1, phi, om, rho, sg, t, u;
    mpfi_init2(em1, prec);
    mpfi_init2(phi, prec);
    mpfi_init2(om, prec);
    mpfi_init2(rho, prec);
    mpfi_init2(sg, prec);
    mpfi_init2(t, prec);
    mpfi_init2(u, prec);
    mpfi_expm1(em1, &V[CL_LOSS]);
    mpfi_log(phi, em1);
    mpfi_neg(phi, phi); /* -log(e^L - 1) */
    mpfi_div(&V[CL_GAMMA], phi, &V[CL_RHO_SQ]);
    mpfi_neg(t, &V[CL_LOSS]);
    mpfi_expm1(om, t);
    mpfi_neg(om, om); /* 1 - e^{-L} */
    mpfi_sqrt(rho, &V[CL_RHO_SQ]);
    mpfi_sqrt(sg, &V[CL_GRAD_SQ]);
    mpfi_mul(t, rho, sg);
    mpfi_div(&V[CL_BETA], &V[CL_RADIAL], t);
    mpfi_div(t, &V[CL_RADIAL], sg); /* (2 rho^2 - 2 rho P/|g|) / q */
    mpfi_mul(t, t, rho);
    mpfi_sub(t, &V[CL_RHO_SQ], t);
    mpfi_mul_2si(t, t, 1);
    mpfi_div(&V[CL_EPS_ACT_SQ], t, &V[CL_Q_MIN]);
    mpfi_ui_sub(t, 1, &V[CL_BETA]); /* 2 (1 - beta) / gamma */
    mpfi_mul_2si(t, t, 1);
    mpfi_div(&V[CL_EPS_CLAIM_SQ], t, &V[CL_GAMMA]);
    mpfi_inv(t, &V[CL_GAMMA]); /* 1/gamma - rho^2/q */
    mpfi_div(u, &V[CL_RHO_SQ], &V[CL_Q_MIN]);
    mpfi_sub(&V[CL_EPS_GAP], t, u);
    mpfi_div(t, rho, sg); /* (rho/|g|) sum a (s - q) / q */
    mpfi_mul(t, t, &V[CL_SUM_AEXC]);
    mpfi_div(&V[CL_DELTA_ACT], t, &V[CL_Q_MIN]);
    mpfi_mul(u, &V[CL_GAMMA], &V[CL_Q_MIN]); /* 2 gamma q */
    mpfi_mul_2si(u, u, 1);
    mpfi_set_si(t, K);
    mpfi_div(&V[CL_DELTA_MAIN], t, u);
    mpfi_set_ui(t, 1);
    mpfi_exp(t, t);
    mpfi_mul(u, u, t); /* 2 e gamma q */
    mpfi_set_si(t, K * K * (K - 1));
    mpfi_mul_si(t, t, n);
    mpfi_div(&V[CL_DELTA_APP], t, u);
    mpfi_mul_2si(&V[CL_DRHO2], &V[CL_RADIAL], 1); /* 2P */
    mpfi_exp(t, &V[CL_LOSS]);                     /* e^L/(e^L-1) G/rho^2 - 2 gamma P/rho^2 */
    mpfi_div(t, t, em1);
    mpfi_mul(t, t, &V[CL_GRAD_SQ]);
    mpfi_mul(u, &V[CL_GAMMA], &V[CL_DRHO2]);
    mpfi_sub(t, t, u);
    mpfi_div(&V[CL_DGAMMA], t, &V[CL_RHO_SQ]);
    mpfi_mul_2si(&V[CL_E34_LHS], &V[CL_SUM_AS], 1);
    mpfi_mul(t, om, &V[CL_Q_MIN]);
    mpfi_mul_2si(&V[CL_E34_MID], t, 1);
    mpfi_mul(t, om, phi);
    mpfi_mul_2si(&V[CL_E34_RHS], t, 1);
    mpfi_sqr(t, t); /* (om phi)^2 */
    mpfi_mul_2si(&V[CL_E35_RHS_NORHO], t, 2);
    mpfi_div(&V[CL_E35_RHS], &V[CL_E35_RHS_NORHO], &V[CL_RHO_SQ]);
    mpfi_mul(t, &V[CL_GRAD_SQ], &V[CL_RHO_SQ]); /* (G rho^2 - P^2) / rho^4 */
    mpfi_sqr(u, &V[CL_RADIAL]);
    mpfi_sub(t, t, u);
    mpfi_sqr(u, &V[CL_RHO_SQ]);
    mpfi_div(&V[CL_E37_LHS_SQ], t, u);
    mpfi_mul(t, &V[CL_GAMMA], &V[CL_RHO_SQ]); /* (P / (gamma rho^2))^2 */
    mpfi_div(t, &V[CL_RADIAL], t);
    mpfi_sqr(&V[CL_E37_RHS_SQ], t);
    mpfi_clear(em1);
    mpfi_clear(phi);
    mpfi_clear(om);
    mpfi_clear(rho);
    mpfi_clear(sg);
    mpfi_clear(t);
    mpfi_clear(u);
}

/* V: CL_NQ intervals at precision prec. Evaluates every quantity; *below is 1 when the
 * intervals prove L < log 2, -1 when they prove L > log 2, 0 otherwise. The quantities from
 * CL_GAMMA on are evaluated only when *below == 1. */
static void ck_l32_eval(mpfi_ptr V, int *below, const ck_inst *in, const mpq_t scale, mpfr_prec_t prec)
{
    long K = in->K, d = in->d, n = in->n, N = n * K;
    mpfi_ptr W = ck_ivec_init(K * d, prec), H = ck_ivec_init(d * N, prec);
    mpfi_ptr Z = ck_ivec_init(K * N, prec), G = ck_ivec_init(K * N, prec);
    mpfi_ptr GW = ck_ivec_init(K * d, prec), GH = ck_ivec_init(d * N, prec);
    mpfi_t t;
    mpfi_init2(t, prec);
    build_point(W, H, in, scale);
    ck_ce_logits(Z, W, H, K, d, N);
    ck_ce_loss(&V[CL_LOSS], Z, K, N, n);
    ck_ce_grad_logits(G, Z, K, N, n);
    for (long j = 0; j < K; j++) /* grad_W = G H^T */
        for (long l = 0; l < d; l++)
            for (long c = 0; c < N; c++) {
                mpfi_mul(t, &G[j * N + c], &H[l * N + c]);
                mpfi_add(&GW[j * d + l], &GW[j * d + l], t);
            }
    for (long l = 0; l < d; l++) /* grad_H = W^T G */
        for (long c = 0; c < N; c++)
            for (long j = 0; j < K; j++) {
                mpfi_mul(t, &W[j * d + l], &G[j * N + c]);
                mpfi_add(&GH[l * N + c], &GH[l * N + c], t);
            }
    vdot(&V[CL_RHO_SQ], W, W, K * d, t);
    vdot(&V[CL_GRAD_SQ], H, H, d * N, t); /* temporarily ||H||^2 */
    mpfi_add(&V[CL_RHO_SQ], &V[CL_RHO_SQ], &V[CL_GRAD_SQ]);
    vdot(&V[CL_GRAD_SQ], GW, GW, K * d, t);
    vdot(&V[CL_RADIAL], GH, GH, d * N, t); /* temporarily ||grad_H||^2 */
    mpfi_add(&V[CL_GRAD_SQ], &V[CL_GRAD_SQ], &V[CL_RADIAL]);
    vdot(&V[CL_RADIAL], W, GW, K * d, t);
    vdot(&V[CL_SUM_AS], H, GH, d * N, t); /* temporarily <H, grad_H> */
    mpfi_add(&V[CL_RADIAL], &V[CL_RADIAL], &V[CL_SUM_AS]);
    mpfi_neg(&V[CL_RADIAL], &V[CL_RADIAL]); /* P = <theta, -grad L> */
    margins(V, Z, G, K, N, n, t);
    mpfi_const_log2(t);
    *below = ck_l32_lt(&V[CL_LOSS], t) ? 1 : ck_l32_lt(t, &V[CL_LOSS]) ? -1 : 0;
    if (*below == 1) derived(V, K, n);
    mpfi_clear(t);
    ck_ivec_clear(W, K * d);
    ck_ivec_clear(H, d * N);
    ck_ivec_clear(Z, K * N);
    ck_ivec_clear(G, K * N);
    ck_ivec_clear(GW, K * d);
    ck_ivec_clear(GH, d * N);
}

int ck_l32_lt(mpfi_srcptr x, mpfi_srcptr y)
{
    if (mpfi_nan_p(x) || mpfi_nan_p(y)) return 0;
    return mpfr_cmp(&x->right, &y->left) < 0;
}

/* Checks the certificate's quantities object QJ: exactly the names in LIST (indices ending with
 * -1); each enclosure parses (no "exact"), has lo <= hi, a decimal rendering containing [lo, hi]
 * (malformed/invalid as in check_enclosure), and contains the interval V[index].
 * Returns 0, 1 (some stated enclosure does not contain V: retry at a higher precision) or -1
 * (failure recorded in e). */
static int ck_l32_verify(const json_t *qj, const int *list, mpfi_srcptr V, ck_err *e)
{
    const char *names[CL_NQ + 1];
    int len = 0;
    while (list[len] != -1) {
        names[len] = CK_ULPM_L32_QNAMES[list[len]];
        len++;
    }
    names[len] = NULL;
    if (!json_is_object(qj) || ck_keys(qj, "quantities", names, NULL, e)) {
        if (!e->code) ck_fail(e, CK_MALFORMED, "quantities: not an object");
        return -1;
    }
    int retry = 0;
    ck_encl q;
    ck_encl_init(&q);
    for (int t = 0; t < len && !e->code; t++) {
        const char *nm = names[t];
        mpfi_srcptr x = &V[list[t]];
        if (ck_encl_parse(json_object_get(qj, nm), nm, &q, e)) break;
        if (q.has_exact) {
            ck_fail(e, CK_MALFORMED, "quantities.%s: no \"exact\" for this claim", nm);
            break;
        }
        if (mpq_cmp(q.lo, q.hi) > 0)
            ck_fail(e, CK_INVALID, "quantity %s: lo > hi", nm);
        else if (mpq_cmp(q.dlo, q.lo) > 0 || mpq_cmp(q.dhi, q.hi) < 0)
            ck_fail(e, CK_INVALID, "quantity %s: decimal rendering does not contain [lo, hi]", nm);
        else if (mpfi_nan_p(x) || mpfr_cmp_q(&x->left, q.lo) < 0 || mpfr_cmp_q(&x->right, q.hi) > 0) {
            /* the stated enclosure misses part of the checker's interval: either the interval is
             * too wide (retry at higher precision) or the stated enclosure is wrong */
            retry = 1;
        }
    }
    ck_encl_clear(&q);
    return e->code ? -1 : retry;
}

int ck_l32_eval_verify(mpfi_ptr V, int *below, const ck_inst *in, const mpq_t scale, const json_t *qj, const int *list,
                       mpfr_prec_t prec, ck_err *e)
{
    for (int t = 0; t < CL_NQ; t++) mpfi_set_prec(&V[t], prec);
    ck_l32_eval(V, below, in, scale, prec);
    return ck_l32_verify(qj, list, V, e);
}
