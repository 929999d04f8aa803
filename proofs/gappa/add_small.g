# proofs/gappa/add_small.g: the accumulation step s' = fl(s + p) of kernel_logits and
# kernel_frobenius2 below 2^-1021, where add_step.g's relative bound is not claimed:
#   |s + p| <= 2^-1021  ==>  |fl(s + p) - (s + p)| <= 2^-1075.
# (The sum is in fact exact there (Hauser 1996); that stronger classical fact is NOT used:
# proofs/sum/ charges 2^-1075 to every addition instead.) `gappa add_small.g` exits 0 iff proved.
@rnd = float<ieee_64, ne>;
s = rnd(s_);
p = rnd(p_);
y = s + p;   # exact sum
q = rnd(y);  # the C expression s + p
{ y in [-0x1p-1021, 0x1p-1021] -> |q - y| <= 0x1p-1075 }
