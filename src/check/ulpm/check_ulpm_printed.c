/* check_ulpm_printed.c: owns the check of claim ulpm.printed: the part table (instance,
 * witness and quantity keys, the two assertions of each part), the dispatch, the verdict rule
 * (printed formula holds -> PROVED, false -> REFUTED, decided here), and the exact parts
 * def21-symmetric, nc4, eq64-index, eq55-endpoint (GMP rationals and Q(sqrt m), never floating
 * point). The helpers the parts share: check_ulpm_printed_fields.c. */
#include <stdlib.h>
#include <string.h>

#include "check_alloc.h"
#include "check_claims.h"
#include "check_enclosure.h"
#include "check_qsqrt.h"
#include "check_rational.h"
#include "ulpm/check_ulpm_printed.h"
#include "check_decision.h"

#define CK_ULPM_PRINTED_MAX_DIM 64

static int ck_ulpm_printed_def21(ck_ulpm_printed_ctx *c, ck_err *e);
static int ck_ulpm_printed_nc4(ck_ulpm_printed_ctx *c, ck_err *e);
static int ck_ulpm_printed_eq64(ck_ulpm_printed_ctx *c, ck_err *e);
static int ck_ulpm_printed_eq55(ck_ulpm_printed_ctx *c, ck_err *e);

typedef struct {
    const char *part;
    int (*fn)(ck_ulpm_printed_ctx *, ck_err *);
    const char *ikeys[8], *wkeys[4], *qkeys[8];
    const char *holds, *fails; /* holds NULL: the part can only refute */
} ck_ulpm_printed_part;

static const ck_ulpm_printed_part PARTS[] = {
    {"def21-symmetric",
     ck_ulpm_printed_def21,
     {"kind", "part", "Q"},
     {"i", "j"},
     {"m_ij", "m_ji"},
     "M is symmetric",
     "M is not symmetric"},
    {"nc4",
     ck_ulpm_printed_nc4,
     {"kind", "part", "W", "C", "h"},
     {"printed", "nearest"},
     {"inner_printed", "inner_nearest", "dist_sq_printed", "dist_sq_nearest"},
     "argmin_k <w_k, h> = argmin_k ||h - hbar_k||",
     "argmin_k <w_k, h> != argmin_k ||h - hbar_k||"},
    {"eq64-index",
     ck_ulpm_printed_eq64,
     {"kind", "part", "K", "n"},
     {"k", "i"},
     {"column_printed", "column_derived", "columns"},
     "(k-1)K + i = (k-1)n + i for all k, i",
     "(k-1)K + i != (k-1)n + i at the witness"},
    {"eq55-endpoint",
     ck_ulpm_printed_eq55,
     {"kind", "part", "C", "a"},
     {"r", "c"},
     {"curve_entry", "W_entry"},
     "W'(a) = W",
     "W'(a) != W"},
    {"eq58",
     ck_ulpm_printed_eq58,
     {"kind", "part", "a"},
     {NULL},
     {"coef_exp1_printed", "coef_exp1_derived", "coef_exp2_printed", "coef_exp2_derived", "fprime_printed",
      "fprime_derived"},
     "printed f'(a) = derived f'(a)",
     "printed f'(a) != derived f'(a)"},
    {"eq12",
     ck_ulpm_printed_eq12,
     {"kind", "part", "K", "n", "lhs", "const"},
     {"k", "j"},
     {"lhs_value", "printed_value", "rho_sq"},
     "lhs = printed for all k != j",
     "lhs != printed at the witness"},
    {"gbound",
     ck_ulpm_printed_gbound,
     {"kind", "part", "point"},
     {"k", "i", "j"},
     {"g_sq_max", "rho_sq", "bound_sq_printed", "bound_sq_derived"},
     "max ||grad s_kij||^2 <= 4 rho^2",
     "||grad s_kij||^2 > 4 rho^2 at the witness"},
    {"gradient-flow",
     ck_ulpm_printed_flow,
     {"kind", "part", "point"},
     {"precision_bits"},
     {"dL_dt_printed", "dL_dt_derived"},
     NULL,
     "dL/dt = ||grad L||^2 > 0 along the printed flow"},
    {"eq67-tangent",
     ck_ulpm_printed_eq67,
     {"kind", "part", "point"},
     {"p", "q", "precision_bits"},
     {"theta_dot_v", "grad_dot_v"},
     NULL,
     "some v with <theta, v> = 0 has <grad L, v> != 0"},
};

