/* msecp_identities.c: certifier of msecp.identities (seed 003: Proposition 1, eq. (14),
 * eq. (7), eq. (8), Theorems 1-2, Lemma 1). One certificate per (instance, identity): both
 * sides of the identity are computed exactly (FLINT fmpq_mat) from the definitions, and the
 * exact differences decide PROVED (all zero) or REFUTED. Tier 2 only. Spec:
 * specs/claims/msecp.identities.md; derivation: proofs/derivations/msecp-identities.md. */
#include <stdio.h>
#include <string.h>
#include "claims/claim.h"
#include "claims/msecp/msecp_algebra.h"
#include "claims/msecp/msecp_inst.h"
#include "cert/cert.h"

#define MQ_MAX 10

typedef struct {
    int n;
    const char *name[MQ_MAX];
    fmpq_t v[MQ_MAX];
    int gap[MQ_MAX]; /* 1: the identity holds only if this quantity is exactly 0 */
} mq_list;

static fmpq *mq_add(mq_list *L, const char *name, int gap)
{
    L->name[L->n] = name;
    L->gap[L->n] = gap;
    fmpq_init(L->v[L->n]);
    return L->v[L->n++];
}

static const char *const STATEMENTS[MSECP_N_IDENTITIES] = {
    "Proposition 1 as printed: W~_LS = (1/C) M~^T (Sigma~_T + lambda I)^{-1} minimises loss (6), i.e. satisfies (14)",
    "Proposition 1 corrected: W~_LS = (1/C) M~^T (Sigma~_T + mu~_G mu~_G^T + lambda I)^{-1} satisfies (14)",
    "Theorem 1: L(W~, H~) = L_LS(H~) + (1/2) tr{(W~ - W~_LS)(Sigma~_T + mu~_G mu~_G^T + lambda I)(W~ - W~_LS)^T}, "
    "W~_LS the LS solution",
    "Theorem 1 with W~_LS taken from the printed Proposition 1 formula",
    "Theorem 2: L_LS = (1/2) tr{W~_LS (Sigma~_W + lambda I) W~_LS^T} + (1/(2C)) ||W~_LS M~ - I||_F^2",
    "Eq. (7) (lambda = 0): [W_LS, b_LS] = [C^{-1} Mbar^T Sigma_T^{-1}, C^{-1} 1 - C^{-1} Mbar^T Sigma_T^{-1} mu_G]; "
    "with Sigma_T = Sigma_W + C^{-1} Mbar Mbar^T (Section 3.2)",
    "Eq. (8) (lambda = 0, A symmetric invertible): W_LS(A Hbar) A Hbar = W_LS(Hbar) Hbar, W_LS(A Hbar) = W_LS(Hbar) "
    "A^{-1}, "
    "and L_LS(A H) = L_LS(H)",
    "Lemma 1 (lambda = 0): L_LS = (1/2) sum_j 1/(omega_j^2 + C), L_NC1 = (1/2) sum_j omega_j^2/(C + omega_j^2)^2, "
    "L_NC2/3 = (1/2) sum_j (1/C)(omega_j^2/(omega_j^2 + C) - 1)^2, omega_j the C-1 singular values of Sigma_W^{-1/2} "
    "Mbar",
};

static json_t *mq_source(msecp_identity id)
{
    static const char *const LABELS[MSECP_N_IDENTITIES] = {"Proposition 1", "Proposition 1 (corrected) and eq. (14)",
                                                           "Theorem 1",     "Theorem 1 (printed Proposition 1)",
                                                           "Theorem 2",     "Eq. (7)",
                                                           "Eq. (8)",       "Lemma 1"};
    return msecp_source(LABELS[id], STATEMENTS[id]);
}

/* Wt = [W, b] (C x (p+1)). */
static void extended_w(fmpq_mat_t Wt, const msecp_inst *I)
{
    for (long c = 0; c < I->C; c++) {
        for (long a = 0; a < I->p; a++) fmpq_set(fmpq_mat_entry(Wt, c, a), fmpq_mat_entry(I->W, c, a));
        fmpq_set(fmpq_mat_entry(Wt, c, I->p), fmpq_mat_entry(I->b, c, 0));
    }
}

