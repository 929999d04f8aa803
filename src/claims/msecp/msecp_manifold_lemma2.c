/* msecp_manifold_lemma2.c: certifier of Lemma 2 (seed 003, D.3) inside msecp.manifold, parts
 * "lemma2" (the renormalised step X1 = (H1 C H1^T)^{-1/2} H1, H1 = X0 + t Z, equals
 * X0 + Pi(t Z) + R with ||R||_F <= K(delta0) ||t Z||_F^2) and "lemma2-orth" (the same with the
 * orthogonal projection P: first-order remainder -(t/2) dF_X(Z) X_b). The inverse square root
 * is never trusted: a rational witness S (Newton-Schulz at 256 bits, rounded to 110-bit dyadics,
 * symmetrised) is positive definite (exact leading minors) and has the exact residual
 * S^2 A - I; the perturbation lemma of proofs/derivations/msecp-manifold.md section 3 turns
 * its norm into ||S - A^{-1/2}||_2 <= sqrt(1+e0) ||S^2 A - I||_F / (1 - e0). */
#include <string.h>
#include "claims/claim.h"
#include "claims/msecp/msecp_inst.h"
#include "claims/msecp/msecp_manifold_point.h"
#include "claims/msecp/msecp_manifold_parts.h"
#include "instance/entry_parse.h"
#include <arb_mat.h>
#include "cert/cert.h"
#include "common/progress.h"

#define PREC 192
enum { Q_MEMB, Q_STEP, Q_MARGIN, Q_POINT, Q_Z, Q_BETWEEN, Q_FIRST, Q_RES, Q_H1, Q_REMPI, Q_REMORTH, NQX };
enum { I_E0, I_K, I_EPS, I_PI_LO, I_PI_HI, I_OR_LO, I_OR_HI, NQI };
static const char *const QX[NQX] = {
    "membership_gap", "step_frob2",           "delta0_margin",         "point_frob2",
    "z_frob2",        "between_frob2",        "first_order_frob2",     "witness_residual_frob2",
    "h1_frob2",       "rem_pi_witness_frob2", "rem_orth_witness_frob2"};
static const char *const QI[NQI] = {
    "e0", "K_delta0", "sqrt_error_bound", "ratio_pi_lower", "ratio_pi_upper", "ratio_orth_lower", "ratio_orth_upper"};

static const char *const AS[5] = {
    "Lemma 2 with Pi: ||Sigma_W(X0 + dX)^{-1/2}(X0 + dX) - X0 - Pi(dX)||_F <= K(delta0) ||dX||_F^2 for all "
    "||dX||_F <= delta0, and this step obeys it",
    "the renormalised step violates the derived bound K(delta0) ||dX||_F^2",
    "Lemma 2 with the orthogonal projection P fails: X1 - X0 - P(t Z) = -(t/2) dF_X(Z) X_b + O(t^2) with "
    "dF_X(Z) X_b != 0, so the remainder over ||dX||_F^2 is unbounded as t -> 0",
    "X has no between-class part: P = Pi, and Lemma 2 holds with P and the constant K(delta0)", "none"};

static json_t *source(int orth)
{
    return msecp_source("Lemma 2", orth ? "Sigma_W^{-1/2}(X0 + dX)(X0 + dX) = X0 + P(dX) + O(||dX||^2), P the "
                                          "Frobenius-orthogonal projection onto T_X (alternative reading)"
                                        : "Sigma_W^{-1/2}(X0 + dX)(X0 + dX) = X0 + Pi(dX) + O(||dX||^2), Pi of "
                                          "Proposition 4");
}

/* 1 iff the symmetric rational matrix S is positive definite (all leading principal minors
 * > 0, by fraction-free elimination on the integer matrix d S). */
