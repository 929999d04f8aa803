/* linconv_errbound.c: certifies an explicit error-bound pair (delta, kappa) for problems (5)
 * and (8) of seed 002 on one "linconv/1" instance below the threshold (linconv_errbound.h; the
 * argument is proofs/derivations/linconv-theorem-2.md).
 *
 * x* = the Proposition 1 / 3 point (W = alpha [P; 0], H_i = beta W, b = 1/K), exactly
 * stationary (checked in Q(sqrt m)). The region R = {x* + u : |u_i| <= delta for every
 * coordinate} contains the normal slice {x* + v : v normal to the orbit at x*, ||v|| <= delta}.
 * Over R the Hessian is enclosed with balls (linconv_hessian_at on the widened point) and the
 * tangent term c B0 B0^T is added with B0 at x* itself; ball_pd proves lambda_min > mu for
 * every matrix in the enclosure, hence v^T Hess(z) v > mu ||v||^2 for every z in R and every
 * normal v (B0^T v = 0), and kappa >= 1/mu works for every x within delta of the orbit.
 * MSE above the dense cap (D > 4000): the same statement through the reduced matrix on (W, class
 * means, b) (linconv_schur.c, "schur") or its core/block split (linconv_schur_split.c,
 * "schur-split"), derivation section 7. */
#include <math.h>
#include <stdlib.h>
#include "claims/linconv/linconv_errbound.h"
#include "claims/linconv/linconv_common.h"
#include "claims/linconv/linconv_schur.h"
#include "claims/linconv/linconv_schur_split.h"
#include "ball/ball_pd.h"
#include "cert/cert.h"
#include "common/progress.h"

#define PREC 128
#define LINCONV_WHOLE_MAX 1024 /* reduced dimension 2dK + K up to which the split is not tried */

static const char *const STATEMENT_MSE =
    "Theorem 2: problem (5) (MSE with bias), lambda_W lambda_H < 1/(nK^2): there exist delta_1, kappa_1 > 0 such that "
    "dist((W,H,b), X) <= delta_1 implies dist((W,H,b), X) <= kappa_1 ||grad F(W,H,b)||_F";
static const char *const STATEMENT_CE =
    "Theorem 4: problem (8) (CE), K = 2, d >= K, lambda_W lambda_H < 1/(nK^2): there exist delta_2, kappa_2 > 0 such "
    "that "
    "dist((W,H), X) <= delta_2 implies dist((W,H), X) <= kappa_2 ||grad F(W,H)||_F (K >= 3 is left open by the paper)";

/* The assertion, identical in the checker (check_linconv_errbound.c). */
static const char *assertion_text(int loss, slong K)
{
    if (loss == LINCONV_MSE)
        return "for every x with dist(x, X) <= delta: dist(x, X) <= kappa ||grad F(x)||, X the O(d) orbit of the "
               "exactly stationary Proposition 1 point";
    if (K == 2)
        return "for every x with dist(x, X) <= delta: dist(x, X) <= kappa ||grad F(x)||, X the O(d) orbit of the "
               "exactly stationary Proposition 3 point";
    return "beyond the paper (K >= 3, left open by seed 002): for every x with dist(x, X) <= delta: dist(x, X) <= "
           "kappa ||grad F(x)||, X the O(d) orbit of the exactly stationary Proposition 3 point";
}

/* Exact constants, stationarity scalars (must be 0) and the point x* (balls). Returns 1 iff the
 * stationarity scalars vanish exactly. */
