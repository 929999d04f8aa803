#!/bin/sh
# t_ulpm_printed.sh: claim ulpm.printed (specs/claims/ulpm.printed.md). Known answers worked
# out by hand in proofs/derivations/ulpm-printed.md (exact values, written here as literals or
# recomputed with python fractions, never taken from nccert), a randomised Def. 2.1 case
# (rational orthogonal Q by the Cayley transform of a random skew matrix; seed printed, from
# NCCERT_TEST_SEED when set), tampered certificates rejected by nccheck with the right exit
# status, and bad instances refused by nccert with exit 2.

. "$(dirname "$0")/tap.sh"
tap_setup printed nccert nccheck python3
CLAIM=ulpm.printed
SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"

check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

cert() {   # NAME JSON-of-instance-fields (kind added)
    "$NCCERT" certify $CLAIM --instance-json "{\"kind\":\"ulpm-printed/1\",$2}" -o "$T/$1.json" >/dev/null 2>"$T/$1.err"
}
# q FILE QUANTITY: "a b m" of its exact value; v FILE: verdict; hold FILE QUANTITY X: lo <= X <= hi
q() { python3 -c "import json,sys;e=json.load(open(sys.argv[1]))['quantities'][sys.argv[2]]['exact'];print(e['a'],e.get('b','0'),e.get('m',1))" "$T/$1.json" "$2"; }
v() { sed -n 's/^  "verdict": "\([A-Z]*\)".*/\1/p' "$T/$1.json"; }
hold() { python3 - "$T/$1.json" "$2" "$3" <<'PY'
import json, sys
from fractions import Fraction as F
e = json.load(open(sys.argv[1]))['quantities'][sys.argv[2]]
x = F(sys.argv[3])
lo, hi = F(float.fromhex(e['lo'])), F(float.fromhex(e['hi']))
sys.exit(0 if lo - abs(x) * F(1, 10**12) <= x <= hi + abs(x) * F(1, 10**12) else 1)
PY
}
accepted() { "$NCCHECK" "$T/$1.json" >/dev/null 2>&1; }

# ---------------------------------------------------------------- known answers (by hand)
cert rot90 '"part":"def21-symmetric","Q":[["0","-1"],["1","0"]]'
check "def21 K=2, 90-degree rotation: REFUTED, accepted" '[ "$(v rot90)" = REFUTED ] && accepted rot90'
check "def21 rotation: M_01 = -sqrt(2)/2, M_10 = sqrt(2)/2 (Q P = [[1/2,-1/2],[1/2,-1/2]])" \
    '[ "$(q rot90 m_ij)" = "0 -1/2 2" ] && [ "$(q rot90 m_ji)" = "0 1/2 2" ]'
cert swap '"part":"def21-symmetric","Q":[["0","1"],["1","0"]]'
check "def21 K=2 swap (symmetric, commutes with P): PROVED, accepted" '[ "$(v swap)" = PROVED ] && accepted swap'
cert nc4 '"part":"nc4","W":[["2/3","-1/3","-1/3"],["-1/3","2/3","-1/3"],["-1/3","-1/3","2/3"]],"C":"1","h":["2/3","-1/3","-1/3"]'
check "nc4 h = hbar_0: REFUTED; printed class at distance^2 ||w_0 - w_1||^2 = 2, nearest at 0" \
    '[ "$(v nc4)" = REFUTED ] && [ "$(q nc4 dist_sq_printed)" = "2 0 1" ] && [ "$(q nc4 dist_sq_nearest)" = "0 0 1" ] && accepted nc4'
cert e64 '"part":"eq64-index","K":2,"n":1'
check "eq64 K=2 n=1: printed column 3 > nK = 2, class-major 2: REFUTED" \
    '[ "$(v e64)" = REFUTED ] && [ "$(q e64 column_printed)" = "3 0 1" ] && [ "$(q e64 column_derived)" = "2 0 1" ] && [ "$(q e64 columns)" = "2 0 1" ] && accepted e64'
cert e64eq '"part":"eq64-index","K":3,"n":3'
check "eq64 K = n = 3: PROVED" '[ "$(v e64eq)" = PROVED ] && accepted e64eq'
cert e55 '"part":"eq55-endpoint","C":"1","a":"-1"'
check "eq55 a = -1: W'(-1)_00 = 0 != W_00 = 1: REFUTED" \
    '[ "$(v e55)" = REFUTED ] && [ "$(q e55 curve_entry)" = "0 0 1" ] && [ "$(q e55 W_entry)" = "1 0 1" ] && accepted e55'
