/* check_msecp_manifold_point.h: nccheck's own msecp-point/1 generator (a point X of the
 * normalized-features manifold and a direction Z, specs/claims/msecp.manifold.md) and the
 * exact operations dF_X, Pi (Proposition 4), the orthogonal projection, in GMP rationals. */
#ifndef NCCHECK_MSECP_MANIFOLD_POINT_H
#define NCCHECK_MSECP_MANIFOLD_POINT_H
#include <stdint.h>
#include <jansson.h>
#include "check_json.h"
#include "msecp/check_msecp_mat.h"

typedef struct {
    long C, N, n;
    int between; /* 0 none, 1 generic, 2 aligned */
    ckm *M, *X, *Z;
    uint64_t rng; /* splitmix64 state after the draws of X and Z */
} ck_msecp_mp_point;

/* Malformed (exit 2) on any deviation; EXTRA lists keys allowed besides the generator's. */
int ck_msecp_mp_parse(const json_t *j, const char *const *extra, ck_msecp_mp_point *P, ck_err *e);
void ck_msecp_mp_free(ck_msecp_mp_point *P);
/* For a certificate without witnesses ({} required): its assertion (*as), its quantities (*qj)
 * and the point P of its instance. P->M, X, Z are set to NULL first, so that ck_msecp_mp_free(P) is
 * right whatever the outcome. 0, or -1 with e set. */
int ck_msecp_mp_read_cert(const json_t *root, ck_msecp_mp_point *P, const char **as, json_t **qj, ck_err *e);
ckm *ck_msecp_mp_center(const ckm *A, long C, long N);           /* A C */
ckm *ck_msecp_mp_dF(const ckm *X, const ckm *Z, long C, long N); /* X C Z^T + Z C X^T */
ckm *ck_msecp_mp_pi(const ckm *X, const ckm *Z, long C, long N);
ckm *ck_msecp_mp_orth(const ckm *X, const ckm *Z, long C, long N);
void ck_msecp_mp_inner(mpq_t out, const ckm *A, const ckm *B);
/* The next splitmix64 draw of state S (specs/generators.md). */
uint64_t ck_msecp_mp_next(uint64_t *s);
#endif
