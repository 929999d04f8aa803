/* ulpm_printed_fields.c: owns the helpers every part of the ulpm.printed certifier shares
 * (ulpm_printed.h): instance fields (keys, number strings, integers, matrices) and the stated
 * quantities (exact rationals, padded intervals). */
#include <string.h>
#include "cert/cert.h"
#include "claims/ulpm/ulpm_def21_quantity.h"
#include "claims/ulpm/ulpm_printed.h"
#include "exact/qsqrt.h"
#include "instance/entry_parse.h"

#define UP_MAX_DIM 64

int ulpm_up_keys(const json_t *inst, const char *const *keys, nc_error *err)
{
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)inst, k, v)
    {
        int ok = 0;
        for (int t = 0; keys[t]; t++) ok |= strcmp(k, keys[t]) == 0;
        if (!ok) return nc_error_set(err, 2, "instance: unknown key \"%s\" for this part", k);
    }
    for (int t = 0; keys[t]; t++)
        if (!json_object_get(inst, keys[t])) return nc_error_set(err, 2, "instance: missing key \"%s\"", keys[t]);
    return 0;
}

int ulpm_up_entry(fmpq_t x, const json_t *v, const char *what, nc_error *err)
{
    if (!json_is_string(v) || entry_parse_fmpq(x, json_string_value(v)))
        return nc_error_set(err, 2, "instance.%s: a number string (\"3\", \"0.5\", \"1/3\") required", what);
    return 0;
}

int ulpm_up_rational(fmpq_t x, const json_t *inst, const char *key, nc_error *err)
{
    return ulpm_up_entry(x, json_object_get(inst, key), key, err);
}

int ulpm_up_int(long *v, const json_t *inst, const char *key, long lo, long hi, nc_error *err)
{
    json_t *j = json_object_get(inst, key);
    if (!json_is_integer(j) || json_integer_value(j) < lo || json_integer_value(j) > hi)
        return nc_error_set(err, 2, "instance.%s: an integer in [%ld, %ld] required", key, lo, hi);
    *v = (long)json_integer_value(j);
    return 0;
}

void ulpm_up_div_si(fmpq_t r, const fmpq_t x, slong c)
{
    fmpz_t z;
    fmpz_init_set_si(z, c);
    fmpq_div_fmpz(r, x, z);
    fmpz_clear(z);
}

/* rows x cols matrix of number strings (cols = 0: any common length, returned in *cols) */
fmpq *ulpm_up_matrix(const json_t *inst, const char *key, long *rows, long *cols, nc_error *err)
{
    json_t *a = json_object_get(inst, key);
    long r = json_is_array(a) ? (long)json_array_size(a) : 0;
    json_t *r0 = r ? json_array_get(a, 0) : NULL;
    long c = json_is_array(r0) ? (long)json_array_size(r0) : 0;
    if (r < 1 || r > UP_MAX_DIM || c < 1 || c > UP_MAX_DIM) {
        nc_error_set(err, 2, "instance.%s: an array of 1..%d rows of 1..%d number strings required", key, UP_MAX_DIM,
                     UP_MAX_DIM);
        return NULL;
    }
    fmpq *M = _fmpq_vec_init(r * c);
    for (long i = 0; i < r; i++) {
        json_t *row = json_array_get(a, (size_t)i);
        if (!json_is_array(row) || (long)json_array_size(row) != c) {
            nc_error_set(err, 2, "instance.%s[%ld]: rows must all have %ld entries", key, i, c);
            _fmpq_vec_clear(M, r * c);
            return NULL;
        }
        for (long j = 0; j < c; j++)
            if (ulpm_up_entry(M + i * c + j, json_array_get(row, (size_t)j), key, err)) {
                _fmpq_vec_clear(M, r * c);
                return NULL;
            }
    }
    *rows = r, *cols = c;
    return M;
}
