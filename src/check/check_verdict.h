/* check_verdict.h: nccheck's own verdicts (specs/certificate.md), kept apart from the
 * certifier's. A certificate's "verdict" string is read once (check_cert.c); the claim checkers
 * compare these values, and the name comes back only in messages and the ACCEPTED line. */
#ifndef NCCHECK_VERDICT_H
#define NCCHECK_VERDICT_H

typedef enum { CK_PROVED, CK_REFUTED, CK_INCONCLUSIVE } ck_verdict;
#define CK_VERDICT_COUNT 3

/* "PROVED", "REFUTED" or "INCONCLUSIVE". */
const char *ck_verdict_name(ck_verdict v);

/* The verdict named S (NULL allowed): 0, or -1 when S is none of the names. */
int ck_verdict_parse(const char *s, ck_verdict *v);
#endif
