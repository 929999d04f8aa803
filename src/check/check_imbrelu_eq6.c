/* check_imbrelu_eq6.c: the checker of imbrelu.eq-6 (not written yet: certificates of this claim are
 * refused as malformed until it is). */
#include "check_claims.h"

int ck_claim_imbrelu_eq6(const json_t *root, const char *verdict, ck_err *e)
{
    (void)root;
    (void)verdict;
    ck_fail(e, CK_MALFORMED, "claim imbrelu.eq-6: nccheck has no checker for it yet");
    return -1;
}
