/* imbrelu_theorem1_registry.c: default instances of imbrelu.theorem-1. Verdicts from proofs/derivations/imbrelu-theorem-1.md: with the corrected M_k the point is a global minimiser (KKT and the lower bound), also with dead classes; with M_k as printed the point violates stationarity in W. */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry imbrelu_theorem1_registry[] = {
    {"imbrelu.theorem-1", "paper-K10-d12-corrected",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"100\",\"100\",\"200\",\"200\",\"300\",\"300\",\"400\",\"400\",\"500\",\"500\"],\"d\":12,\"lambda_W\":\"0.0001\",\"lambda_H\":\"0.00001\",\"reading\":\"corrected\"}",
     "PROVED"},
    {"imbrelu.theorem-1", "paper-K10-d12-printed",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"100\",\"100\",\"200\",\"200\",\"300\",\"300\",\"400\",\"400\",\"500\",\"500\"],\"d\":12,\"lambda_W\":\"0.0001\",\"lambda_H\":\"0.00001\",\"reading\":\"printed\"}",
     "REFUTED"},
    {"imbrelu.theorem-1", "K3-n1-2-3-d3",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"2\",\"3\"],\"d\":3,\"lambda_W\":\"1/10\",\"lambda_H\":\"1/10\"}",
     "PROVED"},
    {"imbrelu.theorem-1", "K3-n1-1-10-d4-dead",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"1\",\"10\"],\"d\":4,\"lambda_W\":\"1/10\",\"lambda_H\":\"1/10\"}",
     "PROVED"},
    {"imbrelu.theorem-1", "K2-n1-1-all-dead",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"1\"],\"d\":2,\"lambda_W\":\"1/2\",\"lambda_H\":\"1/2\"}",
     "PROVED"},
    {"imbrelu.theorem-1", "K50-n10to500-d50",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"10\",\"20\",\"30\",\"40\",\"50\",\"60\",\"70\",\"80\",\"90\",\"100\",\"110\",\"120\",\"130\",\"140\",\"150\",\"160\",\"170\",\"180\",\"190\",\"200\",\"210\",\"220\",\"230\",\"240\",\"250\",\"260\",\"270\",\"280\",\"290\",\"300\",\"310\",\"320\",\"330\",\"340\",\"350\",\"360\",\"370\",\"380\",\"390\",\"400\",\"410\",\"420\",\"430\",\"440\",\"450\",\"460\",\"470\",\"480\",\"490\",\"500\"],\"d\":50,\"lambda_W\":\"0.0001\",\"lambda_H\":\"0.00001\"}",
     "PROVED"},
};
const int imbrelu_theorem1_registry_len = (int)(sizeof imbrelu_theorem1_registry / sizeof imbrelu_theorem1_registry[0]);
