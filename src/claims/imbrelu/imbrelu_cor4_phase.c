/* imbrelu_cor4_phase.c: the phase diagram of Corollary 4 over a box in (R, lambda) (instance
 * kind imbrelu-phase/1: K_A majority classes of n_A = R n_B samples, K_B minority classes of
 * n_B samples, lambda = lambda_W lambda_H; R real), by bisection with exact rational leaves.
 * A leaf gets a phase only when two exact decisions agree on the whole leaf:
 *   Theorem 1 (eq. (6), corrected): class B dead iff T_B = (K-1) - K n_B (K_A R + K_B)^2 lambda
 *     <= 0, class A dead iff T_A = (K-1) R - K n_B (K_A R + K_B)^2 lambda <= 0 (each term is
 *     monotone in R and lambda, so corner values bound them on a box);
 *   Corollary 4 as printed: (17) f = R - ((K-1)/(N K lambda) - K_B)/K_A >= 0 (increasing in R
 *     and lambda, N = n_B (K_A R + K_B)); (18) g = N^2/n_A - (K-1)/(K lambda) >= 0 with
 *     N^2/n_A = n_B (K_A^2 R + 2 K_A K_B + K_B^2/R) (termwise bounds).
 * Phases: none (every class alive), minority (B dead, A alive), complete (all dead), undecided
 * (the depth limit reached before the bounds decided: boundary leaves, never guessed). */
#include <string.h>
#include "claims/claim.h"
#include "claims/imbrelu/imbrelu_common.h"
#include "claims/imbrelu/imbrelu_cor4.h"
#include "cert/cert.h"
#include "instance/entry_parse.h"

enum { PH_NONE, PH_MINOR, PH_COMPLETE, PH_UNDEC };
static const char *const PH_NAME[] = {"none", "minority", "complete", "undecided"};

typedef struct {
    slong KA, KB, K, max_depth, count[4], bad_leaf;
    fmpq_t nB;
    json_t *tree, *leaves;
} ph_ctx;

/* s = K n_B (K_A R + K_B)^2 lam */
static void ph_s(fmpq_t s, const ph_ctx *c, const fmpq_t R, const fmpq_t lam)
{
    fmpq_mul_si(s, R, c->KA);
    fmpq_add_si(s, s, c->KB);
    fmpq_mul(s, s, s);
    fmpq_mul(s, s, lam);
    fmpq_mul(s, s, c->nB);
    fmpq_mul_si(s, s, c->K);
}

static int ph_theorem1(const ph_ctx *c, const fmpq_t R0, const fmpq_t R1, const fmpq_t l0, const fmpq_t l1)
{
    fmpq_t s0, s1, t;
    fmpq_init(s0), fmpq_init(s1), fmpq_init(t);
    ph_s(s0, c, R0, l0);
    ph_s(s1, c, R1, l1);
    int ph = PH_UNDEC;
    fmpq_set_si(t, c->K - 1, 1);
    int tb_lo_pos = fmpq_cmp(t, s1) > 0, tb_hi_nonpos = fmpq_cmp(t, s0) <= 0;
    fmpq_mul_si(t, R1, c->K - 1);
    int ta_hi_nonpos = fmpq_cmp(t, s0) <= 0;
    fmpq_mul_si(t, R0, c->K - 1);
    int ta_lo_pos = fmpq_cmp(t, s1) > 0;
    if (tb_lo_pos)
        ph = PH_NONE; /* T_A - T_B = (K-1)(R-1) >= 0 */
    else if (ta_hi_nonpos)
        ph = PH_COMPLETE;
    else if (tb_hi_nonpos && ta_lo_pos)
        ph = PH_MINOR;
    fmpq_clear(s0), fmpq_clear(s1), fmpq_clear(t);
    return ph;
}

/* f17(R, lam) = R - ((K-1)/(n_B (K_A R + K_B) K lam) - K_B)/K_A */
static void ph_f17(fmpq_t f, const ph_ctx *c, const fmpq_t R, const fmpq_t lam)
{
    fmpq_t t;
    fmpq_init(t);
    fmpq_mul_si(t, R, c->KA);
    fmpq_add_si(t, t, c->KB);
    fmpq_mul(t, t, c->nB);
    fmpq_mul(t, t, lam);
    fmpq_mul_si(t, t, c->K);
    fmpq_inv(t, t);
    fmpq_mul_si(t, t, c->K - 1);
    fmpq_sub_si(t, t, c->KB);
    imbrelu_fmpq_div_si(t, t, c->KA);
    fmpq_sub(f, R, t);
    fmpq_clear(t);
}

