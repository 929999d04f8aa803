/* linconv_theorem4_registry.c: default instances of linconv.theorem-4. K = 2: Theorem 4 as
 * printed; K >= 3 ("beyond-paper-*"): the error bound the paper leaves open, a computed result
 * beyond the paper. Every instance is below the threshold, where the CE Hessian is positive
 * definite on the normal space of the orbit (proofs/derivations/linconv-prop-3.md), so the
 * error bound holds (proofs/derivations/linconv-theorem-4.md) and each must be PROVED. */
#include <stddef.h>
#include "claims/registry.h"

#define I(K, n, d, lw, lh) "{\"kind\":\"linconv/1\",\"K\":" #K ",\"n\":" #n ",\"d\":" #d ",\"lambda_W\":\"" lw "\",\"lambda_H\":\"" lh "\"}"
const registry_entry linconv_theorem4_registry[] = {
    {"linconv.theorem-4", "K2-n1-d2", I(2, 1, 2, "1/10", "1/10"), "PROVED"},
    {"linconv.theorem-4", "near-threshold-K2-n1-d2", I(2, 1, 2, "1/2", "49/100"), "PROVED"},
    {"linconv.theorem-4", "K2-n4-d3", I(2, 4, 3, "1/100", "1/50"), "PROVED"},
    {"linconv.theorem-4", "beyond-paper-K3-n2-d4-small-lambdas", I(3, 2, 4, "1/10000", "1/1000"), "PROVED"},
    {"linconv.theorem-4", "beyond-paper-K4-n3-d6", I(4, 3, 6, "1/100", "1/100"), "PROVED"},
    {"linconv.theorem-4", "beyond-paper-K5-n2-d5", I(5, 2, 5, "1/50", "1/50"), "PROVED"},
    {"linconv.theorem-4", "beyond-paper-K10-n2-d10", I(10, 2, 10, "1/100", "1/100"), "PROVED"},
    {"linconv.theorem-4", "beyond-paper-large-K10-n5-d20", I(10, 5, 20, "1/200", "1/2000"), "PROVED"},
};
const int linconv_theorem4_registry_len = (int)(sizeof linconv_theorem4_registry / sizeof linconv_theorem4_registry[0]);
