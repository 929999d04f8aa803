/* imbrelu_prop1_cor13.h: the two halves of imbrelu.prop-1-cor-1-3 (seed 004 Proposition 1,
 * Corollaries 1-3): formulas audited on a concrete instance (imbrelu/1) and Corollary 3's
 * inequality over a parameter box (imbrelu-cor3-box/1). */
#ifndef IMBRELU_PROP1_COR13_H
#define IMBRELU_PROP1_COR13_H
#include <jansson.h>
#include "claims/claim.h"

int imbrelu_prop1_cor13_certify_box(json_t *instance_json, json_t **cert, nc_error *err);
#endif
