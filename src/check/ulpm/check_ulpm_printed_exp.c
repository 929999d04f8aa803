/* check_ulpm_printed_exp.c: parts eq58 and eq12 of ulpm.printed.
 * eq58: the derived coefficients of f'(a) = A'(a) e^A + 2 B'(a) e^B by the quotient rule
 * (N'D - N D')/D^2 with N = 4a^2 - 2 (A), N = -4a^2 (B), D = 1 + 2a^2; the printed ones from
 * (58)'s brackets; exact rationals. Equal coefficients: the printed value equals the derived
 * one exactly (PROVED). Otherwise REFUTED needs the checker's MPFI values (256 bits) disjoint.
 * Both values must lie in the stated enclosures.
 * eq12: the NC point W = I - 1 1^T/K, h_{k,i} = w_k/sqrt(n); every pair k != j compared in
 * Q(sqrt n) with -(||W||^2 + ||H||^2)/(c K (K-1) sqrt n). */
#include <string.h>

#include "check_enclosure.h"
#include "check_qsqrt.h"
#include "ulpm/check_ulpm_printed.h"

#define CK_ULPM_PRINTED_PREC 256

/* out = c1 e^{x1} + c2 e^{x2} */
static void two_exp(mpfi_t out, const mpq_t c1, const mpq_t x1, const mpq_t c2, const mpq_t x2)
{
    mpfi_t s, t;
    mpfi_init2(s, CK_ULPM_PRINTED_PREC), mpfi_init2(t, CK_ULPM_PRINTED_PREC);
    mpfi_set_q(s, x1), mpfi_exp(s, s), mpfi_mul_q(s, s, c1);
    mpfi_set_q(t, x2), mpfi_exp(t, t), mpfi_mul_q(t, t, c2);
    mpfi_add(out, s, t);
    mpfi_clear(s), mpfi_clear(t);
}

/* r = (N'D - N D')/D^2 for N = n2 a^2 + n0, D = 1 + 2a^2 */
static void quotient_rule(mpq_t r, long n2, long n0, const mpq_t a)
{
    mpq_t a2, N, dN, D, dD, t;
    mpq_inits(a2, N, dN, D, dD, t, NULL);
    mpq_mul(a2, a, a);
    mpq_set_si(t, n2, 1), mpq_mul(N, t, a2), mpq_set_si(t, n0, 1), mpq_add(N, N, t);
    mpq_set_si(t, 2 * n2, 1), mpq_mul(dN, t, a);
    mpq_set_si(t, 2, 1), mpq_mul(D, t, a2), mpq_set_ui(t, 1, 1), mpq_add(D, D, t);
    mpq_set_si(t, 4, 1), mpq_mul(dD, t, a);
    mpq_mul(dN, dN, D), mpq_mul(dD, dD, N), mpq_sub(r, dN, dD);
    mpq_mul(D, D, D), mpq_div(r, r, D);
    mpq_clears(a2, N, dN, D, dD, t, NULL);
}

int ck_ulpm_printed_eq58(ck_ulpm_printed_ctx *c, ck_err *e)
{
    int rc = -1;
    mpq_t a, D, A, B, d1, d2, p1, p2, t, z;
    mpq_inits(a, D, A, B, d1, d2, p1, p2, t, z, NULL);
    mpz_t one;
    mpz_init_set_ui(one, 1);
    mpfi_t vp, vd;
    mpfi_init2(vp, CK_ULPM_PRINTED_PREC), mpfi_init2(vd, CK_ULPM_PRINTED_PREC);
    if (ck_ulpm_printed_entry(a, json_object_get(c->inst, "a"), "a", e)) goto out;
    if (mpz_sizeinbase(mpq_numref(a), 2) > 20 || mpz_sizeinbase(mpq_denref(a), 2) > 20) {
        ck_fail(e, CK_MALFORMED, "instance.a: numerator and denominator below 2^20 required");
        goto out;
    }
    mpq_mul(D, a, a), mpq_add(D, D, D), mpq_set_ui(t, 1, 1), mpq_add(D, D, t); /* 1 + 2a^2 */
    mpq_mul(A, a, a), mpq_set_si(t, 4, 1), mpq_mul(A, A, t), mpq_set_si(t, -2, 1), mpq_add(A, A, t), mpq_div(A, A, D);
    mpq_mul(B, a, a), mpq_set_si(t, -4, 1), mpq_mul(B, B, t), mpq_div(B, B, D);
    quotient_rule(d1, 4, -2, a);
    quotient_rule(d2, -4, 0, a);
    mpq_add(d2, d2, d2);
    /* printed: 8a/D - 8a(2a^2-1)/D^2 and 2(16a^3/D^2 - 8a/D) */
    mpq_set_si(t, 8, 1), mpq_mul(p1, t, a), mpq_div(p1, p1, D);
    mpq_mul(t, a, a), mpq_add(t, t, t), mpq_set_si(z, 1, 1), mpq_sub(t, t, z), mpq_mul(t, t, a);
    mpq_set_si(z, 8, 1), mpq_mul(t, t, z), mpq_div(t, t, D), mpq_div(t, t, D), mpq_sub(p1, p1, t);
    mpq_mul(p2, a, a), mpq_mul(p2, p2, a), mpq_set_si(z, 16, 1), mpq_mul(p2, p2, z), mpq_div(p2, p2, D),
        mpq_div(p2, p2, D);
    mpq_set_si(z, 8, 1), mpq_mul(t, z, a), mpq_div(t, t, D), mpq_sub(p2, p2, t), mpq_add(p2, p2, p2);
    mpq_set_ui(z, 0, 1);
    two_exp(vp, p1, A, p2, B);
    two_exp(vd, d1, A, d2, B);
    c->holds = mpq_equal(p1, d1) && mpq_equal(p2, d2);
    if (!c->holds && mpfi_cmp(vp, vd) == 0) {
        ck_fail(e, CK_INVALID, "printed and derived f'(a) not separated at %d bits", CK_ULPM_PRINTED_PREC);
        goto out;
    }
    if (ck_ulpm_printed_exact(c->qj, "coef_exp1_printed", p1, z, one, e) ||
        ck_ulpm_printed_exact(c->qj, "coef_exp1_derived", d1, z, one, e) ||
        ck_ulpm_printed_exact(c->qj, "coef_exp2_printed", p2, z, one, e) ||
        ck_ulpm_printed_exact(c->qj, "coef_exp2_derived", d2, z, one, e) ||
        ck_ulpm_printed_interval(c->qj, "fprime_printed", vp, e) ||
        ck_ulpm_printed_interval(c->qj, "fprime_derived", vd, e))
        goto out;
    rc = 0;
out:
    mpq_clears(a, D, A, B, d1, d2, p1, p2, t, z, NULL);
    mpz_clear(one);
    mpfi_clear(vp), mpfi_clear(vd);
    return rc;
}

