/* check_cert.c: owns the top level of a certificate: format version, the set of top-level
 * keys, the informational objects (source, method), reading the verdict (check_verdict.h),
 * and dispatch to the claim checker by claim id. */
#include "check_cert.h"

#include <stdio.h>
#include <string.h>

#include "check_claims.h"
#include "check_data.h"

#define CK_CLAIM(paper, stem, id) CK_DECLARE_CLAIM(paper, stem, id);
#include "check_claims.def" /* generated: build/gen/nccheck/check_claims.def */
#undef CK_CLAIM

static const struct {
    const char *id;
    ck_claim_fn fn;
} CLAIMS[] = {
#define CK_CLAIM(paper, stem, id) {id, ck_claim_##paper##_##stem},
#include "check_claims.def"
#undef CK_CLAIM
};

static const char *const TOP_KEYS[] = {"format",    "claim",     "source",     "instance", "method",
                                       "assertion", "witnesses", "quantities", "verdict",  NULL};
static const char *const SOURCE_KEYS[] = {"paper", "seed_files", "label", "statement", NULL};
static const char *const METHOD_KEYS[] = {"tier", "precision_bits", "libraries", "producer", NULL};

/* 0 when every element (array) or value (object) of J is a string; -1 with e set (malformed: WHY) otherwise */
static int all_strings(const json_t *j, const char *why, ck_err *e)
{
    const char *key;
    size_t idx;
    json_t *v;
    int ok = 1;
    if (json_is_object(j)) {
        json_object_foreach((json_t *)j, key, v) if (!json_is_string(v)) ok = 0;
    } else {
        json_array_foreach(j, idx, v) if (!json_is_string(v)) ok = 0;
    }
    if (ok) return 0;
    ck_fail(e, CK_MALFORMED, "%s", why);
    return -1;
}

/* source and method: required for completeness, not relied upon */
static int check_informational(const json_t *root, ck_err *e)
{
    json_t *src = ck_get_obj(root, "certificate", "source", e);
    json_t *met = ck_get_obj(root, "certificate", "method", e);
    long long tier, prec;
    if (!src || !met || ck_keys(src, "source", SOURCE_KEYS, NULL, e) || !ck_get_str(src, "source", "paper", e) ||
        !ck_get_str(src, "source", "label", e) || !ck_get_str(src, "source", "statement", e))
        return -1;
    json_t *sf = ck_get_arr(src, "source", "seed_files", e);
    if (!sf || all_strings(sf, "source.seed_files: not all strings", e)) return -1;
    if (ck_keys(met, "method", METHOD_KEYS, NULL, e) || ck_get_int(met, "method", "tier", &tier, e) ||
        ck_get_int(met, "method", "precision_bits", &prec, e) || !ck_get_str(met, "method", "producer", e))
        return -1;
    if (tier < 0 || tier > 2 || prec < 0) {
        ck_fail(e, CK_MALFORMED, "method: tier must be 0, 1 or 2 and precision_bits >= 0");
        return -1;
    }
    json_t *lib = ck_get_obj(met, "method", "libraries", e);
    if (!lib || all_strings(lib, "method.libraries: values must be strings", e)) return -1;
    return 0;
}

static int check_root(json_t *root, ck_result *r);

int ck_check_file(const char *path, ck_result *r)
{
    memset(r, 0, sizeof *r);
    ck_data_set_cert(path);
    json_t *root = ck_json_load(path, &r->err);
    return root ? check_root(root, r) : r->err.code;
}

int ck_check_buffer(const char *buf, size_t len, ck_result *r)
{
    memset(r, 0, sizeof *r);
    ck_data_set_cert(NULL);
    json_t *root = ck_json_loadb(buf, len, &r->err);
    return root ? check_root(root, r) : r->err.code;
}

/* Checks the parsed certificate ROOT (consumed); returns r->err.code. */
static int check_root(json_t *root, ck_result *r)
{
    ck_err *e = &r->err;
    const char *fmt = ck_get_str(root, "certificate", "format", e);
    const char *claim = NULL, *verdict = NULL;
    ck_verdict v;
    ck_claim_fn fn = NULL;
    if (fmt && strcmp(fmt, CK_FORMAT) != 0)
        ck_fail(e, CK_MALFORMED, "format: unknown format version \"%.60s\" (expected \"%s\")", fmt, CK_FORMAT);
    if (e->code == CK_OK && ck_keys(root, "certificate", TOP_KEYS, NULL, e) == 0 && check_informational(root, e) == 0 &&
        (claim = ck_get_str(root, "certificate", "claim", e)) != NULL &&
        (verdict = ck_get_str(root, "certificate", "verdict", e)) != NULL) {
        for (size_t t = 0; t < sizeof CLAIMS / sizeof CLAIMS[0]; t++)
            if (strcmp(claim, CLAIMS[t].id) == 0) fn = CLAIMS[t].fn;
        if (!fn)
            ck_fail(e, CK_MALFORMED, "claim: unknown claim id \"%.60s\"", claim);
        else
            snprintf(r->claim, sizeof r->claim, "%s", claim); /* a known id, also when rejected */
        if (fn && ck_verdict_parse(verdict, &v))
            ck_fail(e, CK_MALFORMED, "verdict: unknown verdict \"%.60s\"", verdict);
        else if (fn && fn(root, v, e) == 0) {
            const char *as = json_string_value(json_object_get(root, "assertion"));
            snprintf(r->assertion, sizeof r->assertion, "%s", as ? as : "");
            r->verdict = v;
        }
    }
    json_decref(root);
    return e->code;
}
