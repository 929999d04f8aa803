/* cli.h: the nccert subcommands and the helpers they share. Exit codes: 0 ok, 1 claim not
 * established, 2 bad input or usage, 3 internal error. */
#ifndef CLI_H
#define CLI_H
#include <getopt.h>
#include <stdio.h>
#include <jansson.h>
#include "cert/verdict.h"
#include "claims/claim.h"
#include "common/nc_error.h"

int cli_list(int argc, char **argv);
int cli_certify(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_verify(int argc, char **argv);
/* maintainer's driver, not in `nccert --help`: the registry's gradient-descent points */
int cli_gd_registry(int argc, char **argv);

/* Strict integer option value: the whole string, in [lo, hi]. */
int cli_parse_long(const char *option, const char *s, long lo, long hi, long *out, nc_error *err);

/* Certifies the instance (JSON) for claim, writes the certificate to out_path (if not NULL)
 * atomically, prints the summary unless quiet, and reports the verdict in *verdict. Returns 0
 * or an error status. */
int cli_certify_instance(const claim_info *claim, json_t *instance_json, const certify_options *o, const char *out_path,
                         int quiet, nc_verdict *verdict, nc_error *err);

/* What `nccert certify` accepts for this claim (its claim_cli), for `nccert list --json`:
 * {"kinds": [{"kind", "what", "flags", "optional_flags", "example"}], "flags": [every option]}. */
json_t *cli_certify_claim_json(const claim_info *claim);

/* Prints "nccert: <message>" to stderr and returns the error's status. */
int cli_fail(const nc_error *err);

/* The usage error after option parsing, in the words of subcommand CMD, printed; the status
 * returned: an argument left over (argv[optind], when optind < argc). */
int cli_unexpected_argument(const char *cmd, char **argv);

/* ---- shared option helpers: the same rules in every subcommand ---- */

/* getopt_long in the words of subcommand CMD: returns the option's character, -1 at the end of
 * the options, or '?' with err set (status 2) for an unknown option (with "did you mean" among
 * OPTS), a missing value, or a value that looks like an option (`-o --quiet`: a separate
 * argument starting with "-" and not a number; `--output=--quiet` stays possible). Call with
 * opterr = 0 and optind = 1 set; SHORTOPTS as for getopt_long (without a leading ':'). */
int cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts, const struct option *opts, nc_error *err);

/* 1 when V, given as a separate argument to an option, looks like an option itself: "-q",
 * "--quiet" (not "-", "-3", "-0.5", "-1/2"). */
int cli_looks_like_option(const char *v);

/* " (did you mean X?)", " (did you mean X or Y?)" for the candidates closest to S by edit
 * distance (close enough: at most 1 + strlen(S)/4 edits, or S equal to the part of a
 * candidate after its first '.'), else "". Leading dashes are ignored on both sides. Written
 * into buf (len bytes); returns buf. */
const char *cli_did_you_mean(char *buf, size_t len, const char *s, const char *const *cands, int n);
/* The same suggestion bare: "X", "X or Y", "X, Y or Z", or "". */
const char *cli_suggest(char *buf, size_t len, const char *s, const char *const *cands, int n);

/* The suggestion among every claim id of the catalogue. */
const char *cli_did_you_mean_claim(char *buf, size_t len, const char *s);

/* The claim with this id, or NULL with err set: unknown claim (with "did you mean"), or a
 * claim without certifier. */
const claim_info *cli_find_claim(const char *id, nc_error *err);

/* ---- data files (specs/audit/, ...) ----
 * nccert's data directory: $NCCERT_DATA_DIR when set; else the current directory when it holds
 * specs/audit (a checkout of the repository); else <dir of the nccert binary>/../share/nccert
 * when it holds specs/audit (what `make install` writes under $(PREFIX)); else the repository
 * the binary was built in (<dir of the binary>/.., build/nccert); else the current directory.
 * cli_data_path returns REL itself when the directory is the current one, else DIR/REL in buf. */
const char *cli_data_dir(void);
const char *cli_data_path(char *buf, size_t len, const char *rel);

/* The environment variables nccert reads, for the usage texts (nccert --help, nccert(1)). */
extern const char cli_environment_help[];
#endif
