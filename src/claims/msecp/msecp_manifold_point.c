/* msecp_manifold_point.c: owns the msecp-point/1 generator and the exact manifold operations
 * of msecp_manifold_point.h. */
#include <string.h>
#include <errno.h>
#include <stdlib.h>
#include "claims/msecp/msecp_manifold_point.h"
#include "instance/splitmix64.h"

static const char *const BASE_KEYS[] = {"kind", "part", "C", "N", "seed", "between", NULL};

static int key_in(const char *k, const char *const *keys)
{
    for (; keys && *keys; keys++)
        if (strcmp(k, *keys) == 0) return 1;
    return 0;
}

static long isqrt_l(long v)
{
    long r = 0;
    while ((r + 1) * (r + 1) <= v) r++;
    return r;
}

/* C = a^2 + b^2 with a >= b >= 0, the largest a; 0 if none. */
static int two_squares(long C, long *a, long *b)
{
    for (long x = isqrt_l(C); x >= 0; x--) {
        long r = C - x * x, y = isqrt_l(r);
        if (y * y == r && y <= x) {
            *a = x;
            *b = y;
            return 1;
        }
    }
    return 0;
}

static void fmpq_div_slong(fmpq_t r, const fmpq_t a, long d)
{
    fmpz_t z;
    fmpz_init_set_si(z, d);
    fmpq_div_fmpz(r, a, z);
    fmpz_clear(z);
}

static void dyadic8(fmpq_t q, uint64_t *s)
{
    fmpq_set_si(q, (long)(splitmix64_next(s) >> 59) - 16, 8);
}

/* rows r, r+1 of W <- Givens rotation by a Pythagorean triple drawn from s */
static void rotate(fmpq_mat_t W, long r, uint64_t *s)
{
    static const long T[3][3] = {{3, 4, 5}, {5, 12, 13}, {8, 15, 17}};
    uint64_t x = splitmix64_next(s);
    const long *t = T[x % 3];
    fmpq_t c, sn, u, v, w;
    fmpq_init(c), fmpq_init(sn), fmpq_init(u), fmpq_init(v), fmpq_init(w);
    fmpq_set_si(c, t[0], (ulong)t[2]);
    fmpq_set_si(sn, ((x >> 8) & 1) ? -t[1] : t[1], (ulong)t[2]);
    for (long k = 0; k < W->c; k++) {
        fmpq *p = fmpq_mat_entry(W, r, k), *q = fmpq_mat_entry(W, r + 1, k);
        fmpq_mul(u, c, p), fmpq_mul(w, sn, q), fmpq_sub(u, u, w); /* c p - s q */
        fmpq_mul(v, sn, p), fmpq_mul(w, c, q), fmpq_add(v, v, w); /* s p + c q */
        fmpq_set(p, u), fmpq_set(q, v);
    }
    fmpq_clear(c), fmpq_clear(sn), fmpq_clear(u), fmpq_clear(v), fmpq_clear(w);
}

