/* ulpm_example31.c: certifier of ulpm.example-3.1 (seed 001 Example 3.1, eqs. (7)-(11) = seed
 * 000 Example C.1, eqs. (51)-(59)), one certificate per part: separation, kkt, parallel, eq9,
 * curve55, family10, for a given C or for all C in a box. Exact facts (margins, KKT with the
 * multipliers (8), the structure that makes grad L parallel to (W, H), norms and distances of
 * the perturbed points) in rational arithmetic; transcendental quantities as Arb balls over the
 * leaves of a bisection in C (ulpm_example31_box.c). Spec: specs/claims/ulpm.example-3.1.md;
 * why the checks imply the claims: proofs/derivations/ulpm-example-3.1.md. */
#include <stdio.h>
#include <string.h>
#include "cert/cert.h"
#include "claims/claim.h"
#include "claims/ulpm/ulpm_def21_quantity.h"
#include "claims/ulpm/ulpm_example31.h"

static json_t *ulpm_ex31_source(void)
{
    return ulpm_source("Example 3.1 (= Example C.1), eqs. (7)-(11), (51)-(59)",
                       "K=4, n=1, W=H=C M: perfect separation; along the direction of a KKT point of (5) "
                       "with multipliers (8); gradient (9) parallel to (W,H); points (10) / curve (55) on "
                       "the same sphere, arbitrarily close, with lower loss; f'(0)=0, f''(0)<0 (58)-(59)");
}

/* quantity with an exact rational value */
static json_t *exact_q(const fmpq_t v)
{
    arb_t b;
    qsqrt_t e;
    arb_init(b);
    qsqrt_init(e);
    arb_set_fmpq(b, v, 128);
    fmpq_set(e->a, v);
    json_t *j = cert_quantity(b, e, 1);
    arb_clear(b);
    qsqrt_clear(e);
    return j;
}

/* {"lo", "hi", "decimal"} of [lo, hi] exactly (a ball would round the endpoints outward at
 * mag precision and could cross zero); the decimal rendering is Arb's of a ball containing it */
static json_t *hull_quantity(const arf_t lo, const arf_t hi, slong digits)
{
    arb_t b;
    arb_init(b);
    arb_set_interval_arf(b, lo, hi, 4 * digits + 64);
    json_t *j = cert_quantity(b, NULL, 1);            /* lo, hi and decimal replaced below */
    char *dec = arb_get_str(b, digits, ARB_STR_MORE); /* still an enclosure of b, with digits */
    json_object_set_new(j, "decimal", json_string(dec));
    flint_free(dec);
    char *sl = cert_arf_to_hex(lo), *sh = cert_arf_to_hex(hi);
    json_object_set_new(j, "lo", json_string(sl));
    json_object_set_new(j, "hi", json_string(sh));
    flint_free(sl);
    flint_free(sh);
    arb_clear(b);
    return j;
}

/* the interval quantities from the hull; for a point C, separation also gets its exact value */
static void add_hull_quantities(json_t *q, const ulpm_ex31_inst *I, const ulpm_ex31_leaves *L)
{
    const ulpm_ex31_qspec *qs = &ulpm_ex31_qspecs[I->part];
    for (int t = 0; t < qs->nq; t++) {
        if (I->part == EX31_SEPARATION && !I->box) {
            fmpq_t v;
            fmpq_init(v);
            fmpq_mul(v, I->C, I->C);
            fmpq_mul_2exp(v, v, t == 0 ? 2 : 1); /* 4C^2, 2C^2 */
            json_object_set_new(q, qs->names[t], exact_q(v));
            fmpq_clear(v);
        } else {
            json_object_set_new(q, qs->names[t], hull_quantity(&L->hlo[t], &L->hhi[t], I->box ? 6 : 17));
        }
    }
}

static json_t *leaves_json(const ulpm_ex31_inst *I, const ulpm_ex31_leaves *L)
{
    json_t *a = json_array();
    for (slong t = 0; t < L->n; t++) {
        json_t *o = json_object();
        json_object_set_new(o, "C_lo", cert_fmpq_string(L->lo + t));
        json_object_set_new(o, "C_hi", cert_fmpq_string(L->hi + t));
        if (I->part == EX31_FAMILY10) json_object_set_new(o, "eps0_sqrt_log2", json_integer(L->k[t]));
        json_array_append_new(a, o);
    }
    return a;
}

