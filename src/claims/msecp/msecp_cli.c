/* msecp_cli.c: the instance kinds the msecp claims share on the command line (msecp_cli.h). */
#include "claims/msecp/msecp_cli.h"

const claim_kind msecp_cli_point = {"msecp-point/1",
                                    "a generated point X on the normalized-features manifold: part, C, N, "
                                    "seed, between (specs/claims/msecp.manifold.md)",
                                    NULL, NULL};
