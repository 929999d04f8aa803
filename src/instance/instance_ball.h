/* instance_ball.h: rigorous (Arb ball) evaluation of instance quantities: entries, the margin
 * at a witness, Frobenius norms, and the tier-0 conversion of a double sum of squares into a
 * ball. Contract of every function: the output ball contains the exact value. */
#ifndef INSTANCE_BALL_H
#define INSTANCE_BALL_H
#include <arb.h>
#include "instance/instance.h"

/* x contains entry (k, l) of W / entry (l, c) of H; sqrt_n must contain sqrt(n). */
void instance_ball_entry_W(arb_t x, const instance *I, long k, long l, const arb_t sqrt_n, slong prec);
void instance_ball_entry_H(arb_t x, const instance *I, long c, long l, const arb_t sqrt_n, slong prec);

/* s contains w_k.h_c - w_j.h_c, k = c / n. */
void instance_ball_margin(arb_t s, const instance *I, long c, long j, slong prec);

/* r contains ||W||_F^2 (is_W) or ||H||_F^2, computed with Arb at precision prec. */
void instance_ball_frobenius2(arb_t r, const instance *I, int is_W, slong prec);

/* Tier 0: r contains the exact sum of squares of len doubles whose round-to-nearest recursive
 * sum (kernel_frobenius2) is s_hat, by the bound of proofs/derivations/kernels-rounding.md.
 * Returns 0 (r undefined) when the bound does not apply (s_hat not finite, len too large). */
int instance_ball_from_kernel_sum_squares(arb_t r, double s_hat, long len);
#endif
