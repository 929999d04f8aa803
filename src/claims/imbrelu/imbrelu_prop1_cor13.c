/* imbrelu_prop1_cor13.c: certifier of imbrelu.prop-1-cor-1-3 on a concrete instance
 * (imbrelu/1; the box kind imbrelu-cor3-box/1 is in imbrelu_prop1_cor13_box.c). Builds the
 * minimiser of Theorem 1 with the corrected M_k (imbrelu.theorem-1 certifies it is one), computes
 * with Arb the classifier Gram matrix G = W W^T, cosines, norm ratios at that point, evaluates
 * each printed formula of Proposition 1 and Corollaries 1-3 with M_k of the instance's reading,
 * and encloses printed - point. Per formula a status (specs/claims/imbrelu.prop-1-cor-1-3.md):
 * AGREES (every |diff| < 2^-100: consistent with the exact identity of the derivation),
 * DISAGREES (some diff excludes 0: rigorous), UNDECIDED, UNDEFINED (0/0 at the instance).
 * Arb contract: every ball contains the exact value of the quantity it names. */
#include <stdio.h>
#include <string.h>
#include "claims/claim.h"
#include "claims/imbrelu/imbrelu_common.h"
#include "claims/imbrelu/imbrelu_prop1_cor13.h"
#include "cert/cert.h"
#include "claims/imbrelu/imbrelu_cli.h"

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
#define PC_PREC 128

typedef struct {
    const imbrelu_inst *I;
    slong K, iA, iB, KA, KB; /* two-group: the first class of each size, and the counts */
    int balanced, two_group, dead_all, rdead_all;
    arb_ptr M, Mr, r, W, G, s;
    arb_t a, P, S;
    json_t *q;
    int st[F_COUNT], sel[F_COUNT];
} pc_ctx;

/* status of a difference that the derivation proves to be exactly 0 when the formula is right */
static int st_diff(const arb_t d)
{
    if (!arb_contains_zero(d)) return ST_DIS;
    arb_t t, u;
    arb_init(t), arb_init(u);
    arb_one(t);
    arb_mul_2exp_si(t, t, -100);
    arb_abs(u, d);
    int st = arb_lt(u, t) ? ST_AGREE : ST_UNDEC;
    arb_clear(t), arb_clear(u);
    return st;
}
/* status of a strict (or, with eq_ok, structurally exact) positive gap */
static int st_pos(const arb_t g)
{
    return arb_is_positive(g) ? ST_AGREE : arb_is_negative(g) ? ST_DIS : ST_UNDEC;
}

static void pc_put(pc_ctx *c, int f, const char *idx, const arb_t x, int st)
{
    char nm[96];
    snprintf(nm, sizeof nm, "%s%s", F_NAME[f], idx);
    imbrelu_put_ball(c->q, nm, x);
    if (st > c->st[f]) c->st[f] = st;
}

/* cos at the point: G_kj / sqrt(G_kk G_jj) */
static void pc_cos(arb_t x, const pc_ctx *c, slong k, slong j)
{
    arb_t t;
    arb_init(t);
    arb_mul(t, c->G + k * c->K + k, c->G + j * c->K + j, PC_PREC);
    arb_sqrt(t, t, PC_PREC);
    arb_div(x, c->G + k * c->K + j, t, PC_PREC);
    arb_clear(t);
}

/* printed D_k = (K-1)^2 s_k + sum_{m != k} s_m = ((K-1)^2 - 1) s_k + S */
static void pc_D(arb_t x, const pc_ctx *c, slong k)
{
    arb_mul_si(x, c->s + k, (c->K - 1) * (c->K - 1) - 1, PC_PREC);
    arb_add(x, x, c->S, PC_PREC);
}

