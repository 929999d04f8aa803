/* linconv_theorem4.c: certifier of linconv.theorem-4 (seed 002 Theorem 4, CE error bound, K = 2;
 * K >= 3 certified as a result beyond the paper; shared code: linconv_errbound.c). */
#include "claims/linconv/linconv_errbound.h"
#include "claims/linconv/linconv_common.h"
#include "claims/linconv/linconv_cli.h"
#include "claims/claim.h"

/* The claim this file certifies (collected by the build into the catalogue: src/claims/claim.h). */
DECLARE_CLAIM(linconv, theorem4, "linconv.theorem-4", "Theorem 4",
              "CE error bound: certified (delta_2, kappa_2), K = 2; K >= 3 beyond the paper");

int linconv_theorem4_certify(json_t *instance_json, const certify_options *o, json_t **cert, nc_error *err)
{
    return linconv_errbound_certify(LINCONV_CE, instance_json, o, cert, err);
}

/* The command line of linconv's theorem4 (claim.h, claim_cli): shared by the paper (linconv_cli.c). */
const claim_cli linconv_theorem4_cli = {linconv_cli_uses_point, 0};
