/* ball_interval.h: an Arb ball containing a rational interval. */
#ifndef BALL_INTERVAL_H
#define BALL_INTERVAL_H
#include <arb.h>
/* x = a ball containing [lo, hi] (lo <= hi): the union of the balls of lo and hi at prec. */
void ball_set_fmpq_interval(arb_t x, const fmpq_t lo, const fmpq_t hi, slong prec);
#endif
