/* instance_data.c: a point (W, H) read from a trained network's arrays (issue 15, "bring your own
 * network"): features (N x d, sample order), labels (N integers in [0, K)), classifier W (K x d)
 * and optional bias b (K), from one .npz archive (kind npz/1) or separate .npy files (npy/1).
 * H's column k*n + i is the i-th sample of class k in file order; unbalanced classes are refused
 * unless balance "first" keeps the first n_min of each class. Every value is taken exactly
 * (src/npy). The certificate records the data by reference (kind data/1: file names, sizes,
 * SHA-256, arrays' dtypes and shapes), never the entries: specs/instance.md. */
#include <stdlib.h>
#include <string.h>
#include "instance/instance.h"
#include "instance/instance_alloc.h"
#include "npy/npy.h"

enum { R_FEATURES, R_LABELS, R_W, R_B, NROLES };
static const char *const ROLE[NROLES] = {"features", "labels", "W", "b"};
static const char *const NPY_KEY[NROLES] = {"features_file", "labels_file", "classifier_file", "bias_file"};

typedef struct {
    int nfiles;
    npy_file file[NROLES];
    const char *path[NROLES];
    const npy_array *arr[NROLES]; /* NULL: b absent */
    int file_of[NROLES];
} data_src;

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static int get_path(json_t *obj, const char *key, int required, const char **out, nc_error *err)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (v == NULL && !required) return 0;
    if (!json_is_string(v) || !json_string_length(v))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: \"%s\" must be a file name", key);
    *out = json_string_value(v);
    return 0;
}

static int open_file(data_src *s, const char *path, int zip, nc_error *err)
{
    if (base_name(path)[0] == '.' || !base_name(path)[0])
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "%s: a data file's name must not start with '.' (nccheck looks it up by name)", path);
    for (int k = 0; k < s->nfiles; k++)
        if (!strcmp(base_name(s->path[k]), base_name(path)))
            return nc_error_set(err, NC_EXIT_BAD_INPUT,
                                "%s and %s have the same name: nccheck finds data files side by side, give them "
                                "distinct names",
                                s->path[k], path);
    s->path[s->nfiles] = path;
    return npy_file_read(&s->file[s->nfiles++], path, zip, err);
}

/* Opens the files of kind npz/1 or npy/1 and finds each role's array. */
static int open_sources(data_src *s, json_t *obj, int zip, nc_error *err)
{
    if (zip) {
        const char *p;
        if (get_path(obj, "npz_file", 1, &p, err) || open_file(s, p, 1, err)) return err->status;
        for (int r = 0; r < NROLES; r++) {
            s->arr[r] = npy_file_array(&s->file[0], ROLE[r]);
            if (!s->arr[r] && r != R_B)
                return nc_error_set(err, NC_EXIT_BAD_INPUT,
                                    "%s: no array \"%s\" (expected features, labels, W, "
                                    "optional b)",
                                    p, ROLE[r]);
        }
        return 0;
    }
    for (int r = 0; r < NROLES; r++) {
        const char *p;
        if (get_path(obj, NPY_KEY[r], r != R_B, &p, err)) return err->status;
        if (!p) continue;
        if (open_file(s, p, 0, err)) return err->status;
        s->file_of[r] = s->nfiles - 1;
        s->arr[r] = &s->file[s->nfiles - 1].arrays[0];
    }
    return 0;
}

static int check_shapes(const data_src *s, long long *N, long long *K, long long *d, nc_error *err)
{
    const npy_array *F = s->arr[R_FEATURES], *L = s->arr[R_LABELS], *W = s->arr[R_W], *b = s->arr[R_B];
    if (F->ndim != 2 || W->ndim != 2 || L->ndim != 1 || (b && b->ndim != 1))
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "data: features must be N x d, labels N, W K x d and b K (got %d-, %d-, %d-dimensional)",
                            F->ndim, L->ndim, W->ndim);
    *N = F->shape[0], *d = F->shape[1], *K = W->shape[0];
    if (L->shape[0] != *N || W->shape[1] != *d || (b && b->shape[0] != *K))
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "data: shapes do not match: features %lld x %lld, labels %lld, W %lld x %lld%s", *N, *d,
                            L->shape[0], W->shape[0], W->shape[1], b ? ", b given" : "");
    if (L->cls == NPY_FLOAT)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "data: labels have dtype '%s'; they must be integers", L->descr);
    if (*K < 2 || *K > INSTANCE_MAX_DIM || *d < 1 || *d > INSTANCE_MAX_DIM)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "data: need 2 <= K <= %ld and 1 <= d <= %ld (K=%lld, d=%lld)",
                            INSTANCE_MAX_DIM, INSTANCE_MAX_DIM, *K, *d);
    return 0;
}

/* Class sizes; n = the smallest (balance "first") or the common size (refused when unequal). */
static int class_sizes(const data_src *s, long long N, long long K, int first, long *n, nc_error *err)
{
    long long *cnt = calloc((size_t)K, sizeof *cnt);
    if (!cnt) return nc_error_set(err, NC_EXIT_INTERNAL, "out of memory");
    int rc = 0;
    for (long long c = 0; c < N && !rc; c++) {
        int64_t l;
        if (npy_get_int(s->arr[R_LABELS], c, 0, &l) || l < 0 || l >= K)
            rc = nc_error_set(err, NC_EXIT_BAD_INPUT, "data: the label of sample %lld is out of range [0, %lld)", c, K);
        else
            cnt[l]++;
    }
    long long lo = N, hi = 0;
    for (long long k = 0; k < K && !rc; k++) {
        if (cnt[k] == 0) rc = nc_error_set(err, NC_EXIT_BAD_INPUT, "data: class %lld has no sample (K = %lld)", k, K);
        if (cnt[k] < lo) lo = cnt[k];
        if (cnt[k] > hi) hi = cnt[k];
    }
    if (!rc && lo != hi && !first)
        rc = nc_error_set(err, NC_EXIT_BAD_INPUT,
                          "data: classes are unbalanced (%lld to %lld samples); the claim needs n per class: pass "
                          "--balance first to keep the first %lld of each class in file order",
                          lo, hi, lo);
    free(cnt);
    *n = (long)lo;
    return rc;
}

