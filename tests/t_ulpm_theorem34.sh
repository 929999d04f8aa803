#!/bin/sh
# t_ulpm_theorem34.sh: ulpm.theorem-3.4 end to end: certificates of the pairing point (Example
# 3.1, K=4, C from NCCERT_TEST_SEED among 1/2, 1, 3/2, 2) and of nc/1 K=4 n=1 d=4 are accepted
# by nccheck; single mutations (python3, stdlib only) are rejected with exit 1 (claim does not
# follow: witness, enclosure, count, verdict, assertion, instance parameter) or 2 (malformed);
# bad instances are refused by nccert with exit 2. Critical points with q_min <= 0 (W = 0;
# the negated pairing) against hand-derived values, with a hand-made witness.

. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup t34 nccheck nccert python3
CLAIM=ulpm.theorem-3.4

SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"
C=$(python3 -c "print(['1/2','1','3/2','2'][$SEED % 4])")
echo "# pairing C=$C"

expect() {   # WANT DESCRIPTION COMMAND...
    want=$1; what=$2; shift 2
    "$@" >"$T/out" 2>&1
    got=$?
    if [ "$got" = "$want" ]; then ok "$what (exit $got)"; else not_ok "$what: exit $got, want $want: $(head -c 300 "$T/out")"; fi
}

"$NCCERT" certify $CLAIM -q --instance-json "{\"kind\":\"ulpm-pairing/1\",\"K\":4,\"C\":\"$C\"}" -o "$T/p.json"
"$NCCERT" certify $CLAIM -q --instance-json '{"kind":"nc/1","K":4,"n":1,"d":4}' -o "$T/nc.json"
expect 0 "pairing K=4 C=$C accepted" "$NCCHECK" "$T/p.json"
expect 0 "nc/1 K=4 n=1 d=4 accepted" "$NCCHECK" "$T/nc.json"

check_mut() {   # WANT NAME SRC CODE (python on c, q, w)
    cert_mutate "$3" "$T/m.json" "$4" && expect "$1" "$2" "$NCCHECK" "$T/m.json"
}

P="$T/p.json"
check_mut 1 "direction leaves the tangent space" "$P" 'from fractions import Fraction as F; d=w["direction"]["dW"]; d[0][0]=str(F(d[0][0])+1)'
check_mut 1 "direction replaced by a positive-curvature tangent direction" "$P" 'K=4
w["direction"]["dW"]=[["1","-1","0","0"],["-1","1","0","0"],["0","0","1","-1"],["0","0","-1","1"]]
w["direction"]["dH"]=[["-1","1","0","0"],["1","-1","0","0"],["0","0","-1","1"],["0","0","1","-1"]]'
check_mut 1 "lambda.hi moved below the value" "$P" 'q["lambda"]["hi"]=q["lambda"]["lo"]'
check_mut 1 "lambda.lo moved above the value" "$P" 'q["lambda"]["lo"]=q["lambda"]["hi"]'
check_mut 1 "direction_second_variation replaced" "$P" 'q["direction_second_variation"]={"lo":"-0x1p+0","hi":"-0x1p-1","decimal":"[-0.75 +/- 0.25]"}'
check_mut 1 "direction_q hi lowered" "$P" 'q["direction_q"]["hi"]=q["direction_q"]["lo"]'
check_mut 1 "construction_second_variation lo raised" "$P" 'q["construction_second_variation"]["lo"]=q["construction_second_variation"]["hi"]'
check_mut 1 "negative_count changed" "$P" 'q["negative_count"]={"lo":"0x1.8p+1","hi":"0x1.8p+1","decimal":"3","exact":{"a":"3"}}'
check_mut 1 "zero_count changed" "$P" 'q["zero_count"]={"lo":"0x1.8p+2","hi":"0x1.8p+2","decimal":"6","exact":{"a":"6"}}'
check_mut 1 "verdict REFUTED" "$P" 'c["verdict"]="REFUTED"'
check_mut 1 "verdict INCONCLUSIVE" "$P" 'c["verdict"]="INCONCLUSIVE"'
check_mut 1 "assertion: no negative second variation at the pairing" "$P" 'c["assertion"]="no negative second variation"'
check_mut 2 "unknown assertion" "$P" 'c["assertion"]="saddle"'
check_mut 1 "instance C changed" "$P" 'c["instance"]["C"]="5/2" if c["instance"]["C"]!="5/2" else "3"'
check_mut 1 "construction a not in the null space" "$P" 'w["paper_construction"]["a"]=["1","0","0","0"]'
check_mut 1 "construction u replaced by zero" "$P" 'w["paper_construction"]["u"]=["0","0","0","0"]'
check_mut 1 "inertia: one basis column dropped" "$P" 'w["inertia"]["basis"].pop()'
check_mut 1 "inertia: a basis column duplicated" "$P" 'b=w["inertia"]["basis"]; b[1]=list(b[0])'
check_mut 1 "inertia: orbit pair repeated" "$P" 'p=w["inertia"]["orbit_pairs"]; p[1]=list(p[0])'
check_mut 2 "inertia: orbit pair [0,0]" "$P" 'w["inertia"]["orbit_pairs"][0]=[0,0]'
check_mut 2 "quantity lambda missing" "$P" 'del q["lambda"]'
check_mut 2 "extra quantity" "$P" 'q["extra"]=q["lambda"]'
check_mut 2 "direction entry not a number" "$P" 'w["direction"]["dW"][0][0]="x"'
check_mut 2 "K odd in the instance" "$P" 'c["instance"]["K"]=5'
check_mut 1 "nc: verdict REFUTED" "$T/nc.json" 'c["verdict"]="REFUTED"'
check_mut 1 "nc: assertion negative second variation" "$T/nc.json" 'c["assertion"]="negative second variation"'
check_mut 1 "nc: positive_count changed" "$T/nc.json" 'q["positive_count"]={"lo":"0x1.8p+4","hi":"0x1.8p+4","decimal":"24","exact":{"a":"24"}}'
check_mut 1 "nc: instance moved to the pairing point" "$T/nc.json" 'c["instance"]={"kind":"ulpm-pairing/1","K":4,"C":"1"}'

