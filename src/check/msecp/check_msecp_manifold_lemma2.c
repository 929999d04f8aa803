/* check_msecp_manifold_lemma2.c: owns nccheck's check of msecp.manifold parts "lemma2" and
 * "lemma2-orth" (seed 003, Lemma 2). Trusts only the instance and the witness S (C x C
 * rational, symmetric): recomputes the eleven exact quantities with GMP (step, point, residual
 * S^2 A - I with A = H1 C H1^T, witness remainders S H1 - X0 - Pi(D) and - P(D), first-order term
 * dF_X(Z) X_b / 2), checks S positive definite by exact leading minors, evaluates the seven
 * interval quantities (e0, K(delta0), eps = sqrt(1 + e0) ||S^2 A - I||_F / (1 - e0), ratio
 * bounds) with MPFI at 320 bits and requires each stated [lo, hi] to contain its interval.
 * Decision rules: specs/claims/msecp.manifold.md. */
#include <string.h>
#include <stdlib.h>
#include <mpfi.h>
#include "check_alloc.h"
#include "check_claims.h"
#include "check_enclosure.h"
#include "check_rational.h"
#include "msecp/check_msecp_manifold_point.h"
#include "msecp/check_msecp_manifold_parts.h"
#include "check_decision.h"

#define PREC 320
enum { Q_MEMB, Q_STEP, Q_MARGIN, Q_POINT, Q_Z, Q_BETWEEN, Q_FIRST, Q_RES, Q_H1, Q_REMPI, Q_REMORTH, NQX };
enum { I_E0, I_K, I_EPS, I_PI_LO, I_PI_HI, I_OR_LO, I_OR_HI, NQI };
static const char *const QN[NQX + NQI + 1] = {"membership_gap",
                                              "step_frob2",
                                              "delta0_margin",
                                              "point_frob2",
                                              "z_frob2",
                                              "between_frob2",
                                              "first_order_frob2",
                                              "witness_residual_frob2",
                                              "h1_frob2",
                                              "rem_pi_witness_frob2",
                                              "rem_orth_witness_frob2",
                                              "e0",
                                              "K_delta0",
                                              "sqrt_error_bound",
                                              "ratio_pi_lower",
                                              "ratio_pi_upper",
                                              "ratio_orth_lower",
                                              "ratio_orth_upper",
                                              NULL};
static const char *const AS[5] = {
    "Lemma 2 with Pi: ||Sigma_W(X0 + dX)^{-1/2}(X0 + dX) - X0 - Pi(dX)||_F <= K(delta0) ||dX||_F^2 for all "
    "||dX||_F <= delta0, and this step obeys it",
    "the renormalised step violates the derived bound K(delta0) ||dX||_F^2",
    "Lemma 2 with the orthogonal projection P fails: X1 - X0 - P(t Z) = -(t/2) dF_X(Z) X_b + O(t^2) with "
    "dF_X(Z) X_b != 0, so the remainder over ||dX||_F^2 is unbounded as t -> 0",
    "X has no between-class part: P = Pi, and Lemma 2 holds with P and the constant K(delta0)", "none"};

/* Leading principal minors of the symmetric S all > 0 (Bareiss on L S, L the lcm of the
 * denominators). */
static int sym_pd(const ckm *S)
{
    long n = S->r;
    mpz_t L, prev, t, *M = ck_malloc((size_t)(n * n) * sizeof(mpz_t));
    mpz_inits(L, prev, t, NULL);
    mpz_set_ui(L, 1);
    for (long k = 0; k < n * n; k++) mpz_lcm(L, L, mpq_denref(S->a[k]));
    for (long k = 0; k < n * n; k++) {
        mpz_init(M[k]);
        mpz_divexact(M[k], L, mpq_denref(S->a[k]));
        mpz_mul(M[k], M[k], mpq_numref(S->a[k]));
    }
    mpz_set_ui(prev, 1);
    int pd = 1;
    for (long k = 0; k < n && pd; k++) {
        if (mpz_sgn(M[k * n + k]) <= 0) {
            pd = 0;
            break;
        }
        for (long i = k + 1; i < n; i++)
            for (long j = k + 1; j < n; j++) {
                mpz_mul(t, M[i * n + j], M[k * n + k]);
                mpz_submul(t, M[i * n + k], M[k * n + j]);
                mpz_divexact(M[i * n + j], t, prev);
            }
        mpz_set(prev, M[k * n + k]);
    }
    for (long k = 0; k < n * n; k++) mpz_clear(M[k]);
    ck_free(M);
    mpz_clears(L, prev, t, NULL);
    return pd;
}

