/* ulpm_theorem33_registry.c: default instances of ulpm.theorem-3.3. Expected verdicts come
 * from the derivation (proofs/derivations/ulpm-theorem-3.3.md): L(W,H) >= L*(rho) always, with
 * equality exactly at NC points (h_{k,i} = w_k / sqrt(n), centred simplex ETF; this forces
 * ||W|| = ||H||), so NC points (nc/1, nc-scaled/1 with alpha = beta, Example 3.1 with C = 0)
 * get "L = L*" and every other point "L > L*": PROVED in both cases. The d < K-1 instances are
 * the points we could produce where no ETF fits: still strictly above L*. */
#include <stddef.h>
#include "claims/registry.h"

#define T33 "ulpm.theorem-3.3"
const registry_entry ulpm_theorem33_registry[] = {
    /* equality: NC points, square and non-square n, scaled (alpha = beta, also negative) */
    {T33, "nc-K2-n1-d2", "{\"kind\":\"nc/1\",\"K\":2,\"n\":1,\"d\":2}", "PROVED"},
    {T33, "nc-K3-n4-d3", "{\"kind\":\"nc/1\",\"K\":3,\"n\":4,\"d\":3}", "PROVED"},
    {T33, "nc-K4-n2-d5", "{\"kind\":\"nc/1\",\"K\":4,\"n\":2,\"d\":5}", "PROVED"},
    {T33, "ncscaled-K4-n3-d4-a3_2-b3_2",
     "{\"kind\":\"nc-scaled/1\",\"K\":4,\"n\":3,\"d\":4,\"alpha\":\"3/2\",\"beta\":\"3/2\"}", "PROVED"},
    {T33, "ncscaled-K5-n4-d6-a-1_3-b-1_3",
     "{\"kind\":\"nc-scaled/1\",\"K\":5,\"n\":4,\"d\":6,\"alpha\":\"-1/3\",\"beta\":\"-1/3\"}", "PROVED"},
    {T33, "ncscaled-K3-n2-d3-a5-b5",
     "{\"kind\":\"nc-scaled/1\",\"K\":3,\"n\":2,\"d\":3,\"alpha\":\"5\",\"beta\":\"5\"}", "PROVED"},
    {T33, "example31-C0", "{\"kind\":\"example-3.1/1\",\"C\":\"0\"}", "PROVED"},
    /* strict: NC directions with ||W|| != ||H|| (Remark 3.2), and anti-aligned h = -w/sqrt(n) */
    {T33, "ncscaled-K4-n2-d4-a2-b1",
     "{\"kind\":\"nc-scaled/1\",\"K\":4,\"n\":2,\"d\":4,\"alpha\":\"2\",\"beta\":\"1\"}", "PROVED"},
    {T33, "ncscaled-K3-n1-d3-a1-b0",
     "{\"kind\":\"nc-scaled/1\",\"K\":3,\"n\":1,\"d\":3,\"alpha\":\"1\",\"beta\":\"0\"}", "PROVED"},
    {T33, "ncscaled-K4-n4-d4-a1-b-1",
     "{\"kind\":\"nc-scaled/1\",\"K\":4,\"n\":4,\"d\":4,\"alpha\":\"1\",\"beta\":\"-1\"}", "PROVED"},
    {T33, "ncscaled-K3-n2-d3-a101_100-b1",
     "{\"kind\":\"nc-scaled/1\",\"K\":3,\"n\":2,\"d\":3,\"alpha\":\"101/100\",\"beta\":\"1\"}", "PROVED"},
    /* strict: random and near-NC points */
    {T33, "random-K3-n2-d4-s1", "{\"kind\":\"random-dyadic/1\",\"K\":3,\"n\":2,\"d\":4,\"seed\":\"1\"}", "PROVED"},
    {T33, "random-K7-n3-d9-s42", "{\"kind\":\"random-dyadic/1\",\"K\":7,\"n\":3,\"d\":9,\"seed\":\"42\"}", "PROVED"},
    {T33, "ncpert-K4-n2-d4-s3-e20",
     "{\"kind\":\"nc-perturbed/1\",\"K\":4,\"n\":2,\"d\":4,\"seed\":\"3\",\"eps_log2\":-20}", "PROVED"},
    {T33, "ncpert-K6-n3-d8-s5-e40",
     "{\"kind\":\"nc-perturbed/1\",\"K\":6,\"n\":3,\"d\":8,\"seed\":\"5\",\"eps_log2\":-40}", "PROVED"},
    /* strict: Example 3.1 (W = H = C M, K=4, n=1, d=4) */
    {T33, "example31-C1", "{\"kind\":\"example-3.1/1\",\"C\":\"1\"}", "PROVED"},
    {T33, "example31-C1_2", "{\"kind\":\"example-3.1/1\",\"C\":\"1/2\"}", "PROVED"},
    {T33, "example31-C3", "{\"kind\":\"example-3.1/1\",\"C\":\"3\"}", "PROVED"},
    {T33, "example31-C1_1000", "{\"kind\":\"example-3.1/1\",\"C\":\"1/1000\"}", "PROVED"},
    /* d < K-1: no NC point with rho > 0 exists, L > L* everywhere (L* is not attained) */
    {T33, "dlow-K3-n1-d1-line", "{\"K\":3,\"n\":1,\"d\":1,\"W\":[[\"1\"],[\"0\"],[\"-1\"]],\"H\":[[\"1\",\"0\",\"-1\"]]}",
     "PROVED"},
    {T33, "dlow-K4-n1-d2-square",
     "{\"K\":4,\"n\":1,\"d\":2,\"W\":[[\"1\",\"0\"],[\"0\",\"1\"],[\"-1\",\"0\"],[\"0\",\"-1\"]],"
     "\"H\":[[\"1\",\"0\",\"-1\",\"0\"],[\"0\",\"1\",\"0\",\"-1\"]]}", "PROVED"},
    {T33, "dlow-K4-n4-d2-square",
     "{\"K\":4,\"n\":4,\"d\":2,\"W\":[[\"1\",\"0\"],[\"0\",\"1\"],[\"-1\",\"0\"],[\"0\",\"-1\"]],"
     "\"H\":[[\"1/2\",\"1/2\",\"1/2\",\"1/2\",\"0\",\"0\",\"0\",\"0\",\"-1/2\",\"-1/2\",\"-1/2\",\"-1/2\",\"0\",\"0\",\"0\",\"0\"],"
     "[\"0\",\"0\",\"0\",\"0\",\"1/2\",\"1/2\",\"1/2\",\"1/2\",\"0\",\"0\",\"0\",\"0\",\"-1/2\",\"-1/2\",\"-1/2\",\"-1/2\"]]}",
     "PROVED"},
    /* large (K >= 50) */
    {T33, "random-K50-n20-d64-s2024",
     "{\"kind\":\"random-dyadic/1\",\"K\":50,\"n\":20,\"d\":64,\"seed\":\"2024\"}", "PROVED"},
    {T33, "nc-K50-n20-d50", "{\"kind\":\"nc/1\",\"K\":50,\"n\":20,\"d\":50}", "PROVED"},
    {T33, "ncscaled-K50-n16-d64-a2-b1_2",
     "{\"kind\":\"nc-scaled/1\",\"K\":50,\"n\":16,\"d\":64,\"alpha\":\"2\",\"beta\":\"1/2\"}", "PROVED"},
    {T33, "ncscaled-K60-n10-d64-a3-b3",
     "{\"kind\":\"nc-scaled/1\",\"K\":60,\"n\":10,\"d\":64,\"alpha\":\"3\",\"beta\":\"3\"}", "PROVED"},
};
const int ulpm_theorem33_registry_len = (int)(sizeof ulpm_theorem33_registry / sizeof ulpm_theorem33_registry[0]);
