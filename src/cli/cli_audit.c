/* cli_audit.c: `nccert audit`: the derivation audit of the printed formulas (src/audit/,
 * specs/audit/README.md): run, print (text, TSV, JSON), write the certificates, compare with
 * or (deliberately) rewrite the expectation file. */
#include <getopt.h>
#include <string.h>
#include "cli/cli.h"
#include "audit/audit.h"
#include "audit/audit_cli.h"
#include "common/progress.h"

static const char audit_usage[] =
    "usage: nccert audit [--paper KEY] [--format text|tsv|json] [--specs DIR]\n"
    "                    [--write-certificates DIR] [--check-expected[=FILE]] [--write-expected FILE]\n"
    "\n"
    "Audits every evaluable printed formula of the four papers (rows in specs/audit/<paper>.tsv):\n"
    "the printed formula is compared with a derivation from the loss by the claim certifiers on\n"
    "instances; each formula gets AGREES, DISAGREES, NEEDS-HYPOTHESIS, UNREADABLE (with the verdict\n"
    "of the reading used), NOT-EVALUABLE (a limit or all-time statement: argued, not certified) or\n"
    "NOTATION (notation or a definition). The summary shows per paper the displayed items of the\n"
    "seed covered by rows (specs/audit/coverage.tsv).\n"
    "The rows are read from the data directory (nccert --help: NCCERT_DATA_DIR), so an installed\n"
    "nccert audits from any directory.\n"
    "\n"
    "  --paper KEY               ulpm, linconv, msecp or imbrelu only\n"
    "  --format F                text (default), tsv or json (one row per formula x instance)\n"
    "  --specs DIR               where the rows are (default: specs/audit of the data directory)\n"
    "  --write-certificates DIR  write each certificate to DIR/<claim>/<instance>.json (the\n"
    "                            certificate column names certificates/audit/...; make verify\n"
    "                            writes there and runs nccheck on them)\n"
    "  --check-expected[=FILE]   compare every row's verdicts with FILE (default\n"
    "                            specs/audit/expected.tsv); exit 1 on any change\n"
    "  --write-expected FILE     rewrite the expectation file (never done implicitly)\n"
    "  -q, --quiet               no progress line, no closing remark on stderr\n"
    "  -h, --help                this text\n"
    "\n"
    "Progress: on a terminal, a run longer than 2 s shows a progress line on stderr (rows done,\n"
    "the instance being certified, elapsed time), erased at the end. Environment:\n"
    "NCCERT_PROGRESS=0 never, =1 also when stderr is not a terminal (--quiet always wins);\n"
    "NCCERT_PROGRESS_DELAY_MS the delay (default 2000).\n"
    "\n"
    "Exit status: 0 ok, 1 a verdict changed against the expectation file (or a row is\n"
    "INCONCLUSIVE/ERROR), 2 bad usage or malformed rows.\n";

int cli_audit(int argc, char **argv)
{
    static const struct option opts[] = {{"paper", required_argument, NULL, 'p'},
                                         {"format", required_argument, NULL, 'f'},
                                         {"specs", required_argument, NULL, 's'},
                                         {"write-certificates", required_argument, NULL, 'w'},
                                         {"check-expected", optional_argument, NULL, 'c'},
                                         {"write-expected", required_argument, NULL, 'e'},
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    char default_specs[4096], default_expected[4200];
    const char *paper = NULL, *format = "text",
               *specs = cli_data_path(default_specs, sizeof default_specs, "specs/audit"), *cert_dir = NULL,
               *check = NULL, *write_exp = NULL;
    int quiet = 0, ch;
    nc_error err = {0, ""};
    opterr = 0;
    optind = 1;
    while ((ch = cli_getopt("audit", argc, argv, "qh", opts, &err)) != -1) {
        switch (ch) {
        case 'p': paper = optarg; break;
        case 'f': format = optarg; break;
        case 's': specs = optarg; break;
        case 'w': cert_dir = optarg; break;
        case 'c': check = optarg ? optarg : ""; break;
        case 'e': write_exp = optarg; break;
        case 'q': quiet = 1; break;
        case 'h': fputs(audit_usage, stdout); return 0;
        default: return cli_fail(&err);
        }
    }
    if (optind < argc) return cli_unexpected_argument("audit", argv);
    if (strcmp(format, "text") && strcmp(format, "tsv") && strcmp(format, "json")) {
        nc_error_set(&err, NC_EXIT_BAD_INPUT, "audit: --format must be text, tsv or json, got \"%.40s\"", format);
        return cli_fail(&err);
    }
    if (write_exp && paper) {
        nc_error_set(&err, NC_EXIT_BAD_INPUT, "audit: --write-expected needs every paper (drop --paper)");
        return cli_fail(&err);
    }
    if (check && !check[0]) {
        snprintf(default_expected, sizeof default_expected, "%s/expected.tsv", specs);
        check = default_expected;
    }
    audit_run run = {0};
    if (audit_load(specs, paper, &run.lines, &run.n_lines, &err) ||
        audit_coverage_load(specs, paper, run.lines, run.n_lines, &run.coverage, &err)) {
        audit_run_clear(&run); /* the rows read before the bad one (LeakSanitizer, check-sanitize) */
        return cli_fail(&err);
    }
    progress_auto(quiet);
    if (audit_execute(&run, cert_dir, "certificates/audit", &err)) {
        audit_run_clear(&run);
        return cli_fail(&err);
    }
    if (!strcmp(format, "tsv"))
        audit_print_tsv(stdout, &run);
    else if (!strcmp(format, "json"))
        audit_print_json(stdout, &run);
    else
        audit_print_text(stdout, &run);
    int status = NC_EXIT_OK;
    for (int k = 0; k < run.n_formulas; k++)
        if (run.formulas[k].verdict == AUDIT_V_INCONCLUSIVE ||
            run.formulas[k].reading_verdict == AUDIT_V_INCONCLUSIVE) {
            fprintf(stderr, "nccert: audit: formula %s is INCONCLUSIVE\n", run.formulas[k].formula);
            status = NC_EXIT_NOT_ESTABLISHED;
        }
    if (check) {
        int changes = audit_expected_compare(stderr, &run, check, &err);
        if (changes < 0) {
            audit_run_clear(&run);
            return cli_fail(&err);
        }
        if (changes) {
            fprintf(stderr,
                    "nccert: audit: %d row(s) changed against %s (if intended: nccert audit --write-expected %s)\n",
                    changes, check, check);
            status = NC_EXIT_NOT_ESTABLISHED;
        } else if (!quiet) {
            fprintf(stderr, "audit: every row as in %s\n", check);
        }
    }
    if (write_exp && audit_expected_write(&run, write_exp, &err)) {
        audit_run_clear(&run);
        return cli_fail(&err);
    }
    audit_run_clear(&run);
    return status;
}
