/* check_ulpm_printed_point.c: parts of ulpm.printed on a generic ulpm instance ("point"):
 *  gbound: every ||grad s_kij||^2 = 2||h_{k,i}||^2 + ||w_k||^2 + ||w_j||^2 - 2 w_k.w_j exactly
 *    in Q(sqrt n); the maximum (at the witness) against 4 rho^2 (printed) and 2 rho^2;
 *  gradient-flow: ||grad L||^2 with MPFI (grad_W = G H^T, grad_H = W^T G, G from check_ce);
 *    the printed flow has dL/dt = +||grad L||^2, refuted as a descent flow when > 0;
 *  eq67-tangent: v = theta_q e_p - theta_p e_q, <theta, v> = 0 exactly; <grad L, v> =
 *    theta_q g_p - theta_p g_q with MPFI must exclude 0.
 * MPFI precision: the witness precision_bits + 32. */
#include <stdlib.h>
#include <string.h>

#include "check_alloc.h"
#include "check_limits.h"
#include "check_ce.h"
#include "check_instance.h"
#include "check_qsqrt.h"
#include "ulpm/check_ulpm_printed.h"

#define CK_ULPM_PRINTED_MAX_WORK 5e7

/* exact entry a + b sqrt(n) of W (is_h = 0: (r, col) = (k, l)) or H ((r, col) = (l, c)) */
static void entry_qs(ck_qs *x, const ck_inst *in, int is_h, long r, long col)
{
    long N = in->n * in->K;
    mpq_set_ui(x->a, 0, 1), mpq_set_ui(x->b, 0, 1);
    if (in->kind == CK_EXPLICIT) {
        mpq_set(x->a, is_h ? in->H[r * N + col] : in->W[r * in->d + col]);
        return;
    }
    mpq_t t;
    mpq_init(t);
    int nl = is_h ? in->nlh : in->nlw;
    for (int s = 0; s < nl; s++) {
        const ck_layer *L = is_h ? &in->lh[s] : &in->lw[s];
        int64_t X = is_h ? ck_layer_h(in, L, r, col) : ck_layer_w(in, L, r, col);
        mpq_set_si(t, (long)X, 1);
        mpq_mul(t, t, L->scale);
        if (L->sqrt)
            mpq_add(x->b, x->b, t);
        else
            mpq_add(x->a, x->a, t);
    }
    mpq_clear(t);
}

static void entry_mpfi(mpfi_t v, const ck_qs *x, mpfi_srcptr sqn)
{
    mpfi_t t;
    mpfi_init2(t, mpfi_get_prec(v));
    mpfi_set_q(t, x->b);
    mpfi_mul(t, t, sqn);
    mpfi_set_q(v, x->a);
    mpfi_add(v, v, t);
    mpfi_clear(t);
}

static int parse_point(const ck_ulpm_printed_ctx *c, ck_inst *in, ck_err *e)
{
    if (ck_inst_parse(json_object_get(c->inst, "point"), in, e)) return -1;
    /* limits: the K x K Gram matrix of W (K^2 d), N column norms; the work cap below is stricter */
    if (ck_inst_limit(in, "ulpm.printed", ((double)in->K * in->K + (double)in->n * in->K) * 2 * ck_mpq_bytes(64),
                      (double)in->K * in->K * in->d + (double)in->n * in->K * in->d, e))
        return -1;
    if ((double)in->K * in->K * in->n * in->K > CK_ULPM_PRINTED_MAX_WORK ||
        (double)in->K * in->d * in->n * in->K > CK_ULPM_PRINTED_MAX_WORK) {
        ck_fail(e, CK_MALFORMED, "instance.point: beyond this claim's size limit");
        return -1;
    }
    return 0;
}

/* The point and the witness precision of the two gradient parts, then their MPFI memory: the
 * gradient g (P = K d + d N entries) and grad_all's copies of W, H and the K x N logits and
 * residuals, at PREC + 32 bits (*prec is returned with the 32 added). -1 with IN freed. */
