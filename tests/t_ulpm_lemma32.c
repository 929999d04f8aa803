/* t_ulpm_lemma32.c: ulpm.lemma-3.2 and ulpm.lemmas-b3-b5 (certifiers, point evaluation, GD
 * driver). Known answers at the scaled neural-collapse point 3 * nc/1 (K=4, n=1, d=4), computed
 * by hand: rho^2 = 54, q_min = 9, L = 4 log(1 + 3e^{-9}), gamma, delta_main, P = 216 a with
 * a = e^{-9}/(1 + 3e^{-9}), beta = 1, eps_actual = 0, delta_actual = 0; bad instances refused with
 * status 2; randomised GD runs (seed from NCCERT_TEST_SEED, printed): every iterate below
 * log 2 must be PROVED for both claims (they are theorems, proofs/derivations/), every
 * iterate above it vacuously PROVED, and GD's loss must decrease. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "tap.h"
#include "claims/claim.h"
#include "claims/ulpm/ulpm_lemma32_gd.h"
#include "claims/ulpm/ulpm_lemma32_point.h"
#include "claims/registry.h"

static json_t *wrap(const char *kind, const char *vkey, const char *v, json_t *point, const char *scale)
{
    json_t *o = json_object();
    json_object_set_new(o, "kind", json_string(kind));
    json_object_set_new(o, vkey, json_string(v));
    json_object_set_new(o, "point", point);
    if (scale) json_object_set_new(o, "scale", json_string(scale));
    return o;
}

/* verdict and assertion of one certification (status in *st) */
static const char *certify(int b35, json_t *inst, char *as, int *st)
{
    certify_options o;
    certify_options_default(&o);
    json_t *cert = NULL;
    nc_error e = {0, ""};
    *st = b35 ? claim_find("ulpm.lemmas-b3-b5")->certify(inst, &o, &cert, &e)
              : claim_find("ulpm.lemma-3.2")->certify(inst, &o, &cert, &e);
    json_decref(inst);
    static char verdict[32];
    verdict[0] = as[0] = 0;
    if (*st == 0 && cert) {
        strncpy(verdict, json_string_value(json_object_get(cert, "verdict")), 31);
        strncpy(as, json_string_value(json_object_get(cert, "assertion")), 127);
        as[127] = 0;
        verdict[31] = 0;
    }
    json_decref(cert);
    return verdict;
}

static void known_answers(void)
{
    instance I;
    nc_error e = {0, ""};
    json_t *j = json_pack("{s:s,s:i,s:i,s:i}", "kind", "nc/1", "K", 4, "n", 1, "d", 4);
    instance_from_json(&I, j, &e);
    json_decref(j);
    fmpq_t s;
    fmpq_init(s);
    fmpq_set_si(s, 3, 1);
    ulpm_l32_point p;
    ulpm_l32_point_init(&p);
    ulpm_l32_point_eval(&p, &I, s, 128);
    arb_t x, t;
    arb_init(x);
    arb_init(t);
    tap_ok(p.below_log2 == 1, "3*nc/1 K=4: L < log 2 proved");
    arb_set_ui(x, 54);
    tap_ok(arb_contains(p.q[ULPM_L32_RHO_SQ], x), "rho^2 = 2 * 3 * 9 = 54");
    arb_set_ui(x, 9);
    tap_ok(arb_contains(p.q[ULPM_L32_Q_MIN], x), "q_min = 9 (w_k.w_k - w_j.w_k = 1, times 3^2)");
    /* L = 4 log(1 + 3 e^{-9}) */
    arb_set_si(t, -9);
    arb_exp(t, t, 128);
    arb_mul_ui(t, t, 3, 128);
    arb_log1p(x, t, 128);
    arb_mul_ui(x, x, 4, 128);
    tap_ok(arb_overlaps(p.q[ULPM_L32_LOSS], x), "L = 4 log(1 + 3 e^-9)");
    /* gamma = -log(e^L - 1)/54, delta_main = 4/(2 gamma 9) */
    arb_expm1(t, x, 128);
    arb_log(t, t, 128);
    arb_neg(t, t);
    arb_div_ui(t, t, 54, 128);
    tap_ok(arb_overlaps(p.q[ULPM_L32_GAMMA], t), "gamma = -log(e^L - 1)/54");
    arb_mul_ui(t, t, 18, 128);
    arb_ui_div(t, 4, t, 128);
    tap_ok(arb_overlaps(p.q[ULPM_L32_DELTA_MAIN], t), "delta_main = K/(2 gamma q_min)");
    arb_one(x);
    tap_ok(arb_contains(p.q[ULPM_L32_BETA], x), "beta = 1 at an NC point (gradient parallel to theta)");
    arb_zero(x);
    tap_ok(arb_contains(p.q[ULPM_L32_EPS_ACT_SQ], x) && arb_contains(p.q[ULPM_L32_DELTA_ACT], x),
           "eps_actual = delta_actual = 0 at an NC point (all margins equal)");
    /* P = 2 sum a s = 2 * 4 * 3 * a * 9, a = e^-9/(1 + 3e^-9) */
    arb_set_si(t, -9);
    arb_exp(t, t, 128);
    arb_mul_ui(x, t, 3, 128);
    arb_add_ui(x, x, 1, 128);
    arb_div(x, t, x, 128);
    arb_mul_ui(x, x, 216, 128);
    tap_ok(arb_overlaps(p.q[ULPM_L32_RADIAL], x), "P = <theta, -grad L> = 216 a (Euler: 2 sum a s)");
    arb_mul_2exp_si(t, p.q[ULPM_L32_SUM_AS], 1);
    tap_ok(arb_overlaps(t, x), "2 sum a s (from margins) = P (from the gradient)");
    arb_clear(x);
    arb_clear(t);
    ulpm_l32_point_clear(&p);
    fmpq_clear(s);
    instance_clear(&I);
}

