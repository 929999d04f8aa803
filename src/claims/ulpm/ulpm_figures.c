/* ulpm_figures.c: owns the mathematics of nccert report's ulpm figures (ulpm_figures.h):
 * Example 3.1's loss along the appendix curve (55) and the main-text family (10), and the
 * printed against the derived coefficient of M in (9). Closed forms of
 * proofs/derivations/ulpm-example-3.1.md, Arb at 128 bits (illustrations, not certificates). */
#include <arb.h>
#include "claims/ulpm/ulpm_figures.h"

static double mid(const arb_t x)
{
    return arf_get_d(arb_midref(x), ARF_RND_NEAR);
}

/* pt = (dist, L - L0) with L = 4 log(1 + t), a point of the Example 3.1 figure (t is overwritten) */
static void ulpm_ex31_point(double pt[2], const arb_t dist, arb_t t, const arb_t L0, slong prec)
{
    arb_add_ui(t, t, 1, prec);
    arb_log(t, t, prec);
    arb_mul_ui(t, t, 4, prec);
    arb_sub(t, t, L0, prec);
    pt[0] = mid(dist);
    pt[1] = mid(t);
}

void ulpm_figure_example31(double curve55[][2], double family10[][2], const char *Cs)
{
    slong prec = 128;
    arb_t C2, L0, t, u, v, a, s, dist, eps, beta;
    arb_init(C2);
    arb_init(L0);
    arb_init(t);
    arb_init(u);
    arb_init(v);
    arb_init(a);
    arb_init(s);
    arb_init(dist);
    arb_init(eps);
    arb_init(beta);
    arb_set_str(C2, Cs, prec);
    arb_sqr(C2, C2, prec);
    /* L0 = 4 log(1 + e^{-4C^2} + 2 e^{-2C^2}) */
    arb_mul_si(t, C2, -4, prec);
    arb_exp(t, t, prec);
    arb_mul_si(u, C2, -2, prec);
    arb_exp(u, u, prec);
    arb_mul_2exp_si(u, u, 1);
    arb_add(L0, t, u, prec);
    arb_add_ui(L0, L0, 1, prec);
    arb_log(L0, L0, prec);
    arb_mul_ui(L0, L0, 4, prec);
    for (int i = 1; i <= ULPM_FIG_EX31_N; i++) {
        arb_set_si(a, i);
        arb_div_ui(a, a, 400, prec); /* a in (0, 1/2] */
        arb_sqr(s, a, prec);
        arb_mul_2exp_si(s, s, 1);
        arb_add_ui(s, s, 1, prec); /* 1 + 2a^2 */
        /* f(a) = e^{C^2(4a^2-2)/(1+2a^2)} + 2 e^{-4C^2 a^2/(1+2a^2)} */
        arb_sqr(t, a, prec);
        arb_mul_ui(t, t, 4, prec);
        arb_sub_ui(t, t, 2, prec);
        arb_mul(t, t, C2, prec);
        arb_div(t, t, s, prec);
        arb_exp(t, t, prec);
        arb_sqr(u, a, prec);
        arb_mul_si(u, u, -4, prec);
        arb_mul(u, u, C2, prec);
        arb_div(u, u, s, prec);
        arb_exp(u, u, prec);
        arb_mul_2exp_si(u, u, 1);
        arb_add(t, t, u, prec);
        arb_mul_si(u, C2, -2, prec);
        arb_exp(u, u, prec);
        arb_mul(t, t, u, prec);
        /* dist^2 = 32 C^2 (r - 1)/r, r = sqrt(1 + 2a^2) */
        arb_sqrt(v, s, prec);
        arb_sub_ui(dist, v, 1, prec);
        arb_div(dist, dist, v, prec);
        arb_mul(dist, dist, C2, prec);
        arb_mul_ui(dist, dist, 32, prec);
        ulpm_ex31_point(curve55[i - 1], dist, t, L0, prec);
    }
    for (int i = 1; i <= ULPM_FIG_EX31_N; i++) {
        /* eps from 2^-14 to 2^-1 geometrically; alpha = -1 + eps, beta = -sqrt(eps(2-eps)/2) */
        arb_set_si(eps, i);
        arb_mul_ui(eps, eps, 13, prec);
        arb_div_ui(eps, eps, 200, prec);
        arb_sub_ui(eps, eps, 14, prec);
        arb_set_ui(t, 2);
        arb_pow(eps, t, eps, prec);
        arb_sub_ui(t, eps, 2, prec);
        arb_neg(t, t);
        arb_mul(t, t, eps, prec);
        arb_mul_2exp_si(t, t, -1);
        arb_sqrt(beta, t, prec);
        arb_neg(beta, beta);
        /* partner margin C^2 (2 - eps)^2, other pair 2 C^2 (1 - beta eps) */
        arb_sub_ui(t, eps, 2, prec);
        arb_sqr(t, t, prec);
        arb_mul(t, t, C2, prec);
        arb_neg(t, t);
        arb_exp(t, t, prec);
        arb_mul(u, beta, eps, prec);
        arb_sub_ui(u, u, 1, prec);
        arb_mul(u, u, C2, prec);
        arb_mul_2exp_si(u, u, 1);
        arb_exp(u, u, prec);
        arb_mul_2exp_si(u, u, 1);
        arb_add(t, t, u, prec);
        arb_mul(dist, eps, C2, prec);
        arb_mul_ui(dist, dist, 16, prec);
        ulpm_ex31_point(family10[i - 1], dist, t, L0, prec);
    }
    arb_clear(C2);
    arb_clear(L0);
    arb_clear(t);
    arb_clear(u);
    arb_clear(v);
    arb_clear(a);
    arb_clear(s);
    arb_clear(dist);
    arb_clear(eps);
    arb_clear(beta);
}

void ulpm_figure_eq9(double pts[][3])
{
    slong prec = 128;
    arb_t C, x, ep, em, num, pr, de;
    arb_init(C);
    arb_init(x);
    arb_init(ep);
    arb_init(em);
    arb_init(num);
    arb_init(pr);
    arb_init(de);
    for (int i = 1; i <= ULPM_FIG_EQ9_N; i++) {
        arb_set_si(C, i);
        arb_div_ui(C, C, 100, prec);
        arb_sqr(x, C, prec);
        arb_mul_2exp_si(x, x, 1);
        arb_exp(ep, x, prec);
        arb_neg(x, x);
        arb_exp(em, x, prec);
        arb_mul_2exp_si(num, em, 1);
        arb_add_ui(num, num, 2, prec);
        arb_mul(num, num, C, prec);
        arb_neg(num, num);
        arb_add(pr, ep, em, prec);
        arb_mul_2exp_si(pr, pr, 1);
        arb_add_ui(pr, pr, 2, prec);
        arb_div(pr, num, pr, prec);
        arb_add(de, ep, em, prec);
        arb_add_ui(de, de, 2, prec);
        arb_div(de, num, de, prec);
        pts[i - 1][0] = mid(C);
        pts[i - 1][1] = mid(pr);
        pts[i - 1][2] = mid(de);
    }
    arb_clear(C);
    arb_clear(x);
    arb_clear(ep);
    arb_clear(em);
    arb_clear(num);
    arb_clear(pr);
    arb_clear(de);
}
