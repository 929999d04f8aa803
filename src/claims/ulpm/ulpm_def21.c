/* ulpm_def21.c: certifier of ulpm.def-2.1 (seed 001 Definition 2.1, eq. (3), and NC1-NC4) on the
 * NC points of ulpm_def21_construct.h: the Gram matrix of W is exactly c (I - 11^T/K) (equal
 * norms, cosines -1/(K-1), sum of rows 0), and the features satisfy h_{k,i} = w_k / sqrt(n)
 * (NC1, NC3 with C = sqrt(n)); everything in exact arithmetic (tier 2). Why this is the claim:
 * proofs/derivations/ulpm-def-2.1.md. */
#include <string.h>
#include "claims/claim.h"
#include "claims/ulpm/ulpm_def21_construct.h"
#include "claims/ulpm/ulpm_def21_quantity.h"
#include "cert/cert.h"
#include "instance/instance_exact.h"
#include "claims/ulpm/ulpm_cli.h"

#define D21_ASSERT "simplex ETF and NC1-NC4"

/* nc/1: sum_{k,i} ||h_{k,i} - w_k/sqrt(n)||^2 = ||H||^2 - (2/sqrt n) sum w_k.h_{k,i} + ||W||^2
 * on the generic instance (its own generator), exactly in Q(sqrt n). */
static int d21_nc13_generic(qsqrt_t r, const ulpm_etf *E, nc_error *err)
{
    instance I;
    if (ulpm_etf_to_instance(&I, E, err)) return err->status;
    qsqrt_t t, x;
    qsqrt_init(t), qsqrt_init(x);
    for (long c = 0; c < instance_N(&I); c++) {
        instance_exact_logit(x, &I, c / I.n, c);
        qsqrt_add(t, t, x);
    }
    qsqrt_div_sqrt(t, t, I.n);
    qsqrt_scalar_div_si(t, t, -1);
    qsqrt_add(t, t, t);
    instance_exact_frobenius2_H(x, &I);
    qsqrt_add(t, t, x);
    instance_exact_frobenius2_W(x, &I);
    qsqrt_add(r, t, x);
    qsqrt_clear(t), qsqrt_clear(x);
    instance_clear(&I);
    return 0;
}

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(ulpm, def21, "ulpm.def-2.1", "Definition 2.1",
              "simplex ETF: equal norms, cosines -1/(K-1), NC1-NC4, exactly");

int ulpm_def21_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    (void)o;
    ulpm_etf E;
    if (ulpm_etf_from_json(&E, instance_json, err)) return err->status;
    fmpq_t g0, g1, c, cosv, nh;
    fmpq_init(g0), fmpq_init(g1), fmpq_init(c), fmpq_init(cosv), fmpq_init(nh);
    qsqrt_t r;
    qsqrt_init(r);
    int ok = ulpm_etf_gram(&E, g0, g1);
    /* features: by definition of etf/1 h_{k,i} = w_k/sqrt(n); for nc/1 computed on the instance */
    if (ok && E.from_nc && d21_nc13_generic(r, &E, err)) {
        ulpm_etf_clear(&E);
        return err->status;
    }
    ok = ok && fmpq_is_zero(r->a) && fmpq_is_zero(r->b);
    nc_verdict verdict = ok ? NC_PROVED : NC_INCONCLUSIVE;
    const char *assertion = ok ? D21_ASSERT : "none";
    fmpq_mul_si(c, g1, -E.K); /* Gram = c (I - 11^T/K): off-diagonal -c/K */
    fmpq_div(cosv, g1, g0);   /* equal norms: cos = g1 / g0 */
    fmpz_t nz;
    fmpz_init_set_si(nz, E.n);
    fmpq_div_fmpz(nh, g0, nz); /* ||h_{k,i}||^2 = ||w_k||^2 / n */
    fmpz_clear(nz);
    json_t *q = json_object();
    json_object_set_new(q, "norm_sq_w", ulpm_rational_quantity(g0));
    json_object_set_new(q, "inner_w", ulpm_rational_quantity(g1));
    json_object_set_new(q, "gram_c", ulpm_rational_quantity(c));
    json_object_set_new(q, "cosine", ulpm_rational_quantity(cosv));
    json_object_set_new(q, "norm_sq_h", ulpm_rational_quantity(nh));
    json_object_set_new(q, "nc13_residual", ulpm_exact_quantity(r, E.n));
    *cert = cert_assemble("ulpm.def-2.1",
                          ulpm_source("Definition 2.1 (eq. (3)) and NC1-NC4",
                                      "M = sqrt(K/(K-1)) Q (I_K - 11^T/K), Q orthogonal, is a simplex ETF: "
                                      "equal norms, pairwise cosines -1/(K-1); the constructed point "
                                      "(W rows an ETF, h_{k,i} = w_k/sqrt(n)) satisfies NC1-NC4"),
                          ulpm_etf_to_json(&E), cert_method(2, 0), assertion, json_object(), q, verdict);
    fmpq_clear(g0), fmpq_clear(g1), fmpq_clear(c), fmpq_clear(cosv), fmpq_clear(nh);
    qsqrt_clear(r);
    ulpm_etf_clear(&E);
    return 0;
}

/* The command line of ulpm.def-2.1 (claim.h, claim_cli). */
static const claim_use cli_uses[] = {{&ulpm_cli_etf, "--instance-json '{\"kind\":\"etf/1\",\"K\":3,\"n\":2,\"d\":2}'"},
                                     {&ulpm_cli_nc, "--nc --K 3 --n 2 --d 3"},
                                     {NULL, NULL}};
const claim_cli ulpm_def21_cli = {cli_uses, 0};
