/* check_linconv_common.c: nccheck's MPFI objective, gradient and Hessian of seed 002 problems
 * (5) and (8), the "linconv/1" instance and quantity checks (check_linconv_common.h). */
#include <stdlib.h>
#include <string.h>
#include "check_alloc.h"
#include "check_limits.h"
#include "linconv/check_linconv_common.h"
#include "check_enclosure.h"
#include "check_rational.h"

static int get_lam(const json_t *j, const char *key, mpq_t q, ck_err *e)
{
    const char *s = ck_get_str(j, "instance", key, e);
    if (!s) return -1;
    if ((ck_parse_entry(s, q) && ck_parse_decimal(s, q)) || mpq_sgn(q) <= 0) {
        ck_fail(e, CK_MALFORMED, "instance.%s: not a positive exact number", key);
        return -1;
    }
    return 0;
}

static int inst_parse_fields(const json_t *j, ck_linconv_inst *in, ck_err *e);

/* Parses the instance; on failure everything it initialised is cleared again (no leak). */
int ck_linconv_inst_parse(const json_t *j, ck_linconv_inst *in, ck_err *e)
{
    mpq_inits(in->lamW, in->lamH, in->sq, in->test, NULL);
    mpz_init(in->m);
    if (inst_parse_fields(j, in, e) == 0) return 0;
    ck_linconv_inst_clear(in);
    return -1;
}

static int inst_parse_fields(const json_t *j, ck_linconv_inst *in, ck_err *e)
{
    static const char *const keys[] = {"kind", "K", "n", "d", "lambda_W", "lambda_H", NULL};
    long long K, n, d;
    if (!json_is_object(j) || ck_keys(j, "instance", keys, NULL, e)) {
        ck_fail(e, CK_MALFORMED, "instance: bad keys");
        return -1;
    }
    const char *kind = ck_get_str(j, "instance", "kind", e);
    if (!kind || strcmp(kind, "linconv/1")) {
        ck_fail(e, CK_MALFORMED, "instance.kind must be linconv/1");
        return -1;
    }
    if (ck_get_int(j, "instance", "K", &K, e) || ck_get_int(j, "instance", "n", &n, e) ||
        ck_get_int(j, "instance", "d", &d, e))
        return -1;
    if (K < 2 || K > 200 || n < 1 || n > 100000 || d < K || d > 1000) {
        ck_fail(e, CK_MALFORMED, "instance: K, n, d out of range (need d >= K)");
        return -1;
    }
    if (get_lam(j, "lambda_W", in->lamW, e) || get_lam(j, "lambda_H", in->lamH, e)) return -1;
    in->K = (long)K, in->n = (long)n, in->d = (long)d, in->N = (long)(n * K);
    mpq_t r;
    mpq_init(r);
    mpq_set_si(r, in->n, 1);
    mpq_mul(r, r, in->lamH);
    mpq_div(r, in->lamW, r); /* sqrt(p/q) = sqrt(pq)/q */
    mpz_mul(in->m, mpq_numref(r), mpq_denref(r));
    mpq_set_z(in->sq, mpq_denref(r));
    mpq_inv(in->sq, in->sq);
    mpq_mul(in->test, in->lamW, in->lamH);
    mpq_set_si(r, -in->n * in->K * in->K, 1);
    mpq_mul(in->test, in->test, r);
    mpq_set_ui(r, 1, 1);
    mpq_add(in->test, in->test, r);
    mpq_clear(r);
    return 0;
}

void ck_linconv_inst_clear(ck_linconv_inst *in)
{
    mpq_clears(in->lamW, in->lamH, in->sq, in->test, NULL);
    mpz_clear(in->m);
}

long ck_linconv_dim(const ck_linconv_inst *in, int loss)
{
    return in->d * (in->K + in->N) + (loss == CK_LINCONV_MSE ? in->K : 0);
}

