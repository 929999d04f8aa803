/* exact_double.h: the exact rational value of a binary64 number. */
#ifndef EXACT_DOUBLE_H
#define EXACT_DOUBLE_H
#include <flint/fmpq.h>
/* q = x exactly; x must be finite. */
void exact_fmpq_set_d(fmpq *q, double x);
/* The binary64 number nearest to q (ties to even); +-inf beyond the range. */
double exact_fmpq_get_d_nearest(const fmpq_t q);
#endif
