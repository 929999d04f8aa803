/* check_manifest.c: `nccheck --manifest FILE [--certs DIR]`, the cheap path of specs/manifest.md.
 * The manifest reader here is the checker's own (nccert's is src/cli/cli_manifest.c): the same
 * rules, except that registry:NAME cannot be resolved (the checker has no registry). Each entry's
 * certificate is checked by ck_check_file, under a CPU-time limit like nccheck FILE. */
#include "check_alloc.h"
#include "check_manifest.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "check_cert.h"
#include "check_json.h"
#include "check_verdict.h"

#define MF_HEADER "claim\tname\texpected\tassertion\tinstance"
#define MF_COLUMNS 5
#define MF_NAME_MAX 100
#define MF_MAX_CLAIM_FILTERS 256
#define MF_DEFAULT_MAX_SECONDS 600L
#define MF_MAX_LINE 65536    /* bytes of one manifest line, newline excluded */
#define MF_MAX_ENTRIES 10000 /* entries of one manifest */
#define MF_HASH_SLOTS 32768  /* > 2 MF_MAX_ENTRIES, a power of 2: the duplicate check */

static const char *const KNOWN_CLAIMS[] = {
#define CK_CLAIM(paper, stem, id) id,
#include "check_claims.def"
#undef CK_CLAIM
};

static const char manifest_usage[] =
    "Usage: nccheck --manifest FILE [--certs DIR] [--claim ID]... [--instance NAME] [--json]\n"
    "               [--quiet] [--max-seconds S] [--max-memory BYTES]\n"
    "\n"
    "The cheap path of a downstream project's CI (specs/manifest.md): checks the committed\n"
    "certificates DIR/<claim>/<name>.json named by the manifest FILE (default DIR: certificates\n"
    "next to FILE), exactly as `nccheck CERT.json` does, and compares each one's verdict and\n"
    "assertion with the manifest. Certifies nothing. Prints a table (claim, instance, verdict,\n"
    "expected, seconds) and a summary, then one line per difference on stderr.\n"
    "\n"
    "  --certs DIR      the certificates' directory\n"
    "  --claim ID       only the entries of this claim; repeat for several (their union); a\n"
    "                   claim that no entry has is an error\n"
    "  --instance NAME  only the entries of this name\n"
    "  --json           a JSON array of {claim, instance, verdict, expected, assertion,\n"
    "                   expected_assertion, as_expected, line, certificate, seconds} instead of\n"
    "                   the table (seconds for information only)\n"
    "  --quiet          no table: only the summary and the differences\n"
    "  --max-seconds S  CPU-time limit per certificate (default 600; 0: none)\n"
    "  --max-memory BYTES  memory limit of the check (suffix K, M or G; default 4G; 0: none),\n"
    "                   as for nccheck FILE; a certificate over it is a difference\n"
    "\n"
    "Limits of the manifest: lines of at most 65536 bytes, at most 10000 entries (over them:\n"
    "a bad manifest).\n"
    "\n"
    "Exit status: 0 every entry as expected; 1 some entry differs (verdict, assertion, or a\n"
    "certificate missing, of another claim, or rejected by the checker); 2 a bad manifest (one\n"
    "line naming file:line) or a usage error.\n";

typedef struct {
    int line;
    char *claim, *name;
    ck_verdict expected;
    char *assertion; /* NULL: "-" (any) */
} mf_entry;

typedef struct {
    const char *path;
    char *dir;
    mf_entry *e;
    int n;
    int *slot; /* MF_HASH_SLOTS: 1 + the index of the entry of that (claim, name) hash, or 0 */
} mf_manifest;

static void mf_free(mf_manifest *m)
{
    for (int i = 0; i < m->n; i++) {
        ck_free(m->e[i].claim);
        ck_free(m->e[i].name);
        ck_free(m->e[i].assertion);
    }
    ck_free(m->e);
    ck_free(m->dir);
    ck_free(m->slot);
    memset(m, 0, sizeof *m);
}

