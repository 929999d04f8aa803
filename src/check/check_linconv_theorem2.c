/* check_linconv_theorem2.c: the checker of linconv.theorem-2 (not written yet: certificates of this claim are
 * refused as malformed until it is). */
#include "check_claims.h"

int ck_claim_linconv_theorem2(const json_t *root, const char *verdict, ck_err *e)
{
    (void)root;
    (void)verdict;
    ck_fail(e, CK_MALFORMED, "claim linconv.theorem-2: nccheck has no checker for it yet");
    return -1;
}