/* Theorem 1 with classifier Ws (the LS solution or the printed formula). */
static void theorem1(mq_list *L, const msecp_inst *I, const msecp_ext *E, const fmpq_mat_t Ws)
{
    fmpq_mat_t Wt, D;
    fmpq_mat_init(Wt, I->C, E->q);
    fmpq_mat_init(D, I->C, E->q);
    extended_w(Wt, I);
    fmpq *l = mq_add(L, "L", 0), *ls = mq_add(L, "L_LS", 0), *lp = mq_add(L, "L_LS_perp", 0), *g = mq_add(L, "gap", 1);
    msecp_loss_unext(l, I->H, I->W, I->b, I->C, I->N, I->lambda);
    msecp_loss_ext(ls, E, Ws);
    fmpq_mat_sub(D, Wt, Ws);
    msecp_half_quad(lp, D, E->G);
    fmpq_sub(g, l, ls);
    fmpq_sub(g, g, lp);
    fmpq_mat_clear(Wt);
    fmpq_mat_clear(D);
}

static void theorem2(mq_list *L, const msecp_ext *E, const fmpq_mat_t Ws)
{
    fmpq *ls = mq_add(L, "L_LS", 0), *n1 = mq_add(L, "L_NC1", 0), *n23 = mq_add(L, "L_NC23", 0),
         *g = mq_add(L, "gap", 1);
    msecp_loss_ext(ls, E, Ws);
    msecp_nc1(n1, E, Ws);
    msecp_nc23(n23, E, Ws);
    fmpq_sub(g, ls, n1);
    fmpq_sub(g, g, n23);
}

/* Eq. (7) against the LS solution Ws of the extended normal equations. */
static int eq7(mq_list *L, const msecp_inst *I, const fmpq_mat_t Ws, nc_error *err)
{
    msecp_unext U;
    fmpq_mat_t W7, b7, Wl, bl, S, X, Ws32;
    fmpz_t c;
    msecp_unext_init(&U, I->H, I->C, I->N);
    fmpq_mat_init(W7, I->C, I->p), fmpq_mat_init(b7, I->C, 1), fmpq_mat_init(Wl, I->C, I->p);
    fmpq_mat_init(bl, I->C, 1), fmpq_mat_init(S, I->p, I->p), fmpq_mat_init(X, I->p, I->C);
    fmpq_mat_init(Ws32, I->C, I->p);
    fmpz_init_set_si(c, I->C);
    int rc = 0;
    if (!msecp_wls_eq7(W7, b7, &U)) {
        rc = nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp eq7: Sigma_T is singular on this instance");
        goto out;
    }
    for (long k = 0; k < I->C; k++) {
        for (long a = 0; a < I->p; a++) fmpq_set(fmpq_mat_entry(Wl, k, a), fmpq_mat_entry(Ws, k, a));
        fmpq_set(fmpq_mat_entry(bl, k, 0), fmpq_mat_entry(Ws, k, I->p));
    }
    exact_mat_dist2(mq_add(L, "dist2_W", 1), W7, Wl);
    exact_mat_dist2(mq_add(L, "dist2_b", 1), b7, bl);
    /* S = Sigma_W + C^{-1} Mbar Mbar^T; compare with Sigma_T, then Section 3.2's W */
    fmpq_mat_transpose(Ws32, U.Mbar); /* C x p: Mbar^T, reused below for the result */
    fmpq_mat_mul(S, U.Mbar, Ws32);
    fmpq_mat_scalar_div_fmpz(S, S, c);
    fmpq_mat_add(S, S, U.SigW);
    exact_mat_dist2(mq_add(L, "sigmaT_split_frob2", 1), U.SigT, S);
    fmpq_mat_solve_fraction_free(X, S, U.Mbar); /* S = Sigma_T exactly when the above is 0 */
    fmpq_mat_transpose(Ws32, X);
    fmpq_mat_scalar_div_fmpz(Ws32, Ws32, c);
    exact_mat_dist2(mq_add(L, "dist2_W_sec32", 1), Ws32, Wl);
out:
    msecp_unext_clear(&U);
    fmpq_mat_clear(W7), fmpq_mat_clear(b7), fmpq_mat_clear(Wl), fmpq_mat_clear(bl);
    fmpq_mat_clear(S), fmpq_mat_clear(X), fmpq_mat_clear(Ws32);
    fmpz_clear(c);
    return rc;
}

