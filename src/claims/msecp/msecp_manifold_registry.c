/* msecp_manifold_registry.c: default instances of msecp.manifold (msecp-point/1, part
 * "projection"). Expected verdicts from proofs/derivations/msecp-manifold.md: Pi of
 * Proposition 4 is always an idempotent projection onto T_X, and it is the Frobenius-orthogonal
 * one iff dF_X(Z) X_b = 0 for all Z, i.e. iff the between-class part X_b is 0. So "none" points
 * are PROVED, points with class means ("generic", "aligned") are REFUTED (the generic direction
 * Z has <Z - Pi Z, Pi Z> != 0: verified exactly). Sizes: C = 2..10 and C = 50, 52 (n = 100, 208).
 * Lemma 2 (part "lemma2"): PROVED on every point by the derivation's bound
 * ||R||_F <= K(delta0) ||dX||_F^2 (section 3); delta0 = 2 t sqrt(C n) rounded up bounds ||t Z||_F
 * (|Z entries| <= 2) and keeps e0 = 2 delta0/sqrt(n) + delta0^2/n < 1 (worked out in the spec).
 * Part "lemma2-orth": REFUTED where dF_X(Z) X_b != 0 (points with class means, generic Z),
 * PROVED on "none" points (P = Pi). Part "observations": PROVED (Observations 2-3 are identities
 * for every orthogonal U, V and globally centred Hbar, derivation section 1). */
#include <stddef.h>
#include "claims/registry.h"

#define PT(C, N, seed, bw) \
    "{\"kind\":\"msecp-point/1\",\"part\":\"projection\",\"C\":" #C ",\"N\":" #N ",\"seed\":\"" #seed \
    "\",\"between\":\"" bw "\"}"
#define L2(part, C, N, seed, bw, t, d0) \
    "{\"kind\":\"msecp-point/1\",\"part\":\"" part "\",\"C\":" #C ",\"N\":" #N ",\"seed\":\"" #seed \
    "\",\"between\":\"" bw "\",\"t\":\"" t "\",\"delta0\":\"" d0 "\"}"
#define OB(C, N, seed, bw) \
    "{\"kind\":\"msecp-point/1\",\"part\":\"observations\",\"C\":" #C ",\"N\":" #N ",\"seed\":\"" #seed \
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
    {ID, "lemma2-C2N2-s1-generic", L2("lemma2", 2, 2, 1, "generic", "1/16", "3/8"), "PROVED"},
    {ID, "lemma2-C4N4-s3-generic", L2("lemma2", 4, 4, 3, "generic", "1/16", "1"), "PROVED"},
    {ID, "lemma2-C5N4-s11-aligned", L2("lemma2", 5, 4, 11, "aligned", "1/32", "5/8"), "PROVED"},
    {ID, "lemma2-C8N2-s2-none", L2("lemma2", 8, 2, 2, "none", "1/32", "23/32"), "PROVED"},
    {ID, "lemma2-C50N2-s7-generic", L2("lemma2", 50, 2, 7, "generic", "1/64", "71/32"), "PROVED"},
    {ID, "lemma2-C52N4-s9-aligned", L2("lemma2", 52, 4, 9, "aligned", "1/128", "13/8"), "PROVED"},
    {ID, "lemma2orth-C4N4-s3-generic", L2("lemma2-orth", 4, 4, 3, "generic", "1/1024", "1/64"), "REFUTED"},
    {ID, "lemma2orth-C10N2-s5-aligned", L2("lemma2-orth", 10, 2, 5, "aligned", "1/256", "29/256"), "REFUTED"},
    {ID, "lemma2orth-C4N4-s3-none", L2("lemma2-orth", 4, 4, 3, "none", "1/16", "1"), "PROVED"},
    {ID, "lemma2orth-C50N2-s7-generic", L2("lemma2-orth", 50, 2, 7, "generic", "1/1024", "71/512"), "REFUTED"},
    {ID, "obs-C2N2-s1-generic", OB(2, 2, 1, "generic"), "PROVED"},
    {ID, "obs-C4N4-s3-aligned", OB(4, 4, 3, "aligned"), "PROVED"},
    {ID, "obs-C5N4-s11-none", OB(5, 4, 11, "none"), "PROVED"},
    {ID, "obs-C10N2-s5-aligned", OB(10, 2, 5, "aligned"), "PROVED"},
    {ID, "obs-C50N2-s7-aligned", OB(50, 2, 7, "aligned"), "PROVED"},
    {ID, "obs-C52N4-s9-generic", OB(52, 4, 9, "generic"), "PROVED"},
};
const int msecp_manifold_registry_len = (int)(sizeof msecp_manifold_registry / sizeof msecp_manifold_registry[0]);
