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

/* ---- The command line of a claim: what `nccert certify CLAIM` accepts ----
 * One home per claim: the exported const claim_cli <paper>_<stem>_cli in the claim's certifier
 * file src/claims/<paper>/<paper>_<stem>.c, referenced by the catalogue through claims.def.
 * What several claims of a paper share (its flags, its instance kinds) lives in
 * src/claims/<paper>/<paper>_cli.c. `nccert certify CLAIM --help`, the flags it parses and
 * `nccert list --json` are all derived from it, so the help cannot promise a flag the parser
 * refuses. */

/* How a flag's value becomes a key of the instance JSON. */
typedef enum {
    CLAIM_FLAG_SWITCH,   /* no value, sets no key: it selects the instance kind (--nc) */
    CLAIM_FLAG_INT,      /* decimal integer in [lo, hi] -> JSON integer */
    CLAIM_FLAG_SEED,     /* decimal integer in [0, 2^64) -> JSON string */
    CLAIM_FLAG_EXACT,    /* exact number: integer, decimal, p/q or 1e-4 -> JSON string "p/q" */
    CLAIM_FLAG_WORD,     /* a word, as typed -> JSON string */
    CLAIM_FLAG_INT_LIST, /* N1,N2,... decimal integers in [lo, hi] -> JSON array of strings */
    CLAIM_FLAG_WORD_LIST /* A,B,... words -> JSON array of strings */
} claim_flag_type;

typedef struct {
    const char *name; /* the long option without "--": "lambda-w" */
    const char *key;  /* the instance key it sets: "lambda_W" (NULL for a switch) */
    claim_flag_type type;
    long lo, hi;         /* range of an INT or of each INT_LIST entry (0, 0: any long) */
    const char *metavar; /* "X", "N1,N2,..." (NULL for a switch) */
    const char *help;    /* one line */
} claim_flag;

/* An instance kind of a claim and, when flags can build it, which. */
typedef struct {
    const char *kind;                  /* "random-dyadic/1"; "explicit" for a point without kind */
    const char *what;                  /* one line: what the instance is */
    const claim_flag *const *required; /* NULL-terminated; NULL: only --instance / --instance-json */
    const claim_flag *const *optional; /* NULL-terminated or NULL */
} claim_kind;

/* One way to call the claim: a kind and an example (the arguments after `nccert certify
 * CLAIM`, shell words; tests/t_cli_matrix.sh runs every example). */
typedef struct {
    const claim_kind *kind;
    const char *example;
} claim_use;

typedef struct {
    const claim_use *uses; /* terminated by {NULL, NULL} */
    int max_prec;          /* 1: the certifier escalates Arb precision, --max-prec applies */
} claim_cli;

typedef struct {
    const char *paper;       /* key in papers.def */
    const char *id;          /* <paper>.<label> */
    const char *label;       /* as printed in the paper */
    const char *summary;     /* one line */
    claim_certifier certify; /* NULL: not implemented yet */
    const claim_cli *cli;    /* its command line (NULL: not implemented yet) */
} claim_info;

extern const claim_info claim_catalogue[];
extern const int claim_catalogue_len;

/* The papers of papers.def, in order. */
extern const char *const claim_papers[];
extern const int claim_papers_len;

/* The catalogue entry with this id, or NULL. */
const claim_info *claim_find(const char *id);

/* A claim is declared once, in its certifier's own file src/claims/<paper>/<paper>_<stem>.c:
 *     DECLARE_CLAIM(paper, stem, "paper.label", "label as printed", "one-line summary");
 * which declares the certifier <paper>_<stem>_certify and its command line <paper>_<stem>_cli
 * (defined in that file, or shared in src/claims/<paper>/<paper>_cli.c). The build collects these
 * declarations (src/collect_declarations.sh) into the X-macro list build/gen/nccert/claims.def,
 * lines CLAIM(paper, stem, id, label, summary) in the order of papers.def then id, from which the
 * catalogue (claim_catalogue.c) and the registry's claim order are expanded. */
#define DECLARE_CLAIM(paper, stem, id, label, summary)                                                                 \
    extern const claim_cli paper##_##stem##_cli;                                                                       \
    int paper##_##stem##_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)

/* The Lemma 3.1 certifier on an already parsed instance (used by benchmarks and tests). */
int ulpm_lemma31_certify_instance(const instance *I, const certify_options *o, json_t **cert, nc_error *err);
#endif
