/* check_msecp_inst.h: nccheck's reading of msecp instances (msecp/1 explicit, msecp-random/1
 * regenerated with its own splitmix64), specs/claims/msecp.identities.md. */
#ifndef NCCHECK_MSECP_INST_H
#define NCCHECK_MSECP_INST_H
#include <jansson.h>
#include <stdint.h>

#include "check_json.h"
#include "msecp/check_msecp_mat.h"

enum { CKMS_PROP1, CKMS_PROP1C, CKMS_THM1, CKMS_THM1P, CKMS_THM2, CKMS_EQ7, CKMS_EQ8, CKMS_LEMMA1, CKMS_NID };
extern const char *const ckms_id_names[CKMS_NID];

typedef struct {
    int id, random;
    uint64_t seed;
    long C, N, p;
    mpq_t lambda;
    ckm *H, *W, *b, *A; /* p x CN, C x p, C x 1, p x p (eq8) or NULL */
} ckms_inst;

/* Malformed (exit 2) on any deviation from the spec; always free with ckms_inst_free. */
int ckms_inst_parse(const json_t *j, ckms_inst *in, ck_err *e);
void ckms_inst_free(ckms_inst *in);
#endif
