/* ulpm_lemmasb3b5.c: certifier of ulpm.lemmas-b3-b5 (seed 000 Lemmas B.3-B.5) as pointwise
 * inequalities at a point theta with L(theta) < log 2 (d/dt along gradient flow = directional
 * derivative along -grad L): (24) d rho^2/dt > 0, d gamma/dt >= 0; (34) 2 sum a s >=
 * 2(1-e^{-L}) q_min >= -2(1-e^{-L}) log(e^L-1); (35) |grad L|^2 >= 4((1-e^{-L}) log(e^L-1))^2 /
 * rho^2; (37) |d theta^/dt| <= (1/gamma) d log rho/dt (reading "derived"); or (35) without the
 * 1/rho^2 (reading "eq35-without-rho", false in general). Why the checks imply the claim:
 * proofs/derivations/ulpm-lemmas-b3-b5.md. */
#include <string.h>
#include "claims/claim.h"
#include "claims/ulpm_lemma32_point.h"
#include "cert/cert.h"

#define B35_KIND "lemmas-b3-b5/1"
static const char *const READINGS[] = {"derived", "eq35-without-rho", NULL};
#define AS_VACUOUS "hypothesis fails: L > log 2"
#define AS_HOLD "inequalities (24), (34), (35), (37) hold"
#define AS_NR_HOLD "eq35 without rho holds"
#define AS_NR_FAIL "eq35 without rho fails"
#define AS_NONE "none"

static const int Q_VACUOUS[] = {L32_LOSS, -1};
static const int Q_DERIVED[] = {L32_LOSS, L32_RHO_SQ, L32_Q_MIN, L32_GRAD_SQ, L32_RADIAL,
                                L32_SUM_AS, L32_GAMMA, L32_DRHO2, L32_DGAMMA, L32_E34_LHS,
                                L32_E34_MID, L32_E34_RHS, L32_E35_RHS, L32_E37_LHS_SQ,
                                L32_E37_RHS_SQ, -1};
static const int Q_NORHO[] = {L32_LOSS, L32_GRAD_SQ, L32_E35_RHS_NORHO, -1};

static json_t *quantities(const l32_point *p, const int *list)
{
    json_t *q = json_object();
    for (int t = 0; list[t] != -1; t++)
        json_object_set_new(q, L32_QNAMES[list[t]], l32_quantity(p->q[list[t]]));
    return q;
}

static int derived_hold(const l32_point *p)
{
    arb_srcptr q = (arb_srcptr)p->q;
    return arb_is_positive(q + L32_DRHO2) && arb_is_positive(q + L32_DGAMMA) &&
           arb_gt(q + L32_E34_LHS, q + L32_E34_MID) && arb_gt(q + L32_E34_MID, q + L32_E34_RHS) &&
           arb_gt(q + L32_GRAD_SQ, q + L32_E35_RHS) && arb_gt(q + L32_E37_RHS_SQ, q + L32_E37_LHS_SQ);
}

int ulpm_lemmasb3b5_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    instance I;
    int rd;
    fmpq_t scale;
    json_t *scale_json = NULL;
    fmpq_init(scale);
    if (l32_wrapper_parse(instance_json, B35_KIND, "reading", READINGS, &I, &rd, scale,
                          &scale_json, err)) {
        fmpq_clear(scale);
        return err->status;
    }
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
        list = rd == 0 ? Q_DERIVED : Q_NORHO;
        if (rd == 0 && derived_hold(&p)) { as = AS_HOLD; verdict = "PROVED"; break; }
        if (rd == 1 && arb_gt(p.q[L32_GRAD_SQ], p.q[L32_E35_RHS_NORHO])) {
            as = AS_NR_HOLD; verdict = "PROVED"; break;
        }
        if (rd == 1 && arb_lt(p.q[L32_GRAD_SQ], p.q[L32_E35_RHS_NORHO])) {
            as = AS_NR_FAIL; verdict = "REFUTED"; break;
        }
    }
    *cert = cert_assemble("ulpm.lemmas-b3-b5",
        l32_source("Lemmas B.3-B.5",
                   rd == 0 ? "if L(theta) < log 2 then, along gradient flow (pointwise: along -grad L), "
                             "(24) d rho^2/dt > 0 and d gamma/dt >= 0, (34) 2 sum a s >= 2(1-e^{-L}) "
                             "q_min >= -2(1-e^{-L}) log(e^L-1), (35) -dL/dt >= 4((1-e^{-L}) "
                             "log(e^L-1))^2/rho^2, (37) |d theta^/dt| <= (1/gamma) d log rho/dt"
                           : "if L(theta) < log 2 then -dL/dt >= 4((1-e^{-L}) log(e^L-1))^2 "
                             "((35) read without the factor 1/rho^2)"),
        l32_wrapper_json(B35_KIND, "reading", READINGS[rd], &I, scale_json), cert_method(1, used),
        as, json_object(), quantities(&p, list), verdict);
    l32_point_clear(&p);
    instance_clear(&I);
    fmpq_clear(scale);
    return 0;
}
