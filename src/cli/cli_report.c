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
#include "common/progress.h"
#include "claims/imbrelu/imbrelu_figures.h"
#include "claims/ulpm/ulpm_figures.h"

static const char report_usage[] =
    "usage: nccert report [--out DIR] [--specs DIR] [--no-figures] [--quiet]\n"
    "\n"
    "Writes DIR/report.html (self-contained: inline CSS, SVG figures and a few lines of script)\n"
    "and DIR/report.md (figures as DIR/fig/*.svg) summarising the claim registry (each default\n"
    "instance certified anew, with its verdict and a link to the committed certificate under\n"
    "certificates/) and the audit of the printed formulas (specs/audit/): a table of contents,\n"
    "a summary, then one section per paper (its figures, its claims, its audit formulas, its\n"
    "registry instances), every claim and formula with its own anchor (#ulpm.lemma-3.1,\n"
    "#ulpm.001.eq-9, #fig-NAME; report.html?focus=ID shows that element alone). Figures are\n"
    "drawn with gnuplot (install with `make report-deps`); without gnuplot the report says so\n"
    "and has no figures. The audit rows and figure data are read from the data directory\n"
    "(NCCERT_DATA_DIR in nccert --help). Default DIR: build/report (created with its parents).\n"
    "It certifies the registry and the audit anew: minutes.\n"
    "\n"
    "  -q, --quiet   no progress line\n"
    "\n"
    "Progress: on a terminal, a run longer than 2 s shows a progress line on stderr (stage, count,\n"
    "the instance being certified, elapsed time), erased at the end. Environment:\n"
    "NCCERT_PROGRESS=0 never, =1 also when stderr is not a terminal (--quiet always wins);\n"
    "NCCERT_PROGRESS_DELAY_MS the delay (default 2000).\n"
    "\n"
    "Exit status: 0 written, 1 written but some registry verdict is not the expected one or some\n"
    "audit row is INCONCLUSIVE, 2 bad usage, 3 internal error.\n";

#define REPORT_NFIG 5 /* the figures make_figures draws */

typedef struct {
    char paper[32]; /* the paper's section (a key of papers.def) */
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
        fprintf(f, "55");
        put(f, c55[i][0]);
        put(f, c55[i][1]);
        fprintf(f, "\n");
    }
    fprintf(f, "\n\n# family10: dist_sq loss_diff\n");
    for (int i = 0; i < ULPM_FIG_EX31_N; i++) {
        fprintf(f, "10");
        put(f, f10[i][0]);
        put(f, f10[i][1]);
        fprintf(f, "\n");
    }
}

