/* cli_report.c: `nccert report`: one self-contained HTML page (inline CSS and SVG) and a
 * Markdown twin summarising every claim (registry verdicts, links to the committed
 * certificates) and every audit row, with figures drawn by gnuplot (Debian package
 * gnuplot-nox; `make report-deps`). The figures illustrate: the certificates are the evidence. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/cli.h"
#include "cert/cert.h"
#include "audit/audit.h"
#include "audit/audit_cli.h"
#include "claims/registry.h"
#include "claims/imbrelu/imbrelu_figures.h"
#include "claims/ulpm/ulpm_figures.h"

static const char report_usage[] =
    "usage: nccert report [--out DIR] [--specs DIR] [--no-figures]\n"
    "\n"
    "Writes DIR/report.html (self-contained: inline CSS and SVG figures) and DIR/report.md\n"
    "(figures as DIR/fig/*.svg) summarising the claim registry (each default instance certified\n"
    "anew, with its verdict and a link to the committed certificate under certificates/) and the\n"
    "audit of the printed formulas (specs/audit/). Figures are drawn with gnuplot (install with\n"
    "`make report-deps`); without gnuplot the report says so and has no figures.\n"
    "The audit rows and figure data are read from the data directory (NCCERT_DATA_DIR in\n"
    "nccert --help). Default DIR: build/report (created with its parents).\n"
    "\n"
    "Exit status: 0 written, 1 written but some registry verdict is not the expected one or some\n"
    "audit row is INCONCLUSIVE, 2 bad usage, 3 internal error.\n";

typedef struct {
    char name[64];
    char title[256];
    char caption[1024];
    int ok;
} report_fig;

/* ---------- figure data (computed in the papers' folders, printed to 17 digits) ---------- */

static void put(FILE *f, double x)
{
    fprintf(f, " %.17g", x);
}

/* Example 3.1 at C: loss difference along (55) and along (10) against the squared distance to
 * (W,H) (ulpm_figure_example31), as two gnuplot data blocks. */
static void data_example31(FILE *f, const char *Cs)
{
    double c55[ULPM_FIG_EX31_N][2], f10[ULPM_FIG_EX31_N][2];
    ulpm_figure_example31(c55, f10, Cs);
    fprintf(f, "# curve55: dist_sq loss_diff\n");
    for (int i = 0; i < ULPM_FIG_EX31_N; i++) {
        fprintf(f, "55"); put(f, c55[i][0]); put(f, c55[i][1]); fprintf(f, "\n");
    }
    fprintf(f, "\n\n# family10: dist_sq loss_diff\n");
    for (int i = 0; i < ULPM_FIG_EX31_N; i++) {
        fprintf(f, "10"); put(f, f10[i][0]); put(f, f10[i][1]); fprintf(f, "\n");
    }
}

/* Coefficient of M in (9): printed and derived, C in (0, 3] (ulpm_figure_eq9). */
static void data_eq9(FILE *f)
{
    double pts[ULPM_FIG_EQ9_N][3];
    ulpm_figure_eq9(pts);
    fprintf(f, "# C printed derived\n");
    for (int i = 0; i < ULPM_FIG_EQ9_N; i++) {
        put(f, pts[i][0]); put(f, pts[i][1]); put(f, pts[i][2]); fprintf(f, "\n");
    }
}

/* imbrelu, two groups: the collapse boundaries of eq. (6) in lambda_W lambda_H against
 * R = n_A/n_B (imbrelu_figure_phases). */
static void data_imbrelu(FILE *f, int KA, int KB, int nB)
{
    double pts[IMBRELU_FIG_PHASE_N][3];
    imbrelu_figure_phases(pts, KA, KB, nB);
    fprintf(f, "# R lambda_minority lambda_complete (K_A=%d K_B=%d n_B=%d)\n", KA, KB, nB);
    for (int i = 0; i < IMBRELU_FIG_PHASE_N; i++) {
        put(f, pts[i][0]); put(f, pts[i][1]); put(f, pts[i][2]); fprintf(f, "\n");
    }
}

/* Copies the committed TSV `src` into `out` as gnuplot data blocks (separated by two blank
 * lines, so `index i` selects block i): one block per distinct value of column `keycol`
 * (0-based), in the order of `keys`; comment and header lines are dropped. Returns the number of
 * data lines copied (0: file missing or empty). The numbers are the files' own (validated
 * enclosures and certified leaves, written by their generators); nothing is recomputed here. */
