/* check_cert.h: checking one certificate file end to end. */
#ifndef NCCHECK_CERT_H
#define NCCHECK_CERT_H
#include "check_json.h"
#include "check_verdict.h"

#define CK_FORMAT "nccert-certificate/1"

typedef struct {
    ck_err err;           /* err.code: 0 accepted, 1 not established, 2 malformed */
    char claim[128];      /* the certificate's claim id once known to nccheck (also when rejected later) */
    ck_verdict verdict;   /* set when accepted */
    char assertion[1024]; /* set when accepted: the certificate's assertion, which the claim's
                             checker verified (nccheck --manifest compares it) */
} ck_result;

/* Checks the certificate at PATH; returns r->err.code. */
int ck_check_file(const char *path, ck_result *r);
/* The same on a certificate held in memory (LEN bytes at BUF; the fuzz harness uses it). */
int ck_check_buffer(const char *buf, size_t len, ck_result *r);
#endif
