/* msecp_cli.h: the command line the msecp claims share (claim.h, claim_cli): the point kind
 * msecp-point/1 of the manifold and the dynamics (given as a file or inline JSON). The paper's
 * parameter kind msecp-random/1 (papers.def) is msecp.identities' own (msecp_identities.c). */
#ifndef MSECP_CLI_H
#define MSECP_CLI_H
#include "claims/claim.h"

extern const claim_kind msecp_cli_point;
#endif
