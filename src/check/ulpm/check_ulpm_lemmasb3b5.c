/* check_ulpm_lemmasb3b5.c: owns the check of claim ulpm.lemmas-b3-b5 (seed 000 Lemmas B.3-B.5
 * as pointwise inequalities; readings "derived" and "eq35-without-rho"): its wrapper kind,
 * assertions, the quantities each states, the inequalities that establish it and the verdict it
 * means; the check around them is ck_l32_check (check_ulpm_escalate.c). Why the checks imply the
 * claim: proofs/derivations/ulpm-lemmas-b3-b5.md. */
#include "check_claims.h"
#include "ulpm/check_ulpm_escalate.h"

static const char *const READINGS[] = {"derived", "eq35-without-rho", NULL};
static const char *const ASSERTIONS[] = {"hypothesis fails: L > log 2",
                                         "inequalities (24), (34), (35), (37) hold",
                                         "eq35 without rho holds",
                                         "eq35 without rho fails",
                                         "none",
                                         NULL};

static int derived_hold(mpfi_srcptr V)
{
    mpfi_t z;
    mpfi_init2(z, 64);
    mpfi_set_ui(z, 0);
    int ok = ck_l32_lt(z, &V[CL_DRHO2]) && ck_l32_lt(z, &V[CL_DGAMMA]) && ck_l32_lt(&V[CL_E34_MID], &V[CL_E34_LHS]) &&
             ck_l32_lt(&V[CL_E34_RHS], &V[CL_E34_MID]) && ck_l32_lt(&V[CL_E35_RHS], &V[CL_GRAD_SQ]) &&
             ck_l32_lt(&V[CL_E37_LHS_SQ], &V[CL_E37_RHS_SQ]);
    mpfi_clear(z);
    return ok;
}

/* The assertion ai of CTX = {ai, rd} follows from the recomputed intervals. */
static int decide(mpfi_srcptr V, int below, const void *ctx)
{
    int ai = *(const int *)ctx;
    if (ai == 0) return below == -1;
    if (below != 1) return 0;
    if (ai == 1) return derived_hold(V);
    if (ai == 2) return ck_l32_lt(&V[CL_E35_RHS_NORHO], &V[CL_GRAD_SQ]);
    return ck_l32_lt(&V[CL_GRAD_SQ], &V[CL_E35_RHS_NORHO]);
}

static const int *plan(int ai, int rd, ck_verdict *need, ck_err *e)
{
    static const int vac[] = {CL_LOSS, -1};
    static const int der[] = {CL_LOSS,    CL_RHO_SQ,     CL_Q_MIN,      CL_GRAD_SQ, CL_RADIAL,  CL_SUM_AS,
                              CL_GAMMA,   CL_DRHO2,      CL_DGAMMA,     CL_E34_LHS, CL_E34_MID, CL_E34_RHS,
                              CL_E35_RHS, CL_E37_LHS_SQ, CL_E37_RHS_SQ, -1};
    static const int nr[] = {CL_LOSS, CL_GRAD_SQ, CL_E35_RHS_NORHO, -1};
    if ((ai == 1 && rd != 0) || ((ai == 2 || ai == 3) && rd != 1)) {
        ck_fail(e, CK_INVALID, "assertion \"%s\" does not belong to reading \"%s\"", ASSERTIONS[ai], READINGS[rd]);
        return NULL;
    }
    *need = ai == 3 ? CK_REFUTED : CK_PROVED;
    return ai == 0 ? vac : ai == 1 ? der : nr;
}

static const ck_l32_claim CLAIM = {"lemmas-b3-b5/1", "reading", READINGS, ASSERTIONS, plan, decide};

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(ulpm, lemmasb3b5, "ulpm.lemmas-b3-b5");

int ck_claim_ulpm_lemmasb3b5(const json_t *root, ck_verdict verdict, ck_err *e)
{
    return ck_l32_check(root, verdict, &CLAIM, e);
}
