/* nccert.h: the C API of nccert, the public header of libnccert.so.1 (pkg-config: nccert).
 *
 * Certifies a claim about a point -- a trained network's features, labels and last-layer
 * classifier, arrays in memory -- exactly as `nccert certify CLAIM --npz FILE` does: the arrays
 * become the .npz archive the certificate references (numpy.savez layout, C order, fixed dates,
 * so the same values give the same bytes, whatever their memory layout), which is then read by
 * the very code that reads a user's .npz file. Write the archive (write_data) beside the
 * certificate and `nccheck CERT` re-checks it later; `nccert certify CLAIM --npz DATA` on that
 * archive writes a byte-identical certificate.
 *
 * The library never exits and never writes to stdout or stderr: every outcome is in the result
 * (a status, a verdict and one line). Only the functions below are exported. Errors of memory
 * inside FLINT/Arb abort the process, as FLINT does; everything else is reported. Call it from
 * one thread at a time: the certifiers keep some process-wide state (the atomic writer's pending
 * temporary name, the progress reporter, which the library leaves off). */
#ifndef NCCERT_H
#define NCCERT_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NCCERT_API_VERSION 1

/* The exit codes of `nccert certify`. */
typedef enum {
    NCCERT_OK = 0,              /* the claim is PROVED on the point */
    NCCERT_NOT_ESTABLISHED = 1, /* REFUTED or INCONCLUSIVE (the certificate says which) */
    NCCERT_BAD_INPUT = 2,       /* bad arrays or arguments: nothing written */
    NCCERT_INTERNAL = 3
} nccert_status;

typedef enum { NCCERT_NO_VERDICT = 0, NCCERT_PROVED = 1, NCCERT_REFUTED = 2, NCCERT_INCONCLUSIVE = 3 } nccert_verdict;

/* An array in memory, described as NumPy does (numpy.ndarray.__array_interface__). */
typedef struct {
    const void *data;       /* the first element; NULL for an absent optional array */
    const char *dtype;      /* "<f4", ">f8", "<f2", "=i8", "|u1", ...: float16/32/64, (u)int8..64 */
    int ndim;               /* features and W: 2, labels and b: 1 */
    const int64_t *shape;   /* ndim entries */
    const int64_t *strides; /* bytes per step along each axis (may be negative); NULL: C order */
} nccert_array;

typedef struct {
    const char *claim;     /* a claim that takes a point: ulpm.lemma-3.1, ulpm.theorem-3.2,
                                 ulpm.theorem-3.3, ulpm.eq-66 (nccert list) */
    nccert_array features; /* N x d, one row per sample, any class order */
    nccert_array labels;   /* N integers in [0, K) */
    nccert_array W;        /* K x d */
    nccert_array b;        /* K entries, all 0 (the model has no bias); data NULL: absent */
    const char *balance;   /* NULL or "none": unbalanced classes refused; "first": the first
                                 n_min samples of each class (recorded in the certificate) */
    const char *data_path; /* the .npz the certificate references by base name, size and
                                 SHA-256; required, its base name must not start with '.' */
    int write_data;        /* 1: write the .npz at data_path (atomically) */
    const char *cert_path; /* where to write the certificate (atomically); NULL: not written */
    long max_prec;         /* Arb precision cap in bits (0: 4096, as the command line) */
} nccert_point_request;

typedef struct {
    nccert_status status;
    nccert_verdict verdict; /* NCCERT_NO_VERDICT unless status is 0 or 1 */
    char message[512];      /* one line: "PROVED: <assertion>" or the error, never empty */
} nccert_result;

/* Certifies req->claim on the point. Writes the data (if asked), then the certificate (if
 * cert_path), each atomically; on bad input nothing is written (a certificate that cannot be
 * written after its data was leaves the complete data file). *cert_json, when cert_json
 * is not NULL, receives the certificate's text (the bytes of the file; NULL on error), to be
 * released with nccert_free. Returns res->status. */
int nccert_certify_point(const nccert_point_request *req, nccert_result *res, char **cert_json);

void nccert_free(void *p);

/* "0.1.0" (the producer version written in certificates) and NCCERT_API_VERSION. */
const char *nccert_version(void);
int nccert_api_version(void);

#ifdef __cplusplus
}
#endif
#endif
