/* ulpm_theorem34_point.c: the exact point of ulpm.theorem-3.4: parsing (the claim's own kind
 * ulpm-pairing/1 and the generic rational ulpm instances), exact orbit and tangent vectors. */
#include <stdlib.h>
#include <string.h>
#include <flint/fmpq_vec.h>
#include "claims/ulpm/ulpm_theorem34.h"
#include "instance/instance_exact.h"
#include "instance/entry_parse.h"
#include "instance/instance.h"

#define T34_PAIRING_MAX_K 128

static void point_alloc(ulpm_t34_point *P, long K, long n, long d)
{
    P->K = K, P->n = n, P->d = d, P->N = n * K;
    P->D = K * d + d * P->N;
    P->W = _fmpq_vec_init(K * d);
    P->H = _fmpq_vec_init(d * P->N);
    P->Wd = calloc((size_t)(K * d), sizeof(double));
    P->Hd = calloc((size_t)(d * P->N), sizeof(double));
}

static void point_doubles(ulpm_t34_point *P)
{
    for (long t = 0; t < P->K * P->d; t++) P->Wd[t] = fmpq_get_d(P->W + t);
    for (long t = 0; t < P->d * P->N; t++) P->Hd[t] = fmpq_get_d(P->H + t);
}

/* W = H = C * blockdiag([[1,-1],[-1,1]] x K/2) (seed 001 eq. (7) for K = 4). */
static int point_pairing(ulpm_t34_point *P, json_t *obj, nc_error *err)
{
    static const char *const keys[] = {"kind", "K", "C", NULL};
    const char *key;
    json_t *val;
    json_object_foreach(obj, key, val)
    {
        int ok = 0;
        for (int t = 0; keys[t]; t++) ok |= strcmp(key, keys[t]) == 0;
        if (!ok)
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "ulpm-pairing/1: unknown key \"%.40s\" (keys: kind, K, C)",
                                key);
    }
    json_t *jK = json_object_get(obj, "K"), *jC = json_object_get(obj, "C");
    if (!json_is_integer(jK) || !json_is_string(jC))
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "ulpm-pairing/1: needs \"K\" (integer) and \"C\" (rational string)");
    json_int_t K = json_integer_value(jK);
    if (K < 4 || K > T34_PAIRING_MAX_K || K % 2)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "ulpm-pairing/1: K must be even, 4 <= K <= %d (got %lld)",
                            T34_PAIRING_MAX_K, (long long)K);
    fmpq_t C;
    fmpq_init(C);
    if (entry_parse_fmpq(C, json_string_value(jC)) || fmpq_sgn(C) <= 0) {
        fmpq_clear(C);
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "ulpm-pairing/1: C must be a positive exact number (\"1/2\", \"2\", \"0.75\")");
    }
    point_alloc(P, (long)K, 1, (long)K);
    for (long k = 0; k < K; k++)
        for (long l = 0; l < K; l++) {
            int same = k / 2 == l / 2;
            if (!same) continue;
            fmpq_set(P->W + k * K + l, C);
            if (k != l) fmpq_neg(P->W + k * K + l, C);
            fmpq_set(P->H + l * K + k, P->W + k * K + l); /* H = W (symmetric) */
        }
    fmpq_clear(C);
    P->pairing = 1;
    P->json = json_deep_copy(obj);
    point_doubles(P);
    return 0;
}

/* q = a + b sqrt(n) with r = sqrt(n) an integer (r > 0); returns 1 when irrational. */
static int entry_rational(fmpq *q, const qsqrt_t x, long r)
{
    if (fmpq_is_zero(x->b)) {
        fmpq_set(q, x->a);
        return 0;
    }
    if (r == 0) return 1;
    fmpq_mul_si(q, x->b, r);
    fmpq_add(q, q, x->a);
    return 0;
}

int ulpm_t34_point_from_json(ulpm_t34_point *P, json_t *obj, nc_error *err)
{
    memset(P, 0, sizeof *P);
    if (!json_is_object(obj)) return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: not a JSON object");
    json_t *kind = json_object_get(obj, "kind");
    if (json_is_string(kind) && strcmp(json_string_value(kind), "ulpm-pairing/1") == 0)
        return point_pairing(P, obj, err);
    instance I;
    if (instance_from_json(&I, obj, err)) return err->status;
    if (I.K * I.d + I.d * I.n * I.K > 20000) {
        instance_clear(&I);
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "ulpm.theorem-3.4: generic instances are limited to "
                            "K d + d n K <= 20000 entries");
    }
    point_alloc(P, I.K, I.n, I.d);
    qsqrt_t x;
    qsqrt_init(x);
    long r = 0; /* sqrt(n) when n is a perfect square, else 0 */
    while ((r + 1) * (r + 1) <= I.n) r++;
    if (r * r != I.n) r = 0;
    int irrational = 0;
    for (long k = 0; k < I.K; k++)
        for (long l = 0; l < I.d; l++) {
            instance_exact_entry_W(x, &I, k, l);
            irrational |= entry_rational(P->W + k * I.d + l, x, r);
        }
    for (long c = 0; c < P->N; c++)
        for (long l = 0; l < I.d; l++) {
            instance_exact_entry_H(x, &I, c, l);
            irrational |= entry_rational(P->H + l * P->N + c, x, r);
        }
    qsqrt_clear(x);
    P->json = instance_to_json(&I);
    P->is_nc = instance_exact_is_nc(&I);
    instance_clear(&I);
    if (irrational) {
        ulpm_t34_point_clear(P);
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "ulpm.theorem-3.4: the instance has irrational entries "
                            "(a + b sqrt(n), b != 0); use rational entries (nc/1 with n a perfect square)");
    }
    point_doubles(P);
    return 0;
}

