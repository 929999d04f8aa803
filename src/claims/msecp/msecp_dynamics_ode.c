/* msecp_dynamics_ode.c: the msecp-ode/1 part of msecp.dynamics (proofs/derivations/
 * msecp-dynamics.md, section 3). Laws of omega = omega_j: the defined flow (eq. (5) with
 * Proposition 4's Pi) omega' = f_a(omega) = omega/(CN(C + omega^2)); Lemma 5's
 * omega' = f_b(omega) = omega/(N(C + omega^2)^2). Closed forms F(w) = c1 log w + c2 w^2 + c3 w^4:
 * F_a = (C^2 N, CN/2, 0) (derived), F_b = (C^2 N, CN, N/4) (Proposition 2 as printed).
 * Exact part: the polynomial identities w F'(w) = w / f(w) (F' f = 1: the closed form is constant
 * minus t along the ODE) as sums of squared coefficients of the difference. Rigorous part: the
 * root omega(t) of F(w) = F(omega0) + t (F strictly increasing on w > 0) bracketed by Arb
 * bisection with certified signs; the bracket endpoints are the enclosure. */
#include <string.h>
#include <flint/fmpq_poly.h>
#include <arb.h>
#include "claims/msecp/msecp_dynamics.h"
#include "cert/cert.h"
#include "instance/entry_parse.h"

#define ODE_PREC 192
#define ODE_NQ 7
static const char *const QN[ODE_NQ] = {"derived_identity_gap", "prop2_identity_gap", "prop2_vs_derived_gap",
                                       "omega_derived",        "omega_prop2",        "omega_gap",
                                       "cor1_ratio_sq"};
static const char *const AS[3] = {
    "the closed form C^2 N log w + (CN/2) w^2 = t + a solves the defined flow's law "
    "omega' = omega/(CN(C+omega^2)) exactly, and omega(t) lies in omega_derived",
    "Proposition 2 (c1 = C^2 N, c2 = CN, c3 = N/4) solves Lemma 5's ODE but not the defined flow's: "
    "at t the two omega(t) differ (omega_gap excludes 0)",
    "none"};

typedef struct {
    long C, N;
    fmpq_t w0, t;
    int part; /* 0 derived, 1 prop2 */
} ode_inst;

/* (c1, c2, c3) of the closed form of law 0 (derived) or 1 (Proposition 2) */
static void closed_coeffs(fmpq_t c1, fmpq_t c2, fmpq_t c3, long C, long N, int law)
{
    fmpq_set_si(c1, C * C * N, 1);
    if (law == 0)
        fmpq_set_si(c2, C * N, 2), fmpq_zero(c3);
    else
        fmpq_set_si(c2, C * N, 1), fmpq_set_si(c3, N, 4);
}

/* out = sum of squared coefficients of w F'(w) - w / f(w): F of closed form FL, f of law L */
static void identity_gap(fmpq_t out, long C, long N, int FL, int L)
{
    fmpq_t c1, c2, c3, x;
    fmpq_poly_t p, dp, wF, r, s;
    fmpq_init(c1), fmpq_init(c2), fmpq_init(c3), fmpq_init(x);
    fmpq_poly_init(p), fmpq_poly_init(dp), fmpq_poly_init(wF), fmpq_poly_init(r), fmpq_poly_init(s);
    closed_coeffs(c1, c2, c3, C, N, FL);
    fmpq_poly_set_coeff_fmpq(p, 2, c2), fmpq_poly_set_coeff_fmpq(p, 4, c3); /* polynomial part */
    fmpq_poly_derivative(dp, p);
    fmpq_poly_shift_left(wF, dp, 1); /* w p'(w) */
    fmpq_poly_set_fmpq(r, c1);
    fmpq_poly_add(wF, wF, r); /* + w (c1 log w)' */
    fmpq_poly_zero(s);        /* s = C + w^2 */
    fmpq_poly_set_coeff_si(s, 0, C), fmpq_poly_set_coeff_si(s, 2, 1);
    if (L == 0)
        fmpq_poly_scalar_mul_si(r, s, C * N); /* w / f_a */
    else
        fmpq_poly_mul(r, s, s), fmpq_poly_scalar_mul_si(r, r, N); /* w / f_b */
    fmpq_poly_sub(wF, wF, r);
    fmpq_zero(out);
    for (slong k = 0; k < fmpq_poly_length(wF); k++) {
        fmpq_poly_get_coeff_fmpq(x, wF, k);
        fmpq_mul(x, x, x);
        fmpq_add(out, out, x);
    }
    fmpq_clear(c1), fmpq_clear(c2), fmpq_clear(c3), fmpq_clear(x);
    fmpq_poly_clear(p), fmpq_poly_clear(dp), fmpq_poly_clear(wF), fmpq_poly_clear(r), fmpq_poly_clear(s);
}

