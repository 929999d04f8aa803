/* kernel_frobenius.c: owns the double-precision squared Frobenius norm (sum of squares of a
 * flat array, recursive summation in increasing index). Contract in kernel_frobenius.h;
 * rounding analysis in proofs/derivations/kernels-rounding.md. */
#include "kernels/kernel_frobenius.h"

double kernel_frobenius2(long len, const double *x)
{
    double s = 0.0;
    /*@ loop invariant 0 <= i <= len;
        loop assigns i, s;
        loop variant len - i;
    */
    for (long i = 0; i < len; i++)
        s = s + x[i] * x[i];
    return s;
}
