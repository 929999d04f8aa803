/* t_lemma31.c: the certifier of ulpm.lemma-3.1 (src/claims/ulpm/ulpm_lemma31.c) end to end through
 * its C entry point: certificates of instances computed by hand (values in the comments), and
 * property tests on random, neural-collapse and perturbed instances against a reference
 * written here with GMP only: its own generators (from specs/generators.md), its own entry
 * parser, its own arithmetic in Q(sqrt n) and its own exact sign test, so that no expected
 * value comes from the program under test. Each enclosure's hex endpoints are parsed exactly
 * (own parser) and compared exactly with the reference value; the "decimal" rendering must
 * contain [lo, hi] and the optional "exact" value must equal the reference value.
 * Randomised part: seed from NCCERT_TEST_SEED, else the clock; printed as a diagnostic. */
#include <ctype.h>
#include <gmp.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "claims/claim.h"
#include "cert/cert.h"
#include "instance/instance.h"
#include "tap.h"

static uint64_t test_seed(void)
{
    const char *e = getenv("NCCERT_TEST_SEED");
    if (e && *e) return strtoull(e, NULL, 10);
    return (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
}

static uint64_t sm_next(uint64_t *s) /* splitmix64, specs/generators.md */
{
    uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static uint64_t rng_state; /* the test's own randomness (sizes, seeds) */
static long rng_range(long lo, long hi)
{
    return lo + (long)(sm_next(&rng_state) % (uint64_t)(hi - lo + 1));
}

/* ================================================================ reference Q(sqrt m) */

typedef struct {
    mpq_t a, b;
} rq; /* a + b sqrt(m) */

static void rq_init(rq *x)
{
    mpq_init(x->a);
    mpq_init(x->b);
}
static void rq_clear(rq *x)
{
    mpq_clear(x->a);
    mpq_clear(x->b);
}
static void rq_set(rq *r, const rq *x)
{
    mpq_set(r->a, x->a);
    mpq_set(r->b, x->b);
}
static void rq_set_q(rq *r, long p, unsigned long q)
{
    mpq_set_si(r->a, p, q);
    mpq_canonicalize(r->a);
    mpq_set_ui(r->b, 0, 1);
}
static void rq_add(rq *r, const rq *x, const rq *y)
{
    mpq_add(r->a, x->a, y->a);
    mpq_add(r->b, x->b, y->b);
}
static void rq_sub(rq *r, const rq *x, const rq *y)
{
    mpq_sub(r->a, x->a, y->a);
    mpq_sub(r->b, x->b, y->b);
}

/* r += x * y in Q(sqrt m) */
static void rq_addmul(rq *r, const rq *x, const rq *y, unsigned long m)
{
    mpq_t t;
    mpq_init(t);
    mpq_mul(t, x->a, y->a);
    mpq_add(r->a, r->a, t);
    mpq_mul(t, x->b, y->b);
    mpz_mul_ui(mpq_numref(t), mpq_numref(t), m); /* b1 b2 m */
    mpq_canonicalize(t);
    mpq_add(r->a, r->a, t);
    mpq_mul(t, x->a, y->b);
    mpq_add(r->b, r->b, t);
    mpq_mul(t, x->b, y->a);
    mpq_add(r->b, r->b, t);
    mpq_clear(t);
}

/* exact sign of a + b sqrt(m) by integer square roots (see t_exact.c for the argument) */
static int rq_sign(const rq *x, unsigned long m)
{
    mpz_t D, A, B, t, s, r;
    mpz_inits(D, A, B, t, s, r, NULL);
    mpz_lcm(D, mpq_denref(x->a), mpq_denref(x->b));
    mpz_divexact(A, D, mpq_denref(x->a));
    mpz_mul(A, A, mpq_numref(x->a));
    mpz_divexact(B, D, mpq_denref(x->b));
    mpz_mul(B, B, mpq_numref(x->b));
    int sa = mpz_sgn(A), sb = mpz_sgn(B), res;
    if (sb == 0)
        res = sa;
    else if (sa == 0 || sa == sb)
        res = sb;
    else {
        mpz_mul(t, B, B);
        mpz_mul_ui(t, t, m);
        mpz_sqrtrem(s, r, t);
        mpz_abs(A, A);
        int c = mpz_cmp(A, s);
        if (c == 0 && mpz_sgn(r) != 0) c = -1;
        res = c > 0 ? sa : (c < 0 ? sb : 0);
    }
    mpz_clears(D, A, B, t, s, r, NULL);
    return res;
}

static int rq_cmp(const rq *x, const rq *y, unsigned long m)
{
    rq t;
    rq_init(&t);
    rq_sub(&t, x, y);
    int s = rq_sign(&t, m);
    rq_clear(&t);
    return s;
}

static char *rq_str(const rq *x, unsigned long m) /* for diagnostics; caller frees */
{
    char *a = mpq_get_str(NULL, 10, x->a), *b = mpq_get_str(NULL, 10, x->b);
    size_t len = strlen(a) + strlen(b) + 48;
    char *s = malloc(len);
    snprintf(s, len, "%s + %s sqrt(%lu)", a, b, m);
    void (*freefunc)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &freefunc);
    freefunc(a, strlen(a) + 1);
    freefunc(b, strlen(b) + 1);
    return s;
}

/* ================================================================ reference instances */

typedef struct {
    long K, n, d, N;
    rq *W; /* W[k*d + l] */
    rq *H; /* H[l*N + c], as in the file */
} ref_inst;

static void ref_alloc(ref_inst *R, long K, long n, long d)
{
    R->K = K;
    R->n = n;
    R->d = d;
    R->N = n * K;
    R->W = malloc((size_t)(K * d) * sizeof(rq));
    R->H = malloc((size_t)(d * R->N) * sizeof(rq));
    for (long t = 0; t < K * d; t++) rq_init(&R->W[t]);
    for (long t = 0; t < d * R->N; t++) rq_init(&R->H[t]);
}

static void ref_free(ref_inst *R)
{
    for (long t = 0; t < R->K * R->d; t++) rq_clear(&R->W[t]);
    for (long t = 0; t < R->d * R->N; t++) rq_clear(&R->H[t]);
    free(R->W);
    free(R->H);
}

/* rational p * 2^e2 into q */
static void mpq_set_si_2exp(mpq_t q, long p, long e2)
{
    mpq_set_si(q, p, 1);
    if (e2 >= 0)
        mpq_mul_2exp(q, q, (mp_bitcnt_t)e2);
    else
        mpq_div_2exp(q, q, (mp_bitcnt_t)(-e2));
}

/* nc/1 (scaled: W[k][l] = [l == k] - 1/K, H = W / sqrt(n) = (W / n) sqrt(n)), plus 2^e times
 * random-dyadic/1(seed) when perturb */
static void ref_nc(ref_inst *R, long K, long n, long d, int perturb, uint64_t seed, long e)
{
    ref_alloc(R, K, n, d);
    uint64_t s = seed;
    mpq_t r;
    mpq_init(r);
    for (long k = 0; k < K; k++)
        for (long l = 0; l < d; l++) {
            rq *w = &R->W[k * d + l];
            if (l < K) rq_set_q(w, (l == k ? K : 0) - 1, (unsigned long)K);
            if (perturb) {
                mpq_set_si_2exp(r, (long)(sm_next(&s) >> 44) - 524288L, e - 19);
                mpq_add(w->a, w->a, r);
            }
        }
    for (long l = 0; l < d; l++)
        for (long c = 0; c < R->N; c++) {
            rq *h = &R->H[l * R->N + c];
            long k = c / n;
            if (l < K) {
                mpq_set_si(h->b, (l == k ? K : 0) - 1, (unsigned long)(K * n));
                mpq_canonicalize(h->b);
            }
            if (perturb) mpq_set_si_2exp(h->a, (long)(sm_next(&s) >> 44) - 524288L, e - 19);
        }
    mpq_clear(r);
}

static void ref_random(ref_inst *R, long K, long n, long d, uint64_t seed)
{
    ref_alloc(R, K, n, d);
    uint64_t s = seed;
    for (long t = 0; t < K * d; t++) mpq_set_si_2exp(R->W[t].a, (long)(sm_next(&s) >> 44) - 524288L, -19);
    for (long t = 0; t < d * R->N; t++) mpq_set_si_2exp(R->H[t].a, (long)(sm_next(&s) >> 44) - 524288L, -19);
}

/* own entry parser: [+-]digits, [+-]digits.digits, [+-]digits/digits (test inputs are valid) */
static void ref_entry(mpq_t q, const char *s)
{
    char buf[512];
    int neg = *s == '-';
    if (*s == '-' || *s == '+') s++;
    const char *dot = strchr(s, '.'), *slash = strchr(s, '/');
    if (dot) {
        size_t ip = (size_t)(dot - s), fl = strlen(dot + 1);
        memcpy(buf, s, ip);
        strcpy(buf + ip, dot + 1);
        mpz_set_str(mpq_numref(q), buf, 10);
        mpz_ui_pow_ui(mpq_denref(q), 10, fl);
    } else if (slash) {
        memcpy(buf, s, (size_t)(slash - s));
        buf[slash - s] = '\0';
        mpz_set_str(mpq_numref(q), buf, 10);
        mpz_set_str(mpq_denref(q), slash + 1, 10);
    } else {
        mpz_set_str(mpq_numref(q), s, 10);
        mpz_set_ui(mpq_denref(q), 1);
    }
    mpq_canonicalize(q);
    if (neg) mpq_neg(q, q);
}

static void ref_explicit(ref_inst *R, json_t *obj)
{
    long K = (long)json_integer_value(json_object_get(obj, "K"));
    long n = (long)json_integer_value(json_object_get(obj, "n"));
    long d = (long)json_integer_value(json_object_get(obj, "d"));
    ref_alloc(R, K, n, d);
    json_t *W = json_object_get(obj, "W"), *H = json_object_get(obj, "H");
    for (long k = 0; k < K; k++)
        for (long l = 0; l < d; l++)
            ref_entry(R->W[k * d + l].a, json_string_value(json_array_get(json_array_get(W, (size_t)k), (size_t)l)));
    for (long l = 0; l < d; l++)
        for (long c = 0; c < R->N; c++)
            ref_entry(R->H[l * R->N + c].a, json_string_value(json_array_get(json_array_get(H, (size_t)l), (size_t)c)));
}

/* s_{kij} = (w_k - w_j) . h_{k,i} */
static void ref_margin(rq *s, const ref_inst *R, long k, long i, long j)
{
    rq dw;
    rq_init(&dw);
    rq_set_q(s, 0, 1);
    long c = k * R->n + i;
    for (long l = 0; l < R->d; l++) {
        rq_sub(&dw, &R->W[k * R->d + l], &R->W[j * R->d + l]);
        rq_addmul(s, &dw, &R->H[l * R->N + c], (unsigned long)R->n);
    }
    rq_clear(&dw);
}

static void ref_qmin(rq *q, const ref_inst *R)
{
    rq s;
    rq_init(&s);
    int first = 1;
    for (long k = 0; k < R->K; k++)
        for (long i = 0; i < R->n; i++)
            for (long j = 0; j < R->K; j++) {
                if (j == k) continue;
                ref_margin(&s, R, k, i, j);
                if (first || rq_cmp(&s, q, (unsigned long)R->n) < 0) rq_set(q, &s);
                first = 0;
            }
    rq_clear(&s);
}

typedef struct {
    rq margin, nW, nH, bound, slack, qmin;
} ref_vals;

static void ref_vals_init(ref_vals *v)
{
    rq_init(&v->margin);
    rq_init(&v->nW);
    rq_init(&v->nH);
    rq_init(&v->bound);
    rq_init(&v->slack);
    rq_init(&v->qmin);
}
static void ref_vals_clear(ref_vals *v)
{
    rq_clear(&v->margin);
    rq_clear(&v->nW);
    rq_clear(&v->nH);
    rq_clear(&v->bound);
    rq_clear(&v->slack);
    rq_clear(&v->qmin);
}

/* the five quantities at witness (k,i,j) and q_min; bound = A / (2(K-1) sqrt n) with
 * A = a + b sqrt n: A / sqrt n = b + (a / n) sqrt n */
static void ref_compute(ref_vals *v, const ref_inst *R, long k, long i, long j)
{
    unsigned long m = (unsigned long)R->n;
    ref_margin(&v->margin, R, k, i, j);
    rq_set_q(&v->nW, 0, 1);
    rq_set_q(&v->nH, 0, 1);
    for (long t = 0; t < R->K * R->d; t++) rq_addmul(&v->nW, &R->W[t], &R->W[t], m);
    for (long t = 0; t < R->d * R->N; t++) rq_addmul(&v->nH, &R->H[t], &R->H[t], m);
    rq A;
    rq_init(&A);
    rq_add(&A, &v->nW, &v->nH);
    mpq_t f;
    mpq_init(f);
    mpq_set_ui(f, 1, 2 * (unsigned long)(R->K - 1));
    mpq_mul(v->bound.a, A.b, f);
    mpq_set_ui(f, 1, 2 * (unsigned long)(R->K - 1) * m);
    mpq_mul(v->bound.b, A.a, f);
    mpq_clear(f);
    rq_clear(&A);
    rq_sub(&v->slack, &v->bound, &v->margin);
    ref_qmin(&v->qmin, R);
}

/* ================================================================ certificate parsing */

/* hex float "[-]0x<hex>[.<hex>]p<[+-]dec>" -> exact rational; 0 on a format error */
static int parse_hex(mpq_t q, const char *s)
{
    int neg = 0;
    if (*s == '-') {
        neg = 1;
        s++;
    }
    if (strncmp(s, "0x", 2) != 0) return 0;
    s += 2;
    char digits[8192];
    size_t nd = 0, nfrac = 0;
    while (isxdigit((unsigned char)*s) && nd < sizeof digits - 1) digits[nd++] = *s++;
    if (nd == 0) return 0;
    if (*s == '.') {
        s++;
        while (isxdigit((unsigned char)*s) && nd < sizeof digits - 1) {
            digits[nd++] = *s++;
            nfrac++;
        }
        if (nfrac == 0) return 0;
    }
    digits[nd] = '\0';
    if (*s++ != 'p') return 0;
    if (*s != '+' && *s != '-') return 0;
    char *end;
    long e = strtol(s, &end, 10);
    if (end == s + 1 || *end != '\0') return 0;
    mpz_set_str(mpq_numref(q), digits, 16);
    mpz_set_ui(mpq_denref(q), 1);
    e -= 4 * (long)nfrac;
    if (e >= 0)
        mpq_mul_2exp(q, q, (mp_bitcnt_t)e);
    else
        mpq_div_2exp(q, q, (mp_bitcnt_t)(-e));
    if (neg) mpq_neg(q, q);
    return 1;
}

/* decimal number "-?d+(.d+)?(e[+-]?d+)?" -> exact rational; returns chars used, 0 on error */
static size_t parse_dec(mpq_t q, const char *s)
{
    const char *p = s;
    int neg = 0;
    if (*p == '-') {
        neg = 1;
        p++;
    }
    char digits[256];
    size_t nd = 0, nfrac = 0;
    while (isdigit((unsigned char)*p) && nd < 255) digits[nd++] = *p++;
    if (nd == 0) return 0;
    if (*p == '.') {
        p++;
        while (isdigit((unsigned char)*p) && nd < 255) {
            digits[nd++] = *p++;
            nfrac++;
        }
        if (nfrac == 0) return 0;
    }
    digits[nd] = '\0';
    long e = 0;
    if (*p == 'e') {
        char *end;
        e = strtol(p + 1, &end, 10);
        if (end == p + 1) return 0;
        p = end;
    }
    e -= (long)nfrac;
    mpz_set_str(mpq_numref(q), digits, 10);
    mpz_set_ui(mpq_denref(q), 1);
    mpz_t t;
    mpz_init(t);
    mpz_ui_pow_ui(t, 10, (unsigned long)(e >= 0 ? e : -e));
    if (e >= 0)
        mpz_mul(mpq_numref(q), mpq_numref(q), t);
    else
        mpz_set(mpq_denref(q), t);
    mpz_clear(t);
    mpq_canonicalize(q);
    if (neg) mpq_neg(q, q);
    return (size_t)(p - s);
}

/* "decimal" as the interval [dlo, dhi]: "x" (exact) or "[m +/- r]" */
static int parse_decimal(mpq_t dlo, mpq_t dhi, const char *s)
{
    if (*s != '[') {
        size_t u = parse_dec(dlo, s);
        if (u == 0 || s[u] != '\0') return 0;
        mpq_set(dhi, dlo);
        return 1;
    }
    mpq_t m, r;
    mpq_inits(m, r, NULL);
    size_t u = parse_dec(m, s + 1);
    int ok = u > 0 && strncmp(s + 1 + u, " +/- ", 5) == 0;
    size_t v = ok ? parse_dec(r, s + 1 + u + 5) : 0;
    ok = ok && v > 0 && strcmp(s + 1 + u + 5 + v, "]") == 0 && mpq_sgn(r) >= 0;
    if (ok) {
        mpq_sub(dlo, m, r);
        mpq_add(dhi, m, r);
    }
    mpq_clears(m, r, NULL);
    return ok;
}

/* Checks one quantity of the certificate against the reference value v (in Q(sqrt m)):
 * lo <= v <= hi exactly, lo <= hi, decimal interval contains [lo, hi], exact (if present) = v.
 * On failure writes the reason into why. */
static int quantity_ok(json_t *qj, const rq *v, unsigned long m, char *why, size_t whylen)
{
    const char *los = json_string_value(json_object_get(qj, "lo"));
    const char *his = json_string_value(json_object_get(qj, "hi"));
    const char *dec = json_string_value(json_object_get(qj, "decimal"));
    json_t *ex = json_object_get(qj, "exact");
    int ok = 0;
    rq lo, hi, t;
    mpq_t dlo, dhi;
    rq_init(&lo);
    rq_init(&hi);
    rq_init(&t);
    mpq_inits(dlo, dhi, NULL);
    why[0] = '\0';
    if (!los || !his || !dec) {
        snprintf(why, whylen, "lo/hi/decimal missing");
        goto out;
    }
    if (!parse_hex(lo.a, los) || !parse_hex(hi.a, his)) {
        snprintf(why, whylen, "bad hex %s %s", los, his);
        goto out;
    }
    if (mpq_cmp(lo.a, hi.a) > 0) {
        snprintf(why, whylen, "lo > hi");
        goto out;
    }
    rq_sub(&t, v, &lo);
    if (rq_sign(&t, m) < 0) {
        snprintf(why, whylen, "lo %s above the exact value", los);
        goto out;
    }
    rq_sub(&t, &hi, v);
    if (rq_sign(&t, m) < 0) {
        snprintf(why, whylen, "hi %s below the exact value", his);
        goto out;
    }
    if (!parse_decimal(dlo, dhi, dec)) {
        snprintf(why, whylen, "bad decimal \"%s\"", dec);
        goto out;
    }
    if (mpq_cmp(dlo, lo.a) > 0 || mpq_cmp(dhi, hi.a) < 0) {
        snprintf(why, whylen, "decimal \"%s\" does not contain [lo, hi]", dec);
        goto out;
    }
    if (ex) {
        const char *ea = json_string_value(json_object_get(ex, "a"));
        const char *eb = json_string_value(json_object_get(ex, "b"));
        json_t *em = json_object_get(ex, "m");
        if (!ea || (eb != NULL) != (em != NULL) || (em && (unsigned long)json_integer_value(em) != m)) {
            snprintf(why, whylen, "malformed exact (or m != n)");
            goto out;
        }
        ref_entry(t.a, ea);
        if (eb)
            ref_entry(t.b, eb);
        else
            mpq_set_ui(t.b, 0, 1);
        if (rq_cmp(&t, v, m) != 0) {
            snprintf(why, whylen, "exact value differs from the reference");
            goto out;
        }
    }
    ok = 1;
out:
    if (!ok) {
        char *vs = rq_str(v, m);
        size_t len = strlen(why);
        snprintf(why + len, whylen - len, " (reference %s)", vs);
        free(vs);
    }
    rq_clear(&lo);
    rq_clear(&hi);
    rq_clear(&t);
    mpq_clears(dlo, dhi, NULL);
    return ok;
}

static const char *QNAMES[5] = {"margin_at_witness", "norm_W_sq", "norm_H_sq", "bound", "slack"};

/* all five quantities; reports the first failure */
static int quantities_ok(json_t *cert, const ref_vals *v, unsigned long m, char *why, size_t whylen)
{
    const rq *vals[5] = {&v->margin, &v->nW, &v->nH, &v->bound, &v->slack};
    json_t *qs = json_object_get(cert, "quantities");
    why[0] = '\0';
    if (!json_is_object(qs) || json_object_size(qs) != 5) {
        snprintf(why, whylen, "quantities: not 5 entries");
        return 0;
    }
    for (int t = 0; t < 5; t++) {
        char w[1024];
        if (!quantity_ok(json_object_get(qs, QNAMES[t]), vals[t], m, w, sizeof w)) {
            snprintf(why, whylen, "%s: %s", QNAMES[t], w);
            return 0;
        }
    }
    return 1;
}

static const char *jstr(json_t *cert, const char *key)
{
    const char *s = json_string_value(json_object_get(cert, key));
    return s ? s : "(none)";
}

static int witness(json_t *cert, long *k, long *i, long *j)
{
    json_t *w = json_object_get(cert, "witnesses");
    json_t *jk = json_object_get(w, "k"), *ji = json_object_get(w, "i"), *jj = json_object_get(w, "j");
    if (!json_is_integer(jk) || !json_is_integer(ji) || !json_is_integer(jj) || json_object_size(w) != 3) return 0;
    *k = (long)json_integer_value(jk);
    *i = (long)json_integer_value(ji);
    *j = (long)json_integer_value(jj);
    return 1;
}

static int witness_valid(json_t *cert, const ref_inst *R, long *k, long *i, long *j)
{
    return witness(cert, k, i, j) && *k >= 0 && *k < R->K && *i >= 0 && *i < R->n && *j >= 0 && *j < R->K && *j != *k;
}

/* ================================================================ certifying */

static json_t *certify(const instance *I, const certify_options *o)
{
    json_t *cert = NULL;
    nc_error err = {0, ""};
    certify_options def;
    certify_options_default(&def);
    if (ulpm_lemma31_certify_instance(I, o ? o : &def, &cert, &err)) {
        tap_diag("certify failed: %s", err.msg);
        return NULL;
    }
    return cert;
}

static json_t *certify_json(const char *text, instance *I_out)
{
    json_error_t jerr;
    nc_error err = {0, ""};
    json_t *o = json_loads(text, 0, &jerr);
    instance I;
    if (!o || instance_from_json(&I, o, &err)) {
        tap_diag("test bug: cannot load instance: %s %s", jerr.text, err.msg);
        json_decref(o);
        return NULL;
    }
    json_decref(o);
    json_t *cert = certify(&I, NULL);
    if (I_out)
        *I_out = I;
    else
        instance_clear(&I);
    return cert;
}

/* Exact value of a hand-computed rational p/q as a reference value */
static void hand(rq *v, long p, unsigned long q)
{
    rq_set_q(v, p, q);
}

/* A known-answer test on an explicit instance: checks assertion, verdict, witness and every
 * quantity against the hand-computed values given (rationals: n = 1 or perfect squares). */
typedef struct {
    const char *name, *json, *assertion;
    long k, i, j; /* expected witness (-1: any valid minimiser) */
    long v[5][2]; /* margin, nW, nH, bound, slack as p/q */
} known_case;

static void run_known(const known_case *kc)
{
    json_t *cert = certify_json(kc->json, NULL);
    if (!tap_ok(cert != NULL, "%s: certified", kc->name)) return;
    tap_ok(!strcmp(jstr(cert, "assertion"), kc->assertion) && !strcmp(jstr(cert, "verdict"), "PROVED"),
           "%s: assertion \"%s\", verdict PROVED (got \"%s\", %s)", kc->name, kc->assertion, jstr(cert, "assertion"),
           jstr(cert, "verdict"));
    long k = -1, i = -1, j = -1;
    int w = witness(cert, &k, &i, &j);
    tap_ok(w && (kc->k < 0 || (k == kc->k && i == kc->i && j == kc->j)),
           "%s: witness (k,i,j) = (%ld,%ld,%ld) (got (%ld,%ld,%ld))", kc->name, kc->k, kc->i, kc->j, k, i, j);
    ref_vals v;
    ref_vals_init(&v);
    hand(&v.margin, kc->v[0][0], (unsigned long)kc->v[0][1]);
    hand(&v.nW, kc->v[1][0], (unsigned long)kc->v[1][1]);
    hand(&v.nH, kc->v[2][0], (unsigned long)kc->v[2][1]);
    hand(&v.bound, kc->v[3][0], (unsigned long)kc->v[3][1]);
    hand(&v.slack, kc->v[4][0], (unsigned long)kc->v[4][1]);
    json_t *inst = json_object_get(cert, "instance");
    unsigned long n = (unsigned long)json_integer_value(json_object_get(inst, "n"));
    char why[2048];
    /* the hand values against the independent reference computation on the same input */
    json_t *src = json_loads(kc->json, 0, NULL);
    ref_inst R;
    ref_explicit(&R, src);
    json_decref(src);
    ref_vals rv;
    ref_vals_init(&rv);
    int agree = w && k >= 0 && k < R.K && i >= 0 && i < R.n && j >= 0 && j < R.K && j != k;
    if (agree) {
        ref_compute(&rv, &R, k, i, j);
        agree = rq_cmp(&rv.margin, &v.margin, n) == 0 && rq_cmp(&rv.nW, &v.nW, n) == 0 &&
                rq_cmp(&rv.nH, &v.nH, n) == 0 && rq_cmp(&rv.bound, &v.bound, n) == 0 &&
                rq_cmp(&rv.slack, &v.slack, n) == 0 && rq_cmp(&rv.qmin, &v.margin, n) == 0;
    }
    tap_ok(agree, "%s: hand values = reference computation, and the witness margin is q_min", kc->name);
    ref_vals_clear(&rv);
    ref_free(&R);
    tap_ok(quantities_ok(cert, &v, n, why, sizeof why), "%s: lo/hi/decimal/exact enclose the hand values %s", kc->name,
           why);
    ref_vals_clear(&v);
    json_decref(cert);
}

static void test_known_answers(void)
{
    static const known_case cases[] = {
        /* Registry instance: W = I_2, h_0 = (1, -1/3), h_1 = (1/2, 3/4).
         * s_{0,0,1} = 1 - (-1/3) = 4/3, s_{1,0,0} = 3/4 - 1/2 = 1/4 -> witness (1,0,0), q_min 1/4.
         * ||W||^2 = 2; ||H||^2 = 1 + 1/4 + 1/9 + 9/16 = (144 + 36 + 16 + 81)/144 = 277/144.
         * bound = (2 + 277/144) / (2 * 1 * 1) = 565/288; slack = 565/288 - 72/288 = 493/288. */
        {"registry K=2 n=1 d=2",
         "{\"K\":2,\"n\":1,\"d\":2,\"W\":[[\"1\",\"0\"],[\"0\",\"1\"]],\"H\":[[\"1\",\"1/2\"],[\"-1/3\",\"0.75\"]]}",
         "q_min < bound",
         1,
         0,
         0,
         {{1, 4}, {2, 1}, {277, 144}, {565, 288}, {493, 288}}},
        /* Dyadic (tier-0 norms): w_0 = (1/2, -1), w_1 = (2, 0); h_0 = (1, 1/2), h_1 = (-1/4, 3).
         * s_{0,0,1} = (0) - (2) = -2; s_{1,0,0} = -1/2 - (-1/8 - 3) = 21/8 -> witness (0,0,1).
         * ||W||^2 = 1/4 + 1 + 4 = 21/4; ||H||^2 = 1 + 1/16 + 1/4 + 9 = 165/16;
         * bound = (84/16 + 165/16)/2 = 249/32; slack = 249/32 + 2 = 313/32. */
        {"dyadic K=2 n=1 d=2",
         "{\"K\":2,\"n\":1,\"d\":2,\"W\":[[\"0.5\",\"-1\"],[\"2\",\"0\"]],\"H\":[[\"1\",\"-0.25\"],[\"0.5\",\"3\"]]}",
         "q_min < bound",
         0,
         0,
         1,
         {{-2, 1}, {21, 4}, {165, 16}, {249, 32}, {313, 32}}},
        /* Cross K=4, n=1, d=2: w = +-e1, +-e2, H = W^T. Margins 1 - w_j.w_k in {2, 1}: q_min 1,
         * first minimiser c=0, j=2. ||W||^2 = ||H||^2 = 4, bound = 8 / (2 * 3) = 4/3, slack 1/3.
         * Not NC (inner products -1 and 0), so the inequality is strict. */
        {"cross K=4 n=1 d=2",
         "{\"K\":4,\"n\":1,\"d\":2,\"W\":[[\"1\",\"0\"],[\"-1\",\"0\"],[\"0\",\"1\"],[\"0\",\"-1\"]],"
         "\"H\":[[\"1\",\"-1\",\"0\",\"0\"],[\"0\",\"0\",\"1\",\"-1\"]]}",
         "q_min < bound",
         0,
         0,
         2,
         {{1, 1}, {4, 1}, {4, 1}, {4, 3}, {1, 3}}},
        /* NC, K=2 n=1 d=1: w = (1), (-1), h = w. Margins 1 - (-1) = 2; ||W||^2 = ||H||^2 = 2;
         * bound = 4 / 2 = 2 = q_min: equality at an NC point. */
        {"NC K=2 n=1 d=1",
         "{\"K\":2,\"n\":1,\"d\":1,\"W\":[[\"1\"],[\"-1\"]],\"H\":[[\"1\",\"-1\"]]}",
         "q_min = bound",
         -1,
         -1,
         -1,
         {{2, 1}, {2, 1}, {2, 1}, {2, 1}, {0, 1}}},
        /* NC, K=2 n=4 d=1, explicit: h_{k,i} = w_k / 2. Margins (1/2)(1 - (-1)) = 1;
         * ||W||^2 = 2, ||H||^2 = 8/4 = 2, bound = 4 / (2 * 1 * 2) = 1. */
        {"NC K=2 n=4 d=1 explicit",
         "{\"K\":2,\"n\":4,\"d\":1,\"W\":[[\"1\"],[\"-1\"]],"
         "\"H\":[[\"1/2\",\"0.5\",\"2/4\",\"+1/2\",\"-1/2\",\"-0.5\",\"-2/4\",\"-1/2\"]]}",
         "q_min = bound",
         -1,
         -1,
         -1,
         {{1, 1}, {2, 1}, {2, 1}, {1, 1}, {0, 1}}},
        /* The zero point is NC: every quantity is 0 and q_min = bound = 0. */
        {"zero K=3 n=2 d=2",
         "{\"K\":3,\"n\":2,\"d\":2,\"W\":[[\"0\",\"0\"],[\"0\",\"-0\"],[\"0/7\",\"0.000\"]],"
         "\"H\":[[\"0\",\"0\",\"0\",\"0\",\"0\",\"0\"],[\"0\",\"0\",\"0\",\"0\",\"0\",\"0\"]]}",
         "q_min = bound",
         -1,
         -1,
         -1,
         {{0, 1}, {0, 1}, {0, 1}, {0, 1}, {0, 1}}},
        /* Near-NC, explicit K=2 n=1 d=1: h_1 = -1 + 2^-30. Margins: s_{0,0,1} = 1 - (-1) = 2,
         * s_{1,0,0} = (-1 - 1)(-1 + 2^-30) = 2 - 2^-29. ||W||^2 = 2, ||H||^2 = 1 + (1 - 2^-30)^2
         * = 2 - 2^-29 + 2^-60; bound = (4 - 2^-29 + 2^-60)/2 = 2 - 2^-30 + 2^-61;
         * slack = 2 - 2^-30 + 2^-61 - 2 + 2^-29 = 2^-30 + 2^-61. With p/q over 2^61:
         * margin = (2^62 - 2^32)/2^61, ||H||^2 = (2^62 - 2^32 + 2)/2^61 ... written below as
         * integers over 2^61 (2^61 = 2305843009213693952). */
        {"near-NC K=2 n=1 d=1 (h_1 = -1 + 2^-30)",
         "{\"K\":2,\"n\":1,\"d\":1,\"W\":[[\"1\"],[\"-1\"]],\"H\":[[\"1\",\"-1073741823/1073741824\"]]}",
         "q_min < bound",
         1,
         0,
         0,
         {{4611686014132420608L, 2305843009213693952UL}, /* 2^62 - 2^32 */
          {2, 1},
          {4611686014132420610L, 2305843009213693952UL}, /* 2^62 - 2^32 + 2 */
          {4611686016279904257L, 2305843009213693952UL}, /* 2^62 - 2^31 + 1 */
          {2147483649L, 2305843009213693952UL}}},        /* 2^31 + 1 */
    };
    for (size_t t = 0; t < sizeof cases / sizeof cases[0]; t++) run_known(&cases[t]);
}

/* Huge entries (the doubles overflow to inf): B = 10^398. W = [[B, 1], [-B, 0]],
 * H = [[0, 0], [1, -1]]: h_0 = (0, 1), h_1 = (0, -1). s_{0,0,1} = 1 - 0 = 1, s_{1,0,0} = 0 + 1 = 1.
 * ||W||^2 = 2 B^2 + 1, ||H||^2 = 2, bound = (2 B^2 + 3)/2, slack = bound - 1 = (2 B^2 + 1)/2. */
static void test_huge_entries(void)
{
    char B[400], text[1200];
    memset(B, '0', 399);
    B[0] = '1';
    B[399] = '\0';
    snprintf(text, sizeof text,
             "{\"K\":2,\"n\":1,\"d\":2,\"W\":[[\"%s\",\"1\"],[\"-%s\",\"0\"]],\"H\":[[\"0\",\"0\"],[\"1\",\"-1\"]]}", B,
             B);
    json_t *cert = certify_json(text, NULL);
    if (!tap_ok(cert != NULL, "10^398 entries (doubles overflow): certified")) return;
    ref_vals v;
    ref_vals_init(&v);
    mpz_t b2;
    mpz_init(b2);
    mpz_ui_pow_ui(b2, 10, 796);
    rq_set_q(&v.margin, 1, 1);
    mpz_mul_ui(mpq_numref(v.nW.a), b2, 2);
    mpz_add_ui(mpq_numref(v.nW.a), mpq_numref(v.nW.a), 1);
    rq_set_q(&v.nH, 2, 1);
    mpz_mul_ui(mpq_numref(v.bound.a), b2, 2);
    mpz_add_ui(mpq_numref(v.bound.a), mpq_numref(v.bound.a), 3);
    mpz_set_ui(mpq_denref(v.bound.a), 2);
    mpz_mul_ui(mpq_numref(v.slack.a), b2, 2);
    mpz_add_ui(mpq_numref(v.slack.a), mpq_numref(v.slack.a), 1);
    mpz_set_ui(mpq_denref(v.slack.a), 2);
    mpz_clear(b2);
    char why[2048];
    long k, i, j;
    tap_ok(!strcmp(jstr(cert, "assertion"), "q_min < bound") && !strcmp(jstr(cert, "verdict"), "PROVED") &&
               witness(cert, &k, &i, &j) && i == 0 && ((k == 0 && j == 1) || (k == 1 && j == 0)) &&
               quantities_ok(cert, &v, 1, why, sizeof why),
           "10^398 entries: PROVED, q_min < bound, margin 1, norms 2*10^796+1 and 2 enclosed %s", why);
    ref_vals_clear(&v);
    json_decref(cert);
}

/* NC point, generated: q_min = bound = 1/sqrt(n), ||W||^2 = ||H||^2 = K - 1, slack 0:
 * ||w_k||^2 - w_j.w_k = (K-1)/K + 1/K = 1, over sqrt(n) (h = w / sqrt n); ||H||^2 =
 * nK ((K-1)/K) / n. Bound = 2(K-1) / (2(K-1) sqrt n). */
static void test_nc_equality(void)
{
    static const long dims[][3] = {{2, 1, 2}, {3, 1, 3}, {3, 2, 3}, {4, 2, 5}, {4, 3, 5}, {3, 4, 3},
                                   {3, 4, 4}, {5, 5, 5}, {2, 7, 3}, {4, 9, 4}, {6, 2, 7}, {8, 3, 8}};
    for (size_t t = 0; t < sizeof dims / sizeof dims[0]; t++) {
        long K = dims[t][0], n = dims[t][1], d = dims[t][2];
        instance I;
        nc_error err = {0, ""};
        if (instance_generate_nc(&I, K, n, d, &err)) {
            tap_ok(0, "nc/1: %s", err.msg);
            continue;
        }
        json_t *cert = certify(&I, NULL);
        instance_clear(&I);
        if (!tap_ok(cert != NULL, "nc/1 K=%ld n=%ld d=%ld certified", K, n, d)) continue;
        ref_inst R;
        ref_nc(&R, K, n, d, 0, 0, 0);
        long k = -1, i = -1, j = -1;
        int wv = witness_valid(cert, &R, &k, &i, &j);
        ref_vals v;
        ref_vals_init(&v);
        char why[2048] = "invalid witness";
        int ok = wv;
        if (wv) {
            ref_compute(&v, &R, k, i, j);
            /* the hand values: 1/sqrt(n) = 0 + (1/n) sqrt(n), K - 1, 0 */
            rq e;
            rq_init(&e);
            mpq_set_ui(e.b, 1, (unsigned long)n);
            rq km1;
            rq_init(&km1);
            rq_set_q(&km1, K - 1, 1);
            ok = rq_cmp(&v.margin, &e, (unsigned long)n) == 0 && rq_cmp(&v.bound, &e, (unsigned long)n) == 0 &&
                 rq_cmp(&v.qmin, &e, (unsigned long)n) == 0 && rq_sign(&v.slack, (unsigned long)n) == 0 &&
                 rq_cmp(&v.nW, &km1, (unsigned long)n) == 0 && rq_cmp(&v.nH, &km1, (unsigned long)n) == 0;
            rq_clear(&km1);
            if (!ok) snprintf(why, sizeof why, "reference disagrees with the hand values");
            rq_clear(&e);
            ok = ok && quantities_ok(cert, &v, (unsigned long)n, why, sizeof why);
        }
        json_t *method = json_object_get(cert, "method");
        json_t *slack = json_object_get(json_object_get(cert, "quantities"), "slack");
        tap_ok(ok && !strcmp(jstr(cert, "assertion"), "q_min = bound") && !strcmp(jstr(cert, "verdict"), "PROVED") &&
                   json_integer_value(json_object_get(method, "tier")) == 2 &&
                   !strcmp(json_string_value(json_object_get(slack, "lo")), "0x0p+0") &&
                   !strcmp(json_string_value(json_object_get(slack, "hi")), "0x0p+0") &&
                   json_object_get(slack, "exact") != NULL,
               "nc/1 K=%ld n=%ld d=%ld: q_min = bound = 1/sqrt(%ld) PROVED at tier 2, slack exactly 0, witness "
               "(%ld,%ld,%ld) %s",
               K, n, d, n, k, i, j, ok ? "" : why);
        ref_vals_clear(&v);
        ref_free(&R);
        json_decref(cert);
    }
}

/* random-dyadic/1 property test: PROVED, strict, the witness margin is the exact minimum, and
 * every quantity (bound in particular) is enclosed. */
static void test_random_property(void)
{
    int runs = 300, proved = 0, minimal = 0, enclosed = 0;
    char first_fail[2200] = "";
    for (int t = 0; t < runs; t++) {
        long K = rng_range(2, 6), n = rng_range(1, 4), d = rng_range(1, 8);
        uint64_t seed = sm_next(&rng_state);
        instance I;
        nc_error err = {0, ""};
        if (instance_generate_random_dyadic(&I, K, n, d, seed, &err)) continue;
        json_t *cert = certify(&I, NULL);
        instance_clear(&I);
        if (!cert) continue;
        ref_inst R;
        ref_random(&R, K, n, d, seed);
        long k, i, j;
        int wv = witness_valid(cert, &R, &k, &i, &j);
        proved += wv && !strcmp(jstr(cert, "assertion"), "q_min < bound") && !strcmp(jstr(cert, "verdict"), "PROVED");
        if (wv) {
            ref_vals v;
            ref_vals_init(&v);
            ref_compute(&v, &R, k, i, j);
            minimal += rq_cmp(&v.margin, &v.qmin, (unsigned long)n) == 0;
            char why[2048];
            if (quantities_ok(cert, &v, (unsigned long)n, why, sizeof why))
                enclosed++;
            else if (!first_fail[0])
                snprintf(first_fail, sizeof first_fail, "K=%ld n=%ld d=%ld seed=%" PRIu64 ": %s", K, n, d, seed, why);
            ref_vals_clear(&v);
        }
        ref_free(&R);
        json_decref(cert);
    }
    tap_ok(proved == runs, "random-dyadic/1: %d/%d PROVED with assertion \"q_min < bound\" and a valid witness", proved,
           runs);
    tap_ok(minimal == runs, "random-dyadic/1: %d/%d witness margins equal the exact q_min over all (k,i,j)", minimal,
           runs);
    tap_ok(enclosed == runs, "random-dyadic/1: %d/%d certificates enclose all five exact values (bound included) %s",
           enclosed, runs, first_fail);
}

/* nc-perturbed/1: strict and PROVED for eps = 2^-10 .. 2^-60; the witness margin is >= q_min
 * (any witness is valid for "<") and below the bound, and everything is enclosed. */
static void test_perturbed(void)
{
    static const long dims[][3] = {{2, 1, 2}, {3, 2, 3}, {4, 3, 5}, {3, 4, 3}, {5, 2, 6}};
    for (long e = -10; e >= -60; e -= 10)
        for (size_t t = 0; t < sizeof dims / sizeof dims[0]; t++) {
            long K = dims[t][0], n = dims[t][1], d = dims[t][2];
            uint64_t seed = sm_next(&rng_state);
            instance I;
            nc_error err = {0, ""};
            if (instance_generate_nc_perturbed(&I, K, n, d, seed, e, &err)) {
                tap_ok(0, "nc-perturbed/1: %s", err.msg);
                continue;
            }
            json_t *cert = certify(&I, NULL);
            instance_clear(&I);
            if (!tap_ok(cert != NULL, "nc-perturbed/1 certified")) continue;
            ref_inst R;
            ref_nc(&R, K, n, d, 1, seed, e);
            long k, i, j;
            char why[2048] = "invalid witness";
            int ok = witness_valid(cert, &R, &k, &i, &j);
            if (ok) {
                ref_vals v;
                ref_vals_init(&v);
                ref_compute(&v, &R, k, i, j);
                ok = rq_cmp(&v.margin, &v.qmin, (unsigned long)n) >= 0 && rq_sign(&v.slack, (unsigned long)n) > 0;
                if (!ok) snprintf(why, sizeof why, "reference: witness margin below q_min or not below the bound");
                ok = ok && quantities_ok(cert, &v, (unsigned long)n, why, sizeof why);
                ref_vals_clear(&v);
            }
            tap_ok(ok && !strcmp(jstr(cert, "assertion"), "q_min < bound") && !strcmp(jstr(cert, "verdict"), "PROVED"),
                   "nc-perturbed/1 K=%ld n=%ld d=%ld eps=2^%ld seed=%" PRIu64 ": strict, PROVED, enclosed %s", K, n, d,
                   e, seed, ok ? "" : why);
            ref_free(&R);
            json_decref(cert);
        }
}

/* Options: a low precision cap falls back to exact arithmetic; with exact arithmetic also
 * disabled the result is INCONCLUSIVE ("none"), and its enclosures must still be right. */
static void test_options(void)
{
    certify_options o;
    certify_options_default(&o);
    o.max_prec = 64;
    long K = 3, n = 2, d = 3, e = -60;
    uint64_t seed = 99;
    instance I;
    nc_error err = {0, ""};
    ref_inst R;
    ref_nc(&R, K, n, d, 1, seed, e);
    if (instance_generate_nc_perturbed(&I, K, n, d, seed, e, &err) == 0) {
        json_t *cert = certify(&I, &o);
        long k, i, j;
        char why[2048] = "no certificate";
        int ok = cert && witness_valid(cert, &R, &k, &i, &j);
        if (ok) {
            ref_vals v;
            ref_vals_init(&v);
            ref_compute(&v, &R, k, i, j);
            ok = rq_cmp(&v.margin, &v.qmin, (unsigned long)n) == 0 &&
                 quantities_ok(cert, &v, (unsigned long)n, why, sizeof why);
            ref_vals_clear(&v);
        }
        tap_ok(ok && !strcmp(jstr(cert, "verdict"), "PROVED") && !strcmp(jstr(cert, "assertion"), "q_min < bound") &&
                   json_integer_value(json_object_get(json_object_get(cert, "method"), "tier")) == 2,
               "max_prec 64, eps 2^-60: PROVED at tier 2 with the exact minimiser as witness %s", ok ? "" : why);
        json_decref(cert);

        o.exact_work_limit = 0;
        cert = certify(&I, &o);
        ok = cert && witness_valid(cert, &R, &k, &i, &j);
        strcpy(why, "no certificate or bad witness");
        if (ok) {
            ref_vals v;
            ref_vals_init(&v);
            ref_compute(&v, &R, k, i, j);
            ok = quantities_ok(cert, &v, (unsigned long)n, why, sizeof why);
            ref_vals_clear(&v);
        }
        tap_ok(ok && !strcmp(jstr(cert, "verdict"), "INCONCLUSIVE") && !strcmp(jstr(cert, "assertion"), "none"),
               "max_prec 64 and no exact tier, eps 2^-60: INCONCLUSIVE, assertion \"none\", enclosures still right %s",
               ok ? "" : why);
        json_decref(cert);
        instance_clear(&I);
    } else
        tap_ok(0, "nc-perturbed/1: %s", err.msg);
    ref_free(&R);

    /* nc/1 skips Arb and goes to the exact tier; without it the certificate is INCONCLUSIVE,
     * but its five enclosures must still contain the exact values (specs/certificate.md:
     * lo <= exact value <= hi is required of every enclosure). nccert certify --nc --K 600 --n 1
     * --d 600 (K*K*n*d = 2.16e8 > 2e8) hits the same path from the command line. */
    certify_options_default(&o);
    o.exact_work_limit = 0;
    if (instance_generate_nc(&I, 3, 4, 3, &err) == 0) {
        json_t *cert = certify(&I, &o);
        ref_nc(&R, 3, 4, 3, 0, 0, 0);
        long k, i, j;
        char why[2048] = "no certificate or bad witness";
        int ok = cert && witness_valid(cert, &R, &k, &i, &j);
        if (ok) {
            ref_vals v;
            ref_vals_init(&v);
            ref_compute(&v, &R, k, i, j);
            ok = quantities_ok(cert, &v, 4, why, sizeof why);
            ref_vals_clear(&v);
        }
        tap_ok(cert && !strcmp(jstr(cert, "verdict"), "INCONCLUSIVE") && !strcmp(jstr(cert, "assertion"), "none"),
               "nc/1 K=3 n=4 d=3 without the exact tier: INCONCLUSIVE, assertion \"none\"");
        tap_ok(ok, "nc/1 without the exact tier: enclosures contain the exact values %s", ok ? "" : why);
        ref_free(&R);
        json_decref(cert);
        instance_clear(&I);
    } else
        tap_ok(0, "nc/1: %s", err.msg);
}

/* The serialised certificate: keys in the order of specs/certificate.md, 2-space indentation,
 * final newline, explicit entries re-emitted verbatim, format/claim strings. */
static void test_serialisation(void)
{
    instance I;
    json_t *cert = certify_json(
        "{\"K\":2,\"n\":1,\"d\":2,\"W\":[[\"1\",\"0\"],[\"0\",\"1\"]],\"H\":[[\"1\",\"6/12\"],[\"-1/3\",\"+0.75\"]]}",
        &I);
    if (!tap_ok(cert != NULL, "serialisation: certified")) return;
    instance_clear(&I);
    char *s = cert_dumps(cert);
    static const char *const keys[] = {"format",    "claim",     "source",     "instance", "method",
                                       "assertion", "witnesses", "quantities", "verdict"};
    const char *prev = s;
    int ok = s != NULL && s[0] == '{' && s[1] == '\n';
    for (size_t t = 0; ok && t < 9; t++) {
        char pat[40];
        snprintf(pat, sizeof pat, "\n  \"%s\": ", keys[t]);
        const char *p = strstr(s, pat);
        ok = p != NULL && p >= prev;
        prev = p;
    }
    size_t len = s ? strlen(s) : 0;
    tap_ok(ok && len > 2 && s[len - 1] == '\n' && s[len - 2] == '}',
           "certificate text: top-level keys in spec order, 2-space indent, final newline");
    tap_ok(!strcmp(jstr(cert, "format"), "nccert-certificate/1") && !strcmp(jstr(cert, "claim"), "ulpm.lemma-3.1") &&
               json_object_size(cert) == 9,
           "format \"nccert-certificate/1\", claim \"ulpm.lemma-3.1\", exactly 9 top-level keys");
    json_t *H = json_object_get(json_object_get(cert, "instance"), "H");
    tap_ok(!strcmp(json_string_value(json_array_get(json_array_get(H, 0), 1)), "6/12") &&
               !strcmp(json_string_value(json_array_get(json_array_get(H, 1), 1)), "+0.75"),
           "explicit entries re-emitted verbatim (\"6/12\", \"+0.75\")");
    /* same input, same bytes */
    json_t *cert2 = certify_json(
        "{\"K\":2,\"n\":1,\"d\":2,\"W\":[[\"1\",\"0\"],[\"0\",\"1\"]],\"H\":[[\"1\",\"6/12\"],[\"-1/3\",\"+0.75\"]]}",
        NULL);
    char *s2 = cert2 ? cert_dumps(cert2) : NULL;
    tap_ok(s && s2 && !strcmp(s, s2), "certifying twice gives the same bytes");
    free(s);
    free(s2);
    json_decref(cert);
    json_decref(cert2);
}

int main(void)
{
    uint64_t seed = test_seed();
    tap_diag("NCCERT_TEST_SEED=%" PRIu64, seed);
    rng_state = seed;
    test_known_answers();
    test_huge_entries();
    test_nc_equality();
    test_random_property();
    test_perturbed();
    test_options();
    test_serialisation();
    flint_cleanup();
    return tap_done();
}
