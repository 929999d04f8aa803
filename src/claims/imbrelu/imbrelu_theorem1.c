/* imbrelu_theorem1.c: certifier of imbrelu.theorem-1 (seed 004 Theorem 1 (a)-(e), Step 4 of its
 * proof): builds the claimed minimiser of problem (4) from the instance (h_{k,i} = h_k =
 * sqrt(x_k) e_k with x_k of (9), W of (10), M_k of the chosen reading of (6)) and encloses with
 * Arb: the KKT residuals of the constrained problem (gradient in W; gradient in H on the support
 * of H; the non-negativity multipliers mu = grad_H off the support), the objective, the
 * optimal value derived in proofs/derivations/imbrelu-theorem-1.md and the value printed at the
 * end of the paper's Step 4, the logits (11)-(12) and the margins (13). Arb contract throughout:
 * every ball contains the exact value at the constructed point. */
#include <string.h>
#include "claims/claim.h"
#include "claims/imbrelu/imbrelu_common.h"
#include "cert/cert.h"
#include "claims/imbrelu/imbrelu_cli.h"

typedef struct {
    slong K;
    arb_ptr r, W; /* r[k] = ||h_k||, W[m*K + j] (columns j >= K of W are exactly 0) */
} t1_point;

/* h_k = r_k e_k with r_k^2 = sqrt((K-1)/K lamW/(lamH n_k)) M_k; W[m][j] = a (K sqrt(n_m) r_m [m=j] - sqrt(n_j) r_j) */
static void t1_build(t1_point *P, const imbrelu_inst *I, arb_srcptr M, slong prec)
{
    slong K = I->K;
    arb_t a, s;
    arb_init(a), arb_init(s);
    imbrelu_point(P->r, a, I, M, prec);
    for (slong j = 0; j < K; j++) {
        arb_sqrt_ui(s, (ulong)I->n[j], prec);
        arb_mul(s, s, P->r + j, prec); /* sqrt(n_j) r_j */
        for (slong m = 0; m < K; m++) {
            arb_ptr x = P->W + m * K + j;
            if (m == j)
                arb_mul_si(x, s, K - 1, prec);
            else
                arb_neg(x, s);
            arb_mul(x, x, a, prec);
        }
    }
    arb_clear(a), arb_clear(s);
}

static void arb_max_into(arb_t acc, const arb_t x, int first)
{
    if (first)
        arb_set(acc, x);
    else
        arb_max(acc, acc, x, ARF_PREC_EXACT);
}
static void arb_min_into(arb_t acc, const arb_t x, int first)
{
    if (first)
        arb_set(acc, x);
    else
        arb_min(acc, acc, x, ARF_PREC_EXACT);
}

/* c_k = sqrt(n_k)/c1 - 1 (t_k of Step 4); returns 0 when some t_k <= 0 (formula undefined) */
static int t1_paper_value(arb_t V, const imbrelu_inst *I, slong prec)
{
    arb_t c1, t, u, v;
    arb_init(c1), arb_init(t), arb_init(u), arb_init(v);
    imbrelu_c1(c1, I, I->printed, prec);
    arb_zero(V);
    int ok = 1;
    for (slong k = 0; k < I->K && ok; k++) {
        arb_sqrt_ui(t, (ulong)I->n[k], prec);
        arb_div(t, t, c1, prec);
        arb_sub_ui(t, t, 1, prec);
        if (!arb_is_positive(t)) {
            ok = 0;
            break;
        }
        arb_mul_si(u, t, I->K - 1, prec); /* log((K-1) t) / (1+t) */
        arb_log(u, u, prec);
        arb_add_ui(v, t, 1, prec);
        arb_div(u, u, v, prec);
        arb_div(v, v, t, prec); /* log((1+t)/t) */
        arb_log(v, v, prec);
        arb_add(u, u, v, prec);
        arb_mul_si(u, u, I->n[k], prec);
        arb_div_si(u, u, I->N, prec);
        arb_add(V, V, u, prec);
    }
    arb_clear(c1), arb_clear(t), arb_clear(u), arb_clear(v);
    return ok;
}

/* the exact sign test of "t_k > 0 for all k": K n_k - (K-1) N^2 s^2 > 0, s^2 = lam or lam^2 */
static int t1_paper_defined(const imbrelu_inst *I)
{
    fmpq_t x, a;
    fmpq_init(x), fmpq_init(a);
    int ok = 1;
    for (slong k = 0; k < I->K && ok; k++) {
        fmpq_set(x, I->lam);
        if (I->printed) fmpq_mul(x, x, I->lam);
        fmpq_mul_si(x, x, (I->K - 1) * I->N);
        fmpq_mul_si(x, x, I->N);
        fmpq_set_si(a, I->K * I->n[k], 1);
        fmpq_sub(x, a, x);
        ok = fmpq_sgn(x) > 0;
    }
    fmpq_clear(x), fmpq_clear(a);
    return ok;
}

static const char *const T1_EXTRA[] = {NULL};

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(imbrelu, theorem1, "imbrelu.theorem-1", "Theorem 1 (a)-(e)",
              "closed-form minimiser of problem (4), KKT, value");

