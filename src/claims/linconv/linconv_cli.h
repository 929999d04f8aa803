/* linconv_cli.h: the command line the linconv claims share (claim.h, claim_cli): the paper's
 * parameter kind linconv/1 (papers.def), built by --K --n --d --lambda-w --lambda-h, and the
 * box kind linconv-box/1 of the optimal-set claims. */
#ifndef LINCONV_CLI_H
#define LINCONV_CLI_H
#include "claims/claim.h"

extern const claim_use linconv_cli_uses_point[]; /* linconv/1: Theorems 2 and 4 */
extern const claim_use linconv_cli_uses_box[];   /* linconv/1 and linconv-box/1: Propositions 1 and 3 */
#endif
