/* cli_certify.c: `nccert certify CLAIM INSTANCE [options]`. What a claim accepts -- its instance
 * kinds, the flags that build them, whether --max-prec applies, one example per kind -- is the
 * claim's claim_cli (claim.h, in the claim's certifier file): the help, the parser and
 * `nccert list --json` all read it, so they cannot disagree. The claim id is read (and checked)
 * before its options; errors name the option as typed, and errors of the certifier about keys
 * of an instance built from flags name the flag. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "common/progress.h"
#include "instance/entry_parse.h"

/* ---------------------------------------------------------------- options of every claim */

enum { O_INSTANCE, O_INSTANCE_JSON, O_OUTPUT, O_MAX_PREC, O_QUIET, O_HELP, O_COUNT };

static const struct {
    const char *name;
    char shortname;      /* 0: none */
    const char *metavar; /* NULL: no value */
    const char *help;
} COMMON[O_COUNT] = {
    {"instance", 0, "FILE", "an instance file of one of the claim's kinds (JSON, specs/instance.md)"},
    {"instance-json", 0, "JSON", "the same, inline"},
    {"output", 'o', "FILE", "where to write the certificate (default CLAIM.cert.json)"},
    {"max-prec", 0, "BITS", "precision cap of the Arb escalation 64 -> 128 -> ... (default 4096)"},
    {"quiet", 'q', NULL, "print nothing but errors"},
    {"help", 'h', NULL, "this text"},
};

#define MAX_FLAGS 48
#define MAX_ALL_FLAGS 160 /* the flags of every claim (duplicates included), for "did you mean" */

/* The distinct flags (by name) of a claim, in the order of its uses. */
static int claim_flags(const claim_info *c, const claim_flag **out)
{
    int n = 0;
    for (const claim_use *u = c->cli->uses; u->kind; u++)
        for (int part = 0; part < 2; part++) {
            const claim_flag *const *fl = part ? u->kind->optional : u->kind->required;
            for (; fl && *fl; fl++) {
                int seen = 0;
                for (int t = 0; t < n; t++) seen |= !strcmp(out[t]->name, (*fl)->name);
                if (!seen && n < MAX_FLAGS) out[n++] = *fl;
            }
        }
    return n;
}

static const claim_flag *find_flag(const claim_flag *const *fl, int n, const char *name, size_t len)
{
    for (int t = 0; t < n; t++)
        if (strlen(fl[t]->name) == len && !strncmp(fl[t]->name, name, len)) return fl[t];
    return NULL;
}

/* A flag of any claim (for "X does not take --F" and for finding the claim among the
 * arguments: whether --F takes a value). */
static const claim_flag *any_claim_flag(const char *name, size_t len)
{
    const claim_flag *fl[MAX_FLAGS];
    for (int t = 0; t < claim_catalogue_len; t++) {
        if (!claim_catalogue[t].cli) continue;
        int n = claim_flags(&claim_catalogue[t], fl);
        const claim_flag *f = find_flag(fl, n, name, len);
        if (f) return f;
    }
    return NULL;
}

static int common_long(const char *name, size_t len)
{
    for (int o = 0; o < O_COUNT; o++)
        if (strlen(COMMON[o].name) == len && !strncmp(COMMON[o].name, name, len)) return o;
    return -1;
}

static int common_short(char c)
{
    for (int o = 0; o < O_COUNT; o++)
        if (COMMON[o].shortname && COMMON[o].shortname == c) return o;
    return -1;
}

static int is_short_cluster(const char *a)
{
    return a[0] == '-' && a[1] != '\0' && a[1] != '-' && cli_looks_like_option(a);
}

/* ---------------------------------------------------------------- help */

static const char certify_usage_head[] =
    "usage: nccert certify CLAIM INSTANCE [-o CERT.json] [-q]\n"
    "       nccert certify CLAIM --help\n"
    "\n"
    "Certifies CLAIM (see nccert list) on one exact instance, prints the verdict and the key\n"
    "enclosures, and writes the certificate (default: CLAIM.cert.json in the current directory;\n"
    "written atomically, an existing file is replaced only on success).\n"
    "\n";

static const char certify_usage_tail[] =
    "\n"
    "Progress: on a terminal, a run longer than 2 s shows a progress line on stderr (the\n"
    "certifier's phase and count, elapsed time), erased at the end. Environment:\n"
    "NCCERT_PROGRESS=0 never, =1 also when stderr is not a terminal (--quiet always wins);\n"
    "NCCERT_PROGRESS_DELAY_MS the delay (default 2000).\n"
    "\n"
    "Exit status: 0 PROVED, 1 REFUTED or INCONCLUSIVE (claim not established), 2 bad input or\n"
    "usage, 3 internal error.\n";

