/* kernel_frobenius.h: the double-precision squared Frobenius norm kernel (recursive sum of
 * squares), with its ACSL contract. Rounding-error analysis and the ball radius to use for its
 * result: proofs/derivations/kernels-rounding.md. Proofs: proofs/wp/run.sh. */
#ifndef NCCERT_KERNEL_FROBENIUS_H
#define NCCERT_KERNEL_FROBENIUS_H

/* Sum of squares x[0]^2 + ... + x[len-1]^2, summed in increasing index, round-to-nearest. */
/*@ requires size:   len >= 0;
    requires read_x: \valid_read(x + (0 .. len - 1));
    assigns \nothing;
*/
double kernel_frobenius2(long len, const double *x);

#endif
