/* msecp_manifold_obs.c: certifier of Observations 2-3 (seed 003, D.2) inside msecp.manifold,
 * part "observations". From the msecp-point/1 point X' (globally centred: Xc = X' - mean
 * column), rational features Hbar = B Xc with B = Q diag(d) Q^T (Q a Householder reflection, so
 * Sigma_W(Hbar) = B^2 and Sigma_W^{-1/2} = B^{-1} exactly), U, V products of two Householder
 * reflections; X = U^T B^{-1} Hbar (V (x) I_N). Exact rational gaps: X C X^T = I (Obs. 2) and
 * X Y^T / N = U^T Sigma_W^{-1/2} Mbar V (Obs. 3), plus the hypotheses (B^2 = Sigma_W, U, V, Q
 * orthogonal, Hbar globally centred). Generator in specs/claims/msecp.manifold.md. */
#include <string.h>
#include "claims/claim.h"
#include "claims/msecp/msecp_inst.h"
#include "claims/msecp/msecp_manifold_point.h"
#include "claims/msecp/msecp_manifold_parts.h"
#include "instance/splitmix64.h"
#include "cert/cert.h"

#define NQ 8
static const char *const QN[NQ] = {"sqrt_witness_gap", "q_orth_gap", "u_orth_gap", "v_orth_gap",
                                   "centring_gap",     "obs2_gap",   "obs3_gap",   "omega_frob2"};
static const char *const AS[3] = {
    "Observations 2-3 hold: X C X^T = I and X Y^T / N = U^T Sigma_W^{-1/2} Mbar V for X = U^T Sigma_W^{-1/2} "
    "Hbar (V (x) I_N)",
    "Observation 2 or 3 fails on this instance", "none"};

static void div_si(fmpq_t r, long d)
{
    fmpz_t z;
    fmpz_init_set_si(z, d);
    fmpq_div_fmpz(r, r, z);
    fmpz_clear(z);
}

/* I - 2 v v^T / (v^T v) for v of C dyadic8 draws (identity when v = 0). */
static void householder(fmpq_mat_t H, long C, uint64_t *s)
{
    fmpq_t vv, t;
    fmpq_init(vv), fmpq_init(t);
    fmpq *v = _fmpq_vec_init(C);
    for (long i = 0; i < C; i++) {
        fmpq_set_si(v + i, (long)(splitmix64_next(s) >> 59) - 16, 8);
        fmpq_addmul(vv, v + i, v + i);
    }
    fmpq_mat_one(H);
    if (!fmpq_is_zero(vv))
        for (long i = 0; i < C; i++)
            for (long j = 0; j < C; j++) {
                fmpq_mul(t, v + i, v + j);
                fmpq_mul_2exp(t, t, 1);
                fmpq_div(t, t, vv);
                fmpq_sub(fmpq_mat_entry(H, i, j), fmpq_mat_entry(H, i, j), t);
            }
    _fmpq_vec_clear(v, C);
    fmpq_clear(vv), fmpq_clear(t);
}

static void orth_gap(fmpq_t o, const fmpq_mat_t Q)
{
    fmpq_mat_t T, G;
    fmpq_mat_init(T, Q->c, Q->r), fmpq_mat_init(G, Q->c, Q->c);
    fmpq_mat_transpose(T, Q);
    fmpq_mat_mul(G, T, Q);
    for (long i = 0; i < G->r; i++) fmpq_sub_si(fmpq_mat_entry(G, i, i), fmpq_mat_entry(G, i, i), 1);
    exact_mat_inner(o, G, G);
    fmpq_mat_clear(T), fmpq_mat_clear(G);
}

/* out = A (V (x) I_N): column c'N + i is sum_c V[c][c'] A[:, cN + i]. */
static void right_kron(fmpq_mat_t out, const fmpq_mat_t A, const fmpq_mat_t V, long C, long N)
{
    fmpq_mat_zero(out);
    for (long r = 0; r < A->r; r++)
        for (long c2 = 0; c2 < C; c2++)
            for (long i = 0; i < N; i++)
                for (long c = 0; c < C; c++)
                    fmpq_addmul(fmpq_mat_entry(out, r, c2 * N + i), fmpq_mat_entry(A, r, c * N + i),
                                fmpq_mat_entry(V, c, c2));
}

/* class means A Y^T / N (C x C for A with C rows) */
static void class_means(fmpq_mat_t out, const fmpq_mat_t A, long C, long N)
{
    fmpq_mat_zero(out);
    for (long r = 0; r < A->r; r++)
        for (long c = 0; c < C; c++) {
            for (long i = 0; i < N; i++)
                fmpq_add(fmpq_mat_entry(out, r, c), fmpq_mat_entry(out, r, c), fmpq_mat_entry(A, r, c * N + i));
            div_si(fmpq_mat_entry(out, r, c), N);
        }
}

static json_t *source(void)
{
    return msecp_source("Observations 2-3",
                        "X = U^T Sigma_W^{-1/2} Hbar (V (x) I_N) satisfies X C X^T = I_C (Obs. 2) and "
                        "Omega(X) = X Y^T / N = U^T Sigma_W^{-1/2} Mbar V (Obs. 3)");
}