int ck_linconv_limits(const ck_linconv_inst *in, int loss, int hessian, ck_err *e)
{
    const double K = (double)in->K, N = (double)in->N, d = (double)in->d, D = (double)ck_linconv_dim(in, loss),
                 fi = ck_mpfi_bytes(CK_LINCONV_PREC);
    double bytes = fi * d * (K + N), ops = N * K * d;
    if (hessian) bytes += (fi + 32.0) * D * D, ops += N * K * K * d * d + (K + N) * (K + N) * d * d + D * D * D;
    return ck_limit_check(e, bytes, ops, "the linconv/1 check (K=%ld n=%ld d=%ld%s, Hessian dimension D=%.0f)", in->K,
                          in->n, in->d, hessian ? "" : ", no Hessian", D);
}

void ck_linconv_point(mpfi_t *W, mpfi_t *H, const ck_linconv_inst *in, mpfi_srcptr alpha, mpfi_srcptr beta)
{
    const long K = in->K, d = in->d, N = in->N;
    mpfi_t p;
    mpfi_init2(p, CK_LINCONV_PREC);
    for (long a = 0; a < d; a++)
        for (long k = 0; k < K; k++) {
            if (a < K)
                mpfi_set_si(p, (a == k ? K : 0) - 1), mpfi_div_si(p, p, K), mpfi_mul(p, p, alpha);
            else
                mpfi_set_ui(p, 0);
            mpfi_set(W[a * K + k], p);
            mpfi_mul(p, p, beta);
            for (long i = 0; i < in->n; i++) mpfi_set(H[a * N + i * K + k], p);
        }
    mpfi_clear(p);
}

/* logits gradient g (K) and Hessian S (K*K) of sample c; its loss into ell */
static void sample(mpfi_t *g, mpfi_t *S, mpfi_t ell, const ck_linconv_inst *in, int loss, mpfi_t *W, mpfi_t *H,
                   mpfi_t *bias, long c)
{
    const long K = in->K, d = in->d, N = in->N, y = c % K;
    mpfi_t t, sum;
    mpfi_init2(t, CK_LINCONV_PREC), mpfi_init2(sum, CK_LINCONV_PREC);
    for (long k = 0; k < K; k++) {
        mpfi_set_ui(g[k], 0);
        for (long a = 0; a < d; a++) mpfi_mul(t, W[a * K + k], H[a * N + c]), mpfi_add(g[k], g[k], t);
    }
    for (long k = 0; k < K * K; k++) mpfi_set_ui(S[k], 0);
    mpfi_set_ui(ell, 0);
    if (loss == CK_LINCONV_MSE) {
        for (long k = 0; k < K; k++) {
            if (bias)
                mpfi_add(g[k], g[k], bias[k]); /* ck_linconv_hessian_at; otherwise b = 1/K */
            else
                mpfi_set_ui(t, 1), mpfi_div_si(t, t, K), mpfi_add(g[k], g[k], t);
            if (k == y) mpfi_sub_ui(g[k], g[k], 1);
            mpfi_sqr(t, g[k]), mpfi_add(ell, ell, t);
            mpfi_set_ui(S[k * K + k], 1);
        }
        mpfi_div_2ui(ell, ell, 1);
    } else {
        mpfi_set(t, g[y]);
        mpfi_set_ui(sum, 0);
        for (long k = 0; k < K; k++) mpfi_sub(g[k], g[k], t), mpfi_exp(g[k], g[k]), mpfi_add(sum, sum, g[k]);
        mpfi_log(ell, sum);
        for (long k = 0; k < K; k++) mpfi_div(g[k], g[k], sum);
        for (long k = 0; k < K; k++)
            for (long l = 0; l < K; l++) {
                mpfi_mul(t, g[k], g[l]);
                mpfi_neg(S[k * K + l], t);
                if (k == l) mpfi_add(S[k * K + l], S[k * K + l], g[k]);
            }
        mpfi_sub_ui(g[y], g[y], 1);
    }
    mpfi_clear(t), mpfi_clear(sum);
}

static mpfi_t *fi_array(long len)
{
    mpfi_t *v = ck_malloc(sizeof(mpfi_t) * (size_t)len);
    for (long t = 0; t < len; t++) mpfi_init2(v[t], CK_LINCONV_PREC), mpfi_set_ui(v[t], 0);
    return v;
}

