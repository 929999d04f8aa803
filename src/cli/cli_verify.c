/* cli_verify.c: `nccert verify`: certify every registry instance, write the certificates under
 * DIR/<claim>/<name>.json, print a summary table, fail unless each verdict is the expected one. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "cli/cli.h"
#include "cert/cert.h"
#include "claims/registry.h"
#include "common/progress.h"

static const char verify_usage[] =
    "usage: nccert verify [--out DIR] [--claim ID] [--instance NAME] [--shard I/N] [--quiet]\n"
    "\n"
    "Certifies the registry's default instances (specs/registry/<claim>.tsv, compiled in; counts\n"
    "in `nccert list`), writes each certificate to DIR/<claim>/<instance>.json (default DIR:\n"
    "certificates), and prints a table of claim, instance, verdict and seconds. `make verify`\n"
    "runs this, then nccheck on every certificate.\n"
    "\n"
    "  --out DIR          output directory (created if missing)\n"
    "  --claim ID         only this claim's instances (an unknown claim is an error)\n"
    "  --instance NAME    only the registry instances of this name (with --claim: that claim's;\n"
    "                     a name in no registry file is an error)\n"
    "  --shard I/N        only registry entries t with t mod N = I-1 (1 <= I <= N), to split\n"
    "                     the work across machines or processes (a Slurm array, GNU parallel,\n"
    "                     make -j verify); the certificates do not depend on the sharding\n"
    "  --quiet            print only the table (no progress line)\n"
    "\n"
    "Progress: on a terminal, a run longer than 2 s shows a progress line on stderr (instances\n"
    "done, current claim and phase, elapsed time), erased at the end. Environment:\n"
    "NCCERT_PROGRESS=0 never, =1 also when stderr is not a terminal (--quiet always wins);\n"
    "NCCERT_PROGRESS_DELAY_MS the delay (default 2000).\n"
    "\n"
    "Exit status: 0 every verdict as expected, 1 otherwise, 2 bad usage.\n";

static int parse_shard(const char *s, long *i, long *n, nc_error *err)
{
    char a[32], b[32];
    const char *slash = strchr(s, '/');
    if (!slash || (size_t)(slash - s) >= sizeof a || strlen(slash + 1) >= sizeof b)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "--shard expects I/N, got \"%.40s\"", s);
    memcpy(a, s, (size_t)(slash - s));
    a[slash - s] = '\0';
    strcpy(b, slash + 1);
    if (cli_parse_long("--shard N", b, 1, 1000000, n, err) || cli_parse_long("--shard I", a, 1, *n, i, err))
        return err->status;
    return 0;
}

/* Certifies registry entry r into dir; returns 0 if the verdict is the expected one. */
static int verify_one(const registry_entry *r, const char *dir, int quiet, nc_error *err)
{
    char path[4096];
    nc_verdict verdict = NC_INCONCLUSIVE, expected;
    json_error_t jerr;
    certify_options o;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    certify_options_default(&o);
    snprintf(path, sizeof path, "%s/%s", dir, r->claim);
    if (cert_mkdir_p(path) != 0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "cannot create directory %s: %s", path, strerror(errno));
    snprintf(path, sizeof path, "%s/%s/%s.json", dir, r->claim, r->name);
    json_t *obj = json_loads(r->instance, JSON_REJECT_DUPLICATES, &jerr);
    int rc = obj ? cli_certify_instance(claim_find(r->claim), obj, &o, path, 1, &verdict, err)
                 : nc_error_set(err, NC_EXIT_INTERNAL, "registry instance %s: %s", r->name, jerr.text);
    json_decref(obj);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    /* the registry's expected verdict is text: read here, once */
    int as_expected = rc == 0 && nc_verdict_parse(r->expected, &expected) == 0 && verdict == expected;
    progress_hold(); /* the table row, then the progress line again */
    printf("%-16s %-30s %-12s %-9s %8.3f%s\n", r->claim, r->name, rc == 0 ? nc_verdict_name(verdict) : "ERROR",
           r->expected, secs, as_expected ? "" : "  <-- UNEXPECTED");
    (void)quiet;
    fflush(stdout);
    if (rc) fprintf(stderr, "nccert: %s: %s\n", r->name, err->msg);
    progress_release();
    return as_expected ? 0 : 1;
}

