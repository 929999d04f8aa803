/* ulpm_printed.c: certifier of ulpm.printed: dispatch on the instance's "part" and the exact
 * parts on matrices: def21-symmetric (Definition 2.1's
 * "symmetric matrix"), nc4 (argmin in (NC4)), eq64-index (column of z_{k,i,j} in (64)) and
 * eq55-endpoint (the point of curve (55) at the printed a). Exact rationals / Q(sqrt m)
 * throughout (tier 2). The helpers the parts share: ulpm_printed_fields.c. See
 * proofs/derivations/ulpm-printed.md. */
#include <string.h>
#include "cert/cert.h"
#include "claims/claim.h"
#include "claims/ulpm/ulpm_def21_quantity.h"
#include "claims/ulpm/ulpm_printed.h"
#include "exact/qsqrt.h"

/* ---- def21-symmetric: M = sqrt(K/(K-1)) Q (I - 1 1^T/K) is "a symmetric matrix" ---- */
static int ulpm_up_part_def21(const json_t *inst, ulpm_up_out *r, nc_error *err)
{
    static const char *const keys[] = {"kind", "part", "Q", NULL};
    long K, c;
    if (ulpm_up_keys(inst, keys, err)) return err->status;
    fmpq *Q = ulpm_up_matrix(inst, "Q", &K, &c, err);
    if (!Q) return err->status;
    if (c != K || K < 2) {
        _fmpq_vec_clear(Q, K * c);
        return nc_error_set(err, 2, "instance.Q: a square K x K matrix, K >= 2, required");
    }
    fmpq_t s, t;
    fmpq_init(s), fmpq_init(t);
    for (long i = 0; i < K; i++) /* Q^T Q = I exactly */
        for (long j = 0; j < K; j++) {
            fmpq_zero(s);
            for (long l = 0; l < K; l++) fmpq_addmul(s, Q + l * K + i, Q + l * K + j);
            if (!(i == j ? fmpq_is_one(s) : fmpq_is_zero(s))) {
                fmpq_clear(s), fmpq_clear(t);
                _fmpq_vec_clear(Q, K * K);
                return nc_error_set(err, 2, "instance.Q: not orthogonal (Q^T Q != I exactly)");
            }
        }
    fmpq *A = _fmpq_vec_init(K * K); /* A = Q (I - J/K): A_ij = Q_ij - rowsum_i / K */
    for (long i = 0; i < K; i++) {
        fmpq_zero(s);
        for (long l = 0; l < K; l++) fmpq_add(s, s, Q + i * K + l);
        ulpm_up_div_si(s, s, K);
        for (long j = 0; j < K; j++) fmpq_sub(A + i * K + j, Q + i * K + j, s);
    }
    long wi = 0, wj = 1;
    int sym = 1;
    for (long i = 0; i < K && sym; i++)
        for (long j = i + 1; j < K && sym; j++)
            if (!fmpq_equal(A + i * K + j, A + j * K + i)) sym = 0, wi = i, wj = j;
    slong m = K * (K - 1); /* sqrt(K/(K-1)) = sqrt(K(K-1))/(K-1) */
    qsqrt_t x;
    qsqrt_init(x);
    r->q = json_object();
    ulpm_up_div_si(x->b, A + wi * K + wj, K - 1);
    json_object_set_new(r->q, "m_ij", ulpm_exact_quantity(x, m));
    ulpm_up_div_si(x->b, A + wj * K + wi, K - 1);
    json_object_set_new(r->q, "m_ji", ulpm_exact_quantity(x, m));
    r->w = json_pack("{s:I, s:I}", "i", (json_int_t)wi, "j", (json_int_t)wj);
    r->label = "Definition 2.1 (seed 001)";
    r->statement = "M = sqrt(K/(K-1)) Q (I_K - 1 1^T/K) with Q orthogonal is a symmetric matrix";
    r->assertion = sym ? "M is symmetric" : "M is not symmetric";
    r->verdict = sym ? NC_PROVED : NC_REFUTED;
    qsqrt_clear(x);
    fmpq_clear(s), fmpq_clear(t);
    _fmpq_vec_clear(A, K * K);
    _fmpq_vec_clear(Q, K * K);
    return 0;
}

