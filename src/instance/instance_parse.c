/* instance_parse.c: reading instances from JSON (instance files and certificates' "instance"
 * objects), with every check of specs/instance.md done before anything is trusted. */
#include <errno.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "instance/instance.h"
#include "instance/instance_alloc.h"
#include "instance/entry_parse.h"
#include "exact/exact_double.h"

#define INSTANCE_MAX_FILE_BYTES (256L << 20)

/* Exactly the double value of q, when q is one: sets *x and returns 1; else returns 0. */
static int fmpq_exact_double(double *x, const fmpq_t q)
{
    double y = exact_fmpq_get_d_nearest(q);
    if (!isfinite(y)) return 0;
    fmpq_t back;
    fmpq_init(back);
    exact_fmpq_set_d(back, y);
    int same = fmpq_equal(back, q);
    fmpq_clear(back);
    if (same) *x = y;
    return same;
}

/* A JSON integer field within [lo, hi]. */
static int get_long(json_t *obj, const char *key, long lo, long hi, long *out, nc_error *err)
{
    json_t *v = json_object_get(obj, key);
    if (v == NULL) return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: missing key \"%s\"", key);
    if (!json_is_integer(v))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: \"%s\" must be a JSON integer", key);
    json_int_t x = json_integer_value(v);
    if (x < lo || x > hi)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: \"%s\" = %lld is out of range [%ld, %ld]", key,
                            (long long)x, lo, hi);
    *out = (long)x;
    return 0;
}

int instance_parse_seed(const char *s, uint64_t *seed, nc_error *err)
{
    size_t len = strlen(s);
    if (len == 0 || len > 20 || strspn(s, "0123456789") != len)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "seed must be a decimal integer in [0, 2^64-1] (got \"%.40s\")", s);
    errno = 0;
    unsigned long long v = strtoull(s, NULL, 10);
    if (errno == ERANGE) return nc_error_set(err, NC_EXIT_BAD_INPUT, "seed \"%s\" exceeds 2^64-1", s);
    *seed = (uint64_t)v;
    return 0;
}

static int get_seed(json_t *obj, uint64_t *seed, nc_error *err)
{
    json_t *v = json_object_get(obj, "seed");
    if (!json_is_string(v)) return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: \"seed\" must be a decimal string");
    return instance_parse_seed(json_string_value(v), seed, err);
}

/* Rejects keys outside the allowed list (a misspelt key must not go unnoticed). */
static int only_keys(json_t *obj, const char *const *allowed, nc_error *err)
{
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v)
    {
        int found = 0;
        for (const char *const *a = allowed; *a; a++) found |= !strcmp(key, *a);
        if (!found) return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: unknown key \"%s\"", key);
    }
    return 0;
}

/* Parses rows x cols entry strings; entry (r, s) goes to index r*rs + s*ss of a/x. */
static int parse_matrix(json_t *m, const char *name, long rows, long cols, fmpq *a, double *x, long rs, long ss,
                        int *all_exact, nc_error *err)
{
    if (!json_is_array(m) || (long)json_array_size(m) != rows)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: \"%s\" must be an array of %ld rows", name, rows);
    for (long r = 0; r < rows; r++) {
        json_t *row = json_array_get(m, (size_t)r);
        if (!json_is_array(row) || (long)json_array_size(row) != cols)
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: row %ld of \"%s\" must be an array of %ld entries",
                                r, name, cols);
        for (long s = 0; s < cols; s++) {
            json_t *e = json_array_get(row, (size_t)s);
            long t = r * rs + s * ss;
            if (!json_is_string(e))
                return nc_error_set(err, NC_EXIT_BAD_INPUT,
                                    "instance: %s[%ld][%ld] must be a JSON string such as \"-3/4\"", name, r, s);
            if (entry_parse_fmpq(a + t, json_string_value(e)))
                return nc_error_set(err, NC_EXIT_BAD_INPUT,
                                    "instance: %s[%ld][%ld] = \"%.60s\" is not an integer, finite decimal, "
                                    "rational with non-zero denominator or hex float",
                                    name, r, s, json_string_value(e));
            if (!fmpq_exact_double(x + t, a + t)) {
                *all_exact = 0;
                x[t] = exact_fmpq_get_d_nearest(a + t);
            }
        }
    }
    return 0;
}

