/* ulpm_printed_exp.c: parts eq58 and eq12 of ulpm.printed.
 * eq58: (58)'s printed f'(a) against the derivative of f(a) = e^{A(a)} + 2 e^{B(a)} of (57)
 * (C = 1, A = (4a^2-2)/(1+2a^2), B = -4a^2/(1+2a^2)), at a rational a. Both are
 * c1 e^{A(a)} + c2 e^{B(a)} with rational c1, c2: the derived ones come from the quotient rule
 * applied to A and B as polynomial quotients (fmpq_poly), the printed ones from the printed
 * brackets; equal coefficients prove equality exactly, and both values are enclosed in Arb.
 * eq12: at the NC point W = I_K - 1 1^T/K (d = K), h_{k,i} = w_k/sqrt(n), the inner product
 * printed in (12) (left side "hh" = h_{k,i}.h_{j,i'} or "wh" = w_k.h_{j,i}, k != j) against
 * the printed value -(||W||^2 + ||H||^2)/(c K (K-1) sqrt(n)), exactly in Q(sqrt(n)). */
#include <string.h>
#include <flint/fmpq_poly.h>
#include "cert/cert.h"
#include "claims/ulpm/ulpm_def21_quantity.h"
#include "claims/ulpm/ulpm_printed.h"
#include "exact/qsqrt.h"

/* r = (N/D)'(a) by the quotient rule */
static void quot_deriv(fmpq_t r, const fmpq_poly_t N, const fmpq_poly_t D, const fmpq_t a)
{
    fmpq_poly_t dN, dD, num;
    fmpq_poly_init(dN), fmpq_poly_init(dD), fmpq_poly_init(num);
    fmpq_poly_derivative(dN, N);
    fmpq_poly_derivative(dD, D);
    fmpq_poly_mul(dN, dN, D);
    fmpq_poly_mul(dD, dD, N);
    fmpq_poly_sub(num, dN, dD);
    fmpq_t v, w;
    fmpq_init(v), fmpq_init(w);
    fmpq_poly_evaluate_fmpq(v, num, a);
    fmpq_poly_evaluate_fmpq(w, D, a);
    fmpq_mul(w, w, w);
    fmpq_div(r, v, w);
    fmpq_clear(v), fmpq_clear(w);
    fmpq_poly_clear(dN), fmpq_poly_clear(dD), fmpq_poly_clear(num);
}

/* out = c1 e^{e1} + c2 e^{e2} */
static void two_exp(arb_t out, const fmpq_t c1, const fmpq_t e1, const fmpq_t c2, const fmpq_t e2, slong prec)
{
    arb_t x, y;
    arb_init(x), arb_init(y);
    arb_set_fmpq(x, e1, prec);
    arb_exp(x, x, prec);
    arb_mul_fmpz(x, x, fmpq_numref(c1), prec);
    arb_div_fmpz(x, x, fmpq_denref(c1), prec);
    arb_set_fmpq(y, e2, prec);
    arb_exp(y, y, prec);
    arb_mul_fmpz(y, y, fmpq_numref(c2), prec);
    arb_div_fmpz(y, y, fmpq_denref(c2), prec);
    arb_add(out, x, y, prec);
    arb_clear(x), arb_clear(y);
}

