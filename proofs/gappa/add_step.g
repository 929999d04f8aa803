# proofs/gappa/add_step.g: one binary64 round-to-nearest addition s' = fl(s + p) of two binary64
# numbers: the accumulation step of kernel_logits and kernel_frobenius2, and (with p = -z_j,
# negation being exact) the margin subtraction m = fl(z_k - z_j) of kernel_margin_from_logits.
# Proves the relative error bound u = 2^-53 when |s + p| >= 2^-1021. Below 2^-1021 the sum of
# two multiples of 2^-1074 is representable, hence exact (Hauser 1996; Higham, Accuracy and
# Stability, Sec. 2.1 and Problem 2.19): that step is a classical theorem, not machine-proved here.
# `gappa add_step.g` exits 0 iff proved.
@rnd = float<ieee_64, ne>;
s = rnd(s_);
p = rnd(p_);
y = s + p;   # exact sum
q = rnd(y);  # the C expression s + p
{
     ( y in [0x1p-1021, 0x1p1024]   -> |(q - y) / y| <= 0x1p-53 )
  /\ ( y in [-0x1p1024, -0x1p-1021] -> |(q - y) / y| <= 0x1p-53 )
}
