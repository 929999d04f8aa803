/* imbrelu_non_monotone.c: certifier of imbrelu.non-monotone (seed 004, remark after Corollary 2:
 * "M_i/sqrt(n_i) is not always a decreasing function of n_i", i.e. by (9) a larger class can
 * have the longer class-mean). On an "imbrelu/1" instance it looks for two classes i, j, both
 * above the collapse threshold (exact test), with n_i > n_j and M_i/sqrt(n_i) > M_j/sqrt(n_j),
 * proved with Arb balls (contract: each ball contains the exact value). Doubles are not used. */
#include "claims/claim.h"
#include "claims/imbrelu/imbrelu_common.h"
#include "cert/cert.h"
#include "claims/imbrelu/imbrelu_cli.h"

static void nm_ratio(arb_t r, const imbrelu_inst *I, slong k, slong prec)
{
    arb_t s;
    arb_init(s);
    imbrelu_M(r, I, k, I->printed, prec);
    arb_sqrt_ui(s, (ulong)I->n[k], prec);
    arb_div(r, r, s, prec);
    arb_clear(s);
}

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(imbrelu, non_monotone, "imbrelu.non-monotone", "Remark after eq. (6)",
              "M_i/sqrt(n_i) not monotone in n_i");

int imbrelu_non_monotone_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    (void)o;
    imbrelu_inst I;
    if (imbrelu_inst_parse(&I, instance_json, NULL, err)) return err->status;
    const slong prec = 128;
    arb_t ri, rj, df;
    arb_init(ri), arb_init(rj), arb_init(df);
    json_t *q = json_object(), *w = json_object();
    const char *assertion = "none";
    nc_verdict verdict = NC_INCONCLUSIVE;
    int found = 0;
    for (slong i = 0; i < I.K && !found; i++)
        for (slong j = 0; j < I.K && !found; j++) {
            if (I.n[i] <= I.n[j] || imbrelu_alive_sign(&I, i) <= 0 || imbrelu_alive_sign(&I, j) <= 0) continue;
            nm_ratio(ri, &I, i, prec);
            nm_ratio(rj, &I, j, prec);
            arb_sub(df, ri, rj, prec);
            if (!arb_is_positive(df)) continue;
            found = 1;
            json_object_set_new(w, "i", json_integer(i));
            json_object_set_new(w, "j", json_integer(j));
            imbrelu_put_ball(q, "ratio_i", ri);
            imbrelu_put_ball(q, "ratio_j", rj);
            imbrelu_put_ball(q, "difference", df);
            assertion = "n_i > n_j and M_i/sqrt(n_i) > M_j/sqrt(n_j)";
            verdict = NC_PROVED;
        }
    *cert = cert_assemble(
        "imbrelu.non-monotone",
        imbrelu_source("Remark after Corollary 2", "M_i/sqrt(n_i) is not always a decreasing function of n_i"),
        imbrelu_instance_json(instance_json), cert_method(1, prec), assertion, w, q, verdict);
    arb_clear(ri), arb_clear(rj), arb_clear(df);
    imbrelu_inst_clear(&I);
    return 0;
}

/* The command line of this claim (claim.h, claim_cli): imbrelu/1, shared by the paper (imbrelu_cli.c). */
const claim_cli imbrelu_non_monotone_cli = {imbrelu_cli_uses, 0};
