/* check_linconv_errbound.h: the checker of linconv.theorem-2 (MSE) and linconv.theorem-4 (CE). */
#ifndef NCCHECK_LINCONV_ERRBOUND_H
#define NCCHECK_LINCONV_ERRBOUND_H
#include <jansson.h>
#include "check_json.h"
#include "check_verdict.h"
int ck_linconv_errbound_check(int loss, const json_t *root, ck_verdict verdict, ck_err *e);
#endif
