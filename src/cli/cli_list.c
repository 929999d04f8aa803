/* cli_list.c: `nccert list`: the claim catalogue with the status of each claim. */
#include <string.h>
#include "cli/cli.h"
#include "claims/registry.h"

static const char list_usage[] =
    "usage: nccert list\n"
    "\n"
    "Prints every claim of the four papers (shared/CLAIMS.md) with its status:\n"
    "  certified  a certifier exists; the number of registry instances `make verify` certifies\n"
    "             (the lines of specs/registry/<claim>.tsv, compiled in)\n"
    "  planned    catalogued, no certifier yet (nccert certify refuses it)\n";

int cli_list(int argc, char **argv)
{
    if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fputs(list_usage, stdout);
        return 0;
    }
    if (argc > 1) {
        fprintf(stderr, "nccert: list takes no arguments (got \"%s\")\n", argv[1]);
        return NC_EXIT_BAD_INPUT;
    }
    printf("%-24s %-10s %-9s %s\n", "CLAIM", "STATUS", "INSTANCES", "LABEL: SUMMARY");
    for (int t = 0; t < claim_catalogue_len; t++) {
        const claim_info *c = &claim_catalogue[t];
        int count = 0;
        for (int r = 0; r < registry_count(); r++) count += !strcmp(registry_at(r)->claim, c->id);
        printf("%-24s %-10s %-9d %s: %s\n", c->id, c->certify ? "certified" : "planned", count, c->label, c->summary);
    }
    return 0;
}
