/* ulpm_printed.h: internals of claim ulpm.printed (specs/claims/ulpm.printed.md): one "part"
 * per printed formula of seeds 001/000 that no other claim backs. Each part parses its own
 * fields of the instance {"kind": "ulpm-printed/1", "part": ..., ...}, decides the printed
 * formula on the instance and fills an ulpm_up_out. */
#ifndef ULPM_PRINTED_H
#define ULPM_PRINTED_H
#include <arb.h>
#include <jansson.h>
#include <flint/fmpq.h>
#include "cert/verdict.h"
#include "claims/claim.h"
#include "common/nc_error.h"

typedef struct {
    const char *label, *statement; /* source label and statement of the part */
    const char *assertion;
    nc_verdict verdict;
    json_t *w, *q;    /* witnesses, quantities (stolen by cert_assemble) */
    json_t *instance; /* the instance as re-emitted */
    int tier;
    slong prec;
} ulpm_up_out;

/* Helpers (ulpm_printed_fields.c). Each returns 0 or an nc_error status (2: bad instance). */
int ulpm_up_keys(const json_t *inst, const char *const *keys, nc_error *err);
/* x = the number string v ("3", "0.5", "1/3"); WHAT names it in the message */
int ulpm_up_entry(fmpq_t x, const json_t *v, const char *what, nc_error *err);
int ulpm_up_rational(fmpq_t x, const json_t *inst, const char *key, nc_error *err);
int ulpm_up_int(long *v, const json_t *inst, const char *key, long lo, long hi, nc_error *err);
/* r = x / c (c != 0) */
void ulpm_up_div_si(fmpq_t r, const fmpq_t x, slong c);
/* instance.KEY: a rows x cols matrix of number strings (1..64 each way; returned in *rows and
 * *cols), freed with _fmpq_vec_clear; NULL with err set otherwise */
fmpq *ulpm_up_matrix(const json_t *inst, const char *key, long *rows, long *cols, nc_error *err);

/* Parts (def21-symmetric, nc4, eq64-index, eq55-endpoint: ulpm_printed.c). */
int ulpm_up_part_eq58(const json_t *inst, ulpm_up_out *r, nc_error *err);
int ulpm_up_part_eq12(const json_t *inst, ulpm_up_out *r, nc_error *err);
int ulpm_up_part_gbound(const json_t *inst, const certify_options *o, ulpm_up_out *r, nc_error *err);
int ulpm_up_part_flow(const json_t *inst, const certify_options *o, ulpm_up_out *r, nc_error *err);
int ulpm_up_part_eq67(const json_t *inst, const certify_options *o, ulpm_up_out *r, nc_error *err);
#endif
