/* linconv_common.h: what the linconv claims (seed 002) share: the instance kind "linconv/1"
 * (K, n, d, exact lambda_W, lambda_H), the exact constants in Q(sqrt m) with
 * sqrt(r) = sqrt(lambda_W/(n lambda_H)) = sq * sqrt(m), and the Arb value, gradient and dense
 * Hessian of problems (5) (MSE, unpenalised bias, averaged over N = nK) and (8) (CE, no bias).
 * Variables are ordered x = (vec W, vec H, b): W in R^{d x K}, entry (a,k) at k*d + a; H in
 * R^{d x N} with column c = i*K + k (= h_{k,i}, label k = c mod K) at d*K + c*d + a; b_k at
 * d*K + d*N + k (MSE only). */
#ifndef LINCONV_COMMON_H
#define LINCONV_COMMON_H
#include <arb_mat.h>
#include <flint/fmpq.h>
#include <jansson.h>
#include "common/nc_error.h"
#include "exact/qsqrt.h"

#define LINCONV_MAX_DIM 4000 /* Hessian dimension cap (dense) */

typedef struct {
    slong K, n, d, N;
    fmpq_t lamW, lamH;
    fmpq_t r;    /* lambda_W / (n lambda_H) */
    fmpq_t sq;   /* sqrt(r) = sq * sqrt(m) */
    slong m;     /* positive integer radicand */
    fmpq_t test; /* 1 - n K^2 lambda_W lambda_H: > 0 below the threshold (region (ii)) */
} linconv_inst;

/* Parses {"kind":"linconv/1","K","n","d","lambda_W","lambda_H"}; need_dK: require d >= K.
 * Bad input: status 2 with one message. */
int linconv_inst_parse(linconv_inst *I, const json_t *j, int need_dK, nc_error *err);
void linconv_inst_clear(linconv_inst *I);

/* beta = sqrt(r) = sq sqrt(m); s = sqrt(n lambda_W lambda_H) = n lambda_H beta (exactly) */
void linconv_beta(qsqrt_t beta, const linconv_inst *I);
void linconv_s(qsqrt_t s, const linconv_inst *I);
/* an element of Q(sqrt m) as a ball */
void linconv_qs_arb(arb_t x, const qsqrt_t q, slong m, slong prec);

/* The representative point W = alpha [P; 0] (d >= K), H_i = beta W, b = 1/K (MSE). */
void linconv_point(arb_mat_t W, arb_mat_t H, const linconv_inst *I, const arb_t alpha, const arb_t beta, slong prec);

enum { LINCONV_MSE = 0, LINCONV_CE = 1 };
slong linconv_dim(const linconv_inst *I, int loss);
/* Arb contracts: every output ball contains the exact value at the exact point inside the
 * input balls. b may be NULL (CE). */
void linconv_objective(arb_t F, const linconv_inst *I, int loss, const arb_mat_t W, const arb_mat_t H, slong prec);
void linconv_grad_norm_sq(arb_t g2, const linconv_inst *I, int loss, const arb_mat_t W, const arb_mat_t H, slong prec);
/* Hess F + c * B B^T, B the tangent vectors (Omega W, Omega H, 0) of the O(d) orbit; A must be
 * linconv_dim x linconv_dim. */
void linconv_hessian(arb_mat_t A, const linconv_inst *I, int loss, const arb_mat_t W, const arb_mat_t H, const arb_t c,
                     slong prec);
/* Hess F alone at (W, H, b) with an explicit bias vector b (K balls; NULL means b = 1/K; ignored
 * for CE): every entry contains the exact entry at every point of the input balls (used over
 * whole regions by the error-bound claims). */
void linconv_hessian_at(arb_mat_t A, const linconv_inst *I, int loss, const arb_mat_t W, const arb_mat_t H,
                        arb_srcptr b, slong prec);
/* A += c B B^T with B the orbit tangent vectors (Omega W, Omega H, 0) at (W, H). */
/* The same for the d-vectors u_j = the columns of U (d x M): A's block (j, l) (rows j*d..,
 * columns l*d..) += c ((u_j.u_l) I - u_l u_j^T), i.e. c sum_{a<b} (Omega_ab u)(Omega_ab u)^T. */
void linconv_add_tangent_cols(arb_mat_t A, const arb_mat_t U, const arb_t cw, slong prec);
void linconv_add_tangent(arb_mat_t A, const linconv_inst *I, const arb_mat_t W, const arb_mat_t H, const arb_t c,
                         slong prec);

json_t *linconv_source(const char *label, const char *statement);
void linconv_put_ball(json_t *q, const char *name, const arb_t x);
void linconv_put_qs(json_t *q, const char *name, const qsqrt_t x, slong m);
/* linconv_put_qs of the rational x (b = 0). */
void linconv_put_rational(json_t *q, const char *name, const fmpq_t x);
#endif
