/* ulpm_lemma32_point.c: owns the Arb evaluation of the Lemma 3.2 / B.2-B.5 quantities at one
 * point and the claim-specific instance wrapper (ulpm_lemma32_point.h). */
#include <string.h>
#include <arb_mat.h>
#include "claims/ulpm/ulpm_lemma32_point.h"
#include "claims/ulpm/ulpm_def21_quantity.h"
#include "claims/ulpm/ulpm_ce.h"
#include "instance/instance_ball.h"
#include "instance/entry_parse.h"
#include "cert/cert.h"

static const char *const ULPM_L32_QNAMES[ULPM_L32_NQ] = {"loss",         "rho_sq",
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

void ulpm_l32_point_init(ulpm_l32_point *p)
{
    for (int t = 0; t < ULPM_L32_NQ; t++) arb_init(p->q[t]);
    p->below_log2 = 0;
}

void ulpm_l32_point_clear(ulpm_l32_point *p)
{
    for (int t = 0; t < ULPM_L32_NQ; t++) arb_clear(p->q[t]);
}

/* The certificate enclosure of x, widened by 2^-96 (|x| + 1) so that the checker's own
 * intervals (MPFI, from 128 bits) fall inside it without precision escalation. */
static json_t *ulpm_l32_quantity(const arb_t x)
{
    arb_t y;
    arf_t t;
    arb_init(y);
    arf_init(t);
    arb_set(y, x);
    if (arb_is_finite(x)) {
        arb_get_abs_ubound_arf(t, x, 64);
        arf_add_ui(t, t, 1, 64, ARF_RND_UP);
        arf_mul_2exp_si(t, t, -96);
        arb_add_error_arf(y, t);
    }
    json_t *q = cert_quantity(y, NULL, 0);
    arb_clear(y);
    arf_clear(t);
    return q;
}

/* W (K x d) and H (d x N) times scale, as balls. */
static void build_point(arb_mat_t W, arb_mat_t H, const instance *I, const fmpq_t scale, slong prec)
{
    arb_t sn, s;
    arb_init(sn);
    arb_init(s);
    arb_sqrt_ui(sn, (ulong)I->n, prec + 16);
    arb_set_fmpq(s, scale, prec + 16);
    for (long k = 0; k < I->K; k++)
        for (long l = 0; l < I->d; l++) {
            instance_ball_entry_W(arb_mat_entry(W, k, l), I, k, l, sn, prec + 16);
            arb_mul(arb_mat_entry(W, k, l), arb_mat_entry(W, k, l), s, prec + 16);
        }
    for (long c = 0; c < instance_N(I); c++)
        for (long l = 0; l < I->d; l++) {
            instance_ball_entry_H(arb_mat_entry(H, l, c), I, c, l, sn, prec + 16);
            arb_mul(arb_mat_entry(H, l, c), arb_mat_entry(H, l, c), s, prec + 16);
        }
    arb_clear(sn);
    arb_clear(s);
}

/* sum of x_ij * y_ij over two matrices of the same shape */
static void mat_dot(arb_t r, const arb_mat_t X, const arb_mat_t Y, slong prec)
{
    arb_zero(r);
    for (slong a = 0; a < arb_mat_nrows(X); a++)
        for (slong b = 0; b < arb_mat_ncols(X); b++)
            arb_addmul(r, arb_mat_entry(X, a, b), arb_mat_entry(Y, a, b), prec);
}

/* q_min, sum_{kij} a s, sum_{kij} a (s - q_min) from logits Z and logit gradient G:
 * s_kij = z_k - z_j at column c, a_kij = G[j][c] = softmax_j (j != k). */
static void margins(ulpm_l32_point *p, const arb_mat_t Z, const arb_mat_t G, long n, slong prec)
{
    slong K = arb_mat_nrows(Z), N = arb_mat_ncols(Z);
    arb_t s;
    arb_init(s);
    int first = 1;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            arb_zero(p->q[ULPM_L32_SUM_AS]);
            arb_zero(p->q[ULPM_L32_SUM_AEXC]);
        }
        for (slong c = 0; c < N; c++)
            for (slong j = 0; j < K; j++) {
                slong k = c / n;
                if (j == k) continue;
                arb_sub(s, arb_mat_entry(Z, k, c), arb_mat_entry(Z, j, c), prec);
                if (pass == 0) {
                    if (first)
                        arb_set(p->q[ULPM_L32_Q_MIN], s);
                    else
                        arb_min(p->q[ULPM_L32_Q_MIN], p->q[ULPM_L32_Q_MIN], s, prec);
                    first = 0;
                } else {
                    arb_addmul(p->q[ULPM_L32_SUM_AS], arb_mat_entry(G, j, c), s, prec);
                    arb_sub(s, s, p->q[ULPM_L32_Q_MIN], prec);
                    arb_addmul(p->q[ULPM_L32_SUM_AEXC], arb_mat_entry(G, j, c), s, prec);
                }
            }
    }
    arb_clear(s);
}

