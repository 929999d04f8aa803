/* linconv_nc_metrics.c: certifier of linconv.nc-metrics, a measurement: enclosures of the NC
 * metrics NC2 (distance of the normalised Gram matrix W W^T to the simplex ETF) and NC3
 * (self-duality: W Hbar against the same ETF) of seed 002's appendix, at a point (W, H) with
 * rational entries -- a network's arrays (npz/1, npy/1), random-dyadic/1 or explicit. With
 * E = I_K - (1/K) 1 1^T (the printed formula has I_K - 1 1^T: a misprint, recorded in the
 * derivation) and ||E||_F^2 = K-1, for A = W W^T (NC2) or A = W Hbar (NC3, Hbar the class means
 * minus the global mean, as columns):
 *     NC(A) = || A/||A||_F - E/sqrt(K-1) ||_F = sqrt(2 - 2 c / sqrt((K-1) s)),
 *     c = <A, E> = tr A - (1/K) 1^T A 1,  s = ||A||_F^2,
 * c and s computed exactly (fmpq), the square roots in Arb; NC = 0 exactly (an ETF) is written
 * as [0, 0] after the exact test c > 0, c^2 = (K-1) s. Undefined when A = 0: refused.
 * proofs/derivations/linconv-nc-metrics.md; NC1 (pseudo-inverse) and NC4 are not certified. */
#include <string.h>
#include <flint/fmpq_vec.h>
#include "cert/cert.h"
#include "claims/claim.h"
#include "claims/linconv/linconv_common.h"
#include "claims/ulpm/ulpm_cli.h"
#include "instance/instance_exact.h"

#define NCM_ASSERT "NC2 and NC3 enclosed"
#define NCM_PREC 128

/* r = x / k (k > 0) */
static void ncm_div_si(fmpq_t r, const fmpq_t x, slong k)
{
    fmpz_t z;
    fmpz_init_set_si(z, k);
    fmpq_div_fmpz(r, x, z);
    fmpz_clear(z);
}

/* c = tr A - (1/K) 1^T A 1 and s = ||A||_F^2 of the K x K matrix A (row-major). */
static void ncm_cs(fmpq_t c, fmpq_t s, const fmpq *A, long K)
{
    fmpq_t sum;
    fmpq_init(sum);
    fmpq_zero(c), fmpq_zero(s);
    for (long i = 0; i < K; i++)
        for (long j = 0; j < K; j++) {
            const fmpq *a = A + i * K + j;
            fmpq_add(sum, sum, a);
            fmpq_addmul(s, a, a);
            if (i == j) fmpq_add(c, c, a);
        }
    ncm_div_si(sum, sum, K);
    fmpq_sub(c, c, sum);
    fmpq_clear(sum);
}

/* The enclosure of sqrt(2 - 2 c / sqrt((K-1) s)) (s > 0), [0, 0] when exactly 0. */
static json_t *ncm_quantity(const fmpq_t c, const fmpq_t s, long K)
{
    fmpq_t d;
    arb_t x, t;
    fmpq_init(d), arb_init(x), arb_init(t);
    fmpq_mul_si(d, s, K - 1);
    fmpq_t c2;
    fmpq_init(c2);
    fmpq_mul(c2, c, c);
    int zero = fmpq_sgn(c) > 0 && fmpq_equal(c2, d);
    if (!zero) {
        arb_set_fmpq(t, d, NCM_PREC + 16);
        arb_sqrt(t, t, NCM_PREC + 16);
        arb_set_fmpq(x, c, NCM_PREC + 16);
        arb_div(t, x, t, NCM_PREC + 16); /* c / sqrt((K-1) s), in [-1, 1] */
        arb_mul_2exp_si(t, t, 1);
        arb_set_si(x, 2);
        arb_sub(x, x, t, NCM_PREC + 16);
        arb_sqrtpos(x, x, NCM_PREC); /* the exact value is >= 0 (Cauchy-Schwarz) */
    }
    json_t *q = cert_quantity(x, NULL, 0);
    fmpq_clear(d), fmpq_clear(c2), arb_clear(x), arb_clear(t);
    return q;
}

