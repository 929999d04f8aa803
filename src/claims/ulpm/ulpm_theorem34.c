/* ulpm_theorem34.c: certifier of ulpm.theorem-3.4 (seed 001 Theorem 3.4 = seed 000 Theorem
 * C.2) at points exactly critical on the sphere (grad L = lambda (W, H)): lambda, the minimal
 * margin q_min (Theorem C.2's hypothesis q_min > 0, absent from Theorem 3.4), a tangent
 * direction of strictly negative second variation s(v) = v.(Hess L)v - lambda |v|^2 (and, when
 * lambda < 0 is not certified, of negative q(v) = v.(Hess L)v: (13) needs one of them), the
 * paper's construction after (77), and the inertia of the Riemannian Hessian on the tangent
 * space modulo the O(d) orbit. At optimal (NC) points: no negative direction. Why the checks
 * imply the claim: proofs/derivations/ulpm-theorem-3.4.md; format: specs/claims/ulpm.theorem-3.4.md. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <flint/fmpq_mat.h>
#include "cert/cert.h"
#include "claims/claim.h"
#include "claims/ulpm/ulpm_def21_quantity.h"
#include "claims/ulpm/ulpm_theorem34.h"
#include "claims/ulpm/ulpm_cli.h"

#define T34_INERTIA_MAX_D 400 /* dense reduced Hessian (Jacobi in doubles) up to this size */
#define T34_NEG "negative second variation"
#define T34_NONNEG "no negative second variation"
#define T34_NONE "none"

typedef struct {
    int have_dir, have_con, have_inertia;
    fmpq *dir, *con; /* D-vectors */
    fmpq *a, *u, *v; /* construction: a (d), u (K), v (N) */
    arb_t q_dir, s_dir, s_con, lam;
    fmpq_t margin_min; /* q_min, exact */
    long neg, pos, zero;
    ulpm_t34_numeric num;
} ulpm_t34_result;

static json_t *ulpm_t34_source(void)
{
    return ulpm_source(
        "Theorem 3.4 (= Theorem C.2), eqs. (12)-(14), (67)-(77)",
        "If (W,H) is not an optimal (NC, ||W||=||H||) point of Theorem 3.3, there is a direction in the "
        "tangent space T(W,H) = {tr(W^T dW) + tr(H^T dH) = 0} along which loss (4) decreases; at "
        "critical points (grad L = lambda (W,H)) it is a direction of strictly negative second variation "
        "on the sphere ||W||^2 + ||H||^2 = const, so points on the sphere arbitrarily close have lower loss");
}

/* An exact rational quantity (its ball is the point itself, its exact value a). */
static json_t *ulpm_t34_exact(const fmpq_t v)
{
    arb_t x;
    qsqrt_t e;
    arb_init(x), qsqrt_init(e);
    arb_set_fmpq(x, v, 128);
    fmpq_set(e->a, v);
    json_t *q = cert_quantity(x, e, 1);
    arb_clear(x), qsqrt_clear(e);
    return q;
}

static json_t *ulpm_t34_count(long v)
{
    fmpq_t x;
    fmpq_init(x);
    fmpq_set_si(x, v, 1);
    json_t *q = ulpm_t34_exact(x);
    fmpq_clear(x);
    return q;
}

static json_t *rows_json(const fmpq *A, long r, long c)
{
    json_t *a = json_array();
    for (long i = 0; i < r; i++) {
        json_t *row = json_array();
        for (long j = 0; j < c; j++) json_array_append_new(row, cert_fmpq_string(A + i * c + j));
        json_array_append_new(a, row);
    }
    return a;
}

static json_t *vec_json(const fmpq *v, long len)
{
    json_t *a = json_array();
    for (long j = 0; j < len; j++) json_array_append_new(a, cert_fmpq_string(v + j));
    return a;
}

