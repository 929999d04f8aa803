/* linconv_prop1_registry.c: default instances of linconv.prop-1. Every instance must be PROVED
 * (proofs/derivations/linconv-prop-1.md): below the threshold the claimed point is an exact
 * stationary point whose Hessian is positive definite on the normal space of its O(d) orbit,
 * above it the zero point has a positive definite Hessian, at it the family degenerates to 0.
 * Boxes ("linconv-box/1", linconv-prop-1.md "Parameter boxes"): PROVED, every leaf off the
 * threshold curve is certified (the claim holds at every lambda off the curve, so no leaf is
 * unresolved at 128 bits; leaves meeting the curve are split to max_depth and left "boundary"). */
#include <stddef.h>
#include "claims/registry.h"

#define I(K, n, d, lw, lh) "{\"kind\":\"linconv/1\",\"K\":" #K ",\"n\":" #n ",\"d\":" #d ",\"lambda_W\":\"" lw "\",\"lambda_H\":\"" lh "\"}"
#define B(K, n, d, w0, w1, h0, h1, md) "{\"kind\":\"linconv-box/1\",\"K\":" #K ",\"n\":" #n ",\"d\":" #d ",\"lambda_W_lo\":\"" w0 "\",\"lambda_W_hi\":\"" w1 "\",\"lambda_H_lo\":\"" h0 "\",\"lambda_H_hi\":\"" h1 "\",\"max_depth\":" #md "}"
const registry_entry linconv_prop1_registry[] = {
    {"linconv.prop-1", "below-K3-n2-d4", I(3, 2, 4, "1/10000", "1/1000"), "PROVED"},
    {"linconv.prop-1", "below-near-threshold-K2-n1-d2", I(2, 1, 2, "1/2", "49/100"), "PROVED"},
    {"linconv.prop-1", "below-K4-n3-d6-equal-lambdas", I(4, 3, 6, "1/100", "1/100"), "PROVED"},
    {"linconv.prop-1", "at-threshold-K2-n1-d2", I(2, 1, 2, "1/2", "1/2"), "PROVED"},
    {"linconv.prop-1", "above-K3-n2-d3", I(3, 2, 3, "1/2", "1/2"), "PROVED"},
    {"linconv.prop-1", "below-large-K10-n5-d20", I(10, 5, 20, "1/200", "1/2000"), "PROVED"},
    {"linconv.prop-1", "box-straddling-K3-n2-d4", B(3, 2, 4, "1/100", "1", "1/100", "1", 16), "PROVED"},
    {"linconv.prop-1", "box-all-below-K3-n2-d4", B(3, 2, 4, "1/1000", "1/10", "1/1000", "1/10", 16), "PROVED"},
};
const int linconv_prop1_registry_len = (int)(sizeof linconv_prop1_registry / sizeof linconv_prop1_registry[0]);
