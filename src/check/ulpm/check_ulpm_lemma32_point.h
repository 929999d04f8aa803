/* check_ulpm_lemma32_point.h: nccheck's own MPFI evaluation of the quantities of ulpm.lemma-3.2
 * and ulpm.lemmas-b3-b5 at a point theta = scale * (W, H), the claim-specific instance wrapper
 * {"kind", <variant key>, "point", "scale"?}, and the interval check of a stated enclosure:
 * the stated [lo, hi] must contain the checker's interval (so it contains the exact value).
 * Each output interval contains the exact value of its quantity. */
#ifndef NCCHECK_ULPM_LEMMA32_POINT_H
#define NCCHECK_ULPM_LEMMA32_POINT_H
#include <mpfi.h>

#include "check_instance.h"
#include "check_json.h"

/* Same order and names as the certifier's ULPM_L32_QNAMES (specs/claims/ulpm.lemma-3.2.md). */
enum {
    CL_LOSS,
    CL_RHO_SQ,
    CL_Q_MIN,
    CL_GRAD_SQ,
    CL_RADIAL,
    CL_SUM_AS,
    CL_SUM_AEXC,
    CL_GAMMA,
    CL_BETA,
    CL_EPS_ACT_SQ,
    CL_EPS_CLAIM_SQ,
    CL_EPS_GAP,
    CL_DELTA_ACT,
    CL_DELTA_APP,
    CL_DELTA_MAIN,
    CL_DRHO2,
    CL_DGAMMA,
    CL_E34_LHS,
    CL_E34_MID,
    CL_E34_RHS,
    CL_E35_RHS,
    CL_E35_RHS_NORHO,
    CL_E37_LHS_SQ,
    CL_E37_RHS_SQ,
    CL_NQ
};
extern const char *const CK_ULPM_L32_QNAMES[CL_NQ];

/* Reads the wrapper: kind must be KIND, VKEY one of VALUES (index in *variant), point a ulpm
 * instance, scale (optional) a positive entry string (default 1). 0 or malformed. */
int ck_l32_wrapper_parse(const json_t *j, const char *kind, const char *vkey, const char *const *values, ck_inst *in,
                         int *variant, mpq_t scale, ck_err *e);

/* x < y, proved by the intervals. */
int ck_l32_lt(mpfi_srcptr x, mpfi_srcptr y);

/* Evaluates at precision prec (V: CL_NQ intervals, reset to prec) and checks the listed
 * enclosures: 0 all contain the checker's intervals, 1 some does not (retry at a higher
 * precision), -1 failure recorded in e. *below as in ck_l32_eval. */
int ck_l32_eval_verify(mpfi_ptr V, int *below, const ck_inst *in, const mpq_t scale, const json_t *qj, const int *list,
                       mpfr_prec_t prec, ck_err *e);
#define CK_L32_PREC_MIN 128
#define CK_L32_PREC_MAX 8192
#endif
