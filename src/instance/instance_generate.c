/* instance_generate.c: the generators of specs/generators.md (random-dyadic/1, nc/1,
 * nc-perturbed/1). nccheck implements the same definitions independently. */
#include <math.h>
#include "instance/instance.h"
#include "instance/instance_alloc.h"
#include "instance/splitmix64.h"
#include "exact/exact_double.h"

int instance_generate_random_dyadic(instance *I, long K, long n, long d, uint64_t seed, nc_error *err)
{
    if (instance_check_dims(K, n, d, INSTANCE_MAX_ENTRIES, err)) return err->status;
    if (instance_alloc(I, INSTANCE_RANDOM_DYADIC, K, n, d, 1, 0, err)) return err->status;
    I->seed = seed;
    uint64_t state = seed;
    long N = n * K;
    for (long t = 0; t < K * d; t++) I->W[t] = splitmix64_dyadic_entry(&state);
    /* H row by row (draw K*d + l*N + c is H[l][c]), stored sample-major: drawn by index
     * (splitmix64_state_at) in storage order, so the writes are sequential */
    for (long c = 0; c < N; c++)
        for (long l = 0; l < d; l++) {
            uint64_t at = splitmix64_state_at(seed, (uint64_t)(K * d + l * N + c));
            I->Ht[c * d + l] = splitmix64_dyadic_entry(&at);
        }
    return 0;
}

/* The nc/1 entry W[k][l] = [l == k] - 1/K (l < K), 0 (l >= K). */
static void nc_w_entry(fmpq_t w, long K, long k, long l)
{
    if (l >= K) {
        fmpq_zero(w);
        return;
    }
    fmpq_set_si(w, -1, (ulong)K);
    if (l == k) fmpq_add_si(w, w, 1);
}

/* Fills the nc/1 point, then adds 2^eps_log2 * random-dyadic/1(seed) when perturb is set. */
static int generate_nc_common(instance *I, instance_kind kind, long K, long n, long d, int perturb, uint64_t seed,
                              long eps_log2, nc_error *err)
{
    if (instance_check_dims(K, n, d, INSTANCE_MAX_ENTRIES, err)) return err->status;
    if (d < K)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "neural-collapse instances need d >= K (got d=%ld, K=%ld)", d, K);
    if (perturb && (eps_log2 > -1 || eps_log2 < -1000))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "eps_log2 must be in [-1000, -1] (got %ld)", eps_log2);
    if (instance_alloc(I, kind, K, n, d, 0, 1, err)) return err->status;
    I->seed = seed;
    I->eps_log2 = eps_log2;
    long N = n * K;
    double sqrt_n = sqrt((double)n);
    uint64_t state = seed;
    fmpq_t w, r;
    fmpz_t nz;
    fmpq_init(w);
    fmpq_init(r);
    fmpz_init(nz);
    for (long k = 0; k < K; k++)
        for (long l = 0; l < d; l++) {
            fmpq *a = I->Wa + k * d + l;
            nc_w_entry(a, K, k, l);
            I->W[k * d + l] = exact_fmpq_get_d_nearest(a);
            if (perturb) {
                fmpq_set_si(r, splitmix64_dyadic_numerator(&state), UWORD(1) << SPLITMIX64_DYADIC_DEN_LOG2);
                fmpq_div_2exp(r, r, (ulong)(-eps_log2));
                fmpq_add(a, a, r);
                I->W[k * d + l] = exact_fmpq_get_d_nearest(a);
            }
        }
    for (long l = 0; l < d; l++)
        for (long c = 0; c < N; c++) {
            long k = c / n, t = c * d + l;
            nc_w_entry(w, K, k, l);
            fmpz_set_si(nz, n);
            fmpq_div_fmpz(I->Hb + t, w, nz); /* w / sqrt(n) = (w / n) sqrt(n) */
            I->Ht[t] = exact_fmpq_get_d_nearest(w) / sqrt_n;
            if (perturb) {
                fmpq_set_si(I->Ha + t, splitmix64_dyadic_numerator(&state), UWORD(1) << SPLITMIX64_DYADIC_DEN_LOG2);
                fmpq_div_2exp(I->Ha + t, I->Ha + t, (ulong)(-eps_log2));
                I->Ht[t] += exact_fmpq_get_d_nearest(I->Ha + t);
            }
        }
    fmpq_clear(w);
    fmpq_clear(r);
    fmpz_clear(nz);
    return 0;
}

int instance_generate_nc(instance *I, long K, long n, long d, nc_error *err)
{
    return generate_nc_common(I, INSTANCE_NC, K, n, d, 0, 0, 0, err);
}

int instance_generate_nc_perturbed(instance *I, long K, long n, long d, uint64_t seed, long eps_log2, nc_error *err)
{
    return generate_nc_common(I, INSTANCE_NC_PERTURBED, K, n, d, 1, seed, eps_log2, err);
}