static int data_from_tsv(FILE *out, const char *src, int keycol, const char *const *keys, int nkeys)
{
    int total = 0;
    char path[4096];
    cli_data_path(path, sizeof path, src); /* the data directory: nccert --help, NCCERT_DATA_DIR */
    for (int k = 0; k < nkeys; k++) {
        FILE *f = fopen(path, "r");
        if (!f) return 0;
        char line[4096];
        int header = 1, count = 0;
        fprintf(out, "%s# %s = %s\n", k ? "\n\n" : "", src, keys[k]);
        while (fgets(line, sizeof line, f)) {
            if (line[0] == '#' || line[0] == '\n') continue;
            if (header) { header = 0; continue; }
            char copy[4096], *save = NULL, *tok = NULL;
            snprintf(copy, sizeof copy, "%s", line);
            tok = strtok_r(copy, "\t\n", &save);
            for (int c = 0; tok && c < keycol; c++) tok = strtok_r(NULL, "\t\n", &save);
            if (!tok || strcmp(tok, keys[k])) continue;
            fputs(line, out);
            count++;
        }
        fclose(f);
        if (!count) fputs("# (none)\nNaN NaN NaN NaN NaN\n", out); /* keep the block so `index` stays aligned */
        total += count;
    }
    return total;
}

/* ---------- gnuplot ---------- */

static int have_gnuplot(void) { return system("command -v gnuplot >/dev/null 2>&1") == 0; }

static int run_gnuplot(const char *dir, report_fig *fig, const char *script)
{
    char path[8192], cmd[24800];
    snprintf(path, sizeof path, "%s/fig/%s.gp", dir, fig->name);
    FILE *f = fopen(path, "w");
    if (!f) return 1;
    fprintf(f, "set terminal svg size 720,420 dynamic font 'sans,12' background '#ffffff'\n"
               "set output '%s/fig/%s.svg'\nset title \"%s\"\nset key top right\nset grid\n%s\n",
            dir, fig->name, fig->title, script);
    fclose(f);
    snprintf(cmd, sizeof cmd, "gnuplot '%s' 2>'%s/fig/%s.log'", path, dir, fig->name);
    fig->ok = system(cmd) == 0;
    return !fig->ok;
}

/* Names figure g (not drawn yet) and opens its data file DIR/fig/NAME.dat for writing (NULL on failure). */
static FILE *fig_open_data(const char *dir, report_fig *g, const char *name, const char *title, const char *caption)
{
    char path[16384];
    snprintf(g->name, sizeof g->name, "%s", name);
    snprintf(g->title, sizeof g->title, "%s", title);
    snprintf(g->caption, sizeof g->caption, "%s", caption);
    g->ok = 0;
    snprintf(path, sizeof path, "%s/fig/%s.dat", dir, g->name);
    return fopen(path, "w");
}

#define REPORT_PHASE_TSV "specs/claims/imbrelu.cor-4.phase.tsv"
#define REPORT_OMEGA_TSV "proofs/derivations/msecp-dynamics-omega.tsv"

/* The certified imbrelu phase diagram: the leaves of the registry certificate
 * imbrelu.cor-4/phase-KA5-KB5-nB100 (committed as REPORT_PHASE_TSV, checked against a fresh
 * certificate by tests/t_imbrelu_cor4.sh), one rectangle per leaf coloured by its certified phase,
 * undecided leaves grey, with the boundary curves of eq. (6) drawn over them. */
