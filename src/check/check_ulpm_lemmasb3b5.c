/* check_ulpm_lemmasb3b5.c: owns the check of claim ulpm.lemmas-b3-b5 (seed 000 Lemmas B.3-B.5
 * as pointwise inequalities; readings "derived" and "eq35-without-rho"): the wrapper instance,
 * the quantities (recomputed in MPFI), the assertion and the verdict. Why the checks imply the
 * claim: proofs/derivations/ulpm-lemmas-b3-b5.md. */
#include <string.h>

#include "check_claims.h"
#include "check_ce.h"
#include "check_escalate.h"

static const char *const READINGS[] = {"derived", "eq35-without-rho", NULL};
static const char *const ASSERTIONS[] = {"hypothesis fails: L > log 2",
                                         "inequalities (24), (34), (35), (37) hold",
                                         "eq35 without rho holds", "eq35 without rho fails",
                                         "none", NULL};
static const char *const NOKEYS[] = {NULL};

static int derived_hold(mpfi_srcptr V)
{
    mpfi_t z;
    mpfi_init2(z, 64);
    mpfi_set_ui(z, 0);
    int ok = ck_l32_lt(z, &V[CL_DRHO2]) && ck_l32_lt(z, &V[CL_DGAMMA]) &&
             ck_l32_lt(&V[CL_E34_MID], &V[CL_E34_LHS]) && ck_l32_lt(&V[CL_E34_RHS], &V[CL_E34_MID]) &&
             ck_l32_lt(&V[CL_E35_RHS], &V[CL_GRAD_SQ]) && ck_l32_lt(&V[CL_E37_LHS_SQ], &V[CL_E37_RHS_SQ]);
    mpfi_clear(z);
    return ok;
}

/* The assertion *(const int *)CTX follows from the recomputed intervals. */
static int decide(mpfi_srcptr V, int below, const void *ctx)
{
    int ai = *(const int *)ctx;
    if (ai == 0) return below == -1;
    if (below != 1) return 0;
    if (ai == 1) return derived_hold(V);
    if (ai == 2) return ck_l32_lt(&V[CL_E35_RHS_NORHO], &V[CL_GRAD_SQ]);
    return ck_l32_lt(&V[CL_GRAD_SQ], &V[CL_E35_RHS_NORHO]);
}

int ck_claim_ulpm_lemmasb3b5(const json_t *root, const char *verdict, ck_err *e)
{
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    int ai = 0;
    while (as && ASSERTIONS[ai] && strcmp(as, ASSERTIONS[ai]) != 0) ai++;
    if (as && !ASSERTIONS[ai]) ck_fail(e, CK_MALFORMED, "assertion: unknown assertion \"%s\"", as);
    if (e->code) return -1;
    ck_inst in;
    int rd = 0, below = 0, rc = -1;
    mpq_t scale;
    mpq_init(scale);
    mpfi_ptr V = ck_ivec_init(CL_NQ, 256);
    json_t *wj = ck_get_obj(root, "certificate", "witnesses", e);
    json_t *qj = ck_get_obj(root, "certificate", "quantities", e);
    if (ck_l32_wrapper_parse(json_object_get(root, "instance"), "lemmas-b3-b5/1", "reading",
                             READINGS, &in, &rd, scale, e))
        goto out;
    if (!wj || !qj || ck_keys(wj, "witnesses", NOKEYS, NULL, e)) goto out;
    if (ai == 4) {
        ck_fail(e, CK_INVALID, strcmp(verdict, "INCONCLUSIVE") ? "verdict %s does not follow from "
                "assertion \"none\"" : "INCONCLUSIVE%s: the certificate establishes nothing",
                strcmp(verdict, "INCONCLUSIVE") ? verdict : "");
        goto out;
    }
    if ((ai == 1 && rd != 0) || ((ai == 2 || ai == 3) && rd != 1)) {
        ck_fail(e, CK_INVALID, "assertion \"%s\" does not belong to reading \"%s\"", as, READINGS[rd]);
        goto out;
    }
    static const int vac[] = {CL_LOSS, -1};
    static const int der[] = {CL_LOSS, CL_RHO_SQ, CL_Q_MIN, CL_GRAD_SQ, CL_RADIAL, CL_SUM_AS,
                              CL_GAMMA, CL_DRHO2, CL_DGAMMA, CL_E34_LHS, CL_E34_MID, CL_E34_RHS,
                              CL_E35_RHS, CL_E37_LHS_SQ, CL_E37_RHS_SQ, -1};
    static const int nr[] = {CL_LOSS, CL_GRAD_SQ, CL_E35_RHS_NORHO, -1};
    /* escalate until the stated enclosures contain the recomputed intervals and these decide */
    int ok = ck_l32_escalate(V, &below, &in, scale, qj, ai == 0 ? vac : ai == 1 ? der : nr, decide,
                             &ai, e);
    if (ok < 0) goto out;
    if (!ok) {
        ck_fail(e, CK_INVALID, "assertion \"%s\" not established by the recomputed intervals "
                "(L %s log 2)", as, below == 1 ? "<" : below == -1 ? ">" : "undecided against");
        goto out;
    }
    const char *need = ai == 3 ? "REFUTED" : "PROVED";
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
