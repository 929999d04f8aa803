/* check_msecp_dynamics_ode.c: owns nccheck's check of msecp.dynamics on msecp-ode/1 instances
 * (specs/claims/msecp.dynamics.md). Exact part: the coefficients of w F'(w) - w/f(w) written out
 * by hand (F = c1 log w + c2 w^2 + c3 w^4 gives w F' = c1 + 2 c2 w^2 + 4 c3 w^4; w/f_a = CN(C + w^2),
 * w/f_b = N (C + w^2)^2), squared and summed in GMP. Rigorous part: each omega enclosure [lo, hi]
 * is accepted only if lo > 0 and the signs F(lo) < F(omega0) + t < F(hi) are certified in MPFI at
 * 512 bits (F strictly increasing on w > 0: the root, i.e. omega(t), lies in [lo, hi]); omega_gap
 * and cor1_ratio_sq must contain the exact rational intervals the verified brackets imply. */
#include <string.h>
#include <mpfi.h>
#include "check_claims.h"
#include "check_enclosure.h"
#include "check_rational.h"
#include "msecp/check_msecp_dynamics.h"

#define PREC 512
#define NQ 7
static const char *const QN[NQ + 1] = {
    "derived_identity_gap", "prop2_identity_gap", "prop2_vs_derived_gap", "omega_derived",
    "omega_prop2",          "omega_gap",          "cor1_ratio_sq",        NULL};
static const char *const AS[3] = {
    "the closed form C^2 N log w + (CN/2) w^2 = t + a solves the defined flow's law "
    "omega' = omega/(CN(C+omega^2)) exactly, and omega(t) lies in omega_derived",
    "Proposition 2 (c1 = C^2 N, c2 = CN, c3 = N/4) solves Lemma 5's ODE but not the defined flow's: "
    "at t the two omega(t) differ (omega_gap excludes 0)",
    "none"};
static const ck_verdict V[3] = {CK_PROVED, CK_REFUTED, CK_INCONCLUSIVE};

typedef struct {
    long C, N;
    mpq_t w0, t;
} ode;

/* closed form coefficients: law 0 derived (C^2 N, CN/2, 0), law 1 Proposition 2 (C^2 N, CN, N/4) */
static void coeffs(mpq_t c[3], const ode *I, int law)
{
    mpq_set_si(c[0], I->C * I->C * I->N, 1);
    mpq_set_si(c[1], I->C * I->N, law == 0 ? 2 : 1);
    mpq_set_si(c[2], law == 0 ? 0 : I->N, 4);
    for (int k = 0; k < 3; k++) mpq_canonicalize(c[k]);
}

/* sum over k of (coefficient k of w F_FL' - w / f_L)^2 */
static void identity_gap(mpq_t out, const ode *I, int FL, int L)
{
    mpq_t c[3], d[5], x;
    for (int k = 0; k < 3; k++) mpq_init(c[k]);
    for (int k = 0; k < 5; k++) mpq_init(d[k]);
    mpq_init(x);
    coeffs(c, I, FL);
    mpq_set(d[0], c[0]);
    mpq_set_ui(x, 2, 1), mpq_mul(d[2], c[1], x);
    mpq_set_ui(x, 4, 1), mpq_mul(d[4], c[2], x);
    long C = I->C, N = I->N;
    long r[5] = {L == 0 ? C * C * N : N * C * C, 0, L == 0 ? C * N : 2 * N * C, 0, L == 0 ? 0 : N};
    mpq_set_ui(out, 0, 1);
    for (int k = 0; k < 5; k++) {
        mpq_set_si(x, r[k], 1);
        mpq_sub(x, d[k], x);
        mpq_mul(x, x, x);
        mpq_add(out, out, x);
    }
    for (int k = 0; k < 3; k++) mpq_clear(c[k]);
    for (int k = 0; k < 5; k++) mpq_clear(d[k]);
    mpq_clear(x);
}

