/* bench_lemma31.c: certification of ulpm.lemma-3.1 against the plain double evaluation of
 * q_min and the Frobenius norms on the same random-dyadic/1 instance, in one run.
 * usage: bench_lemma31 K n d [repeats]. Prints the median seconds of each and their ratio. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "claims/claim.h"
#include "instance/instance.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The peer: what one would write in plain C to get q_min and the norms (no rigour). */
static double plain_double(const instance *I, double *nw, double *nh)
{
    long K = I->K, d = I->d, N = instance_N(I);
    double q = INFINITY, *z = malloc((size_t)K * sizeof(double));
    for (long c = 0; c < N; c++) {
        const double *h = I->Ht + c * d;
        for (long j = 0; j < K; j++) {
            double s = 0;
            for (long l = 0; l < d; l++) s += I->W[j * d + l] * h[l];
            z[j] = s;
        }
        long k = c / I->n;
        double best = -INFINITY;
        for (long j = 0; j < K; j++) if (j != k && z[j] > best) best = z[j];
        if (z[k] - best < q) q = z[k] - best;
    }
    double a = 0, b = 0;
    for (long t = 0; t < K * d; t++) a += I->W[t] * I->W[t];
    for (long t = 0; t < N * d; t++) b += I->Ht[t] * I->Ht[t];
    *nw = a;
    *nh = b;
    free(z);
    return q;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench_lemma31 K n d [repeats]\n");
        return 2;
    }
    long K = atol(argv[1]), n = atol(argv[2]), d = atol(argv[3]);
    int reps = argc > 4 ? atoi(argv[4]) : 5;
    if (reps < 1 || reps > 100) reps = 5;
    instance I;
    nc_error err = {0, ""};
    if (instance_generate_random_dyadic(&I, K, n, d, 2024, &err)) {
        fprintf(stderr, "bench: %s\n", err.msg);
        return 2;
    }
    double *tp = malloc((size_t)reps * sizeof(double)), *tc = malloc((size_t)reps * sizeof(double));
    double q = 0, nw = 0, nh = 0;
    certify_options o;
    certify_options_default(&o);
    for (int r = 0; r < reps; r++) {      /* interleaved, so drift affects both alike */
        double t0 = now();
        q = plain_double(&I, &nw, &nh);
        double t1 = now();
        json_t *cert = NULL;
        if (ulpm_lemma31_certify_instance(&I, &o, &cert, &err)) {
            fprintf(stderr, "bench: %s\n", err.msg);
            return 1;
        }
        double t2 = now();
        json_decref(cert);
        tp[r] = t1 - t0;
        tc[r] = t2 - t1;
    }
    qsort(tp, (size_t)reps, sizeof(double), cmp_double);
    qsort(tc, (size_t)reps, sizeof(double), cmp_double);
    printf("instance random-dyadic/1 K=%ld n=%ld d=%ld (q_min ~ %.6g, ||W||^2 ~ %.6g, ||H||^2 ~ %.6g)\n",
           K, n, d, q, nw, nh);
    printf("%-46s %10s %8s\n", "method", "median s", "ratio");
    printf("%-46s %10.4f %8.2f\n", "plain double q_min + norms (peer, no rigour)", tp[reps / 2], 1.0);
    printf("%-46s %10.4f %8.2f\n", "nccert certify (tier 0 witness + Arb + bound)", tc[reps / 2],
           tc[reps / 2] / tp[reps / 2]);
    free(tp);
    free(tc);
    instance_clear(&I);
    return 0;
}
