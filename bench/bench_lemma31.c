/* bench_lemma31.c: ulpm.lemma-3.1 on one random-dyadic/1 instance (seed 2024), in one process:
 * the plain double C loop computing q_min and the Frobenius norms (the speed limit, no rigour)
 * against rigorous ways of deciding q_min < bound on the same instance:
 *   nccert   nccert's certifier (tier-0 kernels over threads, NCCERT_THREADS or all cores, on
 *            large instances; Arb at the witness; the proved a-priori bound), certificate JSON
 *            included;
 *   nccert1  the same with NCCERT_THREADS=1;
 *   arbdot   Arb without tier 0: every logit with arb_dot at 64 bits, all margins as balls;
 *   arbmat   Arb without tier 0, the logits by one arb_mat_mul at 64 bits;
 *   mpfi     a naive MPFI loop (mpfi_mul/mpfi_add at 64 bits) over every logit.
 * Every rigorous peer must decide q_min < bound and its enclosure of q_min must overlap
 * nccert's margin at the witness (else the row says MISMATCH and the exit status is 1).
 *
 * usage: bench_lemma31 LABEL K n d METHOD...   prints one tab-separated row per method:
 *   LABEL  instance  method  median-seconds  ratio-to-plain-double  check
 * The first row is always the plain double loop. Each method is timed in alternation with the
 * plain loop (5 pairs; calls repeated to last about 0.1 s); the ratio is the median of the
 * paired ratios. Methods slower than 2 s run once. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arb.h>
#include <arb_mat.h>
#include <mpfi.h>
#include "claims/claim.h"
#include "instance/instance.h"
#include "bench_timing.h"

typedef struct {
    const instance *I;
    double q, nw, nh; /* plain double results */
    arb_t margin;     /* nccert's enclosure of the margin at its witness */
    arb_t q_peer;     /* a rigorous peer's enclosure of q_min */
    int decided;      /* the peer proved q_min < bound */
} bench_ctx;

/* The peer: what one would write in plain C to get q_min and the norms (no rigour). */
static void run_plain(void *arg)
{
    bench_ctx *x = arg;
    const instance *I = x->I;
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
        for (long j = 0; j < K; j++)
            if (j != k && z[j] > best) best = z[j];
        if (z[k] - best < q) q = z[k] - best;
    }
    double a = 0, b = 0;
    for (long t = 0; t < K * d; t++) a += I->W[t] * I->W[t];
    for (long t = 0; t < N * d; t++) b += I->Ht[t] * I->Ht[t];
    x->q = q;
    x->nw = a;
    x->nh = b;
    free(z);
}

/* Reads lo/hi (hex floats, possibly longer than 53 bits) of a certificate quantity. */
static void quantity_ball(arb_t r, json_t *cert, const char *name)
{
    json_t *qv = json_object_get(json_object_get(cert, "quantities"), name);
    mpfr_t lo, hi;
    mpfr_inits2(256, lo, hi, (mpfr_ptr)NULL);
    mpfr_set_str(lo, json_string_value(json_object_get(qv, "lo")), 0, MPFR_RNDD);
    mpfr_set_str(hi, json_string_value(json_object_get(qv, "hi")), 0, MPFR_RNDU);
    arb_set_interval_mpfr(r, lo, hi, 256);
    mpfr_clears(lo, hi, (mpfr_ptr)NULL);
}

static void run_nccert(void *arg)
{
    bench_ctx *x = arg;
    certify_options o;
    certify_options_default(&o);
    json_t *cert = NULL;
    nc_error err = {0, ""};
    if (ulpm_lemma31_certify_instance(x->I, &o, &cert, &err)) {
        fprintf(stderr, "bench: %s\n", err.msg);
        exit(1);
    }
    x->decided = strcmp(json_string_value(json_object_get(cert, "verdict")), "PROVED") == 0;
    quantity_ball(x->margin, cert, "margin_at_witness");
    arb_set(x->q_peer, x->margin);
    json_decref(cert);
}

static void run_nccert1(void *arg)
{
    bench_ctx *x = arg;
    setenv("NCCERT_THREADS", "1", 1);
    run_nccert(x);
    unsetenv("NCCERT_THREADS");
}

/* bound = (nW + nH) / (2 (K-1) sqrt(n)) as a ball; decided iff q < bound. */
static void arb_decide(bench_ctx *x, const arb_t q, const arb_t nw, const arb_t nh, slong prec)
{
    arb_t b, den;
    arb_init(b);
    arb_init(den);
    arb_sqrt_ui(den, (ulong)x->I->n, prec);
    arb_mul_si(den, den, 2 * (x->I->K - 1), prec);
    arb_add(b, nw, nh, prec);
    arb_div(b, b, den, prec);
    x->decided = arb_lt(q, b);
    arb_set(x->q_peer, q);
    arb_clear(b);
    arb_clear(den);
}

