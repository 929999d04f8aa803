/* linconv_common.c: the "linconv/1" instance, exact constants, and the Arb objective, gradient
 * and Hessian of problems (5) and (8) of seed 002 (linconv_common.h). */
#include <string.h>
#include "claims/linconv/linconv_common.h"
#include "cert/cert.h"
#include "instance/entry_parse.h"
#include "common/progress.h"

static int get_int(const json_t *j, const char *key, slong lo, slong hi, slong *v, nc_error *err)
{
    json_t *x = json_object_get(j, key);
    if (!json_is_integer(x) || json_integer_value(x) < lo || json_integer_value(x) > hi)
        return nc_error_set(err, 2, "linconv/1: \"%s\" must be an integer in [%ld, %ld]", key, (long)lo, (long)hi);
    *v = (slong)json_integer_value(x);
    return 0;
}

static int get_pos_q(const json_t *j, const char *key, fmpq_t q, nc_error *err)
{
    json_t *x = json_object_get(j, key);
    if (!json_is_string(x) || entry_parse_fmpq(q, json_string_value(x)) || fmpq_sgn(q) <= 0)
        return nc_error_set(
            err, 2, "linconv/1: \"%s\" must be a positive exact number string (\"1e-4\", \"0.001\", \"1/3\")", key);
    return 0;
}

int linconv_inst_parse(linconv_inst *I, const json_t *j, int need_dK, nc_error *err)
{
    memset(I, 0, sizeof *I);
    fmpq_init(I->lamW), fmpq_init(I->lamH), fmpq_init(I->r), fmpq_init(I->sq), fmpq_init(I->test);
    static const char *const keys[] = {"kind", "K", "n", "d", "lambda_W", "lambda_H", NULL};
    if (!json_is_object(j)) return nc_error_set(err, 2, "linconv/1: the instance must be a JSON object");
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)j, key, v)
    {
        int known = 0;
        for (int t = 0; keys[t]; t++) known |= !strcmp(key, keys[t]);
        if (!known) return nc_error_set(err, 2, "linconv/1: unknown key \"%s\"", key);
    }
    json_t *kind = json_object_get(j, "kind");
    if (!json_is_string(kind) || strcmp(json_string_value(kind), "linconv/1"))
        return nc_error_set(err, 2, "instance kind must be \"linconv/1\"");
    if (get_int(j, "K", 2, 200, &I->K, err) || get_int(j, "n", 1, 100000, &I->n, err) ||
        get_int(j, "d", 1, 1000, &I->d, err) || get_pos_q(j, "lambda_W", I->lamW, err) ||
        get_pos_q(j, "lambda_H", I->lamH, err))
        return err->status;
    if (need_dK && I->d < I->K)
        return nc_error_set(err, 2, "linconv/1: this claim needs d >= K (d = %ld, K = %ld)", (long)I->d, (long)I->K);
    I->N = I->n * I->K;
    fmpq_mul_si(I->r, I->lamH, I->n); /* r = lamW / (n lamH) */
    fmpq_div(I->r, I->lamW, I->r);
    fmpz_t mm;
    fmpz_init(mm);
    fmpz_mul(mm, fmpq_numref(I->r), fmpq_denref(I->r)); /* sqrt(p/q) = sqrt(pq)/q */
    int big = !fmpz_fits_si(mm) || fmpz_bits(mm) > 62;
    if (!big) I->m = fmpz_get_si(mm);
    fmpz_one(fmpq_numref(I->sq));
    fmpz_set(fmpq_denref(I->sq), fmpq_denref(I->r));
    fmpz_clear(mm);
    if (big)
        return nc_error_set(err, 2, "linconv/1: lambda_W/(n lambda_H) has a too large numerator*denominator (> 2^62)");
    fmpq_mul(I->test, I->lamW, I->lamH); /* 1 - n K^2 lamW lamH */
    fmpq_mul_si(I->test, I->test, -I->n * I->K * I->K);
    fmpq_add_si(I->test, I->test, 1);
    return 0;
}

