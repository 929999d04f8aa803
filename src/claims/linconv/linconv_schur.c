/* linconv_schur.c: the reduced matrix M_red of the structured MSE error-bound path and the bound
 * g on the Schur-complement term (linconv_schur.h; proofs/derivations/linconv-theorem-2.md
 * section 7.3-7.4). Coordinates: w_k at k*d + a, m_k at dK + k*d + a, b_l at 2dK + l. */
#include "claims/linconv/linconv_schur.h"
#include "common/progress.h"

slong linconv_schur_dim(const linconv_inst *I)
{
    return 2 * I->d * I->K + I->K;
}

/* the box: Wr = W* +- r, Hk = h*_k +- r (column k of H*, = every sample of class k), b = 1/K +- r */
static void widen(arb_mat_t Wr, arb_mat_t Hk, arb_ptr b, const linconv_inst *I, const arb_mat_t W, const arb_mat_t H,
                  slong k)
{
    for (slong a = 0; a < I->d; a++)
        for (slong j = 0; j < I->K; j++) {
            arb_set(arb_mat_entry(Wr, a, j), arb_mat_entry(W, a, j));
            arb_set(arb_mat_entry(Hk, a, j), arb_mat_entry(H, a, j));
            if (k != WORD_MIN)
                arb_add_error_2exp_si(arb_mat_entry(Wr, a, j), -k), arb_add_error_2exp_si(arb_mat_entry(Hk, a, j), -k);
        }
    for (slong j = 0; j < I->K; j++) {
        arb_one(b + j), arb_div_si(b + j, b + j, I->K, 128);
        if (k != WORD_MIN) arb_add_error_2exp_si(b + j, -k);
    }
}

/* c B0' B0'^T: block (j,l) = (u_j.u_l) I - u_l u_j^T over u = (w*_1..w*_K, sqrt(n) beta w*_1..K) */
static void add_penalty(arb_mat_t A, const linconv_inst *I, const arb_mat_t W, const arb_mat_t H, const arb_t sn,
                        slong c, slong prec)
{
    arb_mat_t U;
    arb_t cw;
    arb_mat_init(U, I->d, 2 * I->K), arb_init(cw);
    for (slong a = 0; a < I->d; a++)
        for (slong j = 0; j < I->K; j++) {
            arb_set(arb_mat_entry(U, a, j), arb_mat_entry(W, a, j));
            arb_mul(arb_mat_entry(U, a, I->K + j), arb_mat_entry(H, a, j), sn, prec);
        }
    arb_set_si(cw, c);
    linconv_add_tangent_cols(A, U, cw, prec);
    arb_mat_clear(U), arb_clear(cw);
}

/* A[i][j] += x and A[j][i] += x (i != j) */
static void add_sym(arb_mat_t A, slong i, slong j, const arb_t x, slong prec)
{
    arb_add(arb_mat_entry(A, i, j), arb_mat_entry(A, i, j), x, prec);
    arb_add(arb_mat_entry(A, j, i), arb_mat_entry(A, j, i), x, prec);
}

