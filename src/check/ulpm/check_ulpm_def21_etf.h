/* check_ulpm_def21_etf.h: nccheck's own regeneration of the exact NC points of ulpm Definition
 * 2.1 (instance kinds "etf/1" and "nc/1", specs/claims/ulpm.def-2.1.md): entries
 * W[k][l] = s (P + Q sqrt(m)) / D with integers P, Q, D, features h_{k,i} = w_k / sqrt(n), and
 * the exact Gram test "W W^T = c (I - 11^T/K)". Shared by the def-2.1 and theorem-3.2 checkers. */
#ifndef NCCHECK_ULPM_DEF21_ETF_H
#define NCCHECK_ULPM_DEF21_ETF_H
#include <gmp.h>
#include <jansson.h>

#include "check_json.h"
#include "check_qsqrt.h"

typedef struct {
    long K, n, d;
    mpq_t scale; /* s > 0 */
    mpz_t m;     /* 1 (d >= K) or K (d = K-1) */
    int is_nc;   /* kind nc/1 */
} ck_etf;

/* Reads an etf/1 or nc/1 instance object strictly (malformed on anything else). */
int ck_etf_parse(const json_t *j, ck_etf *E, ck_err *e);
void ck_etf_free(ck_etf *E);
/* 1 iff the kind is etf/1 or nc/1 (the instance is then for ck_etf_parse). */
int ck_etf_is_kind(const json_t *j);

/* Exact Gram test: 1 iff every w_k.w_j is rational, equal to g0 on the diagonal and to g1 off
 * it, with g0 + (K-1) g1 = 0 and g0 > 0 (then W W^T = c (I - 11^T/K), c = -K g1 = s^2).
 * Cost O(K^2 d) integer operations. */
int ck_etf_gram(const ck_etf *E, mpq_t g0, mpq_t g1);
#endif