/* "  TERM                   text", the text wrapped at 100 columns under itself. */
static void print_item(FILE *f, const char *term, const char *text)
{
    int col = fprintf(f, "  %-22s", term);
    if (col > 25) fprintf(f, "\n%25s", ""), col = 25;
    for (const char *p = text; *p;) {
        size_t w = strcspn(p, " ");
        if (col > 25 && col + 1 + (int)w > 100) fprintf(f, "\n%25s", ""), col = 25;
        col += fprintf(f, " %.*s", (int)w, p);
        p += w;
        while (*p == ' ') p++;
    }
    fputc('\n', f);
}

/* "--K K --n N --d D --seed S [--reading R]" */
static void print_kind_flags(FILE *f, const claim_kind *k)
{
    const char *sep = "";
    for (int part = 0; part < 2; part++)
        for (const claim_flag *const *fl = part ? k->optional : k->required; fl && *fl; fl++) {
            fprintf(f, "%s%s--%s%s%s%s", sep, part ? "[" : "", (*fl)->name, (*fl)->metavar ? " " : "",
                    (*fl)->metavar ? (*fl)->metavar : "", part ? "]" : "");
            sep = " ";
        }
}

static void print_options(FILE *f, const claim_info *c)
{
    fprintf(f, "Options:\n");
    for (int o = O_OUTPUT; o < O_COUNT; o++) {
        if (o == O_MAX_PREC && c && !c->cli->max_prec) continue;
        char term[64];
        if (COMMON[o].shortname)
            snprintf(term, sizeof term, "-%c, --%s%s%s", COMMON[o].shortname, COMMON[o].name,
                     COMMON[o].metavar ? " " : "", COMMON[o].metavar ? COMMON[o].metavar : "");
        else
            snprintf(term, sizeof term, "    --%s%s%s", COMMON[o].name, COMMON[o].metavar ? " " : "",
                     COMMON[o].metavar ? COMMON[o].metavar : "");
        char text[160];
        snprintf(text, sizeof text, "%s%s", COMMON[o].help,
                 o == O_MAX_PREC && !c ? " (claims that escalate precision)" : "");
        print_item(f, term, text);
    }
}

static void print_claim_help(FILE *f, const claim_info *c)
{
    const claim_flag *fl[MAX_FLAGS];
    int nfl = claim_flags(c, fl);
    fprintf(f, "usage: nccert certify %s INSTANCE [-o CERT.json]%s [-q]\n\n", c->id,
            c->cli->max_prec ? " [--max-prec BITS]" : "");
    fprintf(f, "%s: %s\n  %s\n\n", c->id, c->label, c->summary);
    fprintf(f,
            "Certifies the claim on one exact instance, prints the verdict and the key enclosures, and\n"
            "writes the certificate (default: %s.cert.json in the current directory; written\n"
            "atomically, an existing file is replaced only on success). Certificate format:\n"
            "specs/claims/%s.md.\n\n",
            c->id, c->id);
    fprintf(f, "Instance (exactly one of):\n");
    print_item(f, "--instance FILE", COMMON[O_INSTANCE].help);
    print_item(f, "--instance-json JSON", COMMON[O_INSTANCE_JSON].help);
    for (const claim_use *u = c->cli->uses; u->kind; u++) {
        if (!u->kind->required) continue;
        fputs("  ", f);
        print_kind_flags(f, u->kind);
        fprintf(f, "\n  %-22s %s instance\n", "", u->kind->kind);
    }
    fprintf(f, "\nInstance kinds (specs/instance.md, specs/claims/%s.md):\n", c->id);
    for (const claim_use *u = c->cli->uses; u->kind; u++) {
        char text[600];
        snprintf(text, sizeof text, "%s%s", u->kind->what, u->kind->required ? "" : "; as a file or inline JSON only");
        print_item(f, u->kind->kind, text);
    }
    if (nfl) {
        fprintf(f, "\nFlags:\n");
        for (int t = 0; t < nfl; t++) {
            char term[64], range[64] = "";
            snprintf(term, sizeof term, "--%s%s%s", fl[t]->name, fl[t]->metavar ? " " : "",
                     fl[t]->metavar ? fl[t]->metavar : "");
            if ((fl[t]->type == CLAIM_FLAG_INT || fl[t]->type == CLAIM_FLAG_INT_LIST) && (fl[t]->lo || fl[t]->hi))
                snprintf(range, sizeof range, " (%s in [%ld, %ld])", fl[t]->type == CLAIM_FLAG_INT ? "integer" : "each",
                         fl[t]->lo, fl[t]->hi);
            char text[400];
            snprintf(text, sizeof text, "%s%s", fl[t]->help, range);
            print_item(f, term, text);
        }
    }
    fputc('\n', f);
    print_options(f, c);
    fprintf(f, "\nExamples (one per instance kind):\n");
    for (const claim_use *u = c->cli->uses; u->kind; u++) fprintf(f, "  nccert certify %s %s\n", c->id, u->example);
    fputs(certify_usage_tail, f);
}

