/* check_msecp_manifold_obs.c: owns nccheck's check of msecp.manifold part "observations"
 * (seed 003, Observations 2-3). Regenerates from the spec the point X', the Householder
 * reflections U, V, Q, the scales d and Hbar = B (X' - mean column), B = Q diag(d) Q^T;
 * recomputes the eight exact gaps with GMP (B^2 = Hbar C Hbar^T, orthogonality, centring,
 * X C X^T = I, X Y^T / N = U^T B^{-1} Mbar V, ||Omega||_F^2) and derives the verdict. B is
 * positive definite because Q is orthogonal (checked) and every d_i >= 1 (by the generator), so
 * B = Sigma_W^{1/2} and B^{-1} = Sigma_W^{-1/2}. */
#include <string.h>
#include <stdlib.h>
#include "check_alloc.h"
#include "check_claims.h"
#include "check_enclosure.h"
#include "msecp/check_msecp_manifold_point.h"
#include "msecp/check_msecp_manifold_parts.h"

#define NQ 8
static const char *const QN[NQ + 1] = {"sqrt_witness_gap", "q_orth_gap", "u_orth_gap",  "v_orth_gap", "centring_gap",
                                       "obs2_gap",         "obs3_gap",   "omega_frob2", NULL};
static const char *const AS[3] = {
    "Observations 2-3 hold: X C X^T = I and X Y^T / N = U^T Sigma_W^{-1/2} Mbar V for X = U^T Sigma_W^{-1/2} "
    "Hbar (V (x) I_N)",
    "Observation 2 or 3 fails on this instance", "none"};

static ckm *reflection(long C, uint64_t *s)
{
    ckm *H = ck_msecp_mat_new(C, C);
    mpq_t *v = ck_malloc((size_t)C * sizeof(mpq_t)), vv, t;
    mpq_inits(vv, t, NULL);
    for (long i = 0; i < C; i++) {
        mpq_init(v[i]);
        mpq_set_si(v[i], (long)(ck_msecp_mp_next(s) >> 59) - 16, 8);
        mpq_canonicalize(v[i]);
        mpq_mul(t, v[i], v[i]), mpq_add(vv, vv, t);
    }
    for (long i = 0; i < C; i++) {
        mpq_set_ui(CKM(H, i, i), 1, 1);
        if (mpq_sgn(vv) == 0) continue;
        for (long j = 0; j < C; j++) {
            mpq_mul(t, v[i], v[j]);
            mpq_add(t, t, t);
            mpq_div(t, t, vv);
            mpq_sub(CKM(H, i, j), CKM(H, i, j), t);
        }
    }
    for (long i = 0; i < C; i++) mpq_clear(v[i]);
    ck_free(v);
    mpq_clears(vv, t, NULL);
    return H;
}

static ckm *mul_free(ckm *a, ckm *b)
{
    ckm *c = ck_msecp_mat_mul_cd(a, b);
    ck_msecp_mat_free(a), ck_msecp_mat_free(b);
    return c;
}

static void orth_gap(mpq_t o, const ckm *Q)
{
    ckm *T = ck_msecp_mat_tr(Q), *G = ck_msecp_mat_mul_cd(T, Q);
    mpq_t m;
    mpq_init(m);
    mpq_set_si(m, -1, 1);
    ck_msecp_mat_add_diag(G, m);
    ck_msecp_mat_frob2(o, G);
    mpq_clear(m);
    ck_msecp_mat_free(T), ck_msecp_mat_free(G);
}

/* C x C class means A Y^T / N */
static ckm *means(const ckm *A, long C, long N)
{
    ckm *o = ck_msecp_mat_new(A->r, C);
    mpq_t n;
    mpq_init(n);
    mpq_set_si(n, N, 1);
    for (long r = 0; r < A->r; r++)
        for (long c = 0; c < C; c++) {
            for (long i = 0; i < N; i++) mpq_add(CKM(o, r, c), CKM(o, r, c), CKM(A, r, c * N + i));
            mpq_div(CKM(o, r, c), CKM(o, r, c), n);
        }
    mpq_clear(n);
    return o;
}

