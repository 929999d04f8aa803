/* check_msecp_dynamics.c: the checker of msecp.dynamics (not written yet: certificates of this claim are
 * refused as malformed until it is). */
#include "check_claims.h"

int ck_claim_msecp_dynamics(const json_t *root, const char *verdict, ck_err *e)
{
    (void)root;
    (void)verdict;
    ck_fail(e, CK_MALFORMED, "claim msecp.dynamics: nccheck has no checker for it yet");
    return -1;
}
