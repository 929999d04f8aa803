/* check_claims.h: the interface every claim checker implements, and the claim checkers. */
#ifndef NCCHECK_CLAIMS_H
#define NCCHECK_CLAIMS_H
#include <jansson.h>

#include "check_json.h"
#include "check_verdict.h"

/* Checks the claim-specific parts of certificate ROOT (instance, assertion, witnesses,
 * quantities) and that VERDICT (the certificate's, read by check_cert.c) follows. 0 when valid;
 * otherwise e says why (code 1 or 2). */
typedef int (*ck_claim_fn)(const json_t *root, ck_verdict verdict, ck_err *e);

/* For claims whose checker derives the assertion itself (index d into AS_LIST[0..n-1], with
 * verdicts V_LIST): AS must be AS_LIST[d] (otherwise invalid, or malformed when AS is none of
 * them), VERDICT must be V_LIST[d], and INCONCLUSIVE is rejected. 0 or -1 with e set. */
int ck_check_decision(const char *as, ck_verdict verdict, const char *const *as_list,
                      const ck_verdict *v_list, int n, int d, ck_err *e);

/* The index of ROOT's certificate.assertion in the NULL-ended list AS_LIST (the string in *AS);
 * -1 with e set when it is missing or in no place of the list (or when e was already set). */
int ck_assertion_index(const json_t *root, const char *const *as_list, const char **as, ck_err *e);

#define CK_CLAIM(paper, stem, id) int ck_claim_##paper##_##stem(const json_t *root, ck_verdict verdict, ck_err *e);
#include "check_claims.def"
#undef CK_CLAIM
#endif
