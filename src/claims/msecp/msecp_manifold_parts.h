/* msecp_manifold_parts.h: the parts of claim msecp.manifold beyond "projection" (seed 003,
 * Appendix D.2-D.3): Lemma 2 (parts "lemma2" with Pi of Proposition 4 and "lemma2-orth" with the
 * orthogonal projection P) and Observations 2-3 (part "observations"). Spec:
 * specs/claims/msecp.manifold.md; derivation: proofs/derivations/msecp-manifold.md. */
#ifndef MSECP_MANIFOLD_PARTS_H
#define MSECP_MANIFOLD_PARTS_H
#include <jansson.h>
#include <flint/fmpq_mat.h>
#include "common/nc_error.h"

/* orth = 0: part "lemma2"; orth = 1: part "lemma2-orth". */
int msecp_manifold_lemma2_certify(json_t *instance_json, int orth, json_t **cert, nc_error *err);
int msecp_manifold_obs_certify(json_t *instance_json, json_t **cert, nc_error *err);
#endif
