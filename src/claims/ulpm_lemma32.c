/* ulpm_lemma32.c: certifier of ulpm.lemma-3.2 (seed 001 Lemma 3.2 = seed 000 Lemma B.2): at a
 * point theta with L(theta) < log 2, theta~ = theta / q_min^{1/2} with the multipliers
 * lambda_kij = (rho / |grad L|) softmax_j(z_{k,i}) satisfies (17) with eps^2 = 2(1 - beta)/gamma
 * and (18) with delta = K^2 (K-1) n / (2 e gamma q_min) (statement "appendix") or
 * delta = K / (2 C q_min), C := gamma (statement "main", main-text form with the constant C read
 * as gamma). Arb precision escalation; why the checks imply the claim:
 * proofs/derivations/ulpm-lemma-3.2.md. */
#include <string.h>
#include "claims/claim.h"
#include "claims/ulpm_lemma32_point.h"
#include "cert/cert.h"

#define L32_KIND "lemma-3.2/1"
static const char *const STATEMENTS[] = {"appendix", "main", NULL};
#define AS_VACUOUS "hypothesis fails: L > log 2"
#define AS_HOLD "eps and delta bounds hold"
#define AS_DFAIL "delta bound fails"
#define AS_NONE "none"

static const int Q_VACUOUS[] = {L32_LOSS, -1};
static const int Q_FULL[] = {L32_LOSS, L32_RHO_SQ, L32_Q_MIN, L32_GRAD_SQ, L32_RADIAL,
                             L32_SUM_AEXC, L32_GAMMA, L32_BETA, L32_EPS_ACT_SQ, L32_EPS_CLAIM_SQ,
                             L32_EPS_GAP, L32_DELTA_ACT, -2 /* the statement's delta */, -1};

static json_t *quantities(const l32_point *p, const int *list, int delta_idx)
{
    json_t *q = json_object();
    for (int t = 0; list[t] != -1; t++) {
        int i = list[t] == -2 ? delta_idx : list[t];
        json_object_set_new(q, L32_QNAMES[i], l32_quantity(p->q[i]));
    }
    return q;
}

int ulpm_lemma32_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    instance I;
    int st;
    fmpq_t scale;
    json_t *scale_json = NULL;
    fmpq_init(scale);
    if (l32_wrapper_parse(instance_json, L32_KIND, "statement", STATEMENTS, &I, &st, scale,
                          &scale_json, err)) {
        fmpq_clear(scale);
        return err->status;
    }
    int didx = st == 0 ? L32_DELTA_APP : L32_DELTA_MAIN;
    const char *as = AS_NONE, *verdict = "INCONCLUSIVE";
    const int *list = Q_VACUOUS;
    l32_point p;
    l32_point_init(&p);
    slong prec, used = 0;
    for (prec = 128; prec <= o->max_prec; prec *= 2) {
        used = prec;
        l32_point_eval(&p, &I, scale, prec);
        if (p.below_log2 == -1) { as = AS_VACUOUS; verdict = "PROVED"; break; }
        if (p.below_log2 != 1) continue;
        list = Q_FULL;
        if (arb_is_positive(p.q[L32_EPS_GAP]) && arb_lt(p.q[L32_DELTA_ACT], p.q[didx])) {
            as = AS_HOLD; verdict = "PROVED"; break;
        }
        if (arb_gt(p.q[L32_DELTA_ACT], p.q[didx])) { as = AS_DFAIL; verdict = "REFUTED"; break; }
    }
    *cert = cert_assemble("ulpm.lemma-3.2",
        l32_source("Lemma 3.2 (= Lemma B.2)",
                   st == 0 ? "if L(theta) < log 2, theta~ = theta/q_min^{1/2} is an (eps, delta)-KKT "
                             "point of (5) with eps = sqrt(2(1-beta)/gamma), delta = K^2(K-1)n/"
                             "(2 e gamma q_min), gamma = -log(e^L - 1)/||theta||^2 (appendix, "
                             "eqs. (17)-(18))"
                           : "if L(theta) < log 2, theta~ = theta/q_min^{1/2} is an (eps, delta)-KKT "
                             "point of (5) with eps = sqrt(2(1-beta)/C), delta = K/(2 C q_min), "
                             "the constant C read as gamma = -log(e^L - 1)/||theta||^2 (main text)"),
        l32_wrapper_json(L32_KIND, "statement", STATEMENTS[st], &I, scale_json), cert_method(1, used),
        as, json_object(), quantities(&p, list, didx), verdict);
    l32_point_clear(&p);
    instance_clear(&I);
    fmpq_clear(scale);
    return 0;
}