static int parse_S(const json_t *w, long C, ckm *S, ck_err *e)
{
    static const char *const WK[] = {"S", NULL};
    if (ck_keys(w, "witnesses", WK, NULL, e)) return -1;
    const json_t *rows = json_object_get(w, "S");
    if (!json_is_array(rows) || (long)json_array_size(rows) != C) {
        ck_fail(e, CK_MALFORMED, "witnesses.S: need %ld rows", C);
        return -1;
    }
    for (long i = 0; i < C; i++) {
        const json_t *r = json_array_get(rows, (size_t)i);
        if (!json_is_array(r) || (long)json_array_size(r) != C) {
            ck_fail(e, CK_MALFORMED, "witnesses.S: row %ld", i);
            return -1;
        }
        for (long j = 0; j < C; j++) {
            const char *s = json_string_value(json_array_get(r, (size_t)j));
            if (!s || ck_parse_entry(s, CKM(S, i, j))) {
                ck_fail(e, CK_MALFORMED, "witnesses.S[%ld][%ld]: not a rational", i, j);
                return -1;
            }
        }
    }
    if (!ck_msecp_mat_is_symmetric(S)) {
        ck_fail(e, CK_MALFORMED, "witnesses.S: not symmetric");
        return -1;
    }
    return 0;
}

/* The exact quantities (order of QN); returns 1 iff S is positive definite. */
static int exact_part(mpq_t *q, const ck_msecp_mp_point *P, const mpq_t t, const mpq_t d0, const ckm *S)
{
    long C = P->C, N = P->N;
    mpq_t h, cn;
    mpq_inits(h, cn, NULL);
    ckm *D = ck_msecp_mat_copy(P->Z);
    ck_msecp_mat_scale(D, t);
    ck_msecp_mp_inner(q[Q_STEP], D, D);
    mpq_mul(q[Q_MARGIN], d0, d0);
    mpq_sub(q[Q_MARGIN], q[Q_MARGIN], q[Q_STEP]);
    ckm *XC = ck_msecp_mp_center(P->X, C, N), *Xt = ck_msecp_mat_tr(P->X), *G = ck_msecp_mat_mul_cd(XC, Xt);
    mpq_set_si(h, -1, 1);
    ck_msecp_mat_add_diag(G, h);
    ck_msecp_mp_inner(q[Q_MEMB], G, G);
    ck_msecp_mp_inner(q[Q_POINT], P->X, P->X);
    ck_msecp_mp_inner(q[Q_Z], P->Z, P->Z);
    mpq_set_si(cn, P->n, 1);
    ck_msecp_mat_scale(XC, cn); /* X P_w */
    ckm *Xb = ck_msecp_mat_lin(P->X, 1, XC, -1), *SZ = ck_msecp_mp_dF(P->X, P->Z, C, N),
        *F = ck_msecp_mat_mul_cd(SZ, Xb);
    ck_msecp_mp_inner(q[Q_BETWEEN], Xb, Xb);
    ck_msecp_mp_inner(q[Q_FIRST], F, F);
    mpq_set_si(h, 1, 4);
    mpq_mul(q[Q_FIRST], q[Q_FIRST], h);
    ckm *H1 = ck_msecp_mat_lin(P->X, 1, D, 1), *A = ck_msecp_mp_dF(H1, H1, C, N);
    mpq_set_si(h, 1, 2);
    ck_msecp_mat_scale(A, h); /* H1 C H1^T */
    ck_msecp_mp_inner(q[Q_H1], H1, H1);
    ckm *S2 = ck_msecp_mat_mul_cd(S, S), *R = ck_msecp_mat_mul_cd(S2, A);
    mpq_set_si(h, -1, 1);
    ck_msecp_mat_add_diag(R, h);
    ck_msecp_mp_inner(q[Q_RES], R, R);
    ckm *SH = ck_msecp_mat_mul_cd(S, H1), *B = ck_msecp_mat_lin(SH, 1, P->X, -1), *Pi = ck_msecp_mp_pi(P->X, D, C, N),
        *O = ck_msecp_mp_orth(P->X, D, C, N);
    ckm *R1 = ck_msecp_mat_lin(B, 1, Pi, -1), *R2 = ck_msecp_mat_lin(B, 1, O, -1);
    ck_msecp_mp_inner(q[Q_REMPI], R1, R1);
    ck_msecp_mp_inner(q[Q_REMORTH], R2, R2);
    int pd = sym_pd(S);
    ck_msecp_mat_free(D), ck_msecp_mat_free(XC), ck_msecp_mat_free(Xt), ck_msecp_mat_free(G), ck_msecp_mat_free(Xb),
        ck_msecp_mat_free(SZ), ck_msecp_mat_free(F), ck_msecp_mat_free(H1);
    ck_msecp_mat_free(A), ck_msecp_mat_free(S2), ck_msecp_mat_free(R), ck_msecp_mat_free(SH), ck_msecp_mat_free(B),
        ck_msecp_mat_free(Pi), ck_msecp_mat_free(O), ck_msecp_mat_free(R1), ck_msecp_mat_free(R2);
    mpq_clears(h, cn, NULL);
    return pd;
}

