/* check_ulpm_theorem32.c: the checker of ulpm.theorem-3.2 (not written yet: certificates of this claim are
 * refused as malformed until it is). */
#include "check_claims.h"

int ck_claim_ulpm_theorem32(const json_t *root, const char *verdict, ck_err *e)
{
    (void)root;
    (void)verdict;
    ck_fail(e, CK_MALFORMED, "claim ulpm.theorem-3.2: nccheck has no checker for it yet");
    return -1;
}