/* the hull's asserted signs */
static int hull_decides(const ulpm_ex31_inst *I, const ulpm_ex31_leaves *L)
{
    const ulpm_ex31_qspec *qs = &ulpm_ex31_qspecs[I->part];
    for (int t = 0; t < qs->nq; t++)
        if ((qs->sign[t] > 0 && arf_sgn(&L->hlo[t]) <= 0) || (qs->sign[t] < 0 && arf_sgn(&L->hhi[t]) >= 0)) return 0;
    return 1;
}

static json_t *kkt_witness(void)
{
    json_t *m = json_array();
    for (int k = 0; k < 4; k++) {
        json_t *row = json_array();
        for (int j = 0; j < 4; j++) json_array_append_new(row, json_string(k != j && k / 2 != j / 2 ? "1/2" : "0"));
        json_array_append_new(m, row);
    }
    json_t *w = json_object();
    json_object_set_new(w, "multipliers", m);
    return w;
}

/* part kkt: exact; returns the assertion and sets *verdict */
static const char *certify_kkt(const ulpm_ex31_inst *I, json_t *q, nc_verdict *verdict)
{
    fmpq_t t2, st, mm, ml, cs;
    fmpq_init(t2);
    fmpq_init(st);
    fmpq_init(mm);
    fmpq_init(ml);
    fmpq_init(cs);
    if (I->norm == EX31_NORM_SQRT2)
        fmpq_set_si(t2, 1, 2); /* (CM)/(sqrt2 C) = M/sqrt2 */
    else if (I->norm == EX31_NORM_2SQRT2)
        fmpq_set_si(t2, 1, 8); /* (CM)/(2 sqrt2 C) */
    else
        fmpq_mul(t2, I->C, I->C); /* CM itself */
    ulpm_ex31_kkt(st, mm, ml, cs, t2);
    json_object_set_new(q, "stationarity_sq", exact_q(st));
    json_object_set_new(q, "min_margin", exact_q(mm));
    json_object_set_new(q, "min_multiplier", exact_q(ml));
    json_object_set_new(q, "complementarity_sq", exact_q(cs));
    const char *as;
    if (fmpq_sgn(ml) < 0)
        as = "negative multiplier in (8)";
    else if (!fmpq_is_zero(st))
        as = "stationarity fails with multipliers (8)";
    else if (fmpq_cmp_ui(mm, 1) < 0)
        as = "infeasible for (5)";
    else if (!fmpq_is_zero(cs))
        as = "complementary slackness fails with multipliers (8)";
    else
        as = "KKT point of (5) with multipliers (8)";
    *verdict = strcmp(as, "KKT point of (5) with multipliers (8)") == 0 ? NC_PROVED : NC_REFUTED;
    fmpq_clear(t2);
    fmpq_clear(st);
    fmpq_clear(mm);
    fmpq_clear(ml);
    fmpq_clear(cs);
    return as;
}

static json_t *parallel_witness(void)
{
    fmpq_t rW[3], rH[3], rIW, rIH;
    for (int g = 0; g < 3; g++) {
        fmpq_init(rW[g]);
        fmpq_init(rH[g]);
    }
    fmpq_init(rIW);
    fmpq_init(rIH);
    ulpm_ex31_parallel_ratios(rW, &rIW, rH, &rIH); /* exists for M: the checker recomputes it */
    json_t *w = json_object(), *g = json_array(), *aw = json_array(), *ah = json_array();
    for (int t = 0; t < 3; t++) {
        char buf[8];
        snprintf(buf, sizeof buf, "%d", -2 * t);
        json_array_append_new(g, json_string(buf));
        json_array_append_new(aw, cert_fmpq_string(rW[t]));
        json_array_append_new(ah, cert_fmpq_string(rH[t]));
    }
    json_object_set_new(w, "gaps", g);
    json_object_set_new(w, "ratios_W", aw);
    json_object_set_new(w, "ratio_identity_W", cert_fmpq_string(rIW));
    json_object_set_new(w, "ratios_H", ah);
    json_object_set_new(w, "ratio_identity_H", cert_fmpq_string(rIH));
    for (int t = 0; t < 3; t++) {
        fmpq_clear(rW[t]);
        fmpq_clear(rH[t]);
    }
    fmpq_clear(rIW);
    fmpq_clear(rIH);
    return w;
}

