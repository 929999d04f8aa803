/* t_ulpm_theorem33.c: the ulpm.theorem-3.3 certifier against answers computed here by hand
 * (closed forms of L and L*(rho) at NC points, scaled NC points, Example 3.1, d < K-1 points),
 * randomised instances (seed from NCCERT_TEST_SEED, printed), and bad instances (status 2).
 * Closed forms: at a point where every margin of class k equals s_j, L = sum log(1 + sum e^-s);
 * L*(rho) = nK log(1 + (K-1) exp(-rho / (2 (K-1) sqrt(n)))). */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <arb.h>
#include "tap.h"
#include "claims/claim.h"

static json_t *certify(const char *inst, int *status)
{
    certify_options o;
    certify_options_default(&o);
    nc_error err = {0, ""};
    json_t *j = json_loads(inst, 0, NULL), *cert = NULL;
    *status = claim_find("ulpm.theorem-3.3")->certify(j, &o, &cert, &err);
    json_decref(j);
    if (*status) tap_diag("status %d: %s", *status, err.msg);
    return cert;
}

static const char *field(json_t *c, const char *k)
{
    return json_string_value(json_object_get(c, k));
}

/* 1 iff the decimal enclosure of quantity q contains the ball x computed here. */
static int encl_contains(json_t *c, const char *q, const arb_t x)
{
    arb_t b;
    arb_init(b);
    const char *dec =
        json_string_value(json_object_get(json_object_get(json_object_get(c, "quantities"), q), "decimal"));
    int ok = dec && arb_set_str(b, dec, 256) == 0 && arb_contains(b, x);
    arb_clear(b);
    return ok;
}

static int encl_exact(json_t *c, const char *q, const char *a, const char *b)
{
    json_t *ex = json_object_get(json_object_get(json_object_get(c, "quantities"), q), "exact");
    const char *ea = json_string_value(json_object_get(ex, "a"));
    const char *eb = json_string_value(json_object_get(ex, "b"));
    return ea && strcmp(ea, a) == 0 && (b ? eb && strcmp(eb, b) == 0 : eb == NULL);
}

/* x = log(1 + sum_t c_t e^{-s_t}) for up to 3 terms (c_t, s_t balls) */
static void log_term(arb_t x, int m, const long *cnt, arb_srcptr s)
{
    arb_t e;
    arb_init(e);
    arb_zero(x);
    for (int t = 0; t < m; t++) {
        arb_neg(e, s + t);
        arb_exp(e, e, 256);
        arb_mul_si(e, e, cnt[t], 256);
        arb_add(x, x, e, 256);
    }
    arb_log1p(x, x, 256);
    arb_clear(e);
}

/* Ls = nK log(1 + (K-1) e^{-q}) */
static void lstar(arb_t Ls, long K, long n, const arb_t q)
{
    long c = K - 1;
    log_term(Ls, 1, &c, q);
    arb_mul_si(Ls, Ls, n * K, 256);
}

static void check_case(const char *name, const char *inst, const char *assertion, const arb_t L, const arb_t Ls)
{
    int st;
    json_t *c = certify(inst, &st);
    tap_ok(st == 0 && c && strcmp(field(c, "assertion"), assertion) == 0 && strcmp(field(c, "verdict"), "PROVED") == 0,
           "%s: assertion \"%s\", PROVED", name, assertion);
    tap_ok(c && encl_contains(c, "loss", L) && encl_contains(c, "loss_star", Ls),
           "%s: loss and loss_star contain the closed forms", name);
    json_decref(c);
}

