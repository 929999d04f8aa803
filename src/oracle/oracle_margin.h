/* oracle_margin.h: the margin oracle (optimized BLAS, not evidence): which samples may hold the
 * smallest double margin that the proved kernels (kernels/kernel_margin.h) would compute. */
#ifndef NCCERT_ORACLE_MARGIN_H
#define NCCERT_ORACLE_MARGIN_H

/* Samples that may minimise the kernel margin (kernel_margins on the same W, Ht: row c of Ht is
 * sample c, class c / n, N = n*K). Computes the logits with cblas_dgemm in blocks of samples
 * (bounded memory) over `threads` BLAS threads, and keeps every sample c whose oracle margin
 * is within the band E_c of the smallest (proofs/derivations/ulpm-lemma-3.1.md, "Tier 0 with a
 * BLAS oracle"). If the BLAS result is within its a-priori error bound, the set contains every
 * minimiser of the kernel margins and every kernel margin is finite; if it is not, the set is
 * merely some samples (nothing in it is evidence).
 * Returns 0 with cand[0 .. *count-1] ascending (cand: room for N entries, *count >= 1),
 * 1 if the oracle cannot screen this instance (an input, norm or product not finite or too
 * large for the no-overflow test, more than max(64, N/4) candidates, or an address-space limit
 * too close for OpenBLAS's buffers): the caller sweeps with the kernels, -1 if out of memory. */
int oracle_margin_candidates(long K, long n, long d, const double *W, const double *Ht, int threads, long *cand,
                             long *count);
#endif
