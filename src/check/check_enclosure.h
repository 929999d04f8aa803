/* check_enclosure.h: one certificate enclosure {lo, hi, decimal[, exact]}, read exactly and
 * verified against the exact value nccheck recomputed. */
#ifndef NCCHECK_ENCLOSURE_H
#define NCCHECK_ENCLOSURE_H
#include <jansson.h>
#include <mpfi.h>

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
/* Quantity NAME of QJ must enclose the exact rational X (exact field, when present, equal to X):
 * ck_encl_parse then ck_encl_verify. */
int ck_encl_verify_rational(const json_t *qj, const char *name, const mpq_t x, ck_err *e);
/* Invalid unless lo <= hi, [dlo, dhi] contains [lo, hi] and there is no exact value (NO_EXACT:
 * the reason given when there is one), for an interval quantity without a recomputed value. */
int ck_encl_check_interval(const ck_encl *q, const char *name, const char *no_exact, ck_err *e);
/* Invalid unless lo <= hi, [dlo, dhi] contains [lo, hi], there is no exact value, and the
 * checker's interval x (containing the exact value) lies inside [lo, hi]. */
int ck_encl_verify_mpfi(const ck_encl *q, const char *name, mpfi_srcptr x, ck_err *e);
#endif
