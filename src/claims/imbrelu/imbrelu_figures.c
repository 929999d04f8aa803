/* imbrelu_figures.c: owns the mathematics of nccert report's imbrelu figures
 * (imbrelu_figures.h): the phase boundaries of eq. (6) in (R, lambda_W lambda_H), Arb at 128
 * bits (drawn, not certified). */
#include <arb.h>
#include "claims/imbrelu/imbrelu_figures.h"

static double mid(const arb_t x)
{
    return arf_get_d(arb_midref(x), ARF_RND_NEAR);
}

void imbrelu_figure_phases(double pts[][3], int KA, int KB, int nB)
{
    slong prec = 128;
    int K = KA + KB;
    arb_t R, N2, lm, lc;
    arb_init(R);
    arb_init(N2);
    arb_init(lm);
    arb_init(lc);
    for (int i = 0; i < IMBRELU_FIG_PHASE_N; i++) {
        arb_set_si(R, i);
        arb_div_ui(R, R, 50, prec);
        arb_set_ui(N2, 10);
        arb_pow(R, N2, R, prec); /* 1..1e4 */
        arb_mul_si(N2, R, KA, prec);
        arb_add_si(N2, N2, KB, prec);
        arb_mul_si(N2, N2, nB, prec);
        arb_sqr(N2, N2, prec);
        arb_set_si(lm, (K - 1) * nB);
        arb_div_si(lm, lm, K, prec);
        arb_div(lm, lm, N2, prec);
        arb_mul(lc, lm, R, prec);
        pts[i][0] = mid(R);
        pts[i][1] = mid(lm);
        pts[i][2] = mid(lc);
    }
    arb_clear(R);
    arb_clear(N2);
    arb_clear(lm);
    arb_clear(lc);
}
