/* check_ulpm_theorem33.c: owns the check of claim ulpm.theorem-3.3 (L(W,H) >= L*(rho), equality
 * iff NC with ||W|| = ||H||): the exact quantities (norms, rho, q*) in Q(sqrt n); "L = L*" by the
 * exact premise that every margin equals q* (which implies L = L*(rho) algebraically,
 * proofs/derivations/ulpm-theorem-3.3.md); "L > L*" / "L < L*" by MPFI enclosures of L, L* and
 * their gap. Interval rule: the checker's own interval must lie inside the stated [lo, hi]. */
#include <string.h>

#include "check_claims.h"
#include "check_alloc.h"
#include "check_limits.h"
#include "check_enclosure.h"
#include "ulpm/check_ulpm_theorem33.h"

enum { Q_NW, Q_NH, Q_RHO, Q_QSTAR, Q_LOSS, Q_LSTAR, Q_GAP, NQ };
static const char *const QNAMES[] = {"norm_W_sq", "norm_H_sq", "rho", "margin_star", "loss", "loss_star", "gap", NULL};
static const char *const ASSERTIONS[] = {"L = L*", "L > L*", "L < L*", "none", NULL};
static const char *const WKEYS[] = {"precision_bits", NULL};
#define PREC_MIN 53
#define PREC_MAX 4096

/* why an interval quantity may not carry an exact value */
static const char NO_EXACT[] = "an exact value is not allowed here (transcendental quantity)";

/* 1: x inside [lo, hi]; 0: overlapping, not inside; -1: disjoint (the stated enclosure misses
 * the exact value, which x contains). */
static int inside(const ck_encl *q, mpfi_srcptr x)
{
    if (mpfr_cmp_q(&x->right, q->lo) < 0 || mpfr_cmp_q(&x->left, q->hi) > 0) return -1;
    return mpfr_cmp_q(&x->left, q->lo) >= 0 && mpfr_cmp_q(&x->right, q->hi) <= 0;
}

/* Ls = nK log1p((K-1) exp(-q*)). */
static void loss_star(mpfi_ptr Ls, const ck_inst *in, const ck_qs *qstar)
{
    ck_qs_to_mpfi(Ls, qstar, in->m);
    mpfi_neg(Ls, Ls);
    mpfi_exp(Ls, Ls);
    mpfi_mul_ui(Ls, Ls, (unsigned long)(in->K - 1));
    mpfi_log1p(Ls, Ls);
    mpfi_mul_ui(Ls, Ls, (unsigned long)(in->n * in->K));
}

/* Recomputes loss, loss_star (and gap unless EQUAL) at precisions p0, 2 p0, 4 p0 (<= PREC_MAX) until
 * each lies inside its stated enclosure and, for a strict assertion, the gap has sign WANT.
 * EQUAL: L = L* is already proved exactly, so L's interval is L*'s. */
static int check_intervals(const ck_inst *in, const ck_qs *qstar, const ck_encl *q, long p0, int equal, int want,
                           ck_err *e)
{
    int rc = -1;
    for (long p = p0; p <= PREC_MAX && p <= 4 * p0 && rc < 0 && !e->code; p *= 2) {
        mpfi_t L, Ls, gap;
        mpfi_init2(L, p), mpfi_init2(Ls, p), mpfi_init2(gap, p);
        loss_star(Ls, in, qstar);
        if (equal)
            mpfi_set(L, Ls);
        else if (ck_t33_loss(L, in, e))
            goto next;
        mpfi_sub(gap, L, Ls);
        mpfi_srcptr xs[3] = {L, Ls, gap};
        int all = 1;
        for (int t = 0; t < (equal ? 2 : 3); t++) {
            int r = inside(&q[Q_LOSS + t], xs[t]);
            if (r < 0) {
                ck_fail(e, CK_INVALID, "quantity %s: the stated enclosure misses the value", QNAMES[Q_LOSS + t]);
                goto next;
            }
            all = all && r;
        }
        int sign_ok = equal || (want > 0 ? mpfr_sgn(&gap->left) > 0 : mpfr_sgn(&gap->right) < 0);
        if (all && sign_ok) rc = 0;
    next:
        mpfi_clear(L), mpfi_clear(Ls), mpfi_clear(gap);
    }
    if (rc < 0 && !e->code)
        ck_fail(e, CK_INVALID,
                "loss/loss_star/gap: not reproduced inside the stated enclosures (with "
                "the asserted sign) at precisions %ld to %ld bits",
                p0, 4 * p0 < PREC_MAX ? 4 * p0 : (long)PREC_MAX);
    return rc;
}

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(ulpm, theorem33, "ulpm.theorem-3.3");

