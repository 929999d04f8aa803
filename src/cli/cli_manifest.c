/* cli_manifest.c: reading a manifest (specs/manifest.md) for `nccert verify --manifest`. The
 * whole file is checked and every instance resolved (registry:NAME, inline JSON, or a file
 * relative to the manifest) before the caller certifies anything. */
#include "cli/cli_manifest.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "claims/claim.h"
#include "claims/registry.h"
#include "instance/instance.h"

#define MANIFEST_HEADER "claim\tname\texpected\tassertion\tinstance"
#define MANIFEST_COLUMNS 5
#define MANIFEST_NAME_MAX 100

static char *dup_or_die(const char *s)
{
    char *d = strdup(s);
    if (!d) {
        fputs("nccert: out of memory\n", stderr);
        exit(NC_EXIT_INTERNAL);
    }
    return d;
}

void cli_manifest_free(manifest *m)
{
    for (int i = 0; i < m->count; i++) {
        free(m->entries[i].claim);
        free(m->entries[i].name);
        free(m->entries[i].assertion);
        json_decref(m->entries[i].instance);
    }
    free(m->entries);
    free(m->path);
    free(m->dir);
    memset(m, 0, sizeof *m);
}

char *cli_manifest_default_out(const manifest *m)
{
    if (!strcmp(m->dir, ".")) return dup_or_die("certificates");
    size_t len = strlen(m->dir) + sizeof "/certificates";
    char *s = malloc(len);
    if (!s) return dup_or_die("certificates");
    snprintf(s, len, "%s/certificates", m->dir);
    return s;
}

/* 1-100 characters A-Z a-z 0-9 . _ -, not starting with '.' (no "..", no hidden files). */
static int name_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > MANIFEST_NAME_MAX || s[0] == '.') return 0;
    return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}

/* The instance column resolved to JSON, or NULL with err set (the caller adds file:line). */
static json_t *resolve_instance(const char *claim, const char *text, const char *dir, nc_error *err)
{
    json_error_t jerr;
    if (strncmp(text, "registry:", 9) == 0) {
        const registry_entry *r = registry_find(claim, text + 9);
        if (!r) {
            nc_error_set(err, NC_EXIT_BAD_INPUT,
                         "no registry instance \"%.80s\" for claim %s (see specs/registry/%s.tsv)", text + 9, claim,
                         claim);
            return NULL;
        }
        json_t *j = json_loads(r->instance, JSON_REJECT_DUPLICATES, &jerr);
        if (!j) nc_error_set(err, NC_EXIT_INTERNAL, "registry instance %s: %s", r->name, jerr.text);
        return j;
    }
    if (text[0] == '{') {
        json_t *j = json_loads(text, JSON_REJECT_DUPLICATES, &jerr);
        if (!j) {
            nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: invalid JSON at column %d: %s", jerr.column, jerr.text);
            return NULL;
        }
        if (!json_is_object(j)) {
            json_decref(j);
            nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: not a JSON object");
            return NULL;
        }
        return j;
    }
    char path[4096];
    if (text[0] == '/' || !strcmp(dir, "."))
        snprintf(path, sizeof path, "%s", text);
    else
        snprintf(path, sizeof path, "%s/%s", dir, text);
    json_t *j = instance_json_load_file(path, err);
    if (j && !json_is_object(j)) {
        json_decref(j);
        nc_error_set(err, NC_EXIT_BAD_INPUT, "instance file %s: not a JSON object", path);
        return NULL;
    }
    return j;
}

/* Splits LINE at tabs into at most MANIFEST_COLUMNS + 1 pieces (in place); returns the count. */
static int split_tabs(char *line, char **col)
{
    int n = 0;
    col[n++] = line;
    for (char *p = line; *p; p++)
        if (*p == '\t') {
            *p = '\0';
            if (n == MANIFEST_COLUMNS + 1) break;
            col[n++] = p + 1;
        }
    return n;
}

