/* ulpm_theorem33_exact.c: exact logits of an instance as integer matrices over a common
 * denominator (FLINT fmpz_mat_mul), exact norms, rho, q*, the all-margins-equal test, and the
 * balls of logits and of L*(rho) built from those exact values (ulpm_theorem33.h). */
#include <flint/ulong_extras.h>
#include "claims/ulpm/ulpm_theorem33.h"
#include "instance/instance_exact.h"
#include "common/progress.h"

/* M = (A + B sqrt(n)) / den for the rows x cols matrix whose entry (r, s) is get(r, s). */
typedef void (*ulpm_t33_get_fn)(qsqrt_t x, const instance *I, long r, long s);

static void get_W(qsqrt_t x, const instance *I, long k, long l)
{
    instance_exact_entry_W(x, I, k, l);
}
static void get_H(qsqrt_t x, const instance *I, long l, long c)
{
    instance_exact_entry_H(x, I, c, l);
}

static void to_integers(fmpz_mat_t A, fmpz_mat_t B, fmpz_t den, const instance *I, long rows, long cols,
                        ulpm_t33_get_fn get)
{
    qsqrt_t x;
    fmpz_t t;
    qsqrt_init(x);
    fmpz_init(t);
    fmpz_one(den);
    for (long r = 0; r < rows; r++) /* common denominator: lcm of all denominators */
        for (long s = 0; s < cols; s++) {
            get(x, I, r, s);
            fmpz_lcm(den, den, fmpq_denref(x->a));
            fmpz_lcm(den, den, fmpq_denref(x->b));
        }
    for (long r = 0; r < rows; r++)
        for (long s = 0; s < cols; s++) {
            get(x, I, r, s);
            fmpz_divexact(t, den, fmpq_denref(x->a));
            fmpz_mul(fmpz_mat_entry(A, r, s), t, fmpq_numref(x->a));
            fmpz_divexact(t, den, fmpq_denref(x->b));
            fmpz_mul(fmpz_mat_entry(B, r, s), t, fmpq_numref(x->b));
        }
    qsqrt_clear(x);
    fmpz_clear(t);
}

/* r = ||(A + B sqrt(n)) / den||_F^2 = (sum A^2 + n sum B^2 + 2 sqrt(n) sum A B) / den^2 */
static void norm2(qsqrt_t r, const fmpz_mat_t A, const fmpz_mat_t B, const fmpz_t den, long n)
{
    fmpz_t sa, sb, sab, den2;
    fmpz_init(sa);
    fmpz_init(sb);
    fmpz_init(sab);
    fmpz_init(den2);
    for (slong i = 0; i < fmpz_mat_nrows(A); i++)
        for (slong j = 0; j < fmpz_mat_ncols(A); j++) {
            fmpz_addmul(sa, fmpz_mat_entry(A, i, j), fmpz_mat_entry(A, i, j));
            fmpz_addmul(sb, fmpz_mat_entry(B, i, j), fmpz_mat_entry(B, i, j));
            fmpz_addmul(sab, fmpz_mat_entry(A, i, j), fmpz_mat_entry(B, i, j));
        }
    fmpz_mul(den2, den, den);
    fmpz_addmul_ui(sa, sb, (ulong)n);
    fmpz_mul_2exp(sab, sab, 1);
    fmpq_set_fmpz_frac(r->a, sa, den2);
    fmpq_set_fmpz_frac(r->b, sab, den2);
    fmpz_clear(sa);
    fmpz_clear(sb);
    fmpz_clear(sab);
    fmpz_clear(den2);
}

void ulpm_t33_exact_compute(ulpm_t33_exact *x, const instance *I)
{
    long K = I->K, n = I->n, d = I->d, N = instance_N(I);
    fmpz_mat_t WA, WB, HA, HB, T;
    fmpz_t dw, dh;
    x->K = K;
    x->n = n;
    x->d = d;
    fmpz_mat_init(WA, K, d);
    fmpz_mat_init(WB, K, d);
    fmpz_mat_init(HA, d, N);
    fmpz_mat_init(HB, d, N);
    fmpz_mat_init(x->ZA, K, N);
    fmpz_mat_init(x->ZB, K, N);
    fmpz_mat_init(T, K, N);
    fmpz_init(dw);
    fmpz_init(dh);
    fmpz_init(x->D);
    qsqrt_init(x->nW);
    qsqrt_init(x->nH);
    qsqrt_init(x->rho);
    qsqrt_init(x->qstar);
    to_integers(WA, WB, dw, I, K, d, get_W);
    to_integers(HA, HB, dh, I, d, N, get_H);
    /* Z = [(WA HA + n WB HB) + (WA HB + WB HA) sqrt(n)] / (dw dh); zero products skipped */
    int wb = !fmpz_mat_is_zero(WB), hb = !fmpz_mat_is_zero(HB);
    fmpz_mat_mul(x->ZA, WA, HA);
    if (wb && hb) {
        fmpz_mat_mul(T, WB, HB);
        fmpz_mat_scalar_addmul_ui(x->ZA, T, (ulong)n);
    }
    if (hb) fmpz_mat_mul(x->ZB, WA, HB);
    if (wb) {
        fmpz_mat_mul(T, WB, HA);
        fmpz_mat_add(x->ZB, x->ZB, T);
    }
    if (n_is_square((ulong)n)) { /* canonical form: fold the rational sqrt(n) into ZA */
        fmpz_mat_scalar_addmul_ui(x->ZA, x->ZB, n_sqrt((ulong)n));
        fmpz_mat_zero(x->ZB);
    }
    fmpz_mul(x->D, dw, dh);
    norm2(x->nW, WA, WB, dw, n);
    norm2(x->nH, HA, HB, dh, n);
    /* q* = rho / (2 (K-1) sqrt(n)) = rho sqrt(n) / (2 (K-1) n) */
    qsqrt_add(x->rho, x->nW, x->nH);
    qsqrt_t s;
    qsqrt_init(s);
    fmpq_zero(s->a);
    fmpq_one(s->b);
    qsqrt_mul(x->qstar, x->rho, s, n);
    qsqrt_scalar_div_si(x->qstar, x->qstar, 2 * (K - 1) * n);
    qsqrt_clear(s);
    fmpz_mat_clear(WA);
    fmpz_mat_clear(WB);
    fmpz_mat_clear(HA);
    fmpz_mat_clear(HB);
    fmpz_mat_clear(T);
    fmpz_clear(dw);
    fmpz_clear(dh);
}

