/* check_imbrelu_common.c: the imbrelu instance kind, threshold tests, M_k in MPFI and quantity
 * verification for nccheck (see check_imbrelu_common.h). */
#include "check_alloc.h"
#include "check_limits.h"
#include "imbrelu/check_imbrelu_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_enclosure.h"
#include "check_rational.h"

static const char *const BASE_KEYS[] = {"kind", "n", "d", "lambda_W", "lambda_H", "reading", NULL};

static int allowed(const char *key, const char *const *extra)
{
    for (int t = 0; BASE_KEYS[t]; t++)
        if (strcmp(key, BASE_KEYS[t]) == 0) return 1;
    for (int t = 0; extra && extra[t]; t++)
        if (strcmp(key, extra[t]) == 0) return 1;
    return 0;
}

static int inst_parse_fields(const json_t *j, const char *const *extra, ck_imbrelu_inst *in, ck_err *e);

/* Parses the instance; on failure everything it allocated is released again (no leak). */
int ck_imbrelu_inst_parse(const json_t *j, const char *const *extra, ck_imbrelu_inst *in, ck_err *e)
{
    memset(in, 0, sizeof *in);
    mpq_inits(in->lamW, in->lamH, in->lam, NULL);
    if (inst_parse_fields(j, extra, in, e) == 0) return 0;
    ck_imbrelu_inst_clear(in);
    return -1;
}

static int inst_parse_fields(const json_t *j, const char *const *extra, ck_imbrelu_inst *in, ck_err *e)
{
    const char *key;
    json_t *v;
    if (!json_is_object(j)) {
        ck_fail(e, CK_MALFORMED, "instance: not an object");
        return -1;
    }
    json_object_foreach((json_t *)j, key, v) if (!allowed(key, extra))
    {
        ck_fail(e, CK_MALFORMED, "instance: unknown key \"%.40s\"", key);
        return -1;
    }
    const char *kind = ck_get_str(j, "instance", "kind", e);
    if (!kind) return -1;
    if (strcmp(kind, "imbrelu/1")) {
        ck_fail(e, CK_MALFORMED, "instance: kind must be imbrelu/1");
        return -1;
    }
    long long d;
    json_t *n = ck_get_arr(j, "instance", "n", e);
    if (!n || ck_get_int(j, "instance", "d", &d, e)) return -1;
    if (json_array_size(n) < 2 || json_array_size(n) > 1000 || d < 1 || d > 100000) {
        ck_fail(e, CK_MALFORMED, "instance: need 2 <= K <= 1000 classes and 1 <= d <= 100000");
        return -1;
    }
    in->K = (long)json_array_size(n);
    in->d = (long)d;
    in->n = ck_calloc((size_t)in->K, sizeof *in->n);
    for (long k = 0; k < in->K; k++) {
        json_t *x = json_array_get(n, (size_t)k);
        const char *s = json_is_string(x) ? json_string_value(x) : "";
        char *end = NULL;
        long long val = (*s >= '0' && *s <= '9') ? strtoll(s, &end, 10) : -1;
        if (!end || *end || val < 1 || val > 1000000000LL) {
            ck_fail(e, CK_MALFORMED, "instance.n[%ld]: not a class size string 1..1e9", k);
            return -1;
        }
        in->n[k] = (long)val;
        in->N += (long)val;
    }
    const char *lw = ck_get_str(j, "instance", "lambda_W", e), *lh = ck_get_str(j, "instance", "lambda_H", e);
    if (!lw || !lh) return -1;
    if (ck_parse_entry(lw, in->lamW) || ck_parse_entry(lh, in->lamH) || mpq_sgn(in->lamW) <= 0 ||
        mpq_sgn(in->lamH) <= 0) {
        ck_fail(e, CK_MALFORMED, "instance: lambda_W, lambda_H must be positive exact numbers");
        return -1;
    }
    mpq_mul(in->lam, in->lamW, in->lamH);
    json_t *r = json_object_get(j, "reading");
    if (r) {
        const char *rs = json_is_string(r) ? json_string_value(r) : "";
        if (strcmp(rs, "printed") && strcmp(rs, "corrected")) {
            ck_fail(e, CK_MALFORMED, "instance.reading: \"printed\" or \"corrected\"");
            return -1;
        }
        in->printed = strcmp(rs, "printed") == 0;
    }
    return 0;
}

