/* check_imbrelu_global_search.c: the checker of imbrelu.global-search (not written yet: certificates of this claim are
 * refused as malformed until it is). */
#include "check_claims.h"

int ck_claim_imbrelu_global_search(const json_t *root, const char *verdict, ck_err *e)
{
    (void)root;
    (void)verdict;
    ck_fail(e, CK_MALFORMED, "claim imbrelu.global-search: nccheck has no checker for it yet");
    return -1;
}
