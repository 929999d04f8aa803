/* check_ce.c: interval (MPFI) cross-entropy loss and gradient in logits, for the checker. */
#include <stdlib.h>
#include "check_alloc.h"
#include "check_ce.h"

mpfi_ptr ck_ivec_init(long len, mpfr_prec_t prec)
{
    mpfi_ptr v = ck_malloc((size_t)(len > 0 ? len : 1) * sizeof(__mpfi_struct));
    for (long t = 0; t < len; t++) {
        mpfi_init2(&v[t], prec);
        mpfi_set_ui(&v[t], 0);
    }
    return v;
}

void ck_ivec_clear(mpfi_ptr v, long len)
{
    for (long t = 0; t < len; t++) mpfi_clear(&v[t]);
    ck_free(v);
}

void ck_ce_logits(mpfi_ptr Z, mpfi_srcptr W, mpfi_srcptr H, long K, long d, long N)
{
    mpfi_t t;
    mpfi_init2(t, mpfi_get_prec(&Z[0]));
    for (long j = 0; j < K; j++)
        for (long c = 0; c < N; c++) {
            mpfi_set_ui(&Z[j * N + c], 0);
            for (long l = 0; l < d; l++) {
                mpfi_mul(t, &W[j * d + l], &H[l * N + c]);
                mpfi_add(&Z[j * N + c], &Z[j * N + c], t);
            }
        }
    mpfi_clear(t);
}

/* s = sum_{j != k} exp(z_j - z_k) for column c. */
static void exp_gaps(mpfi_ptr s, mpfi_ptr e, mpfi_srcptr Z, long K, long N, long c, long k)
{
    mpfi_set_ui(s, 0);
    for (long j = 0; j < K; j++) {
        if (j == k) continue;
        mpfi_sub(&e[j], &Z[j * N + c], &Z[k * N + c]);
        mpfi_exp(&e[j], &e[j]);
        mpfi_add(s, s, &e[j]);
    }
}

void ck_ce_loss(mpfi_ptr L, mpfi_srcptr Z, long K, long N, long n)
{
    mpfr_prec_t prec = mpfi_get_prec(L);
    mpfi_ptr e = ck_ivec_init(K, prec);
    mpfi_t s;
    mpfi_init2(s, prec);
    mpfi_set_ui(L, 0);
    for (long c = 0; c < N; c++) {
        exp_gaps(s, e, Z, K, N, c, c / n);
        mpfi_log1p(s, s);
        mpfi_add(L, L, s);
    }
    mpfi_clear(s);
    ck_ivec_clear(e, K);
}

void ck_ce_grad_logits(mpfi_ptr G, mpfi_srcptr Z, long K, long N, long n)
{
    mpfr_prec_t prec = mpfi_get_prec(&G[0]);
    mpfi_ptr e = ck_ivec_init(K, prec);
    mpfi_t s, one_plus;
    mpfi_init2(s, prec);
    mpfi_init2(one_plus, prec);
    for (long c = 0; c < N; c++) {
        long k = c / n;
        exp_gaps(s, e, Z, K, N, c, k);
        mpfi_add_ui(one_plus, s, 1);
        for (long j = 0; j < K; j++)
            if (j != k) mpfi_div(&G[j * N + c], &e[j], one_plus);
        mpfi_div(&G[k * N + c], s, one_plus); /* softmax_k - 1 = -s / (1 + s) */
        mpfi_neg(&G[k * N + c], &G[k * N + c]);
    }
    mpfi_clear(s);
    mpfi_clear(one_plus);
    ck_ivec_clear(e, K);
}
