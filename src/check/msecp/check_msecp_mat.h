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

ckm *ckm_new(long r, long c);           /* zero matrix; NULL only on allocation failure */
void ckm_free(ckm *m);                  /* NULL allowed */
ckm *ckm_copy(const ckm *m);
ckm *ckm_mul(const ckm *x, const ckm *y);
ckm *ckm_mul_cd(const ckm *x, const ckm *y); /* the same product, over a common denominator */
ckm *ckm_tr(const ckm *x);
ckm *ckm_lin(const ckm *x, long sx, const ckm *y, long sy); /* sx x + sy y, sx, sy in {-1, 0, 1} */
void ckm_scale(ckm *m, const mpq_t s);  /* in place */
void ckm_add_diag(ckm *m, const mpq_t s); /* m += s I (square) */
/* Exact inverse; NULL if singular. */
ckm *ckm_inv(const ckm *x);
void ckm_trace(mpq_t out, const ckm *m);
void ckm_frob2(mpq_t out, const ckm *m);
void ckm_dist2(mpq_t out, const ckm *x, const ckm *y);
int ckm_is_symmetric(const ckm *m);
#endif
