/* check_ulpm_lemma32.c: owns the check of claim ulpm.lemma-3.2 (seed 001 Lemma 3.2 = seed 000
 * Lemma B.2, statements "appendix" and "main" with C = gamma): its wrapper kind, assertions, the
 * quantities each states, the inequalities that establish it and the verdict it means; the
 * check around them (wrapper instance, MPFI quantities, verdict) is ck_l32_check
 * (check_ulpm_escalate.c). Why the checked inequalities imply the claim:
 * proofs/derivations/ulpm-lemma-3.2.md. */
#include "check_claims.h"
#include "ulpm/check_ulpm_escalate.h"

static const char *const STATEMENTS[] = {"appendix", "main", NULL};
static const char *const ASSERTIONS[] = {"hypothesis fails: L > log 2", "eps and delta bounds hold",
                                         "delta bound fails", "none", NULL};

/* The delta quantity of statement st. */
static int delta_of(int st)
{
    return st == 0 ? CL_DELTA_APP : CL_DELTA_MAIN;
}

/* The assertion ai of CTX = {ai, st} follows from the recomputed intervals (L vs log 2 decided by
 * below). */
static int decide(mpfi_srcptr V, int below, const void *ctx)
{
    int ai = ((const int *)ctx)[0], dq = delta_of(((const int *)ctx)[1]);
    if (ai == 0) return below == -1;
    if (below != 1) return 0;
    if (ai == 2) return ck_l32_lt(&V[dq], &V[CL_DELTA_ACT]);
    mpfi_t zero;
    mpfi_init2(zero, 64);
    mpfi_set_ui(zero, 0);
    int ok = ck_l32_lt(zero, &V[CL_EPS_GAP]) && ck_l32_lt(&V[CL_DELTA_ACT], &V[dq]);
    mpfi_clear(zero);
    return ok;
}

static const int Q_VACUOUS[] = {CL_LOSS, -1};
#define Q_COMMON                                                                                                       \
    CL_LOSS, CL_RHO_SQ, CL_Q_MIN, CL_GRAD_SQ, CL_RADIAL, CL_SUM_AEXC, CL_GAMMA, CL_BETA, CL_EPS_ACT_SQ,                \
        CL_EPS_CLAIM_SQ, CL_EPS_GAP, CL_DELTA_ACT
/* per statement: the quantities, ending with the statement's delta */
static const int Q_FULL[2][14] = {{Q_COMMON, CL_DELTA_APP, -1}, {Q_COMMON, CL_DELTA_MAIN, -1}};

static const int *plan(int ai, int st, ck_verdict *need, ck_err *e)
{
    (void)e;
    *need = ai == 2 ? CK_REFUTED : CK_PROVED;
    return ai == 0 ? Q_VACUOUS : Q_FULL[st];
}

static const ck_l32_claim CLAIM = {"lemma-3.2/1", "statement", STATEMENTS, ASSERTIONS, plan, decide};

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(ulpm, lemma32, "ulpm.lemma-3.2");

int ck_claim_ulpm_lemma32(const json_t *root, ck_verdict verdict, ck_err *e)
{
    return ck_l32_check(root, verdict, &CLAIM, e);
}
