/* instance_exact.h: tier-2 exact evaluation on an instance, in Q(sqrt(n)): entries, logits,
 * margins, Frobenius norms and the neural-collapse test of ulpm Lemma 3.1's equality case. */
#ifndef INSTANCE_EXACT_H
#define INSTANCE_EXACT_H
#include "exact/qsqrt.h"
#include "instance/instance.h"

void instance_exact_entry_W(qsqrt_t x, const instance *I, long k, long l);
void instance_exact_entry_H(qsqrt_t x, const instance *I, long c, long l); /* entry (l, c) of H */
/* r = w_j . h_c */
void instance_exact_logit(qsqrt_t r, const instance *I, long j, long c);
/* r = w_k.h_c - w_j.h_c with k = c / n */
void instance_exact_margin(qsqrt_t r, const instance *I, long c, long j);
void instance_exact_frobenius2_W(qsqrt_t r, const instance *I);
void instance_exact_frobenius2_H(qsqrt_t r, const instance *I);
/* The minimum q_min of all margins s_{kij} (j != k) and the first minimiser (c = k*n+i, j). */
void instance_exact_margin_min(qsqrt_t q, long *c_min, long *j_min, const instance *I);
/* 1 iff the NC conditions of seed 000 eqs. (11)-(12) hold exactly (specs/certificate.md). */
int instance_exact_is_nc(const instance *I);
#endif
