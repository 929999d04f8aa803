/* linconv_theorem2.c: certifier of linconv.theorem-2 (seed 002 Theorem 2, MSE error bound;
 * shared code: linconv_errbound.c). */
#include "claims/linconv/linconv_errbound.h"
#include "claims/linconv/linconv_common.h"
#include "claims/linconv/linconv_cli.h"
#include "claims/claim.h"

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(linconv, theorem2, "linconv.theorem-2", "Theorem 2",
              "MSE error bound: certified pair (delta_1, kappa_1)");

int linconv_theorem2_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    return linconv_errbound_certify(LINCONV_MSE, instance_json, o, cert, err);
}

/* The command line of linconv's theorem2 (claim.h, claim_cli): shared by the paper (linconv_cli.c). */
const claim_cli linconv_theorem2_cli = {linconv_cli_uses_point, 0};
