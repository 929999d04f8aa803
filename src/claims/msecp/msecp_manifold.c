/* msecp_manifold.c: certifier of msecp.manifold (seed 003, Appendix D.2: Definition 6,
 * Proposition 3, Proposition 4) on exact points X of the normalized-features manifold
 * (kind msecp-point/1, part "projection"). Every quantity is an exact rational: membership
 * X C X^T = I, the tangent-space description (dF_X surjective, Pi(Z) in ker dF_X), Pi
 * idempotent, and whether Pi is Frobenius-orthogonal (<Z - Pi Z, Pi Z> = 0) against the
 * orthogonal projection P(Z) = Z - (1/2) dF_X(Z) X P_w. Tier 2 only. Parts "lemma2",
 * "lemma2-orth" (Lemma 2) and "observations" (Observations 2-3): msecp_manifold_parts.h. Spec:
 * specs/claims/msecp.manifold.md; derivation: proofs/derivations/msecp-manifold.md. */
#include <string.h>
#include "claims/claim.h"
#include "claims/msecp/msecp_inst.h"
#include "claims/msecp/msecp_manifold_point.h"
#include "claims/msecp/msecp_manifold_parts.h"
#include "cert/cert.h"
#include "claims/msecp/msecp_cli.h"

#define NQ 9
static const char *const QN[NQ] = {"membership_gap",     "surjectivity_gap", "pi_tangent_gap",
                                   "pi_idempotence_gap", "orth_tangent_gap", "orth_normal_inner",
                                   "between_frob2",      "pi_orth_inner",    "pi_minus_orth_frob2"};

static const char *const msecp_manifold_assertions[4] = {
    "Pi is the orthogonal projection onto T_X (X has no between-class part: X P_w = X)",
    "Pi is an oblique projection onto T_X (idempotent, range T_X), not the orthogonal one",
    "the manifold structure fails on this instance", "none"};

static json_t *source(void)
{
    return msecp_source("Definition 6, Propositions 3-4",
                        "X = {X : X C X^T = I_C}; T_X X = {Z : X C Z^T + Z C X^T = 0}; "
                        "Pi(Z) = Z - (1/2)(X C Z^T + Z C X^T) X is the projection onto T_X "
                        "(read: the Frobenius-orthogonal projection)");
}

/* q[k] = the exact value of QN[k] at (X, Z). */
static void compute(fmpq_t *q, const msecp_point *P)
{
    long C = P->C, N = P->N, n = P->n;
    fmpq_mat_t S, T, HX, PiZ, PiPiZ, OZ, D, XW;
    fmpz_t two, cn;
    fmpz_init_set_ui(two, 2), fmpz_init_set_si(cn, C * N);
    fmpq_mat_init(S, C, C), fmpq_mat_init(T, C, C), fmpq_mat_init(HX, C, n), fmpq_mat_init(PiZ, C, n);
    fmpq_mat_init(PiPiZ, C, n), fmpq_mat_init(OZ, C, n), fmpq_mat_init(D, C, n), fmpq_mat_init(XW, C, n);
    msecp_point_membership_gap(q[0], P->X, C, N);
    /* surjectivity of dF_X: dF_X((1/2) S X) = S for the symmetric S = dF_X(Z) */
    msecp_point_dF(S, P->X, P->Z, C, N);
    fmpq_mat_mul(HX, S, P->X);
    fmpq_mat_scalar_div_fmpz(HX, HX, two);
    msecp_point_dF(T, P->X, HX, C, N);
    exact_mat_dist2(q[1], T, S);
    msecp_point_pi(PiZ, P->X, P->Z, C, N);
    msecp_point_dF(T, P->X, PiZ, C, N);
    exact_mat_frob2(q[2], T);
    msecp_point_pi(PiPiZ, P->X, PiZ, C, N);
    exact_mat_dist2(q[3], PiPiZ, PiZ);
    msecp_point_orth(OZ, P->X, P->Z, C, N);
    msecp_point_dF(T, P->X, OZ, C, N);
    exact_mat_frob2(q[4], T);
    fmpq_mat_sub(D, P->Z, OZ);
    exact_mat_inner(q[5], D, PiZ);
    msecp_point_center(XW, P->X, C, N);
    fmpq_mat_scalar_mul_fmpz(XW, XW, cn); /* X P_w */
    exact_mat_dist2(q[6], P->X, XW);
    fmpq_mat_sub(D, P->Z, PiZ);
    exact_mat_inner(q[7], D, PiZ);
    exact_mat_dist2(q[8], PiZ, OZ);
    fmpq_mat_clear(S), fmpq_mat_clear(T), fmpq_mat_clear(HX), fmpq_mat_clear(PiZ), fmpq_mat_clear(PiPiZ);
    fmpq_mat_clear(OZ), fmpq_mat_clear(D), fmpq_mat_clear(XW);
    fmpz_clear(two), fmpz_clear(cn);
}

