/* ulpm_def21_construct.h: the exact neural-collapse (NC) point constructor of ulpm Definition 2.1,
 * reusable by every claim: a simplex ETF W (K x d, any d >= K-1) scaled by an exact positive
 * rational s, with features h_{k,i} = w_k / sqrt(n) (every sample of class k).
 *
 * Instance kind "etf/1" (specs/claims/ulpm.def-2.1.md): {"kind":"etf/1","K":K,"n":n,"d":d
 * [,"scale":"p/q"]}; "nc/1" (specs/generators.md) is the same point with d >= K and s = 1.
 * Entries are W[k][l] = s * (P[k][l] + Q[k][l] sqrt(m)) / D with integers P, Q, D:
 *   d >= K : m = 1, D = K,       P = K [l == k] - 1 (l < K), 0 (l >= K), Q = 0  (rows e_k - 1/K);
 *   d = K-1: m = K, D = K(K-1),  rows k < K-1: P = K(K-1) [l == k] - K, Q = -1;
 *                                row K-1:     P = 0, Q = K-1
 * (the d = K-1 rows are the Householder reflection I - 2uu^T/u^Tu, u = 1 - sqrt(K) e_K, of the
 * rows e_k - 1/K, which maps 1^perp onto R^{K-1} x {0}; the zero last coordinate is dropped).
 * Gram matrix: w_k . w_j = s^2 ([k == j] - 1/K) exactly, i.e. s^2 (I - 11^T/K).
 *
 * How other claims use it:
 *   ulpm_etf E;  if (ulpm_etf_from_json(&E, instance_json, err)) return err->status;
 *   ulpm_etf_gram(&E, g0, g1);              the exact Gram test
 *   ulpm_etf_to_instance(&I, &E, err);      a generic instance (only when s = 1 and d >= K: nc/1)
 *   ulpm_etf_to_json(&E);  ulpm_etf_clear(&E); */
#ifndef ULPM_DEF21_CONSTRUCT_H
#define ULPM_DEF21_CONSTRUCT_H
#include <jansson.h>
#include <flint/fmpq.h>
#include "common/nc_error.h"
#include "exact/qsqrt.h"
#include "instance/instance.h"

typedef struct {
    long K, n, d;
    fmpq_t scale; /* s > 0 */
    slong m;      /* 1 (rational W, d >= K) or K (d = K-1) */
    int from_nc;  /* parsed from an nc/1 instance (re-emitted as nc/1) */
} ulpm_etf;

/* Reads an "etf/1" or "nc/1" instance object (anything else: status 2). */
int ulpm_etf_from_json(ulpm_etf *E, const json_t *j, nc_error *err);
void ulpm_etf_clear(ulpm_etf *E);

/* The exact Gram test: 1 iff W W^T = c (I - 11^T/K) with c > 0, i.e. every w_k.w_j is rational,
 * g0 on the diagonal, g1 off it, g0 + (K-1) g1 = 0, g0 > 0 (then c = g0 - g1 = s^2). */
int ulpm_etf_gram(const ulpm_etf *E, fmpq_t g0, fmpq_t g1);

/* The generic instance of the same point (nc/1) when s = 1 and d >= K; status 2 otherwise. */
int ulpm_etf_to_instance(instance *I, const ulpm_etf *E, nc_error *err);

json_t *ulpm_etf_to_json(const ulpm_etf *E);
#endif