cert e55h '"part":"eq55-endpoint","C":"1","a":"1/2"'
check "eq55 a = 1/2: W'_00 = (3/2)/sqrt(3/2) = sqrt(6)/2" '[ "$(v e55h)" = REFUTED ] && [ "$(q e55h curve_entry)" = "0 1/2 6" ] && accepted e55h'
cert e55z '"part":"eq55-endpoint","C":"3","a":"0"'
check "eq55 a = 0: W'(0) = W, PROVED" '[ "$(v e55z)" = PROVED ] && accepted e55z'
cert e58 '"part":"eq58","a":"1/3"'
check "eq58 a = 1/3: A' = 16a/D^2 = 432/121, 2B' = -432/121 both ways, PROVED" \
    '[ "$(v e58)" = PROVED ] && [ "$(q e58 coef_exp1_derived)" = "432/121 0 1" ] && [ "$(q e58 coef_exp2_printed)" = "-432/121 0 1" ] && accepted e58'
F58=$(python3 -c "import math;a=1/3;D=1+2*a*a;print(16*a/D**2*(math.exp((4*a*a-2)/D)-math.exp(-4*a*a/D)))")
check "eq58 a = 1/3: f'(a) = (432/121)(e^{-14/11} - e^{-4/11}) inside both enclosures" 'hold e58 fprime_printed "$F58" && hold e58 fprime_derived "$F58"'
cert e12 '"part":"eq12","K":3,"n":4,"lhs":"hh","const":"2"'
check "eq12 hh, K=3, n=4: h.h = -1/12, printed -4/(12 sqrt 4) = -1/6: REFUTED" \
    '[ "$(v e12)" = REFUTED ] && [ "$(q e12 lhs_value)" = "-1/12 0 1" ] && [ "$(q e12 printed_value)" = "0 -1/12 4" ] && accepted e12'
cert e12w '"part":"eq12","K":3,"n":4,"lhs":"wh","const":"2"'
check "eq12 wh, K=3, n=4: w.h = -1/6 = printed: PROVED" '[ "$(v e12w)" = PROVED ] && accepted e12w'
EX='[["1","-1","0","0"],["-1","1","0","0"],["0","0","1","-1"],["0","0","-1","1"]]'
cert gb "\"part\":\"gbound\",\"point\":{\"K\":4,\"n\":1,\"d\":4,\"W\":$EX,\"H\":$EX}"
check "gbound Example 3.1, C=1: max ||grad s||^2 = 2*2 + 8 = 12 <= 64, rho^2 = 16: PROVED" \
    '[ "$(v gb)" = PROVED ] && [ "$(q gb g_sq_max)" = "12 0 1" ] && [ "$(q gb rho_sq)" = "16 0 1" ] && [ "$(q gb bound_sq_printed)" = "64 0 1" ] && accepted gb'
cert fl '"part":"gradient-flow","point":{"K":2,"n":1,"d":1,"W":[["1"],["-1"]],"H":[["1","-1"]]}'
FL=$(python3 -c "import math;print(16/(1+math.e**2)**2)")
check "flow K=2 n=1 d=1: dL/dt = 16/(1+e^2)^2 > 0 along the printed flow: REFUTED" 'hold fl dL_dt_printed "$FL" && [ "$(v fl)" = REFUTED ] && accepted fl'
cert t67 '"part":"eq67-tangent","point":{"K":2,"n":1,"d":1,"W":[["1"],["0"]],"H":[["1","0"]]}'
check "eq67 hand point: <grad L, v> = -G[0][1] = -1/2, <theta, v> = 0: REFUTED" 'hold t67 grad_dot_v -0.5 && [ "$(v t67)" = REFUTED ] && accepted t67'

# ---------------------------------------------------------------- randomised Def. 2.1
python3 - "$SEED" > "$T/rand.txt" <<'PY'
import sys, random, json
from fractions import Fraction as F
rng = random.Random(int(sys.argv[1]))
K = rng.randint(2, 6)
S = [[F(0)] * K for _ in range(K)]
for i in range(K):
    for j in range(i + 1, K):
        S[i][j] = F(rng.randint(-3, 3), rng.randint(1, 3)); S[j][i] = -S[i][j]
def inv(A):
    n = len(A); M = [row[:] + [F(int(i == j)) for j in range(n)] for i, row in enumerate(A)]
    for c in range(n):
        p = next(r for r in range(c, n) if M[r][c] != 0); M[c], M[p] = M[p], M[c]
        M[c] = [x / M[c][c] for x in M[c]]
        for r in range(n):
            if r != c and M[r][c] != 0: M[r] = [a - M[r][c] * b for a, b in zip(M[r], M[c])]
    return [row[n:] for row in M]
I = [[F(int(i == j)) for j in range(K)] for i in range(K)]
A = [[I[i][j] - S[i][j] for j in range(K)] for i in range(K)]
B = inv([[I[i][j] + S[i][j] for j in range(K)] for i in range(K)])
Q = [[sum(A[i][l] * B[l][j] for l in range(K)) for j in range(K)] for i in range(K)]
P = [[sum(Q[i][l] * (I[l][j] - F(1, K)) for l in range(K)) for j in range(K)] for i in range(K)]
sym = all(P[i][j] == P[j][i] for i in range(K) for j in range(K))
print(json.dumps([[str(x) for x in r] for r in Q], separators=(",", ":")), "PROVED" if sym else "REFUTED", K)
PY
read -r RQ RV RK < "$T/rand.txt"
cert rnd "\"part\":\"def21-symmetric\",\"Q\":$RQ"
check "random rational orthogonal Q (Cayley, K=$RK): verdict $RV (python fractions), accepted" '[ "$(v rnd)" = "$RV" ] && accepted rnd'

