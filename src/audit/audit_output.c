/* audit_output.c: the audit's outputs: a human table, TSV, JSON, the per-paper summary, and
 * the expectation file specs/audit/expected.tsv (compared by --check-expected; written only by
 * the explicit --write-expected). */
#include <stdlib.h>
#include <string.h>
#include "audit/audit.h"

static const audit_formula *formula_of(const audit_run *run, int i)
{
    for (int f = 0; f < run->n_formulas; f++)
        if (i >= run->formulas[f].first && i < run->formulas[f].first + run->formulas[f].count)
            return &run->formulas[f];
    return NULL;
}

static const char *name_or_dash(const audit_line *l)
{
    return l->name[0] ? l->name : "-";
}

int audit_is_finding(const audit_formula *F)
{
    return F->verdict == AUDIT_V_DISAGREES || F->verdict == AUDIT_V_NEEDS_HYPOTHESIS ||
           F->reading_verdict == AUDIT_V_DISAGREES || F->reading_verdict == AUDIT_V_NEEDS_HYPOTHESIS;
}

static void print_formula(FILE *f, const audit_run *run, const audit_formula *F)
{
    const audit_line *l = run->out[F->first].line;
    fprintf(f, "%-34s %-17s %s %s", F->formula, audit_verdict_name(F->verdict), l->seed, l->label);
    if (F->verdict != F->reading_verdict) fprintf(f, "  [reading used: %s]", audit_verdict_name(F->reading_verdict));
    fprintf(f, "\n    printed: %s\n    derived: %s\n", l->printed, l->derived);
    if (strcmp(l->hypothesis, "-")) fprintf(f, "    hypothesis: %s\n", l->hypothesis);
    for (int i = F->first; i < F->first + F->count; i++) {
        const audit_outcome *o = &run->out[i];
        if (o->result == AUDIT_R_NONE) {
            fprintf(f, "    - NOT-EVALUABLE (a limit or all-time statement: no finite computation decides it; "
                       "argued in the derivation)\n");
            continue;
        }
        if (o->result == AUDIT_R_NOTATION) {
            fprintf(f, "    - NOTATION (notation or a definition: nothing to check; see the note)\n");
            continue;
        }
        if (o->result == AUDIT_R_ARGUED) {
            fprintf(f, "    - ARGUED (%s without a certificate: the argument is in the note and the derivation)\n",
                    strcmp(o->line->role, "argued") ? "hyp-fails side" : "a finding");
            continue;
        }
        fprintf(f, "    - %-40s %-12s %-9s %s", o->line->name, audit_result_name(o->result), o->line->role,
                o->cert_path);
        if (strcmp(o->diff_val, "-")) fprintf(f, "  diff %s", o->diff_val);
        if (o->detail[0]) fprintf(f, "  (%s)", o->detail);
        fprintf(f, "\n");
    }
}

void audit_print_text(FILE *f, const audit_run *run)
{
    for (int p = 0; p < claim_papers_len; p++)
        for (int pass = 0; pass < 2; pass++)
            for (int k = 0; k < run->n_formulas; k++) {
                const audit_formula *F = &run->formulas[k];
                char paper[32];
                audit_paper_of(F->formula, paper, sizeof paper);
                if (!strcmp(paper, claim_papers[p]) && audit_is_finding(F) == !pass) print_formula(f, run, F);
            }
    audit_print_summary(f, run);
}

static const char *const tsv_cols[] = {"formula",
                                       "claim",
                                       "seed",
                                       "label",
                                       "verdict",
                                       "reading_verdict",
                                       "ocr",
                                       "hypothesis",
                                       "role",
                                       "instance",
                                       "instance_json",
                                       "instance_result",
                                       "certificate_verdict",
                                       "printed_value",
                                       "derived_value",
                                       "discrepancy",
                                       "certificate",
                                       "printed",
                                       "derived",
                                       "note"};
enum { NCOLS = 20 };

