/* ulpm_theorem32_registry.c: default instances of ulpm.theorem-3.2. NC points (etf/1 in both
 * regimes d >= K and d = K-1, scaled, nc/1, square and non-square n, K up to 100): the scaled
 * point attains (K-1) sqrt(n) with lambda = 1/(K sqrt n), MFCQ holds -> PROVED. Other points
 * (random, perturbed NC, explicit): Lemma 3.1 makes the homogeneous inequality strict off NC
 * -> PROVED (proofs/derivations/ulpm-theorem-3.2.md). */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry ulpm_theorem32_registry[] = {
    {"ulpm.theorem-3.2", "nc-K2-n1-d2", "{\"kind\":\"nc/1\",\"K\":2,\"n\":1,\"d\":2}", "PROVED"},
    {"ulpm.theorem-3.2", "nc-K4-n1-d4", "{\"kind\":\"nc/1\",\"K\":4,\"n\":1,\"d\":4}", "PROVED"},
    {"ulpm.theorem-3.2", "nc-K3-n4-d5", "{\"kind\":\"nc/1\",\"K\":3,\"n\":4,\"d\":5}", "PROVED"},
    {"ulpm.theorem-3.2", "etf-K3-n2-d2", "{\"kind\":\"etf/1\",\"K\":3,\"n\":2,\"d\":2}", "PROVED"},
    {"ulpm.theorem-3.2", "etf-K5-n3-d4-s7over3", "{\"kind\":\"etf/1\",\"K\":5,\"n\":3,\"d\":4,\"scale\":\"7/3\"}", "PROVED"},
    {"ulpm.theorem-3.2", "etf-K6-n5-d9-s0.25", "{\"kind\":\"etf/1\",\"K\":6,\"n\":5,\"d\":9,\"scale\":\"0.25\"}", "PROVED"},
    {"ulpm.theorem-3.2", "nc-K64-n10-d64", "{\"kind\":\"nc/1\",\"K\":64,\"n\":10,\"d\":64}", "PROVED"},
    {"ulpm.theorem-3.2", "etf-K100-n50-d99", "{\"kind\":\"etf/1\",\"K\":100,\"n\":50,\"d\":99}", "PROVED"},
    {"ulpm.theorem-3.2", "explicit-K2-n1-d2",
     "{\"K\":2,\"n\":1,\"d\":2,\"W\":[[\"1\",\"0\"],[\"0\",\"1\"]],\"H\":[[\"1\",\"1/2\"],[\"-1/3\",\"0.75\"]]}", "PROVED"},
    {"ulpm.theorem-3.2", "random-K3-n2-d4-s5", "{\"kind\":\"random-dyadic/1\",\"K\":3,\"n\":2,\"d\":4,\"seed\":\"5\"}", "PROVED"},
    {"ulpm.theorem-3.2", "ncpert-K4-n3-d4-s1-e10",
     "{\"kind\":\"nc-perturbed/1\",\"K\":4,\"n\":3,\"d\":4,\"seed\":\"1\",\"eps_log2\":-10}", "PROVED"},
    {"ulpm.theorem-3.2", "random-K60-n3-d20-s9", "{\"kind\":\"random-dyadic/1\",\"K\":60,\"n\":3,\"d\":20,\"seed\":\"9\"}", "PROVED"},
    {"ulpm.theorem-3.2", "ncpert-K50-n2-d50-s4-e20",
     "{\"kind\":\"nc-perturbed/1\",\"K\":50,\"n\":2,\"d\":50,\"seed\":\"4\",\"eps_log2\":-20}", "PROVED"},
};
const int ulpm_theorem32_registry_len = (int)(sizeof ulpm_theorem32_registry / sizeof ulpm_theorem32_registry[0]);
