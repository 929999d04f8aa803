/* ulpm_example31_balls.c: the interval quantities of ulpm.example-3.1 in Arb, for C in a ball
 * (a point for a given C, a leaf [c_lo, c_hi] of the bisection otherwise). The gradient of (9)
 * comes from the generic loss code (ulpm_ce.h) on W = H = C M; f''(0) and L''(0) along the
 * curve (55) come from Taylor arithmetic (arb_poly series) on the loss itself, not from the
 * closed forms the checker uses. Contract: every output ball contains the exact value for
 * every C in the input ball. */
#include <math.h>
#include <arb_mat.h>
#include <arb_poly.h>
#include "claims/ulpm/ulpm_ce.h"
#include "claims/ulpm/ulpm_example31.h"

const ulpm_ex31_qspec ulpm_ex31_qspecs[EX31_NPARTS] = {
    [EX31_SEPARATION] = {2, {"q_partner", "q_cross"}, {+1, +1}},
    [EX31_KKT] = {0, {NULL}, {0}},
    [EX31_PARALLEL] = {1, {"mu"}, {-1}},
    [EX31_EQ9] = {3, {"coef_derived", "coef_printed", "difference"}, {0, 0, -1}},
    [EX31_CURVE55] = {2, {"f2", "loss_d2"}, {-1, -1}},
    [EX31_FAMILY10] = {2, {"lemma_margin", "dist_sq_bound"}, {+1, 0}},
};

/* e^{-m C^2} */
static void exp_mc2(arb_t r, const arb_t C, slong m, slong prec)
{
    arb_sqr(r, C, prec);
    arb_mul_si(r, r, -m, prec);
    arb_exp(r, r, prec);
}

/* W = H = C M as ball matrices. */
static void point_balls(arb_mat_t W, const arb_t C, slong prec)
{
    fmpq_mat_t M;
    fmpq_mat_init(M, 4, 4);
    ulpm_ex31_M(M);
    for (slong i = 0; i < 4; i++)
        for (slong j = 0; j < 4; j++) {
            arb_set_fmpq(arb_mat_entry(W, i, j), fmpq_mat_entry(M, i, j), prec);
            arb_mul(arb_mat_entry(W, i, j), arb_mat_entry(W, i, j), C, prec);
        }
    fmpq_mat_clear(M);
}

/* (9): grad_W L = coef M. coef_derived = grad_W[0][0] (M[0][0] = 1) from the generic gradient;
 * coef_printed = -C (2 + 2e^{-2C^2}) / (2 + 2e^{-2C^2} + 2e^{2C^2}) as printed. */
static void eval_eq9(arb_ptr out, const arb_t C, slong prec)
{
    arb_mat_t W, GW;
    arb_t L, em, ep, num, den;
    arb_mat_init(W, 4, 4);
    arb_mat_init(GW, 4, 4);
    arb_init(L);
    arb_init(em);
    arb_init(ep);
    arb_init(num);
    arb_init(den);
    point_balls(W, C, prec);
    ulpm_ce_loss_grad(L, GW, NULL, W, W, 1, prec);
    arb_set(out + 0, arb_mat_entry(GW, 0, 0));
    exp_mc2(em, C, 2, prec);
    exp_mc2(ep, C, -2, prec);
    arb_add_ui(num, em, 1, prec);
    arb_mul_2exp_si(num, num, 1); /* 2 + 2e^{-2C^2} */
    arb_add(den, ep, em, prec);
    arb_mul_2exp_si(den, den, 1);
    arb_add_ui(den, den, 2, prec); /* 2 + 2e^{-2C^2} + 2e^{2C^2} */
    arb_div(out + 1, num, den, prec);
    arb_mul(out + 1, out + 1, C, prec);
    arb_neg(out + 1, out + 1);
    arb_sub(out + 2, out + 0, out + 1, prec);
    arb_mat_clear(W);
    arb_mat_clear(GW);
    arb_clear(L);
    arb_clear(em);
    arb_clear(ep);
    arb_clear(num);
    arb_clear(den);
}

/* Taylor series in a (length 3) of the curve (55): W'(a) = C (M + a u 1^T) (1 + 2a^2)^{-1/2},
 * H'(a) = W'(a)^T; Z(a) = W'(a) H'(a); L(a) = sum_c log sum_j exp(z_jc - z_cc);
 * f(a) = sum_{j != 0} exp(z_j0(a)) (the f of (58), for any C). f2 = 2 [a^2] f, l2 = 2 [a^2] L. */
