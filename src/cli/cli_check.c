/* cli_check.c: `nccert check [OPTIONS] CERT...` runs the independent checker nccheck (the
 * binary next to nccert, else the one on PATH) with the same arguments: nccert never checks
 * its own certificates, and the options are nccheck's own (one usage text: nccheck --help). */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"

static const char check_usage[] =
    "usage: nccert check [NCCHECK-OPTIONS] CERT.json...\n"
    "\n"
    "Runs the independent checker nccheck with these arguments: the same as `nccheck\n"
    "[OPTIONS] FILE...` (the nccheck next to nccert, else the one on PATH). Its options\n"
    "(-q/--quiet, --json, --max-seconds S, --max-memory BYTES, --data-dir DIR), its output\n"
    "and its exit status: nccheck --help, nccheck(1).\n";

/* Replaces this process by nccheck with ARGV (argv[0] is set); returns only on failure. */
static void exec_nccheck(char **argv)
{
    char self[PATH_MAX], path[PATH_MAX + 16];
    ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
    argv[0] = "nccheck";
    if (len > 0) {
        self[len] = '\0';
        snprintf(path, sizeof path, "%s/nccheck", dirname(self));
        if (access(path, X_OK) == 0) execv(path, argv);
    }
    execvp("nccheck", argv);
}

int cli_check(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "nccert: check needs at least one certificate file (see nccert check --help)\n");
        return NC_EXIT_BAD_INPUT;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(check_usage, stdout);
        return 0;
    }
    exec_nccheck(argv);
    fprintf(stderr, "nccert: cannot run nccheck: %s\n", strerror(errno));
    return NC_EXIT_INTERNAL;
}