/* Eq. (8) and L_LS(AH) = L_LS(H). */
static int eq8(mq_list *L, const msecp_inst *I, const msecp_ext *E, const fmpq_mat_t Ws, nc_error *err)
{
    fmpq_mat_t AH, Ainv, W1, b1, W2, b2, T, P1, P2, Ws2;
    msecp_unext U1, U2;
    msecp_ext E2;
    long n = I->C * I->N;
    fmpq_mat_init(AH, I->p, n), fmpq_mat_init(Ainv, I->p, I->p);
    fmpq_mat_init(W1, I->C, I->p), fmpq_mat_init(b1, I->C, 1), fmpq_mat_init(W2, I->C, I->p);
    fmpq_mat_init(b2, I->C, 1), fmpq_mat_init(T, I->C, I->p), fmpq_mat_init(P1, I->C, n), fmpq_mat_init(P2, I->C, n);
    fmpq_mat_init(Ws2, I->C, I->p + 1);
    fmpq_mat_mul(AH, I->A, I->H);
    msecp_unext_init(&U1, I->H, I->C, I->N);
    msecp_unext_init(&U2, AH, I->C, I->N);
    msecp_ext_init(&E2, AH, I->C, I->N, I->lambda);
    int rc = 0;
    if (!fmpq_mat_inv(Ainv, I->A)) {
        rc = nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp eq8: A is singular");
        goto out;
    }
    if (!msecp_wls_eq7(W1, b1, &U1) || !msecp_wls_eq7(W2, b2, &U2) || !msecp_wls_corrected(Ws2, &E2)) {
        rc = nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp eq8: Sigma_T is singular on this instance");
        goto out;
    }
    fmpq_mat_mul(T, W1, Ainv);
    exact_mat_dist2(mq_add(L, "dist2_classifier", 1), W2, T);
    fmpq_mat_mul(P1, W1, U1.Hbar);
    fmpq_mat_mul(P2, W2, U2.Hbar);
    exact_mat_dist2(mq_add(L, "dist2_predictions", 1), P2, P1);
    fmpq *l1 = mq_add(L, "L_LS_H", 0), *l2 = mq_add(L, "L_LS_AH", 0), *g = mq_add(L, "gap_L_LS", 1);
    msecp_loss_ext(l1, E, Ws);
    msecp_loss_ext(l2, &E2, Ws2);
    fmpq_sub(g, l2, l1);
out:
    msecp_unext_clear(&U1), msecp_unext_clear(&U2), msecp_ext_clear(&E2);
    fmpq_mat_clear(AH), fmpq_mat_clear(Ainv), fmpq_mat_clear(W1), fmpq_mat_clear(b1), fmpq_mat_clear(W2);
    fmpq_mat_clear(b2), fmpq_mat_clear(T), fmpq_mat_clear(P1), fmpq_mat_clear(P2), fmpq_mat_clear(Ws2);
    return rc;
}

/* Lemma 1 through traces: with K = Mbar^T Sigma_W^{-1} Mbar (eigenvalues omega_j^2 and one 0 on
 * the vector 1) and R = (C I + K)^{-1}: sum_j 1/(omega_j^2 + C) = tr R - 1/C,
 * sum_j omega_j^2/(C + omega_j^2)^2 = tr(K R^2), sum_j C/(omega_j^2 + C)^2 = C tr(R^2) - 1/C. */
