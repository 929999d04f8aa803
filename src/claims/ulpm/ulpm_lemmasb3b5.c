/* ulpm_lemmasb3b5.c: certifier of ulpm.lemmas-b3-b5 (seed 000 Lemmas B.3-B.5) as pointwise
 * inequalities at a point theta with L(theta) < log 2 (d/dt along gradient flow = directional
 * derivative along -grad L): (24) d rho^2/dt > 0, d gamma/dt >= 0; (34) 2 sum a s >=
 * 2(1-e^{-L}) q_min >= -2(1-e^{-L}) log(e^L-1); (35) |grad L|^2 >= 4((1-e^{-L}) log(e^L-1))^2 /
 * rho^2; (37) |d theta^/dt| <= (1/gamma) d log rho/dt (reading "derived"); or (35) without the
 * 1/rho^2 (reading "eq35-without-rho", false in general). Why the checks imply the claim:
 * proofs/derivations/ulpm-lemmas-b3-b5.md. */
#include "claims/claim.h"
#include "claims/ulpm/ulpm_lemma32_point.h"

static const char *const READINGS[] = {"derived", "eq35-without-rho", NULL};
static const char *const SOURCE_STATEMENTS[] = {
    "if L(theta) < log 2 then, along gradient flow (pointwise: along -grad L), "
    "(24) d rho^2/dt > 0 and d gamma/dt >= 0, (34) 2 sum a s >= 2(1-e^{-L}) "
    "q_min >= -2(1-e^{-L}) log(e^L-1), (35) -dL/dt >= 4((1-e^{-L}) "
    "log(e^L-1))^2/rho^2, (37) |d theta^/dt| <= (1/gamma) d log rho/dt",
    "if L(theta) < log 2 then -dL/dt >= 4((1-e^{-L}) log(e^L-1))^2 "
    "((35) read without the factor 1/rho^2)"};

static const int Q_DERIVED[] = {ULPM_L32_LOSS,    ULPM_L32_RHO_SQ,     ULPM_L32_Q_MIN,      ULPM_L32_GRAD_SQ,
                                ULPM_L32_RADIAL,  ULPM_L32_SUM_AS,     ULPM_L32_GAMMA,      ULPM_L32_DRHO2,
                                ULPM_L32_DGAMMA,  ULPM_L32_E34_LHS,    ULPM_L32_E34_MID,    ULPM_L32_E34_RHS,
                                ULPM_L32_E35_RHS, ULPM_L32_E37_LHS_SQ, ULPM_L32_E37_RHS_SQ, -1};
static const int Q_NORHO[] = {ULPM_L32_LOSS, ULPM_L32_GRAD_SQ, ULPM_L32_E35_RHS_NORHO, -1};

static int derived_hold(const ulpm_l32_point *p)
{
    arb_srcptr q = (arb_srcptr)p->q;
    return arb_is_positive(q + ULPM_L32_DRHO2) && arb_is_positive(q + ULPM_L32_DGAMMA) &&
           arb_gt(q + ULPM_L32_E34_LHS, q + ULPM_L32_E34_MID) && arb_gt(q + ULPM_L32_E34_MID, q + ULPM_L32_E34_RHS) &&
           arb_gt(q + ULPM_L32_GRAD_SQ, q + ULPM_L32_E35_RHS) &&
           arb_gt(q + ULPM_L32_E37_RHS_SQ, q + ULPM_L32_E37_LHS_SQ);
}

static int decide(const ulpm_l32_point *p, int rd, const char **as, nc_verdict *verdict, const int **list)
{
    *list = rd == 0 ? Q_DERIVED : Q_NORHO;
    if (rd == 0 && derived_hold(p)) {
        *as = "inequalities (24), (34), (35), (37) hold";
        *verdict = NC_PROVED;
        return 1;
    }
    if (rd == 1 && arb_gt(p->q[ULPM_L32_GRAD_SQ], p->q[ULPM_L32_E35_RHS_NORHO])) {
        *as = "eq35 without rho holds";
        *verdict = NC_PROVED;
        return 1;
    }
    if (rd == 1 && arb_lt(p->q[ULPM_L32_GRAD_SQ], p->q[ULPM_L32_E35_RHS_NORHO])) {
        *as = "eq35 without rho fails";
        *verdict = NC_REFUTED;
        return 1;
    }
    return 0;
}

static const ulpm_l32_claim CLAIM = {"ulpm.lemmas-b3-b5", "lemmas-b3-b5/1",  "reading", READINGS,
                                     "Lemmas B.3-B.5",    SOURCE_STATEMENTS, decide};

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(ulpm, lemmasb3b5, "ulpm.lemmas-b3-b5", "Lemmas B.3-B.5",
              "pointwise inequalities (24), (34), (35), (37) when L < log 2");

int ulpm_lemmasb3b5_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    return ulpm_l32_certify(&CLAIM, instance_json, o, cert, err);
}

/* The command line of ulpm.lemmas-b3-b5 (claim.h, claim_cli). */
static const claim_kind cli_kind = {"lemmas-b3-b5/1",
                                    "a point with the reading: derived or eq35-without-rho [, scale] "
                                    "(specs/claims/ulpm.lemmas-b3-b5.md)",
                                    NULL, NULL};
static const claim_use cli_uses[] = {{&cli_kind,
                                      "--instance-json '{\"kind\":\"lemmas-b3-b5/1\",\"reading\":\"derived\","
                                      "\"point\":{\"kind\":\"nc/1\",\"K\":3,\"n\":1,\"d\":3},\"scale\":\"3\"}'"},
                                     {NULL, NULL}};
const claim_cli ulpm_lemmasb3b5_cli = {cli_uses, 1};
