/* exact_double.h: the exact rational value of a binary64 number. */
#ifndef EXACT_DOUBLE_H
#define EXACT_DOUBLE_H
#include <flint/fmpq.h>
/* q = x exactly; x must be finite. */
void exact_fmpq_set_d(fmpq *q, double x);
#endif