int main(void)
{
    const char *env = getenv("NCCERT_TEST_SEED");
    unsigned long seed = env ? strtoul(env, NULL, 10) : (unsigned long)time(NULL);
    tap_diag("NCCERT_TEST_SEED=%lu", seed);
    srand((unsigned)seed);
    arb_t L, Ls, q, r2;
    arb_ptr s = _arb_vec_init(3);
    arb_init(L);
    arb_init(Ls);
    arb_init(q);
    arb_init(r2);
    arb_sqrt_ui(r2, 2, 256);

    /* nc/1 K=3 n=2: rho = 2(K-1) = 4, every margin = 1/sqrt(2) = q*: L = L* = 6 log(1 + 2 e^{-1/sqrt 2}) */
    arb_inv(q, r2, 256);
    lstar(Ls, 3, 2, q);
    check_case("nc K=3 n=2 d=3", "{\"kind\":\"nc/1\",\"K\":3,\"n\":2,\"d\":3}", "L = L*", Ls, Ls);
    {
        int st;
        json_t *c = certify("{\"kind\":\"nc/1\",\"K\":3,\"n\":2,\"d\":3}", &st);
        tap_ok(c && encl_exact(c, "rho", "4", NULL) && encl_exact(c, "margin_star", "0", "1/2") &&
                   encl_exact(c, "gap", "0", NULL),
               "nc K=3 n=2: rho = 4, q* = sqrt(2)/2, gap exactly 0");
        json_decref(c);
    }

    /* nc-scaled K=4 n=2 alpha=2 beta=1: margins alpha beta / sqrt n = sqrt 2, rho = 5 (K-1) = 15,
     * q* = 15 / (6 sqrt 2): L = 8 log(1 + 3 e^{-sqrt 2}) > L* = 8 log(1 + 3 e^{-5/(2 sqrt 2)}) */
    {
        long c3 = 3;
        log_term(L, 1, &c3, r2);
        arb_mul_si(L, L, 8, 256);
        arb_set_ui(q, 5);
        arb_div(q, q, r2, 256);
        arb_mul_2exp_si(q, q, -1);
        lstar(Ls, 4, 2, q);
        check_case("nc-scaled K=4 n=2 alpha=2 beta=1",
                   "{\"kind\":\"nc-scaled/1\",\"K\":4,\"n\":2,\"d\":4,\"alpha\":\"2\",\"beta\":\"1\"}", "L > L*", L,
                   Ls);
    }

    /* Example 3.1 C=1: margins 4 (partner) and 2 (twice); rho = 16: L = 4 log(1 + e^-4 + 2 e^-2),
     * L* = 4 log(1 + 3 e^{-8/3}) */
    {
        long cnt[2] = {1, 2};
        arb_set_ui(s + 0, 4);
        arb_set_ui(s + 1, 2);
        log_term(L, 2, cnt, s);
        arb_mul_si(L, L, 4, 256);
        arb_set_ui(q, 8);
        arb_div_ui(q, q, 3, 256);
        lstar(Ls, 4, 1, q);
        check_case("example-3.1 C=1", "{\"kind\":\"example-3.1/1\",\"C\":\"1\"}", "L > L*", L, Ls);
    }

    /* d < K-1: K=3 d=1 line w = (1, 0, -1), h = w: L = 2 log(1 + e^-1 + e^-2) + log 3, rho = 4,
     * q* = 1: L* = 3 log(1 + 2 e^-1) */
    {
        long cnt[2] = {1, 1};
        arb_set_ui(s + 0, 1);
        arb_set_ui(s + 1, 2);
        log_term(L, 2, cnt, s);
        arb_mul_si(L, L, 2, 256);
        arb_set_ui(q, 3);
        arb_log(q, q, 256);
        arb_add(L, L, q, 256);
        arb_one(q);
        lstar(Ls, 3, 1, q);
        check_case("d<K-1 K=3 d=1 line",
                   "{\"K\":3,\"n\":1,\"d\":1,\"W\":[[\"1\"],[\"0\"],[\"-1\"]],\"H\":[[\"1\",\"0\",\"-1\"]]}", "L > L*",
                   L, Ls);
    }

    /* d < K-1: K=4 d=2 square, h = w: margins 1, 1, 2: L = 4 log((1 + e^-1)^2), rho = 8, q* = 4/3 */
    {
        long one = 1;
        arb_one(s);
        log_term(L, 1, &one, s);
        arb_mul_si(L, L, 8, 256);
        arb_set_ui(q, 4);
        arb_div_ui(q, q, 3, 256);
        lstar(Ls, 4, 1, q);
        check_case("d<K-1 K=4 d=2 square",
                   "{\"K\":4,\"n\":1,\"d\":2,\"W\":[[\"1\",\"0\"],[\"0\",\"1\"],[\"-1\",\"0\"],[\"0\",\"-1\"]],"
                   "\"H\":[[\"1\",\"0\",\"-1\",\"0\"],[\"0\",\"1\",\"0\",\"-1\"]]}",
                   "L > L*", L, Ls);
    }

    /* randomised: random-dyadic (never NC: strict), nc-scaled alpha = beta (equality) and
     * alpha != beta (strict, AM-GM) */
    char buf[256];
    for (int t = 0; t < 4; t++) {
        long K = 2 + rand() % 6, n = 1 + rand() % 4, d = K + rand() % 3;
        long p = 1 + rand() % 9, qq = 1 + rand() % 9, p2 = p + 1 + rand() % 5;
        int st;
        snprintf(buf, sizeof buf, "{\"kind\":\"random-dyadic/1\",\"K\":%ld,\"n\":%ld,\"d\":%ld,\"seed\":\"%d\"}", K, n,
                 d, rand());
        json_t *c = certify(buf, &st);
        tap_ok(c && strcmp(field(c, "assertion"), "L > L*") == 0 && strcmp(field(c, "verdict"), "PROVED") == 0,
               "random %s: L > L*, PROVED", buf);
        json_decref(c);
        snprintf(buf, sizeof buf,
                 "{\"kind\":\"nc-scaled/1\",\"K\":%ld,\"n\":%ld,\"d\":%ld,\"alpha\":\"%ld/%ld\","
                 "\"beta\":\"%ld/%ld\"}",
                 K, n, d, p, qq, p, qq);
        c = certify(buf, &st);
        tap_ok(c && strcmp(field(c, "assertion"), "L = L*") == 0 && strcmp(field(c, "verdict"), "PROVED") == 0,
               "scaled %s: L = L*, PROVED", buf);
        json_decref(c);
        snprintf(buf, sizeof buf,
                 "{\"kind\":\"nc-scaled/1\",\"K\":%ld,\"n\":%ld,\"d\":%ld,\"alpha\":\"%ld/%ld\","
                 "\"beta\":\"%ld/%ld\"}",
                 K, n, d, p, qq, p2, qq);
        c = certify(buf, &st);
        tap_ok(c && strcmp(field(c, "assertion"), "L > L*") == 0 && strcmp(field(c, "verdict"), "PROVED") == 0,
               "scaled %s: L > L*, PROVED", buf);
        json_decref(c);
    }

    /* bad instances: status 2 */
    const char *bad[] = {
        "{\"kind\":\"nc-scaled/1\",\"K\":4,\"n\":2,\"d\":3,\"alpha\":\"1\",\"beta\":\"1\"}",   /* d < K */
        "{\"kind\":\"nc-scaled/1\",\"K\":4,\"n\":2,\"d\":4,\"alpha\":\"1e3\",\"beta\":\"1\"}", /* exponent */
        "{\"kind\":\"nc-scaled/1\",\"K\":4,\"n\":2,\"d\":4,\"alpha\":\"1\"}",                  /* missing */
        "{\"kind\":\"nc-scaled/1\",\"K\":4,\"n\":2,\"d\":4,\"alpha\":\"1\",\"beta\":\"1\",\"x\":1}",
        "{\"kind\":\"example-3.1/1\"}",
        "{\"kind\":\"example-3.1/1\",\"C\":\"1/0\"}",
        "{\"kind\":\"nc/1\",\"K\":1,\"n\":2,\"d\":4}",
        "{\"kind\":\"no-such/1\",\"K\":3,\"n\":2,\"d\":4}",
    };
    for (size_t t = 0; t < sizeof bad / sizeof bad[0]; t++) {
        int st;
        json_t *c = certify(bad[t], &st);
        tap_ok(st == 2 && c == NULL, "bad instance refused with status 2: %s", bad[t]);
    }
    arb_clear(L);
    arb_clear(Ls);
    arb_clear(q);
    arb_clear(r2);
    _arb_vec_clear(s, 3);
    flint_cleanup();
    return tap_done();
}
