/* msecp_dynamics_registry.c: default instances of msecp.dynamics. Expected verdicts from
 * proofs/derivations/msecp-dynamics.md: at every point with class means (M != 0), the flow of
 * eq. (5) with Proposition 4's Pi has dK/dt = (2/n) K (CI+K)^{-1} (t0-derived: PROVED), the flow
 * with the orthogonal projection has dK/dt = (2/N) K (CI+K)^{-2} (t0-orthogonal: PROVED), the trace
 * gap against Lemma 5 is sum 2 w^4/(n (C+w^2)^2) > 0 (t0-lemma5: REFUTED) and Lemma 4's velocity
 * -G has diagonal sum -2 sum w^2/(n (C+w^2)^2) < 0 of dF_X over rows 1..C-1 (t0-lemma4: REFUTED).
 * msecp-ode/1: F_a' f_a = 1 identically (derived: PROVED); for t > 0 the defined flow's omega
 * exceeds Lemma 5's strictly (f_a/f_b = (C+w^2)/C > 1), so Proposition 2's omega(t) differs
 * (prop2: REFUTED). Sizes: C = 2..20 generic; C = 50, 52 (n = 100, 208) aligned (generic points of
 * that size take nccheck's plain mpq Gauss-Jordan ~25 s: kept out); C = 60, 1000 for the ODE. */
#include <stddef.h>
#include "claims/registry.h"

#define PT(part, C, N, seed, bw) \
    "{\"kind\":\"msecp-point/1\",\"part\":\"" part "\",\"C\":" #C ",\"N\":" #N ",\"seed\":\"" #seed \
    "\",\"between\":\"" bw "\"}"
#define ODE(part, C, N, w0, t) \
    "{\"kind\":\"msecp-ode/1\",\"part\":\"" part "\",\"C\":" #C ",\"N\":" #N ",\"omega0\":\"" w0 "\",\"t\":\"" t "\"}"
#define ID "msecp.dynamics"

const registry_entry msecp_dynamics_registry[] = {
    {ID, "t0-lemma5-C2N2-s1-generic", PT("t0-lemma5", 2, 2, 1, "generic"), "REFUTED"},
    {ID, "t0-lemma5-C4N4-s3-aligned", PT("t0-lemma5", 4, 4, 3, "aligned"), "REFUTED"},
    {ID, "t0-lemma5-C5N4-s11-generic", PT("t0-lemma5", 5, 4, 11, "generic"), "REFUTED"},
    {ID, "t0-lemma5-C20N2-s7-generic", PT("t0-lemma5", 20, 2, 7, "generic"), "REFUTED"},
    {ID, "t0-lemma5-C50N2-s7-aligned", PT("t0-lemma5", 50, 2, 7, "aligned"), "REFUTED"},
    {ID, "t0-lemma4-C4N4-s3-aligned", PT("t0-lemma4", 4, 4, 3, "aligned"), "REFUTED"},
    {ID, "t0-lemma4-C10N2-s5-generic", PT("t0-lemma4", 10, 2, 5, "generic"), "REFUTED"},
    {ID, "t0-derived-C4N4-s3-generic", PT("t0-derived", 4, 4, 3, "generic"), "PROVED"},
    {ID, "t0-derived-C10N2-s5-aligned", PT("t0-derived", 10, 2, 5, "aligned"), "PROVED"},
    {ID, "t0-derived-C20N2-s7-generic", PT("t0-derived", 20, 2, 7, "generic"), "PROVED"},
    {ID, "t0-derived-C50N2-s7-aligned", PT("t0-derived", 50, 2, 7, "aligned"), "PROVED"},
    {ID, "t0-orthogonal-C4N4-s3-generic", PT("t0-orthogonal", 4, 4, 3, "generic"), "PROVED"},
    {ID, "t0-orthogonal-C52N4-s9-aligned", PT("t0-orthogonal", 52, 4, 9, "aligned"), "PROVED"},
    {ID, "ode-derived-C4N4-w1-t400", ODE("derived", 4, 4, "1", "400"), "PROVED"},
    {ID, "ode-derived-C1000N100-w1.5-t1e12", ODE("derived", 1000, 100, "3/2", "1000000000000"), "PROVED"},
    {ID, "ode-prop2-C4N4-w1-t400", ODE("prop2", 4, 4, "1", "400"), "REFUTED"},
    {ID, "ode-prop2-C4N4-w0.5-t10", ODE("prop2", 4, 4, "1/2", "10"), "REFUTED"},
    {ID, "ode-prop2-C2N2-w1over3-t1e-3", ODE("prop2", 2, 2, "1/3", "1/1000"), "REFUTED"},
    {ID, "ode-prop2-C60N4-w2.5-t1e4", ODE("prop2", 60, 4, "5/2", "10000"), "REFUTED"},
    {ID, "ode-prop2-C1000N100-w1.5-t1e12", ODE("prop2", 1000, 100, "3/2", "1000000000000"), "REFUTED"},
};
const int msecp_dynamics_registry_len = (int)(sizeof msecp_dynamics_registry / sizeof msecp_dynamics_registry[0]);