static void eval_curve55(arb_ptr out, const arb_t C, slong prec)
{
    const slong len = 3;
    arb_poly_struct Wp[16], Zp[16];
    arb_poly_t r, p, t, e, s, Lp, fp;
    arb_t x;
    arb_init(x);
    arb_poly_init(r);
    arb_poly_init(p);
    arb_poly_init(t);
    arb_poly_init(e);
    arb_poly_init(s);
    arb_poly_init(Lp);
    arb_poly_init(fp);
    arb_poly_set_coeff_si(p, 0, 1);
    arb_poly_set_coeff_si(p, 2, 2);
    arb_poly_rsqrt_series(r, p, len, prec); /* (1 + 2a^2)^{-1/2} */
    fmpq_mat_t M;
    fmpq_mat_init(M, 4, 4);
    ulpm_ex31_M(M);
    for (slong k = 0; k < 4; k++)
        for (slong l = 0; l < 4; l++) {
            arb_poly_init(&Wp[4 * k + l]);
            arb_poly_zero(p);
            arb_set_fmpq(x, fmpq_mat_entry(M, k, l), prec);
            arb_poly_set_coeff_arb(p, 0, x);
            arb_poly_set_coeff_si(p, 1, k < 2 ? 1 : -1); /* + a u_k */
            arb_poly_mullow(t, p, r, len, prec);
            arb_poly_scalar_mul(&Wp[4 * k + l], t, C, prec);
        }
    fmpq_mat_clear(M);
    for (slong j = 0; j < 4; j++) /* z_jc = sum_l W'_jl H'_lc, H'_lc = W'_cl */
        for (slong c = 0; c < 4; c++) {
            arb_poly_init(&Zp[4 * j + c]);
            arb_poly_zero(&Zp[4 * j + c]);
            for (slong l = 0; l < 4; l++) {
                arb_poly_mullow(t, &Wp[4 * j + l], &Wp[4 * c + l], len, prec);
                arb_poly_add(&Zp[4 * j + c], &Zp[4 * j + c], t, prec);
            }
        }
    arb_poly_zero(Lp);
    arb_poly_zero(fp);
    for (slong c = 0; c < 4; c++) {
        arb_poly_zero(s);
        for (slong j = 0; j < 4; j++) {
            arb_poly_sub(t, &Zp[4 * j + c], &Zp[4 * c + c], prec);
            arb_poly_exp_series(e, t, len, prec);
            arb_poly_add(s, s, e, prec);
            if (c == 0 && j != 0) {
                arb_poly_exp_series(e, &Zp[4 * j + 0], len, prec);
                arb_poly_add(fp, fp, e, prec);
            }
        }
        arb_poly_log_series(t, s, len, prec);
        arb_poly_add(Lp, Lp, t, prec);
    }
    arb_poly_get_coeff_arb(out + 0, fp, 2);
    arb_mul_2exp_si(out + 0, out + 0, 1);
    arb_poly_get_coeff_arb(out + 1, Lp, 2);
    arb_mul_2exp_si(out + 1, out + 1, 1);
    for (slong q = 0; q < 16; q++) {
        arb_poly_clear(&Wp[q]);
        arb_poly_clear(&Zp[q]);
    }
    arb_poly_clear(r);
    arb_poly_clear(p);
    arb_poly_clear(t);
    arb_poly_clear(e);
    arb_poly_clear(s);
    arb_poly_clear(Lp);
    arb_poly_clear(fp);
    arb_clear(x);
}

/* closed forms (derivation, sec. 5): f''(0) = 16 C^2 expm1(-2C^2),
 * L''(0) = 4 e^{-2C^2} f''(0) / (1 + 2e^{-2C^2} + e^{-4C^2}) = 4 e^{-2C^2} f''(0) / (1 + e^{-2C^2})^2 */
static void eval_curve55_closed(arb_ptr out, const arb_t C, slong prec)
{
    arb_t x, e;
    arb_init(x);
    arb_init(e);
    arb_sqr(x, C, prec);
    arb_mul_si(e, x, -2, prec);
    arb_expm1(out + 0, e, prec);
    arb_mul(out + 0, out + 0, x, prec);
    arb_mul_ui(out + 0, out + 0, 16, prec);
    arb_exp(e, e, prec);
    arb_add_ui(x, e, 1, prec);
    arb_sqr(x, x, prec);
    arb_mul(out + 1, out + 0, e, prec);
    arb_mul_2exp_si(out + 1, out + 1, 2);
    arb_div(out + 1, out + 1, x, prec);
    arb_clear(x);
    arb_clear(e);
}

