/* instance.c: allocation, size checks and release of exact instances. */
#include <stdlib.h>
#include <string.h>
#include "instance/instance.h"
#include "instance/instance_alloc.h"

long instance_N(const instance *I)
{
    return I->n * I->K;
}

int instance_check_dims(long K, long n, long d, long max_entries, nc_error *err)
{
    if (K < 2) return nc_error_set(err, NC_EXIT_BAD_INPUT, "K must be >= 2 (got %ld)", K);
    if (n < 1) return nc_error_set(err, NC_EXIT_BAD_INPUT, "n must be >= 1 (got %ld)", n);
    if (d < 1) return nc_error_set(err, NC_EXIT_BAD_INPUT, "d must be >= 1 (got %ld)", d);
    if (K > INSTANCE_MAX_DIM || n > INSTANCE_MAX_DIM || d > INSTANCE_MAX_DIM)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "K, n and d must each be <= %ld (got K=%ld, n=%ld, d=%ld)",
                            INSTANCE_MAX_DIM, K, n, d);
    /* K, n, d <= 1e5, so the products below fit in 64 bits without overflow checks. */
    long entries = K * d + d * n * K;
    if (entries > max_entries)
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "instance too large: K*d + d*n*K = %ld entries exceeds the limit %ld", entries,
                            max_entries);
    return 0;
}

int instance_alloc(instance *I, instance_kind kind, long K, long n, long d, int exact_double, int with_sqrt,
                   nc_error *err)
{
    memset(I, 0, sizeof *I);
    I->kind = kind;
    I->K = K;
    I->n = n;
    I->d = d;
    I->exact_double = exact_double;
    size_t nw = (size_t)(K * d), nh = (size_t)(n * K * d);
    I->W = malloc(nw * sizeof(double));
    I->Ht = malloc(nh * sizeof(double));
    int ok = I->W && I->Ht;
    if (ok && !exact_double) {
        I->Wa = _fmpq_vec_init((slong)nw);
        I->Ha = _fmpq_vec_init((slong)nh);
        if (with_sqrt) {
            I->Wb = _fmpq_vec_init((slong)nw);
            I->Hb = _fmpq_vec_init((slong)nh);
        }
    }
    if (!ok) {
        instance_clear(I);
        return nc_error_set(err, NC_EXIT_INTERNAL, "out of memory for a %ld x %ld x %ld instance", K, n, d);
    }
    return 0;
}

void instance_clear(instance *I)
{
    size_t nw = (size_t)(I->K * I->d), nh = (size_t)(I->n * I->K * I->d);
    free(I->W);
    free(I->Ht);
    if (I->Wa) _fmpq_vec_clear(I->Wa, (slong)nw);
    if (I->Wb) _fmpq_vec_clear(I->Wb, (slong)nw);
    if (I->Ha) _fmpq_vec_clear(I->Ha, (slong)nh);
    if (I->Hb) _fmpq_vec_clear(I->Hb, (slong)nh);
    if (I->explicit_W) json_decref(I->explicit_W);
    if (I->explicit_H) json_decref(I->explicit_H);
    if (I->data_ref) json_decref(I->data_ref);
    memset(I, 0, sizeof *I);
}
