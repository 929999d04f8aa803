/* instance_ball.c: Arb enclosures of instance quantities (see instance_ball.h). */
#include <math.h>
#include "instance/instance_ball.h"

static void entry(arb_t x, const instance *I, const double *dbl, const fmpq *a, const fmpq *b, long t,
                  const arb_t sqrt_n, slong prec)
{
    if (I->exact_double) {
        arb_set_d(x, dbl[t]); /* exact */
        return;
    }
    arb_set_fmpq(x, a + t, prec);
    if (b && !fmpq_is_zero(b + t)) {
        arb_t y;
        arb_init(y);
        arb_set_fmpq(y, b + t, prec);
        arb_addmul(x, y, sqrt_n, prec);
        arb_clear(y);
    }
}

void instance_ball_entry_W(arb_t x, const instance *I, long k, long l, const arb_t sqrt_n, slong prec)
{
    entry(x, I, I->W, I->Wa, I->Wb, k * I->d + l, sqrt_n, prec);
}

void instance_ball_entry_H(arb_t x, const instance *I, long c, long l, const arb_t sqrt_n, slong prec)
{
    entry(x, I, I->Ht, I->Ha, I->Hb, c * I->d + l, sqrt_n, prec);
}

void instance_ball_margin(arb_t s, const instance *I, long c, long j, slong prec)
{
    long d = I->d, k = c / I->n;
    arb_ptr diff = _arb_vec_init(d), h = _arb_vec_init(d);
    arb_t sqrt_n, wj;
    arb_init(sqrt_n);
    arb_init(wj);
    arb_sqrt_ui(sqrt_n, (ulong)I->n, prec + 16);
    for (long l = 0; l < d; l++) {
        instance_ball_entry_W(diff + l, I, k, l, sqrt_n, prec + 16);
        instance_ball_entry_W(wj, I, j, l, sqrt_n, prec + 16);
        arb_sub(diff + l, diff + l, wj, prec + 16); /* exact for dyadic doubles of like scale */
        instance_ball_entry_H(h + l, I, c, l, sqrt_n, prec + 16);
    }
    arb_dot(s, NULL, 0, diff, 1, h, 1, d, prec); /* (w_k - w_j) . h_c */
    _arb_vec_clear(diff, d);
    _arb_vec_clear(h, d);
    arb_clear(sqrt_n);
    arb_clear(wj);
}

#define BALL_CHUNK 4096

void instance_ball_frobenius2(arb_t r, const instance *I, int is_W, slong prec)
{
    long rows = is_W ? I->K : instance_N(I), d = I->d, total = rows * d;
    arb_ptr chunk = _arb_vec_init(BALL_CHUNK);
    arb_t sqrt_n, part;
    arb_init(sqrt_n);
    arb_init(part);
    arb_sqrt_ui(sqrt_n, (ulong)I->n, prec + 16);
    arb_zero(r);
    for (long t0 = 0; t0 < total; t0 += BALL_CHUNK) {
        long len = total - t0 < BALL_CHUNK ? total - t0 : BALL_CHUNK;
        for (long u = 0; u < len; u++) {
            long t = t0 + u;
            if (is_W)
                instance_ball_entry_W(chunk + u, I, t / d, t % d, sqrt_n, prec + 16);
            else
                instance_ball_entry_H(chunk + u, I, t / d, t % d, sqrt_n, prec + 16);
        }
        arb_dot(part, NULL, 0, chunk, 1, chunk, 1, len, prec);
        arb_add(r, r, part, prec);
    }
    _arb_vec_clear(chunk, BALL_CHUNK);
    arb_clear(sqrt_n);
    arb_clear(part);
}

int instance_ball_from_kernel_sum_squares(arb_t r, double s_hat, long len)
{
    /* proofs/derivations/kernels-rounding.md section 0: for len <= 2^50 and s_hat finite,
     * |s - s_hat| <= g s_hat + b, g = gamma_len = len u / (1 - len u), u = 2^-53,
     * b = len 2^-1073 (machine-checked: proofs/sum/step_sq*.smt2, final_sq.smt2). The radius
     * g s_hat + b is computed with upward rounding. */
    if (!isfinite(s_hat) || s_hat < 0 || len < 0 || len > (1L << 50)) return 0;
    mag_t g, t, rad;
    mag_init(g);
    mag_init(t);
    mag_init(rad);
    mag_set_ui(g, (ulong)len);
    mag_mul_2exp_si(g, g, -53); /* len u (exact) */
    mag_set_ui_lower(t, (ulong)len);
    mag_mul_2exp_si(t, t, -53);
    mag_one(rad);
    mag_sub_lower(t, rad, t); /* lower bound of 1 - len u (> 0 here) */
    mag_div(g, g, t);         /* upper bound of gamma_len */
    mag_set_d(t, s_hat);      /* upper bound of s_hat */
    mag_mul(rad, g, t);
    mag_set_ui(t, (ulong)len);
    mag_mul_2exp_si(t, t, -1073); /* b */
    mag_add(rad, rad, t);
    arb_set_d(r, s_hat);
    mag_set(arb_radref(r), rad);
    mag_clear(g);
    mag_clear(t);
    mag_clear(rad);
    return 1;
}
