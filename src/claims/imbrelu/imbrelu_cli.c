/* imbrelu_cli.c: the command line of the imbrelu claims (imbrelu_cli.h). */
#include "claims/imbrelu/imbrelu_cli.h"
#include "claims/imbrelu/imbrelu_common.h"

const claim_flag imbrelu_cli_flag_n = {
    "n", "n", CLAIM_FLAG_INT_LIST, 1, IMBRELU_MAX_N, "N1,N2,...", "class sizes n_1, ..., n_K (K >= 2 entries)"};
const claim_flag imbrelu_cli_flag_d = {"d", "d", CLAIM_FLAG_INT, 1, 100000, "D", "feature dimension"};
const claim_flag imbrelu_cli_flag_lambda_w = {"lambda-w",
                                              "lambda_W",
                                              CLAIM_FLAG_EXACT,
                                              0,
                                              0,
                                              "X",
                                              "weight decay of W, exact: integer, decimal, p/q or 1e-4 (= 1/10000)"};
const claim_flag imbrelu_cli_flag_lambda_h = {"lambda-h", "lambda_H", CLAIM_FLAG_EXACT,          0,
                                              0,          "X",        "weight decay of H, exact"};
const claim_flag imbrelu_cli_flag_reading = {
    "reading", "reading", CLAIM_FLAG_WORD, 0, 0, "R", "M_k of eq. (6) as printed or corrected (default corrected)"};

static const claim_flag *const required[] = {IMBRELU_CLI_REQUIRED, NULL};
static const claim_flag *const optional[] = {&imbrelu_cli_flag_reading, NULL};

const claim_kind imbrelu_cli_params = {"imbrelu/1", IMBRELU_CLI_WHAT, required, optional};
const claim_use imbrelu_cli_uses[] = {{&imbrelu_cli_params, IMBRELU_CLI_EXAMPLE}, {NULL, NULL}};
