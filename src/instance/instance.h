/* instance.h: an exact ulpm instance (K classes, n samples per class, feature dimension d):
 * classifier rows W (K x d) and features H (d x nK, column c = k*n + i), held exactly as
 * a + b*sqrt(n) per entry, plus round-to-nearest double copies for the tier-0 kernels. */
#ifndef INSTANCE_H
#define INSTANCE_H
#include <stdint.h>
#include <flint/fmpq.h>
#include <jansson.h>
#include "common/nc_error.h"

typedef enum {
    INSTANCE_EXPLICIT,      /* entries listed in a file */
    INSTANCE_RANDOM_DYADIC, /* random-dyadic/1 (K, n, d, seed) */
    INSTANCE_NC,            /* nc/1 (K, n, d) */
    INSTANCE_NC_PERTURBED,  /* nc-perturbed/1 (K, n, d, seed, eps_log2) */
    INSTANCE_DATA           /* data/1: a network's arrays in .npz / .npy files (instance_data.c) */
} instance_kind;

typedef struct {
    instance_kind kind;
    long K, n, d;
    uint64_t seed; /* random-dyadic/1, nc-perturbed/1 */
    long eps_log2; /* nc-perturbed/1 */
    /* Double copies for the tier-0 kernels: the nearest double of each rational entry; for
     * entries with a sqrt(n) part a close approximation. Never evidence on their own. */
    double *W;                       /* K x d, row k = w_k */
    double *Ht;                      /* N x d, row c = h_{k,i} (sample-major copy of H), N = n*K */
    int exact_double;                /* 1: every entry is exactly its double (then Wa..Hb are NULL) */
    fmpq *Wa, *Wb;                   /* exact W entries a + b*sqrt(n), same layout as W; Wb may be NULL (zero) */
    fmpq *Ha, *Hb;                   /* exact H entries, same layout as Ht; Hb may be NULL (zero) */
    json_t *explicit_W, *explicit_H; /* the entry strings as given (explicit kind), re-emitted verbatim */
    json_t *data_ref;                /* data/1: the files by name, size and SHA-256, and their arrays */
} instance;

/* Limits shared by all kinds (specs/generators.md, specs/instance.md). */
#define INSTANCE_MAX_DIM 100000L
#define INSTANCE_MAX_ENTRIES (1L << 28)
#define INSTANCE_MAX_EXPLICIT_ENTRIES 4194304L
#define INSTANCE_MAX_DATA_ENTRIES (1L << 26) /* data/1 (nccheck's limit too: specs/instance.md) */

long instance_N(const instance *I);

/* Checks K >= 2, n >= 1, d >= 1 and the size limits; reports with exit status 2. */
int instance_check_dims(long K, long n, long d, long max_entries, nc_error *err);

/* Generators (specs/generators.md). Return 0, or an nc_error status. */
int instance_generate_random_dyadic(instance *I, long K, long n, long d, uint64_t seed, nc_error *err);
int instance_generate_nc(instance *I, long K, long n, long d, nc_error *err);
int instance_generate_nc_perturbed(instance *I, long K, long n, long d, uint64_t seed, long eps_log2, nc_error *err);

/* Reads an instance file (or the "instance" object of a certificate: kinds explicit and the
 * generators). Validates everything; on error nothing is left allocated. */
int instance_read_file(instance *I, const char *path, nc_error *err);
/* The JSON of an instance file, after the size and readability checks (NULL on error). */
json_t *instance_json_load_file(const char *path, nc_error *err);
int instance_from_json(instance *I, json_t *obj, nc_error *err);

/* Kinds npz/1 (ZIP: {"npz": FILE}) and npy/1 ({"features", "labels", "classifier"[, "bias"]}),
 * with "balance": "none" (default) or "first": reads the arrays exactly (specs/instance.md);
 * the instance is recorded as kind data/1 (by reference). */
int instance_read_data(instance *I, json_t *obj, int zip, nc_error *err);

/* Parses a seed: a decimal string in [0, 2^64-1]. */
int instance_parse_seed(const char *s, uint64_t *seed, nc_error *err);

/* The exact instance as certificate JSON (explicit entries verbatim, or the generator). */
json_t *instance_to_json(const instance *I);

void instance_clear(instance *I);

#endif