# ---------------------------------------------------------------- tampering
# one python run writes every mutant m_NAME.json (NAME SRC EXIT STATEMENT per line), then nccheck
cat > "$T/muts.txt" <<'MUTS'
verdict	rot90	1	c["verdict"] = "PROVED"
assertion	rot90	1	c["assertion"] = "M is symmetric"
assertion-unknown	rot90	2	c["assertion"] = "M is orthogonal"
witness-same	rot90	2	c["witnesses"]["j"] = c["witnesses"]["i"]
exact	rot90	1	c["quantities"]["m_ij"]["exact"]["b"] = "1/2"
hi	rot90	1	c["quantities"]["m_ji"]["hi"] = "0x1p-2"
lo	nc4	1	c["quantities"]["dist_sq_printed"]["lo"] = "0x1.8p+1"
nc4-witness	nc4	1	c["witnesses"]["printed"] = 0
nc4-h	nc4	1	c["instance"]["h"] = ["0", "0", "0"]
eq64-n	e64	1	c["instance"]["n"] = 2
eq55-a	e55	1	c["instance"]["a"] = "0"
eq58-a	e58	1	c["instance"]["a"] = "1/4"
eq58-value	e58	1	c["quantities"]["fprime_printed"]["lo"] = "0x1p+0"; c["quantities"]["fprime_printed"]["hi"] = "0x1p+1"; c["quantities"]["fprime_printed"]["decimal"] = "[1.5 +/- 0.5]"
eq12-const	e12	1	c["instance"]["const"] = "4"
gbound-point	gb	1	c["instance"]["point"]["W"][0][0] = "2"
flow-prec	fl	2	c["witnesses"]["precision_bits"] = 10
flow-sign	fl	1	q = c["quantities"]["dL_dt_printed"]; q["lo"], q["hi"] = "-" + q["hi"], "-" + q["lo"]; q["decimal"] = "[-0.227 +/- 0.001]"
eq67-q	t67	1	c["witnesses"]["q"] = 1
extra-key	e64	2	c["witnesses"]["extra"] = 1
part	e64	2	c["instance"]["part"] = "eq65"
inconclusive	e58	1	c["verdict"] = "INCONCLUSIVE"; c["assertion"] = "none"
MUTS
python3 - "$T" <<'PY'
import json, sys
d = sys.argv[1]
for line in open(d + "/muts.txt"):
    name, src, _, stmt = line.rstrip("\n").split("\t")
    c = json.load(open(f"{d}/{src}.json"))
    exec(stmt)
    json.dump(c, open(f"{d}/m_{name}.json", "w"), indent=2)
PY
TAB=$(printf '\t')
while IFS="$TAB" read -r name src want stmt; do
    "$NCCHECK" "$T/m_$name.json" >/dev/null 2>&1
    rc=$?
    if [ $rc -eq "$want" ]; then ok "tampered $name: nccheck exit $want"; else not_ok "tampered $name: nccheck exit $rc, want $want"; fi
done < "$T/muts.txt"

# ---------------------------------------------------------------- bad instances: exit 2
bad() {
    "$NCCERT" certify $CLAIM --instance-json "$2" -o "$T/bad.json" >/dev/null 2>&1
    rc=$?
    if [ $rc -eq 2 ] && [ ! -e "$T/bad.json" ]; then ok "bad instance refused: $1"; else not_ok "bad instance $1: exit $rc"; fi
    rm -f "$T/bad.json"
}
bad "Q not orthogonal" '{"kind":"ulpm-printed/1","part":"def21-symmetric","Q":[["1","1"],["0","1"]]}'
bad "unknown part" '{"kind":"ulpm-printed/1","part":"eq99"}'
bad "wrong kind" '{"kind":"nc/1","part":"eq58","a":"1"}'
bad "missing a" '{"kind":"ulpm-printed/1","part":"eq58"}'
bad "extra key" '{"kind":"ulpm-printed/1","part":"eq64-index","K":2,"n":1,"x":1}'
bad "C = 0 in nc4" '{"kind":"ulpm-printed/1","part":"nc4","W":[["1"],["-1"]],"C":"0","h":["1"]}'
bad "eq12 lhs" '{"kind":"ulpm-printed/1","part":"eq12","K":3,"n":2,"lhs":"ww","const":"2"}'
bad "gbound point K=1" '{"kind":"ulpm-printed/1","part":"gbound","point":{"kind":"nc/1","K":1,"n":1,"d":1}}'
bad "eq55 a not a number" '{"kind":"ulpm-printed/1","part":"eq55-endpoint","C":"1","a":"x"}'
tap_done
