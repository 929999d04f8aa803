/* cli_verify.c: `nccert verify`: certify the registry's instances (or a downstream manifest's,
 * specs/manifest.md), write the certificates under DIR/<claim>/<name>.json, print a summary
 * table (or --json), fail unless each verdict (and the manifest's assertion) is the expected
 * one. --check-only hands a manifest to the independent checker instead (nccheck --manifest). */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "cli/cli.h"
#include "cli/cli_manifest.h"
#include "cert/cert.h"
#include "claims/registry.h"
#include "common/progress.h"

static const char verify_usage[] =
    "usage: nccert verify [--out DIR] [--claim ID]... [--instance NAME] [--shard I/N] [--json] [--quiet]\n"
    "       nccert verify --manifest FILE [--out DIR] [--claim ID]... [--instance NAME] [--shard I/N] [--json]\n"
    "       nccert verify --manifest FILE --check-only [--out DIR] [--claim ID]... [--instance NAME] [--json]\n"
    "\n"
    "Certifies the registry's default instances (specs/registry/<claim>.tsv, compiled in; counts\n"
    "in `nccert list`), writes each certificate to DIR/<claim>/<instance>.json (default DIR:\n"
    "certificates), and prints a table of claim, instance, verdict and seconds. `make verify`\n"
    "runs this, then nccheck on every certificate.\n"
    "\n"
    "With --manifest, certifies exactly the entries of a downstream project's manifest\n"
    "(specs/manifest.md: claim, name, expected verdict, expected assertion, instance) instead,\n"
    "into DIR (default: certificates next to the manifest), and fails only when a verdict or an\n"
    "assertion differs from the manifest (one line per difference on stderr), never on any other\n"
    "byte of a certificate. The manifest is read whole first; the certificates are written only\n"
    "when every entry was certified.\n"
    "\n"
    "  --out DIR          output directory (created if missing)\n"
    "  --claim ID         only this claim's instances; repeat for several claims (their union);\n"
    "                     with --manifest, filters the manifest (an unknown claim, or one the\n"
    "                     manifest does not have, is an error)\n"
    "  --instance NAME    only the instances of this name (with --claim: those claims'; a name\n"
    "                     that no selected registry file or manifest entry has is an error)\n"
    "  --shard I/N        only the selected entries t with t mod N = I-1 (1 <= I <= N), to split\n"
    "                     the work across machines or processes (a Slurm array, GNU parallel,\n"
    "                     make -j verify); the certificates do not depend on the sharding\n"
    "  --manifest FILE    certify the entries of FILE instead of the registry\n"
    "  --check-only       with --manifest: certify nothing; run the independent checker on the\n"
    "                     certificates DIR/<claim>/<name>.json and compare their verdicts and\n"
    "                     assertions with the manifest (what `nccheck --manifest FILE` does;\n"
    "                     needs nccheck next to nccert or on PATH)\n"
    "  --json             print a JSON array of {claim, instance, verdict, expected, assertion,\n"
    "                     expected_assertion, as_expected, line, certificate, seconds} instead of\n"
    "                     the table (seconds for information: nothing compares it)\n"
    "  --quiet            print only the table (no progress line)\n"
    "\n"
    "Progress: on a terminal, a run longer than 2 s shows a progress line on stderr (instances\n"
    "done, current claim and phase, elapsed time), erased at the end. Environment:\n"
    "NCCERT_PROGRESS=0 never, =1 also when stderr is not a terminal (--quiet always wins);\n"
    "NCCERT_PROGRESS_DELAY_MS the delay (default 2000).\n"
    "\n"
    "Exit status: 0 every verdict (and assertion) as expected, 1 otherwise, 2 bad usage or a bad\n"
    "manifest (one line naming file:line; nothing written), 3 internal error.\n";

#define MAX_CLAIM_FILTERS 256

typedef struct {
    const char *dir, *manifest, *only_name;
    const char *claims[MAX_CLAIM_FILTERS];
    int nclaims;
    long shard_i, shard_n;
    int quiet, json, check_only, dir_given;
} verify_args;

