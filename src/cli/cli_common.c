/* cli_common.c: helpers shared by the subcommands: strict option parsing, the certify-and-
 * write step, the human summary, error printing. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "cert/cert.h"
#include "common/progress.h"

int cli_parse_long(const char *option, const char *s, long lo, long hi, long *out, nc_error *err)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (s[0] == '\0' || *end != '\0' || errno == ERANGE || strspn(s, "+-0123456789") != strlen(s))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s expects an integer, got \"%.40s\"", option, s);
    if (v < lo || v > hi)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s must be in [%ld, %ld], got %ld", option, lo, hi, v);
    *out = v;
    return 0;
}

int cli_fail(const nc_error *err)
{
    fprintf(stderr, "nccert: %s\n", err->msg);
    return err->status ? err->status : NC_EXIT_INTERNAL;
}

int cli_bad_option(const char *cmd, char **argv)
{
    nc_error err = {0, ""};
    nc_error_set(&err, NC_EXIT_BAD_INPUT, "%s: unknown or incomplete option \"%s\"", cmd, argv[optind - 1]);
    return cli_fail(&err);
}

int cli_unexpected_argument(const char *cmd, char **argv)
{
    nc_error err = {0, ""};
    nc_error_set(&err, NC_EXIT_BAD_INPUT, "%s: unexpected argument \"%s\"", cmd, argv[optind]);
    return cli_fail(&err);
}

/* One line: the kind and every scalar parameter (matrices and arrays are not printed). */
static void print_instance(FILE *f, const json_t *inst)
{
    const char *key;
    json_t *v;
    json_t *kind = json_object_get(inst, "kind");
    fprintf(f, "instance: %s", json_is_string(kind) ? json_string_value(kind) : "explicit");
    json_object_foreach((json_t *)inst, key, v) {
        if (!strcmp(key, "kind")) continue;
        if (json_is_integer(v)) fprintf(f, " %s=%lld", key, (long long)json_integer_value(v));
        else if (json_is_string(v)) fprintf(f, " %s=%s", key, json_string_value(v));
    }
    fprintf(f, "\n");
}

static void print_summary(FILE *f, const json_t *cert, const char *path)
{
    fprintf(f, "claim: %s\n", json_string_value(json_object_get(cert, "claim")));
    print_instance(f, json_object_get(cert, "instance"));
    fprintf(f, "verdict: %s (%s)\n", json_string_value(json_object_get(cert, "verdict")),
            json_string_value(json_object_get(cert, "assertion")));
    const char *key;
    json_t *v;
    fprintf(f, "witnesses:");
    json_object_foreach(json_object_get(cert, "witnesses"), key, v) {
        if (json_is_integer(v)) fprintf(f, " %s=%lld", key, (long long)json_integer_value(v));
    }
    fprintf(f, "\n");
    json_object_foreach(json_object_get(cert, "quantities"), key, v) {
        fprintf(f, "  %-18s %s\n", key, json_string_value(json_object_get(v, "decimal")));
    }
    if (path) fprintf(f, "certificate: %s\n", path);
}

int cli_certify_instance(const claim_info *claim, json_t *instance_json, const certify_options *o,
                         const char *out_path, int quiet, nc_verdict *verdict, nc_error *err)
{
    json_t *cert = NULL;
    if (claim->certify(instance_json, o, &cert, err)) return err->status;
    if (out_path && cert_write_atomic(cert, out_path, err)) {
        json_decref(cert);
        return err->status;
    }
    if (nc_verdict_parse(json_string_value(json_object_get(cert, "verdict")), verdict)) {
        json_decref(cert);
        return nc_error_set(err, NC_EXIT_INTERNAL, "%s: the certificate has no verdict", claim->id);
    }
    if (!quiet) progress_hold(), print_summary(stdout, cert, out_path), progress_release();
    json_decref(cert);
    return 0;
}