static void bad_instances(void)
{
    const char *bad[] = {
        "{\"kind\":\"lemma-3.2/2\",\"statement\":\"main\",\"point\":{\"kind\":\"nc/1\",\"K\":3,\"n\":1,\"d\":3}}",
        "{\"kind\":\"lemma-3.2/1\",\"statement\":\"both\",\"point\":{\"kind\":\"nc/1\",\"K\":3,\"n\":1,\"d\":3}}",
        "{\"kind\":\"lemma-3.2/1\",\"statement\":\"main\",\"point\":{\"kind\":\"nc/"
        "1\",\"K\":3,\"n\":1,\"d\":3},\"scale\":\"0\"}",
        "{\"kind\":\"lemma-3.2/1\",\"statement\":\"main\",\"point\":{\"kind\":\"nc/"
        "1\",\"K\":3,\"n\":1,\"d\":3},\"scale\":\"-2\"}",
        "{\"kind\":\"lemma-3.2/1\",\"statement\":\"main\",\"point\":{\"kind\":\"nc/"
        "1\",\"K\":3,\"n\":1,\"d\":3},\"scale\":\"1e3\"}",
        "{\"kind\":\"lemma-3.2/1\",\"statement\":\"main\",\"point\":{\"kind\":\"nc/1\",\"K\":1,\"n\":1,\"d\":3}}",
        "{\"kind\":\"lemma-3.2/1\",\"statement\":\"main\"}",
        "{\"kind\":\"lemma-3.2/1\",\"statement\":\"main\",\"point\":{\"kind\":\"nc/"
        "1\",\"K\":3,\"n\":1,\"d\":3},\"C\":\"1\"}",
        NULL};
    for (int t = 0; bad[t]; t++) {
        json_t *j = json_loads(bad[t], 0, NULL);
        char as[128];
        int st;
        certify(0, j, as, &st);
        tap_ok(st == 2, "bad lemma-3.2 instance %d refused with status 2", t);
    }
    json_t *j = json_loads("{\"kind\":\"lemmas-b3-b5/1\",\"reading\":\"printed\",\"point\":"
                           "{\"kind\":\"nc/1\",\"K\":3,\"n\":1,\"d\":3}}",
                           0, NULL);
    char as[128];
    int st;
    certify(1, j, as, &st);
    tap_ok(st == 2, "unknown reading refused with status 2");
    ulpm_l32_gd_params gp = {3, 2, 4, 1, -3, 20};
    long rec[2] = {5, 3};
    json_t *out[2];
    nc_error e = {0, ""};
    tap_ok(ulpm_l32_gd_record(&gp, rec, 2, out, NULL, &e) == 2, "gd: record not ascending refused");
}

