/* check_ulpm_printed.h: internals of the check of claim ulpm.printed (one part per printed
 * formula, specs/claims/ulpm.printed.md). Each part checker recomputes its quantities from the
 * instance and the witnesses and sets *holds to 1 (printed formula holds: PROVED) or 0 (false:
 * REFUTED); the dispatcher then requires the matching assertion and verdict. */
#ifndef CHECK_ULPM_PRINTED_H
#define CHECK_ULPM_PRINTED_H
#include <gmp.h>
#include <mpfi.h>
#include <jansson.h>

#include "check_json.h"

typedef struct {
    const json_t *inst, *wj, *qj; /* instance, witnesses, quantities */
    const char *assertion;
    const char *assert_holds, *assert_fails; /* the part's two assertions */
    int holds;                               /* set by the part */
} ck_ulpm_printed_ctx;

/* helpers (check_ulpm_printed_fields.c) */
int ck_ulpm_printed_entry(mpq_t x, const json_t *v, const char *what, ck_err *e);
int ck_ulpm_printed_wint(const json_t *wj, const char *key, long lo, long hi, long *out, ck_err *e);
/* quantity NAME must have exact value a + b sqrt(m) (m = 1 for rationals) */
int ck_ulpm_printed_exact(const json_t *qj, const char *name, const mpq_t a, const mpq_t b, const mpz_t m, ck_err *e);
/* quantity NAME (no exact) must contain the checker's interval v */
int ck_ulpm_printed_interval(const json_t *qj, const char *name, mpfi_srcptr v, ck_err *e);

/* parts (def21-symmetric, nc4, eq64-index, eq55-endpoint: check_ulpm_printed.c) */
int ck_ulpm_printed_eq58(ck_ulpm_printed_ctx *c, ck_err *e); /* check_ulpm_printed_exp.c */
int ck_ulpm_printed_eq12(ck_ulpm_printed_ctx *c, ck_err *e);
int ck_ulpm_printed_gbound(ck_ulpm_printed_ctx *c, ck_err *e); /* check_ulpm_printed_point.c */
int ck_ulpm_printed_flow(ck_ulpm_printed_ctx *c, ck_err *e);
int ck_ulpm_printed_eq67(ck_ulpm_printed_ctx *c, ck_err *e);
#endif
