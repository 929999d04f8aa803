#!/bin/sh
# t_linconv_box.sh: linconv.prop-1 / prop-3 over parameter boxes ("linconv-box/1") end to end.
# Independent of nccert (python fractions): the leaves tile the box (replayed tree, areas sum
# to the box), each leaf's side of lambda_W lambda_H = 1/(nK^2) from its corners, the MSE gap
# range (K-1)/(8K) e_hi^2 .. (K-1)/(2K) e_lo^2 exactly, the CE gap range against a double
# evaluation of log K - log(1 + (K-1)/gamma) - (K-1) s log gamma (plausibility only), known
# answers on one-leaf boxes, a random box from the seed (NCCERT_TEST_SEED). Tampering (sides,
# gaps, tree, counts, area, threshold, verdict, assertion, instance parameters) is rejected by
# nccheck with the right exit code; bad instances are refused by nccert with exit 2.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup linconv-box nccert nccheck python3
SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"
box() { # K n d w0 w1 h0 h1 depth
    printf '{"kind":"linconv-box/1","K":%s,"n":%s,"d":%s,"lambda_W_lo":"%s","lambda_W_hi":"%s","lambda_H_lo":"%s","lambda_H_hi":"%s","max_depth":%s}' "$@"
}
# independent validation of a box certificate: prints "ok" or the first problem
validate() { # FILE LOSS(mse|ce)
    python3 - "$1" "$2" <<'PY'
import sys, json, math
from fractions import Fraction as Fr
c = json.load(open(sys.argv[1])); ce = sys.argv[2] == "ce"
I = c["instance"]; K, n, md = I["K"], I["n"], I["max_depth"]
w0, w1, h0, h1 = (Fr(I[k]) for k in ("lambda_W_lo", "lambda_W_hi", "lambda_H_lo", "lambda_H_hi"))
tree, leaves = c["witnesses"]["tree"], c["witnesses"]["leaves"]
pos = [0, 0]; cnt = {"below": 0, "above": 0, "boundary": 0, "unresolved": 0}; area = [Fr(0), Fr(0)]
def gap(t):  # CE gap at s = sqrt(t), double precision (plausibility check only)
    s = math.sqrt(t); g = 1 / s - K + 1
    return math.log(K) - math.log(1 + (K - 1) / g) - (K - 1) * s * math.log(g)
def rec(a, b, c0, d, depth):
    tk = tree[pos[0]]; pos[0] += 1
    if tk != "L":
        m = Fr(tk[2:]); assert depth < md
        if tk[0] == "W": assert a < m < b; rec(a, m, c0, d, depth + 1); rec(m, b, c0, d, depth + 1)
        else: assert c0 < m < d; rec(a, b, c0, m, depth + 1); rec(a, b, m, d, depth + 1)
        return
    lf = leaves[pos[1]]; pos[1] += 1
    assert [Fr(x) for x in lf["lambda_W"]] == [a, b] and [Fr(x) for x in lf["lambda_H"]] == [c0, d], "leaf box"
    elo, ehi = 1 - n * K * K * a * c0, 1 - n * K * K * b * d
    side = "above" if elo <= 0 else "below" if ehi > 0 else "boundary"
    assert lf["side"] == side, "side %s vs %s" % (lf["side"], side)
    assert side != "boundary" or depth == md, "boundary above max_depth"
    cnt[side] += 1; area[0] += (b - a) * (d - c0)
    if side == "boundary": area[1] += (b - a) * (d - c0)
    if side == "below":
        lo, hi = (Fr(x) for x in lf["gap"])
        assert lo > 0
        if ce: assert lo <= gap(n * b * d) + 1e-12 and gap(n * a * c0) - 1e-12 <= hi, "ce gap"  # doubles cancel: absolute slack
        else: assert (lo, hi) == (Fr(K - 1, 8 * K) * ehi * ehi, Fr(K - 1, 2 * K) * elo * elo), "mse gap"
try:
    rec(w0, w1, h0, h1, 0)
    assert pos == [len(tree), len(leaves)], "extra tokens"
    assert area[0] == (w1 - w0) * (h1 - h0), "leaves do not tile the box"
    q = c["quantities"]
    for k in cnt: assert Fr(q["leaves_" + k]["exact"]["a"]) == cnt[k], k
    assert Fr(q["boundary_area_fraction"]["exact"]["a"]) == area[1] / area[0]
    assert Fr(q["threshold_constant"]["exact"]["a"]) == Fr(1, n * K * K)
    print("ok")
except (AssertionError, IndexError, KeyError) as ex:
    print("bad:", repr(ex).replace(" ", "_"))
PY
}

