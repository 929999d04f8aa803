/* check_msecp_stats.h: nccheck's exact statistics and losses of seed 003 (MSE loss (2)/(6)),
 * recomputed from their definitions with check_msecp_mat (GMP rationals). */
#ifndef NCCHECK_MSECP_STATS_H
#define NCCHECK_MSECP_STATS_H
#include "msecp/check_msecp_mat.h"

typedef struct {
    long C, N, p, n, q;
    mpq_t lambda;
    ckm *Ht, *Y, *muG, *Mt, *SigT, *SigW, *G; /* as in specs/claims/msecp.identities.md */
} ck_msecp_ext;

void ck_msecp_ext_init(ck_msecp_ext *E, const ckm *H, long C, long N, const mpq_t lambda);
void ck_msecp_ext_free(ck_msecp_ext *E);
/* (1/C) Mt^T S^{-1} for S = G (corrected Proposition 1) or S = SigT + lambda I (printed);
 * NULL if S is singular. */
ckm *ck_msecp_wls(const ck_msecp_ext *E, int printed);
ckm *ck_msecp_residual14(const ck_msecp_ext *E, const ckm *Wt);
void ck_msecp_loss_ext(mpq_t out, const ck_msecp_ext *E, const ckm *Wt);
void ck_msecp_loss_unext(mpq_t out, const ckm *H, const ckm *W, const ckm *b, long C, long N, const mpq_t lambda);
void ck_msecp_half_quad(mpq_t out, const ckm *D, const ckm *M);
void ck_msecp_nc1(mpq_t out, const ck_msecp_ext *E, const ckm *Wt);
void ck_msecp_nc23(mpq_t out, const ck_msecp_ext *E, const ckm *Wt);

typedef struct {
    long C, N, p, n;
    ckm *muG, *Mbar, *Hbar, *SigT, *SigW;
} ck_msecp_unext;

void ck_msecp_unext_init(ck_msecp_unext *U, const ckm *H, long C, long N);
void ck_msecp_unext_free(ck_msecp_unext *U);
/* Eq. (7); 0 if Sigma_T is singular (W, b then NULL). */
int ck_msecp_wls7(const ck_msecp_unext *U, ckm **W, ckm **b);
#endif