/* ---- nc4: argmin_k <w_k, h> against argmin_k ||h - hbar_k||, hbar_k = w_k / C ---- */
static int ulpm_up_part_nc4(const json_t *inst, ulpm_up_out *r, nc_error *err)
{
    static const char *const keys[] = {"kind", "part", "W", "C", "h", NULL};
    long K, d;
    if (ulpm_up_keys(inst, keys, err)) return err->status;
    fmpq *W = ulpm_up_matrix(inst, "W", &K, &d, err);
    if (!W) return err->status;
    fmpq_t C, t, u;
    fmpq_init(C), fmpq_init(t), fmpq_init(u);
    fmpq *h = _fmpq_vec_init(d), *in = _fmpq_vec_init(K), *di = _fmpq_vec_init(K);
    json_t *ha = json_object_get(inst, "h");
    int bad = K < 2 ? nc_error_set(err, 2, "instance.W: K >= 2 rows required") : ulpm_up_rational(C, inst, "C", err);
    if (!bad && fmpq_sgn(C) <= 0) bad = nc_error_set(err, 2, "instance.C: must be > 0");
    if (!bad && (!json_is_array(ha) || (long)json_array_size(ha) != d))
        bad = nc_error_set(err, 2, "instance.h: an array of d = %ld number strings required", d);
    for (long l = 0; l < d && !bad; l++) bad = ulpm_up_entry(h + l, json_array_get(ha, (size_t)l), "h", err);
    if (bad) goto out;
    for (long k = 0; k < K; k++) {
        fmpq_zero(in + k), fmpq_zero(di + k);
        for (long l = 0; l < d; l++) {
            fmpq_addmul(in + k, W + k * d + l, h + l);
            fmpq_div(t, W + k * d + l, C);
            fmpq_sub(t, h + l, t);
            fmpq_addmul(di + k, t, t);
        }
    }
    fmpq_set(t, in + 0), fmpq_set(u, di + 0); /* minima */
    for (long k = 1; k < K; k++) {
        if (fmpq_cmp(in + k, t) < 0) fmpq_set(t, in + k);
        if (fmpq_cmp(di + k, u) < 0) fmpq_set(u, di + k);
    }
    long a = -1, b = -1;
    int same = 1;
    for (long k = 0; k < K; k++) same &= fmpq_equal(in + k, t) == fmpq_equal(di + k, u);
    /* witnesses: a in argmin <w,h>, b in argmin dist; when the sets differ, a outside the
     * nearest set if possible, else b outside the printed set */
    for (long k = 0; k < K && a < 0; k++)
        if (fmpq_equal(in + k, t) && !fmpq_equal(di + k, u)) a = k;
    for (long k = 0; k < K && b < 0; k++)
        if (fmpq_equal(di + k, u) && (a >= 0 || same || !fmpq_equal(in + k, t))) b = k;
    for (long k = 0; k < K && a < 0; k++)
        if (fmpq_equal(in + k, t)) a = k;
    r->w = json_pack("{s:I, s:I}", "printed", (json_int_t)a, "nearest", (json_int_t)b);
    r->q = json_object();
    json_object_set_new(r->q, "inner_printed", ulpm_rational_quantity(in + a));
    json_object_set_new(r->q, "inner_nearest", ulpm_rational_quantity(in + b));
    json_object_set_new(r->q, "dist_sq_printed", ulpm_rational_quantity(di + a));
    json_object_set_new(r->q, "dist_sq_nearest", ulpm_rational_quantity(di + b));
    r->label = "(NC4) (seed 001)";
    r->statement = "argmin_k <w_k, h> = argmin_k ||h - hbar_k|| (class means hbar_k = w_k / C)";
    r->assertion =
        same ? "argmin_k <w_k, h> = argmin_k ||h - hbar_k||" : "argmin_k <w_k, h> != argmin_k ||h - hbar_k||";
    r->verdict = same ? NC_PROVED : NC_REFUTED;
out:
    fmpq_clear(C), fmpq_clear(t), fmpq_clear(u);
    _fmpq_vec_clear(h, d), _fmpq_vec_clear(in, K), _fmpq_vec_clear(di, K);
    _fmpq_vec_clear(W, K * d);
    return bad ? err->status : 0;
}

