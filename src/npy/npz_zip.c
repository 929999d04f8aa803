/* npz_zip.c: the members of a .npz archive (a zip file of .npy images, numpy.savez): the end of
 * central directory record, the central directory (sizes and offsets, Zip64 extra fields
 * included), each member's local header; only stored (uncompressed) members are accepted. */
#include <stdio.h>
#include <string.h>
#include "npy/npy.h"

static uint64_t le(const unsigned char *p, int n)
{
    uint64_t v = 0;
    for (int k = n - 1; k >= 0; k--) v = v << 8 | p[k];
    return v;
}

/* The end of central directory record: its offset, or -1. */
static long long find_eocd(const unsigned char *buf, size_t len)
{
    if (len < 22) return -1;
    size_t lo = len > 22 + 65535 ? len - 22 - 65535 : 0;
    for (size_t i = len - 22 + 1; i-- > lo;)
        if (!memcmp(buf + i, "PK\x05\x06", 4) && i + 22 + le(buf + i + 20, 2) == len) return (long long)i;
    return -1;
}

/* Zip64 extended information (extra field id 1): the 8-byte values of the fields that are
 * 0xFFFFFFFF in the central directory, in the order size, compressed size, offset. */
static int zip64_fields(const unsigned char *x, size_t n, uint64_t *v[3])
{
    while (n >= 4) {
        size_t id = (size_t)le(x, 2), sz = (size_t)le(x + 2, 2);
        if (sz > n - 4) return -1;
        if (id == 1) {
            size_t k = 0;
            for (int f = 0; f < 3; f++)
                if (*v[f] == 0xFFFFFFFFu) {
                    if (k + 8 > sz) return -1;
                    *v[f] = le(x + 4 + k, 8), k += 8;
                }
            return 0;
        }
        x += 4 + sz, n -= 4 + sz;
    }
    return -1;
}

int npz_members(const unsigned char *buf, size_t len, const char *path,
                int (*each)(void *ctx, const char *name, const unsigned char *img, size_t n, nc_error *err), void *ctx,
                nc_error *err)
{
    long long e = find_eocd(buf, len);
    if (e < 0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "%s: not a .npz (zip) archive: no end of central directory "
                            "(truncated?)",
                            path);
    const unsigned char *r = buf + e;
    uint64_t count = le(r + 10, 2), cd_size = le(r + 12, 4), cd_off = le(r + 16, 4);
    if (count == 0xFFFF || cd_size == 0xFFFFFFFFu || cd_off == 0xFFFFFFFFu || le(r + 4, 2) || le(r + 6, 2))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: multi-disk or Zip64 end records are not supported", path);
    if (cd_off > (uint64_t)e || cd_size > (uint64_t)e - cd_off)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: central directory outside the file (truncated?)", path);
    const unsigned char *p = buf + cd_off, *end = p + cd_size;
    for (uint64_t m = 0; m < count; m++) {
        if (end - p < 46 || memcmp(p, "PK\x01\x02", 4))
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: malformed central directory", path);
        uint64_t flags = le(p + 8, 2), method = le(p + 10, 2), csize = le(p + 20, 4), usize = le(p + 24, 4);
        uint64_t off = le(p + 42, 4);
        size_t nl = (size_t)le(p + 28, 2), xl = (size_t)le(p + 30, 2), cl = (size_t)le(p + 32, 2);
        if ((size_t)(end - p) - 46 < nl + xl + cl)
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: malformed central directory", path);
        char name[NPY_NAME_LEN + 8];
        if (nl < 5 || nl >= sizeof name || memcmp(p + 46 + nl - 4, ".npy", 4))
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: member %.*s is not NAME.npy (name under %d characters)",
                                path, (int)(nl < 80 ? nl : 80), (const char *)p + 46, NPY_NAME_LEN);
        memcpy(name, p + 46, nl - 4);
        name[nl - 4] = '\0';
        uint64_t *v[3] = {&usize, &csize, &off};
        if ((usize == 0xFFFFFFFFu || csize == 0xFFFFFFFFu || off == 0xFFFFFFFFu) && zip64_fields(p + 46 + nl, xl, v))
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: member %s: malformed Zip64 extra field", path, name);
        if (method == 8)
            return nc_error_set(err, NC_EXIT_BAD_INPUT,
                                "%s: member %s.npy is compressed (numpy.savez_compressed); save with numpy.savez "
                                "(uncompressed) instead",
                                path, name);
        if (method != 0 || (flags & 1) || csize != usize)
            return nc_error_set(err, NC_EXIT_BAD_INPUT,
                                "%s: member %s.npy is encrypted or compressed (method %llu); only stored members "
                                "(numpy.savez) are read",
                                path, name, (unsigned long long)method);
        if (off > len || len - off < 30 || memcmp(buf + off, "PK\x03\x04", 4))
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: member %s.npy: bad local header offset", path, name);
        uint64_t data = off + 30 + le(buf + off + 26, 2) + le(buf + off + 28, 2);
        if (data > len || usize > len - data)
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: member %s.npy extends past the end (truncated?)", path,
                                name);
        if (each(ctx, name, buf + data, (size_t)usize, err)) return err->status;
        p += 46 + nl + xl + cl;
    }
    return 0;
}