# Critical points with q_min <= 0 (Theorem C.2's hypothesis fails; Theorem 3.4 does not assume
# it). W = 0 with zero class sums: Z = 0, lambda = 0, q_min = 0. Negated pairing W = -C M,
# H = C M: per column label -2C^2, partner +2C^2, 0 twice, so q_min = -4C^2 and (derivation
# section 6) lambda = 2(u + 1)/(u + w + 2), u = e^{2C^2}, w = 1/u; the direction (W, -H) is
# tangent with dZ = 0, q = -2<G, Z> = -lambda |x|^2 and s = -2 lambda |x|^2, |x|^2 = 16 C^2.
W0='{"K":2,"n":2,"d":2,"W":[["0","0"],["0","0"]],"H":[["1","-1","0","0"],["0","0","3/2","-3/2"]]}'
NEGP=$(python3 -c "
import json
c='$C'; m='-'+c
M=lambda a,b: [[a,b,'0','0'],[b,a,'0','0'],['0','0',a,b],['0','0',b,a]]
print(json.dumps({'K':4,'n':1,'d':4,'W':M(m,c),'H':M(c,m)}))")
"$NCCERT" certify $CLAIM -q --instance-json "$W0" -o "$T/w0.json"
"$NCCERT" certify $CLAIM -q --instance-json "$NEGP" -o "$T/negp.json"
expect 0 "W = 0, q_min = 0: accepted" "$NCCHECK" "$T/w0.json"
expect 0 "negated pairing C=$C, q_min < 0: accepted" "$NCCHECK" "$T/negp.json"
python3 - "$T/w0.json" "$T/negp.json" "$C" >"$T/ka" 2>&1 <<'PY'
import json, math, sys
from fractions import Fraction as F
w0, negp, C = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), F(sys.argv[3])
def val(q): return F(q["exact"]["a"])
def mid(q): return (float.fromhex(q["lo"]) + float.fromhex(q["hi"])) / 2
bad = []
if w0["verdict"] != "PROVED" or negp["verdict"] != "PROVED": bad.append("verdicts %s %s" % (w0["verdict"], negp["verdict"]))
if val(w0["quantities"]["margin_min"]) != 0: bad.append("W=0 margin_min")
if w0["quantities"]["lambda"]["lo"] != "0x0p+0" or w0["quantities"]["lambda"]["hi"] != "0x0p+0": bad.append("W=0 lambda not exactly 0")
if val(negp["quantities"]["margin_min"]) != -4 * C * C: bad.append("negated pairing margin_min != -4C^2")
u = math.exp(2 * float(C) ** 2)
lam = 2 * (u + 1) / (u + 1 / u + 2)
if abs(mid(negp["quantities"]["lambda"]) - lam) > 1e-12 * lam: bad.append("lambda %r vs hand %r" % (mid(negp["quantities"]["lambda"]), lam))
print("; ".join(bad) if bad else "ok")
PY
if [ "$(cat "$T/ka")" = ok ]; then ok "known answers: q_min = 0 and -4C^2 exactly, lambda = 0 exactly and 2(u+1)/(u+w+2)"; else not_ok "known answers: $(cat "$T/ka")"; fi
# The hand-made witness (W, -H) with enclosures 1e-9 wide around the hand values is accepted.
python3 - "$T/negp.json" "$T/hand.json" "$C" <<'PY'
import json, math, sys
from fractions import Fraction as F
c = json.load(open(sys.argv[1])); C = F(sys.argv[3]); inst = c["instance"]
u = math.exp(2 * float(C) ** 2); lam = 2 * (u + 1) / (u + 1 / u + 2); xx = 16 * float(C) ** 2
def encl(v): r = 1e-9 * abs(v); return {"lo": (v - r).hex(), "hi": (v + r).hex(), "decimal": "[%.17g +/- %.3g]" % (v, 2 * r)}
c["witnesses"] = {"direction": {"dW": inst["W"], "dH": [[str(-F(x)) for x in row] for row in inst["H"]]}}
q = c["quantities"]
for k in ("direction_q", "direction_second_variation", "construction_second_variation", "negative_count", "zero_count", "positive_count"): q.pop(k, None)
q["direction_q"], q["direction_second_variation"] = encl(-lam * xx), encl(-2 * lam * xx)
json.dump(c, open(sys.argv[2], "w"), indent=2)
PY
expect 0 "negated pairing: the hand direction (W, -H), q = -lambda|x|^2, s = -2 lambda|x|^2, accepted" "$NCCHECK" "$T/hand.json"
check_mut 1 "hand direction: q stated as -lambda|x|^2/2" "$T/hand.json" 'v=float.fromhex(q["direction_q"]["lo"])/2; q["direction_q"]={"lo":(v*1.000001).hex(),"hi":(v*0.999999).hex(),"decimal":"[%.17g +/- 1e-5]" % v}'
check_mut 1 "W = 0: margin_min changed to 1" "$T/w0.json" 'q["margin_min"]={"lo":"0x1p+0","hi":"0x1p+0","decimal":"1","exact":{"a":"1"}}'
check_mut 1 "negated pairing: margin_min stated positive" "$T/negp.json" 'q["margin_min"]={"lo":"0x1p+2","hi":"0x1p+2","decimal":"4","exact":{"a":"4"}}'
check_mut 2 "margin_min missing" "$T/negp.json" 'del q["margin_min"]'
check_mut 1 "negated pairing (lambda > 0): assertion no negative second variation" "$T/negp.json" 'c["assertion"]="no negative second variation"; w.pop("direction", None); q.pop("direction_q", None); q.pop("direction_second_variation", None)'
# v = n + e (W, -H), n = (W X, -X H) the orbit direction of X = E_01 - E_10, e = 1/100: n is
# in the null space of Hess L - lambda I and orthogonal to (W, -H), so s(v) = e^2 s(W, -H) < 0
# while q(v) = s(v) + lambda |v|^2 = lambda (|n|^2 - e^2 |x|^2) > 0: a true s < 0 without q < 0,
# which with lambda > 0 does not give (13). nccheck must say so (exit 1, not an enclosure error).
python3 - "$T/hand.json" "$T/sonly.json" "$C" <<'PY'
import json, math, sys
from fractions import Fraction as F
c = json.load(open(sys.argv[1])); C = F(sys.argv[3]); inst = c["instance"]
W = [[F(x) for x in r] for r in inst["W"]]; H = [[F(x) for x in r] for r in inst["H"]]
e = F(1, 100)
X = [[0, 1, 0, 0], [-1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]
WX = [[sum(W[k][l] * X[l][j] for l in range(4)) for j in range(4)] for k in range(4)]
XH = [[sum(X[i][l] * H[l][c] for l in range(4)) for c in range(4)] for i in range(4)]
dW = [[WX[k][j] + e * W[k][j] for j in range(4)] for k in range(4)]
dH = [[-XH[i][j] - e * H[i][j] for j in range(4)] for i in range(4)]
nn = float(sum(x * x for r in WX for x in r) + sum(x * x for r in XH for x in r))
u = math.exp(2 * float(C) ** 2); lam = 2 * (u + 1) / (u + 1 / u + 2); xx = 16 * float(C) ** 2
s = float(e) ** 2 * (-2 * lam * xx); qv = lam * (nn - float(e) ** 2 * xx)
def encl(v): r = 1e-9 * abs(v); return {"lo": (v - r).hex(), "hi": (v + r).hex(), "decimal": "[%.17g +/- %.3g]" % (v, 2 * r)}
c["witnesses"]["direction"] = {"dW": [[str(x) for x in r] for r in dW], "dH": [[str(x) for x in r] for r in dH]}
c["quantities"]["direction_q"], c["quantities"]["direction_second_variation"] = encl(qv), encl(s)
json.dump(c, open(sys.argv[2], "w"), indent=2)
PY
expect 1 "negated pairing (lambda > 0): a direction with s < 0 but q > 0 is not enough" "$NCCHECK" "$T/sonly.json"
grep -q "direction_q < 0 not certified" "$T/out" && ok "... and the reason is the missing q < 0" || not_ok "wrong reason: $(head -c 300 "$T/out")"
check_mut 1 "W = 0: verdict REFUTED" "$T/w0.json" 'c["verdict"]="REFUTED"'
# Tied point W = H = s v v^T, v = (1,1,-1,-1): q_min = 0 and lambda = -2/(e^{8 s^2} + 1) < 0
# (derivation section 6 item 3); s = 1/2 or 1 from the seed.
S=$(python3 -c "print(['1/2','1'][$SEED % 2])")
TIED=$(python3 -c "
import json
v=[1,1,-1,-1]; s='$S'
A=[[('-' if v[i]*v[j] < 0 else '') + s for j in range(4)] for i in range(4)]
print(json.dumps({'K':4,'n':1,'d':4,'W':A,'H':A}))")
"$NCCERT" certify $CLAIM -q --instance-json "$TIED" -o "$T/tied.json"
expect 0 "tied point s=$S (q_min = 0, lambda < 0): accepted" "$NCCHECK" "$T/tied.json"
python3 - "$T/tied.json" "$S" >"$T/ka" 2>&1 <<'PY'
import json, math, sys
from fractions import Fraction as F
c, s = json.load(open(sys.argv[1])), F(sys.argv[2])
q = c["quantities"]; bad = []
if c["verdict"] != "PROVED" or "paper_construction" not in c["witnesses"]: bad.append("verdict/construction")
if F(q["margin_min"]["exact"]["a"]) != 0: bad.append("margin_min != 0")
lam = -2 / (math.exp(8 * float(s) ** 2) + 1)
m = (float.fromhex(q["lambda"]["lo"]) + float.fromhex(q["lambda"]["hi"])) / 2
if abs(m - lam) > 1e-12 * abs(lam): bad.append("lambda %r vs hand %r" % (m, lam))
print("; ".join(bad) if bad else "ok")
PY
if [ "$(cat "$T/ka")" = ok ]; then ok "tied point: q_min = 0 exactly, lambda = -2/(e^{8s^2}+1), the paper's construction certified"; else not_ok "tied point: $(cat "$T/ka")"; fi

for bad in '{"kind":"ulpm-pairing/1","K":5,"C":"1"}' '{"kind":"ulpm-pairing/1","K":4,"C":"0"}' \
           '{"kind":"ulpm-pairing/1","K":4,"C":"one"}' '{"kind":"ulpm-pairing/1","K":4,"C":"1","d":4}' \
           '{"kind":"nc/1","K":4,"n":2,"d":4}'; do
    expect 2 "nccert refuses $bad" "$NCCERT" certify $CLAIM -q --instance-json "$bad" -o "$T/bad.json"
done
[ ! -e "$T/bad.json" ] && ok "no certificate written for bad instances" || not_ok "a certificate was written for a bad instance"

tap_done
