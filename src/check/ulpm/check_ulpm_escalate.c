/* check_ulpm_escalate.c: owns the precision escalation of the ulpm.lemma-3.2 /
 * ulpm.lemmas-b3-b5 checks (check_ulpm_escalate.h), the rule that stops it when more
 * precision cannot help, and the certificate check the two claims share around it. */
#include "ulpm/check_ulpm_escalate.h"

#include <string.h>

#include "check_ce.h"
#include "check_decision.h"
#include "check_enclosure.h"

/* After a precision at which some stated enclosure did not contain the checker's interval:
 * 1 (rejection recorded in e) when no precision can make it fit. Each interval of V contains
 * the exact value (ck_l32_eval), so an interval disjoint from the stated [lo, hi] proves the
 * exact value outside it. A NaN interval decides nothing, except for the quantities from
 * CL_GAMMA on, which are NaN at every precision once below == -1 proves L > log 2. */
static int hopeless(const json_t *qj, const int *list, mpfi_srcptr V, int below, mpfr_prec_t prec, ck_err *e)
{
    ck_encl q;
    ck_encl_init(&q);
    for (int t = 0; list[t] != -1 && !e->code; t++) {
        const char *nm = CK_ULPM_L32_QNAMES[list[t]];
        mpfi_srcptr x = &V[list[t]];
        if (mpfi_nan_p(x)) {
            if (below == -1 && list[t] >= CL_GAMMA)
                ck_fail(e, CK_INVALID,
                        "quantity %s: defined only when L < log 2, and the recomputed "
                        "intervals prove L > log 2",
                        nm);
            continue;
        }
        if (ck_encl_parse(json_object_get(qj, nm), nm, &q, e)) break;
        int above = mpfr_cmp_q(&x->left, q.hi) > 0, beneath = mpfr_cmp_q(&x->right, q.lo) < 0;
        if (above || beneath)
            ck_fail(e, CK_INVALID,
                    "quantity %s: the stated enclosure does not contain the "
                    "recomputed value (nccheck's interval at %ld bits lies entirely %s [lo, hi])",
                    nm, (long)prec, above ? "above" : "below");
    }
    ck_encl_clear(&q);
    return e->code != 0;
}

/* Escalates from CK_L32_PREC_MIN to CK_L32_PREC_MAX bits (V: CL_NQ intervals; LIST: the
 * quantities the certificate states, ending with -1). Returns 1 when the stated enclosures
 * contain the checker's intervals and DECIDE(V, *below, CTX) holds; 0 when they contain them but
 * no precision decided (V and *below from the last evaluation); -1 with the rejection in e
 * (malformed or invalid enclosure, an enclosure that cannot contain the exact value, or none
 * fitting up to CK_L32_PREC_MAX bits). */
static int ck_l32_escalate(mpfi_ptr V, int *below, const ck_inst *in, const mpq_t scale, const json_t *qj,
                           const int *list, ck_l32_decide_fn decide, const void *ctx, ck_err *e)
{
    int contained = 0;
    for (mpfr_prec_t prec = CK_L32_PREC_MIN; prec <= CK_L32_PREC_MAX; prec *= 2) {
        int r = ck_l32_eval_verify(V, below, in, scale, qj, list, prec, e);
        if (r < 0) return -1;
        if (r == 1) { /* some enclosure misses part of the interval: retry only if it may fit */
            if (hopeless(qj, list, V, *below, prec, e)) return -1;
            continue;
        }
        contained = 1;
        if (decide(V, *below, ctx)) return 1;
    }
    if (!contained) {
        ck_fail(e, CK_INVALID,
                "quantities: some stated enclosure does not contain the "
                "recomputed value (checked up to %d bits)",
                CK_L32_PREC_MAX);
        return -1;
    }
    return 0;
}

static const char *const NOKEYS[] = {NULL};

int ck_l32_check(const json_t *root, ck_verdict verdict, const ck_l32_claim *c, ck_err *e)
{
    const char *const *AS = c->assertions;
    const char *as;
    int ai = ck_assertion_index(root, AS, &as, e);
    if (ai < 0) return -1;
    ck_inst in;
    int vi = 0, below = 0, rc = -1;
    mpq_t scale;
    mpq_init(scale);
    mpfi_ptr V = ck_ivec_init(CL_NQ, 256);
    json_t *wj = ck_get_obj(root, "certificate", "witnesses", e);
    json_t *qj = ck_get_obj(root, "certificate", "quantities", e);
    if (ck_l32_wrapper_parse(json_object_get(root, "instance"), c->kind, c->vkey, c->values, &in, &vi, scale, e))
        goto out;
    if (!wj || !qj || ck_keys(wj, "witnesses", NOKEYS, NULL, e)) goto out;
    if (AS[ai + 1] == NULL) { /* "none" */
        ck_fail(e, CK_INVALID,
                verdict != CK_INCONCLUSIVE ? "verdict %s does not follow from "
                                             "assertion \"none\""
                                           : "INCONCLUSIVE%s: the certificate establishes nothing",
                verdict != CK_INCONCLUSIVE ? ck_verdict_name(verdict) : "");
        goto out;
    }
    ck_verdict need = CK_INCONCLUSIVE;
    const int *list = c->plan(ai, vi, &need, e);
    if (list == NULL) goto out;
    /* escalate until the stated enclosures contain the recomputed intervals and these decide */
    const int ctx[2] = {ai, vi};
    int ok = ck_l32_escalate(V, &below, &in, scale, qj, list, c->decide, ctx, e);
    if (ok < 0) goto out;
    if (!ok) {
        ck_fail(e, CK_INVALID,
                "assertion \"%s\" not established by the recomputed intervals "
                "(L %s log 2)",
                as,
                below == 1    ? "<"
                : below == -1 ? ">"
                              : "undecided against");
        goto out;
    }
    if (verdict != need) {
        ck_fail(e, CK_INVALID, "verdict %s does not follow: assertion \"%s\" means %s", ck_verdict_name(verdict), as,
                ck_verdict_name(need));
        goto out;
    }
    rc = 0;
out:
    ck_inst_free(&in);
    ck_ivec_clear(V, CL_NQ);
    mpq_clear(scale);
    return rc;
}
