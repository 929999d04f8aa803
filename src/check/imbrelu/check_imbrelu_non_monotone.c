/* check_imbrelu_non_monotone.c: owns the check of imbrelu.non-monotone: witness classes i, j with
 * n_i > n_j, both above the threshold (exact), and M_i/sqrt(n_i) - M_j/sqrt(n_j) > 0 by the
 * checker's own MPFI interval (which must also lie inside the stated enclosures). */
#include <string.h>

#include "check_claims.h"
#include "check_alloc.h"
#include "check_limits.h"
#include "imbrelu/check_imbrelu_common.h"
#include "check_decision.h"

static void ratio(mpfi_t r, const ck_imbrelu_inst *in, long k)
{
    mpfi_t s;
    mpfi_init2(s, CK_IMBRELU_PREC);
    ck_imbrelu_M(r, in, k, in->printed);
    mpfi_set_ui(s, (unsigned long)in->n[k]);
    mpfi_sqrt(s, s);
    mpfi_div(r, r, s);
    mpfi_clear(s);
}

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(imbrelu, non_monotone, "imbrelu.non-monotone");

int ck_claim_imbrelu_non_monotone(const json_t *root, ck_verdict verdict, ck_err *e)
{
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    json_t *w = ck_get_obj(root, "certificate", "witnesses", e), *q = ck_get_obj(root, "certificate", "quantities", e);
    if (!as || !w || !q) return -1;
    if (!strcmp(as, "none")) {
        ck_fail(e, CK_INVALID, "INCONCLUSIVE: no witness pair");
        return -1;
    }
    if (strcmp(as, "n_i > n_j and M_i/sqrt(n_i) > M_j/sqrt(n_j)")) {
        ck_fail(e, CK_MALFORMED, "assertion: unknown");
        return -1;
    }
    static const char *const WK[] = {"i", "j", NULL};
    static const char *const QK[] = {"ratio_i", "ratio_j", "difference", NULL};
    long long i, j;
    if (ck_keys(w, "witnesses", WK, NULL, e) || ck_get_int(w, "witnesses", "i", &i, e) ||
        ck_get_int(w, "witnesses", "j", &j, e) || ck_keys(q, "quantities", QK, NULL, e))
        return -1;
    ck_imbrelu_inst in;
    if (ck_imbrelu_inst_parse(json_object_get(root, "instance"), NULL, &in, e)) return -1;
    /* limits: a few intervals; the class pairs (K^2) */
    if (ck_imbrelu_limit(&in, "imbrelu.non-monotone", 16 * ck_mpfi_bytes(CK_IMBRELU_PREC), 8.0 * in.K * in.K, e))
        return -1;
    int rc = -1;
    mpq_t t;
    mpfi_t ri, rj, df;
    mpq_init(t);
    mpfi_init2(ri, CK_IMBRELU_PREC), mpfi_init2(rj, CK_IMBRELU_PREC), mpfi_init2(df, CK_IMBRELU_PREC);
    if (i < 0 || j < 0 || i >= in.K || j >= in.K) {
        ck_fail(e, CK_MALFORMED, "witnesses out of range");
        goto out;
    }
    if (in.n[i] <= in.n[j]) {
        ck_fail(e, CK_INVALID, "n_i <= n_j");
        goto out;
    }
    ck_imbrelu_test(t, &in, (long)i, in.printed);
    int ai = mpq_sgn(t) > 0;
    ck_imbrelu_test(t, &in, (long)j, in.printed);
    if (!ai || mpq_sgn(t) <= 0) {
        ck_fail(e, CK_INVALID, "a witness class is at or below the threshold");
        goto out;
    }
    ratio(ri, &in, (long)i);
    ratio(rj, &in, (long)j);
    mpfi_sub(df, ri, rj);
    if (ck_imbrelu_verify_interval(q, "ratio_i", ri, e) || ck_imbrelu_verify_interval(q, "ratio_j", rj, e) ||
        ck_imbrelu_verify_interval(q, "difference", df, e))
        goto out;
    if (mpfr_sgn(&df->left) <= 0) {
        ck_fail(e, CK_INVALID, "difference not certified positive");
        goto out;
    }
    if (ck_require_verdict(verdict, CK_PROVED, e)) goto out;
    rc = 0;
out:
    mpq_clear(t);
    mpfi_clear(ri), mpfi_clear(rj), mpfi_clear(df);
    ck_imbrelu_inst_clear(&in);
    return rc;
}
