/* check_decision.h: the assertion of a certificate against the claim checker's own decision,
 * shared by the claim checkers (the dispatcher, check_cert.c, only calls them). */
#ifndef NCCHECK_DECISION_H
#define NCCHECK_DECISION_H
#include <jansson.h>

#include "check_json.h"
#include "check_verdict.h"

/* For claims whose checker derives the assertion itself (index d into AS_LIST[0..n-1], with
 * verdicts V_LIST): AS must be AS_LIST[d] (otherwise invalid, or malformed when AS is none of
 * them), VERDICT must be V_LIST[d], and INCONCLUSIVE is rejected. 0 or -1 with e set. */
int ck_check_decision(const char *as, ck_verdict verdict, const char *const *as_list, const ck_verdict *v_list, int n,
                      int d, ck_err *e);

/* 0 when VERDICT is WANT; otherwise -1 with e set (invalid: "verdict <VERDICT> does not follow:
 * <WHY>", WHY NULL: the name of WANT). */
int ck_verdict_follows(ck_verdict verdict, ck_verdict want, const char *why, ck_err *e);

/* 0 when VERDICT is WANT; otherwise -1 with e set ("verdict must be <WANT>", invalid). */
int ck_require_verdict(ck_verdict verdict, ck_verdict want, ck_err *e);

/* The index of ROOT's certificate.assertion in the NULL-ended list AS_LIST (the string in *AS);
 * -1 with e set when it is missing or in no place of the list (or when e was already set). */
int ck_assertion_index(const json_t *root, const char *const *as_list, const char **as, ck_err *e);
#endif
