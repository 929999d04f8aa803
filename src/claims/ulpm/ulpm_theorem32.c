/* ulpm_theorem32.c: certifier of ulpm.theorem-3.2 (seed 001 Theorem 3.2 = seed 000 Theorem B.2):
 * the minimum-norm separation problem (5)/(13), min (1/2)(||W||^2 + ||H||^2) s.t. s_kij >= 1,
 * has optimal value (K-1) sqrt(n), attained at NC points scaled to q_min = 1, which are KKT
 * points with the single multiplier lambda = 1/(K sqrt n) on every constraint, satisfy MFCQ with
 * v = theta, and no other point does better.
 *  - NC kinds (etf/1, nc/1): exact tier-2 certificate of the optimum (value, feasibility,
 *    stationarity, complementarity, MFCQ) from the exact Gram matrix (ulpm_def21_construct.h).
 *  - Other kinds: the homogeneous form of "does not beat the optimum",
 *    (1/2)(||W||^2 + ||H||^2) > (K-1) sqrt(n) q_min, via the Lemma 3.1 certifier (its witness
 *    and quantities are reused verbatim).
 * Why these checks imply the claim: proofs/derivations/ulpm-theorem-3.2.md. */
#include <string.h>
#include "claims/claim.h"
#include "claims/ulpm/ulpm_def21_construct.h"
#include "claims/ulpm/ulpm_def21_quantity.h"
#include "cert/cert.h"
#include "claims/ulpm/ulpm_cli.h"

#define T32_OPT "NC point scaled to q_min = 1 is optimal: value (K-1) sqrt(n), KKT, MFCQ"
#define T32_NOBEAT "(||W||^2 + ||H||^2)/2 > (K-1) sqrt(n) q_min"
#define T32_STATEMENT                                                                                                  \
    "min (1/2)(||W||_F^2 + ||H||_F^2) s.t. w_k.h_{k,i} - w_j.h_{k,i} >= 1 has optimal value "                          \
    "(K-1) sqrt(n), attained at neural-collapse points scaled to q_min = 1, which are KKT points (multipliers "        \
    "1/(K sqrt n)) where MFCQ holds with v = theta; every global optimum satisfies NC"

enum { T_Q0, T_T2, T_OBJ, T_OPT, T_LAM, T_RES, T_CS, T_CMIN, T_CMAX, T_MFCQ, T_NQ };
static const char *const T32_Q[] = {
    "margin_unscaled",          "scale_sq",        "objective",      "optimum_value",  "multiplier",
    "stationarity_residual_sq", "complementarity", "constraint_min", "constraint_max", "mfcq_min"};

static void qs_sqrt_times(qsqrt_t x, const fmpq_t b)
{
    fmpq_zero(x->a);
    fmpq_set(x->b, b);
} /* b sqrt(n) */

/* The NC-point certificate. Every constraint value of theta0 = (W, H) is
 * (w_k - w_j).w_k / sqrt(n) = (g0 - g1)/sqrt(n) = q0; theta* = t theta0 with t^2 = 1/q0. */