/* ---- eq64-index: column of z_{k,i,j}: printed (k-1)K + i, class-major (k-1)n + i ---- */
static int ulpm_up_part_eq64(const json_t *inst, ulpm_up_out *r, nc_error *err)
{
    static const char *const keys[] = {"kind", "part", "K", "n", NULL};
    long K, n;
    if (ulpm_up_keys(inst, keys, err) || ulpm_up_int(&K, inst, "K", 2, 1000000, err) ||
        ulpm_up_int(&n, inst, "n", 1, 1000000, err))
        return err->status;
    int eq = K == n; /* (k-1)(K-n) = 0 for all k iff K = n (k = 2 exists) */
    long k = eq ? K : 2, i = 1;
    fmpq_t x;
    fmpq_init(x);
    r->q = json_object();
    fmpq_set_si(x, (k - 1) * K + i, 1);
    json_object_set_new(r->q, "column_printed", ulpm_rational_quantity(x));
    fmpq_set_si(x, (k - 1) * n + i, 1);
    json_object_set_new(r->q, "column_derived", ulpm_rational_quantity(x));
    fmpq_set_si(x, n * K, 1);
    json_object_set_new(r->q, "columns", ulpm_rational_quantity(x));
    fmpq_clear(x);
    r->w = json_pack("{s:I, s:I}", "k", (json_int_t)k, "i", (json_int_t)i);
    r->label = "(64) (seed 000)";
    r->statement = "z_{k,i,j} is the entry in row j and column (k-1)K + i of Z (1-based)";
    r->assertion = eq ? "(k-1)K + i = (k-1)n + i for all k, i" : "(k-1)K + i != (k-1)n + i at the witness";
    r->verdict = eq ? NC_PROVED : NC_REFUTED;
    return 0;
}

/* ---- eq55-endpoint: W'(a) = C (M + a u 1^T)/sqrt(1 + 2a^2) equals W = C M at the printed a ---- */
static const int M55[4][4] = {{1, -1, 0, 0}, {-1, 1, 0, 0}, {0, 0, 1, -1}, {0, 0, -1, 1}};
static const int U55[4] = {1, 1, -1, -1};

static int ulpm_up_part_eq55(const json_t *inst, ulpm_up_out *r, nc_error *err)
{
    static const char *const keys[] = {"kind", "part", "C", "a", NULL};
    fmpq_t C, a, s;
    fmpq_init(C), fmpq_init(a), fmpq_init(s);
    int bad =
        ulpm_up_keys(inst, keys, err) || ulpm_up_rational(C, inst, "C", err) || ulpm_up_rational(a, inst, "a", err);
    if (!bad && fmpq_is_zero(C)) bad = nc_error_set(err, 2, "instance.C: must be non-zero");
    if (!bad && (fmpz_bits(fmpq_numref(a)) > 14 || fmpz_bits(fmpq_denref(a)) > 14))
        bad = nc_error_set(err, 2, "instance.a: numerator and denominator below 2^14 required");
    if (bad) goto done;
    fmpq_mul(s, a, a); /* s = 1 + 2a^2 = p/q; 1/sqrt(s) = sqrt(pq)/p */
    fmpq_mul_si(s, s, 2);
    fmpq_add_si(s, s, 1);
    slong p = fmpz_get_si(fmpq_numref(s)), m = p * fmpz_get_si(fmpq_denref(s));
    qsqrt_t x, y;
    qsqrt_init(x), qsqrt_init(y);
    long wr = 0, wc = 0;
    int eq = 1;
    for (long rr = 0; rr < 4; rr++)
        for (long cc = 0; cc < 4; cc++) {
            fmpq_mul_si(x->b, a, U55[rr]);
            fmpq_add_si(x->b, x->b, M55[rr][cc]);
            fmpq_mul(x->b, x->b, C);
            ulpm_up_div_si(x->b, x->b, p);
            fmpq_zero(x->a);
            fmpq_mul_si(y->a, C, M55[rr][cc]);
            fmpq_zero(y->b);
            if (eq && !qsqrt_equal(x, y, m)) eq = 0, wr = rr, wc = cc;
        }
    fmpq_mul_si(x->b, a, U55[wr]); /* the witness entry again */
    fmpq_add_si(x->b, x->b, M55[wr][wc]);
    fmpq_mul(x->b, x->b, C);
    ulpm_up_div_si(x->b, x->b, p);
    fmpq_zero(x->a);
    fmpq_mul_si(y->a, C, M55[wr][wc]);
    r->q = json_object();
    json_object_set_new(r->q, "curve_entry", ulpm_exact_quantity(x, m));
    json_object_set_new(r->q, "W_entry", ulpm_rational_quantity(y->a));
    r->w = json_pack("{s:I, s:I}", "r", (json_int_t)wr, "c", (json_int_t)wc);
    r->label = "(55) and the sentence after it (seed 000)";
    r->statement = "W'(a) = C (M + a u 1^T)/sqrt(1+2a^2), H'(a) = W'(a)^T; when a = -1, (W', H') = (W, H) = (C M, C M)";
    r->assertion = eq ? "W'(a) = W" : "W'(a) != W";
    r->verdict = eq ? NC_PROVED : NC_REFUTED;
    qsqrt_clear(x), qsqrt_clear(y);
done:
    fmpq_clear(C), fmpq_clear(a), fmpq_clear(s);
    return bad ? err->status : 0;
}

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(
    ulpm, printed, "ulpm.printed", "Printed formulas (audit)",
    "single printed formulas: Def. 2.1 symmetry, NC4, flow sign, (12), (55), (58), (64), (67), Lemma B.5 bound");

