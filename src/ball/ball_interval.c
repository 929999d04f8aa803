/* ball_interval.c: an Arb ball containing a rational interval. */
#include "ball/ball_interval.h"

void ball_set_fmpq_interval(arb_t x, const fmpq_t lo, const fmpq_t hi, slong prec)
{
    arb_t b;
    arb_init(b);
    arb_set_fmpq(x, lo, prec);
    arb_set_fmpq(b, hi, prec);
    arb_union(x, x, b, prec);
    arb_clear(b);
}
