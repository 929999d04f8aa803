/* check_imbrelu_common.h: nccheck's side of the imbrelu claims: the instance kind "imbrelu/1"
 * read with GMP, the exact threshold tests, MPFI enclosures of M_k (seed 004 eq. (6)), and the
 * verification of certificate quantities (exact rationals, or MPFI: the checker's interval
 * must lie inside the stated [lo, hi]). */
#ifndef NCCHECK_IMBRELU_COMMON_H
#define NCCHECK_IMBRELU_COMMON_H
#include <mpfi.h>
#include <jansson.h>
#include "check_json.h"

#define CK_IMBRELU_PREC 512 /* checker precision: far above the certifier's 128-bit balls */

typedef struct {
    long K, d, N;
    long *n;
    mpq_t lamW, lamH, lam;
    int printed; /* reading of eq. (6): 1 printed (lamW lamH), 0 corrected (sqrt(lamW lamH)) */
} ck_imbrelu_inst;

/* Parses the instance object (extra: the claim's own keys, NULL-ended, may be NULL). */
int ck_imbrelu_inst_parse(const json_t *j, const char *const *extra, ck_imbrelu_inst *in, ck_err *e);
void ck_imbrelu_inst_clear(ck_imbrelu_inst *in);
/* ck_imbrelu_inst_parse within Theorem 1's setting: also d >= K and K <= 200 (malformed otherwise;
 * on failure nothing is left to clear). */
int ck_imbrelu_inst_parse_thm1(const json_t *j, const char *const *extra, ck_imbrelu_inst *in, ck_err *e);
/* t = (K-1) n_k - K N^2 x with x = lam (alive test) or lam^2 (printed test) */
void ck_imbrelu_test(mpq_t t, const ck_imbrelu_inst *in, long k, int printed);
/* M_k of the reading (exactly 0 when its test is <= 0) */
void ck_imbrelu_M(mpfi_t M, const ck_imbrelu_inst *in, long k, int printed);
/* c1 = N sqrt((K-1)/K) s, s = sqrt(lam) or lam */
void ck_imbrelu_c1(mpfi_t c, const ck_imbrelu_inst *in, int printed);

/* Quantity NAME of object Q: the checker's interval X must lie inside [lo, hi] (precision
 * 512 bits; an enclosure tighter than that is rejected, never wrongly accepted); no exact. */
int ck_imbrelu_verify_interval(const json_t *q, const char *name, mpfi_srcptr x, ck_err *e);
/* Quantity NAME: exact rational X (exact value, when given, must equal X). */
int ck_imbrelu_verify_rational(const json_t *q, const char *name, const mpq_t x, ck_err *e);
/* The set of keys of Q must be exactly NAMES (count nn). */
int ck_imbrelu_keys_exact(const json_t *q, const char *what, char **names, long nn, ck_err *e);
/* The point of Theorem 1 for the M_k given (M exactly 0 -> r exactly 0): r[k] = ||h_k||,
 * r_k^2 = sqrt((K-1)/K lamW/(lamH n_k)) M_k (9); a = sqrt(lamH/(lamW K(K-1))) of (10). */
void ck_imbrelu_point(mpfi_ptr r, mpfi_t a, const ck_imbrelu_inst *in, mpfi_srcptr M);
/* s = sum_{m != k} exp(z_m - z_k) over the K logits z (tmp: scratch) */
void ck_imbrelu_exp_gaps(mpfi_t s, mpfi_t tmp, mpfi_srcptr z, long K, long k);
/* C = N^2 K lam/(K-1) of Corollary 4, exactly */
void ck_imbrelu_cor4_C(mpq_t C, const ck_imbrelu_inst *in);
/* "base[k]" into a freshly allocated string */
char *ck_imbrelu_name(const char *base, long k);

/* The quantities a checker has verified, by name (for ck_imbrelu_keys_exact at the end). */
typedef struct {
    const json_t *q; /* the certificate's quantities */
    ck_err *e;
    int bad; /* a verification failed (e says why): later quantities are only listed */
    char **names;
    long nn, cap;
} ck_imbrelu_qlist;
void ck_imbrelu_qlist_init(ck_imbrelu_qlist *c, const json_t *q, ck_err *e);
void ck_imbrelu_qlist_clear(ck_imbrelu_qlist *c);
/* Quantity "base[k]" (k >= 0) or "base" (k < 0) must enclose x (ck_imbrelu_verify_interval,
 * ck_imbrelu_verify_rational). */
void ck_imbrelu_q_interval(ck_imbrelu_qlist *c, const char *base, long k, mpfi_srcptr x);
void ck_imbrelu_q_rational(ck_imbrelu_qlist *c, const char *base, long k, const mpq_t x);
/* ck_imbrelu_keys_exact over the names listed. */
int ck_imbrelu_qlist_keys(const ck_imbrelu_qlist *c);
/* The objective of problem (4) at Theorem 1's point built from the M_k given (all samples of
 * class k at h_k = r_k e_k, W of (10)); MPFI at CK_IMBRELU_PREC, contains the exact value. */
void ck_imbrelu_point_objective(mpfi_t obj, const ck_imbrelu_inst *in, mpfi_srcptr M);
/* The up-front limit of CLAIM's check on IN (ck_limit_check, with IN's K and d in the message):
 * on failure IN is cleared and e set (exit 2), so that the caller only returns -1. */
int ck_imbrelu_limit(ck_imbrelu_inst *in, const char *claim, double bytes, double ops, ck_err *e);
#endif
