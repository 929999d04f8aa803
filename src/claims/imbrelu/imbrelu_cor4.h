/* imbrelu_cor4.h: the second part of imbrelu.cor-4 (seed 004 Corollary 4), a phase diagram
 * over a box in (R, lambda_W lambda_H) (imbrelu-phase/1, exact leaves; imbrelu_cor4_phase.c),
 * called by the certifier (imbrelu_cor4.c, which owns the first part: a concrete instance,
 * imbrelu/1: threshold C, per-class collapse, (17), (18), the minimiser on each side). */
#ifndef IMBRELU_COR4_H
#define IMBRELU_COR4_H
#include <jansson.h>
#include "common/nc_error.h"

int imbrelu_cor4_phase(json_t *instance_json, json_t **cert, nc_error *err);
#endif