static char *mf_strdup(const char *s)
{
    char *d = ck_strdup(s);
    if (!d) {
        fputs("nccheck: out of memory\n", stderr);
        exit(2);
    }
    return d;
}

static int claim_known(const char *id)
{
    for (size_t t = 0; t < sizeof KNOWN_CLAIMS / sizeof KNOWN_CLAIMS[0]; t++)
        if (!strcmp(KNOWN_CLAIMS[t], id)) return 1;
    return 0;
}

static int name_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > MF_NAME_MAX || s[0] == '.') return 0;
    return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}

/* The instance column: registry:NAME (not resolvable here: NAME must be non-empty), inline JSON
 * (an object) or an instance file relative to DIR (an object). 0, or 2 with e set. */
static int check_instance(const char *text, const char *dir, ck_err *e)
{
    if (!strncmp(text, "registry:", 9)) {
        if (text[9] == '\0') ck_fail(e, CK_MALFORMED, "registry: needs a registry instance name");
        return e->code;
    }
    ck_err je = {0, ""};
    json_t *j;
    if (text[0] == '{') {
        j = ck_json_loadb(text, strlen(text), &je);
        if (!j) ck_fail(e, CK_MALFORMED, "instance: %s", je.msg);
    } else {
        char path[4096];
        if (text[0] == '/' || !strcmp(dir, "."))
            snprintf(path, sizeof path, "%s", text);
        else
            snprintf(path, sizeof path, "%s/%s", dir, text);
        j = ck_json_load(path, &je);
        if (!j) ck_fail(e, CK_MALFORMED, "instance file %.300s: %s", path, je.msg);
    }
    json_decref(j);
    return e->code;
}

static int add_entry(mf_manifest *m, int lineno, char **col, ck_err *e)
{
    static const char *const names[MF_COLUMNS] = {"claim", "name", "expected", "assertion", "instance"};
    ck_verdict v;
    for (int c = 0; c < MF_COLUMNS; c++)
        if (col[c][0] == '\0') {
            ck_fail(e, CK_MALFORMED, "empty %s column", names[c]);
            return e->code;
        }
    if (!claim_known(col[0]))
        ck_fail(e, CK_MALFORMED, "unknown claim \"%.80s\" (see nccert list)", col[0]);
    else if (!name_ok(col[1]))
        ck_fail(e, CK_MALFORMED, "name \"%.80s\": use 1 to %d characters A-Z a-z 0-9 . _ - (not starting with .)",
                col[1], MF_NAME_MAX);
    unsigned h = 2166136261u; /* FNV-1a of "claim\tname", open addressing: linear in the entries */
    for (const char *p = col[0]; *p; p++) h = (h ^ (unsigned char)*p) * 16777619u;
    h = (h ^ (unsigned char)'\t') * 16777619u;
    for (const char *p = col[1]; *p; p++) h = (h ^ (unsigned char)*p) * 16777619u;
    unsigned at = h & (MF_HASH_SLOTS - 1);
    for (; !e->code && m->slot[at]; at = (at + 1) & (MF_HASH_SLOTS - 1)) {
        const mf_entry *o = &m->e[m->slot[at] - 1];
        if (!strcmp(o->claim, col[0]) && !strcmp(o->name, col[1]))
            ck_fail(e, CK_MALFORMED, "%s %s is already on line %d (one certificate per claim and name)", col[0], col[1],
                    o->line);
    }
    if (!e->code && m->n == MF_MAX_ENTRIES)
        ck_fail(e, CK_MALFORMED, "limits exceeded: more than %d entries in one manifest", MF_MAX_ENTRIES);
    if (!e->code && (ck_verdict_parse(col[2], &v) || v == CK_INCONCLUSIVE))
        ck_fail(e, CK_MALFORMED, "expected verdict \"%.40s\", must be PROVED or REFUTED", col[2]);
    if (e->code || check_instance(col[4], m->dir, e)) return e->code;
    mf_entry *grown = m->n & (m->n - 1) ? m->e : ck_realloc(m->e, (size_t)(m->n ? 2 * m->n : 1) * sizeof *grown);
    if (!grown) {
        ck_fail(e, CK_MALFORMED, "out of memory");
        return e->code;
    }
    m->e = grown;
    m->slot[at] = m->n + 1;
    mf_entry *x = &m->e[m->n++];
    x->line = lineno;
    x->claim = mf_strdup(col[0]);
    x->name = mf_strdup(col[1]);
    x->expected = v;
    x->assertion = strcmp(col[3], "-") ? mf_strdup(col[3]) : NULL;
    return 0;
}

