#!/bin/sh
# t_linconv_errbound.sh: linconv.theorem-2 / theorem-4 end to end. Known answers computed here in
# exact rational arithmetic (python fractions, independent of nccert): gamma and alpha^2 at
# K=2, n=1, lambda_W=lambda_H=1/10 (MSE: gamma = 4/5, beta = 1, alpha^2 = 4/5; CE: gamma = 9);
# delta a power of two equal to its witness, kappa mu >= 1 exactly; the "beyond the paper"
# label exactly when CE has K >= 3. A random below-threshold instance (seed printed,
# NCCERT_TEST_SEED). Tampering (delta, mu, kappa, stationarity, verdict, assertion, label,
# instance parameters) must be rejected by nccheck with the right exit code; instances outside
# the theorems' hypothesis refused by nccert with exit 2.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup errbound nccert nccheck python3
SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"

for c in theorem-2 theorem-4; do
    expect 0 "$c K=2 certifies" "$NCCERT" certify linconv.$c --K 2 --n 1 --d 2 --lambda-w 1/10 --lambda-h 1/10 -o "$T/$c-2.json"
    expect 0 "$c K=3 certifies" "$NCCERT" certify linconv.$c --K 3 --n 2 --d 4 --lambda-w 1e-4 --lambda-h 0.001 -o "$T/$c-3.json"
    expect 0 "$c: nccheck accepts both" "$NCCHECK" "$T/$c-2.json" "$T/$c-3.json"
    expect 2 "$c above threshold refused (outside the hypothesis)" "$NCCERT" certify linconv.$c --K 3 --n 2 --d 3 --lambda-w 1/2 --lambda-h 1/2 -o "$T/bad.json"
    expect 2 "$c at threshold refused" "$NCCERT" certify linconv.$c --K 2 --n 1 --d 2 --lambda-w 1/2 --lambda-h 1/2 -o "$T/bad.json"
    expect 2 "$c d < K refused" "$NCCERT" certify linconv.$c --instance-json '{"kind":"linconv/1","K":3,"n":1,"d":2,"lambda_W":"1/10","lambda_H":"1/10"}' -o "$T/bad.json"
    expect 2 "$c unknown key refused" "$NCCERT" certify linconv.$c --instance-json '{"kind":"linconv/1","K":2,"n":1,"d":2,"lambda_W":"1/10","lambda_H":"1/10","delta":"1"}' -o "$T/bad.json"
    expect 2 "$c wrong kind refused" "$NCCERT" certify linconv.$c --instance-json '{"kind":"nc/1","K":2,"n":1,"d":2}' -o "$T/bad.json"
done
[ -e "$T/bad.json" ] && not_ok "no partial file on bad input" || ok "no partial file on bad input"

# known answers and structural facts, exact (python fractions)
python3 - "$T" > "$T/ka.out" <<'PY'
import sys, json
from fractions import Fraction as Fr
T = sys.argv[1]
def ex(q, name):
    e = q[name]["exact"]; return (Fr(e["a"]), Fr(e.get("b", "0")), e.get("m", 1))
def Q(x): return x if x[1] == 0 else None
for c, K in (("theorem-2", 2), ("theorem-2", 3), ("theorem-4", 2), ("theorem-4", 3)):
    cert = json.load(open(f"{T}/{c}-{K}.json")); q = cert["quantities"]; w = cert["witnesses"]
    d = Fr(w["delta"]); mu = Fr(w["mu"]); kap = Fr(q["kappa"]["exact"]["a"])
    print("ok" if d.numerator == 1 and d.denominator & (d.denominator - 1) == 0 and Fr(q["delta"]["exact"]["a"]) == d else "bad-delta", end=" ")
    print("ok" if mu > 0 and kap * mu >= 1 and kap * mu < Fr(1001, 1000) else "bad-kappa", end=" ")
    beyond = cert["assertion"].startswith("beyond the paper")
    print("ok" if beyond == (c == "theorem-4" and K >= 3) else "bad-label", end=" ")
    for s in ("stat_W", "stat_H") + (("stat_q",) if c == "theorem-4" else ()):
        print("ok" if ex(q, s)[:2] == (0, 0) else "bad-" + s, end=" ")
from math import isqrt
def val(x):  # a + b sqrt(m) for a perfect square m (exact)
    r = isqrt(x[2]); assert r * r == x[2]; return x[0] + x[1] * r
