/* check_msecp_identities.c: owns the check of claim msecp.identities (seed 003: Proposition 1,
 * eq. (14), eqs. (7)-(8), Theorems 1-2, Lemma 1). nccheck regenerates the instance, recomputes
 * both sides of the selected identity exactly (GMP rationals, check_msecp_stats.c), requires
 * every stated enclosure to carry the exact value and to contain it, and derives assertion
 * and verdict: PROVED iff every gap quantity is exactly 0. Spec:
 * specs/claims/msecp.identities.md. */
#include <stdio.h>
#include <string.h>

#include "check_claims.h"
#include "check_alloc.h"
#include "check_limits.h"
#include "check_enclosure.h"
#include "msecp/check_msecp_inst.h"
#include "msecp/check_msecp_stats.h"
#include "check_decision.h"

#define QMAX 10

typedef struct {
    int n;
    const char *name[QMAX + 1]; /* NULL-terminated for ck_keys */
    mpq_t v[QMAX];
    int gap[QMAX];
} qlist;

static mpq_ptr qadd(qlist *L, const char *name, int gap)
{
    L->name[L->n] = name;
    L->gap[L->n] = gap;
    mpq_init(L->v[L->n]);
    L->name[L->n + 1] = NULL;
    return L->v[L->n++];
}

static ckm *wext(const ck_msecp_inst *in)
{
    ckm *W = ck_msecp_mat_new(in->C, in->p + 1);
    for (long c = 0; c < in->C; c++) {
        for (long a = 0; a < in->p; a++) mpq_set(CKM(W, c, a), CKM(in->W, c, a));
        mpq_set(CKM(W, c, in->p), CKM(in->b, c, 0));
    }
    return W;
}

static void thm1(qlist *L, const ck_msecp_inst *in, const ck_msecp_ext *E, const ckm *Ws)
{
    ckm *Wt = wext(in), *D = ck_msecp_mat_lin(Wt, 1, Ws, -1);
    mpq_ptr l = qadd(L, "L", 0), ls = qadd(L, "L_LS", 0), lp = qadd(L, "L_LS_perp", 0), g = qadd(L, "gap", 1);
    ck_msecp_loss_unext(l, in->H, in->W, in->b, in->C, in->N, in->lambda);
    ck_msecp_loss_ext(ls, E, Ws);
    ck_msecp_half_quad(lp, D, E->G);
    mpq_sub(g, l, ls);
    mpq_sub(g, g, lp);
    ck_msecp_mat_free(Wt), ck_msecp_mat_free(D);
}

static void thm2(qlist *L, const ck_msecp_ext *E, const ckm *Ws)
{
    mpq_ptr ls = qadd(L, "L_LS", 0), a = qadd(L, "L_NC1", 0), b = qadd(L, "L_NC23", 0), g = qadd(L, "gap", 1);
    ck_msecp_loss_ext(ls, E, Ws);
    ck_msecp_nc1(a, E, Ws);
    ck_msecp_nc23(b, E, Ws);
    mpq_sub(g, ls, a);
    mpq_sub(g, g, b);
}

/* split Ws = [Wl, bl] */
static void split(const ckm *Ws, long p, ckm **Wl, ckm **bl)
{
    *Wl = ck_msecp_mat_new(Ws->r, p), *bl = ck_msecp_mat_new(Ws->r, 1);
    for (long c = 0; c < Ws->r; c++) {
        for (long a = 0; a < p; a++) mpq_set(CKM(*Wl, c, a), CKM(Ws, c, a));
        mpq_set(CKM(*bl, c, 0), CKM(Ws, c, p));
    }
}

static int eq7(qlist *L, const ck_msecp_inst *in, const ckm *Ws, ck_err *e)
{
    ck_msecp_unext U;
    ckm *W7, *b7, *Wl, *bl;
    ck_msecp_unext_init(&U, in->H, in->C, in->N);
    if (!ck_msecp_wls7(&U, &W7, &b7)) {
        ck_msecp_unext_free(&U);
        ck_fail(e, CK_MALFORMED, "instance: Sigma_T is singular (eq7 needs it invertible)");
        return -1;
    }
    split(Ws, in->p, &Wl, &bl);
    ck_msecp_mat_dist2(qadd(L, "dist2_W", 1), W7, Wl);
    ck_msecp_mat_dist2(qadd(L, "dist2_b", 1), b7, bl);
    ckm *MbT = ck_msecp_mat_tr(U.Mbar), *S = ck_msecp_mat_mul(U.Mbar, MbT);
    mpq_t t;
    mpq_init(t);
    mpq_set_si(t, 1, (unsigned long)in->C);
    ck_msecp_mat_scale(S, t);
    ckm *S2 = ck_msecp_mat_lin(S, 1, U.SigW, 1), *Si = ck_msecp_mat_inv(S2), *W32 = NULL;
    ck_msecp_mat_dist2(qadd(L, "sigmaT_split_frob2", 1), U.SigT, S2);
    if (Si) {
        W32 = ck_msecp_mat_mul(MbT, Si);
        ck_msecp_mat_scale(W32, t);
        ck_msecp_mat_dist2(qadd(L, "dist2_W_sec32", 1), W32, Wl);
    }
    mpq_clear(t);
    ck_msecp_mat_free(MbT), ck_msecp_mat_free(S), ck_msecp_mat_free(S2), ck_msecp_mat_free(Si), ck_msecp_mat_free(W32);
    ck_msecp_mat_free(W7), ck_msecp_mat_free(b7), ck_msecp_mat_free(Wl), ck_msecp_mat_free(bl);
    ck_msecp_unext_free(&U);
    if (!Si) {
        ck_fail(e, CK_MALFORMED, "instance: Sigma_W + Mbar Mbar^T / C is singular");
        return -1;
    }
    return 0;
}

