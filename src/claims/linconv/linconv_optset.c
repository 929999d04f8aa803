/* linconv_optset.c: certifies the optimal-set propositions of seed 002 on one "linconv/1"
 * instance (linconv_optset.h; the mathematics is in proofs/derivations/linconv-prop-1.md and
 * linconv-prop-3.md). Exact in Q(sqrt m): threshold test, gamma, stationarity scalars, and for
 * the MSE the value and the gap to the zero point; Arb balls: the point (alpha is a square
 * root, a log for CE), the objective, the gradient norm, the Hessian; ball_pd: lambda_min of
 * Hess + c B B^T (B = tangent vectors of the orbit). */
#include "claims/linconv/linconv_optset.h"
#include "claims/linconv/linconv_common.h"
#include "claims/linconv/linconv_box.h"
#include "ball/ball_pd.h"
#include "cert/cert.h"

#define PREC 128

/* x = a / K as an element with b = 0 */
static void qs_set_si_div(qsqrt_t x, slong a, slong K)
{
    fmpq_set_si(x->a, a, (ulong)K);
    fmpq_zero(x->b);
}

/* The exact constants of region (ii); MSE: gamma = 1 - K s, CE: gamma = 1/s - K + 1. */
static void exact_constants(qsqrt_t gamma, qsqrt_t beta, qsqrt_t s, const linconv_inst *I, int loss)
{
    linconv_beta(beta, I);
    linconv_s(s, I);
    if (loss == LINCONV_MSE) {
        fmpq_one(gamma->a);
        fmpq_mul_si(gamma->b, s->b, -I->K);
    } else { /* 1/(b sqrt m) = sqrt(m) / (b m) */
        fmpq_set_si(gamma->a, 1 - I->K, 1);
        fmpq_mul_si(gamma->b, s->b, I->m);
        fmpq_inv(gamma->b, gamma->b);
    }
}

/* Hessian (+ c B B^T) and its certified lambda_min lower bound into the witnesses */
static int second_order(json_t *w, const linconv_inst *I, int loss, const arb_mat_t W, const arb_mat_t H, slong c)
{
    const slong dim = linconv_dim(I, loss);
    arb_mat_t A;
    arb_t cw;
    ball_pd_witness pw;
    arb_mat_init(A, dim, dim), arb_init(cw), ball_pd_witness_init(&pw);
    arb_set_si(cw, c);
    linconv_hessian(A, I, loss, W, H, cw, PREC);
    int ok = ball_pd_certify_lower(&pw, A, 0.9, PREC);
    if (ok) {
        fmpq_t mu;
        fmpq_init(mu);
        arf_t f;
        arf_init(f);
        arf_set_d(f, pw.mu);
        arf_get_fmpq(mu, f);
        char *s = fmpq_get_str(NULL, 10, mu);
        json_object_set_new(w, "mu", json_string(s));
        flint_free(s);
        arf_set_d(f, pw.shift);
        arf_get_fmpq(mu, f);
        s = fmpq_get_str(NULL, 10, mu);
        json_object_set_new(w, "shift", json_string(s));
        flint_free(s);
        arf_clear(f), fmpq_clear(mu);
    }
    json_object_set_new(w, "tangent_weight", json_integer(c));
    json_object_set_new(w, "hessian_dim", json_integer(dim));
    arb_mat_clear(A), arb_clear(cw), ball_pd_witness_clear(&pw);
    return ok;
}