static void fi_free(mpfi_t *v, long len)
{
    for (long t = 0; t < len; t++) mpfi_clear(v[t]);
    ck_free(v);
}

void ck_linconv_objective(mpfi_t F, const ck_linconv_inst *in, int loss, mpfi_t *W, mpfi_t *H)
{
    const long K = in->K, d = in->d, N = in->N;
    mpfi_t *g = fi_array(K), *S = fi_array(K * K);
    mpfi_t ell, t, nw, nh;
    mpfi_init2(ell, CK_LINCONV_PREC), mpfi_init2(t, CK_LINCONV_PREC), mpfi_init2(nw, CK_LINCONV_PREC),
        mpfi_init2(nh, CK_LINCONV_PREC);
    mpfi_set_ui(F, 0);
    for (long c = 0; c < N; c++) sample(g, S, ell, in, loss, W, H, NULL, c), mpfi_add(F, F, ell);
    mpfi_div_si(F, F, N);
    mpfi_set_ui(nw, 0), mpfi_set_ui(nh, 0);
    for (long t2 = 0; t2 < d * K; t2++) mpfi_sqr(t, W[t2]), mpfi_add(nw, nw, t);
    for (long t2 = 0; t2 < d * N; t2++) mpfi_sqr(t, H[t2]), mpfi_add(nh, nh, t);
    mpfi_mul_q(nw, nw, in->lamW), mpfi_mul_q(nh, nh, in->lamH);
    mpfi_add(nw, nw, nh), mpfi_div_2ui(nw, nw, 1), mpfi_add(F, F, nw);
    fi_free(g, K), fi_free(S, K * K);
    mpfi_clear(ell), mpfi_clear(t), mpfi_clear(nw), mpfi_clear(nh);
}

void ck_linconv_grad_norm_sq(mpfi_t g2, const ck_linconv_inst *in, int loss, mpfi_t *W, mpfi_t *H)
{
    const long K = in->K, d = in->d, N = in->N;
    mpfi_t *g = fi_array(K), *S = fi_array(K * K), *GW = fi_array(d * K), *gb = fi_array(K);
    mpfi_t ell, t, u;
    mpfi_init2(ell, CK_LINCONV_PREC), mpfi_init2(t, CK_LINCONV_PREC), mpfi_init2(u, CK_LINCONV_PREC);
    mpfi_set_ui(g2, 0);
    for (long c = 0; c < N; c++) {
        sample(g, S, ell, in, loss, W, H, NULL, c);
        for (long a = 0; a < d; a++) { /* grad h_c = W g / N + lamH h_c */
            mpfi_mul_q(t, H[a * N + c], in->lamH);
            for (long k = 0; k < K; k++) {
                mpfi_mul(u, W[a * K + k], g[k]), mpfi_div_si(u, u, N), mpfi_add(t, t, u);
                mpfi_mul(u, H[a * N + c], g[k]), mpfi_add(GW[a * K + k], GW[a * K + k], u);
            }
            mpfi_sqr(t, t), mpfi_add(g2, g2, t);
        }
        for (long k = 0; k < K; k++) mpfi_add(gb[k], gb[k], g[k]);
    }
    for (long t2 = 0; t2 < d * K; t2++) {
        mpfi_div_si(t, GW[t2], N), mpfi_mul_q(u, W[t2], in->lamW), mpfi_add(t, t, u);
        mpfi_sqr(t, t), mpfi_add(g2, g2, t);
    }
    if (loss == CK_LINCONV_MSE)
        for (long k = 0; k < K; k++) mpfi_div_si(t, gb[k], N), mpfi_sqr(t, t), mpfi_add(g2, g2, t);
    fi_free(g, K), fi_free(S, K * K), fi_free(GW, d * K), fi_free(gb, K);
    mpfi_clear(ell), mpfi_clear(t), mpfi_clear(u);
}

