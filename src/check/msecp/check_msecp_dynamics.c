/* check_msecp_dynamics.c: owns the check of claim msecp.dynamics (seed 003, Lemmas 4-5,
 * Proposition 2, Corollary 1). Dispatch on the instance kind: msecp-ode/1 goes to
 * check_msecp_dynamics_ode.c; msecp-point/1 with part "t0-*" is checked here: nccheck
 * regenerates X and Z, recomputes the nine exact rational quantities of
 * specs/claims/msecp.dynamics.md with GMP (its own G = M R^2 (M^T X C - Y/N), chain-rule dL[Z],
 * velocities -Pi(G), -P(G), -G and dK along each), requires each enclosure to contain the exact
 * value, and derives assertion and verdict itself. */
#include <string.h>
#include "check_claims.h"
#include "check_enclosure.h"
#include "msecp/check_msecp_manifold_point.h"
#include "msecp/check_msecp_dynamics.h"

#define NQ 9
static const char *const QN[NQ + 1] = {
    "membership_gap",   "gradient_gap",       "defined_tangent_gap", "trace_K", "derived_law_gap", "orth_law_gap",
    "lemma5_trace_gap", "lemma5_gap_formula", "lemma4_normal_trace", NULL};
#define NPART 4
static const char *const PARTS[NPART] = {"t0-lemma5", "t0-lemma4", "t0-derived", "t0-orthogonal"};
static const char *const AS[NPART + 2] = {
    "Lemma 5 is false for the flow of eq. (5) with Proposition 4's Pi: at this point d/dt tr K != "
    "tr((2/N) K (CI+K)^{-2})",
    "Lemma 4's velocity is not tangent to the manifold at this point: the diagonal of dF_X(dX/dt) over "
    "rows 1..C-1 does not vanish",
    "under the flow of eq. (5) with Proposition 4's Pi, dK/dt = (2/n) K (CI+K)^{-1} at this point "
    "(omega_j' = omega_j/(CN(C+omega_j^2)))",
    "under the flow of eq. (5) with the orthogonal projection, dK/dt = (2/N) K (CI+K)^{-2} at this point "
    "(Lemma 5's law)",
    "the flow setup fails on this instance",
    "none"};
static const ck_verdict VERD[NPART + 2] = {CK_REFUTED, CK_REFUTED, CK_PROVED, CK_PROVED, CK_REFUTED, CK_INCONCLUSIVE};

/* A Y^T / N (rows x C) */
static ckm *class_means(const ckm *A, long C, long N)
{
    ckm *o = ck_msecp_mat_new(A->r, C);
    for (long r = 0; r < A->r; r++)
        for (long c = 0; c < C; c++) {
            for (long i = 0; i < N; i++) mpq_add(CKM(o, r, c), CKM(o, r, c), CKM(A, r, c * N + i));
            mpz_mul_ui(mpq_denref(CKM(o, r, c)), mpq_denref(CKM(o, r, c)), (unsigned long)N);
            mpq_canonicalize(CKM(o, r, c));
        }
    return o;
}

static void scale_si(ckm *m, long num, long den)
{
    mpq_t s;
    mpq_init(s);
    mpq_set_si(s, num, (unsigned long)den);
    mpq_canonicalize(s);
    ck_msecp_mat_scale(m, s);
    mpq_clear(s);
}

static ckm *mul3(const ckm *a, const ckm *b, const ckm *c)
{
    ckm *t = ck_msecp_mat_mul(a, b), *o = ck_msecp_mat_mul(t, c);
    ck_msecp_mat_free(t);
    return o;
}

typedef struct {
    long C, N;
    const ckm *X;
    ckm *M, *Mt, *Si;
} dctx;

/* dK along V: dM^T Si M + M^T Si dM - M^T Si dF_X(V) Si M */
static ckm *kdot(const dctx *D, const ckm *V)
{
    ckm *dM = class_means(V, D->C, D->N), *dMt = ck_msecp_mat_tr(dM), *A = mul3(dMt, D->Si, D->M),
        *At = ck_msecp_mat_tr(A);
    ckm *S = ck_msecp_mp_dF(D->X, V, D->C, D->N), *B = mul3(D->Mt, D->Si, S), *B2 = mul3(B, D->Si, D->M);
    ckm *s1 = ck_msecp_mat_lin(A, 1, At, 1), *o = ck_msecp_mat_lin(s1, 1, B2, -1);
    ck_msecp_mat_free(dM), ck_msecp_mat_free(dMt), ck_msecp_mat_free(A), ck_msecp_mat_free(At), ck_msecp_mat_free(S),
        ck_msecp_mat_free(B), ck_msecp_mat_free(B2), ck_msecp_mat_free(s1);
    return o;
}

