/* ulpm_def21_construct.c: the exact NC-point constructor (ulpm_def21_construct.h): parameters,
 * JSON, exact entries in Q(sqrt m), Gram entries, Arb matrices. */
#include <string.h>
#include "claims/ulpm/ulpm_def21_construct.h"
#include "instance/entry_parse.h"

/* Sets E to the point (K, n, d, scale); scale NULL means 1. Requires K >= 2, n >= 1, d >= K-1
 * and the generator limits; bad parameters give status 2. */
static int ulpm_etf_init(ulpm_etf *E, long K, long n, long d, const fmpq_t scale, nc_error *err)
{
    fmpq_init(E->scale);
    E->K = K, E->n = n, E->d = d, E->from_nc = 0;
    if (scale)
        fmpq_set(E->scale, scale);
    else
        fmpq_one(E->scale);
    E->m = 1;
    if (K < 2 || n < 1 || d < 1 || K > INSTANCE_MAX_DIM || n > INSTANCE_MAX_DIM || d > INSTANCE_MAX_DIM) {
        fmpq_clear(E->scale);
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "etf: need 2 <= K, 1 <= n, 1 <= d, each <= %ld "
                            "(got K=%ld, n=%ld, d=%ld)",
                            INSTANCE_MAX_DIM, K, n, d);
    }
    if (d < K - 1 || (double)K * (double)d > (double)INSTANCE_MAX_ENTRIES) {
        fmpq_clear(E->scale);
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "etf: need d >= K-1 (a simplex of K points spans "
                            "K-1 dimensions) and K*d <= 2^28 (got K=%ld, d=%ld)",
                            K, d);
    }
    if (fmpq_sgn(E->scale) <= 0) {
        fmpq_clear(E->scale);
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "etf: scale must be positive");
    }
    if (d == K - 1) E->m = K;
    return 0;
}

void ulpm_etf_clear(ulpm_etf *E)
{
    fmpq_clear(E->scale);
}

static int get_long(const json_t *j, const char *key, long *v, nc_error *err)
{
    json_t *x = json_object_get(j, key);
    if (!x || !json_is_integer(x))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: \"%s\" must be a JSON integer", key);
    json_int_t t = json_integer_value(x);
    if (t < -1 || t > INSTANCE_MAX_DIM)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: \"%s\" = %lld out of range", key, (long long)t);
    *v = (long)t;
    return 0;
}

int ulpm_etf_from_json(ulpm_etf *E, const json_t *j, nc_error *err)
{
    if (!json_is_object(j)) return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: not a JSON object");
    json_t *kj = json_object_get(j, "kind");
    const char *kind = kj && json_is_string(kj) ? json_string_value(kj) : NULL;
    int nc = kind && strcmp(kind, "nc/1") == 0, etf = kind && strcmp(kind, "etf/1") == 0;
    if (!nc && !etf) return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: kind must be \"etf/1\" or \"nc/1\" here");
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)j, key, v)
    {
        if (strcmp(key, "kind") && strcmp(key, "K") && strcmp(key, "n") && strcmp(key, "d") &&
            (nc || strcmp(key, "scale")))
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "instance: unknown key \"%.40s\" for %s", key, kind);
    }
    long K, n, d;
    if (get_long(j, "K", &K, err) || get_long(j, "n", &n, err) || get_long(j, "d", &d, err)) return err->status;
    if (nc && d < K)
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "instance: nc/1 needs d >= K (got K=%ld, d=%ld); "
                            "use etf/1 for d = K-1",
                            K, d);
    fmpq_t s;
    fmpq_init(s);
    fmpq_one(s);
    json_t *sj = json_object_get(j, "scale");
    if (sj && (!json_is_string(sj) || strlen(json_string_value(sj)) > ENTRY_MAX_CHARS ||
               entry_parse_fmpq(s, json_string_value(sj)) != 0)) {
        fmpq_clear(s);
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "instance: \"scale\" must be a string holding an "
                            "integer, finite decimal or rational (specs/instance.md)");
    }
    int rc = ulpm_etf_init(E, K, n, d, s, err);
    fmpq_clear(s);
    if (rc == 0) E->from_nc = nc;
    return rc;
}

/* The integer form of the unscaled entry: W[k][l] = s (P + Q sqrt(m)) / D. */
static slong ulpm_etf_den(const ulpm_etf *E)
{
    return E->m == 1 ? E->K : E->K * (E->K - 1);
}

