/* qsqrt.h: exact arithmetic in Q(sqrt(m)): elements a + b*sqrt(m), a and b rational, m > 0.
 * Used by tier 2 (equality claims need exact arithmetic, never overlapping intervals). */
#ifndef QSQRT_H
#define QSQRT_H
#include <flint/fmpq.h>

typedef struct {
    fmpq_t a, b;
} qsqrt_struct;
typedef qsqrt_struct qsqrt_t[1];

void qsqrt_init(qsqrt_t x);
void qsqrt_clear(qsqrt_t x);
void qsqrt_zero(qsqrt_t x);
void qsqrt_set(qsqrt_t r, const qsqrt_t x);
void qsqrt_add(qsqrt_t r, const qsqrt_t x, const qsqrt_t y);
void qsqrt_sub(qsqrt_t r, const qsqrt_t x, const qsqrt_t y);
/* r = x * y in Q(sqrt(m)); r may alias x or y. */
void qsqrt_mul(qsqrt_t r, const qsqrt_t x, const qsqrt_t y, slong m);
/* r += x * y. */
void qsqrt_addmul(qsqrt_t r, const qsqrt_t x, const qsqrt_t y, slong m);
void qsqrt_scalar_div_si(qsqrt_t r, const qsqrt_t x, slong c);
/* r = x / sqrt(m) = (b + (a/m) sqrt(m)). */
void qsqrt_div_sqrt(qsqrt_t r, const qsqrt_t x, slong m);
/* Exact sign (-1, 0, 1) of a + b sqrt(m). */
int qsqrt_sgn(const qsqrt_t x, slong m);
int qsqrt_cmp(const qsqrt_t x, const qsqrt_t y, slong m);
int qsqrt_equal(const qsqrt_t x, const qsqrt_t y, slong m);
#endif