/* One line of F into LINE (MF_MAX_LINE + 2 bytes), without its newline and NUL-terminated; its
 * length, MF_MAX_LINE + 1 when it is longer (the rest of it is not read), -1 at the end. */
static ssize_t read_line(FILE *f, char *line)
{
    ssize_t n = 0;
    int c;
    while ((c = getc(f)) != EOF && c != '\n') {
        if (n > MF_MAX_LINE) break;
        line[n++] = (char)c;
    }
    line[n] = '\0';
    return c == EOF && n == 0 ? -1 : n;
}

/* Reads PATH into M; 0, or 2 with "PATH:LINE: what" printed on stderr. */
static int mf_load(const char *path, mf_manifest *m)
{
    ck_err e = {0, ""};
    memset(m, 0, sizeof *m);
    m->path = path;
    const char *slash = strrchr(path, '/');
    if (!slash)
        m->dir = mf_strdup(".");
    else if (slash == path)
        m->dir = mf_strdup("/");
    else {
        m->dir = mf_strdup(path);
        m->dir[slash - path] = '\0';
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "nccheck: cannot read manifest %s: %s\n", path, strerror(errno));
        mf_free(m);
        return 2;
    }
    char *line = ck_malloc(MF_MAX_LINE + 2), *col[MF_COLUMNS + 1];
    m->slot = ck_calloc(MF_HASH_SLOTS, sizeof *m->slot);
    ssize_t got;
    int lineno = 0, header = 0;
    while (!e.code && (got = read_line(f, line)) != -1) {
        lineno++;
        if (got > MF_MAX_LINE)
            ck_fail(&e, CK_MALFORMED, "limits exceeded: line longer than %d bytes", MF_MAX_LINE);
        else if ((size_t)got != strlen(line))
            ck_fail(&e, CK_MALFORMED, "NUL byte in the line");
        else if (got > 0 && line[got - 1] == '\r')
            ck_fail(&e, CK_MALFORMED, "CR at the end of the line (save the manifest with LF line ends)");
        else if (got == 0 || line[0] == '#')
            continue;
        else if (!header) {
            if (strcmp(line, MF_HEADER))
                ck_fail(&e, CK_MALFORMED,
                        "the header must be claim<TAB>name<TAB>expected<TAB>assertion<TAB>instance, got \"%.80s\"",
                        line);
            header = 1;
        } else {
            int n = 0;
            col[n++] = line;
            for (char *p = line; *p; p++)
                if (*p == '\t') {
                    *p = '\0';
                    if (n == MF_COLUMNS + 1) break;
                    col[n++] = p + 1;
                }
            if (n != MF_COLUMNS)
                ck_fail(
                    &e, CK_MALFORMED,
                    "%s%d column(s), expected 5 separated by single tabs: claim, name, expected, assertion, instance",
                    n > MF_COLUMNS ? "more than " : "", n > MF_COLUMNS ? MF_COLUMNS : n);
            else
                add_entry(m, lineno, col, &e);
        }
    }
    if (!e.code && ferror(f)) ck_fail(&e, CK_MALFORMED, "read error: %s", strerror(errno)), lineno = 0;
    ck_free(line);
    fclose(f);
    if (!e.code && !header)
        ck_fail(&e, CK_MALFORMED, "no header line (specs/manifest.md)"), lineno = 0;
    else if (!e.code && m->n == 0)
        ck_fail(&e, CK_MALFORMED, "no entries (specs/manifest.md)"), lineno = 0;
    if (!e.code) return 0;
    if (lineno)
        fprintf(stderr, "nccheck: %s:%d: %s\n", path, lineno, e.msg);
    else
        fprintf(stderr, "nccheck: %s: %s\n", path, e.msg);
    mf_free(m);
    return 2;
}