/* 0: PROVED (Pi orthogonal), 1: REFUTED (oblique), 2: REFUTED (structure), 3: INCONCLUSIVE */
static int msecp_manifold_decide(fmpq_t *q)
{
    for (int k = 0; k < 6; k++)
        if (!fmpq_is_zero(q[k])) return 2;
    if (fmpq_is_zero(q[6])) return 0;
    if (!fmpq_is_zero(q[7])) return 1;
    return 3;
}

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(msecp, manifold, "msecp.manifold", "Definition 6, Observations 2-3, Propositions 3-4, Lemma 2",
              "normalized-features manifold: Pi of Prop. 4 is oblique; Lemma 2 holds with Pi (explicit K), not with P");

int msecp_manifold_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    (void)o;
    const char *pt = json_string_value(json_object_get(instance_json, "part"));
    if (pt && (strcmp(pt, "lemma2") == 0 || strcmp(pt, "lemma2-orth") == 0))
        return msecp_manifold_lemma2_certify(instance_json, strcmp(pt, "lemma2-orth") == 0, cert, err);
    if (pt && strcmp(pt, "observations") == 0) return msecp_manifold_obs_certify(instance_json, cert, err);
    msecp_point P;
    static const char *const KEYS[] = {NULL};
    if (msecp_point_from_json(&P, instance_json, KEYS, err)) return err->status;
    const char *part = json_string_value(json_object_get(instance_json, "part"));
    if (!part || strcmp(part, "projection") != 0) {
        msecp_point_clear(&P);
        return nc_error_set(
            err, NC_EXIT_BAD_INPUT,
            "msecp.manifold: \"part\" must be \"projection\", \"lemma2\", \"lemma2-orth\" or \"observations\"");
    }
    fmpq_t q[NQ];
    for (int k = 0; k < NQ; k++) fmpq_init(q[k]);
    compute(q, &P);
    int d = msecp_manifold_decide(q);
    json_t *qs = json_object();
    for (int k = 0; k < NQ; k++) json_object_set_new(qs, QN[k], msecp_rational_quantity(q[k], 128));
    static const nc_verdict V[4] = {NC_PROVED, NC_REFUTED, NC_REFUTED, NC_INCONCLUSIVE};
    *cert = cert_assemble("msecp.manifold", source(), json_deep_copy(P.json), cert_method(2, 0),
                          msecp_manifold_assertions[d], json_object(), qs, V[d]);
    for (int k = 0; k < NQ; k++) fmpq_clear(q[k]);
    msecp_point_clear(&P);
    return 0;
}

/* The command line of msecp.manifold (claim.h, claim_cli): msecp-point/1, parts projection,
 * lemma2, lemma2-orth, observations. */
static const claim_use cli_uses[] = {
    {&msecp_cli_point, "--instance-json '{\"kind\":\"msecp-point/1\",\"part\":\"projection\",\"C\":2,\"N\":2,"
                       "\"seed\":\"1\",\"between\":\"generic\"}'"},
    {NULL, NULL}};
const claim_cli msecp_manifold_cli = {cli_uses, 0};
