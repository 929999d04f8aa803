/* linconv_prop3.c: certifier of linconv.prop-3 (seed 002 Proposition 3, CE without bias, d >= K). */
#include "claims/linconv/linconv_optset.h"
#include "claims/linconv/linconv_common.h"
#include "claims/linconv/linconv_cli.h"
#include "claims/claim.h"

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(linconv, prop3, "linconv.prop-3", "Proposition 3", "CE, d >= K: optimal set, threshold");

int linconv_prop3_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    return linconv_optset_certify(LINCONV_CE, instance_json, o, cert, err);
}

/* The command line of linconv's prop3 (claim.h, claim_cli): shared by the paper (linconv_cli.c). */
const claim_cli linconv_prop3_cli = {linconv_cli_uses_box, 0};
