/* check_imbrelu_prop1_cor13.c: owns the check of imbrelu.prop-1-cor-1-3 on a concrete
 * instance (imbrelu/1; the box kind is checked in check_imbrelu_prop1_cor13_box.c). The
 * checker rebuilds Theorem 1's minimiser with the corrected M_k (MPFI, 512 bits), the Gram
 * matrix G = W W^T, and every printed formula of Proposition 1 / Corollaries 1-3 with M_k of
 * the reading; each stated enclosure must contain its interval; the quantity set must be exactly
 * the one its own rules produce; it derives each formula's status (AGREES: every |diff| <
 * 2^-100; DISAGREES: some diff excludes 0; UNDECIDED; UNDEFINED: nothing defined), compares it
 * with witnesses.formulas, and derives assertion and verdict (REFUTED iff some DISAGREES). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_alloc.h"
#include "check_limits.h"
#include "check_claims.h"
#include "imbrelu/check_imbrelu_common.h"
#include "check_ce.h"

int ck_imbrelu_prop1_cor13_box(const json_t *root, ck_verdict verdict, ck_err *e);

enum { ST_UNDEF, ST_AGREE, ST_UNDEC, ST_DIS };
static const char *const ST_NAME[] = {"UNDEFINED", "AGREES", "UNDECIDED", "DISAGREES"};
enum { F_NORM, F_INNER, F_COS, F_ETF, F_WWT, F_Z, F_WRATIO, F_HBOTH, F_HSQN, F_MONO, F_C15, F_C16, F_ORDER, F_COUNT };
static const char *const F_NAME[] = {"prop1.norm",
                                     "prop1.inner",
                                     "prop1.cos",
                                     "prop1.etf",
                                     "cor1.WWT",
                                     "cor1.Z",
                                     "cor2.w_ratio",
                                     "cor2.h_ratio.sqrt_both",
                                     "cor2.h_ratio.sqrt_n",
                                     "cor2.monotone",
                                     "cor3.15",
                                     "cor3.16",
                                     "cor3.order"};

typedef struct {
    const ck_imbrelu_inst *in;
    long K, iA, iB, KA, KB;
    int balanced, two_group, dead_all, rdead_all;
    mpfi_ptr M, Mr, r, W, G, s;
    mpfi_t a, P, S, x, y, t;
    ck_imbrelu_qlist ql;
    int st[F_COUNT], sel[F_COUNT];
} pk_ctx;

static int st_diff(mpfi_srcptr d)
{
    if (!mpfi_has_zero(d)) return ST_DIS;
    return (mpfr_cmp_si_2exp(&d->left, -1, -100) > 0 && mpfr_cmp_ui_2exp(&d->right, 1, -100) < 0) ? ST_AGREE : ST_UNDEC;
}
static int st_pos(mpfi_srcptr g)
{
    return mpfr_sgn(&g->left) > 0 ? ST_AGREE : mpfr_sgn(&g->right) < 0 ? ST_DIS : ST_UNDEC;
}
static int st_dev(mpfi_srcptr d)
{
    return mpfr_sgn(&d->left) > 0 ? ST_DIS : mpfr_cmp_ui_2exp(&d->right, 1, -100) < 0 ? ST_AGREE : ST_UNDEC;
}

static void put(pk_ctx *c, const char *base, const char *idx, mpfi_srcptr x)
{
    char *nm = ck_malloc(strlen(base) + strlen(idx) + 1);
    sprintf(nm, "%s%s", base, idx);
    ck_imbrelu_q_interval(&c->ql, nm, -1, x);
    ck_free(nm);
}
static void putf(pk_ctx *c, int f, const char *idx, mpfi_srcptr x, int st)
{
    put(c, F_NAME[f], idx, x);
    if (st > c->st[f]) c->st[f] = st;
}

static void cosine(mpfi_t out, pk_ctx *c, long k, long j)
{
    mpfi_mul(c->t, c->G + k * c->K + k, c->G + j * c->K + j);
    mpfi_sqrt(c->t, c->t);
    mpfi_div(out, c->G + k * c->K + j, c->t);
}
static void Dk(mpfi_t out, const pk_ctx *c, long k)
{
    mpfi_mul_si(out, c->s + k, (c->K - 1) * (c->K - 1) - 1);
    mpfi_add(out, out, c->S);
}

static void pair(pk_ctx *c, long k, long j)
{
    long K = c->K;
    char idx[48];
    mpfi_t u;
    mpfi_init2(u, CK_IMBRELU_PREC);
    snprintf(idx, sizeof idx, "[%ld,%ld]", k, j);
    if (c->sel[F_INNER]) {
        mpfi_add(c->t, c->s + k, c->s + j);
        mpfi_mul_si(c->t, c->t, K);
        mpfi_sub(c->x, c->S, c->t);
        mpfi_mul(c->x, c->x, c->P);
        mpfi_sub(c->x, c->x, c->G + k * K + j);
        putf(c, F_INNER, idx, c->x, st_diff(c->x));
    }
    int wdef = !c->dead_all && !c->rdead_all;
    if (c->sel[F_COS] && wdef) {
        mpfi_add(c->t, c->s + k, c->s + j);
        mpfi_mul_si(c->t, c->t, K);
        mpfi_sub(c->x, c->S, c->t);
        Dk(c->y, c, k);
        Dk(u, c, j);
        mpfi_mul(c->y, c->y, u);
        mpfi_sqrt(c->y, c->y);
        mpfi_div(c->x, c->x, c->y);
        cosine(c->y, c, k, j);
        mpfi_sub(c->x, c->x, c->y);
        putf(c, F_COS, idx, c->x, st_diff(c->x));
    }
    if (c->sel[F_WRATIO] && wdef) {
        Dk(c->x, c, k);
        Dk(u, c, j);
        mpfi_div(c->x, c->x, u);
        mpfi_div(c->y, c->G + k * K + k, c->G + j * K + j);
        mpfi_sub(c->x, c->x, c->y);
        putf(c, F_WRATIO, idx, c->x, st_diff(c->x));
    }
    if ((c->sel[F_HBOTH] || c->sel[F_HSQN]) && !mpfi_is_zero(c->M + j) && !mpfi_is_zero(c->Mr + j)) {
        mpfi_sqr(c->y, c->r + k);
        mpfi_sqr(u, c->r + j);
        mpfi_div(c->y, c->y, u);
        if (c->sel[F_HBOTH]) {
            mpfi_mul_si(c->x, c->Mr + k, c->in->n[j]);
            mpfi_mul_si(u, c->Mr + j, c->in->n[k]);
            mpfi_div(c->x, c->x, u);
            mpfi_sqrt(c->x, c->x);
            mpfi_sub(c->x, c->x, c->y);
            putf(c, F_HBOTH, idx, c->x, st_diff(c->x));
        }
        if (c->sel[F_HSQN]) {
            mpfi_set_si(c->x, c->in->n[j]);
            mpfi_div_si(c->x, c->x, c->in->n[k]);
            mpfi_sqrt(c->x, c->x);
            mpfi_mul(c->x, c->x, c->Mr + k);
            mpfi_div(c->x, c->x, c->Mr + j);
            mpfi_sub(c->x, c->x, c->y);
            putf(c, F_HSQN, idx, c->x, st_diff(c->x));
        }
    }
    if (c->sel[F_MONO] && c->in->n[k] != c->in->n[j]) {
        long i = c->in->n[k] > c->in->n[j] ? k : j, l = i == k ? j : k;
        snprintf(idx, sizeof idx, "[%ld,%ld]", i, l);
        mpfi_sub(c->x, c->G + i * K + i, c->G + l * K + l);
        putf(c, F_MONO, idx, c->x, (K == 2 || mpfi_is_zero(c->M + i)) ? ST_AGREE : st_pos(c->x));
    }
    mpfi_clear(u);
}

static void etf_dev(mpfi_t dev, pk_ctx *c, mpfi_srcptr X)
{
    long K = c->K;
    mpfi_t cc;
    mpfi_init2(cc, CK_IMBRELU_PREC);
    mpfi_mul_si(cc, X, K);
    mpfi_div_si(cc, cc, K - 1);
    mpfi_set_ui(dev, 0);
    for (long k = 0; k < K; k++)
        for (long j = 0; j < K; j++) {
            mpfi_div_si(c->t, cc, K);
            mpfi_neg(c->t, c->t);
            if (k == j) mpfi_add(c->t, c->t, cc);
            mpfi_sub(c->t, X + k * K + j, c->t);
            mpfi_abs(c->t, c->t);
            mpfr_max(&dev->left, &dev->left, &c->t->left, MPFR_RNDD);
            mpfr_max(&dev->right, &dev->right, &c->t->right, MPFR_RNDU);
        }
    mpfi_clear(cc);
}

static long second_of(const pk_ctx *c, long i)
{
    for (long k = i + 1; k < c->K; k++)
        if (c->in->n[k] == c->in->n[i]) return k;
    return -1;
}

static void cor3(pk_ctx *c, int major)
{
    long K = c->K, iX = major ? c->iA : c->iB, iY = major ? c->iB : c->iA, KX = major ? c->KA : c->KB;
    long KY = major ? c->KB : c->KA;
    int f = major ? F_C15 : F_C16;
    if (!c->sel[f] || KX < 2 || c->dead_all || (mpfi_is_zero(c->Mr + iX) && mpfi_is_zero(c->Mr + iY))) return;
    long j2 = second_of(c, iX);
    mpfi_mul_si(c->x, c->s + iX, K * K - K - KY);
    mpfi_mul_si(c->t, c->s + iY, KY);
    mpfi_add(c->x, c->x, c->t);
    mpfi_mul_si(c->y, c->s + iX, K * K);
    mpfi_div(c->x, c->y, c->x);
    mpfi_ui_sub(c->x, 1, c->x);
    cosine(c->y, c, iX, j2);
    mpfi_sub(c->x, c->x, c->y);
    char idx[48];
    snprintf(idx, sizeof idx, "[%ld,%ld]", iX, j2);
    putf(c, f, idx, c->x, st_diff(c->x));
}

/* applicability and the instance's "formulas" selection (malformed selections are refused) */
static int select_formulas(pk_ctx *c, const json_t *inst, ck_err *e)
{
    int appl[F_COUNT];
    for (int f = 0; f < F_COUNT; f++) appl[f] = 1;
    appl[F_ETF] = appl[F_WWT] = appl[F_Z] = c->balanced;
    appl[F_C15] = appl[F_C16] = appl[F_ORDER] = c->two_group;
    const json_t *fs = json_object_get(inst, "formulas");
    if (!fs) {
        memcpy(c->sel, appl, sizeof appl);
        return 0;
    }
    if (!json_is_array(fs) || json_array_size(fs) == 0) {
        ck_fail(e, CK_MALFORMED, "instance.formulas: non-empty array");
        return -1;
    }
    for (size_t t = 0; t < json_array_size(fs); t++) {
        const json_t *x = json_array_get(fs, t);
        int f = 0;
        while (f < F_COUNT && !(json_is_string(x) && !strcmp(json_string_value(x), F_NAME[f]))) f++;
        if (f == F_COUNT || c->sel[f] || !appl[f]) {
            ck_fail(e, CK_MALFORMED, "instance.formulas[%zu]: unknown, repeated or not applicable", t);
            return -1;
        }
        c->sel[f] = 1;
    }
    return 0;
}

