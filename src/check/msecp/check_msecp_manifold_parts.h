/* check_msecp_manifold_parts.h: nccheck's checks of the msecp.manifold parts beyond
 * "projection": Lemma 2 ("lemma2", "lemma2-orth") and Observations 2-3 ("observations").
 * Each returns 0 when the certificate is valid, -1 with E set otherwise. */
#ifndef NCCHECK_MSECP_MANIFOLD_PARTS_H
#define NCCHECK_MSECP_MANIFOLD_PARTS_H
#include <jansson.h>
#include "check_json.h"
#include "check_verdict.h"
#include "msecp/check_msecp_manifold_point.h"

#define CK_MSECP_MM_MAX_Q 16

/* A part whose quantities are all exact rationals computed from the point. */
typedef struct {
    const char *part;          /* instance.part required, or NULL (checked by dispatch) */
    const char *const *qnames; /* NULL-terminated, at most CK_MSECP_MM_MAX_Q */
    void (*compute)(mpq_t *q, const ck_msecp_mp_point *P);
    int (*decide)(const mpq_t *q); /* the index of the assertion that follows */
    const char *const *assertions;
    const ck_verdict *verdicts;
    int n_assertions;
} ck_msecp_mm_exact_part;

/* Checks such a part: no witnesses, the point, every quantity enclosing its exact value, and
 * the assertion and verdict (ck_check_decision). check_msecp_manifold_exact.c. */
int ck_msecp_mm_check_exact(const json_t *root, ck_verdict verdict, const ck_msecp_mm_exact_part *c, ck_err *e);

int ck_msecp_mm_check_lemma2(const json_t *root, ck_verdict verdict, int orth, ck_err *e);
int ck_msecp_mm_check_obs(const json_t *root, ck_verdict verdict, ck_err *e);
#endif
