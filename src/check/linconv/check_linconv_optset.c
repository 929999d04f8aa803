/* check_linconv_optset.c: owns the check of linconv.prop-1 / prop-3 certificates
 * (specs/claims/linconv.prop-1.md, linconv.prop-3.md): the region from the exact threshold
 * test; exact stationarity scalars, gamma, (MSE) alpha^2, value, zero value and gap in
 * Q(sqrt m); MPFI objective and gradient norm at the point; the Hessian (+ c B B^T) in MPFI
 * and its lambda_min > mu via check_pd; the assertion and the verdict. */
#include <stdlib.h>
#include <string.h>
#include "check_alloc.h"
#include "check_claims.h"
#include "linconv/check_linconv_common.h"
#include "linconv/check_linconv_optset.h"
#include "linconv/check_linconv_box.h"
#include "check_pd.h"
#include "check_rational.h"
#include "check_decision.h"

/* x = y * z for an integer z (GMP has no mpq_mul_z) */
static void mpq_mul_z(mpq_t x, const mpq_t y, const mpz_t z)
{
    mpz_mul(mpq_numref(x), mpq_numref(y), z);
    if (x != y) mpz_set(mpq_denref(x), mpq_denref(y));
    mpq_canonicalize(x);
}

static const char *const AS_BELOW = "below threshold: claimed point stationary, value below the zero point, Hessian >= "
                                    "mu > 0 on the normal space of the orbit";
static const char *const AS_ABOVE = "above threshold: zero point stationary, value F0, Hessian >= mu > 0";
static const char *const AS_AT =
    "at threshold: zero point stationary with value F0; the claimed family degenerates to it";

/* the witness {mu, shift, tangent_weight, hessian_dim}: lambda_min(Hess + c B B^T) > mu > 0 */
static int check_hessian(const json_t *w, const ck_linconv_inst *in, int loss, mpfi_t *W, mpfi_t *H, long cw_expected,
                         ck_err *e)
{
    static const char *const WK[] = {"mu", "shift", "tangent_weight", "hessian_dim", NULL};
    long long cw, dim;
    if (ck_keys(w, "witnesses", WK, NULL, e) || ck_get_int(w, "witnesses", "tangent_weight", &cw, e) ||
        ck_get_int(w, "witnesses", "hessian_dim", &dim, e))
        return -1;
    const char *smu = ck_get_str(w, "witnesses", "mu", e), *ssh = ck_get_str(w, "witnesses", "shift", e);
    if (!smu || !ssh) return -1;
    const long n = ck_linconv_dim(in, loss);
    if (cw != cw_expected || dim != n) {
        ck_fail(e, CK_MALFORMED, "witnesses: tangent_weight must be %ld and hessian_dim %ld", cw_expected, n);
        return -1;
    }
    mpq_t mu, sh;
    mpq_inits(mu, sh, NULL);
    int rc = -1;
    if (ck_parse_entry(smu, mu) || ck_parse_entry(ssh, sh)) {
        ck_fail(e, CK_MALFORMED, "witnesses: mu/shift not exact numbers");
        goto out;
    }
    if (mpq_sgn(mu) <= 0) {
        ck_fail(e, CK_INVALID, "witnesses.mu must be > 0");
        goto out;
    }
    mpfi_t *A = ck_malloc(sizeof(mpfi_t) * (size_t)(n * n));
    for (long t = 0; t < n * n; t++) mpfi_init2(A[t], CK_LINCONV_PREC);
    ck_linconv_hessian(A, in, loss, W, H, (long)cw);
    int ok = ck_pd_verify_shift(A, n, mu, mpq_get_d(sh));
    for (long t = 0; t < n * n; t++) mpfi_clear(A[t]);
    ck_free(A);
    if (!ok) {
        ck_fail(e, CK_INVALID, "Hessian: lambda_min > mu not established");
        goto out;
    }
    rc = 0;
out:
    mpq_clears(mu, sh, NULL);
    return rc;
}

/* Assertion "none" (nccert's PD test over the point failed): INCONCLUSIVE, witnesses {},
 * quantities among the claim's names; well formed, establishes nothing (exit 1). */
