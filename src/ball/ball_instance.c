/* ball_instance.c: Arb enclosures of instance quantities (see ball_instance.h). */
#include <math.h>
#include "ball/ball_instance.h"

static void entry(arb_t x, const instance *I, const double *dbl, const fmpq *a, const fmpq *b,
                  long t, const arb_t sqrt_n, slong prec)
{
    if (I->exact_double) {
        arb_set_d(x, dbl[t]);    /* exact */
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

void ball_entry_W(arb_t x, const instance *I, long k, long l, const arb_t sqrt_n, slong prec)
{
    entry(x, I, I->W, I->Wa, I->Wb, k * I->d + l, sqrt_n, prec);
}

void ball_entry_H(arb_t x, const instance *I, long c, long l, const arb_t sqrt_n, slong prec)
{
    entry(x, I, I->Ht, I->Ha, I->Hb, c * I->d + l, sqrt_n, prec);
}

void ball_margin(arb_t s, const instance *I, long c, long j, slong prec)
{
    long d = I->d, k = c / I->n;
    arb_ptr diff = _arb_vec_init(d), h = _arb_vec_init(d);
    arb_t sqrt_n, wj;
    arb_init(sqrt_n);
    arb_init(wj);
    arb_sqrt_ui(sqrt_n, (ulong)I->n, prec + 16);
    for (long l = 0; l < d; l++) {
        ball_entry_W(diff + l, I, k, l, sqrt_n, prec + 16);
        ball_entry_W(wj, I, j, l, sqrt_n, prec + 16);
        arb_sub(diff + l, diff + l, wj, prec + 16);   /* exact for dyadic doubles of like scale */
        ball_entry_H(h + l, I, c, l, sqrt_n, prec + 16);
    }
    arb_dot(s, NULL, 0, diff, 1, h, 1, d, prec);       /* (w_k - w_j) . h_c */
    _arb_vec_clear(diff, d);
    _arb_vec_clear(h, d);
    arb_clear(sqrt_n);
    arb_clear(wj);
}

#define BALL_CHUNK 4096

void ball_frobenius2(arb_t r, const instance *I, int is_W, slong prec)
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
            if (is_W) ball_entry_W(chunk + u, I, t / d, t % d, sqrt_n, prec + 16);
            else ball_entry_H(chunk + u, I, t / d, t % d, sqrt_n, prec + 16);
        }
        arb_dot(part, NULL, 0, chunk, 1, chunk, 1, len, prec);
        arb_add(r, r, part, prec);
    }
    _arb_vec_clear(chunk, BALL_CHUNK);
    arb_clear(sqrt_n);
    arb_clear(part);
}

int ball_from_kernel_sum_squares(arb_t r, double s_hat, long len)
{
    /* |s_hat - s| <= gamma_len s + len 2^-1074 (1 + gamma_len), gamma_len = len u / (1 - len u),
     * u = 2^-53, valid for len u < 1 when no partial sum overflowed (s_hat finite), hence
     * s in s_hat +/- (gamma_len/(1 - gamma_len)) (s_hat + 2 len 2^-1074) + 2 len 2^-1074.
     * See proofs/derivations/kernels-rounding.md. */
    if (!isfinite(s_hat) || s_hat < 0 || len <= 0 || len > (1L << 40)) return 0;
    arb_t g, t;
    mag_t rad;
    arb_init(g);
    arb_init(t);
    mag_init(rad);
    const slong prec = 64;
    arb_set_si(g, len);
    arb_mul_2exp_si(g, g, -53);                    /* len u */
    arb_sub_ui(t, g, 1, prec);
    arb_neg(t, t);                                 /* 1 - len u */
    arb_div(g, g, t, prec);                        /* gamma_len */
    arb_sub_ui(t, g, 1, prec);
    arb_neg(t, t);                                 /* 1 - gamma_len */
    arb_div(g, g, t, prec);                        /* gamma_len / (1 - gamma_len) */
    arb_set_si(t, 2 * len);
    arb_mul_2exp_si(t, t, -1074);                  /* eta = 2 len 2^-1074 */
    arb_t sum;
    arb_init(sum);
    arb_set_d(sum, s_hat);
    arb_add(sum, sum, t, prec);
    arb_mul(g, g, sum, prec);
    arb_add(g, g, t, prec);
    arb_get_mag(rad, g);                           /* upper bound of the radius */
    arb_set_d(r, s_hat);
    mag_add(arb_radref(r), arb_radref(r), rad);
    arb_clear(g);
    arb_clear(t);
    arb_clear(sum);
    mag_clear(rad);
    return 1;
}
