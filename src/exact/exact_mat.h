/* exact_mat.h: sums over the entries of rational matrices (Frobenius inner product and norm). */
#ifndef EXACT_MAT_H
#define EXACT_MAT_H
#include <flint/fmpq_mat.h>
/* out = <A, B> = sum_{r,c} A[r][c] B[r][c]; A and B of the same shape. */
void exact_mat_inner(fmpq_t out, const fmpq_mat_t A, const fmpq_mat_t B);
/* out = ||M||_F^2. */
void exact_mat_frob2(fmpq_t out, const fmpq_mat_t M);
/* out = ||A - B||_F^2. */
void exact_mat_dist2(fmpq_t out, const fmpq_mat_t A, const fmpq_mat_t B);
#endif
