/* check_enclosure.c: owns reading and verifying one enclosure of a certificate quantity. */
#include "check_enclosure.h"

#include <stdio.h>

#include "check_rational.h"

void ck_encl_init(ck_encl *q)
{
    mpq_inits(q->lo, q->hi, q->dlo, q->dhi, q->ea, q->eb, NULL);
    mpz_init_set_ui(q->em, 1);
    q->has_exact = 0;
}

void ck_encl_clear(ck_encl *q)
{
    mpq_clears(q->lo, q->hi, q->dlo, q->dhi, q->ea, q->eb, NULL);
    mpz_clear(q->em);
}

static const char *const KEYS[] = {"lo", "hi", "decimal", NULL};
static const char *const OPT[] = {"exact", NULL};
static const char *const EXACT_KEYS[] = {"a", NULL};
static const char *const EXACT_OPT[] = {"b", "m", NULL};

int ck_encl_parse(const json_t *j, const char *name, ck_encl *q, ck_err *e)
{
    char what[128];
    snprintf(what, sizeof what, "quantities.%s", name);
    if (ck_keys(j, what, KEYS, OPT, e)) return -1;
    const char *lo = ck_get_str(j, what, "lo", e), *hi = ck_get_str(j, what, "hi", e);
    const char *dec = ck_get_str(j, what, "decimal", e);
    if (!lo || !hi || !dec) return -1;
    if (ck_parse_hexfloat(lo, q->lo) || ck_parse_hexfloat(hi, q->hi)) {
        ck_fail(e, CK_MALFORMED,
                "%s: lo/hi not a hex float of the accepted form "
                "(-?0x<hex>[.<hex>]p<exp>, |exp| <= 2^20)",
                what);
        return -1;
    }
    if (ck_parse_decimal_interval(dec, q->dlo, q->dhi)) {
        ck_fail(e, CK_MALFORMED, "%s.decimal: not a decimal or \"[m +/- r]\"", what);
        return -1;
    }
    json_t *ex = json_object_get(j, "exact");
    if (!ex) return 0;
    snprintf(what, sizeof what, "quantities.%s.exact", name);
    if (ck_keys(ex, what, EXACT_KEYS, EXACT_OPT, e)) return -1;
    const char *a = ck_get_str(ex, what, "a", e);
    if (!a) return -1;
    if (ck_parse_entry(a, q->ea)) {
        ck_fail(e, CK_MALFORMED, "%s.a: not a rational", what);
        return -1;
    }
    int hb = json_object_get(ex, "b") != NULL, hm = json_object_get(ex, "m") != NULL;
    if (hb != hm) {
        ck_fail(e, CK_MALFORMED, "%s: \"b\" and \"m\" go together", what);
        return -1;
    }
    if (hb) {
        const char *b = ck_get_str(ex, what, "b", e);
        long long m;
        if (!b || ck_get_int(ex, what, "m", &m, e)) return -1;
        if (ck_parse_entry(b, q->eb)) {
            ck_fail(e, CK_MALFORMED, "%s.b: not a rational", what);
            return -1;
        }
        if (m < 1) {
            ck_fail(e, CK_MALFORMED, "%s.m: must be a positive integer", what);
            return -1;
        }
        mpz_set_si(q->em, (long)m);
    }
    q->has_exact = 1;
    return 0;
}

int ck_encl_verify(const ck_encl *q, const char *name, const ck_qs *x, const mpz_t m, ck_err *e)
{
    const char *why = NULL;
    if (mpq_cmp(q->lo, q->hi) > 0)
        why = "lo > hi";
    else if (ck_qs_cmp_q(x, q->lo, m) < 0)
        why = "lo is above the exact value";
    else if (ck_qs_cmp_q(x, q->hi, m) > 0)
        why = "hi is below the exact value";
    else if (mpq_cmp(q->dlo, q->lo) > 0 || mpq_cmp(q->dhi, q->hi) < 0)
        why = "decimal rendering does not contain [lo, hi]";
    else if (q->has_exact && !ck_qs_equal2(q->ea, q->eb, q->em, x->a, x->b, m))
        why = "exact differs from the recomputed value";
    if (!why) return 0;
    ck_fail(e, CK_INVALID, "quantity %s: %s", name, why);
    return -1;
}

int ck_encl_verify_rational(const json_t *qj, const char *name, const mpq_t x, ck_err *e)
{
    ck_encl en;
    ck_qs v;
    mpz_t one;
    ck_encl_init(&en), ck_qs_init(&v), mpz_init_set_ui(one, 1);
    mpq_set(v.a, x), mpq_set_ui(v.b, 0, 1);
    int rc = ck_encl_parse(json_object_get(qj, name), name, &en, e);
    if (!rc) rc = ck_encl_verify(&en, name, &v, one, e);
    ck_encl_clear(&en), ck_qs_clear(&v), mpz_clear(one);
    return rc;
}

int ck_encl_check_interval(const ck_encl *q, const char *name, const char *no_exact, ck_err *e)
{
    const char *why = NULL;
    if (mpq_cmp(q->lo, q->hi) > 0)
        why = "lo > hi";
    else if (mpq_cmp(q->dlo, q->lo) > 0 || mpq_cmp(q->dhi, q->hi) < 0)
        why = "decimal rendering does not contain [lo, hi]";
    else if (q->has_exact)
        why = no_exact;
    if (!why) return 0;
    ck_fail(e, CK_INVALID, "quantity %s: %s", name, why);
    return -1;
}

int ck_encl_verify_mpfi(const ck_encl *q, const char *name, mpfi_srcptr x, ck_err *e)
{
    if (ck_encl_check_interval(q, name, "an exact value is not allowed here", e)) return -1;
    if (!mpfi_nan_p(x) && mpfr_cmp_q(&x->left, q->lo) >= 0 && mpfr_cmp_q(&x->right, q->hi) <= 0) return 0;
    ck_fail(e, CK_INVALID, "quantity %s: the checker's enclosure is not inside [lo, hi]", name);
    return -1;
}