static void generate(msecp_point *P, long a, long b)
{
    long C = P->C, N = P->N;
    uint64_t s = P->seed;
    fmpq_mat_t W;
    fmpq_mat_init(W, C, P->n);
    if (N == 4) {
        for (long c = 0; c < C; c++) {
            long v[4] = {a + b, a - b, b - a, -a - b};
            for (int i = 0; i < 4; i++) fmpq_set_si(fmpq_mat_entry(W, c, 4 * c + i), v[i], 1);
        }
    } else { /* N == 2, C even: classes 2k, 2k+1 share columns 4k..4k+3 */
        for (long k = 0; 2 * k < C; k++) {
            long v0[4] = {a, -a, b, -b}, v1[4] = {b, -b, -a, a};
            for (int i = 0; i < 4; i++) {
                fmpq_set_si(fmpq_mat_entry(W, 2 * k, 4 * k + i), v0[i], 1);
                fmpq_set_si(fmpq_mat_entry(W, 2 * k + 1, 4 * k + i), v1[i], 1);
            }
        }
    }
    for (long r = 0; r + 1 < C; r += 2) rotate(W, r, &s);
    for (long r = 1; r + 1 < C; r += 2) rotate(W, r, &s);
    fmpq_mat_zero(P->M);
    if (P->between == MSECP_BETWEEN_GENERIC) {
        fmpq_t m, t;
        fmpq_init(m), fmpq_init(t);
        for (long r = 0; r < C; r++) {
            fmpq_zero(m);
            for (long c = 0; c < C; c++) {
                dyadic8(fmpq_mat_entry(P->M, r, c), &s);
                fmpq_add(m, m, fmpq_mat_entry(P->M, r, c));
            }
            fmpq_div_slong(m, m, C);
            for (long c = 0; c < C; c++) fmpq_sub(fmpq_mat_entry(P->M, r, c), fmpq_mat_entry(P->M, r, c), m);
        }
        fmpq_clear(m), fmpq_clear(t);
    } else if (P->between == MSECP_BETWEEN_ALIGNED) {
        for (long j = 0; j + 1 < C; j++)
            fmpq_set_si(fmpq_mat_entry(P->M, j, j), 8 + (long)(splitmix64_next(&s) >> 60), 8);
    }
    for (long r = 0; r < C; r++)
        for (long k = 0; k < P->n; k++)
            fmpq_add(fmpq_mat_entry(P->X, r, k), fmpq_mat_entry(W, r, k), fmpq_mat_entry(P->M, r, k / N));
    for (long r = 0; r < C; r++)
        for (long k = 0; k < P->n; k++) dyadic8(fmpq_mat_entry(P->Z, r, k), &s);
    P->rng = s;
    fmpq_mat_clear(W);
}

static int get_long(json_t *j, const char *k, long lo, long hi, long *v, nc_error *err)
{
    json_t *x = json_object_get(j, k);
    if (!json_is_integer(x) || json_integer_value(x) < lo || json_integer_value(x) > hi)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp-point/1: \"%s\" must be an integer in [%ld, %ld]", k, lo,
                            hi);
    *v = (long)json_integer_value(x);
    return 0;
}

int msecp_point_from_json(msecp_point *P, json_t *j, const char *const *extra_keys, nc_error *err)
{
    const char *kind = json_string_value(json_object_get(j, "kind"));
    if (!json_is_object(j) || !kind || strcmp(kind, "msecp-point/1") != 0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp instance: kind must be \"msecp-point/1\"");
    const char *key;
    json_t *v;
    json_object_foreach(j, key, v)
    {
        if (!key_in(key, BASE_KEYS) && !key_in(key, extra_keys))
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp-point/1: unknown key \"%s\"", key);
    }
    long C, N, a = 0, b = 0;
    if (get_long(j, "C", 2, 60, &C, err) || get_long(j, "N", 2, 4, &N, err)) return err->status;
    if (N == 3) return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp-point/1: N must be 2 or 4");
    if (N == 2 && C % 2) return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp-point/1: N = 2 needs C even");
    if (!two_squares(C, &a, &b))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp-point/1: C must be a sum of two squares (C = %ld is not)",
                            C);
    const char *sd = json_string_value(json_object_get(j, "seed"));
    if (!sd || !*sd || strlen(sd) > 20 || strspn(sd, "0123456789") != strlen(sd))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp-point/1: \"seed\" must be a decimal string");
    errno = 0;
    unsigned long long seed = strtoull(sd, NULL, 10);
    if (errno) return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp-point/1: \"seed\" out of range");
    const char *bw = json_string_value(json_object_get(j, "between"));
    int between;
    if (bw && strcmp(bw, "none") == 0)
        between = MSECP_BETWEEN_NONE;
    else if (bw && strcmp(bw, "generic") == 0)
        between = MSECP_BETWEEN_GENERIC;
    else if (bw && strcmp(bw, "aligned") == 0)
        between = MSECP_BETWEEN_ALIGNED;
    else
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "msecp-point/1: \"between\" must be \"none\", \"generic\" or \"aligned\"");
    P->C = C, P->N = N, P->n = C * N, P->seed = (uint64_t)seed, P->between = between;
    fmpq_mat_init(P->M, C, C), fmpq_mat_init(P->X, C, P->n), fmpq_mat_init(P->Z, C, P->n);
    generate(P, a, b);
    P->json = json_incref(j);
    return 0;
}

