/* ulpm_cli.c: the point kinds the ulpm claims share on the command line (ulpm_cli.h). */
#include "claims/ulpm/ulpm_cli.h"

static const claim_flag flag_K = {"K", "K", CLAIM_FLAG_INT, 2, 100000, "K", "number of classes"};
static const claim_flag flag_n = {"n", "n", CLAIM_FLAG_INT, 1, 100000, "N", "samples per class"};
static const claim_flag flag_d = {"d", "d", CLAIM_FLAG_INT, 1, 100000, "D", "feature dimension"};
static const claim_flag flag_seed = {
    "seed", "seed", CLAIM_FLAG_SEED, 0, 0, "S", "splitmix64 seed, a decimal integer in [0, 2^64)"};
static const claim_flag flag_nc = {"nc", NULL, CLAIM_FLAG_SWITCH, 0, 0, NULL, "the neural-collapse point"};
static const claim_flag flag_perturb = {
    "perturb", "eps_log2", CLAIM_FLAG_INT, -1000, -1, "E", "perturbation 2^E times random-dyadic/1(S), E <= -1"};

static const claim_flag flag_npz = {
    "npz", "npz_file", CLAIM_FLAG_WORD, 0, 0, "FILE", "a .npz archive (numpy.savez) with features, labels, W[, b]"};
static const claim_flag flag_features = {
    "features", "features_file", CLAIM_FLAG_WORD, 0, 0, "F", ".npy file: features, N x d, one row per sample"};
static const claim_flag flag_labels = {
    "labels", "labels_file", CLAIM_FLAG_WORD, 0, 0, "L", ".npy file: N integer labels in [0, K)"};
static const claim_flag flag_classifier = {
    "classifier", "classifier_file", CLAIM_FLAG_WORD, 0, 0, "W", ".npy file: classifier, K x d"};
static const claim_flag flag_bias = {
    "bias", "bias_file", CLAIM_FLAG_WORD, 0, 0, "B", ".npy file: bias, K entries, all 0 (the model has no bias)"};
static const claim_flag flag_balance = {
    "balance",
    "balance",
    CLAIM_FLAG_WORD,
    0,
    0,
    "RULE",
    "unbalanced classes: none (refuse, default) or first (the first n_min of each class in file order)"};

static const claim_flag *const npz_flags[] = {&flag_npz, NULL};
static const claim_flag *const npy_flags[] = {&flag_features, &flag_labels, &flag_classifier, NULL};
static const claim_flag *const npz_optional[] = {&flag_balance, NULL};
static const claim_flag *const npy_optional[] = {&flag_bias, &flag_balance, NULL};
static const claim_flag *const random_flags[] = {&flag_K, &flag_n, &flag_d, &flag_seed, NULL};
static const claim_flag *const nc_flags[] = {&flag_nc, &flag_K, &flag_n, &flag_d, NULL};
static const claim_flag *const nc_perturbed_flags[] = {&flag_nc,   &flag_K,       &flag_n, &flag_d,
                                                       &flag_seed, &flag_perturb, NULL};

const claim_kind ulpm_cli_explicit = {
    "explicit", "W (K x d) and H (d x nK) entrywise, exact strings (p/q, decimal, hex; specs/instance.md)", NULL, NULL};
const claim_kind ulpm_cli_random = {
    "random-dyadic/1", "entries (u - 2^19)/2^19 from splitmix64(S) (specs/generators.md)", random_flags, NULL};
const claim_kind ulpm_cli_nc = {"nc/1", "the exact neural-collapse point (needs d >= K)", nc_flags, NULL};
const claim_kind ulpm_cli_nc_perturbed = {"nc-perturbed/1", "the nc/1 point plus 2^E times random-dyadic/1(S)",
                                          nc_perturbed_flags, NULL};
const claim_kind ulpm_cli_npz = {
    "npz/1", "a network's arrays from a .npz archive, recorded by SHA-256 as data/1 (specs/instance.md)", npz_flags,
    npz_optional};
const claim_kind ulpm_cli_npy = {"npy/1",
                                 "the same from separate .npy files, recorded by SHA-256 as data/1 (specs/instance.md)",
                                 npy_flags, npy_optional};
const claim_kind ulpm_cli_etf = {
    "etf/1", "the simplex-ETF point {K, n, d[, scale]}, d >= K-1 (specs/claims/ulpm.def-2.1.md)", NULL, NULL};