/* rad(x) += |mid(x)| 2^-shift */
static void pad_relative(arb_t x, slong shift)
{
    mag_t m;
    mag_init(m);
    arf_get_mag(m, arb_midref(x));
    mag_mul_2exp_si(m, m, -shift);
    mag_add(arb_radref(x), arb_radref(x), m);
    mag_clear(m);
}

/* curve55 / family10 at a given C: the exact point, its norms, distance and loss difference.
 * Returns 1 iff the loss difference has the asserted sign (curve55: < 0, family10: > 0). */
static int perturbed_point(const ulpm_ex31_inst *I, json_t *w, json_t *q, slong k, slong prec)
{
    fmpq_mat_t W0, W1, H1;
    fmpq_t a, s, x, y;
    arb_t d;
    fmpq_mat_init(W0, 4, 4);
    fmpq_mat_init(W1, 4, 4);
    fmpq_mat_init(H1, 4, 4);
    fmpq_init(a);
    fmpq_init(s);
    fmpq_init(x);
    fmpq_init(y);
    arb_init(d);
    ulpm_ex31_M(W0);
    fmpq_mat_scalar_mul_fmpq(W0, W0, I->C);
    if (I->part == EX31_CURVE55) { /* t = 1/32: a = 2t/(2-t^2) = 64/2047, s = (2+t^2)/(2-t^2) = 2049/2047 */
        fmpq_set_si(a, 64, 2047);
        fmpq_set_si(s, 2049, 2047);
        ulpm_ex31_curve55(W1, H1, I->C, a, s);
        json_object_set_new(w, "a", cert_fmpq_string(a));
        json_object_set_new(w, "s", cert_fmpq_string(s));
    } else { /* t = 2^-(k+1): 1 + alpha = eps0 / (1 + 2t^2) < eps0 */
        fmpq_one(s);
        fmpz_mul_2exp(fmpq_denref(s), fmpq_denref(s), (ulong)(k + 1));
        ulpm_ex31_family10(W1, H1, a, x, I->C, s);
        json_object_set_new(w, "t", cert_fmpq_string(s));
        json_object_set_new(w, "eps0_sqrt_log2", json_integer(k));
    }
    exact_mat_frob2(x, W1);
    exact_mat_frob2(y, W0);
    fmpq_sub(x, x, y);
    json_object_set_new(q, "norm_W_diff", exact_q(x));
    exact_mat_frob2(x, H1);
    fmpq_sub(x, x, y);
    json_object_set_new(q, "norm_H_diff", exact_q(x));
    exact_mat_dist2(x, W1, W0);
    exact_mat_dist2(y, H1, W0);
    fmpq_add(x, x, y);
    json_object_set_new(q, "dist_sq", exact_q(x));
    ulpm_ex31_loss_diff(d, W1, H1, I->C, prec);
    pad_relative(d, prec / 2); /* room for the checker's own rounding */
    int ok = I->part == EX31_CURVE55 ? arb_is_negative(d) : arb_is_positive(d);
    json_object_set_new(q, "loss_diff", cert_quantity(d, NULL, 1));
    fmpq_mat_clear(W0);
    fmpq_mat_clear(W1);
    fmpq_mat_clear(H1);
    fmpq_clear(a);
    fmpq_clear(s);
    fmpq_clear(x);
    fmpq_clear(y);
    arb_clear(d);
    return ok;
}

static const char *const ASSERT_OK[EX31_NPARTS] = {
    [EX31_SEPARATION] = "all margins > 0",
    [EX31_PARALLEL] = "grad L = mu (W, H) with mu < 0",
    [EX31_EQ9] = "(9) disagrees with the gradient of (4)",
    [EX31_CURVE55] = "L decreases along (55): f''(0) < 0",
    [EX31_FAMILY10] = "(11) fails along (10) near (W, H)",
};

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(ulpm, example31, "ulpm.example-3.1", "Example 3.1 (= C.1)",
              "bad KKT point, K=4, n=1: curvature along (10), (55)-(59)");

