/* check_claims.h: the interface every claim checker implements, and the claim checkers. */
#ifndef NCCHECK_CLAIMS_H
#define NCCHECK_CLAIMS_H
#include <jansson.h>

#include "check_decision.h"
#include "check_json.h"
#include "check_verdict.h"

/* Checks the claim-specific parts of certificate ROOT (instance, assertion, witnesses,
 * quantities) and that VERDICT (the certificate's, read by check_cert.c) follows. 0 when valid;
 * otherwise e says why (code 1 or 2). */
typedef int (*ck_claim_fn)(const json_t *root, ck_verdict verdict, ck_err *e);

/* A claim checker declares itself once, in its own file src/check/<paper>/check_<paper>_<stem>.c:
 *     CK_DECLARE_CLAIM(paper, stem, "paper.label");
 * which declares ck_claim_<paper>_<stem>. The build collects these declarations
 * (src/collect_declarations.sh) into the X-macro list build/gen/nccheck/check_claims.def, lines
 * CK_CLAIM(paper, stem, id), from which check_cert.c expands its dispatch table: the checker's
 * own list of claims, independent of the certifier's. */
#define CK_DECLARE_CLAIM(paper, stem, id)                                                                              \
    int ck_claim_##paper##_##stem(const json_t *root, ck_verdict verdict, ck_err *e)
#endif
