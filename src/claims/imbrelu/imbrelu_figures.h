/* imbrelu_figures.h: the data of nccert report's imbrelu figures (drawn by src/cli/cli_report.c):
 * Arb at 128 bits, each value the midpoint of its ball rounded to the nearest double.
 * Illustrations: the certificates (imbrelu.eq-6, imbrelu.cor-4) are the evidence. */
#ifndef IMBRELU_FIGURES_H
#define IMBRELU_FIGURES_H

#define IMBRELU_FIG_PHASE_N 201

/* Two groups, K_A classes of n_A = R n_B samples and K_B classes of n_B: from eq. (6), M_k > 0
 * iff N^2 lambda < n_k (K-1)/K with lambda = lambda_W lambda_H, N = n_B (K_A R + K_B). The
 * boundaries in lambda, minority collapse (n_k = n_B) and complete collapse (n_k = n_A), at
 * R = 10^(i/50): PTS[i] = {R, lambda_minority, lambda_complete}, i = 0..IMBRELU_FIG_PHASE_N-1. */
void imbrelu_figure_phases(double pts[][3], int KA, int KB, int nB);
#endif
