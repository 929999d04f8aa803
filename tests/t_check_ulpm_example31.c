/* t_check_ulpm_example31.c: the checker's arithmetic for ulpm.example-3.1 against answers
 * computed by hand (proofs/derivations/ulpm-example-3.1.md): the KKT quantities of (5) with
 * the multipliers (8) at t^2 = 1/2, 1/8, 1; the gradient structure; mu = -2/(1 + e^{2C^2}),
 * the coefficient of (9) as derived, -2C/(1 + e^{2C^2}), and as printed; f''(0) = 16 C^2
 * (e^{-2C^2} - 1); at C = 1 and at a random dyadic C (seed from NCCERT_TEST_SEED, printed). */
#include <stdlib.h>
#include <time.h>
#include "ulpm/check_ulpm_example31.h"
#include "tap.h"

static int q_is(const mpq_t q, long num, unsigned long den)
{
    mpq_t t;
    mpq_init(t);
    mpq_set_si(t, num, den);
    mpq_canonicalize(t);
    int ok = mpq_equal(q, t);
    mpq_clear(t);
    return ok;
}

/* x contains the value v (an MPFR number computed independently, with error < 2^-100) */
/* x (a narrow interval) agrees with the reference v, computed with a few correctly rounded
 * 256-bit steps, to a relative 2^-200 (far below any discrepancy the claims are about). */
static int near(mpfi_srcptr x, const mpfr_t v)
{
    mpfr_t lo, hi, tol;
    mpfr_inits2(300, lo, hi, tol, (mpfr_ptr)0);
    mpfr_abs(tol, v, MPFR_RNDU);
    mpfr_mul_2si(tol, tol, -200, MPFR_RNDU);
    mpfr_sub(lo, v, tol, MPFR_RNDD);
    mpfr_add(hi, v, tol, MPFR_RNDU);
    mpfr_t wd;
    mpfr_init2(wd, 64);
    mpfi_diam_abs(wd, x);
    int ok = mpfr_cmp(&x->left, hi) <= 0 && mpfr_cmp(&x->right, lo) >= 0 && mpfr_cmp_d(wd, 1e-60) < 0;
    mpfr_clears(lo, hi, tol, wd, (mpfr_ptr)0);
    return ok;
}

static void check_C(const mpq_t C, const char *label)
{
    long gaps[3], counts[3];
    mpq_t rW[3], rH[3], rIW, rIH, sq;
    mpfi_t c, out[3];
    mpfr_t v, w, e2;
    for (int t = 0; t < 3; t++) mpq_init(rW[t]), mpq_init(rH[t]), mpfi_init2(out[t], 256);
    mpq_inits(rIW, rIH, sq, NULL);
    mpfi_init2(c, 256);
    mpfr_inits2(256, v, w, e2, (mpfr_ptr)0);
    mpfi_set_q(c, C);
    ck_ulpm_ex31_structure(gaps, counts, rW, rIW, rH, rIH);
    mpfr_set_q(e2, C, MPFR_RNDN); /* C is dyadic here: exact */
    mpfr_sqr(e2, e2, MPFR_RNDN);
    mpfr_mul_2ui(e2, e2, 1, MPFR_RNDN); /* 2C^2 */
    mpfr_exp(w, e2, MPFR_RNDN);
    mpfr_add_ui(w, w, 1, MPFR_RNDN);
    mpfr_ui_div(v, 2, w, MPFR_RNDN);
    mpfr_neg(v, v, MPFR_RNDN); /* mu = -2/(1 + e^{2C^2}) */
    ck_ulpm_ex31_eval(out[0], CK_ULPM_EX31_PAR, c, sq, gaps, counts, rW, rIW);
    tap_ok(near(out[0], v), "%s: mu = -2/(1 + e^{2C^2})", label);
    mpfr_mul_q(v, v, C, MPFR_RNDN); /* derived coefficient of (9): C mu */
    ck_ulpm_ex31_eval(out[0], CK_ULPM_EX31_EQ9, c, sq, gaps, counts, rW, rIW);
    tap_ok(near(&out[0][0], v), "%s: grad_W[0][0] = -2C/(1 + e^{2C^2})", label);
    mpfr_neg(w, e2, MPFR_RNDN);
    mpfr_exp(w, w, MPFR_RNDN); /* e^{-2C^2} */
    mpfr_t p, d;
    mpfr_inits2(256, p, d, (mpfr_ptr)0);
    mpfr_add_ui(p, w, 1, MPFR_RNDN); /* printed: -C (1 + e^-u)/(1 + e^-u + e^u) */
    mpfr_exp(d, e2, MPFR_RNDN);
    mpfr_add(d, d, p, MPFR_RNDN);
    mpfr_div(p, p, d, MPFR_RNDN);
    mpfr_mul_q(p, p, C, MPFR_RNDN);
    mpfr_neg(p, p, MPFR_RNDN);
    tap_ok(near(&out[1][0], p), "%s: (9) as printed", label);
    tap_ok(mpfi_is_strictly_neg(out[2]), "%s: derived - printed < 0", label);
    mpfr_neg(d, e2, MPFR_RNDN);
    mpfr_expm1(d, d, MPFR_RNDN); /* e^{-2C^2} - 1 without cancellation */
    mpfr_mul(d, d, e2, MPFR_RNDN);
    mpfr_mul_ui(d, d, 8, MPFR_RNDN); /* 16 C^2 (e^{-2C^2} - 1) = 8 (2C^2)(...) */
    ck_ulpm_ex31_eval(out[0], CK_ULPM_EX31_C55, c, sq, gaps, counts, rW, rIW);
    tap_ok(near(out[0], d), "%s: f''(0) = 16 C^2 (e^{-2C^2} - 1)", label);
    mpfr_clears(p, d, (mpfr_ptr)0);
    for (int t = 0; t < 3; t++) mpq_clear(rW[t]), mpq_clear(rH[t]), mpfi_clear(out[t]);
    mpq_clears(rIW, rIH, sq, NULL);
    mpfi_clear(c);
    mpfr_clears(v, w, e2, (mpfr_ptr)0);
}