void ulpm_t33_exact_clear(ulpm_t33_exact *x)
{
    fmpz_mat_clear(x->ZA);
    fmpz_mat_clear(x->ZB);
    fmpz_clear(x->D);
    qsqrt_clear(x->nW);
    qsqrt_clear(x->nH);
    qsqrt_clear(x->rho);
    qsqrt_clear(x->qstar);
}

int ulpm_t33_margins_all_equal_qstar(const ulpm_t33_exact *x)
{
    long K = x->K, n = x->n, N = n * K;
    fmpz_t a0, b0, a, b;
    fmpz_init(a0);
    fmpz_init(b0);
    fmpz_init(a);
    fmpz_init(b);
    /* the first margin (c = 0, k = 0, j = 1) as an integer pair */
    fmpz_sub(a0, fmpz_mat_entry(x->ZA, 0, 0), fmpz_mat_entry(x->ZA, 1, 0));
    fmpz_sub(b0, fmpz_mat_entry(x->ZB, 0, 0), fmpz_mat_entry(x->ZB, 1, 0));
    int eq = 1;
    progress_begin("margins = q*", N);
    for (long c = 0; c < N && eq; c++) { /* canonical pairs: equal iff equal values */
        progress_set(c);
        long k = c / n;
        for (long j = 0; j < K && eq; j++) {
            if (j == k) continue;
            fmpz_sub(a, fmpz_mat_entry(x->ZA, k, c), fmpz_mat_entry(x->ZA, j, c));
            fmpz_sub(b, fmpz_mat_entry(x->ZB, k, c), fmpz_mat_entry(x->ZB, j, c));
            eq = fmpz_equal(a, a0) && fmpz_equal(b, b0);
        }
    }
    progress_end();
    if (eq) { /* the common margin against q* */
        qsqrt_t s;
        qsqrt_init(s);
        fmpq_set_fmpz_frac(s->a, a0, x->D);
        fmpq_set_fmpz_frac(s->b, b0, x->D);
        eq = qsqrt_equal(s, x->qstar, x->n);
        qsqrt_clear(s);
    }
    fmpz_clear(a0);
    fmpz_clear(b0);
    fmpz_clear(a);
    fmpz_clear(b);
    return eq;
}

/* b contains a + b sqrt(n) for the exact element q. */
static void ball_qsqrt(arb_t r, const qsqrt_t q, long n, slong prec)
{
    arb_t s;
    arb_init(s);
    arb_sqrt_ui(s, (ulong)n, prec);
    arb_mul_fmpz(s, s, fmpq_numref(q->b), prec);
    arb_div_fmpz(s, s, fmpq_denref(q->b), prec);
    arb_set_fmpq(r, q->a, prec);
    arb_add(r, r, s, prec);
    arb_clear(s);
}

void ulpm_t33_ball_logits(arb_mat_t Z, const ulpm_t33_exact *x, slong prec)
{
    arb_t s;
    arb_init(s);
    arb_sqrt_ui(s, (ulong)x->n, prec);
    for (long j = 0; j < x->K; j++)
        for (long c = 0; c < x->n * x->K; c++) {
            arb_ptr z = arb_mat_entry(Z, j, c);
            arb_mul_fmpz(z, s, fmpz_mat_entry(x->ZB, j, c), prec);
            arb_add_fmpz(z, z, fmpz_mat_entry(x->ZA, j, c), prec);
            arb_div_fmpz(z, z, x->D, prec);
        }
    arb_clear(s);
}

void ulpm_t33_ball_loss_star(arb_t Ls, const ulpm_t33_exact *x, slong prec)
{
    arb_t q;
    arb_init(q);
    ball_qsqrt(q, x->qstar, x->n, prec);
    arb_neg(q, q);
    arb_exp(q, q, prec);
    arb_mul_ui(q, q, (ulong)(x->K - 1), prec);
    arb_log1p(q, q, prec);
    arb_mul_ui(Ls, q, (ulong)(x->n * x->K), prec);
    arb_clear(q);
}