static void make_figure_phase_certified(const char *dir, report_fig *g)
{
    static const char *const phases[] = {"none", "minority", "complete", "undecided"};
    char path[16384];
    FILE *f = fig_open_data(dir, g, "imbrelu-phases-certified", "imbrelu.cor-4: certified phase diagram, K_A = K_B = 5, n_B = 100",
             "Leaves of the certificate imbrelu.cor-4/phase-KA5-KB5-nB100 (R in [1, 128], lambda_W lambda_H in "
             "[2^-34, 2^-13], exact bisection to depth 16; data file " REPORT_PHASE_TSV "). On every coloured leaf, "
             "Theorem 1 (with the corrected eq. (6)) and the printed (17)/(18) were both decided in exact rational "
             "arithmetic and give the same phase, for every (R, lambda) of the closed leaf: no collapse (green), "
             "minority collapse (orange), complete collapse (red). Grey leaves are undecided at the depth limit: "
             "they meet (or nearly meet) a boundary curve and are reported as such, never guessed. The black "
             "curves are the boundaries lambda = (K-1) n_k/(K N^2) for n_k = n_B and n_k = n_A (drawn, not "
             "certified). Complete collapse also occurs at large R (N grows with R). Audit rows "
             "imbrelu.004.eq-17, imbrelu.004.eq-18: AGREES.");
    if (!f) return;
    int n = data_from_tsv(f, REPORT_PHASE_TSV, 4, phases, 4);
    fprintf(f, "\n\n");
    data_imbrelu(f, 5, 5, 100); /* index 4: the boundary curves */
    fclose(f);
    if (!n) {
        snprintf(g->caption, sizeof g->caption, "The data file " REPORT_PHASE_TSV " was not found in the data directory (NCCERT_DATA_DIR).");
        return;
    }
    snprintf(path, sizeof path,
             "set logscale xy\nset xrange [1:128]\nset yrange [5.8e-11:1.23e-4]\nset format y '10^{%%L}'\n"
             "set xlabel 'R = n_A / n_B'\nset ylabel 'lambda_W lambda_H'\nset key outside right top\nset style fill solid 1.0 noborder\n"
             "D = '%s/fig/%s.dat'\n"
             "plot D index 0 using (sqrt($1*$2)):(sqrt($3*$4)):1:2:3:4 with boxxyerror lc rgb '#4daf4a' title 'no collapse', "
             "D index 1 using (sqrt($1*$2)):(sqrt($3*$4)):1:2:3:4 with boxxyerror lc rgb '#ff9f1c' title 'minority collapse', "
             "D index 2 using (sqrt($1*$2)):(sqrt($3*$4)):1:2:3:4 with boxxyerror lc rgb '#d7191c' title 'complete collapse', "
             "D index 3 using (sqrt($1*$2)):(sqrt($3*$4)):1:2:3:4 with boxxyerror lc rgb '#9a9a9a' title 'undecided (depth limit)', "
             "D index 4 using 1:2 with lines lw 0.7 lc rgb '#000000' title 'M_B = 0 (drawn)', "
             "D index 4 using 1:3 with lines lw 0.7 dt 2 lc rgb '#000000' title 'M_A = 0 (drawn)'",
             dir, g->name);
    run_gnuplot(dir, g, path);
}

/* omega_j(t) of msecp, C = N = 4, three initial values: the closed forms of the defined flow
 * (law (a)) and of Proposition 2 (law (b)), the validated ODE enclosures of both laws and the
 * discrete renormalised descent, all from REPORT_OMEGA_TSV (rigorous Arb enclosures written by
 * bench/msecp_dynamics_figure.c; derivation msecp-dynamics.md section 3). */
static void make_figure_omega(const char *dir, report_fig *g)
{
    static const char *const js[] = {"0", "1", "2"};
    char path[16384];
    FILE *f = fig_open_data(dir, g, "msecp-omega", "msecp: omega_j(t), C = N = 4, omega_j(0) = 1/2, 1, 5/2",
             "SNR singular values under the continually renormalised flow. Solid: closed form of the flow the paper "
             "defines (eq. (5) with Proposition 4's Pi), C^2 N log w + (CN/2) w^2 = a + t; dashed: Proposition 2's "
             "closed form (10), C^2 N log w + CN w^2 + (N/4) w^4 = a + t, which solves Lemma 5's ODE. Circles and "
             "squares: validated ODE enclosures of the two laws (Taylor enclosures; their widths, below 1e-5, are "
             "smaller than the marks); crosses: the discrete renormalised descent of Appendix D.1 (eta = 1/64). The "
             "descent follows the defined flow, not Proposition 2. Data " REPORT_OMEGA_TSV "; the certified values "
             "are msecp.dynamics ode-* (audit rows msecp.003.eq-10: DISAGREES, msecp.003.eq-10.derived: AGREES).");
    if (!f) return;
    int n = data_from_tsv(f, REPORT_OMEGA_TSV, 1, js, 3);
    fclose(f);
    if (!n) {
        snprintf(g->caption, sizeof g->caption, "The data file " REPORT_OMEGA_TSV " was not found in the data directory (NCCERT_DATA_DIR).");
        return;
    }
    /* columns: 1 t, 2 j, 3 omega0, 4-5 closed (a), 6-7 ODE (a), 8-9 closed Prop. 2, 10-11 ODE Lemma 5, 12-13 descent */
    snprintf(path, sizeof path,
             "set xlabel 't'\nset ylabel 'omega_j(t)'\nset key top left\nD = '%s/fig/%s.dat'\n"
             "plot for [i=0:2] D index i using 1:(($4+$5)/2) with lines lw 2 lc i+1 title (i == 0 ? 'closed form, defined flow' : ''), "
             "for [i=0:2] D index i using 1:(($8+$9)/2) with lines lw 2 dt 2 lc i+1 title (i == 0 ? 'Proposition 2 (10)' : ''), "
             "for [i=0:2] D index i every 4 using 1:(($6+$7)/2):6:7 with yerrorbars pt 6 ps 0.6 lc i+1 title (i == 0 ? 'ODE enclosure, defined flow' : ''), "
             "for [i=0:2] D index i every 4 using 1:(($10+$11)/2):10:11 with yerrorbars pt 4 ps 0.6 lc i+1 title (i == 0 ? 'ODE enclosure, Lemma 5' : ''), "
             "for [i=0:2] D index i every 4::2 using 1:(($12+$13)/2) with points pt 2 ps 0.8 lc rgb '#000000' title (i == 0 ? 'discrete descent (D.1)' : '')",
             dir, g->name);
    run_gnuplot(dir, g, path);
}

