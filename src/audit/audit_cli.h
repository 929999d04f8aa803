/* audit_cli.h: the two subcommands built on the audit (src/cli/cli_audit.c, cli_report.c). */
#ifndef AUDIT_CLI_H
#define AUDIT_CLI_H
int cli_audit(int argc, char **argv);
int cli_report(int argc, char **argv);
#endif
