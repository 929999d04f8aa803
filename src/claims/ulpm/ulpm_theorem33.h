/* ulpm_theorem33.h: internal interface of the ulpm.theorem-3.3 certifier (seed 001 Theorem
 * 3.3 = seed 000 Theorem C.1): its claim-specific instance kinds and the exact logits on which
 * both the equality (exact) and the strict inequality (Arb) certificates rest.
 * Normalisation: loss (4), sum over samples, no regularisation, W rows w_k, H columns h_{k,i}
 * class-major. L*(rho) = nK log(1 + (K-1) exp(-rho / (2 (K-1) sqrt(n)))). */
#ifndef ULPM_THEOREM33_H
#define ULPM_THEOREM33_H
#include <arb_mat.h>
#include <flint/fmpz_mat.h>
#include <jansson.h>
#include "common/nc_error.h"
#include "exact/qsqrt.h"
#include "instance/instance.h"

/* Reads the instance: the generic kinds (instance.md, generators.md) or the claim's own
 * "nc-scaled/1" {K, n, d, alpha, beta} (W = alpha W_nc, H = beta H_nc) and "example-3.1/1"
 * {C} (K=4, n=1, d=4, W = H = C M). *canon is the instance as the certificate states it.
 * Bad input: nc_error status 2, nothing left allocated. */
int ulpm_t33_instance_read(instance *I, json_t **canon, json_t *j, nc_error *err);

/* The exact logits Z = W H = (ZA + ZB sqrt(n)) / D (integer matrices K x nK, D > 0), written
 * canonically: ZB = 0 when n is a perfect square (then a + b sqrt(n) would not be unique),
 * so that two logit differences are equal iff their integer pairs are. Also the exact squared
 * norms, rho = ||W||^2 + ||H||^2 and q* = rho / (2 (K-1) sqrt(n)) in Q(sqrt(n)). */
typedef struct {
    long K, n, d;
    fmpz_mat_t ZA, ZB;
    fmpz_t D;
    qsqrt_t nW, nH, rho, qstar;
} ulpm_t33_exact;

void ulpm_t33_exact_compute(ulpm_t33_exact *x, const instance *I);
void ulpm_t33_exact_clear(ulpm_t33_exact *x);

/* 1 iff every margin s_{kij} = z_{k,c} - z_{j,c} (j != k, c = k n + i) equals q*, exactly. */
int ulpm_t33_margins_all_equal_qstar(const ulpm_t33_exact *x);

/* Z (K x nK) contains the exact logits. Contract: each ball contains the exact value. */
void ulpm_t33_ball_logits(arb_mat_t Z, const ulpm_t33_exact *x, slong prec);

/* Ls contains L*(rho) = nK log1p((K-1) exp(-q*)). */
void ulpm_t33_ball_loss_star(arb_t Ls, const ulpm_t33_exact *x, slong prec);
#endif
