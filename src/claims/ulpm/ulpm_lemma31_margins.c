/* ulpm_lemma31_margins.c: owns the tier-0 witness search of the Lemma 3.1 certifier: the BLAS
 * oracle (oracle/oracle_margin.h) names the samples that may hold the smallest margin, the
 * proved kernels re-evaluate those and pick the first minimiser; when the oracle cannot screen,
 * every sample's double margin and competitor class, computed by the proved kernels
 * (kernel_logits, kernel_margin_from_logits), split over threads by contiguous sample chunks.
 *
 * Each m[c], js[c] is produced by exactly the calls kernel_margins makes for sample c
 * (kernel_logits on row c of Ht, then kernel_margin_from_logits with class c / n), with the
 * same inputs, so the arrays are bit-identical to one kernel_margins call whatever the number
 * of threads; the argmin over them is taken afterwards, sequentially, by kernel_argmin (first
 * minimiser in sample order). The rounding analysis of proofs/derivations/kernels-rounding.md
 * therefore applies unchanged.
 *
 * NCCERT_ORACLE=off skips the oracle (the kernels sweep every sample: the reference the oracle
 * path must match, and the bench's naive-kernel rows).
 * Threads (of the kernel sweep and of BLAS): NCCERT_THREADS (1..64) if set, else the number of online processors (at most 8);
 * instances with fewer than L31_THREAD_WORK multiply-adds run in the calling thread. */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "claims/ulpm/ulpm_lemma31_margins.h"
#include "kernels/kernel_margin.h"
#include "oracle/oracle_margin.h"
#include "common/progress.h"

#define L31_THREAD_WORK 2.0e7 /* K*K*n*d below this: no threads (start-up would dominate) */
#define L31_MAX_THREADS 64

typedef struct {
    const instance *I;
    long c0, c1; /* samples [c0, c1) */
    double *m;
    int *js;
    int failed; /* out of memory for the logits */
} l31_chunk;

static void *l31_chunk_run(void *arg)
{
    l31_chunk *ch = arg;
    const instance *I = ch->I;
    int K = (int)I->K, d = (int)I->d;
    long n = I->n;
    double *z = malloc((size_t)K * sizeof(double));
    if (!z) {
        ch->failed = 1;
        return NULL;
    }
    for (long c = ch->c0; c < ch->c1; c++) {
        kernel_logits(K, d, I->W, I->Ht + c * d, z);
        ch->m[c] = kernel_margin_from_logits(K, (int)(c / n), z, &ch->js[c]);
        progress_add(1); /* atomic: every thread counts its samples */
    }
    free(z);
    return NULL;
}

/* The number of threads the sweep uses on large instances (NCCERT_THREADS, else the online
 * processors, at most 8). */
static int ulpm_lemma31_threads(void)
{
    const char *s = getenv("NCCERT_THREADS");
    if (s && *s) {
        char *end;
        long t = strtol(s, &end, 10);
        if (*end == '\0' && t >= 1 && t <= L31_MAX_THREADS) return (int)t;
    }
    long p = sysconf(_SC_NPROCESSORS_ONLN);
    return p < 1 ? 1 : p > 8 ? 8 : (int)p;
}

/* The threads of this instance's sweep: 1 below L31_THREAD_WORK, at most one per sample. */
static int ulpm_lemma31_thread_count(const instance *I)
{
    long N = instance_N(I);
    double work = (double)I->K * (double)N * (double)I->d;
    int T = work < L31_THREAD_WORK ? 1 : ulpm_lemma31_threads();
    return T > N ? (int)N : T;
}

int ulpm_lemma31_margins(const instance *I, double *m, int *js)
{
    long N = instance_N(I);
    int T = ulpm_lemma31_thread_count(I);
    l31_chunk ch[L31_MAX_THREADS];
    pthread_t tid[L31_MAX_THREADS];
    int started[L31_MAX_THREADS] = {0};
    progress_begin("margins", N);
    for (int t = 0; t < T; t++) {
        ch[t] = (l31_chunk){I, N * t / T, N * (t + 1) / T, m, js, 0};
        /* chunk 0 runs in this thread; others in their own (or here, if creation fails) */
        started[t] = t > 0 && pthread_create(&tid[t], NULL, l31_chunk_run, &ch[t]) == 0;
    }
    for (int t = 0; t < T; t++)
        if (!started[t]) l31_chunk_run(&ch[t]);
    int failed = 0;
    for (int t = 0; t < T; t++) {
        if (started[t]) pthread_join(tid[t], NULL);
        failed |= ch[t].failed;
    }
    progress_end();
    return failed ? -1 : 0;
}

/* The first minimiser of the kernel margins over the candidates (ascending), with its jstar.
 * The oracle's no-overflow test makes every kernel margin finite. Returns 0, -1 out of memory. */
static int l31_rescan(const instance *I, const long *cand, long count, long *c, long *j)
{
    int K = (int)I->K, d = (int)I->d, js;
    double *z = malloc((size_t)K * sizeof(double)), best = INFINITY;
    if (!z) return -1;
    *c = cand[0];
    *j = -1;
    for (long t = 0; t < count; t++) {
        kernel_logits(K, d, I->W, I->Ht + cand[t] * d, z);
        double mc = kernel_margin_from_logits(K, (int)(cand[t] / I->n), z, &js);
        if (mc < best || *j < 0) {
            best = mc;
            *c = cand[t];
            *j = js;
        }
    }
    free(z);
    return 0;
}

/* Every kernel margin (over threads), then kernel_argmin; (0, 1) if a margin is not finite. */
static int l31_sweep(const instance *I, long *c, long *j)
{
    long N = instance_N(I);
    double *m = malloc((size_t)N * sizeof(double));
    int *js = malloc((size_t)N * sizeof(int));
    int rc = -1;
    if (m && js && ulpm_lemma31_margins(I, m, js) == 0) {
        int finite = 1;
        for (long t = 0; t < N && finite; t++) finite = isfinite(m[t]);
        *c = finite ? kernel_argmin((int)N, m) : 0; /* kernel_argmin's contract: finite */
        *j = finite ? js[*c] : 1;                   /* else a valid (if weak) witness */
        rc = 0;
    }
    free(m);
    free(js);
    return rc;
}

int ulpm_lemma31_witness(const instance *I, long *c, long *j)
{
    long N = instance_N(I), count = 0;
    long *cand = malloc((size_t)N * sizeof(long));
    if (!cand) return -1;
    const char *off = getenv("NCCERT_ORACLE"); /* "off": the kernels sweep every sample */
    int rc = 1;
    if (!(off && strcmp(off, "off") == 0)) {
        progress_begin("oracle", 0);
        rc = oracle_margin_candidates(I->K, I->n, I->d, I->W, I->Ht, ulpm_lemma31_thread_count(I), cand, &count);
        progress_end();
    }
    if (rc == 0)
        rc = l31_rescan(I, cand, count, c, j);
    else if (rc == 1)
        rc = l31_sweep(I, c, j);
    free(cand);
    return rc;
}