/* rows x cols matrix of entries into a fresh array (*rows, *cols out; cols required equal) */
static mpq_t *ck_ulpm_printed_matrix(const json_t *inst, const char *key, long *rows, long *cols, ck_err *e)
{
    json_t *a = json_object_get(inst, key);
    long r = json_is_array(a) ? (long)json_array_size(a) : 0;
    json_t *r0 = r ? json_array_get(a, 0) : NULL;
    long c = json_is_array(r0) ? (long)json_array_size(r0) : 0;
    if (r < 1 || r > CK_ULPM_PRINTED_MAX_DIM || c < 1 || c > CK_ULPM_PRINTED_MAX_DIM) {
        ck_fail(e, CK_MALFORMED, "instance.%s: 1..%d rows of 1..%d entries required", key, CK_ULPM_PRINTED_MAX_DIM,
                CK_ULPM_PRINTED_MAX_DIM);
        return NULL;
    }
    mpq_t *M = ck_malloc((size_t)(r * c) * sizeof *M);
    for (long t = 0; t < r * c; t++) mpq_init(M[t]);
    for (long i = 0; i < r; i++) {
        json_t *row = json_array_get(a, (size_t)i);
        int bad = !json_is_array(row) || (long)json_array_size(row) != c;
        if (bad) ck_fail(e, CK_MALFORMED, "instance.%s[%ld]: %ld entries required", key, i, c);
        for (long j = 0; j < c && !bad; j++)
            bad = ck_ulpm_printed_entry(M[i * c + j], json_array_get(row, (size_t)j), key, e);
        if (bad) {
            for (long t = 0; t < r * c; t++) mpq_clear(M[t]);
            ck_free(M);
            return NULL;
        }
    }
    *rows = r, *cols = c;
    return M;
}

static void ck_ulpm_printed_matrix_free(mpq_t *M, long len)
{
    for (long t = 0; t < len; t++) mpq_clear(M[t]);
    ck_free(M);
}

/* def21-symmetric: A = Q (I - J/K), M = A sqrt(K(K-1))/(K-1); M symmetric iff A is. */
static int ck_ulpm_printed_def21(ck_ulpm_printed_ctx *c, ck_err *e)
{
    long K, k2, wi, wj;
    mpq_t *Q = ck_ulpm_printed_matrix(c->inst, "Q", &K, &k2, e);
    if (!Q) return -1;
    int rc = -1;
    mpq_t s, t, z;
    mpz_t m;
    mpq_inits(s, t, z, NULL);
    mpz_init(m);
    mpq_t *A = NULL;
    if (K != k2 || K < 2) {
        ck_fail(e, CK_MALFORMED, "instance.Q: a square matrix, K >= 2, required");
        goto out;
    }
    if (ck_ulpm_printed_wint(c->wj, "i", 0, K - 1, &wi, e) || ck_ulpm_printed_wint(c->wj, "j", 0, K - 1, &wj, e))
        goto out;
    if (wi == wj) {
        ck_fail(e, CK_MALFORMED, "witnesses: i != j required");
        goto out;
    }
    for (long i = 0; i < K; i++)
        for (long j = 0; j < K; j++) {
            mpq_set_ui(s, 0, 1);
            for (long l = 0; l < K; l++) mpq_mul(t, Q[l * K + i], Q[l * K + j]), mpq_add(s, s, t);
            if (mpq_cmp_ui(s, i == j, 1) != 0) {
                ck_fail(e, CK_MALFORMED, "instance.Q: not orthogonal");
                goto out;
            }
        }
    A = ck_malloc((size_t)(K * K) * sizeof *A);
    for (long i = 0; i < K; i++) {
        mpq_set_ui(s, 0, 1);
        for (long l = 0; l < K; l++) mpq_add(s, s, Q[i * K + l]);
        mpq_set_si(t, K, 1);
        mpq_div(s, s, t);
        for (long j = 0; j < K; j++) mpq_init(A[i * K + j]), mpq_sub(A[i * K + j], Q[i * K + j], s);
    }
    c->holds = 1;
    for (long i = 0; i < K; i++)
        for (long j = i + 1; j < K; j++) c->holds &= mpq_equal(A[i * K + j], A[j * K + i]) != 0;
    if (!c->holds && mpq_equal(A[wi * K + wj], A[wj * K + wi])) {
        ck_fail(e, CK_INVALID, "witness (i, j): M_ij = M_ji there");
        goto out;
    }
    mpz_set_si(m, K * (K - 1));
    mpq_set_si(t, K - 1, 1);
    mpq_div(s, A[wi * K + wj], t);
    if (ck_ulpm_printed_exact(c->qj, "m_ij", z, s, m, e)) goto out;
    mpq_div(s, A[wj * K + wi], t);
    if (ck_ulpm_printed_exact(c->qj, "m_ji", z, s, m, e)) goto out;
    rc = 0;
out:
    if (A) ck_ulpm_printed_matrix_free(A, K * K);
    ck_ulpm_printed_matrix_free(Q, K * k2);
    mpq_clears(s, t, z, NULL);
    mpz_clear(m);
    return rc;
}

