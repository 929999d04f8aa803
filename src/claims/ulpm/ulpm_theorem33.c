/* ulpm_theorem33.c: certifier of ulpm.theorem-3.3 (seed 001 Theorem 3.3 = seed 000 Theorem
 * C.1): on the sphere ||W||_F^2 + ||H||_F^2 = rho the loss (4) is >= L*(rho) =
 * nK log(1 + (K-1) exp(-rho / (2(K-1) sqrt(n)))), with equality iff (W,H) is a neural-collapse
 * point with ||W||_F = ||H||_F (proofs/derivations/ulpm-theorem-3.3.md).
 * Tier 2 (exact logits, Q(sqrt n)) proves equality: every margin equals q* = rho/(2(K-1)sqrt n),
 * which implies L = L*(rho) algebraically. Otherwise tier 1 (Arb, precision escalation) encloses
 * L, L* and their gap and proves the sign of the gap. */
#include <string.h>
#include "claims/claim.h"
#include "claims/ulpm/ulpm_def21_quantity.h"
#include "claims/ulpm/ulpm_theorem33.h"
#include "claims/ulpm/ulpm_ce.h"
#include "cert/cert.h"
#include "instance/instance_exact.h"
#include "claims/ulpm/ulpm_cli.h"
#include "common/progress.h"

#define T33_EQ "L = L*"
#define T33_GT "L > L*"
#define T33_LT "L < L*"
#define T33_NONE "none"
#define T33_PAD_BITS 20 /* stated enclosures are 2^-(p-20) relatively wider than the balls */

static json_t *ulpm_t33_source(void)
{
    return ulpm_source("Theorem 3.3 (= Theorem C.1), proof eqs. (60)-(63)",
                       "L(W,H) >= L*(rho) = nK log(1 + (K-1) exp(-rho / (2(K-1) sqrt(n)))) with rho = ||W||_F^2 + "
                       "||H||_F^2, with equality iff (W,H) satisfies the neural-collapse conditions and ||W||_F = "
                       "||H||_F; L*(rho) is the optimal value on the sphere when d >= K-1 (or rho = 0)");
}

/* Widens x by 2^-(prec - T33_PAD_BITS) |x| so that the checker's interval at precision prec
 * (or a little less) fits inside the stated enclosure. */
static void ulpm_t33_pad(arb_t x, slong prec)
{
    arb_t e;
    arb_init(e);
    arb_get_abs_ubound_arf(arb_midref(e), x, 30);
    arf_mul_2exp_si(arb_midref(e), arb_midref(e), -(prec - T33_PAD_BITS));
    arb_add_error_arf(x, arb_midref(e));
    arb_clear(e);
}

/* L and L* at precision prec, padded; gap = L - L*. */
static void ulpm_t33_balls(arb_t L, arb_t Ls, arb_t gap, const ulpm_t33_exact *x, slong prec)
{
    arb_mat_t Z;
    arb_mat_init(Z, x->K, x->n * x->K);
    ulpm_t33_ball_logits(Z, x, prec);
    ulpm_ce_loss_logits(L, Z, x->n, prec);
    arb_mat_clear(Z);
    ulpm_t33_ball_loss_star(Ls, x, prec);
    ulpm_t33_pad(L, prec);
    ulpm_t33_pad(Ls, prec);
    arb_sub(gap, L, Ls, prec);
}

static json_t *ulpm_t33_quantities(const ulpm_t33_exact *x, const arb_t L, const arb_t Ls, const arb_t gap,
                                   int gap_exact_zero)
{
    const slong p = 128;
    json_t *q = json_object();
    const qsqrt_struct *ex[4] = {x->nW, x->nH, x->rho, x->qstar};
    const char *names[4] = {"norm_W_sq", "norm_H_sq", "rho", "margin_star"};
    arb_t b, s;
    arb_init(b);
    arb_init(s);
    arb_sqrt_ui(s, (ulong)x->n, p);
    for (int t = 0; t < 4; t++) { /* balls of the exact values, for lo/hi/decimal */
        arb_set_fmpq(b, ex[t]->b, p);
        arb_mul(b, b, s, p);
        arb_t a;
        arb_init(a);
        arb_set_fmpq(a, ex[t]->a, p);
        arb_add(b, b, a, p);
        arb_clear(a);
        json_object_set_new(q, names[t], cert_quantity(b, ex[t], x->n));
    }
    json_object_set_new(q, "loss", cert_quantity(L, NULL, 0));
    json_object_set_new(q, "loss_star", cert_quantity(Ls, NULL, 0));
    if (gap_exact_zero) {
        qsqrt_t z;
        qsqrt_init(z);
        arb_zero(b);
        json_object_set_new(q, "gap", cert_quantity(b, z, x->n));
        qsqrt_clear(z);
    } else {
        json_object_set_new(q, "gap", cert_quantity(gap, NULL, 0));
    }
    arb_clear(b);
    arb_clear(s);
    return q;
}

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(ulpm, theorem33, "ulpm.theorem-3.3", "Theorem 3.3 (= C.1)",
              "L >= L*(rho) on the sphere, equality iff NC with ||W||=||H||");