static int parse_point_prec(const ck_ulpm_printed_ctx *c, ck_inst *in, long *prec, ck_err *e)
{
    if (parse_point(c, in, e) || ck_ulpm_printed_wint(c->wj, "precision_bits", 53, 65536, prec, e)) {
        ck_inst_free(in);
        return -1;
    }
    *prec += 32;
    double P = (double)in->K * in->d + (double)in->d * in->n * in->K, KN = (double)in->K * in->n * in->K;
    if (ck_limit_check(e, (2 * P + 2 * KN) * ck_mpfi_bytes(*prec), P + KN * in->d,
                       "the ulpm.printed gradient (K=%ld n=%ld d=%ld, %ld bits)", in->K, in->n, in->d, *prec)) {
        ck_inst_free(in);
        return -1;
    }
    return 0;
}

/* x_t = (a, b) of theta_t: t < Kd in W row-major, else H row-major (d x N) */
static void theta_qs(ck_qs *x, const ck_inst *in, long t)
{
    long Kd = in->K * in->d, N = in->n * in->K;
    if (t < Kd)
        entry_qs(x, in, 0, t / in->d, t % in->d);
    else
        entry_qs(x, in, 1, (t - Kd) / N, (t - Kd) % N);
}

/* g[P] = grad L (W block then H block), MPFI at prec */
static void grad_all(mpfi_ptr g, const ck_inst *in, long prec)
{
    long K = in->K, d = in->d, N = in->n * in->K;
    mpfi_ptr W = ck_ivec_init(K * d, prec), H = ck_ivec_init(d * N, prec), Z = ck_ivec_init(K * N, prec),
             G = ck_ivec_init(K * N, prec);
    mpfi_t sqn, t;
    mpfi_init2(sqn, prec), mpfi_init2(t, prec);
    mpfi_set_ui(sqn, (unsigned long)in->n), mpfi_sqrt(sqn, sqn);
    ck_qs x;
    ck_qs_init(&x);
    for (long u = 0; u < K * d; u++) entry_qs(&x, in, 0, u / d, u % d), entry_mpfi(&W[u], &x, sqn);
    for (long u = 0; u < d * N; u++) entry_qs(&x, in, 1, u / N, u % N), entry_mpfi(&H[u], &x, sqn);
    ck_qs_clear(&x);
    ck_ce_logits(Z, W, H, K, d, N);
    ck_ce_grad_logits(G, Z, K, N, in->n);
    for (long k = 0; k < K; k++) /* grad_W = G H^T */
        for (long l = 0; l < d; l++) {
            mpfi_ptr o = &g[k * d + l];
            mpfi_set_ui(o, 0);
            for (long c = 0; c < N; c++) mpfi_mul(t, &G[k * N + c], &H[l * N + c]), mpfi_add(o, o, t);
        }
    for (long l = 0; l < d; l++) /* grad_H = W^T G */
        for (long c = 0; c < N; c++) {
            mpfi_ptr o = &g[K * d + l * N + c];
            mpfi_set_ui(o, 0);
            for (long k = 0; k < K; k++) mpfi_mul(t, &W[k * d + l], &G[k * N + c]), mpfi_add(o, o, t);
        }
    mpfi_clear(sqn), mpfi_clear(t);
    ck_ivec_clear(W, K * d), ck_ivec_clear(H, d * N), ck_ivec_clear(Z, K * N), ck_ivec_clear(G, K * N);
}

