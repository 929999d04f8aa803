#!/bin/sh
# t_linconv_optset.sh: linconv.prop-1 / prop-3 end to end. Known answers computed here in exact
# rational arithmetic (python fractions, independent of nccert): the exact value, gap and gamma
# of Proposition 1 at K=2, n=1, lambda_W=1/2, lambda_H=49/100 (s = sqrt(2450)/100); the region
# of each instance from lambda_W lambda_H vs 1/(nK^2); a random below-threshold instance (seed
# printed, NCCERT_TEST_SEED). Tampering (exact values, lo/hi, mu, verdict, assertion, instance
# parameters) must be rejected by nccheck with the right exit code; bad instances refused by
# nccert with exit 2.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup linconv nccert nccheck python3
SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"

for c in prop-1 prop-3; do
    expect 0 "$c near threshold certifies" "$NCCERT" certify linconv.$c --K 2 --n 1 --d 2 --lambda-w 1/2 --lambda-h 49/100 -o "$T/$c-near.json"
    expect 0 "$c near threshold: nccheck accepts" "$NCCHECK" "$T/$c-near.json"
    expect 0 "$c decimal lambdas (1e-4, 0.001) certify" "$NCCERT" certify linconv.$c --K 3 --n 2 --d 4 --lambda-w 1e-4 --lambda-h 0.001 -o "$T/$c-dec.json"
    expect 0 "$c above threshold certifies" "$NCCERT" certify linconv.$c --K 3 --n 2 --d 3 --lambda-w 1/2 --lambda-h 1/2 -o "$T/$c-above.json"
    expect 0 "$c at threshold certifies" "$NCCERT" certify linconv.$c --K 2 --n 1 --d 2 --lambda-w 1/2 --lambda-h 1/2 -o "$T/$c-at.json"
    expect 0 "$c above/at: nccheck accepts" "$NCCHECK" "$T/$c-above.json" "$T/$c-at.json"
    expect 2 "$c d < K refused" "$NCCERT" certify linconv.$c --instance-json '{"kind":"linconv/1","K":3,"n":1,"d":2,"lambda_W":"1/10","lambda_H":"1/10"}' -o "$T/bad.json"
    expect 2 "$c lambda 0 refused" "$NCCERT" certify linconv.$c --instance-json '{"kind":"linconv/1","K":3,"n":1,"d":3,"lambda_W":"0","lambda_H":"1/10"}' -o "$T/bad.json"
    expect 2 "$c wrong kind refused" "$NCCERT" certify linconv.$c --instance-json '{"kind":"imbrelu/1","K":3,"n":1,"d":3,"lambda_W":"1","lambda_H":"1"}' -o "$T/bad.json"
    expect 2 "$c unknown key refused" "$NCCERT" certify linconv.$c --instance-json '{"kind":"linconv/1","K":3,"n":1,"d":3,"lambda_W":"1","lambda_H":"1","x":1}' -o "$T/bad.json"
done
[ -e "$T/bad.json" ] && not_ok "no partial file on bad input" || ok "no partial file on bad input"

# random below-threshold instance from the seed (lambda_W lambda_H < 1/(n K^2) decided exactly here)
set -- $(linconv_random "$SEED")
echo "# random instance K=$1 n=$2 d=$3 lambda_W=$4 lambda_H=$5"
for c in prop-1 prop-3; do
    expect 0 "$c random below-threshold instance PROVED" "$NCCERT" certify linconv.$c --K $1 --n $2 --d $3 --lambda-w $4 --lambda-h $5 -o "$T/$c-rand.json"
    expect 0 "$c random: nccheck accepts" "$NCCHECK" "$T/$c-rand.json"
done

