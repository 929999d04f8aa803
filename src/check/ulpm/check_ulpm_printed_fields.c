/* check_ulpm_printed_fields.c: owns the helpers every part of the ulpm.printed check shares
 * (check_ulpm_printed.h): an instance entry, a witness integer, and a stated quantity checked
 * against its exact value or the checker's interval. */
#include "check_enclosure.h"
#include "check_rational.h"
#include "ulpm/check_ulpm_printed.h"

int ck_ulpm_printed_entry(mpq_t x, const json_t *v, const char *what, ck_err *e)
{
    if (!json_is_string(v) || ck_parse_entry(json_string_value(v), x)) {
        ck_fail(e, CK_MALFORMED, "instance.%s: a number string required", what);
        return -1;
    }
    return 0;
}

int ck_ulpm_printed_wint(const json_t *wj, const char *key, long lo, long hi, long *out, ck_err *e)
{
    long long v;
    if (ck_get_int(wj, "witnesses", key, &v, e)) return -1;
    if (v < lo || v > hi) {
        ck_fail(e, CK_MALFORMED, "witnesses.%s: out of range [%ld, %ld]", key, lo, hi);
        return -1;
    }
    *out = (long)v;
    return 0;
}

int ck_ulpm_printed_exact(const json_t *qj, const char *name, const mpq_t a, const mpq_t b, const mpz_t m, ck_err *e)
{
    ck_encl q;
    ck_qs x;
    ck_encl_init(&q), ck_qs_init(&x);
    mpq_set(x.a, a), mpq_set(x.b, b);
    int rc = ck_encl_parse(json_object_get(qj, name), name, &q, e) || ck_encl_verify(&q, name, &x, m, e) ? -1 : 0;
    ck_encl_clear(&q), ck_qs_clear(&x);
    return rc;
}

int ck_ulpm_printed_interval(const json_t *qj, const char *name, mpfi_srcptr v, ck_err *e)
{
    ck_encl q;
    ck_encl_init(&q);
    int rc = -1;
    if (ck_encl_parse(json_object_get(qj, name), name, &q, e)) goto out;
    if (q.has_exact)
        ck_fail(e, CK_MALFORMED, "quantity %s: no exact value expected", name);
    else if (mpq_cmp(q.lo, q.hi) > 0)
        ck_fail(e, CK_INVALID, "quantity %s: lo > hi", name);
    else if (mpq_cmp(q.dlo, q.lo) > 0 || mpq_cmp(q.dhi, q.hi) < 0)
        ck_fail(e, CK_INVALID, "quantity %s: decimal rendering does not contain [lo, hi]", name);
    else if (!mpfr_number_p(&v->left) || !mpfr_number_p(&v->right) || mpfr_cmp_q(&v->left, q.lo) < 0 ||
             mpfr_cmp_q(&v->right, q.hi) > 0)
        ck_fail(e, CK_INVALID, "quantity %s: [lo, hi] does not contain the checker's interval", name);
    else
        rc = 0;
out:
    ck_encl_clear(&q);
    return rc;
}
