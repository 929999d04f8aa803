/* check_alloc.h: nccheck's memory: every allocation of the checker (its own, GMP's, MPFR's,
 * MPFI's and jansson's) goes through a checked allocator that counts the bytes in use against
 * a budget (--max-memory); a failed allocation or one over the budget never returns: the
 * handler reports one line and exits 2 ("limits exceeded"). The up-front estimates of the claim
 * checkers: check_limits.h. */
#ifndef NCCHECK_ALLOC_H
#define NCCHECK_ALLOC_H
#include <stddef.h>

#define CK_DEFAULT_MAX_MEMORY (4ULL << 30) /* 4 GiB: a linconv Hessian at nccert's cap D = 4000 needs 2.9 GB */
#define CK_MAX_WORK (1ULL << 36)           /* elementary operations (exact or MPFI) one claim's check may plan */

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
 * most 1024G. 0 with *bytes set, or -1 after one line on stderr (the usage error). */
int ck_parse_size_arg(const char *s, unsigned long long *bytes);

#endif