void msecp_point_clear(msecp_point *P)
{
    fmpq_mat_clear(P->M), fmpq_mat_clear(P->X), fmpq_mat_clear(P->Z);
    json_decref(P->json);
}

void msecp_point_center(fmpq_mat_t out, const fmpq_mat_t A, long C, long N)
{
    fmpq_t m;
    fmpq_init(m);
    for (long r = 0; r < A->r; r++)
        for (long c = 0; c < C; c++) {
            fmpq_zero(m);
            for (long i = 0; i < N; i++) fmpq_add(m, m, fmpq_mat_entry(A, r, c * N + i));
            fmpq_div_slong(m, m, N);
            for (long i = 0; i < N; i++) {
                fmpq *o = fmpq_mat_entry(out, r, c * N + i);
                fmpq_sub(o, fmpq_mat_entry(A, r, c * N + i), m);
                fmpq_div_slong(o, o, C * N);
            }
        }
    fmpq_clear(m);
}

void msecp_point_dF(fmpq_mat_t S, const fmpq_mat_t X, const fmpq_mat_t Z, long C, long N)
{
    fmpq_mat_t XC, Zt, T;
    fmpq_mat_init(XC, X->r, X->c), fmpq_mat_init(Zt, Z->c, Z->r), fmpq_mat_init(T, X->r, X->r);
    msecp_point_center(XC, X, C, N);
    fmpq_mat_transpose(Zt, Z);
    fmpq_mat_mul(S, XC, Zt);  /* X C Z^T */
    fmpq_mat_transpose(T, S); /* Z C X^T */
    fmpq_mat_add(S, S, T);
    fmpq_mat_clear(XC), fmpq_mat_clear(Zt), fmpq_mat_clear(T);
}

/* out = Z - (1/2) dF_X(Z) B */
static void minus_half_S_times(fmpq_mat_t out, const fmpq_mat_t X, const fmpq_mat_t Z, const fmpq_mat_t B, long C,
                               long N)
{
    fmpq_mat_t S, SB;
    fmpz_t two;
    fmpz_init_set_ui(two, 2);
    fmpq_mat_init(S, X->r, X->r), fmpq_mat_init(SB, B->r, B->c);
    msecp_point_dF(S, X, Z, C, N);
    fmpq_mat_mul(SB, S, B);
    fmpq_mat_scalar_div_fmpz(SB, SB, two);
    fmpq_mat_sub(out, Z, SB);
    fmpq_mat_clear(S), fmpq_mat_clear(SB);
    fmpz_clear(two);
}

void msecp_point_pi(fmpq_mat_t out, const fmpq_mat_t X, const fmpq_mat_t Z, long C, long N)
{
    minus_half_S_times(out, X, Z, X, C, N);
}

void msecp_point_orth(fmpq_mat_t out, const fmpq_mat_t X, const fmpq_mat_t Z, long C, long N)
{
    fmpq_mat_t XP; /* X P_w = CN X C: the within-class part of X */
    fmpz_t cn;
    fmpz_init_set_si(cn, C * N);
    fmpq_mat_init(XP, X->r, X->c);
    msecp_point_center(XP, X, C, N);
    fmpq_mat_scalar_mul_fmpz(XP, XP, cn);
    minus_half_S_times(out, X, Z, XP, C, N);
    fmpq_mat_clear(XP);
    fmpz_clear(cn);
}

void msecp_point_membership_gap(fmpq_t out, const fmpq_mat_t X, long C, long N)
{
    fmpq_mat_t S;
    fmpq_mat_init(S, X->r, X->r);
    msecp_point_dF(S, X, X, C, N); /* 2 X C X^T */
    for (long r = 0; r < X->r; r++) fmpq_sub_si(fmpq_mat_entry(S, r, r), fmpq_mat_entry(S, r, r), 2);
    exact_mat_inner(out, S, S);
    fmpq_div_2exp(out, out, 2);
    fmpq_mat_clear(S);
}