/* q_min from the logit balls of sample c (class k): min over j != k of z_k - z_j. */
static void arb_sample_min(arb_t q, int *first, arb_srcptr z, long zstride, long K, long k, slong prec)
{
    arb_t t;
    arb_init(t);
    for (long j = 0; j < K; j++) {
        if (j == k) continue;
        arb_sub(t, z + k * zstride, z + j * zstride, prec);
        if (*first)
            arb_set(q, t), *first = 0;
        else
            arb_min(q, q, t, prec);
    }
    arb_clear(t);
}

static void run_arbdot(void *arg)
{
    bench_ctx *x = arg;
    const instance *I = x->I;
    long K = I->K, d = I->d, N = instance_N(I);
    const slong prec = 64;
    arb_ptr W = _arb_vec_init(K * d), H = _arb_vec_init(N * d), z = _arb_vec_init(K);
    for (long t = 0; t < K * d; t++) arb_set_d(W + t, I->W[t]);
    for (long t = 0; t < N * d; t++) arb_set_d(H + t, I->Ht[t]);
    arb_t q, nw, nh;
    arb_init(q);
    arb_init(nw);
    arb_init(nh);
    int first = 1;
    for (long c = 0; c < N; c++) {
        for (long j = 0; j < K; j++) arb_dot(z + j, NULL, 0, W + j * d, 1, H + c * d, 1, d, prec);
        arb_sample_min(q, &first, z, 1, K, c / I->n, prec);
    }
    arb_dot(nw, NULL, 0, W, 1, W, 1, K * d, prec);
    arb_dot(nh, NULL, 0, H, 1, H, 1, N * d, prec);
    arb_decide(x, q, nw, nh, prec);
    arb_clear(q);
    arb_clear(nw);
    arb_clear(nh);
    _arb_vec_clear(W, K * d);
    _arb_vec_clear(H, N * d);
    _arb_vec_clear(z, K);
}

static void run_arbmat(void *arg)
{
    bench_ctx *x = arg;
    const instance *I = x->I;
    long K = I->K, d = I->d, N = instance_N(I);
    const slong prec = 64;
    arb_mat_t W, H, Z;
    arb_mat_init(W, K, d);
    arb_mat_init(H, d, N);
    arb_mat_init(Z, K, N);
    for (long j = 0; j < K; j++)
        for (long l = 0; l < d; l++) arb_set_d(arb_mat_entry(W, j, l), I->W[j * d + l]);
    for (long c = 0; c < N; c++)
        for (long l = 0; l < d; l++) arb_set_d(arb_mat_entry(H, l, c), I->Ht[c * d + l]);
    arb_mat_mul(Z, W, H, prec);
    arb_t q, nw, nh;
    arb_init(q);
    arb_init(nw);
    arb_init(nh);
    int first = 1;
    for (long c = 0; c < N; c++) {
        /* column c of Z: entries Z[j][c], a stride of one row */
        arb_srcptr col = arb_mat_entry(Z, 0, c);
        long stride = K > 1 ? arb_mat_entry(Z, 1, c) - col : 0;
        arb_sample_min(q, &first, col, stride, K, c / I->n, prec);
    }
    arb_mat_frobenius_norm(nw, W, prec);
    arb_sqr(nw, nw, prec);
    arb_mat_frobenius_norm(nh, H, prec);
    arb_sqr(nh, nh, prec);
    arb_decide(x, q, nw, nh, prec);
    arb_clear(q);
    arb_clear(nw);
    arb_clear(nh);
    arb_mat_clear(W);
    arb_mat_clear(H);
    arb_mat_clear(Z);
}

