/* check_imbrelu_eq6.c: owns the check of imbrelu.eq-6: the exact condition and (6)-tests per
 * class (rationals), M_k in MPFI (checker interval inside the stated one), the assertion
 * (equivalence for all classes / failure at witness k) and the verdict. */
#include <stdlib.h>
#include <string.h>

#include "check_alloc.h"
#include "check_claims.h"
#include "imbrelu/check_imbrelu_common.h"
#include "check_decision.h"

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(imbrelu, eq6, "imbrelu.eq-6");

int ck_claim_imbrelu_eq6(const json_t *root, ck_verdict verdict, ck_err *e)
{
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    json_t *w = ck_get_obj(root, "certificate", "witnesses", e), *q = ck_get_obj(root, "certificate", "quantities", e);
    if (!as || !w || !q) return -1;
    int all = strcmp(as, "equivalence holds for every class") == 0,
        fails = strcmp(as, "equivalence fails at class k") == 0;
    if (!all && !fails) {
        ck_fail(e, CK_MALFORMED, "assertion: unknown \"%.60s\"", as);
        return -1;
    }
    ck_imbrelu_inst in;
    int rc = -1;
    long K = 0, nn = 0, bad = -1;
    char **names = NULL;
    mpq_t t, tr;
    mpfi_t M;
    mpq_inits(t, tr, NULL);
    mpfi_init2(M, CK_IMBRELU_PREC);
    if (ck_imbrelu_inst_parse(json_object_get(root, "instance"), NULL, &in, e)) goto out;
    /* limits: 3 K quantity names (40 bytes each); per class M_k and its terms (K^2) */
    if (ck_imbrelu_limit(&in, "imbrelu.eq-6", 3.0 * in.K * 48, 8.0 * in.K * in.K, e)) goto out; /* K = 0: cleared */
    K = in.K;
    names = ck_calloc((size_t)(3 * K), sizeof *names);
    for (long k = 0; k < K; k++) {
        names[nn++] = ck_imbrelu_name("condition_test", k);
        names[nn++] = ck_imbrelu_name("Mbar_test", k);
        names[nn++] = ck_imbrelu_name("M", k);
    }
    if (ck_imbrelu_keys_exact(q, "quantities", names, nn, e)) goto out;
    for (long k = 0; k < K; k++) {
        ck_imbrelu_test(t, &in, k, 0);
        ck_imbrelu_test(tr, &in, k, in.printed);
        ck_imbrelu_M(M, &in, k, in.printed);
        if (ck_imbrelu_verify_rational(q, names[3 * k], t, e) ||
            ck_imbrelu_verify_rational(q, names[3 * k + 1], tr, e) ||
            ck_imbrelu_verify_interval(q, names[3 * k + 2], M, e))
            goto out;
        if (bad < 0 && (mpq_sgn(t) > 0) != (mpq_sgn(tr) > 0)) bad = k;
    }
    if (all) {
        if (json_object_size(w) != 0) {
            ck_fail(e, CK_MALFORMED, "witnesses: must be empty");
            goto out;
        }
        if (bad >= 0) {
            ck_fail(e, CK_INVALID, "equivalence fails at class %ld", bad);
            goto out;
        }
        if (ck_require_verdict(verdict, CK_PROVED, e)) goto out;
    } else {
        static const char *const WK[] = {"k", NULL};
        long long k;
        if (ck_keys(w, "witnesses", WK, NULL, e) || ck_get_int(w, "witnesses", "k", &k, e)) goto out;
        if (k < 0 || k >= K) {
            ck_fail(e, CK_MALFORMED, "witnesses.k out of range");
            goto out;
        }
        ck_imbrelu_test(t, &in, (long)k, 0);
        ck_imbrelu_test(tr, &in, (long)k, in.printed);
        if ((mpq_sgn(t) > 0) == (mpq_sgn(tr) > 0)) {
            ck_fail(e, CK_INVALID, "class %lld satisfies the equivalence", k);
            goto out;
        }
        if (ck_require_verdict(verdict, CK_REFUTED, e)) goto out;
    }
    rc = 0;
out:
    for (long t2 = 0; t2 < nn; t2++) ck_free(names[t2]);
    ck_free(names);
    if (K) ck_imbrelu_inst_clear(&in);
    mpq_clears(t, tr, NULL);
    mpfi_clear(M);
    return rc;
}