void ck_imbrelu_inst_clear(ck_imbrelu_inst *in)
{
    ck_free(in->n);
    in->n = NULL;
    mpq_clears(in->lamW, in->lamH, in->lam, NULL);
}

void ck_imbrelu_test(mpq_t t, const ck_imbrelu_inst *in, long k, int printed)
{
    mpq_t x, a;
    mpq_inits(x, a, NULL);
    mpq_set(x, in->lam);
    if (printed) mpq_mul(x, x, in->lam);
    mpz_set_si(mpq_numref(a), in->K);
    mpz_mul_si(mpq_numref(a), mpq_numref(a), in->N);
    mpz_mul_si(mpq_numref(a), mpq_numref(a), in->N);
    mpq_mul(x, x, a);
    mpq_set_si(a, in->K - 1, 1);
    mpz_mul_si(mpq_numref(a), mpq_numref(a), in->n[k]);
    mpq_sub(t, a, x);
    mpq_clears(x, a, NULL);
}

void ck_imbrelu_c1(mpfi_t c, const ck_imbrelu_inst *in, int printed)
{
    mpfi_t q;
    mpfi_init2(q, CK_IMBRELU_PREC);
    mpfi_set_q(c, in->lam);
    if (!printed) mpfi_sqrt(c, c);
    mpfi_set_si(q, in->K - 1);
    mpfi_div_si(q, q, in->K);
    mpfi_sqrt(q, q);
    mpfi_mul(c, c, q);
    mpfi_mul_si(c, c, in->N);
    mpfi_clear(q);
}

void ck_imbrelu_M(mpfi_t M, const ck_imbrelu_inst *in, long k, int printed)
{
    mpq_t t;
    mpq_init(t);
    ck_imbrelu_test(t, in, k, printed);
    int s = mpq_sgn(t);
    mpq_clear(t);
    if (s <= 0) {
        mpfi_set_ui(M, 0);
        return;
    }
    mpfi_t c;
    mpfi_init2(c, CK_IMBRELU_PREC);
    ck_imbrelu_c1(c, in, printed);
    mpfi_set_ui(M, (unsigned long)in->n[k]);
    mpfi_sqrt(M, M);
    mpfi_div(M, M, c);
    mpfi_sub_ui(M, M, 1);
    mpfi_mul_si(M, M, in->K - 1);
    mpfi_log(M, M);
    mpfi_clear(c);
}

static int parse_q(const json_t *q, const char *name, ck_encl *c, ck_err *e)
{
    json_t *j = json_object_get(q, name);
    if (!j) {
        ck_fail(e, CK_MALFORMED, "quantities: missing %s", name);
        return -1;
    }
    return ck_encl_parse(j, name, c, e);
}

int ck_imbrelu_verify_interval(const json_t *q, const char *name, mpfi_srcptr x, ck_err *e)
{
    ck_encl c;
    ck_encl_init(&c);
    int rc = parse_q(q, name, &c, e);
    if (!rc) rc = ck_encl_verify_mpfi(&c, name, x, e);
    ck_encl_clear(&c);
    return rc;
}

int ck_imbrelu_verify_rational(const json_t *q, const char *name, const mpq_t x, ck_err *e)
{
    ck_encl c;
    ck_qs v;
    mpz_t one;
    ck_encl_init(&c);
    ck_qs_init(&v);
    mpz_init_set_ui(one, 1);
    mpq_set(v.a, x);
    int rc = parse_q(q, name, &c, e);
    if (!rc) rc = ck_encl_verify(&c, name, &v, one, e);
    ck_encl_clear(&c);
    ck_qs_clear(&v);
    mpz_clear(one);
    return rc;
}