static void fi_sqrt_q(mpfi_t x, const mpq_t q)
{
    mpfi_set_q(x, q);
    mpfi_sqrt(x, x);
}

/* e0 = a d0, a = 2/sqrt(n) + d0/n; K = (3/8) a^2 (1-e0)^{-5/2} (xi + d0) + xi/(2n) + a/2;
 * eps = sqrt(1 + e0) sqrt(res) / (1 - e0); ratios (sqrt(rem) -+ eps sqrt(h1)) / step. */
static void intervals(mpfi_t *v, const mpq_t *q, const mpq_t d0, long n)
{
    mpfi_t a, d, xi, om, u, w;
    mpfi_init2(a, PREC), mpfi_init2(d, PREC), mpfi_init2(xi, PREC), mpfi_init2(om, PREC), mpfi_init2(u, PREC);
    mpfi_init2(w, PREC);
    mpfi_set_ui(u, (unsigned long)n);
    mpfi_sqrt(u, u);
    mpfi_ui_div(a, 2, u);
    mpfi_set_q(d, d0);
    mpfi_div_ui(u, d, (unsigned long)n);
    mpfi_add(a, a, u);
    mpfi_mul(v[I_E0], a, d);
    mpfi_ui_sub(om, 1, v[I_E0]); /* 1 - e0 */
    fi_sqrt_q(xi, q[Q_POINT]);
    mpfi_sqrt(u, om);
    mpfi_mul(u, u, om), mpfi_mul(u, u, om); /* (1 - e0)^{5/2} */
    mpfi_mul(w, a, a);
    mpfi_div(w, w, u);
    mpfi_add(u, xi, d);
    mpfi_mul(w, w, u);
    mpfi_mul_ui(w, w, 3), mpfi_div_ui(w, w, 8);
    mpfi_div_ui(u, xi, (unsigned long)(2 * n));
    mpfi_add(w, w, u);
    mpfi_div_ui(u, a, 2);
    mpfi_add(v[I_K], w, u);
    mpfi_add_ui(u, v[I_E0], 1);
    mpfi_sqrt(u, u);
    fi_sqrt_q(w, q[Q_RES]);
    mpfi_mul(u, u, w);
    mpfi_div(v[I_EPS], u, om);
    fi_sqrt_q(w, q[Q_H1]);
    mpfi_mul(w, w, v[I_EPS]);
    mpfi_set_q(d, q[Q_STEP]);
    for (int k = 0; k < 2; k++) {
        fi_sqrt_q(u, q[k ? Q_REMORTH : Q_REMPI]);
        mpfi_sub(a, u, w), mpfi_div(v[k ? I_OR_LO : I_PI_LO], a, d);
        mpfi_add(a, u, w), mpfi_div(v[k ? I_OR_HI : I_PI_HI], a, d);
    }
    mpfi_clear(a), mpfi_clear(d), mpfi_clear(xi), mpfi_clear(om), mpfi_clear(u), mpfi_clear(w);
}

static int decide(int orth, int pd, const mpq_t *q, mpfi_t *v)
{
    int pi_ok = pd && mpfr_cmp(&v[I_PI_HI]->right, &v[I_K]->left) <= 0;
    int pi_bad = pd && mpfr_cmp(&v[I_PI_LO]->left, &v[I_K]->right) > 0;
    if (!orth) return pi_ok ? 0 : (pi_bad ? 1 : 4);
    if (mpq_sgn(q[Q_FIRST]) > 0) return 2;
    return mpq_sgn(q[Q_BETWEEN]) == 0 && pi_ok ? 3 : 4;
}