/* Checks one entry line (columns COL) and appends it to M; 0 or 2 with err set. */
static int add_entry(manifest *m, int lineno, char **col, nc_error *err)
{
    static const char *const names[MANIFEST_COLUMNS] = {"claim", "name", "expected", "assertion", "instance"};
    nc_verdict expected;
    for (int c = 0; c < MANIFEST_COLUMNS; c++)
        if (col[c][0] == '\0') return nc_error_set(err, NC_EXIT_BAD_INPUT, "empty %s column", names[c]);
    const claim_info *ci = claim_find(col[0]);
    if (!ci) return nc_error_set(err, NC_EXIT_BAD_INPUT, "unknown claim \"%.80s\" (see nccert list)", col[0]);
    if (!ci->certify) return nc_error_set(err, NC_EXIT_BAD_INPUT, "claim %s has no certifier yet", col[0]);
    if (!name_ok(col[1]))
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "name \"%.80s\": use 1 to %d characters A-Z a-z 0-9 . _ - (not starting with .)", col[1],
                            MANIFEST_NAME_MAX);
    for (int i = 0; i < m->count; i++)
        if (!strcmp(m->entries[i].claim, col[0]) && !strcmp(m->entries[i].name, col[1]))
            return nc_error_set(err, NC_EXIT_BAD_INPUT,
                                "%s %s is already on line %d (one certificate per claim and name)", col[0], col[1],
                                m->entries[i].line);
    if (nc_verdict_parse(col[2], &expected) || expected == NC_INCONCLUSIVE)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "expected verdict \"%.40s\", must be PROVED or REFUTED", col[2]);
    json_t *inst = resolve_instance(col[0], col[4], m->dir, err);
    if (!inst) return err->status;
    manifest_entry *grown = realloc(m->entries, (size_t)(m->count + 1) * sizeof *grown);
    if (!grown) {
        json_decref(inst);
        return nc_error_set(err, NC_EXIT_INTERNAL, "out of memory");
    }
    m->entries = grown;
    manifest_entry *e = &m->entries[m->count++];
    e->line = lineno;
    e->claim = dup_or_die(col[0]);
    e->name = dup_or_die(col[1]);
    e->expected = expected;
    e->assertion = strcmp(col[3], "-") ? dup_or_die(col[3]) : NULL;
    e->instance = inst;
    return 0;
}

/* Prefixes err->msg with "PATH:LINE: " (LINE 0: "PATH: "). */
static int locate(nc_error *err, const char *path, int lineno)
{
    char tmp[NC_ERROR_MSG_LEN];
    if (lineno > 0)
        snprintf(tmp, sizeof tmp, "%.200s:%d: %.290s", path, lineno, err->msg);
    else
        snprintf(tmp, sizeof tmp, "%.200s: %.300s", path, err->msg);
    memcpy(err->msg, tmp, sizeof tmp);
    return err->status;
}

int cli_manifest_load(const char *path, manifest *m, nc_error *err)
{
    memset(m, 0, sizeof *m);
    FILE *f = fopen(path, "r");
    if (!f) {
        nc_error_set(err, NC_EXIT_BAD_INPUT, "cannot read manifest %.300s: %s", path, strerror(errno));
        return err->status;
    }
    m->path = dup_or_die(path);
    const char *slash = strrchr(path, '/');
    if (!slash)
        m->dir = dup_or_die(".");
    else if (slash == path)
        m->dir = dup_or_die("/");
    else {
        m->dir = dup_or_die(path);
        m->dir[slash - path] = '\0';
    }
    char *line = NULL, *col[MANIFEST_COLUMNS + 1];
    size_t cap = 0;
    ssize_t got;
    int lineno = 0, header = 0, rc = 0;
    while (!rc && (got = getline(&line, &cap, f)) != -1) {
        lineno++;
        if (got > 0 && line[got - 1] == '\n') line[--got] = '\0';
        if ((size_t)got != strlen(line))
            rc = nc_error_set(err, NC_EXIT_BAD_INPUT, "NUL byte in the line");
        else if (got > 0 && line[got - 1] == '\r')
            rc =
                nc_error_set(err, NC_EXIT_BAD_INPUT, "CR at the end of the line (save the manifest with LF line ends)");
        else if (got == 0 || line[0] == '#')
            continue;
        else if (!header) {
            if (strcmp(line, MANIFEST_HEADER))
                rc = nc_error_set(
                    err, NC_EXIT_BAD_INPUT,
                    "the header must be claim<TAB>name<TAB>expected<TAB>assertion<TAB>instance, got \"%.80s\"", line);
            header = 1;
        } else {
            int n = split_tabs(line, col);
            if (n != MANIFEST_COLUMNS)
                rc = nc_error_set(
                    err, NC_EXIT_BAD_INPUT,
                    "%s%d column(s), expected 5 separated by single tabs: claim, name, expected, assertion, instance",
                    n > MANIFEST_COLUMNS ? "more than " : "", n > MANIFEST_COLUMNS ? MANIFEST_COLUMNS : n);
            else
                rc = add_entry(m, lineno, col, err);
        }
    }
    if (!rc && ferror(f)) rc = nc_error_set(err, NC_EXIT_BAD_INPUT, "read error: %s", strerror(errno)), lineno = 0;
    free(line);
    fclose(f);
    if (!rc && !header)
        rc = nc_error_set(err, NC_EXIT_BAD_INPUT, "no header line (specs/manifest.md)"), lineno = 0;
    else if (!rc && m->count == 0)
        rc = nc_error_set(err, NC_EXIT_BAD_INPUT, "no entries (specs/manifest.md)"), lineno = 0;
    if (rc) {
        char *keep = dup_or_die(path);
        cli_manifest_free(m);
        locate(err, keep, lineno);
        free(keep);
    }
    return rc;
}
