/* npy_file.c: one data file (.npy or .npz) read whole into memory, its SHA-256 (Nettle), and its
 * arrays parsed (npy_header.c, npz_zip.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <nettle/sha2.h>
#include "npy/npy.h"

static void sha256_hex(const unsigned char *p, size_t n, char out[65])
{
    struct sha256_ctx ctx;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    while (n > 0) { /* nettle takes size_t lengths; in slices all the same */
        size_t k = n > (1u << 30) ? (1u << 30) : n;
        sha256_update(&ctx, k, p);
        p += k, n -= k;
    }
    sha256_digest(&ctx, sizeof d, d);
    for (int k = 0; k < SHA256_DIGEST_SIZE; k++) snprintf(out + 2 * k, 3, "%02x", d[k]);
}

static _Thread_local const char *sub_path;
static _Thread_local const unsigned char *sub_bytes;
static _Thread_local size_t sub_len;

void npy_file_substitute(const char *path, const unsigned char *bytes, size_t len)
{
    sub_path = path, sub_bytes = bytes, sub_len = len;
}

static int read_all(npy_file *f, const char *path, nc_error *err)
{
    struct stat st;
    if (sub_path && !strcmp(path, sub_path)) {
        f->bytes = (unsigned char *)sub_bytes, f->len = sub_len, f->borrowed = 1;
        return 0;
    }
    FILE *in = fopen(path, "rb");
    if (in == NULL) return nc_error_set(err, NC_EXIT_BAD_INPUT, "cannot read %s: %s", path, strerror(errno));
    if (fstat(fileno(in), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(in);
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s is not a regular file", path);
    }
    if (st.st_size > NPY_MAX_FILE_BYTES) {
        fclose(in);
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s is larger than 1 GiB (the data file limit)", path);
    }
    f->len = (size_t)st.st_size;
    f->bytes = malloc(f->len ? f->len : 1);
    size_t got = f->bytes ? fread(f->bytes, 1, f->len, in) : 0;
    fclose(in);
    if (f->bytes == NULL) return nc_error_set(err, NC_EXIT_INTERNAL, "out of memory reading %s", path);
    if (got != f->len) return nc_error_set(err, NC_EXIT_BAD_INPUT, "cannot read %s: short read", path);
    return 0;
}

typedef struct {
    npy_file *f;
    const char *path;
} member_ctx;

static int add_member(void *vctx, const char *name, const unsigned char *img, size_t n, nc_error *err)
{
    member_ctx *c = vctx;
    char where[400];
    if (c->f->narrays == NPY_MAX_ARRAYS)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: more than %d arrays", c->path, NPY_MAX_ARRAYS);
    if (npy_file_array(c->f, name))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: member %s.npy appears twice", c->path, name);
    snprintf(where, sizeof where, "%.300s: member %s.npy", c->path, name);
    npy_array *a = &c->f->arrays[c->f->narrays];
    if (npy_parse(a, img, n, where, err)) return err->status;
    snprintf(a->name, sizeof a->name, "%s", name);
    c->f->narrays++;
    return 0;
}

int npy_file_read(npy_file *f, const char *path, int zip, nc_error *err)
{
    memset(f, 0, sizeof *f);
    int rc = read_all(f, path, err);
    if (!rc) {
        sha256_hex(f->bytes, f->len, f->sha256);
        member_ctx c = {f, path};
        if (zip)
            rc = npz_members(f->bytes, f->len, path, add_member, &c, err);
        else if (!(rc = npy_parse(&f->arrays[0], f->bytes, f->len, path, err)))
            f->narrays = 1;
    }
    if (rc) npy_file_clear(f);
    return rc;
}

void npy_file_clear(npy_file *f)
{
    if (!f->borrowed) free(f->bytes);
    memset(f, 0, sizeof *f);
}

const npy_array *npy_file_array(const npy_file *f, const char *name)
{
    for (int k = 0; k < f->narrays; k++)
        if (!f->arrays[k].name[0] || !strcmp(f->arrays[k].name, name)) return &f->arrays[k];
    return NULL;
}
