/* check_imbrelu_theorem1.c: owns the check of imbrelu.theorem-1. The checker rebuilds the
 * claimed point of Theorem 1 from the instance alone (M_k of the reading, x_k of (9), W of
 * (10)), recomputes with MPFI at 512 bits every quantity of the certificate (KKT residuals,
 * multipliers, objective, derived and printed optimal values, logits (11)-(12), margins (13)),
 * requires each to lie inside the stated enclosure, and decides the assertion from its own
 * intervals: "KKT point attaining the derived optimal value" (PROVED: squared residuals
 * < 2^-200, multipliers >= 0, |objective - V*| < 2^-100) or "not a KKT point" (REFUTED: a
 * squared residual > 0 or a multiplier < 0, certified); "none" (INCONCLUSIVE, neither decided)
 * is well formed and establishes nothing (exit 1). */
#include <stdlib.h>
#include <string.h>

#include "check_claims.h"
#include "check_alloc.h"
#include "check_limits.h"
#include "imbrelu/check_imbrelu_common.h"
#include "check_decision.h"
#include "check_ce.h"

#define P CK_IMBRELU_PREC

/* acc = x (first) or the interval {op(a, b) : a in acc, b in x}, op = mpfr_min or mpfr_max
 * (monotone in each argument: endpoint by endpoint) */
static void iext(mpfi_t acc, mpfi_srcptr x, int first, int (*op)(mpfr_ptr, mpfr_srcptr, mpfr_srcptr, mpfr_rnd_t))
{
    if (first) {
        mpfi_set(acc, x);
        return;
    }
    op(&acc->left, &acc->left, &x->left, MPFR_RNDD);
    op(&acc->right, &acc->right, &x->right, MPFR_RNDU);
}

/* 1 iff every t_k = sqrt(n_k)/c1 - 1 > 0: K n_k - (K-1) N^2 s^2 > 0 exactly */
static int paper_defined(const ck_imbrelu_inst *in)
{
    mpq_t x, a;
    mpq_inits(x, a, NULL);
    int ok = 1;
    for (long k = 0; k < in->K && ok; k++) {
        mpq_set(x, in->lam);
        if (in->printed) mpq_mul(x, x, in->lam);
        mpq_set_si(a, in->K - 1, 1);
        mpz_mul_si(mpq_numref(a), mpq_numref(a), in->N);
        mpz_mul_si(mpq_numref(a), mpq_numref(a), in->N);
        mpq_mul(x, x, a);
        mpq_set_si(a, in->K, 1);
        mpz_mul_si(mpq_numref(a), mpq_numref(a), in->n[k]);
        mpq_sub(x, a, x);
        ok = mpq_sgn(x) > 0;
    }
    mpq_clears(x, a, NULL);
    return ok;
}

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(imbrelu, theorem1, "imbrelu.theorem-1");

