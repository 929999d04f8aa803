/* check_msecp_manifold_parts.h: nccheck's checks of the msecp.manifold parts beyond
 * "projection": Lemma 2 ("lemma2", "lemma2-orth") and Observations 2-3 ("observations").
 * Each returns 0 when the certificate is valid, -1 with E set otherwise. */
#ifndef NCCHECK_MSECP_MANIFOLD_PARTS_H
#define NCCHECK_MSECP_MANIFOLD_PARTS_H
#include <jansson.h>
#include "check_json.h"

int ckmm_check_lemma2(const json_t *root, const char *verdict, int orth, ck_err *e);
int ckmm_check_obs(const json_t *root, const char *verdict, ck_err *e);
#endif
