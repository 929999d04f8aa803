/* check_msecp_manifold.c: the checker of msecp.manifold (not written yet: certificates of this claim are
 * refused as malformed until it is). */
#include "check_claims.h"

int ck_claim_msecp_manifold(const json_t *root, const char *verdict, ck_err *e)
{
    (void)root;
    (void)verdict;
    ck_fail(e, CK_MALFORMED, "claim msecp.manifold: nccheck has no checker for it yet");
    return -1;
}
