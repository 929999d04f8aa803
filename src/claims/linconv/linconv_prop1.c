/* linconv_prop1.c: certifier of linconv.prop-1 (seed 002 Proposition 1, MSE with bias). */
#include "claims/linconv/linconv_optset.h"
#include "claims/linconv/linconv_common.h"
#include "claims/linconv/linconv_cli.h"
#include "claims/claim.h"

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(linconv, prop1, "linconv.prop-1", "Proposition 1", "MSE with bias: optimal set in both regimes");

int linconv_prop1_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    return linconv_optset_certify(LINCONV_MSE, instance_json, o, cert, err);
}

/* The command line of linconv's prop1 (claim.h, claim_cli): shared by the paper (linconv_cli.c). */
const claim_cli linconv_prop1_cli = {linconv_cli_uses_box, 0};
