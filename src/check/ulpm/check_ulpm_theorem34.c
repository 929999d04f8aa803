/* check_ulpm_theorem34.c: owns the check of claim ulpm.theorem-3.4 (negative second variation
 * at non-optimal critical points; none at NC points): the exact criticality, lambda, q_min, the
 * witnesses (direction, the paper's construction, the inertia basis), every quantity, the
 * assertion and the verdict. Format: specs/claims/ulpm.theorem-3.4.md. */
#include <stdlib.h>
#include <string.h>

#include "check_alloc.h"
#include "check_limits.h"
#include "check_ce.h"
#include "check_claims.h"
#include "check_rational.h"
#include "ulpm/check_ulpm_theorem34.h"
#include "check_decision.h"

#define T34_NEG "negative second variation"
#define T34_NONNEG "no negative second variation"

static const char *const WOPT[] = {"direction", "paper_construction", "inertia", NULL};
static const char *const DIR_KEYS[] = {"dW", "dH", NULL};
static const char *const CON_KEYS[] = {"a", "u", "v", NULL};
static const char *const IN_KEYS[] = {"orbit_pairs", "basis", NULL};

/* rows x cols matrix of exact number strings into out (row-major). */
static int parse_qmat(const json_t *j, const char *what, long rows, long cols, mpq_t *out, ck_err *e)
{
    if (!json_is_array(j) || (long)json_array_size(j) != rows) {
        ck_fail(e, CK_MALFORMED, "%s: expected %ld rows", what, rows);
        return -1;
    }
    for (long r = 0; r < rows; r++) {
        const json_t *row = json_array_get(j, (size_t)r);
        if (!json_is_array(row) || (long)json_array_size(row) != cols) {
            ck_fail(e, CK_MALFORMED, "%s: row %ld must have %ld entries", what, r, cols);
            return -1;
        }
        for (long c = 0; c < cols; c++) {
            const json_t *x = json_array_get(row, (size_t)c);
            if (!json_is_string(x) || ck_parse_entry(json_string_value(x), out[r * cols + c])) {
                ck_fail(e, CK_MALFORMED, "%s[%ld][%ld]: not an exact number string", what, r, c);
                return -1;
            }
        }
    }
    return 0;
}

static int parse_qvec(const json_t *j, const char *what, long len, mpq_t *out, ck_err *e)
{
    json_t *wrap = json_array();
    json_array_append(wrap, (json_t *)j);
    int rc = parse_qmat(wrap, what, 1, len, out, e);
    json_decref(wrap);
    return rc;
}

static mpq_t *qvec_new(long n)
{
    mpq_t *v = ck_malloc((size_t)(n > 0 ? n : 1) * sizeof(mpq_t));
    for (long i = 0; i < n; i++) mpq_init(v[i]);
    return v;
}

static void qvec_free(mpq_t *v, long n)
{
    if (!v) return;
    for (long i = 0; i < n; i++) mpq_clear(v[i]);
    ck_free(v);
}

/* x.v exactly */
static void xdot(mpq_t out, const ck_ulpm_t34_pt *P, mpq_t *v)
{
    mpq_t t;
    mpq_init(t);
    mpq_set_ui(out, 0, 1);
    for (long i = 0; i < P->D; i++) {
        mpq_mul(t, *ck_ulpm_t34_x(P, i), v[i]);
        mpq_add(out, out, t);
    }
    mpq_clear(t);
}

static int get_encl(const json_t *qj, const char *name, ck_encl *q, ck_err *e)
{
    const json_t *j = json_object_get(qj, name);
    if (!j) {
        ck_fail(e, CK_MALFORMED, "quantities: missing \"%s\"", name);
        return -1;
    }
    return ck_encl_parse(j, name, q, e);
}

/* A direction v: exactly tangent, then q and s enclosed; returns 1 iff s < 0 certified, and
 * then *q_neg = 1 iff q < 0 is certified too (q_neg may be NULL when qname is). */