static void ulpm_etf_entry_int(const ulpm_etf *E, long k, long l, slong *P, slong *Q)
{
    slong K = E->K;
    if (E->m == 1) {
        *P = l < K ? K * (l == k) - 1 : 0;
        *Q = 0;
    } else if (k < K - 1) {
        *P = K * (K - 1) * (l == k) - K;
        *Q = -1;
    } else {
        *P = 0;
        *Q = K - 1;
    }
}

/* r = w_k . w_j exactly (computed from the entries, not from the formula); rational when the
 * construction is right, so the sqrt(m) part is returned in r->b for the caller to check.
 * Integer dot products (|P| <= K^2 <= 10^10 fits slong; sums in fmpz). */
static void ulpm_etf_dot_ww(qsqrt_t r, const ulpm_etf *E, long k, long j)
{
    fmpz_t A, B, t;
    fmpz_init(A), fmpz_init(B), fmpz_init(t);
    for (long l = 0; l < E->d; l++) {
        slong P1, Q1, P2, Q2;
        ulpm_etf_entry_int(E, k, l, &P1, &Q1);
        ulpm_etf_entry_int(E, j, l, &P2, &Q2);
        fmpz_set_si(t, P1), fmpz_mul_si(t, t, P2), fmpz_add(A, A, t);
        fmpz_set_si(t, Q1), fmpz_mul_si(t, t, Q2), fmpz_mul_si(t, t, E->m), fmpz_add(A, A, t);
        fmpz_set_si(t, P1), fmpz_mul_si(t, t, Q2), fmpz_add(B, B, t);
        fmpz_set_si(t, Q1), fmpz_mul_si(t, t, P2), fmpz_add(B, B, t);
    }
    fmpz_set_si(t, ulpm_etf_den(E));
    fmpz_mul(t, t, t);
    fmpq_set_fmpz_frac(r->a, A, t);
    fmpq_set_fmpz_frac(r->b, B, t);
    fmpq_t s2;
    fmpq_init(s2);
    fmpq_mul(s2, E->scale, E->scale);
    fmpq_mul(r->a, r->a, s2);
    fmpq_mul(r->b, r->b, s2);
    fmpq_clear(s2);
    fmpz_clear(A), fmpz_clear(B), fmpz_clear(t);
}

/* g0 = common ||w_k||^2, g1 = common w_k.w_j (k != j); 1 iff the Gram matrix is rational,
 * constant on and off the diagonal, and g0 + (K-1) g1 = 0 (rows sum to zero). */
int ulpm_etf_gram(const ulpm_etf *E, fmpq_t g0, fmpq_t g1)
{
    qsqrt_t x;
    qsqrt_init(x);
    int ok = 1;
    for (long k = 0; ok && k < E->K; k++)
        for (long j = k; ok && j < E->K; j++) {
            ulpm_etf_dot_ww(x, E, k, j);
            if (!fmpq_is_zero(x->b))
                ok = 0;
            else if (k == 0 && j <= 1)
                fmpq_set(j == 0 ? g0 : g1, x->a);
            else
                ok = fmpq_equal(x->a, j == k ? g0 : g1);
        }
    fmpq_t t;
    fmpq_init(t);
    fmpq_mul_si(t, g1, E->K - 1);
    fmpq_add(t, t, g0);
    ok = ok && fmpq_is_zero(t) && fmpq_sgn(g0) > 0;
    fmpq_clear(t);
    qsqrt_clear(x);
    return ok;
}

int ulpm_etf_to_instance(instance *I, const ulpm_etf *E, nc_error *err)
{
    if (!fmpq_is_one(E->scale) || E->d < E->K)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "etf: only scale 1 and d >= K is a generic (nc/1) instance");
    return instance_generate_nc(I, E->K, E->n, E->d, err);
}

json_t *ulpm_etf_to_json(const ulpm_etf *E)
{
    json_t *j = json_object();
    json_object_set_new(j, "kind", json_string(E->from_nc ? "nc/1" : "etf/1"));
    json_object_set_new(j, "K", json_integer(E->K));
    json_object_set_new(j, "n", json_integer(E->n));
    json_object_set_new(j, "d", json_integer(E->d));
    if (!E->from_nc && !fmpq_is_one(E->scale)) {
        char *s = fmpq_get_str(NULL, 10, E->scale);
        json_object_set_new(j, "scale", json_string(s));
        flint_free(s);
    }
    return j;
}