static int msecp_sym_is_pd(const fmpq_mat_t S)
{
    long n = S->r;
    fmpz_mat_t M;
    fmpz_t prev, t, den;
    fmpz_mat_init(M, n, n), fmpz_init_set_ui(prev, 1), fmpz_init(t), fmpz_init(den);
    fmpq_mat_get_fmpz_mat_matwise(M, den, S); /* M = den S, den > 0: same minor signs */
    int pd = 1;
    progress_begin("exact PD test", n);
    /* Bareiss: after step k the pivot M[k][k] is the leading (k+1) x (k+1) minor times d^{k+1}. */
    for (long k = 0; k < n && pd; k++) {
        progress_set(k);
        if (fmpz_sgn(fmpz_mat_entry(M, k, k)) <= 0) {
            pd = 0;
            break;
        }
        for (long i = k + 1; i < n; i++)
            for (long j = k + 1; j < n; j++) {
                fmpz_mul(t, fmpz_mat_entry(M, i, j), fmpz_mat_entry(M, k, k));
                fmpz_submul(t, fmpz_mat_entry(M, i, k), fmpz_mat_entry(M, k, j));
                fmpz_divexact(fmpz_mat_entry(M, i, j), t, prev);
            }
        fmpz_set(prev, fmpz_mat_entry(M, k, k));
    }
    progress_end();
    fmpz_mat_clear(M), fmpz_clear(prev), fmpz_clear(t), fmpz_clear(den);
    return pd;
}

/* S ~ A^{-1/2}: coupled Newton-Schulz Y <- Y T, Zs <- T Zs, T = (3I - Zs Y)/2 on midpoints (a
 * proposal only), rounded to 110-bit dyadics and symmetrised exactly. */
static void witness_invsqrt(fmpq_mat_t S, const fmpq_mat_t A)
{
    long c = A->r;
    arb_mat_t Y, Zs, T, U;
    arb_mat_init(Y, c, c), arb_mat_init(Zs, c, c), arb_mat_init(T, c, c), arb_mat_init(U, c, c);
    arb_mat_set_fmpq_mat(Y, A, PREC);
    arb_mat_get_mid(Y, Y);
    arb_mat_one(Zs);
    progress_begin("inverse square root", 80);
    for (int it = 0; it < 80; it++) {
        progress_set(it);
        arb_mat_mul(T, Zs, Y, PREC);
        arb_mat_get_mid(T, T);
        /* stop once Zs Y = I to about 2^-200 */
        int done = 1;
        for (long i = 0; i < c && done; i++)
            for (long j = 0; j < c && done; j++) {
                arb_t d;
                arb_init(d);
                arb_sub_si(d, arb_mat_entry(T, i, j), i == j, PREC);
                done = arf_cmpabs_2exp_si(arb_midref(d), -200) < 0;
                arb_clear(d);
            }
        if (done) break;
        arb_mat_neg(T, T);
        for (long i = 0; i < c; i++) arb_add_si(arb_mat_entry(T, i, i), arb_mat_entry(T, i, i), 3, PREC);
        arb_mat_scalar_mul_2exp_si(T, T, -1);
        arb_mat_mul(U, Y, T, PREC), arb_mat_get_mid(Y, U);
        arb_mat_mul(U, T, Zs, PREC), arb_mat_get_mid(Zs, U);
    }
    progress_end();
    fmpq_mat_t St;
    fmpq_mat_init(St, c, c);
    arf_t r;
    arf_init(r);
    for (long i = 0; i < c; i++)
        for (long j = 0; j < c; j++) {
            arf_set_round(r, arb_midref(arb_mat_entry(Zs, i, j)), 110, ARF_RND_NEAR);
            arf_get_fmpq(fmpq_mat_entry(S, i, j), r);
        }
    fmpq_mat_transpose(St, S);
    fmpq_mat_add(S, S, St);
    fmpz_t two;
    fmpz_init_set_ui(two, 2);
    fmpq_mat_scalar_div_fmpz(S, S, two);
    fmpz_clear(two), arf_clear(r), fmpq_mat_clear(St);
    arb_mat_clear(Y), arb_mat_clear(Zs), arb_mat_clear(T), arb_mat_clear(U);
}

