/* check_limits.h: the up-front limits of a claim's check: before it allocates, each claim
 * checker estimates from the declared sizes the memory and the work of its check and refuses
 * the instance over --max-memory (check_alloc.h) or CK_MAX_WORK (specs/certificate.md lists
 * every claim's estimate). */
#ifndef NCCHECK_LIMITS_H
#define NCCHECK_LIMITS_H
#include "check_json.h"

#define CK_MAX_WORK (1ULL << 36) /* elementary operations (exact or MPFI) one claim's check may plan */

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
