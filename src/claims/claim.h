/* claim.h: the claim catalogue: one entry per claim of shared/CLAIMS.md, with its certifier
 * (NULL while the claim is catalogued but not implemented yet). */
#ifndef CLAIM_H
#define CLAIM_H
#include <jansson.h>
#include <arb.h>
#include "common/nc_error.h"
#include "instance/instance.h"

typedef struct {
    slong max_prec;          /* precision cap of the Arb escalation 64 -> 128 -> ... */
    double exact_work_limit; /* tier 2 (exact, all margins) only when K*K*n*d <= this */
} certify_options;

void certify_options_default(certify_options *o);

typedef int (*claim_certifier)(const instance *I, const certify_options *o, json_t **cert, nc_error *err);

typedef struct {
    const char *id;          /* <paper>.<label> */
    const char *label;       /* as printed in the paper */
    const char *summary;     /* one line */
    claim_certifier certify; /* NULL: not implemented yet */
} claim_info;

extern const claim_info claim_catalogue[];
extern const int claim_catalogue_len;

/* The catalogue entry with this id, or NULL. */
const claim_info *claim_find(const char *id);

/* Certifiers. */
int ulpm_lemma31_certify(const instance *I, const certify_options *o, json_t **cert, nc_error *err);
#endif