static int optimal_point(json_t *q, arb_mat_t W, arb_mat_t H, const linconv_inst *I, int loss)
{
    const slong K = I->K, m = I->m;
    qsqrt_t gamma, beta, s, t, u;
    arb_t alpha, bb, x;
    qsqrt_init(gamma), qsqrt_init(beta), qsqrt_init(s), qsqrt_init(t), qsqrt_init(u);
    arb_init(alpha), arb_init(bb), arb_init(x);
    linconv_beta(beta, I);
    linconv_s(s, I);
    int zero = 1;
    if (loss == LINCONV_MSE) { /* gamma = 1 - K s; alpha^2 = gamma/beta */
        fmpq_one(gamma->a), fmpq_mul_si(gamma->b, s->b, -K);
        linconv_put_qs(q, "gamma", gamma, m);
        fmpq_mul_si(t->a, gamma->b, m), fmpq_div(t->a, t->a, I->sq), fmpq_div_fmpz(t->a, t->a, &(fmpz){m});
        fmpq_div(t->b, gamma->a, I->sq), fmpq_div_fmpz(t->b, t->b, &(fmpz){m});
        linconv_put_qs(q, "alpha_sq", t, m);
        linconv_qs_arb(alpha, t, m, PREC);
        /* stat_W = beta (1 - gamma)/K - lamW, stat_H = (1 - gamma)/N - lamH beta */
        fmpq_one(u->a), fmpq_zero(u->b), qsqrt_sub(u, u, gamma);
        qsqrt_mul(t, beta, u, m), qsqrt_scalar_div_si(t, t, K), fmpq_sub(t->a, t->a, I->lamW);
        linconv_put_qs(q, "stat_W", t, m), zero &= !qsqrt_sgn(t, m);
        qsqrt_scalar_div_si(t, u, I->N), fmpq_submul(t->b, beta->b, I->lamH);
        linconv_put_qs(q, "stat_H", t, m), zero &= !qsqrt_sgn(t, m);
    } else { /* gamma = 1/s - K + 1; alpha^2 = log(gamma)/beta */
        fmpq_set_si(gamma->a, 1 - K, 1), fmpq_mul_si(gamma->b, s->b, m), fmpq_inv(gamma->b, gamma->b);
        linconv_put_qs(q, "gamma", gamma, m);
        linconv_qs_arb(x, gamma, m, PREC), linconv_qs_arb(bb, beta, m, PREC);
        arb_log(alpha, x, PREC), arb_div(alpha, alpha, bb, PREC);
        linconv_put_ball(q, "alpha_sq", alpha);
        /* stat_q = (gamma + K - 1) s - 1, stat_W = lamW - beta s, stat_H = lamH beta - s/n */
        qsqrt_set(u, gamma), fmpq_add_si(u->a, u->a, K - 1), qsqrt_mul(t, u, s, m), fmpq_sub_si(t->a, t->a, 1);
        linconv_put_qs(q, "stat_q", t, m), zero &= !qsqrt_sgn(t, m);
        qsqrt_mul(t, beta, s, m), fmpq_neg(t->a, t->a), fmpq_neg(t->b, t->b), fmpq_add(t->a, t->a, I->lamW);
        linconv_put_qs(q, "stat_W", t, m), zero &= !qsqrt_sgn(t, m);
        qsqrt_scalar_div_si(t, s, I->n), fmpq_neg(t->b, t->b), fmpq_addmul(t->b, beta->b, I->lamH);
        linconv_put_qs(q, "stat_H", t, m), zero &= !qsqrt_sgn(t, m);
    }
    linconv_qs_arb(bb, beta, m, PREC);
    arb_sqrt(alpha, alpha, PREC);
    linconv_inst J = *I; /* read-only copy: H may hold only the K class representatives (n = 1) */
    if (arb_mat_ncols(H) < I->N) J.n = 1, J.N = I->K;
    linconv_point(W, H, &J, alpha, bb, PREC);
    qsqrt_clear(gamma), qsqrt_clear(beta), qsqrt_clear(s), qsqrt_clear(t), qsqrt_clear(u);
    arb_clear(alpha), arb_clear(bb), arb_clear(x);
    return zero;
}

/* A = Hess F enclosed over the box x* +- 2^-k in every coordinate (k = LONG_MIN: at x*) plus
 * c B0 B0^T with B0 at x*. Arb contract: A contains Hess F(z) + c B0 B0^T for every z in R. */
