/* check_linconv_errbound.c: owns the check of linconv.theorem-2 / theorem-4 certificates
 * (specs/claims/linconv.theorem-2.md, linconv.theorem-4.md): the instance below the threshold
 * (exact); gamma, alpha^2 and the stationarity scalars of the point x* in Q(sqrt m) (all
 * scalars exactly 0: grad F(x*) = 0); the Hessian enclosed with MPFI over the box x* +- delta
 * in every coordinate, plus c B0 B0^T with B0 the orbit tangent vectors at x*; lambda_min > mu
 * of that interval matrix via check_pd; kappa mu >= 1 exactly; the assertion (with the
 * "beyond the paper" label for CE with K >= 3) and the verdict. MSE with D > 4000: the declared
 * structured method instead of the dense Hessian (check_linconv_schur.c). Why this proves the
 * error bound: proofs/derivations/linconv-theorem-2.md (section 7 for the structured methods). */
#include <stdlib.h>
#include <string.h>
#include "check_alloc.h"
#include "check_claims.h"
#include "check_enclosure.h"
#include "linconv/check_linconv_common.h"
#include "linconv/check_linconv_errbound.h"
#include "linconv/check_linconv_schur.h"
#include "check_pd.h"
#include "check_rational.h"
#include "check_decision.h"

static const char *assertion_text(int loss, long K)
{
    if (loss == CK_LINCONV_MSE)
        return "for every x with dist(x, X) <= delta: dist(x, X) <= kappa ||grad F(x)||, X the O(d) orbit of the "
               "exactly stationary Proposition 1 point";
    if (K == 2)
        return "for every x with dist(x, X) <= delta: dist(x, X) <= kappa ||grad F(x)||, X the O(d) orbit of the "
               "exactly stationary Proposition 3 point";
    return "beyond the paper (K >= 3, left open by seed 002): for every x with dist(x, X) <= delta: dist(x, X) <= "
           "kappa ||grad F(x)||, X the O(d) orbit of the exactly stationary Proposition 3 point";
}

static void q_scale(mpq_t x, const mpq_t y, long num, long den) /* x = y num/den */
{
    mpq_t k;
    mpq_init(k);
    mpq_set_si(k, num, (unsigned long)den);
    mpq_canonicalize(k);
    mpq_mul(x, y, k);
    mpq_clear(k);
}

