/* imbrelu_common.c: instance kind "imbrelu/1" (specs/claims/imbrelu.eq-6.md) and the shared
 * closed forms (threshold tests exactly, M_k as Arb balls). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "claims/imbrelu/imbrelu_common.h"
#include "instance/entry_parse.h"
#include "cert/cert.h"

static const char *const BASE_KEYS[] = {"kind", "n", "d", "lambda_W", "lambda_H", "reading", NULL};

static int key_allowed(const char *key, const char *const *extra)
{
    for (int t = 0; BASE_KEYS[t]; t++)
        if (strcmp(key, BASE_KEYS[t]) == 0) return 1;
    for (int t = 0; extra && extra[t]; t++)
        if (strcmp(key, extra[t]) == 0) return 1;
    return 0;
}

static int parse_lambda(fmpq_t q, const json_t *j, const char *key, nc_error *err)
{
    const json_t *v = json_object_get(j, key);
    if (!json_is_string(v) || entry_parse_fmpq(q, json_string_value(v)) != 0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu/1: %s must be an exact number string", key);
    if (fmpq_sgn(q) <= 0) return nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu/1: %s must be > 0", key);
    return 0;
}

static int parse_fields(imbrelu_inst *I, const json_t *j, const char *const *extra, nc_error *err)
{
    const char *key;
    json_t *v;
    if (!json_is_object(j)) return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance must be an object");
    json_object_foreach((json_t *)j, key, v) if (!key_allowed(key, extra)) return nc_error_set(
        err, NC_EXIT_BAD_INPUT, "imbrelu/1: unknown key \"%.40s\"", key);
    const json_t *kind = json_object_get(j, "kind");
    if (!json_is_string(kind) || strcmp(json_string_value(kind), "imbrelu/1") != 0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance kind must be \"imbrelu/1\"");
    const json_t *n = json_object_get(j, "n"), *d = json_object_get(j, "d");
    if (!json_is_array(n) || json_array_size(n) < 2 || json_array_size(n) > IMBRELU_MAX_K)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu/1: n must be an array of 2..%d class sizes",
                            IMBRELU_MAX_K);
    if (!json_is_integer(d) || json_integer_value(d) < 1 || json_integer_value(d) > 100000)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu/1: d must be an integer in 1..100000");
    I->K = (slong)json_array_size(n);
    I->d = (slong)json_integer_value(d);
    I->n = calloc((size_t)I->K, sizeof *I->n);
    if (!I->n) return nc_error_set(err, NC_EXIT_INTERNAL, "out of memory");
    for (slong k = 0; k < I->K; k++) {
        const json_t *e = json_array_get(n, (size_t)k);
        char *end = NULL;
        long long x = -1;
        if (json_is_string(e)) {
            const char *s = json_string_value(e);
            if (*s >= '0' && *s <= '9') x = strtoll(s, &end, 10);
            if (!end || *end) x = -1;
        }
        if (x < 1 || x > IMBRELU_MAX_N)
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu/1: n[%ld] must be a decimal string 1..%ld", (long)k,
                                IMBRELU_MAX_N);
        I->n[k] = (slong)x;
        I->N += (slong)x;
    }
    if (parse_lambda(I->lamW, j, "lambda_W", err) || parse_lambda(I->lamH, j, "lambda_H", err)) return err->status;
    fmpq_mul(I->lam, I->lamW, I->lamH);
    const json_t *r = json_object_get(j, "reading");
    if (r) {
        if (!json_is_string(r) ||
            (strcmp(json_string_value(r), "printed") && strcmp(json_string_value(r), "corrected")))
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu/1: reading must be \"printed\" or \"corrected\"");
        I->printed = strcmp(json_string_value(r), "printed") == 0;
    }
    return 0;
}

int imbrelu_inst_parse(imbrelu_inst *I, const json_t *j, const char *const *extra, nc_error *err)
{
    memset(I, 0, sizeof *I);
    fmpq_init(I->lamW), fmpq_init(I->lamH), fmpq_init(I->lam);
    if (parse_fields(I, j, extra, err)) {
        imbrelu_inst_clear(I);
        return err->status;
    }
    return 0;
}

void imbrelu_inst_clear(imbrelu_inst *I)
{
    free(I->n);
    I->n = NULL;
    fmpq_clear(I->lamW), fmpq_clear(I->lamH), fmpq_clear(I->lam);
}

/* t = (K-1) n_k - K N^2 x */
static void test_with(fmpq_t t, const imbrelu_inst *I, slong k, const fmpq_t x)
{
    fmpq_mul_si(t, x, I->K);
    fmpq_mul_si(t, t, I->N);
    fmpq_mul_si(t, t, I->N);
    fmpq_neg(t, t);
    fmpq_t a;
    fmpq_init(a);
    fmpq_set_si(a, (I->K - 1) * I->n[k], 1);
    fmpq_add(t, t, a);
    fmpq_clear(a);
}