static void region_matrix(arb_mat_t A, const linconv_inst *I, int loss, const arb_mat_t W, const arb_mat_t H, slong k,
                          slong c)
{
    arb_mat_t Wr, Hr;
    arb_ptr b = _arb_vec_init(I->K);
    arb_t cw;
    arb_mat_init(Wr, I->d, I->K), arb_mat_init(Hr, I->d, I->N), arb_init(cw);
    arb_mat_set(Wr, W), arb_mat_set(Hr, H);
    for (slong j = 0; j < I->K; j++) arb_set_si(b + j, 1), arb_div_si(b + j, b + j, I->K, PREC);
    if (k != WORD_MIN) {
        for (slong a = 0; a < I->d; a++) {
            for (slong j = 0; j < I->K; j++) arb_add_error_2exp_si(arb_mat_entry(Wr, a, j), -k);
            for (slong j = 0; j < I->N; j++) arb_add_error_2exp_si(arb_mat_entry(Hr, a, j), -k);
        }
        for (slong j = 0; j < I->K; j++) arb_add_error_2exp_si(b + j, -k);
    }
    linconv_hessian_at(A, I, loss, Wr, Hr, b, PREC);
    arb_set_si(cw, c);
    linconv_add_tangent(A, I, W, H, cw, PREC);
    arb_mat_clear(Wr), arb_mat_clear(Hr), _arb_vec_clear(b, I->K), arb_clear(cw);
}

static void mids(double *M, const arb_mat_t A, slong n, double *maxrowrad)
{
    *maxrowrad = 0;
    for (slong i = 0; i < n; i++) {
        double r = 0;
        for (slong j = 0; j < n; j++) {
            M[i * n + j] = arf_get_d(arb_midref(arb_mat_entry(A, i, j)), ARF_RND_NEAR);
            r += mag_get_d(arb_radref(arb_mat_entry(A, i, j)));
        }
        *maxrowrad = fmax(*maxrowrad, r);
    }
}

/* Tangent weight c = 4^j (j = 0..6): the smallest whose estimate of lambda_min(M0 + c T0) is
 * within 0.1 % of the best (larger c only inflates the tangent block). M0, T0: double n x n
 * midpoints of the matrix at x* and of the tangent term with c = 1. A proposal. */
static slong pick_weight(double *lam0, const double *M0, const double *T0, slong n)
{
    double *M = malloc(sizeof(double) * (size_t)(n * n)), est[7];
    double best = -1;
    progress_begin("tangent weight", 7);
    for (int j = 0; j < 7; j++) {
        progress_set(j), progress_detail("c = 4^%d", j);
        for (slong t = 0; t < n * n; t++) M[t] = M0[t] + ldexp(T0[t], 2 * j);
        est[j] = ball_pd_lambda_min_estimate(M, n, 40);
        best = fmax(best, est[j]);
    }
    progress_end();
    int j = 0;
    while (j < 6 && !(est[j] >= 0.999 * best)) j++;
    *lam0 = est[j];
    free(M);
    return (slong)1 << (2 * j);
}

/* the dense matrices of pick_weight: Hess F(x*) and B0 B0^T */
static slong choose_weight(double *lam0, const linconv_inst *I, int loss, const arb_mat_t W, const arb_mat_t H)
{
    const slong n = linconv_dim(I, loss);
    arb_mat_t A, T;
    arb_t one;
    double *M0 = malloc(sizeof(double) * (size_t)(n * n)), *T0 = malloc(sizeof(double) * (size_t)(n * n)), r;
    arb_mat_init(A, n, n), arb_mat_init(T, n, n), arb_init(one);
    linconv_hessian_at(A, I, loss, W, H, NULL, PREC);
    arb_one(one), arb_mat_zero(T), linconv_add_tangent(T, I, W, H, one, PREC);
    mids(M0, A, n, &r), mids(T0, T, n, &r);
    const slong c = pick_weight(lam0, M0, T0, n);
    arb_mat_clear(A), arb_mat_clear(T), arb_clear(one), free(M0), free(T0);
    return c;
}

