/* check_imbrelu_global_search.c: owns the check of imbrelu.global-search. Reads the witness
 * point (W: K x d, H: d x N, exact entries) from the certificate, requires H >= 0 exactly,
 * recomputes with MPFI (512 bits) the objective of problem (4) at it and the claimed optimum
 * (the objective at Theorem 1's point with M_k of the instance's reading, ck_imbrelu_point_objective)
 * and their difference; each stated enclosure must contain its interval. "a feasible point with
 * objective below the claimed optimum" (REFUTED) needs the checker's gap < 0; otherwise the
 * assertion must be "none" (INCONCLUSIVE). witnesses.search (starts, seed, iters) is
 * informational: it must equal the instance's values (iters default 2000). */
#include <stdlib.h>
#include <string.h>

#include "check_alloc.h"
#include "check_limits.h"
#include "check_claims.h"
#include "imbrelu/check_imbrelu_common.h"
#include "check_rational.h"
#include "check_decision.h"

static const char *const EXTRA[] = {"starts", "seed", "iters", NULL};

/* rows x cols matrix of exact entries into X (row-major); H: entries must be >= 0 */
static int read_matrix(const json_t *w, const char *key, long rows, long cols, int nonneg, mpq_t *X, ck_err *e)
{
    json_t *a = ck_get_arr(w, "witnesses", key, e);
    if (!a) return -1;
    if ((long)json_array_size(a) != rows) {
        ck_fail(e, CK_MALFORMED, "witnesses.%s: %ld rows expected", key, rows);
        return -1;
    }
    for (long i = 0; i < rows; i++) {
        json_t *r = json_array_get(a, (size_t)i);
        if (!json_is_array(r) || (long)json_array_size(r) != cols) {
            ck_fail(e, CK_MALFORMED, "witnesses.%s[%ld]: %ld entries expected", key, i, cols);
            return -1;
        }
        for (long j = 0; j < cols; j++) {
            json_t *x = json_array_get(r, (size_t)j);
            if (!json_is_string(x) || ck_parse_entry(json_string_value(x), X[i * cols + j])) {
                ck_fail(e, CK_MALFORMED, "witnesses.%s[%ld][%ld]: not an exact number", key, i, j);
                return -1;
            }
            if (nonneg && mpq_sgn(X[i * cols + j]) < 0) {
                ck_fail(e, CK_INVALID, "witnesses.%s[%ld][%ld] < 0: not feasible", key, i, j);
                return -1;
            }
        }
    }
    return 0;
}

static int search_info(const json_t *w, const json_t *inst, ck_err *e)
{
    json_t *s = ck_get_obj(w, "witnesses", "search", e);
    static const char *const SK[] = {"starts", "seed", "iters", NULL};
    if (!s || ck_keys(s, "witnesses.search", SK, NULL, e)) return -1;
    for (int t = 0; t < 3; t++) {
        long long v, want = 2000;
        json_t *iv = json_object_get(inst, SK[t]);
        if (ck_get_int(s, "witnesses.search", SK[t], &v, e)) return -1;
        if (iv && !json_is_integer(iv)) {
            ck_fail(e, CK_MALFORMED, "instance.%s: integer", SK[t]);
            return -1;
        }
        if (iv)
            want = json_integer_value(iv);
        else if (t < 2) {
            ck_fail(e, CK_MALFORMED, "instance.%s missing", SK[t]);
            return -1;
        }
        if (v != want) {
            ck_fail(e, CK_INVALID, "witnesses.search.%s differs from the instance", SK[t]);
            return -1;
        }
    }
    return 0;
}

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(imbrelu, global_search, "imbrelu.global-search");

