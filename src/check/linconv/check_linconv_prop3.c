/* check_linconv_prop3.c: the checker of linconv.prop-3 (shared code: check_linconv_optset.c). */
#include "check_claims.h"
#include "linconv/check_linconv_common.h"
#include "linconv/check_linconv_optset.h"

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(linconv, prop3, "linconv.prop-3");

int ck_claim_linconv_prop3(const json_t *root, ck_verdict verdict, ck_err *e)
{
    return ck_linconv_optset_check(CK_LINCONV_CE, root, verdict, e);
}
