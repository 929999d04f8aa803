/* audit_run.c: runs the audit lines: certifies each (claim, instance name) once with the claim's
 * own certifier, writes the certificate (optional), evaluates the printed / derived /
 * discrepancy expressions on the certified quantities, classifies each line and aggregates the
 * verdict of each formula (rules: specs/audit/README.md). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "audit/audit.h"
#include "cert/cert.h"
#include "claims/registry.h"
#include "common/progress.h"

#define AUDIT_PREC 192
#define AUDIT_TOL_LOG2 (-36)

static const char *const RESULT_NAMES[] = {"NOT-EVALUABLE", "AGREES", "DISAGREES", "INCONCLUSIVE",
                                           "UNEXPECTED",    "ERROR",  "ARGUED",    "NOTATION"};
static const char *const VERDICT_NAMES[AUDIT_VERDICT_COUNT] = {
    "AGREES", "DISAGREES", "NEEDS-HYPOTHESIS", "UNREADABLE", "NOT-EVALUABLE", "NOTATION", "INCONCLUSIVE"};

const char *audit_result_name(audit_result r)
{
    return RESULT_NAMES[r];
}

int audit_result_parse(const char *s, audit_result *r)
{
    for (int k = 0; s && k < (int)(sizeof RESULT_NAMES / sizeof RESULT_NAMES[0]); k++)
        if (!strcmp(s, RESULT_NAMES[k])) {
            *r = (audit_result)k;
            return 0;
        }
    return -1;
}

const char *audit_verdict_name(audit_verdict v)
{
    return VERDICT_NAMES[v];
}

int audit_verdict_parse(const char *s, audit_verdict *v)
{
    for (int k = 0; s && k < AUDIT_VERDICT_COUNT; k++)
        if (!strcmp(s, VERDICT_NAMES[k])) {
            *v = (audit_verdict)k;
            return 0;
        }
    return -1;
}

/* The instance JSON text of a line: registry:NAME (that claim's entry in specs/registry/<claim>.tsv)
 * or inline; NULL for a name the registry does not have. */
static const char *line_instance_text(const audit_line *l)
{
    if (strncmp(l->instance, "registry:", 9)) return l->instance;
    const registry_entry *r = registry_find(l->claim, l->instance + 9);
    return r ? r->instance : NULL;
}

typedef struct {
    char key[200];
    char *instance_text;
    json_t *instance;
    json_t *cert; /* NULL when the certifier failed */
    char error[256];
} cert_cache;

static cert_cache *cache_get(cert_cache **c, int *n, const audit_line *l, const char *text, const char *cert_dir,
                             nc_error *err)
{
    char key[200];
    snprintf(key, sizeof key, "%s/%s", l->claim, l->name);
    for (int i = 0; i < *n; i++)
        if (!strcmp((*c)[i].key, key)) {
            if (strcmp((*c)[i].instance_text, text)) {
                nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: instance name %s reused for a different instance", l->file,
                             l->lineno, key);
                return NULL;
            }
            return &(*c)[i];
        }
    *c = realloc(*c, (size_t)(*n + 1) * sizeof **c);
    cert_cache *e = &(*c)[(*n)++];
    memset(e, 0, sizeof *e);
    snprintf(e->key, sizeof e->key, "%s", key);
    e->instance_text = strdup(text);
    json_error_t jerr;
    e->instance = json_loads(text, JSON_REJECT_DUPLICATES, &jerr);
    if (!e->instance) {
        nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: instance is not JSON: %s", l->file, l->lineno, jerr.text);
        return NULL;
    }
    certify_options o;
    certify_options_default(&o);
    nc_error cerr = {0, ""};
    const claim_info *ci = claim_find(l->claim);
    if (!ci->certify) {
        snprintf(e->error, sizeof e->error, "claim %s has no certifier yet", l->claim);
        return e;
    }
    progress_detail("%s: certifying %s", l->formula, key);
    if (ci->certify(e->instance, &o, &e->cert, &cerr)) {
        snprintf(e->error, sizeof e->error, "%s", cerr.msg);
        e->cert = NULL;
        return e;
    }
    if (cert_dir) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", cert_dir, l->claim);
        if (cert_mkdir_p(path) != 0) {
            nc_error_set(err, NC_EXIT_BAD_INPUT, "cannot create directory %s: %s", path, strerror(errno));
            return NULL;
        }
        snprintf(path, sizeof path, "%s/%s/%s.json", cert_dir, l->claim, l->name);
        if (cert_write_atomic(e->cert, path, err)) return NULL;
    }
    return e;
}

