/* imbrelu_cor4.c: certifier of imbrelu.cor-4 on a concrete instance (imbrelu/1; the box kind
 * imbrelu-phase/1 is in imbrelu_cor4_phase.c). Exactly: C = N^2 K lam/(K-1), n_k - C, the
 * boundary lambda_crit[k] = (K-1) n_k/(K N^2) of each class, (17) and (18) as printed. At the
 * point of Theorem 1 (M_k of the chosen reading; with the corrected reading it is the global
 * minimiser, proofs/derivations/imbrelu-theorem-1.md), with Arb: ||h_k||^2, ||w_k - w_ref||^2
 * (ref = a smallest class), ||W||^2, ||H||^2. Corollary 4 holds at the point iff every class
 * with n_k <= C has h_k = 0 and w_k = w_ref exactly (and (18) gives W = H = 0); it is sharp iff
 * every class with n_k > C has h_k != 0 and w_k != w_ref (certified > 0). */
#include <string.h>
#include "claims/claim.h"
#include "claims/imbrelu/imbrelu_common.h"
#include "claims/imbrelu/imbrelu_cor4.h"
#include "cert/cert.h"
#include "claims/imbrelu/imbrelu_cli.h"

static const char *const C4_EXTRA[] = {NULL};

/* two class sizes only: nA > nB with counts KA, KB; returns 0 otherwise */
static int c4_two_group(const imbrelu_inst *I, slong *nA, slong *nB, slong *KA, slong *KB)
{
    *nA = *nB = I->n[0];
    for (slong k = 0; k < I->K; k++) {
        if (I->n[k] > *nA) *nA = I->n[k];
        if (I->n[k] < *nB) *nB = I->n[k];
    }
    *KA = *KB = 0;
    for (slong k = 0; k < I->K; k++) {
        if (I->n[k] == *nA)
            (*KA)++;
        else if (I->n[k] == *nB)
            (*KB)++;
        else
            return 0;
    }
    return *nA > *nB;
}

static int imbrelu_cor4_instance(json_t *instance_json, json_t **cert, nc_error *err);

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(imbrelu, cor4, "imbrelu.cor-4", "Corollary 4", "collapse thresholds (17), (18), phases");

int imbrelu_cor4_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    (void)o;
    const json_t *kind = json_object_get(instance_json, "kind");
    if (json_is_string(kind) && strcmp(json_string_value(kind), "imbrelu-phase/1") == 0)
        return imbrelu_cor4_phase(instance_json, cert, err);
    return imbrelu_cor4_instance(instance_json, cert, err);
}

