/* msecp_dynamics_figure.c: writes the data of the msecp dynamics figure: omega_j(t) for the
 * flow of eq. (5) with Proposition 4's (oblique) Pi, law  omega' = omega / (CN (C + omega^2)),
 * and for Lemma 5's law omega' = omega / (N (C + omega^2)^2) (= the flow with the orthogonal
 * projection), each as (a) the closed form solved rigorously for omega (Arb bisection with
 * certified signs) and (b) a validated Taylor-2 enclosure of the ODE (a-priori bound from the
 * global bound of f, 1-D order preservation: lower/upper trajectories); and (c) the continually
 * renormalised gradient descent of D.1 with step eta, which in aligned coordinates is exactly
 * omega+ = omega (1 + eta/(N (C+w^2)^2)) / (1 - eta w^2/(CN (C+w^2)^2)) (msecp-dynamics.md).
 * Build: cc -std=c11 -frounding-math -O2 -Isrc bench/msecp_dynamics_figure.c -lflint-arb -lflint
 *        -lmpfr -lgmp -o /tmp/msecp_fig && /tmp/msecp_fig > proofs/derivations/msecp-dynamics-omega.tsv */
#include <stdio.h>
#include <arb.h>

#define PREC 128
static long CC = 4, NN = 4;

/* law 0: oblique (Prop. 4 Pi); law 1: Lemma 5. f and f' at w. */
static void f_eval(arb_t f, arb_t fp, const arb_t w, int law)
{
    arb_t s, t, d;
    arb_init(s), arb_init(t), arb_init(d);
    arb_mul(s, w, w, PREC);
    arb_add_si(t, s, CC, PREC); /* C + w^2 */
    if (law == 0) {
        arb_mul_si(d, t, CC * NN, PREC);
        arb_div(f, w, d, PREC);
        arb_sub_si(fp, s, CC, PREC), arb_neg(fp, fp); /* C - w^2 */
        arb_mul(d, d, t, PREC);
        arb_div(fp, fp, d, PREC);
    } else {
        arb_mul(d, t, t, PREC);
        arb_mul_si(d, d, NN, PREC);
        arb_div(f, w, d, PREC);
        arb_mul_si(fp, s, 3, PREC), arb_neg(fp, fp), arb_add_si(fp, fp, CC, PREC); /* C - 3 w^2 */
        arb_mul(d, d, t, PREC);
        arb_div(fp, fp, d, PREC);
    }
    arb_clear(s), arb_clear(t), arb_clear(d);
}

/* closed forms times 1: law 0: C^2 N log w + (CN/2) w^2; law 1 (Prop. 2): C^2 N log w + CN w^2 + (N/4) w^4 */
static void F_eval(arb_t F, const arb_t w, int law)
{
    arb_t l, s, u;
    arb_init(l), arb_init(s), arb_init(u);
    arb_log(l, w, PREC);
    arb_mul_si(l, l, CC * CC * NN, PREC);
    arb_mul(s, w, w, PREC);
    if (law == 0) {
        arb_mul_si(u, s, CC * NN, PREC), arb_mul_2exp_si(u, u, -1);
    } else {
        arb_mul_si(u, s, CC * NN, PREC);
        arb_mul(s, s, s, PREC), arb_mul_si(s, s, NN, PREC), arb_mul_2exp_si(s, s, -2);
        arb_add(u, u, s, PREC);
    }
    arb_add(F, l, u, PREC);
    arb_clear(l), arb_clear(s), arb_clear(u);
}

/* [lo, hi] containing the w > w0 with F(w) = F(w0) + t (F increasing): bisection, signs certified */
static void closed_solve(arb_t out, const arb_t w0, double t, int law)
{
    arb_t target, lo, hi, mid, v;
    arb_init(target), arb_init(lo), arb_init(hi), arb_init(mid), arb_init(v);
    F_eval(target, w0, law);
    arb_set_d(v, t);
    arb_add(target, target, v, PREC);
    arf_set(arb_midref(lo), arb_midref(w0)), mag_zero(arb_radref(lo));
    arb_set_d(hi, 1.0 + t); /* w <= w0 + t max f <= 1 + t for w0 <= 1 .. generous */
    arb_add(hi, hi, w0, PREC);
    for (int k = 0; k < 100; k++) {
        arb_add(mid, lo, hi, PREC), arb_mul_2exp_si(mid, mid, -1);
        arf_set(arb_midref(v), arb_midref(mid)), mag_zero(arb_radref(v));
        arb_set(mid, v);
        F_eval(v, mid, law);
        arb_sub(v, v, target, PREC);
        if (arb_is_negative(v))
            arb_set(lo, mid);
        else if (arb_is_positive(v))
            arb_set(hi, mid);
        else
            break;
    }
    arb_union(out, lo, hi, PREC);
    arb_clear(target), arb_clear(lo), arb_clear(hi), arb_clear(mid), arb_clear(v);
}

