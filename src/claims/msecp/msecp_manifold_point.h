/* msecp_manifold_point.h: the exact points of the normalized-features manifold (seed 003,
 * Definition 6: X C X^T = I_C, C = (I - Y^T Y / N)/(CN)) used by msecp.manifold and
 * msecp.dynamics: the instance kind "msecp-point/1" (generator in
 * specs/claims/msecp.manifold.md), the class-centering product A C without forming C, the
 * differential dF_X(Z) = X C Z^T + Z C X^T, Proposition 4's Pi and the Frobenius-orthogonal
 * projection onto T_X. Everything exact (FLINT fmpq_mat). */
#ifndef MSECP_MANIFOLD_POINT_H
#define MSECP_MANIFOLD_POINT_H
#include <stdint.h>
#include <jansson.h>
#include <flint/fmpq_mat.h>
#include "common/nc_error.h"
#include "exact/exact_mat.h"

enum { MSECP_BETWEEN_NONE, MSECP_BETWEEN_GENERIC, MSECP_BETWEEN_ALIGNED };

typedef struct {
    json_t *json; /* the instance as given (borrowed reference, incref'd) */
    long C, N, n; /* n = CN */
    uint64_t seed;
    int between;
    fmpq_mat_t M; /* C x C class means of X (between part) */
    fmpq_mat_t X; /* C x n, on the manifold by construction */
    fmpq_mat_t Z; /* C x n, a generic direction */
    uint64_t rng; /* splitmix64 state after the draws of X and Z (further draws: Lemma 2 / Observation parts) */
} msecp_point;

/* Generates the point of kind msecp-point/1 from C, N, seed, between; keys other than
 * KEYS (NULL-terminated, besides kind/C/N/seed/between) are refused. Status 2 on bad input. */
int msecp_point_from_json(msecp_point *P, json_t *j, const char *const *extra_keys, nc_error *err);
void msecp_point_clear(msecp_point *P);

/* out = A C (A has n columns): (A - class means broadcast) / (CN). */
void msecp_point_center(fmpq_mat_t out, const fmpq_mat_t A, long C, long N);
/* S = X C Z^T + Z C X^T (C x C). */
void msecp_point_dF(fmpq_mat_t S, const fmpq_mat_t X, const fmpq_mat_t Z, long C, long N);
/* Proposition 4 as printed: Pi(Z) = Z - (1/2) dF_X(Z) X. */
void msecp_point_pi(fmpq_mat_t out, const fmpq_mat_t X, const fmpq_mat_t Z, long C, long N);
/* Orthogonal projection onto T_X: Z - (CN/2) dF_X(Z) X C. */
void msecp_point_orth(fmpq_mat_t out, const fmpq_mat_t X, const fmpq_mat_t Z, long C, long N);
/* ||X C X^T - I||_F^2 */
void msecp_point_membership_gap(fmpq_t out, const fmpq_mat_t X, long C, long N);
#endif