/* nc4: both argmin sets computed exactly; witnesses must lie in them */
static int ck_ulpm_printed_nc4(ck_ulpm_printed_ctx *c, ck_err *e)
{
    long K, d, a, b;
    mpq_t *W = ck_ulpm_printed_matrix(c->inst, "W", &K, &d, e);
    if (!W) return -1;
    int rc = -1;
    mpq_t C, t, u, mi, md, z;
    mpq_inits(C, t, u, mi, md, z, NULL);
    mpz_t one;
    mpz_init_set_ui(one, 1);
    mpq_t *h = ck_malloc((size_t)d * sizeof *h), *in = ck_malloc((size_t)K * sizeof *in),
          *di = ck_malloc((size_t)K * sizeof *di);
    for (long l = 0; l < d; l++) mpq_init(h[l]);
    for (long k = 0; k < K; k++) mpq_init(in[k]), mpq_init(di[k]);
    json_t *ha = json_object_get(c->inst, "h");
    if (K < 2) {
        ck_fail(e, CK_MALFORMED, "instance.W: K >= 2 rows required");
        goto out;
    }
    if (ck_ulpm_printed_entry(C, json_object_get(c->inst, "C"), "C", e)) goto out;
    if (mpq_sgn(C) <= 0) {
        ck_fail(e, CK_MALFORMED, "instance.C: must be > 0");
        goto out;
    }
    if (!json_is_array(ha) || (long)json_array_size(ha) != d) {
        ck_fail(e, CK_MALFORMED, "instance.h: d entries required");
        goto out;
    }
    for (long l = 0; l < d; l++)
        if (ck_ulpm_printed_entry(h[l], json_array_get(ha, (size_t)l), "h", e)) goto out;
    if (ck_ulpm_printed_wint(c->wj, "printed", 0, K - 1, &a, e) ||
        ck_ulpm_printed_wint(c->wj, "nearest", 0, K - 1, &b, e))
        goto out;
    for (long k = 0; k < K; k++) {
        mpq_set_ui(in[k], 0, 1), mpq_set_ui(di[k], 0, 1);
        for (long l = 0; l < d; l++) {
            mpq_mul(t, W[k * d + l], h[l]), mpq_add(in[k], in[k], t);
            mpq_div(t, W[k * d + l], C), mpq_sub(t, h[l], t), mpq_mul(t, t, t), mpq_add(di[k], di[k], t);
        }
        if (k == 0 || mpq_cmp(in[k], mi) < 0) mpq_set(mi, in[k]);
        if (k == 0 || mpq_cmp(di[k], md) < 0) mpq_set(md, di[k]);
    }
    c->holds = 1;
    for (long k = 0; k < K; k++) c->holds &= mpq_equal(in[k], mi) == mpq_equal(di[k], md);
    if (!mpq_equal(in[a], mi) || !mpq_equal(di[b], md)) {
        ck_fail(e, CK_INVALID, "witnesses: printed must minimise <w_k, h> and nearest minimise ||h - hbar_k||");
        goto out;
    }
    if (ck_ulpm_printed_exact(c->qj, "inner_printed", in[a], z, one, e) ||
        ck_ulpm_printed_exact(c->qj, "inner_nearest", in[b], z, one, e) ||
        ck_ulpm_printed_exact(c->qj, "dist_sq_printed", di[a], z, one, e) ||
        ck_ulpm_printed_exact(c->qj, "dist_sq_nearest", di[b], z, one, e))
        goto out;
    rc = 0;
out:
    for (long l = 0; l < d; l++) mpq_clear(h[l]);
    for (long k = 0; k < K; k++) mpq_clear(in[k]), mpq_clear(di[k]);
    ck_free(h), ck_free(in), ck_free(di);
    ck_ulpm_printed_matrix_free(W, K * d);
    mpq_clears(C, t, u, mi, md, z, NULL);
    mpz_clear(one);
    return rc;
}