/* One certified (or failed) entry, for the table, the JSON array and the difference lines. */
typedef struct {
    const char *claim, *name;
    nc_verdict expected;
    const char *expected_assertion; /* NULL: any */
    int line;                       /* manifest line; 0 on the registry */
    int rc;                         /* the certifier's status */
    nc_verdict verdict;
    const char *assertion; /* in cert; NULL when rc != 0 */
    json_t *cert;          /* owned */
    double secs;
    int as_expected;
    char path[4096];
    nc_error err;
} verify_row;

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

static int claim_selected(const verify_args *a, const char *claim)
{
    if (a->nclaims == 0) return 1;
    for (int c = 0; c < a->nclaims; c++)
        if (!strcmp(a->claims[c], claim)) return 1;
    return 0;
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0->tv_nsec);
}

/* Certifies INST for CLAIM into row->cert (nothing written); fills verdict, assertion,
 * seconds and as_expected. */
static void certify_row(const claim_info *claim, json_t *inst, verify_row *row)
{
    certify_options o;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    certify_options_default(&o);
    row->rc = claim && claim->certify
                  ? claim->certify(inst, &o, &row->cert, &row->err)
                  : nc_error_set(&row->err, NC_EXIT_INTERNAL, "claim %s has no certifier", row->claim);
    if (row->rc == 0 && nc_verdict_parse(json_string_value(json_object_get(row->cert, "verdict")), &row->verdict))
        row->rc = nc_error_set(&row->err, NC_EXIT_INTERNAL, "%s: the certificate has no verdict", row->claim);
    if (row->rc == 0) row->assertion = json_string_value(json_object_get(row->cert, "assertion"));
    row->secs = seconds_since(&t0);
    row->as_expected =
        row->rc == 0 && row->verdict == row->expected &&
        (!row->expected_assertion || (row->assertion && !strcmp(row->assertion, row->expected_assertion)));
}

static void print_header(const verify_args *a)
{
    if (!a->json) printf("%-16s %-30s %-12s %-9s %8s\n", "CLAIM", "INSTANCE", "VERDICT", "EXPECTED", "SECONDS");
}

static void print_row(const verify_args *a, const verify_row *r, json_t *arr)
{
    const char *verdict = r->rc == 0 ? nc_verdict_name(r->verdict) : "ERROR";
    if (!a->json) {
        progress_hold(); /* the table row, then the progress line again */
        printf("%-16s %-30s %-12s %-9s %8.3f%s\n", r->claim, r->name, verdict, nc_verdict_name(r->expected), r->secs,
               r->as_expected ? "" : "  <-- UNEXPECTED");
        fflush(stdout);
        progress_release();
        return;
    }
    json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:b}", "claim", r->claim, "instance", r->name, "verdict",
                          verdict, "expected", nc_verdict_name(r->expected), "assertion",
                          r->assertion ? json_string(r->assertion) : json_null(), "expected_assertion",
                          r->expected_assertion ? json_string(r->expected_assertion) : json_null(), "as_expected",
                          r->as_expected);
    if (r->line) json_object_set_new(o, "line", json_integer(r->line));
    json_object_set_new(o, "certificate", json_string(r->path));
    /* milliseconds: for information only, never compared */
    json_object_set_new(o, "seconds", json_real((double)(long long)(r->secs * 1000.0 + 0.5) / 1000.0));
    if (r->rc) json_object_set_new(o, "error", json_string(r->err.msg));
    json_array_append_new(arr, o);
}

static void print_json(json_t *arr)
{
    json_dumpf(arr, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(6));
    putchar('\n');
    fflush(stdout);
}

/* The manifest's difference line for R (stderr): what was expected, what came out. */
static void print_difference(const char *manifest_path, const verify_row *r)
{
    fprintf(stderr, "nccert: %s:%d: %s %s: expected %s", manifest_path, r->line, r->claim, r->name,
            nc_verdict_name(r->expected));
    if (r->expected_assertion) fprintf(stderr, " \"%s\"", r->expected_assertion);
    if (r->rc)
        fprintf(stderr, ", got ERROR (%s)\n", r->err.msg);
    else
        fprintf(stderr, ", got %s \"%s\"\n", nc_verdict_name(r->verdict), r->assertion ? r->assertion : "");
}