int imbrelu_theorem1_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    (void)o;
    imbrelu_inst I;
    if (imbrelu_inst_parse(&I, instance_json, T1_EXTRA, err)) return err->status;
    if (I.d < I.K) {
        imbrelu_inst_clear(&I);
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu.theorem-1 needs d >= K");
    }
    if (I.K > 200) {
        imbrelu_inst_clear(&I);
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu.theorem-1: K <= 200");
    }
    const slong prec = 128, K = I.K;
    t1_point P;
    P.K = K;
    P.r = _arb_vec_init(K);
    P.W = _arb_vec_init(K * K);
    arb_ptr M = _arb_vec_init(K), z = _arb_vec_init(K), g = _arb_vec_init(K);
    arb_t t, u, obj, Vd, Vp, gW, gH, mumin, ldev, reg;
    arb_init(t), arb_init(u), arb_init(obj), arb_init(Vd), arb_init(Vp), arb_init(gW), arb_init(gH);
    arb_init(mumin), arb_init(ldev), arb_init(reg);
    json_t *q = json_object(), *w = json_object();
    for (slong k = 0; k < K; k++) imbrelu_M(M + k, &I, k, I.printed, prec);
    t1_build(&P, &I, M, prec);
    /* objective = (1/N) sum n_k CE_k + lamW/2 ||W||^2 + lamH/2 sum n_k r_k^2 */
    arb_zero(obj), arb_zero(gH), arb_zero(reg);
    int first_mu = 1;
    for (slong k = 0; k < K; k++) {
        for (slong m = 0; m < K; m++) arb_mul(z + m, P.r + k, P.W + m * K + k, prec); /* z_k = r_k W[:,k] */
        arb_zero(t); /* log(1 + sum_{m != k} exp(z_m - z_k)) */
        for (slong m = 0; m < K; m++)
            if (m != k) {
                arb_sub(u, z + m, z + k, prec);
                arb_exp(u, u, prec);
                arb_add(t, t, u, prec);
            }
        arb_log1p(u, t, prec);
        arb_mul_si(u, u, I.n[k], prec);
        arb_add(obj, obj, u, prec);
        /* g = softmax(z) - e_k: softmax_m = exp(z_m - z_k)/(1 + t) */
        arb_add_ui(t, t, 1, prec);
        for (slong m = 0; m < K; m++) {
            arb_sub(g + m, z + m, z + k, prec);
            arb_exp(g + m, g + m, prec);
            arb_div(g + m, g + m, t, prec);
            if (m == k) arb_sub_ui(g + m, g + m, 1, prec);
        }
        /* logits (11)-(12): deviation max_m |z_m - M_k ([m=k] - 1/K)| */
        arb_zero(ldev);
        for (slong m = 0; m < K; m++) {
            arb_div_si(u, M + k, K, prec);
            arb_neg(u, u);
            if (m == k) arb_add(u, u, M + k, prec);
            arb_sub(u, z + m, u, prec);
            arb_abs(u, u);
            arb_max_into(ldev, u, m == 0);
        }
        json_object_set_new(q, imbrelu_name("logit_dev", k), cert_quantity(ldev, NULL, 1));
        /* margin (13): z_k - max_{j != k} z_j */
        int fm = 1;
        for (slong m = 0; m < K; m++)
            if (m != k) {
                arb_max_into(u, z + m, fm);
                fm = 0;
            }
        arb_sub(u, z + k, u, prec);
        imbrelu_put_ball(q, imbrelu_name("margin", k), u);
        /* grad_W column k = (n_k/N) r_k g + lamW W[:,k]; accumulate its squared norm */
        for (slong m = 0; m < K; m++) {
            arb_mul(u, g + m, P.r + k, prec);
            arb_mul_si(u, u, I.n[k], prec);
            arb_div_si(u, u, I.N, prec);
            arb_set_fmpq(t, I.lamW, prec);
            arb_addmul(u, t, P.W + m * K + k, prec);
            arb_sqr(u, u, prec);
            arb_add(gW, gW, u, prec);
        }
        /* grad_H of a sample of class k, coordinate j < K: (1/N) sum_m W[m][j] g_m + lamH r_k [j=k] */
        for (slong j = 0; j < K; j++) {
            arb_zero(u);
            for (slong m = 0; m < K; m++) arb_addmul(u, P.W + m * K + j, g + m, prec);
            arb_div_si(u, u, I.N, prec);
            int support = (j == k) && !arb_is_zero(P.r + k);
            if (j == k) {
                arb_set_fmpq(t, I.lamH, prec);
                arb_addmul(u, t, P.r + k, prec);
            }
            if (support) {
                arb_sqr(u, u, prec);
                arb_mul_si(u, u, I.n[k], prec);
                arb_add(gH, gH, u, prec);
            } else {
                arb_min_into(mumin, u, first_mu);
                first_mu = 0;
            }
        }
        if (I.d > K) {
            arb_zero(u);
            arb_min_into(mumin, u, 0);
        } /* coordinates j >= K: mu = 0 exactly */
        arb_sqr(u, P.r + k, prec);
        imbrelu_put_ball(q, imbrelu_name("M", k), M + k);
        imbrelu_put_ball(q, imbrelu_name("norm_h_sq", k), u);
        arb_mul_si(u, u, I.n[k], prec);
        arb_add(reg, reg, u, prec);
    }
    arb_div_si(obj, obj, I.N, prec);
    arb_set_fmpq(t, I.lamH, prec);
    arb_mul(reg, reg, t, prec);
    arb_mul_2exp_si(reg, reg, -1);
    arb_add(obj, obj, reg, prec);
    arb_zero(u);
    for (slong x = 0; x < K * K; x++) arb_addmul(u, P.W + x, P.W + x, prec);
    arb_set_fmpq(t, I.lamW, prec);
    arb_mul(u, u, t, prec);
    arb_mul_2exp_si(u, u, -1);
    arb_add(obj, obj, u, prec);
    /* derived optimum V* = sum_k [(n_k/N) log(1 + (K-1) e^{-M_k}) + sqrt(lam n_k (K-1)/K) M_k] (corrected M_k) */
    arb_zero(Vd);
    for (slong k = 0; k < K; k++) {
        arb_t Mc;
        arb_init(Mc);
        imbrelu_M(Mc, &I, k, 0, prec);
        arb_neg(u, Mc);
        arb_exp(u, u, prec);
        arb_mul_si(u, u, K - 1, prec);
        arb_log1p(u, u, prec);
        arb_mul_si(u, u, I.n[k], prec);
        arb_div_si(u, u, I.N, prec);
        arb_add(Vd, Vd, u, prec);
        arb_set_fmpq(t, I.lam, prec);
        arb_mul_si(t, t, I.n[k] * (K - 1), prec);
        arb_div_si(t, t, K, prec);
        arb_sqrt(t, t, prec);
        arb_addmul(Vd, t, Mc, prec);
        arb_clear(Mc);
    }
    imbrelu_put_ball(q, "objective", obj);
    imbrelu_put_ball(q, "value_derived", Vd);
    arb_sub(u, obj, Vd, prec);
    imbrelu_put_ball(q, "objective_minus_derived", u);
    const char *paper = "UNDEFINED";
    if (t1_paper_defined(&I) && t1_paper_value(Vp, &I, prec)) {
        imbrelu_put_ball(q, "value_paper", Vp);
        arb_sub(u, obj, Vp, prec);
        imbrelu_put_ball(q, "objective_minus_paper", u);
        paper = arb_contains_zero(u) ? "AGREES" : "DISAGREES";
    }
    imbrelu_put_ball(q, "grad_W_sq", gW);
    imbrelu_put_ball(q, "grad_H_support_sq", gH);
    imbrelu_put_ball(q, "multiplier_min", mumin);
    json_object_set_new(w, "paper_value", json_string(paper));
    /* decision: squared residuals below 2^-200, |objective - V*| below 2^-100, multipliers >= 0 -> KKT; a residual or multiplier of
     * certified wrong sign -> not KKT (so not a minimiser). */
    arb_t tol, vtol;
    arb_init(tol), arb_init(vtol);
    arb_one(tol);
    arb_mul_2exp_si(tol, tol, -200); /* squared residuals */
    arb_one(vtol);
    arb_mul_2exp_si(vtol, vtol, -100); /* objective - derived value */
    const char *assertion = "none";
    nc_verdict verdict = NC_INCONCLUSIVE;
    arb_sub(u, obj, Vd, prec);
    arb_abs(u, u);
    if (arb_is_positive(gW) || arb_is_positive(gH) || arb_is_negative(mumin)) {
        assertion = "not a KKT point";
        verdict = NC_REFUTED;
    } else if (arb_lt(gW, tol) && arb_lt(gH, tol) && arb_is_nonnegative(mumin) && arb_lt(u, vtol)) {
        assertion = "KKT point attaining the derived optimal value";
        verdict = NC_PROVED;
    }
    arb_clear(tol), arb_clear(vtol);
    *cert = cert_assemble("imbrelu.theorem-1",
                          imbrelu_source("Theorem 1 (a)-(e)",
                                         "the global minimisers of problem (4) (d >= K) are given by (7)-(12) "
                                         "with M_k of (6); margins (13); optimal value of Step 4"),
                          imbrelu_instance_json(instance_json), cert_method(1, prec), assertion, w, q, verdict);
    _arb_vec_clear(P.r, K), _arb_vec_clear(P.W, K * K), _arb_vec_clear(M, K), _arb_vec_clear(z, K),
        _arb_vec_clear(g, K);
    arb_clear(t), arb_clear(u), arb_clear(obj), arb_clear(Vd), arb_clear(Vp), arb_clear(gW), arb_clear(gH);
    arb_clear(mumin), arb_clear(ldev), arb_clear(reg);
    imbrelu_inst_clear(&I);
    return 0;
}

/* The command line of this claim (claim.h, claim_cli): imbrelu/1, shared by the paper (imbrelu_cli.c). */
const claim_cli imbrelu_theorem1_cli = {imbrelu_cli_uses, 0};
