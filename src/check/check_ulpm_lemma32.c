/* check_ulpm_lemma32.c: owns the check of claim ulpm.lemma-3.2 (seed 001 Lemma 3.2 = seed 000
 * Lemma B.2, statements "appendix" and "main" with C = gamma): the wrapper instance, the
 * quantities (recomputed in MPFI, stated enclosures must contain them), the assertion and the
 * verdict. Why the checked inequalities imply the claim: proofs/derivations/ulpm-lemma-3.2.md. */
#include <string.h>

#include "check_claims.h"
#include "check_ce.h"
#include "check_escalate.h"

static const char *const STATEMENTS[] = {"appendix", "main", NULL};
static const char *const ASSERTIONS[] = {"hypothesis fails: L > log 2", "eps and delta bounds hold",
                                         "delta bound fails", "none", NULL};
static const char *const NOKEYS[] = {NULL};

/* The assertion ai of CTX = {ai, dq} follows from the recomputed intervals (L vs log 2 decided by
 * below; dq the delta of the statement). */
static int decide(mpfi_srcptr V, int below, const void *ctx)
{
    int ai = ((const int *)ctx)[0], dq = ((const int *)ctx)[1];
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

int ck_claim_ulpm_lemma32(const json_t *root, const char *verdict, ck_err *e)
{
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    int ai = 0;
    while (as && ASSERTIONS[ai] && strcmp(as, ASSERTIONS[ai]) != 0) ai++;
    if (as && !ASSERTIONS[ai]) ck_fail(e, CK_MALFORMED, "assertion: unknown assertion \"%s\"", as);
    if (e->code) return -1;
    ck_inst in;
    int st = 0, below = 0, rc = -1;
    mpq_t scale;
    mpq_init(scale);
    mpfi_ptr V = ck_ivec_init(CL_NQ, 256);
    json_t *wj = ck_get_obj(root, "certificate", "witnesses", e);
    json_t *qj = ck_get_obj(root, "certificate", "quantities", e);
    if (ck_l32_wrapper_parse(json_object_get(root, "instance"), "lemma-3.2/1", "statement",
                             STATEMENTS, &in, &st, scale, e))
        goto out;
    if (!wj || !qj || ck_keys(wj, "witnesses", NOKEYS, NULL, e)) goto out;
    if (ai == 3) {
        ck_fail(e, CK_INVALID, strcmp(verdict, "INCONCLUSIVE") ? "verdict %s does not follow from "
                "assertion \"none\"" : "INCONCLUSIVE%s: the certificate establishes nothing",
                strcmp(verdict, "INCONCLUSIVE") ? verdict : "");
        goto out;
    }
    int dq = st == 0 ? CL_DELTA_APP : CL_DELTA_MAIN;
    int vac[] = {CL_LOSS, -1};
    int full[] = {CL_LOSS, CL_RHO_SQ, CL_Q_MIN, CL_GRAD_SQ, CL_RADIAL, CL_SUM_AEXC, CL_GAMMA,
                  CL_BETA, CL_EPS_ACT_SQ, CL_EPS_CLAIM_SQ, CL_EPS_GAP, CL_DELTA_ACT, dq, -1};
    /* escalate until the stated enclosures contain the recomputed intervals and these decide */
    const char *need = ai == 2 ? "REFUTED" : "PROVED";
    const int ctx[2] = {ai, dq};
    int ok = ck_l32_escalate(V, &below, &in, scale, qj, ai == 0 ? vac : full, decide, ctx, e);
    if (ok < 0) goto out;
    if (!ok) {
        ck_fail(e, CK_INVALID, "assertion \"%s\" not established by the recomputed intervals "
                "(L %s log 2)", as, below == 1 ? "<" : below == -1 ? ">" : "undecided against");
        goto out;
    }
    if (strcmp(verdict, need) != 0) {
        ck_fail(e, CK_INVALID, "verdict %s does not follow: assertion \"%s\" means %s", verdict, as, need);
        goto out;
    }
    rc = 0;
out:
    ck_inst_free(&in);
    ck_ivec_clear(V, CL_NQ);
    mpq_clear(scale);
    return rc;
}