static void pc_pair(pc_ctx *c, slong k, slong j)
{
    slong K = c->K;
    char idx[48];
    arb_t x, y, t;
    arb_init(x), arb_init(y), arb_init(t);
    snprintf(idx, sizeof idx, "[%ld,%ld]", (long)k, (long)j);
    if (c->sel[F_INNER]) { /* P (S - K s_k - K s_j) - G_kj */
        arb_add(t, c->s + k, c->s + j, PC_PREC);
        arb_mul_si(t, t, K, PC_PREC);
        arb_sub(x, c->S, t, PC_PREC);
        arb_mul(x, x, c->P, PC_PREC);
        arb_sub(x, x, c->G + k * K + j, PC_PREC);
        pc_put(c, F_INNER, idx, x, st_diff(x));
    }
    int wdef = !c->dead_all && !c->rdead_all;
    if (c->sel[F_COS] && wdef) {
        arb_add(t, c->s + k, c->s + j, PC_PREC);
        arb_mul_si(t, t, K, PC_PREC);
        arb_sub(x, c->S, t, PC_PREC);
        pc_D(y, c, k);
        pc_D(t, c, j);
        arb_mul(y, y, t, PC_PREC);
        arb_sqrt(y, y, PC_PREC);
        arb_div(x, x, y, PC_PREC);
        pc_cos(y, c, k, j);
        arb_sub(x, x, y, PC_PREC);
        pc_put(c, F_COS, idx, x, st_diff(x));
    }
    if (c->sel[F_WRATIO] && wdef) { /* D_k/D_j - G_kk/G_jj */
        pc_D(x, c, k);
        pc_D(t, c, j);
        arb_div(x, x, t, PC_PREC);
        arb_div(y, c->G + k * K + k, c->G + j * K + j, PC_PREC);
        arb_sub(x, x, y, PC_PREC);
        pc_put(c, F_WRATIO, idx, x, st_diff(x));
    }
    int hdef = !arb_is_zero(c->M + j) && !arb_is_zero(c->Mr + j);
    if ((c->sel[F_HBOTH] || c->sel[F_HSQN]) && hdef) {
        arb_sqr(y, c->r + k, PC_PREC); /* point: r_k^2 / r_j^2 */
        arb_sqr(t, c->r + j, PC_PREC);
        arb_div(y, y, t, PC_PREC);
        if (c->sel[F_HBOTH]) { /* sqrt(n_j Mr_k / (n_k Mr_j)) */
            arb_mul_si(x, c->Mr + k, c->I->n[j], PC_PREC);
            arb_mul_si(t, c->Mr + j, c->I->n[k], PC_PREC);
            arb_div(x, x, t, PC_PREC);
            arb_sqrt(x, x, PC_PREC);
            arb_sub(x, x, y, PC_PREC);
            pc_put(c, F_HBOTH, idx, x, st_diff(x));
        }
        if (c->sel[F_HSQN]) { /* sqrt(n_j/n_k) Mr_k/Mr_j */
            arb_set_si(x, c->I->n[j]);
            arb_div_si(x, x, c->I->n[k], PC_PREC);
            arb_sqrt(x, x, PC_PREC);
            arb_mul(x, x, c->Mr + k, PC_PREC);
            arb_div(x, x, c->Mr + j, PC_PREC);
            arb_sub(x, x, y, PC_PREC);
            pc_put(c, F_HSQN, idx, x, st_diff(x));
        }
    }
    if (c->sel[F_MONO] && c->I->n[k] != c->I->n[j]) {
        slong i = c->I->n[k] > c->I->n[j] ? k : j, l = i == k ? j : k; /* n_i > n_l */
        snprintf(idx, sizeof idx, "[%ld,%ld]", (long)i, (long)l);
        arb_sub(x, c->G + i * K + i, c->G + l * K + l, PC_PREC);
        /* K = 2 (w_1 = -w_2) or both dead (identical rows): equal norms exactly, by construction */
        int st = (K == 2 || arb_is_zero(c->M + i)) ? ST_AGREE : st_pos(x);
        pc_put(c, F_MONO, idx, x, st);
    }
    arb_clear(x), arb_clear(y), arb_clear(t);
}

/* max over (k,j) of |X_kj - c (delta_kj - 1/K)|, c = X_00 K/(K-1) (the proportionality of Corollary 1) */
static void pc_etf_dev(arb_t dev, const pc_ctx *c, arb_srcptr X)
{
    slong K = c->K;
    arb_t cc, t;
    arb_init(cc), arb_init(t);
    arb_mul_si(cc, X, K, PC_PREC);
    arb_div_si(cc, cc, K - 1, PC_PREC);
    arb_zero(dev);
    for (slong k = 0; k < K; k++)
        for (slong j = 0; j < K; j++) {
            arb_div_si(t, cc, K, PC_PREC);
            arb_neg(t, t);
            if (k == j) arb_add(t, t, cc, PC_PREC);
            arb_sub(t, X + k * K + j, t, PC_PREC);
            arb_abs(t, t);
            arb_max(dev, dev, t, PC_PREC);
        }
    arb_clear(cc), arb_clear(t);
}

static int st_dev(const arb_t d)
{
    arb_t t;
    arb_init(t);
    arb_one(t);
    arb_mul_2exp_si(t, t, -100);
    int st = arb_is_positive(d) ? ST_DIS : arb_lt(d, t) ? ST_AGREE : ST_UNDEC;
    arb_clear(t);
    return st;
}