/* gamma, alpha^2, stationarity (exact) and alpha (MPFI) into al, beta into be */
static int check_point(const json_t *q, const ck_linconv_inst *in, int loss, mpfi_t al, mpfi_t be, ck_err *e)
{
    const long K = in->K;
    ck_qs beta, s, gam, t, u;
    ck_qs_init(&beta), ck_qs_init(&s), ck_qs_init(&gam), ck_qs_init(&t), ck_qs_init(&u);
    mpfi_t x;
    mpfi_init2(x, CK_LINCONV_PREC);
    int rc = -1;
    mpq_set(beta.b, in->sq); /* beta = sq sqrt m, s = n lamH beta */
    q_scale(s.b, in->lamH, in->n, 1), mpq_mul(s.b, s.b, in->sq);
    ck_qs_to_mpfi(be, &beta, in->m);
    if (loss == CK_LINCONV_MSE) {
        mpq_set_ui(gam.a, 1, 1), q_scale(gam.b, s.b, -K, 1); /* gamma = 1 - K s */
        if (ck_linconv_verify_qs(q, "gamma", &gam, in->m, e)) goto out;
        mpq_div(t.a, gam.b, in->sq); /* alpha^2 = gamma/beta = (gb m + ga sqrt m)/(sq m) */
        mpq_set_z(t.b, in->m), mpq_mul(t.b, t.b, in->sq), mpq_div(t.b, gam.a, t.b);
        if (ck_linconv_verify_qs(q, "alpha_sq", &t, in->m, e)) goto out;
        ck_qs_to_mpfi(al, &t, in->m);
        /* stat_W = beta (1 - gamma)/K - lamW: (1 - gamma) = K s_b sqrt m, beta (1-gamma) = K sq s_b m */
        mpq_mul(t.a, in->sq, s.b), mpq_set_z(u.a, in->m), mpq_mul(t.a, t.a, u.a);
        mpq_sub(t.a, t.a, in->lamW), mpq_set_ui(t.b, 0, 1);
        if (ck_linconv_verify_zero_qs(q, "stat_W", &t, in->m, "the point is not stationary", e)) goto out;
        /* stat_H = (1 - gamma)/N - lamH beta = (K s_b / N - lamH sq) sqrt m */
        mpq_set_ui(t.a, 0, 1), q_scale(t.b, s.b, K, in->N), mpq_mul(u.a, in->lamH, in->sq), mpq_sub(t.b, t.b, u.a);
        if (ck_linconv_verify_zero_qs(q, "stat_H", &t, in->m, "the point is not stationary", e)) goto out;
    } else {
        mpq_set_si(gam.a, 1 - K, 1), mpq_set_z(gam.b, in->m), mpq_mul(gam.b, gam.b, s.b), mpq_inv(gam.b, gam.b);
        if (ck_linconv_verify_qs(q, "gamma", &gam, in->m, e)) goto out;
        /* stat_q = (gamma + K - 1) s - 1 = gam_b s_b m - 1 */
        mpq_mul(t.a, gam.b, s.b), mpq_set_z(u.a, in->m), mpq_mul(t.a, t.a, u.a), mpq_set_ui(u.a, 1, 1),
            mpq_sub(t.a, t.a, u.a);
        mpq_set_ui(t.b, 0, 1);
        if (ck_linconv_verify_zero_qs(q, "stat_q", &t, in->m, "the point is not stationary", e)) goto out;
        /* stat_W = lamW - beta s = lamW - sq s_b m */
        mpq_mul(t.a, in->sq, s.b), mpq_set_z(u.a, in->m), mpq_mul(t.a, t.a, u.a), mpq_sub(t.a, in->lamW, t.a);
        if (ck_linconv_verify_zero_qs(q, "stat_W", &t, in->m, "the point is not stationary", e)) goto out;
        /* stat_H = lamH beta - s/n = (lamH sq - s_b/n) sqrt m */
        mpq_set_ui(t.a, 0, 1), mpq_mul(t.b, in->lamH, in->sq), q_scale(u.a, s.b, 1, in->n), mpq_sub(t.b, t.b, u.a);
        if (ck_linconv_verify_zero_qs(q, "stat_H", &t, in->m, "the point is not stationary", e)) goto out;
        ck_qs_to_mpfi(x, &gam, in->m); /* alpha^2 = log(gamma)/beta */
        mpfi_log(al, x), mpfi_div(al, al, be);
        if (ck_linconv_verify_fi(q, "alpha_sq", al, e)) goto out;
    }
    mpfi_sqrt(al, al);
    rc = 0;
out:
    ck_qs_clear(&beta), ck_qs_clear(&s), ck_qs_clear(&gam), ck_qs_clear(&t), ck_qs_clear(&u);
    mpfi_clear(x);
    return rc;
}

/* lambda_min(Hess over x* +- delta, + c B0 B0^T at x*) > mu */
static int check_region(const ck_linconv_inst *in, int loss, mpfi_t *W, mpfi_t *H, const mpq_t delta, long c,
                        const mpq_t mu, double shift)
{
    const long K = in->K, dK = in->d * K, dN = in->d * in->N, n = ck_linconv_dim(in, loss);
    mpfi_t D;
    mpfi_t *Wr = ck_linconv_ivec(dK), *Hr = ck_linconv_ivec(dN), *b = ck_linconv_ivec(K);
    mpfi_t *A = ck_malloc(sizeof(mpfi_t) * (size_t)(n * n));
    mpq_t md;
    mpq_init(md), mpq_neg(md, delta);
    mpfi_init2(D, CK_LINCONV_PREC), mpfi_interv_q(D, md, delta);
    for (long i = 0; i < dK; i++) mpfi_add(Wr[i], W[i], D);
    for (long i = 0; i < dN; i++) mpfi_add(Hr[i], H[i], D);
    for (long k = 0; k < K; k++) mpfi_set_ui(b[k], 1), mpfi_div_si(b[k], b[k], K), mpfi_add(b[k], b[k], D);
    for (long t = 0; t < n * n; t++) mpfi_init2(A[t], CK_LINCONV_PREC);
    ck_linconv_hessian_at(A, in, loss, Wr, Hr, b);
    ck_linconv_add_tangent(A, in, loss, W, H, c);
    const int ok = ck_pd_verify_shift(A, n, mu, shift);
    ck_linconv_ivec_free(Wr, dK), ck_linconv_ivec_free(Hr, dN), ck_linconv_ivec_free(b, K);
    for (long t = 0; t < n * n; t++) mpfi_clear(A[t]);
    ck_free(A);
    mpfi_clear(D), mpq_clear(md);
    return ok;
}

/* the structured path: method "schur", reduced_dim 2dK + K, PD of the reduced matrix at mu_red,
 * mu + g <= mu_red with 0 < mu < lamH (derivation section 7.3). 0 or -1 with e set. */
