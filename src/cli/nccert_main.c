/* nccert_main.c: the nccert command: dispatch to the subcommands. The usage texts are the one
 * source of the manual too: `make man` turns `nccert --help` and `nccert COMMAND --help` into
 * nccert(1) (src/cli/cli_man.sh), so a section here (Environment:, Files:, Exit status:)
 * becomes a section there. */
#include <string.h>
#include "cli/cli.h"
#include "audit/audit_cli.h"
#include "cert/cert.h"
#include "common/version.h"

static const char main_usage_head[] =
    "usage: nccert COMMAND [options]\n"
    "       nccert --help | --version\n"
    "\n"
    "nccert: rigorous certificates for the claims of neural-collapse papers\n"
    "\n"
    "Certifies the claims of neural-collapse papers (shared/CLAIMS.md) on exact instances, with\n"
    "certificates that the independent checker nccheck re-verifies with its own arithmetic.\n"
    "\n"
    "Commands:\n"
    "  list                  the claim catalogue and the status of each claim (--json)\n"
    "  certify CLAIM ...     certify one instance and write its certificate\n"
    "                        (nccert certify CLAIM --help: the claim's instance kinds and flags)\n"
    "  check CERT.json...    re-verify certificates with the independent checker nccheck (--json)\n"
    "  verify [--out DIR]    certify every registry instance (what `make verify` runs)\n"
    "  audit [--paper KEY]   audit the papers' printed formulas against derivations (--format tsv|json)\n"
    "  report [--out DIR]    write the HTML and Markdown report (verdicts, audit, gnuplot figures)\n"
    "\n"
    "`nccert COMMAND --help` describes each command; -q/--quiet, -h/--help and --version mean\n"
    "the same in nccert and nccheck.\n"
    "\n"
    "Options:\n"
    "  -h, --help            this text\n"
    "      --version         the version\n"
    "\n"
    "Environment:\n";

static const char main_usage_tail[] =
    "\n"
    "Files:\n"
    "  specs/audit/*.tsv     the audit's rows and expected verdicts (nccert audit, nccert report)\n"
    "  specs/claims/imbrelu.cor-4.phase.tsv, proofs/derivations/msecp-dynamics-omega.tsv\n"
    "                        figure data of nccert report\n"
    "                        (all under the data directory: see NCCERT_DATA_DIR; make install\n"
    "                        copies them to $(PREFIX)/share/nccert)\n"
    "\n"
    "Exit status:\n"
    "  0  ok (certify: PROVED)\n"
    "  1  claim not established (REFUTED or INCONCLUSIVE), or a verdict not as expected\n"
    "  2  bad input or usage\n"
    "  3  internal error\n";

static void main_usage(FILE *f)
{
    fputs(main_usage_head, f);
    fputs(cli_environment_help, f);
    fputs(main_usage_tail, f);
}

int main(int argc, char **argv)
{
    static const char *const commands[] = {"list", "certify", "check", "verify", "audit", "report", "help"};
    cert_install_signal_cleanup();
    if (argc < 2) {
        main_usage(stderr);
        return NC_EXIT_BAD_INPUT;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        main_usage(stdout);
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
    char hint[256];
    cli_did_you_mean(hint, sizeof hint, cmd, commands, (int)(sizeof commands / sizeof commands[0]));
    if (!hint[0] && cmd[0] == '-') {
        static const char *const options[] = {"--help", "--version"};
        cli_did_you_mean(hint, sizeof hint, cmd, options, 2);
    }
    fprintf(stderr, "nccert: unknown %s \"%.80s\"%s; see nccert --help\n", cmd[0] == '-' ? "option" : "command", cmd,
            hint);
    return NC_EXIT_BAD_INPUT;
}
