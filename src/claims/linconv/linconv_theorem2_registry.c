/* linconv_theorem2_registry.c: default instances of linconv.theorem-2. Every instance is below
 * the threshold (n K^2 lambda_W lambda_H < 1), where the error bound holds (the Hessian is
 * positive definite on the normal space of the orbit at x*, proofs/derivations/linconv-prop-1.md,
 * and continuous: proofs/derivations/linconv-theorem-2.md), so each must be PROVED. K >= 50 is
 * out of reach of the dense Hessian (dimension d(K + nK) + K > 4000). */
#include <stddef.h>
#include "claims/registry.h"

#define I(K, n, d, lw, lh) "{\"kind\":\"linconv/1\",\"K\":" #K ",\"n\":" #n ",\"d\":" #d ",\"lambda_W\":\"" lw "\",\"lambda_H\":\"" lh "\"}"
const registry_entry linconv_theorem2_registry[] = {
    {"linconv.theorem-2", "K2-n1-d2", I(2, 1, 2, "1/10", "1/10"), "PROVED"},
    {"linconv.theorem-2", "near-threshold-K2-n1-d2", I(2, 1, 2, "1/2", "49/100"), "PROVED"},
    {"linconv.theorem-2", "K3-n2-d4-small-lambdas", I(3, 2, 4, "1/10000", "1/1000"), "PROVED"},
    {"linconv.theorem-2", "K4-n3-d6-equal-lambdas", I(4, 3, 6, "1/100", "1/100"), "PROVED"},
    {"linconv.theorem-2", "K10-n2-d10", I(10, 2, 10, "1/100", "1/100"), "PROVED"},
    {"linconv.theorem-2", "large-K10-n5-d20", I(10, 5, 20, "1/200", "1/2000"), "PROVED"},
};
const int linconv_theorem2_registry_len = (int)(sizeof linconv_theorem2_registry / sizeof linconv_theorem2_registry[0]);