int ck_claim_imbrelu_theorem1(const json_t *root, ck_verdict verdict, ck_err *e)
{
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    json_t *w = ck_get_obj(root, "certificate", "witnesses", e), *q = ck_get_obj(root, "certificate", "quantities", e);
    if (!as || !w || !q) return -1;
    int a_kkt = !strcmp(as, "KKT point attaining the derived optimal value"), a_not = !strcmp(as, "not a KKT point"),
        a_none = !strcmp(as, "none");
    if (!a_kkt && !a_not && !a_none) {
        ck_fail(e, CK_MALFORMED, "assertion: unknown \"%.60s\"", as);
        return -1;
    }
    static const char *const WK[] = {"paper_value", NULL};
    if (ck_keys(w, "witnesses", WK, NULL, e)) return -1;
    const char *pv = ck_get_str(w, "witnesses", "paper_value", e);
    if (!pv) return -1;
    ck_imbrelu_inst in;
    if (ck_imbrelu_inst_parse_thm1(json_object_get(root, "instance"), NULL, &in, e)) return -1;
    /* limits: W (K^2) and four K-vectors of intervals; per class K logits, gradients of W and H (4 K^3) */
    const double fK = (double)in.K;
    if (ck_imbrelu_limit(&in, "imbrelu.theorem-1", (fK * fK + 4 * fK + 11) * ck_mpfi_bytes(CK_IMBRELU_PREC),
                         4 * fK * fK * fK + 64 * fK, e))
        return -1;
    long K = in.K;
    ck_imbrelu_qlist c;
    ck_imbrelu_qlist_init(&c, q, e);
    mpfi_ptr M = ck_ivec_init(K, CK_IMBRELU_PREC), r = ck_ivec_init(K, CK_IMBRELU_PREC),
             W = ck_ivec_init(K * K, CK_IMBRELU_PREC), z = ck_ivec_init(K, CK_IMBRELU_PREC),
             g = ck_ivec_init(K, CK_IMBRELU_PREC);
    mpfi_t t, u, a, obj, Vd, Vp, gW, gH, mumin, ldev, reg;
    mpfi_ptr all[] = {t, u, a, obj, Vd, Vp, gW, gH, mumin, ldev, reg};
    for (int x = 0; x < 11; x++) mpfi_init2(all[x], P), mpfi_set_ui(all[x], 0);
    for (long k = 0; k < K; k++) { /* r_k^2 = sqrt((K-1)/K lamW/(lamH n_k)) M_k, (9) */
        ck_imbrelu_M(M + k, &in, k, in.printed);
        if (mpfi_is_zero(M + k)) continue;
        mpfi_set_q(t, in.lamW);
        mpfi_div_q(t, t, in.lamH);
        mpfi_div_si(t, t, in.n[k]);
        mpfi_mul_si(t, t, K - 1);
        mpfi_div_si(t, t, K);
        mpfi_sqrt(t, t);
        mpfi_mul(t, t, M + k);
        mpfi_sqrt(r + k, t);
    }
    mpfi_set_q(a, in.lamH); /* (10): a = sqrt(lamH/lamW / (K(K-1))) */
    mpfi_div_q(a, a, in.lamW);
    mpfi_div_si(a, a, K * (K - 1));
    mpfi_sqrt(a, a);
    for (long j = 0; j < K; j++) {
        mpfi_set_ui(t, (unsigned long)in.n[j]);
        mpfi_sqrt(t, t);
        mpfi_mul(t, t, r + j);
        for (long m = 0; m < K; m++) {
            if (m == j)
                mpfi_mul_si(W + m * K + j, t, K - 1);
            else
                mpfi_neg(W + m * K + j, t);
            mpfi_mul(W + m * K + j, W + m * K + j, a);
        }
    }
    int first_mu = 1;
    for (long k = 0; k < K; k++) {
        for (long m = 0; m < K; m++) mpfi_mul(z + m, r + k, W + m * K + k);
        ck_imbrelu_exp_gaps(t, u, z, K, k);
        mpfi_log1p(u, t);
        mpfi_mul_si(u, u, in.n[k]);
        mpfi_add(obj, obj, u);
        mpfi_add_ui(t, t, 1);
        for (long m = 0; m < K; m++) {
            mpfi_sub(g + m, z + m, z + k);
            mpfi_exp(g + m, g + m);
            mpfi_div(g + m, g + m, t);
            if (m == k) mpfi_sub_ui(g + m, g + m, 1);
        }
        for (long m = 0; m < K; m++) { /* (11)-(12) */
            mpfi_div_si(u, M + k, K);
            mpfi_neg(u, u);
            if (m == k) mpfi_add(u, u, M + k);
            mpfi_sub(u, z + m, u);
            mpfi_abs(u, u);
            iext(ldev, u, m == 0, mpfr_max);
        }
        ck_imbrelu_q_interval(&c, "logit_dev", k, ldev);
        int fm = 1; /* (13) */
        for (long m = 0; m < K; m++)
            if (m != k) {
                iext(u, z + m, fm, mpfr_max);
                fm = 0;
            }
        mpfi_sub(u, z + k, u);
        ck_imbrelu_q_interval(&c, "margin", k, u);
        for (long m = 0; m < K; m++) { /* grad_W column k */
            mpfi_mul(u, g + m, r + k);
            mpfi_mul_si(u, u, in.n[k]);
            mpfi_div_si(u, u, in.N);
            mpfi_mul_q(t, W + m * K + k, in.lamW);
            mpfi_add(u, u, t);
            mpfi_sqr(u, u);
            mpfi_add(gW, gW, u);
        }
        for (long j = 0; j < K; j++) { /* grad_H of a class-k sample, coordinate j */
            mpfi_set_ui(u, 0);
            for (long m = 0; m < K; m++) {
                mpfi_mul(t, W + m * K + j, g + m);
                mpfi_add(u, u, t);
            }
            mpfi_div_si(u, u, in.N);
            int support = (j == k) && !mpfi_is_zero(r + k);
            if (j == k) {
                mpfi_mul_q(t, r + k, in.lamH);
                mpfi_add(u, u, t);
            }
            if (support) {
                mpfi_sqr(u, u);
                mpfi_mul_si(u, u, in.n[k]);
                mpfi_add(gH, gH, u);
            } else {
                iext(mumin, u, first_mu, mpfr_min);
                first_mu = 0;
            }
        }
        if (in.d > K) {
            mpfi_set_ui(u, 0);
            iext(mumin, u, 0, mpfr_min);
        }
        mpfi_sqr(u, r + k);
        ck_imbrelu_q_interval(&c, "M", k, M + k);
        ck_imbrelu_q_interval(&c, "norm_h_sq", k, u);
        mpfi_mul_si(u, u, in.n[k]);
        mpfi_add(reg, reg, u);
    }
    mpfi_div_si(obj, obj, in.N);
    mpfi_mul_q(reg, reg, in.lamH);
    mpfi_div_ui(reg, reg, 2);
    mpfi_add(obj, obj, reg);
    mpfi_set_ui(u, 0);
    for (long x = 0; x < K * K; x++) {
        mpfi_sqr(t, W + x);
        mpfi_add(u, u, t);
    }
    mpfi_mul_q(u, u, in.lamW);
    mpfi_div_ui(u, u, 2);
    mpfi_add(obj, obj, u);
    for (long k = 0; k < K; k++) { /* V* with the corrected M_k */
        mpfi_t Mc;
        mpfi_init2(Mc, P);
        ck_imbrelu_M(Mc, &in, k, 0);
        mpfi_neg(u, Mc);
        mpfi_exp(u, u);
        mpfi_mul_si(u, u, K - 1);
        mpfi_log1p(u, u);
        mpfi_mul_si(u, u, in.n[k]);
        mpfi_div_si(u, u, in.N);
        mpfi_add(Vd, Vd, u);
        mpfi_set_q(t, in.lam);
        mpfi_mul_si(t, t, in.n[k]);
        mpfi_mul_si(t, t, K - 1);
        mpfi_div_si(t, t, K);
        mpfi_sqrt(t, t);
        mpfi_mul(t, t, Mc);
        mpfi_add(Vd, Vd, t);
        mpfi_clear(Mc);
    }
    ck_imbrelu_q_interval(&c, "objective", -1, obj);
    ck_imbrelu_q_interval(&c, "value_derived", -1, Vd);
    mpfi_sub(u, obj, Vd);
    ck_imbrelu_q_interval(&c, "objective_minus_derived", -1, u);
    mpfi_t dv;
    mpfi_init2(dv, P);
    mpfi_abs(dv, u);
    const char *paper = "UNDEFINED";
    if (paper_defined(&in)) {
        mpfi_t c1, v;
        mpfi_init2(c1, P), mpfi_init2(v, P);
        ck_imbrelu_c1(c1, &in, in.printed);
        for (long k = 0; k < K; k++) {
            mpfi_set_ui(t, (unsigned long)in.n[k]);
            mpfi_sqrt(t, t);
            mpfi_div(t, t, c1);
            mpfi_sub_ui(t, t, 1);
            mpfi_mul_si(u, t, K - 1);
            mpfi_log(u, u);
            mpfi_add_ui(v, t, 1);
            mpfi_div(u, u, v);
            mpfi_div(v, v, t);
            mpfi_log(v, v);
            mpfi_add(u, u, v);
            mpfi_mul_si(u, u, in.n[k]);
            mpfi_div_si(u, u, in.N);
            mpfi_add(Vp, Vp, u);
        }
        ck_imbrelu_q_interval(&c, "value_paper", -1, Vp);
        mpfi_sub(u, obj, Vp);
        ck_imbrelu_q_interval(&c, "objective_minus_paper", -1, u);
        if (!mpfi_has_zero(u))
            paper = "DISAGREES";
        else {
            mpfi_abs(v, u);
            paper = mpfr_cmp_ui_2exp(&v->right, 1, -100) >= 0 ? "UNDECIDED" : "AGREES";
        }
        mpfi_clear(c1), mpfi_clear(v);
    }
    ck_imbrelu_q_interval(&c, "grad_W_sq", -1, gW);
    ck_imbrelu_q_interval(&c, "grad_H_support_sq", -1, gH);
    ck_imbrelu_q_interval(&c, "multiplier_min", -1, mumin);
    int rc = -1;
    if (c.bad) goto out;
    if (ck_imbrelu_qlist_keys(&c)) goto out;
    if (strcmp(pv, paper)) {
        ck_fail(e, CK_INVALID, "witnesses.paper_value: the checker finds %s", paper);
        goto out;
    }
    if (a_kkt) {
        if (!(mpfr_cmp_ui_2exp(&gW->right, 1, -200) < 0 && mpfr_cmp_ui_2exp(&gH->right, 1, -200) < 0 &&
              mpfr_sgn(&mumin->left) >= 0 && mpfr_cmp_ui_2exp(&dv->right, 1, -100) < 0)) {
            ck_fail(e, CK_INVALID, "the KKT conditions / optimal value are not established");
            goto out;
        }
        if (ck_require_verdict(verdict, CK_PROVED, e)) goto out;
    } else if (a_none) { /* neither decided at nccert's precision: well formed, establishes nothing */
        if (!ck_verdict_follows(verdict, CK_INCONCLUSIVE, "assertion \"none\" establishes nothing", e))
            ck_fail(e, CK_INVALID, "INCONCLUSIVE: the certificate establishes nothing");
        goto out;
    } else {
        if (!(mpfr_sgn(&gW->left) > 0 || mpfr_sgn(&gH->left) > 0 || mpfr_sgn(&mumin->right) < 0)) {
            ck_fail(e, CK_INVALID, "no certified KKT violation");
            goto out;
        }
        if (ck_require_verdict(verdict, CK_REFUTED, e)) goto out;
    }
    rc = 0;
out:
    mpfi_clear(dv);
    ck_imbrelu_qlist_clear(&c);
    ck_ivec_clear(M, K), ck_ivec_clear(r, K), ck_ivec_clear(W, K * K), ck_ivec_clear(z, K), ck_ivec_clear(g, K);
    for (int x = 0; x < 11; x++) mpfi_clear(all[x]);
    ck_imbrelu_inst_clear(&in);
    return rc;
}
