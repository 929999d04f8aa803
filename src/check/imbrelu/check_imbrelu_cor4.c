/* check_imbrelu_cor4.c: owns the check of imbrelu.cor-4 on a concrete instance (imbrelu/1; the
 * box kind imbrelu-phase/1 is in check_imbrelu_cor4_phase.c). Recomputes exactly C, n_k - C,
 * lambda_crit[k], (17) and (18) with GMP, and with MPFI (512 bits) at the point of Theorem 1
 * (M_k of the reading; exactly 0 where its rational test is <= 0): ||h_k||^2, ||w_k - w_ref||^2
 * (only coordinates k and ref differ), ||H||^2, ||W||^2; each must lie inside the stated
 * enclosure. Decides: a class with n_k <= C and ||h_k||^2 or the gap certified > 0, or with
 * n_k > C and h_k = 0 exactly, refutes; PROVED needs every dead class exactly 0 and every live
 * class certified > 0 (sharpness). */
#include <stdlib.h>
#include <string.h>

#include "check_alloc.h"
#include "check_limits.h"
#include "check_claims.h"
#include "imbrelu/check_imbrelu_common.h"
#include "check_decision.h"

int ck_claim_imbrelu_cor4_phase(const json_t *root, ck_verdict verdict, ck_err *e);

#define P CK_IMBRELU_PREC
static const char *const A_OK = "Corollary 4 holds at the minimiser, sharply";
static const char *const A_BAD = "Corollary 4 contradicts the Theorem 1 point at class k";

static int str_is(const json_t *w, const char *key, const char *want, ck_err *e)
{
    const json_t *v = json_object_get(w, key);
    if (!json_is_string(v) || strcmp(json_string_value(v), want)) {
        ck_fail(e, CK_INVALID, "witnesses.%s: expected \"%s\"", key, want);
        return -1;
    }
    return 0;
}

static int int_is(const json_t *w, const char *key, long want, ck_err *e)
{
    const json_t *v = json_object_get(w, key);
    if (!json_is_integer(v) || json_integer_value(v) != want) {
        ck_fail(e, CK_INVALID, "witnesses.%s: expected %ld", key, want);
        return -1;
    }
    return 0;
}

