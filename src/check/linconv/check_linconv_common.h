/* check_linconv_common.h: nccheck's side of the linconv claims (seed 002): the instance
 * "linconv/1" read with GMP, the exact constants in Q(sqrt m) (sqrt(lambda_W/(n lambda_H)) =
 * sq sqrt(m)), and MPFI versions of the point, objective, gradient norm and Hessian of problems
 * (5) (MSE, bias 1/K) and (8) (CE), written independently of src/claims/linconv/linconv_common.c with
 * the same variable order (x = (vec W, vec H, b), W(a,k) at k*d + a, column c = i*K + k of H at
 * d*K + c*d + a, b_k at d*K + d*N + k). */
#ifndef NCCHECK_LINCONV_COMMON_H
#define NCCHECK_LINCONV_COMMON_H
#include <mpfi.h>
#include <jansson.h>
#include "check_json.h"
#include "check_qsqrt.h"

#define CK_LINCONV_PREC 256
enum { CK_LINCONV_MSE = 0, CK_LINCONV_CE = 1 };

typedef struct {
    long K, n, d, N;
    mpq_t lamW, lamH, sq, test; /* sqrt(lamW/(n lamH)) = sq sqrt(m); test = 1 - n K^2 lamW lamH */
    mpz_t m;
} ck_linconv_inst;

int ck_linconv_inst_parse(const json_t *j, ck_linconv_inst *in, ck_err *e);
void ck_linconv_inst_clear(ck_linconv_inst *in);
long ck_linconv_dim(const ck_linconv_inst *in, int loss);
/* The up-front limit of a linconv/1 check (check_alloc.h), before W and H are allocated: the
 * point W, H (d (K + N) intervals) and, when HESSIAN, the dense Hessian (D^2 intervals, D =
 * ck_linconv_dim, plus check_pd's 32 bytes per entry); work N K^2 d^2 + (K + N)^2 d^2 (Hessian
 * and tangent term) + D^3 (check_pd), else N K d (objective and gradient). 0 or -1 (exit 2). */
int ck_linconv_limits(const ck_linconv_inst *in, int loss, int hessian, ck_err *e);
/* point W = alpha [P; 0], H_i = beta W (arrays d*K and d*N, row-major W[a*K+k], H[a*N+c]) */
void ck_linconv_point(mpfi_t *W, mpfi_t *H, const ck_linconv_inst *in, mpfi_srcptr alpha, mpfi_srcptr beta);
/* len intervals at CK_LINCONV_PREC, each [0, 0]; freed with ck_linconv_ivec_free */
mpfi_t *ck_linconv_ivec(long len);
void ck_linconv_ivec_free(mpfi_t *v, long len);
void ck_linconv_objective(mpfi_t F, const ck_linconv_inst *in, int loss, mpfi_t *W, mpfi_t *H);
void ck_linconv_grad_norm_sq(mpfi_t g2, const ck_linconv_inst *in, int loss, mpfi_t *W, mpfi_t *H);
/* A (dim*dim, row-major, initialised) = Hess F + c B B^T */
void ck_linconv_hessian(mpfi_t *A, const ck_linconv_inst *in, int loss, mpfi_t *W, mpfi_t *H, long c);
/* A = Hess F alone at (W, H, b), b an array of K intervals (NULL: b = 1/K; ignored for CE); the
 * intervals may be wide (a whole region): every entry then contains the exact entry at every
 * point of the input intervals. ck_linconv_add_tangent: A += c B B^T with B taken at (W, H). */
void ck_linconv_hessian_at(mpfi_t *A, const ck_linconv_inst *in, int loss, mpfi_t *W, mpfi_t *H, mpfi_t *b);
void ck_linconv_add_tangent(mpfi_t *A, const ck_linconv_inst *in, int loss, mpfi_t *W, mpfi_t *H, long c);

/* Quantity checks: exact value in Q(sqrt m) (must equal "exact" and lie in [lo, hi]); an
 * interval (the checker's interval must lie inside [lo, hi]); the keys of Q exactly NAMES. */
int ck_linconv_verify_qs(const json_t *q, const char *name, const ck_qs *x, const mpz_t m, ck_err *e);
/* ck_linconv_verify_qs, and x must be 0 (otherwise invalid: "NAME is not 0: WHY"). */
int ck_linconv_verify_zero_qs(const json_t *q, const char *name, const ck_qs *x, const mpz_t m, const char *why,
                              ck_err *e);
int ck_linconv_verify_fi(const json_t *q, const char *name, mpfi_srcptr x, ck_err *e);
int ck_linconv_keys(const json_t *q, const char *what, const char *const *names, ck_err *e);
#endif
