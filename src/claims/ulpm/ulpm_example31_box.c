/* ulpm_example31_box.c: the leaves of ulpm.example-3.1 over C: one leaf [C, C] for a given C,
 * or a bisection of [C_lo, C_hi] until every asserted quantity has a resolved sign with a
 * margin (radius <= |midpoint| / 4) on every leaf. The certificate states, per quantity, the
 * hull of the leaf balls padded outward (by half the endpoint's magnitude for a box, by a
 * relative 2^-(prec/2) for a point) so that the checker's own MPFI interval of each leaf,
 * computed differently, lands inside it; the padding never crosses zero. */
#include <stdlib.h>
#include "claims/ulpm/ulpm_example31.h"
#include "ball/ball_interval.h"

#define EX31_MAX_DEPTH 24

void ulpm_ex31_leaves_init(ulpm_ex31_leaves *L)
{
    L->n = 0;
    L->lo = _fmpq_vec_init(EX31_MAX_LEAVES);
    L->hi = _fmpq_vec_init(EX31_MAX_LEAVES);
    L->k = calloc(EX31_MAX_LEAVES, sizeof(slong));
    for (int q = 0; q < EX31_MAXQ; q++) {
        arf_init(&L->hlo[q]);
        arf_init(&L->hhi[q]);
    }
}

void ulpm_ex31_leaves_clear(ulpm_ex31_leaves *L)
{
    _fmpq_vec_clear(L->lo, EX31_MAX_LEAVES);
    _fmpq_vec_clear(L->hi, EX31_MAX_LEAVES);
    free(L->k);
    for (int q = 0; q < EX31_MAXQ; q++) {
        arf_clear(&L->hlo[q]);
        arf_clear(&L->hhi[q]);
    }
}

/* 1 iff x has sign s (s = 0: always) with rad(x) <= |mid(x)| / 4. */
static int resolved(const arb_t x, int s)
{
    if (s == 0) return arb_is_finite(x);
    if (s > 0 ? !arb_is_positive(x) : !arb_is_negative(x)) return 0;
    mag_t r;
    mag_init(r);
    mag_mul_2exp_si(r, arb_radref(x), 2);
    int ok = arf_cmpabs_mag(arb_midref(x), r) >= 0;
    mag_clear(r);
    return ok;
}

/* [lo, hi] of x widened: each endpoint e moves outward by |e| * 2^-shift (shift = 1 for a box). */
static void padded_bounds(arf_t lo, arf_t hi, const arb_t x, slong shift, slong prec)
{
    arf_t t;
    arf_init(t);
    arb_get_lbound_arf(lo, x, prec);
    arb_get_ubound_arf(hi, x, prec);
    arf_abs(t, lo);
    arf_mul_2exp_si(t, t, -shift);
    arf_sub(lo, lo, t, prec, ARF_RND_FLOOR);
    arf_abs(t, hi);
    arf_mul_2exp_si(t, t, -shift);
    arf_add(hi, hi, t, prec, ARF_RND_CEIL);
    arf_clear(t);
}

/* Evaluates leaf [lo, hi]; 1 iff every asserted sign is resolved. */
static int eval_leaf(arb_ptr out, enum ulpm_ex31_part part, const fmpq_t lo, const fmpq_t hi, slong *k, int box,
                     slong prec)
{
    arb_t C;
    fmpq_t sq;
    arb_init(C);
    fmpq_init(sq);
    ball_set_fmpq_interval(C, lo, hi, prec);
    if (part == EX31_FAMILY10) {
        *k = ulpm_ex31_family10_k(lo, hi);
        fmpq_one(sq);
        fmpz_mul_2exp(fmpq_denref(sq), fmpq_denref(sq), (ulong)*k);
    }
    ulpm_ex31_eval(out, part, C, sq, box, prec);
    int ok = 1;
    const ulpm_ex31_qspec *qs = &ulpm_ex31_qspecs[part];
    for (int q = 0; q < qs->nq; q++) ok = ok && resolved(out + q, qs->sign[q]);
    arb_clear(C);
    fmpq_clear(sq);
    return ok;
}

int ulpm_ex31_bisect(ulpm_ex31_leaves *L, const ulpm_ex31_inst *I, slong prec)
{
    const ulpm_ex31_qspec *qs = &ulpm_ex31_qspecs[I->part];
    arb_ptr out = _arb_vec_init(EX31_MAXQ);
    arf_t *qlo = malloc(EX31_MAXQ * sizeof(arf_t)), *qhi = malloc(EX31_MAXQ * sizeof(arf_t));
    for (int q = 0; q < EX31_MAXQ; q++) {
        arf_init(qlo[q]);
        arf_init(qhi[q]);
    }
    /* depth-first, left to right, so leaves come out sorted and contiguous */
    fmpq *slo = _fmpq_vec_init(EX31_MAX_DEPTH + 2), *shi = _fmpq_vec_init(EX31_MAX_DEPTH + 2);
    int sdepth[EX31_MAX_DEPTH + 2], top = 0, fail = 0;
    fmpq_set(slo, I->box ? I->C_lo : I->C);
    fmpq_set(shi, I->box ? I->C_hi : I->C);
    sdepth[0] = 0;
    top = 1;
    L->n = 0;
    arf_t lo, hi;
    arf_init(lo);
    arf_init(hi);
    while (top > 0 && !fail) {
        top--;
        slong k = 0;
        int d = sdepth[top];
        int ok = eval_leaf(out, I->part, slo + top, shi + top, &k, I->box, prec);
        if (!ok && I->box && d < EX31_MAX_DEPTH && top + 2 <= EX31_MAX_DEPTH + 1) {
            fmpq_t mid;
            fmpq_init(mid);
            fmpq_add(mid, slo + top, shi + top);
            fmpq_div_2exp(mid, mid, 1);
            /* the right half [mid, b] stays at top; the left half [a, mid] goes above it and
             * is processed first */
            fmpq_t l0;
            fmpq_init(l0);
            fmpq_set(l0, slo + top);
            fmpq_set(slo + top, mid);
            fmpq_set(slo + top + 1, l0);
            fmpq_set(shi + top + 1, mid);
            sdepth[top] = sdepth[top + 1] = d + 1;
            top += 2;
            fmpq_clear(l0);
            fmpq_clear(mid);
            continue;
        }
        if (!ok || L->n >= EX31_MAX_LEAVES) {
            fail = 1;
            break;
        }
        fmpq_set(L->lo + L->n, slo + top);
        fmpq_set(L->hi + L->n, shi + top);
        L->k[L->n] = k;
        for (int q = 0; q < qs->nq; q++) {
            padded_bounds(lo, hi, out + q, I->box ? 1 : prec / 2, prec);
            if (L->n == 0 || arf_cmp(lo, qlo[q]) < 0) arf_set(qlo[q], lo);
            if (L->n == 0 || arf_cmp(hi, qhi[q]) > 0) arf_set(qhi[q], hi);
        }
        L->n++;
    }
    for (int q = 0; q < qs->nq; q++) {
        arf_set(&L->hlo[q], qlo[q]);
        arf_set(&L->hhi[q], qhi[q]);
    }
    arf_clear(lo);
    arf_clear(hi);
    for (int q = 0; q < EX31_MAXQ; q++) {
        arf_clear(qlo[q]);
        arf_clear(qhi[q]);
    }
    free(qlo);
    free(qhi);
    _fmpq_vec_clear(slo, EX31_MAX_DEPTH + 2);
    _fmpq_vec_clear(shi, EX31_MAX_DEPTH + 2);
    _arb_vec_clear(out, EX31_MAXQ);
    return fail;
}