/* x <- x (1 +- 2^-100) +- 2^-400: the stated enclosure then contains nccheck's 320-bit one. */
static void widen(arb_t x)
{
    arb_t w;
    arb_init(w);
    arb_one(w);
    arb_add_error_2exp_si(w, -100);
    arb_mul(x, x, w, PREC);
    arb_add_error_2exp_si(x, -400);
    arb_clear(w);
}

static void arb_sqrt_q(arb_t x, const fmpq_t q)
{
    arb_set_fmpq(x, q, PREC);
    arb_sqrt(x, x, PREC);
}

/* The seven interval quantities from the exact ones (formulas of the spec). */
static void intervals(arb_t *v, const fmpq_t *q, const fmpq_t delta0, long n)
{
    arb_t sn, d, a, xi, t, u, h;
    arb_init(sn), arb_init(d), arb_init(a), arb_init(xi), arb_init(t), arb_init(u), arb_init(h);
    arb_sqrt_ui(sn, (ulong)n, PREC);
    arb_set_fmpq(d, delta0, PREC);
    arb_div_ui(a, d, (ulong)n, PREC); /* a = 2/sqrt(n) + delta0/n */
    arb_ui_div(t, 2, sn, PREC);
    arb_add(a, a, t, PREC);
    arb_mul(v[I_E0], a, d, PREC); /* e0 = a delta0 */
    arb_sqrt_q(xi, q[Q_POINT]);
    arb_sub_ui(t, v[I_E0], 1, PREC);
    arb_neg(t, t); /* 1 - e0 */
    arb_rsqrt(u, t, PREC);
    arb_div(u, u, t, PREC);
    arb_div(u, u, t, PREC); /* (1 - e0)^{-5/2} */
    arb_mul(u, u, a, PREC), arb_mul(u, u, a, PREC);
    arb_add(h, xi, d, PREC);
    arb_mul(u, u, h, PREC);
    arb_mul_ui(u, u, 3, PREC), arb_mul_2exp_si(u, u, -3);
    arb_div_ui(h, xi, (ulong)(2 * n), PREC);
    arb_add(u, u, h, PREC);
    arb_mul_2exp_si(h, a, -1);
    arb_add(v[I_K], u, h, PREC);
    arb_add_ui(u, v[I_E0], 1, PREC); /* eps = sqrt(1 + e0) sqrt(res) / (1 - e0) */
    arb_sqrt(u, u, PREC);
    arb_sqrt_q(h, q[Q_RES]);
    arb_mul(u, u, h, PREC);
    arb_div(v[I_EPS], u, t, PREC);
    arb_sqrt_q(h, q[Q_H1]);
    arb_mul(h, h, v[I_EPS], PREC); /* eps ||H1||_F */
    arb_set_fmpq(d, q[Q_STEP], PREC);
    for (int k = 0; k < 2; k++) {
        arb_sqrt_q(u, q[k ? Q_REMORTH : Q_REMPI]);
        arb_sub(t, u, h, PREC), arb_div(v[k ? I_OR_LO : I_PI_LO], t, d, PREC);
        arb_add(t, u, h, PREC), arb_div(v[k ? I_OR_HI : I_PI_HI], t, d, PREC);
    }
    for (int k = 0; k < NQI; k++) widen(v[k]);
    arb_clear(sn), arb_clear(d), arb_clear(a), arb_clear(xi), arb_clear(t), arb_clear(u), arb_clear(h);
}

