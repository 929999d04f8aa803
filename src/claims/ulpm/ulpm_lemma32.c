/* ulpm_lemma32.c: certifier of ulpm.lemma-3.2 (seed 001 Lemma 3.2 = seed 000 Lemma B.2): at a
 * point theta with L(theta) < log 2, theta~ = theta / q_min^{1/2} with the multipliers
 * lambda_kij = (rho / |grad L|) softmax_j(z_{k,i}) satisfies (17) with eps^2 = 2(1 - beta)/gamma
 * and (18) with delta = K^2 (K-1) n / (2 e gamma q_min) (statement "appendix") or
 * delta = K / (2 C q_min), C := gamma (statement "main", main-text form with the constant C read
 * as gamma). Arb precision escalation; why the checks imply the claim:
 * proofs/derivations/ulpm-lemma-3.2.md. */
#include "claims/claim.h"
#include "claims/ulpm/ulpm_lemma32_point.h"

static const char *const STATEMENTS[] = {"appendix", "main", NULL};
static const char *const SOURCE_STATEMENTS[] = {
    "if L(theta) < log 2, theta~ = theta/q_min^{1/2} is an (eps, delta)-KKT "
    "point of (5) with eps = sqrt(2(1-beta)/gamma), delta = K^2(K-1)n/"
    "(2 e gamma q_min), gamma = -log(e^L - 1)/||theta||^2 (appendix, "
    "eqs. (17)-(18))",
    "if L(theta) < log 2, theta~ = theta/q_min^{1/2} is an (eps, delta)-KKT "
    "point of (5) with eps = sqrt(2(1-beta)/C), delta = K/(2 C q_min), "
    "the constant C read as gamma = -log(e^L - 1)/||theta||^2 (main text)"};

#define Q_COMMON                                                                                                       \
    ULPM_L32_LOSS, ULPM_L32_RHO_SQ, ULPM_L32_Q_MIN, ULPM_L32_GRAD_SQ, ULPM_L32_RADIAL, ULPM_L32_SUM_AEXC,              \
        ULPM_L32_GAMMA, ULPM_L32_BETA, ULPM_L32_EPS_ACT_SQ, ULPM_L32_EPS_CLAIM_SQ, ULPM_L32_EPS_GAP,                   \
        ULPM_L32_DELTA_ACT
/* per statement: the quantities, ending with the statement's delta */
static const int Q_FULL[2][14] = {{Q_COMMON, ULPM_L32_DELTA_APP, -1}, {Q_COMMON, ULPM_L32_DELTA_MAIN, -1}};

static int decide(const ulpm_l32_point *p, int st, const char **as, nc_verdict *verdict, const int **list)
{
    int didx = st == 0 ? ULPM_L32_DELTA_APP : ULPM_L32_DELTA_MAIN;
    *list = Q_FULL[st];
    if (arb_is_positive(p->q[ULPM_L32_EPS_GAP]) && arb_lt(p->q[ULPM_L32_DELTA_ACT], p->q[didx])) {
        *as = "eps and delta bounds hold";
        *verdict = NC_PROVED;
        return 1;
    }
    if (arb_gt(p->q[ULPM_L32_DELTA_ACT], p->q[didx])) {
        *as = "delta bound fails";
        *verdict = NC_REFUTED;
        return 1;
    }
    return 0;
}

static const ulpm_l32_claim CLAIM = {"ulpm.lemma-3.2",          "lemma-3.2/1",     "statement", STATEMENTS,
                                     "Lemma 3.2 (= Lemma B.2)", SOURCE_STATEMENTS, decide};

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(ulpm, lemma32, "ulpm.lemma-3.2", "Lemma 3.2 (= B.2)",
              "(epsilon, delta)-approximate KKT when L < log 2 (appendix and main-text forms, C = gamma)");

int ulpm_lemma32_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    return ulpm_l32_certify(&CLAIM, instance_json, o, cert, err);
}

/* The command line of ulpm.lemma-3.2 (claim.h, claim_cli). */
static const claim_kind cli_kind = {"lemma-3.2/1",
                                    "a point with the statement read: appendix or main [, scale] "
                                    "(specs/claims/ulpm.lemma-3.2.md)",
                                    NULL, NULL};
static const claim_use cli_uses[] = {{&cli_kind,
                                      "--instance-json '{\"kind\":\"lemma-3.2/1\",\"statement\":\"main\","
                                      "\"point\":{\"kind\":\"nc/1\",\"K\":3,\"n\":1,\"d\":3},\"scale\":\"3\"}'"},
                                     {NULL, NULL}};
const claim_cli ulpm_lemma32_cli = {cli_uses, 1};
