# proofs/gappa/mul_step.g: one binary64 round-to-nearest product p = fl(a*b), the step of
# kernel_logits (a = W[j*d+l], b = h[l]) and of kernel_frobenius2 (a = b = x[i]).
# Proves the standard model with gradual underflow (Higham, Accuracy and Stability, eq. (2.8))
# in the ranges of the exact product x = a*b (Gappa's relative-error rule needs |x| >= 2^-1021,
# one binade above the smallest normal; below it the absolute bound holds anyway):
#   |x| in [2^-1021, 2^1024]  ==>  |p - x| <= 2^-53 |x|   (p = x (1 + delta), |delta| <= u = 2^-53)
#   |x| <= 2^-1021            ==>  |p - x| <= 2^-1075     (p = x + eta,       |eta| <= 2^-1075)
# Gappa's binary64 has no overflow: the scripts assume it away; the derivation justifies that
# a finite kernel result implies that no step overflowed. `gappa mul_step.g` exits 0 iff proved.
@rnd = float<ieee_64, ne>;
a = rnd(a_);
b = rnd(b_);
x = a * b;   # exact product
p = rnd(x);  # the C expression a * b (binary64, round to nearest even)
{
     ( x in [0x1p-1021, 0x1p1024]   -> |(p - x) / x| <= 0x1p-53 )
  /\ ( x in [-0x1p1024, -0x1p-1021] -> |(p - x) / x| <= 0x1p-53 )
  /\ ( x in [-0x1p-1021, 0x1p-1021] -> |p - x| <= 0x1p-1075 )
}
