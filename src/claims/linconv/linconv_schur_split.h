/* linconv_schur_split.h: the split structured path of the MSE error bound (linconv.theorem-2)
 * when even the reduced matrix M_red (2dK + K) is over the dense cap, e.g. CIFAR-10 size: M_red
 * is split into a core (the coordinates a < K of w_k and m_k, and b: 2K^2 + K) and d - K
 * identical 2K-blocks (one per coordinate a >= K, where x* vanishes), PD-tested separately, and
 * the off-block part bounded by its largest row sum (proofs/derivations/linconv-theorem-2.md
 * section 7.6). */
#ifndef LINCONV_SCHUR_SPLIT_H
#define LINCONV_SCHUR_SPLIT_H
#include "claims/linconv/linconv_common.h"

/* 2K^2 + K and 2K (0 when d = K) */
slong linconv_split_core_dim(const linconv_inst *I);
slong linconv_split_block_dim(const linconv_inst *I);
/* Over the box x* +- 2^-k (k = WORD_MIN: at x*), with tangent weight c: the core enclosure
 * (core_dim square), the block enclosure (block_dim square, the same for every a >= K; not
 * touched when d = K) and rho, an upper bound (ball) of the largest off-block row sum of
 * |M_red(z) + c B0' B0'^T| for every z in the box. W, H: x* (H: d x K, the class
 * representatives). */
void linconv_split_matrices(arb_mat_t core, arb_mat_t block, arb_t rho, const linconv_inst *I, const arb_mat_t W,
                            const arb_mat_t H, slong k, slong c, slong prec);
#endif