int ck_ulpm_printed_eq12(ck_ulpm_printed_ctx *c, ck_err *e)
{
    long long K, n;
    long wk, wj;
    const char *lhs = json_string_value(json_object_get(c->inst, "lhs"));
    if (ck_get_int(c->inst, "instance", "K", &K, e) || ck_get_int(c->inst, "instance", "n", &n, e)) return -1;
    if (K < 2 || K > 64 || n < 1 || n > 10000) {
        ck_fail(e, CK_MALFORMED, "instance: 2 <= K <= 64, 1 <= n <= 10^4");
        return -1;
    }
    if (!lhs || (strcmp(lhs, "hh") && strcmp(lhs, "wh"))) {
        ck_fail(e, CK_MALFORMED, "instance.lhs: \"hh\" or \"wh\"");
        return -1;
    }
    if (ck_ulpm_printed_wint(c->wj, "k", 0, (long)K - 1, &wk, e) ||
        ck_ulpm_printed_wint(c->wj, "j", 0, (long)K - 1, &wj, e))
        return -1;
    if (wk == wj) {
        ck_fail(e, CK_MALFORMED, "witnesses: k != j required");
        return -1;
    }
    int rc = -1;
    mpq_t cst, g, t, u, rho, z;
    mpq_inits(cst, g, t, u, rho, z, NULL);
    mpz_t m, one;
    mpz_init_set_ui(m, (unsigned long)n), mpz_init_set_ui(one, 1);
    ck_qs x, y, wit;
    ck_qs_init(&x), ck_qs_init(&y), ck_qs_init(&wit);
    if (ck_ulpm_printed_entry(cst, json_object_get(c->inst, "const"), "const", e)) goto out;
    if (mpq_sgn(cst) <= 0) {
        ck_fail(e, CK_MALFORMED, "instance.const: must be > 0");
        goto out;
    }
    /* ||W||^2 from the entries; ||H||^2 = sum_c ||w_k/sqrt n||^2 = n * (1/n) * ||W||^2 */
    for (long k = 0; k < K; k++)
        for (long l = 0; l < K; l++)
            mpq_set_si(t, (l == k) * K - 1, (unsigned long)K), mpq_mul(t, t, t), mpq_add(rho, rho, t);
    mpq_add(rho, rho, rho);
    mpq_set_si(t, (long)(K * (K - 1) * n), 1), mpq_mul(t, t, cst), mpq_div(y.b, rho, t), mpq_neg(y.b, y.b);
    c->holds = 1;
    for (long k = 0; k < K; k++)
        for (long j = 0; j < K; j++) {
            if (j == k) continue;
            mpq_set_ui(g, 0, 1);
            for (long l = 0; l < K; l++) {
                mpq_set_si(t, (l == k) * K - 1, (unsigned long)K), mpq_set_si(u, (l == j) * K - 1, (unsigned long)K);
                mpq_mul(t, t, u), mpq_add(g, g, t);
            }
            mpq_set_si(t, (long)n, 1);
            mpq_set_ui(x.a, 0, 1), mpq_set_ui(x.b, 0, 1);
            if (!strcmp(lhs, "hh"))
                mpq_div(x.a, g, t); /* (w_k.w_j)/n */
            else
                mpq_div(x.b, g, t); /* (w_k.w_j)/sqrt n = (g/n) sqrt n */
            int eq = ck_qs_cmp(&x, &y, m) == 0;
            c->holds &= eq;
            if (k == wk && j == wj) mpq_set(wit.a, x.a), mpq_set(wit.b, x.b);
        }
    if (!c->holds && ck_qs_cmp(&wit, &y, m) == 0) {
        ck_fail(e, CK_INVALID, "witness (k, j): lhs = printed there");
        goto out;
    }
    if (ck_ulpm_printed_exact(c->qj, "lhs_value", wit.a, wit.b, m, e) ||
        ck_ulpm_printed_exact(c->qj, "printed_value", y.a, y.b, m, e) ||
        ck_ulpm_printed_exact(c->qj, "rho_sq", rho, z, m, e))
        goto out;
    rc = 0;
out:
    mpq_clears(cst, g, t, u, rho, z, NULL);
    mpz_clear(m), mpz_clear(one);
    ck_qs_clear(&x), ck_qs_clear(&y), ck_qs_clear(&wit);
    return rc;
}
