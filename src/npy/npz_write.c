/* npz_write.c: a .npz archive built in memory from arrays in memory (the C API, src/api/): each
 * array (any strides) gathered into C order behind the .npy header numpy.save writes (format
 * 1.0, the header padded to 64 bytes), the members stored uncompressed in a zip file with a fixed
 * date (1980-01-01), so the same values give the same bytes; numpy.load and this project's
 * readers (npz_zip.c, nccheck's check_npy.c) read it. CRC-32 from zlib. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "npy/npy.h"

#define ZIP_DATE 0x21 /* 1980-01-01 in MS-DOS format; time 00:00 */

static void put(unsigned char **p, uint64_t v, int n)
{
    for (int k = 0; k < n; k++) (*p)[k] = (unsigned char)(v >> (8 * k));
    *p += n;
}

/* "<f4" from the dtype as given: '=' (native) becomes '<' or '>'; 0, or -1 if unsupported. */
static int canonical_descr(const char *in, char out[4], int *size)
{
    static const uint16_t one = 1;
    int little = *(const unsigned char *)&one == 1;
    if (strlen(in) != 3 || !strchr("<>|=", in[0]) || !strchr("fiu", in[1]) || !strchr("1248", in[2])) return -1;
    *size = in[2] - '0';
    out[0] = in[0] == '=' ? (*size == 1 ? '|' : little ? '<' : '>') : in[0];
    if (*size == 1 && out[0] != '|') out[0] = '|';
    out[1] = in[1], out[2] = in[2], out[3] = '\0';
    return (in[1] == 'f' && *size == 1) || (out[0] == '|' && *size != 1) ? -1 : 0;
}

/* The .npy header (magic, version 1.0, length, dict, padding, newline) into H (room: 512). */
static size_t npy_header(unsigned char *h, const char *descr, const npz_source *a)
{
    char dict[400], dims[300] = "";
    size_t k = 0;
    for (int t = 0; t < a->ndim; t++)
        k += (size_t)snprintf(dims + k, sizeof dims - k, "%s%lld", t ? ", " : "", a->shape[t]);
    int m = snprintf(dict, sizeof dict, "{'descr': '%s', 'fortran_order': False, 'shape': (%s%s), }", descr, dims,
                     a->ndim == 1 ? "," : "");
    size_t total = (10 + (size_t)m + 1 + 63) / 64 * 64, hl = total - 10;
    memcpy(h, "\x93NUMPY\x01\x00", 8);
    h[8] = (unsigned char)(hl & 0xff), h[9] = (unsigned char)(hl >> 8);
    memcpy(h + 10, dict, (size_t)m);
    memset(h + 10 + m, ' ', hl - (size_t)m - 1);
    h[total - 1] = '\n';
    return total;
}

/* The elements of A in C order into OUT (count * size bytes), following its byte strides. */
static void gather(unsigned char *out, const npz_source *a, long long count, int size)
{
    if (!a->strides) {
        memcpy(out, a->data, (size_t)(count * size));
        return;
    }
    long long idx[NPY_MAX_NDIM] = {0};
    for (long long e = 0; e < count; e++) {
        long long off = 0;
        for (int t = 0; t < a->ndim; t++) off += idx[t] * a->strides[t];
        memcpy(out + e * size, (const unsigned char *)a->data + off, (size_t)size);
        for (int t = a->ndim - 1; t >= 0 && ++idx[t] == a->shape[t]; t--) idx[t] = 0;
    }
}

/* Checks A and returns its element count and size, or -1 with err set. */
static long long source_count(const npz_source *a, char descr[4], int *size, nc_error *err)
{
    if (!a->name || !a->name[0] || strlen(a->name) >= NPY_NAME_LEN)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "npz: an array needs a name under %d characters", NPY_NAME_LEN), -1;
    if (!a->dtype || canonical_descr(a->dtype, descr, size))
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "%s: dtype '%.16s' is not supported (float16/32/64 or int/uint 8..64 bits, either byte "
                            "order)",
                            a->name, a->dtype ? a->dtype : "(none)"),
               -1;
    if (a->ndim < 0 || a->ndim > NPY_MAX_NDIM || (a->ndim && !a->shape))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: %d dimensions (at most %d)", a->name, a->ndim, NPY_MAX_NDIM),
               -1;
    long long count = 1;
    for (int t = 0; t < a->ndim; t++) {
        if (a->shape[t] < 0 || (a->shape[t] && count > NPY_MAX_FILE_BYTES / 8 / a->shape[t]))
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: shape entry %lld is negative or too large", a->name,
                                a->shape[t]),
                   -1;
        count *= a->shape[t];
    }
    if (count && !a->data) return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: no data", a->name), -1;
    return count;
}

