/* cli_common.c: helpers shared by the subcommands: strict option parsing (getopt with the
 * same rules everywhere, "did you mean"), the certify-and-write step, the human summary, error
 * printing, and where the data files are. */
#include <ctype.h>
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/cli.h"
#include "cert/cert.h"
#include "common/progress.h"

const char cli_environment_help[] =
    "  NCCERT_THREADS      threads of the margin sweep of ulpm.lemma-3.1 on large instances, also\n"
    "                      of its BLAS oracle (1..64; default: the online processors, at most 8)\n"
    "  NCCERT_ORACLE       off: ulpm.lemma-3.1 finds its witness with the proved kernels over all\n"
    "                      samples, without the BLAS oracle (same certificate, slower)\n"
    "  NCCERT_DATA_DIR     where audit and report read their data (specs/audit/, ...); default:\n"
    "                      the current directory if it has specs/audit, else ../share/nccert\n"
    "                      next to the nccert binary (make install), else its source tree\n"
    "  NCCERT_PROGRESS     0: never show the progress line; 1: show it also when stderr is not a\n"
    "                      terminal (default: on a terminal only; -q/--quiet always wins)\n"
    "  NCCERT_PROGRESS_DELAY_MS  milliseconds before the progress line appears (default 2000)\n"
    "  PATH                nccert check runs the nccheck next to nccert, else the one on PATH\n";

int cli_parse_long(const char *option, const char *s, long lo, long hi, long *out, nc_error *err)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (s[0] == '\0' || *end != '\0' || errno == ERANGE || strspn(s, "+-0123456789") != strlen(s))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s expects an integer, got \"%.40s\"", option, s);
    if (v < lo || v > hi)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s must be in [%ld, %ld], got %ld", option, lo, hi, v);
    *out = v;
    return 0;
}

int cli_fail(const nc_error *err)
{
    fprintf(stderr, "nccert: %s\n", err->msg);
    return err->status ? err->status : NC_EXIT_INTERNAL;
}

int cli_unexpected_argument(const char *cmd, char **argv)
{
    nc_error err = {0, ""};
    nc_error_set(&err, NC_EXIT_BAD_INPUT, "%s: unexpected argument \"%s\"", cmd, argv[optind]);
    return cli_fail(&err);
}

/* One line: the kind and every scalar parameter (matrices and arrays are not printed). */
static void print_instance(FILE *f, const json_t *inst)
{
    const char *key;
    json_t *v;
    json_t *kind = json_object_get(inst, "kind");
    fprintf(f, "instance: %s", json_is_string(kind) ? json_string_value(kind) : "explicit");
    json_object_foreach((json_t *)inst, key, v)
    {
        if (!strcmp(key, "kind")) continue;
        if (json_is_integer(v))
            fprintf(f, " %s=%lld", key, (long long)json_integer_value(v));
        else if (json_is_string(v))
            fprintf(f, " %s=%s", key, json_string_value(v));
    }
    fprintf(f, "\n");
}

static void print_summary(FILE *f, const json_t *cert, const char *path)
{
    fprintf(f, "claim: %s\n", json_string_value(json_object_get(cert, "claim")));
    print_instance(f, json_object_get(cert, "instance"));
    fprintf(f, "verdict: %s (%s)\n", json_string_value(json_object_get(cert, "verdict")),
            json_string_value(json_object_get(cert, "assertion")));
    const char *key;
    json_t *v;
    fprintf(f, "witnesses:");
    json_object_foreach(json_object_get(cert, "witnesses"), key, v)
    {
        if (json_is_integer(v)) fprintf(f, " %s=%lld", key, (long long)json_integer_value(v));
    }
    fprintf(f, "\n");
    json_object_foreach(json_object_get(cert, "quantities"), key, v)
    {
        fprintf(f, "  %-18s %s\n", key, json_string_value(json_object_get(v, "decimal")));
    }
    if (path) fprintf(f, "certificate: %s\n", path);
}

int cli_certify_instance(const claim_info *claim, json_t *instance_json, const certify_options *o, const char *out_path,
                         int quiet, nc_verdict *verdict, nc_error *err)
{
    json_t *cert = NULL;
    if (claim->certify(instance_json, o, &cert, err)) return err->status;
    if (out_path && cert_write_atomic(cert, out_path, err)) {
        json_decref(cert);
        return err->status;
    }
    if (nc_verdict_parse(json_string_value(json_object_get(cert, "verdict")), verdict)) {
        json_decref(cert);
        return nc_error_set(err, NC_EXIT_INTERNAL, "%s: the certificate has no verdict", claim->id);
    }
    if (!quiet) progress_hold(), print_summary(stdout, cert, out_path), progress_release();
    json_decref(cert);
    return 0;
}

/* ---------------------------------------------------------------- option helpers */

int cli_looks_like_option(const char *v)
{
    if (v[0] != '-' || v[1] == '\0') return 0;
    const char *p = v + 1;
    return !(isdigit((unsigned char)*p) || (*p == '.' && isdigit((unsigned char)p[1])));
}

/* Optimal string alignment distance (edits: insert, delete, substitute, swap two neighbours). */
static int edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64) return 1000;
    int d[65][65];
    for (size_t i = 0; i <= la; i++) d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++) d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < c) c = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < c) c = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < c)
                c = d[i - 2][j - 2] + 1;
            d[i][j] = c;
        }
    return d[la][lb];
}

static const char *undash(const char *s)
{
    while (*s == '-') s++;
    return s;
}

