/* imbrelu_non_monotone_registry.c: default instances of imbrelu.non-monotone. Witnesses computed by hand in proofs/derivations/imbrelu-non-monotone.md. */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry imbrelu_non_monotone_registry[] = {
    {"imbrelu.non-monotone", "K2-n4-9",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"4\",\"9\"],\"d\":2,\"lambda_W\":\"0.087\",\"lambda_H\":\"0.087\"}",
     "PROVED"},
    {"imbrelu.non-monotone", "K60-n1to60",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\",\"12\",\"13\",\"14\",\"15\",\"16\",\"17\",\"18\",\"19\",\"20\",\"21\",\"22\",\"23\",\"24\",\"25\",\"26\",\"27\",\"28\",\"29\",\"30\",\"31\",\"32\",\"33\",\"34\",\"35\",\"36\",\"37\",\"38\",\"39\",\"40\",\"41\",\"42\",\"43\",\"44\",\"45\",\"46\",\"47\",\"48\",\"49\",\"50\",\"51\",\"52\",\"53\",\"54\",\"55\",\"56\",\"57\",\"58\",\"59\",\"60\"],\"d\":60,\"lambda_W\":\"0.001\",\"lambda_H\":\"0.001\"}",
     "PROVED"},
};
const int imbrelu_non_monotone_registry_len = (int)(sizeof imbrelu_non_monotone_registry / sizeof imbrelu_non_monotone_registry[0]);
