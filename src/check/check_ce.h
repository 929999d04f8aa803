/* check_ce.h: the checker's own interval evaluation (MPFI) of the layer-peeled cross-entropy
 * loss (seed 001 eq. (4)) and its derivatives. Matrices are row-major arrays of mpfi_t:
 * W K x d, H d x N (column c = k*n + i), Z K x N. Each output interval contains the exact value. */
#ifndef NCCHECK_CE_H
#define NCCHECK_CE_H
#include <mpfi.h>

/* An array of len intervals at precision prec (all [0, 0]); free with ck_ivec_clear. */
mpfi_ptr ck_ivec_init(long len, mpfr_prec_t prec);
void ck_ivec_clear(mpfi_ptr v, long len);

/* Z = W H. */
void ck_ce_logits(mpfi_ptr Z, mpfi_srcptr W, mpfi_srcptr H, long K, long d, long N);
/* L = sum_c log(1 + sum_{j != k} exp(z_{j,c} - z_{k,c})), k = c / n. */
void ck_ce_loss(mpfi_ptr L, mpfi_srcptr Z, long K, long N, long n);
/* G[j][c] = softmax_j(z_c) - [j == k]. */
void ck_ce_grad_logits(mpfi_ptr G, mpfi_srcptr Z, long K, long N, long n);
#endif
