/* check_ulpm_eq66.c: owns the check of claim ulpm.eq-66 (rank K-1 of G = grad L(Z), left null
 * space span(1)). With MPFI at the witness precision + 32 bits (check_ce.h): (a) every column
 * sum of G must contain 0 (the identity sum_j softmax_j = 1 makes it exactly 0; the intervals
 * only confirm the same G is meant); (b) for the witness columns c_t and the witness dyadic
 * matrix R, the interval [L, U] of ||I - R A||_inf with A = G[0..K-2][c_0..c_{K-2}] must have
 * U < 1, so A is nonsingular and rank G >= K-1; with (a), rank G = K-1 and the left null space
 * is span(1). Stated enclosures must contain the checker's intervals. */
#include <stdlib.h>
#include <string.h>

#include <mpfi.h>

#include "check_alloc.h"
#include "check_limits.h"
#include "check_ce.h"
#include "check_claims.h"
#include "check_enclosure.h"
#include "check_instance.h"
#include "check_rational.h"
#include "check_decision.h"

#define E66_ASSERT "rank(grad L(Z)) = K-1 and its left null space is span(1)"
#define E66_MAX_PREC 65536
#define E66_MAX_K1 4096 /* (K-1)^2 witness entries */
enum { Q_RANK, Q_SUM, Q_RES, NQ };
static const char *const QNAMES[] = {"rank", "column_sum_max_abs", "residual_inf_norm", NULL};
static const char *const WKEYS[] = {"columns", "R", "precision_bits", NULL};

/* x = entry of W (is_h = 0: row r = k, col = l) or H (row r = l, col = c), as an interval. */
static void entry_mpfi(mpfi_t x, const ck_inst *in, int is_h, long r, long col, mpfi_t sqn)
{
    long N = in->n * in->K;
    if (in->kind == CK_EXPLICIT) {
        mpfi_set_q(x, is_h ? in->H[r * N + col] : in->W[r * in->d + col]);
        return;
    }
    mpfi_t t;
    mpfi_init2(t, mpfi_get_prec(x));
    mpfi_set_ui(x, 0);
    int nl = is_h ? in->nlh : in->nlw;
    for (int s = 0; s < nl; s++) {
        const ck_layer *L = is_h ? &in->lh[s] : &in->lw[s];
        int64_t X = is_h ? ck_layer_h(in, L, r, col) : ck_layer_w(in, L, r, col);
        mpfi_set_q(t, L->scale);
        mpfi_mul_si(t, t, (long)X);
        if (L->sqrt) mpfi_mul(t, t, sqn);
        mpfi_add(x, x, t);
    }
    mpfi_clear(t);
}

static int parse_witness(const json_t *wj, long K, long N, long *cols, mpq_t *R, long *prec, ck_err *e)
{
    long long p;
    long m = K - 1;
    json_t *ca = ck_get_arr(wj, "witnesses", "columns", e), *ra = ck_get_arr(wj, "witnesses", "R", e);
    if (!ca || !ra || ck_get_int(wj, "witnesses", "precision_bits", &p, e)) return -1;
    if (p < 53 || p > E66_MAX_PREC) {
        ck_fail(e, CK_MALFORMED, "witnesses.precision_bits: need 53..%d", E66_MAX_PREC);
        return -1;
    }
    *prec = (long)p;
    if ((long)json_array_size(ca) != m || (long)json_array_size(ra) != m) {
        ck_fail(e, CK_MALFORMED, "witnesses: columns and R must have K-1 = %ld entries/rows", m);
        return -1;
    }
    for (long t = 0; t < m; t++) {
        json_t *c = json_array_get(ca, (size_t)t), *row = json_array_get(ra, (size_t)t);
        if (!json_is_integer(c) || json_integer_value(c) < 0 || json_integer_value(c) >= N) {
            ck_fail(e, CK_MALFORMED, "witnesses.columns[%ld]: an integer in [0, nK) required", t);
            return -1;
        }
        cols[t] = (long)json_integer_value(c);
        for (long s = 0; s < t; s++)
            if (cols[s] == cols[t]) {
                ck_fail(e, CK_MALFORMED, "witnesses.columns: repeated column %ld", cols[t]);
                return -1;
            }
        if (!json_is_array(row) || (long)json_array_size(row) != m) {
            ck_fail(e, CK_MALFORMED, "witnesses.R[%ld]: an array of K-1 hex floats required", t);
            return -1;
        }
        for (long s = 0; s < m; s++) {
            json_t *v = json_array_get(row, (size_t)s);
            if (!json_is_string(v) || ck_parse_hexfloat(json_string_value(v), R[t * m + s])) {
                ck_fail(e, CK_MALFORMED, "witnesses.R[%ld][%ld]: not a hex float", t, s);
                return -1;
            }
        }
    }
    return 0;
}

