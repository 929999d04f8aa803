/* check_ulpm_example31_eval.c: exact matrices and MPFI evaluations for the check of
 * ulpm.example-3.1 (check_ulpm_example31.h). The gradient of (9) comes from the generic MPFI
 * cross-entropy code (check_ce.h); mu from the exact structure; f''(0), L''(0) from the closed
 * forms of the derivation (the certifier gets them by Taylor arithmetic at a given C). */
#include "ulpm/check_ulpm_example31.h"

#include "check_ce.h"

static int pair_of(int k)
{
    return k / 2;
}

void ck_ulpm_ex31_mat_init(ck_ulpm_ex31_mat A)
{
    for (int t = 0; t < 16; t++) mpq_init(A[t]);
}
void ck_ulpm_ex31_mat_clear(ck_ulpm_ex31_mat A)
{
    for (int t = 0; t < 16; t++) mpq_clear(A[t]);
}

void ck_ulpm_ex31_M(ck_ulpm_ex31_mat A)
{
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) mpq_set_si(A[4 * i + j], i == j ? 1 : pair_of(i) == pair_of(j) ? -1 : 0, 1);
}

void ck_ulpm_ex31_mul(ck_ulpm_ex31_mat R, ck_ulpm_ex31_mat A, ck_ulpm_ex31_mat B)
{
    mpq_t t;
    mpq_init(t);
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) {
            mpq_set_ui(R[4 * i + j], 0, 1);
            for (int l = 0; l < 4; l++) {
                mpq_mul(t, A[4 * i + l], B[4 * l + j]);
                mpq_add(R[4 * i + j], R[4 * i + j], t);
            }
        }
    mpq_clear(t);
}

void ck_ulpm_ex31_frob2(mpq_t r, ck_ulpm_ex31_mat A)
{
    mpq_t t;
    mpq_init(t);
    mpq_set_ui(r, 0, 1);
    for (int q = 0; q < 16; q++) {
        mpq_mul(t, A[q], A[q]);
        mpq_add(r, r, t);
    }
    mpq_clear(t);
}

void ck_ulpm_ex31_dist2(mpq_t r, ck_ulpm_ex31_mat A, ck_ulpm_ex31_mat B)
{
    ck_ulpm_ex31_mat D;
    ck_ulpm_ex31_mat_init(D);
    for (int q = 0; q < 16; q++) mpq_sub(D[q], A[q], B[q]);
    ck_ulpm_ex31_frob2(r, D);
    ck_ulpm_ex31_mat_clear(D);
}

static void lam8(mpq_t l, int k, int j)
{
    mpq_set_si(l, k != j && pair_of(k) != pair_of(j) ? 1 : 0, 2);
}

void ck_ulpm_ex31_kkt(mpq_t stat2, mpq_t minmargin, mpq_t minlambda, mpq_t compl2, const mpq_t t2)
{
    /* grad_W of the Lagrangian: w_m - sum_j lam_mj h_m + sum_k lam_km h_k; grad_H: h_m -
     * sum_j lam_mj (w_m - w_j); with W = H = t A every term carries one t. */
    ck_ulpm_ex31_mat A;
    mpq_t l, r, s, x, y;
    ck_ulpm_ex31_mat_init(A);
    mpq_inits(l, r, s, x, y, NULL);
    ck_ulpm_ex31_M(A);
    mpq_set_ui(stat2, 0, 1);
    for (int m = 0; m < 4; m++)
        for (int c = 0; c < 4; c++) {
            mpq_set(r, A[4 * m + c]); /* w_m[c] */
            mpq_set(s, A[4 * c + m]); /* h_m[c] = H[c][m] */
            for (int j = 0; j < 4; j++) {
                lam8(l, m, j);
                mpq_mul(x, l, A[4 * c + m]);
                mpq_sub(r, r, x);
                mpq_sub(y, A[4 * m + c], A[4 * j + c]);
                mpq_mul(x, l, y);
                mpq_sub(s, s, x);
                lam8(l, j, m);
                mpq_mul(x, l, A[4 * c + j]);
                mpq_add(r, r, x);
            }
            mpq_mul(x, r, r);
            mpq_add(stat2, stat2, x);
            mpq_mul(x, s, s);
            mpq_add(stat2, stat2, x);
        }
    mpq_mul(stat2, stat2, t2);
    mpq_set_ui(compl2, 0, 1);
    int first = 1;
    for (int k = 0; k < 4; k++)
        for (int j = 0; j < 4; j++) {
            if (j == k) continue;
            mpq_set_ui(x, 0, 1); /* (w_k - w_j).h_k / t^2 */
            for (int c = 0; c < 4; c++) {
                mpq_sub(y, A[4 * k + c], A[4 * j + c]);
                mpq_mul(y, y, A[4 * c + k]);
                mpq_add(x, x, y);
            }
            mpq_mul(x, x, t2);
            lam8(l, k, j);
            if (first || mpq_cmp(x, minmargin) < 0) mpq_set(minmargin, x);
            if (first || mpq_cmp(l, minlambda) < 0) mpq_set(minlambda, l);
            first = 0;
            mpq_set_ui(y, 1, 1);
            mpq_sub(y, x, y);
            mpq_mul(y, y, l);
            mpq_mul(y, y, y);
            mpq_add(compl2, compl2, y);
        }
    ck_ulpm_ex31_mat_clear(A);
    mpq_clears(l, r, s, x, y, NULL);
}

