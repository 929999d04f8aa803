/* ulpm_def21_quantity.h: certificate helpers shared by the ulpm certifiers: enclosures of exact
 * and of widened values, the verdict of the "iff neural collapse" claims, the source object. */
#ifndef ULPM_DEF21_QUANTITY_H
#define ULPM_DEF21_QUANTITY_H
#include <jansson.h>
#include <arb.h>
#include "exact/qsqrt.h"
#include "cert/verdict.h"

/* {"lo","hi","decimal","exact"} of x = a + b sqrt(m): a 128-bit ball containing x. */
json_t *ulpm_exact_quantity(const qsqrt_t x, slong m);
/* ulpm_exact_quantity of the rational v (m = 1). */
json_t *ulpm_rational_quantity(const fmpq_t v);
/* {"lo","hi","decimal"} of x with its radius grown by |x| 2^rel_exp, so that nccheck's own
 * interval at its precision fits inside: the value enclosed is unchanged. */
json_t *ulpm_widened_quantity(const arb_t x, slong rel_exp);
/* The verdict of an "equality iff neural collapse" claim at a point where the assertion
 * decided is EQ (the equality), STRICT (the strict inequality) or another one (the wrong-way
 * inequality: refuted); nc: the point is a neural-collapse configuration. */
nc_verdict ulpm_iff_nc_verdict(const char *assertion, const char *eq, const char *strict, int nc);
/* source object of seeds 001/000 with the given label and statement */
json_t *ulpm_source(const char *label, const char *statement);
#endif