int cli_verify(int argc, char **argv)
{
    static const struct option opts[] = {
        {"out", required_argument, NULL, 'o'}, {"claim", required_argument, NULL, 'c'},
        {"instance", required_argument, NULL, 'i'},
        {"shard", required_argument, NULL, 's'}, {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    const char *dir = "certificates", *only = NULL, *only_name = NULL;
    long shard_i = 1, shard_n = 1;
    int quiet = 0, ch;
    nc_error err = {0, ""};
    opterr = 0;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
        switch (ch) {
        case 'o': dir = optarg; break;
        case 'c': only = optarg; break;
        case 'i': only_name = optarg; break;
        case 's': if (parse_shard(optarg, &shard_i, &shard_n, &err)) return cli_fail(&err); break;
        case 'q': quiet = 1; break;
        case 'h': fputs(verify_usage, stdout); return 0;
        default: return cli_bad_option("verify", argv);
        }
    }
    if (optind < argc) return cli_unexpected_argument("verify", argv);
    if (only && !claim_find(only)) {
        nc_error_set(&err, NC_EXIT_BAD_INPUT, "unknown claim \"%.80s\" (see nccert list)", only);
        return cli_fail(&err);
    }
    /* a name that is in no registry file is an error, not an empty run (the shard may still
     * hold none of its entries) */
    if (only_name && !registry_find(only, only_name)) {
        if (only)
            nc_error_set(&err, NC_EXIT_BAD_INPUT, "no registry instance \"%.80s\" for claim %s (see specs/registry/%s.tsv)",
                         only_name, only, only);
        else
            nc_error_set(&err, NC_EXIT_BAD_INPUT, "no registry instance \"%.80s\" (see specs/registry/)", only_name);
        return cli_fail(&err);
    }
    /* An empty DIR would put the certificates under /<claim>/. The directory is made before
     * the table starts, so that a bad DIR gets one message and no output. */
    if (dir[0] == '\0') {
        nc_error_set(&err, NC_EXIT_BAD_INPUT, "verify: --out needs a directory name, got \"\"");
        return cli_fail(&err);
    }
    if (cert_mkdir_p(dir) != 0) {
        nc_error_set(&err, NC_EXIT_BAD_INPUT, "cannot create directory %.300s: %s", dir, strerror(errno));
        return cli_fail(&err);
    }
    printf("%-16s %-30s %-12s %-9s %8s\n", "CLAIM", "INSTANCE", "VERDICT", "EXPECTED", "SECONDS");
    int failures = 0, done = 0;
    long total = 0; /* for the progress line */
    for (int t = 0; t < registry_count(); t++)
        total += t % shard_n == shard_i - 1 && (!only || !strcmp(only, registry_at(t)->claim)) &&
                 (!only_name || !strcmp(only_name, registry_at(t)->name));
    progress_auto(quiet), progress_begin("verify", total);
    for (int t = 0; t < registry_count(); t++) {
        if (t % shard_n != shard_i - 1) continue;
        if (only && strcmp(only, registry_at(t)->claim)) continue;
        if (only_name && strcmp(only_name, registry_at(t)->name)) continue;
        nc_error e = {0, ""};
        progress_set(done), progress_detail("%s/%s", registry_at(t)->claim, registry_at(t)->name);
        failures += verify_one(registry_at(t), dir, quiet, &e);
        if (e.status == NC_EXIT_BAD_INPUT && strncmp(e.msg, "cannot create", 13) == 0) return progress_end(), cli_fail(&e);
        done++;
    }
    progress_end();
    printf("%d instance(s), %d as expected, %d not\n", done, done - failures, failures);
    return failures ? NC_EXIT_NOT_ESTABLISHED : NC_EXIT_OK;
}
