/* npy_value.c: one element of a .npy array as the exact number it is: IEEE half, single and
 * double precision decoded from their bits (every one is a double exactly), integers of 1 to 8
 * bytes in either byte order. */
#include <math.h>
#include <string.h>
#include "npy/npy.h"

/* The element's bytes as an unsigned integer, byte order applied. */
static uint64_t element_bits(const npy_array *a, long long row, long long col)
{
    long long rows = a->ndim >= 1 ? a->shape[0] : 1, cols = a->ndim >= 2 ? a->shape[1] : 1;
    long long t = a->fortran ? col * rows + row : row * cols + col;
    const unsigned char *p = a->data + t * a->size;
    uint64_t v = 0;
    for (int k = 0; k < a->size; k++) v = v << 8 | p[a->big_endian ? k : a->size - 1 - k];
    return v;
}

/* The bits of an integer element as a signed value (sign-extended) or, unsigned, as is. */
static int element_int(const npy_array *a, uint64_t bits, int64_t *x)
{
    if (a->cls == NPY_UINT) {
        if (bits > (uint64_t)INT64_MAX) return 2;
        *x = (int64_t)bits;
        return 0;
    }
    int shift = 64 - 8 * a->size;
    *x = shift ? (int64_t)(bits << shift) >> shift : (int64_t)bits; /* arithmetic shift: gcc, clang */
    return 0;
}

/* IEEE binary16/32/64 from its bits: 0 finite (exact), 1 NaN or infinity. */
static int decode_float(int size, uint64_t bits, double *x)
{
    int ebits = size == 2 ? 5 : size == 4 ? 8 : 11, mbits = size == 2 ? 10 : size == 4 ? 23 : 52;
    int bias = (1 << (ebits - 1)) - 1;
    uint64_t mant = bits & ((1ULL << mbits) - 1), exp = (bits >> mbits) & ((1ULL << ebits) - 1);
    int neg = (int)(bits >> (mbits + ebits)) & 1;
    if (exp == (1ULL << ebits) - 1) return 1;
    if (size == 8) {
        memcpy(x, &bits, sizeof *x);
        return 0;
    }
    /* value = mant * 2^(1 - bias - mbits) (subnormal) or (2^mbits + mant) * 2^(exp - bias - mbits):
     * the integer has at most 24 bits and the exponent lies in the double range, so exact. */
    double m = (double)(exp ? mant | (1ULL << mbits) : mant);
    *x = ldexp(m, (exp ? (int)exp : 1) - bias - mbits);
    if (neg) *x = -*x;
    return 0;
}

int npy_get_double(const npy_array *a, long long row, long long col, double *x)
{
    uint64_t bits = element_bits(a, row, col);
    if (a->cls == NPY_FLOAT) return decode_float(a->size, bits, x);
    int64_t v;
    if (element_int(a, bits, &v) || v > (1LL << 53) || v < -(1LL << 53)) return 2;
    *x = (double)v;
    return 0;
}

int npy_get_int(const npy_array *a, long long row, long long col, int64_t *x)
{
    return element_int(a, element_bits(a, row, col), x);
}