static int check_none(const json_t *w, const json_t *q, ck_verdict verdict, ck_err *e)
{
    static const char *const NONE[] = {NULL};
    static const char *const Q_ANY[] = {"threshold_test", "gamma", "alpha_sq",   "stat_q", "stat_W",
                                        "stat_H",         "value", "value_zero", "gap",    "value_at_point",
                                        "grad_norm_sq",   NULL};
    if (ck_keys(w, "witnesses", NONE, NULL, e) || ck_keys(q, "quantities", NONE, Q_ANY, e)) return -1;
    if (ck_verdict_follows(verdict, CK_INCONCLUSIVE, "assertion \"none\" establishes nothing", e)) return -1;
    ck_fail(e, CK_INVALID, "INCONCLUSIVE: the certificate establishes nothing");
    return -1;
}

int ck_linconv_optset_check(int loss, const json_t *root, ck_verdict verdict, ck_err *e)
{
    if (ck_linconv_box_is_box(root)) return ck_linconv_box_check(loss, root, verdict, e);
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    json_t *w = ck_get_obj(root, "certificate", "witnesses", e), *q = ck_get_obj(root, "certificate", "quantities", e);
    if (!as || !w || !q) return -1;
    ck_linconv_inst in;
    if (ck_linconv_inst_parse(json_object_get(root, "instance"), &in, e)) return -1;
    if (strcmp(as, "none") == 0) {
        ck_linconv_inst_clear(&in);
        return check_none(w, q, verdict, e);
    }
    if (ck_linconv_limits(&in, loss, mpq_sgn(in.test) != 0, e)) { /* the Hessian off the threshold */
        ck_linconv_inst_clear(&in);
        return -1;
    }
    const long K = in.K, dK = in.d * K, dN = in.d * in.N;
    const int sg = mpq_sgn(in.test);
    const char *want = sg > 0 ? AS_BELOW : sg < 0 ? AS_ABOVE : AS_AT;
    int rc = -1;
    ck_qs beta, s, gam, t, u;
    mpfi_t al, be, x, y;
    mpfi_t *W = ck_linconv_ivec(dK), *H = ck_linconv_ivec(dN);
    ck_qs_init(&beta), ck_qs_init(&s), ck_qs_init(&gam), ck_qs_init(&t), ck_qs_init(&u);
    mpfi_init2(al, CK_LINCONV_PREC), mpfi_init2(be, CK_LINCONV_PREC), mpfi_init2(x, CK_LINCONV_PREC),
        mpfi_init2(y, CK_LINCONV_PREC);
    mpz_t one;
    mpz_init_set_ui(one, 1);
    if (strcmp(as, want)) {
        ck_fail(e, strcmp(as, AS_BELOW) && strcmp(as, AS_ABOVE) && strcmp(as, AS_AT) ? CK_MALFORMED : CK_INVALID,
                "assertion does not match the region of the instance");
        goto out;
    }
    if (ck_require_verdict(verdict, CK_PROVED, e)) goto out;
    static const char *const Q_MSE[] = {"threshold_test", "gamma", "alpha_sq",       "stat_W",       "stat_H", "value",
                                        "value_zero",     "gap",   "value_at_point", "grad_norm_sq", NULL};
    static const char *const Q_CE[] = {"threshold_test", "gamma", "alpha_sq",   "stat_q", "stat_W",
                                       "stat_H",         "value", "value_zero", "gap",    "value_at_point",
                                       "grad_norm_sq",   NULL};
    static const char *const Q_ZERO[] = {"threshold_test", "value_zero", "value_at_point", "grad_norm_sq", NULL};
    if (ck_linconv_keys(q, "quantities", sg > 0 ? (loss == CK_LINCONV_MSE ? Q_MSE : Q_CE) : Q_ZERO, e)) goto out;
    mpq_set(t.a, in.test), mpq_set_ui(t.b, 0, 1);
    if (ck_linconv_verify_qs(q, "threshold_test", &t, one, e)) goto out;
    /* beta = sq sqrt m; s = n lamH beta */
    mpq_set(beta.b, in.sq);
    mpq_set_si(s.b, in.n, 1), mpq_mul(s.b, s.b, in.lamH), mpq_mul(s.b, s.b, in.sq);
    ck_qs_to_mpfi(be, &beta, in.m);
    if (sg > 0) {
        if (loss == CK_LINCONV_MSE) { /* gamma = 1 - K s */
            mpq_set_ui(gam.a, 1, 1), mpq_set_si(gam.b, -K, 1), mpq_mul(gam.b, gam.b, s.b);
        } else { /* gamma = 1/s - K + 1 = sqrt(m)/(s_b m) + 1 - K */
            mpq_set_si(gam.a, 1 - K, 1), mpq_set_z(gam.b, in.m), mpq_mul(gam.b, gam.b, s.b), mpq_inv(gam.b, gam.b);
        }
        if (ck_linconv_verify_qs(q, "gamma", &gam, in.m, e)) goto out;
        if (loss == CK_LINCONV_MSE) {
            mpq_div(t.a, gam.b, in.sq); /* alpha^2 = gamma/beta */
            mpq_set_z(t.b, in.m), mpq_mul(t.b, t.b, in.sq), mpq_div(t.b, gam.a, t.b);
            if (ck_linconv_verify_qs(q, "alpha_sq", &t, in.m, e)) goto out;
            ck_qs_to_mpfi(al, &t, in.m);
            /* stat_W = beta (1-gamma)/K - lamW */
            mpq_set_ui(u.a, 1, 1), mpq_sub(u.a, u.a, gam.a), mpq_neg(u.b, gam.b);            /* u = 1 - gamma */
            mpq_mul(t.a, u.b, beta.b), mpq_mul_z(t.a, t.a, in.m), mpq_mul(t.b, u.a, beta.b); /* beta u */
            {
                mpq_t k;
                mpq_init(k);
                mpq_set_si(k, K, 1);
                mpq_div(t.a, t.a, k);
                mpq_div(t.b, t.b, k);
                mpq_clear(k);
            }
            mpq_sub(t.a, t.a, in.lamW);
            if (ck_linconv_verify_zero_qs(q, "stat_W", &t, in.m, "not stationary", e)) goto out;
            /* stat_H = (1-gamma)/N - lamH beta */
            {
                mpq_t k;
                mpq_init(k);
                mpq_set_si(k, in.N, 1);
                mpq_div(t.a, u.a, k);
                mpq_div(t.b, u.b, k);
                mpq_clear(k);
            }
            mpq_mul(u.a, in.lamH, beta.b), mpq_sub(t.b, t.b, u.a);
            if (ck_linconv_verify_zero_qs(q, "stat_H", &t, in.m, "not stationary", e)) goto out;
            /* value (K-1)(s - K s^2/2): s^2 = s_b^2 m rational */
            mpq_mul(t.a, s.b, s.b), mpq_mul_z(t.a, t.a, in.m);
            {
                mpq_t k;
                mpq_init(k);
                mpq_set_si(k, -K, 2);
                mpq_mul(t.a, t.a, k);
                mpq_set_si(k, K - 1, 1);
                mpq_mul(t.a, t.a, k);
                mpq_mul(t.b, s.b, k);
                mpq_clear(k);
            }
            if (ck_linconv_verify_qs(q, "value", &t, in.m, e)) goto out;
            mpq_set_si(u.a, K - 1, (unsigned long)(2 * K)), mpq_canonicalize(u.a), mpq_set_ui(u.b, 0, 1);
            if (ck_linconv_verify_qs(q, "value_zero", &u, one, e)) goto out;
            ck_qs_sub(&u, &u, &t);
            if (ck_linconv_verify_qs(q, "gap", &u, in.m, e)) goto out;
            if (ck_qs_sgn(&u, in.m) <= 0) {
                ck_fail(e, CK_INVALID, "gap <= 0: the claimed point does not beat the zero point");
                goto out;
            }
            /* the closed-form value must lie in the checker's enclosure of F at the point */
            mpfi_sqrt(al, al);
            ck_linconv_point(W, H, &in, al, be);
            ck_linconv_objective(x, &in, loss, W, H);
            ck_qs_to_mpfi(y, &t, in.m);
            if (mpfr_cmp(&x->left, &y->right) > 0 || mpfr_cmp(&y->left, &x->right) > 0) {
                ck_fail(e, CK_INVALID, "closed-form value disagrees with F at the point");
                goto out;
            }
        } else {
            /* stat_q = (gamma + K - 1) s - 1, stat_W = lamW - beta s, stat_H = lamH beta - s/n */
            mpq_set_ui(t.a, 0, 1), mpq_mul(t.b, gam.b, s.b), mpq_mul_z(t.b, t.b, in.m);
            mpq_swap(t.a, t.b), mpq_set_ui(t.b, 0, 1);
            {
                mpq_t k;
                mpq_init(k);
                mpq_set_si(k, 1, 1);
                mpq_sub(t.a, t.a, k);
                mpq_clear(k);
            }
            /* (gamma + K - 1) = gam.b sqrt m (gam.a + K - 1 = 0), so the product is gam.b s.b m */
            if (ck_linconv_verify_zero_qs(q, "stat_q", &t, in.m, "not stationary", e)) goto out;
            mpq_mul(t.a, beta.b, s.b), mpq_mul_z(t.a, t.a, in.m), mpq_sub(t.a, in.lamW, t.a), mpq_set_ui(t.b, 0, 1);
            if (ck_linconv_verify_zero_qs(q, "stat_W", &t, in.m, "not stationary", e)) goto out;
            mpq_set_ui(t.a, 0, 1), mpq_mul(t.b, in.lamH, beta.b);
            {
                mpq_t k;
                mpq_init(k);
                mpq_set_si(k, in.n, 1);
                mpq_div(u.a, s.b, k);
                mpq_clear(k);
            }
            mpq_sub(t.b, t.b, u.a);
            if (ck_linconv_verify_zero_qs(q, "stat_H", &t, in.m, "not stationary", e)) goto out;
            ck_qs_to_mpfi(x, &gam, in.m);
            mpfi_log(al, x), mpfi_div(al, al, be);
            if (ck_linconv_verify_fi(q, "alpha_sq", al, e)) goto out;
            /* value log(1 + (K-1)/gamma) + (K-1) s log gamma */
            mpfi_log(y, x), ck_qs_to_mpfi(be, &s, in.m), mpfi_mul(y, y, be), mpfi_mul_si(y, y, K - 1);
            mpfi_si_div(x, K - 1, x), mpfi_log1p(x, x), mpfi_add(y, y, x);
            if (ck_linconv_verify_fi(q, "value", y, e)) goto out;
            mpfi_set_ui(x, (unsigned long)K), mpfi_log(x, x);
            if (ck_linconv_verify_fi(q, "value_zero", x, e)) goto out;
            mpfi_sub(x, x, y);
            if (ck_linconv_verify_fi(q, "gap", x, e)) goto out;
            if (mpfr_sgn(&x->left) <= 0) {
                ck_fail(e, CK_INVALID, "gap not certified > 0");
                goto out;
            }
            ck_qs_to_mpfi(be, &beta, in.m);
            mpfi_sqrt(al, al);
            ck_linconv_point(W, H, &in, al, be);
            ck_linconv_objective(x, &in, loss, W, H);
            if (mpfr_cmp(&x->left, &y->right) > 0 || mpfr_cmp(&y->left, &x->right) > 0) {
                ck_fail(e, CK_INVALID, "closed-form value disagrees with F at the point");
                goto out;
            }
        }
    } else {
        if (loss == CK_LINCONV_MSE) {
            mpq_set_si(u.a, K - 1, (unsigned long)(2 * K)), mpq_canonicalize(u.a), mpq_set_ui(u.b, 0, 1);
            if (ck_linconv_verify_qs(q, "value_zero", &u, one, e)) goto out;
        } else {
            mpfi_set_ui(x, (unsigned long)K), mpfi_log(x, x);
            if (ck_linconv_verify_fi(q, "value_zero", x, e)) goto out;
        }
    }
    ck_linconv_objective(x, &in, loss, W, H);
    if (ck_linconv_verify_fi(q, "value_at_point", x, e)) goto out;
    ck_linconv_grad_norm_sq(x, &in, loss, W, H);
    if (ck_linconv_verify_fi(q, "grad_norm_sq", x, e)) goto out;
    if (sg == 0) {
        if (json_object_size(w)) {
            ck_fail(e, CK_MALFORMED, "witnesses must be empty at the threshold");
            goto out;
        }
    } else if (check_hessian(w, &in, loss, W, H, sg > 0 ? 1 : 0, e))
        goto out;
    rc = 0;
out:
    ck_linconv_ivec_free(W, dK), ck_linconv_ivec_free(H, dN);
    ck_qs_clear(&beta), ck_qs_clear(&s), ck_qs_clear(&gam), ck_qs_clear(&t), ck_qs_clear(&u);
    mpfi_clear(al), mpfi_clear(be), mpfi_clear(x), mpfi_clear(y);
    mpz_clear(one);
    ck_linconv_inst_clear(&in);
    return rc;
}
