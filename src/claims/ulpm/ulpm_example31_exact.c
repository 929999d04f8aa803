/* ulpm_example31_exact.c: the exact (rational) side of ulpm.example-3.1: the matrix M of (7),
 * the points of the curve (55) and of the family (10) at rational parameters, Frobenius norms
 * and distances, the KKT conditions of problem (5) with the multipliers (8), and the ratios
 * that make grad L parallel to (W, H) exactly. All K = 4, n = 1, d = 4. */
#include "claims/ulpm/ulpm_example31.h"

static int pair_of(slong k)
{
    return (int)(k / 2);
}

void ulpm_ex31_M(fmpq_mat_t M)
{
    for (slong i = 0; i < 4; i++)
        for (slong j = 0; j < 4; j++)
            fmpq_set_si(fmpq_mat_entry(M, i, j), i == j ? 1 : (pair_of(i) == pair_of(j) ? -1 : 0), 1);
}

void ulpm_ex31_curve55(fmpq_mat_t W, fmpq_mat_t H, const fmpq_t C, const fmpq_t a, const fmpq_t s)
{
    fmpq_t x, f;
    fmpq_init(x);
    fmpq_init(f);
    fmpq_div(f, C, s);
    ulpm_ex31_M(W);
    for (slong k = 0; k < 4; k++)
        for (slong l = 0; l < 4; l++) { /* (M + a u 1^T)_{kl}, u = (1, 1, -1, -1) */
            fmpq_set(x, a);
            if (pair_of(k) == 1) fmpq_neg(x, x);
            fmpq_add(fmpq_mat_entry(W, k, l), fmpq_mat_entry(W, k, l), x);
            fmpq_mul(fmpq_mat_entry(W, k, l), fmpq_mat_entry(W, k, l), f);
        }
    fmpq_mat_transpose(H, W);
    fmpq_clear(x);
    fmpq_clear(f);
}

void ulpm_ex31_family10(fmpq_mat_t W, fmpq_mat_t H, fmpq_t alpha, fmpq_t beta, const fmpq_t C, const fmpq_t t)
{
    fmpq_t den;
    fmpq_init(den);
    fmpq_mul(den, t, t);
    fmpq_mul_ui(den, den, 2);
    fmpq_sub_ui(alpha, den, 1); /* 2t^2 - 1 */
    fmpq_add_ui(den, den, 1);   /* 2t^2 + 1 */
    fmpq_div(alpha, alpha, den);
    fmpq_mul_si(beta, t, -2);
    fmpq_div(beta, beta, den);
    for (slong i = 0; i < 4; i++)
        for (slong j = 0; j < 4; j++) {
            fmpq *e = fmpq_mat_entry(W, i, j);
            if (i == j)
                fmpq_one(e);
            else if (pair_of(i) == pair_of(j))
                fmpq_set(e, alpha);
            else
                fmpq_set(e, beta);
            fmpq_mul(e, e, C);
        }
    fmpq_mat_set(H, W);
    fmpq_clear(den);
}

/* lambda_{kj} of (8): 1/2 across the pairs {0,1}, {2,3}, 0 within a pair and on the diagonal. */
static void lambda8(fmpq_t l, slong k, slong j)
{
    if (k != j && pair_of(k) != pair_of(j))
        fmpq_set_si(l, 1, 2);
    else
        fmpq_zero(l);
}