int ck_imbrelu_keys_exact(const json_t *q, const char *what, char **names, long nn, ck_err *e)
{
    if (!json_is_object(q)) {
        ck_fail(e, CK_MALFORMED, "%s: not an object", what);
        return -1;
    }
    if ((long)json_object_size(q) != nn) {
        ck_fail(e, CK_MALFORMED, "%s: expected %ld keys, found %ld", what, nn, (long)json_object_size(q));
        return -1;
    }
    for (long t = 0; t < nn; t++)
        if (!json_object_get(q, names[t])) {
            ck_fail(e, CK_MALFORMED, "%s: missing %s", what, names[t]);
            return -1;
        }
    return 0;
}

char *ck_imbrelu_name(const char *base, long k)
{
    char *s = ck_malloc(strlen(base) + 24);
    sprintf(s, "%s[%ld]", base, k);
    return s;
}

void ck_imbrelu_point(mpfi_ptr r, mpfi_t a, const ck_imbrelu_inst *in, mpfi_srcptr M)
{
    long K = in->K;
    mpfi_t t;
    mpfi_init2(t, CK_IMBRELU_PREC);
    for (long k = 0; k < K; k++) {
        if (mpfi_is_zero(M + k)) {
            mpfi_set_ui(r + k, 0);
            continue;
        }
        mpfi_set_q(t, in->lamW);
        mpfi_div_q(t, t, in->lamH);
        mpfi_div_si(t, t, in->n[k]);
        mpfi_mul_si(t, t, K - 1);
        mpfi_div_si(t, t, K);
        mpfi_sqrt(t, t);
        mpfi_mul(t, t, M + k);
        mpfi_sqrt(r + k, t);
    }
    mpfi_set_q(a, in->lamH);
    mpfi_div_q(a, a, in->lamW);
    mpfi_div_si(a, a, K * (K - 1));
    mpfi_sqrt(a, a);
    mpfi_clear(t);
}

void ck_imbrelu_cor4_C(mpq_t C, const ck_imbrelu_inst *in)
{
    mpq_t f;
    mpq_init(f);
    mpq_set_si(f, in->K, in->K - 1);
    mpq_mul(C, in->lam, f);
    mpq_set_si(f, in->N, 1);
    mpq_mul(C, C, f);
    mpq_mul(C, C, f);
    mpq_clear(f);
}

/* the closed form of the objective at the point (see imbrelu_point_objective in the certifier):
 * CE_k = log(1 + (K-1) exp(-K a r_k^2 sqrt(n_k))), ||W||^2 = a^2 K(K-1) sum n_k r_k^2 */
void ck_imbrelu_point_objective(mpfi_t obj, const ck_imbrelu_inst *in, mpfi_srcptr M)
{
    long K = in->K;
    mpfi_ptr r = ck_malloc((size_t)K * sizeof *r);
    mpfi_t a, t, u, reg;
    for (long k = 0; k < K; k++) mpfi_init2(r + k, CK_IMBRELU_PREC);
    mpfi_init2(a, CK_IMBRELU_PREC), mpfi_init2(t, CK_IMBRELU_PREC), mpfi_init2(u, CK_IMBRELU_PREC),
        mpfi_init2(reg, CK_IMBRELU_PREC);
    ck_imbrelu_point(r, a, in, M);
    mpfi_set_ui(obj, 0), mpfi_set_ui(reg, 0);
    for (long k = 0; k < K; k++) {
        mpfi_sqr(u, r + k);
        mpfi_set_ui(t, (unsigned long)in->n[k]);
        mpfi_sqrt(t, t);
        mpfi_mul(t, t, u);
        mpfi_mul(t, t, a);
        mpfi_mul_si(t, t, -K);
        mpfi_exp(t, t);
        mpfi_mul_si(t, t, K - 1);
        mpfi_log1p(t, t);
        mpfi_mul_si(t, t, in->n[k]);
        mpfi_add(obj, obj, t);
        mpfi_mul_si(u, u, in->n[k]);
        mpfi_add(reg, reg, u);
    }
    mpfi_div_si(obj, obj, in->N);
    mpfi_mul_q(u, reg, in->lamH);
    mpfi_div_ui(u, u, 2);
    mpfi_add(obj, obj, u);
    mpfi_sqr(t, a);
    mpfi_mul_si(t, t, K * (K - 1));
    mpfi_mul(t, t, reg);
    mpfi_mul_q(t, t, in->lamW);
    mpfi_div_ui(t, t, 2);
    mpfi_add(obj, obj, t);
    for (long k = 0; k < K; k++) mpfi_clear(r + k);
    ck_free(r);
    mpfi_clear(a), mpfi_clear(t), mpfi_clear(u), mpfi_clear(reg);
}

