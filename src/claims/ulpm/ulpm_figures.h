/* ulpm_figures.h: the data of nccert report's ulpm figures (drawn by src/cli/cli_report.c):
 * Arb at 128 bits on the closed forms of proofs/derivations/ulpm-example-3.1.md, each value the
 * midpoint of its ball rounded to the nearest double. Illustrations: the certificates are the
 * evidence. */
#ifndef ULPM_FIGURES_H
#define ULPM_FIGURES_H

#define ULPM_FIG_EX31_N 200
#define ULPM_FIG_EQ9_N 300

/* Example 3.1 at C (a decimal string, arb_set_str): the squared distance d^2 to (W,H) and the
 * loss difference L(W',H') - L(W,H), {d^2, dL}, along (55) at a = i/400 (CURVE55[i-1],
 * i = 1..ULPM_FIG_EX31_N) and along (10) at eps = 1 + alpha = 2^(13i/200 - 14), beta =
 * -sqrt(eps(2-eps)/2) (FAMILY10[i-1]). */
void ulpm_figure_example31(double curve55[][2], double family10[][2], const char *C);

/* The coefficient of M in (9), printed and derived, at C = i/100: PTS[i-1] = {C, printed,
 * derived}, i = 1..ULPM_FIG_EQ9_N. */
void ulpm_figure_eq9(double pts[][3]);
#endif
