/* check_ulpm_example31.h: the checker's own arithmetic for ulpm.example-3.1 (K = 4, n = 1,
 * W = H = C M): exact 4x4 rational matrices (GMP) and MPFI evaluations of every interval
 * quantity for C in an interval. Nothing here comes from the certifier. */
#ifndef NCCHECK_ULPM_EXAMPLE31_H
#define NCCHECK_ULPM_EXAMPLE31_H
#include <gmp.h>
#include <mpfi.h>

enum {
    CK_ULPM_EX31_SEP,
    CK_ULPM_EX31_KKT,
    CK_ULPM_EX31_PAR,
    CK_ULPM_EX31_EQ9,
    CK_ULPM_EX31_C55,
    CK_ULPM_EX31_F10,
    CK_ULPM_EX31_NPARTS
};

typedef mpq_t ck_ulpm_ex31_mat[16]; /* row-major 4x4 */

void ck_ulpm_ex31_mat_init(ck_ulpm_ex31_mat A);
void ck_ulpm_ex31_mat_clear(ck_ulpm_ex31_mat A);
void ck_ulpm_ex31_M(ck_ulpm_ex31_mat A);                                           /* (7) without C */
void ck_ulpm_ex31_mul(ck_ulpm_ex31_mat R, ck_ulpm_ex31_mat A, ck_ulpm_ex31_mat B); /* R = A B (R distinct) */
void ck_ulpm_ex31_frob2(mpq_t r, ck_ulpm_ex31_mat A);
void ck_ulpm_ex31_dist2(mpq_t r, ck_ulpm_ex31_mat A, ck_ulpm_ex31_mat B);

/* KKT of (5) at (t M, t M), t^2 = t2, multipliers (8). */
void ck_ulpm_ex31_kkt(mpq_t stat2, mpq_t minmargin, mpq_t minlambda, mpq_t compl2, const mpq_t t2);
/* Exact structure of grad L at W = H = C M (C-free): gaps g of column 0 in units of C^2 and
 * their counts, ratios with E_g H^T = r W, W^T E_g = rho H. 0 if the structure fails. */
int ck_ulpm_ex31_structure(long gaps[3], long counts[3], mpq_t rW[3], mpq_t rIW, mpq_t rH[3], mpq_t rIH);

/* Interval quantities of PART for C in the interval c (sq = sqrt(eps0), family10; mu needs the
 * structure). out has as many entries as the part has interval quantities. */
void ck_ulpm_ex31_eval(mpfi_ptr out, int part, mpfi_srcptr c, const mpq_t sq, const long gaps[3], const long counts[3],
                       mpq_t rW[3], const mpq_t rIW);
/* L(W1, H1) - L(C M, C M), exact rational inputs, with MPFI at the precision of out. */
void ck_ulpm_ex31_loss_diff(mpfi_ptr out, ck_ulpm_ex31_mat W1, ck_ulpm_ex31_mat H1, const mpq_t C);
#endif