q2 = json.load(open(f"{T}/theorem-2-2.json"))["quantities"]   # m = 1: s = 1/10, beta = 1
print("ok" if val(ex(q2, "gamma")) == Fr(4, 5) else "bad-gamma2", end=" ")
print("ok" if val(ex(q2, "alpha_sq")) == Fr(4, 5) else "bad-alpha2", end=" ")
q4 = json.load(open(f"{T}/theorem-4-2.json"))["quantities"]   # gamma = 1/s - K + 1 = 9
print("ok" if val(ex(q4, "gamma")) == 9 else "bad-gamma4")
PY
ok_words "$T/ka.out" 25 "known answer / structure"

# random below-threshold instance from the seed (decided exactly here)
set -- $(linconv_random "$SEED")
echo "# random instance K=$1 n=$2 d=$3 lambda_W=$4 lambda_H=$5"
for c in theorem-2 theorem-4; do
    expect 0 "$c random below-threshold instance certifies" "$NCCERT" certify linconv.$c --K $1 --n $2 --d $3 --lambda-w $4 --lambda-h $5 -o "$T/$c-rand.json"
    expect 0 "$c random: nccheck accepts" "$NCCHECK" "$T/$c-rand.json"
done

# tampering
for c in theorem-2 theorem-4; do
B="$T/$c-2.json"
cert_mutate "$B" "$T/m1.json" 'w["delta"]=str(Fr(w["delta"])*2)'; expect 1 "$c witness delta != quantity delta" "$NCCHECK" "$T/m1.json"
cert_mutate "$B" "$T/m2.json" 'v=Fr(w["delta"])*256; w["delta"]=str(v); setq("delta", v)'; expect 1 "$c delta x256 (region too large for mu)" "$NCCHECK" "$T/m2.json"
cert_mutate "$B" "$T/m3.json" 'w["mu"]=str(Fr(w["mu"])*3)'; expect 1 "$c mu x3 (above lambda_min)" "$NCCHECK" "$T/m3.json"
cert_mutate "$B" "$T/m4.json" 'setq("kappa", int(Fr(q["kappa"]["exact"]["a"])/2))'; expect 1 "$c kappa halved consistently (kappa mu < 1)" "$NCCHECK" "$T/m4.json"
cert_mutate "$B" "$T/m5.json" 'q["kappa"]["exact"]["a"]=str(Fr(q["kappa"]["exact"]["a"])/2)'; expect 1 "$c kappa exact value changed alone" "$NCCHECK" "$T/m5.json"
cert_mutate "$B" "$T/m6.json" 'q["kappa"]["hi"]=q["kappa"]["lo"]=(0.5).hex()'; expect 1 "$c kappa lo/hi moved" "$NCCHECK" "$T/m6.json"
cert_mutate "$B" "$T/m7.json" 'q["stat_W"]["exact"]["a"]="1/1000000"'; expect 1 "$c stat_W changed" "$NCCHECK" "$T/m7.json"
cert_mutate "$B" "$T/m8.json" 'c["verdict"]="REFUTED"'; expect 1 "$c verdict changed" "$NCCHECK" "$T/m8.json"
cert_mutate "$B" "$T/m9.json" 'c["instance"]["lambda_W"]="1/5"'; expect 1 "$c instance lambda_W changed" "$NCCHECK" "$T/m9.json"
cert_mutate "$B" "$T/m10.json" 'c["instance"]["lambda_H"]="1"'; expect 1 "$c instance moved above the threshold" "$NCCHECK" "$T/m10.json"
cert_mutate "$B" "$T/m11.json" 'del q["kappa"]'; expect 2 "$c kappa removed" "$NCCHECK" "$T/m11.json"
cert_mutate "$B" "$T/m12.json" 'w["hessian_dim"]=3'; expect 2 "$c hessian_dim wrong" "$NCCHECK" "$T/m12.json"
cert_mutate "$B" "$T/m13.json" 'w["mu"]="-1/2"'; expect 1 "$c mu negative" "$NCCHECK" "$T/m13.json"
done
cert_mutate "$T/theorem-4-3.json" "$T/m14.json" 'c["assertion"]=c["assertion"].split(": ",1)[1]'; expect 1 "theorem-4 K=3 without the beyond-the-paper label" "$NCCHECK" "$T/m14.json"
cert_mutate "$T/theorem-4-2.json" "$T/m15.json" 'c["instance"]["K"]=3; c["instance"]["d"]=3'; expect 1 "theorem-4 instance K changed" "$NCCHECK" "$T/m15.json"
cert_mutate "$T/theorem-2-2.json" "$T/m16.json" 'c["claim"]="linconv.theorem-4"'; expect 1 "theorem-2 certificate relabelled theorem-4" "$NCCHECK" "$T/m16.json"

tap_done
