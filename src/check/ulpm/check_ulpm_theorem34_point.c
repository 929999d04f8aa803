/* check_ulpm_theorem34_point.c: owns the checker's exact point of ulpm.theorem-3.4 (parsing,
 * rational entries), its exact criticality on the sphere (symmetry argument) with the MPFI
 * enclosure of lambda, and the exact NC test. */
#include <stdlib.h>
#include <string.h>

#include "check_alloc.h"
#include "check_limits.h"
#include "check_instance.h"
#include "check_rational.h"
#include "ulpm/check_ulpm_theorem34.h"

static void point_alloc(ck_ulpm_t34_pt *P, long K, long n, long d)
{
    P->K = K, P->n = n, P->d = d, P->N = n * K, P->D = K * d + d * n * K;
    P->W = ck_malloc((size_t)(K * d) * sizeof(mpq_t));
    P->H = ck_malloc((size_t)(d * P->N) * sizeof(mpq_t));
    for (long t = 0; t < K * d; t++) mpq_init(P->W[t]);
    for (long t = 0; t < d * P->N; t++) mpq_init(P->H[t]);
}

void ck_ulpm_t34_point_free(ck_ulpm_t34_pt *P)
{
    if (P->W)
        for (long t = 0; t < P->K * P->d; t++) mpq_clear(P->W[t]);
    if (P->H)
        for (long t = 0; t < P->d * P->N; t++) mpq_clear(P->H[t]);
    ck_free(P->W), ck_free(P->H);
    P->W = P->H = NULL;
}

mpq_t *ck_ulpm_t34_x(const ck_ulpm_t34_pt *P, long i)
{
    long nw = P->K * P->d;
    return i < nw ? &P->W[i] : &P->H[i - nw];
}

static const char *const PAIR_KEYS[] = {"kind", "K", "C", NULL};

static int parse_pairing(const json_t *j, ck_ulpm_t34_pt *P, ck_err *e)
{
    long long K;
    if (ck_keys(j, "instance", PAIR_KEYS, NULL, e) || ck_get_int(j, "instance", "K", &K, e)) return -1;
    const char *cs = ck_get_str(j, "instance", "C", e);
    if (!cs) return -1;
    if (K < 4 || K > 128 || K % 2) {
        ck_fail(e, CK_MALFORMED, "instance.K: ulpm-pairing/1 needs K even, 4 <= K <= 128");
        return -1;
    }
    mpq_t C;
    mpq_init(C);
    if (ck_parse_entry(cs, C) || mpq_sgn(C) <= 0) {
        mpq_clear(C);
        ck_fail(e, CK_MALFORMED, "instance.C: not a positive exact number");
        return -1;
    }
    point_alloc(P, (long)K, 1, (long)K);
    for (long k = 0; k < K; k++) /* W = H = C blockdiag([[1,-1],[-1,1]]) */
        for (long l = 0; l < K; l++) {
            if (k / 2 != l / 2) continue;
            mpq_set(P->W[k * K + l], C);
            if (k != l) mpq_neg(P->W[k * K + l], C);
            mpq_set(P->H[l * K + k], P->W[k * K + l]);
        }
    mpq_clear(C);
    return 0;
}

/* value of a generated entry: sum over layers of scale * X * (r if sqrt), r = sqrt(n). */
static void layer_sum(mpq_t out, const ck_inst *in, const ck_layer *L, int nl, int is_w, long a, long b, long r)
{
    mpq_t t;
    mpq_init(t);
    mpq_set_ui(out, 0, 1);
    for (int p = 0; p < nl; p++) {
        int64_t X = is_w ? ck_layer_w(in, &L[p], a, b) : ck_layer_h(in, &L[p], a, b);
        mpq_set_si(t, X * (L[p].sqrt ? r : 1), 1);
        mpq_mul(t, t, L[p].scale);
        mpq_add(out, out, t);
    }
    mpq_clear(t);
}

