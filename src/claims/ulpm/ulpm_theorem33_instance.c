/* ulpm_theorem33_instance.c: the instance kinds of ulpm.theorem-3.3 (specs/claims/
 * ulpm.theorem-3.3.md): the generic ones, "nc-scaled/1" (W = alpha W_nc, H = beta H_nc, the
 * nc/1 point of generators.md scaled exactly) and "example-3.1/1" (seed 001 Example 3.1:
 * K=4, n=1, d=4, W = H = C M). */
#include <string.h>
#include "claims/ulpm/ulpm_theorem33.h"
#include "exact/exact_double.h"
#include "instance/entry_parse.h"

static int only_keys(json_t *j, const char *const *keys, const char *kind, nc_error *err)
{
    const char *key;
    json_t *v;
    json_object_foreach(j, key, v)
    {
        int ok = 0;
        for (int t = 0; keys[t] && !ok; t++) ok = strcmp(key, keys[t]) == 0;
        if (!ok) return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance (%s): unknown key \"%.60s\"", kind, key);
    }
    for (int t = 0; keys[t]; t++)
        if (!json_object_get(j, keys[t]))
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance (%s): missing key \"%s\"", kind, keys[t]);
    return 0;
}

static int get_dim(json_t *j, const char *key, long lo, long *out, nc_error *err)
{
    json_t *v = json_object_get(j, key);
    if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > INSTANCE_MAX_DIM)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: \"%s\" must be an integer in [%ld, %ld]", key, lo,
                            INSTANCE_MAX_DIM);
    *out = (long)json_integer_value(v);
    return 0;
}

static int get_rational(json_t *j, const char *key, fmpq_t q, nc_error *err)
{
    json_t *v = json_object_get(j, key);
    if (!json_is_string(v) || entry_parse_fmpq(q, json_string_value(v)) != 0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "instance: \"%s\" must be an exact number string "
                            "(\"3\", \"-0.125\", \"3/7\")",
                            key);
    return 0;
}

static void scale_vec(fmpq *v, double *dbl, long len, const fmpq_t s, fmpq *b)
{
    for (long t = 0; t < len; t++) {
        fmpq_mul(v + t, v + t, s);
        if (b) fmpq_mul(b + t, b + t, s);
        dbl[t] *= fmpq_get_d(s); /* double copies only guide kernels; never evidence */
    }
}

static int read_scaled(instance *I, json_t **canon, json_t *j, nc_error *err)
{
    static const char *const keys[] = {"kind", "K", "n", "d", "alpha", "beta", NULL};
    long K, n, d;
    fmpq_t al, be;
    fmpq_init(al);
    fmpq_init(be);
    int rc = only_keys(j, keys, "nc-scaled/1", err) || get_dim(j, "K", 2, &K, err) || get_dim(j, "n", 1, &n, err) ||
             get_dim(j, "d", 1, &d, err) || get_rational(j, "alpha", al, err) || get_rational(j, "beta", be, err) ||
             instance_generate_nc(I, K, n, d, err);
    if (!rc) { /* nc/1 keeps exact parts (entries 1/K, 1/sqrt(n) are not all doubles) */
        scale_vec(I->Wa, I->W, K * d, al, I->Wb);
        scale_vec(I->Ha, I->Ht, n * K * d, be, I->Hb);
        *canon =
            json_pack("{s:s, s:I, s:I, s:I, s:O, s:O}", "kind", "nc-scaled/1", "K", (json_int_t)K, "n", (json_int_t)n,
                      "d", (json_int_t)d, "alpha", json_object_get(j, "alpha"), "beta", json_object_get(j, "beta"));
    }
    fmpq_clear(al);
    fmpq_clear(be);
    return rc ? err->status : 0;
}

/* M of Example 3.1: two 2x2 blocks [[1,-1],[-1,1]]; symmetric, so H = C M has h_k = w_k. */
static int example_m(long r, long s)
{
    if (r / 2 != s / 2) return 0;
    return r == s ? 1 : -1;
}

static int read_example(instance *I, json_t **canon, json_t *j, nc_error *err)
{
    static const char *const keys[] = {"kind", "C", NULL};
    fmpq_t C, x;
    fmpq_init(C);
    fmpq_init(x);
    int rc = only_keys(j, keys, "example-3.1/1", err) || get_rational(j, "C", C, err);
    if (!rc) {
        json_t *W = json_array(), *H = json_array();
        for (long r = 0; r < 4; r++) {
            json_t *rw = json_array(), *rh = json_array();
            for (long s = 0; s < 4; s++) {
                fmpq_mul_si(x, C, example_m(r, s));
                char *str = fmpq_get_str(NULL, 10, x);
                json_array_append_new(rw, json_string(str));
                json_array_append_new(rh, json_string(str));
                flint_free(str);
            }
            json_array_append_new(W, rw);
            json_array_append_new(H, rh);
        }
        json_t *ex =
            json_pack("{s:s, s:i, s:i, s:i, s:o, s:o}", "kind", "explicit", "K", 4, "n", 1, "d", 4, "W", W, "H", H);
        rc = instance_from_json(I, ex, err) != 0;
        json_decref(ex);
        if (!rc) *canon = json_pack("{s:s, s:O}", "kind", "example-3.1/1", "C", json_object_get(j, "C"));
    }
    fmpq_clear(C);
    fmpq_clear(x);
    return rc ? err->status : 0;
}

int ulpm_t33_instance_read(instance *I, json_t **canon, json_t *j, nc_error *err)
{
    memset(I, 0, sizeof *I);
    if (!json_is_object(j)) return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: not a JSON object");
    json_t *kind = json_object_get(j, "kind");
    const char *k = json_is_string(kind) ? json_string_value(kind) : "";
    if (strcmp(k, "nc-scaled/1") == 0) return read_scaled(I, canon, j, err);
    if (strcmp(k, "example-3.1/1") == 0) return read_example(I, canon, j, err);
    if (instance_from_json(I, j, err)) return err->status;
    *canon = instance_to_json(I);
    return 0;
}
