/* msecp_dynamics.c: certifier of msecp.dynamics (seed 003, Appendix D.4-D.5: Lemmas 4-5,
 * Proposition 2, Corollary 1). Dispatches on the instance kind: msecp-point/1 with part
 * "t0-lemma5", "t0-lemma4", "t0-derived", "t0-orthogonal" (exact rational t = 0 certificates,
 * msecp_dynamics_t0.c) or msecp-ode/1 (closed forms and validated roots, msecp_dynamics_ode.c).
 * Spec: specs/claims/msecp.dynamics.md; derivation: proofs/derivations/msecp-dynamics.md. */
#include <string.h>
#include "claims/claim.h"
#include "claims/msecp/msecp_inst.h"
#include "claims/msecp/msecp_dynamics.h"
#include "cert/cert.h"
#include "claims/msecp/msecp_cli.h"

#define NPART 4
static const char *const PARTS[NPART] = {"t0-lemma5", "t0-lemma4", "t0-derived", "t0-orthogonal"};
/* per part: the assertion when the tested fact holds (its verdict in T0V) */
static const char *const T0A[NPART] = {
    "Lemma 5 is false for the flow of eq. (5) with Proposition 4's Pi: at this point d/dt tr K != "
    "tr((2/N) K (CI+K)^{-2})",
    "Lemma 4's velocity is not tangent to the manifold at this point: the diagonal of dF_X(dX/dt) over "
    "rows 1..C-1 does not vanish",
    "under the flow of eq. (5) with Proposition 4's Pi, dK/dt = (2/n) K (CI+K)^{-1} at this point "
    "(omega_j' = omega_j/(CN(C+omega_j^2)))",
    "under the flow of eq. (5) with the orthogonal projection, dK/dt = (2/N) K (CI+K)^{-2} at this point "
    "(Lemma 5's law)"};
static const nc_verdict T0V[NPART] = {NC_REFUTED, NC_REFUTED, NC_PROVED, NC_PROVED};
static const char *const T0_STRUCT = "the flow setup fails on this instance";

/* index into T0A (the fact holds), NPART (structure fails: REFUTED), NPART + 1 (none) */
static int t0_decide(int part, fmpq_t *q)
{
    if (!fmpq_is_zero(q[0]) || !fmpq_is_zero(q[1]) || !fmpq_is_zero(q[2])) return NPART;
    if (fmpq_is_zero(q[3])) return NPART + 1; /* no class means: nothing to test */
    int holds = part == 0   ? !fmpq_is_zero(q[6])
                : part == 1 ? !fmpq_is_zero(q[8])
                : part == 2 ? fmpq_is_zero(q[4])
                            : fmpq_is_zero(q[5]);
    return holds ? part : NPART + 1;
}

static int t0_certify(json_t *inst, json_t **cert, nc_error *err)
{
    msecp_point P;
    static const char *const KEYS[] = {NULL};
    const char *part = json_string_value(json_object_get(inst, "part"));
    int p = -1;
    for (int k = 0; k < NPART && part; k++)
        if (strcmp(part, PARTS[k]) == 0) p = k;
    if (p < 0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "msecp.dynamics: msecp-point/1 \"part\" must be \"t0-lemma5\", "
                            "\"t0-lemma4\", \"t0-derived\" or \"t0-orthogonal\"");
    if (msecp_point_from_json(&P, inst, KEYS, err)) return err->status;
    if (P.between == MSECP_BETWEEN_NONE) {
        msecp_point_clear(&P);
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "msecp.dynamics: \"between\" must be \"generic\" or \"aligned\" "
                            "(without class means there is no nonzero omega_j)");
    }
    fmpq_t q[MSECP_DYN_T0_NQ];
    for (int k = 0; k < MSECP_DYN_T0_NQ; k++) fmpq_init(q[k]);
    msecp_dynamics_t0_compute(q, &P);
    int d = t0_decide(p, q);
    json_t *qs = json_object();
    for (int k = 0; k < MSECP_DYN_T0_NQ; k++)
        json_object_set_new(qs, msecp_dyn_t0_names[k], msecp_rational_quantity(q[k], 128));
    const char *as = d < NPART ? T0A[d] : d == NPART ? T0_STRUCT : "none";
    nc_verdict v = d < NPART ? T0V[d] : d == NPART ? NC_REFUTED : NC_INCONCLUSIVE;
    *cert = cert_assemble("msecp.dynamics", msecp_dynamics_source(), json_deep_copy(P.json), cert_method(2, 0), as,
                          json_object(), qs, v);
    for (int k = 0; k < MSECP_DYN_T0_NQ; k++) fmpq_clear(q[k]);
    msecp_point_clear(&P);
    return 0;
}

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(msecp, dynamics, "msecp.dynamics", "Lemmas 4-5, Proposition 2, Corollaries 1-2",
              "omega_j ODE: Lemmas 4-5 and Prop. 2 refuted for the defined flow; derived law certified");

int msecp_dynamics_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    (void)o;
    const char *kind = json_string_value(json_object_get(instance_json, "kind"));
    if (kind && strcmp(kind, "msecp-ode/1") == 0) return msecp_dynamics_ode_certify(instance_json, cert, err);
    if (kind && strcmp(kind, "msecp-point/1") == 0) return t0_certify(instance_json, cert, err);
    return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp.dynamics: kind must be \"msecp-point/1\" or \"msecp-ode/1\"");
}

/* The command line of msecp.dynamics (claim.h, claim_cli): msecp-point/1 (parts t0-*) and the
 * ODE kind. */
static const claim_kind cli_kind_ode = {"msecp-ode/1",
                                        "the omega ODE from omega0 up to t, part derived or prop2 "
                                        "(specs/claims/msecp.dynamics.md)",
                                        NULL, NULL};
static const claim_use cli_uses[] = {
    {&msecp_cli_point, "--instance-json '{\"kind\":\"msecp-point/1\",\"part\":\"t0-lemma5\",\"C\":2,\"N\":2,"
                       "\"seed\":\"1\",\"between\":\"generic\"}'"},
    {&cli_kind_ode, "--instance-json '{\"kind\":\"msecp-ode/1\",\"part\":\"derived\",\"C\":2,\"N\":2,"
                    "\"omega0\":\"1\",\"t\":\"10\"}'"},
    {NULL, NULL}};
const claim_cli msecp_dynamics_cli = {cli_uses, 0};