void ck_linconv_hessian_at(mpfi_t *A, const ck_linconv_inst *in, int loss, mpfi_t *W, mpfi_t *H, mpfi_t *bias)
{
    const long K = in->K, d = in->d, N = in->N, oH = d * K, ob = d * K + d * N, dim = ck_linconv_dim(in, loss);
    mpfi_t *g = fi_array(K), *S = fi_array(K * K), *WS = fi_array(d * K);
    mpfi_t ell, t, u;
    mpfi_init2(ell, CK_LINCONV_PREC), mpfi_init2(t, CK_LINCONV_PREC), mpfi_init2(u, CK_LINCONV_PREC);
#define AE(i, j) A[(i)*dim + (j)]
    for (long t2 = 0; t2 < dim * dim; t2++) mpfi_set_ui(A[t2], 0);
    for (long c = 0; c < N; c++) {
        const long oc = oH + c * d;
        sample(g, S, ell, in, loss, W, H, bias, c);
        for (long a = 0; a < d; a++) /* WS = W S */
            for (long k = 0; k < K; k++) {
                mpfi_set_ui(WS[a * K + k], 0);
                for (long l = 0; l < K; l++)
                    mpfi_mul(t, W[a * K + l], S[l * K + k]), mpfi_add(WS[a * K + k], WS[a * K + k], t);
            }
        for (long k = 0; k < K; k++)
            for (long a = 0; a < d; a++) {
                const long ia = k * d + a;
                for (long l = 0; l < K; l++)
                    for (long b = 0; b < d; b++)
                        mpfi_mul(t, H[a * N + c], H[b * N + c]), mpfi_mul(t, t, S[k * K + l]),
                            mpfi_add(AE(ia, l * d + b), AE(ia, l * d + b), t);
                for (long b = 0; b < d; b++) {
                    mpfi_mul(t, WS[b * K + k], H[a * N + c]);
                    if (a == b) mpfi_add(t, t, g[k]);
                    mpfi_add(AE(ia, oc + b), AE(ia, oc + b), t), mpfi_add(AE(oc + b, ia), AE(oc + b, ia), t);
                }
                if (loss == CK_LINCONV_MSE)
                    mpfi_add(AE(ob + k, ia), AE(ob + k, ia), H[a * N + c]),
                        mpfi_add(AE(ia, ob + k), AE(ia, ob + k), H[a * N + c]);
            }
        for (long a = 0; a < d; a++)
            for (long b = 0; b < d; b++) {
                mpfi_set_ui(u, 0);
                for (long k = 0; k < K; k++) mpfi_mul(t, WS[a * K + k], W[b * K + k]), mpfi_add(u, u, t);
                mpfi_add(AE(oc + a, oc + b), AE(oc + a, oc + b), u);
            }
        if (loss == CK_LINCONV_MSE)
            for (long k = 0; k < K; k++) {
                mpfi_add_ui(AE(ob + k, ob + k), AE(ob + k, ob + k), 1);
                for (long a = 0; a < d; a++)
                    mpfi_add(AE(ob + k, oc + a), AE(ob + k, oc + a), W[a * K + k]),
                        mpfi_add(AE(oc + a, ob + k), AE(oc + a, ob + k), W[a * K + k]);
            }
    }
    for (long t2 = 0; t2 < dim * dim; t2++) mpfi_div_si(A[t2], A[t2], N);
    for (long i = 0; i < oH; i++) mpfi_set_q(t, in->lamW), mpfi_add(AE(i, i), AE(i, i), t);
    for (long i = oH; i < ob; i++) mpfi_set_q(t, in->lamH), mpfi_add(AE(i, i), AE(i, i), t);
#undef AE
    fi_free(g, K), fi_free(S, K * K), fi_free(WS, d * K);
    mpfi_clear(ell), mpfi_clear(t), mpfi_clear(u);
}

