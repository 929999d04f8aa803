/* imbrelu_cor4_registry.c: default instances of imbrelu.cor-4. Verdicts from
 * proofs/derivations/imbrelu-cor-4.md: with the corrected M_k, n_k <= C iff M_k = 0, so the
 * minimiser of Theorem 1 has h_k = 0 and equal w_k exactly on the dead classes and h_k != 0 on
 * the others (PROVED, boundary instances included: n_B = C and n_A = C exactly); (17) and (18)
 * are algebraically n_B <= C and n_A <= C (phase boxes PROVED). With (6) as printed, K = 2,
 * n = (1, 1), lambda = 1/4 has n_k <= C = 2 but printed M_k = log(2 sqrt 2 - 1) > 0 (REFUTED). */
#include <stddef.h>
#include "claims/registry.h"

#define PAPER_N "\"n\":[\"100\",\"100\",\"200\",\"200\",\"300\",\"300\",\"400\",\"400\",\"500\",\"500\"]"
const registry_entry imbrelu_cor4_registry[] = {
    {"imbrelu.cor-4", "paper-K10-d10",
     "{\"kind\":\"imbrelu/1\"," PAPER_N ",\"d\":10,\"lambda_W\":\"0.0001\",\"lambda_H\":\"0.00001\"}", "PROVED"},
    {"imbrelu.cor-4", "K3-n1-1-4-alive",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"1\",\"4\"],\"d\":3,\"lambda_W\":\"1/6\",\"lambda_H\":\"1/10\"}", "PROVED"},
    {"imbrelu.cor-4", "K3-n1-1-4-minority-boundary",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"1\",\"4\"],\"d\":3,\"lambda_W\":\"1/6\",\"lambda_H\":\"1/9\"}", "PROVED"},
    {"imbrelu.cor-4", "K3-n1-1-4-minority",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"1\",\"4\"],\"d\":3,\"lambda_W\":\"1/5\",\"lambda_H\":\"1/9\"}", "PROVED"},
    {"imbrelu.cor-4", "K3-n1-1-4-complete-boundary",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"1\",\"4\"],\"d\":3,\"lambda_W\":\"1/3\",\"lambda_H\":\"2/9\"}", "PROVED"},
    {"imbrelu.cor-4", "K2-n1-1-complete",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"1\"],\"d\":2,\"lambda_W\":\"1/2\",\"lambda_H\":\"1/2\"}", "PROVED"},
    {"imbrelu.cor-4", "K2-n1-1-complete-printed",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"1\"],\"d\":2,\"lambda_W\":\"1/2\",\"lambda_H\":\"1/2\",\"reading\":\"printed\"}", "REFUTED"},
    {"imbrelu.cor-4", "K60-two-group-minority",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"50\",\"50\",\"50\",\"50\",\"50\",\"50\",\"50\",\"50\",\"50\",\"50\",\"50\",\"50\",\"50\",\"50\",\"50\","
     "\"50\",\"50\",\"50\",\"50\",\"50\",\"50\",\"50\",\"50\",\"50\",\"50\",\"50\",\"50\",\"50\",\"50\",\"50\","
     "\"5\",\"5\",\"5\",\"5\",\"5\",\"5\",\"5\",\"5\",\"5\",\"5\",\"5\",\"5\",\"5\",\"5\",\"5\","
     "\"5\",\"5\",\"5\",\"5\",\"5\",\"5\",\"5\",\"5\",\"5\",\"5\",\"5\",\"5\",\"5\",\"5\",\"5\"],"
     "\"d\":60,\"lambda_W\":\"1/1000\",\"lambda_H\":\"1/250\"}", "PROVED"},
    {"imbrelu.cor-4", "phase-KA5-KB5-nB100",
     "{\"kind\":\"imbrelu-phase/1\",\"K_A\":5,\"K_B\":5,\"n_B\":\"100\",\"R\":[\"1\",\"128\"],"
     "\"lambda\":[\"1/17179869184\",\"1/8192\"],\"max_depth\":16}", "PROVED"},
    {"imbrelu.cor-4", "phase-KA1-KB1-nB1",
     "{\"kind\":\"imbrelu-phase/1\",\"K_A\":1,\"K_B\":1,\"n_B\":\"1\",\"R\":[\"1\",\"16\"],\"lambda\":[\"1/1024\",\"1\"],\"max_depth\":12}", "PROVED"},
};
const int imbrelu_cor4_registry_len = (int)(sizeof imbrelu_cor4_registry / sizeof imbrelu_cor4_registry[0]);
