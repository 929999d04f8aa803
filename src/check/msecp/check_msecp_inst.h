/* check_msecp_inst.h: nccheck's reading of msecp instances (msecp/1 explicit, msecp-random/1
 * regenerated with its own splitmix64), specs/claims/msecp.identities.md. */
#ifndef NCCHECK_MSECP_INST_H
#define NCCHECK_MSECP_INST_H
#include <jansson.h>
#include <stdint.h>

#include "check_json.h"
#include "msecp/check_msecp_mat.h"

enum {
    CK_MSECP_PROP1,
    CK_MSECP_PROP1C,
    CK_MSECP_THM1,
    CK_MSECP_THM1P,
    CK_MSECP_THM2,
    CK_MSECP_EQ7,
    CK_MSECP_EQ8,
    CK_MSECP_LEMMA1,
    CK_MSECP_NID
};
extern const char *const ck_msecp_id_names[CK_MSECP_NID];

typedef struct {
    int id, random;
    uint64_t seed;
    long C, N, p;
    mpq_t lambda;
    ckm *H, *W, *b, *A; /* p x CN, C x p, C x 1, p x p (eq8) or NULL */
} ck_msecp_inst;

/* Malformed (exit 2) on any deviation from the spec; always free with ck_msecp_inst_free. */
int ck_msecp_inst_parse(const json_t *j, ck_msecp_inst *in, ck_err *e);
void ck_msecp_inst_free(ck_msecp_inst *in);
#endif