void linconv_inst_clear(linconv_inst *I)
{
    fmpq_clear(I->lamW), fmpq_clear(I->lamH), fmpq_clear(I->r), fmpq_clear(I->sq), fmpq_clear(I->test);
}

void linconv_beta(qsqrt_t beta, const linconv_inst *I)
{
    fmpq_zero(beta->a);
    fmpq_set(beta->b, I->sq);
}

void linconv_s(qsqrt_t s, const linconv_inst *I)
{
    fmpq_zero(s->a);
    fmpq_mul_si(s->b, I->lamH, I->n);
    fmpq_mul(s->b, s->b, I->sq);
}

void linconv_qs_arb(arb_t x, const qsqrt_t q, slong m, slong prec)
{
    arb_t t;
    arb_init(t);
    arb_sqrt_ui(t, (ulong)m, prec + 10);
    arb_mul_fmpz(t, t, fmpq_numref(q->b), prec + 10);
    arb_div_fmpz(t, t, fmpq_denref(q->b), prec + 10);
    arb_set_fmpq(x, q->a, prec + 10);
    arb_add(x, x, t, prec);
    arb_clear(t);
}

void linconv_point(arb_mat_t W, arb_mat_t H, const linconv_inst *I, const arb_t alpha, const arb_t beta, slong prec)
{
    arb_t v, ab;
    arb_init(v), arb_init(ab);
    arb_mul(ab, alpha, beta, prec);
    arb_mat_zero(W), arb_mat_zero(H);
    for (slong a = 0; a < I->K; a++)
        for (slong k = 0; k < I->K; k++) {
            arb_set_si(v, (a == k) * I->K - 1); /* P_{ak} = delta - 1/K */
            arb_div_si(v, v, I->K, prec);
            arb_mul(arb_mat_entry(W, a, k), v, alpha, prec);
            for (slong i = 0; i < I->n; i++) arb_mul(arb_mat_entry(H, a, i * I->K + k), v, ab, prec);
        }
    arb_clear(v), arb_clear(ab);
}

/* x = q * y, x += q * y, x = y + q for a rational q (Arb 2.23 has no fmpq arithmetic) */
static void mul_q(arb_t x, const arb_t y, const fmpq_t q, slong prec)
{
    arb_mul_fmpz(x, y, fmpq_numref(q), prec);
    arb_div_fmpz(x, x, fmpq_denref(q), prec);
}
static void addmul_q(arb_t x, const arb_t y, const fmpq_t q, slong prec)
{
    arb_t t;
    arb_init(t);
    mul_q(t, y, q, prec);
    arb_add(x, x, t, prec);
    arb_clear(t);
}
static void add_q(arb_t x, const arb_t y, const fmpq_t q, slong prec)
{
    arb_t t;
    arb_init(t);
    arb_set_fmpq(t, q, prec);
    arb_add(x, y, t, prec);
    arb_clear(t);
}

slong linconv_dim(const linconv_inst *I, int loss)
{
    return I->d * (I->K + I->N) + (loss == LINCONV_MSE ? I->K : 0);
}