static int check_reduced(json_t *w, int split, const ck_linconv_inst *in, mpfi_t *W, mpfi_t *H, const mpq_t delta,
                         long c, const mpq_t mu, double shift, ck_err *e)
{
    const char *meth = ck_get_str(w, "witnesses", "method", e), *smr = ck_get_str(w, "witnesses", "mu_reduced", e);
    const char *smc = split ? ck_get_str(w, "witnesses", "mu_core", e) : "0",
               *smb = split ? ck_get_str(w, "witnesses", "mu_block", e) : "0",
               *ssb = split ? ck_get_str(w, "witnesses", "shift_block", e) : "0";
    long long rd;
    if (!meth || !smr || !smc || !smb || !ssb || ck_get_int(w, "witnesses", "reduced_dim", &rd, e)) return -1;
    mpq_t mr, mc, mb, sb;
    mpq_inits(mr, mc, mb, sb, NULL);
    int rc = -1;
    if (strcmp(meth, split ? "schur-split" : "schur") || rd != ck_linconv_schur_dim(in) || ck_parse_entry(smr, mr) ||
        ck_parse_entry(smc, mc) || ck_parse_entry(smb, mb) || ck_parse_entry(ssb, sb))
        ck_fail(e, CK_MALFORMED, "witnesses: method must be \"%s\", reduced_dim %ld, mu_reduced%s exact numbers",
                split ? "schur-split" : "schur", ck_linconv_schur_dim(in),
                split ? ", mu_core, mu_block, shift_block" : " an");
    else if (!ck_linconv_schur_gap_ok(in, W, delta, mu, mr))
        ck_fail(e, CK_INVALID, "mu is not below mu_reduced minus the Schur bound g, or not in (0, lambda_H)");
    else if (split ? !ck_linconv_split_region(in, W, H, delta, c, mc, shift, mb, mpq_get_d(sb), mr)
                   : !ck_linconv_schur_region(in, W, H, delta, c, mr, shift))
        ck_fail(e, CK_INVALID, "reduced matrix over the delta-region: lambda_min > mu_reduced not established%s",
                split ? " (core, block and off-block rows)" : "");
    else
        rc = 0;
    mpq_clears(mr, mc, mb, sb, NULL);
    return rc;
}