int ulpm_up_part_eq58(const json_t *inst, ulpm_up_out *r, nc_error *err)
{
    static const char *const keys[] = {"kind", "part", "a", NULL};
    fmpq_t a, D, A, B, d1, d2, p1, p2, t;
    fmpq_init(a), fmpq_init(D), fmpq_init(A), fmpq_init(B), fmpq_init(d1), fmpq_init(d2);
    fmpq_init(p1), fmpq_init(p2), fmpq_init(t);
    int bad = ulpm_up_keys(inst, keys, err) || ulpm_up_rational(a, inst, "a", err);
    if (!bad && (fmpz_bits(fmpq_numref(a)) > 20 || fmpz_bits(fmpq_denref(a)) > 20))
        bad = nc_error_set(err, 2, "instance.a: numerator and denominator below 2^20 required");
    if (bad) goto done;
    fmpq_poly_t NA, NB, DP;
    fmpq_poly_init(NA), fmpq_poly_init(NB), fmpq_poly_init(DP);
    fmpq_poly_set_coeff_si(NA, 2, 4), fmpq_poly_set_coeff_si(NA, 0, -2); /* 4x^2 - 2 */
    fmpq_poly_set_coeff_si(NB, 2, -4);                                   /* -4x^2 */
    fmpq_poly_set_coeff_si(DP, 2, 2), fmpq_poly_set_coeff_si(DP, 0, 1);  /* 1 + 2x^2 */
    fmpq_poly_evaluate_fmpq(D, DP, a);
    fmpq_poly_evaluate_fmpq(A, NA, a), fmpq_div(A, A, D);
    fmpq_poly_evaluate_fmpq(B, NB, a), fmpq_div(B, B, D);
    quot_deriv(d1, NA, DP, a); /* f' = A' e^A + 2 B' e^B */
    quot_deriv(d2, NB, DP, a);
    fmpq_mul_si(d2, d2, 2);
    fmpq_poly_clear(NA), fmpq_poly_clear(NB), fmpq_poly_clear(DP);
    /* printed: e^A (8a/D - 8a(2a^2-1)/D^2) + 2 e^B (16a^3/D^2 - 8a/D) */
    fmpq_mul_si(p1, a, 8), fmpq_div(p1, p1, D);
    fmpq_mul(t, a, a), fmpq_mul_si(t, t, 2), fmpq_sub_si(t, t, 1), fmpq_mul(t, t, a), fmpq_mul_si(t, t, 8);
    fmpq_div(t, t, D), fmpq_div(t, t, D);
    fmpq_sub(p1, p1, t);
    fmpq_mul(p2, a, a), fmpq_mul(p2, p2, a), fmpq_mul_si(p2, p2, 16), fmpq_div(p2, p2, D), fmpq_div(p2, p2, D);
    fmpq_mul_si(t, a, 8), fmpq_div(t, t, D);
    fmpq_sub(p2, p2, t), fmpq_mul_si(p2, p2, 2);
    arb_t vp, vd;
    arb_init(vp), arb_init(vd);
    slong prec = 128;
    two_exp(vp, p1, A, p2, B, prec);
    two_exp(vd, d1, A, d2, B, prec);
    int eq = fmpq_equal(p1, d1) && fmpq_equal(p2, d2), differ = !eq && !arb_overlaps(vp, vd);
    r->q = json_object();
    json_object_set_new(r->q, "coef_exp1_printed", ulpm_rational_quantity(p1));
    json_object_set_new(r->q, "coef_exp1_derived", ulpm_rational_quantity(d1));
    json_object_set_new(r->q, "coef_exp2_printed", ulpm_rational_quantity(p2));
    json_object_set_new(r->q, "coef_exp2_derived", ulpm_rational_quantity(d2));
    json_object_set_new(r->q, "fprime_printed", ulpm_widened_quantity(vp, -20));
    json_object_set_new(r->q, "fprime_derived", ulpm_widened_quantity(vd, -20));
    r->w = json_object();
    r->tier = 2, r->prec = prec;
    r->label = "(57)-(58) (seed 000), C = 1";
    r->statement = "f'(a) = e^{(4a^2-2)/(1+2a^2)} (8a/(1+2a^2) - 8a(2a^2-1)/(1+2a^2)^2) + 2 e^{-4a^2/(1+2a^2)} "
                   "(16a^3/(1+2a^2)^2 - 8a/(1+2a^2)) for f(a) = e^{(4a^2-2)/(1+2a^2)} + 2 e^{-4a^2/(1+2a^2)}";
    r->assertion = eq ? "printed f'(a) = derived f'(a)" : differ ? "printed f'(a) != derived f'(a)" : "none";
    r->verdict = eq ? NC_PROVED : differ ? NC_REFUTED : NC_INCONCLUSIVE;
    arb_clear(vp), arb_clear(vd);
done:
    fmpq_clear(a), fmpq_clear(D), fmpq_clear(A), fmpq_clear(B), fmpq_clear(d1), fmpq_clear(d2);
    fmpq_clear(p1), fmpq_clear(p2), fmpq_clear(t);
    return bad ? err->status : 0;
}