/* Interval LDL^T (1 x 1 pivots, no pivoting) of the symmetric m x m ball matrix A (lower
 * triangle used, destroyed). Returns 1 and the pivot sign counts when every pivot excludes 0:
 * then by Sylvester's law the exact matrix has exactly neg negative and pos positive
 * eigenvalues. */
static int ldl_inertia(arb_ptr A, long m, long *neg, long *pos, slong prec)
{
    arb_t l;
    arb_init(l);
    *neg = *pos = 0;
    int ok = 1;
    for (long k = 0; ok && k < m; k++) {
        arb_srcptr piv = A + k * m + k;
        if (!arb_is_nonzero(piv)) {
            ok = 0;
            break;
        }
        if (arb_is_negative(piv))
            (*neg)++;
        else
            (*pos)++;
        for (long i = k + 1; i < m; i++) {
            arb_div(l, A + i * m + k, piv, prec);
            for (long j = k + 1; j <= i; j++) arb_submul(A + i * m + j, l, A + j * m + k, prec);
        }
    }
    arb_clear(l);
    return ok;
}

/* Pb = b - (x.b / x.x) x, exactly (b integer). */
static void project_tangent(fmpq *out, const ulpm_t34_point *P, const slong *b, const fmpq_t xx)
{
    fmpq_t dot, t;
    fmpq_init(dot), fmpq_init(t);
    long nw = P->K * P->d;
    for (long i = 0; i < P->D; i++) {
        fmpq_set_si(out + i, b[i], 1);
        fmpq_addmul(dot, out + i, i < nw ? P->W + i : P->H + i - nw);
    }
    fmpq_div(dot, dot, xx);
    for (long i = 0; i < P->D; i++) {
        fmpq_mul(t, dot, i < nw ? P->W + i : P->H + i - nw);
        fmpq_sub(out + i, out + i, t);
    }
    fmpq_clear(dot), fmpq_clear(t);
}

/* Inertia of the reduced Riemannian Hessian on the basis proposed by the double search. */
static int ulpm_t34_inertia(ulpm_t34_result *R, const ulpm_t34_point *P, const ulpm_t34_crit *cr,
                            const ulpm_t34_ball *b)
{
    long D = P->D, m = R->num.m;
    fmpq *pb = _fmpq_vec_init(D);
    arb_ptr PB = _arb_vec_init(m * D), SPB = _arb_vec_init(m * D), A = _arb_vec_init(m * m + 1);
    for (long t = 0; t < m; t++) {
        project_tangent(pb, P, R->num.basis + t * D, cr->xx);
        for (long i = 0; i < D; i++) arb_set_fmpq(PB + t * D + i, pb + i, b->prec);
        ulpm_t34_ball_hess_vec(SPB + t * D, b, PB + t * D, 1);
    }
    for (long i = 0; i < m; i++)
        for (long j = 0; j <= i; j++) arb_dot(A + i * m + j, NULL, 0, PB + i * D, 1, SPB + j * D, 1, D, b->prec);
    int ok = ldl_inertia(A, m, &R->neg, &R->pos, b->prec);
    R->zero = R->num.npairs;
    _fmpq_vec_clear(pb, D);
    _arb_vec_clear(PB, m * D), _arb_vec_clear(SPB, m * D), _arb_vec_clear(A, m * m + 1);
    return ok;
}

/* The construction of seed 000 after (77): a in null(W) and null(H^T), u, v top singular
 * vectors of G (rounded to 2^-20), dW = u a^T, dH = -a v^T. Returns 0 when no such a exists. */
