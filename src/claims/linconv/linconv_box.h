/* linconv_box.h: the parameter-box mode of linconv.prop-1 (MSE) and linconv.prop-3 (CE): the
 * instance kind "linconv-box/1" (a rational box of (lambda_W, lambda_H)), bisected until every
 * leaf lies on one side of the threshold lambda_W lambda_H = 1/(nK^2) or max_depth is reached
 * (specs/claims/linconv.prop-1.md, proofs/derivations/linconv-prop-1.md "Parameter boxes"). */
#ifndef LINCONV_BOX_H
#define LINCONV_BOX_H
#include "claims/claim.h"

#define LINCONV_BOX_KIND "linconv-box/1"

/* 1 when instance_json is an object whose "kind" is LINCONV_BOX_KIND */
int linconv_box_is_box(const json_t *instance_json);
int linconv_box_certify(int loss, json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err);
#endif
