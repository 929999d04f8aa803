/* check_ulpm_theorem32.c: owns the check of claim ulpm.theorem-3.2 (the minimum-norm separation
 * problem (5)/(13)). Two certificate forms, chosen by the instance kind:
 *  - etf/1, nc/1 (the optimum): from the exact Gram matrix of the regenerated W
 *    (check_ulpm_def21_etf.h) and the witness multiplier lambda, every quantity in Q(sqrt n):
 *    all constraints of theta* = t theta0 (t^2 = 1/q0) equal 1, objective = (K-1) sqrt(n), the
 *    stationarity residual (closed form of the derivation, valid since sum_k w_k = 0 follows
 *    from the Gram test) and the complementarity sum vanish, MFCQ value 2 s = 2 > 0.
 *  - any other kind: the Lemma 3.1 certificate logic (ck_claim_ulpm_lemma31, reused as is) on the
 *    same witness and quantities with assertion "q_min < bound", which is the homogeneous
 *    inequality (||W||^2 + ||H||^2)/2 > (K-1) sqrt(n) q_min. Cost O(K^2 d) either way. */
#include <string.h>

#include "check_claims.h"
#include "check_enclosure.h"
#include "check_rational.h"

/* The Lemma 3.1 checker (check_ulpm_lemma31.c), reused as is on generated instances. */
int ck_claim_ulpm_lemma31(const json_t *root, ck_verdict verdict, ck_err *e);
#include "ulpm/check_ulpm_def21_etf.h"
#include "check_decision.h"

#define T32_OPT "NC point scaled to q_min = 1 is optimal: value (K-1) sqrt(n), KKT, MFCQ"
#define T32_NOBEAT "(||W||^2 + ||H||^2)/2 > (K-1) sqrt(n) q_min"

enum { T_Q0, T_T2, T_OBJ, T_OPT, T_LAM, T_RES, T_CS, T_CMIN, T_CMAX, T_MFCQ, T_NQ };
static const char *const QNAMES[] = {
    "margin_unscaled", "scale_sq",       "objective",      "optimum_value", "multiplier", "stationarity_residual_sq",
    "complementarity", "constraint_min", "constraint_max", "mfcq_min",      NULL};
static const char *const WKEYS[] = {"multiplier", NULL};
static const char *const LKEYS[] = {"a", "b", "m", NULL};

static void qmul(ck_qs *r, const ck_qs *x, const ck_qs *y, const mpz_t m) /* r = x y, r may alias */
{
    mpq_t a, b, t;
    mpq_inits(a, b, t, NULL);
    mpq_mul(a, x->a, y->a);
    mpq_mul(t, x->b, y->b);
    mpz_mul(mpq_numref(t), mpq_numref(t), m);
    mpq_canonicalize(t);
    mpq_add(a, a, t);
    mpq_mul(b, x->a, y->b);
    mpq_mul(t, x->b, y->a);
    mpq_add(b, b, t);
    mpq_set(r->a, a), mpq_set(r->b, b);
    mpq_clears(a, b, t, NULL);
}

static int parse_lambda(const json_t *wj, long n, ck_qs *lam, ck_err *e)
{
    json_t *l = ck_get_obj(wj, "witnesses", "multiplier", e);
    long long m;
    if (!l || ck_keys(l, "witnesses.multiplier", LKEYS, NULL, e) || ck_get_int(l, "witnesses.multiplier", "m", &m, e))
        return -1;
    const char *a = ck_get_str(l, "witnesses.multiplier", "a", e), *b = ck_get_str(l, "witnesses.multiplier", "b", e);
    if (!a || !b) return -1;
    if (ck_parse_entry(a, lam->a) || ck_parse_entry(b, lam->b) || m != n) {
        ck_fail(e, CK_MALFORMED, "witnesses.multiplier: a, b rational strings and m = n required");
        return -1;
    }
    return 0;
}