void linconv_schur_matrix(arb_mat_t A, const linconv_inst *I, const arb_mat_t W, const arb_mat_t H, slong k, slong c,
                          slong prec)
{
    const slong K = I->K, d = I->d, N = I->N, oM = d * K, ob = 2 * d * K;
    arb_mat_t Wr, Hk, T, HH, WW, R;
    arb_ptr b = _arb_vec_init(K), hs = _arb_vec_init(d);
    arb_t sn, t, lw, lh;
    arb_mat_init(Wr, d, K), arb_mat_init(Hk, d, K), arb_mat_init(T, K, d), arb_mat_init(HH, d, d);
    arb_mat_init(WW, d, d), arb_mat_init(R, K, K);
    arb_init(sn), arb_init(t), arb_init(lw), arb_init(lh);
    arb_sqrt_ui(sn, (ulong)I->n, prec);
    arb_set_fmpq(lw, I->lamW, prec), arb_set_fmpq(lh, I->lamH, prec);
    widen(Wr, Hk, b, I, W, H, k);
    arb_mat_zero(A);
    /* (1/K) sum_j [h_j][h_j]^T, (1/N) [W][W]^T, [R_lk] = [w_l].[h_k] + [b_l] - [l = k] */
    arb_mat_transpose(T, Hk), arb_mat_mul(HH, Hk, T, prec), arb_mat_scalar_div_si(HH, HH, K, prec);
    arb_mat_transpose(T, Wr), arb_mat_mul(WW, Wr, T, prec), arb_mat_scalar_div_si(WW, WW, N, prec);
    arb_mat_mul(R, T, Hk, prec);
    for (slong l = 0; l < K; l++)
        for (slong j = 0; j < K; j++) {
            arb_add(arb_mat_entry(R, l, j), arb_mat_entry(R, l, j), b + l, prec);
            if (l == j) arb_sub_ui(arb_mat_entry(R, l, j), arb_mat_entry(R, l, j), 1, prec);
        }
    for (slong a = 0; a < d; a++) {
        for (slong j = 0; j < K; j++) arb_add(hs + a, hs + a, arb_mat_entry(Hk, a, j), prec);
        arb_div_si(hs + a, hs + a, K, prec);
    }
    progress_begin("reduced matrix", K);
    for (slong kk = 0; kk < K; kk++, progress_set(kk)) {
        const slong ow = kk * d, om = oM + kk * d;
        for (slong p = 0; p < d; p++) {
            for (slong q = 0; q < d; q++) { /* (w_k, w_k) and (m_k, m_k) */
                arb_set(arb_mat_entry(A, ow + p, ow + q), arb_mat_entry(HH, p, q));
                arb_set(arb_mat_entry(A, om + p, om + q), arb_mat_entry(WW, p, q));
            }
            arb_add(arb_mat_entry(A, ow + p, ow + p), arb_mat_entry(A, ow + p, ow + p), lw, prec);
            arb_add(arb_mat_entry(A, om + p, om + p), arb_mat_entry(A, om + p, om + p), lh, prec);
            add_sym(A, ow + p, ob + kk, hs + p, prec); /* (w_k, b_k) */
            for (slong l = 0; l < K; l++) {            /* (m_k, b_l) = sqrt(n)/N [w_l] */
                arb_mul(t, arb_mat_entry(Wr, p, l), sn, prec), arb_div_si(t, t, N, prec);
                add_sym(A, om + p, ob + l, t, prec);
            }
        }
        for (slong l = 0; l < K; l++) /* (m_k, w_l) = sqrt(n)/N ([R_lk] I + [w_l][h_k]^T) */
            for (slong p = 0; p < d; p++)
                for (slong q = 0; q < d; q++) {
                    arb_mul(t, arb_mat_entry(Wr, p, l), arb_mat_entry(Hk, q, kk), prec);
                    if (p == q) arb_add(t, t, arb_mat_entry(R, l, kk), prec);
                    arb_mul(t, t, sn, prec), arb_div_si(t, t, N, prec);
                    add_sym(A, om + p, l * d + q, t, prec);
                }
    }
    progress_end();
    for (slong l = 0; l < K; l++) arb_one(arb_mat_entry(A, ob + l, ob + l));
    if (c) add_penalty(A, I, W, H, sn, c, prec);
    arb_mat_clear(Wr), arb_mat_clear(Hk), arb_mat_clear(T), arb_mat_clear(HH), arb_mat_clear(WW), arb_mat_clear(R);
    _arb_vec_clear(b, K), _arb_vec_clear(hs, d);
    arb_clear(sn), arb_clear(t), arb_clear(lw), arb_clear(lh);
}

void linconv_schur_gap(arb_t g, const linconv_inst *I, const arb_mat_t W, const arb_t delta, const arb_t mu, slong prec)
{
    arb_t f, t;
    arb_init(f), arb_init(t);
    arb_zero(f);
    for (slong a = 0; a < I->d; a++)
        for (slong j = 0; j < I->K; j++) arb_addmul(f, arb_mat_entry(W, a, j), arb_mat_entry(W, a, j), prec);
    arb_sqrt(f, f, prec), arb_add(f, f, delta, prec); /* ||W*||_F + delta */
    arb_mul(f, f, delta, prec), arb_sqr(f, f, prec), arb_mul_2exp_si(f, f, 2);
    arb_div_si(f, f, I->N, prec), arb_div_si(f, f, I->N, prec);
    arb_set_fmpq(t, I->lamH, prec), arb_sub(t, t, mu, prec);
    if (arb_is_positive(t))
        arb_div(g, f, t, prec);
    else
        arb_pos_inf(g);
    arb_clear(f), arb_clear(t);
}