static int eq8(qlist *L, const ck_msecp_inst *in, const ck_msecp_ext *E, const ckm *Ws, ck_err *e)
{
    ckm *AH = ck_msecp_mat_mul(in->A, in->H), *Ai = ck_msecp_mat_inv(in->A), *W1, *b1, *W2, *b2, *Ws2 = NULL;
    ck_msecp_unext U1, U2;
    ck_msecp_ext E2;
    ck_msecp_unext_init(&U1, in->H, in->C, in->N);
    ck_msecp_unext_init(&U2, AH, in->C, in->N);
    ck_msecp_ext_init(&E2, AH, in->C, in->N, in->lambda);
    int ok1 = ck_msecp_wls7(&U1, &W1, &b1), ok2 = ck_msecp_wls7(&U2, &W2, &b2), rc = -1;
    if (Ai) Ws2 = ck_msecp_wls(&E2, 0);
    if (!Ai)
        ck_fail(e, CK_MALFORMED, "instance.A: singular");
    else if (!ok1 || !ok2 || !Ws2)
        ck_fail(e, CK_MALFORMED, "instance: Sigma_T is singular (eq8 needs it invertible)");
    else {
        ckm *T = ck_msecp_mat_mul(W1, Ai), *P1 = ck_msecp_mat_mul(W1, U1.Hbar), *P2 = ck_msecp_mat_mul(W2, U2.Hbar);
        ck_msecp_mat_dist2(qadd(L, "dist2_classifier", 1), W2, T);
        ck_msecp_mat_dist2(qadd(L, "dist2_predictions", 1), P2, P1);
        mpq_ptr l1 = qadd(L, "L_LS_H", 0), l2 = qadd(L, "L_LS_AH", 0), g = qadd(L, "gap_L_LS", 1);
        ck_msecp_loss_ext(l1, E, Ws);
        ck_msecp_loss_ext(l2, &E2, Ws2);
        mpq_sub(g, l2, l1);
        ck_msecp_mat_free(T), ck_msecp_mat_free(P1), ck_msecp_mat_free(P2);
        rc = 0;
    }
    ck_msecp_mat_free(AH), ck_msecp_mat_free(Ai), ck_msecp_mat_free(W1), ck_msecp_mat_free(b1), ck_msecp_mat_free(W2),
        ck_msecp_mat_free(b2), ck_msecp_mat_free(Ws2);
    ck_msecp_unext_free(&U1), ck_msecp_unext_free(&U2), ck_msecp_ext_free(&E2);
    return rc;
}

