/* check_alloc.h: nccheck's memory: every allocation of the checker (its own, GMP's, MPFR's,
 * MPFI's and jansson's) goes through a checked allocator that counts the bytes in use against
 * a budget (--max-memory); a failed allocation or one over the budget never returns: the
 * handler reports one line and exits 2 ("limits exceeded"). Claim checkers also refuse, before
 * they allocate, instances whose estimated memory or work is over the limits (ck_limit_check). */
#ifndef NCCHECK_ALLOC_H
#define NCCHECK_ALLOC_H
#include <stddef.h>

#include "check_json.h"

#define CK_DEFAULT_MAX_MEMORY (4ULL << 30) /* 4 GiB: a linconv Hessian at nccert's cap D = 4000 needs 2.9 GB */
#define CK_MAX_WORK (1ULL << 36) /* elementary operations (exact or MPFI) one claim's check may plan */

/* Installs the checked allocator for GMP (so MPFR and MPFI) and jansson, with LIMIT bytes in
 * use at most (0: no budget, only the check that allocations succeed). Idempotent. */
void ck_alloc_init(size_t limit);
size_t ck_alloc_limit(void);
size_t ck_alloc_used(void);
/* The handler called (never returning) when an allocation fails or goes over the budget; WHY is
 * one line without newline, e.g. "limits exceeded: ... (--max-memory)". Default: "nccheck: WHY"
 * on stderr, exit 2. It must end the process (or longjmp out of the check). */
void ck_alloc_set_handler(void (*handler)(const char *why));

void *ck_malloc(size_t n);
void *ck_calloc(size_t count, size_t size); /* count * size overflow: refused like a failure */
void *ck_realloc(void *p, size_t n);
void ck_free(void *p);
char *ck_strdup(const char *s);

/* The value of --max-memory: decimal digits, then optionally K, M or G (powers of 1024); at
 * most 1024G. 0 with *bytes set, or -1. */
int ck_parse_size_arg(const char *s, unsigned long long *bytes);

/* The up-front limit of a claim's check: BYTES and OPS are estimates from the declared sizes
 * (products computed in double: no overflow). 0 when both are within the limits (BYTES within
 * the memory budget, OPS within CK_MAX_WORK); otherwise -1 with e set (malformed: "instance:
 * limits exceeded: <WHAT> needs about ..."), WHAT formatted from FMT. */
int ck_limit_check(ck_err *e, double bytes, double ops, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Lowers (or restores) the work limit of ck_limit_check, CK_MAX_WORK by default: the fuzz
 * harness takes a small one, so that its inputs are refused quickly instead of checked for
 * minutes under the sanitizers. */
void ck_limit_set_max_work(double ops);

/* Bytes one mpfi_t of PREC bits takes (struct and both limb arrays, with malloc's overhead), and
 * one mpq_t or mpz_t of BITS bits: the units of the estimates. */
double ck_mpfi_bytes(long prec);
double ck_mpq_bytes(double bits);
#endif
