/* cert_quantity.c: one enclosure of a certificate: exact endpoints, decimal, exact value. */
#include <string.h>
#include "cert/cert.h"

static json_t *hex_string(const arf_t x)
{
    char *s = cert_arf_to_hex(x);
    json_t *j = json_string(s);
    flint_free(s);
    return j;
}

/* Arb's decimal rendering, with "[+/- r]" (zero midpoint) written "[0 +/- r]". */
static json_t *decimal_string(const arb_t x)
{
    char *s = arb_get_str(x, 17, 0);
    json_t *j;
    if (strncmp(s, "[+/-", 4) == 0) {
        size_t len = strlen(s);
        char *t = flint_malloc(len + 3);
        strcpy(t, "[0 ");
        strcat(t, s + 1);
        j = json_string(t);
        flint_free(t);
    } else {
        j = json_string(s);
    }
    flint_free(s);
    return j;
}

json_t *cert_fmpq_string(const fmpq_t q)
{
    char *s = fmpq_get_str(NULL, 10, q);
    json_t *j = json_string(s);
    flint_free(s);
    return j;
}

json_t *cert_quantity(const arb_t x, const qsqrt_t exact, slong m)
{
    arf_t lo, hi, r;
    arf_init(lo);
    arf_init(hi);
    arf_init(r);
    arf_set_mag(r, arb_radref(x));
    arf_sub(lo, arb_midref(x), r, ARF_PREC_EXACT, ARF_RND_DOWN); /* exact */
    arf_add(hi, arb_midref(x), r, ARF_PREC_EXACT, ARF_RND_UP);
    json_t *q = json_object();
    json_object_set_new(q, "lo", hex_string(lo));
    json_object_set_new(q, "hi", hex_string(hi));
    json_object_set_new(q, "decimal", decimal_string(x));
    if (exact != NULL) {
        json_t *e = json_object();
        json_object_set_new(e, "a", cert_fmpq_string(exact->a));
        if (!fmpq_is_zero(exact->b)) {
            json_object_set_new(e, "b", cert_fmpq_string(exact->b));
            json_object_set_new(e, "m", json_integer(m));
        }
        json_object_set_new(q, "exact", e);
    }
    arf_clear(lo);
    arf_clear(hi);
    arf_clear(r);
    return q;
}
