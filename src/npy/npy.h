/* npy.h: reading NumPy arrays from .npy files and .npz archives (numpy.save, numpy.savez) exactly:
 * the header (format versions 1, 2, 3: descr, fortran_order, shape), the dtypes f2/f4/f8 and
 * i1..i8/u1..u8 in either byte order, C and Fortran order; .npz members stored without
 * compression (numpy.savez; numpy.savez_compressed's DEFLATE members are refused with the cure).
 * The whole file is read into memory and its SHA-256 computed (Nettle); every size is checked
 * against the file before anything is allocated for it. */
#ifndef NPY_H
#define NPY_H
#include <stddef.h>
#include <stdint.h>
#include "common/nc_error.h"

#define NPY_MAX_FILE_BYTES (1LL << 30) /* data files over 1 GiB are refused */
#define NPY_MAX_ARRAYS 16              /* .npz members read (more: refused) */
#define NPY_MAX_NDIM 8
#define NPY_NAME_LEN 64

typedef enum { NPY_FLOAT, NPY_INT, NPY_UINT } npy_class;

typedef struct {
    char name[NPY_NAME_LEN]; /* the .npz member without ".npy"; "" for a .npy file */
    char descr[8];           /* as written in the header: "<f4", "|u1" */
    npy_class cls;
    int size;       /* bytes per element: 1, 2, 4, 8 */
    int big_endian; /* 1 for '>' */
    int fortran;    /* fortran_order: True */
    int ndim;
    long long shape[NPY_MAX_NDIM];
    long long count;           /* product of the shape */
    const unsigned char *data; /* count * size bytes inside the file's buffer */
} npy_array;

typedef struct {
    unsigned char *bytes; /* the whole file */
    size_t len;
    int borrowed;    /* 1: bytes belong to npy_file_substitute's caller (not freed) */
    char sha256[65]; /* lowercase hex */
    int narrays;
    npy_array arrays[NPY_MAX_ARRAYS];
} npy_file;

/* Reads PATH: a .npz archive when ZIP, else one .npy array. Errors (status 2) name the file. */
int npy_file_read(npy_file *f, const char *path, int zip, nc_error *err);
void npy_file_clear(npy_file *f);

/* On the calling thread, until called again: npy_file_read(PATH) reads the LEN bytes at BYTES
 * (borrowed, not copied) instead of the file PATH, so that arrays in memory (the C API, src/api/)
 * go through exactly the code that reads files. PATH NULL ends the substitution. */
void npy_file_substitute(const char *path, const unsigned char *bytes, size_t len);

/* The array named NAME (.npz), or the one array of a .npy file (NAME ignored); NULL if none. */
const npy_array *npy_file_array(const npy_file *f, const char *name);

/* Parses the .npy image at BUF (LEN bytes: header and data exactly) into A (data points into
 * BUF). WHERE names it in messages ("net.npz: member W.npy"). */
int npy_parse(npy_array *a, const unsigned char *buf, size_t len, const char *where, nc_error *err);

/* Element at (row, col) of a 1-D (col = 0) or 2-D array, in the array's own order. Floats and
 * integers up to 2^53 in absolute value become the double they are exactly: returns 0; NaN or
 * infinity: 1; an integer beyond 2^53: 2. */
int npy_get_double(const npy_array *a, long long row, long long col, double *x);
/* The same for an integer array, exactly as a 64-bit signed value: 0, or 2 beyond int64. */
int npy_get_int(const npy_array *a, long long row, long long col, int64_t *x);

/* The .npz member images (stored, not compressed): calls EACH for each member. */
int npz_members(const unsigned char *buf, size_t len, const char *path,
                int (*each)(void *ctx, const char *name, const unsigned char *img, size_t n, nc_error *err), void *ctx,
                nc_error *err);
/* An array in memory for npz_image_build: DATA points to the first element; STRIDES (bytes per
 * step along each axis, possibly negative) or NULL for C order; DTYPE a NumPy dtype string
 * ("<f4", "=i8", "|u1"; '=' is the machine's order). */
typedef struct {
    const char *name; /* the member name without ".npy" */
    const void *data;
    const char *dtype;
    int ndim;
    const long long *shape;
    const long long *strides;
} npz_source;

/* The .npz archive (numpy.savez layout, stored members, C order, fixed dates: the same arrays
 * give the same bytes) of the N arrays SRC, malloc'ed into *OUT (*LEN bytes). Bad dtype, shape
 * or size (over NPY_MAX_FILE_BYTES): status 2 naming the array. */
int npz_image_build(const npz_source *src, int n, unsigned char **out, size_t *len, nc_error *err);
#endif