/* The row's cells in tsv_cols order. */
static void row_cells(const audit_run *run, int i, const char *c[NCOLS])
{
    const audit_outcome *o = &run->out[i];
    const audit_line *l = o->line;
    const audit_formula *F = formula_of(run, i);
    c[0] = l->formula;
    c[1] = l->claim;
    c[2] = l->seed;
    c[3] = l->label;
    c[4] = audit_verdict_name(F->verdict);
    c[5] = audit_verdict_name(F->reading_verdict);
    c[6] = l->ocr;
    c[7] = l->hypothesis;
    c[8] = l->role;
    c[9] = name_or_dash(l);
    c[10] = l->instance[0] ? l->instance : "-";
    c[11] = audit_result_name(o->result);
    c[12] = o->has_cert_verdict ? nc_verdict_name(o->cert_verdict) : "-";
    c[13] = o->printed_val;
    c[14] = o->derived_val;
    c[15] = o->diff_val;
    c[16] = o->cert_path;
    c[17] = l->printed;
    c[18] = l->derived;
    c[19] = l->note;
}

void audit_print_tsv(FILE *f, const audit_run *run)
{
    for (int c = 0; c < NCOLS; c++) fprintf(f, "%s%s", tsv_cols[c], c + 1 < NCOLS ? "\t" : "\n");
    for (int i = 0; i < run->n_lines; i++) {
        const char *c[NCOLS];
        row_cells(run, i, c);
        for (int k = 0; k < NCOLS; k++) fprintf(f, "%s%s", c[k], k + 1 < NCOLS ? "\t" : "\n");
    }
}

void audit_print_json(FILE *f, const audit_run *run)
{
    json_t *rows = json_array();
    for (int i = 0; i < run->n_lines; i++) {
        const char *c[NCOLS];
        row_cells(run, i, c);
        json_t *o = json_object();
        for (int k = 0; k < NCOLS; k++) json_object_set_new(o, tsv_cols[k], json_string(c[k]));
        json_array_append_new(rows, o);
    }
    char *s = json_dumps(rows, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fprintf(f, "%s\n", s);
    free(s);
    json_decref(rows);
}

void audit_print_summary(FILE *f, const audit_run *run)
{
    fprintf(f, "\n%-8s %7s %9s %16s %10s %13s %8s %12s %8s %9s %s\n", "PAPER", audit_verdict_name(AUDIT_V_AGREES),
            audit_verdict_name(AUDIT_V_DISAGREES), audit_verdict_name(AUDIT_V_NEEDS_HYPOTHESIS),
            audit_verdict_name(AUDIT_V_UNREADABLE), audit_verdict_name(AUDIT_V_NOT_EVALUABLE),
            audit_verdict_name(AUDIT_V_NOTATION), audit_verdict_name(AUDIT_V_INCONCLUSIVE), "FORMULAS", "INSTANCES",
            run->coverage.loaded ? "COVERED/DISPLAYED (specs/audit/coverage.tsv)" : "");
    for (int p = 0; p < claim_papers_len; p++) {
        int cnt[AUDIT_VERDICT_COUNT] = {0}, total = 0, inst = 0;
        for (int k = 0; k < run->n_formulas; k++) {
            char paper[32];
            audit_paper_of(run->formulas[k].formula, paper, sizeof paper);
            if (strcmp(paper, claim_papers[p])) continue;
            total++;
            cnt[run->formulas[k].verdict]++;
            for (int i = run->formulas[k].first; i < run->formulas[k].first + run->formulas[k].count; i++)
                inst += run->out[i].result != AUDIT_R_NONE && run->out[i].result != AUDIT_R_ARGUED &&
                        run->out[i].result != AUDIT_R_NOTATION;
        }
        if (!total) continue;
        fprintf(f, "%-8s %7d %9d %16d %10d %13d %8d %12d %8d %9d", claim_papers[p], cnt[0], cnt[1], cnt[2], cnt[3],
                cnt[4], cnt[5], cnt[6], total, inst);
        if (run->coverage.loaded && p < AUDIT_PAPERS_MAX)
            fprintf(f, " %d/%d", run->coverage.mapped[p], run->coverage.items[p]);
        fprintf(f, "\n");
    }
}

/* Key of a line in the expectation file: formula, instance name, role. */
static void line_key(const audit_line *l, char *key, size_t len)
{
    snprintf(key, len, "%s\t%s\t%s", l->formula, name_or_dash(l), l->role);
}

int audit_expected_write(const audit_run *run, const char *path, nc_error *err)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) return nc_error_set(err, NC_EXIT_BAD_INPUT, "cannot write %s", tmp);
    fprintf(f, "# Expected audit verdicts. Regenerate deliberately: nccert audit --write-expected %s\n", path);
    fprintf(f, "formula\tinstance\trole\tinstance_result\tverdict\n");
    for (int i = 0; i < run->n_lines; i++) {
        char key[512];
        line_key(run->out[i].line, key, sizeof key);
        fprintf(f, "%s\t%s\t%s\n", key, audit_result_name(run->out[i].result),
                audit_verdict_name(formula_of(run, i)->verdict));
    }
    if (fclose(f) != 0 || rename(tmp, path) != 0) {
        remove(tmp);
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "cannot write %s", path);
    }
    return 0;
}