int ck_claim_imbrelu_global_search(const json_t *root, ck_verdict verdict, ck_err *e)
{
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    json_t *w = ck_get_obj(root, "certificate", "witnesses", e), *q = ck_get_obj(root, "certificate", "quantities", e);
    const json_t *inst = json_object_get(root, "instance");
    if (!as || !w || !q) return -1;
    int a_ref = !strcmp(as, "a feasible point with objective below the claimed optimum"), a_none = !strcmp(as, "none");
    if (!a_ref && !a_none) {
        ck_fail(e, CK_MALFORMED, "assertion: unknown \"%.60s\"", as);
        return -1;
    }
    static const char *const WK[] = {"W", "H", "search", NULL};
    if (ck_keys(w, "witnesses", WK, NULL, e)) return -1;
    ck_imbrelu_inst in;
    if (ck_imbrelu_inst_parse(inst, EXTRA, &in, e)) return -1;
    if (in.K > 8 || in.N > 200 || in.d < in.K || in.d > 16) {
        ck_imbrelu_inst_clear(&in);
        ck_fail(e, CK_MALFORMED, "instance: K <= 8, N <= 200, K <= d <= 16");
        return -1;
    }
    /* limits: the witness W, H (K d + d N exact entries) and K logits; the objective (K d N) */
    if (ck_imbrelu_limit(&in, "imbrelu.global-search",
                         ((double)in.K * in.d + (double)in.d * in.N) * ck_mpq_bytes(64) +
                             (double)in.K * ck_mpfi_bytes(CK_IMBRELU_PREC),
                         (double)in.K * in.d * in.N, e))
        return -1;
    long K = in.K, d = in.d, N = in.N, nv = K * d + d * N;
    mpq_t *X = ck_malloc((size_t)nv * sizeof *X);
    for (long t = 0; t < nv; t++) mpq_init(X[t]);
    mpfi_ptr z = ck_malloc((size_t)K * sizeof *z);
    for (long m = 0; m < K; m++) mpfi_init2(z + m, CK_IMBRELU_PREC);
    mpfi_t ow, oc, gap, t, u, s;
    mpfi_ptr all[] = {ow, oc, gap, t, u, s};
    for (int i = 0; i < 6; i++) mpfi_init2(all[i], CK_IMBRELU_PREC), mpfi_set_ui(all[i], 0);
    int rc = -1;
    if (search_info(w, inst, e) || read_matrix(w, "W", K, d, 0, X, e) || read_matrix(w, "H", d, N, 1, X + K * d, e))
        goto out;
    const mpq_t *W = X, *H = X + K * d;
    for (long k = 0, i = 0; k < K; k++)
        for (long c = 0; c < in.n[k]; c++, i++) { /* sample i of class k: log(1 + sum_{m != k} e^{z_m - z_k}) */
            for (long m = 0; m < K; m++) {
                mpfi_set_ui(z + m, 0);
                for (long j = 0; j < d; j++) {
                    mpfi_set_q(t, W[m * d + j]);
                    mpfi_mul_q(t, t, H[j * N + i]);
                    mpfi_add(z + m, z + m, t);
                }
            }
            ck_imbrelu_exp_gaps(s, t, z, K, k);
            mpfi_log1p(s, s);
            mpfi_add(ow, ow, s);
        }
    mpfi_div_si(ow, ow, N);
    for (int part = 0; part < 2; part++) {
        long len = part ? d * N : K * d;
        const mpq_t *Y = part ? H : W;
        mpfi_set_ui(s, 0);
        for (long i = 0; i < len; i++) {
            mpfi_set_q(t, Y[i]);
            mpfi_sqr(t, t);
            mpfi_add(s, s, t);
        }
        mpfi_mul_q(s, s, part ? in.lamH : in.lamW);
        mpfi_div_ui(s, s, 2);
        mpfi_add(ow, ow, s);
    }
    mpfi_ptr M = ck_malloc((size_t)K * sizeof *M);
    for (long k = 0; k < K; k++) mpfi_init2(M + k, CK_IMBRELU_PREC), ck_imbrelu_M(M + k, &in, k, in.printed);
    ck_imbrelu_point_objective(oc, &in, M);
    for (long k = 0; k < K; k++) mpfi_clear(M + k);
    ck_free(M);
    mpfi_sub(gap, ow, oc);
    char *names[] = {"objective_witness", "objective_claimed", "gap"};
    if (ck_imbrelu_verify_interval(q, names[0], ow, e) || ck_imbrelu_verify_interval(q, names[1], oc, e) ||
        ck_imbrelu_verify_interval(q, names[2], gap, e) || ck_imbrelu_keys_exact(q, "quantities", names, 3, e))
        goto out;
    int below = mpfr_sgn(&gap->right) < 0;
    if (a_ref && !below) {
        ck_fail(e, CK_INVALID, "the witness is not certified below the claimed optimum");
        goto out;
    }
    if (a_none && below) {
        ck_fail(e, CK_INVALID, "assertion \"none\" but the witness refutes");
        goto out;
    }
    if (ck_require_verdict(verdict, a_ref ? CK_REFUTED : CK_INCONCLUSIVE, e)) goto out;
    if (a_none) {
        ck_fail(e, CK_INVALID,
                "INCONCLUSIVE: certificate valid, but a search without counterexample establishes nothing");
        goto out;
    }
    rc = 0;
out:
    for (long i = 0; i < nv; i++) mpq_clear(X[i]);
    ck_free(X);
    for (long m = 0; m < K; m++) mpfi_clear(z + m);
    ck_free(z);
    for (int i = 0; i < 6; i++) mpfi_clear(all[i]);
    ck_imbrelu_inst_clear(&in);
    return rc;
}