static int check_direction(const ck_ulpm_t34_hess *h, mpq_t *v, const json_t *qj, const char *qname, const char *sname,
                           int *q_neg, ck_err *e)
{
    const ck_ulpm_t34_pt *P = h->P;
    mpq_t dot;
    mpq_init(dot);
    xdot(dot, P, v);
    int tangent = mpq_sgn(dot) == 0;
    mpq_clear(dot);
    if (!tangent) {
        ck_fail(e, CK_INVALID, "%s: the direction is not in the tangent space (tr(W^T dW) + tr(H^T dH) != 0)", sname);
        return -1;
    }
    mpfi_t q, s;
    mpfi_init2(q, CK_ULPM_T34_PREC), mpfi_init2(s, CK_ULPM_T34_PREC);
    ck_ulpm_t34_forms(q, s, h, (const mpq_t *)v);
    ck_encl eq, es;
    ck_encl_init(&eq), ck_encl_init(&es);
    int rc = -1;
    if (qname && (get_encl(qj, qname, &eq, e) || ck_encl_verify_mpfi(&eq, qname, q, e))) goto out;
    if (get_encl(qj, sname, &es, e) || ck_encl_verify_mpfi(&es, sname, s, e)) goto out;
    if (!mpfi_is_strictly_neg(s)) {
        ck_fail(e, CK_INVALID, "%s: not certified negative", sname);
        goto out;
    }
    if (q_neg) *q_neg = mpfi_is_strictly_neg(q) > 0;
    rc = 1;
out:
    ck_encl_clear(&eq), ck_encl_clear(&es);
    mpfi_clear(q), mpfi_clear(s);
    return rc;
}

/* The paper's construction: a != 0 in null(W) and null(H^T); dW = u a^T, dH = -a v^T. */
static int check_construction(const ck_ulpm_t34_hess *h, const json_t *cj, const json_t *qj, ck_err *e)
{
    const ck_ulpm_t34_pt *P = h->P;
    long K = P->K, d = P->d, N = P->N;
    mpq_t *a = qvec_new(d), *u = qvec_new(K), *v = qvec_new(N), *dir = qvec_new(P->D), s, t;
    mpq_inits(s, t, NULL);
    int rc = -1;
    if (ck_keys(cj, "witnesses.paper_construction", CON_KEYS, NULL, e) ||
        parse_qvec(json_object_get(cj, "a"), "paper_construction.a", d, a, e) ||
        parse_qvec(json_object_get(cj, "u"), "paper_construction.u", K, u, e) ||
        parse_qvec(json_object_get(cj, "v"), "paper_construction.v", N, v, e))
        goto out;
    int nonzero = 0, null_ok = 1;
    for (long l = 0; l < d; l++) nonzero |= mpq_sgn(a[l]) != 0;
    for (long r = 0; r < K + N && null_ok; r++) { /* rows of W, then rows of H^T */
        mpq_set_ui(s, 0, 1);
        for (long l = 0; l < d; l++) {
            mpq_mul(t, r < K ? P->W[r * d + l] : P->H[l * N + (r - K)], a[l]);
            mpq_add(s, s, t);
        }
        null_ok = mpq_sgn(s) == 0;
    }
    if (!nonzero || !null_ok) {
        ck_fail(e, CK_INVALID, "paper_construction: a must be non-zero with W a = 0 and H^T a = 0");
        goto out;
    }
    for (long k = 0; k < K; k++)
        for (long l = 0; l < d; l++) mpq_mul(dir[k * d + l], u[k], a[l]);
    for (long l = 0; l < d; l++)
        for (long c = 0; c < N; c++) {
            mpq_mul(dir[K * d + l * N + c], a[l], v[c]);
            mpq_neg(dir[K * d + l * N + c], dir[K * d + l * N + c]);
        }
    rc = check_direction(h, dir, qj, NULL, "construction_second_variation", NULL, e);
out:
    qvec_free(a, d), qvec_free(u, K), qvec_free(v, N), qvec_free(dir, P->D);
    mpq_clears(s, t, NULL);
    return rc;
}

