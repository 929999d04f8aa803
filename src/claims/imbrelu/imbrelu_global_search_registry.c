/* imbrelu_global_search_registry.c: default instances of imbrelu.global-search: (6) as printed
 * only (proofs/derivations/imbrelu-global-search.md). The printed point is not the minimiser
 * (its M_k differ from the corrected ones, and the minimiser is unique up to rotations), so its
 * objective exceeds V*; the search, started from random points, reaches V* and its rounded point
 * is a certified counterexample: REFUTED. Corrected-reading searches can only be INCONCLUSIVE
 * (nccheck exits 1): they live in tests/t_imbrelu_search.sh, not here. */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry imbrelu_global_search_registry[] = {
    {"imbrelu.global-search", "K2-n1-2-printed",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"2\"],\"d\":2,\"lambda_W\":\"1/10\",\"lambda_H\":\"1/10\",\"reading\":\"printed\",\"starts\":8,\"seed\":1}", "REFUTED"},
    {"imbrelu.global-search", "K3-n1-2-3-printed",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"2\",\"3\"],\"d\":3,\"lambda_W\":\"1/10\",\"lambda_H\":\"1/10\",\"reading\":\"printed\",\"starts\":8,\"seed\":1}", "REFUTED"},
    {"imbrelu.global-search", "K4-n1-1-3-5-dead-printed",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"1\",\"3\",\"5\"],\"d\":4,\"lambda_W\":\"1/8\",\"lambda_H\":\"1/8\",\"reading\":\"printed\",\"starts\":8,\"seed\":2}", "REFUTED"},
    {"imbrelu.global-search", "K5-n1-1-2-2-3-printed",
     "{\"kind\":\"imbrelu/1\",\"n\":[\"1\",\"1\",\"2\",\"2\",\"3\"],\"d\":5,\"lambda_W\":\"1/20\",\"lambda_H\":\"1/20\",\"reading\":\"printed\",\"starts\":8,\"seed\":3}", "REFUTED"},
};
const int imbrelu_global_search_registry_len = (int)(sizeof imbrelu_global_search_registry / sizeof imbrelu_global_search_registry[0]);