/* eq64-index: 1-based k, i; printed (k-1)K + i, class-major (k-1)n + i, nK columns */
static int ck_ulpm_printed_eq64(ck_ulpm_printed_ctx *c, ck_err *e)
{
    long long K, n;
    long k, i;
    if (ck_get_int(c->inst, "instance", "K", &K, e) || ck_get_int(c->inst, "instance", "n", &n, e)) return -1;
    if (K < 2 || K > 1000000 || n < 1 || n > 1000000) {
        ck_fail(e, CK_MALFORMED, "instance: 2 <= K, 1 <= n, both <= 10^6");
        return -1;
    }
    if (ck_ulpm_printed_wint(c->wj, "k", 1, (long)K, &k, e) || ck_ulpm_printed_wint(c->wj, "i", 1, (long)n, &i, e))
        return -1;
    c->holds = K == n; /* (k-1)(K-n) = 0 for every k in 1..K iff K = n */
    long cp = (k - 1) * (long)K + i, cd = (k - 1) * (long)n + i;
    if (!c->holds && cp == cd) {
        ck_fail(e, CK_INVALID, "witness (k, i): the two columns coincide there");
        return -1;
    }
    mpq_t x, z;
    mpz_t one;
    mpq_inits(x, z, NULL);
    mpz_init_set_ui(one, 1);
    int rc = 0;
    mpq_set_si(x, cp, 1);
    rc |= ck_ulpm_printed_exact(c->qj, "column_printed", x, z, one, e);
    mpq_set_si(x, cd, 1);
    rc |= ck_ulpm_printed_exact(c->qj, "column_derived", x, z, one, e);
    mpq_set_si(x, (long)(K * n), 1);
    rc |= ck_ulpm_printed_exact(c->qj, "columns", x, z, one, e);
    mpq_clears(x, z, NULL);
    mpz_clear(one);
    return rc ? -1 : 0;
}