# known answers (exact, computed here): Prop 1 at K=2, n=1, lambda_W=1/2, lambda_H=49/100
python3 - "$T/prop-1-near.json" "$T/prop-3-near.json" > "$T/ka.out" <<'PY'
import sys, json
from fractions import Fraction as Fr
c = json.load(open(sys.argv[1])); q = c["quantities"]
K, n, lw, lh = 2, 1, Fr(1, 2), Fr(49, 100)
r = lw / (n * lh); m = r.numerator * r.denominator; sq = Fr(1, r.denominator)
sb = n * lh * sq                       # s = sb sqrt(m)
val = (Fr(-K, 2) * sb * sb * m * (K - 1), (K - 1) * sb)
ex = lambda name: (Fr(q[name]["exact"]["a"]), Fr(q[name]["exact"].get("b", "0")), q[name]["exact"].get("m", 1))
print("ok" if ex("value") == (val[0], val[1], m) else "bad value", end=" ")
print("ok" if ex("gamma") == (Fr(1), -K * sb, m) else "bad gamma", end=" ")
g = ex("gap")  # (K-1)/(2K) (1 - K s)^2 = (K-1)/(2K) (1 + K^2 sb^2 m) - (K-1)/K * K sb sqrt m
print("ok" if g == (Fr(K - 1, 2 * K) * (1 + K * K * sb * sb * m), -Fr(K - 1, K) * K * sb, m) else "bad gap", end=" ")
print("ok" if c["assertion"].startswith("below") and Fr(q["threshold_test"]["exact"]["a"]) == 1 - n * K * K * lw * lh else "bad region", end=" ")
c3 = json.load(open(sys.argv[2])); q3 = c3["quantities"]
print("ok" if (Fr(q3["gamma"]["exact"]["a"]), Fr(q3["gamma"]["exact"]["b"])) == (1 - K, 1 / (sb * m)) else "bad gamma3")
PY
ok_words "$T/ka.out" 5 "known answer"

# tampering
B="$T/prop-1-near.json"; B3="$T/prop-3-near.json"
cert_mutate "$B" "$T/m1.json" 'q["stat_W"]["exact"]["a"]="1/1000000"'; expect 1 "stat_W exact value changed" "$NCCHECK" "$T/m1.json"
cert_mutate "$B" "$T/m2.json" 'q["value"]["exact"]["b"]="1/99"'; expect 1 "value exact changed" "$NCCHECK" "$T/m2.json"
cert_mutate "$B" "$T/m3.json" 'q["value_at_point"]["lo"]=q["value_at_point"]["hi"]'; expect 1 "value_at_point lo raised to hi" "$NCCHECK" "$T/m3.json"
cert_mutate "$B" "$T/m4.json" 'w["mu"]="1/2"'; expect 1 "mu raised above lambda_min" "$NCCHECK" "$T/m4.json"
cert_mutate "$B" "$T/m5.json" 'c["verdict"]="REFUTED"'; expect 1 "verdict changed" "$NCCHECK" "$T/m5.json"
cert_mutate "$B" "$T/m6.json" 'c["assertion"]="above threshold: zero point stationary, value F0, Hessian >= mu > 0"'; expect 1 "assertion of the wrong region" "$NCCHECK" "$T/m6.json"
cert_mutate "$B" "$T/m7.json" 'c["instance"]["lambda_H"]="1/2"'; expect 1 "instance lambda_H changed (region changes)" "$NCCHECK" "$T/m7.json"
cert_mutate "$B" "$T/m8.json" 'c["instance"]["lambda_W"]="51/100"'; expect 1 "instance lambda_W changed (values change)" "$NCCHECK" "$T/m8.json"
cert_mutate "$B" "$T/m9.json" 'del w["mu"]'; expect 2 "witness mu removed" "$NCCHECK" "$T/m9.json"
cert_mutate "$B" "$T/m10.json" 'w["tangent_weight"]=0'; expect 2 "tangent weight 0 (Hessian singular on the orbit)" "$NCCHECK" "$T/m10.json"
cert_mutate "$B3" "$T/m11.json" 'q["gap"]["hi"]=q["gap"]["lo"]'; expect 1 "prop-3 gap hi lowered to lo" "$NCCHECK" "$T/m11.json"
cert_mutate "$B3" "$T/m12.json" 'q["stat_q"]["exact"]["a"]="1"'; expect 1 "prop-3 stat_q changed" "$NCCHECK" "$T/m12.json"
cert_mutate "$B3" "$T/m13.json" 'c["instance"]["n"]=2'; expect 1 "prop-3 instance n changed" "$NCCHECK" "$T/m13.json"
cert_mutate "$T/prop-3-above.json" "$T/m14.json" 'w["mu"]="10"'; expect 1 "prop-3 above: mu = 10 rejected" "$NCCHECK" "$T/m14.json"
cert_mutate "$T/prop-1-at.json" "$T/m15.json" 'c["claim"]="linconv.prop-3"'; expect 1 "prop-1 certificate relabelled prop-3" "$NCCHECK" "$T/m15.json"

tap_done