/* DIR/<claim> exists afterwards, or an error. */
static int make_claim_dir(const char *dir, const char *claim, nc_error *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, claim);
    if (cert_mkdir_p(path) != 0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "cannot create directory %.300s: %s", path, strerror(errno));
    return 0;
}

/* ------------------------------------------------------------------------------ registry */

static int verify_registry(const verify_args *a)
{
    nc_error err = {0, ""};
    json_t *arr = a->json ? json_array() : NULL;
    print_header(a);
    int failures = 0, done = 0;
    long total = 0; /* for the progress line */
    for (int t = 0; t < registry_count(); t++)
        total += t % a->shard_n == a->shard_i - 1 && claim_selected(a, registry_at(t)->claim) &&
                 (!a->only_name || !strcmp(a->only_name, registry_at(t)->name));
    progress_auto(a->quiet), progress_begin("verify", total);
    for (int t = 0; t < registry_count(); t++) {
        const registry_entry *r = registry_at(t);
        if (t % a->shard_n != a->shard_i - 1) continue;
        if (!claim_selected(a, r->claim)) continue;
        if (a->only_name && strcmp(a->only_name, r->name)) continue;
        progress_set(done), progress_detail("%s/%s", r->claim, r->name);
        verify_row row;
        memset(&row, 0, sizeof row);
        row.claim = r->claim;
        row.name = r->name;
        /* the registry's expected verdict is text: read here, once */
        if (nc_verdict_parse(r->expected, &row.expected)) row.expected = NC_INCONCLUSIVE;
        snprintf(row.path, sizeof row.path, "%s/%s/%s.json", a->dir, r->claim, r->name);
        if (make_claim_dir(a->dir, r->claim, &err)) {
            json_decref(arr);
            progress_end();
            return cli_fail(&err);
        }
        json_error_t jerr;
        json_t *obj = json_loads(r->instance, JSON_REJECT_DUPLICATES, &jerr);
        if (obj)
            certify_row(claim_find(r->claim), obj, &row);
        else
            row.rc = nc_error_set(&row.err, NC_EXIT_INTERNAL, "registry instance %s: %s", r->name, jerr.text);
        json_decref(obj);
        if (row.rc == 0 && cert_write_atomic(row.cert, row.path, &row.err)) {
            row.rc = row.err.status;
            row.as_expected = 0;
        }
        print_row(a, &row, arr);
        if (row.rc) fprintf(stderr, "nccert: %s: %s\n", r->name, row.err.msg);
        json_decref(row.cert);
        failures += !row.as_expected;
        done++;
    }
    progress_end();
    if (a->json) {
        print_json(arr);
        json_decref(arr);
    } else
        printf("%d instance(s), %d as expected, %d not\n", done, done - failures, failures);
    return failures ? NC_EXIT_NOT_ESTABLISHED : NC_EXIT_OK;
}

/* ------------------------------------------------------------------------------ manifest */

/* --check-only: the checker does the work (nccert never checks its own certificates). */
static int exec_nccheck(const verify_args *a, const char *dir)
{
    char *argv[16 + 2 * MAX_CLAIM_FILTERS];
    int n = 0;
    argv[n++] = "nccheck";
    argv[n++] = "--manifest";
    argv[n++] = (char *)a->manifest;
    argv[n++] = "--certs";
    argv[n++] = (char *)dir;
    for (int c = 0; c < a->nclaims; c++) {
        argv[n++] = "--claim";
        argv[n++] = (char *)a->claims[c];
    }
    if (a->only_name) {
        argv[n++] = "--instance";
        argv[n++] = (char *)a->only_name;
    }
    if (a->json) argv[n++] = "--json";
    argv[n] = NULL;
    fflush(stdout);
    char self[PATH_MAX], path[PATH_MAX + 16];
    ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
    if (len > 0) {
        self[len] = '\0';
        snprintf(path, sizeof path, "%s/nccheck", dirname(self));
        if (access(path, X_OK) == 0) execv(path, argv);
    }
    execvp("nccheck", argv);
    fprintf(stderr, "nccert: cannot run nccheck: %s\n", strerror(errno));
    return NC_EXIT_INTERNAL;
}

