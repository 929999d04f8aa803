/* ulpm_lemma32_point.h: the quantities of seed 001 Lemma 3.2 (= seed 000 Lemma B.2) and seed 000
 * Lemmas B.3-B.5 at one point theta = s*(W, H) of the layer-peeled CE loss (eq. (4)), in Arb, and
 * the claim-specific instance wrapper {"kind": ..., <variant key>, "point": <ulpm instance>,
 * "scale": optional rational s} shared by ulpm.lemma-3.2 and ulpm.lemmas-b3-b5.
 * Definitions and why they are right: proofs/derivations/ulpm-lemma-3.2.md, ulpm-lemmas-b3-b5.md.
 * Contract of ulpm_l32_point_eval: every ball contains the exact value of its quantity. */
#ifndef ULPM_LEMMA32_POINT_H
#define ULPM_LEMMA32_POINT_H
#include <arb.h>
#include <jansson.h>
#include "cert/verdict.h"
#include "claims/claim.h"
#include "common/nc_error.h"
#include "instance/instance.h"

/* Every quantity either claim can put in a certificate (names in ULPM_L32_QNAMES of
 * ulpm_lemma32_point.c, same order). */
enum {
    ULPM_L32_LOSS,
    ULPM_L32_RHO_SQ,
    ULPM_L32_Q_MIN,
    ULPM_L32_GRAD_SQ,
    ULPM_L32_RADIAL,
    ULPM_L32_SUM_AS,
    ULPM_L32_SUM_AEXC,
    ULPM_L32_GAMMA, /* needs L < log 2 */
    ULPM_L32_BETA,
    ULPM_L32_EPS_ACT_SQ,
    ULPM_L32_EPS_CLAIM_SQ,
    ULPM_L32_EPS_GAP,
    ULPM_L32_DELTA_ACT,
    ULPM_L32_DELTA_APP,
    ULPM_L32_DELTA_MAIN, /* Lemma 3.2 / B.2 */
    ULPM_L32_DRHO2,
    ULPM_L32_DGAMMA,
    ULPM_L32_E34_LHS,
    ULPM_L32_E34_MID,
    ULPM_L32_E34_RHS,
    ULPM_L32_E35_RHS,
    ULPM_L32_E35_RHS_NORHO,
    ULPM_L32_E37_LHS_SQ,
    ULPM_L32_E37_RHS_SQ, /* Lemmas B.3-B.5 */
    ULPM_L32_NQ
};

typedef struct {
    arb_t q[ULPM_L32_NQ];
    int below_log2; /* 1: the balls prove L < log 2; -1: they prove L > log 2; 0: undecided */
} ulpm_l32_point;

void ulpm_l32_point_init(ulpm_l32_point *p);
void ulpm_l32_point_clear(ulpm_l32_point *p);

/* Evaluates every quantity at theta = scale * (W, H) at precision prec. The quantities after
 * ULPM_L32_GAMMA are computed only when below_log2 == 1 (otherwise left indeterminate). */
void ulpm_l32_point_eval(ulpm_l32_point *p, const instance *I, const fmpq_t scale, slong prec);

/* One claim certified by ulpm_l32_certify. */
typedef struct {
    const char *claim, *kind, *vkey; /* claim id; the wrapper: kind and variant key */
    const char *const *values;       /* the variants (NULL-terminated) */
    const char *label;               /* source label */
    const char *const *statements;   /* source statement of each variant */
    /* At a point evaluated with below_log2 == 1: sets *list (the quantities to state, ending
     * with -1) and, when the balls decide the claim, *as and *verdict, returning 1. */
    int (*decide)(const ulpm_l32_point *p, int variant, const char **as, nc_verdict *verdict, const int **list);
} ulpm_l32_claim;

/* The shared certifier: parses the wrapper, evaluates at 128, 256, ... up to o->max_prec bits
 * until L > log 2 is proved (assertion "hypothesis fails: L > log 2", PROVED, quantity loss) or
 * C->decide decides; otherwise assertion "none", INCONCLUSIVE. */
int ulpm_l32_certify(const ulpm_l32_claim *c, json_t *instance_json, const certify_options *o, json_t **cert,
                     nc_error *err);
#endif
