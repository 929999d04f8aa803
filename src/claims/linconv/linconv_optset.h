/* linconv_optset.h: the shared certifier of Propositions 1 (MSE, loss = LINCONV_MSE) and 3 (CE,
 * loss = LINCONV_CE) of seed 002: the claimed optimal point (or the zero point beyond the threshold),
 * exact stationarity, the value, the comparison with the zero point and the second-order
 * condition modulo the O(d) orbit (specs/claims/linconv.prop-1.md, linconv.prop-3.md). */
#ifndef LINCONV_OPTSET_H
#define LINCONV_OPTSET_H
#include "claims/claim.h"

int linconv_optset_certify(int loss, json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err);
#endif
