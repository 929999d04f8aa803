/* cli_certify.c: `nccert certify CLAIM (--instance FILE | --K K --n N --d D (--seed S | --nc))`. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "common/progress.h"
#include "instance/entry_parse.h"

static const char certify_usage[] =
    "usage: nccert certify CLAIM --instance FILE [-o CERT.json] [options]\n"
    "       nccert certify CLAIM --K K --n N --d D --seed S [-o CERT.json] [options]\n"
    "       nccert certify CLAIM --nc --K K --n N --d D [--seed S --perturb E] [-o CERT.json]\n"
    "\n"
    "Certifies CLAIM (see `nccert list`) on one exact instance, prints the verdict and the key\n"
    "enclosures, and writes the certificate (default: CLAIM.cert.json in the current directory;\n"
    "written atomically, an existing file is replaced only on success).\n"
    "\n"
    "Instance (exactly one way):\n"
    "  --instance FILE   instance file, format in specs/instance.md (entries exact: \"3/7\", \"-0.125\")\n"
    "                    or a claim-specific instance kind (specs/claims/)\n"
    "  --instance-json JSON  the same, given inline\n"
    "  --K K --n N --d D --seed S\n"
    "                    random-dyadic/1 instance: entries (u - 2^19)/2^19 from splitmix64(S)\n"
    "  --nc --K K --n N --d D\n"
    "                    the exact neural-collapse point nc/1 (needs d >= K)\n"
    "  --nc ... --seed S --perturb E\n"
    "                    nc-perturbed/1: the nc/1 point plus 2^E times random-dyadic/1(S), E <= -1\n"
    "  (generators: specs/generators.md; K >= 2, n >= 1, d >= 1)\n"
    "  --lambda-w X --lambda-h X | --lambda X  [--K K] [--n N | --n N1,N2,...] [--d D] [--seed S]\n"
    "                    a parameter instance of the claim's own kind (specs/claims/<claim>.md):\n"
    "                    X exact: integer, decimal, p/q or scientific (1e-4 = 1/10000 exactly)\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE   where to write the certificate\n"
    "      --max-prec BITS precision cap of the Arb escalation 64 -> 128 -> ... (default 4096)\n"
    "  -q, --quiet         print nothing but errors (no progress line)\n"
    "  -h, --help          this text\n"
    "\n"
    "Progress: on a terminal, a run longer than 2 s shows a progress line on stderr (the\n"
    "certifier's phase and count, elapsed time), erased at the end. Environment:\n"
    "NCCERT_PROGRESS=0 never, =1 also when stderr is not a terminal (--quiet always wins);\n"
    "NCCERT_PROGRESS_DELAY_MS the delay (default 2000).\n"
    "\n"
    "Exit status: 0 PROVED, 1 REFUTED or INCONCLUSIVE (claim not established), 2 bad input.\n";

typedef struct {
    const char *claim, *instance_file, *instance_json, *output;
    long K, n, d, perturb, max_prec;
    const char *seed, *n_list, *lambda_w, *lambda_h, *lambda;
    int nc, quiet, have_K, have_n, have_d, have_perturb;
} certify_args;

static int parse_certify_args(certify_args *a, int argc, char **argv, nc_error *err)
{
    static const struct option opts[] = {
        {"instance", required_argument, NULL, 'i'}, {"output", required_argument, NULL, 'o'},
        {"instance-json", required_argument, NULL, 'j'},
        {"K", required_argument, NULL, 'K'},        {"n", required_argument, NULL, 'n'},
        {"d", required_argument, NULL, 'd'},        {"seed", required_argument, NULL, 's'},
        {"nc", no_argument, NULL, 'c'},             {"perturb", required_argument, NULL, 'p'},
        {"max-prec", required_argument, NULL, 'm'}, {"quiet", no_argument, NULL, 'q'},
        {"lambda-w", required_argument, NULL, 'W'}, {"lambda-h", required_argument, NULL, 'H'},
        {"lambda", required_argument, NULL, 'L'},
        {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0}};
    memset(a, 0, sizeof *a);
    a->max_prec = 4096;
    int ch;
    opterr = 0;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "o:qh", opts, NULL)) != -1) {
        int rc = 0;
        switch (ch) {
        case 'i': a->instance_file = optarg; break;
        case 'j': a->instance_json = optarg; break;
        case 'o': a->output = optarg; break;
        case 'K': rc = cli_parse_long("--K", optarg, 2, 100000, &a->K, err); a->have_K = 1; break;
        case 'n':
            a->have_n = 1;
            if (strchr(optarg, ',')) a->n_list = optarg;
            else rc = cli_parse_long("--n", optarg, 1, 100000, &a->n, err);
            break;
        case 'W': a->lambda_w = optarg; break;
        case 'H': a->lambda_h = optarg; break;
        case 'L': a->lambda = optarg; break;
        case 'd': rc = cli_parse_long("--d", optarg, 1, 100000, &a->d, err); a->have_d = 1; break;
        case 's': a->seed = optarg; break;
        case 'c': a->nc = 1; break;
        case 'p': rc = cli_parse_long("--perturb", optarg, -1000, -1, &a->perturb, err); a->have_perturb = 1; break;
        case 'm': rc = cli_parse_long("--max-prec", optarg, 64, 1L << 20, &a->max_prec, err); break;
        case 'q': a->quiet = 1; break;
        case 'h': fputs(certify_usage, stdout); exit(0);
        default:
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "certify: unknown or incomplete option \"%s\" "
                                "(see nccert certify --help)", argv[optind - 1]);
        }
        if (rc) return rc;
    }
    if (optind >= argc) return nc_error_set(err, NC_EXIT_BAD_INPUT, "certify: missing CLAIM (see nccert list)");
    a->claim = argv[optind++];
    if (optind < argc)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "certify: unexpected argument \"%s\"", argv[optind]);
    if (a->lambda_w || a->lambda_h || a->lambda || a->n_list) {   /* a parameter instance */
        if (a->instance_file || a->instance_json || a->nc || a->have_perturb)
            return nc_error_set(err, NC_EXIT_BAD_INPUT,
                                "certify: parameter flags (--lambda-w/--lambda-h/--lambda/--n LIST) exclude "
                                "--instance, --instance-json, --nc and --perturb");
        return 0;
    }
    int generated = a->have_K || a->have_n || a->have_d || a->seed || a->nc || a->have_perturb;
    int given = (a->instance_file != NULL) + (a->instance_json != NULL) + (generated != 0);
    if (given > 1)
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "certify: give only one of --instance, --instance-json, --K/--n/--d/--seed/--nc/--perturb");
    if (given == 0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "certify: give --instance FILE, --instance-json JSON, or --K/--n/--d with --seed or --nc");
    if (generated && !(a->have_K && a->have_n && a->have_d))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "certify: generated instances need all of --K, --n, --d");
    if (generated && !a->nc && !a->seed)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "certify: give --seed S (random instance) or --nc");
    if (a->have_perturb != (a->nc && a->seed != NULL))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "certify: --perturb E goes with --nc and --seed S (and only with them)");
    return 0;
}