/* The manifest's entries that the filters select (indices into m), or an error. */
static int select_entries(const verify_args *a, const manifest *m, int *sel, int *nsel, nc_error *err)
{
    for (int c = 0; c < a->nclaims; c++) {
        int found = 0;
        for (int i = 0; i < m->count && !found; i++) found = !strcmp(m->entries[i].claim, a->claims[c]);
        if (!found)
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "--claim %.80s: no entry of %.200s has this claim",
                                a->claims[c], m->path);
    }
    int k = 0, name_found = 0;
    for (int i = 0; i < m->count; i++) {
        if (!claim_selected(a, m->entries[i].claim)) continue;
        if (a->only_name && strcmp(a->only_name, m->entries[i].name)) continue;
        name_found = 1;
        if (k++ % a->shard_n != a->shard_i - 1) continue;
        sel[(*nsel)++] = i;
    }
    if (a->only_name && !name_found)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "--instance %.80s: no selected entry of %.200s has this name",
                            a->only_name, m->path);
    return 0;
}

static int verify_manifest(const verify_args *a)
{
    nc_error err = {0, ""};
    manifest m;
    if (cli_manifest_load(a->manifest, &m, &err)) return cli_fail(&err);
    char *dir = a->dir_given ? strdup(a->dir) : cli_manifest_default_out(&m);
    int *sel = calloc((size_t)m.count, sizeof *sel), nsel = 0, status = 0;
    verify_row *rows = calloc((size_t)m.count, sizeof *rows);
    json_t *arr = a->json ? json_array() : NULL;
    if (!dir || !sel || !rows)
        status = nc_error_set(&err, NC_EXIT_INTERNAL, "out of memory");
    else
        status = select_entries(a, &m, sel, &nsel, &err);
    if (!status && a->check_only) {
        status = exec_nccheck(a, dir);
        goto out;
    }
    if (status) {
        cli_fail(&err);
        goto out;
    }
    print_header(a);
    int failures = 0;
    progress_auto(a->quiet), progress_begin("verify", nsel);
    for (int k = 0; k < nsel; k++) {
        const manifest_entry *e = &m.entries[sel[k]];
        progress_set(k), progress_detail("%s/%s", e->claim, e->name);
        verify_row *row = &rows[k];
        row->claim = e->claim;
        row->name = e->name;
        row->expected = e->expected;
        row->expected_assertion = e->assertion;
        row->line = e->line;
        snprintf(row->path, sizeof row->path, "%s/%s/%s.json", dir, e->claim, e->name);
        certify_row(claim_find(e->claim), e->instance, row);
        /* an instance the certifier refuses is a bad manifest: stop, write nothing */
        if (row->rc) {
            progress_end();
            fprintf(stderr, "nccert: %s:%d: %s %s: %s\n", m.path, e->line, e->claim, e->name, row->err.msg);
            status = row->rc;
            goto out;
        }
        print_row(a, row, arr);
        failures += !row->as_expected;
    }
    progress_end();
    /* every entry certified: now (and only now) DIR and its certificates */
    for (int k = 0; k < nsel; k++)
        if (make_claim_dir(dir, rows[k].claim, &err)) {
            status = cli_fail(&err);
            goto out;
        }
    for (int k = 0; k < nsel; k++)
        if (cert_write_atomic(rows[k].cert, rows[k].path, &err)) {
            status = cli_fail(&err);
            goto out;
        }
    if (a->json)
        print_json(arr);
    else
        printf("%d instance(s), %d as expected, %d not\n", nsel, nsel - failures, failures);
    fflush(stdout);
    for (int k = 0; k < nsel; k++)
        if (!rows[k].as_expected) print_difference(m.path, &rows[k]);
    status = failures ? NC_EXIT_NOT_ESTABLISHED : NC_EXIT_OK;
out:
    for (int k = 0; rows && k < nsel; k++) json_decref(rows[k].cert);
    json_decref(arr);
    free(rows);
    free(sel);
    free(dir);
    cli_manifest_free(&m);
    return status;
}