/* The quantities that need L < log 2 (gamma > 0, q_min > 0); formulas in the derivations. */
static void derived(ulpm_l32_point *p, long K, long n, slong prec)
{
    arb_ptr q = (arb_ptr)p->q; /* q + t is the ball of quantity t */
    arb_t em1, phi, om, rho, sg, t, u;
    arb_init(em1);
    arb_init(phi);
    arb_init(om);
    arb_init(rho);
    arb_init(sg);
    arb_init(t);
    arb_init(u);
    arb_expm1(em1, q + ULPM_L32_LOSS, prec); /* e^L - 1 */
    arb_log(phi, em1, prec);
    arb_neg(phi, phi);                                           /* phi = -log(e^L - 1) */
    arb_div(q + ULPM_L32_GAMMA, phi, q + ULPM_L32_RHO_SQ, prec); /* gamma = phi / rho^2 */
    arb_neg(t, q + ULPM_L32_LOSS);
    arb_expm1(om, t, prec);
    arb_neg(om, om); /* om = 1 - e^{-L} */
    arb_sqrt(rho, q + ULPM_L32_RHO_SQ, prec);
    arb_sqrt(sg, q + ULPM_L32_GRAD_SQ, prec);
    /* beta = P / (rho |grad|) */
    arb_mul(t, rho, sg, prec);
    arb_div(q + ULPM_L32_BETA, q + ULPM_L32_RADIAL, t, prec);
    /* ||theta~ - sum lambda g~||^2 = 2 rho^2 (1 - beta) / q = (2 rho^2 - 2 rho P / |grad|) / q */
    arb_div(t, q + ULPM_L32_RADIAL, sg, prec);
    arb_mul(t, t, rho, prec);
    arb_sub(t, q + ULPM_L32_RHO_SQ, t, prec);
    arb_mul_2exp_si(t, t, 1);
    arb_div(q + ULPM_L32_EPS_ACT_SQ, t, q + ULPM_L32_Q_MIN, prec);
    /* claimed eps^2 = 2 (1 - beta) / gamma */
    arb_sub_ui(t, q + ULPM_L32_BETA, 1, prec);
    arb_neg(t, t);
    arb_mul_2exp_si(t, t, 1);
    arb_div(q + ULPM_L32_EPS_CLAIM_SQ, t, q + ULPM_L32_GAMMA, prec);
    /* eps_gap = 1/gamma - rho^2/q */
    arb_inv(t, q + ULPM_L32_GAMMA, prec);
    arb_div(u, q + ULPM_L32_RHO_SQ, q + ULPM_L32_Q_MIN, prec);
    arb_sub(q + ULPM_L32_EPS_GAP, t, u, prec);
    /* delta_actual = sum lambda (s~ - 1) = (rho / |grad|) sum a (s - q) / q */
    arb_div(t, rho, sg, prec);
    arb_mul(t, t, q + ULPM_L32_SUM_AEXC, prec);
    arb_div(q + ULPM_L32_DELTA_ACT, t, q + ULPM_L32_Q_MIN, prec);
    /* gq = 2 gamma q; delta_appendix = K^2 (K-1) n / (e gq), delta_main = K / gq */
    arb_mul(u, q + ULPM_L32_GAMMA, q + ULPM_L32_Q_MIN, prec);
    arb_mul_2exp_si(u, u, 1);
    arb_set_si(t, K);
    arb_div(q + ULPM_L32_DELTA_MAIN, t, u, prec);
    arb_const_e(t, prec);
    arb_mul(u, u, t, prec);
    arb_set_si(t, K * K * (K - 1));
    arb_mul_si(t, t, n, prec);
    arb_div(q + ULPM_L32_DELTA_APP, t, u, prec);
    /* B.3: d rho^2/dt = 2P; d gamma/dt = e^L/(e^L - 1) G / rho^2 - 2 gamma P / rho^2 */
    arb_mul_2exp_si(q + ULPM_L32_DRHO2, q + ULPM_L32_RADIAL, 1);
    arb_exp(t, q + ULPM_L32_LOSS, prec);
    arb_div(t, t, em1, prec);
    arb_mul(t, t, q + ULPM_L32_GRAD_SQ, prec);
    arb_mul(u, q + ULPM_L32_GAMMA, q + ULPM_L32_DRHO2, prec);
    arb_sub(t, t, u, prec);
    arb_div(q + ULPM_L32_DGAMMA, t, q + ULPM_L32_RHO_SQ, prec);
    /* (34): 2 sum a s >= 2 (1 - e^{-L}) q_min >= 2 (1 - e^{-L}) phi */
    arb_mul_2exp_si(q + ULPM_L32_E34_LHS, q + ULPM_L32_SUM_AS, 1);
    arb_mul(t, om, q + ULPM_L32_Q_MIN, prec);
    arb_mul_2exp_si(q + ULPM_L32_E34_MID, t, 1);
    arb_mul(t, om, phi, prec);
    arb_mul_2exp_si(q + ULPM_L32_E34_RHS, t, 1);
    /* (35): |grad|^2 >= 4 ((1 - e^{-L}) log(e^L - 1))^2 / rho^2 (and without the 1/rho^2) */
    arb_mul(t, om, phi, prec);
    arb_sqr(t, t, prec);
    arb_mul_2exp_si(q + ULPM_L32_E35_RHS_NORHO, t, 2);
    arb_div(q + ULPM_L32_E35_RHS, q + ULPM_L32_E35_RHS_NORHO, q + ULPM_L32_RHO_SQ, prec);
    /* (37): |d theta^/dt|^2 = (G rho^2 - P^2) / rho^4 <= (P / (gamma rho^2))^2 */
    arb_mul(t, q + ULPM_L32_GRAD_SQ, q + ULPM_L32_RHO_SQ, prec);
    arb_sqr(u, q + ULPM_L32_RADIAL, prec);
    arb_sub(t, t, u, prec);
    arb_sqr(u, q + ULPM_L32_RHO_SQ, prec);
    arb_div(q + ULPM_L32_E37_LHS_SQ, t, u, prec);
    arb_mul(t, q + ULPM_L32_GAMMA, q + ULPM_L32_RHO_SQ, prec);
    arb_div(t, q + ULPM_L32_RADIAL, t, prec);
    arb_sqr(q + ULPM_L32_E37_RHS_SQ, t, prec);
    arb_clear(em1);
    arb_clear(phi);
    arb_clear(om);
    arb_clear(rho);
    arb_clear(sg);
    arb_clear(t);
    arb_clear(u);
}

