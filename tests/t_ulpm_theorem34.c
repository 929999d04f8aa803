/* t_ulpm_theorem34.c: known answers for ulpm.theorem-3.4, computed here from closed forms
 * derived by hand (proofs/derivations/ulpm-theorem-3.4.md), never from nccert's output:
 * at the pairing point W = H = C blockdiag([[1,-1],[-1,1]]) with w = e^{-2C^2},
 * S = e^{2C^2} + w + K - 2: lambda = -(2w + K - 2)/S and the paper's construction with
 * a = e_0 + e_1, u = -v = (pair-constant, sum-zero unit vector) has second variation
 * -8(1 - w)/S. Orbit null space dimensions: K(K-1)/2 - (K/2)(K/2-1)/2 at pairings and
 * d(d-1)/2 - (d-K+1)(d-K)/2 at nc/1; no negative direction at nc/1 (Theorem 3.3).
 * Random C from NCCERT_TEST_SEED (printed). */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "claims/claim.h"
#include "claims/ulpm/ulpm_theorem34.h"
#include "tap.h"

static void closed_forms(arb_t lam, arb_t scon, long K, const fmpq_t C, slong prec)
{
    arb_t c2, w, u, S;
    arb_init(c2), arb_init(w), arb_init(u), arb_init(S);
    arb_set_fmpq(c2, C, prec);
    arb_mul(c2, c2, c2, prec);
    arb_mul_2exp_si(c2, c2, 1); /* 2 C^2 */
    arb_exp(u, c2, prec);
    arb_neg(c2, c2);
    arb_exp(w, c2, prec);
    arb_add(S, u, w, prec);
    arb_add_si(S, S, K - 2, prec);
    arb_mul_2exp_si(lam, w, 1);
    arb_add_si(lam, lam, K - 2, prec);
    arb_div(lam, lam, S, prec);
    arb_neg(lam, lam);
    arb_sub_si(scon, w, 1, prec); /* -8 (1 - w) / S = 8 (w - 1) / S */
    arb_mul_si(scon, scon, 8, prec);
    arb_div(scon, scon, S, prec);
    arb_clear(c2), arb_clear(w), arb_clear(u), arb_clear(S);
}

/* One pairing instance: lambda and the construction against the closed forms. */
static void check_pairing(long K, const char *Cs)
{
    char js[128];
    snprintf(js, sizeof js, "{\"kind\":\"ulpm-pairing/1\",\"K\":%ld,\"C\":\"%s\"}", K, Cs);
    json_t *j = json_loads(js, 0, NULL);
    ulpm_t34_point P;
    nc_error err = {0, ""};
    int rc = ulpm_t34_point_from_json(&P, j, &err);
    tap_ok(rc == 0, "K=%ld C=%s parses", K, Cs);
    if (rc) {
        json_decref(j);
        return;
    }
    ulpm_t34_crit cr;
    tap_ok(ulpm_t34_crit_exact(&cr, &P), "K=%ld C=%s: critical on the sphere exactly", K, Cs);
    fmpq_t C;
    fmpq_init(C);
    fmpq_set_str(C, Cs, 10);
    arb_t lam, scon, q, s;
    arb_init(lam), arb_init(scon), arb_init(q), arb_init(s);
    double cd = fmpq_get_d(C);
    slong prec = 200 + (slong)(3.0 * cd * cd); /* lambda ~ e^{-2C^2}: cancellation of ~2.9 C^2 bits */
    closed_forms(lam, scon, K, C, prec);
    ulpm_t34_ball b;
    ulpm_t34_ball_init(&b, &P, &cr, prec);
    tap_ok(arb_overlaps(b.lam, lam) && arb_is_negative(b.lam), "K=%ld C=%s: lambda = -(2w+K-2)/S", K, Cs);
    /* construction: a = e0 + e1 (null(W) = null(H^T)), u = (1,1,-1,-1,0..)/2, v = -u */
    fmpq *v = _fmpq_vec_init(P.D);
    long d = P.d, N = P.N;
    for (long k = 0; k < 4; k++)
        for (long l = 0; l < 2; l++) fmpq_set_si(v + k * d + l, k < 2 ? 1 : -1, 2); /* u a^T */
    for (long l = 0; l < 2; l++)
        for (long c = 0; c < 4; c++) fmpq_set_si(v + K * d + l * N + c, c < 2 ? 1 : -1, 2); /* -a v^T */
    ulpm_t34_ball_forms(q, s, &b, v);
    tap_ok(arb_overlaps(s, scon) && arb_is_negative(s), "K=%ld C=%s: construction second variation = -8(1-w)/S < 0", K,
           Cs);
    _fmpq_vec_clear(v, P.D);
    ulpm_t34_ball_clear(&b);
    arb_clear(lam), arb_clear(scon), arb_clear(q), arb_clear(s);
    fmpq_clear(C);
    ulpm_t34_crit_clear(&cr);
    ulpm_t34_point_clear(&P);
    json_decref(j);
}