/* G = W W^T and M = W Hbar (K x K, exact), from the class sums of H. */
static void ncm_matrices(fmpq *G, fmpq *M, const instance *I)
{
    long K = I->K, n = I->n, d = I->d;
    fmpq *W = _fmpq_vec_init(K * d), *S = _fmpq_vec_init(K * d), *tot = _fmpq_vec_init(d);
    qsqrt_t x;
    qsqrt_init(x);
    for (long k = 0; k < K; k++)
        for (long l = 0; l < d; l++) instance_exact_entry_W(x, I, k, l), fmpq_set(W + k * d + l, x->a);
    if (I->exact_double) { /* S_j = sum_i h_{j,i}: exact binary sums (arf, no rounding), then fmpq */
        arf_struct *acc = flint_malloc((size_t)(K * d) * sizeof *acc);
        arf_t v;
        arf_init(v);
        for (long t = 0; t < K * d; t++) arf_init(acc + t);
        for (long c = 0; c < n * K; c++)
            for (long l = 0; l < d; l++) {
                arf_set_d(v, I->Ht[c * d + l]);
                arf_add(acc + (c / n) * d + l, acc + (c / n) * d + l, v, ARF_PREC_EXACT, ARF_RND_DOWN);
            }
        for (long t = 0; t < K * d; t++) arf_get_fmpq(S + t, acc + t), arf_clear(acc + t);
        arf_clear(v);
        flint_free(acc);
    } else
        for (long c = 0; c < n * K; c++)
            for (long l = 0; l < d; l++) {
                instance_exact_entry_H(x, I, c, l);
                fmpq_add(S + (c / n) * d + l, S + (c / n) * d + l, x->a);
            }
    for (long j = 0; j < K; j++)
        for (long l = 0; l < d; l++) fmpq_add(tot + l, tot + l, S + j * d + l);
    fmpq_t u, v;
    fmpq_init(u), fmpq_init(v);
    for (long j = 0; j < K; j++) /* S_j becomes hbar_j = S_j/n - tot/(nK) */
        for (long l = 0; l < d; l++) {
            ncm_div_si(u, S + j * d + l, n);
            ncm_div_si(v, tot + l, n * K);
            fmpq_sub(S + j * d + l, u, v);
        }
    for (long k = 0; k < K; k++)
        for (long j = 0; j < K; j++) {
            fmpq_zero(G + k * K + j), fmpq_zero(M + k * K + j);
            for (long l = 0; l < d; l++) {
                fmpq_addmul(G + k * K + j, W + k * d + l, W + j * d + l);
                fmpq_addmul(M + k * K + j, W + k * d + l, S + j * d + l);
            }
        }
    fmpq_clear(u), fmpq_clear(v), qsqrt_clear(x);
    _fmpq_vec_clear(W, K * d), _fmpq_vec_clear(S, K * d), _fmpq_vec_clear(tot, d);
}

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(linconv, nc_metrics, "linconv.nc-metrics", "Appendix, NC metrics",
              "certified enclosures of the NC metrics NC2 and NC3 at a point (a network's arrays)");

int linconv_nc_metrics_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    (void)o;
    instance I;
    if (instance_from_json(&I, instance_json, err)) return err->status;
    if (I.Wb || I.Hb) {
        instance_clear(&I);
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "linconv.nc-metrics: entries with a sqrt(n) part (nc/1, nc-perturbed/1) are not supported: "
                            "give rational entries (explicit, random-dyadic/1, npz/1, npy/1)");
    }
    long K = I.K;
    fmpq *G = _fmpq_vec_init(K * K), *M = _fmpq_vec_init(K * K);
    fmpq_t c2, s2, c3, s3;
    fmpq_init(c2), fmpq_init(s2), fmpq_init(c3), fmpq_init(s3);
    ncm_matrices(G, M, &I);
    ncm_cs(c2, s2, G, K);
    ncm_cs(c3, s3, M, K);
    int rc = 0;
    if (fmpq_is_zero(s2) || fmpq_is_zero(s3))
        rc =
            nc_error_set(err, NC_EXIT_BAD_INPUT, "linconv.nc-metrics: %s is 0, so NC%d is undefined",
                         fmpq_is_zero(s2) ? "W" : "W Hbar (W times the centred class means)", fmpq_is_zero(s2) ? 2 : 3);
    if (!rc) {
        json_t *q = json_object();
        json_object_set_new(q, "nc2", ncm_quantity(c2, s2, K));
        json_object_set_new(q, "nc3", ncm_quantity(c3, s3, K));
        *cert = cert_assemble(
            "linconv.nc-metrics",
            linconv_source(
                "Appendix, NC metrics (NC2, NC3)",
                "NC2 = || W W^T/||W W^T||_F - (I_K - 11^T/K)/sqrt(K-1) ||_F and NC3 = || W Hbar/||W Hbar||_F "
                "- (I_K - 11^T/K)/sqrt(K-1) ||_F (W with rows w_k; printed with I_K - 11^T: misprint)"),
            instance_to_json(&I), cert_method(1, NCM_PREC), NCM_ASSERT, json_object(), q, NC_PROVED);
    }
    fmpq_clear(c2), fmpq_clear(s2), fmpq_clear(c3), fmpq_clear(s3);
    _fmpq_vec_clear(G, K * K), _fmpq_vec_clear(M, K * K);
    instance_clear(&I);
    return rc;
}

/* The command line of linconv.nc-metrics (claim.h, claim_cli): a point with rational entries. */
static const claim_use cli_uses[] = {{&ulpm_cli_random, "--K 3 --n 2 --d 4 --seed 1"},
                                     {&ulpm_cli_npz, "--npz tests/data/byon_K3_d4.npz --balance first"},
                                     {&ulpm_cli_npy, "--features tests/data/byon_features.npy --labels "
                                                     "tests/data/byon_labels.npy --classifier tests/data/byon_W.npy"},
                                     {&ulpm_cli_explicit,
                                      "--instance-json '{\"K\":2,\"n\":1,\"d\":2,\"W\":[[\"1\",\"0\"],"
                                      "[\"0\",\"1\"]],\"H\":[[\"1\",\"1/2\"],[\"-1/3\",\"0.75\"]]}'"},
                                     {NULL, NULL}};
const claim_cli linconv_nc_metrics_cli = {cli_uses, 0};