int main(void)
{
    mpq_t st, mm, ml, cs, t2, C;
    mpq_inits(st, mm, ml, cs, t2, C, NULL);
    /* (W,H)/(sqrt2 C) = M/sqrt2: t^2 = 1/2, margins 1 (cross) and 2 (partner) */
    mpq_set_si(t2, 1, 2);
    ck_ulpm_ex31_kkt(st, mm, ml, cs, t2);
    tap_ok(q_is(st, 0, 1) && q_is(mm, 1, 1) && q_is(ml, 0, 1) && q_is(cs, 0, 1), "KKT at M/sqrt2 with (8)");
    mpq_set_si(t2, 1, 8); /* divided by 2 sqrt2 C: margins 1/4 */
    ck_ulpm_ex31_kkt(st, mm, ml, cs, t2);
    tap_ok(q_is(st, 0, 1) && q_is(mm, 1, 4), "M/(2 sqrt2): stationary, min margin 1/4 (infeasible)");
    mpq_set_si(t2, 1, 1); /* C M at C = 1: 8 cross pairs, (1/2 (2-1))^2 each */
    ck_ulpm_ex31_kkt(st, mm, ml, cs, t2);
    tap_ok(q_is(mm, 2, 1) && q_is(cs, 2, 1), "C M at C = 1: min margin 2, complementarity^2 = 2");
    long gaps[3], counts[3];
    mpq_t rW[3], rH[3], rIW, rIH;
    for (int t = 0; t < 3; t++) mpq_init(rW[t]), mpq_init(rH[t]);
    mpq_inits(rIW, rIH, NULL);
    int ok = ck_ulpm_ex31_structure(gaps, counts, rW, rIW, rH, rIH);
    tap_ok(ok && counts[0] == 1 && counts[1] == 2 && counts[2] == 1 && q_is(rW[0], 1, 1) && q_is(rW[1], 0, 1) &&
               q_is(rW[2], -1, 1) && q_is(rIW, 1, 1) && q_is(rH[2], -1, 1),
           "gradient structure: gaps 0,-2,-4 x 1,2,1; ratios 1, 0, -1; identity 1");
    mpq_set_si(C, 1, 1);
    check_C(C, "C=1");
    const char *env = getenv("NCCERT_TEST_SEED");
    unsigned long seed = env ? strtoul(env, NULL, 10) : (unsigned long)time(NULL);
    tap_diag("NCCERT_TEST_SEED=%lu", seed);
    srand((unsigned)seed);
    mpq_set_si(C, 1 + rand() % 1024, 256); /* dyadic C in (0, 4] */
    check_C(C, "random dyadic C");
    for (int t = 0; t < 3; t++) mpq_clear(rW[t]), mpq_clear(rH[t]);
    mpq_clears(rIW, rIH, st, mm, ml, cs, t2, C, NULL);
    return tap_done();
}
