/* ulpm_example31_inst.c: the instances of ulpm.example-3.1 ({"kind": "example-3.1/1", "C",
 * "part"[, "normalisation"]} and {"kind": "example-3.1-box/1", "C_lo", "C_hi", "part"}):
 * strict parsing, validation (one clear message, status 2) and the JSON echo. */
#include <string.h>
#include "claims/ulpm/ulpm_example31.h"
#include "cert/cert.h"
#include "instance/entry_parse.h"

static const char *const ulpm_ex31_part_names[EX31_NPARTS] = {"separation", "kkt",     "parallel",
                                                              "eq9",        "curve55", "family10"};
static const char *const NORM_NAMES[] = {"sqrt2", "2sqrt2", "none"};

/* Limits: C in [1/1024, 8] (given), box within [1/64, 8]. Beyond them the exponentials
 * e^{-4C^2} need more precision than the registry budget; nothing in the claim changes. */
static int get_q(fmpq_t q, const json_t *j, const char *key, nc_error *err)
{
    json_t *v = json_object_get(j, key);
    if (!v) return nc_error_set(err, NC_EXIT_BAD_INPUT, "example-3.1 instance: missing key \"%s\"", key);
    if (!json_is_string(v) || entry_parse_fmpq(q, json_string_value(v)))
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "example-3.1 instance: \"%s\" must be a string holding an integer, decimal or rational",
                            key);
    return 0;
}

static int in_range(const fmpq_t q, slong num_lo, slong den_lo, slong hi)
{
    fmpq_t a;
    fmpq_init(a);
    fmpq_set_si(a, num_lo, (ulong)den_lo);
    int ok = fmpq_cmp(q, a) >= 0;
    fmpq_set_si(a, hi, 1);
    ok = ok && fmpq_cmp(q, a) <= 0;
    fmpq_clear(a);
    return ok;
}

static int check_keys(const json_t *j, const char *const *allowed, nc_error *err)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)j, key, v)
    {
        int t = 0;
        while (allowed[t] && strcmp(allowed[t], key) != 0) t++;
        if (!allowed[t]) return nc_error_set(err, NC_EXIT_BAD_INPUT, "example-3.1 instance: unknown key \"%s\"", key);
    }
    return 0;
}

int ulpm_ex31_inst_parse(ulpm_ex31_inst *I, const json_t *j, nc_error *err)
{
    static const char *const KEYS1[] = {"kind", "C", "part", "normalisation", NULL};
    static const char *const KEYSB[] = {"kind", "C_lo", "C_hi", "part", NULL};
    memset(I, 0, sizeof *I);
    fmpq_init(I->C);
    fmpq_init(I->C_lo);
    fmpq_init(I->C_hi);
    if (!json_is_object(j)) return nc_error_set(err, NC_EXIT_BAD_INPUT, "example-3.1 instance: not a JSON object");
    const char *kind = json_string_value(json_object_get(j, "kind"));
    if (!kind)
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "example-3.1 instance: \"kind\" must be \"example-3.1/1\" or \"example-3.1-box/1\"");
    if (strcmp(kind, "example-3.1/1") == 0)
        I->box = 0;
    else if (strcmp(kind, "example-3.1-box/1") == 0)
        I->box = 1;
    else
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "example-3.1 instance: unknown kind \"%.60s\"", kind);
    if (check_keys(j, I->box ? KEYSB : KEYS1, err)) return err->status;
    const char *part = json_string_value(json_object_get(j, "part"));
    if (!part) return nc_error_set(err, NC_EXIT_BAD_INPUT, "example-3.1 instance: missing string \"part\"");
    int p = 0;
    while (p < EX31_NPARTS && strcmp(part, ulpm_ex31_part_names[p]) != 0) p++;
    if (p == EX31_NPARTS)
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "example-3.1 instance: unknown part \"%.60s\" (separation, kkt, "
                            "parallel, eq9, curve55, family10)",
                            part);
    I->part = (enum ulpm_ex31_part)p;
    json_t *nj = json_object_get(j, "normalisation");
    if (I->part == EX31_KKT) {
        if (I->box)
            return nc_error_set(err, NC_EXIT_BAD_INPUT,
                                "example-3.1 instance: part kkt does not depend on C: "
                                "use kind example-3.1/1");
        const char *nm = json_string_value(nj);
        int t = 0;
        while (nm && t < 3 && strcmp(nm, NORM_NAMES[t]) != 0) t++;
        if (!nm || t == 3)
            return nc_error_set(err, NC_EXIT_BAD_INPUT,
                                "example-3.1 instance: part kkt needs \"normalisation\": "
                                "\"sqrt2\", \"2sqrt2\" or \"none\"");
        I->norm = (enum ulpm_ex31_norm)t;
    } else if (nj) {
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "example-3.1 instance: \"normalisation\" only with part kkt");
    }
    if (!I->box) {
        if (get_q(I->C, j, "C", err)) return err->status;
        if (!in_range(I->C, 1, 1024, 8))
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "example-3.1 instance: C must lie in [1/1024, 8]");
        return 0;
    }
    if (get_q(I->C_lo, j, "C_lo", err) || get_q(I->C_hi, j, "C_hi", err)) return err->status;
    if (!in_range(I->C_lo, 1, 64, 8) || !in_range(I->C_hi, 1, 64, 8) || fmpq_cmp(I->C_lo, I->C_hi) >= 0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "example-3.1 instance: need 1/64 <= C_lo < C_hi <= 8");
    return 0;
}

void ulpm_ex31_inst_clear(ulpm_ex31_inst *I)
{
    fmpq_clear(I->C);
    fmpq_clear(I->C_lo);
    fmpq_clear(I->C_hi);
}

json_t *ulpm_ex31_inst_to_json(const ulpm_ex31_inst *I)
{
    json_t *j = json_object();
    json_object_set_new(j, "kind", json_string(I->box ? "example-3.1-box/1" : "example-3.1/1"));
    if (I->box) {
        json_object_set_new(j, "C_lo", cert_fmpq_string(I->C_lo));
        json_object_set_new(j, "C_hi", cert_fmpq_string(I->C_hi));
    } else {
        json_object_set_new(j, "C", cert_fmpq_string(I->C));
    }
    json_object_set_new(j, "part", json_string(ulpm_ex31_part_names[I->part]));
    if (I->part == EX31_KKT) json_object_set_new(j, "normalisation", json_string(NORM_NAMES[I->norm]));
    return j;
}
