/* msecp_dynamics_t0.c: the exact t = 0 quantities of msecp.dynamics on a point X of the
 * normalized-features manifold (proofs/derivations/msecp-dynamics.md, sections 1-2): the
 * central-path loss L(X) = (1/2) tr (C I + K)^{-1}, K = M^T (X C X^T)^{-1} M, M = X Y^T / N;
 * its ambient gradient G = M R^2 (M^T X C - Y/N) (checked against the chain-rule derivative of
 * L in the direction Z); the velocities of eq. (5) with Proposition 4's Pi (the defined flow)
 * and with the orthogonal projection; dK/dt along each, against the derived law
 * (2/n) K (CI+K)^{-1} and Lemma 5's law (2/N) K (CI+K)^{-2}; Lemma 4's velocity -G against
 * the tangent condition. Everything exact (FLINT fmpq_mat). */
#include "claims/msecp/msecp_dynamics.h"
#include <flint/fmpq_mat.h>
#include "common/progress.h"

const char *const msecp_dyn_t0_names[MSECP_DYN_T0_NQ] = {
    "membership_gap",   "gradient_gap",       "defined_tangent_gap", "trace_K", "derived_law_gap", "orth_law_gap",
    "lemma5_trace_gap", "lemma5_gap_formula", "lemma4_normal_trace"};

/* out (rows x C) = A Y^T / N: column c is the mean of A's class-c columns (class-major) */
static void class_means(fmpq_mat_t out, const fmpq_mat_t A, long C, long N)
{
    fmpz_t nn;
    fmpz_init_set_si(nn, N);
    for (long r = 0; r < A->r; r++)
        for (long c = 0; c < C; c++) {
            fmpq *o = fmpq_mat_entry(out, r, c);
            fmpq_zero(o);
            for (long i = 0; i < N; i++) fmpq_add(o, o, fmpq_mat_entry(A, r, c * N + i));
            fmpq_div_fmpz(o, o, nn);
        }
    fmpz_clear(nn);
}

static void div_si(fmpq_t x, long d)
{
    fmpz_t z;
    fmpz_init_set_si(z, d);
    fmpq_div_fmpz(x, x, z);
    fmpz_clear(z);
}

static void scale_si(fmpq_mat_t A, long num, long den)
{
    fmpq_t s;
    fmpq_init(s);
    fmpq_set_si(s, num, (ulong)den);
    fmpq_mat_scalar_mul_fmpq(A, A, s);
    fmpq_clear(s);
}

static void mul3(fmpq_mat_t out, const fmpq_mat_t A, const fmpq_mat_t B, const fmpq_mat_t D)
{
    fmpq_mat_t T;
    fmpq_mat_init(T, A->r, B->c);
    fmpq_mat_mul(T, A, B);
    fmpq_mat_mul(out, T, D);
    fmpq_mat_clear(T);
}

/* The point data every quantity needs. */
typedef struct {
    long C, N, n;
    fmpq_mat_t M, Mt, Si, K, R, R2, G;
} t0_data;

/* dK along V: dM^T Si M + M^T Si dM - M^T Si dF_X(V) Si M, dM = V Y^T / N */
static void kdot(fmpq_mat_t out, const t0_data *D, const fmpq_mat_t X, const fmpq_mat_t V)
{
    long C = D->C;
    fmpq_mat_t dM, dMt, A, S, B;
    fmpq_mat_init(dM, C, C), fmpq_mat_init(dMt, C, C), fmpq_mat_init(A, C, C), fmpq_mat_init(S, C, C);
    fmpq_mat_init(B, C, C);
    class_means(dM, V, C, D->N);
    fmpq_mat_transpose(dMt, dM);
    mul3(A, dMt, D->Si, D->M);
    fmpq_mat_transpose(B, A); /* M^T Si dM (Si symmetric) */
    fmpq_mat_add(out, A, B);
    msecp_point_dF(S, X, V, C, D->N);
    mul3(A, D->Mt, D->Si, S);
    mul3(B, A, D->Si, D->M);
    fmpq_mat_sub(out, out, B);
    fmpq_mat_clear(dM), fmpq_mat_clear(dMt), fmpq_mat_clear(A), fmpq_mat_clear(S), fmpq_mat_clear(B);
}