/* Orbit direction (W X, -X H), X = E_ij - E_ji, into column out. */
static void orbit_vec(mpq_t *out, const ck_ulpm_t34_pt *P, long i, long j)
{
    long K = P->K, d = P->d, N = P->N;
    for (long t = 0; t < P->D; t++) mpq_set_ui(out[t], 0, 1);
    for (long k = 0; k < K; k++) {
        mpq_set(out[k * d + j], P->W[k * d + i]);
        mpq_neg(out[k * d + i], P->W[k * d + j]);
    }
    for (long c = 0; c < N; c++) {
        mpq_neg(out[K * d + i * N + c], P->H[j * N + c]);
        mpq_set(out[K * d + j * N + c], P->H[i * N + c]);
    }
}

/* Inertia: counts on the tangent space (zero = the orbit). 0 and counts, or -1. */
static int check_inertia(const ck_ulpm_t34_hess *h, const json_t *ij, const mpq_t xx, long cnt[3], ck_err *e)
{
    const ck_ulpm_t34_pt *P = h->P;
    long D = P->D, d = P->d;
    if (ck_keys(ij, "witnesses.inertia", IN_KEYS, NULL, e)) return -1;
    const json_t *pj = json_object_get(ij, "orbit_pairs"), *bj = json_object_get(ij, "basis");
    if (!json_is_array(pj) || !json_is_array(bj)) {
        ck_fail(e, CK_MALFORMED, "inertia: orbit_pairs and basis must be arrays");
        return -1;
    }
    long np = (long)json_array_size(pj), m = (long)json_array_size(bj);
    if (np > d * (d - 1) / 2 || np + m != D - 1) {
        ck_fail(e, CK_INVALID, "inertia: %ld orbit pairs + %ld basis columns != D - 1 = %ld", np, m, D - 1);
        return -1;
    }
    /* limits (one home: here): np + m exact D-vectors, 2 m D + m^2 intervals, the rank test's np D
     * words; work m Hessian-vector products (K N d + K^2 N each), the m x m Gram, the rank test */
    const double fD = (double)D, fm = (double)m, fnp = (double)np, KN = (double)P->K * (double)P->N;
    if (ck_limit_check(e,
                       (fnp + fm) * fD * ck_mpq_bytes(64) + (2 * fm * fD + fm * fm) * ck_mpfi_bytes(CK_ULPM_T34_PREC) +
                           fnp * fD * 8,
                       fm * (KN * (double)d + KN * (double)P->K) + fm * fm * fD + fD * fnp * fnp,
                       "the ulpm.theorem-3.4 inertia check (D=%ld, %ld basis columns)", D, m))
        return -1;
    mpq_t *Nm = qvec_new(np * D), *pb = qvec_new(m * D), c, t;
    mpq_inits(c, t, NULL);
    mpfi_ptr PB = ck_ivec_init(m * D, CK_ULPM_T34_PREC), SPB = ck_ivec_init(m * D, CK_ULPM_T34_PREC);
    mpfi_ptr A = ck_ivec_init(m * m, CK_ULPM_T34_PREC);
    int rc = -1;
    for (long s = 0; s < np; s++) {
        const json_t *p = json_array_get(pj, (size_t)s);
        const json_t *pi = json_array_get(p, 0), *pjj = json_array_get(p, 1);
        if (!json_is_array(p) || json_array_size(p) != 2 || !json_is_integer(pi) || !json_is_integer(pjj) ||
            json_integer_value(pi) < 0 || json_integer_value(pi) >= json_integer_value(pjj) ||
            json_integer_value(pjj) >= d) {
            ck_fail(e, CK_MALFORMED, "inertia.orbit_pairs[%ld]: need [i, j] with 0 <= i < j < d", s);
            goto out;
        }
        orbit_vec(Nm + s * D, P, (long)json_integer_value(pi), (long)json_integer_value(pjj));
    }
    if (!ck_ulpm_t34_full_column_rank(Nm, D, np)) {
        ck_fail(e, CK_INVALID, "inertia: the orbit directions are not independent");
        goto out;
    }
    for (long s = 0; s < m; s++) { /* P b = b - (x.b / x.x) x, exactly */
        const json_t *col = json_array_get(bj, (size_t)s);
        if (!json_is_array(col) || (long)json_array_size(col) != D) {
            ck_fail(e, CK_MALFORMED, "inertia.basis[%ld]: need %ld integers", s, D);
            goto out;
        }
        for (long i = 0; i < D; i++) {
            const json_t *x = json_array_get(col, (size_t)i);
            if (!json_is_integer(x)) {
                ck_fail(e, CK_MALFORMED, "inertia.basis[%ld][%ld]: not an integer", s, i);
                goto out;
            }
            mpq_set_si(pb[s * D + i], (long)json_integer_value(x), 1);
        }
        xdot(c, P, pb + s * D);
        mpq_div(c, c, xx);
        for (long i = 0; i < D; i++) {
            mpq_mul(t, c, *ck_ulpm_t34_x(P, i));
            mpq_sub(pb[s * D + i], pb[s * D + i], t);
            mpfi_set_q(&PB[s * D + i], pb[s * D + i]);
        }
        ck_ulpm_t34_hess_vec(SPB + s * D, h, PB + s * D, 1);
    }
    mpfi_t y;
    mpfi_init2(y, CK_ULPM_T34_PREC);
    for (long i = 0; i < m; i++)
        for (long j = 0; j <= i; j++) {
            mpfi_set_ui(&A[i * m + j], 0);
            for (long r = 0; r < D; r++) {
                mpfi_mul(y, &PB[i * D + r], &SPB[j * D + r]);
                mpfi_add(&A[i * m + j], &A[i * m + j], y);
            }
        }
    mpfi_clear(y);
    if (!ck_ulpm_t34_ldl_inertia(A, m, &cnt[0], &cnt[2])) {
        ck_fail(e, CK_INVALID, "inertia: a pivot of the interval LDL^T contains 0");
        goto out;
    }
    cnt[1] = np;
    rc = 0;
out:
    qvec_free(Nm, np * D), qvec_free(pb, m * D);
    mpq_clears(c, t, NULL);
    ck_ivec_clear(PB, m * D), ck_ivec_clear(SPB, m * D), ck_ivec_clear(A, m * m);
    return rc;
}

