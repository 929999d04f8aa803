/* check_ulpm_lemma31.c: owns the check of claim ulpm.lemma-3.1 (q_min <= bound, equality iff
 * NC): witness, the five quantities, the assertion and the verdict, all in exact arithmetic
 * in Q(sqrt(n)). */
#include <stdlib.h>
#include <string.h>

#include "check_alloc.h"
#include "check_limits.h"
#include "check_claims.h"
#include "check_enclosure.h"
#include "check_instance.h"

enum { Q_MARGIN, Q_NORM_W, Q_NORM_H, Q_BOUND, Q_SLACK, NQ };
static const char *const QNAMES[] = {"margin_at_witness", "norm_W_sq", "norm_H_sq", "bound", "slack", NULL};
static const char *const ASSERTIONS[] = {"q_min < bound", "q_min = bound", "q_min > bound", "none", NULL};
static const char *const WKEYS[] = {"k", "i", "j", NULL};

/* Work limit (specs/certificate.md). Beyond the K d + d n K entries (bounded by ck_inst_parse),
 * the exact comparisons a check can need are K^2 n d for "q_min = bound" and "q_min > bound"
 * (is_minimiser: every s_{k'i'j'}, a dot product of length d each), refused over L31_MAX_WORK
 * before any arithmetic (nc/1, one core: about 2 s at 2^30, 20-30 s at 2^33), and K^2 d for the
 * NC test of "q_min < bound" (ck_inst_is_nc: the Gram matrix of W), refused over L31_MAX_WORK
 * only once its cheap part (sum_k w_k = 0 and equal ||w_k||, K d) shows that the Gram matrix
 * is needed: a random or explicit instance leaves the NC test at sum_k w_k != 0, so every
 * "q_min < bound" certificate nccert writes for such an instance (K <= 10^5) stays checkable.
 * Largest committed: K=100 n=100 d=256 "q_min < bound" (random); nc/1 K=20 n=7 d=20
 * "q_min = bound", K^2 n d = 5.6e4. --max-seconds bounds everything else. */
#define L31_MAX_WORK (1LL << 33)

/* 1 iff every s_{k'i'j'} >= s = s_{kij} (exact); else 0 and the first smaller one in BAD.
 * One layer pair (random-dyadic/1, nc/1): every w_j.h_c is coef * D[j] with one coef > 0, so
 * integers are compared; otherwise values in Q(sqrt(n)). */
static int is_minimiser(const ck_inst *in, long k, long i, long j, const ck_qs *s, long bad[3], ck_err *e)
{
    long K = in->K, n = in->n;
    ck_cols cc;
    int64_t *D = ck_malloc((size_t)K * sizeof *D), dstar = 0;
    ck_qs *G = ck_malloc((size_t)K * sizeof *G), t;
    if (ck_cols_init(&cc, in, e) || !D || !G) {
        ck_fail(e, CK_MALFORMED, "out of memory (margins)");
        ck_cols_free(&cc), ck_free(D), ck_free(G);
        return 0;
    }
    int ok = 1, fast = ck_cols_int(&cc, k * n + i, D) == 0;
    if (fast) dstar = D[k] - D[j];
    for (long q = 0; q < K; q++) ck_qs_init(&G[q]);
    ck_qs_init(&t);
    for (long c = 0; ok && c < n * K; c++) {
        long kk = c / n;
        if (fast)
            ck_cols_int(&cc, c, D);
        else
            ck_cols_qs(&cc, c, G);
        for (long jj = 0; ok && jj < K; jj++) {
            if (jj == kk) continue;
            if (fast)
                ok = D[kk] - D[jj] >= dstar;
            else {
                ck_qs_sub(&t, &G[kk], &G[jj]);
                ok = ck_qs_cmp(&t, s, in->m) >= 0;
            }
            if (!ok) bad[0] = kk, bad[1] = c % n, bad[2] = jj;
        }
    }
    for (long q = 0; q < K; q++) ck_qs_clear(&G[q]);
    ck_qs_clear(&t);
    ck_cols_free(&cc), ck_free(D), ck_free(G);
    return ok;
}

static int get_index(const json_t *w, const char *key, long lim, long *out, ck_err *e)
{
    long long v;
    if (ck_get_int(w, "witnesses", key, &v, e)) return -1;
    if (v < 0 || v >= lim) {
        ck_fail(e, CK_MALFORMED, "witnesses.%s = %lld out of range [0, %ld)", key, v, lim);
        return -1;
    }
    *out = (long)v;
    return 0;
}

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(ulpm, lemma31, "ulpm.lemma-3.1");