static int value_at(const npy_array *a, const char *role, long long r, long long c, double *x, nc_error *err)
{
    int rc = npy_get_double(a, r, c, x);
    if (rc)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "data: entry [%lld][%lld] of the %s array is %s", r, c, role,
                            rc == 1 ? "NaN or infinite" : "an integer beyond 2^53 in absolute value");
    return 0;
}

/* W, then H from the kept samples, and b = 0. */
static int fill(instance *I, const data_src *s, long long N, nc_error *err)
{
    long K = I->K, n = I->n, d = I->d;
    long *kept = calloc((size_t)K, sizeof *kept);
    if (!kept) return nc_error_set(err, NC_EXIT_INTERNAL, "out of memory");
    int rc = 0;
    for (long k = 0; k < K && !rc; k++)
        for (long l = 0; l < d && !rc; l++) rc = value_at(s->arr[R_W], "W", k, l, &I->W[k * d + l], err);
    for (long long c = 0; c < N && !rc; c++) {
        int64_t k;
        npy_get_int(s->arr[R_LABELS], c, 0, &k); /* checked by class_sizes */
        if (kept[k] == n) continue;
        double *row = I->Ht + (k * n + kept[k]++) * d;
        for (long l = 0; l < d && !rc; l++) rc = value_at(s->arr[R_FEATURES], "features", c, l, &row[l], err);
    }
    for (long k = 0; k < K && s->arr[R_B] && !rc; k++) {
        double x;
        if (!(rc = value_at(s->arr[R_B], "b", k, 0, &x, err)) && x != 0)
            rc = nc_error_set(err, NC_EXIT_BAD_INPUT,
                              "data: b[%ld] is not 0: the ulpm model (logits W h) has no bias; give b = 0 or omit it",
                              k);
    }
    free(kept);
    return rc;
}

static json_t *array_json(const data_src *s, int r)
{
    const npy_array *a = s->arr[r];
    json_t *o = json_object(), *shape = json_array();
    json_object_set_new(o, "file", json_string(base_name(s->path[s->file_of[r]])));
    if (a->name[0]) json_object_set_new(o, "array", json_string(a->name));
    json_object_set_new(o, "dtype", json_string(a->descr));
    for (int k = 0; k < a->ndim; k++) json_array_append_new(shape, json_integer(a->shape[k]));
    json_object_set_new(o, "shape", shape);
    json_object_set_new(o, "fortran_order", json_boolean(a->fortran));
    return o;
}

static json_t *reference_json(const instance *I, const data_src *s, int first)
{
    json_t *o = json_object(), *files = json_array(), *arrays = json_object();
    json_object_set_new(o, "kind", json_string("data/1"));
    json_object_set_new(o, "K", json_integer(I->K));
    json_object_set_new(o, "n", json_integer(I->n));
    json_object_set_new(o, "d", json_integer(I->d));
    json_object_set_new(o, "balance", json_string(first ? "first" : "none"));
    for (int k = 0; k < s->nfiles; k++)
        json_array_append_new(files, json_pack("{s:s, s:I, s:s}", "name", base_name(s->path[k]), "bytes",
                                               (json_int_t)s->file[k].len, "sha256", s->file[k].sha256));
    for (int r = 0; r < NROLES; r++)
        if (s->arr[r]) json_object_set_new(arrays, ROLE[r], array_json(s, r));
    json_object_set_new(o, "files", files);
    json_object_set_new(o, "arrays", arrays);
    return o;
}

int instance_read_data(instance *I, json_t *obj, int zip, nc_error *err)
{
    static const char *const zip_keys[] = {"kind", "npz_file", "balance", NULL};
    static const char *const npy_keys[] = {"kind",      "features_file", "labels_file", "classifier_file",
                                           "bias_file", "balance",       NULL};
    data_src s;
    memset(&s, 0, sizeof s);
    memset(I, 0, sizeof *I);
    const char *key;
    json_t *v, *bal = json_object_get(obj, "balance");
    json_object_foreach(obj, key, v)
    {
        int ok = 0;
        for (const char *const *a = zip ? zip_keys : npy_keys; *a; a++) ok |= !strcmp(key, *a);
        if (!ok) return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: unknown key \"%s\"", key);
    }
    if (bal &&
        (!json_is_string(bal) || (strcmp(json_string_value(bal), "first") && strcmp(json_string_value(bal), "none"))))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: \"balance\" must be \"none\" or \"first\"");
    int first = bal && !strcmp(json_string_value(bal), "first"), rc;
    long long N = 0, K = 0, d = 0;
    long n = 0;
    rc = open_sources(&s, obj, zip, err) || check_shapes(&s, &N, &K, &d, err) ||
         class_sizes(&s, N, K, first, &n, err) ||
         instance_check_dims((long)K, n, (long)d, INSTANCE_MAX_DATA_ENTRIES, err) ||
         instance_alloc(I, INSTANCE_DATA, (long)K, n, (long)d, 1, 0, err) || fill(I, &s, N, err);
    if (!rc) I->data_ref = reference_json(I, &s, first);
    for (int k = 0; k < s.nfiles; k++) npy_file_clear(&s.file[k]);
    if (rc) {
        instance_clear(I);
        return err->status ? err->status : NC_EXIT_BAD_INPUT;
    }
    return 0;
}