/* Fills D from X; 0 if X C X^T or C I + K is singular (then the point is refused upstream). */
static int t0_setup(t0_data *D, const msecp_point *P)
{
    long C = P->C, N = P->N, n = P->n;
    D->C = C, D->N = N, D->n = n;
    fmpq_mat_init(D->M, C, C), fmpq_mat_init(D->Mt, C, C), fmpq_mat_init(D->Si, C, C), fmpq_mat_init(D->K, C, C);
    fmpq_mat_init(D->R, C, C), fmpq_mat_init(D->R2, C, C), fmpq_mat_init(D->G, C, n);
    fmpq_mat_t S, A, XC, T;
    fmpq_mat_init(S, C, C), fmpq_mat_init(A, C, C), fmpq_mat_init(XC, C, n), fmpq_mat_init(T, C, n);
    class_means(D->M, P->X, C, N);
    fmpq_mat_transpose(D->Mt, D->M);
    msecp_point_dF(S, P->X, P->X, C, N);
    scale_si(S, 1, 2); /* X C X^T */
    int ok = fmpq_mat_inv(D->Si, S);
    if (ok) {
        mul3(D->K, D->Mt, D->Si, D->M);
        fmpq_mat_set(A, D->K);
        for (long i = 0; i < C; i++) fmpq_add_si(fmpq_mat_entry(A, i, i), fmpq_mat_entry(A, i, i), C);
        ok = fmpq_mat_inv(D->R, A);
    }
    if (ok) {
        fmpq_mat_mul(D->R2, D->R, D->R);
        /* G = M R^2 (M^T X C - Y / N) */
        msecp_point_center(XC, P->X, C, N);
        fmpq_mat_mul(T, D->Mt, XC);
        for (long c = 0; c < C; c++)
            for (long i = 0; i < N; i++) {
                fmpq *e = fmpq_mat_entry(T, c, c * N + i);
                fmpq_t y;
                fmpq_init(y), fmpq_set_si(y, 1, (ulong)N);
                fmpq_sub(e, e, y);
                fmpq_clear(y);
            }
        fmpq_mat_mul(A, D->M, D->R2);
        fmpq_mat_mul(D->G, A, T);
    }
    fmpq_mat_clear(S), fmpq_mat_clear(A), fmpq_mat_clear(XC), fmpq_mat_clear(T);
    return ok;
}

static void t0_clear(t0_data *D)
{
    fmpq_mat_clear(D->M), fmpq_mat_clear(D->Mt), fmpq_mat_clear(D->Si), fmpq_mat_clear(D->K);
    fmpq_mat_clear(D->R), fmpq_mat_clear(D->R2), fmpq_mat_clear(D->G);
}

void msecp_dynamics_t0_compute(fmpq_t *q, const msecp_point *P)
{
    long C = P->C, N = P->N, n = P->n;
    t0_data D;
    for (int k = 0; k < MSECP_DYN_T0_NQ; k++) fmpq_zero(q[k]);
    msecp_point_membership_gap(q[0], P->X, C, N);
    if (!t0_setup(&D, P)) { /* cannot happen for msecp-point/1 (X C X^T = I); flagged as a gap */
        fmpq_one(q[0]);
        t0_clear(&D);
        return;
    }
    fmpq_mat_t A, B, V, S, KR;
    fmpq_t t;
    fmpq_init(t);
    fmpq_mat_init(A, C, C), fmpq_mat_init(B, C, C), fmpq_mat_init(V, C, n), fmpq_mat_init(S, C, C);
    fmpq_mat_init(KR, C, C);
    progress_begin("exact derivatives", 8);
    /* 1: <G, Z> - dL[Z], dL[Z] = -(1/2) tr(R^2 dK[Z]) (chain rule on L = (1/2) tr R) */
    kdot(A, &D, P->X, P->Z);
    fmpq_mat_mul(B, D.R2, A);
    fmpq_mat_trace(t, B);
    fmpq_div_2exp(t, t, 1);
    exact_mat_inner(q[1], D.G, P->Z);
    fmpq_add(q[1], q[1], t);
    progress_set(1);
    /* 2: the defined velocity Va = -Pi(G) is tangent */
    msecp_point_pi(V, P->X, D.G, C, N);
    fmpq_mat_neg(V, V);
    msecp_point_dF(S, P->X, V, C, N);
    exact_mat_inner(q[2], S, S);
    progress_set(2);
    /* 3: tr K */
    fmpq_mat_trace(q[3], D.K);
    progress_set(3);
    /* 4: dK/dt along Va against (2/n) K R */
    kdot(A, &D, P->X, V);
    fmpq_mat_trace(q[5], A); /* keep tr Kdot_a for row 6 */
    fmpq_mat_mul(KR, D.K, D.R);
    scale_si(KR, 2, n);
    exact_mat_dist2(q[4], A, KR);
    progress_set(4);
    /* 6: tr Kdot_a - (2/N) tr(K R^2) */
    fmpq_mat_mul(B, D.K, D.R2);
    fmpq_mat_trace(t, B);
    fmpq_mul_si(t, t, 2), div_si(t, N);
    fmpq_sub(q[6], q[5], t);
    progress_set(5);
    /* 5: dK/dt along Vb = -P(G) against (2/N) K R^2 */
    scale_si(B, 2, N);
    msecp_point_orth(V, P->X, D.G, C, N);
    fmpq_mat_neg(V, V);
    kdot(A, &D, P->X, V);
    exact_mat_dist2(q[5], A, B);
    progress_set(6);
    /* 7: (2/n) tr(K^2 R^2) */
    fmpq_mat_mul(A, D.K, D.R);
    fmpq_mat_mul(B, A, A); /* K R K R = K^2 R^2 (K, R commute) */
    fmpq_mat_trace(q[7], B);
    fmpq_mul_si(q[7], q[7], 2), div_si(q[7], n);
    progress_set(7);
    /* 8: Lemma 4's velocity -G: sum over rows j < C-1 of [dF_X(-G)]_jj */
    fmpq_mat_neg(V, D.G);
    msecp_point_dF(S, P->X, V, C, N);
    for (long j = 0; j + 1 < C; j++) fmpq_add(q[8], q[8], fmpq_mat_entry(S, j, j));
    progress_end();
    fmpq_mat_clear(A), fmpq_mat_clear(B), fmpq_mat_clear(V), fmpq_mat_clear(S), fmpq_mat_clear(KR);
    fmpq_clear(t);
    t0_clear(&D);
}