static int lemma1(mq_list *L, const msecp_inst *I, const msecp_ext *E, const fmpq_mat_t Ws, nc_error *err)
{
    long C = I->C;
    msecp_unext U;
    fmpq_mat_t X, Mt, K, R, R2, KR2;
    fmpq_t t, invC;
    msecp_unext_init(&U, I->H, C, I->N);
    fmpq_mat_init(X, I->p, C), fmpq_mat_init(Mt, C, I->p), fmpq_mat_init(K, C, C);
    fmpq_mat_init(R, C, C), fmpq_mat_init(R2, C, C), fmpq_mat_init(KR2, C, C);
    fmpq_init(t), fmpq_init(invC);
    fmpq_set_si(invC, 1, (ulong)C);
    int rc = 0;
    if (!fmpq_mat_solve_fraction_free(X, U.SigW, U.Mbar)) {
        rc = nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp lemma1: Sigma_W is singular (Lemma 1 needs it invertible)");
        goto out;
    }
    fmpq_mat_transpose(Mt, U.Mbar);
    fmpq_mat_mul(K, Mt, X);
    fmpq_mat_set(R, K);
    for (long c = 0; c < C; c++) fmpq_add_si(fmpq_mat_entry(R, c, c), fmpq_mat_entry(R, c, c), C);
    fmpq_mat_inv(R, R); /* C I + K is positive definite */
    fmpq_mat_mul(R2, R, R);
    fmpq_mat_mul(KR2, K, R2);
    fmpq *ls = mq_add(L, "L_LS", 0), *n1 = mq_add(L, "L_NC1", 0), *n23 = mq_add(L, "L_NC23", 0);
    fmpq *sl = mq_add(L, "spec_L", 0), *s1 = mq_add(L, "spec_NC1", 0), *s23 = mq_add(L, "spec_NC23", 0);
    msecp_loss_ext(ls, E, Ws);
    msecp_nc1(n1, E, Ws);
    msecp_nc23(n23, E, Ws);
    fmpq_mat_trace(sl, R);
    fmpq_sub(sl, sl, invC);
    fmpq_div_2exp(sl, sl, 1);
    fmpq_mat_trace(s1, KR2);
    fmpq_div_2exp(s1, s1, 1);
    fmpq_mat_trace(s23, R2);
    fmpq_mul_si(s23, s23, C);
    fmpq_sub(s23, s23, invC);
    fmpq_div_2exp(s23, s23, 1);
    fmpq_sub(mq_add(L, "gap_L", 1), ls, sl);
    fmpq_sub(mq_add(L, "gap_NC1", 1), n1, s1);
    fmpq_sub(mq_add(L, "gap_NC23", 1), n23, s23);
out:
    msecp_unext_clear(&U);
    fmpq_mat_clear(X), fmpq_mat_clear(Mt), fmpq_mat_clear(K), fmpq_mat_clear(R), fmpq_mat_clear(R2),
        fmpq_mat_clear(KR2);
    fmpq_clear(t), fmpq_clear(invC);
    return rc;
}

