/* check_imbrelu_prop1_cor13.c: the checker of imbrelu.prop-1-cor-1-3 (not written yet: certificates of this claim are
 * refused as malformed until it is). */
#include "check_claims.h"

int ck_claim_imbrelu_prop1_cor13(const json_t *root, const char *verdict, ck_err *e)
{
    (void)root;
    (void)verdict;
    ck_fail(e, CK_MALFORMED, "claim imbrelu.prop-1-cor-1-3: nccheck has no checker for it yet");
    return -1;
}