int ulpm_theorem33_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    instance I;
    json_t *canon = NULL;
    if (ulpm_t33_instance_read(&I, &canon, instance_json, err)) return err->status;
    ulpm_t33_exact x;
    progress_begin("exact logits", 0);
    ulpm_t33_exact_compute(&x, &I);
    progress_end();
    arb_t L, Ls, gap;
    arb_init(L);
    arb_init(Ls);
    arb_init(gap);
    const char *assertion = T33_NONE;
    int tier = 1, eq = ulpm_t33_margins_all_equal_qstar(&x);
    slong prec = 64;
    if (eq) { /* every margin = q*: L = nK log(1 + (K-1) e^{-q*}) = L*(rho) exactly */
        assertion = T33_EQ;
        tier = 2;
        ulpm_t33_ball_loss_star(Ls, &x, prec);
        ulpm_t33_pad(Ls, prec);
        arb_set(L, Ls);
    } else {
        progress_begin("balls", 0);
        for (prec = 64;; prec *= 2) {
            progress_detail("%ld bits", (long)prec);
            ulpm_t33_balls(L, Ls, gap, &x, prec);
            /* the sign decides; 8 relative bits more keep the decimal rendering informative */
            int last = 2 * prec > o->max_prec, sharp = arb_rel_accuracy_bits(gap) >= 8;
            if (arb_is_positive(gap) && (sharp || last)) {
                assertion = T33_GT;
                break;
            }
            if (arb_is_negative(gap) && (sharp || last)) {
                assertion = T33_LT;
                break;
            }
            if (last) break;
        }
        progress_end();
    }
    nc_verdict verdict = NC_INCONCLUSIVE;
    if (strcmp(assertion, T33_NONE) != 0)
        verdict = ulpm_iff_nc_verdict(assertion, T33_EQ, T33_GT, instance_exact_is_nc(&I));
    json_t *wit = json_pack("{s:I}", "precision_bits", (json_int_t)prec);
    *cert = cert_assemble("ulpm.theorem-3.3", ulpm_t33_source(), canon, cert_method(tier, prec), assertion, wit,
                          ulpm_t33_quantities(&x, L, Ls, gap, eq), verdict);
    arb_clear(L);
    arb_clear(Ls);
    arb_clear(gap);
    ulpm_t33_exact_clear(&x);
    instance_clear(&I);
    return 0;
}

/* The command line of ulpm.theorem-3.3 (claim.h, claim_cli): any point, or its own kinds. */
static const claim_kind cli_kind_scaled = {"nc-scaled/1",
                                           "the nc/1 point scaled exactly: W = alpha W_nc, H = beta H_nc "
                                           "(specs/claims/ulpm.theorem-3.3.md)",
                                           NULL, NULL};
static const claim_kind cli_kind_ex31 = {"example-3.1/1",
                                         "Example 3.1's point at C: K = 4, n = 1, W = H = C M "
                                         "(specs/claims/ulpm.theorem-3.3.md)",
                                         NULL, NULL};
static const claim_use cli_uses[] = {
    ULPM_CLI_POINT_USES,
    {&cli_kind_scaled,
     "--instance-json '{\"kind\":\"nc-scaled/1\",\"K\":3,\"n\":2,\"d\":3,\"alpha\":\"5\",\"beta\":\"5\"}'"},
    {&cli_kind_ex31, "--instance-json '{\"kind\":\"example-3.1/1\",\"C\":\"1\"}'"},
    {NULL, NULL}};
const claim_cli ulpm_theorem33_cli = {cli_uses, 1};
