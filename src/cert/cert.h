/* cert.h: the certificate model (specs/certificate.md): enclosures as exact hex-float
 * endpoints, the fixed key order, deterministic bytes and the atomic write. */
#ifndef CERT_H
#define CERT_H
#include <arb.h>
#include <jansson.h>
#include "common/nc_error.h"
#include "exact/qsqrt.h"
#include "cert/verdict.h"

#define CERT_FORMAT "nccert-certificate/1"

/* The exact binary value of x in C99 %a style with as many hex digits as needed
 * ("0x1.8p+3", "-0x1p-2", "0x0p+0"). Caller frees with flint_free. */
char *cert_arf_to_hex(const arf_t x);

/* {"lo", "hi", "decimal"} for a ball; with "exact" {"a","b","m"} when exact != NULL. */
json_t *cert_quantity(const arb_t x, const qsqrt_t exact, slong m);

/* the JSON string of q in lowest terms ("3", "-1/2"). */
json_t *cert_fmpq_string(const fmpq_t q);

/* source object {"paper", "seed_files", "label", "statement"} in that order; seed_files is a
 * NULL-terminated list of the paper's files under shared/seeds/. */
json_t *cert_source(const char *paper, const char *const *seed_files, const char *label, const char *statement);

/* method object: tier, precision_bits, libraries, producer. */
json_t *cert_method(int tier, slong precision_bits);

/* Assembles the certificate in the order of specs/certificate.md (the verdict written by its
 * name); steals every json_t. */
json_t *cert_assemble(const char *claim, json_t *source, json_t *instance, json_t *method, const char *assertion,
                      json_t *witnesses, json_t *quantities, nc_verdict verdict);

/* Serialises deterministically (2-space indent, key order as built, trailing newline). */
char *cert_dumps(const json_t *cert);

/* Writes to path atomically: a temporary file next to it, fsync, rename. On failure nothing
 * is left behind and an existing file at path is untouched. */
int cert_write_atomic(const json_t *cert, const char *path, nc_error *err);
/* The same for LEN bytes (a data file: WHAT names it in the message, "certificate"). */
int cert_write_bytes_atomic(const void *bytes, size_t len, const char *path, const char *what, nc_error *err);

/* mkdir -p for certificate directories: makes PATH and its missing parents (mode 0777 before
 * umask). 0, or -1 (errno from mkdir; a PATH of 4096 bytes or more is refused too). */
int cert_mkdir_p(const char *path);

/* Installs SIGINT/SIGTERM/SIGHUP handlers that remove a temporary file cert_write_atomic is
 * writing, then die of the signal: an interrupted run leaves neither partial nor stray files. */
void cert_install_signal_cleanup(void);
#endif
