/* linconv_cli.c: the command line of the linconv claims (linconv_cli.h). */
#include "claims/linconv/linconv_cli.h"

static const claim_flag flag_K = {"K", "K", CLAIM_FLAG_INT, 2, 100000, "K", "number of classes"};
static const claim_flag flag_n = {"n", "n", CLAIM_FLAG_INT, 1, 100000, "N", "samples per class"};
static const claim_flag flag_d = {"d", "d", CLAIM_FLAG_INT, 1, 100000, "D", "feature dimension"};
static const claim_flag flag_lw = {"lambda-w",
                                   "lambda_W",
                                   CLAIM_FLAG_EXACT,
                                   0,
                                   0,
                                   "X",
                                   "weight decay of W, exact: integer, decimal, p/q or 1e-4 (= 1/10000)"};
static const claim_flag flag_lh = {"lambda-h", "lambda_H", CLAIM_FLAG_EXACT, 0, 0, "X", "weight decay of H, exact"};
static const claim_flag *const params_flags[] = {&flag_K, &flag_n, &flag_d, &flag_lw, &flag_lh, NULL};

static const claim_kind kind_params = {"linconv/1",
                                       "problem (5)/(8) with K classes of n samples in dimension d "
                                       "(specs/claims/linconv.prop-1.md)",
                                       params_flags, NULL};
static const claim_kind kind_box = {"linconv-box/1",
                                    "a rational box of (lambda_W, lambda_H), bisected to max_depth "
                                    "(specs/claims/linconv.prop-1.md)",
                                    NULL, NULL};

#define LINCONV_EXAMPLE "--K 2 --n 1 --d 2 --lambda-w 1/10 --lambda-h 1/10"
const claim_use linconv_cli_uses_point[] = {{&kind_params, LINCONV_EXAMPLE}, {NULL, NULL}};
const claim_use linconv_cli_uses_box[] = {
    {&kind_params, LINCONV_EXAMPLE},
    {&kind_box, "--instance-json '{\"kind\":\"linconv-box/1\",\"K\":2,\"n\":1,\"d\":2,\"lambda_W_lo\":\"1/100\","
                "\"lambda_W_hi\":\"1/10\",\"lambda_H_lo\":\"1/100\",\"lambda_H_hi\":\"1/10\",\"max_depth\":8}'"},
    {NULL, NULL}};