static void ball_str(char *dst, size_t len, const arb_t x)
{
    char *s = arb_get_str(x, 17, 0);
    snprintf(dst, len, "%s", s);
    flint_free(s);
}

/* Evaluates the three expressions; returns 1 when diff was computed (in diff). */
static int eval_values(audit_outcome *o, const cert_cache *e, arb_t diff, nc_error *err)
{
    const audit_line *l = o->line;
    arb_t p, d;
    arb_init(p);
    arb_init(d);
    int have_p = 0, have_d = 0, have_diff = 0, rc = 0;
    if (strcmp(l->printed_q, "-")) {
        if ((rc = audit_eval_rpn(p, l->printed_q, e->cert, e->instance, AUDIT_PREC, err))) goto done;
        ball_str(o->printed_val, sizeof o->printed_val, p);
        have_p = 1;
    }
    if (strcmp(l->derived_q, "-")) {
        if ((rc = audit_eval_rpn(d, l->derived_q, e->cert, e->instance, AUDIT_PREC, err))) goto done;
        ball_str(o->derived_val, sizeof o->derived_val, d);
        have_d = 1;
    }
    if (strcmp(l->diff_q, "-")) {
        if ((rc = audit_eval_rpn(diff, l->diff_q, e->cert, e->instance, AUDIT_PREC, err))) goto done;
        have_diff = 1;
    } else if (have_p && have_d) {
        arb_sub(diff, p, d, AUDIT_PREC);
        have_diff = 1;
    }
    if (have_diff) ball_str(o->diff_val, sizeof o->diff_val, diff);
done:
    arb_clear(p);
    arb_clear(d);
    return rc ? -1 : have_diff;
}

static void run_line(audit_outcome *o, cert_cache *e)
{
    const audit_line *l = o->line;
    if (!e->cert) {
        o->result = AUDIT_R_ERROR;
        snprintf(o->detail, sizeof o->detail, "%s", e->error);
        return;
    }
    if (nc_verdict_parse(json_string_value(json_object_get(e->cert, "verdict")), &o->cert_verdict)) {
        o->result = AUDIT_R_ERROR;
        snprintf(o->detail, sizeof o->detail, "the certificate has no verdict");
        return;
    }
    o->has_cert_verdict = 1;
    arb_t diff;
    arb_init(diff);
    nc_error verr = {0, ""};
    int hd = eval_values(o, e, diff, &verr);
    if (hd < 0) {
        o->result = AUDIT_R_ERROR;
        snprintf(o->detail, sizeof o->detail, "%s", verr.msg);
    } else if (!strcmp(l->mode, "cert")) {
        o->result = l->map_to[o->cert_verdict];
    } else if (o->cert_verdict == NC_INCONCLUSIVE) {
        o->result = AUDIT_R_INCONCLUSIVE; /* the quantities are only trusted from an accepted certificate */
    } else if (!arb_contains_zero(diff)) {
        o->result = AUDIT_R_DISAGREES;
    } else {
        /* contains 0: AGREES when the enclosure is 0 exactly or within AUDIT_TOL_LOG2 (the
         * certificates' enclosures are about 2^-50 relative: "coincide to working precision") */
        mag_t tol;
        mag_init(tol);
        mag_one(tol);
        mag_mul_2exp_si(tol, tol, AUDIT_TOL_LOG2);
        o->result = mag_cmp(arb_radref(diff), tol) <= 0 ? AUDIT_R_AGREES : AUDIT_R_INCONCLUSIVE;
        if (arb_is_zero(diff)) snprintf(o->detail, sizeof o->detail, "exact");
        mag_clear(tol);
    }
    arb_clear(diff);
}