/* g_c (gradient of the per-sample loss in the logits) and S_c (its Hessian), column c */
static void per_sample(arb_ptr g, arb_mat_t S, const linconv_inst *I, int loss, const arb_mat_t W, const arb_mat_t H,
                       arb_srcptr bias, slong c, arb_t ell, slong prec)
{
    const slong K = I->K, d = I->d, y = c % K;
    arb_t t;
    arb_init(t);
    for (slong k = 0; k < K; k++) {
        arb_zero(g + k);
        for (slong a = 0; a < d; a++) arb_addmul(g + k, arb_mat_entry(W, a, k), arb_mat_entry(H, a, c), prec);
    }
    arb_mat_zero(S);
    if (loss == LINCONV_MSE) {
        arb_zero(ell);
        for (slong k = 0; k < K; k++) {
            if (bias) { /* b_k (linconv_hessian_at); otherwise b = 1/K */
                arb_add(g + k, g + k, bias + k, prec);
            } else {
                arb_set_si(t, 1);
                arb_div_si(t, t, K, prec);
                arb_add(g + k, g + k, t, prec);
            }
            if (k == y) arb_sub_ui(g + k, g + k, 1, prec);
            arb_addmul(ell, g + k, g + k, prec);
            arb_one(arb_mat_entry(S, k, k));
        }
        arb_mul_2exp_si(ell, ell, -1);
    } else { /* softmax, shifted by the label logit for stability (exact identity) */
        arb_t sum, zy;
        arb_init(sum), arb_init(zy);
        arb_set(zy, g + y);
        arb_zero(sum);
        for (slong k = 0; k < K; k++) {
            arb_sub(g + k, g + k, zy, prec);
            arb_exp(g + k, g + k, prec);
            arb_add(sum, sum, g + k, prec);
        }
        arb_log(ell, sum, prec);                                        /* CE = log sum_k exp(z_k - z_y) */
        for (slong k = 0; k < K; k++) arb_div(g + k, g + k, sum, prec); /* p_k */
        for (slong k = 0; k < K; k++)
            for (slong l = 0; l < K; l++) {
                arb_mul(t, g + k, g + l, prec);
                arb_neg(arb_mat_entry(S, k, l), t);
                if (k == l) arb_add(arb_mat_entry(S, k, l), arb_mat_entry(S, k, l), g + k, prec);
            }
        arb_sub_ui(g + y, g + y, 1, prec);
        arb_clear(sum), arb_clear(zy);
    }
    arb_clear(t);
}

void linconv_objective(arb_t F, const linconv_inst *I, int loss, const arb_mat_t W, const arb_mat_t H, slong prec)
{
    arb_ptr g = _arb_vec_init(I->K);
    arb_mat_t S;
    arb_t ell, t;
    arb_mat_init(S, I->K, I->K), arb_init(ell), arb_init(t);
    arb_zero(F);
    for (slong c = 0; c < I->N; c++) {
        per_sample(g, S, I, loss, W, H, NULL, c, ell, prec);
        arb_add(F, F, ell, prec);
    }
    arb_div_si(F, F, I->N, prec);
    arb_mat_frobenius_norm(t, W, prec), arb_sqr(t, t, prec), mul_q(t, t, I->lamW, prec), arb_mul_2exp_si(t, t, -1);
    arb_add(F, F, t, prec);
    arb_mat_frobenius_norm(t, H, prec), arb_sqr(t, t, prec), mul_q(t, t, I->lamH, prec), arb_mul_2exp_si(t, t, -1);
    arb_add(F, F, t, prec);
    _arb_vec_clear(g, I->K), arb_mat_clear(S), arb_clear(ell), arb_clear(t);
}

void linconv_grad_norm_sq(arb_t g2, const linconv_inst *I, int loss, const arb_mat_t W, const arb_mat_t H, slong prec)
{
    const slong K = I->K, d = I->d, N = I->N;
    arb_ptr g = _arb_vec_init(K), gb = _arb_vec_init(K);
    arb_mat_t S, GW;
    arb_t ell, t;
    arb_mat_init(S, K, K), arb_mat_init(GW, d, K), arb_init(ell), arb_init(t);
    arb_zero(g2);
    for (slong c = 0; c < N; c++) {
        per_sample(g, S, I, loss, W, H, NULL, c, ell, prec);
        for (slong a = 0; a < d; a++) {
            mul_q(t, arb_mat_entry(H, a, c), I->lamH, prec); /* grad h_c = W g_c / N + lamH h_c */
            arb_mul_si(t, t, N, prec);
            for (slong k = 0; k < K; k++) {
                arb_addmul(t, arb_mat_entry(W, a, k), g + k, prec);
                arb_addmul(arb_mat_entry(GW, a, k), arb_mat_entry(H, a, c), g + k, prec);
            }
            arb_div_si(t, t, N, prec);
            arb_addmul(g2, t, t, prec);
        }
        for (slong k = 0; k < K; k++) arb_add(gb + k, gb + k, g + k, prec);
    }
    for (slong a = 0; a < d; a++)
        for (slong k = 0; k < K; k++) {
            arb_div_si(t, arb_mat_entry(GW, a, k), N, prec);
            addmul_q(t, arb_mat_entry(W, a, k), I->lamW, prec);
            arb_addmul(g2, t, t, prec);
        }
    if (loss == LINCONV_MSE)
        for (slong k = 0; k < K; k++) arb_div_si(t, gb + k, N, prec), arb_addmul(g2, t, t, prec);
    _arb_vec_clear(g, K), _arb_vec_clear(gb, K), arb_mat_clear(S), arb_mat_clear(GW), arb_clear(ell), arb_clear(t);
}