for c in prop-1 prop-3; do
    L=mse; [ $c = prop-3 ] && L=ce
    expect 0 "$c straddling box certifies" "$NCCERT" certify linconv.$c --instance-json "$(box 3 2 4 1/100 1 1/100 1 12)" -o "$T/$c-s.json"
    expect 0 "$c straddling box: nccheck accepts" "$NCCHECK" "$T/$c-s.json"
    r=$(validate "$T/$c-s.json" $L); [ "$r" = ok ] && ok "$c straddling box: independent replay" || not_ok "$c straddling box: $r"
    # known answers: the brief's box is entirely below (lambda_W lambda_H <= 1/100 < 1/18): one leaf
    expect 0 "$c all-below box certifies" "$NCCERT" certify linconv.$c --instance-json "$(box 3 2 4 1/1000 1/10 1/1000 1/10 16)" -o "$T/$c-b.json"
    # one above leaf whose lower corner is ON the threshold (K=2, n=1: 4 * 1/2 * 1/2 = 1): part (i)
    expect 0 "$c box with the lower corner on the threshold certifies" "$NCCERT" certify linconv.$c --instance-json "$(box 2 1 2 1/2 1 1/2 1 5)" -o "$T/$c-a.json"
    # max_depth 0 on a straddling box: one boundary leaf, area fraction 1
    expect 0 "$c depth-0 straddling box certifies" "$NCCERT" certify linconv.$c --instance-json "$(box 2 1 2 1/4 1 1/4 1 0)" -o "$T/$c-0.json"
    expect 0 "$c one-leaf boxes: nccheck accepts" "$NCCHECK" "$T/$c-b.json" "$T/$c-a.json" "$T/$c-0.json"
    python3 - "$T/$c-b.json" "$T/$c-a.json" "$T/$c-0.json" $L > "$T/ka.out" <<'PY'
import sys, json, math
from fractions import Fraction as Fr
b, a, z = (json.load(open(f)) for f in sys.argv[1:4]); ce = sys.argv[4] == "ce"
lb = b["witnesses"]["leaves"]
print("ok" if b["witnesses"]["tree"] == ["L"] and len(lb) == 1 and lb[0]["side"] == "below" else "bad-below-leaf", end=" ")
if ce:   # gap at s_hi = sqrt(2/100) with K = 3, by hand: log(3 s) + (1 - 2 s) log(1/s - 2)
    s = math.sqrt(0.02); g = math.log(3 * s) + (1 - 2 * s) * math.log(1 / s - 2)
    print("ok" if abs(float(Fr(lb[0]["gap"][0])) - g) < 1e-15 else "bad-ce-gap", end=" ")
else:    # (K-1)/(8K) (1 - 18/100)^2 = 1681/30000 and (K-1)/(2K) (1 - 18/10^6)^2
    print("ok" if [Fr(x) for x in lb[0]["gap"]] == [Fr(1681, 30000), Fr(1, 3) * (1 - Fr(18, 10**6))**2] else "bad-mse-gap", end=" ")
print("ok" if a["witnesses"]["tree"] == ["L"] and a["witnesses"]["leaves"][0]["side"] == "above" and a["verdict"] == "PROVED" else "bad-above", end=" ")
q = z["quantities"]
print("ok" if z["witnesses"]["leaves"][0]["side"] == "boundary" and Fr(q["boundary_area_fraction"]["exact"]["a"]) == 1 and z["verdict"] == "PROVED" else "bad-depth0")
PY
    ok_words "$T/ka.out" 4 "$c known answer"
    # bad instances
    expect 2 "$c lo >= hi refused" "$NCCERT" certify linconv.$c --instance-json "$(box 3 2 4 1/10 1/10 1/100 1 4)" -o "$T/bad.json"
    expect 2 "$c max_depth 25 refused" "$NCCERT" certify linconv.$c --instance-json "$(box 3 2 4 1/100 1 1/100 1 25)" -o "$T/bad.json"
    expect 2 "$c lambda 0 refused" "$NCCERT" certify linconv.$c --instance-json "$(box 3 2 4 0 1 1/100 1 4)" -o "$T/bad.json"
    expect 2 "$c unknown key refused" "$NCCERT" certify linconv.$c --instance-json '{"kind":"linconv-box/1","K":3,"n":2,"d":4,"lambda_W_lo":"1/100","lambda_W_hi":"1","lambda_H_lo":"1/100","lambda_H_hi":"1","max_depth":4,"lambda_W":"1"}' -o "$T/bad.json"
    expect 2 "$c missing max_depth refused" "$NCCERT" certify linconv.$c --instance-json '{"kind":"linconv-box/1","K":3,"n":2,"d":4,"lambda_W_lo":"1/100","lambda_W_hi":"1","lambda_H_lo":"1/100","lambda_H_hi":"1"}' -o "$T/bad.json"
    expect 2 "$c d = K-2 refused" "$NCCERT" certify linconv.$c --instance-json "$(box 4 2 2 1/100 1 1/100 1 4)" -o "$T/bad.json"
