/* check_qsqrt.h: exact arithmetic in Q(sqrt(m)): elements a + b*sqrt(m), a, b rational,
 * m a positive integer (not necessarily square-free: comparisons never assume uniqueness of
 * the representation), and their MPFI enclosures. */
#ifndef NCCHECK_QSQRT_H
#define NCCHECK_QSQRT_H
#include <gmp.h>
#include <mpfi.h>

typedef struct {
    mpq_t a, b;
} ck_qs;

void ck_qs_init(ck_qs *x);
void ck_qs_clear(ck_qs *x);
void ck_qs_add(ck_qs *x, const ck_qs *y, const ck_qs *z);
void ck_qs_sub(ck_qs *x, const ck_qs *y, const ck_qs *z);
void ck_qs_mul_q(ck_qs *x, const ck_qs *y, const mpq_t c);    /* x = c*y */
void ck_qs_mul_sqrt(ck_qs *x, const ck_qs *y, const mpz_t m); /* x = sqrt(m)*y */

/* x (at its own precision) contains q = a + b*sqrt(m). */
void ck_qs_to_mpfi(mpfi_ptr x, const ck_qs *q, const mpz_t m);

/* Exact sign (-1, 0, 1) of a + b*sqrt(m). */
int ck_qs_sgn_ab(const mpq_t a, const mpq_t b, const mpz_t m);
int ck_qs_sgn(const ck_qs *x, const mpz_t m);
/* Exact sign of x - y. */
int ck_qs_cmp(const ck_qs *x, const ck_qs *y, const mpz_t m);
/* Exact sign of x - q for a rational q. */
int ck_qs_cmp_q(const ck_qs *x, const mpq_t q, const mpz_t m);
/* 1 iff a1 + b1*sqrt(m1) == a2 + b2*sqrt(m2) exactly (two possibly different radicals). */
int ck_qs_equal2(const mpq_t a1, const mpq_t b1, const mpz_t m1, const mpq_t a2, const mpq_t b2, const mpz_t m2);
#endif