/* The hypotheses of each identity (status 2 when the instance violates them). */
static int check_hypotheses(const msecp_inst *I, nc_error *err)
{
    int lam0 = fmpq_is_zero(I->lambda);
    const char *nm = msecp_identity_names[I->identity];
    /* eq8 is also taken at lambda > 0: (8)'s W_LS is eq. (7)'s (lambda-free) and gap_L_LS then
     * tests Section 1.3's invariance L_LS(AH) = L_LS(H) with the weight decay (it fails) */
    if ((I->identity == MSECP_EQ7 || I->identity == MSECP_LEMMA1) && !lam0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp %s: stated for lambda = 0 (Section 3) only", nm);
    if (I->identity == MSECP_THEOREM1_PRINTED && lam0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "msecp %s: the printed formula is undefined at lambda = 0 (see prop1)", nm);
    if (I->identity == MSECP_EQ8) {
        fmpq_mat_t At;
        fmpq_mat_init(At, I->p, I->p);
        fmpq_mat_transpose(At, I->A);
        int sym = fmpq_mat_equal(At, I->A);
        fmpq_mat_clear(At);
        if (!sym) return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp eq8: A must be symmetric");
    }
    return 0;
}

/* Computes the quantities; returns 0, or status 2 when a needed inverse does not exist. */
static int compute(mq_list *L, const msecp_inst *I, const char **singular_assert, nc_error *err)
{
    msecp_ext E;
    fmpq_mat_t Ws, Wp, R;
    msecp_ext_init(&E, I->H, I->C, I->N, I->lambda);
    fmpq_mat_init(Ws, I->C, E.q), fmpq_mat_init(Wp, I->C, E.q), fmpq_mat_init(R, I->C, E.q);
    int rc = 0, have_ls = msecp_wls_corrected(Ws, &E);
    *singular_assert = NULL;
    if (I->identity == MSECP_PROP1 && fmpq_is_zero(I->lambda)) {
        /* row p of Sigma~_T + lambda I: zero, so the printed inverse does not exist */
        fmpq *r = mq_add(L, "singular_row_frob2", 1);
        fmpq_zero(r);
        for (long a = 0; a < E.q; a++) {
            fmpq_t t;
            fmpq_init(t);
            fmpq_mul(t, fmpq_mat_entry(E.SigT, I->p, a), fmpq_mat_entry(E.SigT, I->p, a));
            fmpq_add(r, r, t);
            fmpq_clear(t);
        }
        *singular_assert = "prop1: Sigma~_T + lambda I is singular (lambda = 0): the printed W~_LS is undefined";
        goto out;
    }
    if (!have_ls) {
        rc = nc_error_set(err, NC_EXIT_BAD_INPUT,
                          "msecp %s: Sigma~_T + mu~_G mu~_G^T + lambda I is singular "
                          "(lambda = 0 and [H; 1^T] not of full row rank): the LS classifier is not unique",
                          msecp_identity_names[I->identity]);
        goto out;
    }
    switch (I->identity) {
    case MSECP_PROP1:
        msecp_wls_printed(Wp, &E); /* lambda > 0: Sigma~_T + lambda I is positive definite */
        msecp_residual14(R, &E, Wp);
        exact_mat_frob2(mq_add(L, "residual14_frob2", 1), R);
        exact_mat_dist2(mq_add(L, "dist2_to_minimizer", 0), Wp, Ws);
        break;
    case MSECP_PROP1_CORRECTED:
        msecp_residual14(R, &E, Ws);
        exact_mat_frob2(mq_add(L, "residual14_frob2", 1), R);
        msecp_loss_ext(mq_add(L, "L_LS", 0), &E, Ws);
        break;
    case MSECP_THEOREM1: theorem1(L, I, &E, Ws); break;
    case MSECP_THEOREM1_PRINTED:
        msecp_wls_printed(Wp, &E);
        theorem1(L, I, &E, Wp);
        break;
    case MSECP_THEOREM2: theorem2(L, &E, Ws); break;
    case MSECP_EQ7: rc = eq7(L, I, Ws, err); break;
    case MSECP_EQ8: rc = eq8(L, I, &E, Ws, err); break;
    case MSECP_LEMMA1: rc = lemma1(L, I, &E, Ws, err); break;
    default: break;
    }
out:
    msecp_ext_clear(&E);
    fmpq_mat_clear(Ws), fmpq_mat_clear(Wp), fmpq_mat_clear(R);
    return rc;
}

static json_t *quantities_json(const mq_list *L)
{
    json_t *q = json_object();
    for (int t = 0; t < L->n; t++) json_object_set_new(q, L->name[t], msecp_rational_quantity(L->v[t], 128));
    return q;
}

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(msecp, identities, "msecp.identities", "Prop. 1, eqs. (7)-(8), Theorems 1-2, Lemma 1",
              "exact rational identities");

int msecp_identities_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    (void)o;
    msecp_inst I;
    mq_list L;
    L.n = 0;
    if (msecp_inst_from_json(&I, instance_json, err)) return err->status;
    const char *sing = NULL;
    int rc = check_hypotheses(&I, err);
    if (!rc) rc = compute(&L, &I, &sing, err);
    if (!rc) {
        int holds = 1;
        for (int t = 0; t < L.n; t++)
            if (L.gap[t] && !fmpq_is_zero(L.v[t])) holds = 0;
        char assertion[256];
        const char *nm = msecp_identity_names[I.identity];
        if (sing)
            snprintf(assertion, sizeof assertion, "%s", sing);
        else
            snprintf(assertion, sizeof assertion, "%s: identity %s", nm, holds ? "holds" : "fails");
        nc_verdict verdict = (!sing && holds) ? NC_PROVED : NC_REFUTED;
        json_t *w = json_object();
        *cert = cert_assemble("msecp.identities", mq_source(I.identity), msecp_inst_to_json(&I), cert_method(2, 0),
                              assertion, w, quantities_json(&L), verdict);
    }
    for (int t = 0; t < L.n; t++) fmpq_clear(L.v[t]);
    msecp_inst_clear(&I);
    return rc;
}