/* the reduced matrices of pick_weight (section 7): M_red(x*) and the difference c = 1 minus c = 0 */
static slong choose_weight_reduced(double *lam0, const linconv_inst *I, const arb_mat_t W, const arb_mat_t H)
{
    const slong n = linconv_schur_dim(I);
    arb_mat_t A;
    double *M0 = malloc(sizeof(double) * (size_t)(n * n)), *T0 = malloc(sizeof(double) * (size_t)(n * n)), r;
    arb_mat_init(A, n, n);
    linconv_schur_matrix(A, I, W, H, WORD_MIN, 0, PREC), mids(M0, A, n, &r);
    linconv_schur_matrix(A, I, W, H, WORD_MIN, 1, PREC), mids(T0, A, n, &r);
    for (slong t = 0; t < n * n; t++) T0[t] -= M0[t];
    const slong c = pick_weight(lam0, M0, T0, n);
    arb_mat_clear(A), free(M0), free(T0);
    return c;
}

/* kappa: 1/mu rounded UP to 4 significant decimal digits (exact rational, kappa mu >= 1) */
static void round_kappa(fmpq_t kappa, const fmpq_t mu)
{
    fmpq_t q, t;
    fmpz_t p, c;
    fmpq_init(q), fmpq_init(t), fmpz_init(p), fmpz_init(c);
    fmpq_inv(q, mu);
    slong e = 0; /* 1000 <= q 10^e < 10000 */
    for (;;) {
        fmpz_set_ui(p, 10), fmpz_pow_ui(p, p, (ulong)labs(e));
        if (e >= 0)
            fmpq_mul_fmpz(t, q, p);
        else
            fmpq_div_fmpz(t, q, p);
        if (fmpq_cmp_ui(t, 1000) < 0)
            e++;
        else if (fmpq_cmp_ui(t, 10000) >= 0)
            e--;
        else
            break;
    }
    fmpz_cdiv_q(c, fmpq_numref(t), fmpq_denref(t)); /* ceil(q 10^e) */
    if (e >= 0) {
        fmpq_set_fmpz_frac(kappa, c, p); /* c / 10^e */
    } else {
        fmpz_mul(c, c, p); /* c 10^|e| */
        fmpz_one(p);
        fmpq_set_fmpz_frac(kappa, c, p);
    }
    fmpq_clear(q), fmpq_clear(t), fmpz_clear(p), fmpz_clear(c);
}

static void put_str_q(json_t *w, const char *name, const fmpq_t x)
{
    char *s = fmpq_get_str(NULL, 10, x);
    json_object_set_new(w, name, json_string(s));
    flint_free(s);
}

/* The (delta, mu) search: delta = 2^-k from a linear model of the row-sum radius, aiming at a
 * radius of 0.2 lam0 (so mu ~ lam0/2), then halving on failure. Returns 1 with w verified. */
typedef void (*region_fn)(arb_mat_t A, const linconv_inst *I, int loss, const arb_mat_t W, const arb_mat_t H, slong k,
                          slong c);

/* section 7: M_red over the box (the loss is MSE) */
static void region_reduced(arb_mat_t A, const linconv_inst *I, int loss, const arb_mat_t W, const arb_mat_t H, slong k,
                           slong c)
{
    (void)loss;
    linconv_schur_matrix(A, I, W, H, k, c, PREC);
}

static int certify_region(ball_pd_witness *pw, slong *kout, const linconv_inst *I, int loss, const arb_mat_t W,
                          const arb_mat_t H, slong c, double lam0, region_fn region, slong n)
{
    const slong kp = 40;
    arb_mat_t A;
    double *M = malloc(sizeof(double) * (size_t)(n * n)), r;
    arb_mat_init(A, n, n);
    region(A, I, loss, W, H, kp, c);
    mids(M, A, n, &r);
    double guess = ldexp(1.0, (int)-kp) * 0.2 * lam0 / r;
    slong k = (slong)ceil(-log2(guess));
    if (k < 1) k = 1;
    int ok = 0;
    progress_begin("region", 8);
    for (int tries = 0; tries < 8 && !ok; tries++, k++) {
        progress_set(tries), progress_detail("delta = 2^-%ld", (long)k);
        region(A, I, loss, W, H, k, c);
        ok = ball_pd_certify_lower(pw, A, 0.9, PREC);
        if (ok) *kout = k;
    }
    progress_end();
    arb_mat_clear(A), free(M);
    return ok;
}

