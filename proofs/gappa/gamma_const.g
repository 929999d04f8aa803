# proofs/gappa/gamma_const.g: the real-number constants used to simplify the error bounds of
# proofs/derivations/kernels-rounding.md for lengths 1 <= n <= 2^50 (u = 2^-53):
#   g = gamma_n = n u / (1 - n u) <= 2^-3 / (1 - 2^-3) = 1/7,
#   (1 + g)^2 <= 2   (so len * 2^-1075 * (1 + gamma_len)^2 <= len * 2^-1074).
# Gappa proves the bounds by interval arithmetic over t = n u in [2^-53, 2^-3].
# `gappa gamma_const.g` exits 0 iff proved.
g = t / (1 - t);
{ t in [0x1p-53, 0x1p-3] -> g <= 0x1.25p-3 /\ (1 + g) * (1 + g) <= 2 }