void ck_linconv_add_tangent(mpfi_t *A, const ck_linconv_inst *in, int loss, mpfi_t *W, mpfi_t *H, long cw)
{
    /* c B B^T: block (j,l) of the d-vectors u_j = (u_j . u_l) I - u_l u_j^T */
    const long K = in->K, d = in->d, N = in->N, M = K + N, dim = ck_linconv_dim(in, loss);
    mpfi_t *U = fi_array(M * d); /* U[j*d + p] */
    mpfi_t t, u;
    mpfi_init2(t, CK_LINCONV_PREC), mpfi_init2(u, CK_LINCONV_PREC);
    for (long j = 0; j < M; j++)
        for (long p = 0; p < d; p++) mpfi_set(U[j * d + p], j < K ? W[p * K + j] : H[p * N + (j - K)]);
    for (long j = 0; j < M; j++)
        for (long l = 0; l < M; l++) {
            mpfi_set_ui(u, 0);
            for (long p = 0; p < d; p++) mpfi_mul(t, U[j * d + p], U[l * d + p]), mpfi_add(u, u, t);
            for (long p = 0; p < d; p++)
                for (long q = 0; q < d; q++) {
                    mpfi_mul(t, U[l * d + p], U[j * d + q]);
                    if (p == q)
                        mpfi_sub(t, u, t);
                    else
                        mpfi_neg(t, t);
                    mpfi_mul_si(t, t, cw);
                    mpfi_add(A[(j * d + p) * dim + l * d + q], A[(j * d + p) * dim + l * d + q], t);
                }
        }
    fi_free(U, M * d);
    mpfi_clear(t), mpfi_clear(u);
}

void ck_linconv_hessian(mpfi_t *A, const ck_linconv_inst *in, int loss, mpfi_t *W, mpfi_t *H, long cw)
{
    ck_linconv_hessian_at(A, in, loss, W, H, NULL);
    if (cw) ck_linconv_add_tangent(A, in, loss, W, H, cw);
}

int ck_linconv_verify_qs(const json_t *q, const char *name, const ck_qs *x, const mpz_t m, ck_err *e)
{
    ck_encl c;
    ck_encl_init(&c);
    json_t *j = json_object_get(q, name);
    int rc = !j ? (ck_fail(e, CK_MALFORMED, "quantities.%s missing", name), -1) : ck_encl_parse(j, name, &c, e);
    if (!rc && !c.has_exact) {
        ck_fail(e, CK_MALFORMED, "quantities.%s: exact value required", name);
        rc = -1;
    }
    if (!rc) rc = ck_encl_verify(&c, name, x, m, e);
    ck_encl_clear(&c);
    return rc;
}

int ck_linconv_verify_fi(const json_t *q, const char *name, mpfi_srcptr x, ck_err *e)
{
    ck_encl c;
    ck_encl_init(&c);
    json_t *j = json_object_get(q, name);
    int rc = !j ? (ck_fail(e, CK_MALFORMED, "quantities.%s missing", name), -1) : ck_encl_parse(j, name, &c, e);
    if (!rc) rc = ck_encl_verify_mpfi(&c, name, x, e);
    ck_encl_clear(&c);
    return rc;
}

int ck_linconv_keys(const json_t *q, const char *what, const char *const *names, ck_err *e)
{
    return ck_keys(q, what, names, NULL, e);
}

int ck_linconv_verify_zero_qs(const json_t *q, const char *name, const ck_qs *x, const mpz_t m, const char *why,
                              ck_err *e)
{
    if (ck_linconv_verify_qs(q, name, x, m, e)) return -1;
    if (ck_qs_sgn(x, m)) {
        ck_fail(e, CK_INVALID, "%s is not 0: %s", name, why);
        return -1;
    }
    return 0;
}

mpfi_t *ck_linconv_ivec(long len)
{
    mpfi_t *v = ck_malloc(sizeof(mpfi_t) * (size_t)(len > 0 ? len : 1));
    for (long i = 0; i < len; i++) mpfi_init2(v[i], CK_LINCONV_PREC), mpfi_set_ui(v[i], 0);
    return v;
}

void ck_linconv_ivec_free(mpfi_t *v, long len)
{
    for (long i = 0; i < len; i++) mpfi_clear(v[i]);
    ck_free(v);
}