static void run_mpfi(void *arg)
{
    bench_ctx *x = arg;
    const instance *I = x->I;
    long K = I->K, d = I->d, N = instance_N(I);
    const mpfr_prec_t prec = 64;
    mpfi_t *W = malloc((size_t)(K * d) * sizeof(mpfi_t)), *H = malloc((size_t)(N * d) * sizeof(mpfi_t));
    mpfi_t *z = malloc((size_t)K * sizeof(mpfi_t));
    mpfi_t t, q, nw, nh, den;
    for (long s = 0; s < K * d; s++) mpfi_init2(W[s], prec), mpfi_set_d(W[s], I->W[s]);
    for (long s = 0; s < N * d; s++) mpfi_init2(H[s], prec), mpfi_set_d(H[s], I->Ht[s]);
    for (long j = 0; j < K; j++) mpfi_init2(z[j], prec);
    mpfi_init2(t, prec);
    mpfi_init2(q, prec);
    mpfi_init2(nw, prec);
    mpfi_init2(nh, prec);
    mpfi_init2(den, prec);
    int first = 1;
    for (long c = 0; c < N; c++) {
        for (long j = 0; j < K; j++) {
            mpfi_set_ui(z[j], 0);
            for (long l = 0; l < d; l++) {
                mpfi_mul(t, W[j * d + l], H[c * d + l]);
                mpfi_add(z[j], z[j], t);
            }
        }
        long k = c / I->n;
        for (long j = 0; j < K; j++) {
            if (j == k) continue;
            mpfi_sub(t, z[k], z[j]);
            if (first)
                mpfi_set(q, t), first = 0;
            else { /* interval min: [min lo, min hi] */
                if (mpfr_cmp(&t->left, &q->left) < 0) mpfr_set(&q->left, &t->left, MPFR_RNDD);
                if (mpfr_cmp(&t->right, &q->right) < 0) mpfr_set(&q->right, &t->right, MPFR_RNDU);
            }
        }
    }
    mpfi_set_ui(nw, 0);
    for (long s = 0; s < K * d; s++) mpfi_sqr(t, W[s]), mpfi_add(nw, nw, t);
    mpfi_set_ui(nh, 0);
    for (long s = 0; s < N * d; s++) mpfi_sqr(t, H[s]), mpfi_add(nh, nh, t);
    mpfi_add(nw, nw, nh);
    mpfi_set_ui(den, (unsigned long)I->n);
    mpfi_sqrt(den, den);
    mpfi_mul_ui(den, den, 2 * (unsigned long)(I->K - 1));
    mpfi_div(nw, nw, den); /* the bound */
    x->decided = mpfr_cmp(&q->right, &nw->left) < 0;
    arb_set_interval_mpfr(x->q_peer, &q->left, &q->right, 128);
    for (long s = 0; s < K * d; s++) mpfi_clear(W[s]);
    for (long s = 0; s < N * d; s++) mpfi_clear(H[s]);
    for (long j = 0; j < K; j++) mpfi_clear(z[j]);
    mpfi_clear(t);
    mpfi_clear(q);
    mpfi_clear(nw);
    mpfi_clear(nh);
    mpfi_clear(den);
    free(W);
    free(H);
    free(z);
}

static const bench_method METHODS[] = {
    {"nccert", "nccert certify (tier 0 on all cores, Arb at witness)", run_nccert},
    {"nccert1", "nccert certify (tier 0 on 1 core, Arb at witness)", run_nccert1},
    {"arbdot", "Arb without tier 0 (arb_dot, 64 bits, all logits)", run_arbdot},
    {"arbmat", "Arb without tier 0 (arb_mat_mul, 64 bits)", run_arbmat},
    {"mpfi", "MPFI naive loop (mpfi_mul/add, 64 bits)", run_mpfi},
};
#define NMETHODS ((int)(sizeof METHODS / sizeof METHODS[0]))

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: bench_lemma31 LABEL K n d METHOD...  (methods: nccert nccert1 arbdot "
                        "arbmat mpfi)\n");
        return 2;
    }
    const char *label = argv[1];
    long K = atol(argv[2]), n = atol(argv[3]), d = atol(argv[4]);
    instance I;
    nc_error err = {0, ""};
    if (instance_generate_random_dyadic(&I, K, n, d, 2024, &err)) {
        fprintf(stderr, "bench: %s\n", err.msg);
        return 2;
    }
    char inst[96];
    snprintf(inst, sizeof inst, "K=%ld n=%ld d=%ld", K, n, d);
    bench_ctx x;
    x.I = &I;
    arb_init(x.margin);
    arb_init(x.q_peer);
    run_nccert(&x); /* the reference enclosure of the witness margin */
    arb_t ref;
    arb_init(ref);
    arb_set(ref, x.margin);
    double tp = bench_time_plain(run_plain, &x, 5);
    bench_row(label, inst, "plain double C loop (no rigour)", tp, 1.0,
              "q_min (double) within 1e-9 of nccert's witness margin");
    int status = 0;
    if (!(fabs(x.q - arf_get_d(arb_midref(ref), ARF_RND_NEAR)) <= 1e-9 * (1 + fabs(x.q)))) {
        fprintf(stderr, "bench: plain double q_min %.17g differs from nccert's margin\n", x.q);
        status = 1;
    }
    for (int a = 5; a < argc; a++) {
        int m = bench_find_method(METHODS, NMETHODS, argv[a]);
        if (m < 0) {
            fprintf(stderr, "bench: unknown method %s\n", argv[a]);
            return 2;
        }
        x.decided = 0;
        double tm, ratio;
        bench_time_paired(METHODS[m].fn, run_plain, &x, tp, 5, &tm, &ratio);
        int ok = x.decided && arb_overlaps(x.q_peer, ref);
        if (!ok) status = 1;
        bench_row(label, inst, METHODS[m].name, tm, ratio,
                  ok ? "PROVED; q_min enclosure overlaps nccert's" : "MISMATCH");
    }
    arb_clear(ref);
    arb_clear(x.margin);
    arb_clear(x.q_peer);
    instance_clear(&I);
    flint_cleanup();
    return status;
}
