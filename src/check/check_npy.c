/* check_npy.c: owns nccheck's reading of .npy images and .npz members (check_npy.h): the header
 * must be the one numpy writes ({'descr': '<f4', 'fortran_order': False, 'shape': (N, d), }
 * padded with spaces and a newline), the data exactly count * size bytes; .npz: the end record
 * at the very end, stored members only. No floating point: elements are decoded from their bits. */
#include "check_alloc.h"
#include "check_npy.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t le(const unsigned char *p, int n)
{
    uint64_t v = 0;
    while (n-- > 0) v = v << 8 | p[n];
    return v;
}

static int bad(ck_err *e, const char *where, const char *why)
{
    ck_fail(e, CK_MALFORMED, "data: %s: %s", where, why);
    return -1;
}

int ck_npy_parse(ck_npy *a, const unsigned char *buf, size_t len, const char *where, ck_err *e)
{
    char h[512], canon[512], order[8], shape[64];
    memset(a, 0, sizeof *a);
    if (len < 12 || memcmp(buf, "\x93NUMPY", 6) || buf[6] < 1 || buf[6] > 3)
        return bad(e, where, "not a .npy image of version 1, 2 or 3");
    size_t start = buf[6] == 1 ? 10 : 12, hl = (size_t)le(buf + 8, buf[6] == 1 ? 2 : 4);
    if (hl > len - start) return bad(e, where, "header longer than the file");
    if (hl >= sizeof h) return bad(e, where, "header longer than 511 bytes");
    memcpy(h, buf + start, hl);
    h[hl] = '\0';
    if (sscanf(h, "{'descr': '%3[<>|fiu1248]', 'fortran_order': %5[TrueFals], 'shape': (%63[0-9, ]), }", a->descr,
               order, shape) != 3)
        return bad(e, where, "header not in numpy's form");
    a->fortran = !strcmp(order, "True");
    char *p = shape;
    while (*p && a->ndim < 2) {
        char *end;
        long long v = strtoll(p, &end, 10);
        if (end == p || v < 0 || v >= (1LL << 40)) return bad(e, where, "bad shape");
        a->shape[a->ndim++] = v;
        p = end;
        if (*p == ',') p++;
        if (*p == ' ') p++;
    }
    if (*p || a->ndim < 1) return bad(e, where, "only 1-D and 2-D arrays are read");
    char dims[48];
    if (a->ndim == 1) snprintf(dims, sizeof dims, "%lld,", a->shape[0]);
    if (a->ndim == 2) snprintf(dims, sizeof dims, "%lld, %lld", a->shape[0], a->shape[1]);
    int n = snprintf(canon, sizeof canon, "{'descr': '%s', 'fortran_order': %s, 'shape': (%s), }", a->descr,
                     a->fortran ? "True" : "False", dims);
    if (n < 0 || strncmp(h, canon, (size_t)n) || strspn(h + n, " ") != hl - (size_t)n - 1 || h[hl - 1] != '\n')
        return bad(e, where, "header not in numpy's form");
    a->kind = a->descr[1];
    a->size = a->descr[2] - '0';
    a->big = a->descr[0] == '>';
    if ((a->kind == 'f' && a->size == 1) || (a->descr[0] == '|' && a->size != 1))
        return bad(e, where, "unsupported dtype");
    /* each dimension < 2^40: the product is formed only once it is known to fit in the file */
    if (a->ndim == 2 && a->shape[1] && a->shape[0] > (long long)(len / (size_t)a->size) / a->shape[1])
        return bad(e, where, "data shorter than the shape");
    a->count = a->shape[0] * (a->ndim == 2 ? a->shape[1] : 1);
    if ((unsigned long long)a->count * (unsigned long long)a->size != len - start - hl)
        return bad(e, where, "data size differs from shape x dtype");
    a->data = buf + start + hl;
    return 0;
}