void imbrelu_alive_test(fmpq_t t, const imbrelu_inst *I, slong k)
{
    test_with(t, I, k, I->lam);
}

void imbrelu_printed_test(fmpq_t t, const imbrelu_inst *I, slong k)
{
    fmpq_t l2;
    fmpq_init(l2);
    fmpq_mul(l2, I->lam, I->lam);
    test_with(t, I, k, l2);
    fmpq_clear(l2);
}

int imbrelu_alive_sign(const imbrelu_inst *I, slong k)
{
    fmpq_t t;
    fmpq_init(t);
    imbrelu_alive_test(t, I, k);
    int s = fmpq_sgn(t);
    fmpq_clear(t);
    return s;
}

void imbrelu_c1(arb_t c, const imbrelu_inst *I, int printed, slong prec)
{
    arb_t q;
    arb_init(q);
    arb_set_fmpq(c, I->lam, prec);
    if (!printed) arb_sqrt(c, c, prec);
    arb_set_si(q, I->K - 1);
    arb_div_si(q, q, I->K, prec);
    arb_sqrt(q, q, prec);
    arb_mul(c, c, q, prec);
    arb_mul_si(c, c, I->N, prec);
    arb_clear(q);
}

/* M_k = log((K-1)(sqrt(n_k)/c - 1)) when the exact test is > 0, else exactly 0. */
void imbrelu_M(arb_t M, const imbrelu_inst *I, slong k, int printed, slong prec)
{
    fmpq_t t;
    fmpq_init(t);
    if (printed)
        imbrelu_printed_test(t, I, k);
    else
        imbrelu_alive_test(t, I, k);
    int s = fmpq_sgn(t);
    fmpq_clear(t);
    if (s <= 0) {
        arb_zero(M);
        return;
    }
    arb_t c;
    arb_init(c);
    imbrelu_c1(c, I, printed, prec);
    arb_sqrt_ui(M, (ulong)I->n[k], prec);
    arb_div(M, M, c, prec);
    arb_sub_ui(M, M, 1, prec);
    arb_mul_si(M, M, I->K - 1, prec);
    arb_log(M, M, prec);
    arb_clear(c);
}

json_t *imbrelu_source(const char *label, const char *statement)
{
    static const char *const files[] = {"004_08b5b2a93a9fd8a0.txt", NULL};
    return cert_source("imbrelu", files, label, statement);
}

const char *imbrelu_name(const char *base, slong k)
{
    static char buf[64];
    snprintf(buf, sizeof buf, "%s[%ld]", base, (long)k);
    return buf;
}

void imbrelu_put_ball(json_t *q, const char *name, const arb_t x)
{
    json_object_set_new(q, name, cert_quantity(x, NULL, 1));
}

void imbrelu_put_rational(json_t *q, const char *name, const fmpq_t x)
{
    qsqrt_t e;
    arb_t b;
    qsqrt_init(e);
    arb_init(b);
    fmpq_set(e->a, x);
    fmpq_zero(e->b);
    arb_set_fmpq(b, x, 128);
    json_object_set_new(q, name, cert_quantity(b, e, 1));
    arb_clear(b);
    qsqrt_clear(e);
}

json_t *imbrelu_instance_json(const json_t *j)
{
    return json_deep_copy(j);
}

