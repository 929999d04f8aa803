/* ball_pd.h: rigorous lower bounds on the smallest eigenvalue of a symmetric matrix given as
 * Arb balls (Rump's shifted floating-point Cholesky, verified a posteriori; shared/TOOLCHAIN.md).
 *
 * Method. Doubles only PROPOSE: a Cholesky factor R (upper triangular, R^T R ~ mid(A) - s I) is
 * computed in binary64 for a shift s, rounded to a dyadic matrix R = Rint 2^-E with integers
 * |Rint| <= 2^50, and mu = s - g for a small gap g. The witness is then VERIFIED: R^T R is formed
 * exactly with 128-bit integers, and for every row i
 *     lower(A_ii - mu - (R^T R)_ii) > sum_{j != i} upper |A_ij - (R^T R)_ij|
 * is checked with Arb balls. For every symmetric matrix A inside the balls, A - mu I - R^T R is
 * then symmetric, strictly diagonally dominant with positive diagonal, hence positive definite
 * (Gershgorin), so A - mu I > R^T R >= 0, i.e. lambda_min(A) > mu.
 * The same test is reimplemented independently in the checker (src/check/check_pd.h).
 *
 * Cost: one n^3/3 double Cholesky (plus a few retries), one n^3/6 int128 product, n^2 ball
 * operations. n = 1000: about 0.5 s (tests/t_pd.c prints the timing). */
#ifndef BALL_PD_H
#define BALL_PD_H
#include <stdint.h>
#include <arb_mat.h>

typedef struct {
    slong n;
    slong E;       /* R = Rint * 2^-E */
    int64_t *Rint; /* n*n row-major, upper triangular (entries below the diagonal are 0) */
    double shift;  /* the s of the floating Cholesky (a hint: the checker re-factors with it) */
    double mu;     /* the certified bound (a double, hence an exact dyadic rational) */
} ball_pd_witness;

void ball_pd_witness_init(ball_pd_witness *w);
void ball_pd_witness_clear(ball_pd_witness *w);

/* Upper Cholesky factor R (row-major n*n, zero below the diagonal) of A - shift*I in binary64
 * (A row-major, only the upper triangle read). Returns 0 on success, -1 when a pivot is <= 0 or
 * not finite. A proposal only: nothing rigorous. */
int ball_pd_cholesky_double(double *R, const double *A, slong n, double shift);

/* A double estimate (from above, Rayleigh quotient of inverse iteration) of lambda_min(A) for a
 * numerically positive definite A; returns a negative number when plain Cholesky fails. */
double ball_pd_lambda_min_estimate(const double *A, slong n, int iterations);

/* Verifies w against A (n x n balls, symmetric as a set: both (i,j) and (j,i) are read):
 * returns 1 iff the diagonal-dominance test above passes, which proves lambda_min(A) > w->mu
 * for every symmetric A in the balls. 0 means "not proved", never "false". */
int ball_pd_verify(const arb_mat_t A, const ball_pd_witness *w, slong prec);

/* The whole pipeline: estimate lambda_min(mid A), try the shift s = frac * estimate (halving s on
 * Cholesky failure, widening the gap on verification failure), quantise, verify. Returns 1 and a
 * verified witness with w->mu > 0 when A is certified positive definite; 0 otherwise.
 * frac in (0, 1): how close to the estimate to aim (0.9 is a good default). */
int ball_pd_certify_lower(ball_pd_witness *w, const arb_mat_t A, double frac, slong prec);
#endif