/* Instance range of the lemma: 0 < |t| <= 1, delta0 > 0, ||t Z||_F <= delta0, e0 < 1. */
static int check_range(const mpq_t *q, const mpq_t t, const mpq_t d0, long n, ck_err *e)
{
    mpq_t x, y, m;
    mpq_inits(x, y, m, NULL);
    mpq_abs(x, t);
    mpq_set_ui(m, 1, 1);
    int bad = mpq_sgn(t) == 0 || mpq_cmp(x, m) > 0 || mpq_sgn(d0) <= 0 || mpq_sgn(q[Q_MARGIN]) < 0;
    mpq_mul(x, d0, d0);
    mpq_set_si(m, n, 1);
    mpq_sub(y, m, x); /* n - d0^2 > 0 and 4 d0^2 n < (n - d0^2)^2 */
    bad |= mpq_sgn(y) <= 0;
    mpq_mul(y, y, y);
    mpq_mul(x, x, m);
    mpq_set_ui(m, 4, 1);
    mpq_mul(x, x, m);
    bad |= mpq_cmp(x, y) >= 0;
    mpq_clears(x, y, m, NULL);
    if (bad)
        ck_fail(e, CK_MALFORMED, "instance: outside the lemma's range (0 < |t| <= 1, ||t Z||_F <= delta0, e0 < 1)");
    return bad ? -1 : 0;
}

int ck_msecp_mm_check_lemma2(const json_t *root, ck_verdict verdict, int orth, ck_err *e)
{
    static const char *const EXTRA[] = {"t", "delta0", NULL};
    ck_msecp_mp_point P;
    mpq_t q[NQX], t, d0;
    mpfi_t v[NQI];
    ck_encl en;
    ck_qs x;
    mpz_t one;
    ckm *S = NULL;
    int rc = -1;
    for (int k = 0; k < NQX; k++) mpq_init(q[k]);
    for (int k = 0; k < NQI; k++) mpfi_init2(v[k], PREC);
    mpq_inits(t, d0, NULL);
    ck_encl_init(&en), ck_qs_init(&x), mpz_init_set_ui(one, 1);
    P.M = P.X = P.Z = NULL;
    const json_t *inst = json_object_get(root, "instance");
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    json_t *wj = ck_get_obj(root, "certificate", "witnesses", e),
           *qj = ck_get_obj(root, "certificate", "quantities", e);
    if (!as || !wj || !qj || ck_msecp_mp_parse(inst, EXTRA, &P, e)) goto out;
    const char *ts = ck_get_str(inst, "instance", "t", e), *ds = ck_get_str(inst, "instance", "delta0", e);
    if (!ts || !ds) goto out;
    if (ck_parse_entry(ts, t) || ck_parse_entry(ds, d0)) {
        ck_fail(e, CK_MALFORMED, "instance.t/delta0: not rationals");
        goto out;
    }
    S = ck_msecp_mat_new(P.C, P.C);
    if (parse_S(wj, P.C, S, e) || ck_keys(qj, "quantities", QN, NULL, e)) goto out;
    int pd = exact_part(q, &P, t, d0, S);
    if (check_range(q, t, d0, P.n, e)) goto out;
    intervals(v, q, d0, P.n);
    for (int k = 0; k < NQX + NQI; k++) {
        en.has_exact = 0;
        mpq_set_ui(en.eb, 0, 1), mpz_set_ui(en.em, 1);
        if (ck_encl_parse(json_object_get(qj, QN[k]), QN[k], &en, e)) goto out;
        if (k < NQX) {
            mpq_set(x.a, q[k]), mpq_set_ui(x.b, 0, 1);
            if (ck_encl_verify(&en, QN[k], &x, one, e)) goto out;
        } else if (ck_encl_verify_mpfi(&en, QN[k], v[k - NQX], e))
            goto out;
    }
    if (mpq_sgn(q[Q_MEMB]) != 0) {
        ck_fail(e, CK_INVALID, "X0 is not on the manifold");
        goto out;
    }
    int d = decide(orth, pd, q, v);
    if (strcmp(as, AS[d]) != 0) {
        int known = 0;
        for (int k = 0; k < 5; k++) known |= strcmp(as, AS[k]) == 0;
        ck_fail(e, known ? CK_INVALID : CK_MALFORMED, "assertion \"%s\" %s; the checker finds \"%s\"", as,
                known ? "does not follow" : "is unknown", AS[d]);
        goto out;
    }
    static const ck_verdict V[5] = {CK_PROVED, CK_REFUTED, CK_REFUTED, CK_PROVED, CK_INCONCLUSIVE};
    if (ck_verdict_follows(verdict, V[d], NULL, e)) goto out;
    if (d == 4) {
        ck_fail(e, CK_INVALID, "INCONCLUSIVE establishes nothing");
        goto out;
    }
    rc = 0;
out:
    for (int k = 0; k < NQX; k++) mpq_clear(q[k]);
    for (int k = 0; k < NQI; k++) mpfi_clear(v[k]);
    mpq_clears(t, d0, NULL);
    ck_msecp_mat_free(S);
    ck_msecp_mp_free(&P);
    ck_encl_clear(&en), ck_qs_clear(&x), mpz_clear(one);
    return rc;
}