/* 0..3 index into AS (4 = none); the verdict follows from the index and the part. */
static int decide(int orth, int pd, const fmpq_t *q, arb_t *v)
{
    arf_t klo, khi;
    arf_init(klo), arf_init(khi);
    arb_get_lbound_arf(klo, v[I_K], PREC), arb_get_ubound_arf(khi, v[I_K], PREC);
    arf_t hi, lo;
    arf_init(hi), arf_init(lo);
    arb_get_ubound_arf(hi, v[I_PI_HI], PREC), arb_get_lbound_arf(lo, v[I_PI_LO], PREC);
    int pi_ok = pd && arf_cmp(hi, klo) <= 0, pi_bad = pd && arf_cmp(lo, khi) > 0;
    arf_clear(klo), arf_clear(khi), arf_clear(hi), arf_clear(lo);
    if (!orth) return pi_ok ? 0 : (pi_bad ? 1 : 4);
    if (fmpq_sgn(q[Q_FIRST]) > 0) return 2;
    return fmpq_is_zero(q[Q_BETWEEN]) && pi_ok ? 3 : 4;
}

static int parse_pos(fmpq_t x, json_t *j, const char *k, nc_error *err)
{
    const char *s = json_string_value(json_object_get(j, k));
    if (!s || entry_parse_fmpq(x, s))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp.manifold lemma2: \"%s\" must be a rational string", k);
    return 0;
}

