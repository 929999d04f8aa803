/* check_linconv_theorem2.c: the checker of linconv.theorem-2 (shared code: check_linconv_errbound.c). */
#include "check_claims.h"
#include "linconv/check_linconv_common.h"
#include "linconv/check_linconv_errbound.h"

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(linconv, theorem2, "linconv.theorem-2");

int ck_claim_linconv_theorem2(const json_t *root, ck_verdict verdict, ck_err *e)
{
    return ck_linconv_errbound_check(CK_LINCONV_MSE, root, verdict, e);
}