int ck_npz_member(const unsigned char *buf, size_t len, const char *name, const unsigned char **img, size_t *n,
                  const char *where, ck_err *e)
{
    if (len < 22 || memcmp(buf + len - 22, "PK\x05\x06", 4) || le(buf + len - 2, 2))
        return bad(e, where, "no zip end record at the end of the file");
    const unsigned char *r = buf + len - 22;
    uint64_t count = le(r + 10, 2), size = le(r + 12, 4), off = le(r + 16, 4);
    if (le(r + 4, 4) || off > len - 22 || size > len - 22 - off) return bad(e, where, "bad zip end record");
    const unsigned char *p = buf + off, *end = p + size;
    size_t want = strlen(name);
    int found = 0;
    for (uint64_t m = 0; m < count; m++) {
        if (end - p < 46 || memcmp(p, "PK\x01\x02", 4)) return bad(e, where, "bad zip central directory");
        uint64_t nl = le(p + 28, 2), xl = le(p + 30, 2), cl = le(p + 32, 2), lo = le(p + 42, 4);
        uint64_t cs = le(p + 20, 4), us = le(p + 24, 4);
        if ((uint64_t)(end - p) - 46 < nl + xl + cl) return bad(e, where, "bad zip central directory");
        if (nl == want + 4 && !memcmp(p + 46, name, want) && !memcmp(p + 46 + want, ".npy", 4)) {
            if (le(p + 10, 2) != 0 || (le(p + 8, 2) & 1) || cs != us || lo > len - 30 ||
                memcmp(buf + lo, "PK\x03\x04", 4))
                return bad(e, where, "member not stored uncompressed, or bad local header");
            uint64_t data = lo + 30 + le(buf + lo + 26, 2) + le(buf + lo + 28, 2);
            if (data > len || us > len - data) return bad(e, where, "member past the end of the file");
            *img = buf + data, *n = (size_t)us;
            if (found++) return bad(e, where, "a member name appears twice");
        }
        p += 46 + nl + xl + cl;
    }
    if (found) return 0;
    ck_fail(e, CK_MALFORMED, "data: %s: no member %s.npy", where, name);
    return -1;
}

int ck_npy_parts(const ck_npy *a, long long r, long long c, int *negp, uint64_t *mant, long *shiftp)
{
    long long rows = a->shape[0], cols = a->ndim == 2 ? a->shape[1] : 1;
    const unsigned char *p = a->data + (a->fortran ? c * rows + r : r * cols + c) * a->size;
    uint64_t v = 0;
    for (int k = 0; k < a->size; k++) v = v << 8 | p[a->big ? k : a->size - 1 - k];
    int neg = 0;
    long shift = 0;
    if (a->kind == 'i' && a->size < 8 && (v >> (8 * a->size - 1))) v = (1ULL << (8 * a->size)) - v, neg = 1;
    if (a->kind == 'i' && a->size == 8 && (v >> 63)) v = ~v + 1, neg = 1; /* |INT64_MIN| = 2^63 fits */
    if (a->kind == 'f') {
        int eb = a->size == 2 ? 5 : a->size == 4 ? 8 : 11, mb = a->size == 2 ? 10 : a->size == 4 ? 23 : 52;
        uint64_t ex = (v >> mb) & ((1ULL << eb) - 1), bias = (1ULL << (eb - 1)) - 1;
        neg = (int)(v >> (mb + eb)) & 1;
        if (ex == (1ULL << eb) - 1) return -1;
        v &= (1ULL << mb) - 1;
        if (ex) v |= 1ULL << mb;
        shift = (long)(ex ? ex : 1) - (long)bias - mb; /* value = v * 2^shift */
    }
    while (v && shift < 0 && !(v & 1)) v >>= 1, shift++; /* lowest terms: odd mantissa or integer */
    *negp = neg && v, *mant = v, *shiftp = v ? shift : 0;
    return 0;
}

int ck_npy_get(const ck_npy *a, long long r, long long c, mpq_t out)
{
    int neg;
    uint64_t v;
    long shift;
    if (ck_npy_parts(a, r, c, &neg, &v, &shift)) return -1;
    mpz_import(mpq_numref(out), 1, 1, sizeof v, 0, 0, &v);
    mpz_set_ui(mpq_denref(out), 1);
    if (neg) mpz_neg(mpq_numref(out), mpq_numref(out));
    if (shift > 0) mpq_mul_2exp(out, out, (mp_bitcnt_t)shift);
    if (shift < 0) mpq_div_2exp(out, out, (mp_bitcnt_t)-shift);
    return 0;
}
