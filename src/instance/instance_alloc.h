/* instance_alloc.h: internal allocation helper shared by the instance readers/generators. */
#ifndef INSTANCE_ALLOC_H
#define INSTANCE_ALLOC_H
#include "instance/instance.h"
#include <flint/fmpq_vec.h>

/* Allocates the double copies and, unless exact_double, the exact rational parts (zeroed);
 * the sqrt(n) parts only when with_sqrt. Dimensions must have been checked already. */
int instance_alloc(instance *I, instance_kind kind, long K, long n, long d, int exact_double, int with_sqrt,
                   nc_error *err);
#endif
