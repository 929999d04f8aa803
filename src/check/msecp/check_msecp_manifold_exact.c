/* check_msecp_manifold_exact.c: owns the check of an msecp.manifold part whose quantities are
 * all exact rationals computed from the point (ck_msecp_mm_exact_part, check_msecp_manifold_parts.h):
 * shared by the parts "projection" (check_msecp_manifold.c) and "observations"
 * (check_msecp_manifold_obs.c). */
#include <string.h>
#include "check_decision.h"
#include "check_enclosure.h"
#include "msecp/check_msecp_manifold_point.h"
#include "msecp/check_msecp_manifold_parts.h"

int ck_msecp_mm_check_exact(const json_t *root, ck_verdict verdict, const ck_msecp_mm_exact_part *c, ck_err *e)
{
    ck_msecp_mp_point P;
    mpq_t q[CK_MSECP_MM_MAX_Q];
    int nq = 0, rc = -1;
    while (c->qnames[nq]) nq++;
    for (int k = 0; k < nq; k++) mpq_init(q[k]);
    const json_t *inst = json_object_get(root, "instance");
    const char *as;
    json_t *qj;
    if (ck_msecp_mp_read_cert(root, &P, &as, &qj, e)) goto out;
    if (c->part) {
        const char *part = ck_get_str(inst, "instance", "part", e);
        if (!part) goto out;
        if (strcmp(part, c->part) != 0) {
            ck_fail(e, CK_MALFORMED, "instance.part: must be \"%s\"", c->part);
            goto out;
        }
    }
    if (ck_keys(qj, "quantities", c->qnames, NULL, e)) goto out;
    c->compute(q, &P);
    for (int k = 0; k < nq; k++)
        if (ck_encl_verify_rational(qj, c->qnames[k], q[k], e)) goto out;
    rc = ck_check_decision(as, verdict, c->assertions, c->verdicts, c->n_assertions, c->decide((const mpq_t *)q), e);
out:
    for (int k = 0; k < nq; k++) mpq_clear(q[k]);
    ck_msecp_mp_free(&P);
    return rc;
}
