/* qsqrt.c: exact arithmetic in Q(sqrt(m)) (see qsqrt.h). */
#include "exact/qsqrt.h"

void qsqrt_init(qsqrt_t x)
{
    fmpq_init(x->a);
    fmpq_init(x->b);
}
void qsqrt_clear(qsqrt_t x)
{
    fmpq_clear(x->a);
    fmpq_clear(x->b);
}
void qsqrt_zero(qsqrt_t x)
{
    fmpq_zero(x->a);
    fmpq_zero(x->b);
}
void qsqrt_set(qsqrt_t r, const qsqrt_t x)
{
    fmpq_set(r->a, x->a);
    fmpq_set(r->b, x->b);
}

void qsqrt_add(qsqrt_t r, const qsqrt_t x, const qsqrt_t y)
{
    fmpq_add(r->a, x->a, y->a);
    fmpq_add(r->b, x->b, y->b);
}

void qsqrt_sub(qsqrt_t r, const qsqrt_t x, const qsqrt_t y)
{
    fmpq_sub(r->a, x->a, y->a);
    fmpq_sub(r->b, x->b, y->b);
}

void qsqrt_addmul(qsqrt_t r, const qsqrt_t x, const qsqrt_t y, slong m)
{
    /* (a1 + b1 s)(a2 + b2 s) = (a1 a2 + m b1 b2) + (a1 b2 + b1 a2) s, s = sqrt(m) */
    fmpq_t t;
    fmpq_init(t);
    fmpq_addmul(r->a, x->a, y->a);
    if (!fmpq_is_zero(x->b) && !fmpq_is_zero(y->b)) {
        fmpq_mul(t, x->b, y->b);
        fmpq_mul_si(t, t, m);
        fmpq_add(r->a, r->a, t);
    }
    if (!fmpq_is_zero(y->b)) fmpq_addmul(r->b, x->a, y->b);
    if (!fmpq_is_zero(x->b)) fmpq_addmul(r->b, x->b, y->a);
    fmpq_clear(t);
}

void qsqrt_mul(qsqrt_t r, const qsqrt_t x, const qsqrt_t y, slong m)
{
    qsqrt_t t;
    qsqrt_init(t);
    qsqrt_addmul(t, x, y, m);
    qsqrt_set(r, t);
    qsqrt_clear(t);
}

void qsqrt_scalar_div_si(qsqrt_t r, const qsqrt_t x, slong c)
{
    fmpz_t z;
    fmpz_init_set_si(z, c);
    fmpq_div_fmpz(r->a, x->a, z);
    fmpq_div_fmpz(r->b, x->b, z);
    fmpz_clear(z);
}

void qsqrt_div_sqrt(qsqrt_t r, const qsqrt_t x, slong m)
{
    /* (a + b s) / s = b + (a / m) s */
    fmpq_t t;
    fmpz_t z;
    fmpq_init(t);
    fmpz_init_set_si(z, m);
    fmpq_div_fmpz(t, x->a, z);
    fmpq_set(r->a, x->b);
    fmpq_set(r->b, t);
    fmpq_clear(t);
    fmpz_clear(z);
}

int qsqrt_sgn(const qsqrt_t x, slong m)
{
    int sa = fmpq_sgn(x->a), sb = fmpq_sgn(x->b);
    if (sb == 0) return sa;
    if (sa == 0 || sa == sb) return sb;
    /* opposite signs: compare a^2 with m b^2 */
    fmpq_t a2, b2;
    fmpq_init(a2);
    fmpq_init(b2);
    fmpq_mul(a2, x->a, x->a);
    fmpq_mul(b2, x->b, x->b);
    fmpq_mul_si(b2, b2, m);
    int c = fmpq_cmp(a2, b2);
    fmpq_clear(a2);
    fmpq_clear(b2);
    return c > 0 ? sa : (c < 0 ? sb : 0);
}

int qsqrt_cmp(const qsqrt_t x, const qsqrt_t y, slong m)
{
    qsqrt_t t;
    qsqrt_init(t);
    qsqrt_sub(t, x, y);
    int s = qsqrt_sgn(t, m);
    qsqrt_clear(t);
    return s;
}

int qsqrt_equal(const qsqrt_t x, const qsqrt_t y, slong m)
{
    return qsqrt_cmp(x, y, m) == 0;
}
