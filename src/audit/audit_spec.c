/* audit_spec.c: reads the audit rows, specs/audit/<paper>.tsv (format: specs/audit/README.md).
 * A header line names the 17 columns; '#' lines are comments; empty cells inherit from the
 * previous line of the same formula (so a formula's text is written once). */
#include <stdlib.h>
#include <string.h>
#include "audit/audit.h"

static const char *const audit_columns[] = {"formula",    "seed",      "label",     "ocr",    "printed",  "derived",
                                            "hypothesis", "role",      "claim",     "name",   "instance", "mode",
                                            "map",        "printed_q", "derived_q", "diff_q", "note"};
enum { AUDIT_NCOL = 17 };

/* Field pointers of a line, in column order, with their capacities. */
static void line_fields(audit_line *l, char *f[AUDIT_NCOL], size_t cap[AUDIT_NCOL])
{
#define FLD(i, m) (f[i] = l->m, cap[i] = sizeof l->m)
    FLD(0, formula);
    FLD(1, seed);
    FLD(2, label);
    FLD(3, ocr);
    FLD(4, printed);
    FLD(5, derived);
    FLD(6, hypothesis);
    FLD(7, role);
    FLD(8, claim);
    FLD(9, name);
    FLD(10, instance);
    FLD(11, mode);
    FLD(12, map);
    FLD(13, printed_q);
    FLD(14, derived_q);
    FLD(15, diff_q);
    FLD(16, note);
#undef FLD
}

/* Splits s (modified) at tabs into at most AUDIT_NCOL cells; returns the count. */
static int split_tabs(char *s, char *cell[AUDIT_NCOL + 1])
{
    int n = 0;
    char *p = s;
    for (;;) {
        if (n > AUDIT_NCOL) return n;
        cell[n++] = p;
        char *t = strchr(p, '\t');
        if (!t) break;
        *t = '\0';
        p = t + 1;
    }
    return n;
}

static int check_line(const audit_line *l, const char *file, int ln, nc_error *err)
{
    if (strcmp(l->ocr, "clean") && strcmp(l->ocr, "garbled") && strcmp(l->ocr, "unreadable"))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: ocr must be clean, garbled or unreadable", file, ln);
    if (strcmp(l->role, "test") && strcmp(l->role, "hyp-holds") && strcmp(l->role, "hyp-fails") &&
        strcmp(l->role, "argued"))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: role must be test, hyp-holds, hyp-fails or argued", file,
                            ln);
    if (!strcmp(l->role, "argued") && (strcmp(l->mode, "analytic") || strcmp(l->hypothesis, "-")))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: an argued line has mode analytic and hypothesis -", file,
                            ln);
    if (strcmp(l->mode, "cert") && strcmp(l->mode, "diff") && strcmp(l->mode, "analytic") &&
        strcmp(l->mode, "notation"))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: mode must be cert, diff, analytic or notation", file, ln);
    int unbacked = !strcmp(l->mode, "analytic") || !strcmp(l->mode, "notation");
    if (unbacked != !strcmp(l->claim, "-"))
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "%s:%d: modes analytic and notation go with claim - (and claim - with them)", file, ln);
    if (!strcmp(l->mode, "notation") && (strcmp(l->role, "test") || strcmp(l->hypothesis, "-")))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: a notation line has role test and hypothesis -", file, ln);
    if (strcmp(l->claim, "-") && !claim_find(l->claim))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: unknown claim \"%s\"", file, ln, l->claim);
    if (strcmp(l->claim, "-") && (!l->name[0] || !strcmp(l->name, "-") || strchr(l->name, '/')))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: a backed line needs an instance name without '/'", file,
                            ln);
    if (!strcmp(l->mode, "diff") && !strcmp(l->diff_q, "-") &&
        (!strcmp(l->printed_q, "-") || !strcmp(l->derived_q, "-")))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: mode diff needs diff_q or both printed_q and derived_q",
                            file, ln);
    return 0;
}

/* Reads the map column ("PROVED=AGREES REFUTED=DISAGREES" style; "-" is that default) into
 * l->map_to: the first pair naming a verdict with AGREES or DISAGREES decides it, other pairs
 * and words are ignored; a verdict no pair decides maps to UNEXPECTED, INCONCLUSIVE always to
 * INCONCLUSIVE. */
static void parse_map(audit_line *l)
{
    char buf[128];
    int set[NC_VERDICT_COUNT] = {0};
    snprintf(buf, sizeof buf, "%s", strcmp(l->map, "-") ? l->map : "PROVED=AGREES REFUTED=DISAGREES");
    for (int v = 0; v < NC_VERDICT_COUNT; v++) l->map_to[v] = AUDIT_R_UNEXPECTED;
    l->map_to[NC_INCONCLUSIVE] = AUDIT_R_INCONCLUSIVE;
    set[NC_INCONCLUSIVE] = 1;
    for (char *save = NULL, *tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
        char *eq = strchr(tok, '=');
        nc_verdict v;
        audit_result r;
        if (!eq) continue;
        *eq = '\0';
        if (nc_verdict_parse(tok, &v) || set[v] || audit_result_parse(eq + 1, &r)) continue;
        if (r != AUDIT_R_AGREES && r != AUDIT_R_DISAGREES) continue;
        l->map_to[v] = r;
        set[v] = 1;
    }
}

