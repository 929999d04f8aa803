/* check_ulpm_def21.c: owns the check of claim ulpm.def-2.1 (simplex ETF, eq. (3), and NC1-NC4)
 * on etf/1 and nc/1 instances: the Gram matrix of the regenerated W exactly (GMP integers),
 * the quantities derived from it, and for nc/1 the feature residual
 * sum_{k,i} ||h_{k,i} - w_k/sqrt(n)||^2 on the generic instance (exact, Q(sqrt n)). */
#include <string.h>

#include "check_claims.h"
#include "check_alloc.h"
#include "check_enclosure.h"
#include "check_instance.h"
#include "ulpm/check_ulpm_def21_etf.h"
#include "check_decision.h"

enum { Q_NW, Q_IW, Q_C, Q_COS, Q_NH, Q_RES, NQ };
static const char *const QNAMES[] = {"norm_sq_w", "inner_w", "gram_c", "cosine", "norm_sq_h", "nc13_residual", NULL};
static const char *const ASSERTIONS[] = {"simplex ETF and NC1-NC4", "none", NULL};
static const char *const NO_KEYS[] = {NULL};

/* nc/1: sum ||h - w/sqrt n||^2 = ||H||^2 - (2/sqrt n) sum_c w_k.h_c + ||W||^2 on the generic
 * instance (a sum of squares vanishes iff every h_{k,i} = w_k/sqrt(n)). */
static int nc13_generic(const json_t *ij, ck_qs *r, mpz_t m, ck_err *e)
{
    ck_inst in;
    /* limits: N = nK dot products w_k.h_c of d terms and the two norms; no array */
    if (ck_inst_parse(ij, &in, e) ||
        ck_inst_limit(&in, "ulpm.def-2.1", 0, 2.0 * in.K * (double)in.n * in.d + (double)in.K * in.d, e)) {
        ck_inst_free(&in);
        return -1;
    }
    ck_qs t, x;
    ck_qs_init(&t), ck_qs_init(&x);
    for (long c = 0; c < in.n * in.K; c++) {
        ck_inst_dot_wh(&in, c / in.n, c, &x);
        ck_qs_add(&t, &t, &x);
    }
    mpq_t f;
    mpq_init(f);
    mpq_set_si(f, -2, (unsigned long)in.n);
    ck_qs_mul_sqrt(&x, &t, in.m); /* sum * sqrt(n); times -2/n = -2 sum / sqrt(n) */
    ck_qs_mul_q(r, &x, f);
    ck_inst_norm_h(&in, &x);
    ck_qs_add(r, r, &x);
    ck_inst_norm_w(&in, &x);
    ck_qs_add(r, r, &x);
    mpz_set(m, in.m);
    mpq_clear(f);
    ck_qs_clear(&t), ck_qs_clear(&x);
    ck_inst_free(&in);
    return 0;
}

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(ulpm, def21, "ulpm.def-2.1");

int ck_claim_ulpm_def21(const json_t *root, ck_verdict verdict, ck_err *e)
{
    const char *as;
    int ai = ck_assertion_index(root, ASSERTIONS, &as, e);
    if (ai < 0) return -1;
    ck_etf E;
    ck_encl q[NQ];
    ck_qs v[NQ];
    mpz_t one, mres;
    mpz_init_set_ui(one, 1), mpz_init_set_ui(mres, 1);
    int rc = -1;
    for (int t = 0; t < NQ; t++) ck_encl_init(&q[t]), ck_qs_init(&v[t]);
    json_t *ij = json_object_get(root, "instance");
    json_t *wj = ck_get_obj(root, "certificate", "witnesses", e);
    json_t *qj = ck_get_obj(root, "certificate", "quantities", e);
    if (ck_etf_parse(ij, &E, e) || !wj || !qj || ck_keys(wj, "witnesses", NO_KEYS, NULL, e) ||
        ck_keys(qj, "quantities", QNAMES, NULL, e))
        goto out;
    for (int t = 0; t < NQ; t++)
        if (ck_encl_parse(json_object_get(qj, QNAMES[t]), QNAMES[t], &q[t], e)) goto out;
    if (ai == 1) {
        if (verdict != CK_INCONCLUSIVE)
            ck_fail(e, CK_INVALID, "verdict %s does not follow from assertion \"none\"", ck_verdict_name(verdict));
        else
            ck_fail(e, CK_INVALID, "INCONCLUSIVE: the certificate establishes nothing");
        goto out;
    }
    int gram_ok = ck_etf_gram(&E, v[Q_NW].a, v[Q_IW].a);
    mpq_set_si(v[Q_C].a, -E.K, 1);
    mpq_mul(v[Q_C].a, v[Q_C].a, v[Q_IW].a); /* c = -K g1 */
    if (mpq_sgn(v[Q_NW].a) != 0) mpq_div(v[Q_COS].a, v[Q_IW].a, v[Q_NW].a);
    mpq_set_ui(v[Q_NH].a, 1, (unsigned long)E.n);
    mpq_mul(v[Q_NH].a, v[Q_NH].a, v[Q_NW].a); /* ||h||^2 = ||w||^2 / n */
    /* etf/1 defines h_{k,i} = w_k/sqrt(n): the residual is 0 by definition; nc/1 computes it */
    if (E.is_nc && nc13_generic(ij, &v[Q_RES], mres, e)) goto out;
    for (int t = 0; t < NQ; t++)
        if (ck_encl_verify(&q[t], QNAMES[t], &v[t], t == Q_RES ? mres : one, e)) goto out;
    if (!gram_ok || ck_qs_sgn(&v[Q_RES], mres) != 0) {
        ck_fail(e, CK_INVALID, "assertion not established: %s",
                gram_ok ? "features are not w_k/sqrt(n)" : "W W^T is not c (I - 11^T/K) with c > 0");
        goto out;
    }
    if (ck_verdict_follows(verdict, CK_PROVED, "the assertion holds, so PROVED", e)) goto out;
    rc = 0;
out:
    ck_etf_free(&E);
    for (int t = 0; t < NQ; t++) ck_encl_clear(&q[t]), ck_qs_clear(&v[t]);
    mpz_clear(one), mpz_clear(mres);
    return rc;
}