/* Section 7.3: mu = min(mu_red, 0.9 lamH) - g, rounded down to a double (then mu + g(mu) <= mu_red
 * since g grows with mu); pw->mu becomes mu, the witnesses get method, mu_reduced, reduced_dim.
 * Returns 0 when mu <= 0. */
static int reduced_mu(json_t *w, ball_pd_witness *pw, const linconv_inst *I, const arb_mat_t W, slong k,
                      const char *method)
{
    arb_t g, dl, mc;
    arf_t up, m;
    fmpq_t q;
    arb_init(g), arb_init(dl), arb_init(mc), arf_init(up), arf_init(m), fmpq_init(q);
    const double mu_c = fmin(pw->mu, 0.9 * fmpq_get_d(I->lamH));
    arb_one(dl), arb_mul_2exp_si(dl, dl, -k), arb_set_d(mc, mu_c);
    linconv_schur_gap(g, I, W, dl, mc, PREC);
    arb_get_ubound_arf(up, g, PREC);
    arf_sub(m, arb_midref(mc), up, 53, ARF_RND_FLOOR);
    const int ok = arf_sgn(m) > 0 && arf_is_finite(m);
    if (ok) {
        json_object_set_new(w, "method", json_string(method));
        arf_set_d(up, pw->mu), arf_get_fmpq(q, up);
        put_str_q(w, "mu_reduced", q);
        json_object_set_new(w, "reduced_dim", json_integer(linconv_schur_dim(I)));
        pw->mu = arf_get_d(m, ARF_RND_DOWN);
    }
    arb_clear(g), arb_clear(dl), arb_clear(mc), arf_clear(up), arf_clear(m), fmpq_clear(q);
    return ok;
}

/* Section 7.6 (tried first above the dense cap): the core and block enclosures and rho at
 * delta = 2^-k; c = 4^j chosen as in pick_weight from the x* estimates of both (a proposal);
 * then the largest delta = 2^-k (k = 4..60) whose certified min(mu_core, mu_block) - rho exceeds
 * 0.45 of the estimate (else the best found). pw gets mu_red and the core shift; the core and
 * block witnesses go into w. Returns 1 on success. */
static int split_try(json_t *w, ball_pd_witness *pw, const linconv_inst *I, const arb_mat_t W, const arb_mat_t H,
                     slong k, slong c)
{
    const slong nc = linconv_split_core_dim(I), nb = linconv_split_block_dim(I);
    arb_mat_t C, B;
    arb_t rho;
    ball_pd_witness pb;
    arb_mat_init(C, nc, nc), arb_mat_init(B, nb ? nb : 1, nb ? nb : 1), arb_init(rho), ball_pd_witness_init(&pb);
    linconv_split_matrices(C, B, rho, I, W, H, k, c, PREC);
    int ok = ball_pd_certify_lower(pw, C, 0.9, PREC) && (!nb || ball_pd_certify_lower(&pb, B, 0.9, PREC));
    if (ok) {
        arf_t m, r;
        fmpq_t q;
        arf_init(m), arf_init(r), fmpq_init(q);
        arf_set_d(m, nb ? fmin(pw->mu, pb.mu) : pw->mu);
        arb_get_ubound_arf(r, rho, PREC);
        arf_sub(m, m, r, 53, ARF_RND_FLOOR);
        ok = arf_sgn(m) > 0;
        if (ok) {
            arf_set_d(r, pw->mu), arf_get_fmpq(q, r), put_str_q(w, "mu_core", q);
            arf_set_d(r, nb ? pb.mu : 1.0), arf_get_fmpq(q, r), put_str_q(w, "mu_block", q);
            arf_set_d(r, nb ? pb.shift : 0.0), arf_get_fmpq(q, r), put_str_q(w, "shift_block", q);
            pw->mu = arf_get_d(m, ARF_RND_DOWN);
        }
        arf_clear(m), arf_clear(r), fmpq_clear(q);
    }
    arb_mat_clear(C), arb_mat_clear(B), arb_clear(rho), ball_pd_witness_clear(&pb);
    return ok;
}