static int ulpm_t34_construction(ulpm_t34_result *R, const ulpm_t34_point *P, const double *G)
{
    long K = P->K, d = P->d, N = P->N;
    fmpq_mat_t M;
    fmpz_mat_t Mz, X;
    fmpq_mat_init(M, K + N, d);
    fmpz_mat_init(Mz, K + N, d);
    fmpz_mat_init(X, d, d);
    for (long k = 0; k < K; k++)
        for (long l = 0; l < d; l++) fmpq_set(fmpq_mat_entry(M, k, l), P->W + k * d + l);
    for (long c = 0; c < N; c++)
        for (long l = 0; l < d; l++) fmpq_set(fmpq_mat_entry(M, K + c, l), P->H + l * N + c);
    fmpq_mat_get_fmpz_mat_rowwise(Mz, NULL, M); /* rows scaled: same null space */
    int found = fmpz_mat_nullspace(X, Mz) > 0;  /* basis vectors in the first columns */
    fmpz_t one;
    fmpz_init_set_ui(one, 1);
    if (found) {
        double *u = malloc((size_t)K * sizeof(double)), *v = malloc((size_t)N * sizeof(double));
        ulpm_t34_double_top_singular(u, v, G, K, N);
        R->a = _fmpq_vec_init(d), R->u = _fmpq_vec_init(K), R->v = _fmpq_vec_init(N);
        for (long l = 0; l < d; l++) fmpq_set_fmpz_frac(R->a + l, fmpz_mat_entry(X, l, 0), one);
        for (long k = 0; k < K; k++) fmpq_set_si(R->u + k, (slong)llround(u[k] * 1048576.0), 1048576);
        for (long c = 0; c < N; c++) fmpq_set_si(R->v + c, (slong)llround(v[c] * 1048576.0), 1048576);
        R->con = _fmpq_vec_init(P->D);
        for (long k = 0; k < K; k++)
            for (long l = 0; l < d; l++) fmpq_mul(R->con + k * d + l, R->u + k, R->a + l);
        for (long l = 0; l < d; l++)
            for (long c = 0; c < N; c++) {
                fmpq_mul(R->con + K * d + l * N + c, R->a + l, R->v + c);
                fmpq_neg(R->con + K * d + l * N + c, R->con + K * d + l * N + c);
            }
        free(u), free(v);
    }
    fmpz_clear(one);
    fmpq_mat_clear(M), fmpz_mat_clear(Mz), fmpz_mat_clear(X);
    return found;
}

static void result_init(ulpm_t34_result *R)
{
    memset(R, 0, sizeof *R);
    arb_init(R->q_dir), arb_init(R->s_dir), arb_init(R->s_con), arb_init(R->lam);
    fmpq_init(R->margin_min);
}

static void result_clear(ulpm_t34_result *R, const ulpm_t34_point *P)
{
    if (R->dir) _fmpq_vec_clear(R->dir, P->D);
    if (R->con) _fmpq_vec_clear(R->con, P->D);
    if (R->a) _fmpq_vec_clear(R->a, P->d), _fmpq_vec_clear(R->u, P->K), _fmpq_vec_clear(R->v, P->N);
    arb_clear(R->q_dir), arb_clear(R->s_dir), arb_clear(R->s_con), arb_clear(R->lam);
    fmpq_clear(R->margin_min);
    ulpm_t34_numeric_clear(&R->num);
}