static void print_generic_help(FILE *f)
{
    fputs(certify_usage_head, f);
    fprintf(f,
            "Instance (exactly one of):\n"
            "  %-22s %s\n  %-22s %s\n"
            "  %-22s the flags of one of the claim's instance kinds (nccert certify CLAIM --help)\n\n",
            "--instance FILE", COMMON[O_INSTANCE].help, "--instance-json JSON", COMMON[O_INSTANCE_JSON].help, "FLAGS");
    fprintf(f, "Claims and their instance kinds (flags that build one in parentheses):\n");
    for (int t = 0; t < claim_catalogue_len; t++) {
        const claim_info *c = &claim_catalogue[t];
        if (!c->cli) continue;
        fprintf(f, "  %s\n     ", c->id);
        int col = 5;
        for (const claim_use *u = c->cli->uses; u->kind; u++) {
            char buf[256];
            size_t k = (size_t)snprintf(buf, sizeof buf, "%s%s", u->kind->kind, u->kind->required ? " (" : "");
            for (const claim_flag *const *fl = u->kind->required; fl && *fl && k < sizeof buf; fl++)
                k += (size_t)snprintf(buf + k, sizeof buf - k, "%s--%s", fl == u->kind->required ? "" : " ",
                                      (*fl)->name);
            if (u->kind->required && k < sizeof buf) snprintf(buf + k, sizeof buf - k, ")");
            if (col + (int)strlen(buf) + 2 > 96 && col > 5) fprintf(f, "\n     "), col = 5;
            col += fprintf(f, " %s%s", buf, u[1].kind ? "," : "");
        }
        fputc('\n', f);
    }
    fputc('\n', f);
    print_options(f, NULL);
    fputs(certify_usage_tail, f);
}

/* ---------------------------------------------------------------- the command line */

typedef struct {
    const claim_info *claim;
    const char *common[O_COUNT]; /* the value given (switches: "") or NULL */
    int n;                       /* claim flags given, in the order typed */
    const claim_flag *flag[MAX_FLAGS];
    const char *value[MAX_FLAGS];
    long max_prec;
} certify_args;

/* The claim: the first argument that is neither an option nor an option's value (options are
 * recognised from every claim's flags). Sets *help when --help / -h is among the options. */
static const char *find_claim_arg(int argc, char **argv, int *help)
{
    const char *claim = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            if (!claim && i + 1 < argc) claim = argv[i + 1];
            break;
        }
        if (!strncmp(a, "--", 2)) {
            const char *name = a + 2;
            size_t len = strcspn(name, "=");
            int o = common_long(name, len);
            const claim_flag *fl = o < 0 ? any_claim_flag(name, len) : NULL;
            if (o == O_HELP) *help = 1;
            if (name[len] != '=' && ((o >= 0 && COMMON[o].metavar) || (fl && fl->type != CLAIM_FLAG_SWITCH))) i++;
        } else if (is_short_cluster(a)) {
            for (const char *p = a + 1; *p; p++) {
                int o = common_short(*p);
                if (o == O_HELP) *help = 1;
                if (o >= 0 && COMMON[o].metavar) {
                    if (p[1] == '\0') i++;
                    break;
                }
            }
        } else if (!claim) {
            claim = a;
        }
    }
    return claim;
}