static int c4_instance(const json_t *root, ck_verdict verdict, ck_err *e)
{
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    json_t *w = ck_get_obj(root, "certificate", "witnesses", e), *q = ck_get_obj(root, "certificate", "quantities", e);
    if (!as || !w || !q) return -1;
    int a_ok = !strcmp(as, A_OK), a_bad = !strcmp(as, A_BAD), a_none = !strcmp(as, "none");
    if (!a_ok && !a_bad && !a_none) {
        ck_fail(e, CK_MALFORMED, "assertion: unknown \"%.60s\"", as);
        return -1;
    }
    static const char *const WK[] = {"eq18", "eq17", "reference", "dead", "phase", NULL};
    static const char *const WKB[] = {"k", NULL};
    if (ck_keys(w, "witnesses", WK, a_bad ? WKB : NULL, e)) return -1;
    ck_imbrelu_inst in;
    if (ck_imbrelu_inst_parse_thm1(json_object_get(root, "instance"), NULL, &in, e)) return -1;
    /* limits: M and r (2 K intervals), one flag per class; per class its point and tests (K^2) */
    if (ck_imbrelu_limit(&in, "imbrelu.cor-4", 2.0 * in.K * ck_mpfi_bytes(CK_IMBRELU_PREC) + (double)in.K,
                         8.0 * in.K * in.K, e))
        return -1;
    long K = in.K, ref = 0, ndead = 0, nmax = in.n[0], nmin = in.n[0];
    ck_imbrelu_qlist c;
    ck_imbrelu_qlist_init(&c, q, e);
    mpfi_ptr M = ck_malloc((size_t)K * sizeof *M), r = ck_malloc((size_t)K * sizeof *r);
    mpfi_t a, t, u, hs;
    mpq_t C, x, y;
    mpq_inits(C, x, y, NULL);
    mpfi_init2(a, P), mpfi_init2(t, P), mpfi_init2(u, P), mpfi_init2(hs, P);
    mpfi_set_ui(hs, 0);
    for (long k = 0; k < K; k++) mpfi_init2(M + k, P), mpfi_init2(r + k, P), ck_imbrelu_M(M + k, &in, k, in.printed);
    ck_imbrelu_point(r, a, &in, M);
    ck_imbrelu_cor4_C(C, &in);
    ck_imbrelu_q_rational(&c, "C", -1, C);
    for (long k = 1; k < K; k++)
        if (in.n[k] < in.n[ref]) ref = k;
    long first_bad = -1, unsharp = 0;
    char *is_bad = ck_calloc((size_t)K, 1);
    json_t *dead = json_object_get(w, "dead");
    if (!json_is_array(dead)) {
        ck_fail(e, CK_MALFORMED, "witnesses.dead: not an array");
        c.bad = 1;
    }
    for (long k = 0; k < K && !c.bad; k++) {
        if (in.n[k] > nmax) nmax = in.n[k];
        if (in.n[k] < nmin) nmin = in.n[k];
        mpq_set_si(x, in.n[k], 1);
        mpq_sub(x, x, C);
        ck_imbrelu_q_rational(&c, "n_minus_C", k, x);
        int is_dead = mpq_sgn(x) <= 0;
        mpq_set_si(y, in.K - 1, (unsigned long)in.K); /* (K-1) n_k/(K N^2) */
        mpq_set_si(x, in.n[k], 1);
        mpq_mul(y, y, x);
        mpq_set_si(x, in.N, 1);
        mpq_div(y, y, x);
        mpq_div(y, y, x);
        ck_imbrelu_q_rational(&c, "lambda_crit", k, y);
        ck_imbrelu_q_interval(&c, "M", k, M + k);
        mpfi_sqr(t, r + k);
        ck_imbrelu_q_interval(&c, "norm_h_sq", k, t);
        mpfi_mul_si(u, t, in.n[k]);
        mpfi_add(hs, hs, u);
        if (k == ref)
            mpfi_set_ui(u, 0);
        else { /* w_k - w_ref = aK (sqrt(n_k) r_k e_k - sqrt(n_ref) r_ref e_ref) */
            mpfi_sqr(u, r + ref);
            mpfi_mul_si(u, u, in.n[ref]);
            mpfi_t v;
            mpfi_init2(v, P);
            mpfi_mul_si(v, t, in.n[k]);
            mpfi_add(u, u, v);
            mpfi_mul(v, a, a);
            mpfi_mul_si(v, v, K * K);
            mpfi_mul(u, u, v);
            mpfi_clear(v);
        }
        ck_imbrelu_q_interval(&c, "w_gap_sq", k, u);
        if (is_dead) {
            json_t *dk = json_array_get(dead, (size_t)ndead);
            if (!json_is_integer(dk) || json_integer_value(dk) != k) {
                ck_fail(e, CK_INVALID, "witnesses.dead: class %ld missing", k);
                c.bad = 1;
            }
            ndead++;
            if (mpfr_sgn(&t->left) > 0 || mpfr_sgn(&u->left) > 0)
                is_bad[k] = 1;
            else if (!mpfi_is_zero(t) || !mpfi_is_zero(u))
                unsharp = 1;
        } else {
            if (mpfi_is_zero(t))
                is_bad[k] = 1;
            else if (mpfr_sgn(&t->left) <= 0 || (k != ref && mpfr_sgn(&u->left) <= 0))
                unsharp = 1;
        }
        if (is_bad[k] && first_bad < 0) first_bad = k;
    }
    if (!c.bad && (long)json_array_size(dead) != ndead) {
        ck_fail(e, CK_INVALID, "witnesses.dead: wrong length");
        c.bad = 1;
    }
    ck_imbrelu_q_interval(&c, "norm_H_sq", -1, hs);
    mpfi_mul(t, a, a);
    mpfi_mul_si(t, t, K * (K - 1));
    mpfi_mul(t, t, hs);
    ck_imbrelu_q_interval(&c, "norm_W_sq", -1, t);
    mpq_set_si(x, in.N, 1); /* (18), n_A = the largest class */
    mpq_mul(x, x, x);
    mpq_set_si(y, nmax, 1);
    mpq_div(x, x, y);
    ck_imbrelu_q_rational(&c, "eq18_lhs", -1, x);
    mpq_set_si(y, in.K - 1, (unsigned long)in.K);
    mpq_div(y, y, in.lam);
    ck_imbrelu_q_rational(&c, "eq18_rhs", -1, y);
    int eq18 = mpq_cmp(x, y) >= 0, mismatch = eq18 != (ndead == K);
    if (eq18 && mpfr_sgn(&hs->left) > 0) mismatch = 1;
    const char *e17 = "not two-group";
    long KA = 0, KB = 0;
    for (long k = 0; k < K; k++) KA += in.n[k] == nmax, KB += in.n[k] == nmin;
    if (nmax > nmin && KA + KB == K) {
        mpq_set_si(x, nmax, (unsigned long)nmin);
        ck_imbrelu_q_rational(&c, "R", -1, x);
        mpq_set_si(y, in.K - 1, (unsigned long)in.N); /* ((K-1)/(N K lam) - K_B)/K_A */
        mpq_div(y, y, in.lam);
        mpq_t f;
        mpq_init(f);
        mpq_set_si(f, in.K, 1);
        mpq_div(y, y, f);
        mpq_set_si(f, KB, 1);
        mpq_sub(y, y, f);
        mpq_set_si(f, KA, 1);
        mpq_div(y, y, f);
        mpq_clear(f);
        ck_imbrelu_q_rational(&c, "eq17_rhs", -1, y);
        int eq17 = mpq_cmp(x, y) >= 0;
        e17 = eq17 ? "holds" : "fails";
        mpq_set_si(x, nmin, 1);
        if (eq17 != (mpq_cmp(x, C) <= 0)) mismatch = 1;
    }
    int rc = -1;
    if (c.bad) goto out;
    if (ck_imbrelu_qlist_keys(&c)) goto out;
    if (str_is(w, "eq18", eq18 ? "holds" : "fails", e) || str_is(w, "eq17", e17, e) || int_is(w, "reference", ref, e) ||
        str_is(w, "phase",
               ndead == 0   ? "none"
               : ndead == K ? "complete"
                            : "partial",
               e))
        goto out;
    int refuted = first_bad >= 0 || mismatch;
    if (a_bad) {
        long long kk;
        if (ck_get_int(w, "witnesses", "k", &kk, e)) goto out;
        if (kk < 0 || kk >= K || !(is_bad[kk] || (mismatch && kk == ref))) {
            ck_fail(e, CK_INVALID, "witness k is not a failing class");
            goto out;
        }
        if (ck_require_verdict(verdict, CK_REFUTED, e)) goto out;
    } else if (a_ok) {
        if (refuted) {
            ck_fail(e, CK_INVALID, "Corollary 4 fails at the point (class %ld)", first_bad);
            goto out;
        }
        if (unsharp) {
            ck_fail(e, CK_INVALID, "a live class not certified nonzero");
            goto out;
        }
        if (ck_require_verdict(verdict, CK_PROVED, e)) goto out;
    } else {
        ck_fail(e, CK_INVALID, "INCONCLUSIVE: not every class decided");
        goto out;
    }
    rc = 0;
out:
    for (long k = 0; k < K; k++) mpfi_clear(M + k), mpfi_clear(r + k);
    ck_free(M), ck_free(r), ck_free(is_bad);
    ck_imbrelu_qlist_clear(&c);
    mpfi_clear(a), mpfi_clear(t), mpfi_clear(u), mpfi_clear(hs);
    mpq_clears(C, x, y, NULL);
    ck_imbrelu_inst_clear(&in);
    return rc;
}

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(imbrelu, cor4, "imbrelu.cor-4");

int ck_claim_imbrelu_cor4(const json_t *root, ck_verdict verdict, ck_err *e)
{
    const json_t *inst = json_object_get(root, "instance");
    const json_t *kind = json_object_get(inst, "kind");
    if (json_is_string(kind) && !strcmp(json_string_value(kind), "imbrelu-phase/1"))
        return ck_claim_imbrelu_cor4_phase(root, verdict, e);
    return c4_instance(root, verdict, e);
}
