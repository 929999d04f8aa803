/* msecp_inst.h: the exact instances of the msecp claims (seed 003, MSE loss (2)): C classes,
 * N samples per class, p features, weight decay lambda, features H (p x CN, column c*N + i =
 * h_{i,c}: the i-then-c order of footnote 3), classifier W (C x p), bias b (C), and for eq. (8)
 * a p x p matrix A. Kinds "msecp/1" (explicit) and "msecp-random/1" (splitmix64 generator);
 * both in specs/claims/msecp.identities.md. */
#ifndef MSECP_INST_H
#define MSECP_INST_H
#include <stdint.h>
#include <jansson.h>
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>
#include "common/nc_error.h"

#define MSECP_MAX_C 100
#define MSECP_MAX_N 100
#define MSECP_MAX_P 100
#define MSECP_MAX_CN 2000

typedef enum {
    MSECP_PROP1,
    MSECP_PROP1_CORRECTED,
    MSECP_THEOREM1,
    MSECP_THEOREM1_PRINTED,
    MSECP_THEOREM2,
    MSECP_EQ7,
    MSECP_EQ8,
    MSECP_LEMMA1,
    MSECP_N_IDENTITIES
} msecp_identity;

extern const char *const msecp_identity_names[MSECP_N_IDENTITIES];

typedef struct {
    msecp_identity identity;
    int random; /* 1: msecp-random/1 */
    uint64_t seed;
    long C, N, p;
    fmpq_t lambda;
    fmpq_mat_t H, W, b; /* p x CN, C x p, C x 1 */
    int has_A;          /* identity eq8 only */
    fmpq_mat_t A;       /* p x p (1 x 1 dummy when !has_A) */
} msecp_inst;

/* Parses and validates (status 2 with one message on bad input). On success the caller
 * clears with msecp_inst_clear; on failure nothing is left to clear. */
int msecp_inst_from_json(msecp_inst *I, const json_t *j, nc_error *err);
void msecp_inst_clear(msecp_inst *I);
/* The canonical JSON form (exact rational strings; the generator parameters for random). */
json_t *msecp_inst_to_json(const msecp_inst *I);
/* The certificate quantity of the exact rational q: a ball of q at prec bits, with "exact" only
 * when q fits the 400-character entry grammar (nccheck recomputes the exact value either way). */
json_t *msecp_rational_quantity(const fmpq_t q, slong prec);
/* The source object of an msecp certificate (seed 003) with the given label and statement. */
json_t *msecp_source(const char *label, const char *statement);
#endif