/* Lemma 1 by traces of R = (C I + K)^{-1}, K = Mbar^T Sigma_W^{-1} Mbar (derivation, sec. 6). */
static int lemma1(qlist *L, const ck_msecp_inst *in, const ck_msecp_ext *E, const ckm *Ws, ck_err *e)
{
    long C = in->C;
    ck_msecp_unext U;
    ck_msecp_unext_init(&U, in->H, C, in->N);
    ckm *Swi = ck_msecp_mat_inv(U.SigW);
    if (!Swi) {
        ck_msecp_unext_free(&U);
        ck_fail(e, CK_MALFORMED, "instance: Sigma_W is singular (Lemma 1 needs it invertible)");
        return -1;
    }
    ckm *MbT = ck_msecp_mat_tr(U.Mbar), *T1 = ck_msecp_mat_mul(MbT, Swi), *K = ck_msecp_mat_mul(T1, U.Mbar),
        *CK = ck_msecp_mat_copy(K);
    mpq_t t, ic;
    mpq_inits(t, ic, NULL);
    mpq_set_si(t, C, 1);
    mpq_set_si(ic, 1, (unsigned long)C);
    ck_msecp_mat_add_diag(CK, t);
    ckm *R = ck_msecp_mat_inv(CK), *R2 = ck_msecp_mat_mul(R, R), *KR2 = ck_msecp_mat_mul(K, R2);
    mpq_ptr ls = qadd(L, "L_LS", 0), n1 = qadd(L, "L_NC1", 0), n23 = qadd(L, "L_NC23", 0);
    mpq_ptr sl = qadd(L, "spec_L", 0), s1 = qadd(L, "spec_NC1", 0), s23 = qadd(L, "spec_NC23", 0);
    ck_msecp_loss_ext(ls, E, Ws);
    ck_msecp_nc1(n1, E, Ws);
    ck_msecp_nc23(n23, E, Ws);
    ck_msecp_mat_trace(sl, R);
    mpq_sub(sl, sl, ic);
    mpq_div_2exp(sl, sl, 1);
    ck_msecp_mat_trace(s1, KR2);
    mpq_div_2exp(s1, s1, 1);
    ck_msecp_mat_trace(s23, R2);
    mpq_mul(s23, s23, t);
    mpq_sub(s23, s23, ic);
    mpq_div_2exp(s23, s23, 1);
    mpq_sub(qadd(L, "gap_L", 1), ls, sl);
    mpq_sub(qadd(L, "gap_NC1", 1), n1, s1);
    mpq_sub(qadd(L, "gap_NC23", 1), n23, s23);
    mpq_clears(t, ic, NULL);
    ck_msecp_mat_free(Swi), ck_msecp_mat_free(MbT), ck_msecp_mat_free(T1), ck_msecp_mat_free(K), ck_msecp_mat_free(CK),
        ck_msecp_mat_free(R), ck_msecp_mat_free(R2), ck_msecp_mat_free(KR2);
    ck_msecp_unext_free(&U);
    return 0;
}

static int hypotheses(const ck_msecp_inst *in, ck_err *e)
{
    int lam0 = mpq_sgn(in->lambda) == 0;
    if ((in->id == CK_MSECP_EQ7 || in->id == CK_MSECP_LEMMA1) && !lam0) { /* eq8: also lambda > 0 */
        ck_fail(e, CK_MALFORMED, "instance: identity %s is stated for lambda = 0 only", ck_msecp_id_names[in->id]);
        return -1;
    }
    if (in->id == CK_MSECP_THM1P && lam0) {
        ck_fail(e, CK_MALFORMED, "instance: theorem1-printed-wls needs lambda > 0");
        return -1;
    }
    if (in->id == CK_MSECP_EQ8 && !ck_msecp_mat_is_symmetric(in->A)) {
        ck_fail(e, CK_MALFORMED, "instance.A: must be symmetric");
        return -1;
    }
    return 0;
}

/* Fills L; *sing = 1 for prop1 at lambda = 0 (printed inverse undefined). */
static int compute(qlist *L, const ck_msecp_inst *in, int *sing, ck_err *e)
{
    ck_msecp_ext E;
    ck_msecp_ext_init(&E, in->H, in->C, in->N, in->lambda);
    ckm *Ws = ck_msecp_wls(&E, 0), *Wp = NULL, *R = NULL;
    int rc = 0;
    *sing = 0;
    if (in->id == CK_MSECP_PROP1 && mpq_sgn(in->lambda) == 0) {
        mpq_ptr r = qadd(L, "singular_row_frob2", 1);
        ckm *row = ck_msecp_mat_new(1, E.q);
        for (long a = 0; a < E.q; a++) mpq_set(CKM(row, 0, a), CKM(E.SigT, in->p, a));
        ck_msecp_mat_frob2(r, row);
        ck_msecp_mat_free(row);
        *sing = mpq_sgn(r) == 0; /* a zero row of Sigma~_T + 0 I: singular */
        goto out;
    }
    if (!Ws) {
        ck_fail(e, CK_MALFORMED, "instance: Sigma~_T + mu~_G mu~_G^T + lambda I is singular");
        rc = -1;
        goto out;
    }
    switch (in->id) {
    case CK_MSECP_PROP1:
        Wp = ck_msecp_wls(&E, 1);
        R = ck_msecp_residual14(&E, Wp);
        ck_msecp_mat_frob2(qadd(L, "residual14_frob2", 1), R);
        ck_msecp_mat_dist2(qadd(L, "dist2_to_minimizer", 0), Wp, Ws);
        break;
    case CK_MSECP_PROP1C:
        R = ck_msecp_residual14(&E, Ws);
        ck_msecp_mat_frob2(qadd(L, "residual14_frob2", 1), R);
        ck_msecp_loss_ext(qadd(L, "L_LS", 0), &E, Ws);
        break;
    case CK_MSECP_THM1: thm1(L, in, &E, Ws); break;
    case CK_MSECP_THM1P:
        Wp = ck_msecp_wls(&E, 1);
        thm1(L, in, &E, Wp);
        break;
    case CK_MSECP_THM2: thm2(L, &E, Ws); break;
    case CK_MSECP_EQ7: rc = eq7(L, in, Ws, e); break;
    case CK_MSECP_EQ8: rc = eq8(L, in, &E, Ws, e); break;
    case CK_MSECP_LEMMA1: rc = lemma1(L, in, &E, Ws, e); break;
    default: break;
    }
out:
    ck_msecp_mat_free(Ws), ck_msecp_mat_free(Wp), ck_msecp_mat_free(R);
    ck_msecp_ext_free(&E);
    return rc;
}