void imbrelu_point(arb_ptr r, arb_t a, const imbrelu_inst *I, arb_srcptr M, slong prec)
{
    slong K = I->K;
    arb_t t, s;
    arb_init(t), arb_init(s);
    for (slong k = 0; k < K; k++) {
        if (arb_is_zero(M + k)) {
            arb_zero(r + k);
            continue;
        }
        arb_set_fmpq(t, I->lamW, prec);
        arb_set_fmpq(s, I->lamH, prec);
        arb_div(t, t, s, prec);
        arb_div_si(t, t, I->n[k], prec);
        arb_mul_si(t, t, K - 1, prec);
        arb_div_si(t, t, K, prec);
        arb_sqrt(t, t, prec);
        arb_mul(t, t, M + k, prec);
        arb_sqrt(r + k, t, prec);
    }
    arb_set_fmpq(a, I->lamH, prec);
    arb_set_fmpq(s, I->lamW, prec);
    arb_div(a, a, s, prec);
    arb_div_si(a, a, K * (K - 1), prec);
    arb_sqrt(a, a, prec);
    arb_clear(t), arb_clear(s);
}

void imbrelu_fmpq_div_si(fmpq_t r, const fmpq_t a, slong s)
{
    fmpz_t z;
    fmpz_init_set_si(z, s);
    fmpq_div_fmpz(r, a, z);
    fmpz_clear(z);
}

void imbrelu_cor4_C(fmpq_t C, const imbrelu_inst *I)
{
    fmpq_mul_si(C, I->lam, I->N);
    fmpq_mul_si(C, C, I->N);
    fmpq_mul_si(C, C, I->K);
    imbrelu_fmpq_div_si(C, C, I->K - 1);
}

/* z_m = r_k W[m][k] = a r_k^2 sqrt(n_k) (K [m=k] - 1): CE_k = log(1 + (K-1) exp(-K a r_k^2 sqrt(n_k)));
 * ||W||^2 = a^2 K (K-1) sum_k n_k r_k^2 (column k has entries a sqrt(n_k) r_k (K-1), -a sqrt(n_k) r_k). */
void imbrelu_point_objective(arb_t obj, const imbrelu_inst *I, arb_srcptr M, slong prec)
{
    slong K = I->K;
    arb_ptr r = _arb_vec_init(K);
    arb_t a, t, u, reg;
    arb_init(a), arb_init(t), arb_init(u), arb_init(reg);
    imbrelu_point(r, a, I, M, prec);
    arb_zero(obj), arb_zero(reg);
    for (slong k = 0; k < K; k++) {
        arb_sqr(u, r + k, prec); /* r_k^2 */
        arb_sqrt_ui(t, (ulong)I->n[k], prec);
        arb_mul(t, t, u, prec);
        arb_mul(t, t, a, prec);
        arb_mul_si(t, t, -K, prec);
        arb_exp(t, t, prec);
        arb_mul_si(t, t, K - 1, prec);
        arb_log1p(t, t, prec);
        arb_mul_si(t, t, I->n[k], prec);
        arb_add(obj, obj, t, prec);
        arb_mul_si(u, u, I->n[k], prec);
        arb_add(reg, reg, u, prec);
    }
    arb_div_si(obj, obj, I->N, prec);
    arb_set_fmpq(t, I->lamH, prec); /* (lamH/2) sum n_k r_k^2 */
    arb_mul(u, reg, t, prec);
    arb_mul_2exp_si(u, u, -1);
    arb_add(obj, obj, u, prec);
    arb_sqr(t, a, prec); /* (lamW/2) a^2 K (K-1) sum n_k r_k^2 */
    arb_mul_si(t, t, K * (K - 1), prec);
    arb_mul(t, t, reg, prec);
    arb_set_fmpq(u, I->lamW, prec);
    arb_mul(t, t, u, prec);
    arb_mul_2exp_si(t, t, -1);
    arb_add(obj, obj, t, prec);
    _arb_vec_clear(r, K);
    arb_clear(a), arb_clear(t), arb_clear(u), arb_clear(reg);
}