/* r with X = r Y (Y[0][0] != 0), else 0 */
static int ratio(mpq_t r, ck_ulpm_ex31_mat X, ck_ulpm_ex31_mat Y)
{
    mpq_t t;
    int ok = 1;
    mpq_init(t);
    mpq_div(r, X[0], Y[0]);
    for (int q = 0; q < 16 && ok; q++) {
        mpq_mul(t, r, Y[q]);
        ok = mpq_equal(t, X[q]);
    }
    mpq_clear(t);
    return ok;
}

int ck_ulpm_ex31_structure(long gaps[3], long counts[3], mpq_t rW[3], mpq_t rIW, mpq_t rH[3], mpq_t rIH)
{
    /* Z / C^2 = M M; every column must hold the same gap multiset {0, -2, -2, -4} (then the
     * softmax denominators agree and G = sum_g phi(g) E_g - I exactly). */
    ck_ulpm_ex31_mat M, Z, E, X;
    mpq_t g;
    int ok = 1;
    ck_ulpm_ex31_mat_init(M);
    ck_ulpm_ex31_mat_init(Z);
    ck_ulpm_ex31_mat_init(E);
    ck_ulpm_ex31_mat_init(X);
    mpq_init(g);
    ck_ulpm_ex31_M(M);
    ck_ulpm_ex31_mul(Z, M, M);
    for (int t = 0; t < 3; t++) {
        gaps[t] = -2 * t;
        counts[t] = 0;
    }
    for (int c = 0; c < 4 && ok; c++) {
        long cnt[3] = {0, 0, 0};
        for (int j = 0; j < 4; j++) {
            mpq_sub(g, Z[4 * j + c], Z[4 * c + c]);
            int hit = 0;
            for (int t = 0; t < 3; t++)
                if (mpq_cmp_si(g, gaps[t], 1) == 0) {
                    cnt[t]++;
                    hit = 1;
                }
            ok = ok && hit;
        }
        for (int t = 0; t < 3; t++) {
            if (c == 0)
                counts[t] = cnt[t];
            else
                ok = ok && counts[t] == cnt[t];
        }
    }
    for (int t = 0; t < 3 && ok; t++) {
        for (int j = 0; j < 4; j++)
            for (int c = 0; c < 4; c++) {
                mpq_sub(g, Z[4 * j + c], Z[4 * c + c]);
                mpq_set_si(E[4 * j + c], mpq_cmp_si(g, gaps[t], 1) == 0 ? 1 : 0, 1);
            }
        ck_ulpm_ex31_mul(X, E, M); /* E_g H^T / C (H^T = C M^T = C M) */
        ok = ok && ratio(rW[t], X, M);
        ck_ulpm_ex31_mul(X, M, E); /* W^T E_g / C */
        ok = ok && ratio(rH[t], X, M);
    }
    ok = ok && ratio(rIW, M, M) && ratio(rIH, M, M);
    ck_ulpm_ex31_mat_clear(M);
    ck_ulpm_ex31_mat_clear(Z);
    ck_ulpm_ex31_mat_clear(E);
    ck_ulpm_ex31_mat_clear(X);
    mpq_clear(g);
    return ok;
}

/* e^{m c^2} */
static void exp_mc2(mpfi_ptr r, mpfi_srcptr c, long m)
{
    mpfi_sqr(r, c);
    mpfi_mul_si(r, r, m);
    mpfi_exp(r, r);
}

static void mats_from_c(mpfi_ptr W, mpfi_srcptr c)
{
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) {
            int v = i == j ? 1 : pair_of(i) == pair_of(j) ? -1 : 0;
            mpfi_mul_si(&W[4 * i + j], c, v);
        }
}