int ck_claim_ulpm_lemma31(const json_t *root, ck_verdict verdict, ck_err *e)
{
    const char *as;
    int ai = ck_assertion_index(root, ASSERTIONS, &as, e);
    if (ai < 0) return -1;

    ck_inst in;
    ck_encl q[NQ];
    ck_qs v[NQ], A;
    long k = 0, i = 0, j = 0, bad[3] = {0, 0, 0};
    int rc = -1;
    for (int t = 0; t < NQ; t++) ck_encl_init(&q[t]), ck_qs_init(&v[t]);
    ck_qs_init(&A);
    json_t *wj = ck_get_obj(root, "certificate", "witnesses", e);
    json_t *qj = ck_get_obj(root, "certificate", "quantities", e);
    if (ck_inst_parse(json_object_get(root, "instance"), &in, e)) goto out;
    /* limits: one column of K dot products (int64 and Q(sqrt n)) at a time, the norms; the work of
     * the assertion is bounded below (2^33, stricter than ck_limit_check's 2^36) */
    if (ck_inst_limit(&in, "ulpm.lemma-3.1", (double)in.K * (8 + 2 * ck_mpq_bytes(64)),
                      2.0 * in.K * (double)in.n * in.d, e))
        goto out;
    /* no overflow: ck_inst_parse bounds K n d by 2^28 and K by 2^22 */
    long long work = (long long)in.K * in.K * in.d * in.n;
    if ((ai == 1 || ai == 2) && work > L31_MAX_WORK) {
        ck_fail(e, CK_MALFORMED,
                "instance: limits exceeded: assertion \"%s\" needs K^2 n d = %lld "
                "exact operations (K=%ld n=%ld d=%ld), at most 2^33 = %lld for ulpm.lemma-3.1",
                as, work, in.K, in.n, in.d, L31_MAX_WORK);
        goto out;
    }
    if (!wj || !qj || ck_keys(wj, "witnesses", WKEYS, NULL, e) || get_index(wj, "k", in.K, &k, e) ||
        get_index(wj, "i", in.n, &i, e) || get_index(wj, "j", in.K, &j, e))
        goto out;
    if (j == k) {
        ck_fail(e, CK_MALFORMED, "witnesses: j must differ from k");
        goto out;
    }
    if (ck_keys(qj, "quantities", QNAMES, NULL, e)) goto out;
    for (int t = 0; t < NQ; t++)
        if (ck_encl_parse(json_object_get(qj, QNAMES[t]), QNAMES[t], &q[t], e)) goto out;

    /* exact values: s = w_k.h - w_j.h at h = h_{k,i}; bound = A sqrt(n) / (2 (K-1) n) */
    long c = k * in.n + i;
    ck_inst_dot_wh(&in, k, c, &v[Q_MARGIN]);
    ck_inst_dot_wh(&in, j, c, &A);
    ck_qs_sub(&v[Q_MARGIN], &v[Q_MARGIN], &A);
    ck_inst_norm_w(&in, &v[Q_NORM_W]);
    ck_inst_norm_h(&in, &v[Q_NORM_H]);
    ck_qs_add(&A, &v[Q_NORM_W], &v[Q_NORM_H]);
    mpq_t f;
    mpq_init(f);
    mpq_set_ui(f, 1, 2 * (unsigned long)(in.K - 1) * (unsigned long)in.n);
    ck_qs_mul_sqrt(&v[Q_BOUND], &A, in.m);
    ck_qs_mul_q(&v[Q_BOUND], &v[Q_BOUND], f);
    mpq_clear(f);
    ck_qs_sub(&v[Q_SLACK], &v[Q_BOUND], &v[Q_MARGIN]);
    for (int t = 0; t < NQ; t++)
        if (ck_encl_verify(&q[t], QNAMES[t], &v[t], in.m, e)) goto out;

    if (ai == 3) {
        if (verdict != CK_INCONCLUSIVE)
            ck_fail(e, CK_INVALID, "verdict %s does not follow from assertion \"none\"", ck_verdict_name(verdict));
        else
            ck_fail(e, CK_INVALID, "INCONCLUSIVE: the certificate establishes nothing");
        goto out;
    }
    int cmp = ck_qs_cmp(&v[Q_MARGIN], &v[Q_BOUND], in.m), want = ai == 0 ? -1 : ai == 1 ? 0 : 1;
    if (cmp != want) {
        ck_fail(e, CK_INVALID, "assertion \"%s\" not established: s(k=%ld,i=%ld,j=%ld) %s bound", as, k, i, j,
                cmp < 0    ? "<"
                : cmp == 0 ? "="
                           : ">");
        goto out;
    }
    if (ai != 0 && !is_minimiser(&in, k, i, j, &v[Q_MARGIN], bad, e)) {
        ck_fail(e, CK_INVALID,
                "assertion \"%s\" not established: witness (k=%ld,i=%ld,j=%ld) is "
                "not a minimiser, s(k=%ld,i=%ld,j=%ld) is smaller",
                as, k, i, j, bad[0], bad[1], bad[2]);
        goto out;
    }
    ck_verdict need = CK_REFUTED;
    if (ai != 2) {
        long long gram = (long long)in.K * in.K * in.d;
        if (gram > L31_MAX_WORK && ck_inst_nc_needs_gram(&in)) {
            ck_fail(e, CK_MALFORMED,
                    "instance: limits exceeded: assertion \"%s\" needs K^2 d = %lld "
                    "exact operations for its NC test (sum_k w_k = 0 and equal ||w_k||: the Gram "
                    "matrix of W; K=%ld n=%ld d=%ld), at most 2^33 = %lld for ulpm.lemma-3.1",
                    as, gram, in.K, in.n, in.d, L31_MAX_WORK);
            goto out;
        }
        int nc = ck_inst_is_nc(&in, &A);
        need = (ai == 0) == !nc ? CK_PROVED : CK_REFUTED;
        if (verdict != need) {
            ck_fail(e, CK_INVALID,
                    "verdict %s does not follow: assertion \"%s\" holds and the "
                    "instance is %sNC, so %s",
                    ck_verdict_name(verdict), as, nc ? "" : "not ", ck_verdict_name(need));
            goto out;
        }
    } else if (verdict != need) {
        ck_fail(e, CK_INVALID, "verdict %s does not follow: q_min > bound means REFUTED", ck_verdict_name(verdict));
        goto out;
    }
    rc = 0;
out:
    ck_inst_free(&in);
    for (int t = 0; t < NQ; t++) ck_encl_clear(&q[t]), ck_qs_clear(&v[t]);
    ck_qs_clear(&A);
    return rc;
}