static const char *const EXTRA[] = {"formulas", NULL};

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(imbrelu, prop1_cor13, "imbrelu.prop-1-cor-1-3");

int ck_claim_imbrelu_prop1_cor13(const json_t *root, ck_verdict verdict, ck_err *e)
{
    const json_t *inst = json_object_get(root, "instance");
    const json_t *kind = json_is_object(inst) ? json_object_get(inst, "kind") : NULL;
    if (json_is_string(kind) && !strcmp(json_string_value(kind), "imbrelu-cor3-box/1"))
        return ck_imbrelu_prop1_cor13_box(root, verdict, e);
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    json_t *w = ck_get_obj(root, "certificate", "witnesses", e), *q = ck_get_obj(root, "certificate", "quantities", e);
    if (!as || !w || !q) return -1;
    static const char *const WK[] = {"formulas", NULL};
    if (ck_keys(w, "witnesses", WK, NULL, e)) return -1;
    json_t *wf = ck_get_obj(w, "witnesses", "formulas", e);
    if (!wf) return -1;
    ck_imbrelu_inst in;
    if (ck_imbrelu_inst_parse_thm1(inst, EXTRA, &in, e)) return -1;
    /* limits: the point (K^2 intervals) and the selected formulas per class (K^2 each) */
    if (ck_imbrelu_limit(&in, "imbrelu.prop-1-cor-1-3",
                         ((double)in.K * in.K + 8.0 * in.K) * ck_mpfi_bytes(CK_IMBRELU_PREC), 16.0 * in.K * in.K * in.K,
                         e))
        return -1;
    long K = in.K;
    pk_ctx c;
    memset(&c, 0, sizeof c);
    c.in = &in, c.K = K, c.iA = c.iB = -1, c.balanced = 1;
    ck_imbrelu_qlist_init(&c.ql, q, e);
    long nA = in.n[0], nB = in.n[0];
    for (long k = 0; k < K; k++) {
        if (in.n[k] != in.n[0]) c.balanced = 0;
        if (in.n[k] > nA) nA = in.n[k];
        if (in.n[k] < nB) nB = in.n[k];
    }
    c.two_group = nA != nB;
    for (long k = 0; k < K; k++) {
        if (in.n[k] != nA && in.n[k] != nB) c.two_group = 0;
        if (in.n[k] == nA) {
            c.KA++;
            if (c.iA < 0) c.iA = k;
        }
        if (in.n[k] == nB) {
            c.KB++;
            if (c.iB < 0) c.iB = k;
        }
    }
    int rc = -1;
    c.M = ck_ivec_init(K, CK_IMBRELU_PREC), c.Mr = ck_ivec_init(K, CK_IMBRELU_PREC),
    c.r = ck_ivec_init(K, CK_IMBRELU_PREC), c.s = ck_ivec_init(K, CK_IMBRELU_PREC),
    c.W = ck_ivec_init(K * K, CK_IMBRELU_PREC), c.G = ck_ivec_init(K * K, CK_IMBRELU_PREC);
    mpfi_ptr all[] = {c.a, c.P, c.S, c.x, c.y, c.t};
    for (int i = 0; i < 6; i++) mpfi_init2(all[i], CK_IMBRELU_PREC), mpfi_set_ui(all[i], 0);
    if (select_formulas(&c, inst, e)) goto out;
    c.dead_all = c.rdead_all = 1;
    for (long k = 0; k < K; k++) {
        ck_imbrelu_M(c.M + k, &in, k, 0);
        ck_imbrelu_M(c.Mr + k, &in, k, in.printed);
        if (!mpfi_is_zero(c.M + k)) c.dead_all = 0;
        if (!mpfi_is_zero(c.Mr + k)) c.rdead_all = 0;
        mpfi_set_ui(c.s + k, (unsigned long)in.n[k]);
        mpfi_sqrt(c.s + k, c.s + k);
        mpfi_mul(c.s + k, c.s + k, c.Mr + k);
        mpfi_add(c.S, c.S, c.s + k);
    }
    ck_imbrelu_point(c.r, c.a, &in, c.M);
    for (long j = 0; j < K; j++) {
        mpfi_set_ui(c.t, (unsigned long)in.n[j]);
        mpfi_sqrt(c.t, c.t);
        mpfi_mul(c.t, c.t, c.r + j);
        mpfi_mul(c.t, c.t, c.a);
        for (long m = 0; m < K; m++) mpfi_mul_si(c.W + m * K + j, c.t, m == j ? K - 1 : -1);
    }
    for (long k = 0; k < K; k++)
        for (long j = 0; j < K; j++) {
            mpfi_set_ui(c.x, 0);
            for (long m = 0; m < K; m++) {
                mpfi_mul(c.t, c.W + k * K + m, c.W + j * K + m);
                mpfi_add(c.x, c.x, c.t);
            }
            mpfi_set(c.G + k * K + j, c.x);
        }
    mpfi_set_q(c.P, in.lamH);
    mpfi_div_q(c.P, c.P, in.lamW);
    mpfi_div_si(c.P, c.P, K * K * K * (K - 1));
    mpfi_sqrt(c.P, c.P);
    for (long k = 0; k < K; k++) {
        char idx[32];
        snprintf(idx, sizeof idx, "[%ld]", k);
        put(&c, "M", idx, c.M + k);
        put(&c, "norm_w_sq", idx, c.G + k * K + k);
        if (c.sel[F_NORM]) {
            Dk(c.x, &c, k);
            mpfi_mul(c.x, c.x, c.P);
            mpfi_sub(c.x, c.x, c.G + k * K + k);
            putf(&c, F_NORM, idx, c.x, st_diff(c.x));
        }
    }
    for (long k = 0; k < K; k++)
        for (long j = k + 1; j < K; j++)
            if (K <= 12 || j == k + 1) pair(&c, k, j);
    if (c.sel[F_ETF] && !c.dead_all) {
        mpfi_set_si(c.x, -1);
        mpfi_div_si(c.x, c.x, K - 1);
        cosine(c.y, &c, 0, 1);
        mpfi_sub(c.x, c.x, c.y);
        putf(&c, F_ETF, "[0,1]", c.x, st_diff(c.x));
    }
    if (c.sel[F_WWT]) {
        etf_dev(c.x, &c, c.G);
        putf(&c, F_WWT, "", c.x, st_dev(c.x));
    }
    if (c.sel[F_Z]) {
        mpfi_ptr Z = ck_ivec_init(K * K, CK_IMBRELU_PREC);
        for (long m = 0; m < K; m++)
            for (long k = 0; k < K; k++) mpfi_mul(Z + m * K + k, c.W + m * K + k, c.r + k);
        etf_dev(c.x, &c, Z);
        putf(&c, F_Z, "", c.x, st_dev(c.x));
        ck_ivec_clear(Z, K * K);
    }
    if (c.two_group) {
        cor3(&c, 1);
        cor3(&c, 0);
        if (c.sel[F_ORDER] && c.KA >= 2 && c.KB >= 2 && !c.dead_all) {
            cosine(c.x, &c, c.iB, second_of(&c, c.iB));
            cosine(c.y, &c, c.iA, second_of(&c, c.iA));
            mpfi_sub(c.x, c.x, c.y);
            putf(&c, F_ORDER, "", c.x, st_pos(c.x));
        }
    }
    if (c.ql.bad || ck_imbrelu_qlist_keys(&c.ql)) goto out;
    int worst = ST_UNDEF;
    long nsel = 0;
    for (int f = 0; f < F_COUNT; f++) {
        if (!c.sel[f]) continue;
        nsel++;
        const char *ws = json_string_value(json_object_get(wf, F_NAME[f]));
        if (!ws || strcmp(ws, ST_NAME[c.st[f]])) {
            ck_fail(e, CK_INVALID, "witnesses.formulas.%s: the checker finds %s", F_NAME[f], ST_NAME[c.st[f]]);
            goto out;
        }
        if (c.st[f] > worst) worst = c.st[f];
    }
    if ((long)json_object_size(wf) != nsel) {
        ck_fail(e, CK_MALFORMED, "witnesses.formulas: unexpected keys");
        goto out;
    }
    const char *want_as = worst == ST_DIS     ? "a selected formula disagrees with the minimiser"
                          : worst == ST_UNDEC ? "none"
                                              : "every selected formula agrees with the minimiser where defined";
    ck_verdict want_v = worst == ST_DIS ? CK_REFUTED : worst == ST_UNDEC ? CK_INCONCLUSIVE : CK_PROVED;
    if (strcmp(as, want_as)) {
        ck_fail(e, CK_INVALID, "assertion: the checker derives \"%s\"", want_as);
        goto out;
    }
    if (verdict != want_v) {
        ck_fail(e, CK_INVALID, "verdict: the checker derives %s", ck_verdict_name(want_v));
        goto out;
    }
    if (worst == ST_UNDEC) {
        ck_fail(e, CK_INVALID, "INCONCLUSIVE: a formula is undecided");
        goto out;
    }
    rc = 0;
out:
    ck_imbrelu_qlist_clear(&c.ql);
    ck_ivec_clear(c.M, K), ck_ivec_clear(c.Mr, K), ck_ivec_clear(c.r, K), ck_ivec_clear(c.s, K),
        ck_ivec_clear(c.W, K * K), ck_ivec_clear(c.G, K * K);
    for (int i = 0; i < 6; i++) mpfi_clear(all[i]);
    ck_imbrelu_inst_clear(&in);
    return rc;
}
