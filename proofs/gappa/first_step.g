# proofs/gappa/first_step.g: the facts of the first iteration and of the signs used by the
# summation proofs of proofs/sum/ (kernel_logits, kernel_frobenius2 start from s = 0.0):
#  - fl(0 + p) = p for a binary64 p (first step exact: step_dot0.smt2, step_sq0.smt2);
#  - q = fl(a * a) >= 0, and fl(f + q) >= 0 for binary64 f >= 0 (step_sq.smt2's p, f2 >= 0).
# Gappa's binary64 has no overflow: inputs are bounded (the derivation shows that a finite
# kernel result implies no step overflowed). `gappa first_step.g` exits 0 iff proved.
@rnd = float<ieee_64, ne>;
p = rnd(p_);
a = rnd(a_);
f = rnd(f_);
r = rnd(0 + p);  # the first step 0.0 + p
y = a * a;
q = rnd(y);      # the C expression x[i] * x[i]
{
     ( p in [-0x1p1000, 0x1p1000] -> r - p in [0, 0] )
  /\ ( a in [-0x1p500, 0x1p500] /\ f in [0, 0x1p1000] -> q in [0, 0x1p1001] /\ rnd(f + q) in [0, 0x1p1002] )
}
0 + p -> p;
$ a in 0;
