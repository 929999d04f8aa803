/* ulpm_example31.h: internals of the ulpm.example-3.1 certifier (seed 001 Example 3.1 = seed 000
 * Example C.1): the instance, the exact point constructions, the ball quantities of each part
 * and the bisection over C. Spec: specs/claims/ulpm.example-3.1.md; mathematics:
 * proofs/derivations/ulpm-example-3.1.md. */
#ifndef ULPM_EXAMPLE31_H
#define ULPM_EXAMPLE31_H
#include <arb.h>
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>
#include <jansson.h>
#include "common/nc_error.h"
#include "exact/exact_mat.h"

enum ulpm_ex31_part { EX31_SEPARATION, EX31_KKT, EX31_PARALLEL, EX31_EQ9, EX31_CURVE55, EX31_FAMILY10, EX31_NPARTS };
enum ulpm_ex31_norm { EX31_NORM_SQRT2, EX31_NORM_2SQRT2, EX31_NORM_NONE };

#define EX31_MAXQ 4          /* interval quantities of one part, at most */
#define EX31_MAX_LEAVES 4096 /* the checker refuses more */

typedef struct {
    int box; /* 0: example-3.1/1 (C given), 1: example-3.1-box/1 */
    enum ulpm_ex31_part part;
    enum ulpm_ex31_norm norm; /* part kkt only */
    fmpq_t C, C_lo, C_hi;     /* C for the given kind; the box otherwise */
} ulpm_ex31_inst;

/* ulpm_example31_inst.c: parsing and validation (bad input: status 2), JSON echo. */
int ulpm_ex31_inst_parse(ulpm_ex31_inst *I, const json_t *j, nc_error *err);
void ulpm_ex31_inst_clear(ulpm_ex31_inst *I);
json_t *ulpm_ex31_inst_to_json(const ulpm_ex31_inst *I);

/* ulpm_example31_exact.c: exact rational matrices of the example. */
void ulpm_ex31_M(fmpq_mat_t M); /* (7) without C */
/* (55) at parameter a with s = sqrt(1 + 2a^2) rational: W' = C(M + a u 1^T)/s, H' = W'^T. */
void ulpm_ex31_curve55(fmpq_mat_t W, fmpq_mat_t H, const fmpq_t C, const fmpq_t a, const fmpq_t s);
/* (10) at the rational point alpha = (2t^2-1)/(2t^2+1), beta = -2t/(2t^2+1): W' = H' = C N. */
void ulpm_ex31_family10(fmpq_mat_t W, fmpq_mat_t H, fmpq_t alpha, fmpq_t beta, const fmpq_t C, const fmpq_t t);
/* KKT of problem (5) at (t M, t M) with the multipliers (8), t^2 = t2: the four exact
 * quantities (stationarity residual^2, min margin, min multiplier, sum (lambda (s-1))^2). */
void ulpm_ex31_kkt(fmpq_t stat2, fmpq_t minmargin, fmpq_t minlambda, fmpq_t compl2, const fmpq_t t2);
/* Ratios r with 1[gap = g C^2] H^T = r W (g = 0, -2, -4) and H^T = r_I W, for W = H = C M;
 * same for H (W^T 1[gap] = rho H). Returns 0 if some ratio does not exist (never, here). */
int ulpm_ex31_parallel_ratios(fmpq_t rW[3], fmpq_t *rIW, fmpq_t rH[3], fmpq_t *rIH);

/* ulpm_example31_balls.c: interval quantities of each part at C (a ball), Arb.
 * Contract: every output ball contains the exact value for every C in the input ball. */
typedef struct {
    int nq;
    const char *names[EX31_MAXQ];
    int sign[EX31_MAXQ]; /* asserted sign over the box: -1, +1, or 0 (not asserted) */
} ulpm_ex31_qspec;
extern const ulpm_ex31_qspec ulpm_ex31_qspecs[EX31_NPARTS];
/* sq: sqrt(eps0) for family10 (ignored otherwise). closed: curve55 from the closed forms
 * (used on boxes, where Taylor arithmetic on a wide C ball loses too much to dependency). */
void ulpm_ex31_eval(arb_ptr out, enum ulpm_ex31_part part, const arb_t C, const fmpq_t sq, int closed, slong prec);
/* L(W',H') - L(W,H) at exact rational matrices (W = H = C M). */
void ulpm_ex31_loss_diff(arb_t out, const fmpq_mat_t W1, const fmpq_mat_t H1, const fmpq_t C, slong prec);
/* sqrt(eps0) = 2^-k with 3 e^{-4 c_hi^2} > 4 e^{-2 c_lo^2} 2^-k by a safe margin (proposal only;
 * the ball evaluation decides). */
slong ulpm_ex31_family10_k(const fmpq_t c_lo, const fmpq_t c_hi);

/* ulpm_example31_box.c: leaves over [C_lo, C_hi] (a single leaf [C, C] for a given C) and the
 * padded hull of each quantity; 0 on success, 1 when the bisection budget ran out. */
typedef struct {
    slong n;
    fmpq *lo, *hi;                             /* n leaves, contiguous */
    slong *k;                                  /* family10: sqrt(eps0) = 2^-k per leaf */
    arf_struct hlo[EX31_MAXQ], hhi[EX31_MAXQ]; /* padded hull of each quantity */
} ulpm_ex31_leaves;
void ulpm_ex31_leaves_init(ulpm_ex31_leaves *L);
void ulpm_ex31_leaves_clear(ulpm_ex31_leaves *L);
int ulpm_ex31_bisect(ulpm_ex31_leaves *L, const ulpm_ex31_inst *I, slong prec);
#endif
