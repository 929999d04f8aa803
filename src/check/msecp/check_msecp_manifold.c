/* check_msecp_manifold.c: owns the check of claim msecp.manifold (seed 003, Definition 6,
 * Propositions 3-4). nccheck regenerates the point X and direction Z (msecp-point/1),
 * recomputes the nine exact rational quantities of specs/claims/msecp.manifold.md with GMP,
 * requires each stated enclosure to contain the exact value, and derives assertion and
 * verdict itself. Parts "lemma2", "lemma2-orth", "observations": check_msecp_manifold_parts.h. */
#include <string.h>
#include "check_claims.h"
#include "msecp/check_msecp_manifold_point.h"
#include "msecp/check_msecp_manifold_parts.h"

#define NQ 9
static const char *const QN[NQ + 1] = {
    "membership_gap",    "surjectivity_gap", "pi_tangent_gap", "pi_idempotence_gap",  "orth_tangent_gap",
    "orth_normal_inner", "between_frob2",    "pi_orth_inner",  "pi_minus_orth_frob2", NULL};
static const char *const AS[4] = {
    "Pi is the orthogonal projection onto T_X (X has no between-class part: X P_w = X)",
    "Pi is an oblique projection onto T_X (idempotent, range T_X), not the orthogonal one",
    "the manifold structure fails on this instance", "none"};

static void dist2(mpq_t o, const ckm *A, const ckm *B)
{
    ckm *D = ck_msecp_mat_lin(A, 1, B, -1);
    ck_msecp_mp_inner(o, D, D);
    ck_msecp_mat_free(D);
}

static void compute(mpq_t *q, const ck_msecp_mp_point *P)
{
    long C = P->C, N = P->N;
    mpq_t h, cn;
    mpq_inits(h, cn, NULL);
    mpq_set_si(h, 1, 2);
    mpq_set_si(cn, C * N, 1);
    /* membership: ||X C X^T - I||^2 */
    ckm *XC = ck_msecp_mp_center(P->X, C, N), *Xt = ck_msecp_mat_tr(P->X), *G = ck_msecp_mat_mul(XC, Xt),
        *I = ck_msecp_mat_new(C, C);
    for (long k = 0; k < C; k++) mpq_set_ui(CKM(I, k, k), 1, 1);
    dist2(q[0], G, I);
    ckm *S = ck_msecp_mp_dF(P->X, P->Z, C, N), *SX = ck_msecp_mat_mul(S, P->X);
    ck_msecp_mat_scale(SX, h);
    ckm *T = ck_msecp_mp_dF(P->X, SX, C, N);
    dist2(q[1], T, S);
    ckm *Pi = ck_msecp_mp_pi(P->X, P->Z, C, N), *T2 = ck_msecp_mp_dF(P->X, Pi, C, N);
    ck_msecp_mp_inner(q[2], T2, T2);
    ckm *PP = ck_msecp_mp_pi(P->X, Pi, C, N);
    dist2(q[3], PP, Pi);
    ckm *O = ck_msecp_mp_orth(P->X, P->Z, C, N), *T3 = ck_msecp_mp_dF(P->X, O, C, N),
        *D1 = ck_msecp_mat_lin(P->Z, 1, O, -1);
    ck_msecp_mp_inner(q[4], T3, T3);
    ck_msecp_mp_inner(q[5], D1, Pi);
    ckm *XW = ck_msecp_mp_center(P->X, C, N);
    ck_msecp_mat_scale(XW, cn);
    dist2(q[6], P->X, XW);
    ckm *D2 = ck_msecp_mat_lin(P->Z, 1, Pi, -1);
    ck_msecp_mp_inner(q[7], D2, Pi);
    dist2(q[8], Pi, O);
    ck_msecp_mat_free(XC), ck_msecp_mat_free(Xt), ck_msecp_mat_free(G), ck_msecp_mat_free(I), ck_msecp_mat_free(S),
        ck_msecp_mat_free(SX), ck_msecp_mat_free(T), ck_msecp_mat_free(Pi);
    ck_msecp_mat_free(T2), ck_msecp_mat_free(PP), ck_msecp_mat_free(O), ck_msecp_mat_free(T3), ck_msecp_mat_free(D1),
        ck_msecp_mat_free(XW), ck_msecp_mat_free(D2);
    mpq_clears(h, cn, NULL);
}

static int decide(const mpq_t *q)
{
    for (int k = 0; k < 6; k++)
        if (mpq_sgn(q[k]) != 0) return 2;
    return mpq_sgn(q[6]) == 0 ? 0 : (mpq_sgn(q[7]) != 0 ? 1 : 3);
}

static const ck_verdict V[4] = {CK_PROVED, CK_REFUTED, CK_REFUTED, CK_INCONCLUSIVE};
static const ck_msecp_mm_exact_part PROJECTION = {"projection", QN, compute, decide, AS, V, 4};

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(msecp, manifold, "msecp.manifold");

int ck_claim_msecp_manifold(const json_t *root, ck_verdict verdict, ck_err *e)
{
    const json_t *in0 = json_object_get(root, "instance");
    const char *pt = json_is_object(in0) ? json_string_value(json_object_get(in0, "part")) : NULL;
    if (pt && (strcmp(pt, "lemma2") == 0 || strcmp(pt, "lemma2-orth") == 0))
        return ck_msecp_mm_check_lemma2(root, verdict, strcmp(pt, "lemma2-orth") == 0, e);
    if (pt && strcmp(pt, "observations") == 0) return ck_msecp_mm_check_obs(root, verdict, e);
    return ck_msecp_mm_check_exact(root, verdict, &PROJECTION, e);
}
