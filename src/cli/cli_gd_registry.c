/* cli_gd_registry.c: `nccert gd-registry FILE`, the maintainer's driver behind the gradient-descent
 * points of the registry (not listed in `nccert --help`): prints the registry file FILE
 * (specs/registry/ulpm.lemma-3.2.tsv or ulpm.lemmas-b3-b5.tsv) with the instance of every gd* line
 * recomputed from its name (ulpm_l32_gd_registry_instance, src/claims/ulpm/ulpm_lemma32_gd.c); every
 * other line is copied as it is. Format and workflow: specs/registry/README.md. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "claims/ulpm/ulpm_lemma32_gd.h"

static const char gd_usage[] =
    "usage: nccert gd-registry FILE > NEW\n"
    "\n"
    "Prints FILE, the registry file of ulpm.lemma-3.2 or ulpm.lemmas-b3-b5\n"
    "(specs/registry/<claim>.tsv; the claim is the file name), with the instance of every line\n"
    "whose name starts with \"gd\" recomputed by the gradient-descent driver from the name\n"
    "gd<R>-K<K>-n<n>-d<d>-s<seed>-it<t>-<variant> (step 2^-3, entries rounded to 2^-20).\n"
    "Comments, the header, names, expected verdicts and every other line are copied. To add a\n"
    "point, add its line with the instance \"-\" and run\n"
    "  build/nccert gd-registry specs/registry/ulpm.lemma-3.2.tsv > new.tsv &&\n"
    "    mv new.tsv specs/registry/ulpm.lemma-3.2.tsv\n"
    "Exit status: 0 printed, 2 bad input (one message naming FILE:LINE), 3 internal.\n";

int cli_gd_registry(int argc, char **argv)
{
    nc_error err = {0, ""};
    if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fputs(gd_usage, stdout);
        return 0;
    }
    if (argc != 2 || argv[1][0] == '-') {
        fputs(gd_usage, stderr);
        return NC_EXIT_BAD_INPUT;
    }
    const char *path = argv[1], *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char claim[128];
    size_t len = strlen(base);
    if (len <= 4 || len - 4 >= sizeof claim || strcmp(base + len - 4, ".tsv")) {
        nc_error_set(&err, NC_EXIT_BAD_INPUT, "gd-registry: %.200s: expected specs/registry/<claim>.tsv", path);
        return cli_fail(&err);
    }
    memcpy(claim, base, len - 4);
    claim[len - 4] = '\0';
    FILE *f = fopen(path, "r");
    if (!f) {
        nc_error_set(&err, NC_EXIT_BAD_INPUT, "gd-registry: %.200s: %s", path, strerror(errno));
        return cli_fail(&err);
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    long lineno = 0;
    int rc = 0, header = 0;
    while (!rc && (got = getline(&line, &cap, f)) != -1) {
        lineno++;
        if (got > 0 && line[got - 1] == '\n') line[--got] = '\0';
        if (line[0] == '#' || !header) { /* comments and the header line: copied */
            header = header || line[0] != '#';
            printf("%s\n", line);
            continue;
        }
        char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        if (!tab2 || strchr(tab2 + 1, '\t')) {
            rc = nc_error_set(&err, NC_EXIT_BAD_INPUT, "%.200s:%ld: expected 3 tab-separated columns", path, lineno);
            break;
        }
        if (strncmp(line, "gd", 2)) {
            printf("%s\n", line);
            continue;
        }
        *tab1 = '\0';
        char *text = NULL;
        nc_error e = {0, ""};
        if (ulpm_l32_gd_registry_instance(claim, line, &text, &e)) {
            rc = nc_error_set(&err, e.status, "%.200s:%ld: %s", path, lineno, e.msg);
            break;
        }
        *tab2 = '\0';
        printf("%s\t%s\t%s\n", line, tab1 + 1, text);
        free(text);
    }
    if (!rc && ferror(f)) rc = nc_error_set(&err, NC_EXIT_BAD_INPUT, "gd-registry: %.200s: read error", path);
    free(line);
    fclose(f);
    if (!rc && (fflush(stdout) != 0 || ferror(stdout)))
        rc = nc_error_set(&err, NC_EXIT_INTERNAL, "gd-registry: cannot write the output");
    return rc ? cli_fail(&err) : 0;
}
