/* check_npy.h: nccheck's own reader of the data files a data/1 instance names (specs/instance.md):
 * .npy images with the header exactly as numpy writes it, .npz archives of stored members (no
 * compression, no Zip64), elements as exact rationals. Small and strict: nothing else is read. */
#ifndef NCCHECK_NPY_H
#define NCCHECK_NPY_H
#include <gmp.h>
#include <stddef.h>
#include <stdint.h>

#include "check_json.h"

typedef struct {
    char descr[4]; /* "<f4" */
    int kind;      /* 'f', 'i', 'u' */
    int size, big, fortran, ndim;
    long long shape[2], count;
    const unsigned char *data;
} ck_npy;

/* The .npy image of LEN bytes at BUF (1-D or 2-D, supported dtypes only) into A. */
int ck_npy_parse(ck_npy *a, const unsigned char *buf, size_t len, const char *where, ck_err *e);
/* The stored member NAME.npy of the .npz archive at BUF: its image in *IMG, *N bytes. */
int ck_npz_member(const unsigned char *buf, size_t len, const char *name, const unsigned char **img, size_t *n,
                  const char *where, ck_err *e);
/* Element (r, c) exactly (c = 0 for 1-D); -1 for NaN or infinity. */
int ck_npy_get(const ck_npy *a, long long r, long long c, mpq_t out);
/* The same as (-1)^neg * mant * 2^shift in lowest terms (mant odd when shift < 0; 0: mant = 0,
 * shift = 0, neg = 0). */
int ck_npy_parts(const ck_npy *a, long long r, long long c, int *neg, uint64_t *mant, long *shift);
#endif