void ulpm_l32_point_eval(ulpm_l32_point *p, const instance *I, const fmpq_t scale, slong prec)
{
    long K = I->K, d = I->d, N = instance_N(I);
    arb_mat_t W, H, Z, G, GW, GH;
    arb_mat_init(W, K, d);
    arb_mat_init(H, d, N);
    arb_mat_init(Z, K, N);
    arb_mat_init(G, K, N);
    arb_mat_init(GW, K, d);
    arb_mat_init(GH, d, N);
    build_point(W, H, I, scale, prec);
    ulpm_ce_logits(Z, W, H, prec);
    ulpm_ce_grad_logits(G, Z, I->n, prec);
    ulpm_ce_loss_grad(p->q[ULPM_L32_LOSS], GW, GH, W, H, I->n, prec);
    arb_t t;
    arb_init(t);
    mat_dot(p->q[ULPM_L32_RHO_SQ], W, W, prec);
    mat_dot(t, H, H, prec);
    arb_add(p->q[ULPM_L32_RHO_SQ], p->q[ULPM_L32_RHO_SQ], t, prec);
    mat_dot(p->q[ULPM_L32_GRAD_SQ], GW, GW, prec);
    mat_dot(t, GH, GH, prec);
    arb_add(p->q[ULPM_L32_GRAD_SQ], p->q[ULPM_L32_GRAD_SQ], t, prec);
    mat_dot(p->q[ULPM_L32_RADIAL], W, GW, prec); /* P = <theta, -grad L> */
    mat_dot(t, H, GH, prec);
    arb_add(p->q[ULPM_L32_RADIAL], p->q[ULPM_L32_RADIAL], t, prec);
    arb_neg(p->q[ULPM_L32_RADIAL], p->q[ULPM_L32_RADIAL]);
    margins(p, Z, G, I->n, prec);
    arb_const_log2(t, prec);
    p->below_log2 = arb_lt(p->q[ULPM_L32_LOSS], t) ? 1 : arb_gt(p->q[ULPM_L32_LOSS], t) ? -1 : 0;
    if (p->below_log2 == 1) derived(p, K, I->n, prec);
    arb_clear(t);
    arb_mat_clear(W);
    arb_mat_clear(H);
    arb_mat_clear(Z);
    arb_mat_clear(G);
    arb_mat_clear(GW);
    arb_mat_clear(GH);
}

/* The wrapper {"kind": KIND, VKEY: one of VALUES, "point": {...}, "scale": "s"?}: parses the
 * point (generic ulpm kinds), the variant (index into VALUES) and the scale (default 1, must be
 * > 0). Bad input: status 2. */