static int t32_optimum(json_t *ij, json_t **cert, nc_error *err)
{
    ulpm_etf E;
    if (ulpm_etf_from_json(&E, ij, err)) return err->status;
    long K = E.K, n = E.n;
    fmpq_t g0, g1, c, f;
    fmpq_init(g0), fmpq_init(g1), fmpq_init(c), fmpq_init(f);
    int ok = ulpm_etf_gram(&E, g0, g1);
    qsqrt_t v[T_NQ], one, t;
    for (int q = 0; q < T_NQ; q++) qsqrt_init(v[q]);
    qsqrt_init(one), qsqrt_init(t);
    fmpq_one(one->a);
    fmpq_sub(c, g0, g1); /* (w_k - w_j).w_k */
    fmpq_set_si(f, 1, (ulong)n);
    fmpq_mul(f, f, c);
    qs_sqrt_times(v[T_Q0], f); /* q0 = c/sqrt(n) = (c/n) sqrt(n) */
    fmpq_inv(f, c);
    qs_sqrt_times(v[T_T2], f); /* t^2 = sqrt(n)/c */
    fmpq_mul_si(f, g0, K);     /* (||W0||^2 + ||H0||^2)/2 = K g0 */
    qsqrt_set(t, v[T_T2]);
    fmpq_mul(t->b, t->b, f);
    qsqrt_set(v[T_OBJ], t);
    fmpq_set_si(f, K - 1, 1);
    qs_sqrt_times(v[T_OPT], f); /* (K-1) sqrt(n) */
    fmpq_set_si(f, 1, (ulong)(K * n));
    qs_sqrt_times(v[T_LAM], f); /* lambda = sqrt(n)/(K n) = 1/(K sqrt n) */
    /* residual^2 = 2 t^2 K g0 (1 - lambda K sqrt n)^2 (derivation, using sum_k w_k = 0) */
    {
        qsqrt_t a; /* a = 1 - lambda K sqrt(n) */
        qsqrt_init(a);
        fmpq_mul_si(a->a, v[T_LAM]->b, -K * n); /* lambda K sqrt(n) = K n b */
        fmpq_add_si(a->a, a->a, 1);
        fmpq_mul_si(a->b, v[T_LAM]->a, -K);
        qsqrt_mul(a, a, a, n);
        qsqrt_mul(a, a, v[T_T2], n);
        fmpq_mul_si(f, g0, 2 * K);
        fmpq_mul(a->a, a->a, f), fmpq_mul(a->b, a->b, f);
        qsqrt_set(v[T_RES], a);
        qsqrt_clear(a);
    }
    qsqrt_mul(t, v[T_T2], v[T_Q0], n); /* every constraint value t^2 q0 */
    qsqrt_set(v[T_CMIN], t), qsqrt_set(v[T_CMAX], t);
    qsqrt_sub(t, t, one); /* sum lambda (s - 1) = lambda nK(K-1)(t^2 q0 - 1) */
    qsqrt_mul(t, t, v[T_LAM], n);
    fmpq_mul_si(t->a, t->a, n * K * (K - 1)), fmpq_mul_si(t->b, t->b, n * K * (K - 1));
    qsqrt_set(v[T_CS], t);
    qsqrt_add(v[T_MFCQ], v[T_CMIN], v[T_CMIN]); /* <grad s, theta> = 2 s */
    ok = ok && qsqrt_equal(v[T_OBJ], v[T_OPT], n) && qsqrt_sgn(v[T_RES], n) == 0 && qsqrt_sgn(v[T_CS], n) == 0 &&
         qsqrt_equal(v[T_CMIN], one, n) && qsqrt_sgn(v[T_LAM], n) > 0;
    json_t *q = json_object(), *w = json_object(), *lam = json_object();
    for (int k = 0; k < T_NQ; k++) json_object_set_new(q, T32_Q[k], ulpm_exact_quantity(v[k], n));
    char *s = fmpq_get_str(NULL, 10, v[T_LAM]->a);
    json_object_set_new(lam, "a", json_string(s));
    flint_free(s);
    s = fmpq_get_str(NULL, 10, v[T_LAM]->b);
    json_object_set_new(lam, "b", json_string(s));
    flint_free(s);
    json_object_set_new(lam, "m", json_integer(n));
    json_object_set_new(w, "multiplier", lam);
    *cert = cert_assemble(
        "ulpm.theorem-3.2", ulpm_source("Theorem 3.2 (= Theorem B.2), problem (5)/(13)", T32_STATEMENT),
        ulpm_etf_to_json(&E), cert_method(2, 0), ok ? T32_OPT : "none", w, q, ok ? NC_PROVED : NC_INCONCLUSIVE);
    for (int k = 0; k < T_NQ; k++) qsqrt_clear(v[k]);
    qsqrt_clear(one), qsqrt_clear(t);
    fmpq_clear(g0), fmpq_clear(g1), fmpq_clear(c), fmpq_clear(f);
    ulpm_etf_clear(&E);
    return 0;
}

/* Any other point: the Lemma 3.1 certificate proves s_kij < bound = A/(2(K-1) sqrt n) at a
 * witness, i.e. A/2 > (K-1) sqrt(n) s_kij >= (K-1) sqrt(n) q_min; its witness and quantities are
 * exactly those this certificate needs. */
static int t32_no_beat(json_t *ij, const certify_options *o, json_t **cert, nc_error *err)
{
    instance I;
    json_t *l31 = NULL;
    if (instance_from_json(&I, ij, err)) return err->status;
    int rc = ulpm_lemma31_certify_instance(&I, o, &l31, err);
    if (rc) {
        instance_clear(&I);
        return rc;
    }
    const char *as = json_string_value(json_object_get(l31, "assertion"));
    int lt = strcmp(as, "q_min < bound") == 0;
    *cert =
        cert_assemble("ulpm.theorem-3.2", ulpm_source("Theorem 3.2 (= Theorem B.2), problem (5)/(13)", T32_STATEMENT),
                      instance_to_json(&I), json_deep_copy(json_object_get(l31, "method")), lt ? T32_NOBEAT : "none",
                      json_deep_copy(json_object_get(l31, "witnesses")),
                      json_deep_copy(json_object_get(l31, "quantities")), lt ? NC_PROVED : NC_INCONCLUSIVE);
    json_decref(l31);
    instance_clear(&I);
    return 0;
}

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(ulpm, theorem32, "ulpm.theorem-3.2", "Theorem 3.2 (= B.2)",
              "optimum (K-1)sqrt(n) of the min-norm separation problem at NC points, KKT, MFCQ");

int ulpm_theorem32_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    json_t *k = json_is_object(instance_json) ? json_object_get(instance_json, "kind") : NULL;
    const char *kind = k && json_is_string(k) ? json_string_value(k) : "";
    if (strcmp(kind, "etf/1") == 0 || strcmp(kind, "nc/1") == 0) return t32_optimum(instance_json, cert, err);
    return t32_no_beat(instance_json, o, cert, err);
}

/* The command line of ulpm.theorem-3.2 (claim.h, claim_cli): any point, or etf/1. */
static const claim_use cli_uses[] = {
    ULPM_CLI_POINT_USES,
    {&ulpm_cli_etf, "--instance-json '{\"kind\":\"etf/1\",\"K\":3,\"n\":2,\"d\":2,\"scale\":\"3/2\"}'"},
    {NULL, NULL}};
const claim_cli ulpm_theorem32_cli = {cli_uses, 0};