static int imbrelu_cor4_instance(json_t *instance_json, json_t **cert, nc_error *err)
{
    imbrelu_inst I;
    if (imbrelu_inst_parse(&I, instance_json, C4_EXTRA, err)) return err->status;
    if (I.d < I.K || I.K > 200) {
        imbrelu_inst_clear(&I);
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu.cor-4 needs d >= K and K <= 200 (Theorem 1's hypothesis)");
    }
    const slong prec = 128, K = I.K;
    arb_ptr M = _arb_vec_init(K), r = _arb_vec_init(K);
    arb_t a, t, u, hs;
    fmpq_t C, x, y;
    arb_init(a), arb_init(t), arb_init(u), arb_init(hs);
    fmpq_init(C), fmpq_init(x), fmpq_init(y);
    json_t *q = json_object(), *w = json_object(), *dead = json_array();
    for (slong k = 0; k < K; k++) imbrelu_M(M + k, &I, k, I.printed, prec);
    imbrelu_point(r, a, &I, M, prec);
    imbrelu_cor4_C(C, &I);
    imbrelu_put_rational(q, "C", C);
    slong ref = 0, ndead = 0, bad = -1, unsharp = 0;
    for (slong k = 1; k < K; k++)
        if (I.n[k] < I.n[ref]) ref = k;
    arb_zero(hs);
    for (slong k = 0; k < K; k++) {
        fmpq_set_si(x, I.n[k], 1);
        fmpq_sub(x, x, C);
        imbrelu_put_rational(q, imbrelu_name("n_minus_C", k), x);
        int is_dead = fmpq_sgn(x) <= 0;
        fmpq_set_si(y, (I.K - 1) * I.n[k], I.K);
        imbrelu_fmpq_div_si(y, y, I.N);
        imbrelu_fmpq_div_si(y, y, I.N);
        imbrelu_put_rational(q, imbrelu_name("lambda_crit", k), y);
        imbrelu_put_ball(q, imbrelu_name("M", k), M + k);
        arb_sqr(t, r + k, prec); /* ||h_k||^2 */
        imbrelu_put_ball(q, imbrelu_name("norm_h_sq", k), t);
        arb_mul_si(u, t, I.n[k], prec);
        arb_add(hs, hs, u, prec);
        /* ||w_k - w_ref||^2 = (aK)^2 (n_k r_k^2 + n_ref r_ref^2) for k != ref (coordinates k, ref) */
        if (k == ref)
            arb_zero(u);
        else {
            arb_sqr(u, r + ref, prec);
            arb_mul_si(u, u, I.n[ref], prec);
            arb_addmul_si(u, t, I.n[k], prec);
            arb_mul(u, u, a, prec);
            arb_mul(u, u, a, prec);
            arb_mul_si(u, u, K * K, prec);
        }
        imbrelu_put_ball(q, imbrelu_name("w_gap_sq", k), u);
        if (is_dead) {
            json_array_append_new(dead, json_integer(k));
            ndead++;
            if (arb_is_positive(t) || arb_is_positive(u)) {
                if (bad < 0) bad = k;
            } else if (!arb_is_zero(t) || !arb_is_zero(u))
                unsharp = 1;
        } else {
            if (arb_is_zero(t)) {
                if (bad < 0) bad = k;
            } else if (!arb_is_positive(t) || (k != ref && !arb_is_positive(u)))
                unsharp = 1;
        }
    }
    imbrelu_put_ball(q, "norm_H_sq", hs);
    arb_mul(t, a, a, prec); /* ||W||^2 = a^2 K (K-1) sum n_j r_j^2 */
    arb_mul_si(t, t, K * (K - 1), prec);
    arb_mul(t, t, hs, prec);
    imbrelu_put_ball(q, "norm_W_sq", t);
    /* (18) with n_A = the largest class: N^2/n_A >= (K-1)/(K lam) */
    slong nA, nB, KA, KB, nmax = I.n[0];
    for (slong k = 0; k < K; k++)
        if (I.n[k] > nmax) nmax = I.n[k];
    fmpq_set_si(x, I.N, 1);
    fmpq_mul_si(x, x, I.N);
    imbrelu_fmpq_div_si(x, x, nmax);
    imbrelu_put_rational(q, "eq18_lhs", x);
    fmpq_set_si(y, I.K - 1, I.K);
    fmpq_div(y, y, I.lam);
    imbrelu_put_rational(q, "eq18_rhs", y);
    int eq18 = fmpq_cmp(x, y) >= 0;
    if (eq18 && (ndead != K || arb_is_positive(hs)) && bad < 0) bad = ref;
    if (eq18 && !arb_is_zero(hs)) unsharp = 1;
    json_object_set_new(w, "eq18", json_string(eq18 ? "holds" : "fails"));
    /* (17) for two-group instances: R >= ((K-1)/(N K lam) - K_B)/K_A */
    const char *e17 = "not two-group";
    if (c4_two_group(&I, &nA, &nB, &KA, &KB)) {
        fmpq_set_si(x, nA, nB);
        imbrelu_put_rational(q, "R", x);
        fmpq_set_si(y, I.K - 1, I.N);
        imbrelu_fmpq_div_si(y, y, I.K);
        fmpq_div(y, y, I.lam);
        fmpq_sub_si(y, y, KB);
        imbrelu_fmpq_div_si(y, y, KA);
        imbrelu_put_rational(q, "eq17_rhs", y);
        int eq17 = fmpq_cmp(x, y) >= 0;
        e17 = eq17 ? "holds" : "fails";
        fmpq_set_si(x, nB, 1);
        if (eq17 != (fmpq_cmp(x, C) <= 0) && bad < 0) bad = ref; /* (17) iff n_B <= C */
    }
    json_object_set_new(w, "eq17", json_string(e17));
    json_object_set_new(w, "reference", json_integer(ref));
    json_object_set_new(w, "dead", dead);
    json_object_set_new(w, "phase", json_string(ndead == 0 ? "none" : ndead == K ? "complete" : "partial"));
    const char *assertion;
    nc_verdict verdict;
    if (bad >= 0) {
        json_object_set_new(w, "k", json_integer(bad));
        assertion = "Corollary 4 contradicts the Theorem 1 point at class k";
        verdict = NC_REFUTED;
    } else if (unsharp) {
        assertion = "none";
        verdict = NC_INCONCLUSIVE;
    } else {
        assertion = "Corollary 4 holds at the minimiser, sharply";
        verdict = NC_PROVED;
    }
    *cert = cert_assemble(
        "imbrelu.cor-4",
        imbrelu_source("Corollary 4, (17), (18)",
                       "if n_k <= C = N^2 K lambda_W lambda_H/(K-1) then h_k = 0 and "
                       "w_k = w_k' for every k' with n_k' <= C at the optimum; minority collapse iff (17); "
                       "complete collapse (W, H) = 0 if (18)"),
        imbrelu_instance_json(instance_json), cert_method(1, prec), assertion, w, q, verdict);
    _arb_vec_clear(M, K), _arb_vec_clear(r, K);
    arb_clear(a), arb_clear(t), arb_clear(u), arb_clear(hs);
    fmpq_clear(C), fmpq_clear(x), fmpq_clear(y);
    imbrelu_inst_clear(&I);
    return 0;
}

/* The command line of imbrelu.cor-4 (claim.h, claim_cli): imbrelu/1 and the phase boxes. */
static const claim_kind cli_kind_phase = {"imbrelu-phase/1",
                                          "a box of two-group instances, (R, lambda) bisected to "
                                          "max_depth (specs/claims/imbrelu.cor-4.md)",
                                          NULL, NULL};
static const claim_use cli_uses[] = {
    {&imbrelu_cli_params, IMBRELU_CLI_EXAMPLE},
    {&cli_kind_phase,
     "--instance-json '{\"kind\":\"imbrelu-phase/1\",\"K_A\":1,\"K_B\":1,\"n_B\":\"1\",\"R\":[\"1\",\"16\"],"
     "\"lambda\":[\"1/1024\",\"1\"],\"max_depth\":6}'"},
    {NULL, NULL}};
const claim_cli imbrelu_cor4_cli = {cli_uses, 0};
