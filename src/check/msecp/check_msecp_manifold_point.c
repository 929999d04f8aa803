/* check_msecp_manifold_point.c: owns nccheck's msecp-point/1 generator and its exact
 * manifold operations (check_msecp_manifold_point.h); written from the spec, not from
 * nccert's code. */
#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include <stdint.h>
#include "msecp/check_msecp_manifold_point.h"
#include "check_alloc.h"
#include "check_limits.h"

static uint64_t sm_next(uint64_t *s)
{
    uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static void dy8(mpq_t q, uint64_t *s)
{
    mpq_set_si(q, (long)(sm_next(s) >> 59) - 16, 8);
    mpq_canonicalize(q);
}

static void givens(ckm *W, long r, uint64_t *s)
{
    static const long T[3][3] = {{3, 4, 5}, {5, 12, 13}, {8, 15, 17}};
    uint64_t x = sm_next(s);
    const long *t = T[x % 3];
    mpq_t c, sn, u, v, w;
    mpq_inits(c, sn, u, v, w, NULL);
    mpq_set_si(c, t[0], (unsigned long)t[2]);
    mpq_set_si(sn, ((x >> 8) & 1) ? -t[1] : t[1], (unsigned long)t[2]);
    for (long k = 0; k < W->c; k++) {
        mpq_ptr p = CKM(W, r, k), q = CKM(W, r + 1, k);
        mpq_mul(u, c, p), mpq_mul(w, sn, q), mpq_sub(u, u, w);
        mpq_mul(v, sn, p), mpq_mul(w, c, q), mpq_add(v, v, w);
        mpq_set(p, u), mpq_set(q, v);
    }
    mpq_clears(c, sn, u, v, w, NULL);
}

static void gen(ck_msecp_mp_point *P, uint64_t s, long a, long b)
{
    long C = P->C, N = P->N;
    ckm *W = ck_msecp_mat_new(C, P->n);
    for (long r = 0; r < C; r++) {
        long v[4];
        long col0;
        if (N == 4) {
            v[0] = a + b, v[1] = a - b, v[2] = b - a, v[3] = -a - b;
            col0 = 4 * r;
        } else if (r % 2 == 0) {
            v[0] = a, v[1] = -a, v[2] = b, v[3] = -b;
            col0 = 2 * r;
        } else {
            v[0] = b, v[1] = -b, v[2] = -a, v[3] = a;
            col0 = 2 * (r - 1);
        }
        for (int i = 0; i < 4; i++) mpq_set_si(CKM(W, r, col0 + i), v[i], 1);
    }
    for (long r = 0; r + 1 < C; r += 2) givens(W, r, &s);
    for (long r = 1; r + 1 < C; r += 2) givens(W, r, &s);
    if (P->between == 1) {
        mpq_t m, cq;
        mpq_inits(m, cq, NULL);
        mpq_set_si(cq, C, 1);
        for (long r = 0; r < C; r++) {
            mpq_set_ui(m, 0, 1);
            for (long c = 0; c < C; c++) dy8(CKM(P->M, r, c), &s), mpq_add(m, m, CKM(P->M, r, c));
            mpq_div(m, m, cq);
            for (long c = 0; c < C; c++) mpq_sub(CKM(P->M, r, c), CKM(P->M, r, c), m);
        }
        mpq_clears(m, cq, NULL);
    } else if (P->between == 2) {
        for (long j = 0; j + 1 < C; j++) {
            mpq_set_si(CKM(P->M, j, j), 8 + (long)(sm_next(&s) >> 60), 8);
            mpq_canonicalize(CKM(P->M, j, j));
        }
    }
    for (long r = 0; r < C; r++)
        for (long k = 0; k < P->n; k++) mpq_add(CKM(P->X, r, k), CKM(W, r, k), CKM(P->M, r, k / N));
    for (long r = 0; r < C; r++)
        for (long k = 0; k < P->n; k++) dy8(CKM(P->Z, r, k), &s);
    P->rng = s;
    ck_msecp_mat_free(W);
}

int ck_msecp_mp_parse(const json_t *j, const char *const *extra, ck_msecp_mp_point *P, ck_err *e)
{
    static const char *const REQ[] = {"kind", "part", "C", "N", "seed", "between", NULL};
    P->M = P->X = P->Z = NULL;
    if (!json_is_object(j)) {
        ck_fail(e, CK_MALFORMED, "instance: not an object");
        return -1;
    }
    if (ck_keys(j, "instance", REQ, extra, e)) return -1;
    const char *kind = ck_get_str(j, "instance", "kind", e), *sd = ck_get_str(j, "instance", "seed", e),
               *bw = ck_get_str(j, "instance", "between", e);
    long long C, N;
    if (!kind || !sd || !bw || ck_get_int(j, "instance", "C", &C, e) || ck_get_int(j, "instance", "N", &N, e))
        return -1;
    if (strcmp(kind, "msecp-point/1") != 0) {
        ck_fail(e, CK_MALFORMED, "instance.kind: not msecp-point/1");
        return -1;
    }
    if (C < 2 || C > 60 || !(N == 2 || N == 4) || (N == 2 && C % 2)) {
        ck_fail(e, CK_MALFORMED, "instance: C in [2, 60], N in {2, 4}, C even when N = 2");
        return -1;
    }
    long a = -1, b = 0;
    for (long x = 0; x * x <= C; x++)
        for (long y = 0; y <= x; y++)
            if (x * x + y * y == C) a = x, b = y; /* the largest x wins */
    if (a < 0) {
        ck_fail(e, CK_MALFORMED, "instance.C: not a sum of two squares");
        return -1;
    }
    /* limits of msecp-point/1 (msecp.manifold, msecp.dynamics): exact C N x C N matrices and their
     * products ((CN)^3) */
    const double cn = (double)C * (double)N;
    if (ck_limit_check(e, 16 * cn * cn * ck_mpq_bytes(256), 16 * cn * cn * cn,
                       "the msecp-point/1 check (C=%lld N=%lld)", C, N))
        return -1;
    if (!*sd || strlen(sd) > 20 || strspn(sd, "0123456789") != strlen(sd)) {
        ck_fail(e, CK_MALFORMED, "instance.seed: not a decimal string");
        return -1;
    }
    errno = 0;
    unsigned long long seed = strtoull(sd, NULL, 10);
    if (errno) {
        ck_fail(e, CK_MALFORMED, "instance.seed: out of range");
        return -1;
    }
    if (strcmp(bw, "none") == 0)
        P->between = 0;
    else if (strcmp(bw, "generic") == 0)
        P->between = 1;
    else if (strcmp(bw, "aligned") == 0)
        P->between = 2;
    else {
        ck_fail(e, CK_MALFORMED, "instance.between: unknown");
        return -1;
    }
    P->C = (long)C, P->N = (long)N, P->n = (long)(C * N);
    P->M = ck_msecp_mat_new(P->C, P->C), P->X = ck_msecp_mat_new(P->C, P->n), P->Z = ck_msecp_mat_new(P->C, P->n);
    gen(P, (uint64_t)seed, a, b);
    return 0;
}

void ck_msecp_mp_free(ck_msecp_mp_point *P)
{
    ck_msecp_mat_free(P->M), ck_msecp_mat_free(P->X), ck_msecp_mat_free(P->Z);
    P->M = P->X = P->Z = NULL;
}

ckm *ck_msecp_mp_center(const ckm *A, long C, long N)
{
    ckm *o = ck_msecp_mat_new(A->r, A->c);
    mpq_t m, q;
    mpq_inits(m, q, NULL);
    for (long r = 0; r < A->r; r++)
        for (long c = 0; c < C; c++) {
            mpq_set_ui(m, 0, 1);
            for (long i = 0; i < N; i++) mpq_add(m, m, CKM(A, r, c * N + i));
            mpq_set_si(q, N, 1);
            mpq_div(m, m, q);
            mpq_set_si(q, C * N, 1);
            for (long i = 0; i < N; i++) {
                mpq_sub(CKM(o, r, c * N + i), CKM(A, r, c * N + i), m);
                mpq_div(CKM(o, r, c * N + i), CKM(o, r, c * N + i), q);
            }
        }
    mpq_clears(m, q, NULL);
    return o;
}

ckm *ck_msecp_mp_dF(const ckm *X, const ckm *Z, long C, long N)
{
    ckm *XC = ck_msecp_mp_center(X, C, N), *Zt = ck_msecp_mat_tr(Z), *S = ck_msecp_mat_mul(XC, Zt),
        *St = ck_msecp_mat_tr(S), *o = ck_msecp_mat_lin(S, 1, St, 1);
    ck_msecp_mat_free(XC), ck_msecp_mat_free(Zt), ck_msecp_mat_free(S), ck_msecp_mat_free(St);
    return o;
}

static ckm *z_minus_half_s(const ckm *X, const ckm *Z, const ckm *B, long C, long N)
{
    ckm *S = ck_msecp_mp_dF(X, Z, C, N), *SB = ck_msecp_mat_mul(S, B);
    mpq_t h;
    mpq_init(h);
    mpq_set_si(h, 1, 2);
    ck_msecp_mat_scale(SB, h);
    ckm *o = ck_msecp_mat_lin(Z, 1, SB, -1);
    mpq_clear(h);
    ck_msecp_mat_free(S), ck_msecp_mat_free(SB);
    return o;
}

ckm *ck_msecp_mp_pi(const ckm *X, const ckm *Z, long C, long N)
{
    return z_minus_half_s(X, Z, X, C, N);
}

ckm *ck_msecp_mp_orth(const ckm *X, const ckm *Z, long C, long N)
{
    ckm *XW = ck_msecp_mp_center(X, C, N);
    mpq_t cn;
    mpq_init(cn);
    mpq_set_si(cn, C * N, 1);
    ck_msecp_mat_scale(XW, cn);
    ckm *o = z_minus_half_s(X, Z, XW, C, N);
    mpq_clear(cn);
    ck_msecp_mat_free(XW);
    return o;
}

void ck_msecp_mp_inner(mpq_t out, const ckm *A, const ckm *B)
{
    mpq_t t;
    mpq_init(t);
    mpq_set_ui(out, 0, 1);
    for (long k = 0; k < A->r * A->c; k++) mpq_mul(t, A->a[k], B->a[k]), mpq_add(out, out, t);
    mpq_clear(t);
}

uint64_t ck_msecp_mp_next(uint64_t *s)
{
    return sm_next(s);
}

int ck_msecp_mp_read_cert(const json_t *root, ck_msecp_mp_point *P, const char **as, json_t **qj, ck_err *e)
{
    static const char *const NO_KEYS[] = {NULL};
    P->M = P->X = P->Z = NULL;
    *as = ck_get_str(root, "certificate", "assertion", e);
    json_t *wj = ck_get_obj(root, "certificate", "witnesses", e);
    *qj = ck_get_obj(root, "certificate", "quantities", e);
    if (!*as || !wj || !*qj || ck_keys(wj, "witnesses", NO_KEYS, NULL, e) ||
        ck_msecp_mp_parse(json_object_get(root, "instance"), NULL, P, e))
        return -1;
    return 0;
}