static void make_figures(const char *dir, report_fig *figs, int *nfig)
{
    char path[16384];
    FILE *f;
    *nfig = 0;
    report_fig *g = &figs[(*nfig)++];
    f = fig_open_data(dir, g, "example31-curves", "Example 3.1, C = 1: L(W',H') - L(W,H) along (10) and (55)",
             "Loss change divided by the squared distance d^2 to (W,H) (log scale in d^2), at C = 1, from the closed forms of "
             "proofs/derivations/ulpm-example-3.1.md. The appendix curve (55) lowers the loss; the main-text family "
             "(10) raises it near (W,H) (positive values) (audit row ulpm.001.eq-11: DISAGREES, certificates family10-*), and lowers it "
             "only farther away. Certified points: curve55-C1 (a = 64/2047) and family10-C1 (t = 2^-7).");
    if (f) {
        data_example31(f, "1");
        fclose(f);
        snprintf(path, sizeof path,
                 "set logscale x\nset xrange [*:2]\nset xlabel \"d^2 = ||W'-W||^2 + ||H'-H||^2\"\n"
                 "set ylabel \"(L(W',H') - L(W,H)) / d^2\"\nset key bottom left\n"
                 "plot '%s/fig/%s.dat' index 0 using 2:($3/$2) with lines lw 2 title 'curve (55)', "
                 "'' index 1 using 2:($3/$2) with lines lw 2 title 'family (10)', 0 with lines lc 'black' notitle",
                 dir, g->name);
        run_gnuplot(dir, g, path);
    }
    g = &figs[(*nfig)++];
    f = fig_open_data(dir, g, "eq9-coefficient", "Example 3.1, eq. (9): coefficient of M in grad_W L",
             "Printed -C(2+2e^{-2C^2})/(2+2e^{-2C^2}+2e^{2C^2}) against the derived -C(2+2e^{-2C^2})/(2+e^{-2C^2}+e^{2C^2}). "
             "The difference is certified non-zero for every C in [1/10, 4] (audit row ulpm.001.eq-9, certificate eq9-box-1_10-4).");
    if (f) {
        data_eq9(f);
        fclose(f);
        snprintf(path, sizeof path,
                 "set xlabel 'C'\nset ylabel 'coefficient of M'\nset key bottom right\n"
                 "plot '%s/fig/%s.dat' using 1:2 with lines lw 2 title 'printed (9)', '' using 1:3 with lines lw 2 title 'derived from (4)'",
                 dir, g->name);
        run_gnuplot(dir, g, path);
    }
    g = &figs[(*nfig)++];
    f = fig_open_data(dir, g, "imbrelu-phases", "imbrelu: collapse phases from eq. (6), K_A = K_B = 5, n_B = 10",
             "Phase boundaries in (R = n_A/n_B, lambda_W lambda_H) derived from the sign condition of eq. (6) "
             "(M_k > 0 iff N^2 lambda_W lambda_H < n_k (K-1)/K): below the lower curve no class collapses, between "
             "the curves the minority classes collapse ((17)), above the upper curve every class collapses ((18)). "
             "The curves are drawn, not certified; the certified phase diagram (imbrelu.cor-4 boxes, exact "
             "rationals) is the next figure, and eq. (6)'s equivalence is certified by imbrelu.eq-6.");
    if (f) {
        data_imbrelu(f, 5, 5, 10);
        fclose(f);
        snprintf(path, sizeof path,
                 "set logscale xy\nset xlabel 'R = n_A / n_B'\nset ylabel 'lambda_W lambda_H'\nset key bottom left\n"
                 "plot '%s/fig/%s.dat' using 1:2 with lines lw 2 title 'minority collapse (M_B = 0)', "
                 "'' using 1:3 with lines lw 2 title 'complete collapse (M_A = 0)'",
                 dir, g->name);
        run_gnuplot(dir, g, path);
    }
    make_figure_phase_certified(dir, &figs[(*nfig)++]);
    make_figure_omega(dir, &figs[(*nfig)++]);
}