void ulpm_ex31_kkt(fmpq_t stat2, fmpq_t minmargin, fmpq_t minlambda, fmpq_t compl2, const fmpq_t t2)
{
    /* (W, H) = (t A, t B), A = B = M. Stationarity of L = (|W|^2 + |H|^2)/2 -
     * sum lambda_kj (w_k.h_k - w_j.h_k - 1): w_m = sum_j lam_mj h_m - sum_k lam_km h_k,
     * h_m = sum_j lam_mj (w_m - w_j); both sides carry one factor t. */
    fmpq_mat_t A;
    fmpq_t lam, x, y, r, s;
    fmpq_mat_init(A, 4, 4);
    fmpq_init(lam);
    fmpq_init(x);
    fmpq_init(y);
    fmpq_init(r);
    fmpq_init(s);
    ulpm_ex31_M(A);
    fmpq_zero(stat2);
    for (slong m = 0; m < 4; m++)
        for (slong l = 0; l < 4; l++) {
            fmpq_set(r, fmpq_mat_entry(A, m, l)); /* residual of w_m, coordinate l */
            fmpq_set(s, fmpq_mat_entry(A, l, m)); /* residual of h_m (column m of B) */
            for (slong j = 0; j < 4; j++) {
                lambda8(lam, m, j);
                fmpq_submul(r, lam, fmpq_mat_entry(A, l, m)); /* - lam_mj h_m */
                fmpq_sub(x, fmpq_mat_entry(A, m, l), fmpq_mat_entry(A, j, l));
                fmpq_submul(s, lam, x); /* - lam_mj (w_m - w_j) */
                lambda8(lam, j, m);
                fmpq_addmul(r, lam, fmpq_mat_entry(A, l, j)); /* + lam_km h_k */
            }
            fmpq_addmul(stat2, r, r);
            fmpq_addmul(stat2, s, s);
        }
    fmpq_mul(stat2, stat2, t2);
    int first = 1;
    fmpq_zero(compl2);
    for (slong k = 0; k < 4; k++)
        for (slong j = 0; j < 4; j++) {
            if (j == k) continue;
            fmpq_zero(x); /* margin/t^2 = (a_k - a_j).b_k */
            for (slong l = 0; l < 4; l++) {
                fmpq_sub(y, fmpq_mat_entry(A, k, l), fmpq_mat_entry(A, j, l));
                fmpq_addmul(x, y, fmpq_mat_entry(A, l, k));
            }
            fmpq_mul(x, x, t2);
            lambda8(lam, k, j);
            if (first || fmpq_cmp(x, minmargin) < 0) fmpq_set(minmargin, x);
            if (first || fmpq_cmp(lam, minlambda) < 0) fmpq_set(minlambda, lam);
            first = 0;
            fmpq_sub_ui(y, x, 1);
            fmpq_mul(y, y, lam);
            fmpq_addmul(compl2, y, y);
        }
    fmpq_mat_clear(A);
    fmpq_clear(lam);
    fmpq_clear(x);
    fmpq_clear(y);
    fmpq_clear(r);
    fmpq_clear(s);
}

/* r with X = r Y exactly (Y != 0), else 0. */
static int ratio_of(fmpq_t r, const fmpq_mat_t X, const fmpq_mat_t Y)
{
    fmpq_mat_t T;
    int ok = 0;
    fmpq_div(r, fmpq_mat_entry(X, 0, 0), fmpq_mat_entry(Y, 0, 0)); /* Y[0][0] = 1 here */
    fmpq_mat_init(T, 4, 4);
    fmpq_mat_scalar_mul_fmpq(T, Y, r);
    ok = fmpq_mat_equal(T, X);
    fmpq_mat_clear(T);
    return ok;
}

int ulpm_ex31_parallel_ratios(fmpq_t rW[3], fmpq_t *rIW, fmpq_t rH[3], fmpq_t *rIH)
{
    /* With W = H = C M: Z = C^2 M M, gap_{jc} = (z_jc - z_cc)/C^2 in {0, -2, -4}; the
     * indicator E_g of gap g; grad_W = sum_g phi(g) E_g H^T - H^T (the -I of softmax - 1). */
    fmpq_mat_t M, Z, E, X;
    int ok = 1;
    fmpq_mat_init(M, 4, 4);
    fmpq_mat_init(Z, 4, 4);
    fmpq_mat_init(E, 4, 4);
    fmpq_mat_init(X, 4, 4);
    ulpm_ex31_M(M);
    fmpq_mat_mul(Z, M, M);
    for (int g = 0; g < 3; g++) {
        for (slong j = 0; j < 4; j++)
            for (slong c = 0; c < 4; c++) {
                fmpq_t gap;
                fmpq_init(gap);
                fmpq_sub(gap, fmpq_mat_entry(Z, j, c), fmpq_mat_entry(Z, c, c));
                fmpq_set_si(fmpq_mat_entry(E, j, c), fmpq_equal_si(gap, -2 * g) ? 1 : 0, 1);
                fmpq_clear(gap);
            }
        fmpq_mat_mul(X, E, M); /* E_g H^T / C, W / C = M */
        ok &= ratio_of(rW[g], X, M);
        fmpq_mat_mul(X, M, E); /* W^T E_g / C */
        ok &= ratio_of(rH[g], X, M);
    }
    ok &= ratio_of(*rIW, M, M);
    ok &= ratio_of(*rIH, M, M);
    fmpq_mat_clear(M);
    fmpq_mat_clear(Z);
    fmpq_mat_clear(E);
    fmpq_mat_clear(X);
    return ok;
}
