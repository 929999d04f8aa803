/* imbrelu_common.h: the instance kind "imbrelu/1" of the imbrelu claims (seed 004, problem (4):
 * class sizes n_k, feature dimension d, exact positive lambda_W, lambda_H) and the closed forms
 * every imbrelu certifier shares: the exact threshold tests and Arb balls of M_k (eq. (6)). */
#ifndef IMBRELU_COMMON_H
#define IMBRELU_COMMON_H
#include <arb.h>
#include <flint/fmpq.h>
#include <jansson.h>
#include "common/nc_error.h"

#define IMBRELU_MAX_K 1000
#define IMBRELU_MAX_N 1000000000L

typedef struct {
    slong K, d, N;
    slong *n;               /* n[0..K-1] >= 1 */
    fmpq_t lamW, lamH, lam; /* lam = lamW * lamH */
    int printed;            /* reading: 1 = eq. (6) as printed (lamW lamH), 0 = corrected (sqrt) */
} imbrelu_inst;

/* Parses {"kind":"imbrelu/1","n":[..],"d":..,"lambda_W":"..","lambda_H":"..","reading":..}
 * plus the claim's extra keys (NULL-ended, may be NULL). reading is optional ("corrected"
 * default) unless need_reading. Bad input: status 2, and I is left cleared. */
int imbrelu_inst_parse(imbrelu_inst *I, const json_t *j, const char *const *extra, nc_error *err);
void imbrelu_inst_clear(imbrelu_inst *I);

/* sign of (K-1) n_k - K N^2 lam (corrected reading: > 0 iff M_k > 0, = 0 on the boundary) */
int imbrelu_alive_sign(const imbrelu_inst *I, slong k);
/* the same rational, exactly */
void imbrelu_alive_test(fmpq_t t, const imbrelu_inst *I, slong k);
/* printed reading of (6): M_k > 0 iff (K-1) n_k - K N^2 lam^2 > 0 */
void imbrelu_printed_test(fmpq_t t, const imbrelu_inst *I, slong k);

/* Arb contract: M contains the exact M_k of the chosen reading (0 when Mbar_k <= 0 or undefined). */
void imbrelu_M(arb_t M, const imbrelu_inst *I, slong k, int printed, slong prec);
/* c = N sqrt((K-1)/K) * s, s = sqrt(lam) (corrected) or lam (printed); contains the exact value */
void imbrelu_c1(arb_t c, const imbrelu_inst *I, int printed, slong prec);

json_t *imbrelu_source(const char *label, const char *statement);
/* name[k] formatting helper: returns a static buffer */
const char *imbrelu_name(const char *base, slong k);
/* quantity helpers: an Arb ball; an exact rational (ball and exact value) */
void imbrelu_put_ball(json_t *q, const char *name, const arb_t x);
void imbrelu_put_rational(json_t *q, const char *name, const fmpq_t x);
/* the instance echoed exactly as given (the certificate's "instance") */
json_t *imbrelu_instance_json(const json_t *j);
/* The point of Theorem 1 (h_k = r_k e_k, W of (10)) for the M_k given: r[k] = ||h_k|| with
 * r_k^2 = sqrt((K-1)/K lamW/(lamH n_k)) M_k of (9) (exactly 0 where M_k is exactly 0), and
 * a = sqrt(lamH/(lamW K(K-1))), so W[m][j] = a (K [m=j] - 1) sqrt(n_j) r_j. Arb contract. */
void imbrelu_point(arb_ptr r, arb_t a, const imbrelu_inst *I, arb_srcptr M, slong prec);
/* C(N, K, lambda) = N^2 K lamW lamH / (K-1) of Corollary 4, exactly */
void imbrelu_cor4_C(fmpq_t C, const imbrelu_inst *I);
/* r = a / s exactly (s != 0; FLINT 2 has no fmpq_div_si) */
void imbrelu_fmpq_div_si(fmpq_t r, const fmpq_t a, slong s);
/* a JSON string holding the exact rational q ("p/q" or "p") */
/* The objective of problem (4) at the point of Theorem 1 built from the M_k given (every sample
 * of class k at h_k = r_k e_k, W of (10)): (1/N) sum_k n_k CE(r_k W e_k, k) + (lamW/2)||W||^2 +
 * (lamH/2) sum_k n_k r_k^2. Arb contract: obj contains the exact value. */
void imbrelu_point_objective(arb_t obj, const imbrelu_inst *I, arb_srcptr M, slong prec);
#endif