/* (15) (major = 1) or (16): 1 - K^2 s_X / ((K^2 - K - K_Y) s_X + K_Y s_Y), minus the point's cosine */
static void pc_cor3(pc_ctx *c, int major)
{
    slong K = c->K, iX = major ? c->iA : c->iB, iY = major ? c->iB : c->iA, KX = major ? c->KA : c->KB;
    slong KY = major ? c->KB : c->KA, f = major ? F_C15 : F_C16;
    if (!c->sel[f] || KX < 2 || c->dead_all || (arb_is_zero(c->Mr + iX) && arb_is_zero(c->Mr + iY))) return;
    slong j2 = -1; /* a second class of the same size */
    for (slong k = iX + 1; k < K && j2 < 0; k++)
        if (c->I->n[k] == c->I->n[iX]) j2 = k;
    arb_t x, y;
    arb_init(x), arb_init(y);
    arb_mul_si(x, c->s + iX, K * K - K - KY, PC_PREC);
    arb_addmul_si(x, c->s + iY, KY, PC_PREC);
    arb_mul_si(y, c->s + iX, K * K, PC_PREC);
    arb_div(x, y, x, PC_PREC);
    arb_sub_si(x, x, 1, PC_PREC);
    arb_neg(x, x);
    pc_cos(y, c, iX, j2);
    arb_sub(x, x, y, PC_PREC);
    char idx[48];
    snprintf(idx, sizeof idx, "[%ld,%ld]", (long)iX, (long)j2);
    pc_put(c, (int)f, idx, x, st_diff(x));
    arb_clear(x), arb_clear(y);
}

static int pc_select(pc_ctx *c, const json_t *j, nc_error *err)
{
    int appl[F_COUNT];
    for (int f = 0; f < F_COUNT; f++) appl[f] = 1;
    appl[F_ETF] = appl[F_WWT] = appl[F_Z] = c->balanced;
    appl[F_C15] = appl[F_C16] = appl[F_ORDER] = c->two_group;
    const json_t *fs = json_object_get(j, "formulas");
    if (!fs) {
        for (int f = 0; f < F_COUNT; f++) c->sel[f] = appl[f];
        return 0;
    }
    if (!json_is_array(fs) || json_array_size(fs) == 0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "imbrelu.prop-1-cor-1-3: formulas must be a non-empty array of names");
    for (size_t t = 0; t < json_array_size(fs); t++) {
        const json_t *e = json_array_get(fs, t);
        int f = 0;
        while (f < F_COUNT && !(json_is_string(e) && !strcmp(json_string_value(e), F_NAME[f]))) f++;
        if (f == F_COUNT)
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu.prop-1-cor-1-3: unknown formula in formulas[%zu]", t);
        if (c->sel[f])
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu.prop-1-cor-1-3: formula %s listed twice", F_NAME[f]);
        if (!appl[f])
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu.prop-1-cor-1-3: %s needs a %s instance", F_NAME[f],
                                f >= F_C15 ? "two-group" : "balanced");
        c->sel[f] = 1;
    }
    return 0;
}

static const char *const PC_EXTRA[] = {"formulas", NULL};