static void compute(mpq_t *q, const ck_msecp_mp_point *P)
{
    long C = P->C, N = P->N, n = P->n;
    uint64_t s = P->rng;
    ckm *U = reflection(C, &s);
    U = mul_free(U, reflection(C, &s));
    ckm *V = reflection(C, &s);
    V = mul_free(V, reflection(C, &s));
    ckm *Q = reflection(C, &s), *Dg = ck_msecp_mat_new(C, C);
    for (long i = 0; i < C; i++) {
        mpq_set_si(CKM(Dg, i, i), 8 + (long)(ck_msecp_mp_next(&s) >> 60), 8);
        mpq_canonicalize(CKM(Dg, i, i));
    }
    ckm *Qt = ck_msecp_mat_tr(Q), *B = mul_free(ck_msecp_mat_mul_cd(Q, Dg), ck_msecp_mat_copy(Qt));
    mpq_t m, k;
    mpq_inits(m, k, NULL);
    ckm *Xc = ck_msecp_mat_copy(P->X);
    mpq_set_si(k, n, 1);
    for (long r = 0; r < C; r++) {
        mpq_set_ui(m, 0, 1);
        for (long c = 0; c < n; c++) mpq_add(m, m, CKM(P->X, r, c));
        mpq_div(m, m, k);
        for (long c = 0; c < n; c++) mpq_sub(CKM(Xc, r, c), CKM(Xc, r, c), m);
    }
    ckm *Hb = ck_msecp_mat_mul_cd(B, Xc), *Sw = ck_msecp_mp_dF(Hb, Hb, C, N), *B2 = ck_msecp_mat_mul_cd(B, B);
    mpq_set_si(m, 1, 2);
    ck_msecp_mat_scale(Sw, m);
    ck_msecp_mat_dist2(q[0], B2, Sw);
    orth_gap(q[1], Q), orth_gap(q[2], U), orth_gap(q[3], V);
    mpq_set_ui(q[4], 0, 1);
    for (long r = 0; r < C; r++) {
        mpq_set_ui(m, 0, 1);
        for (long c = 0; c < n; c++) mpq_add(m, m, CKM(Hb, r, c));
        mpq_mul(m, m, m), mpq_add(q[4], q[4], m);
    }
    ckm *Di = ck_msecp_mat_new(C, C);
    for (long i = 0; i < C; i++) mpq_inv(CKM(Di, i, i), CKM(Dg, i, i));
    /* B^{-1} = Q diag(1/d) Q^T: exact once Q^T Q = I (q_orth_gap = 0, required for PROVED) */
    ckm *Bi = mul_free(ck_msecp_mat_mul_cd(Q, Di), ck_msecp_mat_copy(Qt)), *Ut = ck_msecp_mat_tr(U),
        *T = ck_msecp_mat_mul_cd(Ut, Bi), *Y0 = ck_msecp_mat_mul_cd(T, Hb), *X = ck_msecp_mat_new(C, n);
    for (long i = 0; i < N; i++) { /* X = Y0 (V (x) I_N): sample i of every class, times V */
        ckm *Yi = ck_msecp_mat_new(C, C);
        for (long r = 0; r < C; r++)
            for (long c = 0; c < C; c++) mpq_set(CKM(Yi, r, c), CKM(Y0, r, c * N + i));
        ckm *Xi = ck_msecp_mat_mul_cd(Yi, V);
        for (long r = 0; r < C; r++)
            for (long c = 0; c < C; c++) mpq_set(CKM(X, r, c * N + i), CKM(Xi, r, c));
        ck_msecp_mat_free(Yi), ck_msecp_mat_free(Xi);
    }
    ckm *XC = ck_msecp_mp_center(X, C, N), *Xt = ck_msecp_mat_tr(X), *G = ck_msecp_mat_mul_cd(XC, Xt);
    mpq_set_si(m, -1, 1);
    ck_msecp_mat_add_diag(G, m);
    ck_msecp_mat_frob2(q[5], G);
    ckm *Om = means(X, C, N), *Mb = means(Hb, C, N);
    mpq_set_si(k, C, 1);
    for (long r = 0; r < C; r++) { /* Mbar = class means - mu_G */
        mpq_set_ui(m, 0, 1);
        for (long c = 0; c < C; c++) mpq_add(m, m, CKM(Mb, r, c));
        mpq_div(m, m, k);
        for (long c = 0; c < C; c++) mpq_sub(CKM(Mb, r, c), CKM(Mb, r, c), m);
    }
    ckm *Om2 = mul_free(ck_msecp_mat_mul_cd(T, Mb), ck_msecp_mat_copy(V));
    ck_msecp_mat_dist2(q[6], Om, Om2);
    ck_msecp_mat_frob2(q[7], Om);
    mpq_clears(m, k, NULL);
    ck_msecp_mat_free(U), ck_msecp_mat_free(V), ck_msecp_mat_free(Q), ck_msecp_mat_free(Dg), ck_msecp_mat_free(Qt),
        ck_msecp_mat_free(B), ck_msecp_mat_free(Xc), ck_msecp_mat_free(Hb);
    ck_msecp_mat_free(Sw), ck_msecp_mat_free(B2), ck_msecp_mat_free(Bi), ck_msecp_mat_free(Di), ck_msecp_mat_free(Ut),
        ck_msecp_mat_free(T), ck_msecp_mat_free(Y0), ck_msecp_mat_free(X), ck_msecp_mat_free(XC);
    ck_msecp_mat_free(Xt), ck_msecp_mat_free(G), ck_msecp_mat_free(Om), ck_msecp_mat_free(Mb), ck_msecp_mat_free(Om2);
}

static int decide(const mpq_t *q)
{
    for (int k = 0; k < 5; k++)
        if (mpq_sgn(q[k]) != 0) return 2;
    return mpq_sgn(q[5]) == 0 && mpq_sgn(q[6]) == 0 ? 0 : 1;
}

static const ck_verdict V[3] = {CK_PROVED, CK_REFUTED, CK_INCONCLUSIVE};
static const ck_msecp_mm_exact_part OBSERVATIONS = {NULL, QN, compute, decide, AS, V, 3};

int ck_msecp_mm_check_obs(const json_t *root, ck_verdict verdict, ck_err *e)
{
    return ck_msecp_mm_check_exact(root, verdict, &OBSERVATIONS, e);
}