/* F(w) of closed form `law` (contract: the output ball contains the exact value for every w in the ball) */
static void F_eval(arb_t F, const arb_t w, long C, long N, int law, slong prec)
{
    fmpq_t c1, c2, c3;
    arb_t l, s, u;
    fmpq_init(c1), fmpq_init(c2), fmpq_init(c3);
    arb_init(l), arb_init(s), arb_init(u);
    closed_coeffs(c1, c2, c3, C, N, law);
    arb_log(l, w, prec);
    arb_mul_fmpz(l, l, fmpq_numref(c1), prec);
    arb_mul(s, w, w, prec);
    arb_set_fmpq(u, c2, prec); /* c2, c3 are dyadic: exact */
    arb_mul(u, u, s, prec);
    arb_add(F, l, u, prec);
    arb_mul(s, s, s, prec);
    arb_set_fmpq(l, c3, prec);
    arb_mul(u, l, s, prec);
    arb_add(F, F, u, prec);
    fmpq_clear(c1), fmpq_clear(c2), fmpq_clear(c3);
    arb_clear(l), arb_clear(s), arb_clear(u);
}

/* out = a ball containing [lo, hi] with F(lo) < F(w0) + t < F(hi) certified (so the root is in
 * it); 0 when no bracket could be certified. */
static int root_enclose(arb_t out, const ode_inst *I, int law)
{
    arb_t T, v, x;
    arf_t lo, hi, mid;
    arb_init(T), arb_init(v), arb_init(x);
    arf_init(lo), arf_init(hi), arf_init(mid);
    int ok = 0;
    arb_set_fmpq(x, I->w0, ODE_PREC);
    F_eval(T, x, I->C, I->N, law, ODE_PREC);
    arb_set_fmpq(v, I->t, ODE_PREC);
    arb_add(T, T, v, ODE_PREC); /* target F(omega0) + t */
    arb_get_lbound_arf(lo, x, ODE_PREC);
    arf_set_d(hi, 1.0);
    arf_add(hi, hi, lo, ODE_PREC, ARF_RND_UP);
    for (int k = 0; k < 200; k++) { /* grow hi until F(hi) > target */
        arb_set_arf(x, hi);
        F_eval(v, x, I->C, I->N, law, ODE_PREC);
        arb_sub(v, v, T, ODE_PREC);
        if (arb_is_positive(v)) {
            ok = 1;
            break;
        }
        arf_mul_2exp_si(hi, hi, 1);
    }
    arb_set_arf(x, lo); /* lo must be certified below */
    F_eval(v, x, I->C, I->N, law, ODE_PREC);
    arb_sub(v, v, T, ODE_PREC);
    ok = ok && arb_is_negative(v);
    for (int k = 0; ok && k < ODE_PREC + 200; k++) {
        arf_add(mid, lo, hi, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_mul_2exp_si(mid, mid, -1);
        arb_set_arf(x, mid);
        F_eval(v, x, I->C, I->N, law, ODE_PREC);
        arb_sub(v, v, T, ODE_PREC);
        if (arb_is_negative(v))
            arf_set(lo, mid);
        else if (arb_is_positive(v))
            arf_set(hi, mid);
        else
            break; /* sign not decidable: stop */
    }
    if (ok) arb_set_interval_arf(out, lo, hi, ODE_PREC);
    arb_clear(T), arb_clear(v), arb_clear(x);
    arf_clear(lo), arf_clear(hi), arf_clear(mid);
    return ok;
}

static int get_long(json_t *j, const char *k, long lo, long hi, long *v, nc_error *err)
{
    json_t *x = json_object_get(j, k);
    if (!json_is_integer(x) || json_integer_value(x) < lo || json_integer_value(x) > hi)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp-ode/1: \"%s\" must be an integer in [%ld, %ld]", k, lo, hi);
    *v = (long)json_integer_value(x);
    return 0;
}

/* q in [lo, hi] given as rationals */
static int get_rat(json_t *j, const char *k, fmpq_t q, const char *lo, const char *hi, nc_error *err)
{
    const char *s = json_string_value(json_object_get(j, k));
    fmpq_t a, b;
    fmpq_init(a), fmpq_init(b);
    fmpq_set_str(a, lo, 10), fmpq_set_str(b, hi, 10);
    int bad =
        !s || strlen(s) > 64 || entry_parse_fmpq(q, s) || fmpq_cmp(q, a) < 0 || fmpq_cmp(q, b) > 0 || fmpq_is_zero(q);
    fmpq_clear(a), fmpq_clear(b);
    if (bad)
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "msecp-ode/1: \"%s\" must be a rational string (at most 64 characters) in (%s, %s]", k, lo,
                            hi);
    return 0;
}