/* The message for an option the claim does not take. */
static int not_taken(const claim_info *c, const char *typed, size_t len, nc_error *err)
{
    const claim_flag *fl[MAX_FLAGS];
    const char *cands[MAX_ALL_FLAGS];
    char names[MAX_ALL_FLAGS][48], hint[256], bad[96];
    int nfl = claim_flags(c, fl), n = 0;
    snprintf(bad, sizeof bad, "--%.*s", (int)(len < 80 ? len : 80), typed);
    if (common_long(typed, len) == O_MAX_PREC)
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "certify: %s does not take --max-prec (its certifier does not escalate "
                            "Arb precision); see nccert certify %s --help",
                            c->id, c->id);
    if (any_claim_flag(typed, len)) {
        char list[512] = "";
        size_t k = 0;
        for (int t = 0; t < nfl && k < sizeof list; t++)
            k += (size_t)snprintf(list + k, sizeof list - k, "%s--%s", t ? " " : "", fl[t]->name);
        return nc_error_set(
            err, NC_EXIT_BAD_INPUT, "certify: %s does not take %s (%s%s); see nccert certify %s --help", c->id, bad,
            nfl ? "its instance flags: " : "it takes --instance FILE or --instance-json JSON only", list, c->id);
    }
    for (int o = 0; o < O_COUNT; o++)
        if (o != O_MAX_PREC || c->cli->max_prec) snprintf(names[n], sizeof names[n], "--%s", COMMON[o].name), n++;
    for (int t = 0; t < nfl; t++) snprintf(names[n], sizeof names[n], "--%s", fl[t]->name), n++;
    for (int t = 0; t < n; t++) cands[t] = names[t];
    if (!cli_did_you_mean(hint, sizeof hint, bad, cands, n)[0]) { /* close to a flag of another claim? */
        n = 0;
        for (int t = 0; t < claim_catalogue_len; t++) {
            if (!claim_catalogue[t].cli) continue;
            int m = claim_flags(&claim_catalogue[t], fl);
            for (int u = 0; u < m && n < MAX_ALL_FLAGS; u++)
                snprintf(names[n], sizeof names[n], "--%s", fl[u]->name), n++;
        }
        for (int t = 0; t < n; t++) cands[t] = names[t];
        if (cli_suggest(hint, sizeof hint, bad, cands, n)[0])
            return nc_error_set(err, NC_EXIT_BAD_INPUT,
                                "certify: unknown option %s (%s: an option of other claims, "
                                "not of %s); see nccert certify %s --help",
                                bad, hint, c->id, c->id);
    }
    return nc_error_set(err, NC_EXIT_BAD_INPUT, "certify: unknown option %s%s; see nccert certify %s --help", bad, hint,
                        c->id);
}

static int refuse_option_value(const char *typed, const char *value, nc_error *err)
{
    return nc_error_set(err, NC_EXIT_BAD_INPUT,
                        "certify: option %s needs a value, got the option \"%.60s\" (for a "
                        "value starting with \"-\" write %s=%.60s)",
                        typed, value, typed, value);
}

/* Reads every option of claim c (its claim_cli) into a. */
static int parse_options(certify_args *a, int argc, char **argv, nc_error *err)
{
    const claim_info *c = a->claim;
    const claim_flag *fl[MAX_FLAGS];
    int nfl = claim_flags(c, fl), positional = 0, dashdash = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *value = NULL;
        char typed[96];
        int o = -1;
        const claim_flag *f = NULL;
        if (dashdash || !(arg[0] == '-' && arg[1] != '\0') || (!is_short_cluster(arg) && strncmp(arg, "--", 2))) {
            if (positional++ == 0) continue; /* the claim */
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "certify: unexpected argument \"%.80s\"", arg);
        }
        if (!strcmp(arg, "--")) {
            dashdash = 1;
            continue;
        }
        if (!strncmp(arg, "--", 2)) {
            const char *name = arg + 2;
            size_t len = strcspn(name, "=");
            snprintf(typed, sizeof typed, "--%.*s", (int)(len < 80 ? len : 80), name);
            o = common_long(name, len);
            if (o == O_MAX_PREC && !c->cli->max_prec) o = -1;
            if (o < 0 && !(f = find_flag(fl, nfl, name, len))) return not_taken(c, name, len, err);
            int needs = o >= 0 ? COMMON[o].metavar != NULL : f->type != CLAIM_FLAG_SWITCH;
            if (name[len] == '=') {
                if (!needs) return nc_error_set(err, NC_EXIT_BAD_INPUT, "certify: option %s takes no value", typed);
                value = name + len + 1;
            } else if (needs) {
                if (i + 1 >= argc)
                    return nc_error_set(err, NC_EXIT_BAD_INPUT,
                                        "certify: option %s needs a value; see nccert certify %s "
                                        "--help",
                                        typed, c->id);
                value = argv[++i];
                if (cli_looks_like_option(value)) return refuse_option_value(typed, value, err);
            } else {
                value = "";
            }
        } else { /* a cluster of short options: -q, -o FILE, -qo FILE, -oFILE */
            for (const char *p = arg + 1; *p && o != O_OUTPUT; p++) {
                snprintf(typed, sizeof typed, "-%c", *p);
                o = common_short(*p);
                if (o < 0)
                    return nc_error_set(err, NC_EXIT_BAD_INPUT,
                                        "certify: unknown option %s; see nccert certify %s --help", typed, c->id);
                if (COMMON[o].metavar) {
                    if (p[1])
                        value = p + 1;
                    else if (i + 1 >= argc)
                        return nc_error_set(err, NC_EXIT_BAD_INPUT, "certify: option %s needs a value", typed);
                    else if (cli_looks_like_option(argv[i + 1]))
                        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                                            "certify: option %s needs a value, got the option "
                                            "\"%.60s\" (for a value starting with \"-\" write --%s=%.60s)",
                                            typed, argv[i + 1], COMMON[o].name, argv[i + 1]);
                    else
                        value = argv[++i];
                } else {
                    a->common[o] = "";
                }
            }
            if (o != O_OUTPUT) continue;
            snprintf(typed, sizeof typed, "-o");
        }
        if (o >= 0) {
            if (COMMON[o].metavar && a->common[o])
                return nc_error_set(err, NC_EXIT_BAD_INPUT, "certify: option %s given twice", typed);
            a->common[o] = value;
            if (o == O_MAX_PREC && cli_parse_long("--max-prec", value, 64, 1L << 20, &a->max_prec, err))
                return err->status;
            continue;
        }
        for (int t = 0; t < a->n; t++)
            if (!strcmp(a->flag[t]->name, f->name))
                return nc_error_set(err, NC_EXIT_BAD_INPUT, "certify: option %s given twice", typed);
        a->flag[a->n] = f;
        a->value[a->n++] = value;
    }
    return 0;
}

