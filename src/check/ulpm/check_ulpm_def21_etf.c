/* check_ulpm_def21_etf.c: etf/1 and nc/1 regeneration and the exact Gram test (see header). */
#include "ulpm/check_ulpm_def21_etf.h"
#include "check_alloc.h"
#include "check_limits.h"

#include <string.h>

#include "check_instance.h"
#include "check_rational.h"

static const char *const KEYS[] = {"kind", "K", "n", "d", NULL};
static const char *const OPT_ETF[] = {"scale", NULL};

int ck_etf_is_kind(const json_t *j)
{
    json_t *k = json_is_object(j) ? json_object_get(j, "kind") : NULL;
    return k && json_is_string(k) &&
           (strcmp(json_string_value(k), "etf/1") == 0 || strcmp(json_string_value(k), "nc/1") == 0);
}

int ck_etf_parse(const json_t *j, ck_etf *E, ck_err *e)
{
    mpq_init(E->scale);
    mpq_set_ui(E->scale, 1, 1);
    mpz_init_set_ui(E->m, 1);
    E->K = E->n = E->d = 0;
    if (!json_is_object(j)) {
        ck_fail(e, CK_MALFORMED, "instance: not an object");
        return -1;
    }
    const char *kind = ck_get_str(j, "instance", "kind", e);
    if (!kind) return -1;
    E->is_nc = strcmp(kind, "nc/1") == 0;
    if (!E->is_nc && strcmp(kind, "etf/1") != 0) {
        ck_fail(e, CK_MALFORMED, "instance: kind must be etf/1 or nc/1 for this claim");
        return -1;
    }
    long long K, n, d;
    if (ck_keys(j, "instance", KEYS, E->is_nc ? NULL : OPT_ETF, e) || ck_get_int(j, "instance", "K", &K, e) ||
        ck_get_int(j, "instance", "n", &n, e) || ck_get_int(j, "instance", "d", &d, e))
        return -1;
    if (K < 2 || n < 1 || d < 1 || K > CK_GEN_MAX_DIM || n > CK_GEN_MAX_DIM || d > CK_GEN_MAX_DIM || d < K - 1 ||
        (E->is_nc && d < K) || K * d > CK_GEN_MAX_ENTRIES) {
        ck_fail(e, CK_MALFORMED,
                "instance: need 2 <= K, 1 <= n, d >= K-1 (nc/1: d >= K), each <= %lld "
                "and K*d <= 2^28",
                CK_GEN_MAX_DIM);
        return -1;
    }
    json_t *sj = json_object_get(j, "scale");
    if (sj) {
        if (!json_is_string(sj) || ck_parse_entry(json_string_value(sj), E->scale) || mpq_sgn(E->scale) <= 0) {
            ck_fail(e, CK_MALFORMED, "instance.scale: must be a positive rational string");
            return -1;
        }
    }
    E->K = (long)K, E->n = (long)n, E->d = (long)d;
    if (d == K - 1) mpz_set_si(E->m, (long)K);
    /* limits of the etf/1 checks (ulpm.def-2.1, ulpm.theorem-3.2): the Gram matrix, K^2/2 dot
     * products of d terms, computed entry by entry (no array) */
    return ck_limit_check(e, 0, 0.5 * (double)K * (double)K * (double)d, "the etf/1 check (K=%lld n=%lld d=%lld)", K, n,
                          d);
}

void ck_etf_free(ck_etf *E)
{
    mpq_clear(E->scale);
    mpz_clear(E->m);
}

/* unscaled entry (P + Q sqrt(m)) / D, D = K (m = 1) or K(K-1) (m = K) */
static void entry(const ck_etf *E, long k, long l, long *P, long *Q)
{
    long K = E->K;
    if (mpz_cmp_ui(E->m, 1) == 0)
        *P = l < K ? K * (l == k) - 1 : 0, *Q = 0;
    else if (k < K - 1)
        *P = K * (K - 1) * (l == k) - K, *Q = -1;
    else
        *P = 0, *Q = K - 1;
}

static void dot(const ck_etf *E, long k, long j, mpz_t A, mpz_t B, mpz_t t)
{
    long m = mpz_get_si(E->m);
    mpz_set_ui(A, 0), mpz_set_ui(B, 0);
    for (long l = 0; l < E->d; l++) {
        long P1, Q1, P2, Q2;
        entry(E, k, l, &P1, &Q1);
        entry(E, j, l, &P2, &Q2);
        if (P1 && P2) mpz_set_si(t, P1), mpz_mul_si(t, t, P2), mpz_add(A, A, t);
        if (Q1 && Q2) mpz_set_si(t, Q1), mpz_mul_si(t, t, Q2), mpz_mul_si(t, t, m), mpz_add(A, A, t);
        if (P1 && Q2) mpz_set_si(t, P1), mpz_mul_si(t, t, Q2), mpz_add(B, B, t);
        if (Q1 && P2) mpz_set_si(t, Q1), mpz_mul_si(t, t, P2), mpz_add(B, B, t);
    }
}

int ck_etf_gram(const ck_etf *E, mpq_t g0, mpq_t g1)
{
    mpz_t A, B, t, A0, A1;
    mpz_inits(A, B, t, A0, A1, NULL);
    int ok = 1;
    for (long k = 0; ok && k < E->K; k++)
        for (long j = k; ok && j < E->K; j++) {
            dot(E, k, j, A, B, t);
            if (mpz_sgn(B) != 0)
                ok = 0;
            else if (k == 0 && j <= 1)
                mpz_set(j == 0 ? A0 : A1, A);
            else
                ok = mpz_cmp(A, j == k ? A0 : A1) == 0;
        }
    /* g = s^2 A / D^2 */
    long D = mpz_cmp_ui(E->m, 1) == 0 ? E->K : E->K * (E->K - 1);
    mpz_set_si(t, D);
    mpz_mul(t, t, t);
    mpq_set_num(g0, A0), mpq_set_den(g0, t), mpq_canonicalize(g0);
    mpq_set_num(g1, A1), mpq_set_den(g1, t), mpq_canonicalize(g1);
    mpq_t s2;
    mpq_init(s2);
    mpq_mul(s2, E->scale, E->scale);
    mpq_mul(g0, g0, s2), mpq_mul(g1, g1, s2);
    mpz_mul_si(t, A1, E->K - 1);
    mpz_add(t, t, A0);
    ok = ok && mpz_sgn(t) == 0 && mpz_sgn(A0) > 0;
    mpq_clear(s2);
    mpz_clears(A, B, t, A0, A1, NULL);
    return ok;
}