/* ------------------------------------------------------------------ checking the entries */

/* What the CPU-time handler prints: the entry's difference line, prepared before the check. */
static char g_limit_line[2048];
static size_t g_limit_len;

static void on_time_limit(int sig)
{
    (void)sig;
    const char *s = g_limit_line;
    size_t n = g_limit_len;
    while (n > 0) {
        ssize_t w = write(STDERR_FILENO, s, n);
        if (w <= 0) break;
        s += w, n -= (size_t)w;
    }
    _exit(1);
}

/* An allocation over --max-memory during a check: the entry's difference line (the part
 * before the reason prepared in g_mem_prefix), then exit 1 as for the CPU-time limit. */
static char g_mem_prefix[1500];

static void on_memory_limit(const char *why)
{
    char line[2200];
    int n = snprintf(line, sizeof line, "%s%s; later entries not checked)\n", g_mem_prefix, why);
    if (n > 0 && write(STDERR_FILENO, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1) < 0) _exit(1);
    _exit(1);
}

static void set_time_limit(long seconds)
{
    struct itimerval t;
    memset(&t, 0, sizeof t);
    t.it_value.tv_sec = seconds;
    setitimer(ITIMER_PROF, &t, NULL);
}

typedef struct {
    const mf_entry *e;
    char path[4096];
    const char *verdict;  /* PROVED / REFUTED / INCONCLUSIVE / REJECTED / MISSING */
    char assertion[1024]; /* the accepted certificate's; "" otherwise */
    int accepted, as_expected;
    char why[700]; /* the difference, when not as expected */
    double secs;
} mf_row;

/* "expected V "A"" into BUF. */
static void expected_text(const mf_entry *e, char *buf, size_t len)
{
    if (e->assertion)
        snprintf(buf, len, "expected %s \"%.300s\"", ck_verdict_name(e->expected), e->assertion);
    else
        snprintf(buf, len, "expected %s", ck_verdict_name(e->expected));
}

static void check_entry(const mf_manifest *m, const mf_entry *e, const char *certs, long max_seconds, mf_row *row)
{
    struct timespec t0, t1;
    struct stat st;
    ck_result r;
    char exp[400];
    memset(row, 0, sizeof *row);
    row->e = e;
    snprintf(row->path, sizeof row->path, "%s/%s/%s.json", certs, e->claim, e->name);
    expected_text(e, exp, sizeof exp);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (stat(row->path, &st) != 0 && errno == ENOENT) {
        row->verdict = "MISSING";
        snprintf(row->why, sizeof row->why, "got MISSING (no certificate %.400s)", row->path);
    } else {
        int n = snprintf(g_limit_line, sizeof g_limit_line,
                         "nccheck: %s:%d: %s %s: %s, got REJECTED (%s: limits exceeded: the check used more than %ld s "
                         "of CPU time (--max-seconds); later entries not checked)\n",
                         m->path, e->line, e->claim, e->name, exp, row->path, max_seconds);
        g_limit_len = n < 0 ? 0 : (size_t)n < sizeof g_limit_line ? (size_t)n : sizeof g_limit_line - 1;
        snprintf(g_mem_prefix, sizeof g_mem_prefix, "nccheck: %s:%d: %s %s: %s, got REJECTED (%s: ", m->path, e->line,
                 e->claim, e->name, exp, row->path);
        fflush(stdout);
        set_time_limit(max_seconds);
        int code = ck_check_file(row->path, &r);
        set_time_limit(0);
        if (code) {
            row->verdict = "REJECTED";
            snprintf(row->why, sizeof row->why, "got REJECTED (%.300s: %.300s)", row->path, r.err.msg);
        } else {
            row->accepted = 1;
            row->verdict = ck_verdict_name(r.verdict);
            snprintf(row->assertion, sizeof row->assertion, "%s", r.assertion);
            if (strcmp(r.claim, e->claim))
                snprintf(row->why, sizeof row->why, "got a certificate of claim %.100s (%.400s)", r.claim, row->path);
            else if (r.verdict != e->expected || (e->assertion && strcmp(r.assertion, e->assertion)))
                snprintf(row->why, sizeof row->why, "got %s \"%.600s\"", row->verdict, r.assertion);
            else
                row->as_expected = 1;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    row->secs = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
}

static json_t *row_json(const mf_row *r)
{
    json_t *o =
        json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:b, s:i, s:s, s:f}", "claim", r->e->claim, "instance", r->e->name,
                  "verdict", r->verdict, "expected", ck_verdict_name(r->e->expected), "assertion",
                  r->accepted ? json_string(r->assertion) : json_null(), "expected_assertion",
                  r->e->assertion ? json_string(r->e->assertion) : json_null(), "as_expected", r->as_expected, "line",
                  r->e->line, "certificate", r->path, "seconds", (double)(long long)(r->secs * 1000.0 + 0.5) / 1000.0);
    if (!r->as_expected) json_object_set_new(o, "error", json_string(r->why));
    return o;
}