/* Coefficient of M in (9): printed and derived, C in (0, 3] (ulpm_figure_eq9). */
static void data_eq9(FILE *f)
{
    double pts[ULPM_FIG_EQ9_N][3];
    ulpm_figure_eq9(pts);
    fprintf(f, "# C printed derived\n");
    for (int i = 0; i < ULPM_FIG_EQ9_N; i++) {
        put(f, pts[i][0]);
        put(f, pts[i][1]);
        put(f, pts[i][2]);
        fprintf(f, "\n");
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
        put(f, pts[i][0]);
        put(f, pts[i][1]);
        put(f, pts[i][2]);
        fprintf(f, "\n");
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
            if (header) {
                header = 0;
                continue;
            }
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

static int have_gnuplot(void)
{
    return system("command -v gnuplot >/dev/null 2>&1") == 0;
}

static int run_gnuplot(const char *dir, report_fig *fig, const char *script)
{
    char path[8192], cmd[24800];
    snprintf(path, sizeof path, "%s/fig/%s.gp", dir, fig->name);
    FILE *f = fopen(path, "w");
    if (!f) return 1;
    fprintf(f,
            "set terminal svg size 720,420 dynamic font 'sans,12' background '#ffffff'\n"
            "set output '%s/fig/%s.svg'\nset title \"%s\"\nset key top right\nset grid\n%s\n",
            dir, fig->name, fig->title, script);
    fclose(f);
    snprintf(cmd, sizeof cmd, "gnuplot '%s' 2>'%s/fig/%s.log'", path, dir, fig->name);
    progress_detail("%s", fig->name);
    fig->ok = system(cmd) == 0;
    progress_add(1);
    return !fig->ok;
}

/* Names figure g (not drawn yet) and opens its data file DIR/fig/NAME.dat for writing (NULL on failure). */
static FILE *fig_open_data(const char *dir, report_fig *g, const char *paper, const char *name, const char *title,
                           const char *caption)
{
    char path[16384];
    snprintf(g->paper, sizeof g->paper, "%s", paper);
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
    FILE *f = fig_open_data(
        dir, g, "imbrelu", "imbrelu-phases-certified",
        "imbrelu.cor-4: certified phase diagram, K_A = K_B = 5, n_B = 100",
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
        snprintf(g->caption, sizeof g->caption,
                 "The data file " REPORT_PHASE_TSV " was not found in the data directory (NCCERT_DATA_DIR).");
        return;
    }
    snprintf(path, sizeof path,
             "set logscale xy\nset xrange [1:128]\nset yrange [5.8e-11:1.23e-4]\nset format y '10^{%%L}'\n"
             "set xlabel 'R = n_A / n_B'\nset ylabel 'lambda_W lambda_H'\nset key outside right top\nset style fill "
             "solid 1.0 noborder\n"
             "D = '%s/fig/%s.dat'\n"
             "plot D index 0 using (sqrt($1*$2)):(sqrt($3*$4)):1:2:3:4 with boxxyerror lc rgb '#4daf4a' title 'no "
             "collapse', "
             "D index 1 using (sqrt($1*$2)):(sqrt($3*$4)):1:2:3:4 with boxxyerror lc rgb '#ff9f1c' title 'minority "
             "collapse', "
             "D index 2 using (sqrt($1*$2)):(sqrt($3*$4)):1:2:3:4 with boxxyerror lc rgb '#d7191c' title 'complete "
             "collapse', "
             "D index 3 using (sqrt($1*$2)):(sqrt($3*$4)):1:2:3:4 with boxxyerror lc rgb '#9a9a9a' title 'undecided "
             "(depth limit)', "
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
    FILE *f = fig_open_data(
        dir, g, "msecp", "msecp-omega", "msecp: omega_j(t), C = N = 4, omega_j(0) = 1/2, 1, 5/2",
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
        snprintf(g->caption, sizeof g->caption,
                 "The data file " REPORT_OMEGA_TSV " was not found in the data directory (NCCERT_DATA_DIR).");
        return;
    }
    /* columns: 1 t, 2 j, 3 omega0, 4-5 closed (a), 6-7 ODE (a), 8-9 closed Prop. 2, 10-11 ODE Lemma 5, 12-13 descent */
    snprintf(path, sizeof path,
             "set xlabel 't'\nset ylabel 'omega_j(t)'\nset key top left\nD = '%s/fig/%s.dat'\n"
             "plot for [i=0:2] D index i using 1:(($4+$5)/2) with lines lw 2 lc i+1 title (i == 0 ? 'closed form, "
             "defined flow' : ''), "
             "for [i=0:2] D index i using 1:(($8+$9)/2) with lines lw 2 dt 2 lc i+1 title (i == 0 ? 'Proposition 2 "
             "(10)' : ''), "
             "for [i=0:2] D index i every 4 using 1:(($6+$7)/2):6:7 with yerrorbars pt 6 ps 0.6 lc i+1 title (i == 0 ? "
             "'ODE enclosure, defined flow' : ''), "
             "for [i=0:2] D index i every 4 using 1:(($10+$11)/2):10:11 with yerrorbars pt 4 ps 0.6 lc i+1 title (i == "
             "0 ? 'ODE enclosure, Lemma 5' : ''), "
             "for [i=0:2] D index i every 4::2 using 1:(($12+$13)/2) with points pt 2 ps 0.8 lc rgb '#000000' title (i "
             "== 0 ? 'discrete descent (D.1)' : '')",
             dir, g->name);
    run_gnuplot(dir, g, path);
}

static void make_figures(const char *dir, report_fig *figs, int *nfig)
{
    char path[16384];
    FILE *f;
    *nfig = 0;
    progress_begin("figures", REPORT_NFIG);
    report_fig *g = &figs[(*nfig)++];
    f = fig_open_data(
        dir, g, "ulpm", "example31-curves", "Example 3.1, C = 1: L(W',H') - L(W,H) along (10) and (55)",
        "Loss change divided by the squared distance d^2 to (W,H) (log scale in d^2), at C = 1, from the closed forms "
        "of "
        "proofs/derivations/ulpm-example-3.1.md. The appendix curve (55) lowers the loss; the main-text family "
        "(10) raises it near (W,H) (positive values) (audit row ulpm.001.eq-11: DISAGREES, certificates family10-*), "
        "and lowers it "
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
    f = fig_open_data(dir, g, "ulpm", "eq9-coefficient", "Example 3.1, eq. (9): coefficient of M in grad_W L",
                      "Printed -C(2+2e^{-2C^2})/(2+2e^{-2C^2}+2e^{2C^2}) against the derived "
                      "-C(2+2e^{-2C^2})/(2+e^{-2C^2}+e^{2C^2}). "
                      "The difference is certified non-zero for every C in [1/10, 4] (audit row ulpm.001.eq-9, "
                      "certificate eq9-box-1_10-4).");
    if (f) {
        data_eq9(f);
        fclose(f);
        snprintf(path, sizeof path,
                 "set xlabel 'C'\nset ylabel 'coefficient of M'\nset key bottom right\n"
                 "plot '%s/fig/%s.dat' using 1:2 with lines lw 2 title 'printed (9)', '' using 1:3 with lines lw 2 "
                 "title 'derived from (4)'",
                 dir, g->name);
        run_gnuplot(dir, g, path);
    }
    g = &figs[(*nfig)++];
    f = fig_open_data(
        dir, g, "imbrelu", "imbrelu-phases", "imbrelu: collapse phases from eq. (6), K_A = K_B = 5, n_B = 10",
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
    progress_end();
}

/* ---------- page ---------- */

static void html_esc(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '<')
            fputs("&lt;", f);
        else if (*s == '>')
            fputs("&gt;", f);
        else if (*s == '&')
            fputs("&amp;", f);
        else if (*s == '"')
            fputs("&quot;", f);
        else
            fputc(*s, f);
    }
}

static void md_esc(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            fputs("\\|", f);
        else if (*s == '*' || *s == '_' || *s == '<' || *s == '>')
            fprintf(f, "\\%c", *s);
        else
            fputc(*s, f);
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
    int certified; /* verdict is set; otherwise the certifier failed ("ERROR") */
    nc_verdict verdict;
    int as_expected; /* certified with the registry's expected verdict */
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
    progress_begin("registry", *n);
    for (int t = 0; t < *n; t++) {
        reg_result *x = &(*res)[t];
        x->r = registry_at(t);
        progress_set(t), progress_detail("%s/%s", x->r->claim, x->r->name);
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
    progress_end();
    return bad;
}

/* Everything the two pages are written from. */
typedef struct {
    FILE *h, *m;            /* report.html, report.md */
    const char *dir, *link; /* output directory; prefix of links to certificates/ */
    const reg_result *reg;
    int nreg;
    const audit_run *run;
    const report_fig *figs;
    int nfig, gnuplot;
} report_ctx;

/* The counts shown for one paper (the audit's as in audit_print_summary). */
typedef struct {
    int claims, instances, as_expected, figures;
    int formulas, verdicts[AUDIT_VERDICT_COUNT], audit_instances;
} paper_stats;

static int formula_of_paper(const audit_formula *F, const char *paper)
{
    char p[64];
    audit_paper_of(F->formula, p, sizeof p);
    return !strcmp(p, paper);
}

/* The registry instances of claim id: how many, how many with the expected verdict. */
static void claim_counts(const report_ctx *c, const char *id, int *cnt, int *okc)
{
    *cnt = *okc = 0;
    for (int t = 0; t < c->nreg; t++)
        if (!strcmp(c->reg[t].r->claim, id)) {
            (*cnt)++;
            *okc += c->reg[t].as_expected;
        }
}

static const char *claim_class(const report_ctx *c, const claim_info *ci)
{
    int cnt, okc;
    claim_counts(c, ci->id, &cnt, &okc);
    return ci->certify ? (okc == cnt ? "ok" : "bad") : "todo";
}

static paper_stats stats_of(const report_ctx *c, const char *paper)
{
    paper_stats s;
    memset(&s, 0, sizeof s);
    for (int k = 0; k < claim_catalogue_len; k++) {
        if (strcmp(claim_catalogue[k].paper, paper)) continue;
        int cnt, okc;
        claim_counts(c, claim_catalogue[k].id, &cnt, &okc);
        s.claims++;
        s.instances += cnt;
        s.as_expected += okc;
    }
    for (int k = 0; k < c->run->n_formulas; k++) {
        const audit_formula *F = &c->run->formulas[k];
        if (!formula_of_paper(F, paper)) continue;
        s.formulas++;
        s.verdicts[F->verdict]++;
        for (int i = F->first; i < F->first + F->count; i++)
            s.audit_instances += c->run->out[i].result != AUDIT_R_NONE && c->run->out[i].result != AUDIT_R_ARGUED &&
                                 c->run->out[i].result != AUDIT_R_NOTATION;
    }
    for (int i = 0; i < c->nfig; i++) s.figures += !strcmp(c->figs[i].paper, paper);
    return s;
}

/* "ulpm.lemma-3.1" -> "lemma-3.1": the id without its paper, for the contents. */
static const char *short_id(const char *id)
{
    const char *dot = strchr(id, '.');
    return dot ? dot + 1 : id;
}

static void write_head(const report_ctx *c)
{
    FILE *h = c->h, *m = c->m;
    fputs(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>nccert report</title>\n<style>\n"
        "body{font-family:sans-serif;max-width:1200px;margin:1.5em auto;padding:0 1em;color:#222;line-height:1.35}"
        "h1{margin:.2em 0}h2{margin:.4em 0 .3em}h3{margin:1.2em 0 .4em}"
        "table{border-collapse:collapse;margin:.6em 0;font-size:13px}td,th{border:1px solid #bbb;padding:3px 6px;"
        "vertical-align:top}th{background:#eee;text-align:left}.ok{background:#d9f2d9}.bad{background:#f6d0d0}"
        ".warn{background:#fbeec2}.todo{background:#e4e4e4}code{font-size:12px}td.num{text-align:right}"
        "nav{background:#f7f7f7;border:1px solid #ddd;padding:.4em 1em;margin:1em 0}nav "
        "ol{padding-left:1.3em;margin:.3em 0}"
        "nav li{margin:.45em 0}.n{color:#555;font-size:13px}.tl{font-size:12.5px;line-height:1.75;margin-left:.3em}"
        ".tl a{padding:0 3px;border-radius:3px;text-decoration:none;color:#123;white-space:nowrap}"
        ".tk{display:inline-block;width:4.8em;color:#555;font-weight:bold}"
        "section{border-top:2px solid #bbb;margin-top:1.6em}"
        ".figs{display:flex;flex-wrap:wrap;gap:0 1.2em}figure{margin:.4em 0;flex:1 1 540px;max-width:720px}"
        "figure svg{width:100%;height:auto;display:block}figcaption{font-size:12.5px}"
        "details.f{border-bottom:1px solid #e2e2e2;font-size:13px}details.f>summary{cursor:pointer;padding:3px 4px;"
        "white-space:nowrap;overflow:hidden;text-overflow:ellipsis}details.f[open]>summary{background:#f3f3f3}"
        "summary span{display:inline-block;vertical-align:top;overflow:hidden;text-overflow:ellipsis}"
        "summary "
        "span.pr{display:inline}.fid{width:19em;font-family:monospace;font-size:12px}.lab{width:10em}.vd{width:9.5em;"
        "padding:0 4px;"
        "border-radius:3px}.ni{width:5.5em;color:#555}.pr{color:#444}.fb{padding:2px 8px 8px 24px}"
        ".fb table{width:100%;margin:.3em 0}.fb th{width:7em}"
        "details.r{font-size:13px}details.r>summary{cursor:pointer;padding:2px 4px}details.r>summary span.c{width:15em}"
        "button{font-size:12px;margin-left:.5em}.focus figure{max-width:none}"
        "</style></head><body>\n<h1>nccert report</h1>\n"
        "<p>Rigorous certificates for the claims of four neural-collapse papers (ulpm, linconv, msecp, imbrelu) and "
        "an audit of their printed formulas. Every PROVED/REFUTED verdict and every DISAGREES row comes with a "
        "certificate that the independent checker <code>nccheck</code> re-verifies. Figures are illustrations "
        "(drawn with gnuplot); the certificates are the evidence.</p>\n",
        h);
    fputs(
        "# nccert report\n\nRigorous certificates for the claims of four neural-collapse papers and an audit of their "
        "printed formulas. Every PROVED/REFUTED verdict and every DISAGREES row comes with a certificate that "
        "`nccheck` re-verifies. Figures are illustrations (gnuplot); the certificates are the evidence.\n\n",
        m);
    if (!c->gnuplot) {
        fputs("<p><b>gnuplot was not found: figures omitted</b> (install with <code>make report-deps</code>).</p>\n",
              h);
        fputs("**gnuplot was not found: figures omitted** (install with `make report-deps`).\n\n", m);
    }
}

/* The contents: each paper with links to its figures, its claims and its audit formulas
 * (coloured by verdict), so that the page is read from here. */
static void write_toc(const report_ctx *c)
{
    FILE *h = c->h, *m = c->m;
    fputs(
        "<nav id=\"contents\"><h2>Contents</h2>\n<ol>\n<li><a href=\"#summary\">Summary</a> <span class=\"n\">claims, "
        "registry instances and audit verdicts per paper; what the verdicts mean</span></li>\n",
        h);
    fputs("## Contents\n\n- [Summary](#summary): claims, registry instances and audit verdicts per paper; what the "
          "verdicts "
          "mean\n",
          m);
    for (int p = 0; p < claim_papers_len; p++) {
        const char *key = claim_papers[p];
        paper_stats s = stats_of(c, key);
        fprintf(h,
                "<li><a href=\"#paper-%s\"><b>%s</b></a> <span class=\"n\">%d claims, %d registry instances, %d audit "
                "formulas, %d figure(s)</span>\n",
                key, key, s.claims, s.instances, s.formulas, s.figures);
        fprintf(m, "- [%s](#paper-%s): %d claims, %d registry instances, %d audit formulas, %d figure(s)\n", key, key,
                s.claims, s.instances, s.formulas, s.figures);
        if (s.figures) {
            fputs("<div class=\"tl\"><span class=\"tk\">Figures</span>", h);
            fputs("  - Figures:", m);
            for (int i = 0, first = 1; i < c->nfig; i++) {
                if (strcmp(c->figs[i].paper, key)) continue;
                fprintf(h, "%s<a href=\"#fig-%s\">", first ? " " : " &middot; ", c->figs[i].name);
                html_esc(h, c->figs[i].title);
                fputs("</a>", h);
                fprintf(m, "%s[", first ? " " : " · ");
                md_esc(m, c->figs[i].title);
                fprintf(m, "](#fig-%s)", c->figs[i].name);
                first = 0;
            }
            fputs("</div>\n", h);
            fputs("\n", m);
        }
        fputs("<div class=\"tl\"><span class=\"tk\">Claims</span>", h);
        fputs("  - Claims:", m);
        for (int k = 0, first = 1; k < claim_catalogue_len; k++) {
            const claim_info *ci = &claim_catalogue[k];
            if (strcmp(ci->paper, key)) continue;
            fprintf(h, " <a class=\"%s\" href=\"#%s\" title=\"", claim_class(c, ci), ci->id);
            html_esc(h, ci->label);
            fprintf(h, "\">%s</a>", short_id(ci->id));
            fprintf(m, "%s[%s](#%s)", first ? " " : " · ", short_id(ci->id), ci->id);
            first = 0;
        }
        fputs("</div>\n<div class=\"tl\"><span class=\"tk\">Audit</span>", h);
        fputs("\n  - Audit:", m);
        for (int k = 0, first = 1; k < c->run->n_formulas; k++) {
            const audit_formula *F = &c->run->formulas[k];
            if (!formula_of_paper(F, key)) continue;
            fprintf(h, " <a class=\"%s\" href=\"#%s\" title=\"%s\">%s</a>", audit_class(F->verdict), F->formula,
                    audit_verdict_name(F->verdict), short_id(F->formula));
            fprintf(m, "%s[%s](#%s)", first ? " " : " · ", short_id(F->formula), F->formula);
            first = 0;
        }
        fputs("</div></li>\n", h);
        fputs("\n", m);
    }
    fputs("<li><a href=\"#notes\">Notes</a> <span class=\"n\">how this page was made</span></li>\n</ol>\n"
          "<p class=\"n\">Colours: green PROVED as expected / AGREES, red not as expected / DISAGREES, yellow "
          "NEEDS-HYPOTHESIS or UNREADABLE, grey NOT-EVALUABLE or NOTATION.</p></nav>\n",
          h);
    fputs("- [Notes](#notes): how this page was made\n\n", m);
}

static const char AUDIT_LEGEND[] =
    "Verdicts per formula (rows of specs/audit/; nccert audit --format tsv). AGREES: printed and derived values "
    "coincide on every instance (exactly where exact); DISAGREES: certified non-zero discrepancy on some instance; "
    "NEEDS-HYPOTHESIS: holds exactly under an unstated condition, both sides certified; UNREADABLE: the OCR cannot be "
    "read, the verdict of the reading used is given; NOT-EVALUABLE: a limit or an all-time statement that no finite "
    "computation on an instance decides (the derivation argues it; no certificate); NOTATION: notation or a "
    "definition, "
    "nothing to check.";

/* One table: per paper, the claims and registry instances, the figures and the audit verdicts. */
static void write_summary(const report_ctx *c)
{
    FILE *h = c->h, *m = c->m;
    fputs(
        "<section id=\"summary\"><h2>Summary</h2>\n<table><tr><th>paper</th><th>claims</th><th>registry instances</th>"
        "<th>as expected / not</th><th>figures</th><th>audit formulas</th>",
        h);
    fputs(
        "<a id=\"summary\"></a>\n\n## Summary\n\n| paper | claims | registry instances | as expected / not | figures | "
        "audit formulas |",
        m);
    for (int v = 0; v < AUDIT_VERDICT_COUNT; v++) {
        fprintf(h, "<th>%s</th>", audit_verdict_name((audit_verdict)v));
        fprintf(m, " %s |", audit_verdict_name((audit_verdict)v));
    }
    fputs("<th>audit instances</th></tr>\n", h);
    fputs(" audit instances |\n|---|", m);
    for (int k = 0; k < 6 + AUDIT_VERDICT_COUNT; k++) fputs("---:|", m);
    fputs("\n", m);
    paper_stats tot;
    memset(&tot, 0, sizeof tot);
    for (int p = 0; p <= claim_papers_len; p++) {
        const int total = p == claim_papers_len;
        paper_stats s = total ? tot : stats_of(c, claim_papers[p]);
        const char *cls = s.as_expected == s.instances ? "ok" : "bad";
        if (total)
            fprintf(h, "<tr><th>total</th>");
        else
            fprintf(h, "<tr><td><a href=\"#paper-%s\">%s</a></td>", claim_papers[p], claim_papers[p]);
        fprintf(h,
                "<td class=\"num\">%d</td><td class=\"num\">%d</td><td class=\"num %s\">%d / %d</td><td "
                "class=\"num\">%d</td>"
                "<td class=\"num\">%d</td>",
                s.claims, s.instances, cls, s.as_expected, s.instances - s.as_expected, s.figures, s.formulas);
        if (total)
            fputs("| **total**", m);
        else
            fprintf(m, "| [%s](#paper-%s)", claim_papers[p], claim_papers[p]);
        fprintf(m, " | %d | %d | %d / %d | %d | %d |", s.claims, s.instances, s.as_expected,
                s.instances - s.as_expected, s.figures, s.formulas);
        for (int v = 0; v < AUDIT_VERDICT_COUNT; v++) {
            fprintf(h, "<td class=\"num%s%s\">%d</td>", s.verdicts[v] ? " " : "",
                    s.verdicts[v] ? audit_class((audit_verdict)v) : "", s.verdicts[v]);
            fprintf(m, " %d |", s.verdicts[v]);
            tot.verdicts[v] += s.verdicts[v];
        }
        fprintf(h, "<td class=\"num\">%d</td></tr>\n", s.audit_instances);
        fprintf(m, " %d |\n", s.audit_instances);
        tot.claims += s.claims, tot.instances += s.instances, tot.as_expected += s.as_expected,
            tot.figures += s.figures;
        tot.formulas += s.formulas, tot.audit_instances += s.audit_instances;
    }
    fprintf(h, "</table>\n<p class=\"n\">%s</p>\n</section>\n", AUDIT_LEGEND);
    fprintf(m, "\n%s\n\n", AUDIT_LEGEND);
}

static void write_figures(const report_ctx *c, const char *key)
{
    FILE *h = c->h, *m = c->m;
    char path[16384];
    fprintf(h, "<h3 id=\"figures-%s\">Figures</h3>\n<div class=\"figs\">\n", key);
    fprintf(m, "### Figures\n\n");
    for (int i = 0; i < c->nfig; i++) {
        const report_fig *g = &c->figs[i];
        if (strcmp(g->paper, key)) continue;
        fprintf(h, "<figure id=\"fig-%s\">", g->name);
        if (g->ok) {
            snprintf(path, sizeof path, "%s/fig/%s.svg", c->dir, g->name);
            inline_file(h, path);
        } else {
            fputs("<p><b>gnuplot failed for this figure</b></p>", h);
        }
        fputs("<figcaption>", h);
        html_esc(h, g->caption);
        fputs("</figcaption></figure>\n", h);
        fprintf(m, "<a id=\"fig-%s\"></a>\n\n![%s](fig/%s.svg)\n\n", g->name, g->title, g->name);
        md_esc(m, g->caption);
        fputs("\n\n", m);
    }
    fputs("</div>\n", h);
}

static void write_claims(const report_ctx *c, const char *key)
{
    FILE *h = c->h, *m = c->m;
    fprintf(h,
            "<h3 id=\"claims-%s\">Claims</h3>\n<table><tr><th>claim</th><th>label</th><th>status</th><th>instances</th>"
            "<th>verdicts (as expected / not)</th><th>summary</th></tr>\n",
            key);
    fputs("### Claims\n\n| claim | label | status | instances | as expected / not | summary "
          "|\n|---|---|---|---|---|---|\n",
          m);
    for (int k = 0; k < claim_catalogue_len; k++) {
        const claim_info *ci = &claim_catalogue[k];
        if (strcmp(ci->paper, key)) continue;
        int cnt, okc;
        claim_counts(c, ci->id, &cnt, &okc);
        const char *status = ci->certify ? "certified" : "planned";
        fprintf(h, "<tr id=\"%s\" class=\"%s\"><td><a href=\"#reg-%s\">%s</a></td><td>", ci->id, claim_class(c, ci),
                ci->id, ci->id);
        html_esc(h, ci->label);
        fprintf(h, "</td><td>%s</td><td>%d</td><td>%d / %d</td><td>", status, cnt, okc, cnt - okc);
        html_esc(h, ci->summary);
        fputs("</td></tr>\n", h);
        fprintf(m, "| <a id=\"%s\"></a>[%s](#reg-%s) | ", ci->id, ci->id, ci->id);
        md_esc(m, ci->label);
        fprintf(m, " | %s | %d | %d / %d | ", status, cnt, okc, cnt - okc);
        md_esc(m, ci->summary);
        fputs(" |\n", m);
    }
    fputs("</table>\n", h);
    fputs("\n", m);
}

/* One formula: a line (id, label, verdict, number of instances, the printed formula cut to the
 * line) that opens to everything the audit row says. */
static void write_formula(const report_ctx *c, const audit_formula *F)
{
    FILE *h = c->h, *m = c->m;
    const audit_line *l = c->run->out[F->first].line;
    int backed = 0;
    for (int i = F->first; i < F->first + F->count; i++)
        backed += c->run->out[i].result != AUDIT_R_NONE && c->run->out[i].result != AUDIT_R_ARGUED &&
                  c->run->out[i].result != AUDIT_R_NOTATION;
    fprintf(h, "<details class=\"f\" id=\"%s\"><summary><span class=\"fid\">%s</span> <span class=\"lab\">", F->formula,
            F->formula);
    html_esc(h, l->label);
    fprintf(h, "</span> <span class=\"vd %s\">%s</span> <span class=\"ni\">%d inst.</span> <span class=\"pr\">",
            audit_class(F->verdict), audit_verdict_name(F->verdict), backed);
    html_esc(h, l->printed);
    fputs("</span></summary>\n<div class=\"fb\"><table>", h);
    fputs("<tr><th>label</th><td>", h);
    html_esc(h, l->label);
    fputs("</td></tr><tr><th>seed</th><td>", h);
    html_esc(h, l->seed);
    fprintf(h, "</td></tr><tr><th>verdict</th><td class=\"%s\">%s", audit_class(F->verdict),
            audit_verdict_name(F->verdict));
    if (F->verdict != F->reading_verdict)
        fprintf(h, "<br><small>reading: %s</small>", audit_verdict_name(F->reading_verdict));
    if (strcmp(l->hypothesis, "-")) {
        fputs("<br><small>needs: ", h);
        html_esc(h, l->hypothesis);
        fputs("</small>", h);
    }
    fputs("</td></tr><tr><th>printed</th><td>", h);
    html_esc(h, l->printed);
    fputs("</td></tr><tr><th>derived</th><td>", h);
    html_esc(h, l->derived);
    if (strcmp(l->note, "-")) {
        fputs("<br><small>", h);
        html_esc(h, l->note);
        fputs("</small>", h);
    }
    fputs("</td></tr><tr><th>instances<br><small>result, discrepancy, certificate</small></th><td>", h);
    fprintf(m, "| <a id=\"%s\"></a>%s | ", F->formula, F->formula);
    md_esc(m, l->label);
    fprintf(m, " | %s%s%s | ", audit_verdict_name(F->verdict), F->verdict != F->reading_verdict ? " (reading: " : "",
            F->verdict != F->reading_verdict ? audit_verdict_name(F->reading_verdict) : "");
    if (F->verdict != F->reading_verdict) fputs(")", m);
    md_esc(m, l->printed);
    fputs(" | ", m);
    md_esc(m, l->derived);
    fputs(" | ", m);
    for (int i = F->first; i < F->first + F->count; i++) {
        const audit_outcome *o = &c->run->out[i];
        if (o->result == AUDIT_R_NONE) {
            fputs("NOT-EVALUABLE (argued in the derivation)", h);
            fputs("NOT-EVALUABLE (argued in the derivation)", m);
            continue;
        }
        if (o->result == AUDIT_R_NOTATION) {
            fputs("NOTATION (notation or a definition: nothing to check)", h);
            fputs("NOTATION (notation or a definition: nothing to check)", m);
            continue;
        }
        if (o->result == AUDIT_R_ARGUED) {
            fputs("ARGUED (no certificate: the argument is in the note and the derivation)", h);
            fputs("ARGUED (no certificate: the argument is in the note and the derivation)", m);
            continue;
        }
        fprintf(h, "<a href=\"%s%s\">%s</a> %s", c->link, o->cert_path, o->line->name, audit_result_name(o->result));
        if (strcmp(o->line->role, "test")) fprintf(h, " (%s)", o->line->role);
        if (strcmp(o->diff_val, "-")) fprintf(h, " <code>%s</code>", o->diff_val);
        fputs("<br>", h);
        fprintf(m, "[%s](%s%s) %s%s ", o->line->name, c->link, o->cert_path, audit_result_name(o->result),
                i + 1 < F->first + F->count ? ";" : "");
    }
    fputs("</td></tr></table></div></details>\n", h);
    fputs(" |\n", m);
}

static void write_audit(const report_ctx *c, const char *key, const paper_stats *s)
{
    FILE *h = c->h, *m = c->m;
    fprintf(h, "<h3 id=\"audit-%s\">Audit of the printed formulas</h3>\n<p class=\"n\">%d formulas:", key, s->formulas);
    fprintf(m, "### Audit of the printed formulas\n\n%d formulas:", s->formulas);
    for (int v = 0, first = 1; v < AUDIT_VERDICT_COUNT; v++) {
        if (!s->verdicts[v]) continue;
        fprintf(h, "%s %d %s", first ? "" : ",", s->verdicts[v], audit_verdict_name((audit_verdict)v));
        fprintf(m, "%s %d %s", first ? "" : ",", s->verdicts[v], audit_verdict_name((audit_verdict)v));
        first = 0;
    }
    const audit_coverage *cov = &c->run->coverage;
    for (int p = 0; cov->loaded && p < claim_papers_len && p < AUDIT_PAPERS_MAX; p++)
        if (!strcmp(claim_papers[p], key)) {
            fprintf(h, "; coverage %d / %d displayed items of the seed (specs/audit/coverage.tsv)", cov->mapped[p],
                    cov->items[p]);
            fprintf(m, "; coverage %d / %d displayed items of the seed (specs/audit/coverage.tsv)", cov->mapped[p],
                    cov->items[p]);
        }
    fprintf(
        h,
        ". Findings (DISAGREES, NEEDS-HYPOTHESIS) first. Each line opens to the printed and the derived formula and "
        "the certified instances that decide it "
        "(legend: <a href=\"#summary\">Summary</a>).<button onclick=\"openAll('audit-list-%s',true)\">open all</button>"
        "<button onclick=\"openAll('audit-list-%s',false)\">close all</button></p>\n<div id=\"audit-list-%s\">\n",
        key, key, key);
    fputs(".\n\n| formula | label | verdict | printed | derived | instances |\n|---|---|---|---|---|---|\n", m);
    for (int pass = 0; pass < 2; pass++) /* findings (DISAGREES, NEEDS-HYPOTHESIS) first */
        for (int k = 0; k < c->run->n_formulas; k++)
            if (formula_of_paper(&c->run->formulas[k], key) && audit_is_finding(&c->run->formulas[k]) == !pass)
                write_formula(c, &c->run->formulas[k]);
    fputs("</div>\n", h);
    fputs("\n", m);
}

/* Per claim, its registry instances in a collapsed list (the numbers are in the claims table). */
/* ": 12 PROVED, 3 REFUTED" for the registry instances of claim id (verdicts as certified now;
 * ERROR for a certifier that failed). */
static void verdict_counts(const report_ctx *c, const char *id, char *dst, size_t len)
{
    int cnt[NC_VERDICT_COUNT + 1] = {0};
    for (int t = 0; t < c->nreg; t++)
        if (!strcmp(c->reg[t].r->claim, id)) cnt[c->reg[t].certified ? (int)c->reg[t].verdict : NC_VERDICT_COUNT]++;
    size_t n = 0;
    dst[0] = '\0';
    for (int v = 0; v <= NC_VERDICT_COUNT && n < len; v++)
        if (cnt[v])
            n += (size_t)snprintf(dst + n, len - n, "%s %d %s", n ? "," : ":", cnt[v],
                                  v < NC_VERDICT_COUNT ? nc_verdict_name((nc_verdict)v) : "ERROR");
}

static void write_registry(const report_ctx *c, const char *key)
{
    FILE *h = c->h, *m = c->m;
    fprintf(h,
            "<h3 id=\"registry-%s\">Registry instances</h3>\n<p class=\"n\">The default instances of each claim "
            "(specs/registry/), certified anew for this report, with their committed certificates.</p>\n",
            key);
    fputs("### Registry instances\n\n", m);
    for (int k = 0; k < claim_catalogue_len; k++) {
        const claim_info *ci = &claim_catalogue[k];
        if (strcmp(ci->paper, key)) continue;
        int cnt, okc;
        char verdicts[256];
        claim_counts(c, ci->id, &cnt, &okc);
        verdict_counts(c, ci->id, verdicts, sizeof verdicts);
        fprintf(h,
                "<details class=\"r\" id=\"reg-%s\"><summary><span class=\"c\">%s</span> %d instance(s)%s; <span "
                "class=\"%s\">%d as "
                "expected, %d not</span></summary>\n<table><tr><th>claim</th><th>instance</th><th>verdict</th>"
                "<th>expected</th><th>certificate</th></tr>\n",
                ci->id, ci->id, cnt, verdicts, okc == cnt ? "ok" : "bad", okc, cnt - okc);
        fprintf(m,
                "<a id=\"reg-%s\"></a>\n<details><summary>%s: %d instance(s)%s; %d as expected, %d not</summary>\n\n"
                "| claim | instance | verdict | expected | certificate |\n|---|---|---|---|---|\n",
                ci->id, ci->id, cnt, verdicts, okc, cnt - okc);
        for (int t = 0; t < c->nreg; t++) {
            const reg_result *x = &c->reg[t];
            if (strcmp(x->r->claim, ci->id)) continue;
            fprintf(h,
                    "<tr class=\"%s\"><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td><a "
                    "href=\"%scertificates/%s/%s.json\">"
                    "certificates/%s/%s.json</a></td></tr>\n",
                    x->as_expected ? verdict_class(x->verdict) : "bad", x->r->claim, x->r->name, reg_verdict_name(x),
                    x->r->expected, c->link, x->r->claim, x->r->name, x->r->claim, x->r->name);
            fprintf(m, "| %s | %s | %s | %s | [certificates/%s/%s.json](%scertificates/%s/%s.json) |\n", x->r->claim,
                    x->r->name, reg_verdict_name(x), x->r->expected, x->r->claim, x->r->name, c->link, x->r->claim,
                    x->r->name);
        }
        fputs("</table></details>\n", h);
        fputs("\n</details>\n\n", m);
    }
}

static void write_paper(const report_ctx *c, const char *key)
{
    paper_stats s = stats_of(c, key);
    fprintf(c->h,
            "<section id=\"paper-%s\"><h2>%s</h2>\n<p class=\"n\">%d claims; %d registry instances, %d as expected, %d "
            "not; %d audit formulas; %d figure(s). Claim ids %s.*, audit rows specs/audit/%s.tsv.</p>\n",
            key, key, s.claims, s.instances, s.as_expected, s.instances - s.as_expected, s.formulas, s.figures, key,
            key);
    fprintf(c->m,
            "<a id=\"paper-%s\"></a>\n\n## %s\n\n%d claims; %d registry instances, %d as expected, %d not; %d audit "
            "formulas; %d figure(s). Claim ids %s.\\*, audit rows specs/audit/%s.tsv.\n\n",
            key, key, s.claims, s.instances, s.as_expected, s.instances - s.as_expected, s.formulas, s.figures, key,
            key);
    if (s.figures) write_figures(c, key);
    write_claims(c, key);
    write_audit(c, key, &s);
    write_registry(c, key);
    fputs("</section>\n", c->h);
}

/* Opens the <details> around the target of a link (and on load), so that #anchors inside the
 * collapsed lists work in every browser; the open/close-all buttons; report.html?focus=ID shows
 * element ID alone at the top (a figure, a claim's instances: `make report` takes its figure
 * screenshot so, headless Chromium shooting a page scrolled to an #anchor blank). */
static const char PAGE_SCRIPT[] =
    "<script>\n"
    "var focus=new URLSearchParams(location.search).get('focus'),fe=focus&&document.getElementById(focus);\n"
    "if(fe){var back=document.createElement('p');back.className='n';back.innerHTML='nccert report: <a href=\"'+"
    "location.pathname.split('/').pop()+'#'+focus+'\">'+focus+' in the whole page</a>';document.body.textContent='';"
    "document.body.appendChild(back);document.body.appendChild(fe);document.body.className='focus';"
    "if(fe.tagName==='DETAILS')fe.open=true;}\n"
    "function openAll(id,on){document.querySelectorAll('#'+id+' details').forEach(function(d){d.open=on;});}\n"
    "function reveal(){var id=decodeURIComponent(location.hash.slice(1));var e=id&&document.getElementById(id);"
    "if(!e)return;for(var p=e;p;p=p.parentElement)if(p.tagName==='DETAILS')p.open=true;e.scrollIntoView();}\n"
    "window.addEventListener('hashchange',reveal);reveal();\n"
    "</script>\n";

static void write_pages(const char *dir, const char *link_prefix, const reg_result *reg, int nreg, const audit_run *run,
                        const report_fig *figs, int nfig, int gnuplot)
{
    char path[16384];
    report_ctx c = {NULL, NULL, dir, link_prefix, reg, nreg, run, figs, gnuplot ? nfig : 0, gnuplot};
    snprintf(path, sizeof path, "%s/report.html", dir);
    c.h = fopen(path, "w");
    snprintf(path, sizeof path, "%s/report.md", dir);
    c.m = fopen(path, "w");
    if (!c.h || !c.m) {
        if (c.h) fclose(c.h);
        if (c.m) fclose(c.m);
        return;
    }
    write_head(&c);
    write_toc(&c);
    write_summary(&c);
    for (int p = 0; p < claim_papers_len; p++) write_paper(&c, claim_papers[p]);
    fputs("<section id=\"notes\"><h2>Notes</h2>\n<p>Generated by <code>nccert report</code>. Certificates under "
          "certificates/audit/ are written by <code>nccert audit --write-certificates certificates/audit</code> (make "
          "verify).</p></section>\n",
          c.h);
    fputs(PAGE_SCRIPT, c.h);
    fputs("</body></html>\n", c.h);
    fputs(
        "<a id=\"notes\"></a>\n\n## Notes\n\nGenerated by `nccert report`. Certificates under certificates/audit/ are "
        "written by `nccert audit --write-certificates certificates/audit` (make verify).\n",
        c.m);
    fclose(c.h);
    fclose(c.m);
}

int cli_report(int argc, char **argv)
{
    static const struct option opts[] = {
        {"out", required_argument, NULL, 'o'},  {"specs", required_argument, NULL, 's'},
        {"no-figures", no_argument, NULL, 'n'}, {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},       {NULL, 0, NULL, 0}};
    char default_specs[4096];
    const char *dir = "build/report", *specs = cli_data_path(default_specs, sizeof default_specs, "specs/audit");
    int figures = 1, quiet = 0, ch;
    nc_error err = {0, ""};
    opterr = 0;
    optind = 1;
    while ((ch = cli_getopt("report", argc, argv, "qh", opts, &err)) != -1) {
        switch (ch) {
        case 'o': dir = optarg; break;
        case 's': specs = optarg; break;
        case 'n': figures = 0; break;
        case 'q': quiet = 1; break;
        case 'h': fputs(report_usage, stdout); return 0;
        default: return cli_fail(&err);
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
    if (audit_load(specs, NULL, &run.lines, &run.n_lines, &err) ||
        audit_coverage_load(specs, NULL, run.lines, run.n_lines, &run.coverage, &err)) {
        audit_run_clear(&run);
        return cli_fail(&err);
    }
    progress_auto(quiet), progress_begin("report", 0);
    if (audit_execute(&run, NULL, "certificates/audit", &err)) {
        progress_end();
        audit_run_clear(&run);
        return cli_fail(&err);
    }
    reg_result *reg;
    int nreg, bad = run_registry(&reg, &nreg);
    report_fig figs[REPORT_NFIG];
    int nfig = 0, gnuplot = figures && have_gnuplot();
    if (gnuplot) make_figures(dir, figs, &nfig);
    progress_end();
    if (!gnuplot && figures) fprintf(stderr, "nccert: report: gnuplot not found: figures omitted (make report-deps)\n");
    write_pages(dir, prefix, reg, nreg, &run, figs, nfig, gnuplot);
    for (int k = 0; k < run.n_formulas; k++) bad += run.formulas[k].verdict == AUDIT_V_INCONCLUSIVE;
    for (int i = 0; i < nfig; i++)
        if (!figs[i].ok)
            fprintf(stderr, "nccert: report: gnuplot failed for %s (see %s/fig/%s.log)\n", figs[i].name, dir,
                    figs[i].name);
    printf("report: %s/report.html, %s/report.md (%d figure(s))\n", dir, dir, gnuplot ? nfig : 0);
    free(reg);
    audit_run_clear(&run);
    return bad ? NC_EXIT_NOT_ESTABLISHED : NC_EXIT_OK;
}
