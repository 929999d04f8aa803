/* ulpm_lemma31_registry.c: default instances of ulpm.lemma-3.1: small ones that exercise each
 * code path (explicit, random, exact nc/1 with square and non-square n, perturbed nc) and a
 * large one (K=100, n=100, d=256). Expected verdicts come from mathematics: the lemma is a
 * theorem, strict off neural collapse and an equality at nc/1 points. */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry ulpm_lemma31_registry[] = {
    {"ulpm.lemma-3.1", "explicit-K2-n1-d2",
     "{\"K\":2,\"n\":1,\"d\":2,\"W\":[[\"1\",\"0\"],[\"0\",\"1\"]],\"H\":[[\"1\",\"1/2\"],[\"-1/3\",\"0.75\"]]}",
     "PROVED"},
    {"ulpm.lemma-3.1", "random-K3-n2-d4-s1", "{\"kind\":\"random-dyadic/1\",\"K\":3,\"n\":2,\"d\":4,\"seed\":\"1\"}", "PROVED"},
    {"ulpm.lemma-3.1", "random-K7-n3-d9-s42", "{\"kind\":\"random-dyadic/1\",\"K\":7,\"n\":3,\"d\":9,\"seed\":\"42\"}", "PROVED"},
    {"ulpm.lemma-3.1", "random-K10-n5-d16-s7", "{\"kind\":\"random-dyadic/1\",\"K\":10,\"n\":5,\"d\":16,\"seed\":\"7\"}", "PROVED"},
    {"ulpm.lemma-3.1", "random-K100-n100-d256-s2024",
     "{\"kind\":\"random-dyadic/1\",\"K\":100,\"n\":100,\"d\":256,\"seed\":\"2024\"}", "PROVED"},
    {"ulpm.lemma-3.1", "nc-K2-n1-d2", "{\"kind\":\"nc/1\",\"K\":2,\"n\":1,\"d\":2}", "PROVED"},
    {"ulpm.lemma-3.1", "nc-K3-n4-d3", "{\"kind\":\"nc/1\",\"K\":3,\"n\":4,\"d\":3}", "PROVED"},
    {"ulpm.lemma-3.1", "nc-K4-n2-d5", "{\"kind\":\"nc/1\",\"K\":4,\"n\":2,\"d\":5}", "PROVED"},
    {"ulpm.lemma-3.1", "nc-K10-n3-d12", "{\"kind\":\"nc/1\",\"K\":10,\"n\":3,\"d\":12}", "PROVED"},
    {"ulpm.lemma-3.1", "nc-K20-n7-d20", "{\"kind\":\"nc/1\",\"K\":20,\"n\":7,\"d\":20}", "PROVED"},
    {"ulpm.lemma-3.1", "ncpert-K4-n2-d4-s3-e20",
     "{\"kind\":\"nc-perturbed/1\",\"K\":4,\"n\":2,\"d\":4,\"seed\":\"3\",\"eps_log2\":-20}", "PROVED"},
    {"ulpm.lemma-3.1", "ncpert-K6-n3-d8-s5-e40",
     "{\"kind\":\"nc-perturbed/1\",\"K\":6,\"n\":3,\"d\":8,\"seed\":\"5\",\"eps_log2\":-40}", "PROVED"},
};
const int ulpm_lemma31_registry_len = (int)(sizeof ulpm_lemma31_registry / sizeof ulpm_lemma31_registry[0]);