static int load_file(const char *path, const char *fname, audit_line **lines, int *n, int *cap, nc_error *err)
{
    FILE *f = fopen(path, "r");
    if (!f) return 0; /* a paper without rows yet */
    char buf[16384];
    int ln = 0, header = 0;
    audit_line prev;
    memset(&prev, 0, sizeof prev);
    while (fgets(buf, sizeof buf, f)) {
        ln++;
        size_t len = strlen(buf);
        if (len == sizeof buf - 1 && buf[len - 1] != '\n') {
            fclose(f);
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: line too long", fname, ln);
        }
        while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r')) buf[--len] = '\0';
        if (len == 0 || buf[0] == '#') continue;
        char *cell[AUDIT_NCOL + 1];
        int nc = split_tabs(buf, cell);
        if (nc != AUDIT_NCOL) {
            fclose(f);
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: %d columns, expected %d", fname, ln, nc, AUDIT_NCOL);
        }
        if (!header) {
            for (int c = 0; c < AUDIT_NCOL; c++)
                if (strcmp(cell[c], audit_columns[c])) {
                    fclose(f);
                    return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: header column %d must be \"%s\"", fname, ln,
                                        c + 1, audit_columns[c]);
                }
            header = 1;
            continue;
        }
        if (*n == *cap) {
            *cap = *cap ? 2 * *cap : 64;
            *lines = realloc(*lines, (size_t)*cap * sizeof **lines);
        }
        audit_line *l = &(*lines)[(*n)++];
        memset(l, 0, sizeof *l);
        char *fld[AUDIT_NCOL], *pf[AUDIT_NCOL];
        size_t cap_f[AUDIT_NCOL], cap_p[AUDIT_NCOL];
        line_fields(l, fld, cap_f);
        line_fields(&prev, pf, cap_p);
        if (!cell[0][0]) {
            fclose(f);
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: empty formula id", fname, ln);
        }
        int same = strcmp(cell[0], prev.formula) == 0;
        for (int c = 0; c < AUDIT_NCOL; c++) {
            /* name and instance are per line; role defaults to test; the rest inherit */
            const char *v = cell[c];
            if (!v[0] && same && c != 9 && c != 10 && c != 7) v = pf[c];
            if (!v[0]) v = c == 7 ? "test" : c == 11 ? "cert" : (c == 9 || c == 10) ? "" : "-";
            if (strlen(v) >= cap_f[c]) {
                fclose(f);
                return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: column %s too long", fname, ln, audit_columns[c]);
            }
            strcpy(fld[c], v);
        }
        l->lineno = ln;
        snprintf(l->file, sizeof l->file, "%s", fname);
        if (check_line(l, fname, ln, err)) {
            fclose(f);
            return err->status;
        }
        parse_map(l);
        prev = *l;
    }
    fclose(f);
    if (!header) return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: no header line", fname);
    return 0;
}

static int audit_load_all(const char *specs_dir, const char *paper, audit_line **lines, int *n, nc_error *err);

/* Loads the rows; on error nothing stays allocated (*lines NULL, *n 0). */
int audit_load(const char *specs_dir, const char *paper, audit_line **lines, int *n, nc_error *err)
{
    int rc = audit_load_all(specs_dir, paper, lines, n, err);
    if (rc) {
        free(*lines);
        *lines = NULL;
        *n = 0;
    }
    return rc;
}

static int audit_load_all(const char *specs_dir, const char *paper, audit_line **lines, int *n, nc_error *err)
{
    int cap = 0, known = 0;
    *lines = NULL;
    *n = 0;
    for (int p = 0; p < claim_papers_len; p++) {
        if (paper && strcmp(paper, claim_papers[p])) continue;
        known = 1;
        char path[4096], fname[64];
        snprintf(fname, sizeof fname, "%s.tsv", claim_papers[p]);
        snprintf(path, sizeof path, "%s/%s", specs_dir, fname);
        if (load_file(path, fname, lines, n, &cap, err)) return err->status;
    }
    if (!known)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "unknown paper \"%.40s\" (ulpm, linconv, msecp, imbrelu)", paper);
    if (*n == 0)
        return nc_error_set(
            err, NC_EXIT_BAD_INPUT,
            "no audit rows found under %s (set NCCERT_DATA_DIR, see nccert --help, or pass --specs DIR)", specs_dir);
    /* lines of one formula must be contiguous: the aggregation relies on it */
    for (int i = 0; i < *n; i++)
        for (int j = i + 2; j < *n; j++)
            if (!strcmp((*lines)[i].formula, (*lines)[j].formula) &&
                strcmp((*lines)[i].formula, (*lines)[j - 1].formula))
                return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: lines of formula %s are not contiguous",
                                    (*lines)[j].file, (*lines)[j].lineno, (*lines)[j].formula);
    return 0;
}

void audit_paper_of(const char *formula, char *paper, size_t len)
{
    size_t k = strcspn(formula, ".");
    if (k >= len) k = len - 1;
    memcpy(paper, formula, k);
    paper[k] = '\0';
}
