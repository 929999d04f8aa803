/* check_linconv_box.h: the check of linconv.prop-1 / prop-3 certificates over a box of
 * (lambda_W, lambda_H) (instance kind "linconv-box/1"). */
#ifndef NCCHECK_LINCONV_BOX_H
#define NCCHECK_LINCONV_BOX_H
#include <jansson.h>
#include "check_json.h"
#include "check_verdict.h"
/* 1 when the certificate's instance has kind "linconv-box/1" */
int ck_linconv_box_is_box(const json_t *root);
int ck_linconv_box_check(int loss, const json_t *root, ck_verdict verdict, ck_err *e);
#endif