int ck_ulpm_printed_gbound(ck_ulpm_printed_ctx *c, ck_err *e)
{
    ck_inst in;
    if (parse_point(c, &in, e)) {
        ck_inst_free(&in);
        return -1;
    }
    long K = in.K, d = in.d, n = in.n, N = n * K, wk, wi, wj;
    int rc = -1;
    ck_qs *G = NULL, *hn = NULL, x, y, best, wit, rho;
    ck_qs_init(&x), ck_qs_init(&y), ck_qs_init(&best), ck_qs_init(&wit), ck_qs_init(&rho);
    if (ck_ulpm_printed_wint(c->wj, "k", 0, K - 1, &wk, e) || ck_ulpm_printed_wint(c->wj, "i", 0, n - 1, &wi, e) ||
        ck_ulpm_printed_wint(c->wj, "j", 0, K - 1, &wj, e))
        goto out;
    if (wj == wk) {
        ck_fail(e, CK_MALFORMED, "witnesses: j != k required");
        goto out;
    }
    G = ck_malloc((size_t)(K * K) * sizeof *G), hn = ck_malloc((size_t)N * sizeof *hn);
    for (long k = 0; k < K; k++)
        for (long j = 0; j < K; j++) ck_qs_init(&G[k * K + j]), ck_inst_dot_ww(&in, k, j, &G[k * K + j]);
    for (long cc = 0; cc < N; cc++) {
        ck_qs_init(&hn[cc]);
        for (long l = 0; l < d; l++) { /* (a + b r)^2 = a^2 + n b^2 + 2ab r */
            entry_qs(&x, &in, 1, l, cc);
            mpq_t s, t;
            mpq_inits(s, t, NULL);
            mpq_mul(s, x.a, x.a), mpq_mul(t, x.b, x.b), mpq_set_si(y.a, n, 1), mpq_mul(t, t, y.a), mpq_add(s, s, t);
            mpq_add(hn[cc].a, hn[cc].a, s);
            mpq_mul(s, x.a, x.b), mpq_add(s, s, s), mpq_add(hn[cc].b, hn[cc].b, s);
            mpq_clears(s, t, NULL);
        }
    }
    int first = 1;
    for (long cc = 0; cc < N; cc++)
        for (long k = cc / n, j = 0; j < K; j++) {
            if (j == k) continue;
            ck_qs_add(&x, &hn[cc], &hn[cc]);
            ck_qs_add(&x, &x, &G[k * K + k]);
            ck_qs_add(&x, &x, &G[j * K + j]);
            ck_qs_sub(&x, &x, &G[k * K + j]);
            ck_qs_sub(&x, &x, &G[k * K + j]);
            if (first || ck_qs_cmp(&x, &best, in.m) > 0) mpq_set(best.a, x.a), mpq_set(best.b, x.b), first = 0;
            if (k == wk && cc == wk * n + wi && j == wj) mpq_set(wit.a, x.a), mpq_set(wit.b, x.b);
        }
    if (ck_qs_cmp(&wit, &best, in.m) != 0) {
        ck_fail(e, CK_INVALID, "witness (k, i, j): not a maximiser of ||grad s_kij||");
        goto out;
    }
    ck_inst_norm_w(&in, &x), ck_inst_norm_h(&in, &y), ck_qs_add(&rho, &x, &y);
    ck_qs_add(&x, &rho, &rho), ck_qs_add(&y, &x, &x); /* x = 2 rho^2, y = 4 rho^2 */
    c->holds = ck_qs_cmp(&best, &y, in.m) <= 0;
    if (ck_ulpm_printed_exact(c->qj, "g_sq_max", best.a, best.b, in.m, e) ||
        ck_ulpm_printed_exact(c->qj, "rho_sq", rho.a, rho.b, in.m, e) ||
        ck_ulpm_printed_exact(c->qj, "bound_sq_printed", y.a, y.b, in.m, e) ||
        ck_ulpm_printed_exact(c->qj, "bound_sq_derived", x.a, x.b, in.m, e))
        goto out;
    rc = 0;
out:
    if (G)
        for (long t = 0; t < K * K; t++) ck_qs_clear(&G[t]);
    if (hn)
        for (long t = 0; t < N; t++) ck_qs_clear(&hn[t]);
    ck_free(G), ck_free(hn);
    ck_qs_clear(&x), ck_qs_clear(&y), ck_qs_clear(&best), ck_qs_clear(&wit), ck_qs_clear(&rho);
    ck_inst_free(&in);
    return rc;
}