int ck_claim_ulpm_theorem33(const json_t *root, ck_verdict verdict, ck_err *e)
{
    const char *as;
    int ai = ck_assertion_index(root, ASSERTIONS, &as, e);
    if (ai < 0) return -1;

    ck_inst in;
    ck_encl q[NQ];
    ck_qs v[4], zero;
    long long p0 = 0;
    int rc = -1;
    for (int t = 0; t < NQ; t++) ck_encl_init(&q[t]);
    for (int t = 0; t < 4; t++) ck_qs_init(&v[t]);
    ck_qs_init(&zero);
    json_t *wj = ck_get_obj(root, "certificate", "witnesses", e);
    json_t *qj = ck_get_obj(root, "certificate", "quantities", e);
    if (ck_t33_inst_parse(json_object_get(root, "instance"), &in, e)) goto out;
    /* limits: the loss over all K N logits (K^2 n d), the NC test's Gram matrix (K^2 d); two
     * columns of K integers and one of K numbers of Q(sqrt n) */
    if (ck_inst_limit(&in, "ulpm.theorem-3.3", (double)in.K * (16 + 2 * ck_mpq_bytes(64)),
                      (double)in.K * in.K * ((double)in.n * in.d + in.d), e))
        goto out;
    if (!wj || !qj || ck_keys(wj, "witnesses", WKEYS, NULL, e) ||
        ck_get_int(wj, "witnesses", "precision_bits", &p0, e) || ck_keys(qj, "quantities", QNAMES, NULL, e))
        goto out;
    if (p0 < PREC_MIN || p0 > PREC_MAX) {
        ck_fail(e, CK_MALFORMED, "witnesses.precision_bits = %lld outside [%d, %d]", p0, PREC_MIN, PREC_MAX);
        goto out;
    }
    for (int t = 0; t < NQ; t++)
        if (ck_encl_parse(json_object_get(qj, QNAMES[t]), QNAMES[t], &q[t], e)) goto out;

    /* exact: norms, rho, q* = rho sqrt(n) / (2 (K-1) n) */
    ck_inst_norm_w(&in, &v[Q_NW]);
    ck_inst_norm_h(&in, &v[Q_NH]);
    ck_qs_add(&v[Q_RHO], &v[Q_NW], &v[Q_NH]);
    mpq_t f;
    mpq_init(f);
    mpq_set_ui(f, 1, 2 * (unsigned long)(in.K - 1) * (unsigned long)in.n);
    ck_qs_mul_sqrt(&v[Q_QSTAR], &v[Q_RHO], in.m);
    ck_qs_mul_q(&v[Q_QSTAR], &v[Q_QSTAR], f);
    mpq_clear(f);
    for (int t = 0; t < 4; t++)
        if (ck_encl_verify(&q[t], QNAMES[t], &v[t], in.m, e)) goto out;

    if (ai == 3) {
        if (verdict != CK_INCONCLUSIVE)
            ck_fail(e, CK_INVALID, "verdict %s does not follow from assertion \"none\"", ck_verdict_name(verdict));
        else
            ck_fail(e, CK_INVALID, "INCONCLUSIVE: the certificate establishes nothing");
        goto out;
    }
    if (ck_encl_check_interval(&q[Q_LOSS], "loss", NO_EXACT, e) ||
        ck_encl_check_interval(&q[Q_LSTAR], "loss_star", NO_EXACT, e))
        goto out;
    if (ai == 0) { /* L = L*: the exact premise, and gap stated as exactly 0 */
        int eq = ck_t33_margins_equal(&in, &v[Q_QSTAR], e);
        if (eq < 0) goto out;
        if (!eq) {
            ck_fail(e, CK_INVALID, "assertion \"L = L*\" not established: some margin differs from q*");
            goto out;
        }
        if (ck_encl_verify(&q[Q_GAP], "gap", &zero, in.m, e)) goto out;
    } else if (ck_encl_check_interval(&q[Q_GAP], "gap", NO_EXACT, e)) {
        goto out;
    }
    if (check_intervals(&in, &v[Q_QSTAR], q, (long)p0, ai == 0, ai == 1 ? 1 : -1, e)) goto out;

    int nc = ck_inst_is_nc(&in, &v[Q_RHO]);
    ck_verdict need = ai == 2 ? CK_REFUTED : ((ai == 0) == nc ? CK_PROVED : CK_REFUTED);
    if (verdict != need) {
        ck_fail(e, CK_INVALID,
                "verdict %s does not follow: assertion \"%s\" holds and the instance is "
                "%sNC, so %s",
                ck_verdict_name(verdict), as, nc ? "" : "not ", ck_verdict_name(need));
        goto out;
    }
    rc = 0;
out:
    ck_inst_free(&in);
    for (int t = 0; t < NQ; t++) ck_encl_clear(&q[t]);
    for (int t = 0; t < 4; t++) ck_qs_clear(&v[t]);
    ck_qs_clear(&zero);
    return rc;
}
