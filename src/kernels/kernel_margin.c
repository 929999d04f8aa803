/* kernel_margin.c: owns the double-precision margin kernels: logits of one sample
 * (recursive dot products in increasing index), the margin of a sample from its stored logits
 * with the smallest maximising competitor class, all margins of a sample-major feature matrix,
 * and the first argmin of the margins. Contracts in kernel_margin.h; rounding analysis in
 * proofs/derivations/kernels-rounding.md. */
#include "kernels/kernel_margin.h"

/* Integer facts for the index proofs (nonlinear: proved on their own, then used as hints). */
/*@ lemma mul_le_mono: \forall integer a, b, c; 0 <= c && a <= b ==> a * c <= b * c;
    lemma mul_lt_cancel: \forall integer a, b, c; 0 < c && a * c < b * c ==> a < b;
    lemma mul_le_mono3: \forall integer a, n, k, d; 0 <= d && a <= n * k ==> a * d <= n * k * d;
    lemma div_unique: \forall integer c, n, q; 0 < n && 0 <= c && q * n <= c < q * n + n ==> c / n == q;
*/

void kernel_logits(int K, int d, const double *W, const double *h, double *z)
{
    int row = 0; /* row == j*d: the offset of W's row j, kept without a multiplication */
    /*@ loop invariant 0 <= j <= K;
        loop invariant row == j * d;
        loop assigns j, row, z[0 .. K - 1];
        loop variant K - j;
    */
    for (int j = 0; j < K; j++) {
        double s = 0.0;
        /*@ assert distrib: (j + 1) * d == j * d + d; */
        /*@ assert mono: (j + 1) * d <= K * d; */
        /*@ assert row_end: row + d <= K * d; */
        /*@ loop invariant 0 <= l <= d;
            loop assigns l, s;
            loop variant d - l;
        */
        for (int l = 0; l < d; l++)
            s = s + W[row + l] * h[l];
        z[j] = s;
        row += d;
    }
}

double kernel_margin_from_logits(int K, int k, const double *z, int *jstar)
{
    int js = (k == 0) ? 1 : 0;
    /*@ loop invariant 1 <= j <= K;
        loop invariant 0 <= js < j && js < K && js != k;
        loop invariant finite_doubles(z, K) ==>
                       \forall integer i; 0 <= i < j && i != k ==> \le_double(z[i], z[js]);
        loop invariant finite_doubles(z, K) ==>
                       \forall integer i; 0 <= i < js && i != k ==> \lt_double(z[i], z[js]);
        loop assigns j, js;
        loop variant K - j;
    */
    for (int j = js + 1; j < K; j++) {
        if (j != k && z[j] > z[js])
            js = j;
    }
    *jstar = js;
    return z[k] - z[js];
}

void kernel_margins(int K, int n, int d, const double *W, const double *Ht, double *z, double *m, int *js)
{
    int N = n * K;
    int k = 0, i = 0; /* c == k*n + i, 0 <= i < n, so k == c / n without a division */
    /*@ loop invariant 0 <= c <= N;
        loop invariant 0 <= i < n && c == k * n + i;
        loop invariant c < N ==> 0 <= k < K;
        loop invariant \forall integer c2; 0 <= c2 < c ==> 0 <= js[c2] < K && js[c2] != c2 / n;
        loop assigns c, k, i, z[0 .. K - 1], m[0 .. N - 1], js[0 .. N - 1];
        loop variant N - c;
    */
    for (int c = 0; c < N; c++) {
        /*@ assert k_row: k * n <= c < k * n + n; */
        /*@ assert k_div: k == c / n; */
        /*@ assert distrib: (c + 1) * d == c * d + d; */
        /*@ assert mono: (c + 1) * d <= n * K * d; */
        /*@ assert row_end: c * d + d <= N * d; */
        kernel_logits(K, d, W, Ht + c * d, z);
        m[c] = kernel_margin_from_logits(K, k, z, &js[c]);
        if (++i == n) {
            i = 0;
            k++;
        }
    }
}

int kernel_argmin(int N, const double *m)
{
    int best = 0;
    /*@ loop invariant 1 <= c <= N;
        loop invariant 0 <= best < c;
        loop invariant \forall integer c2; 0 <= c2 < c ==> \le_double(m[best], m[c2]);
        loop invariant \forall integer c2; 0 <= c2 < best ==> \lt_double(m[best], m[c2]);
        loop assigns c, best;
        loop variant N - c;
    */
    for (int c = 1; c < N; c++)
        if (m[c] < m[best])
            best = c;
    return best;
}