/* bound of g18 = n_B (K_A^2 Ra + 2 K_A K_B + K_B^2/Rb) - (K-1)/(K lam) */
static void ph_g18(fmpq_t g, const ph_ctx *c, const fmpq_t Ra, const fmpq_t Rb, const fmpq_t lam)
{
    fmpq_t t;
    fmpq_init(t);
    fmpq_mul_si(g, Ra, c->KA * c->KA);
    fmpq_add_si(g, g, 2 * c->KA * c->KB);
    fmpq_set_si(t, c->KB * c->KB, 1);
    fmpq_div(t, t, Rb);
    fmpq_add(g, g, t);
    fmpq_mul(g, g, c->nB);
    fmpq_mul_si(t, lam, c->K);
    fmpq_inv(t, t);
    fmpq_mul_si(t, t, c->K - 1);
    fmpq_sub(g, g, t);
    fmpq_clear(t);
}

static int ph_printed(const ph_ctx *c, const fmpq_t R0, const fmpq_t R1, const fmpq_t l0, const fmpq_t l1)
{
    fmpq_t flo, fhi, glo, ghi;
    fmpq_init(flo), fmpq_init(fhi), fmpq_init(glo), fmpq_init(ghi);
    ph_f17(flo, c, R0, l0);
    ph_f17(fhi, c, R1, l1);
    ph_g18(glo, c, R0, R1, l0);
    ph_g18(ghi, c, R1, R0, l1);
    int ph = PH_UNDEC;
    if (fmpq_sgn(glo) >= 0)
        ph = PH_COMPLETE;
    else if (fmpq_sgn(ghi) < 0 && fmpq_sgn(flo) >= 0)
        ph = PH_MINOR;
    else if (fmpq_sgn(ghi) < 0 && fmpq_sgn(fhi) < 0)
        ph = PH_NONE;
    fmpq_clear(flo), fmpq_clear(fhi), fmpq_clear(glo), fmpq_clear(ghi);
    return ph;
}

/* split point of [lo, hi]: a power of 2 near the geometric mean when hi/lo >= 8, else the midpoint */
static void ph_split_point(fmpq_t m, const fmpq_t lo, const fmpq_t hi)
{
    slong el = (slong)fmpz_bits(fmpq_numref(lo)) - (slong)fmpz_bits(fmpq_denref(lo));
    slong eh = (slong)fmpz_bits(fmpq_numref(hi)) - (slong)fmpz_bits(fmpq_denref(hi));
    if (eh - el >= 3) {
        slong e = (el + eh) >= 0 ? (el + eh) / 2 : -((-(el + eh) + 1) / 2);
        fmpq_one(m);
        if (e >= 0)
            fmpq_mul_2exp(m, m, (ulong)e);
        else
            fmpq_div_2exp(m, m, (ulong)(-e));
        if (fmpq_cmp(lo, m) < 0 && fmpq_cmp(m, hi) < 0) return;
    }
    fmpq_add(m, lo, hi);
    fmpq_div_2exp(m, m, 1);
}

static json_t *ph_pair(const fmpq_t a, const fmpq_t b)
{
    json_t *p = json_array();
    json_array_append_new(p, cert_fmpq_string(a));
    json_array_append_new(p, cert_fmpq_string(b));
    return p;
}

static void ph_rec(ph_ctx *c, const fmpq_t R0, const fmpq_t R1, const fmpq_t l0, const fmpq_t l1, slong depth)
{
    int a = ph_theorem1(c, R0, R1, l0, l1), b = ph_printed(c, R0, R1, l0, l1);
    int ph = (a == b) ? a : PH_UNDEC;
    int disagree = a != PH_UNDEC && b != PH_UNDEC && a != b;
    if (disagree || ph != PH_UNDEC || depth >= c->max_depth) {
        json_t *leaf = json_object();
        json_object_set_new(leaf, "R", ph_pair(R0, R1));
        json_object_set_new(leaf, "lambda", ph_pair(l0, l1));
        json_object_set_new(leaf, "phase", json_string(PH_NAME[ph]));
        if (disagree && c->bad_leaf < 0) c->bad_leaf = (slong)json_array_size(c->leaves);
        json_array_append_new(c->leaves, leaf);
        json_array_append_new(c->tree, json_string("L"));
        c->count[ph]++;
        return;
    }
    fmpq_t rR, rl, m;
    fmpq_init(rR), fmpq_init(rl), fmpq_init(m);
    fmpq_div(rR, R1, R0);
    fmpq_div(rl, l1, l0);
    int axis_R = fmpq_cmp(rR, rl) > 0;
    ph_split_point(m, axis_R ? R0 : l0, axis_R ? R1 : l1);
    char *ms = fmpq_get_str(NULL, 10, m), *tok = flint_malloc(strlen(ms) + 3);
    strcpy(tok, axis_R ? "R:" : "l:");
    strcat(tok, ms);
    json_array_append_new(c->tree, json_string(tok));
    flint_free(ms), flint_free(tok);
    if (axis_R) {
        ph_rec(c, R0, m, l0, l1, depth + 1);
        ph_rec(c, m, R1, l0, l1, depth + 1);
    } else {
        ph_rec(c, R0, R1, l0, m, depth + 1);
        ph_rec(c, R0, R1, m, l1, depth + 1);
    }
    fmpq_clear(rR), fmpq_clear(rl), fmpq_clear(m);
}

static const char *const PH_KEYS[] = {"kind", "K_A", "K_B", "n_B", "R", "lambda", "max_depth", NULL};

