/* check_generators.c: owns splitmix64 and the integer layers of the generated instance kinds
 * random-dyadic/1, nc/1, nc-perturbed/1 (specs/generators.md), written from the spec text. */
#include "check_instance.h"

#define GAMMA 0x9e3779b97f4a7c15u

static uint64_t mix(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

uint64_t ck_splitmix64_next(uint64_t *s)
{
    return mix(*s += GAMMA);
}

/* Draw number t (0-based) from state SEED: the state then is seed + (t+1)*GAMMA mod 2^64. */
int32_t ck_rd_value(uint64_t seed, uint64_t t)
{
    uint64_t x = mix(seed + (t + 1) * GAMMA);
    return (int32_t)(x >> 44) - (1 << 19);
}

/* nc/1 numerator of W[k][l] over K: K*[l == k] - 1 for l < K, 0 for l >= K */
static int64_t nc_num(const ck_inst *in, long k, long l)
{
    if (l >= in->K) return 0;
    return (l == k ? in->K : 0) - 1;
}

int64_t ck_layer_w(const ck_inst *in, const ck_layer *L, long k, long l)
{
    if (L->src == CK_SRC_RD) return ck_rd_value(in->seed, (uint64_t)k * in->d + l);
    return nc_num(in, k, l);
}

int64_t ck_layer_h(const ck_inst *in, const ck_layer *L, long l, long c)
{
    if (L->src == CK_SRC_RD) return ck_rd_value(in->seed, (uint64_t)in->K * in->d + (uint64_t)l * in->n * in->K + c);
    return nc_num(in, c / in->n, l);
}

static void set_layer(ck_layer *L, enum ck_src src, int sqrt, long num, long den_or_log2, int pow2)
{
    L->src = src;
    L->sqrt = sqrt;
    mpq_init(L->scale);
    if (!pow2)
        mpq_set_si(L->scale, num, (unsigned long)den_or_log2);
    else { /* 2^den_or_log2 */
        mpq_set_ui(L->scale, 1, 1);
        if (den_or_log2 >= 0)
            mpq_mul_2exp(L->scale, L->scale, (unsigned long)den_or_log2);
        else
            mpq_div_2exp(L->scale, L->scale, (unsigned long)-den_or_log2);
    }
}

/* random-dyadic/1: X / 2^19.  nc/1: W = N/K, H = N_k/(K n) * sqrt(n).
 * nc-perturbed/1: W = N/K + 2^(e-19) X, H = 2^(e-19) X + N_k/(K n) * sqrt(n). */
void ck_gen_layers(ck_inst *in)
{
    long K = in->K, n = in->n, e = in->eps_log2;
    in->nlw = in->nlh = 0;
    if (in->kind == CK_NC || in->kind == CK_NC_PERTURBED) {
        set_layer(&in->lw[in->nlw++], CK_SRC_NC, 0, 1, K, 0);
        set_layer(&in->lh[in->nlh++], CK_SRC_NC, 1, 1, K * n, 0);
    }
    if (in->kind == CK_RANDOM_DYADIC) {
        set_layer(&in->lw[in->nlw++], CK_SRC_RD, 0, 1, -19, 1);
        set_layer(&in->lh[in->nlh++], CK_SRC_RD, 0, 1, -19, 1);
    }
    if (in->kind == CK_NC_PERTURBED) {
        set_layer(&in->lw[in->nlw++], CK_SRC_RD, 0, 1, e - 19, 1);
        set_layer(&in->lh[in->nlh++], CK_SRC_RD, 0, 1, e - 19, 1);
    }
}
