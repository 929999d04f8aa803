/* exact_mat.c: sums over the entries of rational matrices, exactly. */
#include "exact/exact_mat.h"

void exact_mat_inner(fmpq_t out, const fmpq_mat_t A, const fmpq_mat_t B)
{
    fmpq_t t;
    fmpq_init(t);
    fmpq_zero(out);
    for (slong r = 0; r < fmpq_mat_nrows(A); r++)
        for (slong c = 0; c < fmpq_mat_ncols(A); c++) {
            fmpq_mul(t, fmpq_mat_entry(A, r, c), fmpq_mat_entry(B, r, c));
            fmpq_add(out, out, t);
        }
    fmpq_clear(t);
}

void exact_mat_frob2(fmpq_t out, const fmpq_mat_t M)
{
    exact_mat_inner(out, M, M);
}

void exact_mat_dist2(fmpq_t out, const fmpq_mat_t A, const fmpq_mat_t B)
{
    fmpq_mat_t D;
    fmpq_mat_init(D, fmpq_mat_nrows(A), fmpq_mat_ncols(A));
    fmpq_mat_sub(D, A, B);
    exact_mat_frob2(out, D);
    fmpq_mat_clear(D);
}
