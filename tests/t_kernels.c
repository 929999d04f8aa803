/* t_kernels.c: tests of the double kernels (src/kernels/): known answers computed by hand, ties
 * (the smallest index wins), K = 2, underflow, and randomised checks that every kernel result lies
 * within the a-priori rounding bound of proofs/derivations/kernels-rounding.md around the exact
 * value, computed with Arb from the exact double inputs (4400 bits: every sum of products of
 * doubles is exact at that precision). Seed: env NCCERT_TEST_SEED, else a fixed default. */
#include <arb.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kernels/kernel_frobenius.h"
#include "kernels/kernel_margin.h"
#include "tap.h"

#define EXACT_PREC 4400 /* > 2098 + 2148 bits: products and sums of binary64 numbers are exact */

static uint64_t rng_state;
static uint64_t splitmix64(void)
{
    uint64_t z = (rng_state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}
static int rand_int(int lo, int hi)
{
    return lo + (int)(splitmix64() % (uint64_t)(hi - lo + 1));
}

/* A random double with a 53-bit significand and exponent in [emin, emax]; sign random. */
static double rand_double(int emin, int emax)
{
    double m = (double)(splitmix64() >> 11) * 0x1p-53 + 0.5; /* [0.5, 1): exact */
    double x = ldexp(m, rand_int(emin, emax));
    return (splitmix64() & 1) ? -x : x;
}

/* Fills x with doubles of one of several scale profiles (including products that underflow). */
static void rand_vector(double *x, long len, int profile)
{
    for (long i = 0; i < len; i++) {
        switch (profile) {
        case 0: x[i] = rand_double(-3, 3); break;      /* ordinary */
        case 1: x[i] = rand_double(-60, 60); break;    /* wide range */
        case 2: x[i] = rand_double(-560, -500); break; /* products underflow */
        case 3: x[i] = (splitmix64() & 3) ? rand_double(-540, -520) : rand_double(-2, 2); break;
        default: x[i] = (double)rand_int(-8, 8); break; /* small integers: ties */
        }
    }
}

/* gamma_n = n u / (1 - n u), u = 2^-53, as a ball (exact inputs). */
static void gamma_arb(arb_t g, long n)
{
    arb_t t;
    arb_init(t);
    arb_set_si(t, n);
    arb_mul_2exp_si(t, t, -53);
    arb_sub_ui(g, t, 1, EXACT_PREC);
    arb_neg(g, g);
    arb_div(g, t, g, EXACT_PREC);
    arb_clear(t);
}

/* Is |approx - exact| <= bound certainly (all balls)? */
static int within(double approx, const arb_t exact, const arb_t bound)
{
    arb_t e;
    int ok;
    arb_init(e);
    arb_set_d(e, approx);
    arb_sub(e, e, exact, EXACT_PREC);
    arb_abs(e, e);
    ok = arb_le(e, bound);
    arb_clear(e);
    return ok;
}

/* Exact dot product and sum of |products| of doubles. */
static void exact_dot(arb_t dot, arb_t absdot, long d, const double *w, const double *h)
{
    arb_t p;
    arb_init(p);
    arb_zero(dot);
    arb_zero(absdot);
    for (long l = 0; l < d; l++) {
        arb_set_d(p, w[l]);
        {
            arb_t q;
            arb_init(q);
            arb_set_d(q, h[l]);
            arb_mul(p, p, q, EXACT_PREC);
            arb_clear(q);
        }
        arb_add(dot, dot, p, EXACT_PREC);
        arb_abs(p, p);
        arb_add(absdot, absdot, p, EXACT_PREC);
    }
    arb_clear(p);
}

/* Radius of kernel_logits' z[j] (derivation, section 2): gamma_d * A + d * 2^-1074 (d <= 2^50). */
static void logit_radius(arb_t r, long d, const arb_t absdot)
{
    arb_t t;
    arb_init(t);
    gamma_arb(r, d);
    arb_mul(r, r, absdot, EXACT_PREC);
    arb_set_si(t, d);
    arb_mul_2exp_si(t, t, -1074);
    arb_add(r, r, t, EXACT_PREC);
    arb_clear(t);
}

/* Frobenius ball (derivation, section 3): s in [fl(1 - g) - b, fl(1 + g) + b], g = gamma_len,
   b = len 2^-1074 (len <= 2^50): the classical bound (with Hauser's exact small sums), sharper
   than the machine-checked one the caller uses (b = len 2^-1073), so passing it implies that
   one. Returns 1 iff the exact s certainly lies in it. */
static int frobenius_ok(double fl, long len, const double *x)
{
    arb_t s, p, g, lo, hi, b;
    int ok;
    arb_init(s);
    arb_init(p);
    arb_init(g);
    arb_init(lo);
    arb_init(hi);
    arb_init(b);
    arb_zero(s);
    for (long i = 0; i < len; i++) {
        arb_set_d(p, x[i]);
        arb_mul(p, p, p, EXACT_PREC);
        arb_add(s, s, p, EXACT_PREC);
    }
    gamma_arb(g, len);
    arb_set_si(b, len);
    arb_mul_2exp_si(b, b, -1074);
    arb_set_d(p, fl);
    arb_mul(lo, p, g, EXACT_PREC); /* fl g */
    arb_add(hi, p, lo, EXACT_PREC);
    arb_add(hi, hi, b, EXACT_PREC); /* fl (1 + g) + b */
    arb_sub(lo, p, lo, EXACT_PREC);
    arb_sub(lo, lo, b, EXACT_PREC); /* fl (1 - g) - b */
    ok = arb_le(lo, s) && arb_le(s, hi);
    arb_clear(s);
    arb_clear(p);
    arb_clear(g);
    arb_clear(lo);
    arb_clear(hi);
    arb_clear(b);
    return ok;
}

static void test_known_answers(void)
{
    /* Logits by hand: W = [[1,0],[0,1],[1,1]], h = [2,1] -> z = [2,1,3]. */
    const double W[6] = {1, 0, 0, 1, 1, 1}, h[2] = {2, 1};
    double z[3];
    int js = -1;
    kernel_logits(3, 2, W, h, z);
    tap_ok(z[0] == 2 && z[1] == 1 && z[2] == 3, "logits by hand: z = [2,1,3]");
    double m = kernel_margin_from_logits(3, 0, z, &js);
    tap_ok(js == 2 && m == -1, "margin k=0: jstar 2, margin 2-3 = -1 (got %d, %g)", js, m);
    m = kernel_margin_from_logits(3, 2, z, &js);
    tap_ok(js == 0 && m == 1, "margin k=2: jstar 0, margin 3-2 = 1 (got %d, %g)", js, m);

    /* Ties: z = [5,7,7,1]: the smallest maximising index wins. */
    const double zt[4] = {5, 7, 7, 1};
    m = kernel_margin_from_logits(4, 0, zt, &js);
    tap_ok(js == 1 && m == -2, "tie k=0: jstar 1 (first of two 7s), margin -2 (got %d, %g)", js, m);
    m = kernel_margin_from_logits(4, 1, zt, &js);
    tap_ok(js == 2 && m == 0, "tie k=1: jstar 2, margin 0 (got %d, %g)", js, m);
    m = kernel_margin_from_logits(4, 2, zt, &js);
    tap_ok(js == 1 && m == 0, "tie k=2: jstar 1, margin 0 (got %d, %g)", js, m);
    m = kernel_margin_from_logits(4, 3, zt, &js);
    tap_ok(js == 1 && m == -6, "tie k=3: jstar 1, margin -6 (got %d, %g)", js, m);
    const double zall[3] = {2, 2, 2};
    m = kernel_margin_from_logits(3, 0, zall, &js);
    tap_ok(js == 1 && m == 0, "all equal, k=0: jstar 1 (got %d)", js);
    m = kernel_margin_from_logits(3, 1, zall, &js);
    tap_ok(js == 0 && m == 0, "all equal, k=1: jstar 0 (got %d)", js);

    /* K = 2: the competitor is the other class. */
    const double z2[2] = {3, 4};
    m = kernel_margin_from_logits(2, 0, z2, &js);
    tap_ok(js == 1 && m == -1, "K=2, k=0: jstar 1, margin -1 (got %d, %g)", js, m);
    m = kernel_margin_from_logits(2, 1, z2, &js);
    tap_ok(js == 0 && m == 1, "K=2, k=1: jstar 0, margin 1 (got %d, %g)", js, m);

    /* All margins by hand: K=2, n=2, d=2, W = I; samples (rows of Ht):
       c=0 (k=0): [3,1] -> z=[3,1], m=2, js=1;   c=1 (k=0): [0,2] -> m=-2, js=1;
       c=2 (k=1): [1,5] -> m=4, js=0;            c=3 (k=1): [4,4] -> m=0, js=0.  argmin = 1. */
    const double I2[4] = {1, 0, 0, 1}, Ht[8] = {3, 1, 0, 2, 1, 5, 4, 4};
    double zz[2], mm[4];
    int jj[4];
    kernel_margins(2, 2, 2, I2, Ht, zz, mm, jj);
    tap_ok(mm[0] == 2 && mm[1] == -2 && mm[2] == 4 && mm[3] == 0, "margins by hand: [2,-2,4,0] (got [%g,%g,%g,%g])",
           mm[0], mm[1], mm[2], mm[3]);
    tap_ok(jj[0] == 1 && jj[1] == 1 && jj[2] == 0 && jj[3] == 0, "witnesses by hand: [1,1,0,0]");
    tap_ok(kernel_argmin(4, mm) == 1, "argmin of [2,-2,4,0] is 1");

    /* argmin ties and N = 1. */
    const double mt[5] = {3, 1, 2, 1, 1};
    tap_ok(kernel_argmin(5, mt) == 1, "argmin of [3,1,2,1,1] is the first minimum, 1");
    tap_ok(kernel_argmin(1, mt) == 0, "argmin with N=1 is 0");
    const double mneg[3] = {-0.0, 0.0, -1};
    tap_ok(kernel_argmin(3, mneg) == 2, "argmin of [-0,0,-1] is 2");

    /* Frobenius by hand and in underflow. */
    const double f[3] = {3, 4, 12};
    tap_ok(kernel_frobenius2(3, f) == 169, "frobenius2([3,4,12]) = 169");
    tap_ok(kernel_frobenius2(0, f) == 0, "frobenius2 of an empty array is 0");
    const double tiny[2] = {0x1p-600, -0x1p-600};
    double ft = kernel_frobenius2(2, tiny);
    tap_ok(ft == 0 && frobenius_ok(ft, 2, tiny),
           "frobenius2 underflows to 0 and the bound still holds (len 2^-1074 term)");
    const double sub[1] = {0x1p-537}; /* square 2^-1074 is exact */
    tap_ok(kernel_frobenius2(1, sub) == 0x1p-1074, "frobenius2(2^-537) = 2^-1074 exactly");
}

/* The comparison machinery rejects a value outside the bound (the test is not vacuous). */
static void test_negative_control(void)
{
    double x[4] = {1, 0x1p-30, 3, 0x1.8p-27};
    double fl = kernel_frobenius2(4, x);
    tap_ok(frobenius_ok(fl, 4, x), "negative control: computed frobenius2 within the bound");
    tap_ok(!frobenius_ok(fl * (1 + 0x1p-49), 4, x), "negative control: a value 2^-49 relatively off is rejected");
    tap_ok(!frobenius_ok(nextafter(fl, 0) * (1 - 0x1p-50), 4, x),
           "negative control: a value below the lower bound is rejected");
}

static void test_random(int rounds)
{
    int bad_logit = 0, bad_margin = 0, bad_min = 0, bad_js = 0, bad_frob = 0, bad_argmin = 0;
    long checked = 0;
    arb_t A, Z, r, t, rk, e, Zk;
    arb_init(A);
    arb_init(Z);
    arb_init(r);
    arb_init(t);
    arb_init(rk);
    arb_init(e);
    arb_init(Zk);
    for (int round = 0; round < rounds; round++) {
        int K = rand_int(2, 7), n = rand_int(1, 4), d = rand_int(1, 40), N = n * K;
        int profile = rand_int(0, 4);
        double *W = malloc(sizeof(double) * (size_t)(K * d));
        double *Ht = malloc(sizeof(double) * (size_t)(N * d));
        double *z = malloc(sizeof(double) * (size_t)K), *zc = malloc(sizeof(double) * (size_t)K);
        double *m = malloc(sizeof(double) * (size_t)N);
        int *js = malloc(sizeof(int) * (size_t)N);
        arb_ptr Zx = _arb_vec_init(K), R = _arb_vec_init(K);
        if (!W || !Ht || !z || !zc || !m || !js) {
            tap_ok(0, "allocation");
            return;
        }
        rand_vector(W, (long)K * d, profile);
        rand_vector(Ht, (long)N * d, profile == 4 ? 4 : rand_int(0, 3));
        kernel_margins(K, n, d, W, Ht, z, m, js);
        for (int c = 0; c < N; c++) {
            int k = c / n;
            kernel_logits(K, d, W, Ht + (long)c * d, zc);
            for (int j = 0; j < K; j++) {
                exact_dot(Zx + j, A, d, W + (long)j * d, Ht + (long)c * d);
                logit_radius(R + j, d, A);
                if (!within(zc[j], Zx + j, R + j)) bad_logit++;
                checked++;
            }
            /* witness: in range, not k, first maximiser of the computed logits */
            int j0 = js[c];
            if (j0 < 0 || j0 >= K || j0 == k) {
                bad_js++;
                continue;
            }
            for (int j = 0; j < K; j++)
                if (j != k && (zc[j] > zc[j0] || (j < j0 && zc[j] == zc[j0]))) bad_js++;
            /* margin at the witness: |m - (Z_k - Z_j0)| <= u |z_k - z_j0| + r_k + r_j0 */
            if (m[c] != zc[k] - zc[j0]) bad_margin++;
            arb_set_d(t, zc[k]);
            arb_set_d(e, zc[j0]);
            arb_sub(t, t, e, EXACT_PREC);
            arb_abs(t, t);
            arb_mul_2exp_si(t, t, -53);
            arb_add(t, t, R + k, EXACT_PREC);
            arb_set(rk, t);
            arb_add(t, t, R + j0, EXACT_PREC);
            arb_sub(Zk, Zx + k, Zx + j0, EXACT_PREC);
            if (!within(m[c], Zk, t)) bad_margin++;
            /* true margin min_{j != k} (Z_k - Z_j): |m - M| <= u|z_k - z_j0| + r_k + max_{j != k} r_j */
            arb_zero(e);
            int first = 1;
            for (int j = 0; j < K; j++) {
                if (j == k) continue;
                arb_sub(Z, Zx + k, Zx + j, EXACT_PREC);
                if (first) {
                    arb_set(A, Z);
                    first = 0;
                } else
                    arb_min(A, A, Z, EXACT_PREC);
                arb_max(e, e, R + j, EXACT_PREC);
            }
            arb_add(rk, rk, e, EXACT_PREC);
            if (!within(m[c], A, rk)) bad_min++;
        }
        /* argmin of the margins */
        int cs = kernel_argmin(N, m);
        for (int c = 0; c < N; c++)
            if (m[c] < m[cs] || (c < cs && m[c] == m[cs])) bad_argmin++;
        /* Frobenius of W and of Ht */
        if (!frobenius_ok(kernel_frobenius2((long)K * d, W), (long)K * d, W)) bad_frob++;
        if (!frobenius_ok(kernel_frobenius2((long)N * d, Ht), (long)N * d, Ht)) bad_frob++;
        _arb_vec_clear(Zx, K);
        _arb_vec_clear(R, K);
        free(W);
        free(Ht);
        free(z);
        free(zc);
        free(m);
        free(js);
    }
    tap_ok(bad_logit == 0, "random: %ld logits within gamma_d*sum|w h| + d*2^-1074 of exact (%d out)", checked,
           bad_logit);
    tap_ok(bad_js == 0, "random: every witness jstar in range, != k, first maximiser (%d bad)", bad_js);
    tap_ok(bad_margin == 0, "random: margins equal fl(z_k - z_jstar) and within bound at the witness (%d bad)",
           bad_margin);
    tap_ok(bad_min == 0, "random: margins within bound of the exact min_{j!=k} margin (%d bad)", bad_min);
    tap_ok(bad_argmin == 0, "random: argmin is the first minimum (%d bad)", bad_argmin);
    tap_ok(bad_frob == 0, "random: frobenius2 exact value in [fl(1-g)-b, fl(1+g)+b] (%d out)", bad_frob);
    arb_clear(A);
    arb_clear(Z);
    arb_clear(r);
    arb_clear(t);
    arb_clear(rk);
    arb_clear(e);
    arb_clear(Zk);
}

/* Long sums: frobenius2 on arrays of equal entries, where the recursive sum error accumulates. */
static void test_frobenius_long(void)
{
    int bad = 0;
    long lens[4] = {1000, 4097, 20000, 100000};
    for (int t = 0; t < 4; t++) {
        long len = lens[t];
        double *x = malloc(sizeof(double) * (size_t)len);
        if (!x) {
            tap_ok(0, "allocation");
            return;
        }
        for (long i = 0; i < len; i++) x[i] = (t & 1) ? rand_double(-2, 2) : 0x1.6a09e667f3bcdp+0;
        if (!frobenius_ok(kernel_frobenius2(len, x), len, x)) bad++;
        free(x);
    }
    tap_ok(bad == 0, "frobenius2 on long arrays (up to 1e5 terms) within the bound (%d out)", bad);
}

int main(void)
{
    const char *env = getenv("NCCERT_TEST_SEED");
    rng_state = env && *env ? strtoull(env, NULL, 0) : UINT64_C(20240607);
    tap_diag("seed %llu (set NCCERT_TEST_SEED to reproduce)", (unsigned long long)rng_state);
    test_known_answers();
    test_negative_control();
    test_random(300);
    test_frobenius_long();
    flint_cleanup();
    return tap_done();
}