/* The quantity name must state the exact rational v (and an enclosure of it). */
static int check_exact(const json_t *qj, const char *name, const mpq_t v, ck_err *e)
{
    ck_encl q;
    ck_qs x;
    mpz_t one;
    ck_encl_init(&q), ck_qs_init(&x), mpz_init_set_ui(one, 1);
    mpq_set(x.a, v);
    int rc = get_encl(qj, name, &q, e) || ck_encl_verify(&q, name, &x, one, e) ? -1 : 0;
    ck_encl_clear(&q), ck_qs_clear(&x), mpz_clear(one);
    return rc;
}

static int check_count(const json_t *qj, const char *name, long v, ck_err *e)
{
    mpq_t x;
    mpq_init(x);
    mpq_set_si(x, v, 1);
    int rc = check_exact(qj, name, x, e);
    mpq_clear(x);
    return rc;
}

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(ulpm, theorem34, "ulpm.theorem-3.4");

int ck_claim_ulpm_theorem34(const json_t *root, ck_verdict verdict, ck_err *e)
{
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    if (!as) return -1;
    int ai = strcmp(as, T34_NEG) == 0 ? 0 : strcmp(as, T34_NONNEG) == 0 ? 1 : strcmp(as, "none") == 0 ? 2 : -1;
    if (ai < 0) {
        ck_fail(e, CK_MALFORMED, "assertion: unknown assertion \"%s\"", as);
        return -1;
    }
    json_t *wj = ck_get_obj(root, "certificate", "witnesses", e),
           *qj = ck_get_obj(root, "certificate", "quantities", e);
    if (!wj || !qj || ck_keys(wj, "witnesses", (const char *const[]){NULL}, WOPT, e)) return -1;
    const json_t *dj = json_object_get(wj, "direction"), *cj = json_object_get(wj, "paper_construction"),
                 *ij = json_object_get(wj, "inertia");
    const char *qreq[10]; /* the quantities each witness brings, and only those */
    int nq = 0;
    qreq[nq++] = "lambda", qreq[nq++] = "margin_min";
    if (dj) qreq[nq++] = "direction_q", qreq[nq++] = "direction_second_variation";
    if (cj) qreq[nq++] = "construction_second_variation";
    if (ij) qreq[nq++] = "negative_count", qreq[nq++] = "zero_count", qreq[nq++] = "positive_count";
    qreq[nq] = NULL;
    if (ck_keys(qj, "quantities", qreq, NULL, e)) return -1;
    if (ai == 2) {
        ck_fail(e, CK_INVALID,
                verdict != CK_INCONCLUSIVE ? "verdict does not follow from assertion \"none\""
                                           : "INCONCLUSIVE: the certificate establishes nothing");
        return -1;
    }
    ck_ulpm_t34_pt P;
    if (ck_ulpm_t34_point_parse(json_object_get(root, "instance"), &P, e)) return -1;
    mpfi_t lam;
    mpq_t xx, qmin;
    mpfi_init2(lam, CK_ULPM_T34_PREC), mpq_init(xx), mpq_init(qmin);
    ck_ulpm_t34_hess h;
    int have_h = 0, rc = -1, neg_dir = 0, lam_neg, q_neg = 0;
    long cnt[3] = {0, 0, 0};
    ck_encl el;
    ck_encl_init(&el);
    if (!ck_ulpm_t34_critical(&P, lam, xx)) {
        ck_fail(e, CK_INVALID, "the point is not certified critical on the sphere (symmetry test failed)");
        goto out;
    }
    if (get_encl(qj, "lambda", &el, e) || ck_encl_verify_mpfi(&el, "lambda", lam, e)) goto out;
    ck_ulpm_t34_margin_min(qmin, &P);
    if (check_exact(qj, "margin_min", qmin, e)) goto out;
    lam_neg = mpfi_is_strictly_neg(lam) > 0;
    ck_ulpm_t34_hess_init(&h, &P, lam);
    have_h = 1;
    if (dj) {
        mpq_t *v = qvec_new(P.D);
        int r = ck_keys(dj, "witnesses.direction", DIR_KEYS, NULL, e) ||
                        parse_qmat(json_object_get(dj, "dW"), "direction.dW", P.K, P.d, v, e) ||
                        parse_qmat(json_object_get(dj, "dH"), "direction.dH", P.d, P.N, v + P.K * P.d, e)
                    ? -1
                    : check_direction(&h, v, qj, "direction_q", "direction_second_variation", &q_neg, e);
        qvec_free(v, P.D);
        if (r < 0) goto out;
        /* (13) on the straight line needs q < 0, which s < 0 gives only when lambda < 0 */
        if (!lam_neg && !q_neg) {
            ck_fail(e, CK_INVALID, "lambda < 0 not certified, and direction_q < 0 not certified either");
            goto out;
        }
        neg_dir = 1;
    }
    if (cj) {
        if (!lam_neg) {
            ck_fail(e, CK_INVALID, "paper_construction: needs lambda < 0 certified (its q is not stated)");
            goto out;
        }
        if (check_construction(&h, cj, qj, e) < 0) goto out;
        neg_dir = 1;
    }
    if (ij) {
        if (check_inertia(&h, ij, xx, cnt, e) || check_count(qj, "negative_count", cnt[0], e) ||
            check_count(qj, "zero_count", cnt[1], e) || check_count(qj, "positive_count", cnt[2], e))
            goto out;
    }
    ck_verdict need;
    if (ai == 0) {
        if (!neg_dir) {
            ck_fail(e, CK_INVALID, "assertion \"%s\" needs a direction or the construction", as);
            goto out;
        }
        need = CK_PROVED;
    } else {
        if (!lam_neg) {
            ck_fail(e, CK_INVALID, "assertion \"%s\" needs lambda < 0 certified", as);
            goto out;
        }
        if (!ij || cnt[0] != 0 || neg_dir) {
            ck_fail(e, CK_INVALID, "assertion \"%s\" needs the inertia with no negative direction", as);
            goto out;
        }
        need = ck_ulpm_t34_is_nc(&P) ? CK_PROVED : CK_REFUTED;
    }
    if (ck_verdict_follows(verdict, need, NULL, e)) goto out;
    rc = 0;
out:
    if (have_h) ck_ulpm_t34_hess_clear(&h);
    ck_encl_clear(&el);
    mpfi_clear(lam), mpq_clear(xx), mpq_clear(qmin);
    ck_ulpm_t34_point_free(&P);
    return rc;
}
