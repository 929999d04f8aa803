/* imbrelu_cli.h: the command line the imbrelu claims share (claim.h, claim_cli): the paper's
 * parameter kind imbrelu/1 (papers.def), built by --n N1,N2,... --d --lambda-w --lambda-h
 * [--reading], its flags (for the claims that add their own), and the claims that take
 * imbrelu/1 and nothing else. */
#ifndef IMBRELU_CLI_H
#define IMBRELU_CLI_H
#include "claims/claim.h"

extern const claim_flag imbrelu_cli_flag_n, imbrelu_cli_flag_d, imbrelu_cli_flag_lambda_w, imbrelu_cli_flag_lambda_h,
    imbrelu_cli_flag_reading;
#define IMBRELU_CLI_REQUIRED                                                                                           \
    &imbrelu_cli_flag_n, &imbrelu_cli_flag_d, &imbrelu_cli_flag_lambda_w, &imbrelu_cli_flag_lambda_h
#define IMBRELU_CLI_WHAT "problem (4): class sizes n_k, dimension d, weight decays (specs/claims/imbrelu.eq-6.md)"
#define IMBRELU_CLI_EXAMPLE "--n 1,2,3 --d 3 --lambda-w 1/10 --lambda-h 1/10"

extern const claim_kind imbrelu_cli_params;
extern const claim_use imbrelu_cli_uses[]; /* imbrelu/1 only: eq. (6), Theorem 1, the remark */
#endif