/* One attempt at precision prec; the double search runs once (first call). */
static void ulpm_t34_attempt(ulpm_t34_result *R, const ulpm_t34_point *P, const ulpm_t34_crit *cr, slong prec,
                             int first)
{
    long K = P->K, N = P->N, D = P->D;
    ulpm_t34_ball b;
    ulpm_t34_ball_init(&b, P, cr, prec);
    arb_set(R->lam, b.lam);
    double *G = malloc((size_t)(K * N) * sizeof(double));
    double lam_d;
    ulpm_t34_double_grad(G, &lam_d, P);
    if (first && D <= T34_INERTIA_MAX_D) ulpm_t34_numeric_search(&R->num, P, G, lam_d);
    if (first) ulpm_t34_construction(R, P, G);
    R->have_inertia = R->num.m > 0 && ulpm_t34_inertia(R, P, cr, &b);
    arb_t q;
    arb_init(q);
    R->have_con = 0;
    if (R->con) {
        ulpm_t34_ball_forms(q, R->s_con, &b, R->con);
        R->have_con = arb_is_negative(R->s_con) && arb_is_negative(R->lam); /* no q: needs lambda < 0 */
    }
    if (first && R->num.m > 0) { /* direction: the most negative approximate eigenvector */
        long best = 0;
        for (long t = 1; t < R->num.m; t++)
            if (R->num.eig[t] < R->num.eig[best]) best = t;
        if (R->num.eig[best] < 0) {
            R->dir = _fmpq_vec_init(D);
            for (long i = 0; i < D; i++) fmpq_set_si(R->dir + i, R->num.basis[best * D + i], 1048576);
            ulpm_t34_make_tangent(R->dir, P);
        }
    } else if (first && R->con) { /* large instances: the construction is the direction */
        R->dir = _fmpq_vec_init(D);
        ulpm_t34_qvec_set(R->dir, R->con, D);
    }
    R->have_dir = 0;
    if (R->dir) {
        ulpm_t34_ball_forms(R->q_dir, R->s_dir, &b, R->dir);
        R->have_dir = arb_is_negative(R->s_dir) && (arb_is_negative(R->lam) || arb_is_negative(R->q_dir));
    }
    arb_clear(q);
    free(G);
    ulpm_t34_ball_clear(&b);
}

static json_t *ulpm_t34_witnesses(const ulpm_t34_result *R, const ulpm_t34_point *P)
{
    json_t *w = json_object();
    long K = P->K, d = P->d, N = P->N, D = P->D;
    if (R->have_dir) {
        json_t *dir = json_object();
        json_object_set_new(dir, "dW", rows_json(R->dir, K, d));
        json_object_set_new(dir, "dH", rows_json(R->dir + K * d, d, N));
        json_object_set_new(w, "direction", dir);
    }
    if (R->have_con) {
        json_t *c = json_object();
        json_object_set_new(c, "a", vec_json(R->a, d));
        json_object_set_new(c, "u", vec_json(R->u, K));
        json_object_set_new(c, "v", vec_json(R->v, N));
        json_object_set_new(w, "paper_construction", c);
    }
    if (R->have_inertia) {
        json_t *in = json_object(), *pairs = json_array(), *basis = json_array();
        for (long t = 0; t < R->num.npairs; t++) {
            json_t *p = json_array();
            json_array_append_new(p, json_integer(R->num.pairs[2 * t]));
            json_array_append_new(p, json_integer(R->num.pairs[2 * t + 1]));
            json_array_append_new(pairs, p);
        }
        for (long t = 0; t < R->num.m; t++) {
            json_t *col = json_array();
            for (long i = 0; i < D; i++) json_array_append_new(col, json_integer(R->num.basis[t * D + i]));
            json_array_append_new(basis, col);
        }
        json_object_set_new(in, "orbit_pairs", pairs);
        json_object_set_new(in, "basis", basis);
        json_object_set_new(w, "inertia", in);
    }
    return w;
}

static json_t *ulpm_t34_quantities(const ulpm_t34_result *R)
{
    json_t *q = json_object();
    json_object_set_new(q, "lambda", ulpm_widened_quantity(R->lam, -100));
    json_object_set_new(q, "margin_min", ulpm_t34_exact(R->margin_min));
    if (R->have_dir) {
        json_object_set_new(q, "direction_q", ulpm_widened_quantity(R->q_dir, -100));
        json_object_set_new(q, "direction_second_variation", ulpm_widened_quantity(R->s_dir, -100));
    }
    if (R->have_con) json_object_set_new(q, "construction_second_variation", ulpm_widened_quantity(R->s_con, -100));
    if (R->have_inertia) {
        json_object_set_new(q, "negative_count", ulpm_t34_count(R->neg));
        json_object_set_new(q, "zero_count", ulpm_t34_count(R->zero));
        json_object_set_new(q, "positive_count", ulpm_t34_count(R->pos));
    }
    return q;
}

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(ulpm, theorem34, "ulpm.theorem-3.4", "Theorem 3.4 (= C.2)",
              "negative second variation at non-optimal critical points");