void ck_imbrelu_qlist_init(ck_imbrelu_qlist *c, const json_t *q, ck_err *e)
{
    c->q = q, c->e = e, c->bad = 0, c->names = NULL, c->nn = c->cap = 0;
}

void ck_imbrelu_qlist_clear(ck_imbrelu_qlist *c)
{
    for (long t = 0; t < c->nn; t++) ck_free(c->names[t]);
    ck_free(c->names);
    c->names = NULL, c->nn = c->cap = 0;
}

static const char *qlist_add(ck_imbrelu_qlist *c, const char *base, long k)
{
    if (c->nn == c->cap) c->names = ck_realloc(c->names, (size_t)(c->cap = 2 * c->cap + 16) * sizeof(char *));
    char *nm = k >= 0 ? ck_imbrelu_name(base, k) : strcpy(ck_malloc(strlen(base) + 1), base);
    return c->names[c->nn++] = nm;
}

void ck_imbrelu_q_interval(ck_imbrelu_qlist *c, const char *base, long k, mpfi_srcptr x)
{
    const char *nm = qlist_add(c, base, k);
    if (!c->bad && ck_imbrelu_verify_interval(c->q, nm, x, c->e)) c->bad = 1;
}

void ck_imbrelu_q_rational(ck_imbrelu_qlist *c, const char *base, long k, const mpq_t x)
{
    const char *nm = qlist_add(c, base, k);
    if (!c->bad && ck_imbrelu_verify_rational(c->q, nm, x, c->e)) c->bad = 1;
}

int ck_imbrelu_qlist_keys(const ck_imbrelu_qlist *c)
{
    return ck_imbrelu_keys_exact(c->q, "quantities", c->names, c->nn, c->e);
}

void ck_imbrelu_exp_gaps(mpfi_t s, mpfi_t tmp, mpfi_srcptr z, long K, long k)
{
    mpfi_set_ui(s, 0);
    for (long m = 0; m < K; m++)
        if (m != k) {
            mpfi_sub(tmp, z + m, z + k);
            mpfi_exp(tmp, tmp);
            mpfi_add(s, s, tmp);
        }
}

int ck_imbrelu_inst_parse_thm1(const json_t *j, const char *const *extra, ck_imbrelu_inst *in, ck_err *e)
{
    if (ck_imbrelu_inst_parse(j, extra, in, e)) return -1;
    if (in->d < in->K || in->K > 200) {
        ck_imbrelu_inst_clear(in);
        ck_fail(e, CK_MALFORMED, "instance: need d >= K, K <= 200");
        return -1;
    }
    return 0;
}

int ck_imbrelu_limit(ck_imbrelu_inst *in, const char *claim, double bytes, double ops, ck_err *e)
{
    if (ck_limit_check(e, bytes, ops, "the %s check (K=%ld d=%ld)", claim, in->K, in->d) == 0) return 0;
    ck_imbrelu_inst_clear(in);
    return -1;
}