static int imbrelu_prop1_cor13_certify_point(json_t *instance_json, json_t **cert, nc_error *err)
{
    imbrelu_inst I;
    pc_ctx c;
    memset(&c, 0, sizeof c);
    if (imbrelu_inst_parse(&I, instance_json, PC_EXTRA, err)) return err->status;
    if (I.d < I.K || I.K > 200) {
        imbrelu_inst_clear(&I);
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu.prop-1-cor-1-3 needs d >= K and K <= 200");
    }
    slong K = I.K;
    c.I = &I, c.K = K;
    c.balanced = 1;
    c.iA = c.iB = -1;
    for (slong k = 1; k < K; k++)
        if (I.n[k] != I.n[0]) c.balanced = 0;
    slong nA = I.n[0], nB = I.n[0]; /* two-group: exactly two distinct sizes */
    for (slong k = 0; k < K; k++) {
        if (I.n[k] > nA) nA = I.n[k];
        if (I.n[k] < nB) nB = I.n[k];
    }
    c.two_group = nA != nB;
    for (slong k = 0; k < K; k++) {
        if (I.n[k] != nA && I.n[k] != nB) c.two_group = 0;
        if (I.n[k] == nA) {
            c.KA++;
            if (c.iA < 0) c.iA = k;
        }
        if (I.n[k] == nB) {
            c.KB++;
            if (c.iB < 0) c.iB = k;
        }
    }
    if (pc_select(&c, instance_json, err)) {
        imbrelu_inst_clear(&I);
        return err->status;
    }
    c.M = _arb_vec_init(K), c.Mr = _arb_vec_init(K), c.r = _arb_vec_init(K), c.s = _arb_vec_init(K);
    c.W = _arb_vec_init(K * K), c.G = _arb_vec_init(K * K);
    arb_init(c.a), arb_init(c.P), arb_init(c.S);
    c.q = json_object();
    arb_t x, t;
    arb_init(x), arb_init(t);
    c.dead_all = c.rdead_all = 1;
    for (slong k = 0; k < K; k++) {
        imbrelu_M(c.M + k, &I, k, 0, PC_PREC);
        imbrelu_M(c.Mr + k, &I, k, I.printed, PC_PREC);
        if (!arb_is_zero(c.M + k)) c.dead_all = 0;
        if (!arb_is_zero(c.Mr + k)) c.rdead_all = 0;
        arb_sqrt_ui(c.s + k, (ulong)I.n[k], PC_PREC);
        arb_mul(c.s + k, c.s + k, c.Mr + k, PC_PREC);
        arb_add(c.S, c.S, c.s + k, PC_PREC);
    }
    imbrelu_point(c.r, c.a, &I, c.M, PC_PREC);
    for (slong j = 0; j < K; j++) { /* W[m][j] = a (K [m=j] - 1) sqrt(n_j) r_j, exactly 0 for dead j */
        arb_sqrt_ui(t, (ulong)I.n[j], PC_PREC);
        arb_mul(t, t, c.r + j, PC_PREC);
        arb_mul(t, t, c.a, PC_PREC);
        for (slong m = 0; m < K; m++) arb_mul_si(c.W + m * K + j, t, m == j ? K - 1 : -1, PC_PREC);
    }
    for (slong k = 0; k < K; k++)
        for (slong j = 0; j < K; j++) {
            arb_zero(x);
            for (slong m = 0; m < K; m++) arb_addmul(x, c.W + k * K + m, c.W + j * K + m, PC_PREC);
            arb_set(c.G + k * K + j, x);
        }
    /* P = sqrt(lamH/lamW) / (K sqrt(K(K-1))) */
    arb_set_fmpq(c.P, I.lamH, PC_PREC);
    arb_set_fmpq(t, I.lamW, PC_PREC);
    arb_div(c.P, c.P, t, PC_PREC);
    arb_div_si(c.P, c.P, K * K * K * (K - 1), PC_PREC);
    arb_sqrt(c.P, c.P, PC_PREC);
    for (slong k = 0; k < K; k++) {
        imbrelu_put_ball(c.q, imbrelu_name("M", k), c.M + k);
        imbrelu_put_ball(c.q, imbrelu_name("norm_w_sq", k), c.G + k * K + k);
        if (c.sel[F_NORM]) {
            pc_D(x, &c, k);
            arb_mul(x, x, c.P, PC_PREC);
            arb_sub(x, x, c.G + k * K + k, PC_PREC);
            pc_put(&c, F_NORM, imbrelu_name("", k), x, st_diff(x));
        }
    }
    int all_pairs = K <= 12;
    for (slong k = 0; k < K; k++)
        for (slong j = k + 1; j < K; j++)
            if (all_pairs || j == k + 1) pc_pair(&c, k, j);
    if (c.sel[F_ETF] && !c.dead_all) { /* balanced: cos = -1/(K-1) */
        arb_set_si(x, -1);
        arb_div_si(x, x, K - 1, PC_PREC);
        pc_cos(t, &c, 0, 1);
        arb_sub(x, x, t, PC_PREC);
        pc_put(&c, F_ETF, "[0,1]", x, st_diff(x));
    }
    if (c.sel[F_WWT]) {
        pc_etf_dev(x, &c, c.G);
        pc_put(&c, F_WWT, "", x, st_dev(x));
    }
    if (c.sel[F_Z]) { /* Z = W Hbar: Z_mk = W[m][k] r_k */
        arb_ptr Z = _arb_vec_init(K * K);
        for (slong m = 0; m < K; m++)
            for (slong k = 0; k < K; k++) arb_mul(Z + m * K + k, c.W + m * K + k, c.r + k, PC_PREC);
        pc_etf_dev(x, &c, Z);
        pc_put(&c, F_Z, "", x, st_dev(x));
        _arb_vec_clear(Z, K * K);
    }
    if (c.two_group) {
        pc_cor3(&c, 1);
        pc_cor3(&c, 0);
        if (c.sel[F_ORDER] && c.KA >= 2 && c.KB >= 2 && !c.dead_all) {
            slong a2 = -1, b2 = -1;
            for (slong k = c.iA + 1; k < K && a2 < 0; k++)
                if (I.n[k] == I.n[c.iA]) a2 = k;
            for (slong k = c.iB + 1; k < K && b2 < 0; k++)
                if (I.n[k] == I.n[c.iB]) b2 = k;
            pc_cos(x, &c, c.iB, b2);
            pc_cos(t, &c, c.iA, a2);
            arb_sub(x, x, t, PC_PREC); /* cos_minor - cos_major > 0 */
            pc_put(&c, F_ORDER, "", x, st_pos(x));
        }
    }
    json_t *w = json_object(), *fo = json_object();
    int worst = ST_UNDEF;
    for (int f = 0; f < F_COUNT; f++)
        if (c.sel[f]) {
            json_object_set_new(fo, F_NAME[f], json_string(ST_NAME[c.st[f]]));
            if (c.st[f] > worst) worst = c.st[f];
        }
    json_object_set_new(w, "formulas", fo);
    const char *assertion = "every selected formula agrees with the minimiser where defined";
    nc_verdict verdict = NC_PROVED;
    if (worst == ST_DIS)
        assertion = "a selected formula disagrees with the minimiser", verdict = NC_REFUTED;
    else if (worst == ST_UNDEC)
        assertion = "none", verdict = NC_INCONCLUSIVE;
    *cert = cert_assemble(
        "imbrelu.prop-1-cor-1-3",
        imbrelu_source("Proposition 1, Corollaries 1-3",
                       "norms, inner products and cosines of the optimal classifiers (Prop. 1), the ETF/OF "
                       "structure when balanced (Cor. 1), norm ratios (14) and monotonicity (Cor. 2), "
                       "two-group cosines (15)-(16) and cos_major < cos_minor (Cor. 3)"),
        imbrelu_instance_json(instance_json), cert_method(1, PC_PREC), assertion, w, c.q, verdict);
    _arb_vec_clear(c.M, K), _arb_vec_clear(c.Mr, K), _arb_vec_clear(c.r, K), _arb_vec_clear(c.s, K);
    _arb_vec_clear(c.W, K * K), _arb_vec_clear(c.G, K * K);
    arb_clear(c.a), arb_clear(c.P), arb_clear(c.S), arb_clear(x), arb_clear(t);
    imbrelu_inst_clear(&I);
    return 0;
}

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(imbrelu, prop1_cor13, "imbrelu.prop-1-cor-1-3", "Proposition 1, Corollaries 1-3",
              "norms, cosines, ratios (15)-(16)");