void ulpm_ex31_eval(arb_ptr out, enum ulpm_ex31_part part, const arb_t C, const fmpq_t sq, int closed, slong prec)
{
    arb_t a, b;
    arb_init(a);
    arb_init(b);
    switch (part) {
    case EX31_SEPARATION: /* Z = 2C^2 M: margins 4C^2 and 2C^2 */
        arb_sqr(out + 1, C, prec);
        arb_mul_2exp_si(out + 1, out + 1, 1);
        arb_mul_2exp_si(out + 0, out + 1, 1);
        break;
    case EX31_PARALLEL: /* mu = -2 / (1 + e^{2C^2}) (derivation, sec. 3) */
        exp_mc2(a, C, -2, prec);
        arb_add_ui(a, a, 1, prec);
        arb_set_si(out + 0, -2);
        arb_div(out + 0, out + 0, a, prec);
        break;
    case EX31_EQ9: eval_eq9(out, C, prec); break;
    case EX31_CURVE55:
        if (closed)
            eval_curve55_closed(out, C, prec);
        else
            eval_curve55(out, C, prec);
        break;
    case EX31_FAMILY10: /* 3e^{-4C^2} - 4e^{-2C^2} sqrt(eps0); 16 C^2 eps0 */
        exp_mc2(a, C, 4, prec);
        arb_mul_ui(a, a, 3, prec);
        exp_mc2(b, C, 2, prec);
        arb_mul_ui(b, b, 4, prec);
        arb_set_fmpq(out + 1, sq, prec);
        arb_mul(b, b, out + 1, prec);
        arb_sub(out + 0, a, b, prec);
        arb_sqr(out + 1, out + 1, prec);
        arb_sqr(a, C, prec);
        arb_mul(out + 1, out + 1, a, prec);
        arb_mul_ui(out + 1, out + 1, 16, prec);
        break;
    default: break;
    }
    arb_clear(a);
    arb_clear(b);
}

static void fmpq_mat_to_arb(arb_mat_t A, const fmpq_mat_t Q, slong prec)
{
    for (slong i = 0; i < 4; i++)
        for (slong j = 0; j < 4; j++) arb_set_fmpq(arb_mat_entry(A, i, j), fmpq_mat_entry(Q, i, j), prec);
}

void ulpm_ex31_loss_diff(arb_t out, const fmpq_mat_t W1, const fmpq_mat_t H1, const fmpq_t C, slong prec)
{
    arb_mat_t W, H, Z;
    arb_t c, L0, L1;
    arb_mat_init(W, 4, 4);
    arb_mat_init(H, 4, 4);
    arb_mat_init(Z, 4, 4);
    arb_init(c);
    arb_init(L0);
    arb_init(L1);
    arb_set_fmpq(c, C, prec);
    point_balls(W, c, prec);
    ulpm_ce_logits(Z, W, W, prec);
    ulpm_ce_loss_logits(L0, Z, 1, prec);
    fmpq_mat_to_arb(W, W1, prec);
    fmpq_mat_to_arb(H, H1, prec);
    ulpm_ce_logits(Z, W, H, prec);
    ulpm_ce_loss_logits(L1, Z, 1, prec);
    arb_sub(out, L1, L0, prec);
    arb_mat_clear(W);
    arb_mat_clear(H);
    arb_mat_clear(Z);
    arb_clear(c);
    arb_clear(L0);
    arb_clear(L1);
}

slong ulpm_ex31_family10_k(const fmpq_t c_lo, const fmpq_t c_hi)
{
    /* want 2^-k <= (3/8) e^{2 c_lo^2 - 4 c_hi^2}: a factor 2 below the lemma's bound 3/4 */
    double lo = fmpq_get_d(c_lo), hi = fmpq_get_d(c_hi);
    double ex = 4 * hi * hi - 2 * lo * lo; /* >= 0 when the leaf is short */
    slong k = (slong)ceil((ex / log(2.0)) - log2(3.0 / 8.0)) + 1;
    return k < 1 ? 1 : k;
}
