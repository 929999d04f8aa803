/* check_ulpm_lemmasb3b5.c: the checker of ulpm.lemmas-b3-b5 (not written yet: certificates of this claim are
 * refused as malformed until it is). */
#include "check_claims.h"

int ck_claim_ulpm_lemmasb3b5(const json_t *root, const char *verdict, ck_err *e)
{
    (void)root;
    (void)verdict;
    ck_fail(e, CK_MALFORMED, "claim ulpm.lemmas-b3-b5: nccheck has no checker for it yet");
    return -1;
}