/* The command line of msecp.identities (claim.h, claim_cli): the paper's parameter kind
 * msecp-random/1 (papers.def) from flags, or an explicit msecp/1 instance. */
static const claim_flag cli_flag_identity = {"identity",
                                             "identity",
                                             CLAIM_FLAG_WORD,
                                             0,
                                             0,
                                             "NAME",
                                             "prop1, prop1-corrected, theorem1, theorem1-printed-wls, theorem2, eq7, "
                                             "eq8 or lemma1"};
static const claim_flag cli_flag_C = {"C", "C", CLAIM_FLAG_INT, 2, MSECP_MAX_C, "C", "number of classes"};
static const claim_flag cli_flag_N = {"N", "N", CLAIM_FLAG_INT, 1, MSECP_MAX_N, "N", "samples per class"};
static const claim_flag cli_flag_p = {"p", "p", CLAIM_FLAG_INT, 1, MSECP_MAX_P, "P", "feature dimension"};
static const claim_flag cli_flag_lambda = {
    "lambda", "lambda", CLAIM_FLAG_EXACT, 0, 0, "X", "ridge parameter >= 0, exact: integer, decimal, p/q or 1e-9"};
static const claim_flag cli_flag_seed = {
    "seed", "seed", CLAIM_FLAG_SEED, 0, 0, "S", "splitmix64 seed, a decimal integer in [0, 2^64)"};
static const claim_flag *const cli_required[] = {&cli_flag_identity, &cli_flag_C,    &cli_flag_N, &cli_flag_p,
                                                 &cli_flag_lambda,   &cli_flag_seed, NULL};
static const claim_kind cli_kind_random = {"msecp-random/1",
                                           "H, W, b (and A) drawn from splitmix64(S) "
                                           "(specs/claims/msecp.identities.md)",
                                           cli_required, NULL};
static const claim_kind cli_kind_explicit = {"msecp/1",
                                             "H, W, b (and A for eq8) given entrywise, exact strings "
                                             "(specs/claims/msecp.identities.md)",
                                             NULL, NULL};
static const claim_use cli_uses[] = {
    {&cli_kind_random, "--identity prop1-corrected --C 2 --N 2 --p 2 --lambda 1/10 --seed 1"},
    {&cli_kind_explicit,
     "--instance-json '{\"kind\":\"msecp/1\",\"C\":2,\"N\":2,\"p\":2,"
     "\"H\":[[\"1\",\"0\",\"-1\",\"1/2\"],[\"0\",\"1\",\"1/3\",\"-2\"]],"
     "\"W\":[[\"1\",\"-1\"],[\"1/2\",\"0\"]],\"b\":[\"0\",\"1/4\"],\"identity\":\"eq7\",\"lambda\":\"0\"}'"},
    {NULL, NULL}};
const claim_cli msecp_identities_cli = {cli_uses, 0};