int cli_verify(int argc, char **argv)
{
    static const struct option opts[] = {
        {"out", required_argument, NULL, 'o'},      {"claim", required_argument, NULL, 'c'},
        {"instance", required_argument, NULL, 'i'}, {"shard", required_argument, NULL, 's'},
        {"manifest", required_argument, NULL, 'm'}, {"check-only", no_argument, NULL, 'C'},
        {"json", no_argument, NULL, 'j'},           {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0}};
    verify_args a;
    int ch, sharded = 0;
    nc_error err = {0, ""};
    memset(&a, 0, sizeof a);
    a.dir = "certificates";
    a.shard_i = a.shard_n = 1;
    opterr = 0;
    optind = 1;
    while ((ch = cli_getopt("verify", argc, argv, "qh", opts, &err)) != -1) {
        switch (ch) {
        case 'o': a.dir = optarg, a.dir_given = 1; break;
        case 'c':
            if (a.nclaims == MAX_CLAIM_FILTERS) {
                nc_error_set(&err, NC_EXIT_BAD_INPUT, "verify: more than %d --claim options", MAX_CLAIM_FILTERS);
                return cli_fail(&err);
            }
            a.claims[a.nclaims++] = optarg;
            break;
        case 'i': a.only_name = optarg; break;
        case 's':
            if (parse_shard(optarg, &a.shard_i, &a.shard_n, &err)) return cli_fail(&err);
            sharded = 1;
            break;
        case 'm': a.manifest = optarg; break;
        case 'C': a.check_only = 1; break;
        case 'j': a.json = 1; break;
        case 'q': a.quiet = 1; break;
        case 'h': fputs(verify_usage, stdout); return 0;
        default: return cli_fail(&err);
        }
    }
    if (optind < argc) return cli_unexpected_argument("verify", argv);
    for (int c = 0; c < a.nclaims; c++)
        if (!claim_find(a.claims[c])) {
            nc_error_set(&err, NC_EXIT_BAD_INPUT, "unknown claim \"%.80s\" (see nccert list)", a.claims[c]);
            return cli_fail(&err);
        }
    if (a.check_only && !a.manifest) {
        nc_error_set(&err, NC_EXIT_BAD_INPUT, "verify: --check-only needs --manifest FILE");
        return cli_fail(&err);
    }
    if (a.check_only && sharded) {
        nc_error_set(&err, NC_EXIT_BAD_INPUT, "verify: --shard splits certification; it does not go with --check-only");
        return cli_fail(&err);
    }
    /* An empty DIR would put the certificates under /<claim>/. */
    if (a.dir[0] == '\0') {
        nc_error_set(&err, NC_EXIT_BAD_INPUT, "verify: --out needs a directory name, got \"\"");
        return cli_fail(&err);
    }
    if (a.manifest) return verify_manifest(&a);
    /* a name that is in no selected registry file is an error, not an empty run (the shard may
     * still hold none of its entries) */
    if (a.only_name) {
        int found = a.nclaims == 0 && registry_find(NULL, a.only_name);
        for (int c = 0; c < a.nclaims && !found; c++) found = registry_find(a.claims[c], a.only_name) != NULL;
        if (!found) {
            if (a.nclaims == 1)
                nc_error_set(&err, NC_EXIT_BAD_INPUT,
                             "no registry instance \"%.80s\" for claim %s (see specs/registry/%s.tsv)", a.only_name,
                             a.claims[0], a.claims[0]);
            else if (a.nclaims > 1)
                nc_error_set(&err, NC_EXIT_BAD_INPUT,
                             "no registry instance \"%.80s\" for the claims given (see specs/registry/)", a.only_name);
            else
                nc_error_set(&err, NC_EXIT_BAD_INPUT, "no registry instance \"%.80s\" (see specs/registry/)",
                             a.only_name);
            return cli_fail(&err);
        }
    }
    /* The directory is made before the table starts, so that a bad DIR gets one message and no
     * output. */
    if (cert_mkdir_p(a.dir) != 0) {
        nc_error_set(&err, NC_EXIT_BAD_INPUT, "cannot create directory %.300s: %s", a.dir, strerror(errno));
        return cli_fail(&err);
    }
    return verify_registry(&a);
}