void ulpm_t34_point_clear(ulpm_t34_point *P)
{
    if (P->W) _fmpq_vec_clear(P->W, P->K * P->d);
    if (P->H) _fmpq_vec_clear(P->H, P->d * P->N);
    free(P->Wd);
    free(P->Hd);
    if (P->json) json_decref(P->json);
    memset(P, 0, sizeof *P);
}

/* x_i: entry i of x = (W, H) in the vector layout. */
static const fmpq *x_entry(const ulpm_t34_point *P, long i)
{
    long nw = P->K * P->d;
    return i < nw ? P->W + i : P->H + (i - nw);
}

static int is_pow2(const fmpz_t a)
{
    return fmpz_sgn(a) > 0 && (mp_limb_t)fmpz_val2(a) + 1 == fmpz_bits(a);
}

void ulpm_t34_make_tangent(fmpq *v, const ulpm_t34_point *P)
{
    long i0 = -1, i2 = -1;
    fmpq_t dot, t, best, best2;
    fmpq_init(dot), fmpq_init(t), fmpq_init(best), fmpq_init(best2);
    for (long i = 0; i < P->D; i++) {
        const fmpq *xi = x_entry(P, i);
        if (fmpq_is_zero(xi)) continue;
        fmpq_addmul(dot, xi, v + i);
        fmpq_abs(t, xi);
        int pow2 = is_pow2(fmpq_numref(t)) && is_pow2(fmpq_denref(t));
        if (pow2 && (i2 < 0 || fmpq_cmp(t, best2) > 0)) {
            fmpq_set(best2, t);
            i2 = i;
        }
        if (i0 < 0 || fmpq_cmp(t, best) > 0) {
            fmpq_set(best, t);
            i0 = i;
        }
    }
    if (i2 >= 0) i0 = i2; /* dividing by a power of two keeps dyadic witnesses dyadic */
    if (i0 >= 0 && !fmpq_is_zero(dot)) {
        fmpq_div(t, dot, x_entry(P, i0));
        fmpq_sub(v + i0, v + i0, t);
    }
    fmpq_clear(dot), fmpq_clear(t), fmpq_clear(best), fmpq_clear(best2);
}

void ulpm_t34_orbit_vec(fmpq *out, const ulpm_t34_point *P, long i, long j)
{
    long K = P->K, d = P->d, N = P->N;
    ulpm_t34_qvec_zero(out, P->D);
    /* (W X)[k][l] = W[k][i] [l == j] - W[k][j] [l == i] */
    for (long k = 0; k < K; k++) {
        fmpq_set(out + k * d + j, P->W + k * d + i);
        fmpq_neg(out + k * d + i, P->W + k * d + j);
    }
    /* -(X H)[l][c] = -(H[j][c] [l == i] - H[i][c] [l == j]) */
    fmpq *oh = out + K * d;
    for (long c = 0; c < N; c++) {
        fmpq_neg(oh + i * N + c, P->H + j * N + c);
        fmpq_set(oh + j * N + c, P->H + i * N + c);
    }
}

void ulpm_t34_margin_min(fmpq_t out, const ulpm_t34_point *P)
{
    long K = P->K, d = P->d, N = P->N;
    fmpq *z = _fmpq_vec_init(K);
    fmpq_t m;
    fmpq_init(m);
    int first = 1;
    for (long c = 0; c < N; c++) {
        long k = c / P->n;
        for (long j = 0; j < K; j++) {
            fmpq_zero(z + j);
            for (long l = 0; l < d; l++) fmpq_addmul(z + j, P->W + j * d + l, P->H + l * N + c);
        }
        for (long j = 0; j < K; j++) {
            if (j == k) continue;
            fmpq_sub(m, z + k, z + j);
            if (first || fmpq_cmp(m, out) < 0) fmpq_set(out, m);
            first = 0;
        }
    }
    fmpq_clear(m);
    _fmpq_vec_clear(z, K);
}
