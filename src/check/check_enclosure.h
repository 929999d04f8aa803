/* check_enclosure.h: one certificate enclosure {lo, hi, decimal[, exact]}, read exactly and
 * verified against the exact value nccheck recomputed. */
#ifndef NCCHECK_ENCLOSURE_H
#define NCCHECK_ENCLOSURE_H
#include <jansson.h>

#include "check_json.h"
#include "check_qsqrt.h"

typedef struct {
    mpq_t lo, hi;   /* hex-float endpoints */
    mpq_t dlo, dhi; /* decimal rendering as an interval */
    int has_exact;
    mpq_t ea, eb; /* exact = ea + eb*sqrt(em) */
    mpz_t em;
} ck_encl;

void ck_encl_init(ck_encl *q);
void ck_encl_clear(ck_encl *q);
/* Reads J (quantity NAME); malformed when keys, types or number syntax are wrong. */
int ck_encl_parse(const json_t *j, const char *name, ck_encl *q, ck_err *e);
/* Invalid unless lo <= hi, lo <= x <= hi, [dlo, dhi] contains [lo, hi] and exact == x, for
 * the recomputed value x in Q(sqrt(m)). */
int ck_encl_verify(const ck_encl *q, const char *name, const ck_qs *x, const mpz_t m, ck_err *e);
#endif
