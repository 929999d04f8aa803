/* verdict.h: the certifier's verdicts (specs/certificate.md). Typed everywhere inside nccert;
 * a string only at the edges: a certificate's "verdict" field, the registry's expected
 * verdicts, the audit's maps and printed output. */
#ifndef NC_VERDICT_H
#define NC_VERDICT_H

typedef enum { NC_PROVED, NC_REFUTED, NC_INCONCLUSIVE } nc_verdict;
#define NC_VERDICT_COUNT 3

/* "PROVED", "REFUTED" or "INCONCLUSIVE". */
const char *nc_verdict_name(nc_verdict v);

/* The verdict named S (NULL allowed): 0, or -1 when S is none of the names. */
int nc_verdict_parse(const char *s, nc_verdict *v);
#endif
