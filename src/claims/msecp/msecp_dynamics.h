/* msecp_dynamics.h: internal interface of the msecp.dynamics certifier (seed 003, Appendix D.4-
 * D.5: Lemmas 4-5, Proposition 2, Corollary 1). Two instance kinds (specs/claims/msecp.dynamics.md):
 * msecp-point/1 with part "t0-*" (exact rational t = 0 certificates on a manifold point) and
 * msecp-ode/1 (closed forms of the omega ODEs: exact polynomial identities and validated roots). */
#ifndef MSECP_DYNAMICS_H
#define MSECP_DYNAMICS_H
#include <jansson.h>
#include <flint/fmpq.h>
#include "common/nc_error.h"
#include "claims/msecp/msecp_manifold_point.h"

#define MSECP_DYN_T0_NQ 9
extern const char *const msecp_dyn_t0_names[MSECP_DYN_T0_NQ];

/* q[k] = the exact value of msecp_dyn_t0_names[k] at the point P (spec table). */
void msecp_dynamics_t0_compute(fmpq_t *q, const msecp_point *P);

/* Certificate for an msecp-ode/1 instance (status 2 on bad input). */
int msecp_dynamics_ode_certify(json_t *inst, json_t **cert, nc_error *err);

/* The source object of the claim (label, statement) shared by both kinds
 * (msecp_dynamics_source.c). */
json_t *msecp_dynamics_source(void);
#endif
