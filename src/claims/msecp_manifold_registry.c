/* msecp_manifold_registry.c: default instances of msecp.manifold (msecp-point/1, part
 * "projection"). Expected verdicts from proofs/derivations/msecp-manifold.md: Pi of
 * Proposition 4 is always an idempotent projection onto T_X, and it is the Frobenius-orthogonal
 * one iff dF_X(Z) X_b = 0 for all Z, i.e. iff the between-class part X_b is 0. So "none" points
 * are PROVED, points with class means ("generic", "aligned") are REFUTED (the generic direction
 * Z has <Z - Pi Z, Pi Z> != 0: verified exactly). Sizes: C = 2..10 and C = 50, 52 (n = 100, 208). */
#include <stddef.h>
#include "claims/registry.h"

#define PT(C, N, seed, bw) \
    "{\"kind\":\"msecp-point/1\",\"part\":\"projection\",\"C\":" #C ",\"N\":" #N ",\"seed\":\"" #seed \
    "\",\"between\":\"" bw "\"}"
#define ID "msecp.manifold"

const registry_entry msecp_manifold_registry[] = {
    {ID, "proj-C2N2-s1-generic", PT(2, 2, 1, "generic"), "REFUTED"},
    {ID, "proj-C4N4-s3-generic", PT(4, 4, 3, "generic"), "REFUTED"},
    {ID, "proj-C5N4-s11-aligned", PT(5, 4, 11, "aligned"), "REFUTED"},
    {ID, "proj-C10N2-s5-aligned", PT(10, 2, 5, "aligned"), "REFUTED"},
    {ID, "proj-C4N4-s3-none", PT(4, 4, 3, "none"), "PROVED"},
    {ID, "proj-C8N2-s2-none", PT(8, 2, 2, "none"), "PROVED"},
    {ID, "proj-C50N2-s7-generic", PT(50, 2, 7, "generic"), "REFUTED"},
    {ID, "proj-C52N4-s9-generic", PT(52, 4, 9, "generic"), "REFUTED"},
    {ID, "proj-C50N2-s7-none", PT(50, 2, 7, "none"), "PROVED"},
};
const int msecp_manifold_registry_len = (int)(sizeof msecp_manifold_registry / sizeof msecp_manifold_registry[0]);