/* y = F(w) - F(omega0) - t for the rational w, as an MPFI interval */
static void g_eval(mpfi_t y, const ode *I, int law, const mpq_t w)
{
    mpq_t c[3], w2;
    mpfi_t a, b;
    for (int k = 0; k < 3; k++) mpq_init(c[k]);
    mpq_init(w2);
    mpfi_init2(a, PREC), mpfi_init2(b, PREC);
    coeffs(c, I, law);
    mpfi_set_q(a, w), mpfi_log(a, a);
    mpfi_set_q(b, I->w0), mpfi_log(b, b);
    mpfi_sub(a, a, b);
    mpfi_mul_q(y, a, c[0]);       /* c1 (log w - log omega0) */
    for (int p = 0; p < 2; p++) { /* c2 (w^2 - w0^2), c3 (w^4 - w0^4) exactly */
        mpq_t u, v;
        mpq_init(u), mpq_init(v);
        mpq_mul(u, w, w), mpq_mul(v, I->w0, I->w0);
        if (p) mpq_mul(u, u, u), mpq_mul(v, v, v);
        mpq_sub(u, u, v);
        mpq_mul(u, u, c[1 + p]);
        mpfi_add_q(y, y, u);
        mpq_clear(u), mpq_clear(v);
    }
    mpfi_sub_q(y, y, I->t);
    for (int k = 0; k < 3; k++) mpq_clear(c[k]);
    mpq_clear(w2);
    mpfi_clear(a), mpfi_clear(b);
}

/* reads an enclosure without exact value: lo <= hi, decimal contains [lo, hi] */
static int read_interval(const json_t *qj, const char *name, mpq_t lo, mpq_t hi, ck_err *e)
{
    ck_encl en;
    ck_encl_init(&en);
    int rc = ck_encl_parse(json_object_get(qj, name), name, &en, e);
    if (!rc) {
        const char *why = NULL;
        if (mpq_cmp(en.lo, en.hi) > 0)
            why = "lo > hi";
        else if (mpq_cmp(en.dlo, en.lo) > 0 || mpq_cmp(en.dhi, en.hi) < 0)
            why = "decimal rendering does not contain [lo, hi]";
        else if (en.has_exact)
            why = "an exact value is not allowed here";
        if (why) {
            ck_fail(e, CK_INVALID, "quantity %s: %s", name, why);
            rc = -1;
        } else
            mpq_set(lo, en.lo), mpq_set(hi, en.hi);
    }
    ck_encl_clear(&en);
    return rc;
}

/* [lo, hi] of NAME must bracket the root of F_law(w) = F_law(omega0) + t */
static int verify_bracket(const json_t *qj, const char *name, const ode *I, int law, mpq_t lo, mpq_t hi, ck_err *e)
{
    if (read_interval(qj, name, lo, hi, e)) return -1;
    mpfi_t y;
    mpfi_init2(y, PREC);
    int ok = mpq_sgn(lo) > 0;
    if (ok) g_eval(y, I, law, lo), ok = mpfi_is_strictly_neg(y) > 0;
    if (ok) g_eval(y, I, law, hi), ok = mpfi_is_strictly_pos(y) > 0;
    mpfi_clear(y);
    if (!ok) {
        ck_fail(e, CK_INVALID, "quantity %s: F(lo) < F(omega0) + t < F(hi) not certified (lo > 0 needed)", name);
        return -1;
    }
    return 0;
}

/* the stated [lo, hi] of NAME must contain [a, b] */
static int verify_contains(const json_t *qj, const char *name, const mpq_t a, const mpq_t b, ck_err *e)
{
    mpq_t lo, hi;
    mpq_init(lo), mpq_init(hi);
    int rc = read_interval(qj, name, lo, hi, e);
    if (!rc && (mpq_cmp(lo, a) > 0 || mpq_cmp(hi, b) < 0)) {
        ck_fail(e, CK_INVALID, "quantity %s: does not contain the interval the verified brackets give", name);
        rc = -1;
    }
    mpq_clear(lo), mpq_clear(hi);
    return rc;
}