const char *cli_suggest(char *buf, size_t len, const char *s, const char *const *cands, int n)
{
    const char *t = undash(s);
    int best = 1 + (int)strlen(t) / 4, found[3], nfound = 0;
    buf[0] = '\0';
    if (!*t) return buf;
    for (int c = 0; c < n; c++) {
        const char *cand = undash(cands[c]), *dot = strchr(cand, '.');
        int dist = edit_distance(t, cand);
        if (dot && !strcmp(t, dot + 1)) dist = 0;
        if (dist > best || !strcmp(t, cand)) continue;
        int dup = 0;
        for (int f = 0; f < nfound; f++) dup |= !strcmp(cands[found[f]], cands[c]);
        if (dup) continue;
        if (dist < best) nfound = 0, best = dist;
        if (nfound < 3) found[nfound++] = c;
    }
    size_t k = 0;
    for (int f = 0; f < nfound && k < len; f++)
        k += (size_t)snprintf(buf + k, len - k, "%s%s", f == 0 ? "" : f == nfound - 1 ? " or " : ", ", cands[found[f]]);
    return buf;
}

const char *cli_did_you_mean(char *buf, size_t len, const char *s, const char *const *cands, int n)
{
    char list[200];
    if (!cli_suggest(list, sizeof list, s, cands, n)[0])
        buf[0] = '\0';
    else
        snprintf(buf, len, " (did you mean %s?)", list);
    return buf;
}

const char *cli_did_you_mean_claim(char *buf, size_t len, const char *s)
{
    const char *ids[256];
    int n = 0;
    for (int t = 0; t < claim_catalogue_len && n < 256; t++) ids[n++] = claim_catalogue[t].id;
    return cli_did_you_mean(buf, len, s, ids, n);
}

const claim_info *cli_find_claim(const char *id, nc_error *err)
{
    const claim_info *claim = claim_find(id);
    char hint[256];
    if (claim == NULL) {
        nc_error_set(err, NC_EXIT_BAD_INPUT, "unknown claim \"%.80s\"%s; see nccert list", id,
                     cli_did_you_mean_claim(hint, sizeof hint, id));
        return NULL;
    }
    if (claim->certify == NULL || claim->cli == NULL) {
        nc_error_set(err, NC_EXIT_BAD_INPUT, "claim %s is catalogued but has no certifier yet", id);
        return NULL;
    }
    return claim;
}

int cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts, const struct option *opts, nc_error *err)
{
    char sopts[64], name[96], hint[256], names[64][48];
    const char *cands[64];
    int longindex = -1, n = 0;
    snprintf(sopts, sizeof sopts, ":%s", shortopts);
    int ch = getopt_long(argc, argv, sopts, opts, &longindex);
    if (ch == -1) return -1;
    const char *arg = argv[optind - 1];
    int is_long = strncmp(arg, "--", 2) == 0;
    if (ch == ':' || ch == '?') {
        if (is_long)
            snprintf(name, sizeof name, "%.*s", (int)(strcspn(arg, "=") < 80 ? strcspn(arg, "=") : 80), arg);
        else
            snprintf(name, sizeof name, "-%c", optopt);
        if (ch == ':') {
            nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: option %s needs a value; see nccert %s --help", cmd, name, cmd);
            return '?';
        }
        for (int t = 0; opts[t].name && n < 64; t++) {
            snprintf(names[n], sizeof names[n], "--%s", opts[t].name);
            cands[n] = names[n];
            n++;
        }
        nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: unknown option %s%s; see nccert %s --help", cmd, name,
                     cli_did_you_mean(hint, sizeof hint, name, cands, n), cmd);
        return '?';
    }
    if (optarg && optarg == argv[optind - 1] && cli_looks_like_option(optarg)) {
        /* the long name of the option, for the --name=VALUE form the message suggests */
        const char *lname = longindex >= 0 ? opts[longindex].name : NULL;
        for (int t = 0; !lname && opts[t].name; t++)
            if (opts[t].flag == NULL && opts[t].val == ch) lname = opts[t].name;
        if (longindex >= 0)
            snprintf(name, sizeof name, "--%s", opts[longindex].name);
        else
            snprintf(name, sizeof name, "-%c", ch);
        if (lname)
            nc_error_set(err, NC_EXIT_BAD_INPUT,
                         "%s: option %s needs a value, got the option \"%.60s\" (for a value "
                         "starting with \"-\" write --%s=%.60s)",
                         cmd, name, optarg, lname, optarg);
        else
            nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: option %s needs a value, got the option \"%.60s\"", cmd, name,
                         optarg);
        return '?';
    }
    return ch;
}

/* ---------------------------------------------------------------- data files */

static int has_audit_specs(const char *dir)
{
    char path[2 * PATH_MAX];
    struct stat st;
    snprintf(path, sizeof path, "%s/specs/audit", dir);
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cli_data_dir(void)
{
    static char dir[PATH_MAX + 32];
    static int done;
    if (done) return dir;
    done = 1;
    const char *env = getenv("NCCERT_DATA_DIR");
    if (env && *env) {
        snprintf(dir, sizeof dir, "%s", env);
        return dir;
    }
    strcpy(dir, ".");
    if (has_audit_specs(".")) return dir;
    char self[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
    if (len <= 0) return dir;
    self[len] = '\0';
    char *bindir = dirname(self); /* <prefix>/bin, or <repository>/build */
    char cand[PATH_MAX + 32];
    snprintf(cand, sizeof cand, "%s/../share/nccert", bindir);
    if (has_audit_specs(cand)) return strcpy(dir, cand);
    snprintf(cand, sizeof cand, "%s/..", bindir);
    if (has_audit_specs(cand)) return strcpy(dir, cand);
    return dir;
}

const char *cli_data_path(char *buf, size_t len, const char *rel)
{
    const char *dir = cli_data_dir();
    if (!strcmp(dir, "."))
        snprintf(buf, len, "%s", rel);
    else
        snprintf(buf, len, "%s/%s", dir, rel);
    return buf;
}