/* G = grad L(WH) at precision prec; sum_hi = max upper bound of |column sums|; 0 iff every
 * column-sum interval contains 0. */
static int gradient(mpfi_ptr G, const ck_inst *in, long prec, mpfr_t sum_hi)
{
    long K = in->K, d = in->d, N = in->n * in->K;
    mpfi_ptr W = ck_ivec_init(K * d, prec), H = ck_ivec_init(d * N, prec), Z = ck_ivec_init(K * N, prec);
    mpfi_t sqn, s;
    mpfi_init2(sqn, prec), mpfi_init2(s, prec);
    mpfi_set_ui(sqn, (unsigned long)in->n);
    mpfi_sqrt(sqn, sqn);
    for (long k = 0; k < K; k++)
        for (long l = 0; l < d; l++) entry_mpfi(&W[k * d + l], in, 0, k, l, sqn);
    for (long l = 0; l < d; l++)
        for (long c = 0; c < N; c++) entry_mpfi(&H[l * N + c], in, 1, l, c, sqn);
    ck_ce_logits(Z, W, H, K, d, N);
    ck_ce_grad_logits(G, Z, K, N, in->n);
    int bad = 0;
    mpfr_t a;
    mpfr_init2(a, prec);
    mpfr_set_ui(sum_hi, 0, MPFR_RNDU);
    for (long c = 0; c < N; c++) {
        mpfi_set_ui(s, 0);
        for (long j = 0; j < K; j++) mpfi_add(s, s, &G[j * N + c]);
        if (!mpfi_has_zero(s)) bad = 1;
        mpfi_mag(a, s);
        if (mpfr_cmp(a, sum_hi) > 0) mpfr_set(sum_hi, a, MPFR_RNDU);
    }
    mpfr_clear(a);
    mpfi_clear(sqn), mpfi_clear(s);
    ck_ivec_clear(W, K * d), ck_ivec_clear(H, d * N), ck_ivec_clear(Z, K * N);
    return bad ? -1 : 0;
}

/* [L, U] containing ||I - R A||_inf, A = G[0..m-1][cols]. */
static void residual(mpfr_t L, mpfr_t U, mpfi_srcptr G, long K, long N, const long *cols, mpq_t *R, long prec)
{
    long m = K - 1;
    mpfi_t e, t, r, row;
    mpfi_init2(e, prec), mpfi_init2(t, prec), mpfi_init2(r, prec), mpfi_init2(row, prec);
    mpfr_set_ui(L, 0, MPFR_RNDD), mpfr_set_ui(U, 0, MPFR_RNDU);
    mpfr_t lo;
    mpfr_init2(lo, prec);
    for (long i = 0; i < m; i++) {
        mpfi_set_ui(row, 0);
        for (long j = 0; j < m; j++) {
            mpfi_set_ui(e, i == j);
            for (long l = 0; l < m; l++) {
                mpfi_set_q(r, R[i * m + l]);
                mpfi_mul(t, r, &G[l * N + cols[j]]);
                mpfi_sub(e, e, t);
            }
            mpfi_abs(e, e);
            mpfi_add(row, row, e);
        }
        mpfi_get_left(lo, row);
        if (mpfr_cmp(lo, L) > 0) mpfr_set(L, lo, MPFR_RNDD);
        mpfi_get_right(lo, row);
        if (mpfr_cmp(lo, U) > 0) mpfr_set(U, lo, MPFR_RNDU);
    }
    mpfr_clear(lo);
    mpfi_clear(e), mpfi_clear(t), mpfi_clear(r), mpfi_clear(row);
}

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(ulpm, eq66, "ulpm.eq-66");