/* ---------------------------------------------------------------- instance from flags */

/* Adds key = the exact rational of s as a "p/q" string: an integer, decimal, p/q, or scientific
 * "2.5e-3" (exponent at most 400 in absolute value). */
static int set_exact(json_t *j, const char *key, const char *option, const char *s, nc_error *err)
{
    char mant[ENTRY_MAX_CHARS + 1], *t = NULL;
    const char *e = strstr(s, "0x") ? NULL : strpbrk(s, "eE"); /* hex floats have no decimal exponent */
    size_t mlen = e ? (size_t)(e - s) : strlen(s);
    long exp10 = 0;
    if (mlen == 0 || mlen > ENTRY_MAX_CHARS)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s expects an exact number, got \"%.40s\"", option, s);
    memcpy(mant, s, mlen);
    mant[mlen] = '\0';
    /* the mantissa first (a bad one is reported as such), then the exponent */
    int bad = (t = entry_scaled_string(mant, 0)) == NULL ||
              (e && (strchr(mant, '/') || cli_parse_long(option, e + 1, -400, 400, &exp10, err)));
    if (!bad && exp10 != 0) {
        free(t);
        bad = (t = entry_scaled_string(mant, exp10)) == NULL;
    }
    if (bad) {
        free(t);
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "%s expects an exact number (integer, decimal, p/q or 1e-4 style), got \"%.40s\"", option,
                            s);
    }
    json_object_set_new(j, key, json_string(t));
    free(t);
    return 0;
}

static int set_seed(json_t *j, const char *key, const char *option, const char *s, nc_error *err)
{
    size_t len = strlen(s);
    if (len == 0 || len > 20 || strspn(s, "0123456789") != len)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s expects a decimal integer in [0, 2^64-1], got \"%.40s\"",
                            option, s);
    errno = 0;
    unsigned long long v = strtoull(s, NULL, 10);
    if (errno == ERANGE) return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: \"%s\" exceeds 2^64-1", option, s);
    char buf[32];
    snprintf(buf, sizeof buf, "%llu", v);
    json_object_set_new(j, key, json_string(buf));
    return 0;
}

/* A comma-separated list: integers in [lo, hi] (ints) or words, as a JSON array of strings. */
static int set_list(json_t *j, const claim_flag *f, const char *option, const char *s, nc_error *err)
{
    json_t *arr = json_array();
    json_object_set_new(j, f->key, arr);
    for (const char *p = s;; p++) {
        size_t len = strcspn(p, ",");
        char buf[128], what[128];
        long v;
        if (len == 0 || len >= sizeof buf)
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: %s entry %zu in \"%.60s\"", option,
                                len ? "too long an" : "empty", json_array_size(arr) + 1, s);
        snprintf(buf, sizeof buf, "%.*s", (int)len, p);
        if (f->type == CLAIM_FLAG_INT_LIST) {
            snprintf(what, sizeof what, "%s (entry %zu)", option, json_array_size(arr) + 1);
            if (cli_parse_long(what, buf, f->lo, f->hi, &v, err)) return err->status;
            snprintf(buf, sizeof buf, "%ld", v);
        }
        json_array_append_new(arr, json_string(buf));
        p += len;
        if (*p != ',') return 0;
    }
}