static int parse_rat(const json_t *j, const char *k, mpq_t q, const char *hi, ck_err *e)
{
    const char *s = ck_get_str(j, "instance", k, e);
    mpq_t h;
    mpq_init(h);
    mpq_set_str(h, hi, 10);
    int bad = !s || strlen(s) > 64 || ck_parse_entry(s, q) || mpq_sgn(q) <= 0 || mpq_cmp(q, h) > 0;
    mpq_clear(h);
    if (bad) {
        ck_fail(e, CK_MALFORMED, "instance.%s: a rational string in (0, %s], at most 64 characters", k, hi);
        return -1;
    }
    return 0;
}

int ck_msecp_dynamics_ode(const json_t *root, ck_verdict verdict, ck_err *e)
{
    static const char *const KEYS[] = {"kind", "part", "C", "N", "omega0", "t", NULL}, *const NO_KEYS[] = {NULL};
    ode I;
    mpq_t g[3], la, ha, lb, hb, a, b, s;
    int rc = -1;
    mpq_init(I.w0), mpq_init(I.t);
    for (int k = 0; k < 3; k++) mpq_init(g[k]);
    mpq_inits(la, ha, lb, hb, a, b, s, NULL);
    const json_t *inst = json_object_get(root, "instance");
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    json_t *wj = ck_get_obj(root, "certificate", "witnesses", e),
           *qj = ck_get_obj(root, "certificate", "quantities", e);
    long long C, N;
    if (!as || !wj || !qj || ck_keys(wj, "witnesses", NO_KEYS, NULL, e) || ck_keys(inst, "instance", KEYS, NULL, e))
        goto out;
    const char *part = ck_get_str(inst, "instance", "part", e);
    if (!part || ck_get_int(inst, "instance", "C", &C, e) || ck_get_int(inst, "instance", "N", &N, e)) goto out;
    int p = strcmp(part, "derived") == 0 ? 0 : strcmp(part, "prop2") == 0 ? 1 : -1;
    if (p < 0) {
        ck_fail(e, CK_MALFORMED, "instance.part: \"derived\" or \"prop2\"");
        goto out;
    }
    if (C < 2 || C > 10000 || N < 1 || N > 10000) {
        ck_fail(e, CK_MALFORMED, "instance: C in [2, 10000], N in [1, 10000]");
        goto out;
    }
    I.C = (long)C, I.N = (long)N;
    if (parse_rat(inst, "omega0", I.w0, "1000", e) || parse_rat(inst, "t", I.t, "1000000000000000", e)) goto out;
    if (ck_keys(qj, "quantities", QN, NULL, e)) goto out;
    identity_gap(g[0], &I, 0, 0);
    identity_gap(g[1], &I, 1, 1);
    identity_gap(g[2], &I, 1, 0);
    for (int k = 0; k < 3; k++)
        if (ck_encl_verify_rational(qj, QN[k], g[k], e)) goto out;
    if (verify_bracket(qj, QN[3], &I, 0, la, ha, e) || verify_bracket(qj, QN[4], &I, 1, lb, hb, e)) goto out;
    mpq_sub(a, la, hb), mpq_sub(b, ha, lb); /* omega_derived - omega_prop2 in [a, b] */
    if (verify_contains(qj, QN[5], a, b, e)) goto out;
    mpq_set_si(s, I.C * I.N, 2);
    mpq_canonicalize(s);
    mpq_div(s, s, I.t); /* CN / (2t) */
    mpq_mul(la, la, la), mpq_mul(la, la, s);
    mpq_mul(ha, ha, ha), mpq_mul(ha, ha, s);
    if (verify_contains(qj, QN[6], la, ha, e)) goto out;
    int d = 2;
    if (p == 0 && mpq_sgn(g[0]) == 0) d = 0;
    if (p == 1 && mpq_sgn(g[1]) == 0 && mpq_sgn(g[2]) != 0 && mpq_sgn(a) > 0) d = 1;
    rc = ck_check_decision(as, verdict, AS, V, 3, d, e);
out:
    mpq_clear(I.w0), mpq_clear(I.t);
    for (int k = 0; k < 3; k++) mpq_clear(g[k]);
    mpq_clears(la, ha, lb, hb, a, b, s, NULL);
    return rc;
}