/* Formula verdict from its outcomes. */
static void aggregate(audit_formula *F, const audit_outcome *out)
{
    const audit_line *l0 = out[F->first].line;
    int backed = 0, bad = 0, agree = 0, disagree = 0, holds = 0, holds_ok = 1, fails = 0, fails_ok = 1, argued = 0;
    int notation = 0, argued_finding = 0;
    for (int i = F->first; i < F->first + F->count; i++) {
        const audit_outcome *o = &out[i];
        notation += o->result == AUDIT_R_NOTATION;
        if (o->result == AUDIT_R_NONE || o->result == AUDIT_R_NOTATION) continue;
        if (o->result == AUDIT_R_ARGUED) { /* a hyp-fails side or a finding, never a backed line */
            if (!strcmp(o->line->role, "argued"))
                argued_finding++;
            else
                argued++;
            continue;
        }
        backed++;
        if (o->result != AUDIT_R_AGREES && o->result != AUDIT_R_DISAGREES) bad++;
        agree += o->result == AUDIT_R_AGREES;
        disagree += o->result == AUDIT_R_DISAGREES;
        if (!strcmp(o->line->role, "hyp-fails")) {
            fails++;
            fails_ok &= o->result == AUDIT_R_DISAGREES;
        } else {
            holds++;
            holds_ok &= o->result == AUDIT_R_AGREES;
        }
    }
    audit_verdict v;
    if (notation)
        v = notation == F->count ? AUDIT_V_NOTATION : AUDIT_V_INCONCLUSIVE; /* never mixed (audit_spec.c) */
    else if (!backed)
        v = argued_finding ? AUDIT_V_DISAGREES      /* shown by the argument of the note, no certificate */
                           : AUDIT_V_NOT_EVALUABLE; /* every unbacked line is mode analytic (audit_spec.c) */
    else if (bad)
        v = AUDIT_V_INCONCLUSIVE;
    else if (strcmp(l0->hypothesis, "-") && holds && (fails || argued) && holds_ok && fails_ok)
        v = AUDIT_V_NEEDS_HYPOTHESIS;
    else if (disagree || argued_finding)
        v = AUDIT_V_DISAGREES;
    else
        v = AUDIT_V_AGREES;
    F->reading_verdict = v;
    /* unreadable: the verdict of the reading is kept aside; NOT-EVALUABLE and NOTATION stay */
    F->verdict =
        strcmp(l0->ocr, "unreadable") || v == AUDIT_V_NOT_EVALUABLE || v == AUDIT_V_NOTATION ? v : AUDIT_V_UNREADABLE;
}

int audit_execute(audit_run *run, const char *cert_dir, const char *cert_prefix, nc_error *err)
{
    cert_cache *cache = NULL;
    int ncache = 0, rc = 0;
    run->out = calloc((size_t)run->n_lines, sizeof *run->out);
    run->formulas = calloc((size_t)run->n_lines, sizeof *run->formulas);
    run->n_formulas = 0;
    progress_begin("audit", run->n_lines);
    for (int i = 0; i < run->n_lines && !rc; i++) {
        const audit_line *l = &run->lines[i];
        progress_set(i);
        progress_detail("%s", l->formula);
        audit_outcome *o = &run->out[i];
        o->line = l;
        snprintf(o->printed_val, sizeof o->printed_val, "-");
        snprintf(o->derived_val, sizeof o->derived_val, "-");
        snprintf(o->diff_val, sizeof o->diff_val, "-");
        snprintf(o->cert_path, sizeof o->cert_path, "-");
        if (i == 0 || strcmp(l->formula, run->lines[i - 1].formula)) {
            audit_formula *F = &run->formulas[run->n_formulas++];
            F->formula = l->formula;
            F->first = i;
        }
        run->formulas[run->n_formulas - 1].count++;
        if (!strcmp(l->claim, "-")) {
            o->result = !strcmp(l->mode, "notation")                                ? AUDIT_R_NOTATION
                        : strcmp(l->role, "hyp-fails") && strcmp(l->role, "argued") ? AUDIT_R_NONE
                                                                                    : AUDIT_R_ARGUED;
            continue;
        }
        const char *text = line_instance_text(l);
        if (!text) {
            rc =
                nc_error_set(err, NC_EXIT_BAD_INPUT, "%s:%d: no registry entry %s for claim %s (specs/registry/%s.tsv)",
                             l->file, l->lineno, l->instance, l->claim, l->claim);
            break;
        }
        cert_cache *e = cache_get(&cache, &ncache, l, text, cert_dir, err);
        if (!e) {
            rc = err->status;
            break;
        }
        snprintf(o->cert_path, sizeof o->cert_path, "%s/%s/%s.json", cert_prefix, l->claim, l->name);
        run_line(o, e);
    }
    progress_end();
    for (int f = 0; f < run->n_formulas && !rc; f++) aggregate(&run->formulas[f], run->out);
    for (int i = 0; i < ncache; i++) {
        free(cache[i].instance_text);
        json_decref(cache[i].instance);
        json_decref(cache[i].cert);
    }
    free(cache);
    return rc;
}

void audit_run_clear(audit_run *run)
{
    free(run->lines);
    free(run->out);
    free(run->formulas);
    memset(run, 0, sizeof *run);
}
