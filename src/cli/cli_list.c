/* cli_list.c: `nccert list [--json]`: the claim catalogue with the status of each claim. */
#include <string.h>
#include "cli/cli.h"
#include "claims/registry.h"

static const char list_usage[] =
    "usage: nccert list [--json]\n"
    "\n"
    "Prints every claim of the four papers (shared/CLAIMS.md) with its status:\n"
    "  certified  a certifier exists; the number of registry instances `make verify` certifies\n"
    "             (the lines of specs/registry/<claim>.tsv, compiled in)\n"
    "  planned    catalogued, no certifier yet (nccert certify refuses it)\n"
    "\n"
    "Options:\n"
    "  --json     one JSON object instead of the table: {\"format\": \"nccert-list/1\", \"claims\":\n"
    "             [...]}, one entry per claim in catalogue order, keys in this order: id, paper,\n"
    "             label, summary, status, instances, kinds (each: kind, what, flags,\n"
    "             optional_flags, example) and flags (every option nccert certify accepts for it)\n"
    "  -h, --help this text\n";

static int registry_instances(const char *id)
{
    int count = 0;
    for (int r = 0; r < registry_count(); r++) count += !strcmp(registry_at(r)->claim, id);
    return count;
}

static int print_json(void)
{
    json_t *root = json_object(), *claims = json_array();
    json_object_set_new(root, "format", json_string("nccert-list/1"));
    for (int t = 0; t < claim_catalogue_len; t++) {
        const claim_info *c = &claim_catalogue[t];
        json_t *o = json_object(), *cli = cli_certify_claim_json(c);
        json_object_set_new(o, "id", json_string(c->id));
        json_object_set_new(o, "paper", json_string(c->paper));
        json_object_set_new(o, "label", json_string(c->label));
        json_object_set_new(o, "summary", json_string(c->summary));
        json_object_set_new(o, "status", json_string(c->certify ? "certified" : "planned"));
        json_object_set_new(o, "instances", json_integer(registry_instances(c->id)));
        json_object_set(o, "kinds", json_object_get(cli, "kinds"));
        json_object_set(o, "flags", json_object_get(cli, "flags"));
        json_decref(cli);
        json_array_append_new(claims, o);
    }
    json_object_set_new(root, "claims", claims);
    int rc = json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
    json_decref(root);
    fputc('\n', stdout);
    return rc ? NC_EXIT_INTERNAL : 0;
}

int cli_list(int argc, char **argv)
{
    static const struct option opts[] = {
        {"json", no_argument, NULL, 'j'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    nc_error err = {0, ""};
    int json = 0, ch;
    opterr = 0;
    optind = 1;
    while ((ch = cli_getopt("list", argc, argv, "h", opts, &err)) != -1) {
        switch (ch) {
        case 'j': json = 1; break;
        case 'h': fputs(list_usage, stdout); return 0;
        default: return cli_fail(&err);
        }
    }
    if (optind < argc) {
        nc_error_set(&err, NC_EXIT_BAD_INPUT, "list: takes no arguments (got \"%.80s\"); see nccert list --help",
                     argv[optind]);
        return cli_fail(&err);
    }
    if (json) return print_json();
    printf("%-24s %-10s %-9s %s\n", "CLAIM", "STATUS", "INSTANCES", "LABEL: SUMMARY");
    for (int t = 0; t < claim_catalogue_len; t++) {
        const claim_info *c = &claim_catalogue[t];
        printf("%-24s %-10s %-9d %s: %s\n", c->id, c->certify ? "certified" : "planned", registry_instances(c->id),
               c->label, c->summary);
    }
    return 0;
}
