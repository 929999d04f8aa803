/* msecp_inst.c: owns reading, validating, generating and writing msecp instances
 * (msecp/1 explicit, msecp-random/1 splitmix64). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "claims/msecp/msecp_inst.h"
#include "cert/cert.h"
#include "instance/entry_parse.h"
#include "instance/splitmix64.h"

const char *const msecp_identity_names[MSECP_N_IDENTITIES] = {
    "prop1", "prop1-corrected", "theorem1", "theorem1-printed-wls", "theorem2", "eq7", "eq8", "lemma1"};

static const char *const KEYS_EXPLICIT[] = {"kind", "identity", "C", "N", "p", "lambda", "H", "W", "b", "A", NULL};
static const char *const KEYS_RANDOM[] = {"kind", "identity", "C", "N", "p", "lambda", "seed", NULL};

/* One msecp-random/1 entry: ((x >> 59) - 16) / 8 for the next draw x, in [-2, 2). */
static void msecp_random_entry(fmpq_t q, uint64_t *state)
{
    long u = (long)(splitmix64_next(state) >> 59);
    fmpq_set_si(q, u - 16, 8);
}

static int key_allowed(const char *k, const char *const *keys)
{
    for (; *keys; keys++)
        if (strcmp(k, *keys) == 0) return 1;
    return 0;
}

static int get_dim(const json_t *j, const char *key, long lo, long hi, long *v, nc_error *err)
{
    json_t *x = json_object_get(j, key);
    if (!json_is_integer(x) || json_integer_value(x) < lo || json_integer_value(x) > hi)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp instance: \"%s\" must be an integer in [%ld, %ld]", key, lo,
                            hi);
    *v = (long)json_integer_value(x);
    return 0;
}

static int parse_seed(const char *s, uint64_t *out)
{
    if (!s || !*s || strlen(s) > 20) return -1;
    for (const char *t = s; *t; t++)
        if (*t < '0' || *t > '9') return -1;
    errno = 0;
    unsigned long long v = strtoull(s, NULL, 10);
    if (errno) return -1;
    *out = (uint64_t)v;
    return 0;
}

/* Reads a rows x cols matrix of entry strings (cols == 0: a vector of rows entries). */
static int parse_matrix(fmpq_mat_t M, const json_t *j, const char *name, long rows, long cols, nc_error *err)
{
    int vec = cols == 0;
    if (!json_is_array(j) || (long)json_array_size(j) != rows)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp instance: \"%s\" must be an array of %ld %s", name, rows,
                            vec ? "entries" : "rows");
    for (long r = 0; r < rows; r++) {
        json_t *row = json_array_get(j, (size_t)r);
        long nc = vec ? 1 : cols;
        if (!vec && (!json_is_array(row) || (long)json_array_size(row) != cols))
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp instance: %s[%ld] must be an array of %ld entries", name,
                                r, cols);
        for (long c = 0; c < nc; c++) {
            json_t *x = vec ? row : json_array_get(row, (size_t)c);
            if (!json_is_string(x) || entry_parse_fmpq(fmpq_mat_entry(M, r, c), json_string_value(x)))
                return nc_error_set(err, NC_EXIT_BAD_INPUT,
                                    "msecp instance: %s[%ld]%s not an exact number string (\"3\", \"-0.25\", \"3/7\")",
                                    name, r, vec ? "" : "[..] is");
        }
    }
    return 0;
}

static void generate(msecp_inst *I)
{
    uint64_t s = I->seed;
    fmpq_mat_t R;
    for (long r = 0; r < I->p; r++)
        for (long c = 0; c < I->C * I->N; c++) msecp_random_entry(fmpq_mat_entry(I->H, r, c), &s);
    for (long r = 0; r < I->C; r++)
        for (long c = 0; c < I->p; c++) msecp_random_entry(fmpq_mat_entry(I->W, r, c), &s);
    for (long r = 0; r < I->C; r++) msecp_random_entry(fmpq_mat_entry(I->b, r, 0), &s);
    if (!I->has_A) return;
    /* A = R + R^T + 4p I: symmetric and strictly diagonally dominant, hence invertible */
    fmpq_mat_init(R, I->p, I->p);
    for (long r = 0; r < I->p; r++)
        for (long c = 0; c < I->p; c++) msecp_random_entry(fmpq_mat_entry(R, r, c), &s);
    fmpq_mat_transpose(I->A, R);
    fmpq_mat_add(I->A, I->A, R);
    for (long r = 0; r < I->p; r++) fmpq_add_si(fmpq_mat_entry(I->A, r, r), fmpq_mat_entry(I->A, r, r), 4 * I->p);
    fmpq_mat_clear(R);
}