/* q[k] = QN[k]; -1 if a matrix the formulas invert is singular (then not a manifold point) */
static int compute(mpq_t *q, const ck_msecp_mp_point *P)
{
    long C = P->C, N = P->N, n = P->n;
    dctx D = {C, N, P->X, NULL, NULL, NULL};
    mpq_t t;
    mpq_init(t);
    for (int k = 0; k < NQ; k++) mpq_set_ui(q[k], 0, 1);
    ckm *S = ck_msecp_mp_dF(P->X, P->X, C, N);
    scale_si(S, 1, 2); /* X C X^T */
    ckm *I = ck_msecp_mat_new(C, C);
    mpq_set_ui(t, 1, 1);
    ck_msecp_mat_add_diag(I, t);
    ck_msecp_mat_dist2(q[0], S, I);
    D.M = class_means(P->X, C, N), D.Mt = ck_msecp_mat_tr(D.M), D.Si = ck_msecp_mat_inv(S);
    ckm *K = NULL, *R = NULL, *R2 = NULL, *G = NULL;
    int rc = -1;
    if (!D.Si) goto out;
    K = mul3(D.Mt, D.Si, D.M);
    ckm *CK = ck_msecp_mat_copy(K);
    mpq_set_si(t, C, 1);
    ck_msecp_mat_add_diag(CK, t);
    R = ck_msecp_mat_inv(CK);
    ck_msecp_mat_free(CK);
    if (!R) goto out;
    R2 = ck_msecp_mat_mul(R, R);
    { /* G = M R^2 (M^T X C - Y / N) */
        ckm *XC = ck_msecp_mp_center(P->X, C, N), *T = ck_msecp_mat_mul(D.Mt, XC), *MR2 = ck_msecp_mat_mul(D.M, R2);
        mpq_set_si(t, 1, (unsigned long)N);
        for (long c = 0; c < C; c++)
            for (long i = 0; i < N; i++) mpq_sub(CKM(T, c, c * N + i), CKM(T, c, c * N + i), t);
        G = ck_msecp_mat_mul(MR2, T);
        ck_msecp_mat_free(XC), ck_msecp_mat_free(T), ck_msecp_mat_free(MR2);
    }
    { /* 1: <G, Z> + (1/2) tr(R^2 dK[Z]) */
        ckm *dK = kdot(&D, P->Z), *B = ck_msecp_mat_mul(R2, dK);
        ck_msecp_mat_trace(t, B);
        mpq_div_2exp(t, t, 1);
        ck_msecp_mp_inner(q[1], G, P->Z);
        mpq_add(q[1], q[1], t);
        ck_msecp_mat_free(dK), ck_msecp_mat_free(B);
    }
    { /* 2-8 */
        ckm *Pi = ck_msecp_mp_pi(P->X, G, C, N), *Va = ck_msecp_mat_lin(Pi, -1, Pi, 0),
            *Sa = ck_msecp_mp_dF(P->X, Va, C, N);
        ck_msecp_mp_inner(q[2], Sa, Sa);
        ck_msecp_mat_trace(q[3], K);
        ckm *Ka = kdot(&D, Va), *KR = ck_msecp_mat_mul(K, R);
        ckm *L = ck_msecp_mat_copy(KR);
        scale_si(L, 2, n);
        ck_msecp_mat_dist2(q[4], Ka, L);
        ckm *KR2 = ck_msecp_mat_mul(K, R2), *Lb = ck_msecp_mat_copy(KR2);
        scale_si(Lb, 2, N);
        ckm *O = ck_msecp_mp_orth(P->X, G, C, N), *Vb = ck_msecp_mat_lin(O, -1, O, 0), *Kb = kdot(&D, Vb);
        ck_msecp_mat_dist2(q[5], Kb, Lb);
        ck_msecp_mat_trace(q[6], Ka);
        ck_msecp_mat_trace(t, Lb);
        mpq_sub(q[6], q[6], t);
        ckm *KRKR = ck_msecp_mat_mul(KR, KR);
        ck_msecp_mat_trace(q[7], KRKR);
        mpq_set_si(t, 2, (unsigned long)n);
        mpq_canonicalize(t);
        mpq_mul(q[7], q[7], t);
        ckm *V4 = ck_msecp_mat_lin(G, -1, G, 0), *S4 = ck_msecp_mp_dF(P->X, V4, C, N);
        for (long j = 0; j + 1 < C; j++) mpq_add(q[8], q[8], CKM(S4, j, j));
        ck_msecp_mat_free(Pi), ck_msecp_mat_free(Va), ck_msecp_mat_free(Sa), ck_msecp_mat_free(Ka),
            ck_msecp_mat_free(KR), ck_msecp_mat_free(L), ck_msecp_mat_free(KR2);
        ck_msecp_mat_free(Lb), ck_msecp_mat_free(O), ck_msecp_mat_free(Vb), ck_msecp_mat_free(Kb),
            ck_msecp_mat_free(KRKR), ck_msecp_mat_free(V4), ck_msecp_mat_free(S4);
    }
    rc = 0;
out:
    ck_msecp_mat_free(S), ck_msecp_mat_free(I), ck_msecp_mat_free(D.M), ck_msecp_mat_free(D.Mt),
        ck_msecp_mat_free(D.Si);
    ck_msecp_mat_free(K), ck_msecp_mat_free(R), ck_msecp_mat_free(R2), ck_msecp_mat_free(G);
    mpq_clear(t);
    return rc;
}