/* eq55-endpoint: W'(a)_rc = C (M_rc + a u_r) sqrt(pq)/p with 1 + 2a^2 = p/q, against C M_rc */
static int ck_ulpm_printed_eq55(ck_ulpm_printed_ctx *c, ck_err *e)
{
    static const int M[4][4] = {{1, -1, 0, 0}, {-1, 1, 0, 0}, {0, 0, 1, -1}, {0, 0, -1, 1}};
    static const int U[4] = {1, 1, -1, -1};
    long wr, wc;
    int rc = -1;
    mpq_t C, a, s, t, z, W1;
    mpz_t m;
    mpq_inits(C, a, s, t, z, W1, NULL);
    mpz_init(m);
    ck_qs x;
    ck_qs_init(&x);
    if (ck_ulpm_printed_entry(C, json_object_get(c->inst, "C"), "C", e) ||
        ck_ulpm_printed_entry(a, json_object_get(c->inst, "a"), "a", e))
        goto out;
    if (mpq_sgn(C) == 0) {
        ck_fail(e, CK_MALFORMED, "instance.C: must be non-zero");
        goto out;
    }
    if (mpz_sizeinbase(mpq_numref(a), 2) > 14 || mpz_sizeinbase(mpq_denref(a), 2) > 14) {
        ck_fail(e, CK_MALFORMED, "instance.a: numerator and denominator below 2^14 required");
        goto out;
    }
    if (ck_ulpm_printed_wint(c->wj, "r", 0, 3, &wr, e) || ck_ulpm_printed_wint(c->wj, "c", 0, 3, &wc, e)) goto out;
    mpq_mul(s, a, a), mpq_add(s, s, s), mpq_set_ui(t, 1, 1), mpq_add(s, s, t);
    mpz_mul(m, mpq_numref(s), mpq_denref(s));
    c->holds = 1;
    for (int pass = 0; pass < 17; pass++) { /* 16 entries, then the witness again */
        long r = pass < 16 ? pass / 4 : wr, cc = pass < 16 ? pass % 4 : wc;
        mpq_set_si(t, U[r], 1), mpq_mul(t, t, a), mpq_set_si(z, M[r][cc], 1), mpq_add(t, t, z), mpq_mul(t, t, C);
        mpz_set(mpq_numref(z), mpq_numref(s)), mpz_set_ui(mpq_denref(z), 1);
        mpq_div(x.b, t, z);
        mpq_set_ui(x.a, 0, 1);
        mpq_set_si(W1, M[r][cc], 1), mpq_mul(W1, W1, C);
        int eq = ck_qs_cmp_q(&x, W1, m) == 0;
        if (pass < 16)
            c->holds &= eq;
        else if (!c->holds && eq) {
            ck_fail(e, CK_INVALID, "witness (r, c): W'(a) and W agree there");
            goto out;
        }
    }
    mpq_set_ui(z, 0, 1);
    if (ck_ulpm_printed_exact(c->qj, "curve_entry", x.a, x.b, m, e)) goto out;
    mpz_set_ui(m, 1);
    if (ck_ulpm_printed_exact(c->qj, "W_entry", W1, z, m, e)) goto out;
    rc = 0;
out:
    mpq_clears(C, a, s, t, z, W1, NULL);
    mpz_clear(m);
    ck_qs_clear(&x);
    return rc;
}

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(ulpm, printed, "ulpm.printed");

int ck_claim_ulpm_printed(const json_t *root, ck_verdict verdict, ck_err *e)
{
    const json_t *inst = json_object_get(root, "instance");
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    json_t *wj = ck_get_obj(root, "certificate", "witnesses", e),
           *qj = ck_get_obj(root, "certificate", "quantities", e);
    if (e->code) return -1;
    const char *kind = json_string_value(json_object_get(inst, "kind"));
    const char *part = json_string_value(json_object_get(inst, "part"));
    if (!json_is_object(inst) || !kind || strcmp(kind, "ulpm-printed/1") || !part) {
        ck_fail(e, CK_MALFORMED, "instance: {\"kind\": \"ulpm-printed/1\", \"part\": ...} required");
        return -1;
    }
    const ck_ulpm_printed_part *P = NULL;
    for (size_t t = 0; t < sizeof PARTS / sizeof PARTS[0]; t++)
        if (!strcmp(part, PARTS[t].part)) P = &PARTS[t];
    if (!P) {
        ck_fail(e, CK_MALFORMED, "instance.part: unknown part \"%s\"", part);
        return -1;
    }
    if (ck_keys(inst, "instance", P->ikeys, NULL, e) || ck_keys(wj, "witnesses", P->wkeys, NULL, e) ||
        ck_keys(qj, "quantities", P->qkeys, NULL, e))
        return -1;
    if (strcmp(as, "none") && strcmp(as, P->fails) && (!P->holds || strcmp(as, P->holds))) {
        ck_fail(e, CK_MALFORMED, "assertion: unknown assertion \"%s\" for part %s", as, part);
        return -1;
    }
    if (!strcmp(as, "none")) {
        ck_fail(e, CK_INVALID, "INCONCLUSIVE or assertion \"none\": the certificate establishes nothing");
        return -1;
    }
    ck_ulpm_printed_ctx c = {inst, wj, qj, as, P->holds, P->fails, 0};
    if (P->fn(&c, e)) return -1;
    if (c.holds && !P->holds) {
        ck_fail(e, CK_INVALID, "the printed formula is not refuted on this instance");
        return -1;
    }
    const char *want_as = c.holds ? P->holds : P->fails;
    ck_verdict want_v = c.holds ? CK_PROVED : CK_REFUTED;
    if (strcmp(as, want_as)) {
        ck_fail(e, CK_INVALID, "assertion does not follow: the checker establishes \"%s\"", want_as);
        return -1;
    }
    if (ck_verdict_follows(verdict, want_v, NULL, e)) return -1;
    return 0;
}