/* one validated Taylor-2 step of size h from the point (exact ball) w, upper (dir=1) or lower (dir=0) */
static void ode_step(arb_t w, double h, int law, int dir)
{
    arb_t B, f, fp, g, gp, r, hh;
    arb_init(B), arb_init(f), arb_init(fp), arb_init(g), arb_init(gp), arb_init(r), arb_init(hh);
    arb_set_d(hh, h);
    /* a priori: w(s) in [w, w + h fmax], fmax = 1/(2 C N) (law 0) or 1/(2 N) (law 1) */
    arb_set_si(r, law == 0 ? 2 * CC * NN : 2 * NN);
    arb_inv(r, r, PREC);
    arb_mul(r, r, hh, PREC);
    arb_add(r, r, w, PREC);
    arb_union(B, w, r, PREC);
    f_eval(f, fp, w, law);
    f_eval(g, gp, B, law);
    arb_mul(g, g, gp, PREC); /* w'' = f' f on B */
    arb_mul(g, g, hh, PREC), arb_mul(g, g, hh, PREC), arb_mul_2exp_si(g, g, -1);
    arb_mul(f, f, hh, PREC);
    arb_add(w, w, f, PREC);
    arb_add(w, w, g, PREC);
    arf_t e;
    arf_init(e);
    if (dir)
        arb_get_ubound_arf(e, w, PREC);
    else
        arb_get_lbound_arf(e, w, PREC);
    arb_set_arf(w, e);
    arf_clear(e);
    arb_clear(B), arb_clear(f), arb_clear(fp), arb_clear(g), arb_clear(gp), arb_clear(r), arb_clear(hh);
}

static void disc_step(arb_t w, const arb_t eta)
{
    arb_t s, t, a, b;
    arb_init(s), arb_init(t), arb_init(a), arb_init(b);
    arb_mul(s, w, w, PREC);
    arb_add_si(t, s, CC, PREC);
    arb_mul(t, t, t, PREC); /* (C + w^2)^2 */
    arb_mul_si(a, t, NN, PREC), arb_div(a, eta, a, PREC), arb_add_si(a, a, 1, PREC);
    arb_mul_si(b, t, CC * NN, PREC), arb_div(b, s, b, PREC), arb_mul(b, b, eta, PREC);
    arb_neg(b, b), arb_add_si(b, b, 1, PREC);
    arb_mul(w, w, a, PREC), arb_div(w, w, b, PREC);
    arb_clear(s), arb_clear(t), arb_clear(a), arb_clear(b);
}

int main(void)
{
    const double w0s[3] = {0.5, 1.0, 2.5}, T = 400, h = 0.125, out_every = 10;
    arb_t w0, c0, c1, lo0, hi0, lo1, hi1, d, eta;
    arb_init(w0), arb_init(c0), arb_init(c1), arb_init(lo0), arb_init(hi0), arb_init(lo1), arb_init(hi1);
    arb_init(d), arb_init(eta);
    arb_set_d(eta, 1.0 / 64);
    printf("# C=%ld N=%ld; laws: obl = flow (5) with Prop. 4 Pi (= renormalised GD), l5 = Lemma 5 / Prop. 2 "
           "(= flow with the orthogonal projection); disc = renormalised GD, eta = 1/64\n",
           CC, NN);
    printf("t\tj\tomega0\tclosed_obl_lo\tclosed_obl_hi\tode_obl_lo\tode_obl_hi\tclosed_prop2_lo\tclosed_prop2_hi"
           "\tode_l5_lo\tode_l5_hi\tdisc_lo\tdisc_hi\n");
    for (int j = 0; j < 3; j++) {
        arb_set_d(w0, w0s[j]);
        arb_set(lo0, w0), arb_set(hi0, w0), arb_set(lo1, w0), arb_set(hi1, w0), arb_set(d, w0);
        long steps = (long)(T / h), per = (long)(out_every / h), dper = (long)(h * 64);
        for (long k = 0; k <= steps; k++) {
            double t = k * h;
            if (k % per == 0) {
                closed_solve(c0, w0, t, 0);
                closed_solve(c1, w0, t, 1);
                if (k == 0) arb_set(c0, w0), arb_set(c1, w0);
                printf("%g\t%d\t%g", t, j, w0s[j]);
                arb_t *col[5] = {&c0, &lo0, &c1, &lo1, &d};
                for (int q = 0; q < 5; q++) {
                    arf_t l, u;
                    arf_init(l), arf_init(u);
                    if (q == 1 || q == 3) {
                        arb_get_lbound_arf(l, *col[q], PREC);
                        arb_get_ubound_arf(u, q == 1 ? hi0 : hi1, PREC);
                    } else {
                        arb_get_lbound_arf(l, *col[q], PREC);
                        arb_get_ubound_arf(u, *col[q], PREC);
                    }
                    printf("\t%.17g\t%.17g", arf_get_d(l, ARF_RND_FLOOR), arf_get_d(u, ARF_RND_CEIL));
                    arf_clear(l), arf_clear(u);
                }
                printf("\n");
            }
            ode_step(lo0, h, 0, 0), ode_step(hi0, h, 0, 1), ode_step(lo1, h, 1, 0), ode_step(hi1, h, 1, 1);
            for (long q = 0; q < dper; q++) disc_step(d, eta);
        }
    }
    return 0;
}
