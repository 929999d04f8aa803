/* check_msecp_identities.c: the checker of msecp.identities (not written yet: certificates of this claim are
 * refused as malformed until it is). */
#include "check_claims.h"

int ck_claim_msecp_identities(const json_t *root, const char *verdict, ck_err *e)
{
    (void)root;
    (void)verdict;
    ck_fail(e, CK_MALFORMED, "claim msecp.identities: nccheck has no checker for it yet");
    return -1;
}