static const char *const NO_KEYS[] = {NULL};

/* The claim this file checks (collected by the build into the dispatch table: check_claims.h). */
CK_DECLARE_CLAIM(msecp, identities, "msecp.identities");

int ck_claim_msecp_identities(const json_t *root, ck_verdict verdict, ck_err *e)
{
    ck_msecp_inst in;
    qlist L;
    ck_encl q;
    ck_qs x;
    mpz_t one;
    int rc = -1, sing = 0;
    L.n = 0;
    L.name[0] = NULL;
    ck_encl_init(&q);
    ck_qs_init(&x);
    mpz_init_set_ui(one, 1);
    const char *as = ck_get_str(root, "certificate", "assertion", e);
    json_t *wj = ck_get_obj(root, "certificate", "witnesses", e),
           *qj = ck_get_obj(root, "certificate", "quantities", e);
    if (ck_msecp_inst_parse(json_object_get(root, "instance"), &in, e)) goto out;
    /* limits: exact matrices of at most (CN + p)^2 rationals, products and inverses (16 (CN + p)^3
     * rational operations, each about 64 word operations on these numbers: C = 90, N = 5, p = 20
     * took 14 s of CPU before this limit, found by the fuzzer) */
    const double cnp = (double)in.C * in.N + (double)in.p;
    if (ck_limit_check(e, 16 * cnp * cnp * ck_mpq_bytes(256), 64 * 16 * cnp * cnp * cnp,
                       "the msecp.identities check (C=%ld N=%ld p=%ld)", in.C, in.N, in.p))
        goto out;
    if (!as || !wj || !qj || ck_keys(wj, "witnesses", NO_KEYS, NULL, e)) goto out;
    if (hypotheses(&in, e) || compute(&L, &in, &sing, e)) goto out;
    if (ck_keys(qj, "quantities", L.name, NULL, e)) goto out;
    int holds = 1;
    for (int t = 0; t < L.n; t++) {
        char what[96];
        snprintf(what, sizeof what, "%s", L.name[t]);
        q.has_exact = 0; /* q is reused: forget the previous quantity's exact value */
        mpq_set_ui(q.eb, 0, 1);
        mpz_set_ui(q.em, 1);
        if (ck_encl_parse(json_object_get(qj, L.name[t]), what, &q, e)) goto out;
        mpq_set(x.a, L.v[t]);
        mpq_set_ui(x.b, 0, 1);
        if (ck_encl_verify(&q, L.name[t], &x, one, e)) goto out;
        if (L.gap[t] && mpq_sgn(L.v[t]) != 0) holds = 0;
    }
    const char *nm = ck_msecp_id_names[in.id];
    char yes[160], no[160];
    const char *sing_as = "prop1: Sigma~_T + lambda I is singular (lambda = 0): the printed W~_LS is undefined";
    snprintf(yes, sizeof yes, "%s: identity holds", nm);
    snprintf(no, sizeof no, "%s: identity fails", nm);
    const char *want = sing ? sing_as : (holds ? yes : no);
    if (strcmp(as, want) != 0) {
        int known =
            strcmp(as, yes) == 0 || strcmp(as, no) == 0 || (in.id == CK_MSECP_PROP1 && strcmp(as, sing_as) == 0);
        ck_fail(e, known ? CK_INVALID : CK_MALFORMED, "assertion \"%s\" %s; the checker finds \"%s\"", as,
                known ? "does not follow" : "is unknown", want);
        goto out;
    }
    ck_verdict vwant = (!sing && holds) ? CK_PROVED : CK_REFUTED;
    if (ck_verdict_follows(verdict, vwant, NULL, e)) goto out;
    rc = 0;
out:
    for (int t = 0; t < L.n; t++) mpq_clear(L.v[t]);
    ck_msecp_inst_free(&in);
    ck_encl_clear(&q);
    ck_qs_clear(&x);
    mpz_clear(one);
    return rc;
}