static int parse_header(msecp_inst *I, const json_t *j, nc_error *err)
{
    const char *kind = json_string_value(json_object_get(j, "kind"));
    if (!json_is_object(j) || !kind)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp instance: an object with a \"kind\" is required");
    if (strcmp(kind, "msecp/1") == 0)
        I->random = 0;
    else if (strcmp(kind, "msecp-random/1") == 0)
        I->random = 1;
    else
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp instance: unknown kind \"%s\" (msecp/1 or msecp-random/1)",
                            kind);
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)j, key, v)
    {
        (void)v;
        if (!key_allowed(key, I->random ? KEYS_RANDOM : KEYS_EXPLICIT))
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp instance: unknown key \"%s\" for kind %s", key, kind);
    }
    const char *id = json_string_value(json_object_get(j, "identity"));
    int found = -1;
    for (int t = 0; id && t < MSECP_N_IDENTITIES; t++)
        if (strcmp(id, msecp_identity_names[t]) == 0) found = t;
    if (found < 0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "msecp instance: \"identity\" must be one of prop1, prop1-corrected, "
                            "theorem1, theorem1-printed-wls, theorem2, eq7, eq8, lemma1");
    I->identity = (msecp_identity)found;
    if (get_dim(j, "C", 2, MSECP_MAX_C, &I->C, err) || get_dim(j, "N", 1, MSECP_MAX_N, &I->N, err) ||
        get_dim(j, "p", 1, MSECP_MAX_P, &I->p, err))
        return err->status;
    if (I->C * I->N > MSECP_MAX_CN)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp instance: C*N > %d", MSECP_MAX_CN);
    return 0;
}

int msecp_inst_from_json(msecp_inst *I, const json_t *j, nc_error *err)
{
    memset(I, 0, sizeof *I);
    if (parse_header(I, j, err)) return err->status;
    fmpq_init(I->lambda);
    const char *lam = json_string_value(json_object_get(j, "lambda"));
    if (!lam || entry_parse_fmpq(I->lambda, lam) || fmpq_sgn(I->lambda) < 0) {
        fmpq_clear(I->lambda);
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp instance: \"lambda\" must be an exact number string >= 0");
    }
    I->has_A = I->identity == MSECP_EQ8;
    fmpq_mat_init(I->H, I->p, I->C * I->N);
    fmpq_mat_init(I->W, I->C, I->p);
    fmpq_mat_init(I->b, I->C, 1);
    fmpq_mat_init(I->A, I->has_A ? I->p : 1, I->has_A ? I->p : 1);
    int bad = 0;
    if (I->random) {
        if (parse_seed(json_string_value(json_object_get(j, "seed")), &I->seed))
            bad = nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp instance: \"seed\" must be a decimal string 0..2^64-1");
        else
            generate(I);
    } else {
        json_t *a = json_object_get(j, "A");
        if (parse_matrix(I->H, json_object_get(j, "H"), "H", I->p, I->C * I->N, err) ||
            parse_matrix(I->W, json_object_get(j, "W"), "W", I->C, I->p, err) ||
            parse_matrix(I->b, json_object_get(j, "b"), "b", I->C, 0, err))
            bad = err->status;
        else if (I->has_A != (a != NULL))
            bad = nc_error_set(err, NC_EXIT_BAD_INPUT,
                               "msecp instance: \"A\" is required for identity eq8 and only there");
        else if (a && parse_matrix(I->A, a, "A", I->p, I->p, err))
            bad = err->status;
    }
    if (bad) msecp_inst_clear(I);
    return bad;
}

void msecp_inst_clear(msecp_inst *I)
{
    fmpq_clear(I->lambda);
    fmpq_mat_clear(I->H);
    fmpq_mat_clear(I->W);
    fmpq_mat_clear(I->b);
    fmpq_mat_clear(I->A);
}

static json_t *mat_json(const fmpq_mat_t M, int vec)
{
    json_t *a = json_array();
    for (long r = 0; r < fmpq_mat_nrows(M); r++) {
        if (vec) {
            json_array_append_new(a, cert_fmpq_string(fmpq_mat_entry(M, r, 0)));
            continue;
        }
        json_t *row = json_array();
        for (long c = 0; c < fmpq_mat_ncols(M); c++)
            json_array_append_new(row, cert_fmpq_string(fmpq_mat_entry(M, r, c)));
        json_array_append_new(a, row);
    }
    return a;
}

json_t *msecp_inst_to_json(const msecp_inst *I)
{
    json_t *j = json_object();
    json_object_set_new(j, "kind", json_string(I->random ? "msecp-random/1" : "msecp/1"));
    json_object_set_new(j, "identity", json_string(msecp_identity_names[I->identity]));
    json_object_set_new(j, "C", json_integer(I->C));
    json_object_set_new(j, "N", json_integer(I->N));
    json_object_set_new(j, "p", json_integer(I->p));
    json_object_set_new(j, "lambda", cert_fmpq_string(I->lambda));
    if (I->random) {
        char buf[32];
        snprintf(buf, sizeof buf, "%llu", (unsigned long long)I->seed);
        json_object_set_new(j, "seed", json_string(buf));
        return j;
    }
    json_object_set_new(j, "H", mat_json(I->H, 0));
    json_object_set_new(j, "W", mat_json(I->W, 0));
    json_object_set_new(j, "b", mat_json(I->b, 1));
    if (I->has_A) json_object_set_new(j, "A", mat_json(I->A, 0));
    return j;
}

json_t *msecp_source(const char *label, const char *statement)
{
    static const char *const files[] = {"003_f4acdb54d8757aa5.txt", NULL};
    return cert_source("msecp", files, label, statement);
}

json_t *msecp_rational_quantity(const fmpq_t q, slong prec)
{
    arb_t x;
    qsqrt_t ex;
    arb_init(x), qsqrt_init(ex);
    arb_set_fmpq(x, q, prec);
    fmpq_set(ex->a, q), fmpq_zero(ex->b);
    char *str = fmpq_get_str(NULL, 10, q);
    int fits = strlen(str) <= 400; /* longer exact values: the enclosure alone */
    flint_free(str);
    json_t *j = cert_quantity(x, fits ? ex : NULL, 1);
    arb_clear(x), qsqrt_clear(ex);
    return j;
}