/* The given flags against kind k: *extra = a given flag k does not take, *missing = the number
 * of required flags of k not given (and *first_missing the first). */
static void match_kind(const certify_args *a, const claim_kind *k, const claim_flag **extra, int *missing,
                       const claim_flag **first_missing)
{
    const claim_flag *fl[MAX_FLAGS];
    int n = 0;
    *extra = NULL, *missing = 0, *first_missing = NULL;
    for (int part = 0; part < 2; part++)
        for (const claim_flag *const *p = part ? k->optional : k->required; p && *p && n < MAX_FLAGS; p++) fl[n++] = *p;
    for (int t = 0; t < a->n && !*extra; t++)
        if (!find_flag(fl, n, a->flag[t]->name, strlen(a->flag[t]->name))) *extra = a->flag[t];
    for (const claim_flag *const *p = k->required; p && *p; p++) {
        int given = 0;
        for (int t = 0; t < a->n; t++) given |= !strcmp(a->flag[t]->name, (*p)->name);
        if (!given && (*missing)++ == 0) *first_missing = *p;
    }
}

/* The kind the given flags build, or NULL with err set (what to add, or what does not fit). */
static const claim_kind *choose_kind(const certify_args *a, nc_error *err)
{
    const claim_info *c = a->claim;
    const claim_kind *best[8];
    const claim_flag *best_missing[8];
    int nbest = 0, fewest = 1000;
    for (const claim_use *u = c->cli->uses; u->kind; u++) {
        if (!u->kind->required) continue;
        const claim_flag *extra, *first_missing;
        int missing;
        match_kind(a, u->kind, &extra, &missing, &first_missing);
        if (extra) continue;
        if (missing == 0) return u->kind;
        if (missing < fewest) nbest = 0, fewest = missing;
        if (missing == fewest && nbest < 8) best[nbest] = u->kind, best_missing[nbest++] = first_missing;
    }
    char msg[600];
    size_t k = 0;
    if (nbest == 0) { /* no kind takes this combination: name the kind closest to it */
        const claim_kind *near = NULL;
        const claim_flag *extra = NULL;
        int most = -1;
        for (const claim_use *u = c->cli->uses; u->kind; u++) {
            if (!u->kind->required) continue;
            const claim_flag *e, *fm;
            int missing, fits = 0;
            match_kind(a, u->kind, &e, &missing, &fm);
            for (int t = 0; t < a->n; t++) {
                const claim_flag *fl[MAX_FLAGS];
                int n = 0;
                for (int part = 0; part < 2; part++)
                    for (const claim_flag *const *p = part ? u->kind->optional : u->kind->required; p && *p; p++)
                        fl[n++] = *p;
                fits += find_flag(fl, n, a->flag[t]->name, strlen(a->flag[t]->name)) != NULL;
            }
            if (fits > most) most = fits, near = u->kind, extra = e;
        }
        k = (size_t)snprintf(msg, sizeof msg, "certify: %s: --%s does not go with %s (", c->id, extra->name,
                             near->kind);
        FILE *m = fmemopen(msg + k, sizeof msg - k, "w");
        if (m) print_kind_flags(m, near), fclose(m);
        k = strlen(msg);
        snprintf(msg + k, sizeof msg - k, "); see nccert certify %s --help", c->id);
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s", msg), NULL;
    }
    k = (size_t)snprintf(msg, sizeof msg, "certify: %s: incomplete instance flags: add ", c->id);
    for (int b = 0; b < nbest && k < sizeof msg; b++) {
        const claim_flag *f = best_missing[b];
        k += (size_t)snprintf(msg + k, sizeof msg - k, "%s--%s%s%s%s (%s)",
                              b == 0           ? ""
                              : b == nbest - 1 ? " or "
                                               : ", ",
                              f->name, f->metavar ? " " : "", f->metavar ? f->metavar : "",
                              fewest > 1 ? " and more" : "", best[b]->kind);
    }
    if (k < sizeof msg) snprintf(msg + k, sizeof msg - k, "; see nccert certify %s --help", c->id);
    nc_error_set(err, NC_EXIT_BAD_INPUT, "%s", msg);
    return NULL;
}

