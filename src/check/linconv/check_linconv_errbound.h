/* check_linconv_errbound.h: the checker of linconv.theorem-2 (MSE) and linconv.theorem-4 (CE). */
#ifndef NCCHECK_LINCONV_ERRBOUND_H
#define NCCHECK_LINCONV_ERRBOUND_H
#include <jansson.h>
#include "check_json.h"
int cklc_errbound_check(int loss, const json_t *root, const char *verdict, ck_err *e);
#endif