done
expect 0 "prop-1 box with d = K-1 certifies (Proposition 1 needs only d >= K-1)" "$NCCERT" certify linconv.prop-1 --instance-json "$(box 3 2 2 1/100 1 1/100 1 6)" -o "$T/dk1.json"
expect 0 "prop-1 box d = K-1: nccheck accepts" "$NCCHECK" "$T/dk1.json"
expect 2 "prop-3 box with d = K-1 refused (Proposition 3 assumes d >= K)" "$NCCERT" certify linconv.prop-3 --instance-json "$(box 3 2 2 1/100 1 1/100 1 6)" -o "$T/bad.json"
expect 2 "linconv/1 with d = K-1 still refused (unchanged)" "$NCCERT" certify linconv.prop-1 --instance-json '{"kind":"linconv/1","K":3,"n":1,"d":2,"lambda_W":"1/10","lambda_H":"1/10"}' -o "$T/bad.json"
[ -e "$T/bad.json" ] && not_ok "no partial file on bad input" || ok "no partial file on bad input"

# random box from the seed
python3 - "$SEED" > "$T/rand.args" <<'PY'
import sys, random
from fractions import Fraction as Fr
r = random.Random(int(sys.argv[1]))
K = r.randint(2, 12); n = r.randint(1, 20); d = K + r.randint(0, 3); thr = Fr(1, n * K * K)
w0 = Fr(r.randint(1, 100), 10**r.randint(2, 4)); w1 = w0 * r.randint(2, 200)
h0 = thr / w1 * Fr(r.randint(1, 99), 100); h1 = thr / w0 * r.randint(2, 50)  # straddles the curve
print(K, n, d, w0, w1, h0, h1, r.randint(4, 14))
PY
set -- $(cat "$T/rand.args")
echo "# random box K=$1 n=$2 d=$3 lambda_W=[$4,$5] lambda_H=[$6,$7] max_depth=$8"
for c in prop-1 prop-3; do
    L=mse; [ $c = prop-3 ] && L=ce
    expect 0 "$c random box PROVED" "$NCCERT" certify linconv.$c --instance-json "$(box "$@")" -o "$T/$c-r.json"
    expect 0 "$c random box: nccheck accepts" "$NCCHECK" "$T/$c-r.json"
    r=$(validate "$T/$c-r.json" $L); [ "$r" = ok ] && ok "$c random box: independent replay" || not_ok "$c random box: $r"
done

# tampering: every mutated file is written by one python run (M name|expr lines), then checked
cat > "$T/mut.py" <<'PY'
import sys, json, copy
from fractions import Fraction as Fr
src, out = sys.argv[1], sys.argv[2]
base = json.load(open(src))
def enc(x):  # an exact rational quantity whose [lo, hi] is a wide dyadic interval around it
    import math
    e = max(0, math.ceil(math.log2(abs(float(x)) + 1)) + 1)
    return {"lo": "-0x1p+%d" % e, "hi": "0x1p+%d" % e, "decimal": "[+/- %d]" % (2 ** e), "exact": {"a": str(x)}}
for line in sys.stdin.read().split("\n@@\n"):
    if not line.strip(): continue
    name, expr = line.split("|", 1)
    c = copy.deepcopy(base); q = c["quantities"]; w = c["witnesses"]; L = w["leaves"]
    first = lambda side: next(i for i, l in enumerate(L) if l["side"] == side)
    exec(expr)
    json.dump(c, open("%s/%s.json" % (out, name), "w"), indent=2)
PY
for c in prop-1 prop-3; do
    mkdir -p "$T/$c-m"
    python3 "$T/mut.py" "$T/$c-s.json" "$T/$c-m" <<'MUT'
