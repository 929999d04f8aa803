/* check_instance.c: owns reading the `instance` object of a certificate (instance.md,
 * generators.md): kinds, parameters, limits (checked before any allocation), explicit entries
 * read exactly; and freeing it. */
#include "check_alloc.h"
#include "check_limits.h"
#include "check_instance.h"

#include <stdlib.h>
#include <string.h>

#include "check_data.h"
#include "check_rational.h"

static int parse_matrix(const json_t *arr, const char *name, long rows, long cols, mpq_t *out, ck_err *e)
{
    if (!json_is_array(arr) || (long)json_array_size(arr) != rows) {
        ck_fail(e, CK_MALFORMED, "instance.%s: not an array of %ld rows", name, rows);
        return -1;
    }
    for (long r = 0; r < rows; r++) {
        const json_t *row = json_array_get(arr, (size_t)r);
        if (!json_is_array(row) || (long)json_array_size(row) != cols) {
            ck_fail(e, CK_MALFORMED, "instance.%s[%ld]: not an array of %ld entries", name, r, cols);
            return -1;
        }
        for (long c = 0; c < cols; c++) {
            const json_t *v = json_array_get(row, (size_t)c);
            if (!json_is_string(v) || ck_parse_entry(json_string_value(v), out[r * cols + c]) != 0) {
                ck_fail(e, CK_MALFORMED,
                        "instance.%s[%ld][%ld]: not an entry string "
                        "(integer, decimal, rational or hex float)",
                        name, r, c);
                return -1;
            }
        }
    }
    return 0;
}

static const char *const KEYS_EXPLICIT[] = {"kind", "K", "n", "d", "W", "H", NULL};
static const char *const KEYS_RD[] = {"kind", "K", "n", "d", "seed", NULL};
static const char *const KEYS_NC[] = {"kind", "K", "n", "d", NULL};
static const char *const KEYS_NCP[] = {"kind", "K", "n", "d", "seed", "eps_log2", NULL};

int ck_inst_parse(const json_t *j, ck_inst *in, ck_err *e)
{
    memset(in, 0, sizeof *in);
    mpz_init(in->m);
    const char *kind = ck_get_str(j, "instance", "kind", e);
    if (!kind) return -1;
    if (strcmp(kind, "data/1") == 0) return ck_data_parse(j, in, e);
    const char *const *keys;
    if (strcmp(kind, "explicit") == 0) {
        in->kind = CK_EXPLICIT;
        keys = KEYS_EXPLICIT;
    } else if (strcmp(kind, "random-dyadic/1") == 0) {
        in->kind = CK_RANDOM_DYADIC;
        keys = KEYS_RD;
    } else if (strcmp(kind, "nc/1") == 0) {
        in->kind = CK_NC;
        keys = KEYS_NC;
    } else if (strcmp(kind, "nc-perturbed/1") == 0) {
        in->kind = CK_NC_PERTURBED;
        keys = KEYS_NCP;
    } else {
        ck_fail(e, CK_MALFORMED, "instance.kind: unknown kind \"%s\"", kind);
        return -1;
    }
    long long K, n, d;
    if (ck_keys(j, "instance", keys, NULL, e) || ck_get_int(j, "instance", "K", &K, e) ||
        ck_get_int(j, "instance", "n", &n, e) || ck_get_int(j, "instance", "d", &d, e))
        return -1;
    if (K < 2 || n < 1 || d < 1) {
        ck_fail(e, CK_MALFORMED, "instance: need K >= 2, n >= 1, d >= 1 (K=%lld n=%lld d=%lld)", K, n, d);
        return -1;
    }
    int gen = in->kind != CK_EXPLICIT;
    long long lim = gen ? CK_GEN_MAX_ENTRIES : CK_EXPLICIT_MAX_ENTRIES;
    long long dimlim = gen ? CK_GEN_MAX_DIM : lim;
    /* each factor <= 2^28 first, then n*K <= lim, so that no product overflows */
    if (K > dimlim || n > dimlim || d > dimlim || n * K > lim || d * (n * K) > lim || K * d + d * n * K > lim) {
        ck_fail(e, CK_MALFORMED,
                "instance: size limits exceeded (K=%lld n=%lld d=%lld; "
                "at most %lld entries%s)",
                K, n, d, lim, gen ? ", K, n, d <= 100000" : "");
        return -1;
    }
    in->K = (long)K;
    in->n = (long)n;
    in->d = (long)d;
    mpz_set_si(in->m, in->n);
    if ((in->kind == CK_NC || in->kind == CK_NC_PERTURBED) && d < K) {
        ck_fail(e, CK_MALFORMED, "instance: %s requires d >= K", kind);
        return -1;
    }
    if (in->kind == CK_RANDOM_DYADIC || in->kind == CK_NC_PERTURBED) {
        const char *seed = ck_get_str(j, "instance", "seed", e);
        if (!seed) return -1;
        if (ck_parse_seed(seed, &in->seed) != 0) {
            ck_fail(e, CK_MALFORMED, "instance.seed: not a decimal integer in 0..2^64-1");
            return -1;
        }
    }
    if (in->kind == CK_NC_PERTURBED) {
        long long el;
        if (ck_get_int(j, "instance", "eps_log2", &el, e)) return -1;
        if (el > -1 || el < CK_EPS_LOG2_MIN) {
            ck_fail(e, CK_MALFORMED, "instance.eps_log2: must lie in [%lld, -1]", CK_EPS_LOG2_MIN);
            return -1;
        }
        in->eps_log2 = (long)el;
    }
    if (gen) {
        ck_gen_layers(in);
        return 0;
    }
    json_t *Wj = ck_get_arr(j, "instance", "W", e), *Hj = ck_get_arr(j, "instance", "H", e);
    if (!Wj || !Hj) return -1;
    size_t nw = (size_t)(K * d), nh = (size_t)(d * n * K);
    in->W = ck_malloc(nw * sizeof(mpq_t));
    in->H = ck_malloc(nh * sizeof(mpq_t));
    if (!in->W || !in->H) {
        ck_fail(e, CK_MALFORMED, "instance: out of memory");
        return -1;
    }
    for (size_t t = 0; t < nw; t++) mpq_init(in->W[t]);
    for (size_t t = 0; t < nh; t++) mpq_init(in->H[t]);
    if (parse_matrix(Wj, "W", in->K, in->d, in->W, e) || parse_matrix(Hj, "H", in->d, in->n * in->K, in->H, e))
        return -1;
    return 0;
}

void ck_inst_free(ck_inst *in)
{
    if (in->pooled) /* read-only views into one block (check_data.c): nothing per entry */
        ck_free(in->pool);
    else if (in->W && in->H) { /* both allocated and initialised, or neither */
        for (long t = 0; t < in->K * in->d; t++) mpq_clear(in->W[t]);
        for (long t = 0; t < in->d * in->n * in->K; t++) mpq_clear(in->H[t]);
    }
    ck_free(in->W);
    ck_free(in->H);
    for (int p = 0; p < in->nlw; p++) mpq_clear(in->lw[p].scale);
    for (int p = 0; p < in->nlh; p++) mpq_clear(in->lh[p].scale);
    mpz_clear(in->m);
    memset(in, 0, sizeof *in);
}

int ck_inst_limit(const ck_inst *in, const char *claim, double bytes, double ops, ck_err *e)
{
    if (in->kind != CK_EXPLICIT) bytes += 8.0 * (double)in->K * (double)in->d;
    return ck_limit_check(e, bytes, ops, "the %s check (K=%ld n=%ld d=%ld)", claim, in->K, in->n, in->d);
}
