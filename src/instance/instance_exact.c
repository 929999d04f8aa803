/* instance_exact.c: exact (tier-2) quantities of an instance in Q(sqrt(n)). */
#include "instance/instance_exact.h"
#include "exact/exact_double.h"
#include "common/progress.h"

static void entry(qsqrt_t x, const instance *I, const double *dbl, const fmpq *a, const fmpq *b, long t)
{
    if (I->exact_double) {
        exact_fmpq_set_d(x->a, dbl[t]);
        fmpq_zero(x->b);
        return;
    }
    fmpq_set(x->a, a + t);
    if (b)
        fmpq_set(x->b, b + t);
    else
        fmpq_zero(x->b);
}

void instance_exact_entry_W(qsqrt_t x, const instance *I, long k, long l)
{
    entry(x, I, I->W, I->Wa, I->Wb, k * I->d + l);
}

void instance_exact_entry_H(qsqrt_t x, const instance *I, long c, long l)
{
    entry(x, I, I->Ht, I->Ha, I->Hb, c * I->d + l);
}

typedef void (*exact_entry_fn)(qsqrt_t x, const instance *I, long row, long l);

/* r = u . v exactly, u = row i of the matrix read by eu, v = row j of the one read by ev. */
static void row_dot(qsqrt_t r, const instance *I, exact_entry_fn eu, long i, exact_entry_fn ev, long j)
{
    qsqrt_t a, b;
    qsqrt_init(a);
    qsqrt_init(b);
    qsqrt_zero(r);
    for (long l = 0; l < I->d; l++) {
        eu(a, I, i, l);
        ev(b, I, j, l);
        qsqrt_addmul(r, a, b, I->n);
    }
    qsqrt_clear(a);
    qsqrt_clear(b);
}

void instance_exact_logit(qsqrt_t r, const instance *I, long j, long c)
{
    row_dot(r, I, instance_exact_entry_W, j, instance_exact_entry_H, c);
}

void instance_exact_margin(qsqrt_t r, const instance *I, long c, long j)
{
    qsqrt_t zj;
    qsqrt_init(zj);
    instance_exact_logit(r, I, c / I->n, c);
    instance_exact_logit(zj, I, j, c);
    qsqrt_sub(r, r, zj);
    qsqrt_clear(zj);
}

static void sum_squares(qsqrt_t r, const instance *I, long rows, int is_W)
{
    qsqrt_t x;
    qsqrt_init(x);
    qsqrt_zero(r);
    for (long s = 0; s < rows; s++)
        for (long l = 0; l < I->d; l++) {
            if (is_W)
                instance_exact_entry_W(x, I, s, l);
            else
                instance_exact_entry_H(x, I, s, l);
            qsqrt_addmul(r, x, x, I->n);
        }
    qsqrt_clear(x);
}

void instance_exact_frobenius2_W(qsqrt_t r, const instance *I)
{
    sum_squares(r, I, I->K, 1);
}
void instance_exact_frobenius2_H(qsqrt_t r, const instance *I)
{
    sum_squares(r, I, instance_N(I), 0);
}

void instance_exact_margin_min(qsqrt_t q, long *c_min, long *j_min, const instance *I)
{
    long N = instance_N(I);
    qsqrt_t *z = flint_malloc((size_t)I->K * sizeof(qsqrt_t));
    qsqrt_t s;
    qsqrt_init(s);
    for (long j = 0; j < I->K; j++) qsqrt_init(z[j]);
    *c_min = -1;
    progress_begin("exact margins", N);
    for (long c = 0; c < N; c++) {
        long k = c / I->n;
        progress_set(c);
        for (long j = 0; j < I->K; j++) instance_exact_logit(z[j], I, j, c);
        for (long j = 0; j < I->K; j++) {
            if (j == k) continue;
            qsqrt_sub(s, z[k], z[j]);
            if (*c_min < 0 || qsqrt_cmp(s, q, I->n) < 0) {
                qsqrt_set(q, s);
                *c_min = c;
                *j_min = j;
            }
        }
    }
    progress_end();
    for (long j = 0; j < I->K; j++) qsqrt_clear(z[j]);
    flint_free(z);
    qsqrt_clear(s);
}

/* w_j . w_k exactly. */
static void w_dot(qsqrt_t r, const instance *I, long j, long k)
{
    row_dot(r, I, instance_exact_entry_W, j, instance_exact_entry_W, k);
}

int instance_exact_is_nc(const instance *I)
{
    long K = I->K, d = I->d, n = I->n, N = instance_N(I);
    qsqrt_t x, y, ref;
    qsqrt_init(x);
    qsqrt_init(y);
    qsqrt_init(ref);
    int nc = 1;
    for (long l = 0; l < d && nc; l++) { /* sum_k w_k = 0 */
        qsqrt_zero(y);
        for (long k = 0; k < K; k++) {
            instance_exact_entry_W(x, I, k, l);
            qsqrt_add(y, y, x);
        }
        nc = qsqrt_sgn(y, n) == 0;
    }
    for (long c = 0; c < N && nc; c++) /* h_{k,i} = w_k / sqrt(n) */
        for (long l = 0; l < d && nc; l++) {
            instance_exact_entry_W(x, I, c / n, l);
            qsqrt_div_sqrt(x, x, n);
            instance_exact_entry_H(y, I, c, l);
            nc = qsqrt_equal(x, y, n);
        }
    if (nc) w_dot(ref, I, 0, 0); /* equal norms */
    for (long k = 1; k < K && nc; k++) {
        w_dot(x, I, k, k);
        nc = qsqrt_equal(x, ref, n);
    }
    if (nc) w_dot(ref, I, 0, 1); /* equal inner products */
    for (long j = 0; j < K && nc; j++)
        for (long k = j + 1; k < K && nc; k++) {
            w_dot(x, I, j, k);
            nc = qsqrt_equal(x, ref, n);
        }
    qsqrt_clear(x);
    qsqrt_clear(y);
    qsqrt_clear(ref);
    return nc;
}
