/* imbrelu_cor4.h: the two parts of imbrelu.cor-4 (seed 004 Corollary 4): a concrete instance
 * (imbrelu/1: threshold C, per-class collapse, (17), (18), the minimiser on each side) and a
 * phase diagram over a box in (R, lambda_W lambda_H) (imbrelu-phase/1, exact leaves). */
#ifndef IMBRELU_COR4_H
#define IMBRELU_COR4_H
#include <jansson.h>
#include "common/nc_error.h"

int imbrelu_cor4_instance(json_t *instance_json, json_t **cert, nc_error *err);
int imbrelu_cor4_phase(json_t *instance_json, json_t **cert, nc_error *err);
#endif