static int check_optimum(const json_t *root, ck_verdict verdict, int ai, ck_err *e)
{
    ck_etf E;
    ck_encl q[T_NQ];
    ck_qs v[T_NQ], t, lam;
    mpq_t g0, g1, f;
    mpz_t m;
    int rc = -1;
    mpq_inits(g0, g1, f, NULL);
    mpz_init(m);
    ck_qs_init(&t), ck_qs_init(&lam);
    for (int k = 0; k < T_NQ; k++) ck_encl_init(&q[k]), ck_qs_init(&v[k]);
    json_t *wj = ck_get_obj(root, "certificate", "witnesses", e);
    json_t *qj = ck_get_obj(root, "certificate", "quantities", e);
    if (ck_etf_parse(json_object_get(root, "instance"), &E, e) || !wj || !qj ||
        ck_keys(wj, "witnesses", WKEYS, NULL, e) || parse_lambda(wj, E.n, &lam, e) ||
        ck_keys(qj, "quantities", QNAMES, NULL, e))
        goto out;
    for (int k = 0; k < T_NQ; k++)
        if (ck_encl_parse(json_object_get(qj, QNAMES[k]), QNAMES[k], &q[k], e)) goto out;
    long K = E.K, n = E.n;
    mpz_set_si(m, n);
    int gram_ok = ck_etf_gram(&E, g0, g1);
    mpq_sub(f, g0, g1); /* c = (w_k - w_j).w_k, every k != j */
    mpq_set_ui(v[T_Q0].b, 1, (unsigned long)n);
    mpq_mul(v[T_Q0].b, v[T_Q0].b, f);           /* q0 = c / sqrt(n) */
    if (mpq_sgn(f) != 0) mpq_inv(v[T_T2].b, f); /* t^2 = sqrt(n) / c */
    mpq_set_si(f, K, 1);
    mpq_mul(f, f, g0);
    mpq_mul(v[T_OBJ].b, v[T_T2].b, f); /* t^2 (||W0||^2 + ||H0||^2)/2 = t^2 K g0 */
    mpq_set_si(v[T_OPT].b, K - 1, 1);
    mpq_set(v[T_LAM].a, lam.a), mpq_set(v[T_LAM].b, lam.b);
    /* residual^2 = 2 t^2 K g0 (1 - lambda K sqrt n)^2 */
    mpq_set_si(f, -K, 1);
    ck_qs_mul_sqrt(&t, &lam, m);
    ck_qs_mul_q(&t, &t, f);
    mpq_set_ui(f, 1, 1);
    mpq_add(t.a, t.a, f);
    qmul(&t, &t, &t, m);
    qmul(&t, &t, &v[T_T2], m);
    mpq_set_si(f, 2 * K, 1);
    mpq_mul(f, f, g0);
    ck_qs_mul_q(&v[T_RES], &t, f);
    qmul(&v[T_CMIN], &v[T_T2], &v[T_Q0], m); /* every constraint: t^2 q0 */
    mpq_set(v[T_CMAX].a, v[T_CMIN].a), mpq_set(v[T_CMAX].b, v[T_CMIN].b);
    mpq_set_ui(f, 1, 1);
    mpq_sub(t.a, v[T_CMIN].a, f), mpq_set(t.b, v[T_CMIN].b);
    qmul(&t, &t, &lam, m);
    mpq_set_si(f, n * K * (K - 1), 1);
    ck_qs_mul_q(&v[T_CS], &t, f);                  /* sum lambda (s - 1) */
    ck_qs_add(&v[T_MFCQ], &v[T_CMIN], &v[T_CMIN]); /* <grad s, theta*> = 2 s */
    for (int k = 0; k < T_NQ; k++)
        if (ck_encl_verify(&q[k], QNAMES[k], &v[k], m, e)) goto out;
    if (ai == 2) {
        ck_fail(e, CK_INVALID, "INCONCLUSIVE or assertion \"none\": the certificate establishes nothing");
        goto out;
    }
    if (ai != 0) {
        ck_fail(e, CK_INVALID, "assertion \"%s\" does not fit an NC instance", T32_NOBEAT);
        goto out;
    }
    mpq_set_ui(f, 1, 1);
    const char *why = !gram_ok                             ? "W W^T is not c (I - 11^T/K), c > 0"
                      : ck_qs_cmp(&v[T_OBJ], &v[T_OPT], m) ? "objective differs from (K-1) sqrt(n)"
                      : ck_qs_sgn(&lam, m) <= 0            ? "multiplier not positive"
                      : ck_qs_sgn(&v[T_RES], m)            ? "stationarity residual is not zero"
                      : ck_qs_sgn(&v[T_CS], m)             ? "complementarity fails"
                      : ck_qs_cmp_q(&v[T_CMIN], f, m)      ? "constraints are not all equal to 1"
                                                           : NULL;
    if (why) {
        ck_fail(e, CK_INVALID, "assertion not established: %s", why);
        goto out;
    }
    if (ck_verdict_follows(verdict, CK_PROVED, "the optimum is certified, so PROVED", e)) goto out;
    rc = 0;
out:
    ck_etf_free(&E);
    for (int k = 0; k < T_NQ; k++) ck_encl_clear(&q[k]), ck_qs_clear(&v[k]);
    ck_qs_clear(&t), ck_qs_clear(&lam);
    mpq_clears(g0, g1, f, NULL);
    mpz_clear(m);
    return rc;
}

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(ulpm, theorem32, "ulpm.theorem-3.2");

int ck_claim_ulpm_theorem32(const json_t *root, ck_verdict verdict, ck_err *e)
{
    static const char *const AS[] = {T32_OPT, T32_NOBEAT, "none", NULL};
    const char *as;
    int ai = ck_assertion_index(root, AS, &as, e);
    if (ai < 0) return -1;
    if (ck_etf_is_kind(json_object_get(root, "instance"))) return check_optimum(root, verdict, ai, e);
    if (ai == 0) {
        ck_fail(e, CK_INVALID, "assertion \"%s\" needs an etf/1 or nc/1 instance", T32_OPT);
        return -1;
    }
    /* The Lemma 3.1 logic on the same instance, witness and quantities. */
    json_t *tmp = json_copy((json_t *)root);
    json_object_set_new(tmp, "assertion", json_string(ai == 1 ? "q_min < bound" : "none"));
    int rc = ck_claim_ulpm_lemma31(tmp, ai == 1 ? CK_PROVED : verdict, e);
    json_decref(tmp);
    if (rc == 0 && ck_verdict_follows(verdict, CK_PROVED, "the inequality is certified, so PROVED", e)) return -1;
    return rc;
}