static double split_estimate(const linconv_inst *I, const arb_mat_t W, const arb_mat_t H, slong c)
{
    const slong nc = linconv_split_core_dim(I), nb = linconv_split_block_dim(I);
    arb_mat_t C, B;
    arb_t rho;
    double r, *M = malloc(sizeof(double) * (size_t)(nc * nc));
    arb_mat_init(C, nc, nc), arb_mat_init(B, nb ? nb : 1, nb ? nb : 1), arb_init(rho);
    linconv_split_matrices(C, B, rho, I, W, H, WORD_MIN, c, PREC);
    mids(M, C, nc, &r);
    double e = ball_pd_lambda_min_estimate(M, nc, 40);
    if (nb) mids(M, B, nb, &r), e = fmin(e, ball_pd_lambda_min_estimate(M, nb, 40));
    arb_mat_clear(C), arb_mat_clear(B), arb_clear(rho), free(M);
    return e;
}

static int certify_split(json_t *w, ball_pd_witness *pw, slong *cout, slong *kout, const linconv_inst *I,
                         const arb_mat_t W, const arb_mat_t H)
{
    double est[7], best = -1;
    for (int j = 0; j < 7; j++) est[j] = split_estimate(I, W, H, (slong)1 << (2 * j)), best = fmax(best, est[j]);
    int j = 0;
    while (j < 6 && !(est[j] >= 0.999 * best)) j++;
    const double lam0 = fmin(est[j], fmpq_get_d(I->lamH));
    *cout = (slong)1 << (2 * j);
    if (!(lam0 > 0)) return 0;
    double got = 0;
    slong kbest = 0;
    progress_begin("split region", 57);
    for (slong k = 4; k <= 60; k++) {
        progress_set(k - 4);
        json_t *t = json_object();
        ball_pd_witness p;
        ball_pd_witness_init(&p);
        if (split_try(t, &p, I, W, H, k, *cout) && p.mu > got) got = p.mu, kbest = k;
        json_decref(t), ball_pd_witness_clear(&p);
        if (got > 0.45 * lam0) break;
    }
    progress_end();
    if (!kbest) return 0;
    *kout = kbest;
    json_t *t = json_object(); /* into w only on success (otherwise the whole path starts from {}) */
    const int ok = split_try(t, pw, I, W, H, kbest, *cout) && reduced_mu(t, pw, I, W, kbest, "schur-split");
    if (ok) json_object_update(w, t);
    json_decref(t);
    return ok;
}

