/* kernel_margin.h: the double-precision margin kernels (logits of one sample, the margin of a
 * sample from its stored logits with the witness class jstar, all margins of a sample-major
 * feature matrix, the first argmin of the margins), with their ACSL contracts.
 * Rounding-error analysis: proofs/derivations/kernels-rounding.md. Proofs: proofs/wp/run.sh.
 * Contract conventions: float finiteness is not part of the contracts (Frama-C is run with
 * -warn-special-float none); the callers check isfinite at run time and fall back to Arb. */
#ifndef NCCERT_KERNEL_MARGIN_H
#define NCCERT_KERNEL_MARGIN_H

#include <limits.h>

/*@ predicate finite_doubles{L}(double *a, integer len) =
      \forall integer i; 0 <= i < len ==> \is_finite(a[i]);
*/

/* Logits of one sample: z[j] = sum_{l<d} W[j*d+l]*h[l], j<K, summed in increasing l. */
/*@ requires size:   1 <= K && 1 <= d && K * d <= INT_MAX;
    requires read_W: \valid_read(W + (0 .. K*d - 1));
    requires read_h: \valid_read(h + (0 .. d - 1));
    requires write_z: \valid(z + (0 .. K - 1));
    requires sep:    \separated(z + (0 .. K - 1), W + (0 .. K*d - 1), h + (0 .. d - 1));
    assigns z[0 .. K - 1];
*/
void kernel_logits(int K, int d, const double *W, const double *h, double *z);

/* Margin of sample of class k from stored logits: returns z[k] - z[*jstar] where *jstar != k
   is the smallest index attaining max_{j != k} z[j]. Contract: *jstar != k, 0 <= *jstar < K,
   z[*jstar] >= z[j] for all j != k, result == z[k] - z[*jstar] (the float subtraction).
   Proved by WP: the range of *jstar always; the max and first-max properties when every z[j] is
   finite (comparisons stated with the IEEE predicates \le_double, \lt_double, which agree with
   the real order on finite doubles). Not a WP goal: that the result is the rounded difference
   z[k] - z[*jstar]; it is the return expression itself (`return z[k] - z[js]` after
   `*jstar = js`), checked by review and by tests/t_kernels.c, because WP 25's provers do not
   relate IEEE subtraction to its real-number rounding (see proofs/derivations/kernels-rounding.md). */
/*@ requires size:   2 <= K && 0 <= k < K;
    requires read_z: \valid_read(z + (0 .. K - 1));
    requires write_jstar: \valid(jstar);
    requires sep:    \separated(jstar, z + (0 .. K - 1));
    assigns *jstar;
    ensures jstar_range: 0 <= *jstar < K && *jstar != k;
    behavior finite_logits:
      assumes finite_doubles(z, K);
      ensures jstar_max:   \forall integer j; 0 <= j < K && j != k ==> \le_double(z[j], z[*jstar]);
      ensures jstar_first: \forall integer j; 0 <= j < *jstar && j != k ==> \lt_double(z[j], z[*jstar]);
    behavior nonfinite_logits:
      assumes !finite_doubles(z, K);
    complete behaviors;
    disjoint behaviors;
*/
double kernel_margin_from_logits(int K, int k, const double *z, int *jstar);

/* All margins: Ht is the N x d sample-major copy of H (row c = h_{k,i}, c = k*n+i, N = n*K).
   For each c: m[c] = margin of sample c (class k = c / n), js[c] = its jstar. z: scratch, K doubles.
   Finiteness of the logits is not checked here: a non-finite logit makes the margins of that
   sample meaningless (possibly NaN); callers check isfinite(m[c]) and fall back to Arb. */
/*@ requires size:    2 <= K && 1 <= n && 1 <= d && n * K * d <= INT_MAX;
    requires read_W:  \valid_read(W + (0 .. K*d - 1));
    requires read_Ht: \valid_read(Ht + (0 .. n*K*d - 1));
    requires write:   \valid(z + (0 .. K - 1)) && \valid(m + (0 .. n*K - 1))
                      && \valid(js + (0 .. n*K - 1));
    requires sep_z:   \separated(z + (0 .. K - 1), W + (0 .. K*d - 1), Ht + (0 .. n*K*d - 1),
                                 m + (0 .. n*K - 1), js + (0 .. n*K - 1));
    requires sep_m:   \separated(m + (0 .. n*K - 1), W + (0 .. K*d - 1),
                                 Ht + (0 .. n*K*d - 1), js + (0 .. n*K - 1));
    requires sep_js:  \separated(js + (0 .. n*K - 1), W + (0 .. K*d - 1), Ht + (0 .. n*K*d - 1));
    assigns z[0 .. K - 1], m[0 .. n*K - 1], js[0 .. n*K - 1];
    ensures js_range: \forall integer c; 0 <= c < n*K ==> 0 <= js[c] < K && js[c] != c / n;
*/
void kernel_margins(int K, int n, int d, const double *W, const double *Ht, double *z, double *m, int *js);

/* Index of the first minimum of m[0..N-1]: result c* with m[c*] <= m[c] for all c. */
/*@ requires size:   1 <= N;
    requires read_m: \valid_read(m + (0 .. N - 1));
    requires finite: finite_doubles(m, N);
    assigns \nothing;
    ensures range: 0 <= \result < N;
    ensures min:   \forall integer c; 0 <= c < N ==> \le_double(m[\result], m[c]);
    ensures first: \forall integer c; 0 <= c < \result ==> \lt_double(m[\result], m[c]);
*/
int kernel_argmin(int N, const double *m);

#endif