static void random_runs(uint64_t seed)
{
    srand((unsigned)seed);
    for (int run = 0; run < 3; run++) {
        long K = 3 + rand() % 2, n = 2 + rand() % 2, d = 4 + 2 * (rand() % 2);
        ulpm_l32_gd_params gp = {K, n, d, (uint64_t)rand(), -3, 20};
        long rec[5] = {0, 10 + rand() % 10, 30, 200 + rand() % 100, 1500};
        json_t *out[5];
        double loss[5];
        nc_error e = {0, ""};
        tap_diag("GD run K=%ld n=%ld d=%ld seed=%llu", K, n, d, (unsigned long long)gp.seed);
        if (!tap_ok(ulpm_l32_gd_record(&gp, rec, 5, out, loss, &e) == 0, "gd ran (%s)", e.msg)) continue;
        int mono = 1;
        for (int r = 1; r < 5; r++) mono = mono && loss[r] < loss[r - 1];
        tap_ok(mono, "gd loss decreases along the recorded iterates (%g .. %g)", loss[0], loss[4]);
        for (int r = 0; r < 5; r++) {
            char as[128];
            int st;
            const char *v;
            for (int stm = 0; stm < 2; stm++) {
                v = certify(0,
                            wrap("lemma-3.2/1", "statement", stm ? "main" : "appendix", json_deep_copy(out[r]), NULL),
                            as, &st);
                tap_ok(st == 0 && strcmp(v, "PROVED") == 0, "it %ld (L~%.3g) lemma-3.2 %s: %s (%s)", rec[r], loss[r],
                       stm ? "main" : "appendix", v, as);
            }
            v = certify(1, wrap("lemmas-b3-b5/1", "reading", "derived", json_deep_copy(out[r]), NULL), as, &st);
            tap_ok(st == 0 && strcmp(v, "PROVED") == 0, "it %ld lemmas-b3-b5 derived: %s (%s)", rec[r], v, as);
            json_decref(out[r]);
        }
    }
}

/* Provenance: the registry's GD points are what the driver produces with the documented
 * parameters (glibc libm on x86-64; another libm may round exp/log1p differently, which would
 * change the proposed points, never the validity of their certificates). */
static void provenance(void)
{
    struct {
        const char *name;
        long K, n, d;
        uint64_t seed;
        long it;
    } runs[] = {{"gdA-K3-n2-d4-s1-it15-appendix", 3, 2, 4, 1, 15},
                {"gdB-K4-n3-d6-s2-it1000-appendix", 4, 3, 6, 2, 1000},
                {"gdC-K5-n2-d8-s3-it3000-main", 5, 2, 8, 3, 3000}};
    for (int r = 0; r < 3; r++) {
        const registry_entry *en = registry_find("ulpm.lemma-3.2", runs[r].name);
        if (!tap_ok(en != NULL, "registry has %s", runs[r].name)) continue;
        json_t *inst = json_loads(en->instance, 0, NULL), *out[1] = {NULL};
        ulpm_l32_gd_params gp = {runs[r].K, runs[r].n, runs[r].d, runs[r].seed, -3, 20};
        nc_error e = {0, ""};
        int rc = ulpm_l32_gd_record(&gp, &runs[r].it, 1, out, NULL, &e);
        tap_ok(rc == 0 && inst && json_equal(json_object_get(inst, "point"), out[0]),
               "%s is GD iterate %ld (eta 2^-3, grid 2^-20) of random-dyadic/1 seed %llu", runs[r].name, runs[r].it,
               (unsigned long long)runs[r].seed);
        json_decref(inst);
        json_decref(out[0]);
    }
}

int main(void)
{
    const char *s = getenv("NCCERT_TEST_SEED");
    uint64_t seed = s ? strtoull(s, NULL, 10) : (uint64_t)time(NULL);
    tap_diag("NCCERT_TEST_SEED=%llu", (unsigned long long)seed);
    known_answers();
    bad_instances();
    random_runs(seed);
    provenance();
    flint_cleanup();
    return tap_done();
}
