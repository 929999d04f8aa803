/* ulpm_eq66_registry.c: default instances of ulpm.eq-66: random, NC, perturbed NC, Example 3.1's
 * point W = H = C [[1,-1,0,0],[-1,1,0,0],[0,0,1,-1],[0,0,-1,1]] (K=4, n=1) for C = 1/2, 3 and 30
 * (at C = 30 every margin is 2C^2 = 1800: G is 0 in doubles, yet rank K-1 holds and is certified
 * at high precision), and K = 50, 60, 100. The statement holds for every Z (derivation:
 * proofs/derivations/ulpm-eq-66.md), hence PROVED everywhere. */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry ulpm_eq66_registry[] = {
    {"ulpm.eq-66", "random-K3-n2-d4-s1",
     "{\"kind\":\"random-dyadic/1\",\"K\":3,\"n\":2,\"d\":4,\"seed\":\"1\"}", "PROVED"},
    {"ulpm.eq-66", "random-K2-n1-d1-s6",
     "{\"kind\":\"random-dyadic/1\",\"K\":2,\"n\":1,\"d\":1,\"seed\":\"6\"}", "PROVED"},
    {"ulpm.eq-66", "nc-K3-n2-d3",
     "{\"kind\":\"nc/1\",\"K\":3,\"n\":2,\"d\":3}", "PROVED"},
    {"ulpm.eq-66", "ncpert-K5-n3-d6-s2-e8",
     "{\"kind\":\"nc-perturbed/1\",\"K\":5,\"n\":3,\"d\":6,\"seed\":\"2\",\"eps_log2\":-8}", "PROVED"},
    {"ulpm.eq-66", "example31-C1over2",
     "{\"K\":4,\"n\":1,\"d\":4,\"W\":[[\"1/2\",\"-1/2\",\"0\",\"0\"],[\"-1/2\",\"1/2\",\"0\",\"0\"],[\"0\",\"0\",\"1/2\",\"-1/2\"],[\"0\",\"0\",\"-1/2\",\"1/2\"]],\"H\":[[\"1/2\",\"-1/2\",\"0\",\"0\"],[\"-1/2\",\"1/2\",\"0\",\"0\"],[\"0\",\"0\",\"1/2\",\"-1/2\"],[\"0\",\"0\",\"-1/2\",\"1/2\"]]}", "PROVED"},
    {"ulpm.eq-66", "example31-C3",
     "{\"K\":4,\"n\":1,\"d\":4,\"W\":[[\"3\",\"-3\",\"0\",\"0\"],[\"-3\",\"3\",\"0\",\"0\"],[\"0\",\"0\",\"3\",\"-3\"],[\"0\",\"0\",\"-3\",\"3\"]],\"H\":[[\"3\",\"-3\",\"0\",\"0\"],[\"-3\",\"3\",\"0\",\"0\"],[\"0\",\"0\",\"3\",\"-3\"],[\"0\",\"0\",\"-3\",\"3\"]]}", "PROVED"},
    {"ulpm.eq-66", "example31-C30",
     "{\"K\":4,\"n\":1,\"d\":4,\"W\":[[\"30\",\"-30\",\"0\",\"0\"],[\"-30\",\"30\",\"0\",\"0\"],[\"0\",\"0\",\"30\",\"-30\"],[\"0\",\"0\",\"-30\",\"30\"]],\"H\":[[\"30\",\"-30\",\"0\",\"0\"],[\"-30\",\"30\",\"0\",\"0\"],[\"0\",\"0\",\"30\",\"-30\"],[\"0\",\"0\",\"-30\",\"30\"]]}", "PROVED"},
    {"ulpm.eq-66", "nc-K50-n3-d50",
     "{\"kind\":\"nc/1\",\"K\":50,\"n\":3,\"d\":50}", "PROVED"},
    {"ulpm.eq-66", "random-K60-n2-d16-s3",
     "{\"kind\":\"random-dyadic/1\",\"K\":60,\"n\":2,\"d\":16,\"seed\":\"3\"}", "PROVED"},
    {"ulpm.eq-66", "random-K100-n2-d10-s8",
     "{\"kind\":\"random-dyadic/1\",\"K\":100,\"n\":2,\"d\":10,\"seed\":\"8\"}", "PROVED"},
};
const int ulpm_eq66_registry_len = (int)(sizeof ulpm_eq66_registry / sizeof ulpm_eq66_registry[0]);