int linconv_optset_certify(int loss, json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    if (linconv_box_is_box(instance_json)) return linconv_box_certify(loss, instance_json, o, cert, err);
    (void)o;
    linconv_inst I;
    if (linconv_inst_parse(&I, instance_json, 1, err)) {
        linconv_inst_clear(&I);
        return err->status;
    }
    if (linconv_dim(&I, loss) > LINCONV_MAX_DIM) {
        nc_error_set(err, 2, "linconv: Hessian dimension d(K+nK)%s = %ld exceeds %d", loss == LINCONV_MSE ? "+K" : "",
                     (long)linconv_dim(&I, loss), LINCONV_MAX_DIM);
        linconv_inst_clear(&I);
        return err->status;
    }
    const slong K = I.K, m = I.m;
    json_t *q = json_object(), *w = json_object();
    qsqrt_t gamma, beta, s, t, u;
    qsqrt_init(gamma), qsqrt_init(beta), qsqrt_init(s), qsqrt_init(t), qsqrt_init(u);
    arb_mat_t W, H;
    arb_t alpha, bb, x, y;
    arb_mat_init(W, I.d, K), arb_mat_init(H, I.d, I.N), arb_init(alpha), arb_init(bb), arb_init(x), arb_init(y);
    const char *assertion;
    nc_verdict verdict = NC_PROVED;
    const int sg = fmpq_sgn(I.test);
    linconv_put_rational(q, "threshold_test", I.test);
    exact_constants(gamma, beta, s, &I, loss);
    linconv_qs_arb(bb, beta, m, PREC);
    if (sg > 0) {
        assertion = "below threshold: claimed point stationary, value below the zero point, Hessian >= mu > 0 on the "
                    "normal space of the orbit";
        linconv_put_qs(q, "gamma", gamma, m);
        if (loss == LINCONV_MSE) { /* alpha^2 = gamma / beta = (gb m + ga sqrt m) / (sq m) */
            fmpq_mul_si(t->a, gamma->b, m), fmpq_div(t->a, t->a, I.sq), fmpq_div_fmpz(t->a, t->a, &(fmpz){m});
            fmpq_div(t->b, gamma->a, I.sq), fmpq_div_fmpz(t->b, t->b, &(fmpz){m});
            linconv_put_qs(q, "alpha_sq", t, m);
            linconv_qs_arb(alpha, t, m, PREC);
            /* stat_W = beta (1 - gamma)/K - lamW, stat_H = (1 - gamma)/N - lamH beta */
            qs_set_si_div(u, 1, 1), qsqrt_sub(u, u, gamma);
            qsqrt_mul(t, beta, u, m), qsqrt_scalar_div_si(t, t, K), fmpq_sub(t->a, t->a, I.lamW);
            linconv_put_qs(q, "stat_W", t, m);
            qsqrt_scalar_div_si(t, u, I.N), fmpq_submul(t->b, beta->b, I.lamH);
            linconv_put_qs(q, "stat_H", t, m);
            /* value (K-1)(s - K s^2/2); zero value (K-1)/(2K); gap (K-1)/(2K) (1 - K s)^2 */
            qsqrt_mul(t, s, s, m), qsqrt_scalar_div_si(t, t, 2), fmpq_mul_si(t->a, t->a, -K),
                fmpq_mul_si(t->b, t->b, -K);
            qsqrt_add(t, t, s), fmpq_mul_si(t->a, t->a, K - 1), fmpq_mul_si(t->b, t->b, K - 1);
            linconv_put_qs(q, "value", t, m);
            qs_set_si_div(u, K - 1, 2 * K);
            linconv_put_qs(q, "value_zero", u, m);
            qsqrt_sub(u, u, t);
            linconv_put_qs(q, "gap", u, m);
        } else { /* alpha^2 = log(gamma) / beta */
            linconv_qs_arb(x, gamma, m, PREC);
            arb_log(alpha, x, PREC), arb_div(alpha, alpha, bb, PREC);
            linconv_put_ball(q, "alpha_sq", alpha);
            /* stat_q = (gamma + K - 1) s - 1, stat_W = lamW - beta s, stat_H = lamH beta - s/n */
            qsqrt_set(u, gamma), fmpq_add_si(u->a, u->a, K - 1), qsqrt_mul(t, u, s, m), fmpq_sub_si(t->a, t->a, 1);
            linconv_put_qs(q, "stat_q", t, m);
            qsqrt_mul(t, beta, s, m), fmpq_neg(t->a, t->a), fmpq_neg(t->b, t->b), fmpq_add(t->a, t->a, I.lamW);
            linconv_put_qs(q, "stat_W", t, m);
            qsqrt_scalar_div_si(t, s, I.n), fmpq_neg(t->b, t->b), fmpq_addmul(t->b, beta->b, I.lamH);
            linconv_put_qs(q, "stat_H", t, m);
            /* value log(1 + (K-1)/gamma) + (K-1) s log(gamma); zero value log K */
            linconv_qs_arb(x, gamma, m, PREC);
            arb_log(y, x, PREC);
            linconv_qs_arb(bb, s, m, PREC), arb_mul(y, y, bb, PREC), arb_mul_si(y, y, K - 1, PREC);
            arb_inv(x, x, PREC), arb_mul_si(x, x, K - 1, PREC), arb_log1p(x, x, PREC), arb_add(y, y, x, PREC);
            linconv_put_ball(q, "value", y);
            arb_log_ui(x, (ulong)K, PREC);
            linconv_put_ball(q, "value_zero", x);
            arb_sub(x, x, y, PREC);
            linconv_put_ball(q, "gap", x);
            linconv_qs_arb(bb, beta, m, PREC);
        }
        arb_sqrt(alpha, alpha, PREC);
        linconv_point(W, H, &I, alpha, bb, PREC);
    } else {
        assertion = sg < 0 ? "above threshold: zero point stationary, value F0, Hessian >= mu > 0"
                           : "at threshold: zero point stationary with value F0; the claimed family degenerates to it";
        if (loss == LINCONV_MSE)
            qs_set_si_div(u, K - 1, 2 * K), linconv_put_qs(q, "value_zero", u, m);
        else
            arb_log_ui(x, (ulong)K, PREC), linconv_put_ball(q, "value_zero", x);
        /* W = H = 0 already */
    }
    linconv_objective(x, &I, loss, W, H, PREC);
    linconv_put_ball(q, "value_at_point", x);
    linconv_grad_norm_sq(x, &I, loss, W, H, PREC);
    linconv_put_ball(q, "grad_norm_sq", x);
    if (sg != 0 && !second_order(w, &I, loss, W, H, sg > 0 ? 1 : 0)) {
        assertion = "none";
        verdict = NC_INCONCLUSIVE;
        json_object_clear(w);
    }
    *cert = cert_assemble(
        loss == LINCONV_MSE ? "linconv.prop-1" : "linconv.prop-3",
        loss == LINCONV_MSE
            ? linconv_source("Proposition 1",
                             "Problem (5) (MSE, bias, averaged): optimal set {0} if lambda_W lambda_H >= 1/(nK^2), "
                             "else W = (n lambda_H/lambda_W)^(1/4) sqrt(gamma) U Vbar^T, H_i = sqrt(lambda_W/(n "
                             "lambda_H)) W, b = 1/K, gamma = 1 - K sqrt(n lambda_W lambda_H)")
            : linconv_source("Proposition 3",
                             "Problem (8) (CE, no bias, averaged, d >= K): optimal set {0} if lambda_W lambda_H >= "
                             "1/(nK^2), else W = (n lambda_H/lambda_W)^(1/4) sqrt(log gamma) U P, H_i = "
                             "sqrt(lambda_W/(n lambda_H)) W, gamma = 1/sqrt(n lambda_W lambda_H) - K + 1"),
        json_deep_copy(instance_json), cert_method(sg > 0 && loss == LINCONV_MSE ? 2 : 1, PREC), assertion, w, q,
        verdict);
    qsqrt_clear(gamma), qsqrt_clear(beta), qsqrt_clear(s), qsqrt_clear(t), qsqrt_clear(u);
    arb_mat_clear(W), arb_mat_clear(H), arb_clear(alpha), arb_clear(bb), arb_clear(x), arb_clear(y);
    linconv_inst_clear(&I);
    return 0;
}
