/* ulpm_def21_registry.c: default instances of ulpm.def-2.1: the NC constructor in both regimes
 * (d >= K: rows e_k - 1/K; d = K-1: the Householder form in Q(sqrt K)), square and non-square
 * K and n, a scaled point, the generic nc/1 kind, and K = 60. Every one is an ETF with NC1-NC4
 * by the derivation (proofs/derivations/ulpm-def-2.1.md), hence PROVED. */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry ulpm_def21_registry[] = {
    {"ulpm.def-2.1", "etf-K2-n1-d1", "{\"kind\":\"etf/1\",\"K\":2,\"n\":1,\"d\":1}", "PROVED"},
    {"ulpm.def-2.1", "etf-K3-n2-d2", "{\"kind\":\"etf/1\",\"K\":3,\"n\":2,\"d\":2}", "PROVED"},
    {"ulpm.def-2.1", "etf-K4-n3-d3-s1.5", "{\"kind\":\"etf/1\",\"K\":4,\"n\":3,\"d\":3,\"scale\":\"3/2\"}", "PROVED"},
    {"ulpm.def-2.1", "etf-K5-n2-d7", "{\"kind\":\"etf/1\",\"K\":5,\"n\":2,\"d\":7}", "PROVED"},
    {"ulpm.def-2.1", "nc-K4-n2-d5", "{\"kind\":\"nc/1\",\"K\":4,\"n\":2,\"d\":5}", "PROVED"},
    {"ulpm.def-2.1", "nc-K7-n4-d7", "{\"kind\":\"nc/1\",\"K\":7,\"n\":4,\"d\":7}", "PROVED"},
    {"ulpm.def-2.1", "etf-K60-n5-d59", "{\"kind\":\"etf/1\",\"K\":60,\"n\":5,\"d\":59}", "PROVED"},
    {"ulpm.def-2.1", "etf-K100-n7-d99-s5", "{\"kind\":\"etf/1\",\"K\":100,\"n\":7,\"d\":99,\"scale\":\"5\"}", "PROVED"},
};
const int ulpm_def21_registry_len = (int)(sizeof ulpm_def21_registry / sizeof ulpm_def21_registry[0]);