int audit_expected_compare(FILE *out, const audit_run *run, const char *path, nc_error *err)
{
    FILE *f = fopen(path, "r");
    if (!f) return -nc_error_set(err, NC_EXIT_BAD_INPUT, "cannot read the expectation file %s", path);
    int changes = 0, nexp = 0, header = 0;
    char buf[2048];
    char *seen = calloc((size_t)run->n_lines + 1, 1);
    while (fgets(buf, sizeof buf, f)) {
        buf[strcspn(buf, "\r\n")] = '\0';
        if (!buf[0] || buf[0] == '#') continue;
        if (!header) {
            header = 1;
            continue;
        }
        char *cell[5], *p = buf;
        int n = 0;
        for (; n < 5 && p; n++) {
            cell[n] = p;
            p = strchr(p, '\t');
            if (p) *p++ = '\0';
        }
        if (n != 5 || p) {
            changes++;
            fprintf(out, "expected: malformed line \"%.80s\"\n", cell[0]);
            continue;
        }
        char paper[32];
        int paper_loaded = 0;
        audit_paper_of(cell[0], paper, sizeof paper);
        for (int i = 0; i < run->n_formulas && !paper_loaded; i++) {
            char p2[32];
            audit_paper_of(run->formulas[i].formula, p2, sizeof p2);
            paper_loaded = !strcmp(paper, p2);
        }
        if (!paper_loaded) continue; /* --paper: other papers are not compared */
        nexp++;
        char key[512];
        snprintf(key, sizeof key, "%s\t%s\t%s", cell[0], cell[1], cell[2]);
        int found = -1;
        for (int i = 0; i < run->n_lines && found < 0; i++) {
            char k2[512];
            line_key(run->out[i].line, k2, sizeof k2);
            if (!strcmp(key, k2) && !seen[i]) found = i;
        }
        if (found < 0) {
            changes++;
            fprintf(out, "CHANGED %s %s: expected row is gone\n", cell[0], cell[1]);
            continue;
        }
        seen[found] = 1;
        audit_result r = run->out[found].result, er;
        audit_verdict v = formula_of(run, found)->verdict, ev;
        if (audit_result_parse(cell[3], &er) || audit_verdict_parse(cell[4], &ev) || er != r || ev != v) {
            changes++;
            fprintf(out, "CHANGED %s %s: expected %s/%s, got %s/%s\n", cell[0], cell[1], cell[3], cell[4],
                    audit_result_name(r), audit_verdict_name(v));
        }
    }
    fclose(f);
    for (int i = 0; i < run->n_lines; i++)
        if (!seen[i]) {
            changes++;
            fprintf(out, "CHANGED %s %s: new row, not in %s\n", run->out[i].line->formula,
                    name_or_dash(run->out[i].line), path);
        }
    free(seen);
    (void)nexp;
    return changes;
}