/* The instance as JSON: read from the file, parsed from the option, or the generator's object
 * (validated by the certifier itself). NULL on error. */
/* Adds key = the exact rational of s as a "p/q" string: an integer, decimal, p/q, or scientific
 * "2.5e-3" (exponent at most 400 in absolute value). */
static int set_exact(json_t *j, const char *key, const char *option, const char *s, nc_error *err)
{
    char mant[ENTRY_MAX_CHARS + 1], *t = NULL;
    const char *e = strpbrk(s, "eE");
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
                            "%s expects an exact number (integer, decimal, p/q or 1e-4 style), got \"%.40s\"",
                            option, s);
    }
    json_object_set_new(j, key, json_string(t));
    free(t);
    return 0;
}

/* The instance of the claim's own kind from parameter flags (see certify_usage). */
static json_t *build_parameter_json(const claim_info *claim, const certify_args *a, nc_error *err)
{
    const char *kind = claim_flags_kind(claim);
    if (kind == NULL) {
        nc_error_set(err, NC_EXIT_BAD_INPUT, "certify: claim %s takes no parameter flags "
                     "(--lambda-w/--lambda-h/--lambda/--n LIST); give --instance", claim->id);
        return NULL;
    }
    json_t *j = json_object();
    json_object_set_new(j, "kind", json_string(kind));
    if (a->have_K) json_object_set_new(j, "K", json_integer(a->K));
    if (a->n_list) {
        json_t *arr = json_array();
        char buf[64];
        const char *p = a->n_list;
        while (*p) {
            size_t len = strcspn(p, ",");
            long v;
            snprintf(buf, sizeof buf, "%.*s", (int)(len < 63 ? len : 63), p);
            if (len == 0 || len > 20 || cli_parse_long("--n (list entry)", buf, 1, 100000000, &v, err)) {
                if (len == 0) nc_error_set(err, NC_EXIT_BAD_INPUT, "--n: empty entry in \"%.60s\"", a->n_list);
                json_decref(j);
                json_decref(arr);
                return NULL;
            }
            snprintf(buf, sizeof buf, "%ld", v);
            json_array_append_new(arr, json_string(buf));
            p += len;
            if (*p == ',') p++;
        }
        json_object_set_new(j, "n", arr);
    } else if (a->have_n) {
        json_object_set_new(j, "n", json_integer(a->n));
    }
    if (a->have_d) json_object_set_new(j, "d", json_integer(a->d));
    if (a->seed) json_object_set_new(j, "seed", json_string(a->seed));
    if ((a->lambda_w && set_exact(j, "lambda_W", "--lambda-w", a->lambda_w, err))
        || (a->lambda_h && set_exact(j, "lambda_H", "--lambda-h", a->lambda_h, err))
        || (a->lambda && set_exact(j, "lambda", "--lambda", a->lambda, err))) {
        json_decref(j);
        return NULL;
    }
    return j;
}

