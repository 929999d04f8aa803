/* check_imbrelu_cor4.c: the checker of imbrelu.cor-4 (not written yet: certificates of this claim are
 * refused as malformed until it is). */
#include "check_claims.h"

int ck_claim_imbrelu_cor4(const json_t *root, const char *verdict, ck_err *e)
{
    (void)root;
    (void)verdict;
    ck_fail(e, CK_MALFORMED, "claim imbrelu.cor-4: nccheck has no checker for it yet");
    return -1;
}
