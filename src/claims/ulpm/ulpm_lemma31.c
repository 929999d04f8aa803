/* ulpm_lemma31.c: certifier of ulpm.lemma-3.1 (seed 001 Lemma 3.1 = seed 000 Lemma B.1):
 *   q_min(W,H) <= bound = (||W||_F^2 + ||H||_F^2) / (2(K-1) sqrt(n)), equality iff NC.
 * Tier 0 (a BLAS oracle screens, the proved double kernels decide: ulpm_lemma31_margins.c)
 * finds the witness (k,i,j) minimising the margin and encloses the norms with the proved a-priori bound; tier 1 (Arb,
 * precision escalation) encloses the margin at the witness and the bound; tier 2 (exact,
 * Q(sqrt n)) decides equality, and everything else the balls cannot. Why the checks imply
 * the claim: proofs/derivations/ulpm-lemma-3.1.md. */
#include <stdlib.h>
#include <string.h>
#include "claims/claim.h"
#include "claims/ulpm/ulpm_def21_quantity.h"
#include "claims/ulpm/ulpm_lemma31_margins.h"
#include "instance/instance_ball.h"
#include "cert/cert.h"
#include "instance/instance_exact.h"
#include "instance/instance.h"
#include "kernels/kernel_frobenius.h"
#include "claims/ulpm/ulpm_cli.h"
#include "common/progress.h"

#define L31_LT "q_min < bound"
#define L31_EQ "q_min = bound"
#define L31_GT "q_min > bound"
#define L31_NONE "none"

typedef struct {
    arb_t s, nW, nH, bound, slack;
} l31_balls;

static void l31_balls_init(l31_balls *b)
{
    arb_init(b->s);
    arb_init(b->nW);
    arb_init(b->nH);
    arb_init(b->bound);
    arb_init(b->slack);
}

static void l31_balls_clear(l31_balls *b)
{
    arb_clear(b->s);
    arb_clear(b->nW);
    arb_clear(b->nH);
    arb_clear(b->bound);
    arb_clear(b->slack);
}

static json_t *l31_source(void)
{
    return ulpm_source("Lemma 3.1 (= Lemma B.1)",
                       "q_min(W,H) <= (||W||_F^2 + ||H||_F^2) / (2(K-1) sqrt(n)), with equality "
                       "if and only if (W,H) satisfies the neural-collapse conditions");
}

static json_t *l31_witness(const instance *I, long c, long j)
{
    json_t *w = json_object();
    json_object_set_new(w, "k", json_integer(c / I->n));
    json_object_set_new(w, "i", json_integer(c % I->n));
    json_object_set_new(w, "j", json_integer(j));
    return w;
}

static json_t *l31_quantities(const l31_balls *b, qsqrt_struct *const exact[5], slong m)
{
    json_t *q = json_object();
    json_object_set_new(q, "margin_at_witness", cert_quantity(b->s, exact[0], m));
    json_object_set_new(q, "norm_W_sq", cert_quantity(b->nW, exact[1], m));
    json_object_set_new(q, "norm_H_sq", cert_quantity(b->nH, exact[2], m));
    json_object_set_new(q, "bound", cert_quantity(b->bound, exact[3], m));
    json_object_set_new(q, "slack", cert_quantity(b->slack, exact[4], m));
    return q;
}

/* bound = (nW + nH) / (2 (K-1) sqrt(n)), slack = bound - s. */
static void l31_bound_and_slack(l31_balls *b, const instance *I, slong prec)
{
    arb_t den;
    arb_init(den);
    arb_sqrt_ui(den, (ulong)I->n, prec);
    arb_mul_si(den, den, 2 * (I->K - 1), prec);
    arb_add(b->bound, b->nW, b->nH, prec);
    arb_div(b->bound, b->bound, den, prec);
    arb_sub(b->slack, b->bound, b->s, prec);
    arb_clear(den);
}

/* Tier 0: the witness (c, j) of the smallest double margin (BLAS oracle, proved kernels at
 * its candidates). Any (c, j != k) is a valid witness (q_min <= s_{kij} always); tier 0 only
 * makes it the best one cheaply. */
static int l31_find_witness(const instance *I, long *c, long *j, nc_error *err)
{
    if (ulpm_lemma31_witness(I, c, j)) return nc_error_set(err, NC_EXIT_INTERNAL, "out of memory for the margins");
    return 0;
}

/* Norms: tier 0 (kernel + proved bound) when the doubles are the instance, else Arb. */
static void l31_norms(l31_balls *b, const instance *I, int allow_tier0, slong prec)
{
    long lw = I->K * I->d, lh = instance_N(I) * I->d;
    if (allow_tier0 && I->exact_double &&
        instance_ball_from_kernel_sum_squares(b->nW, kernel_frobenius2(lw, I->W), lw) &&
        instance_ball_from_kernel_sum_squares(b->nH, kernel_frobenius2(lh, I->Ht), lh))
        return;
    instance_ball_frobenius2(b->nW, I, 1, prec);
    instance_ball_frobenius2(b->nH, I, 0, prec);
}

/* Tier 2: every margin, the norms and the bound exactly in Q(sqrt n); the witness becomes
 * the exact minimiser. Returns the sign of bound - q_min. */