int imbrelu_prop1_cor13_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    (void)o;
    const json_t *kind = json_object_get(instance_json, "kind");
    if (json_is_string(kind) && !strcmp(json_string_value(kind), "imbrelu-cor3-box/1"))
        return imbrelu_prop1_cor13_certify_box(instance_json, cert, err);
    return imbrelu_prop1_cor13_certify_point(instance_json, cert, err);
}

/* The command line of imbrelu.prop-1-cor-1-3 (claim.h, claim_cli): imbrelu/1 with an optional
 * list of formulas, and the two-group box of Corollary 3. */
static const claim_flag cli_flag_formulas = {
    "formulas",
    "formulas",
    CLAIM_FLAG_WORD_LIST,
    0,
    0,
    "F1,F2,...",
    "only these formulas (default: every applicable one), e.g. prop1.norm,cor2.w_ratio"};
static const claim_flag *const cli_required[] = {IMBRELU_CLI_REQUIRED, NULL};
static const claim_flag *const cli_optional[] = {&imbrelu_cli_flag_reading, &cli_flag_formulas, NULL};
static const claim_kind cli_kind = {"imbrelu/1", IMBRELU_CLI_WHAT ", [formulas]", cli_required, cli_optional};
static const claim_kind cli_kind_box = {"imbrelu-cor3-box/1",
                                        "a box of two-group instances for Corollary 3 "
                                        "(specs/claims/imbrelu.prop-1-cor-1-3.md)",
                                        NULL, NULL};
static const claim_use cli_uses[] = {
    {&cli_kind, IMBRELU_CLI_EXAMPLE " --formulas prop1.norm,cor2.w_ratio"},
    {&cli_kind_box, "--instance-json '{\"kind\":\"imbrelu-cor3-box/1\",\"K_A\":[2,3],\"K_B\":[2,3],\"n_B\":\"10\","
                    "\"R\":[\"3/2\",\"16\"],\"lambda\":[\"1/1073741824\",\"1/64\"],\"max_depth\":6}'"},
    {NULL, NULL}};
const claim_cli imbrelu_prop1_cor13_cli = {cli_uses, 0};