static int ph_get_int(slong *v, const json_t *j, const char *key, slong lo, slong hi, nc_error *err)
{
    const json_t *x = json_object_get(j, key);
    if (!json_is_integer(x) || json_integer_value(x) < lo || json_integer_value(x) > hi)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu-phase/1: %s must be an integer in %ld..%ld", key, (long)lo,
                            (long)hi);
    *v = (slong)json_integer_value(x);
    return 0;
}

static int ph_get_range(fmpq_t lo, fmpq_t hi, const json_t *j, const char *key, nc_error *err)
{
    const json_t *x = json_object_get(j, key);
    const json_t *a = json_array_get(x, 0), *b = json_array_get(x, 1);
    if (!json_is_array(x) || json_array_size(x) != 2 || !json_is_string(a) || !json_is_string(b) ||
        entry_parse_fmpq(lo, json_string_value(a)) || entry_parse_fmpq(hi, json_string_value(b)) || fmpq_sgn(lo) <= 0 ||
        fmpq_cmp(lo, hi) >= 0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu-phase/1: %s must be [\"lo\", \"hi\"], exact, 0 < lo < hi",
                            key);
    return 0;
}

int imbrelu_cor4_phase(json_t *j, json_t **cert, nc_error *err)
{
    ph_ctx c;
    memset(&c, 0, sizeof c);
    fmpq_t R0, R1, l0, l1, one;
    fmpq_init(c.nB), fmpq_init(R0), fmpq_init(R1), fmpq_init(l0), fmpq_init(l1), fmpq_init(one);
    int rc = 0;
    const char *key;
    json_t *v;
    json_object_foreach(j, key, v)
    {
        int known = 0;
        for (int t = 0; PH_KEYS[t]; t++) known |= !strcmp(key, PH_KEYS[t]);
        if (!known) {
            rc = nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu-phase/1: unknown key \"%.40s\"", key);
            goto out;
        }
    }
    const json_t *nb = json_object_get(j, "n_B");
    if ((rc = ph_get_int(&c.KA, j, "K_A", 1, 500, err)) || (rc = ph_get_int(&c.KB, j, "K_B", 1, 500, err)) ||
        (rc = ph_get_int(&c.max_depth, j, "max_depth", 0, 24, err)))
        goto out;
    if (!json_is_string(nb) || entry_parse_fmpq(c.nB, json_string_value(nb)) || fmpq_sgn(c.nB) <= 0 ||
        !fmpz_is_one(fmpq_denref(c.nB)) || fmpz_cmp_si(fmpq_numref(c.nB), IMBRELU_MAX_N) > 0) {
        rc = nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu-phase/1: n_B must be an integer string 1..%ld",
                          IMBRELU_MAX_N);
        goto out;
    }
    if ((rc = ph_get_range(R0, R1, j, "R", err)) || (rc = ph_get_range(l0, l1, j, "lambda", err))) goto out;
    fmpq_one(one);
    if (fmpq_cmp(R0, one) < 0 || fmpz_bits(fmpq_numref(R1)) > 40 || fmpz_bits(fmpq_denref(R0)) > 40) {
        rc =
            nc_error_set(err, NC_EXIT_BAD_INPUT, "imbrelu-phase/1: need 1 <= R_lo (n_A >= n_B) and R of moderate size");
        goto out;
    }
    c.K = c.KA + c.KB;
    c.bad_leaf = -1;
    c.tree = json_array();
    c.leaves = json_array();
    ph_rec(&c, R0, R1, l0, l1, 0);
    json_t *q = json_object(), *w = json_object();
    for (int p = 0; p < 4; p++) {
        char nm[32];
        fmpq_t x;
        fmpq_init(x);
        fmpq_set_si(x, c.count[p], 1);
        snprintf(nm, sizeof nm, "leaves_%s", PH_NAME[p]);
        imbrelu_put_rational(q, nm, x);
        fmpq_clear(x);
    }
    json_object_set_new(w, "tree", c.tree);
    json_object_set_new(w, "leaves", c.leaves);
    const char *assertion = "every decided leaf: Theorem 1 and (17)/(18) give the same phase";
    nc_verdict verdict = NC_PROVED;
    if (c.bad_leaf >= 0) {
        json_object_set_new(w, "leaf", json_integer(c.bad_leaf));
        assertion = "(17)/(18) and Theorem 1 give different phases on leaf";
        verdict = NC_REFUTED;
    }
    *cert = cert_assemble("imbrelu.cor-4",
                          imbrelu_source("Corollary 4, (17), (18)",
                                         "phase diagram over (R, lambda_W lambda_H): minority collapse iff "
                                         "(17), complete collapse iff (18), against the minimiser of Theorem 1"),
                          imbrelu_instance_json(j), cert_method(2, 0), assertion, w, q, verdict);
out:
    fmpq_clear(c.nB), fmpq_clear(R0), fmpq_clear(R1), fmpq_clear(l0), fmpq_clear(l1), fmpq_clear(one);
    return rc;
}
