/* ulpm_theorem34_registry.c: default instances of ulpm.theorem-3.4. Expected verdicts come
 * from mathematics (proofs/derivations/ulpm-theorem-3.4.md): the pairing points W = H =
 * C blockdiag([[1,-1],[-1,1]]) (Example 3.1 for K = 4) are critical on the sphere, not optimal,
 * and the paper's construction after (77) has second variation -8(1-e^{-2C^2})/S < 0 (with
 * ||a||^2 = 2 and unit u, v), so "negative second variation" is PROVED; nc/1 points are optimal
 * (Theorem 3.3), hence no negative second variation, PROVED with the inertia. Points with
 * q_min <= 0 (Theorem C.2's hypothesis q_min > 0 fails; Theorem 3.4 does not assume it):
 * W = 0 with zero class sums of H (Z = 0, lambda = 0, q_min = 0; the Hessian is
 * [[A, B], [B^T, 0]] with B != 0 on the tangent space, so indefinite: PROVED) and the negated
 * pairing W = -C M, H = C M (q_min = -4C^2, lambda > 0, and (W, -H) is tangent with
 * q = -lambda |x|^2 < 0: PROVED), and the tied point W = H = s v v^T, v = (1,1,-1,-1) (label
 * and partner logits tie: q_min = 0, yet lambda = -2/(e^{8s^2} + 1) < 0; rank 1 < d, so the
 * paper's construction applies: PROVED); derivation section 6. */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry ulpm_theorem34_registry[] = {
    {"ulpm.theorem-3.4", "pairing-K4-C1_2", "{\"kind\":\"ulpm-pairing/1\",\"K\":4,\"C\":\"1/2\"}", "PROVED"},
    {"ulpm.theorem-3.4", "pairing-K4-C1", "{\"kind\":\"ulpm-pairing/1\",\"K\":4,\"C\":\"1\"}", "PROVED"},
    {"ulpm.theorem-3.4", "pairing-K4-C2", "{\"kind\":\"ulpm-pairing/1\",\"K\":4,\"C\":\"2\"}", "PROVED"},
    {"ulpm.theorem-3.4", "pairing-K4-C3_4", "{\"kind\":\"ulpm-pairing/1\",\"K\":4,\"C\":\"3/4\"}", "PROVED"},
    {"ulpm.theorem-3.4", "pairing-K6-C1", "{\"kind\":\"ulpm-pairing/1\",\"K\":6,\"C\":\"1\"}", "PROVED"},
    {"ulpm.theorem-3.4", "pairing-K8-C1", "{\"kind\":\"ulpm-pairing/1\",\"K\":8,\"C\":\"1\"}", "PROVED"},
    {"ulpm.theorem-3.4", "pairing-K64-C1", "{\"kind\":\"ulpm-pairing/1\",\"K\":64,\"C\":\"1\"}", "PROVED"},
    {"ulpm.theorem-3.4", "nc-K4-n1-d4", "{\"kind\":\"nc/1\",\"K\":4,\"n\":1,\"d\":4}", "PROVED"},
    {"ulpm.theorem-3.4", "nc-K3-n1-d5", "{\"kind\":\"nc/1\",\"K\":3,\"n\":1,\"d\":5}", "PROVED"},
    {"ulpm.theorem-3.4", "nc-K4-n4-d4", "{\"kind\":\"nc/1\",\"K\":4,\"n\":4,\"d\":4}", "PROVED"},
    {"ulpm.theorem-3.4", "qmin0-W0-K2-n2-d2", "{\"K\":2,\"n\":2,\"d\":2,\"W\":[[\"0\",\"0\"],[\"0\",\"0\"]],\"H\":[[\"1\",\"-1\",\"0\",\"0\"],[\"0\",\"0\",\"1\",\"-1\"]]}", "PROVED"},
    {"ulpm.theorem-3.4", "qmin0-W0-K3-n2-d3", "{\"K\":3,\"n\":2,\"d\":3,\"W\":[[\"0\",\"0\",\"0\"],[\"0\",\"0\",\"0\"],[\"0\",\"0\",\"0\"]],\"H\":[[\"1\",\"-1\",\"0\",\"0\",\"0\",\"0\"],[\"0\",\"0\",\"2\",\"-2\",\"0\",\"0\"],[\"0\",\"0\",\"0\",\"0\",\"1/2\",\"-1/2\"]]}", "PROVED"},
    {"ulpm.theorem-3.4", "qminneg-negpairing-K4-C1", "{\"K\":4,\"n\":1,\"d\":4,\"W\":[[\"-1\",\"1\",\"0\",\"0\"],[\"1\",\"-1\",\"0\",\"0\"],[\"0\",\"0\",\"-1\",\"1\"],[\"0\",\"0\",\"1\",\"-1\"]],\"H\":[[\"1\",\"-1\",\"0\",\"0\"],[\"-1\",\"1\",\"0\",\"0\"],[\"0\",\"0\",\"1\",\"-1\"],[\"0\",\"0\",\"-1\",\"1\"]]}", "PROVED"},
    {"ulpm.theorem-3.4", "qminneg-negpairing-K4-C1_2", "{\"K\":4,\"n\":1,\"d\":4,\"W\":[[\"-1/2\",\"1/2\",\"0\",\"0\"],[\"1/2\",\"-1/2\",\"0\",\"0\"],[\"0\",\"0\",\"-1/2\",\"1/2\"],[\"0\",\"0\",\"1/2\",\"-1/2\"]],\"H\":[[\"1/2\",\"-1/2\",\"0\",\"0\"],[\"-1/2\",\"1/2\",\"0\",\"0\"],[\"0\",\"0\",\"1/2\",\"-1/2\"],[\"0\",\"0\",\"-1/2\",\"1/2\"]]}", "PROVED"},
    {"ulpm.theorem-3.4", "qmin0-tied-K4-s1", "{\"K\":4,\"n\":1,\"d\":4,\"W\":[[\"1\",\"1\",\"-1\",\"-1\"],[\"1\",\"1\",\"-1\",\"-1\"],[\"-1\",\"-1\",\"1\",\"1\"],[\"-1\",\"-1\",\"1\",\"1\"]],\"H\":[[\"1\",\"1\",\"-1\",\"-1\"],[\"1\",\"1\",\"-1\",\"-1\"],[\"-1\",\"-1\",\"1\",\"1\"],[\"-1\",\"-1\",\"1\",\"1\"]]}", "PROVED"},
    {"ulpm.theorem-3.4", "qmin0-tied-K4-s1_2", "{\"K\":4,\"n\":1,\"d\":4,\"W\":[[\"1/2\",\"1/2\",\"-1/2\",\"-1/2\"],[\"1/2\",\"1/2\",\"-1/2\",\"-1/2\"],[\"-1/2\",\"-1/2\",\"1/2\",\"1/2\"],[\"-1/2\",\"-1/2\",\"1/2\",\"1/2\"]],\"H\":[[\"1/2\",\"1/2\",\"-1/2\",\"-1/2\"],[\"1/2\",\"1/2\",\"-1/2\",\"-1/2\"],[\"-1/2\",\"-1/2\",\"1/2\",\"1/2\"],[\"-1/2\",\"-1/2\",\"1/2\",\"1/2\"]]}", "PROVED"},
};
const int ulpm_theorem34_registry_len = (int)(sizeof ulpm_theorem34_registry / sizeof ulpm_theorem34_registry[0]);