/* ---------- page ---------- */

static void html_esc(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '<') fputs("&lt;", f);
        else if (*s == '>') fputs("&gt;", f);
        else if (*s == '&') fputs("&amp;", f);
        else if (*s == '"') fputs("&quot;", f);
        else fputc(*s, f);
    }
}

static void md_esc(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '|') fputs("\\|", f);
        else if (*s == '*' || *s == '_' || *s == '<' || *s == '>') fprintf(f, "\\%c", *s);
        else fputc(*s, f);
    }
}

static void inline_file(FILE *out, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) return;
    char buf[8192];
    size_t n;
    int skip_decl = 1;
    while ((n = fread(buf, 1, sizeof buf - 1, f)) > 0) {
        buf[n] = '\0';
        char *p = buf;
        if (skip_decl) { /* drop the XML declaration and DOCTYPE before <svg */
            char *svg = strstr(buf, "<svg");
            if (svg) p = svg;
            skip_decl = 0;
        }
        fputs(p, out);
    }
    fclose(f);
}

static const char *audit_class(audit_verdict v)
{
    if (v == AUDIT_V_AGREES) return "ok";
    if (v == AUDIT_V_DISAGREES) return "bad";
    if (v == AUDIT_V_NEEDS_HYPOTHESIS || v == AUDIT_V_UNREADABLE) return "warn";
    return "todo";
}

static const char *verdict_class(nc_verdict v)
{
    return v == NC_PROVED ? "ok" : v == NC_REFUTED ? "bad" : "todo";
}

typedef struct {
    const registry_entry *r;
    int certified;          /* verdict is set; otherwise the certifier failed ("ERROR") */
    nc_verdict verdict;
    int as_expected;        /* certified with the registry's expected verdict */
    double secs;
} reg_result;

static const char *reg_verdict_name(const reg_result *x)
{
    return x->certified ? nc_verdict_name(x->verdict) : "ERROR";
}

static int run_registry(reg_result **res, int *n)
{
    int bad = 0;
    *n = registry_count();
    *res = calloc((size_t)*n, sizeof **res);
    for (int t = 0; t < *n; t++) {
        reg_result *x = &(*res)[t];
        x->r = registry_at(t);
        const claim_info *ci = claim_find(x->r->claim);
        json_t *inst = json_loads(x->r->instance, 0, NULL);
        json_t *cert = NULL;
        nc_error e = {0, ""};
        certify_options o;
        certify_options_default(&o);
        if (ci && ci->certify && inst && ci->certify(inst, &o, &cert, &e) == 0)
            x->certified = nc_verdict_parse(json_string_value(json_object_get(cert, "verdict")), &x->verdict) == 0;
        json_decref(cert);
        json_decref(inst);
        nc_verdict expected; /* the registry's expected verdict is text: read here, once */
        x->as_expected = x->certified && nc_verdict_parse(x->r->expected, &expected) == 0 && x->verdict == expected;
        bad += !x->as_expected;
    }
    return bad;
}

