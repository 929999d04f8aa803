/* msecp_identities_registry.c: default instances of msecp.identities. Two explicit instances
 * (E1: C=2, N=2, p=2; E2: C=2, N=3, p=2 with Sigma_T within 1e-6 of singular) and
 * msecp-random/1 instances (C = 2..4, N = 1..3, p = 1..6, and C=10, N=5, p=20), several lambda
 * (0, 1e-9 where Sigma~_T + lambda I is nearly singular, 1/100, 1/10, 1/2, 5). Expected verdicts
 * from proofs/derivations/msecp-identities.md: the printed Proposition 1 is false for every
 * instance (and undefined at lambda = 0), so prop1 and theorem1-printed-wls are REFUTED; all
 * other identities are theorems under their hypotheses, so PROVED. */
#include <stddef.h>
#include "claims/registry.h"

#define E1 "\"kind\":\"msecp/1\",\"C\":2,\"N\":2,\"p\":2," \
    "\"H\":[[\"1\",\"0\",\"-1\",\"1/2\"],[\"0\",\"1\",\"1/3\",\"-2\"]]," \
    "\"W\":[[\"1\",\"-1\"],[\"1/2\",\"0\"]],\"b\":[\"0\",\"1/4\"]"
#define E2 "\"kind\":\"msecp/1\",\"C\":2,\"N\":3,\"p\":2," \
    "\"H\":[[\"1\",\"2\",\"0\",\"-1\",\"3\",\"1/2\"],[\"1\",\"2000001/1000000\",\"0\",\"-1\",\"2999999/1000000\",\"1/2\"]]," \
    "\"W\":[[\"3\",\"-3\"],[\"0\",\"1/8\"]],\"b\":[\"-1\",\"1\"]"
#define RND(id, C, N, p, lam, seed) \
    "{\"kind\":\"msecp-random/1\",\"identity\":\"" id "\",\"C\":" #C ",\"N\":" #N ",\"p\":" #p \
    ",\"lambda\":\"" lam "\",\"seed\":\"" #seed "\"}"
#define EXP(body, id, lam) "{" body ",\"identity\":\"" id "\",\"lambda\":\"" lam "\"}"
#define ID "msecp.identities"

const registry_entry msecp_identities_registry[] = {
    {ID, "prop1-E1-lam0", EXP(E1, "prop1", "0"), "REFUTED"},
    {ID, "prop1-E1-lam1_10", EXP(E1, "prop1", "1/10"), "REFUTED"},
    {ID, "prop1-R-C4N3p6-s1-lam1e-9", RND("prop1", 4, 3, 6, "1/1000000000", 1), "REFUTED"},
    {ID, "prop1-R-C10N5p20-s7-lam1_100", RND("prop1", 10, 5, 20, "1/100", 7), "REFUTED"},
    {ID, "prop1c-E1-lam0", EXP(E1, "prop1-corrected", "0"), "PROVED"},
    {ID, "prop1c-E2-lam0", EXP(E2, "prop1-corrected", "0"), "PROVED"},
    {ID, "prop1c-R-C4N3p6-s1-lam1_10", RND("prop1-corrected", 4, 3, 6, "1/10", 1), "PROVED"},
    {ID, "prop1c-R-C2N1p1-s5-lam0", RND("prop1-corrected", 2, 1, 1, "0", 5), "PROVED"},
    {ID, "prop1c-R-C10N5p20-s7-lam1_100", RND("prop1-corrected", 10, 5, 20, "1/100", 7), "PROVED"},
    {ID, "thm1-E1-lam1_10", EXP(E1, "theorem1", "1/10"), "PROVED"},
    {ID, "thm1-E2-lam0", EXP(E2, "theorem1", "0"), "PROVED"},
    {ID, "thm1-R-C3N2p3-s11-lam0", RND("theorem1", 3, 2, 3, "0", 11), "PROVED"},
    {ID, "thm1-R-C4N3p6-s1-lam1e-9", RND("theorem1", 4, 3, 6, "1/1000000000", 1), "PROVED"},
    {ID, "thm1-R-C2N1p1-s5-lam5", RND("theorem1", 2, 1, 1, "5", 5), "PROVED"},
    {ID, "thm1-R-C10N5p20-s7-lam0", RND("theorem1", 10, 5, 20, "0", 7), "PROVED"},
    {ID, "thm1p-E1-lam1_10", EXP(E1, "theorem1-printed-wls", "1/10"), "REFUTED"},
    {ID, "thm1p-R-C4N3p6-s1-lam1e-9", RND("theorem1-printed-wls", 4, 3, 6, "1/1000000000", 1), "REFUTED"},
    {ID, "thm1p-R-C10N5p20-s7-lam1_100", RND("theorem1-printed-wls", 10, 5, 20, "1/100", 7), "REFUTED"},
    {ID, "thm2-E1-lam0", EXP(E1, "theorem2", "0"), "PROVED"},
    {ID, "thm2-E2-lam0", EXP(E2, "theorem2", "0"), "PROVED"},
    {ID, "thm2-R-C3N2p3-s11-lam1_2", RND("theorem2", 3, 2, 3, "1/2", 11), "PROVED"},
    {ID, "thm2-R-C2N1p1-s5-lam0", RND("theorem2", 2, 1, 1, "0", 5), "PROVED"},
    {ID, "thm2-R-C10N5p20-s7-lam1_100", RND("theorem2", 10, 5, 20, "1/100", 7), "PROVED"},
    {ID, "eq7-E1", EXP(E1, "eq7", "0"), "PROVED"},
    {ID, "eq7-E2", EXP(E2, "eq7", "0"), "PROVED"},
    {ID, "eq7-R-C3N2p3-s11", RND("eq7", 3, 2, 3, "0", 11), "PROVED"},
    {ID, "eq7-R-C4N3p6-s1", RND("eq7", 4, 3, 6, "0", 1), "PROVED"},
    {ID, "eq7-R-C10N5p20-s7", RND("eq7", 10, 5, 20, "0", 7), "PROVED"},
    {ID, "eq8-E1", "{" E1 ",\"identity\":\"eq8\",\"lambda\":\"0\",\"A\":[[\"2\",\"1\"],[\"1\",\"-3\"]]}", "PROVED"},
    {ID, "eq8-E2-nearsingA",
     "{" E2 ",\"identity\":\"eq8\",\"lambda\":\"0\",\"A\":[[\"1\",\"1\"],[\"1\",\"1000001/1000000\"]]}", "PROVED"},
    {ID, "eq8-R-C4N3p6-s1", RND("eq8", 4, 3, 6, "0", 1), "PROVED"},
    {ID, "eq8-R-C10N5p20-s7", RND("eq8", 10, 5, 20, "0", 7), "PROVED"},
    {ID, "lemma1-E1", EXP(E1, "lemma1", "0"), "PROVED"},
    {ID, "lemma1-E2", EXP(E2, "lemma1", "0"), "PROVED"},
    {ID, "lemma1-R-C3N2p3-s11", RND("lemma1", 3, 2, 3, "0", 11), "PROVED"},
    {ID, "lemma1-R-C4N3p6-s1", RND("lemma1", 4, 3, 6, "0", 1), "PROVED"},
    {ID, "lemma1-R-C4N3p2-s9-rank2", RND("lemma1", 4, 3, 2, "0", 9), "PROVED"},
    {ID, "lemma1-R-C10N5p20-s7", RND("lemma1", 10, 5, 20, "0", 7), "PROVED"},
};
const int msecp_identities_registry_len = (int)(sizeof msecp_identities_registry / sizeof msecp_identities_registry[0]);