int ulpm_printed_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    const char *kind = json_string_value(json_object_get(instance_json, "kind"));
    const char *part = json_string_value(json_object_get(instance_json, "part"));
    if (!kind || strcmp(kind, "ulpm-printed/1"))
        return nc_error_set(err, 2, "instance: kind \"ulpm-printed/1\" required (specs/claims/ulpm.printed.md)");
    if (!part) return nc_error_set(err, 2, "instance.part: a string required");
    ulpm_up_out r = {0};
    r.tier = 2;
    /* The parts, by instance.part: exact ones, and ball ones (which take the precision options). */
    static const struct {
        const char *name;
        int (*exact)(const json_t *inst, ulpm_up_out *r, nc_error *err);
        int (*ball)(const json_t *inst, const certify_options *o, ulpm_up_out *r, nc_error *err);
    } PARTS[] = {
        {"def21-symmetric", ulpm_up_part_def21, NULL},
        {"nc4", ulpm_up_part_nc4, NULL},
        {"eq64-index", ulpm_up_part_eq64, NULL},
        {"eq55-endpoint", ulpm_up_part_eq55, NULL},
        {"eq58", ulpm_up_part_eq58, NULL},
        {"eq12", ulpm_up_part_eq12, NULL},
        {"gbound", NULL, ulpm_up_part_gbound},
        {"gradient-flow", NULL, ulpm_up_part_flow},
        {"eq67-tangent", NULL, ulpm_up_part_eq67},
    };
    size_t t = 0;
    while (t < sizeof PARTS / sizeof PARTS[0] && strcmp(part, PARTS[t].name)) t++;
    if (t == sizeof PARTS / sizeof PARTS[0]) return nc_error_set(err, 2, "instance.part: unknown part \"%s\"", part);
    int rc = PARTS[t].exact ? PARTS[t].exact(instance_json, &r, err) : PARTS[t].ball(instance_json, o, &r, err);
    if (rc) {
        json_decref(r.w), json_decref(r.q), json_decref(r.instance);
        return rc;
    }
    if (!r.instance) r.instance = json_deep_copy(instance_json);
    *cert = cert_assemble("ulpm.printed", ulpm_source(r.label, r.statement), r.instance, cert_method(r.tier, r.prec),
                          r.assertion, r.w, r.q, r.verdict);
    return 0;
}

/* The command line of ulpm.printed (claim.h, claim_cli). */
static const claim_kind cli_kind = {"ulpm-printed/1",
                                    "one printed formula (part) and its fields "
                                    "(specs/claims/ulpm.printed.md)",
                                    NULL, NULL};
static const claim_use cli_uses[] = {
    {&cli_kind, "--instance-json '{\"kind\":\"ulpm-printed/1\",\"part\":\"eq58\",\"a\":\"2\"}'"}, {NULL, NULL}};
const claim_cli ulpm_printed_cli = {cli_uses, 1};
