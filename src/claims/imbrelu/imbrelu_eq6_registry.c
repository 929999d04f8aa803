/* imbrelu_eq6_registry.c: default instances of imbrelu.eq-6. Verdicts from the exact tests of proofs/derivations/imbrelu-eq-6.md: the corrected reading always satisfies the equivalence; the printed reading (lambda_W lambda_H without sqrt) fails it exactly when the tests (K-1)n_k - K N^2 lam and (K-1)n_k - K N^2 lam^2 differ in sign. */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry imbrelu_eq6_registry[] = {
    {"imbrelu.eq-6", "paper-K10-printed",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"100\",\"100\",\"200\",\"200\",\"300\",\"300\",\"400\",\"400\",\"500\",\"500\"],\"d\":12,\"lambda_W\":\"0.0001\",\"lambda_H\":\"0.00001\",\"reading\":\"printed\"}",
     "PROVED"},
    {"imbrelu.eq-6", "paper-K10-corrected",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"100\",\"100\",\"200\",\"200\",\"300\",\"300\",\"400\",\"400\",\"500\",\"500\"],\"d\":12,\"lambda_W\":\"0.0001\",\"lambda_H\":\"0.00001\",\"reading\":\"corrected\"}",
     "PROVED"},
    {"imbrelu.eq-6", "K2-n1-1-lam1_4-printed",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"1\"],\"d\":2,\"lambda_W\":\"1/2\",\"lambda_H\":\"1/2\",\"reading\":\"printed\"}",
     "REFUTED"},
    {"imbrelu.eq-6", "K2-n1-1-boundary-corrected",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"1\"],\"d\":2,\"lambda_W\":\"1/2\",\"lambda_H\":\"1/4\",\"reading\":\"corrected\"}",
     "PROVED"},
    {"imbrelu.eq-6", "K2-n1-3-boundary-both-sides",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"3\"],\"d\":2,\"lambda_W\":\"1/4\",\"lambda_H\":\"1/8\",\"reading\":\"corrected\"}",
     "PROVED"},
    {"imbrelu.eq-6", "K60-n1to60-dead3-corrected",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\",\"12\",\"13\",\"14\",\"15\",\"16\",\"17\",\"18\",\"19\",\"20\",\"21\",\"22\",\"23\",\"24\",\"25\",\"26\",\"27\",\"28\",\"29\",\"30\",\"31\",\"32\",\"33\",\"34\",\"35\",\"36\",\"37\",\"38\",\"39\",\"40\",\"41\",\"42\",\"43\",\"44\",\"45\",\"46\",\"47\",\"48\",\"49\",\"50\",\"51\",\"52\",\"53\",\"54\",\"55\",\"56\",\"57\",\"58\",\"59\",\"60\"],\"d\":60,\"lambda_W\":\"0.001\",\"lambda_H\":\"0.001\",\"reading\":\"corrected\"}",
     "PROVED"},
    {"imbrelu.eq-6", "K60-n1to60-printed",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\",\"12\",\"13\",\"14\",\"15\",\"16\",\"17\",\"18\",\"19\",\"20\",\"21\",\"22\",\"23\",\"24\",\"25\",\"26\",\"27\",\"28\",\"29\",\"30\",\"31\",\"32\",\"33\",\"34\",\"35\",\"36\",\"37\",\"38\",\"39\",\"40\",\"41\",\"42\",\"43\",\"44\",\"45\",\"46\",\"47\",\"48\",\"49\",\"50\",\"51\",\"52\",\"53\",\"54\",\"55\",\"56\",\"57\",\"58\",\"59\",\"60\"],\"d\":60,\"lambda_W\":\"0.001\",\"lambda_H\":\"0.001\",\"reading\":\"printed\"}",
     "REFUTED"},
};
const int imbrelu_eq6_registry_len = (int)(sizeof imbrelu_eq6_registry / sizeof imbrelu_eq6_registry[0]);