static json_t *build_instance_json(const claim_info *claim, const certify_args *a, nc_error *err)
{
    if (a->lambda_w || a->lambda_h || a->lambda || a->n_list) return build_parameter_json(claim, a, err);
    if (a->instance_file) return instance_json_load_file(a->instance_file, err);
    if (a->instance_json) {
        json_error_t jerr;
        json_t *j = json_loads(a->instance_json, JSON_REJECT_DUPLICATES, &jerr);
        if (j == NULL)
            nc_error_set(err, NC_EXIT_BAD_INPUT, "--instance-json: invalid JSON at column %d: %s", jerr.column, jerr.text);
        return j;
    }
    uint64_t seed = 0;
    if (a->seed && instance_parse_seed(a->seed, &seed, err)) return NULL;
    json_t *j = json_object();
    json_object_set_new(j, "kind", json_string(!a->nc ? "random-dyadic/1" : a->have_perturb ? "nc-perturbed/1" : "nc/1"));
    json_object_set_new(j, "K", json_integer(a->K));
    json_object_set_new(j, "n", json_integer(a->n));
    json_object_set_new(j, "d", json_integer(a->d));
    if (a->seed) {
        char buf[32];
        snprintf(buf, sizeof buf, "%llu", (unsigned long long)seed);
        json_object_set_new(j, "seed", json_string(buf));
    }
    if (a->have_perturb) json_object_set_new(j, "eps_log2", json_integer(a->perturb));
    return j;
}

int cli_certify(int argc, char **argv)
{
    certify_args a;
    nc_error err = {0, ""};
    if (parse_certify_args(&a, argc, argv, &err)) return cli_fail(&err);
    const claim_info *claim = claim_find(a.claim);
    if (claim == NULL) {
        nc_error_set(&err, NC_EXIT_BAD_INPUT, "unknown claim \"%.80s\" (see nccert list)", a.claim);
        return cli_fail(&err);
    }
    if (claim->certify == NULL) {
        nc_error_set(&err, NC_EXIT_BAD_INPUT, "claim %s is catalogued but has no certifier yet", a.claim);
        return cli_fail(&err);
    }
    char default_out[160];
    snprintf(default_out, sizeof default_out, "%s.cert.json", claim->id);
    json_t *inst = build_instance_json(claim, &a, &err);
    if (inst == NULL) return cli_fail(&err);
    certify_options o;
    certify_options_default(&o);
    o.max_prec = a.max_prec;
    nc_verdict verdict;
    progress_auto(a.quiet), progress_begin(claim->id, 0);
    int rc = cli_certify_instance(claim, inst, &o, a.output ? a.output : default_out, a.quiet, &verdict, &err);
    progress_end();
    json_decref(inst);
    if (rc) return cli_fail(&err);
    return verdict == NC_PROVED ? NC_EXIT_OK : NC_EXIT_NOT_ESTABLISHED;
}