int ulpm_up_part_eq12(const json_t *inst, ulpm_up_out *r, nc_error *err)
{
    static const char *const keys[] = {"kind", "part", "K", "n", "lhs", "const", NULL};
    long K, n;
    fmpq_t c, t;
    fmpq_init(c), fmpq_init(t);
    const char *lhs = json_string_value(json_object_get(inst, "lhs"));
    int bad = ulpm_up_keys(inst, keys, err) || ulpm_up_int(&K, inst, "K", 2, 64, err) ||
              ulpm_up_int(&n, inst, "n", 1, 10000, err) || ulpm_up_rational(c, inst, "const", err);
    if (!bad && fmpq_sgn(c) <= 0) bad = nc_error_set(err, 2, "instance.const: must be > 0");
    if (!bad && (!lhs || (strcmp(lhs, "hh") && strcmp(lhs, "wh"))))
        bad = nc_error_set(err, 2, "instance.lhs: \"hh\" (h_{k,i}.h_{j,i'}) or \"wh\" (w_k.h_{j,i}) required");
    if (bad) goto done;
    qsqrt_t x, y, rho;
    qsqrt_init(x), qsqrt_init(y), qsqrt_init(rho);
    /* w_0.w_1 summed from the entries of I - 1 1^T/K; ||W||^2 = sum_k ||w_k||^2; ||H||^2 =
     * n sum_k ||w_k||^2 / n */
    fmpq_t wk, wj, g, nw;
    fmpq_init(wk), fmpq_init(wj), fmpq_init(g), fmpq_init(nw);
    for (long l = 0; l < K; l++) {
        fmpq_set_si(wk, (l == 0) * K - 1, K);
        fmpq_set_si(wj, (l == 1) * K - 1, K);
        fmpq_addmul(g, wk, wj);
    }
    for (long k = 0; k < K; k++)
        for (long l = 0; l < K; l++) {
            fmpq_set_si(wk, (l == k) * K - 1, K);
            fmpq_addmul(nw, wk, wk);
        }
    fmpq_mul_si(rho->a, nw, 2); /* ||W||^2 + ||H||^2 */
    if (!strcmp(lhs, "hh"))
        ulpm_up_div_si(x->a, g, n); /* (w_0/sqrt n).(w_1/sqrt n) */
    else
        ulpm_up_div_si(x->b, g, n);     /* w_0.w_1/sqrt(n) = (g/n) sqrt(n) */
    fmpq_mul_si(t, c, K * (K - 1) * n); /* -rho^2 sqrt(n) / (c K (K-1) n) */
    fmpq_div(y->b, rho->a, t);
    fmpq_neg(y->b, y->b);
    int eq = qsqrt_equal(x, y, n);
    r->q = json_object();
    json_object_set_new(r->q, "lhs_value", ulpm_exact_quantity(x, n));
    json_object_set_new(r->q, "printed_value", ulpm_exact_quantity(y, n));
    json_object_set_new(r->q, "rho_sq", ulpm_exact_quantity(rho, n));
    r->w = json_pack("{s:I, s:I}", "k", (json_int_t)0, "j", (json_int_t)1);
    r->label = "(12) (seed 000)";
    r->statement = "at neural collapse, the inner products of (12) equal -(||W||^2 + ||H||^2)/(c K (K-1) sqrt(n)) "
                   "(constant c illegible in the OCR)";
    r->assertion = eq ? "lhs = printed for all k != j" : "lhs != printed at the witness";
    r->verdict = eq ? NC_PROVED : NC_REFUTED;
    fmpq_clear(wk), fmpq_clear(wj), fmpq_clear(g), fmpq_clear(nw);
    qsqrt_clear(x), qsqrt_clear(y), qsqrt_clear(rho);
done:
    fmpq_clear(c), fmpq_clear(t);
    return bad ? err->status : 0;
}
