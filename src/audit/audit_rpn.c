/* audit_rpn.c: the small expression language of the audit rows: RPN over the quantities of a
 * certificate (their stated enclosures, or their exact values a + b sqrt(m) when given), the
 * instance's fields (@K, @n, @C) and rational constants. Ball arithmetic (Arb): the result
 * contains the exact value whenever each quantity's exact value lies in its stated enclosure,
 * which is what nccheck verifies for an accepted certificate. */
#include <stdlib.h>
#include <string.h>
#include <mpfr.h>
#include <flint/fmpq.h>
#include "audit/audit.h"
#include "instance/entry_parse.h"

#define RPN_STACK 32

/* The ball [lo, hi] from the hex-float strings of an enclosure. */
static int rpn_interval(arb_t x, const char *lo, const char *hi, slong prec)
{
    mpfr_t a, b;
    size_t need = 4 * (strlen(lo) > strlen(hi) ? strlen(lo) : strlen(hi)) + 64;
    mpfr_inits2((mpfr_prec_t)need, a, b, (mpfr_ptr)0);
    char *e1, *e2;
    int bad = mpfr_strtofr(a, lo, &e1, 0, MPFR_RNDD) != 0 || *e1 || mpfr_strtofr(b, hi, &e2, 0, MPFR_RNDU) != 0 || *e2;
    if (!bad) arb_set_interval_mpfr(x, a, b, prec);
    mpfr_clears(a, b, (mpfr_ptr)0);
    return bad;
}

static int rpn_rational(arb_t x, const char *s, slong prec)
{
    fmpq_t q;
    fmpq_init(q);
    int bad = entry_parse_fmpq(q, s);
    if (!bad) arb_set_fmpq(x, q, prec);
    fmpq_clear(q);
    return bad;
}

/* A certificate quantity: exact a + b sqrt(m) when given, else the stated [lo, hi]. */
static int rpn_quantity(arb_t x, const json_t *q, slong prec)
{
    const json_t *ex = json_object_get(q, "exact");
    if (json_is_object(ex)) {
        const char *a = json_string_value(json_object_get(ex, "a"));
        const char *b = json_string_value(json_object_get(ex, "b"));
        json_int_t m = json_integer_value(json_object_get(ex, "m"));
        if (!a || rpn_rational(x, a, prec)) return 1;
        if (b) {
            arb_t t, r;
            arb_init(t);
            arb_init(r);
            int bad = rpn_rational(t, b, prec) || m <= 0;
            if (!bad) {
                arb_set_si(r, (slong)m);
                arb_sqrt(r, r, prec);
                arb_addmul(x, t, r, prec);
            }
            arb_clear(t);
            arb_clear(r);
            return bad;
        }
        return 0;
    }
    const char *lo = json_string_value(json_object_get(q, "lo"));
    const char *hi = json_string_value(json_object_get(q, "hi"));
    return !lo || !hi || rpn_interval(x, lo, hi, prec);
}

/* An instance field @NAME: integer, or exact string; nested "point" objects are searched too. */
static int rpn_field(arb_t x, const json_t *inst, const char *name, slong prec)
{
    const json_t *v = json_object_get(inst, name);
    if (!v && json_is_object(json_object_get(inst, "point"))) v = json_object_get(json_object_get(inst, "point"), name);
    if (json_is_integer(v)) {
        arb_set_si(x, (slong)json_integer_value(v));
        return 0;
    }
    if (json_is_string(v)) return rpn_rational(x, json_string_value(v), prec);
    return 1;
}

static int rpn_apply(arb_ptr st, int *sp, const char *op, slong prec)
{
    int n = *sp;
    static const char *const unary[] = {"neg", "inv", "sq", "sqrt", "exp", "log"};
    for (size_t u = 0; u < sizeof unary / sizeof unary[0]; u++) {
        if (strcmp(op, unary[u])) continue;
        if (n < 1) return 1;
        arb_ptr a = st + n - 1;
        switch (u) {
        case 0: arb_neg(a, a); break;
        case 1: arb_inv(a, a, prec); break;
        case 2: arb_sqr(a, a, prec); break;
        case 3: arb_sqrt(a, a, prec); break;
        case 4: arb_exp(a, a, prec); break;
        default: arb_log(a, a, prec); break;
        }
        return !arb_is_finite(a);
    }
    if (strlen(op) != 1 && strcmp(op, "pow")) return 1;
    if (n < 2) return 1;
    arb_ptr a = st + n - 2, b = st + n - 1;
    if (!strcmp(op, "pow"))
        arb_pow(a, a, b, prec);
    else if (op[0] == '+')
        arb_add(a, a, b, prec);
    else if (op[0] == '-')
        arb_sub(a, a, b, prec);
    else if (op[0] == '*')
        arb_mul(a, a, b, prec);
    else if (op[0] == '/')
        arb_div(a, a, b, prec);
    else
        return 1;
    *sp = n - 1;
    return !arb_is_finite(a);
}

int audit_eval_rpn(arb_t out, const char *expr, const json_t *cert, const json_t *inst, slong prec, nc_error *err)
{
    char buf[512];
    if (strlen(expr) >= sizeof buf) return nc_error_set(err, NC_EXIT_BAD_INPUT, "expression too long: %.60s", expr);
    strcpy(buf, expr);
    arb_ptr st = _arb_vec_init(RPN_STACK);
    int sp = 0, bad = 0;
    const json_t *quant = json_object_get(cert, "quantities");
    for (char *save = NULL, *tok = strtok_r(buf, " ", &save); tok && !bad; tok = strtok_r(NULL, " ", &save)) {
        int is_op = strchr("+-*/", tok[0]) && tok[1] == '\0';
        if (!is_op && (!strcmp(tok, "neg") || !strcmp(tok, "inv") || !strcmp(tok, "sq") || !strcmp(tok, "sqrt") ||
                       !strcmp(tok, "exp") || !strcmp(tok, "log") || !strcmp(tok, "pow")))
            is_op = 1;
        if (is_op) {
            if (rpn_apply(st, &sp, tok, prec))
                bad = nc_error_set(err, NC_EXIT_BAD_INPUT, "expression \"%s\": operator %s fails", expr, tok);
            continue;
        }
        if (sp == RPN_STACK) {
            bad = nc_error_set(err, NC_EXIT_BAD_INPUT, "expression \"%s\": stack overflow", expr);
            break;
        }
        arb_ptr x = st + sp++;
        if (tok[0] == '@') {
            if (rpn_field(x, inst, tok + 1, prec))
                bad = nc_error_set(err, NC_EXIT_BAD_INPUT, "expression \"%s\": instance has no numeric field %s", expr,
                                   tok + 1);
        } else if ((tok[0] >= '0' && tok[0] <= '9') || (tok[0] == '-' && tok[1])) {
            if (rpn_rational(x, tok, prec))
                bad = nc_error_set(err, NC_EXIT_BAD_INPUT, "expression \"%s\": bad number %s", expr, tok);
        } else {
            const json_t *q = json_object_get(quant, tok);
            if (!q || rpn_quantity(x, q, prec))
                bad = nc_error_set(err, NC_EXIT_BAD_INPUT, "expression \"%s\": certificate has no usable quantity %s",
                                   expr, tok);
        }
    }
    if (!bad && sp != 1) bad = nc_error_set(err, NC_EXIT_BAD_INPUT, "expression \"%s\" leaves %d values", expr, sp);
    if (!bad) arb_set(out, st);
    _arb_vec_clear(st, RPN_STACK);
    return bad ? err->status : 0;
}