static json_t *build_from_flags(const certify_args *a, const claim_kind *k, nc_error *err)
{
    json_t *j = json_object();
    json_object_set_new(j, "kind", json_string(k->kind));
    for (int part = 0; part < 2; part++)
        for (const claim_flag *const *p = part ? k->optional : k->required; p && *p; p++) {
            const claim_flag *f = *p;
            const char *v = NULL;
            char option[64];
            long x;
            for (int t = 0; t < a->n; t++)
                if (!strcmp(a->flag[t]->name, f->name)) v = a->value[t];
            if (!v || f->type == CLAIM_FLAG_SWITCH) continue;
            snprintf(option, sizeof option, "--%s", f->name);
            int rc = 0;
            switch (f->type) {
            case CLAIM_FLAG_INT:
                rc = cli_parse_long(option, v, f->lo || f->hi ? f->lo : -2147483647L,
                                    f->lo || f->hi ? f->hi : 2147483647L, &x, err);
                if (!rc) json_object_set_new(j, f->key, json_integer(x));
                break;
            case CLAIM_FLAG_SEED: rc = set_seed(j, f->key, option, v, err); break;
            case CLAIM_FLAG_EXACT: rc = set_exact(j, f->key, option, v, err); break;
            case CLAIM_FLAG_WORD:
                if (!*v)
                    rc = nc_error_set(err, NC_EXIT_BAD_INPUT, "%s expects a word, got \"\"", option);
                else
                    json_object_set_new(j, f->key, json_string(v));
                break;
            default: rc = set_list(j, f, option, v, err); break;
            }
            if (rc) {
                json_decref(j);
                return NULL;
            }
        }
    return j;
}

/* In the certifier's message about an instance built from flags, each key of a given flag
 * ("lambda_W", or lambda_W as a word, not inside a formula like K*d or K-1) becomes the flag
 * (--lambda-w). */
static void name_flags_in_message(nc_error *err, const certify_args *a)
{
    char out[sizeof err->msg];
    size_t k = 0;
    const char *s = err->msg;
    while (*s && k + 1 < sizeof out) {
        int at_word = s == err->msg || !(isalnum((unsigned char)s[-1]) || s[-1] == '_' || s[-1] == '-');
        const claim_flag *hit = NULL;
        size_t skip = 0;
        for (int t = 0; at_word && !hit && t < a->n; t++) {
            const char *key = a->flag[t]->key;
            size_t len = key ? strlen(key) : 0;
            if (!key) continue;
            if (s[0] == '"' && !strncmp(s + 1, key, len) && s[len + 1] == '"')
                hit = a->flag[t], skip = len + 2;
            else if (!strncmp(s, key, len) && !(isalnum((unsigned char)s[len]) || s[len] == '_' || s[len] == '/') &&
                     !strchr("*/+-^)", s[len] ? s[len] : 'x') && (s == err->msg || !strchr("*/+-^(", s[-1])))
                hit = a->flag[t], skip = len; /* a word, not a term of a formula (K*d, K-1) */
        }
        if (hit) {
            k += (size_t)snprintf(out + k, sizeof out - k, "--%s", hit->name);
            if (k >= sizeof out) k = sizeof out - 1;
            s += skip;
        } else {
            out[k++] = *s++;
        }
    }
    out[k] = '\0';
    snprintf(err->msg, sizeof err->msg, "%s", out);
}

/* ---------------------------------------------------------------- list --json */

json_t *cli_certify_claim_json(const claim_info *c)
{
    json_t *o = json_object(), *kinds = json_array(), *flags = json_array();
    const claim_flag *fl[MAX_FLAGS];
    if (!c->cli) {
        json_object_set_new(o, "kinds", kinds);
        json_object_set_new(o, "flags", flags);
        return o;
    }
    for (const claim_use *u = c->cli->uses; u->kind; u++) {
        json_t *k = json_object(), *req = json_array(), *opt = json_array();
        json_object_set_new(k, "kind", json_string(u->kind->kind));
        json_object_set_new(k, "what", json_string(u->kind->what));
        for (const claim_flag *const *p = u->kind->required; p && *p; p++) {
            char b[64];
            snprintf(b, sizeof b, "--%s", (*p)->name);
            json_array_append_new(req, json_string(b));
        }
        for (const claim_flag *const *p = u->kind->optional; p && *p; p++) {
            char b[64];
            snprintf(b, sizeof b, "--%s", (*p)->name);
            json_array_append_new(opt, json_string(b));
        }
        json_object_set_new(k, "flags", req);
        json_object_set_new(k, "optional_flags", opt);
        char ex[1024];
        snprintf(ex, sizeof ex, "nccert certify %s %s", c->id, u->example);
        json_object_set_new(k, "example", json_string(ex));
        json_array_append_new(kinds, k);
    }
    for (int o2 = 0; o2 < O_COUNT; o2++) {
        char b[64];
        if (o2 == O_MAX_PREC && !c->cli->max_prec) continue;
        if (COMMON[o2].shortname) {
            snprintf(b, sizeof b, "-%c", COMMON[o2].shortname);
            json_array_append_new(flags, json_string(b));
        }
        snprintf(b, sizeof b, "--%s", COMMON[o2].name);
        json_array_append_new(flags, json_string(b));
    }
    int n = claim_flags(c, fl);
    for (int t = 0; t < n; t++) {
        char b[64];
        snprintf(b, sizeof b, "--%s", fl[t]->name);
        json_array_append_new(flags, json_string(b));
    }
    json_object_set_new(o, "kinds", kinds);
    json_object_set_new(o, "flags", flags);
    return o;
}

