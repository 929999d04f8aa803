/* check_escalate.h: the precision escalation shared by the ulpm.lemma-3.2 and ulpm.lemmas-b3-b5
 * checkers. The quantities are recomputed in MPFI at 128, 256, ..., 8192 bits until every stated
 * enclosure contains the checker's interval and the assertion is decided. More precision is
 * tried only while it can help: a stated enclosure disjoint from the checker's interval (which
 * contains the exact value) is wrong at every precision and is rejected at once, and so is a
 * quantity defined only when L < log 2 once the intervals prove L > log 2. */
#ifndef NCCHECK_ESCALATE_H
#define NCCHECK_ESCALATE_H
#include "check_ulpm_lemma32_point.h"

/* 1 iff the recomputed intervals V (with *below as in ck_l32_eval) establish the assertion. */
typedef int (*ck_l32_decide_fn)(mpfi_srcptr V, int below, const void *ctx);

/* Escalates from CK_L32_PREC_MIN to CK_L32_PREC_MAX bits (V: CL_NQ intervals; LIST: the
 * quantities the certificate states, ending with -1). Returns 1 when the stated enclosures
 * contain the checker's intervals and DECIDE(V, *below, CTX) holds; 0 when they contain them but
 * no precision decided (V and *below from the last evaluation); -1 with the rejection in e
 * (malformed or invalid enclosure, an enclosure that cannot contain the exact value, or none
 * fitting up to CK_L32_PREC_MAX bits). */
int ck_l32_escalate(mpfi_ptr V, int *below, const ck_inst *in, const mpq_t scale,
                    const json_t *qj, const int *list, ck_l32_decide_fn decide, const void *ctx,
                    ck_err *e);
#endif
