/* check_ulpm_escalate.h: the precision escalation shared by the ulpm.lemma-3.2 and
 * ulpm.lemmas-b3-b5 checkers, and the check of their certificates around it (ck_l32_check). The
 * quantities are recomputed in MPFI at 128, 256, ..., 8192 bits until every stated
 * enclosure contains the checker's interval and the assertion is decided. More precision is
 * tried only while it can help: a stated enclosure disjoint from the checker's interval (which
 * contains the exact value) is wrong at every precision and is rejected at once, and so is a
 * quantity defined only when L < log 2 once the intervals prove L > log 2. */
#ifndef NCCHECK_ULPM_ESCALATE_H
#define NCCHECK_ULPM_ESCALATE_H
#include "check_verdict.h"
#include "ulpm/check_ulpm_lemma32_point.h"

/* 1 iff the recomputed intervals V (with *below as in ck_l32_eval) establish the assertion. */
typedef int (*ck_l32_decide_fn)(mpfi_srcptr V, int below, const void *ctx);

/* One claim checked by ck_l32_check. */
typedef struct {
    const char *kind, *vkey;       /* the wrapper instance: kind and variant key */
    const char *const *values;     /* the variants (NULL-terminated) */
    const char *const *assertions; /* NULL-terminated; the last one is "none" */
    /* For assertion ai and variant vi (after "none" is excluded): the quantities the
     * certificate states (ending with -1) and the verdict the assertion means in *need, or
     * NULL with the rejection in e. */
    const int *(*plan)(int ai, int vi, ck_verdict *need, ck_err *e);
    /* Called with CTX = {ai, vi} (const int[2]). */
    ck_l32_decide_fn decide;
} ck_l32_claim;

/* The check of a certificate of claim C: the assertion (one of C->assertions; "none" is
 * INCONCLUSIVE and rejected), the wrapper instance, no witnesses, the quantities by
 * ck_l32_escalate, and the verdict the assertion means. 0 if valid, -1 with the rejection in e. */
int ck_l32_check(const json_t *root, ck_verdict verdict, const ck_l32_claim *c, ck_err *e);
#endif