int ck_ulpm_t34_point_parse(const json_t *j, ck_ulpm_t34_pt *P, ck_err *e)
{
    memset(P, 0, sizeof *P);
    const json_t *kind = json_object_get(j, "kind");
    if (json_is_string(kind) && strcmp(json_string_value(kind), "ulpm-pairing/1") == 0) return parse_pairing(j, P, e);
    ck_inst in;
    if (ck_inst_parse(j, &in, e)) {
        ck_inst_free(&in); /* ck_inst_parse leaves IN freeable whatever happens */
        return -1;
    }
    if (in.K * in.d + in.d * in.n * in.K > 20000 || /* limits of the point (the inertia's: theorem34.c) */
        ck_inst_limit(&in, "ulpm.theorem-3.4",
                      (double)(in.K * in.d + in.d * in.n * in.K) * ck_mpq_bytes(64) +
                          (double)in.K * in.n * in.K * (ck_mpq_bytes(64) + 1 + 4 * ck_mpfi_bytes(CK_ULPM_T34_PREC)),
                      (double)in.K * in.K * in.n * in.d, e)) {
        if (e->code) {
            ck_inst_free(&in);
            return -1;
        }
        ck_inst_free(&in);
        ck_fail(e, CK_MALFORMED, "instance: ulpm.theorem-3.4 takes at most 20000 entries");
        return -1;
    }
    long r = 0;
    while ((r + 1) * (r + 1) <= in.n) r++;
    int sq = r * r == in.n, needs_sqrt = 0;
    for (int p = 0; p < in.nlw; p++) needs_sqrt |= in.lw[p].sqrt;
    for (int p = 0; p < in.nlh; p++) needs_sqrt |= in.lh[p].sqrt;
    if (in.kind != CK_EXPLICIT && needs_sqrt && !sq) {
        ck_inst_free(&in);
        ck_fail(e, CK_MALFORMED, "instance: irrational entries (n not a perfect square)");
        return -1;
    }
    point_alloc(P, in.K, in.n, in.d);
    for (long k = 0; k < in.K; k++)
        for (long l = 0; l < in.d; l++) {
            if (in.kind == CK_EXPLICIT)
                mpq_set(P->W[k * in.d + l], in.W[k * in.d + l]);
            else
                layer_sum(P->W[k * in.d + l], &in, in.lw, in.nlw, 1, k, l, r);
        }
    for (long l = 0; l < in.d; l++)
        for (long c = 0; c < P->N; c++) {
            if (in.kind == CK_EXPLICIT)
                mpq_set(P->H[l * P->N + c], in.H[l * P->N + c]);
            else
                layer_sum(P->H[l * P->N + c], &in, in.lh, in.nlh, 0, l, c, r);
        }
    ck_inst_free(&in);
    return 0;
}

static int cmp_mpq(const void *a, const void *b)
{
    return mpq_cmp(*(const mpq_t *)a, *(const mpq_t *)b);
}

/* g = (B H^T, W^T B) for the 0/1 matrix B; mu = g.x / x.x; 1 iff g == mu x exactly. */
static int parallel(mpq_t mu, const ck_ulpm_t34_pt *P, const char *B, const mpq_t xx)
{
    long K = P->K, d = P->d, N = P->N, D = P->D;
    mpq_t *g = ck_malloc((size_t)D * sizeof(mpq_t)), t;
    mpq_init(t);
    for (long i = 0; i < D; i++) mpq_init(g[i]);
    for (long k = 0; k < K; k++)
        for (long c = 0; c < N; c++) {
            if (!B[k * N + c]) continue;
            for (long l = 0; l < d; l++) {
                mpq_add(g[k * d + l], g[k * d + l], P->H[l * N + c]);
                mpq_add(g[K * d + l * N + c], g[K * d + l * N + c], P->W[k * d + l]);
            }
        }
    mpq_set_ui(mu, 0, 1);
    for (long i = 0; i < D; i++) {
        mpq_mul(t, g[i], *ck_ulpm_t34_x(P, i));
        mpq_add(mu, mu, t);
    }
    mpq_div(mu, mu, xx);
    int ok = 1;
    for (long i = 0; ok && i < D; i++) {
        mpq_mul(t, mu, *ck_ulpm_t34_x(P, i));
        ok = mpq_equal(t, g[i]);
    }
    for (long i = 0; i < D; i++) mpq_clear(g[i]);
    ck_free(g);
    mpq_clear(t);
    return ok;
}