int ck_manifest_requested(int argc, char **argv)
{
    for (int a = 1; a < argc && strcmp(argv[a], "--"); a++)
        if (!strcmp(argv[a], "--manifest") || !strncmp(argv[a], "--manifest=", 11)) return 1;
    return 0;
}

int ck_manifest_main(int argc, char **argv)
{
    static const struct option opts[] = {{"manifest", required_argument, NULL, 'm'},
                                         {"certs", required_argument, NULL, 'd'},
                                         {"claim", required_argument, NULL, 'c'},
                                         {"instance", required_argument, NULL, 'i'},
                                         {"json", no_argument, NULL, 'j'},
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"max-seconds", required_argument, NULL, 't'},
                                         {"max-memory", required_argument, NULL, 'M'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *path = NULL, *certs_opt = NULL, *only_name = NULL, *claims[MF_MAX_CLAIM_FILTERS];
    int nclaims = 0, json = 0, quiet = 0, ch;
    long max_seconds = MF_DEFAULT_MAX_SECONDS;
    unsigned long long max_memory = CK_DEFAULT_MAX_MEMORY;
    char *end;
    for (int a = 1; a < argc && strcmp(argv[a], "--"); a++) /* also `nccheck --manifest --help` */
        if (!strcmp(argv[a], "--help") || !strcmp(argv[a], "-h")) {
            fputs(manifest_usage, stdout);
            return 0;
        }
    opterr = 0;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (ch) {
        case 'm': path = optarg; break;
        case 'd': certs_opt = optarg; break;
        case 'c':
            if (nclaims == MF_MAX_CLAIM_FILTERS) {
                fprintf(stderr, "nccheck: more than %d --claim options\n", MF_MAX_CLAIM_FILTERS);
                return 2;
            }
            claims[nclaims++] = optarg;
            break;
        case 'i': only_name = optarg; break;
        case 'j': json = 1; break;
        case 'q': quiet = 1; break;
        case 't':
            errno = 0;
            max_seconds = strtol(optarg, &end, 10);
            if (optarg[0] < '0' || optarg[0] > '9' || *end != '\0' || errno || max_seconds > 1000000) {
                fprintf(stderr, "nccheck: --max-seconds expects an integer in [0, 1000000], got \"%.40s\"\n", optarg);
                return 2;
            }
            break;
        case 'M':
            if (ck_parse_size_arg(optarg, &max_memory)) return 2;
            break;
        case 'h': fputs(manifest_usage, stdout); return 0;
        default:
            fprintf(stderr, "nccheck: --manifest: unknown or incomplete option \"%s\"\n", argv[optind - 1]);
            fputs(manifest_usage, stderr);
            return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "nccheck: --manifest checks the certificates the manifest names; unexpected argument \"%s\"\n",
                argv[optind]);
        return 2;
    }
    if (!path || !path[0] || (certs_opt && !certs_opt[0])) {
        fprintf(stderr, "nccheck: %s needs a file name\n", !path || !path[0] ? "--manifest" : "--certs");
        return 2;
    }
    for (int c = 0; c < nclaims; c++)
        if (!claim_known(claims[c])) {
            fprintf(stderr, "nccheck: unknown claim \"%.80s\" (see nccert list)\n", claims[c]);
            return 2;
        }
    ck_alloc_init((size_t)max_memory);
    mf_manifest m;
    if (mf_load(path, &m)) return 2;
    /* the selection: every --claim must match an entry; --instance must match a selected one */
    int *sel = ck_calloc((size_t)m.n, sizeof *sel), nsel = 0, status = 0;
    mf_row *rows = ck_calloc((size_t)m.n, sizeof *rows);
    /* the default: certificates next to the manifest */
    size_t certs_len = strlen(m.dir) + sizeof "/certificates";
    char *certs = certs_opt ? mf_strdup(certs_opt) : ck_malloc(certs_len);
    if (!sel || !rows || !certs) {
        fputs("nccheck: out of memory\n", stderr);
        exit(2);
    }
    if (!certs_opt)
        snprintf(certs, certs_len, "%s%s", strcmp(m.dir, ".") ? m.dir : "",
                 strcmp(m.dir, ".") ? "/certificates" : "certificates");
    for (int c = 0; c < nclaims && !status; c++) {
        int found = 0;
        for (int i = 0; i < m.n && !found; i++) found = !strcmp(m.e[i].claim, claims[c]);
        if (!found) {
            fprintf(stderr, "nccheck: --claim %.80s: no entry of %s has this claim\n", claims[c], path);
            status = 2;
        }
    }
    for (int i = 0; i < m.n && !status; i++) {
        int keep = nclaims == 0;
        for (int c = 0; c < nclaims && !keep; c++) keep = !strcmp(m.e[i].claim, claims[c]);
        if (keep && (!only_name || !strcmp(only_name, m.e[i].name))) sel[nsel++] = i;
    }
    if (!status && only_name && nsel == 0) {
        fprintf(stderr, "nccheck: --instance %.80s: no selected entry of %s has this name\n", only_name, path);
        status = 2;
    }
    if (!status) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_time_limit;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGPROF, &sa, NULL);
        ck_alloc_set_handler(on_memory_limit);
        json_t *arr = json ? json_array() : NULL;
        int failures = 0;
        if (!json && !quiet)
            printf("%-16s %-30s %-12s %-9s %8s\n", "CLAIM", "INSTANCE", "VERDICT", "EXPECTED", "SECONDS");
        for (int k = 0; k < nsel; k++) {
            mf_row *r = &rows[k];
            check_entry(&m, &m.e[sel[k]], certs, max_seconds, r);
            failures += !r->as_expected;
            if (json)
                json_array_append_new(arr, row_json(r));
            else if (!quiet) {
                printf("%-16s %-30s %-12s %-9s %8.3f%s\n", r->e->claim, r->e->name, r->verdict,
                       ck_verdict_name(r->e->expected), r->secs, r->as_expected ? "" : "  <-- UNEXPECTED");
                fflush(stdout);
            }
        }
        ck_alloc_set_handler(NULL);
        if (json) {
            json_dumpf(arr, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(6));
            putchar('\n');
            json_decref(arr);
        } else
            printf("%d instance(s), %d as expected, %d not\n", nsel, nsel - failures, failures);
        fflush(stdout);
        for (int k = 0; k < nsel; k++)
            if (!rows[k].as_expected) {
                char exp[400];
                expected_text(rows[k].e, exp, sizeof exp);
                fprintf(stderr, "nccheck: %s:%d: %s %s: %s, %s\n", path, rows[k].e->line, rows[k].e->claim,
                        rows[k].e->name, exp, rows[k].why);
            }
        status = failures ? 1 : 0;
    }
    ck_free(certs);
    ck_free(rows);
    ck_free(sel);
    mf_free(&m);
    return status;
}