int ulpm_example31_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    ulpm_ex31_inst I;
    if (ulpm_ex31_inst_parse(&I, instance_json, err)) {
        ulpm_ex31_inst_clear(&I);
        return err->status;
    }
    json_t *w = json_object(), *q = json_object();
    const char *assertion = "none";
    nc_verdict verdict = NC_INCONCLUSIVE;
    int tier = 2;
    slong prec = 0;
    if (I.part == EX31_KKT) {
        assertion = certify_kkt(&I, q, &verdict);
        json_t *kw = kkt_witness();
        json_object_update(w, kw);
        json_decref(kw);
    } else {
        double cmax = fmpq_get_d(I.box ? I.C_hi : I.C);
        /* a point needs the loss differences of (10) and (55) (cancellation of ~6 C^2 bits); a
         * box only the signs of well-resolved leaves (cancellation of ~3 C^2 bits in mu) */
        slong p0 = I.box ? 96 + 4 * (slong)(cmax * cmax + 1) : 128 + 16 * (slong)(cmax * cmax + 1);
        ulpm_ex31_leaves L;
        ulpm_ex31_leaves_init(&L);
        int decided = 0;
        for (prec = p0; prec <= o->max_prec || prec == p0; prec *= 2) {
            json_object_clear(w);
            json_object_clear(q);
            if (ulpm_ex31_bisect(&L, &I, prec) || !hull_decides(&I, &L)) continue;
            int ok = 1;
            if (I.part == EX31_SEPARATION) {
                json_object_set_new(w, "k", json_integer(0));
                json_object_set_new(w, "j", json_integer(2));
            } else if (I.part == EX31_PARALLEL) {
                json_t *pw = parallel_witness();
                json_object_update(w, pw);
                json_decref(pw);
            } else if (I.part == EX31_EQ9) {
                json_object_set_new(w, "row", json_integer(0));
                json_object_set_new(w, "col", json_integer(0));
            }
            if (I.box) json_object_set_new(w, "leaves", leaves_json(&I, &L));
            add_hull_quantities(q, &I, &L);
            if (I.part == EX31_PARALLEL) {
                fmpq_t z;
                fmpq_init(z);
                json_object_set_new(q, "residual_sq", exact_q(z));
                fmpq_clear(z);
            }
            if (!I.box && (I.part == EX31_CURVE55 || I.part == EX31_FAMILY10))
                ok = perturbed_point(&I, w, q, L.k[0], prec);
            if (ok) {
                decided = 1;
                break;
            }
        }
        if (prec > o->max_prec) prec = o->max_prec;
        tier = I.part == EX31_SEPARATION && !I.box ? 2 : 1;
        if (decided) {
            assertion = ASSERT_OK[I.part];
            verdict = (I.part == EX31_EQ9 || I.part == EX31_FAMILY10) ? NC_REFUTED : NC_PROVED;
        } else {
            json_object_clear(w);
            json_object_clear(q);
        }
        ulpm_ex31_leaves_clear(&L);
    }
    *cert = cert_assemble("ulpm.example-3.1", ulpm_ex31_source(), ulpm_ex31_inst_to_json(&I), cert_method(tier, prec),
                          assertion, w, q, verdict);
    ulpm_ex31_inst_clear(&I);
    return 0;
}

/* The command line of ulpm.example-3.1 (claim.h, claim_cli). */
static const claim_kind cli_kind = {"example-3.1/1",
                                    "Example 3.1's point at C, one part: separation, kkt, parallel, eq9, "
                                    "curve55, family10 [, normalisation] (specs/claims/ulpm.example-3.1.md)",
                                    NULL, NULL};
static const claim_kind cli_kind_box = {"example-3.1-box/1",
                                        "one part for every C in [C_lo, C_hi] "
                                        "(specs/claims/ulpm.example-3.1.md)",
                                        NULL, NULL};
static const claim_use cli_uses[] = {
    {&cli_kind, "--instance-json '{\"kind\":\"example-3.1/1\",\"C\":\"1\",\"part\":\"separation\"}'"},
    {&cli_kind_box,
     "--instance-json '{\"kind\":\"example-3.1-box/1\",\"C_lo\":\"1/10\",\"C_hi\":\"4\",\"part\":\"eq9\"}'"},
    {NULL, NULL}};
const claim_cli ulpm_example31_cli = {cli_uses, 1};