static void write_pages(const char *dir, const char *link_prefix, const reg_result *reg, int nreg, const audit_run *run,
                        const report_fig *figs, int nfig, int gnuplot)
{
    char path[16384];
    snprintf(path, sizeof path, "%s/report.html", dir);
    FILE *h = fopen(path, "w");
    snprintf(path, sizeof path, "%s/report.md", dir);
    FILE *m = fopen(path, "w");
    if (!h || !m) {
        if (h) fclose(h);
        if (m) fclose(m);
        return;
    }
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>nccert report</title>\n<style>\n"
          "body{font-family:sans-serif;max-width:1200px;margin:2em auto;color:#222}table{border-collapse:collapse;"
          "margin:1em 0;font-size:13px}td,th{border:1px solid #bbb;padding:3px 6px;vertical-align:top}"
          "th{background:#eee}.ok{background:#d9f2d9}.bad{background:#f6d0d0}.warn{background:#fbeec2}"
          ".todo{background:#e4e4e4}code{font-size:12px}figure{margin:1.5em 0}figcaption{font-size:13px;max-width:720px}"
          "</style></head><body>\n<h1>nccert report</h1>\n"
          "<p>Rigorous certificates for the claims of four neural-collapse papers (ulpm, linconv, msecp, imbrelu) and "
          "an audit of their printed formulas. Every PROVED/REFUTED verdict and every DISAGREES row comes with a "
          "certificate that the independent checker <code>nccheck</code> re-verifies. Figures are illustrations "
          "(drawn with gnuplot); the certificates are the evidence.</p>\n", h);
    fputs("# nccert report\n\nRigorous certificates for the claims of four neural-collapse papers and an audit of their "
          "printed formulas. Every PROVED/REFUTED verdict and every DISAGREES row comes with a certificate that "
          "`nccheck` re-verifies. Figures are illustrations (gnuplot); the certificates are the evidence.\n\n", m);
    /* claims */
    fputs("<h2>Claims</h2>\n<table><tr><th>claim</th><th>label</th><th>status</th><th>instances</th><th>verdicts "
          "(as expected / not)</th><th>summary</th></tr>\n", h);
    fputs("## Claims\n\n| claim | label | status | instances | as expected / not | summary |\n|---|---|---|---|---|---|\n", m);
    for (int c = 0; c < claim_catalogue_len; c++) {
        const claim_info *ci = &claim_catalogue[c];
        int cnt = 0, okc = 0;
        for (int t = 0; t < nreg; t++)
            if (!strcmp(reg[t].r->claim, ci->id)) {
                cnt++;
                okc += reg[t].as_expected;
            }
        const char *status = ci->certify ? "certified" : "planned";
        fprintf(h, "<tr class=\"%s\"><td><a href=\"#reg-%s\">%s</a></td><td>", ci->certify ? (okc == cnt ? "ok" : "bad") : "todo",
                ci->id, ci->id);
        html_esc(h, ci->label);
        fprintf(h, "</td><td>%s</td><td>%d</td><td>%d / %d</td><td>", status, cnt, okc, cnt - okc);
        html_esc(h, ci->summary);
        fputs("</td></tr>\n", h);
        fprintf(m, "| %s | ", ci->id);
        md_esc(m, ci->label);
        fprintf(m, " | %s | %d | %d / %d | ", status, cnt, okc, cnt - okc);
        md_esc(m, ci->summary);
        fputs(" |\n", m);
    }
    fputs("</table>\n", h);
    /* audit summary */
    fputs("<h2>Audit of the printed formulas</h2>\n<p>Verdicts per formula (rows of <code>specs/audit/</code>; "
          "<code>nccert audit --format tsv</code>). AGREES: printed and derived values coincide on every instance "
          "(exactly where exact); DISAGREES: certified non-zero discrepancy on some instance; NEEDS-HYPOTHESIS: holds "
          "exactly under an unstated condition, both sides certified; UNREADABLE: the OCR cannot be read, the verdict "
          "of the reading used is given; NOT-EVALUABLE: a limit or an all-time statement that no finite computation on an "
          "instance decides (the derivation argues it; no certificate).</p>\n<pre>", h);
    fputs("\n## Audit of the printed formulas\n\n```\n", m);
    audit_print_summary(h, run);
    audit_print_summary(m, run);
    fputs("</pre>\n", h);
    fputs("```\n\n", m);
    fputs("<table><tr><th>formula</th><th>label</th><th>verdict</th><th>printed</th><th>derived</th><th>instances "
          "(result, discrepancy, certificate)</th></tr>\n", h);
    fputs("| formula | label | verdict | printed | derived | instances |\n|---|---|---|---|---|---|\n", m);
    for (int k = 0; k < run->n_formulas; k++) {
        const audit_formula *F = &run->formulas[k];
        const audit_line *l = run->out[F->first].line;
        fprintf(h, "<tr class=\"%s\"><td id=\"%s\">%s<br><small>%s</small></td><td>", audit_class(F->verdict), F->formula,
                F->formula, l->seed);
        html_esc(h, l->label);
        fprintf(h, "</td><td>%s", audit_verdict_name(F->verdict));
        if (F->verdict != F->reading_verdict) fprintf(h, "<br><small>reading: %s</small>", audit_verdict_name(F->reading_verdict));
        if (strcmp(l->hypothesis, "-")) {
            fputs("<br><small>needs: ", h);
            html_esc(h, l->hypothesis);
            fputs("</small>", h);
        }
        fputs("</td><td>", h);
        html_esc(h, l->printed);
        fputs("</td><td>", h);
        html_esc(h, l->derived);
        if (strcmp(l->note, "-")) {
            fputs("<br><small>", h);
            html_esc(h, l->note);
            fputs("</small>", h);
        }
        fputs("</td><td>", h);
        fprintf(m, "| %s | ", F->formula);
        md_esc(m, l->label);
        fprintf(m, " | %s%s%s | ", audit_verdict_name(F->verdict), F->verdict != F->reading_verdict ? " (reading: " : "",
                F->verdict != F->reading_verdict ? audit_verdict_name(F->reading_verdict) : "");
        if (F->verdict != F->reading_verdict) fputs(")", m);
        md_esc(m, l->printed);
        fputs(" | ", m);
        md_esc(m, l->derived);
        fputs(" | ", m);
        for (int i = F->first; i < F->first + F->count; i++) {
            const audit_outcome *o = &run->out[i];
            if (o->result == AUDIT_R_NONE) {
                fputs("NOT-EVALUABLE (argued in the derivation)", h);
                fputs("NOT-EVALUABLE (argued in the derivation)", m);
                continue;
            }
            fprintf(h, "<a href=\"%s%s\">%s</a> %s", link_prefix, o->cert_path, o->line->name, audit_result_name(o->result));
            if (strcmp(o->line->role, "test")) fprintf(h, " (%s)", o->line->role);
            if (strcmp(o->diff_val, "-")) fprintf(h, " <code>%s</code>", o->diff_val);
            fputs("<br>", h);
            fprintf(m, "[%s](%s%s) %s%s ", o->line->name, link_prefix, o->cert_path, audit_result_name(o->result),
                    i + 1 < F->first + F->count ? ";" : "");
        }
        fputs("</td></tr>\n", h);
        fputs(" |\n", m);
    }
    fputs("</table>\n<h2>Figures</h2>\n", h);
    fputs("\n## Figures\n\n", m);
    if (!gnuplot) {
        fputs("<p><b>gnuplot was not found: figures omitted</b> (install with <code>make report-deps</code>).</p>\n", h);
        fputs("**gnuplot was not found: figures omitted** (install with `make report-deps`).\n\n", m);
    }
    for (int i = 0; i < nfig && gnuplot; i++) {
        fprintf(h, "<figure id=\"fig-%s\">", figs[i].name);
        if (figs[i].ok) {
            snprintf(path, sizeof path, "%s/fig/%s.svg", dir, figs[i].name);
            inline_file(h, path);
        } else {
            fputs("<p><b>gnuplot failed for this figure</b></p>", h);
        }
        fputs("<figcaption>", h);
        html_esc(h, figs[i].caption);
        fputs("</figcaption></figure>\n", h);
        fprintf(m, "![%s](fig/%s.svg)\n\n", figs[i].title, figs[i].name);
        md_esc(m, figs[i].caption);
        fputs("\n\n", m);
    }
    /* registry */
    fputs("<h2>Registry instances</h2>\n<table><tr><th>claim</th><th>instance</th><th>verdict</th><th>expected</th>"
          "<th>certificate</th></tr>\n", h);
    fputs("## Registry instances\n\n| claim | instance | verdict | expected | certificate |\n|---|---|---|---|---|\n", m);
    const char *last = "";
    for (int t = 0; t < nreg; t++) {
        const reg_result *x = &reg[t];
        int okv = x->as_expected;
        fprintf(h, "<tr class=\"%s\"><td%s%s%s>%s</td><td>%s</td><td>%s</td><td>%s</td><td><a href=\"%scertificates/%s/%s.json\">"
                   "certificates/%s/%s.json</a></td></tr>\n",
                okv ? verdict_class(x->verdict) : "bad", strcmp(last, x->r->claim) ? " id=\"reg-" : "",
                strcmp(last, x->r->claim) ? x->r->claim : "", strcmp(last, x->r->claim) ? "\"" : "", x->r->claim, x->r->name,
                reg_verdict_name(x), x->r->expected, link_prefix, x->r->claim, x->r->name, x->r->claim, x->r->name);
        fprintf(m, "| %s | %s | %s | %s | [certificates/%s/%s.json](%scertificates/%s/%s.json) |\n", x->r->claim, x->r->name,
                reg_verdict_name(x), x->r->expected, x->r->claim, x->r->name, link_prefix, x->r->claim, x->r->name);
        last = x->r->claim;
    }
    fputs("</table>\n<p>Generated by <code>nccert report</code>. Certificates under certificates/audit/ are written by "
          "<code>nccert audit --write-certificates certificates/audit</code> (make verify).</p>\n</body></html>\n", h);
    fclose(h);
    fclose(m);
}