int npz_image_build(const npz_source *src, int n, unsigned char **out, size_t *len, nc_error *err)
{
    char descr[NPY_MAX_ARRAYS][4];
    int size[NPY_MAX_ARRAYS];
    long long count[NPY_MAX_ARRAYS];
    size_t total = 22, nl[NPY_MAX_ARRAYS];
    *out = NULL, *len = 0;
    if (n < 1 || n > NPY_MAX_ARRAYS) return nc_error_set(err, NC_EXIT_BAD_INPUT, "npz: 1 to %d arrays", NPY_MAX_ARRAYS);
    for (int m = 0; m < n; m++) {
        if ((count[m] = source_count(&src[m], descr[m], &size[m], err)) < 0) return err->status;
        nl[m] = strlen(src[m].name) + 4;
        total += 30 + 46 + 2 * nl[m] + 512 + (size_t)(count[m] * size[m]);
        if (total > (size_t)NPY_MAX_FILE_BYTES)
            return nc_error_set(err, NC_EXIT_BAD_INPUT, "npz: the arrays exceed 1 GiB (the data file limit)");
    }
    unsigned char *buf = malloc(total), *p = buf;
    size_t *off = malloc((size_t)n * sizeof *off);
    uint32_t *crc = malloc((size_t)n * sizeof *crc);
    uint64_t *sz = malloc((size_t)n * sizeof *sz);
    if (!buf || !off || !crc || !sz) {
        free(buf), free(off), free(crc), free(sz);
        return nc_error_set(err, NC_EXIT_INTERNAL, "out of memory building the .npz image");
    }
    for (int m = 0; m < n; m++) { /* local header, name, .npy image */
        off[m] = (size_t)(p - buf);
        unsigned char *img = p + 30 + nl[m];
        size_t h = npy_header(img, descr[m], &src[m]);
        gather(img + h, &src[m], count[m], size[m]);
        sz[m] = h + (uint64_t)(count[m] * size[m]);
        crc[m] = 0;
        for (uint64_t done = 0; done < sz[m];) { /* zlib takes uInt lengths */
            uInt k = sz[m] - done > (1u << 30) ? (1u << 30) : (uInt)(sz[m] - done);
            crc[m] = (uint32_t)crc32(crc[m], img + done, k);
            done += k;
        }
        put(&p, 0x04034b50, 4), put(&p, 20, 2), put(&p, 0, 2), put(&p, 0, 2), put(&p, 0, 2), put(&p, ZIP_DATE, 2);
        put(&p, crc[m], 4), put(&p, sz[m], 4), put(&p, sz[m], 4), put(&p, nl[m], 2), put(&p, 0, 2);
        memcpy(p, src[m].name, nl[m] - 4), memcpy(p + nl[m] - 4, ".npy", 4);
        p += nl[m] + sz[m];
    }
    size_t cd = (size_t)(p - buf);
    for (int m = 0; m < n; m++) { /* central directory */
        put(&p, 0x02014b50, 4), put(&p, 20, 2), put(&p, 20, 2), put(&p, 0, 2), put(&p, 0, 2), put(&p, 0, 2);
        put(&p, ZIP_DATE, 2), put(&p, crc[m], 4), put(&p, sz[m], 4), put(&p, sz[m], 4), put(&p, nl[m], 2);
        put(&p, 0, 2), put(&p, 0, 2), put(&p, 0, 2), put(&p, 0, 2), put(&p, 0, 4), put(&p, off[m], 4);
        memcpy(p, src[m].name, nl[m] - 4), memcpy(p + nl[m] - 4, ".npy", 4);
        p += nl[m];
    }
    size_t cd_size = (size_t)(p - buf) - cd;
    put(&p, 0x06054b50, 4), put(&p, 0, 2), put(&p, 0, 2), put(&p, (uint64_t)n, 2), put(&p, (uint64_t)n, 2);
    put(&p, cd_size, 4), put(&p, cd, 4), put(&p, 0, 2);
    free(off), free(crc), free(sz);
    *out = buf, *len = (size_t)(p - buf);
    return 0;
}
