/* linconv_errbound.h: the shared certifier of the error-bound theorems of seed 002: Theorem 2
 * (MSE, loss = LINCONV_MSE) and Theorem 4 (CE, loss = LINCONV_CE; K = 2 as printed, K >= 3 beyond the
 * paper). It produces an explicit pair (delta, kappa) with: for every x with dist(x, X) <= delta,
 * dist(x, X) <= kappa ||grad F(x)||, X the O(d) orbit of the optimal point of Proposition 1 / 3
 * (specs/claims/linconv.theorem-2.md, proofs/derivations/linconv-theorem-2.md). */
#ifndef LINCONV_ERRBOUND_H
#define LINCONV_ERRBOUND_H
#include "claims/claim.h"

int linconv_errbound_certify(int loss, json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err);
#endif
