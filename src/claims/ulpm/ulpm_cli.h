/* ulpm_cli.h: what the command lines of the ulpm claims share (claim.h, claim_cli): the point
 * kinds of specs/instance.md and specs/generators.md (explicit, random-dyadic/1, nc/1,
 * nc-perturbed/1, built by --K/--n/--d/--seed/--nc/--perturb), a network's arrays (npz/1, npy/1:
 * --npz or --features/--labels/--classifier) and etf/1. */
#ifndef ULPM_CLI_H
#define ULPM_CLI_H
#include "claims/claim.h"

extern const claim_kind ulpm_cli_explicit, ulpm_cli_random, ulpm_cli_nc, ulpm_cli_nc_perturbed, ulpm_cli_etf,
    ulpm_cli_npz, ulpm_cli_npy;

/* The uses of a claim that takes any point (W, H): one initializer each, with its example. */
#define ULPM_CLI_POINT_USES                                                                                            \
    {&ulpm_cli_random, "--K 3 --n 2 --d 4 --seed 1"}, {&ulpm_cli_nc, "--nc --K 3 --n 1 --d 3"},                        \
        {&ulpm_cli_nc_perturbed, "--nc --K 3 --n 1 --d 3 --seed 1 --perturb -20"},                                     \
        {&ulpm_cli_npz, "--npz tests/data/byon_K3_d4.npz --balance first"},                                            \
        {&ulpm_cli_npy, "--features tests/data/byon_features.npy --labels tests/data/byon_labels.npy "                 \
                        "--classifier tests/data/byon_W.npy"},                                                         \
    {                                                                                                                  \
        &ulpm_cli_explicit, "--instance-json '{\"K\":2,\"n\":1,\"d\":2,\"W\":[[\"1\",\"0\"],[\"0\",\"1\"]],"           \
                            "\"H\":[[\"1\",\"1/2\"],[\"-1/3\",\"0.75\"]]}'"                                            \
    }
#endif