void ck_ulpm_ex31_eval(mpfi_ptr out, int part, mpfi_srcptr c, const mpq_t sq, const long gaps[3], const long counts[3],
                       mpq_t rW[3], const mpq_t rIW)
{
    mpfr_prec_t prec = mpfi_get_prec(out);
    mpfi_t a, b, d;
    mpfi_init2(a, prec);
    mpfi_init2(b, prec);
    mpfi_init2(d, prec);
    if (part == CK_ULPM_EX31_SEP) { /* margins of Z = 2C^2 M: 4C^2, 2C^2 */
        mpfi_sqr(a, c);
        mpfi_mul_ui(&out[0], a, 4);
        mpfi_mul_ui(&out[1], a, 2);
    } else if (part == CK_ULPM_EX31_PAR) { /* mu = sum_g r_g e^{g C^2} / D - r_I */
        mpfi_set_ui(d, 0);
        mpfi_set_ui(&out[0], 0);
        for (int t = 0; t < 3; t++) {
            exp_mc2(a, c, gaps[t]);
            mpfi_mul_ui(b, a, (unsigned long)counts[t]);
            mpfi_add(d, d, b);
            mpfi_mul_q(a, a, rW[t]);
            mpfi_add(&out[0], &out[0], a);
        }
        mpfi_div(&out[0], &out[0], d);
        mpfi_sub_q(&out[0], &out[0], rIW);
    } else if (part == CK_ULPM_EX31_EQ9) { /* generic gradient; (9) as printed */
        mpfi_ptr W = ck_ivec_init(16, prec), Z = ck_ivec_init(16, prec), G = ck_ivec_init(16, prec);
        mats_from_c(W, c);
        ck_ce_logits(Z, W, W, 4, 4, 4);
        ck_ce_grad_logits(G, Z, 4, 4, 1);
        mpfi_set_ui(&out[0], 0); /* (G H^T)[0][0] = sum_c G[0][c] H[0][c] */
        for (int k = 0; k < 4; k++) {
            mpfi_mul(a, &G[k], &W[k]);
            mpfi_add(&out[0], &out[0], a);
        }
        ck_ivec_clear(W, 16);
        ck_ivec_clear(Z, 16);
        ck_ivec_clear(G, 16);
        exp_mc2(a, c, -2);
        mpfi_mul_ui(a, a, 2); /* 2e^{-2C^2} */
        exp_mc2(b, c, 2);
        mpfi_mul_ui(b, b, 2); /* 2e^{2C^2} */
        mpfi_add(d, a, b);
        mpfi_add_ui(d, d, 2);
        mpfi_add_ui(a, a, 2);
        mpfi_div(&out[1], a, d);
        mpfi_mul(&out[1], &out[1], c);
        mpfi_neg(&out[1], &out[1]);
        mpfi_sub(&out[2], &out[0], &out[1]);
    } else if (part == CK_ULPM_EX31_C55) { /* f''(0) = 16 C^2 expm1(-2C^2) */
        mpfi_sqr(a, c);
        mpfi_mul_si(b, a, -2);
        mpfi_expm1(b, b);
        mpfi_mul(&out[0], a, b);
        mpfi_mul_ui(&out[0], &out[0], 16);
        exp_mc2(a, c, -2); /* L''(0) = 4 e^{-2C^2} f'' / (1 + e^{-4C^2} + 2e^{-2C^2}) */
        exp_mc2(b, c, -4);
        mpfi_add_ui(d, b, 1);
        mpfi_add(d, d, a);
        mpfi_add(d, d, a);
        mpfi_mul(&out[1], &out[0], a);
        mpfi_mul_ui(&out[1], &out[1], 4);
        mpfi_div(&out[1], &out[1], d);
    } else if (part == CK_ULPM_EX31_F10) { /* 3e^{-4C^2} - 4e^{-2C^2} sq; 16 C^2 sq^2 */
        exp_mc2(a, c, -4);
        mpfi_mul_ui(a, a, 3);
        exp_mc2(b, c, -2);
        mpfi_mul_ui(b, b, 4);
        mpfi_mul_q(b, b, sq);
        mpfi_sub(&out[0], a, b);
        mpfi_sqr(a, c);
        mpfi_mul_q(a, a, sq);
        mpfi_mul_q(a, a, sq);
        mpfi_mul_ui(&out[1], a, 16);
    }
    mpfi_clear(a);
    mpfi_clear(b);
    mpfi_clear(d);
}

void ck_ulpm_ex31_loss_diff(mpfi_ptr out, ck_ulpm_ex31_mat W1, ck_ulpm_ex31_mat H1, const mpq_t C)
{
    mpfr_prec_t prec = mpfi_get_prec(out);
    mpfi_ptr W = ck_ivec_init(16, prec), H = ck_ivec_init(16, prec), Z = ck_ivec_init(16, prec);
    mpfi_t c, L0;
    mpfi_init2(c, prec);
    mpfi_init2(L0, prec);
    mpfi_set_q(c, C);
    mats_from_c(W, c);
    ck_ce_logits(Z, W, W, 4, 4, 4);
    ck_ce_loss(L0, Z, 4, 4, 1);
    for (int q = 0; q < 16; q++) {
        mpfi_set_q(&W[q], W1[q]);
        mpfi_set_q(&H[q], H1[q]);
    }
    ck_ce_logits(Z, W, H, 4, 4, 4);
    ck_ce_loss(out, Z, 4, 4, 1);
    mpfi_sub(out, out, L0);
    mpfi_clear(c);
    mpfi_clear(L0);
    ck_ivec_clear(W, 16);
    ck_ivec_clear(H, 16);
    ck_ivec_clear(Z, 16);
}
