/* ulpm_printed_point.c: parts of ulpm.printed on a generic ulpm instance {"point": {...}}
 * (specs/instance.md, generators.md):
 *  gbound: proof of Lemma B.5, ||grad s_kij|| <= 2 rho, exactly in Q(sqrt n):
 *    ||grad s_kij||^2 = 2 ||h_{k,i}||^2 + ||w_k - w_j||^2 against 4 rho^2 (and 2 rho^2);
 *  gradient-flow: the printed flow dtheta/dt = +grad L gives dL/dt = ||grad L||^2 (Arb);
 *  eq67-tangent: (67)'s T = {<grad L, v> = 0} against {<theta, v> = 0}: the witness
 *    v = theta_q e_p - theta_p e_q (exactly orthogonal to theta) has <grad L, v> != 0 (Arb).
 * theta = (W row-major, then H row-major d x nK). */
#include <string.h>
#include <arb_mat.h>
#include "claims/ulpm/ulpm_ce.h"
#include "instance/instance_ball.h"
#include "cert/cert.h"
#include "claims/ulpm/ulpm_def21_quantity.h"
#include "claims/ulpm/ulpm_printed.h"
#include "instance/instance_exact.h"
#include "exact/qsqrt.h"

static int ulpm_up_point(instance *I, const json_t *inst, ulpm_up_out *r, nc_error *err)
{
    static const char *const keys[] = {"kind", "part", "point", NULL};
    if (ulpm_up_keys(inst, keys, err)) return err->status;
    json_t *p = json_object_get(inst, "point");
    if (!json_is_object(p)) return nc_error_set(err, 2, "instance.point: a ulpm instance object required");
    if (instance_from_json(I, p, err)) return err->status;
    r->instance = json_pack("{s:s, s:s, s:o}", "kind", "ulpm-printed/1", "part",
                            json_string_value(json_object_get(inst, "part")), "point", instance_to_json(I));
    return 0;
}

int ulpm_up_part_gbound(const json_t *inst, const certify_options *o, ulpm_up_out *r, nc_error *err)
{
    (void)o;
    instance I;
    if (ulpm_up_point(&I, inst, r, err)) return err->status;
    long K = I.K, d = I.d, N = instance_N(&I), n = I.n;
    if ((double)K * K * N > 5e6 || (double)(K * K + N) * d > 5e7) {
        instance_clear(&I);
        return nc_error_set(err, 2, "instance.point: K^2 nK <= 5e6 required for the exact check");
    }
    qsqrt_t *G = flint_malloc((size_t)(K * K) * sizeof *G), *hn = flint_malloc((size_t)N * sizeof *hn);
    qsqrt_t x, y, best, rho;
    qsqrt_init(x), qsqrt_init(y), qsqrt_init(best), qsqrt_init(rho);
    for (long k = 0; k < K; k++)
        for (long j = 0; j < K; j++) {
            qsqrt_init(G[k * K + j]);
            for (long l = 0; l < d; l++) {
                instance_exact_entry_W(x, &I, k, l);
                instance_exact_entry_W(y, &I, j, l);
                qsqrt_addmul(G[k * K + j], x, y, n);
            }
        }
    for (long c = 0; c < N; c++) {
        qsqrt_init(hn[c]);
        for (long l = 0; l < d; l++) {
            instance_exact_entry_H(x, &I, c, l);
            qsqrt_addmul(hn[c], x, x, n);
        }
    }
    long wk = 0, wc = 0, wj = 1;
    int first = 1;
    for (long c = 0; c < N; c++)
        for (long k = c / n, j = 0; j < K; j++) {
            if (j == k) continue;
            qsqrt_add(x, hn[c], hn[c]); /* 2||h||^2 + ||w_k||^2 + ||w_j||^2 - 2 w_k.w_j */
            qsqrt_add(x, x, G[k * K + k]);
            qsqrt_add(x, x, G[j * K + j]);
            qsqrt_sub(x, x, G[k * K + j]);
            qsqrt_sub(x, x, G[k * K + j]);
            if (first || qsqrt_cmp(x, best, n) > 0) qsqrt_set(best, x), wk = k, wc = c, wj = j, first = 0;
        }
    instance_exact_frobenius2_W(x, &I);
    instance_exact_frobenius2_H(y, &I);
    qsqrt_add(rho, x, y);
    r->q = json_object();
    json_object_set_new(r->q, "g_sq_max", ulpm_exact_quantity(best, n));
    json_object_set_new(r->q, "rho_sq", ulpm_exact_quantity(rho, n));
    qsqrt_add(x, rho, rho);
    qsqrt_add(y, x, x);
    int ok = qsqrt_cmp(best, y, n) <= 0;
    json_object_set_new(r->q, "bound_sq_printed", ulpm_exact_quantity(y, n));
    json_object_set_new(r->q, "bound_sq_derived", ulpm_exact_quantity(x, n));
    r->w = json_pack("{s:I, s:I, s:I}", "k", (json_int_t)wk, "i", (json_int_t)(wc - wk * n), "j", (json_int_t)wj);
    r->label = "proof of Lemma B.5 (seed 000)";
    r->statement =
        "||g_kij|| <= 2 rho for the gradient g_kij of s_kij = (w_k - w_j).h_{k,i}, rho^2 = ||W||^2 + ||H||^2";
    r->assertion = ok ? "max ||grad s_kij||^2 <= 4 rho^2" : "||grad s_kij||^2 > 4 rho^2 at the witness";
    r->verdict = ok ? NC_PROVED : NC_REFUTED;
    for (long t = 0; t < K * K; t++) qsqrt_clear(G[t]);
    for (long c = 0; c < N; c++) qsqrt_clear(hn[c]);
    flint_free(G), flint_free(hn);
    qsqrt_clear(x), qsqrt_clear(y), qsqrt_clear(best), qsqrt_clear(rho);
    instance_clear(&I);
    return 0;
}