/* ---------------------------------------------------------------- certify */

static json_t *build_instance_json(const certify_args *a, int *from_flags, nc_error *err)
{
    const char *file = a->common[O_INSTANCE], *inline_json = a->common[O_INSTANCE_JSON];
    int given = (file != NULL) + (inline_json != NULL) + (a->n > 0);
    *from_flags = 0;
    if (given > 1) {
        nc_error_set(err, NC_EXIT_BAD_INPUT,
                     "certify: give only one instance: --instance FILE, --instance-json JSON, "
                     "or the flags of one kind; see nccert certify %s --help",
                     a->claim->id);
        return NULL;
    }
    if (given == 0) {
        const claim_flag *fl[MAX_FLAGS];
        nc_error_set(err, NC_EXIT_BAD_INPUT,
                     "certify: %s needs an instance: --instance FILE, --instance-json JSON%s; "
                     "see nccert certify %s --help",
                     a->claim->id, claim_flags(a->claim, fl) ? " or flags" : "", a->claim->id);
        return NULL;
    }
    if (file) return instance_json_load_file(file, err);
    if (inline_json) {
        json_error_t jerr;
        json_t *j = json_loads(inline_json, JSON_REJECT_DUPLICATES, &jerr);
        if (j == NULL)
            nc_error_set(err, NC_EXIT_BAD_INPUT, "--instance-json: invalid JSON at column %d: %s", jerr.column,
                         jerr.text);
        return j;
    }
    const claim_kind *k = choose_kind(a, err);
    if (!k) return NULL;
    *from_flags = 1;
    return build_from_flags(a, k, err);
}

int cli_certify(int argc, char **argv)
{
    certify_args a;
    nc_error err = {0, ""};
    int help = 0;
    memset(&a, 0, sizeof a);
    a.max_prec = 4096;
    const char *id = find_claim_arg(argc, argv, &help);
    if (id == NULL) {
        if (help) {
            print_generic_help(stdout);
            return 0;
        }
        nc_error_set(&err, NC_EXIT_BAD_INPUT, "certify: missing CLAIM; see nccert list, nccert certify --help");
        return cli_fail(&err);
    }
    if ((a.claim = cli_find_claim(id, &err)) == NULL) return cli_fail(&err);
    if (help) {
        print_claim_help(stdout, a.claim);
        return 0;
    }
    if (parse_options(&a, argc, argv, &err)) return cli_fail(&err);
    char default_out[160];
    snprintf(default_out, sizeof default_out, "%s.cert.json", a.claim->id);
    int from_flags;
    json_t *inst = build_instance_json(&a, &from_flags, &err);
    if (inst == NULL) return cli_fail(&err);
    certify_options o;
    certify_options_default(&o);
    o.max_prec = a.max_prec;
    nc_verdict verdict;
    const char *out = a.common[O_OUTPUT] ? a.common[O_OUTPUT] : default_out;
    progress_auto(a.common[O_QUIET] != NULL), progress_begin(a.claim->id, 0);
    int rc = cli_certify_instance(a.claim, inst, &o, out, a.common[O_QUIET] != NULL, &verdict, &err);
    progress_end();
    json_decref(inst);
    if (rc) {
        if (from_flags && rc == NC_EXIT_BAD_INPUT) name_flags_in_message(&err, &a);
        return cli_fail(&err);
    }
    return verdict == NC_PROVED ? NC_EXIT_OK : NC_EXIT_NOT_ESTABLISHED;
}
