/* claim_catalogue.c: every claim of shared/CLAIMS.md, certified or not yet. `nccert list`
 * prints this table; a claim without a certifier is reported as such, never faked. */
#include <string.h>
#include "claims/claim.h"

void certify_options_default(certify_options *o)
{
    o->max_prec = 4096;
    o->exact_work_limit = 2e8;
}

const claim_info claim_catalogue[] = {
    {"ulpm.def-2.1", "Definition 2.1", "simplex ETF: equal norms, cosines -1/(K-1), NC1-NC4, exactly", ulpm_def21_certify},
    {"ulpm.lemma-3.1", "Lemma 3.1 (= Lemma B.1)",
     "q_min(W,H) <= (||W||^2+||H||^2)/(2(K-1)sqrt(n)), equality iff neural collapse", ulpm_lemma31_certify},
    {"ulpm.theorem-3.2", "Theorem 3.2 (= B.2)", "optimum (K-1)sqrt(n) of the min-norm separation problem at NC points, KKT, MFCQ", ulpm_theorem32_certify},
    {"ulpm.lemma-3.2", "Lemma 3.2 (= B.2)", "(epsilon, delta)-approximate KKT when L < log 2 (appendix and main-text forms, C = gamma)", ulpm_lemma32_certify},
    {"ulpm.lemmas-b3-b5", "Lemmas B.3-B.5", "pointwise inequalities (24), (34), (35), (37) when L < log 2", ulpm_lemmasb3b5_certify},
    {"ulpm.example-3.1", "Example 3.1 (= C.1)", "bad KKT point, K=4, n=1: curvature along (10), (55)-(59)", ulpm_example31_certify},
    {"ulpm.theorem-3.3", "Theorem 3.3 (= C.1)", "L >= L*(rho) on the sphere, equality iff NC with ||W||=||H||", ulpm_theorem33_certify},
    {"ulpm.theorem-3.4", "Theorem 3.4 (= C.2)", "negative second variation at non-optimal critical points", ulpm_theorem34_certify},
    {"ulpm.eq-66", "Eq. (66)", "rank K-1 of the CE gradient in logits, left null vector 1", ulpm_eq66_certify},
    {"ulpm.printed", "Printed formulas (audit)", "single printed formulas: Def. 2.1 symmetry, NC4, flow sign, (12), (55), (58), (64), (67), Lemma B.5 bound", ulpm_printed_certify},
    {"linconv.prop-1", "Proposition 1", "MSE with bias: optimal set in both regimes", linconv_prop1_certify},
    {"linconv.theorem-2", "Theorem 2", "MSE error bound: certified pair (delta_1, kappa_1)", linconv_theorem2_certify},
    {"linconv.prop-3", "Proposition 3", "CE, d >= K: optimal set, threshold", linconv_prop3_certify},
    {"linconv.theorem-4", "Theorem 4", "CE error bound: certified (delta_2, kappa_2), K = 2; K >= 3 beyond the paper", linconv_theorem4_certify},
    {"msecp.identities", "Prop. 1, eqs. (7)-(8), Theorems 1-2, Lemma 1", "exact rational identities", msecp_identities_certify},
    {"msecp.manifold", "Definition 6, Observations 2-3, Propositions 3-4, Lemma 2", "normalized-features manifold: Pi of Prop. 4 is oblique; Lemma 2 holds with Pi (explicit K), not with P", msecp_manifold_certify},
    {"msecp.dynamics", "Lemmas 4-5, Proposition 2, Corollaries 1-2", "omega_j ODE: Lemmas 4-5 and Prop. 2 refuted for the defined flow; derived law certified", msecp_dynamics_certify},
    {"imbrelu.eq-6", "Eq. (6)", "M_k and its sign condition", imbrelu_eq6_certify},
    {"imbrelu.theorem-1", "Theorem 1 (a)-(e)", "closed-form minimiser of problem (4), KKT, value", imbrelu_theorem1_certify},
    {"imbrelu.global-search", "Theorem 1 (global optimality)", "counterexample search (never PROVED)", imbrelu_global_search_certify},
    {"imbrelu.prop-1-cor-1-3", "Proposition 1, Corollaries 1-3", "norms, cosines, ratios (15)-(16)", imbrelu_prop1_cor13_certify},
    {"imbrelu.cor-4", "Corollary 4", "collapse thresholds (17), (18), phases", imbrelu_cor4_certify},
    {"imbrelu.non-monotone", "Remark after eq. (6)", "M_i/sqrt(n_i) not monotone in n_i", imbrelu_non_monotone_certify},
};
const int claim_catalogue_len = (int)(sizeof claim_catalogue / sizeof claim_catalogue[0]);

const char *claim_flags_kind(const claim_info *claim)
{
    static const char *const kinds[][2] = {
        {"linconv.", "linconv/1"}, {"imbrelu.", "imbrelu/1"}, {"msecp.", "msecp/1"}};
    for (size_t t = 0; t < sizeof kinds / sizeof kinds[0]; t++)
        if (strncmp(claim->id, kinds[t][0], strlen(kinds[t][0])) == 0) return kinds[t][1];
    return NULL;
}

const claim_info *claim_find(const char *id)
{
    for (int t = 0; t < claim_catalogue_len; t++)
        if (strcmp(claim_catalogue[t].id, id) == 0) return &claim_catalogue[t];
    return NULL;
}