int linconv_errbound_certify(int loss, json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    (void)o;
    linconv_inst I;
    if (linconv_inst_parse(&I, instance_json, 1, err)) {
        linconv_inst_clear(&I);
        return err->status;
    }
    if (fmpq_sgn(I.test) <= 0) {
        nc_error_set(err, 2, "linconv: %s assumes lambda_W lambda_H < 1/(nK^2) (here n K^2 lambda_W lambda_H >= 1)",
                     loss == LINCONV_MSE ? "Theorem 2" : "Theorem 4");
        linconv_inst_clear(&I);
        return err->status;
    }
    /* above the dense cap, MSE goes through the reduced matrix (derivation section 7) */
    /* the whole reduced matrix up to LINCONV_WHOLE_MAX (tighter, its PD test still cheap); above,
     * the split (section 7.6) first, then the whole reduced matrix if the split fails and it fits */
    const int reduced = loss == LINCONV_MSE && linconv_dim(&I, loss) > LINCONV_MAX_DIM;
    if (reduced ? linconv_split_core_dim(&I) > LINCONV_MAX_DIM : linconv_dim(&I, loss) > LINCONV_MAX_DIM) {
        nc_error_set(err, 2, "linconv: %s dimension %ld exceeds %d", reduced ? "core (2K^2 + K)" : "Hessian",
                     (long)(reduced ? linconv_split_core_dim(&I) : linconv_dim(&I, loss)), LINCONV_MAX_DIM);
        linconv_inst_clear(&I);
        return err->status;
    }
    json_t *q = json_object(), *w = json_object();
    arb_mat_t W, H;
    arb_mat_init(W, I.d, I.K), arb_mat_init(H, I.d, reduced ? I.K : I.N); /* reduced: h*_k once per class */
    linconv_put_rational(q, "threshold_test", I.test);
    nc_verdict verdict = NC_INCONCLUSIVE;
    const char *assertion = "none";
    if (optimal_point(q, W, H, &I, loss)) {
        double lam0 = 0;
        slong c = 1, k = 0;
        ball_pd_witness pw;
        ball_pd_witness_init(&pw);
        const int split =
            reduced && linconv_schur_dim(&I) > LINCONV_WHOLE_MAX && certify_split(w, &pw, &c, &k, &I, W, H);
        const int whole = !split && (!reduced || linconv_schur_dim(&I) <= LINCONV_MAX_DIM);
        if (whole) c = reduced ? choose_weight_reduced(&lam0, &I, W, H) : choose_weight(&lam0, &I, loss, W, H);
        if (reduced) lam0 = fmin(lam0, fmpq_get_d(I.lamH)); /* the difference blocks: lambda_min <= lamH */
        if (split || (whole && lam0 > 0 &&
                      certify_region(&pw, &k, &I, loss, W, H, c, lam0, reduced ? region_reduced : region_matrix,
                                     reduced ? linconv_schur_dim(&I) : linconv_dim(&I, loss)) &&
                      (!reduced || reduced_mu(w, &pw, &I, W, k, "schur")))) {
            fmpq_t delta, mu, kappa, shift;
            fmpq_init(delta), fmpq_init(mu), fmpq_init(kappa), fmpq_init(shift);
            arf_t f;
            arf_init(f);
            fmpz_one(fmpq_numref(delta)), fmpz_one(fmpq_denref(delta)),
                fmpz_mul_2exp(fmpq_denref(delta), fmpq_denref(delta), (ulong)k);
            arf_set_d(f, pw.mu), arf_get_fmpq(mu, f);
            round_kappa(kappa, mu);
            put_str_q(w, "delta", delta);
            put_str_q(w, "mu", mu);
            arf_set_d(f, pw.shift), arf_get_fmpq(shift, f);
            put_str_q(w, "shift", shift);
            json_object_set_new(w, "tangent_weight", json_integer(c));
            json_object_set_new(w, "hessian_dim", json_integer(linconv_dim(&I, loss)));
            linconv_put_rational(q, "delta", delta);
            linconv_put_rational(q, "kappa", kappa);
            verdict = NC_PROVED;
            assertion = assertion_text(loss, I.K);
            fmpq_clear(delta), fmpq_clear(mu), fmpq_clear(kappa), fmpq_clear(shift), arf_clear(f);
        }
        ball_pd_witness_clear(&pw);
    }
    *cert = cert_assemble(loss == LINCONV_MSE ? "linconv.theorem-2" : "linconv.theorem-4",
                          linconv_source(loss == LINCONV_MSE ? "Theorem 2" : "Theorem 4",
                                         loss == LINCONV_MSE ? STATEMENT_MSE : STATEMENT_CE),
                          json_deep_copy(instance_json), cert_method(1, PREC), assertion, w, q, verdict);
    arb_mat_clear(W), arb_mat_clear(H);
    linconv_inst_clear(&I);
    return 0;
}