int ck_linconv_errbound_check(int loss, const json_t *root, ck_verdict verdict, ck_err *e)
{
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    json_t *w = ck_get_obj(root, "certificate", "witnesses", e), *q = ck_get_obj(root, "certificate", "quantities", e);
    if (!as || !w || !q) return -1;
    ck_linconv_inst in;
    if (ck_linconv_inst_parse(json_object_get(root, "instance"), &in, e)) return -1;
    const int red = ck_linconv_schur_applies(&in, loss); /* above the dense cap: derivation section 7 */
    const char *mth = json_string_value(json_object_get(w, "method"));
    const int split = red && mth && !strcmp(mth, "schur-split"); /* section 7.6; otherwise the whole M_red */
    if (red ? ck_linconv_schur_limits(&in, split, e) : ck_linconv_limits(&in, loss, 1, e)) { /* before allocating */
        ck_linconv_inst_clear(&in);
        return -1;
    }
    const long dK = in.d * in.K, dN = in.d * (red ? in.K : in.N); /* reduced: h*_k once per class */
    int rc = -1;
    mpfi_t al, be;
    mpfi_t *W = ck_linconv_ivec(dK), *H = ck_linconv_ivec(dN);
    mpfi_init2(al, CK_LINCONV_PREC), mpfi_init2(be, CK_LINCONV_PREC);
    mpq_t delta, mu, sh, kap;
    mpq_inits(delta, mu, sh, kap, NULL);
    mpz_t one;
    mpz_init_set_ui(one, 1);
    ck_qs x;
    ck_qs_init(&x);
    ck_encl ek;
    ck_encl_init(&ek);
    static const char *const Q_MSE[] = {"threshold_test", "gamma", "alpha_sq", "stat_W",
                                        "stat_H",         "delta", "kappa",    NULL};
    static const char *const Q_CE[] = {"threshold_test", "gamma", "alpha_sq", "stat_q", "stat_W",
                                       "stat_H",         "delta", "kappa",    NULL};
    static const char *const WK[] = {"delta", "mu", "shift", "tangent_weight", "hessian_dim", NULL};
    static const char *const WK_RED[] = {"delta",       "mu",     "mu_reduced",  "shift", "tangent_weight",
                                         "hessian_dim", "method", "reduced_dim", NULL};
    static const char *const WK_SPLIT[] = {"delta",          "mu",          "mu_reduced",  "shift",
                                           "tangent_weight", "hessian_dim", "method",      "reduced_dim",
                                           "mu_core",        "mu_block",    "shift_block", NULL};
    if (mpq_sgn(in.test) <= 0) {
        ck_fail(e, CK_INVALID, "instance not below the threshold: outside the theorem's hypothesis");
        goto out;
    }
    if (strcmp(as, "none") == 0) { /* nccert's PD test over the region failed: witnesses {} */
        static const char *const NONE[] = {NULL};
        if (ck_keys(w, "witnesses", NONE, NULL, e) ||
            ck_verdict_follows(verdict, CK_INCONCLUSIVE, "assertion \"none\" establishes nothing", e))
            goto out;
        ck_fail(e, CK_INVALID, "INCONCLUSIVE: the certificate establishes nothing");
        goto out;
    }
    if (strcmp(as, assertion_text(loss, in.K))) {
        ck_fail(e, CK_INVALID, "assertion does not match the claim and the instance (K = %ld)", in.K);
        goto out;
    }
    if (ck_require_verdict(verdict, CK_PROVED, e)) goto out;
    if (ck_linconv_keys(q, "quantities", loss == CK_LINCONV_MSE ? Q_MSE : Q_CE, e) ||
        ck_keys(w, "witnesses", red ? (split ? WK_SPLIT : WK_RED) : WK, NULL, e))
        goto out;
    mpq_set(x.a, in.test);
    if (ck_linconv_verify_qs(q, "threshold_test", &x, one, e) || check_point(q, &in, loss, al, be, e)) goto out;
    long long cw, dim;
    const char *sd = ck_get_str(w, "witnesses", "delta", e), *smu = ck_get_str(w, "witnesses", "mu", e),
               *ssh = ck_get_str(w, "witnesses", "shift", e);
    if (!sd || !smu || !ssh || ck_get_int(w, "witnesses", "tangent_weight", &cw, e) ||
        ck_get_int(w, "witnesses", "hessian_dim", &dim, e))
        goto out;
    if (ck_parse_entry(sd, delta) || ck_parse_entry(smu, mu) || ck_parse_entry(ssh, sh)) {
        ck_fail(e, CK_MALFORMED, "witnesses: delta/mu/shift not exact numbers");
        goto out;
    }
    if (dim != ck_linconv_dim(&in, loss) || cw < -(1LL << 40) || cw > (1LL << 40)) {
        ck_fail(e, CK_MALFORMED, "witnesses: hessian_dim must be %ld, |tangent_weight| <= 2^40",
                ck_linconv_dim(&in, loss));
        goto out;
    }
    if (mpq_sgn(delta) <= 0 || mpq_sgn(mu) <= 0) {
        ck_fail(e, CK_INVALID, "witnesses: delta and mu must be > 0");
        goto out;
    }
    mpq_set(x.a, delta);
    if (ck_linconv_verify_qs(q, "delta", &x, one, e)) goto out;
    /* kappa: its exact value must satisfy kappa mu >= 1 (then kappa >= 1/mu) */
    if (ck_encl_parse(json_object_get(q, "kappa"), "kappa", &ek, e)) goto out;
    if (!ek.has_exact || mpq_sgn(ek.eb)) {
        ck_fail(e, CK_MALFORMED, "quantities.kappa: an exact rational value is required");
        goto out;
    }
    mpq_set(x.a, ek.ea);
    if (ck_encl_verify(&ek, "kappa", &x, one, e)) goto out;
    mpq_mul(kap, ek.ea, mu);
    if (mpq_cmp_ui(kap, 1, 1) < 0) {
        ck_fail(e, CK_INVALID, "kappa < 1/mu");
        goto out;
    }
    ck_linconv_inst J = in; /* read-only copy: the reduced path keeps one representative per class */
    if (red) J.n = 1, J.N = in.K;
    ck_linconv_point(W, H, &J, al, be);
    if (red) {
        if (check_reduced(w, split, &in, W, H, delta, (long)cw, mu, mpq_get_d(sh), e)) goto out;
    } else if (!check_region(&in, loss, W, H, delta, (long)cw, mu, mpq_get_d(sh))) {
        ck_fail(e, CK_INVALID, "Hessian over the delta-region: lambda_min > mu not established");
        goto out;
    }
    rc = 0;
out:
    ck_linconv_ivec_free(W, dK), ck_linconv_ivec_free(H, dN);
    mpfi_clear(al), mpfi_clear(be);
    mpq_clears(delta, mu, sh, kap, NULL);
    mpz_clear(one);
    ck_qs_clear(&x);
    ck_encl_clear(&ek);
    ck_linconv_inst_clear(&in);
    return rc;
}