/* theta and grad L (W block then H block) as balls at prec */
static void ulpm_up_theta_grad(arb_ptr th, arb_ptr g, const instance *I, slong prec)
{
    long K = I->K, d = I->d, N = instance_N(I);
    arb_mat_t W, H, GW, GH;
    arb_mat_init(W, K, d), arb_mat_init(H, d, N), arb_mat_init(GW, K, d), arb_mat_init(GH, d, N);
    arb_t sn, L;
    arb_init(sn), arb_init(L);
    arb_sqrt_ui(sn, (ulong)I->n, prec + 16);
    for (long k = 0; k < K; k++)
        for (long l = 0; l < d; l++) instance_ball_entry_W(arb_mat_entry(W, k, l), I, k, l, sn, prec);
    for (long c = 0; c < N; c++)
        for (long l = 0; l < d; l++) instance_ball_entry_H(arb_mat_entry(H, l, c), I, c, l, sn, prec);
    ulpm_ce_loss_grad(L, GW, GH, W, H, I->n, prec);
    for (long t = 0; t < K * d; t++) {
        arb_set(th + t, arb_mat_entry(W, t / d, t % d));
        arb_set(g + t, arb_mat_entry(GW, t / d, t % d));
    }
    for (long t = 0; t < d * N; t++) {
        arb_set(th + K * d + t, arb_mat_entry(H, t / N, t % N));
        arb_set(g + K * d + t, arb_mat_entry(GH, t / N, t % N));
    }
    arb_clear(sn), arb_clear(L);
    arb_mat_clear(W), arb_mat_clear(H), arb_mat_clear(GW), arb_mat_clear(GH);
}

/* A point (W, H) flattened: theta = (W, H) and the gradient g, P = K d + d nK entries each. */
typedef struct {
    instance I;
    long P;
    arb_ptr th, g;
} ulpm_up_flat;

/* ulpm_up_point limited to K d nK <= 5e7, with th and g allocated; on failure nothing is left to clear */
static int ulpm_up_flat_init(ulpm_up_flat *f, const json_t *inst, ulpm_up_out *r, nc_error *err)
{
    if (ulpm_up_point(&f->I, inst, r, err)) return err->status;
    if ((double)f->I.K * f->I.d * instance_N(&f->I) > 5e7) {
        instance_clear(&f->I);
        return nc_error_set(err, 2, "instance.point: K d nK <= 5e7 required");
    }
    f->P = f->I.K * f->I.d + f->I.d * instance_N(&f->I);
    f->th = _arb_vec_init(f->P), f->g = _arb_vec_init(f->P);
    return 0;
}