int cli_report(int argc, char **argv)
{
    static const struct option opts[] = {{"out", required_argument, NULL, 'o'}, {"specs", required_argument, NULL, 's'},
                                         {"no-figures", no_argument, NULL, 'n'}, {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    char default_specs[4096];
    const char *dir = "build/report", *specs = cli_data_path(default_specs, sizeof default_specs, "specs/audit");
    int figures = 1, ch;
    nc_error err = {0, ""};
    opterr = 0;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (ch) {
        case 'o': dir = optarg; break;
        case 's': specs = optarg; break;
        case 'n': figures = 0; break;
        case 'h': fputs(report_usage, stdout); return 0;
        default: return cli_bad_option("report", argv);
        }
    }
    if (optind < argc) return cli_unexpected_argument("report", argv);
    if (strchr(dir, '\'')) {
        nc_error_set(&err, NC_EXIT_BAD_INPUT, "report: --out must not contain a quote");
        return cli_fail(&err);
    }
    char figdir[4096];
    snprintf(figdir, sizeof figdir, "%s/fig", dir);
    cert_mkdir_p(dir);
    if (mkdir(figdir, 0777) != 0 && access(figdir, W_OK) != 0) {
        nc_error_set(&err, NC_EXIT_BAD_INPUT, "report: cannot create %s", figdir);
        return cli_fail(&err);
    }
    /* links to certificates: relative to the repository root (the working directory) */
    char prefix[1024] = "";
    if (dir[0] != '/') {
        for (const char *p = dir; *p;) {
            size_t k = strcspn(p, "/");
            if (!(k == 1 && p[0] == '.') && k > 0) strncat(prefix, "../", sizeof prefix - strlen(prefix) - 1);
            p += k;
            while (*p == '/') p++;
        }
    } else if (getcwd(prefix, sizeof prefix - 2)) {
        strcat(prefix, "/");
    }
    audit_run run = {0};
    if (audit_load(specs, NULL, &run.lines, &run.n_lines, &err) || audit_execute(&run, NULL, "certificates/audit", 1, &err)) {
        audit_run_clear(&run);
        return cli_fail(&err);
    }
    reg_result *reg;
    int nreg, bad = run_registry(&reg, &nreg);
    report_fig figs[8]; /* make_figures draws 5 */
    int nfig = 0, gnuplot = figures && have_gnuplot();
    if (gnuplot) make_figures(dir, figs, &nfig);
    else if (figures) fprintf(stderr, "nccert: report: gnuplot not found: figures omitted (make report-deps)\n");
    write_pages(dir, prefix, reg, nreg, &run, figs, nfig, gnuplot);
    for (int k = 0; k < run.n_formulas; k++) bad += run.formulas[k].verdict == AUDIT_V_INCONCLUSIVE;
    for (int i = 0; i < nfig; i++)
        if (!figs[i].ok) fprintf(stderr, "nccert: report: gnuplot failed for %s (see %s/fig/%s.log)\n", figs[i].name, dir, figs[i].name);
    printf("report: %s/report.html, %s/report.md (%d figure(s))\n", dir, dir, gnuplot ? nfig : 0);
    free(reg);
    audit_run_clear(&run);
    return bad ? NC_EXIT_NOT_ESTABLISHED : NC_EXIT_OK;
}
