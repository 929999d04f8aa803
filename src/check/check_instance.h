/* check_instance.h: the exact instance (W, H) as nccheck sees it, and the exact bilinear
 * quantities computed from it. Every entry is a + b*sqrt(n) with a, b rational (b = 0 for
 * explicit and random-dyadic/1 instances); all results live in Q(sqrt(n)), with m = n. */
#ifndef NCCHECK_INSTANCE_H
#define NCCHECK_INSTANCE_H
#include <jansson.h>
#include <stdint.h>

#include "check_json.h"
#include "check_qsqrt.h"

#define CK_EXPLICIT_MAX_ENTRIES 4194304LL
#define CK_GEN_MAX_ENTRIES (1LL << 28)
#define CK_GEN_MAX_DIM 100000LL
#define CK_EPS_LOG2_MIN (-1000LL) /* nc-perturbed/1: smallest eps_log2 accepted */

enum ck_kind { CK_EXPLICIT, CK_RANDOM_DYADIC, CK_NC, CK_NC_PERTURBED };
enum ck_src { CK_SRC_RD, CK_SRC_NC }; /* integer layers of generated instances */

/* A generated matrix is a sum of layers: entry = scale * X * (sqrt(n) if sqrt), X a small
 * integer (|X| <= 2^19) given by its source. */
typedef struct {
    enum ck_src src;
    int sqrt;
    mpq_t scale;
} ck_layer;

typedef struct {
    enum ck_kind kind;
    long K, n, d;
    uint64_t seed;
    long eps_log2;
    mpz_t m;      /* = n: the field is Q(sqrt(n)) */
    mpq_t *W, *H; /* explicit: W[k*d + l], H[l*n*K + c] */
    void *pool;   /* data/1: W and H are read-only views (mpz_roinit_n) into this one block; NULL
                     with pooled = 1 until it is filled */
    int pooled;
    int nlw, nlh; /* generated: layers of W and of H */
    ck_layer lw[2], lh[2];
} ck_inst;

/* check_instance.c */
int ck_inst_parse(const json_t *j, ck_inst *in, ck_err *e);
void ck_inst_free(ck_inst *in);

/* The up-front limit of a claim's check on instance IN (ck_limit_check): BYTES and OPS, the
 * claim's estimates, plus what reading the instance's columns takes (ck_cols: 8 K d bytes of a
 * generated kind). 0 or -1 with e set (exit 2). */
int ck_inst_limit(const ck_inst *in, const char *claim, double bytes, double ops, ck_err *e);

/* check_generators.c */
uint64_t ck_splitmix64_next(uint64_t *s);
int32_t ck_rd_value(uint64_t seed, uint64_t index); /* u - 2^19 of draw number INDEX (0-based) */
void ck_gen_layers(ck_inst *in);                    /* sets the layers of a generated kind */
int64_t ck_layer_w(const ck_inst *in, const ck_layer *L, long k, long l);
int64_t ck_layer_h(const ck_inst *in, const ck_layer *L, long l, long c);

/* check_instance_ops.c: exact values */
void ck_inst_dot_wh(const ck_inst *in, long k, long c, ck_qs *out); /* w_k . h_c */
void ck_inst_dot_ww(const ck_inst *in, long k, long j, ck_qs *out); /* w_k . w_j */
void ck_inst_norm_w(const ck_inst *in, ck_qs *out);                 /* ||W||_F^2 */
void ck_inst_norm_h(const ck_inst *in, ck_qs *out);                 /* ||H||_F^2 */
/* 1 iff sum_k w_k = 0 and all ||w_k|| are equal (K d): the NC test goes on to its K^2 d part. */
int ck_inst_nc_needs_gram(const ck_inst *in);
/* 1 iff the instance is an NC point of ulpm Lemma 3.1 (A = ||W||_F^2 + ||H||_F^2), exactly. */
int ck_inst_is_nc(const ck_inst *in, const ck_qs *A);

/* All dot products w_j . h_c (j = 0..K-1) for one column c. When the instance has a single
 * layer pair (random-dyadic/1, nc/1), ck_cols_int gives integers D[j] with
 * w_j . h_c = coef * D[j] for a fixed coef > 0; otherwise it returns -1. */
typedef struct {
    const ck_inst *in;
    int32_t *wl[2]; /* generated: W layers materialised, K*d each */
    int32_t *hc[2]; /* generated: one H column per layer */
} ck_cols;
int ck_cols_init(ck_cols *cc, const ck_inst *in, ck_err *e);
void ck_cols_free(ck_cols *cc);
int ck_cols_int(ck_cols *cc, long c, int64_t *D);
void ck_cols_qs(ck_cols *cc, long c, ck_qs *G);
#endif
