/* check_qsqrt.c: owns exact arithmetic and exact sign determination in Q(sqrt(m)). */
#include "check_qsqrt.h"

void ck_qs_init(ck_qs *x)
{
    mpq_inits(x->a, x->b, NULL);
}
void ck_qs_clear(ck_qs *x)
{
    mpq_clears(x->a, x->b, NULL);
}

/* Encloses a + b*sqrt(m) in x: sqrt(m) by MPFI, then b*sqrt(m) + a. */
void ck_qs_to_mpfi(mpfi_ptr x, const ck_qs *q, const mpz_t m)
{
    mpfi_t s;
    mpfi_init2(s, mpfi_get_prec(x));
    mpfi_set_z(s, m);
    mpfi_sqrt(s, s);
    mpfi_mul_q(s, s, q->b);
    mpfi_set_q(x, q->a);
    mpfi_add(x, x, s);
    mpfi_clear(s);
}

void ck_qs_add(ck_qs *x, const ck_qs *y, const ck_qs *z)
{
    mpq_add(x->a, y->a, z->a);
    mpq_add(x->b, y->b, z->b);
}

void ck_qs_sub(ck_qs *x, const ck_qs *y, const ck_qs *z)
{
    mpq_sub(x->a, y->a, z->a);
    mpq_sub(x->b, y->b, z->b);
}

void ck_qs_mul_q(ck_qs *x, const ck_qs *y, const mpq_t c)
{
    mpq_mul(x->a, y->a, c);
    mpq_mul(x->b, y->b, c);
}

/* sqrt(m) (a + b r) = b m + a r */
void ck_qs_mul_sqrt(ck_qs *x, const ck_qs *y, const mpz_t m)
{
    mpq_t na, mq;
    mpq_inits(na, mq, NULL);
    mpq_set_z(mq, m);
    mpq_mul(na, y->b, mq);
    mpq_set(x->b, y->a);
    mpq_set(x->a, na);
    mpq_clears(na, mq, NULL);
}

/* sign(a + b sqrt(m)), m >= 1: if a and b have opposite signs, the term of larger absolute
 * value wins, decided by comparing a^2 with b^2 m (both exact rationals). */
int ck_qs_sgn_ab(const mpq_t a, const mpq_t b, const mpz_t m)
{
    int sa = mpq_sgn(a), sb = mpq_sgn(b);
    if (sb == 0) return sa;
    if (sa == 0 || sa == sb) return sb;
    mpq_t a2, b2m, mq;
    mpq_inits(a2, b2m, mq, NULL);
    mpq_set_z(mq, m);
    mpq_mul(a2, a, a);
    mpq_mul(b2m, b, b);
    mpq_mul(b2m, b2m, mq);
    int c = mpq_cmp(a2, b2m);
    mpq_clears(a2, b2m, mq, NULL);
    return c > 0 ? sa : c < 0 ? sb : 0;
}

int ck_qs_sgn(const ck_qs *x, const mpz_t m)
{
    return ck_qs_sgn_ab(x->a, x->b, m);
}

int ck_qs_cmp(const ck_qs *x, const ck_qs *y, const mpz_t m)
{
    ck_qs t;
    ck_qs_init(&t);
    ck_qs_sub(&t, x, y);
    int s = ck_qs_sgn(&t, m);
    ck_qs_clear(&t);
    return s;
}

int ck_qs_cmp_q(const ck_qs *x, const mpq_t q, const mpz_t m)
{
    mpq_t t;
    mpq_init(t);
    mpq_sub(t, x->a, q);
    int s = ck_qs_sgn_ab(t, x->b, m);
    mpq_clear(t);
    return s;
}

/* x = b^2 m, the square of b sqrt(m) */
static void sq_radical(mpq_t x, const mpq_t b, const mpz_t m)
{
    mpq_set_z(x, m);
    mpq_mul(x, x, b);
    mpq_mul(x, x, b);
}

/* sign(b1 sqrt(m1) - b2 sqrt(m2)) */
static int sgn_radical_diff(const mpq_t b1, const mpz_t m1, const mpq_t b2, const mpz_t m2)
{
    int s1 = mpq_sgn(b1), s2 = -mpq_sgn(b2);
    if (s1 == 0 || s1 == s2) return s1 ? s1 : s2;
    if (s2 == 0) return s1;
    mpq_t x1, x2;
    mpq_inits(x1, x2, NULL);
    sq_radical(x1, b1, m1);
    sq_radical(x2, b2, m2);
    int c = mpq_cmp(x1, x2);
    mpq_clears(x1, x2, NULL);
    return c > 0 ? s1 : c < 0 ? s2 : 0;
}

/* u + p - q = 0 with u = a1 - a2, p = b1 sqrt(m1), q = b2 sqrt(m2)  <=>
 * sign(p - q) = sign(-u) and (p - q)^2 = u^2, i.e.
 * (b1^2 m1 + b2^2 m2 - u^2) - 2 b1 b2 sqrt(m1 m2) = 0 (an element of Q(sqrt(m1 m2))). */
int ck_qs_equal2(const mpq_t a1, const mpq_t b1, const mpz_t m1, const mpq_t a2, const mpq_t b2, const mpz_t m2)
{
    mpq_t u, l, t, r;
    mpz_t mm;
    mpq_inits(u, l, t, r, NULL);
    mpz_init(mm);
    mpq_sub(u, a1, a2);
    int ok = sgn_radical_diff(b1, m1, b2, m2) == -mpq_sgn(u);
    if (ok) {
        sq_radical(l, b1, m1);
        sq_radical(t, b2, m2);
        mpq_add(l, l, t);
        mpq_mul(t, u, u);
        mpq_sub(l, l, t);
        mpq_mul(r, b1, b2);
        mpq_set_si(t, -2, 1);
        mpq_mul(r, r, t);
        mpz_mul(mm, m1, m2);
        ok = ck_qs_sgn_ab(l, r, mm) == 0;
    }
    mpq_clears(u, l, t, r, NULL);
    mpz_clear(mm);
    return ok;
}
