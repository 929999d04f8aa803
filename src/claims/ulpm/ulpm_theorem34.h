/* ulpm_theorem34.h: internal interface of the ulpm.theorem-3.4 certifier (seed 001 Theorem 3.4
 * = seed 000 Theorem C.2): the exact point (W, H) with rational entries, its exact
 * criticality on the sphere, the double-precision witness search, and the Arb second
 * variation. Vectors of R^D, D = K d + d N (N = n K), are (dW, dH) with dW row-major (K x d)
 * followed by dH row-major (d x N), the entry order of specs/generators.md. */
#ifndef ULPM_THEOREM34_H
#define ULPM_THEOREM34_H
#include <arb.h>
#include <flint/fmpq.h>
#include <jansson.h>
#include "common/nc_error.h"

typedef struct {
    long K, n, d, N, D;
    fmpq *W, *H;     /* exact: W[k*d + l], H[l*N + c] */
    double *Wd, *Hd; /* nearest doubles (witness search only, never evidence) */
    int pairing;     /* 1: instance kind ulpm-pairing/1 */
    int is_nc;       /* 1: an optimal point of Theorem 3.3 (exact NC test, ||W|| = ||H||) */
    json_t *json;    /* the instance as echoed in the certificate */
} ulpm_t34_point;

/* Parses {"kind":"ulpm-pairing/1","K":K,"C":"c"} (K even, 4 <= K <= 64, C > 0 rational) or a
 * generic ulpm instance whose entries are all rational (status 2 otherwise). */
int ulpm_t34_point_from_json(ulpm_t34_point *P, json_t *obj, nc_error *err);
void ulpm_t34_point_clear(ulpm_t34_point *P);

/* Exact criticality on the sphere (symmetry argument, proofs/derivations/ulpm-theorem-3.4.md):
 * every column of Z = W H has the same multiset of logit values v_1..v_V (multiplicity m_u),
 * and each g_u = (B_u H^T, W^T B_u) (B_u = indicator of Z == v_u) and g_E = (E H^T, W^T E)
 * (E = label indicator) equals mu_u x resp. mu_E x exactly, x = (W, H). Then grad L = lambda x
 * with lambda = sum_u mu_u p_u - mu_E, p_u = e^{v_u} / sum_t m_t e^{v_t}. */
typedef struct {
    long V, cap;  /* cap: allocated length of v, mu, mult */
    fmpq *v, *mu; /* V values and their multipliers */
    long *mult;
    fmpq_t muE, xx; /* mu_E and x.x */
} ulpm_t34_crit;

/* 1 if the point is certified critical (c filled), 0 if the test does not apply. */
int ulpm_t34_crit_exact(ulpm_t34_crit *c, const ulpm_t34_point *P);
void ulpm_t34_crit_clear(ulpm_t34_crit *c);
/* lambda, enclosed (the ball contains the exact value). */
void ulpm_t34_crit_lambda(arb_t lam, const ulpm_t34_crit *c, slong prec);

/* Second variation. x_ball holds W then H as balls; G, Pm: K x N gradient in logits and
 * softmax. Sv = (Hess L) v - lambda v (the ball vector contains the exact value). */
typedef struct {
    long K, n, d, N, D;
    arb_ptr W, H, G, Pm; /* row-major */
    arb_t lam;
    slong prec;
} ulpm_t34_ball;
void ulpm_t34_ball_init(ulpm_t34_ball *b, const ulpm_t34_point *P, const ulpm_t34_crit *c, slong prec);
void ulpm_t34_ball_clear(ulpm_t34_ball *b);
void ulpm_t34_ball_hess_vec(arb_ptr out, const ulpm_t34_ball *b, arb_srcptr v, int minus_lambda);
/* q = v.(Hess L)v, s = q - lambda |v|^2, for an exact rational v. */
void ulpm_t34_ball_forms(arb_t q, arb_t s, const ulpm_t34_ball *b, const fmpq *v);

/* Double search (witness proposals). lam_d: lambda as a double. */
typedef struct {
    long npairs;
    long *pairs;  /* 2*npairs: orbit generators X = E_ij - E_ji */
    long m;       /* basis columns */
    slong *basis; /* m x D integers, column t at basis + t*D */
    double *eig;  /* m approximate eigenvalues of the reduced Hessian */
} ulpm_t34_numeric;
int ulpm_t34_numeric_search(ulpm_t34_numeric *r, const ulpm_t34_point *P, const double *G, double lam_d);
void ulpm_t34_numeric_clear(ulpm_t34_numeric *r);
/* G = dL/dZ and lambda = <grad L, x>/<x, x> in doubles (no cancellation in softmax_k - 1). */
void ulpm_t34_double_grad(double *G, double *lam, const ulpm_t34_point *P);
/* Top singular pair of the K x N matrix G (power iteration). */
void ulpm_t34_double_top_singular(double *u, double *v, const double *G, long K, long N);

static inline void ulpm_t34_qvec_set(fmpq *r, const fmpq *a, long n)
{
    for (long i = 0; i < n; i++) fmpq_set(r + i, a + i);
}
static inline void ulpm_t34_qvec_zero(fmpq *r, long n)
{
    for (long i = 0; i < n; i++) fmpq_zero(r + i);
}
static inline int ulpm_t34_qvec_equal(const fmpq *a, const fmpq *b, long n)
{
    for (long i = 0; i < n; i++)
        if (!fmpq_equal(a + i, b + i)) return 0;
    return 1;
}

/* Exact tangency fix: v := v - (x.v / x_i0) e_i0 with i0 the entry of x of largest |x_i|
 * whose value is a power of two when one exists. */
void ulpm_t34_make_tangent(fmpq *v, const ulpm_t34_point *P);
/* q_min = min over samples c and classes j != k(c) of z_{k(c)c} - z_{jc}, Z = W H, exactly. */
void ulpm_t34_margin_min(fmpq_t out, const ulpm_t34_point *P);
/* Orbit direction (W X, -X H), X = E_ij - E_ji, exactly. */
void ulpm_t34_orbit_vec(fmpq *out, const ulpm_t34_point *P, long i, long j);
#endif
