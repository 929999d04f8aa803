/* imbrelu_global_search.c: certifier of imbrelu.global-search (seed 004 Theorem 1, global
 * optimality): searches problem (4) in double (imbrelu_global_search_driver.c) for a feasible
 * point (H >= 0) below the claimed optimum, rounds the best point to dyadics (entries p/2^40,
 * H entries >= 0 stay >= 0): that rounded point IS the witness. Arb then encloses its objective
 * and the claimed optimum (objective at Theorem 1's point with M_k of the instance's reading,
 * imbrelu_point_objective). REFUTED iff witness - claimed < 0 is certified; otherwise INCONCLUSIVE
 * ("none"): a search never proves optimality. Arb contract: balls contain the exact values. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "claims/claim.h"
#include "claims/imbrelu/imbrelu_common.h"
#include "claims/imbrelu/imbrelu_global_search.h"
#include "cert/cert.h"
#include "claims/imbrelu/imbrelu_cli.h"

#define GS_PREC 128
#define GS_DEN_BITS 40
static const char *const GS_EXTRA[] = {"starts", "seed", "iters", NULL};

static int imbrelu_gs_int(const json_t *j, const char *key, long lo, long hi, long dflt, long *out, nc_error *err)
{
    const json_t *v = json_object_get(j, key);
    if (!v && dflt >= 0) {
        *out = dflt;
        return 0;
    }
    if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu.global-search: %s must be an integer in %ld..%ld", key, lo,
                            hi);
    *out = (long)json_integer_value(v);
    return 0;
}

/* x rounded to the nearest multiple of 2^-40, as the exact string "p/2^40" and into q */
static json_t *imbrelu_gs_dyadic(fmpq_t q, double x)
{
    long long p = llround(ldexp(x, GS_DEN_BITS));
    char buf[64];
    snprintf(buf, sizeof buf, "%lld/%lld", p, 1LL << GS_DEN_BITS);
    fmpz_set_si(fmpq_numref(q), (slong)p);
    fmpz_one_2exp(fmpq_denref(q), GS_DEN_BITS);
    fmpq_canonicalise(q);
    return json_string(buf);
}

/* objective of problem (4) at the exact point (W K x d, H d x N); Arb contract */
static void imbrelu_gs_objective_arb(arb_t obj, const imbrelu_inst *I, const int *label, const fmpq *W, const fmpq *H,
                                     slong prec)
{
    slong K = I->K, d = I->d, N = I->N;
    arb_ptr z = _arb_vec_init(K);
    arb_t t, u, s;
    arb_init(t), arb_init(u), arb_init(s);
    arb_zero(obj);
    for (slong i = 0; i < N; i++) {
        for (slong m = 0; m < K; m++) {
            arb_zero(z + m);
            for (slong j = 0; j < d; j++) {
                arb_set_fmpq(t, W + m * d + j, prec);
                arb_set_fmpq(u, H + j * N + i, prec);
                arb_addmul(z + m, t, u, prec);
            }
        }
        arb_zero(s); /* log(sum_m exp(z_m - z_y)) = log(1 + sum_{m != y} ...) */
        for (slong m = 0; m < K; m++)
            if (m != label[i]) {
                arb_sub(t, z + m, z + label[i], prec);
                arb_exp(t, t, prec);
                arb_add(s, s, t, prec);
            }
        arb_log1p(s, s, prec);
        arb_add(obj, obj, s, prec);
    }
    arb_div_si(obj, obj, N, prec);
    for (int part = 0; part < 2; part++) {
        const fmpq *X = part ? H : W;
        slong len = part ? d * N : K * d;
        arb_zero(s);
        for (slong t0 = 0; t0 < len; t0++) {
            arb_set_fmpq(t, X + t0, prec);
            arb_addmul(s, t, t, prec);
        }
        arb_set_fmpq(t, part ? I->lamH : I->lamW, prec);
        arb_mul(s, s, t, prec);
        arb_mul_2exp_si(s, s, -1);
        arb_add(obj, obj, s, prec);
    }
    _arb_vec_clear(z, K);
    arb_clear(t), arb_clear(u), arb_clear(s);
}

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(imbrelu, global_search, "imbrelu.global-search", "Theorem 1 (global optimality)",
              "counterexample search (never PROVED)");