int ck_ulpm_printed_flow(ck_ulpm_printed_ctx *c, ck_err *e)
{
    ck_inst in;
    long prec;
    if (parse_point_prec(c, &in, &prec, e)) return -1;
    long P = in.K * in.d + in.d * in.n * in.K;
    mpfi_ptr g = ck_ivec_init(P, prec);
    grad_all(g, &in, prec);
    mpfi_t s, t;
    mpfi_init2(s, prec), mpfi_init2(t, prec);
    mpfi_set_ui(s, 0);
    for (long u = 0; u < P; u++) mpfi_sqr(t, &g[u]), mpfi_add(s, s, t);
    int rc = -1;
    c->holds = !(mpfr_sgn(&s->left) > 0); /* refuted iff ||grad L||^2 > 0 is established */
    if (c->holds) {
        ck_fail(e, CK_INVALID, "||grad L||^2 > 0 not established at %ld bits", prec);
        goto out;
    }
    if (ck_ulpm_printed_interval(c->qj, "dL_dt_printed", s, e)) goto out;
    mpfi_neg(t, s);
    if (ck_ulpm_printed_interval(c->qj, "dL_dt_derived", t, e)) goto out;
    rc = 0;
out:
    mpfi_clear(s), mpfi_clear(t);
    ck_ivec_clear(g, P);
    ck_inst_free(&in);
    return rc;
}

int ck_ulpm_printed_eq67(ck_ulpm_printed_ctx *c, ck_err *e)
{
    ck_inst in;
    long prec, p, q;
    if (parse_point_prec(c, &in, &prec, e)) return -1;
    long P = in.K * in.d + in.d * in.n * in.K;
    if (ck_ulpm_printed_wint(c->wj, "p", 0, P - 1, &p, e) || ck_ulpm_printed_wint(c->wj, "q", 0, P - 1, &q, e)) {
        ck_inst_free(&in);
        return -1;
    }
    int rc = -1;
    ck_qs tp, tq, x, y;
    ck_qs_init(&tp), ck_qs_init(&tq), ck_qs_init(&x), ck_qs_init(&y);
    mpfi_ptr g = ck_ivec_init(P, prec);
    mpfi_t sqn, a, b;
    mpfi_init2(sqn, prec), mpfi_init2(a, prec), mpfi_init2(b, prec);
    theta_qs(&tp, &in, p), theta_qs(&tq, &in, q);
    if (ck_qs_sgn(&tp, in.m) == 0 && ck_qs_sgn(&tq, in.m) == 0) {
        ck_fail(e, CK_INVALID, "witness (p, q): v = 0");
        goto out;
    }
    /* <theta, v> = theta_p theta_q - theta_q theta_p: 0 in Q(sqrt n) by commutativity */
    mpq_set_ui(x.a, 0, 1), mpq_set_ui(x.b, 0, 1);
    if (ck_ulpm_printed_exact(c->qj, "theta_dot_v", x.a, x.b, in.m, e)) goto out;
    grad_all(g, &in, prec);
    mpfi_set_ui(sqn, (unsigned long)in.n), mpfi_sqrt(sqn, sqn);
    entry_mpfi(a, &tq, sqn), mpfi_mul(a, a, &g[p]);
    entry_mpfi(b, &tp, sqn), mpfi_mul(b, b, &g[q]);
    mpfi_sub(a, a, b);
    c->holds = mpfi_has_zero(a) > 0;
    if (c->holds) {
        ck_fail(e, CK_INVALID, "<grad L, v> != 0 not established at %ld bits", prec);
        goto out;
    }
    if (ck_ulpm_printed_interval(c->qj, "grad_dot_v", a, e)) goto out;
    rc = 0;
out:
    ck_qs_clear(&tp), ck_qs_clear(&tq), ck_qs_clear(&x), ck_qs_clear(&y);
    mpfi_clear(sqn), mpfi_clear(a), mpfi_clear(b);
    ck_ivec_clear(g, P);
    ck_inst_free(&in);
    return rc;
}
