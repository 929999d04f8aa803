/* linconv_schur_split.c: core, block and off-block row-sum bound of the reduced matrix
 * (linconv_schur_split.h; derivation section 7.6). Entries of M_red + c B0' B0'^T are evaluated
 * one by one (section 7.4) from the box intervals on the coordinates a < dS = min(d, K + 2):
 * the core coordinates, a0 = K (the representative block) and a1 = K + 1 (a second block, for
 * the block-block entries); every coordinate a >= K has the same box interval [-r, r] in W and
 * H, so these representatives stand for all of them. Reduced indices: w_k[a] = k d + a,
 * m_k[a] = dK + k d + a, b_l = 2dK + l. */
#include "claims/linconv/linconv_schur_split.h"

slong linconv_split_core_dim(const linconv_inst *I)
{
    return 2 * I->K * I->K + I->K;
}
slong linconv_split_block_dim(const linconv_inst *I)
{
    return I->d > I->K ? 2 * I->K : 0;
}

typedef struct {
    slong K, d, N, dS, c;
    arb_mat_t Wr, Hk, HH, WW, R, U, G; /* Wr, Hk: d x K; HH, WW: dS x dS; U: dS x 2K */
    arb_ptr b, hs;                     /* K, dS */
    arb_t sn, lw, lh;
    slong prec;
} sctx;

static void sctx_init(sctx *x, const linconv_inst *I, const arb_mat_t W, const arb_mat_t H, slong k, slong c,
                      slong prec)
{
    const slong K = I->K, d = I->d, dS = d < K + 2 ? d : K + 2;
    x->K = K, x->d = d, x->N = I->N, x->dS = dS, x->c = c, x->prec = prec;
    arb_mat_init(x->Wr, d, K), arb_mat_init(x->Hk, d, K), arb_mat_init(x->HH, dS, dS), arb_mat_init(x->WW, dS, dS);
    arb_mat_init(x->R, K, K), arb_mat_init(x->U, dS, 2 * K), arb_mat_init(x->G, 2 * K, 2 * K);
    x->b = _arb_vec_init(K), x->hs = _arb_vec_init(dS);
    arb_init(x->sn), arb_init(x->lw), arb_init(x->lh);
    arb_sqrt_ui(x->sn, (ulong)I->n, prec), arb_set_fmpq(x->lw, I->lamW, prec), arb_set_fmpq(x->lh, I->lamH, prec);
    for (slong a = 0; a < d; a++)
        for (slong j = 0; j < K; j++) {
            arb_set(arb_mat_entry(x->Wr, a, j), arb_mat_entry(W, a, j));
            arb_set(arb_mat_entry(x->Hk, a, j), arb_mat_entry(H, a, j));
            if (k != WORD_MIN)
                arb_add_error_2exp_si(arb_mat_entry(x->Wr, a, j), -k),
                    arb_add_error_2exp_si(arb_mat_entry(x->Hk, a, j), -k);
            if (a < dS) {
                arb_set(arb_mat_entry(x->U, a, j), arb_mat_entry(W, a, j));
                arb_mul(arb_mat_entry(x->U, a, K + j), arb_mat_entry(H, a, j), x->sn, prec);
            }
        }
    for (slong j = 0; j < K; j++) {
        arb_one(x->b + j), arb_div_si(x->b + j, x->b + j, K, prec);
        if (k != WORD_MIN) arb_add_error_2exp_si(x->b + j, -k);
    }
    for (slong p = 0; p < dS; p++)
        for (slong q = 0; q < dS; q++)
            for (slong j = 0; j < K; j++) {
                arb_addmul(arb_mat_entry(x->HH, p, q), arb_mat_entry(x->Hk, p, j), arb_mat_entry(x->Hk, q, j), prec);
                arb_addmul(arb_mat_entry(x->WW, p, q), arb_mat_entry(x->Wr, p, j), arb_mat_entry(x->Wr, q, j), prec);
            }
    arb_mat_scalar_div_si(x->HH, x->HH, K, prec), arb_mat_scalar_div_si(x->WW, x->WW, x->N, prec);
    for (slong l = 0; l < K; l++) /* [R_lk] = [w_l].[h_k] + [b_l] - [l = k], over all d coordinates */
        for (slong j = 0; j < K; j++) {
            for (slong a = 0; a < d; a++)
                arb_addmul(arb_mat_entry(x->R, l, j), arb_mat_entry(x->Wr, a, l), arb_mat_entry(x->Hk, a, j), prec);
            arb_add(arb_mat_entry(x->R, l, j), arb_mat_entry(x->R, l, j), x->b + l, prec);
            if (l == j) arb_sub_ui(arb_mat_entry(x->R, l, j), arb_mat_entry(x->R, l, j), 1, prec);
        }
    for (slong a = 0; a < dS; a++) {
        for (slong j = 0; j < K; j++) arb_add(x->hs + a, x->hs + a, arb_mat_entry(x->Hk, a, j), prec);
        arb_div_si(x->hs + a, x->hs + a, K, prec);
    }
    arb_mat_t UT;
    arb_mat_init(UT, 2 * K, dS);
    arb_mat_transpose(UT, x->U), arb_mat_mul(x->G, UT, x->U, prec);
    arb_mat_clear(UT);
}

static void sctx_clear(sctx *x)
{
    arb_mat_clear(x->Wr), arb_mat_clear(x->Hk), arb_mat_clear(x->HH), arb_mat_clear(x->WW);
    arb_mat_clear(x->R), arb_mat_clear(x->U), arb_mat_clear(x->G);
    _arb_vec_clear(x->b, x->K), _arb_vec_clear(x->hs, x->dS);
    arb_clear(x->sn), arb_clear(x->lw), arb_clear(x->lh);
}