static int check_t0(const json_t *root, ck_verdict verdict, ck_err *e)
{
    ck_msecp_mp_point P;
    mpq_t q[NQ];
    int rc = -1;
    for (int k = 0; k < NQ; k++) mpq_init(q[k]);
    const json_t *inst = json_object_get(root, "instance");
    const char *as;
    json_t *qj;
    if (ck_msecp_mp_read_cert(root, &P, &as, &qj, e)) goto out;
    const char *part = ck_get_str(inst, "instance", "part", e);
    if (!part) goto out;
    int p = -1;
    for (int k = 0; k < NPART; k++)
        if (strcmp(part, PARTS[k]) == 0) p = k;
    if (p < 0) {
        ck_fail(e, CK_MALFORMED, "instance.part: not a t0 part of msecp.dynamics");
        goto out;
    }
    if (P.between == 0) {
        ck_fail(e, CK_MALFORMED, "instance.between: \"none\" is not an msecp.dynamics instance");
        goto out;
    }
    if (ck_keys(qj, "quantities", QN, NULL, e)) goto out;
    int singular = compute(q, &P) != 0;
    for (int k = 0; k < NQ && !singular; k++)
        if (ck_encl_verify_rational(qj, QN[k], q[k], e)) goto out;
    int d;
    if (singular || mpq_sgn(q[0]) || mpq_sgn(q[1]) || mpq_sgn(q[2]))
        d = NPART;
    else if (mpq_sgn(q[3]) == 0)
        d = NPART + 1;
    else {
        int holds = p == 0   ? mpq_sgn(q[6]) != 0
                    : p == 1 ? mpq_sgn(q[8]) != 0
                    : p == 2 ? mpq_sgn(q[4]) == 0
                             : mpq_sgn(q[5]) == 0;
        d = holds ? p : NPART + 1;
    }
    if (singular) {
        ck_fail(e, CK_INVALID, "X C X^T or C I + K is singular: not a manifold point");
        goto out;
    }
    rc = ck_check_decision(as, verdict, AS, VERD, NPART + 2, d, e);
out:
    for (int k = 0; k < NQ; k++) mpq_clear(q[k]);
    ck_msecp_mp_free(&P);
    return rc;
}

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(msecp, dynamics, "msecp.dynamics");

int ck_claim_msecp_dynamics(const json_t *root, ck_verdict verdict, ck_err *e)
{
    const json_t *inst = json_object_get(root, "instance");
    const char *kind = json_is_object(inst) ? json_string_value(json_object_get(inst, "kind")) : NULL;
    if (kind && strcmp(kind, "msecp-ode/1") == 0) return ck_msecp_dynamics_ode(root, verdict, e);
    if (kind && strcmp(kind, "msecp-point/1") == 0) return check_t0(root, verdict, e);
    ck_fail(e, CK_MALFORMED, "instance.kind: msecp.dynamics needs msecp-point/1 or msecp-ode/1");
    return -1;
}
