/* cli.h: the nccert subcommands and the helpers they share. Exit codes: 0 ok, 1 claim not
 * established, 2 bad input or usage, 3 internal error. */
#ifndef CLI_H
#define CLI_H
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
int cli_certify_instance(const claim_info *claim, json_t *instance_json, const certify_options *o,
                         const char *out_path, int quiet, nc_verdict *verdict, nc_error *err);

/* Prints "nccert: <message>" to stderr and returns the error's status. */
int cli_fail(const nc_error *err);

/* The usage errors after getopt_long, in the words of subcommand CMD, printed; the status
 * returned: an unknown or incomplete option (argv[optind - 1]), and an argument left over
 * (argv[optind], when optind < argc). */
int cli_bad_option(const char *cmd, char **argv);
int cli_unexpected_argument(const char *cmd, char **argv);
#endif