int ck_ulpm_t34_critical(const ck_ulpm_t34_pt *P, mpfi_t lam, mpq_t xx)
{
    long K = P->K, d = P->d, N = P->N;
    mpq_t t, mu, muE;
    mpq_inits(t, mu, muE, NULL);
    mpq_set_ui(xx, 0, 1);
    for (long i = 0; i < P->D; i++) {
        mpq_mul(t, *ck_ulpm_t34_x(P, i), *ck_ulpm_t34_x(P, i));
        mpq_add(xx, xx, t);
    }
    mpq_t *Z = ck_malloc((size_t)(K * N) * sizeof(mpq_t)), *col = ck_malloc((size_t)K * sizeof(mpq_t)),
          *ref = ck_malloc((size_t)K * sizeof(mpq_t));
    char *B = ck_malloc((size_t)(K * N));
    for (long i = 0; i < K * N; i++) mpq_init(Z[i]);
    for (long k = 0; k < K; k++) mpq_init(col[k]), mpq_init(ref[k]);
    for (long k = 0; k < K; k++)
        for (long c = 0; c < N; c++)
            for (long l = 0; l < d; l++) {
                mpq_mul(t, P->W[k * d + l], P->H[l * N + c]);
                mpq_add(Z[k * N + c], Z[k * N + c], t);
            }
    int ok = mpq_sgn(xx) > 0;
    for (long c = 0; ok && c < N; c++) { /* the same multiset of logits in every column */
        for (long k = 0; k < K; k++) mpq_set(col[k], Z[k * N + c]);
        qsort(col, (size_t)K, sizeof(mpq_t), cmp_mpq);
        for (long k = 0; k < K; k++) {
            if (c == 0)
                mpq_set(ref[k], col[k]);
            else
                ok &= mpq_equal(ref[k], col[k]) != 0;
        }
    }
    mpfi_t S, ex, y, vmax;
    mpfi_init2(S, CK_ULPM_T34_PREC), mpfi_init2(ex, CK_ULPM_T34_PREC), mpfi_init2(y, CK_ULPM_T34_PREC),
        mpfi_init2(vmax, CK_ULPM_T34_PREC);
    mpfi_set_ui(S, 0), mpfi_set_ui(lam, 0);
    mpfi_set_q(vmax, ref[K - 1]);
    if (ok) {
        for (long i = 0; i < K * N; i++) B[i] = (i / N) == (i % N) / P->n; /* labels */
        ok = parallel(muE, P, B, xx);
    }
    for (long k = 0; ok && k < K; k++) { /* lambda = sum_u mu_u p_u - mu_E */
        if (k > 0 && mpq_equal(ref[k], ref[k - 1])) continue;
        long mult = 0;
        for (long t2 = 0; t2 < K; t2++) mult += mpq_equal(ref[t2], ref[k]) != 0;
        for (long i = 0; i < K * N; i++) B[i] = mpq_equal(Z[i], ref[k]) != 0;
        ok = parallel(mu, P, B, xx);
        mpfi_set_q(y, ref[k]);
        mpfi_sub(y, y, vmax);
        mpfi_exp(ex, y);
        mpfi_mul_ui(y, ex, (unsigned long)mult);
        mpfi_add(S, S, y);
        mpq_set_si(t, mult, 1);
        mpq_mul(t, t, muE);
        mpq_sub(t, mu, t); /* sum_u m_u p_u = 1: coefficient mu_u - m_u mu_E, no cancellation */
        mpfi_mul_q(y, ex, t);
        mpfi_add(lam, lam, y);
    }
    if (ok) mpfi_div(lam, lam, S);
    mpfi_clear(S), mpfi_clear(ex), mpfi_clear(y), mpfi_clear(vmax);
    for (long i = 0; i < K * N; i++) mpq_clear(Z[i]);
    for (long k = 0; k < K; k++) mpq_clear(col[k]), mpq_clear(ref[k]);
    ck_free(Z), ck_free(col), ck_free(ref), ck_free(B);
    mpq_clears(t, mu, muE, NULL);
    return ok;
}