static int l31_exact(l31_balls *b, qsqrt_struct *exact[5], const instance *I, long *c, long *j)
{
    long K = I->K, n = I->n;
    instance_exact_margin_min(exact[0], c, j, I);
    instance_exact_frobenius2_W(exact[1], I);
    instance_exact_frobenius2_H(exact[2], I);
    /* bound = A / (2(K-1) sqrt n) = A sqrt(n) / (2(K-1) n) */
    qsqrt_add(exact[3], exact[1], exact[2]);
    qsqrt_t sq;
    qsqrt_init(sq);
    fmpq_zero(sq->a);
    fmpq_one(sq->b);
    qsqrt_mul(exact[3], exact[3], sq, n);
    qsqrt_scalar_div_si(exact[3], exact[3], 2 * (K - 1) * n);
    qsqrt_clear(sq);
    qsqrt_sub(exact[4], exact[3], exact[0]);
    const slong prec = 128;
    arb_t s;
    arb_init(s);
    arb_sqrt_ui(s, (ulong)n, prec);
    arb_ptr dst[5] = {b->s, b->nW, b->nH, b->bound, b->slack};
    for (int t = 0; t < 5; t++) { /* balls of the exact values, for lo/hi/decimal */
        arb_set_fmpq(dst[t], exact[t]->b, prec);
        arb_mul(dst[t], dst[t], s, prec);
        arb_t a;
        arb_init(a);
        arb_set_fmpq(a, exact[t]->a, prec);
        arb_add(dst[t], dst[t], a, prec);
        arb_clear(a);
    }
    arb_clear(s);
    return qsqrt_sgn(exact[4], n);
}

/* Balls of every quantity at precision prec; returns 1 if they prove s < bound. */
static int l31_balls_decide(l31_balls *b, const instance *I, long c, long j, slong prec)
{
    instance_ball_margin(b->s, I, c, j, prec);
    l31_norms(b, I, prec == 64, prec); /* tier-0 norms first; Arb once they are too coarse */
    l31_bound_and_slack(b, I, prec);
    return arb_is_positive(b->slack);
}

int ulpm_lemma31_certify_instance(const instance *I, const certify_options *o, json_t **cert, nc_error *err)
{
    long c = 0, j = 1;
    l31_balls b;
    qsqrt_t ex[5];
    qsqrt_struct *exact[5] = {NULL, NULL, NULL, NULL, NULL};
    const char *assertion = L31_NONE;
    int tier = 1, decided = 0;
    slong prec = 0; /* the last ball precision used (0: none) */
    if (l31_find_witness(I, &c, &j, err)) return err->status;
    l31_balls_init(&b);
    double work = (double)I->K * (double)I->K * (double)I->n * (double)I->d;
    /* Equality can only be proved exactly: nc/1 instances skip the balls when tier 2 can run.
     * The margin is always an Arb ball, so the highest tier of a ball proof is 1. */
    progress_begin("balls", 0);
    if (I->kind != INSTANCE_NC || work > o->exact_work_limit)
        for (prec = 64; prec <= o->max_prec && !decided; prec *= 2) {
            progress_detail("%ld bits", (long)prec);
            if (l31_balls_decide(&b, I, c, j, prec)) {
                assertion = L31_LT;
                decided = 1;
                break;
            }
        }
    progress_end();
    if (prec > o->max_prec) prec = o->max_prec;
    if (!decided && work <= o->exact_work_limit) {
        for (int t = 0; t < 5; t++) {
            qsqrt_init(ex[t]);
            exact[t] = ex[t];
        }
        int sign = l31_exact(&b, exact, I, &c, &j);
        assertion = sign > 0 ? L31_LT : (sign == 0 ? L31_EQ : L31_GT);
        tier = 2;
        decided = 1;
    }
    nc_verdict verdict = NC_INCONCLUSIVE;
    if (decided) verdict = ulpm_iff_nc_verdict(assertion, L31_EQ, L31_LT, instance_exact_is_nc(I));
    *cert = cert_assemble("ulpm.lemma-3.1", l31_source(), instance_to_json(I), cert_method(tier, prec), assertion,
                          l31_witness(I, c, j), l31_quantities(&b, exact, I->n), verdict);
    for (int t = 0; t < 5; t++)
        if (exact[t]) qsqrt_clear(ex[t]);
    l31_balls_clear(&b);
    return 0;
}

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(ulpm, lemma31, "ulpm.lemma-3.1", "Lemma 3.1 (= Lemma B.1)",
              "q_min(W,H) <= (||W||^2+||H||^2)/(2(K-1)sqrt(n)), equality iff neural collapse");

int ulpm_lemma31_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    instance I;
    progress_begin("instance", 0);
    int bad = instance_from_json(&I, instance_json, err);
    progress_end();
    if (bad) return err->status;
    int rc = ulpm_lemma31_certify_instance(&I, o, cert, err);
    instance_clear(&I);
    return rc;
}

/* The command line of ulpm.lemma-3.1 (claim.h, claim_cli): any point. */
static const claim_use cli_uses[] = {ULPM_CLI_POINT_USES, {NULL, NULL}};
const claim_cli ulpm_lemma31_cli = {cli_uses, 1};