int ulpm_theorem34_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    ulpm_t34_point P;
    if (ulpm_t34_point_from_json(&P, instance_json, err)) return err->status;
    ulpm_t34_crit cr;
    ulpm_t34_result R;
    result_init(&R);
    int critical = ulpm_t34_crit_exact(&cr, &P);
    ulpm_t34_margin_min(R.margin_min, &P);
    slong prec = 0;
    const char *assertion = T34_NONE;
    nc_verdict verdict = NC_INCONCLUSIVE;
    if (critical) {
        slong prec_neg = 0; /* the first precision that certified a negative direction */
        for (prec = 128; prec <= o->max_prec; prec *= 2) {
            ulpm_t34_attempt(&R, &P, &cr, prec, prec == 128);
            int want_inertia = R.num.m > 0;
            if ((R.have_dir || R.have_con) && !prec_neg) prec_neg = prec;
            if ((R.have_dir || R.have_con) && (R.have_inertia || !want_inertia)) break;
            if (arb_is_negative(R.lam) && P.is_nc && R.have_inertia) break;
        }
        if (prec > o->max_prec && prec_neg) { /* the inertia never came (e.g. exact zero
                                                    eigenvalues off the orbit): drop it */
            prec = prec_neg;
            ulpm_t34_attempt(&R, &P, &cr, prec, 0);
        }
        if (prec > o->max_prec) prec = o->max_prec;
        if (R.have_dir || R.have_con)
            assertion = T34_NEG, verdict = NC_PROVED;
        else if (arb_is_negative(R.lam) && R.have_inertia && R.neg == 0)
            assertion = T34_NONNEG, verdict = P.is_nc ? NC_PROVED : NC_REFUTED;
    }
    if (strcmp(assertion, T34_NONE) == 0) R.have_dir = R.have_con = R.have_inertia = 0;
    *cert = cert_assemble("ulpm.theorem-3.4", ulpm_t34_source(), json_incref(P.json), cert_method(1, prec), assertion,
                          ulpm_t34_witnesses(&R, &P), ulpm_t34_quantities(&R), verdict);
    result_clear(&R, &P);
    ulpm_t34_crit_clear(&cr);
    ulpm_t34_point_clear(&P);
    return 0;
}

/* The command line of ulpm.theorem-3.4 (claim.h, claim_cli): a critical point on the sphere with
 * rational entries (an explicit one, the nc/1 point with n a square) or the pairing points. The
 * certifier also reads random-dyadic/1 and nc-perturbed/1 points, but those are not critical:
 * INCONCLUSIVE, so the command line does not offer their flags. */
static const claim_kind cli_kind_explicit = {"explicit",
                                             "a critical point on the sphere, W and H entrywise, exact strings "
                                             "(specs/instance.md; a point that is not critical: INCONCLUSIVE)",
                                             NULL, NULL};
static const claim_kind cli_kind = {"ulpm-pairing/1",
                                    "the pairing point W = H = C blockdiag([[1,-1],[-1,1]], ...), "
                                    "K even (specs/claims/ulpm.theorem-3.4.md)",
                                    NULL, NULL};
static const claim_use cli_uses[] = {{&ulpm_cli_nc, "--nc --K 3 --n 1 --d 3"},
                                     {&cli_kind_explicit,
                                      "--instance-json '{\"K\":2,\"n\":2,\"d\":2,\"W\":[[\"0\",\"0\"],[\"0\",\"0\"]],"
                                      "\"H\":[[\"1\",\"-1\",\"0\",\"0\"],[\"0\",\"0\",\"1\",\"-1\"]]}'"},
                                     {&cli_kind, "--instance-json '{\"kind\":\"ulpm-pairing/1\",\"K\":4,\"C\":\"1\"}'"},
                                     {NULL, NULL}};
const claim_cli ulpm_theorem34_cli = {cli_uses, 1};
