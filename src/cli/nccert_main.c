/* nccert_main.c: the nccert command: dispatch to the subcommands. */
#include <string.h>
#include "cli/cli.h"
#include "audit/audit_cli.h"
#include "cert/cert.h"
#include "common/version.h"

static const char main_usage[] =
    "usage: nccert COMMAND [options]\n"
    "\n"
    "Rigorous certification of the claims of neural-collapse papers (shared/CLAIMS.md), with\n"
    "certificates that the independent checker nccheck re-verifies.\n"
    "\n"
    "Commands:\n"
    "  list                  the claim catalogue and the status of each claim\n"
    "  certify CLAIM ...     certify one instance and write its certificate\n"
    "  check CERT.json...    re-verify certificates with the independent checker nccheck\n"
    "  verify [--out DIR]    certify every registry instance (what `make verify` runs)\n"
    "  audit [--paper KEY]   audit the papers' printed formulas against derivations (--format tsv|json)\n"
    "  report [--out DIR]    write the HTML and Markdown report (verdicts, audit, gnuplot figures)\n"
    "\n"
    "`nccert COMMAND --help` describes each command. `nccert --version` prints the version.\n"
    "Exit status: 0 ok, 1 claim not established (REFUTED or INCONCLUSIVE), 2 bad input, 3 internal.\n";

int main(int argc, char **argv)
{
    cert_install_signal_cleanup();
    if (argc < 2) {
        fputs(main_usage, stderr);
        return NC_EXIT_BAD_INPUT;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(main_usage, stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version")) {
        printf("nccert %s\n", NCCERT_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "list")) return cli_list(argc - 1, argv + 1);
    if (!strcmp(cmd, "certify")) return cli_certify(argc - 1, argv + 1);
    if (!strcmp(cmd, "check")) return cli_check(argc - 1, argv + 1);
    if (!strcmp(cmd, "verify")) return cli_verify(argc - 1, argv + 1);
    if (!strcmp(cmd, "audit")) return cli_audit(argc - 1, argv + 1);
    if (!strcmp(cmd, "report")) return cli_report(argc - 1, argv + 1);
    /* not in the usage: regenerates the gd* instances of specs/registry (README.md there) */
    if (!strcmp(cmd, "gd-registry")) return cli_gd_registry(argc - 1, argv + 1);
    fprintf(stderr, "nccert: unknown command \"%s\" (see nccert --help)\n", cmd);
    return NC_EXIT_BAD_INPUT;
}