static int read_explicit(instance *I, json_t *obj, nc_error *err)
{
    static const char *const keys[] = {"kind", "K", "n", "d", "W", "H", NULL};
    long K, n, d;
    if (only_keys(obj, keys, err) || get_long(obj, "K", 2, INSTANCE_MAX_DIM, &K, err) ||
        get_long(obj, "n", 1, INSTANCE_MAX_DIM, &n, err) || get_long(obj, "d", 1, INSTANCE_MAX_DIM, &d, err) ||
        instance_check_dims(K, n, d, INSTANCE_MAX_EXPLICIT_ENTRIES, err))
        return err->status;
    if (instance_alloc(I, INSTANCE_EXPLICIT, K, n, d, 0, 0, err)) return err->status;
    int all_exact = 1;
    long N = n * K;
    if (parse_matrix(json_object_get(obj, "W"), "W", K, d, I->Wa, I->W, d, 1, &all_exact, err) ||
        parse_matrix(json_object_get(obj, "H"), "H", d, N, I->Ha, I->Ht, 1, d, &all_exact, err)) {
        instance_clear(I);
        return err->status;
    }
    if (all_exact) { /* the doubles are the instance: drop the rational copies */
        _fmpq_vec_clear(I->Wa, K * d);
        _fmpq_vec_clear(I->Ha, N * d);
        I->Wa = I->Ha = NULL;
        I->exact_double = 1;
    }
    I->explicit_W = json_incref(json_object_get(obj, "W"));
    I->explicit_H = json_incref(json_object_get(obj, "H"));
    return 0;
}

int instance_from_json(instance *I, json_t *obj, nc_error *err)
{
    memset(I, 0, sizeof *I);
    if (!json_is_object(obj)) return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: not a JSON object");
    json_t *kind = json_object_get(obj, "kind");
    if (kind != NULL && !json_is_string(kind))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: \"kind\" must be a string");
    const char *k = kind ? json_string_value(kind) : "explicit";
    if (!strcmp(k, "explicit")) return read_explicit(I, obj, err);
    if (!strcmp(k, "npz/1") || !strcmp(k, "npy/1")) return instance_read_data(I, obj, k[2] == 'z', err);
    long K, n, d, e = 0;
    uint64_t seed = 0;
    if (get_long(obj, "K", 2, INSTANCE_MAX_DIM, &K, err) || get_long(obj, "n", 1, INSTANCE_MAX_DIM, &n, err) ||
        get_long(obj, "d", 1, INSTANCE_MAX_DIM, &d, err))
        return err->status;
    if (!strcmp(k, "random-dyadic/1")) {
        static const char *const keys[] = {"kind", "K", "n", "d", "seed", NULL};
        if (only_keys(obj, keys, err) || get_seed(obj, &seed, err)) return err->status;
        return instance_generate_random_dyadic(I, K, n, d, seed, err);
    }
    if (!strcmp(k, "nc/1")) {
        static const char *const keys[] = {"kind", "K", "n", "d", NULL};
        if (only_keys(obj, keys, err)) return err->status;
        return instance_generate_nc(I, K, n, d, err);
    }
    if (!strcmp(k, "nc-perturbed/1")) {
        static const char *const keys[] = {"kind", "K", "n", "d", "seed", "eps_log2", NULL};
        if (only_keys(obj, keys, err) || get_seed(obj, &seed, err) || get_long(obj, "eps_log2", -1000, -1, &e, err))
            return err->status;
        return instance_generate_nc_perturbed(I, K, n, d, seed, e, err);
    }
    return nc_error_set(err, NC_EXIT_BAD_INPUT,
                        "instance: unknown kind \"%.60s\" (expected explicit, random-dyadic/1, nc/1, nc-perturbed/1, "
                        "npz/1, npy/1)",
                        k);
}

json_t *instance_json_load_file(const char *path, nc_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        nc_error_set(err, NC_EXIT_BAD_INPUT, "cannot read instance file %s: %s", path, strerror(errno));
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        nc_error_set(err, NC_EXIT_BAD_INPUT, "instance file %s is not a regular file", path);
        return NULL;
    }
    if (st.st_size > INSTANCE_MAX_FILE_BYTES) {
        nc_error_set(err, NC_EXIT_BAD_INPUT, "instance file %s is larger than 256 MiB", path);
        return NULL;
    }
    FILE *probe = fopen(path, "rb"); /* a clear message for unreadable files */
    if (probe == NULL) {
        nc_error_set(err, NC_EXIT_BAD_INPUT, "cannot read instance file %s: %s", path, strerror(errno));
        return NULL;
    }
    fclose(probe);
    json_error_t jerr;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
    if (root == NULL)
        nc_error_set(err, NC_EXIT_BAD_INPUT, "instance file %s: invalid JSON at line %d: %s", path, jerr.line,
                     jerr.text);
    return root;
}

int instance_read_file(instance *I, const char *path, nc_error *err)
{
    memset(I, 0, sizeof *I);
    json_t *root = instance_json_load_file(path, err);
    if (root == NULL) return err->status;
    int rc = instance_from_json(I, root, err);
    json_decref(root);
    if (rc && err->msg[0] && strncmp(err->msg, path, strlen(path)) != 0) {
        char tmp[NC_ERROR_MSG_LEN];
        snprintf(tmp, sizeof tmp, "%.200s: %.300s", path, err->msg);
        memcpy(err->msg, tmp, sizeof tmp);
    }
    return rc;
}