int msecp_manifold_obs_certify(json_t *inst, json_t **cert, nc_error *err)
{
    static const char *const KEYS[] = {NULL};
    msecp_point P;
    if (msecp_point_from_json(&P, inst, KEYS, err)) return err->status;
    long C = P.C, N = P.N, n = P.n;
    uint64_t s = P.rng;
    fmpq_t q[NQ], m;
    for (int k = 0; k < NQ; k++) fmpq_init(q[k]);
    fmpq_init(m);
    fmpq_mat_t Q, U, V, B, Bi, T, Hb, X, G, Mb, Om, Om2, Ut, Xc;
    fmpq_mat_init(Q, C, C), fmpq_mat_init(U, C, C), fmpq_mat_init(V, C, C), fmpq_mat_init(B, C, C);
    fmpq_mat_init(Bi, C, C), fmpq_mat_init(T, C, C), fmpq_mat_init(Hb, C, n), fmpq_mat_init(X, C, n);
    fmpq_mat_init(G, C, C), fmpq_mat_init(Mb, C, C), fmpq_mat_init(Om, C, C), fmpq_mat_init(Om2, C, C);
    fmpq_mat_init(Ut, C, C), fmpq_mat_init(Xc, C, n);
    /* draws after X', Z: U = H1 H2, V = H3 H4, Q = H5, d_0..d_{C-1} */
    householder(T, C, &s), householder(G, C, &s), fmpq_mat_mul(U, T, G);
    householder(T, C, &s), householder(G, C, &s), fmpq_mat_mul(V, T, G);
    householder(Q, C, &s);
    fmpq_mat_zero(G);
    for (long i = 0; i < C; i++) fmpq_set_si(fmpq_mat_entry(G, i, i), 8 + (long)(splitmix64_next(&s) >> 60), 8);
    fmpq_mat_mul(T, Q, G), fmpq_mat_transpose(Ut, Q), fmpq_mat_mul(B, T, Ut); /* B = Q diag(d) Q^T */
    /* Xc = X' - mean column; Hbar = B Xc */
    for (long r = 0; r < C; r++) {
        fmpq_zero(m);
        for (long k = 0; k < n; k++) fmpq_add(m, m, fmpq_mat_entry(P.X, r, k));
        div_si(m, n);
        for (long k = 0; k < n; k++) fmpq_sub(fmpq_mat_entry(Xc, r, k), fmpq_mat_entry(P.X, r, k), m);
    }
    fmpq_mat_mul(Hb, B, Xc);
    /* hypotheses */
    msecp_point_dF(G, Hb, Hb, C, N);
    fmpq_set_si(m, 1, 2);
    fmpq_mat_scalar_mul_fmpq(G, G, m); /* Sigma_W(Hbar) = Hbar C Hbar^T */
    fmpq_mat_mul(T, B, B);
    exact_mat_dist2(q[0], T, G);
    orth_gap(q[1], Q), orth_gap(q[2], U), orth_gap(q[3], V);
    fmpq_zero(q[4]);
    for (long r = 0; r < C; r++) {
        fmpq_zero(m);
        for (long k = 0; k < n; k++) fmpq_add(m, m, fmpq_mat_entry(Hb, r, k));
        fmpq_addmul(q[4], m, m);
    }
    /* X = U^T B^{-1} Hbar (V (x) I_N) */
    fmpq_mat_inv(Bi, B);
    fmpq_mat_transpose(Ut, U);
    fmpq_mat_mul(T, Ut, Bi);
    fmpq_mat_mul(Xc, T, Hb);
    right_kron(X, Xc, V, C, N);
    msecp_point_membership_gap(q[5], X, C, N);
    /* Omega(X) = X Y^T / N against U^T B^{-1} Mbar V, Mbar = class means of Hbar - mu_G 1^T */
    class_means(Om, X, C, N);
    class_means(Mb, Hb, C, N);
    for (long r = 0; r < C; r++) {
        fmpq_zero(m);
        for (long c = 0; c < C; c++) fmpq_add(m, m, fmpq_mat_entry(Mb, r, c));
        div_si(m, C); /* mu_G (equal class sizes) */
        for (long c = 0; c < C; c++) fmpq_sub(fmpq_mat_entry(Mb, r, c), fmpq_mat_entry(Mb, r, c), m);
    }
    fmpq_mat_mul(G, T, Mb);
    fmpq_mat_mul(Om2, G, V);
    exact_mat_dist2(q[6], Om, Om2);
    exact_mat_inner(q[7], Om, Om);
    int d = 2;
    int hyp = 1;
    for (int k = 0; k < 5; k++) hyp &= fmpq_is_zero(q[k]);
    if (hyp) d = fmpq_is_zero(q[5]) && fmpq_is_zero(q[6]) ? 0 : 1;
    json_t *qs = json_object();
    for (int k = 0; k < NQ; k++) json_object_set_new(qs, QN[k], msecp_rational_quantity(q[k], 128));
    static const nc_verdict VD[3] = {NC_PROVED, NC_REFUTED, NC_INCONCLUSIVE};
    *cert = cert_assemble("msecp.manifold", source(), json_deep_copy(P.json), cert_method(2, 0), AS[d], json_object(),
                          qs, VD[d]);
    for (int k = 0; k < NQ; k++) fmpq_clear(q[k]);
    fmpq_clear(m);
    fmpq_mat_clear(Q), fmpq_mat_clear(U), fmpq_mat_clear(V), fmpq_mat_clear(B), fmpq_mat_clear(Bi);
    fmpq_mat_clear(T), fmpq_mat_clear(Hb), fmpq_mat_clear(X), fmpq_mat_clear(G), fmpq_mat_clear(Mb);
    fmpq_mat_clear(Om), fmpq_mat_clear(Om2), fmpq_mat_clear(Ut), fmpq_mat_clear(Xc);
    msecp_point_clear(&P);
    return 0;
}
