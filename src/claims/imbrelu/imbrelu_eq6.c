/* imbrelu_eq6.c: certifier of imbrelu.eq-6 (seed 004 eq. (6) and the sentence after it):
 * M_k > 0 iff N sqrt(lambda_W lambda_H)/sqrt(n_k) < sqrt((K-1)/K), M_k = 0 otherwise, for
 * every class of an "imbrelu/1" instance, with M_k read as printed (lambda_W lambda_H inside the
 * log) or corrected (sqrt(lambda_W lambda_H), derived from problem (4):
 * proofs/derivations/imbrelu-eq-6.md). Both sides are decided by exact rational tests; the
 * M_k are Arb balls (exactly 0 when the test is <= 0, also on the boundary). */
#include "claims/claim.h"
#include "claims/imbrelu/imbrelu_common.h"
#include "cert/cert.h"
#include "claims/imbrelu/imbrelu_cli.h"

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(imbrelu, eq6, "imbrelu.eq-6", "Eq. (6)", "M_k and its sign condition");

int imbrelu_eq6_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    (void)o;
    imbrelu_inst I;
    if (imbrelu_inst_parse(&I, instance_json, NULL, err)) return err->status;
    const slong prec = 128;
    json_t *q = json_object(), *w = json_object();
    fmpq_t t, tr;
    arb_t M;
    fmpq_init(t), fmpq_init(tr);
    arb_init(M);
    slong bad = -1;
    for (slong k = 0; k < I.K; k++) {
        imbrelu_alive_test(t, &I, k);
        if (I.printed)
            imbrelu_printed_test(tr, &I, k);
        else
            fmpq_set(tr, t);
        imbrelu_M(M, &I, k, I.printed, prec);
        imbrelu_put_rational(q, imbrelu_name("condition_test", k), t);
        imbrelu_put_rational(q, imbrelu_name("Mbar_test", k), tr);
        imbrelu_put_ball(q, imbrelu_name("M", k), M);
        if (bad < 0 && (fmpq_sgn(t) > 0) != (fmpq_sgn(tr) > 0)) bad = k;
    }
    const char *assertion = "equivalence holds for every class";
    nc_verdict verdict = NC_PROVED;
    if (bad >= 0) {
        assertion = "equivalence fails at class k";
        verdict = NC_REFUTED;
        json_object_set_new(w, "k", json_integer(bad));
    }
    *cert = cert_assemble(
        "imbrelu.eq-6",
        imbrelu_source("Eq. (6)",
                       "M_k := log((K-1)(sqrt(n_k)/(N sqrt((K-1)/K) lambda_W lambda_H) - 1)) "
                       "if positive, else 0; M_k > 0 iff N sqrt(lambda_W lambda_H)/sqrt(n_k) < sqrt((K-1)/K)"),
        imbrelu_instance_json(instance_json), cert_method(1, prec), assertion, w, q, verdict);
    fmpq_clear(t), fmpq_clear(tr);
    arb_clear(M);
    imbrelu_inst_clear(&I);
    return 0;
}

/* The command line of this claim (claim.h, claim_cli): imbrelu/1, shared by the paper (imbrelu_cli.c). */
const claim_cli imbrelu_eq6_cli = {imbrelu_cli_uses, 0};
