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

/* A certifier reads its instance from JSON (the generic ulpm kinds of specs/instance.md and
 * specs/generators.md, or a claim-specific kind documented in specs/claims/), certifies, and
 * returns the certificate. Bad instances: nc_error with status 2. */
typedef int (*claim_certifier)(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err);

typedef struct {
    const char *paper;       /* key in papers.def */
    const char *id;          /* <paper>.<label> */
    const char *label;       /* as printed in the paper */
    const char *summary;     /* one line */
    claim_certifier certify; /* NULL: not implemented yet */
} claim_info;

extern const claim_info claim_catalogue[];
extern const int claim_catalogue_len;

/* The papers of papers.def, in order. */
extern const char *const claim_papers[];
extern const int claim_papers_len;

/* The instance kind `nccert certify` builds from parameter flags (--lambda-w, --lambda-h,
 * --lambda, --n LIST) for this claim: its paper's params_kind in papers.def (NULL for papers
 * whose instances are points). */
const char *claim_flags_kind(const claim_info *claim);

/* The catalogue entry with this id, or NULL. */
const claim_info *claim_find(const char *id);

/* A claim is declared once, in its certifier's own file src/claims/<paper>/<paper>_<stem>.c:
 *     DECLARE_CLAIM(paper, stem, "paper.label", "label as printed", "one-line summary");
 * which declares the certifier <paper>_<stem>_certify. The build collects these declarations
 * (src/collect_declarations.sh) into the X-macro list build/gen/nccert/claims.def, lines
 * CLAIM(paper, stem, id, label, summary) in the order of papers.def then id, from which the
 * catalogue (claim_catalogue.c) and the registry's claim order are expanded. */
#define DECLARE_CLAIM(paper, stem, id, label, summary) \
    int paper##_##stem##_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)

/* The Lemma 3.1 certifier on an already parsed instance (used by benchmarks and tests). */
int ulpm_lemma31_certify_instance(const instance *I, const certify_options *o, json_t **cert, nc_error *err);
#endif