void linconv_hessian_at(arb_mat_t A, const linconv_inst *I, int loss, const arb_mat_t W, const arb_mat_t H,
                        arb_srcptr bias, slong prec)
{
    const slong K = I->K, d = I->d, N = I->N, oH = d * K, ob = d * K + d * N;
    arb_ptr g = _arb_vec_init(K);
    arb_mat_t S, WS;
    arb_t ell, t;
    arb_mat_init(S, K, K), arb_mat_init(WS, d, K), arb_init(ell), arb_init(t);
    arb_mat_zero(A);
    progress_begin("Hessian", N);
    for (slong c = 0; c < N; c++) {
        const slong oc = oH + c * d;
        progress_set(c);
        per_sample(g, S, I, loss, W, H, bias, c, ell, prec);
        arb_mat_mul(WS, W, S, prec);
        for (slong k = 0; k < K; k++)
            for (slong a = 0; a < d; a++) {
                const slong ia = k * d + a;
                for (slong l = 0; l < K; l++) /* W-W: S_kl h_a h_b */
                    for (slong b = 0; b < d; b++) {
                        arb_mul(t, arb_mat_entry(H, a, c), arb_mat_entry(H, b, c), prec);
                        arb_addmul(arb_mat_entry(A, ia, l * d + b), t, arb_mat_entry(S, k, l), prec);
                    }
                for (slong b = 0; b < d; b++) { /* W-h: (W S)_{b k} h_a + delta_ab g_k */
                    arb_mul(t, arb_mat_entry(WS, b, k), arb_mat_entry(H, a, c), prec);
                    if (a == b) arb_add(t, t, g + k, prec);
                    arb_add(arb_mat_entry(A, ia, oc + b), arb_mat_entry(A, ia, oc + b), t, prec);
                    arb_add(arb_mat_entry(A, oc + b, ia), arb_mat_entry(A, oc + b, ia), t, prec);
                }
                if (loss == LINCONV_MSE) { /* b-W: S_kl h_a with S = I */
                    arb_add(arb_mat_entry(A, ob + k, ia), arb_mat_entry(A, ob + k, ia), arb_mat_entry(H, a, c), prec);
                    arb_add(arb_mat_entry(A, ia, ob + k), arb_mat_entry(A, ia, ob + k), arb_mat_entry(H, a, c), prec);
                }
            }
        for (slong a = 0; a < d; a++) /* h-h: (W S W^T)_{ab} */
            for (slong b = 0; b < d; b++) {
                arb_zero(t);
                for (slong k = 0; k < K; k++) arb_addmul(t, arb_mat_entry(WS, a, k), arb_mat_entry(W, b, k), prec);
                arb_add(arb_mat_entry(A, oc + a, oc + b), arb_mat_entry(A, oc + a, oc + b), t, prec);
            }
        if (loss == LINCONV_MSE)
            for (slong k = 0; k < K; k++) {
                arb_add_ui(arb_mat_entry(A, ob + k, ob + k), arb_mat_entry(A, ob + k, ob + k), 1, prec);
                for (slong a = 0; a < d; a++) {
                    arb_add(arb_mat_entry(A, ob + k, oc + a), arb_mat_entry(A, ob + k, oc + a), arb_mat_entry(W, a, k),
                            prec);
                    arb_add(arb_mat_entry(A, oc + a, ob + k), arb_mat_entry(A, oc + a, ob + k), arb_mat_entry(W, a, k),
                            prec);
                }
            }
    }
    progress_end();
    const slong dim = linconv_dim(I, loss);
    for (slong i = 0; i < dim; i++)
        for (slong j = 0; j < dim; j++) arb_div_si(arb_mat_entry(A, i, j), arb_mat_entry(A, i, j), N, prec);
    for (slong i = 0; i < oH; i++) add_q(arb_mat_entry(A, i, i), arb_mat_entry(A, i, i), I->lamW, prec);
    for (slong i = oH; i < ob; i++) add_q(arb_mat_entry(A, i, i), arb_mat_entry(A, i, i), I->lamH, prec);
    _arb_vec_clear(g, K), arb_mat_clear(S), arb_mat_clear(WS), arb_clear(ell), arb_clear(t);
}

