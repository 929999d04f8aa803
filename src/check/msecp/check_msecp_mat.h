/* check_msecp_mat.h: nccheck's own small dense matrices of GMP rationals (for the msecp claims):
 * products, sums, transposes, an exact Gauss-Jordan inverse, traces and Frobenius norms. */
#ifndef NCCHECK_MSECP_MAT_H
#define NCCHECK_MSECP_MAT_H
#include <gmp.h>

typedef struct {
    long r, c;
    mpq_t *a; /* row-major */
} ckm;

#define CKM(m, i, j) ((m)->a[(i) * (m)->c + (j)])

ckm *ck_msecp_mat_new(long r, long c); /* zero matrix; NULL only on allocation failure */
void ck_msecp_mat_free(ckm *m);        /* NULL allowed */
ckm *ck_msecp_mat_copy(const ckm *m);
ckm *ck_msecp_mat_mul(const ckm *x, const ckm *y);
ckm *ck_msecp_mat_mul_cd(const ckm *x, const ckm *y); /* the same product, over a common denominator */
ckm *ck_msecp_mat_tr(const ckm *x);
ckm *ck_msecp_mat_lin(const ckm *x, long sx, const ckm *y, long sy); /* sx x + sy y, sx, sy in {-1, 0, 1} */
void ck_msecp_mat_scale(ckm *m, const mpq_t s);                      /* in place */
void ck_msecp_mat_add_diag(ckm *m, const mpq_t s);                   /* m += s I (square) */
/* Exact inverse; NULL if singular. */
ckm *ck_msecp_mat_inv(const ckm *x);
void ck_msecp_mat_trace(mpq_t out, const ckm *m);
void ck_msecp_mat_frob2(mpq_t out, const ckm *m);
void ck_msecp_mat_dist2(mpq_t out, const ckm *x, const ckm *y);
int ck_msecp_mat_is_symmetric(const ckm *m);
#endif