int imbrelu_global_search_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    (void)o;
    imbrelu_inst I;
    long starts, seed, iters;
    if (imbrelu_inst_parse(&I, instance_json, GS_EXTRA, err)) return err->status;
    if (imbrelu_gs_int(instance_json, "starts", 1, 2000, -1, &starts, err) ||
        imbrelu_gs_int(instance_json, "seed", 0, 1000000000L, -1, &seed, err) ||
        imbrelu_gs_int(instance_json, "iters", 1, 100000, 2000, &iters, err)) {
        imbrelu_inst_clear(&I);
        return err->status;
    }
    if (I.K > 8 || I.N > 200 || I.d < I.K || I.d > 16) {
        imbrelu_inst_clear(&I);
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "imbrelu.global-search: small instances only (K <= 8, N <= 200, K <= d <= 16)");
    }
    slong K = I.K, d = I.d, N = I.N, nv = K * d + d * N;
    int *label = malloc((size_t)N * sizeof *label);
    for (slong k = 0, i = 0; k < K; k++)
        for (slong c = 0; c < I.n[k]; c++) label[i++] = (int)k;
    imbrelu_gs_problem p = {(int)K, (int)d, (int)N, label, fmpq_get_d(I.lamW), fmpq_get_d(I.lamH)};
    double *best = calloc((size_t)nv, sizeof *best);
    imbrelu_gs_search(&p, (int)starts, (unsigned long long)seed, (int)iters, best);
    for (slong t = 0; t < nv; t++)
        if (!isfinite(best[t]) || fabs(best[t]) >= 0x1p22) best[t] = 0; /* out of the witness format: use 0 */
    fmpq *X = _fmpq_vec_init(nv);
    json_t *jW = json_array(), *jH = json_array(), *w = json_object(), *q = json_object(), *srch = json_object();
    for (slong m = 0; m < K; m++) {
        json_t *row = json_array();
        for (slong j = 0; j < d; j++) json_array_append_new(row, imbrelu_gs_dyadic(X + m * d + j, best[m * d + j]));
        json_array_append_new(jW, row);
    }
    for (slong j = 0; j < d; j++) {
        json_t *row = json_array();
        for (slong i = 0; i < N; i++)
            json_array_append_new(row, imbrelu_gs_dyadic(X + K * d + j * N + i, best[K * d + j * N + i]));
        json_array_append_new(jH, row);
    }
    arb_t ow, oc, gap;
    arb_init(ow), arb_init(oc), arb_init(gap);
    imbrelu_gs_objective_arb(ow, &I, label, X, X + K * d, GS_PREC);
    arb_ptr M = _arb_vec_init(K);
    for (slong k = 0; k < K; k++) imbrelu_M(M + k, &I, k, I.printed, GS_PREC);
    imbrelu_point_objective(oc, &I, M, GS_PREC);
    arb_sub(gap, ow, oc, GS_PREC);
    imbrelu_put_ball(q, "objective_witness", ow);
    imbrelu_put_ball(q, "objective_claimed", oc);
    imbrelu_put_ball(q, "gap", gap);
    json_object_set_new(srch, "starts", json_integer(starts));
    json_object_set_new(srch, "seed", json_integer(seed));
    json_object_set_new(srch, "iters", json_integer(iters));
    json_object_set_new(w, "W", jW);
    json_object_set_new(w, "H", jH);
    json_object_set_new(w, "search", srch);
    int refuted = arb_is_negative(gap);
    *cert = cert_assemble(
        "imbrelu.global-search",
        imbrelu_source("Theorem 1 (global optimality)",
                       "the point of Theorem 1 (M_k of (6)) is a global minimiser of problem (4): no feasible "
                       "point (H >= 0) has a smaller objective"),
        imbrelu_instance_json(instance_json), cert_method(1, GS_PREC),
        refuted ? "a feasible point with objective below the claimed optimum" : "none", w, q,
        refuted ? NC_REFUTED : NC_INCONCLUSIVE);
    _arb_vec_clear(M, K);
    _fmpq_vec_clear(X, nv);
    arb_clear(ow), arb_clear(oc), arb_clear(gap);
    free(best), free(label);
    imbrelu_inst_clear(&I);
    return 0;
}

/* The command line of imbrelu.global-search (claim.h, claim_cli): imbrelu/1 with the search's
 * own keys. */
static const claim_flag cli_flag_starts = {"starts", "starts", CLAIM_FLAG_INT, 1, 2000, "S", "number of random starts"};
static const claim_flag cli_flag_seed = {
    "seed", "seed", CLAIM_FLAG_INT, 0, 1000000000L, "S", "seed of the random starts"};
static const claim_flag cli_flag_iters = {
    "iters", "iters", CLAIM_FLAG_INT, 1, 100000, "I", "gradient steps per start (default 2000)"};
static const claim_flag *const cli_required[] = {IMBRELU_CLI_REQUIRED, &cli_flag_starts, &cli_flag_seed, NULL};
static const claim_flag *const cli_optional[] = {&imbrelu_cli_flag_reading, &cli_flag_iters, NULL};
static const claim_kind cli_kind = {"imbrelu/1", IMBRELU_CLI_WHAT ", with the search's starts, seed[, iters]",
                                    cli_required, cli_optional};
static const claim_use cli_uses[] = {{&cli_kind, "--n 1,2 --d 2 --lambda-w 1/10 --lambda-h 1/10 --reading printed "
                                                 "--starts 8 --seed 1"},
                                     {NULL, NULL}};
const claim_cli imbrelu_global_search_cli = {cli_uses, 0};
