/* npy_header.c: the .npy format (numpy.lib.format, versions 1.0, 2.0, 3.0): magic, header length,
 * the header dictionary {'descr': ..., 'fortran_order': ..., 'shape': (...)}, parsed strictly,
 * and the data size checked against the bytes present before anything is trusted. */
#include <stdio.h>
#include <string.h>
#include "npy/npy.h"

#define NPY_MAX_HEADER (1L << 16) /* numpy's own readers refuse longer headers */

typedef struct {
    const char *p, *end;
} cursor;

static void skip_ws(cursor *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r')) c->p++;
}

static int eat(cursor *c, char ch)
{
    skip_ws(c);
    if (c->p < c->end && *c->p == ch) {
        c->p++;
        return 1;
    }
    return 0;
}

/* A quoted string (' or ", no escapes) into OUT (at most N-1 characters). */
static int read_string(cursor *c, char *out, size_t n)
{
    skip_ws(c);
    if (c->p >= c->end || (*c->p != '\'' && *c->p != '"')) return -1;
    char q = *c->p++;
    size_t k = 0;
    while (c->p < c->end && *c->p != q) {
        if (*c->p == '\\' || k + 1 >= n) return -1;
        out[k++] = *c->p++;
    }
    if (c->p >= c->end) return -1;
    c->p++;
    out[k] = '\0';
    return 0;
}

static int read_bool(cursor *c, int *v)
{
    skip_ws(c);
    size_t left = (size_t)(c->end - c->p);
    if (left >= 4 && !memcmp(c->p, "True", 4)) return c->p += 4, *v = 1, 0;
    if (left >= 5 && !memcmp(c->p, "False", 5)) return c->p += 5, *v = 0, 0;
    return -1;
}

/* (d0, d1, ...) with at most NPY_MAX_NDIM non-negative integers below 2^40. */
static int read_shape(cursor *c, npy_array *a)
{
    if (!eat(c, '(')) return -1;
    a->ndim = 0;
    for (;;) {
        if (eat(c, ')')) return 0;
        skip_ws(c);
        long long v = 0;
        int digits = 0;
        while (c->p < c->end && *c->p >= '0' && *c->p <= '9' && digits < 13) v = v * 10 + (*c->p++ - '0'), digits++;
        if (digits == 0 || (c->p < c->end && *c->p >= '0' && *c->p <= '9') || v >= (1LL << 40)) return -1;
        if (a->ndim == NPY_MAX_NDIM) return -1;
        a->shape[a->ndim++] = v;
        if (!eat(c, ',')) return eat(c, ')') ? 0 : -1;
    }
}

/* "<f4", ">i8", "|u1": byte order, kind and size of the supported dtypes. */
static int parse_descr(npy_array *a)
{
    const char *d = a->descr;
    if (strlen(d) != 3 || !strchr("<>|", d[0]) || !strchr("fiu", d[1]) || !strchr("1248", d[2])) return -1;
    a->size = d[2] - '0';
    a->cls = d[1] == 'f' ? NPY_FLOAT : d[1] == 'i' ? NPY_INT : NPY_UINT;
    a->big_endian = d[0] == '>';
    if (a->cls == NPY_FLOAT && a->size == 1) return -1;
    if (d[0] == '|' && a->size != 1) return -1; /* '|' (no byte order) only for one byte */
    return 0;
}

static unsigned long le(const unsigned char *p, int n)
{
    unsigned long v = 0;
    for (int k = n - 1; k >= 0; k--) v = v << 8 | p[k];
    return v;
}

/* 1 iff the header text H (N bytes) is exactly what numpy.save writes for A: the dict in repr
 * form, then spaces and one newline (nccheck reads only this form). */
static int header_is_canonical(const npy_array *a, const char *h, size_t n)
{
    char canon[400], dims[300] = "";
    size_t k = 0;
    for (int t = 0; t < a->ndim; t++)
        k += (size_t)snprintf(dims + k, sizeof dims - k, "%s%lld", t ? ", " : "", a->shape[t]);
    int m = snprintf(canon, sizeof canon, "{'descr': '%s', 'fortran_order': %s, 'shape': (%s%s), }", a->descr,
                     a->fortran ? "True" : "False", dims, a->ndim == 1 ? "," : "");
    if (m < 0 || (size_t)m >= n || memcmp(h, canon, (size_t)m) || h[n - 1] != '\n') return 0;
    for (size_t t = (size_t)m; t + 1 < n; t++)
        if (h[t] != ' ') return 0;
    return 1;
}

int npy_parse(npy_array *a, const unsigned char *buf, size_t len, const char *where, nc_error *err)
{
    memset(a, 0, sizeof *a);
    if (len < 10 || memcmp(buf, "\x93NUMPY", 6))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: not a .npy array (no \\x93NUMPY magic; truncated?)", where);
    int major = buf[6];
    if (major < 1 || major > 3)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: .npy format version %d.%d is not supported (1, 2, 3)", where,
                            major, buf[7]);
    size_t start = major == 1 ? 10 : 12;
    if (len < start) return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: truncated .npy header", where);
    unsigned long hlen = le(buf + 8, major == 1 ? 2 : 4);
    if (hlen > NPY_MAX_HEADER || hlen > len - start)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: .npy header of %lu bytes is longer than the file (truncated?)",
                            where, hlen);
    cursor c = {(const char *)buf + start, (const char *)buf + start + hlen};
    int seen[3] = {0, 0, 0}, bad = !eat(&c, '{'), done = 0;
    while (!bad && !done && !(done = eat(&c, '}'))) {
        char key[32];
        if (read_string(&c, key, sizeof key) || !eat(&c, ':')) {
            bad = 1;
            break;
        }
        int which = !strcmp(key, "descr") ? 0 : !strcmp(key, "fortran_order") ? 1 : !strcmp(key, "shape") ? 2 : -1;
        if (which < 0 || seen[which]++) {
            bad = 1;
            break;
        }
        skip_ws(&c);
        if (which == 0 && c.p < c.end && *c.p == '[')
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: structured dtypes are not supported", where);
        if (which == 0)
            bad = read_string(&c, a->descr, sizeof a->descr) != 0;
        else
            bad = which == 1 ? read_bool(&c, &a->fortran) != 0 : read_shape(&c, a) != 0;
        if (!bad && !eat(&c, ',')) bad = !(done = eat(&c, '}'));
    }
    skip_ws(&c);
    if (bad || !done || c.p != c.end || !seen[0] || !seen[1] || !seen[2])
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "%s: malformed .npy header (expected {'descr': ..., 'fortran_order': ..., 'shape': (...)})",
                            where);
    if (!header_is_canonical(a, (const char *)buf + start, hlen))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: .npy header not in the form numpy.save writes", where);
    if (parse_descr(a))
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "%s: dtype '%s' is not supported (float16/32/64 or int/uint 8..64 bits, either byte order)",
                            where, a->descr);
    size_t data = len - start - hlen;
    a->count = 1;
    for (int k = 0; k < a->ndim; k++) { /* each factor < 2^40 and the product bounded by the file */
        if (a->shape[k] != 0 && a->count > (long long)(data / (size_t)a->size) / a->shape[k] + 1)
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: shape larger than the data present (truncated?)", where);
        a->count *= a->shape[k];
    }
    if ((unsigned long long)a->count * (unsigned long long)a->size != data)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: %zu data bytes where the shape and dtype need %lld (%s)",
                            where, data, a->count * a->size,
                            (unsigned long long)a->count * (unsigned long long)a->size > data ? "truncated"
                                                                                              : "trailing bytes");
    a->data = buf + start + hlen;
    return 0;
}
