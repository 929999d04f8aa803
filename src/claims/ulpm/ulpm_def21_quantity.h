/* ulpm_def21_quantity.h: certificate helpers shared by the def-2.1, theorem-3.2 and eq-66
 * certifiers: an enclosure of an exact Q(sqrt m) value, and the source object. */
#ifndef ULPM_DEF21_QUANTITY_H
#define ULPM_DEF21_QUANTITY_H
#include <jansson.h>
#include "exact/qsqrt.h"

/* {"lo","hi","decimal","exact"} of x = a + b sqrt(m): a 128-bit ball containing x. */
json_t *ulpm_exact_quantity(const qsqrt_t x, slong m);
/* source object of seeds 001/000 with the given label and statement */
json_t *ulpm_source(const char *label, const char *statement);
#endif
