/* msecp_dynamics_source.c: the source object (label, statement) of claim msecp.dynamics, shared
 * by its two instance kinds (msecp_dynamics.c: msecp-point/1; msecp_dynamics_ode.c:
 * msecp-ode/1). */
#include "claims/msecp/msecp_inst.h"
#include "claims/msecp/msecp_dynamics.h"

json_t *msecp_dynamics_source(void)
{
    return msecp_source("Lemmas 4-5, Proposition 2, Corollary 1",
                        "Under continually renormalized gradient flow (eq. (5), Pi of Proposition 4) on the "
                        "central path: Lemma 4 dx_j/dt = omega_j/(C+omega_j^2)^2 (y_j/N - omega_j C x_j); "
                        "Lemma 5 d omega_j/dt = omega_j/(N (C+omega_j^2)^2); Proposition 2 "
                        "c1 log omega_j + c2 omega_j^2 + c3 omega_j^4 = a_j + t with c1 = C^2 N, c2 = CN, "
                        "c3 = N/4; Corollary 1 omega_j -> infinity, omega_j / sqrt(t/c4) -> 1, "
                        "max/min -> 1");
}
