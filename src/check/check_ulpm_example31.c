/* check_ulpm_example31.c: the checker of ulpm.example-3.1 (not written yet: certificates of this claim are
 * refused as malformed until it is). */
#include "check_claims.h"

int ck_claim_ulpm_example31(const json_t *root, const char *verdict, ck_err *e)
{
    (void)root;
    (void)verdict;
    ck_fail(e, CK_MALFORMED, "claim ulpm.example-3.1: nccheck has no checker for it yet");
    return -1;
}