/* sum_l W[k][l] W[j][l] */
static void ww(mpq_t out, const ck_ulpm_t34_pt *P, long k, long j)
{
    mpq_t t;
    mpq_init(t);
    mpq_set_ui(out, 0, 1);
    for (long l = 0; l < P->d; l++) {
        mpq_mul(t, P->W[k * P->d + l], P->W[j * P->d + l]);
        mpq_add(out, out, t);
    }
    mpq_clear(t);
}

int ck_ulpm_t34_is_nc(const ck_ulpm_t34_pt *P)
{
    long K = P->K, d = P->d, N = P->N, r = 0;
    while ((r + 1) * (r + 1) <= P->n) r++;
    if (r * r != P->n) return 0; /* never reached: entries are rational */
    mpq_t s, ref, t;
    mpq_inits(s, ref, t, NULL);
    int nc = 1;
    for (long l = 0; nc && l < d; l++) { /* sum_k w_k = 0 */
        mpq_set_ui(s, 0, 1);
        for (long k = 0; k < K; k++) mpq_add(s, s, P->W[k * d + l]);
        nc = mpq_sgn(s) == 0;
    }
    for (long c = 0; nc && c < N; c++) /* h_{k,i} = w_k / sqrt(n) */
        for (long l = 0; nc && l < d; l++) {
            mpq_set_si(t, r, 1);
            mpq_mul(t, t, P->H[l * N + c]);
            nc = mpq_equal(t, P->W[(c / P->n) * d + l]);
        }
    if (nc) ww(ref, P, 0, 0);
    for (long k = 1; nc && k < K; k++) {
        ww(s, P, k, k);
        nc = mpq_equal(s, ref);
    }
    if (nc) ww(ref, P, 0, 1);
    for (long k = 0; nc && k < K; k++)
        for (long j = k + 1; nc && j < K; j++) {
            ww(s, P, k, j);
            nc = mpq_equal(s, ref);
        }
    mpq_clears(s, ref, t, NULL);
    return nc;
}

void ck_ulpm_t34_margin_min(mpq_t out, const ck_ulpm_t34_pt *P)
{
    long K = P->K, d = P->d, N = P->N;
    mpq_t zk, zj, t;
    mpq_inits(zk, zj, t, NULL);
    int first = 1;
    for (long c = 0; c < N; c++) {
        long k = c / P->n;
        mpq_set_ui(zk, 0, 1);
        for (long l = 0; l < d; l++) {
            mpq_mul(t, P->W[k * d + l], P->H[l * N + c]);
            mpq_add(zk, zk, t);
        }
        for (long j = 0; j < K; j++) {
            if (j == k) continue;
            mpq_set_ui(zj, 0, 1);
            for (long l = 0; l < d; l++) {
                mpq_mul(t, P->W[j * d + l], P->H[l * N + c]);
                mpq_add(zj, zj, t);
            }
            mpq_sub(t, zk, zj); /* the margin of sample c against class j */
            if (first || mpq_cmp(t, out) < 0) mpq_set(out, t);
            first = 0;
        }
    }
    mpq_clears(zk, zj, t, NULL);
}
