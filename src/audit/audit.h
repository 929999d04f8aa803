/* audit.h: the derivation audit (`nccert audit`, specs/audit/README.md). Each printed formula
 * of the four papers that can be evaluated on an instance is a row of specs/audit/<paper>.tsv:
 * its transcription as printed, how we read the OCR, the derived value, and the claim
 * certifier + instances that compare the two. The audit runs those certifiers, reads the
 * certified quantities, and gives each formula a verdict: AGREES, DISAGREES, NEEDS-HYPOTHESIS,
 * UNREADABLE (with the verdict for the reading used), NOT-EVALUABLE (a limit or all-time statement
 * that no finite computation decides: mode analytic, argued in the derivation) or NOTATION
 * (notation or a definition: nothing to check; mode notation). specs/audit/coverage.tsv maps every
 * displayed item of the seeds (tests/seed_items.py) to its rows: the summary shows the coverage. */
#ifndef AUDIT_H
#define AUDIT_H
#include <stdio.h>
#include <jansson.h>
#include <arb.h>
#include "cert/verdict.h"
#include "claims/claim.h"
#include "common/nc_error.h"

#define AUDIT_FIELD_MAX 2048

/* Instance-level result of one line (formula x instance). */
typedef enum {
    AUDIT_R_NONE = 0, /* analytic line: no claim backs it */
    AUDIT_R_AGREES,
    AUDIT_R_DISAGREES,
    AUDIT_R_INCONCLUSIVE, /* certificate INCONCLUSIVE, or a diff enclosure containing 0 that is
                             not tight: never turned into a verdict */
    AUDIT_R_UNEXPECTED,   /* the certificate's verdict is not in the line's map */
    AUDIT_R_ERROR,        /* the certifier failed (bad instance, internal error) */
    AUDIT_R_ARGUED,       /* analytic hyp-fails line (the hypothesis is shown necessary) or
                             role argued (a finding, formula DISAGREES): by an argument (note,
                             derivation), not by a certificate */
    AUDIT_R_NOTATION      /* mode notation: notation or a definition, no truth value to check */
} audit_result;

/* Verdict of one formula (specs/audit/README.md), in the order of the summary's columns. */
typedef enum {
    AUDIT_V_AGREES,
    AUDIT_V_DISAGREES,
    AUDIT_V_NEEDS_HYPOTHESIS,
    AUDIT_V_UNREADABLE,
    AUDIT_V_NOT_EVALUABLE,
    AUDIT_V_NOTATION,
    AUDIT_V_INCONCLUSIVE
} audit_verdict;
#define AUDIT_VERDICT_COUNT 7

/* Coverage (specs/audit/coverage.tsv): per paper (claim_papers order), the displayed items of
 * the seed counted by tests/seed_items.py and how many of them map to audit rows. */
#define AUDIT_PAPERS_MAX 8
typedef struct {
    int loaded; /* 0: no coverage file (the summary then omits the column) */
    int items[AUDIT_PAPERS_MAX], mapped[AUDIT_PAPERS_MAX];
} audit_coverage;

/* One line of a paper's TSV (columns: specs/audit/README.md). Empty cells are inherited from
 * the previous line of the same formula. */
typedef struct {
    char formula[128];                     /* e.g. ulpm.001.eq-9 */
    char seed[96];                         /* seed file name in shared/seeds/ */
    char label[128];                       /* as printed: "(9)", "Lemma 3.1", "Remark 3.1" */
    char ocr[16];                          /* clean | garbled | unreadable */
    char printed[AUDIT_FIELD_MAX];         /* the formula as printed (our reading) */
    char derived[AUDIT_FIELD_MAX];         /* the formula derived from the loss */
    char hypothesis[512];                  /* "-" or the unstated condition */
    char role[16];                         /* test | hyp-holds | hyp-fails | argued */
    char claim[64];                        /* backing claim id, or "-" (mode analytic) */
    char name[128];                        /* instance name (certificate file stem) */
    char instance[AUDIT_FIELD_MAX];        /* registry:NAME, or instance JSON */
    char mode[16];                         /* cert | diff | analytic | notation */
    char map[128];                         /* "PROVED=AGREES REFUTED=DISAGREES" (default) */
    audit_result map_to[NC_VERDICT_COUNT]; /* map, read once: certificate verdict -> result
                                              (AGREES, DISAGREES or UNEXPECTED; INCONCLUSIVE
                                              -> INCONCLUSIVE) */
    char printed_q[256];                   /* RPN expression over certificate quantities, or "-" */
    char derived_q[256];
    char diff_q[256]; /* "-": printed - derived when both are given */
    char note[AUDIT_FIELD_MAX];
    int lineno;
    char file[64]; /* paper TSV file name */
} audit_line;

