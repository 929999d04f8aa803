/* check_pd.h: nccheck's own certification that lambda_min(A) > mu for every symmetric matrix A
 * inside an n x n matrix of MPFI intervals (independent of src/ball/ball_pd.c).
 *
 * The witness is a dyadic upper-triangular matrix R = Rint 2^-E (|Rint| <= 2^62). The check is
 *     lower(A_ii - mu - (R^T R)_ii) > sum_{j != i} upper|A_ij - (R^T R)_ij|   for every row i,
 * with R^T R formed EXACTLY in 128-bit integers and the subtraction in MPFI (the precision of A,
 * at least 192 bits so that the integers enter exactly). For the exact symmetric A in the
 * intervals, A - mu I - R^T R is then strictly diagonally dominant with positive diagonal, hence
 * positive definite (Gershgorin), so A - mu I > R^T R >= 0. When A is rational the intervals are
 * points and the test is exact rational arithmetic in effect; for irrational entries (our
 * Hessians at points with sqrt/log coordinates) it is MPFI arithmetic with outward rounding.
 *
 * A certificate need not carry R: ck_pd_verify_shift regenerates it deterministically from the
 * midpoints of A by a binary64 Cholesky of mid(A) - shift I (a proposal; soundness rests only
 * on the exact test above), which keeps certificates O(1) instead of O(n^2). */
#ifndef NCCHECK_PD_H
#define NCCHECK_PD_H
#include <stdint.h>
#include <gmp.h>
#include <mpfi.h>

/* A: n*n row-major MPFI entries. 1 iff the test passes for the given Rint, E and mu. */
int ck_pd_check_factor(mpfi_t *A, long n, const mpq_t mu, const int64_t *Rint, long E);

/* Proposes R from mid(A) - shift I (binary64 Cholesky, rounded to |Rint| < 2^51), then runs
 * ck_pd_check_factor. 1 iff lambda_min(A) > mu is established; 0 otherwise (not proved). */
int ck_pd_verify_shift(mpfi_t *A, long n, const mpq_t mu, double shift);
#endif