int ck_claim_ulpm_eq66(const json_t *root, ck_verdict verdict, ck_err *e)
{
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    if (as && strcmp(as, E66_ASSERT) != 0 && strcmp(as, "none") != 0)
        ck_fail(e, CK_MALFORMED, "assertion: unknown assertion \"%s\"", as);
    if (e->code) return -1;
    ck_inst in;
    ck_encl q[NQ];
    ck_qs v;
    long *cols = NULL, prec = 0, m = 0, N = 0;
    mpq_t *R = NULL;
    mpfi_ptr G = NULL;
    int rc = -1;
    mpfr_t sum_hi, L, U;
    mpfr_inits2(64, sum_hi, L, U, (mpfr_ptr)0);
    mpq_t tq;
    mpq_init(tq);
    ck_qs_init(&v);
    for (int t = 0; t < NQ; t++) ck_encl_init(&q[t]);
    json_t *wj = ck_get_obj(root, "certificate", "witnesses", e);
    json_t *qj = ck_get_obj(root, "certificate", "quantities", e);
    if (ck_inst_parse(json_object_get(root, "instance"), &in, e)) goto out;
    m = in.K - 1, N = in.n * in.K;
    if (m > E66_MAX_K1) {
        ck_fail(e, CK_MALFORMED, "instance: K-1 > %d is beyond this claim's witness size", E66_MAX_K1);
        goto out;
    }
    /* limits, before the witness: its (K-1)^2 exact entries R and the logits Z = W H (K N d) */
    if (ck_inst_limit(&in, "ulpm.eq-66", (double)m * m * ck_mpq_bytes(64), (double)in.K * N * in.d, e)) goto out;
    cols = ck_malloc((size_t)m * sizeof *cols);
    R = ck_malloc((size_t)(m * m) * sizeof *R);
    if (!cols || !R) {
        ck_free(cols), ck_free(R);
        cols = NULL, R = NULL;
        ck_fail(e, CK_MALFORMED, "out of memory");
        goto out;
    }
    for (long t = 0; t < m * m; t++) mpq_init(R[t]);
    if (!wj || !qj || ck_keys(wj, "witnesses", WKEYS, NULL, e) || parse_witness(wj, in.K, N, cols, R, &prec, e) ||
        ck_keys(qj, "quantities", QNAMES, NULL, e))
        goto out;
    for (int t = 0; t < NQ; t++)
        if (ck_encl_parse(json_object_get(qj, QNAMES[t]), QNAMES[t], &q[t], e)) goto out;
    if (strcmp(as, "none") == 0) {
        ck_fail(e, CK_INVALID, "INCONCLUSIVE or assertion \"none\": the certificate establishes nothing");
        goto out;
    }
    prec += 32;
    /* limits at the witness precision: G and gradient()'s W, H, Z; the residual's (K-1)^2 N */
    if (ck_inst_limit(&in, "ulpm.eq-66",
                      ((double)in.K * in.d + (double)in.d * N + 2.0 * in.K * N) * ck_mpfi_bytes(prec),
                      (double)in.K * N * in.d + (double)m * m * N, e))
        goto out;
    mpfr_set_prec(sum_hi, prec), mpfr_set_prec(L, prec), mpfr_set_prec(U, prec);
    G = ck_ivec_init(in.K * N, prec);
    int sums = gradient(G, &in, prec, sum_hi);
    residual(L, U, G, in.K, N, cols, R, prec);
    /* rank: the value K-1 the checks below establish; column sums: exactly 0 (identity) */
    mpq_set_si(v.a, m, 1);
    if (ck_encl_verify(&q[Q_RANK], "rank", &v, in.m, e)) goto out;
    mpq_set_ui(v.a, 0, 1);
    if (ck_encl_verify(&q[Q_SUM], "column_sum_max_abs", &v, in.m, e)) goto out;
    mpq_set(v.a, q[Q_RES].lo); /* decimal and lo <= hi checks; containment below */
    if (ck_encl_verify(&q[Q_RES], "residual_inf_norm", &v, in.m, e)) goto out;
    mpfr_get_q(tq, sum_hi);
    if (mpq_cmp(tq, q[Q_SUM].hi) > 0) {
        ck_fail(e, CK_INVALID, "quantity column_sum_max_abs: hi below the checker's bound");
        goto out;
    }
    mpfr_get_q(tq, L);
    int in_lo = mpq_cmp(q[Q_RES].lo, tq) <= 0;
    mpfr_get_q(tq, U);
    if (!in_lo || mpq_cmp(tq, q[Q_RES].hi) > 0) {
        ck_fail(e, CK_INVALID, "quantity residual_inf_norm: [lo, hi] does not contain the checker's interval");
        goto out;
    }
    if (sums) {
        ck_fail(e, CK_INVALID, "assertion not established: a column sum of G excludes 0");
        goto out;
    }
    if (mpfr_cmp_ui(U, 1) >= 0) {
        ck_fail(e, CK_INVALID, "assertion not established: ||I - R A||_inf is not < 1 (upper bound %.3g)",
                mpfr_get_d(U, MPFR_RNDU));
        goto out;
    }
    if (ck_verdict_follows(verdict, CK_PROVED, "rank K-1 is certified, so PROVED", e)) goto out;
    rc = 0;
out:
    if (G) ck_ivec_clear(G, in.K * N);
    if (R)
        for (long t = 0; t < m * m; t++) mpq_clear(R[t]);
    ck_free(R), ck_free(cols);
    ck_inst_free(&in);
    for (int t = 0; t < NQ; t++) ck_encl_clear(&q[t]);
    ck_qs_clear(&v);
    mpq_clear(tq);
    mpfr_clears(sum_hi, L, U, (mpfr_ptr)0);
    return rc;
}
