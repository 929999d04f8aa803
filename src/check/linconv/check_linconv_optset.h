/* check_linconv_optset.h: the checker of linconv.prop-1 (MSE) and linconv.prop-3 (CE). */
#ifndef NCCHECK_LINCONV_OPTSET_H
#define NCCHECK_LINCONV_OPTSET_H
#include <jansson.h>
#include "check_json.h"
#include "check_verdict.h"
int ck_linconv_optset_check(int loss, const json_t *root, ck_verdict verdict, ck_err *e);
#endif