/* A line after running it. */
typedef struct {
    const audit_line *line;
    audit_result result;
    int has_cert_verdict; /* cert_verdict is set (a certificate was made) */
    nc_verdict cert_verdict;
    char printed_val[128]; /* enclosures, decimal, "-" when not given */
    char derived_val[128];
    char diff_val[128];
    char cert_path[512]; /* where the certificate is written (relative) */
    char detail[256];    /* error message or extra remark */
} audit_outcome;

/* Per-formula aggregate. */
typedef struct {
    const char *formula;
    audit_verdict verdict;
    audit_verdict reading_verdict; /* for UNREADABLE: the verdict of the reading used; else same */
    int first, count;              /* outcomes [first, first + count) */
} audit_formula;

typedef struct {
    audit_line *lines;
    int n_lines;
    audit_outcome *out;
    audit_formula *formulas;
    int n_formulas;
    audit_coverage coverage;
} audit_run;

/* Reads every specs dir/<paper>.tsv (paper in ulpm, imbrelu, msecp, linconv; only `paper` when
 * not NULL) into lines. Malformed rows: error status 2 with the file and line. */
int audit_load(const char *specs_dir, const char *paper, audit_line **lines, int *n, nc_error *err);

/* Reads specs_dir/coverage.tsv (columns paper seed line part kind label rows; rows is
 * "missing" or formula ids separated by commas) into cov; a missing file leaves cov->loaded 0.
 * An id that names no loaded formula of its paper (when the whole audit is loaded, paper NULL)
 * is an error (status 2, file and line). */
int audit_coverage_load(const char *specs_dir, const char *paper, const audit_line *lines, int n, audit_coverage *cov,
                        nc_error *err);

/* Runs every line: certifies (each (claim, name) once), evaluates the expressions, classifies,
 * and aggregates per formula. Writes certificates under cert_dir when cert_dir is not NULL;
 * cert_prefix is the path shown in the outcome (e.g. "certificates/audit"). Rows done and the
 * instance being certified go to the progress line (common/progress.h; off unless the command
 * line turned it on). */
int audit_execute(audit_run *run, const char *cert_dir, const char *cert_prefix, nc_error *err);
void audit_run_clear(audit_run *run);

/* Evaluates an RPN expression (tokens separated by spaces: numbers p/q, quantity names of
 * cert, @FIELD for an instance field, operators + - * / neg inv sq sqrt exp log pow) into an
 * Arb ball that contains the exact value, given that each quantity's exact value lies in its
 * stated enclosure (which nccheck verifies). Returns 0 or an error. */
int audit_eval_rpn(arb_t out, const char *expr, const json_t *cert, const json_t *inst, slong prec, nc_error *err);

/* Names (the TSV, JSON and text outputs, specs/audit/expected.tsv) and their parsers: 0, or -1
 * when S (NULL allowed) is no name. */
const char *audit_result_name(audit_result r);
int audit_result_parse(const char *s, audit_result *r);
const char *audit_verdict_name(audit_verdict v);
int audit_verdict_parse(const char *s, audit_verdict *v);

/* A finding: DISAGREES or NEEDS-HYPOTHESIS, also as the verdict of an UNREADABLE formula's
 * reading. The text output and the report list a paper's findings first. */
int audit_is_finding(const audit_formula *F);

/* Outputs. */
void audit_print_text(FILE *f, const audit_run *run);
void audit_print_tsv(FILE *f, const audit_run *run);
void audit_print_json(FILE *f, const audit_run *run);
void audit_print_summary(FILE *f, const audit_run *run);

/* The expectation file: one line per (formula, instance) with both verdicts. Compare returns
 * the number of differences (each printed to f); write is only ever done on request. */
int audit_expected_compare(FILE *f, const audit_run *run, const char *path, nc_error *err);
int audit_expected_write(const audit_run *run, const char *path, nc_error *err);

/* Paper key of a formula id ("ulpm.001.eq-9" -> "ulpm"). */
void audit_paper_of(const char *formula, char *paper, size_t len);
#endif