/* entry (i, j) of M_red + c B0' B0'^T for reduced indices with coordinates < dS */
static void sentry(arb_t v, sctx *x, slong i, slong j)
{
    const slong K = x->K, d = x->d, dK = d * K, prec = x->prec;
    if (i > j) {
        const slong t = i;
        i = j, j = t;
    }
    arb_zero(v);
    if (j >= 2 * dK) { /* (., b_l) */
        const slong l = j - 2 * dK;
        if (i >= 2 * dK) {
            if (i == j) arb_one(v);
        } else if (i >= dK) { /* (m_k[p], b_l) = sqrt(n)/N [w_l[p]] */
            arb_mul(v, arb_mat_entry(x->Wr, i % d, l), x->sn, prec), arb_div_si(v, v, x->N, prec);
        } else if (i / d == l) { /* (w_l[p], b_l) = (1/K) sum_j [h_j[p]] */
            arb_set(v, x->hs + i % d);
        }
        return;
    }
    const slong J = i / d, p = i % d, L = j / d, q = j % d;
    if (J == L) {
        arb_set(v, J < K ? arb_mat_entry(x->HH, p, q) : arb_mat_entry(x->WW, p, q));
        if (p == q) arb_add(v, v, J < K ? x->lw : x->lh, prec);
    } else if (J < K && L >= K) { /* (m_l[q], w_J[p]) = sqrt(n)/N ([R_Jl] [p = q] + [w_J[q]] [h_l[p]]) */
        arb_mul(v, arb_mat_entry(x->Wr, q, J), arb_mat_entry(x->Hk, p, L - K), prec);
        if (p == q) arb_add(v, v, arb_mat_entry(x->R, J, L - K), prec);
        arb_mul(v, v, x->sn, prec), arb_div_si(v, v, x->N, prec);
    }
    if (x->c) { /* c ((u_J.u_L) [p = q] - u_L[p] u_J[q]) */
        arb_t t;
        arb_init(t);
        arb_mul(t, arb_mat_entry(x->U, p, L), arb_mat_entry(x->U, q, J), prec);
        if (p == q)
            arb_sub(t, arb_mat_entry(x->G, J, L), t, prec);
        else
            arb_neg(t, t);
        arb_addmul_si(v, t, x->c, prec);
        arb_clear(t);
    }
}

/* the reduced index of position t of the core (t < 2K^2 + K) or of block a (t < 2K) */
static slong core_index(const sctx *x, slong t)
{
    const slong K = x->K, d = x->d, kk = t / K, p = t % K;
    if (t >= 2 * K * K) return 2 * d * K + (t - 2 * K * K);
    return kk < K ? kk * d + p : d * K + (kk - K) * d + p;
}
static slong block_index(const sctx *x, slong t, slong a)
{
    return t < x->K ? t * x->d + a : x->d * x->K + (t - x->K) * x->d + a;
}

/* rho += sum over s < n of mag(entry(i, idx(s))) times m, into the row sum f */
static void add_row(arf_t f, sctx *x, slong i, slong n, slong a, int core, slong m)
{
    arb_t v;
    arf_t u, e;
    arb_init(v), arf_init(u), arf_init(e);
    arf_zero(u);
    for (slong s = 0; s < n; s++) {
        sentry(v, x, i, core ? core_index(x, s) : block_index(x, s, a));
        arb_get_abs_ubound_arf(e, v, x->prec);
        arf_add(u, u, e, x->prec, ARF_RND_UP);
    }
    arf_mul_si(u, u, m, x->prec, ARF_RND_UP);
    arf_add(f, f, u, x->prec, ARF_RND_UP);
    arb_clear(v), arf_clear(u), arf_clear(e);
}

void linconv_split_matrices(arb_mat_t core, arb_mat_t block, arb_t rho, const linconv_inst *I, const arb_mat_t W,
                            const arb_mat_t H, slong k, slong c, slong prec)
{
    sctx x;
    sctx_init(&x, I, W, H, k, c, prec);
    const slong nc = linconv_split_core_dim(I), nb = linconv_split_block_dim(I), nout = I->d - I->K, a0 = I->K;
    for (slong s = 0; s < nc; s++)
        for (slong t = 0; t < nc; t++) sentry(arb_mat_entry(core, s, t), &x, core_index(&x, s), core_index(&x, t));
    for (slong s = 0; s < nb; s++)
        for (slong t = 0; t < nb; t++)
            sentry(arb_mat_entry(block, s, t), &x, block_index(&x, s, a0), block_index(&x, t, a0));
    arf_t best, f;
    arf_init(best), arf_init(f);
    arf_zero(best);
    if (nout > 0) {
        for (slong s = 0; s < nc; s++) { /* core rows: every block a >= K alike */
            arf_zero(f), add_row(f, &x, core_index(&x, s), nb, a0, 0, nout);
            arf_max(best, best, f);
        }
        for (slong s = 0; s < nb; s++) { /* block rows: the core, and every other block alike */
            arf_zero(f), add_row(f, &x, block_index(&x, s, a0), nc, 0, 1, 1);
            if (nout > 1) add_row(f, &x, block_index(&x, s, a0), nb, a0 + 1, 0, nout - 1);
            arf_max(best, best, f);
        }
    }
    arb_set_arf(rho, best);
    arf_clear(best), arf_clear(f);
    sctx_clear(&x);
}