void linconv_add_tangent_cols(arb_mat_t A, const arb_mat_t U, const arb_t cw, slong prec)
{
    /* c B B^T: block (j,l) over the d-vectors u_j (columns of U) = (u_j.u_l) I - u_l u_j^T */
    const slong d = arb_mat_nrows(U), M = arb_mat_ncols(U);
    arb_t t;
    arb_mat_t UT, G;
    arb_init(t), arb_mat_init(UT, M, d), arb_mat_init(G, M, M);
    arb_mat_transpose(UT, U);
    arb_mat_mul(G, UT, U, prec);
    progress_begin("tangent term", M);
    for (slong j = 0; j < M; j++, progress_set(j))
        for (slong l = 0; l < M; l++)
            for (slong p = 0; p < d; p++)
                for (slong q = 0; q < d; q++) {
                    arb_mul(t, arb_mat_entry(U, p, l), arb_mat_entry(U, q, j), prec);
                    if (p == q)
                        arb_sub(t, arb_mat_entry(G, j, l), t, prec);
                    else
                        arb_neg(t, t);
                    arb_addmul(arb_mat_entry(A, j * d + p, l * d + q), t, cw, prec);
                }
    progress_end();
    arb_clear(t), arb_mat_clear(UT), arb_mat_clear(G);
}

void linconv_add_tangent(arb_mat_t A, const linconv_inst *I, const arb_mat_t W, const arb_mat_t H, const arb_t cw,
                         slong prec)
{
    /* the d-vectors u_j: the columns of W then of H */
    const slong d = I->d, M = I->K + I->N;
    arb_mat_t U;
    arb_mat_init(U, d, M);
    for (slong j = 0; j < M; j++)
        for (slong a = 0; a < d; a++)
            arb_set(arb_mat_entry(U, a, j), j < I->K ? arb_mat_entry(W, a, j) : arb_mat_entry(H, a, j - I->K));
    linconv_add_tangent_cols(A, U, cw, prec);
    arb_mat_clear(U);
}

void linconv_hessian(arb_mat_t A, const linconv_inst *I, int loss, const arb_mat_t W, const arb_mat_t H, const arb_t cw,
                     slong prec)
{
    linconv_hessian_at(A, I, loss, W, H, NULL, prec);
    if (!arb_is_zero(cw)) linconv_add_tangent(A, I, W, H, cw, prec);
}

json_t *linconv_source(const char *label, const char *statement)
{
    static const char *const files[] = {"002_1b8e7c5a0ba5d5db.txt", NULL};
    return cert_source("linconv", files, label, statement);
}

void linconv_put_ball(json_t *q, const char *name, const arb_t x)
{
    json_object_set_new(q, name, cert_quantity(x, NULL, 1));
}

void linconv_put_qs(json_t *q, const char *name, const qsqrt_t x, slong m)
{
    arb_t b;
    arb_init(b);
    linconv_qs_arb(b, x, m, 128);
    json_object_set_new(q, name, cert_quantity(b, x, m));
    arb_clear(b);
}

void linconv_put_rational(json_t *q, const char *name, const fmpq_t x)
{
    qsqrt_t e;
    qsqrt_init(e);
    fmpq_set(e->a, x);
    linconv_put_qs(q, name, e, 1);
    qsqrt_clear(e);
}