static long qcount(json_t *cert, const char *name)
{
    json_t *e = json_object_get(json_object_get(json_object_get(cert, "quantities"), name), "exact");
    return e ? atol(json_string_value(json_object_get(e, "a"))) : -1;
}

static void check_counts(const char *js, long D, long zero, int nc)
{
    json_t *j = json_loads(js, 0, NULL), *cert = NULL;
    certify_options o;
    certify_options_default(&o);
    nc_error err = {0, ""};
    int rc = claim_find("ulpm.theorem-3.4")->certify(j, &o, &cert, &err);
    tap_ok(rc == 0 && cert, "%s certifies", js);
    if (!cert) {
        json_decref(j);
        return;
    }
    const char *as = json_string_value(json_object_get(cert, "assertion"));
    long neg = qcount(cert, "negative_count"), z = qcount(cert, "zero_count"), pos = qcount(cert, "positive_count");
    tap_ok(z == zero, "%s: null space = orbit, dimension %ld (got %ld)", js, zero, z);
    tap_ok(neg + z + pos == D - 1, "%s: counts add up to dim T = %ld", js, D - 1);
    if (nc)
        tap_ok(neg == 0 && strcmp(as, "no negative second variation") == 0, "%s: optimal point, no negative direction",
               js);
    else
        tap_ok(neg > 0 && strcmp(as, "negative second variation") == 0, "%s: negative directions (%ld)", js, neg);
    tap_ok(strcmp(json_string_value(json_object_get(cert, "verdict")), "PROVED") == 0, "%s: PROVED", js);
    json_decref(cert);
    json_decref(j);
}

static void check_bad(const char *js)
{
    json_t *j = json_loads(js, 0, NULL), *cert = NULL;
    certify_options o;
    certify_options_default(&o);
    nc_error err = {0, ""};
    int rc = claim_find("ulpm.theorem-3.4")->certify(j, &o, &cert, &err);
    tap_ok(rc == 2 && cert == NULL && err.status == 2, "refused (status 2): %s", js);
    if (cert) json_decref(cert);
    json_decref(j);
}

int main(void)
{
    const char *env = getenv("NCCERT_TEST_SEED");
    unsigned long seed = env ? strtoul(env, NULL, 10) : (unsigned long)time(NULL);
    tap_diag("NCCERT_TEST_SEED=%lu", seed);
    check_pairing(4, "1/2");
    check_pairing(4, "1");
    check_pairing(4, "2");
    check_pairing(6, "1");
    check_pairing(8, "3/4");
    srand((unsigned)seed);
    for (int t = 0; t < 3; t++) {
        char Cs[32];
        snprintf(Cs, sizeof Cs, "%d/%d", 1 + rand() % 12, 1 + rand() % 8);
        long K = 4 + 2 * (rand() % 4);
        tap_diag("random case K=%ld C=%s", K, Cs);
        check_pairing(K, Cs);
    }
    /* pairings: stabilizer so(K/2); nc/1: stabilizer so(d - K + 1) */
    check_counts("{\"kind\":\"ulpm-pairing/1\",\"K\":4,\"C\":\"1\"}", 32, 6 - 1, 0);
    check_counts("{\"kind\":\"ulpm-pairing/1\",\"K\":6,\"C\":\"1/2\"}", 72, 15 - 3, 0);
    check_counts("{\"kind\":\"nc/1\",\"K\":4,\"n\":1,\"d\":4}", 32, 6, 1);
    check_counts("{\"kind\":\"nc/1\",\"K\":3,\"n\":1,\"d\":5}", 15 + 15, 10 - 3, 1);
    check_bad("{\"kind\":\"ulpm-pairing/1\",\"K\":5,\"C\":\"1\"}");
    check_bad("{\"kind\":\"ulpm-pairing/1\",\"K\":2,\"C\":\"1\"}");
    check_bad("{\"kind\":\"ulpm-pairing/1\",\"K\":4,\"C\":\"-1\"}");
    check_bad("{\"kind\":\"ulpm-pairing/1\",\"K\":4,\"C\":\"1e3\"}");
    check_bad("{\"kind\":\"ulpm-pairing/1\",\"K\":4,\"C\":\"1\",\"n\":1}");
    check_bad("{\"kind\":\"ulpm-pairing/1\",\"K\":4}");
    check_bad("{\"kind\":\"nc/1\",\"K\":4,\"n\":2,\"d\":4}");
    flint_cleanup();
    return tap_done();
}
