/* check_decision.c: owns the comparison of a certificate's assertion and verdict with what a
 * claim checker derived itself (check_decision.h). */
#include "check_decision.h"

#include <string.h>

/* Looks certificate.assertion up in a NULL-ended list; its index, or -1 with e set. */
int ck_assertion_index(const json_t *root, const char *const *as_list, const char **as, ck_err *e)
{
    int ai = 0;
    *as = ck_get_str(root, "certificate", "assertion", e);
    while (*as && as_list[ai] && strcmp(*as, as_list[ai]) != 0) ai++;
    if (*as && !as_list[ai]) ck_fail(e, CK_MALFORMED, "assertion: unknown assertion \"%s\"", *as);
    return e->code ? -1 : ai;
}

int ck_check_decision(const char *as, ck_verdict verdict, const char *const *as_list, const ck_verdict *v_list, int n,
                      int d, ck_err *e)
{
    if (strcmp(as, as_list[d]) != 0) {
        int known = 0;
        for (int k = 0; k < n; k++) known |= strcmp(as, as_list[k]) == 0;
        ck_fail(e, known ? CK_INVALID : CK_MALFORMED, "assertion \"%s\" %s; the checker finds \"%s\"", as,
                known ? "does not follow" : "is unknown", as_list[d]);
        return -1;
    }
    if (ck_verdict_follows(verdict, v_list[d], NULL, e)) return -1;
    if (verdict == CK_INCONCLUSIVE) {
        ck_fail(e, CK_INVALID, "INCONCLUSIVE establishes nothing");
        return -1;
    }
    return 0;
}

int ck_require_verdict(ck_verdict verdict, ck_verdict want, ck_err *e)
{
    if (verdict == want) return 0;
    ck_fail(e, CK_INVALID, "verdict must be %s", ck_verdict_name(want));
    return -1;
}

int ck_verdict_follows(ck_verdict verdict, ck_verdict want, const char *why, ck_err *e)
{
    if (verdict == want) return 0;
    ck_fail(e, CK_INVALID, "verdict %s does not follow: %s", ck_verdict_name(verdict),
            why ? why : ck_verdict_name(want));
    return -1;
}