int msecp_manifold_lemma2_certify(json_t *inst, int orth, json_t **cert, nc_error *err)
{
    static const char *const KEYS[] = {"t", "delta0", NULL};
    msecp_point P;
    if (msecp_point_from_json(&P, inst, KEYS, err)) return err->status;
    long C = P.C, N = P.N, n = P.n;
    fmpq_t t, d0, x, y;
    fmpq_init(t), fmpq_init(d0), fmpq_init(x), fmpq_init(y);
    fmpq_t q[NQX];
    for (int k = 0; k < NQX; k++) fmpq_init(q[k]);
    fmpq_mat_t D, H1, A, S, T, U, PiD, OD, XW, SZ;
    fmpq_mat_init(D, C, n), fmpq_mat_init(H1, C, n), fmpq_mat_init(A, C, C), fmpq_mat_init(S, C, C);
    fmpq_mat_init(T, C, C), fmpq_mat_init(U, C, n), fmpq_mat_init(PiD, C, n), fmpq_mat_init(OD, C, n);
    fmpq_mat_init(XW, C, n), fmpq_mat_init(SZ, C, C);
    int rc = 0;
    if (parse_pos(t, inst, "t", err) || parse_pos(d0, inst, "delta0", err)) {
        rc = err->status;
        goto out;
    }
    fmpq_abs(x, t);
    if (fmpq_is_zero(t) || fmpq_cmp_ui(x, 1) > 0 || fmpq_sgn(d0) <= 0) {
        rc = nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp.manifold lemma2: need 0 < |t| <= 1 and delta0 > 0");
        goto out;
    }
    fmpq_mat_scalar_mul_fmpq(D, P.Z, t);
    exact_mat_frob2(q[Q_STEP], D);
    fmpq_mul(x, d0, d0);
    fmpq_sub(q[Q_MARGIN], x, q[Q_STEP]);
    /* e0 = 2 d0/sqrt(n) + d0^2/n < 1  <=>  d0^2 < n and 4 d0^2 n < (n - d0^2)^2 */
    fmpq_sub_si(y, x, n);
    fmpq_neg(y, y);
    fmpq_mul(y, y, y);
    fmpq_mul_si(x, x, 4 * n);
    if (fmpq_sgn(q[Q_MARGIN]) < 0 || fmpq_cmp_si(d0, 0) <= 0 || fmpq_cmp(x, y) >= 0 ||
        (fmpq_mul(x, d0, d0), fmpq_cmp_si(x, n) >= 0)) {
        rc = nc_error_set(err, NC_EXIT_BAD_INPUT,
                          "msecp.manifold lemma2: need ||t Z||_F <= delta0 and e0 = 2 delta0/sqrt(n) + delta0^2/n < 1");
        goto out;
    }
    msecp_point_membership_gap(q[Q_MEMB], P.X, C, N);
    exact_mat_frob2(q[Q_POINT], P.X);
    exact_mat_frob2(q[Q_Z], P.Z);
    msecp_point_center(XW, P.X, C, N);
    fmpq_set_si(x, n, 1);
    fmpq_mat_scalar_mul_fmpq(XW, XW, x); /* X P_w */
    fmpq_mat_sub(U, P.X, XW);            /* X_b */
    exact_mat_frob2(q[Q_BETWEEN], U);
    msecp_point_dF(SZ, P.X, P.Z, C, N);
    fmpq_mat_mul(OD, SZ, U); /* dF_X(Z) X_b; squared norm / 4 */
    exact_mat_frob2(q[Q_FIRST], OD);
    fmpq_div_2exp(q[Q_FIRST], q[Q_FIRST], 2);
    fmpq_mat_add(H1, P.X, D);
    msecp_point_dF(A, H1, H1, C, N); /* 2 H1 C H1^T */
    fmpq_set_si(x, 1, 2);
    fmpq_mat_scalar_mul_fmpq(A, A, x);
    exact_mat_frob2(q[Q_H1], H1);
    witness_invsqrt(S, A);
    int pd = msecp_sym_is_pd(S);
    progress_begin("exact residuals", 0);
    fmpq_mat_mul(T, S, S);
    fmpq_mat_mul(SZ, T, A);
    for (long i = 0; i < C; i++) fmpq_sub_si(fmpq_mat_entry(SZ, i, i), fmpq_mat_entry(SZ, i, i), 1);
    exact_mat_frob2(q[Q_RES], SZ);
    fmpq_mat_mul(U, S, H1);
    fmpq_mat_sub(U, U, P.X); /* S H1 - X0 */
    msecp_point_pi(PiD, P.X, D, C, N);
    msecp_point_orth(OD, P.X, D, C, N);
    fmpq_mat_sub(PiD, U, PiD);
    fmpq_mat_sub(OD, U, OD);
    exact_mat_frob2(q[Q_REMPI], PiD);
    exact_mat_frob2(q[Q_REMORTH], OD);
    progress_end();
    arb_t v[NQI];
    for (int k = 0; k < NQI; k++) arb_init(v[k]);
    intervals(v, q, d0, n);
    int d = decide(orth, pd, q, v);
    json_t *qs = json_object(), *w = json_object(), *rows = json_array();
    for (int k = 0; k < NQX; k++) json_object_set_new(qs, QX[k], msecp_rational_quantity(q[k], PREC));
    for (int k = 0; k < NQI; k++) json_object_set_new(qs, QI[k], cert_quantity(v[k], NULL, 1));
    for (long i = 0; i < C; i++) {
        json_t *r = json_array();
        for (long j = 0; j < C; j++) {
            char *str = fmpq_get_str(NULL, 10, fmpq_mat_entry(S, i, j));
            json_array_append_new(r, json_string(str));
            flint_free(str);
        }
        json_array_append_new(rows, r);
    }
    json_object_set_new(w, "S", rows);
    for (int k = 0; k < NQI; k++) arb_clear(v[k]);
    static const nc_verdict V[5] = {NC_PROVED, NC_REFUTED, NC_REFUTED, NC_PROVED, NC_INCONCLUSIVE};
    *cert =
        cert_assemble("msecp.manifold", source(orth), json_deep_copy(P.json), cert_method(2, PREC), AS[d], w, qs, V[d]);
out:
    fmpq_clear(t), fmpq_clear(d0), fmpq_clear(x), fmpq_clear(y);
    for (int k = 0; k < NQX; k++) fmpq_clear(q[k]);
    fmpq_mat_clear(D), fmpq_mat_clear(H1), fmpq_mat_clear(A), fmpq_mat_clear(S), fmpq_mat_clear(T);
    fmpq_mat_clear(U), fmpq_mat_clear(PiD), fmpq_mat_clear(OD), fmpq_mat_clear(XW), fmpq_mat_clear(SZ);
    msecp_point_clear(&P);
    return rc;
}