m1|i = first("below"); L[i]["side"] = "above"; del L[i]["gap"]
@@
m2|i = first("above"); L[i]["side"] = "below"; L[i]["gap"] = ["1/10", "1"]
@@
m3|i = first("boundary"); L[i]["side"] = "below"; L[i]["gap"] = ["1/10", "1"]
@@
m4|i = first("below"); L[i]["gap"][0] = str(Fr(L[i]["gap"][0]) * Fr(1001, 1000))
@@
m5|i = first("below"); L[i]["gap"][1] = str(Fr(L[i]["gap"][1]) * Fr(999, 1000))
@@
m6|i = first("below"); L[i]["gap"][0] = "0"
@@
m7|k = next(i for i, t in enumerate(w["tree"]) if t != "L"); w["tree"][k] = w["tree"][k][:2] + str(Fr(w["tree"][k][2:]) * Fr(99, 100))
@@
m8|del L[-1]
@@
m9|q["leaves_above"]["exact"]["a"] = str(int(q["leaves_above"]["exact"]["a"]) + 1)
@@
m10|q["boundary_area_fraction"]["exact"]["a"] = "0"
@@
m11|q["threshold_constant"]["exact"]["a"] = "1/9"
@@
m12|q["threshold_constant"]["lo"] = q["threshold_constant"]["hi"] = "0x1p-3"
@@
m13|c["verdict"] = "INCONCLUSIVE"
@@
m14|c["assertion"] = "none"
@@
m15|c["instance"]["n"] = 3
@@
m16|c["instance"]["max_depth"] = 13
@@
m17|c["instance"]["max_depth"] = 11
@@
m18|c["instance"]["lambda_W_hi"] = "2"
@@
m19|del w["tree"]
@@
m20|i = first("below"); L[i]["side"] = "unresolved"; del L[i]["gap"]
a = (Fr(L[i]["lambda_W"][1]) - Fr(L[i]["lambda_W"][0])) * (Fr(L[i]["lambda_H"][1]) - Fr(L[i]["lambda_H"][0]))
I = c["instance"]; A = (Fr(I["lambda_W_hi"]) - Fr(I["lambda_W_lo"])) * (Fr(I["lambda_H_hi"]) - Fr(I["lambda_H_lo"]))
q["boundary_area_fraction"] = enc(Fr(q["boundary_area_fraction"]["exact"]["a"]) + a / A)
q["leaves_below"] = enc(int(q["leaves_below"]["exact"]["a"]) - 1)
q["leaves_unresolved"] = enc(1)
c["assertion"] = "none"; c["verdict"] = "INCONCLUSIVE"
@@
m21|c["claim"] = "linconv.prop-3" if c["claim"] == "linconv.prop-1" else "linconv.prop-1"
MUT
    M="$T/$c-m"
    expect 1 "$c below leaf relabelled above" "$NCCHECK" "$M/m1.json"
    expect 1 "$c above leaf relabelled below" "$NCCHECK" "$M/m2.json"
    expect 1 "$c boundary leaf relabelled below" "$NCCHECK" "$M/m3.json"
    expect 1 "$c gap lo raised by 0.1%" "$NCCHECK" "$M/m4.json"
    expect 1 "$c gap hi lowered by 0.1%" "$NCCHECK" "$M/m5.json"
    expect 1 "$c gap lo = 0" "$NCCHECK" "$M/m6.json"
    expect 2 "$c split point moved (leaf boxes no longer the tree's)" "$NCCHECK" "$M/m7.json"
    expect 2 "$c a leaf removed" "$NCCHECK" "$M/m8.json"
    expect 1 "$c count of above leaves changed" "$NCCHECK" "$M/m9.json"
    expect 1 "$c boundary area fraction set to 0" "$NCCHECK" "$M/m10.json"
    expect 1 "$c threshold constant changed" "$NCCHECK" "$M/m11.json"
    expect 1 "$c threshold lo/hi moved off the exact value" "$NCCHECK" "$M/m12.json"
    expect 1 "$c verdict changed" "$NCCHECK" "$M/m13.json"
    expect 1 "$c assertion none with every leaf certified" "$NCCHECK" "$M/m14.json"
    expect 1 "$c instance n changed (threshold moves)" "$NCCHECK" "$M/m15.json"
    expect 1 "$c instance max_depth raised (boundary leaves must be split)" "$NCCHECK" "$M/m16.json"
    expect 2 "$c instance max_depth lowered (tree too deep)" "$NCCHECK" "$M/m17.json"
    expect 2 "$c instance box enlarged (leaves do not match)" "$NCCHECK" "$M/m18.json"
    expect 2 "$c tree removed" "$NCCHECK" "$M/m19.json"
    out=$("$NCCHECK" "$M/m20.json" 2>&1); rc=$?
    case "$rc:$out" in 1:*"REJECTED: INCONCLUSIVE"*) ok "$c consistent INCONCLUSIVE box: exit 1, INCONCLUSIVE" ;; *) not_ok "$c consistent INCONCLUSIVE box (exit $rc: $out)" ;; esac
    expect 1 "$c box certificate relabelled to the other loss" "$NCCHECK" "$M/m21.json"
done

tap_done
