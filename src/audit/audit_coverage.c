/* audit_coverage.c: reads specs/audit/coverage.tsv, one line per displayed item of the seeds
 * (tests/seed_items.py counts them; specs/audit/README.md, Coverage) with the audit formulas that
 * cover it, and counts per paper the items and the mapped ones for the summary. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "audit/audit.h"

enum { COV_NCOL = 7, COV_PAPER = 0, COV_ROWS = 6 };

static int paper_index(const char *key)
{
    for (int p = 0; p < claim_papers_len && p < AUDIT_PAPERS_MAX; p++)
        if (!strcmp(key, claim_papers[p])) return p;
    return -1;
}

static int formula_known(const char *id, const audit_line *lines, int n)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(lines[i].formula, id)) return 1;
    return 0;
}

/* Checks every id of the comma-separated list ROWS ("missing" has none). */
static int check_ids(char *rows, const audit_line *lines, int n, const char *path, int ln, nc_error *err)
{
    if (!strcmp(rows, "missing")) return 0;
    for (char *save = NULL, *id = strtok_r(rows, ",", &save); id; id = strtok_r(NULL, ",", &save))
        if (!formula_known(id, lines, n))
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: coverage names \"%s\", no audit formula", path, ln, id);
    return 0;
}

/* One data line: counted (and its ids checked when every paper is loaded). */
static int cover_line(char *s, const char *paper, const audit_line *lines, int n, audit_coverage *cov, const char *path,
                      int ln, nc_error *err)
{
    char *cell[COV_NCOL];
    int k = 0;
    for (char *p = s; k < COV_NCOL; k++) {
        cell[k] = p;
        char *t = strchr(p, '\t');
        if (!t) break;
        *t = '\0';
        p = t + 1;
    }
    if (k != COV_NCOL - 1 || strchr(cell[COV_ROWS], '\t'))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: %d columns expected", path, ln, COV_NCOL);
    int p = paper_index(cell[COV_PAPER]);
    if (p < 0) return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: unknown paper \"%.40s\"", path, ln, cell[0]);
    if (paper && strcmp(paper, cell[COV_PAPER])) return 0;
    cov->items[p]++;
    cov->mapped[p] += strcmp(cell[COV_ROWS], "missing") != 0;
    return check_ids(cell[COV_ROWS], lines, n, path, ln, err);
}

int audit_coverage_load(const char *specs_dir, const char *paper, const audit_line *lines, int n, audit_coverage *cov,
                        nc_error *err)
{
    char path[4096], buf[4096];
    memset(cov, 0, sizeof *cov);
    snprintf(path, sizeof path, "%s/coverage.tsv", specs_dir);
    FILE *f = fopen(path, "r");
    if (!f) return errno == ENOENT ? 0 : nc_error_set(err, NC_EXIT_BAD_INPUT, "cannot read %s", path);
    int ln = 0, header = 1, rc = 0;
    while (!rc && fgets(buf, sizeof buf, f)) {
        ln++;
        size_t len = strlen(buf);
        if (len && buf[len - 1] == '\n') buf[--len] = '\0';
        if (!len || buf[0] == '#') continue;
        if (header) {
            header = 0;
            continue;
        }
        rc = cover_line(buf, paper, lines, n, cov, path, ln, err);
    }
    fclose(f);
    cov->loaded = !rc;
    return rc;
}