static int ode_parse(ode_inst *I, json_t *j, nc_error *err)
{
    static const char *const KEYS[] = {"kind", "part", "C", "N", "omega0", "t", NULL};
    const char *key;
    json_t *v;
    json_object_foreach(j, key, v)
    {
        int known = 0;
        for (int k = 0; KEYS[k]; k++) known |= strcmp(key, KEYS[k]) == 0;
        if (!known) return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp-ode/1: unknown key \"%s\"", key);
    }
    const char *part = json_string_value(json_object_get(j, "part"));
    if (part && strcmp(part, "derived") == 0)
        I->part = 0;
    else if (part && strcmp(part, "prop2") == 0)
        I->part = 1;
    else
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "msecp-ode/1: \"part\" must be \"derived\" or \"prop2\"");
    if (get_long(j, "C", 2, 10000, &I->C, err) || get_long(j, "N", 1, 10000, &I->N, err)) return err->status;
    if (get_rat(j, "omega0", I->w0, "0", "1000", err) || get_rat(j, "t", I->t, "0", "1000000000000000", err))
        return err->status;
    return 0;
}

static json_t *q_rat(const fmpq_t v)
{
    arb_t x;
    qsqrt_t e;
    arb_init(x), qsqrt_init(e);
    arb_set_fmpq(x, v, 128);
    fmpq_set(e->a, v), fmpq_zero(e->b);
    json_t *q = cert_quantity(x, e, 1);
    arb_clear(x), qsqrt_clear(e);
    return q;
}

int msecp_dynamics_ode_certify(json_t *inst, json_t **cert, nc_error *err)
{
    ode_inst I;
    fmpq_init(I.w0), fmpq_init(I.t);
    if (ode_parse(&I, inst, err)) {
        fmpq_clear(I.w0), fmpq_clear(I.t);
        return err->status;
    }
    fmpq_t g[3];
    arb_t wa, wb, gap, r;
    for (int k = 0; k < 3; k++) fmpq_init(g[k]);
    arb_init(wa), arb_init(wb), arb_init(gap), arb_init(r);
    identity_gap(g[0], I.C, I.N, 0, 0); /* F_a against f_a */
    identity_gap(g[1], I.C, I.N, 1, 1); /* Proposition 2 against Lemma 5 */
    identity_gap(g[2], I.C, I.N, 1, 0); /* Proposition 2 against the defined flow */
    int oka = root_enclose(wa, &I, 0), okb = root_enclose(wb, &I, 1);
    arb_sub(gap, wa, wb, ODE_PREC);
    /* cor1_ratio_sq = omega_derived^2 CN / (2t): Corollary 1 item 2 (main text) at finite t */
    arb_mul(r, wa, wa, ODE_PREC);
    arb_mul_si(r, r, I.C * I.N, ODE_PREC);
    arb_div_fmpz(r, r, fmpq_numref(I.t), ODE_PREC);
    arb_mul_fmpz(r, r, fmpq_denref(I.t), ODE_PREC);
    arb_mul_2exp_si(r, r, -1);
    int d = 2;
    if (I.part == 0 && oka && fmpq_is_zero(g[0])) d = 0;
    if (I.part == 1 && oka && okb && fmpq_is_zero(g[1]) && !fmpq_is_zero(g[2]) && arb_is_positive(gap)) d = 1;
    if (!oka) arb_zero(wa), arb_zero(gap), arb_zero(r); /* INCONCLUSIVE: nccheck rejects it anyway */
    if (!okb) arb_zero(wb), arb_zero(gap);
    json_t *qs = json_object();
    for (int k = 0; k < 3; k++) json_object_set_new(qs, QN[k], q_rat(g[k]));
    json_object_set_new(qs, QN[3], cert_quantity(wa, NULL, 1));
    json_object_set_new(qs, QN[4], cert_quantity(wb, NULL, 1));
    json_object_set_new(qs, QN[5], cert_quantity(gap, NULL, 1));
    json_object_set_new(qs, QN[6], cert_quantity(r, NULL, 1));
    static const nc_verdict V[3] = {NC_PROVED, NC_REFUTED, NC_INCONCLUSIVE};
    *cert = cert_assemble("msecp.dynamics", msecp_dynamics_source(), json_deep_copy(inst), cert_method(1, ODE_PREC),
                          AS[d], json_object(), qs, V[d]);
    for (int k = 0; k < 3; k++) fmpq_clear(g[k]);
    arb_clear(wa), arb_clear(wb), arb_clear(gap), arb_clear(r);
    fmpq_clear(I.w0), fmpq_clear(I.t);
    return 0;
}
