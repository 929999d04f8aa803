/* check_imbrelu_non_monotone.c: the checker of imbrelu.non-monotone (not written yet: certificates of this claim are
 * refused as malformed until it is). */
#include "check_claims.h"

int ck_claim_imbrelu_non_monotone(const json_t *root, const char *verdict, ck_err *e)
{
    (void)root;
    (void)verdict;
    ck_fail(e, CK_MALFORMED, "claim imbrelu.non-monotone: nccheck has no checker for it yet");
    return -1;
}