static int ulpm_l32_wrapper_parse(json_t *j, const char *kind, const char *vkey, const char *const *values, instance *I,
                                  int *variant, fmpq_t scale, json_t **scale_json, nc_error *err)
{
    if (!json_is_object(j)) return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: not a JSON object");
    const char *key;
    json_t *v;
    json_object_foreach(j, key, v)
    {
        if (strcmp(key, "kind") && strcmp(key, vkey) && strcmp(key, "point") && strcmp(key, "scale"))
            return nc_error_set(err, NC_EXIT_BAD_INPUT,
                                "instance: unknown key \"%s\" (kind %s takes "
                                "kind, %s, point, scale)",
                                key, kind, vkey);
    }
    json_t *jk = json_object_get(j, "kind"), *jv = json_object_get(j, vkey);
    json_t *jp = json_object_get(j, "point"), *js = json_object_get(j, "scale");
    if (!json_is_string(jk) || strcmp(json_string_value(jk), kind) != 0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: \"kind\" must be \"%s\"", kind);
    if (!json_is_string(jv)) return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: \"%s\" must be a string", vkey);
    *variant = -1;
    for (int t = 0; values[t]; t++)
        if (strcmp(json_string_value(jv), values[t]) == 0) *variant = t;
    if (*variant < 0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: unknown %s \"%s\"", vkey, json_string_value(jv));
    if (!json_is_object(jp))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: \"point\" must be an instance object");
    fmpq_one(scale);
    *scale_json = NULL;
    if (js) {
        if (!json_is_string(js) || entry_parse_fmpq(scale, json_string_value(js)) != 0 || fmpq_sgn(scale) <= 0)
            return nc_error_set(err, NC_EXIT_BAD_INPUT,
                                "instance: \"scale\" must be a positive "
                                "number string (integer, decimal or p/q)");
        *scale_json = json_string(json_string_value(js));
    }
    if (instance_from_json(I, jp, err)) {
        json_decref(*scale_json);
        *scale_json = NULL;
        return err->status;
    }
    return 0;
}

/* The wrapper as certificate JSON (point re-emitted by instance_to_json). Steals scale_json. */
static json_t *ulpm_l32_wrapper_json(const char *kind, const char *vkey, const char *value, const instance *I,
                                     json_t *scale_json)
{
    json_t *o = json_object();
    json_object_set_new(o, "kind", json_string(kind));
    json_object_set_new(o, vkey, json_string(value));
    json_object_set_new(o, "point", instance_to_json(I));
    if (scale_json) json_object_set_new(o, "scale", scale_json);
    return o;
}

static json_t *quantities(const ulpm_l32_point *p, const int *list)
{
    json_t *q = json_object();
    for (int t = 0; list[t] != -1; t++)
        json_object_set_new(q, ULPM_L32_QNAMES[list[t]], ulpm_l32_quantity(p->q[list[t]]));
    return q;
}

int ulpm_l32_certify(const ulpm_l32_claim *c, json_t *instance_json, const certify_options *o, json_t **cert,
                     nc_error *err)
{
    static const int Q_VACUOUS[] = {ULPM_L32_LOSS, -1};
    instance I;
    int v = 0; /* set by ulpm_l32_wrapper_parse (gcc cannot see that its error returns are non-zero) */
    fmpq_t scale;
    json_t *scale_json = NULL;
    fmpq_init(scale);
    if (ulpm_l32_wrapper_parse(instance_json, c->kind, c->vkey, c->values, &I, &v, scale, &scale_json, err)) {
        fmpq_clear(scale);
        return err->status;
    }
    const char *as = "none";
    nc_verdict verdict = NC_INCONCLUSIVE;
    const int *list = Q_VACUOUS;
    ulpm_l32_point p;
    ulpm_l32_point_init(&p);
    slong prec, used = 0;
    for (prec = 128; prec <= o->max_prec; prec *= 2) {
        used = prec;
        ulpm_l32_point_eval(&p, &I, scale, prec);
        if (p.below_log2 == -1) {
            as = "hypothesis fails: L > log 2";
            verdict = NC_PROVED;
            break;
        }
        if (p.below_log2 == 1 && c->decide(&p, v, &as, &verdict, &list)) break;
    }
    *cert = cert_assemble(c->claim, ulpm_source(c->label, c->statements[v]),
                          ulpm_l32_wrapper_json(c->kind, c->vkey, c->values[v], &I, scale_json), cert_method(1, used),
                          as, json_object(), quantities(&p, list), verdict);
    ulpm_l32_point_clear(&p);
    instance_clear(&I);
    fmpq_clear(scale);
    return 0;
}