static void ulpm_up_flat_clear(ulpm_up_flat *f)
{
    _arb_vec_clear(f->th, f->P), _arb_vec_clear(f->g, f->P);
    instance_clear(&f->I);
}

int ulpm_up_part_flow(const json_t *inst, const certify_options *o, ulpm_up_out *r, nc_error *err)
{
    ulpm_up_flat f;
    if (ulpm_up_flat_init(&f, inst, r, err)) return err->status;
    arb_t s, ns;
    arb_init(s), arb_init(ns);
    slong prec;
    int pos = 0;
    for (prec = 64; prec <= o->max_prec; prec *= 2) {
        ulpm_up_theta_grad(f.th, f.g, &f.I, prec);
        arb_zero(s);
        for (long t = 0; t < f.P; t++) arb_addmul(s, f.g + t, f.g + t, prec);
        if ((pos = arb_is_positive(s))) break;
    }
    if (prec > o->max_prec) prec = o->max_prec;
    arb_neg(ns, s);
    r->q = json_object();
    json_object_set_new(r->q, "dL_dt_printed", ulpm_widened_quantity(s, -20));
    json_object_set_new(r->q, "dL_dt_derived", ulpm_widened_quantity(ns, -20));
    r->w = json_pack("{s:I}", "precision_bits", (json_int_t)prec);
    r->tier = 1, r->prec = prec;
    r->label = "gradient flow after (4) (seed 001)";
    r->statement = "the training flow is dW/dt = dL/dW, dH/dt = dL/dH (so that L decreases along it)";
    r->assertion = pos ? "dL/dt = ||grad L||^2 > 0 along the printed flow" : "none";
    r->verdict = pos ? NC_REFUTED : NC_INCONCLUSIVE;
    arb_clear(s), arb_clear(ns);
    ulpm_up_flat_clear(&f);
    return 0;
}

int ulpm_up_part_eq67(const json_t *inst, const certify_options *o, ulpm_up_out *r, nc_error *err)
{
    ulpm_up_flat f;
    if (ulpm_up_flat_init(&f, inst, r, err)) return err->status;
    arb_t v, best, t1;
    arb_init(v), arb_init(best), arb_init(t1);
    slong prec;
    long wp = 0, wq = 0;
    int ok = 0;
    for (prec = 64; prec <= o->max_prec && !ok; prec *= 2) {
        ulpm_up_theta_grad(f.th, f.g, &f.I, prec);
        wp = 0; /* p: largest |theta_p| (proposal only) */
        for (long t = 1; t < f.P; t++)
            if (arf_cmpabs(arb_midref(f.th + t), arb_midref(f.th + wp)) > 0) wp = t;
        arb_zero(best);
        for (long q = 0; q < f.P; q++) { /* q: largest |theta_q g_p - theta_p g_q| */
            arb_mul(v, f.th + q, f.g + wp, prec);
            arb_mul(t1, f.th + wp, f.g + q, prec);
            arb_sub(v, v, t1, prec);
            if (q == 0 || arf_cmpabs(arb_midref(v), arb_midref(best)) > 0) arb_set(best, v), wq = q;
        }
        ok = !arb_contains_zero(best);
        if (ok) break;
    }
    if (prec > o->max_prec) prec = o->max_prec;
    qsqrt_t z;
    qsqrt_init(z);
    r->q = json_object();
    json_object_set_new(r->q, "theta_dot_v", ulpm_exact_quantity(z, f.I.n));
    json_object_set_new(r->q, "grad_dot_v", ulpm_widened_quantity(best, -20));
    qsqrt_clear(z);
    r->w = json_pack("{s:I, s:I, s:I}", "p", (json_int_t)wp, "q", (json_int_t)wq, "precision_bits", (json_int_t)prec);
    r->tier = 1, r->prec = prec;
    r->label = "Definition C.1, (67) (seed 000)";
    r->statement = "the tangent space of (W,H), the directions orthogonal to (W,H), is "
                   "T(W,H) = {(dW,dH): <grad_W L, dW> + <grad_H L, dH> = 0}";
    r->assertion = ok ? "some v with <theta, v> = 0 has <grad L, v> != 0" : "none";
    r->verdict = ok ? NC_REFUTED : NC_INCONCLUSIVE;
    arb_clear(v), arb_clear(best), arb_clear(t1);
    ulpm_up_flat_clear(&f);
    return 0;
}
