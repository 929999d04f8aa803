/* check_ulpm_eq66.c: the checker of ulpm.eq-66 (not written yet: certificates of this claim are
 * refused as malformed until it is). */
#include "check_claims.h"

int ck_claim_ulpm_eq66(const json_t *root, const char *verdict, ck_err *e)
{
    (void)root;
    (void)verdict;
    ck_fail(e, CK_MALFORMED, "claim ulpm.eq-66: nccheck has no checker for it yet");
    return -1;
}
