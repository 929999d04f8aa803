#!/bin/sh
# t_msecp_lemma2.sh: msecp.manifold parts "lemma2", "lemma2-orth" and "observations"
# (proofs/derivations/msecp-manifold.md sections 1 and 3). Known answers computed here
# independently (python: splitmix64 of cert_helpers.sh, its own msecp-point/1 generator):
# - exact ||t Z||^2, ||X||^2, ||Z||^2, ||X_b||^2 and ||dF_X(Z) X_b||^2 / 4 (Fractions);
# - K(delta0) and e0 from the derivation's formula (floats, 1e-12 relative);
# - for C = 2 the renormalised step itself, with the closed-form 2 x 2 square root
#   sqrt(A) = (A + sqrt(det A) I) / sqrt(tr A + 2 sqrt(det A)) in floats: the certified ratio
#   intervals must contain it up to 1e-9 relative;
# - the expected lemma2-orth verdict from the exact first-order term (REFUTED iff != 0);
# - observations: every gap 0 and ||Omega||_F^2 = ||M - (M 1 / C) 1^T||_F^2.
# Random seed NCCERT_TEST_SEED (printed). Tampered certificates rejected; bad instances refused.

. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup msecpl2 nccert nccheck python3
ID=msecp.manifold

SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"
l2() { echo "{\"kind\":\"msecp-point/1\",\"part\":\"$1\",\"C\":$2,\"N\":$3,\"seed\":\"$4\",\"between\":\"$5\",\"t\":\"$6\",\"delta0\":\"$7\"}"; }
ob() { echo "{\"kind\":\"msecp-point/1\",\"part\":\"observations\",\"C\":$1,\"N\":$2,\"seed\":\"$3\",\"between\":\"$4\"}"; }

# The independent reference: python3 ref.py C N seed between t delta0 -> one line per answer.
{ printf '%s\n' "$SPLITMIX64_PY"; cat <<'EOF'; } >"$T/ref.py"
C, N, s, bw = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
t, d0 = F(sys.argv[5]), F(sys.argv[6])
n = C * N
a = max(x for x in range(C + 1) if any(x * x + y * y == C and y <= x for y in range(C + 1)))
b = math.isqrt(C - a * a)
W = [[F(0)] * n for _ in range(C)]
for r in range(C):
    if N == 4: v, c0 = [a + b, a - b, b - a, -a - b], 4 * r
    elif r % 2 == 0: v, c0 = [a, -a, b, -b], 2 * r
    else: v, c0 = [b, -b, -a, a], 2 * (r - 1)
    for i in range(4): W[r][c0 + i] = F(v[i])
def rot(r):
    x = nx(); p, q, h = [(3, 4, 5), (5, 12, 13), (8, 15, 17)][x % 3]
    c, sn = F(p, h), F(-q if (x >> 8) & 1 else q, h)
    W[r], W[r + 1] = [c * u - sn * w for u, w in zip(W[r], W[r + 1])], [sn * u + c * w for u, w in zip(W[r], W[r + 1])]
for r in range(0, C - 1, 2): rot(r)
for r in range(1, C - 1, 2): rot(r)
M = [[F(0)] * C for _ in range(C)]
if bw == "generic":
    for r in range(C):
        M[r] = [F((nx() >> 59) - 16, 8) for _ in range(C)]
        m = sum(M[r]) / C
        M[r] = [x - m for x in M[r]]
elif bw == "aligned":
    for j in range(C - 1): M[j][j] = F(8 + (nx() >> 60), 8)
X = [[W[r][k] + M[r][k // N] for k in range(n)] for r in range(C)]
Z = [[F((nx() >> 59) - 16, 8) for _ in range(n)] for _ in range(C)]
def cen(A):   # A C: class-centred, divided by n
    out = []
    for row in A:
        o = [F(0)] * n
        for c in range(C):
            m = sum(row[c * N:(c + 1) * N]) / N
            for i in range(N): o[c * N + i] = (row[c * N + i] - m) / n
        out.append(o)
    return out
def mul(A, B): return [[sum(A[i][k] * B[k][j] for k in range(len(B))) for j in range(len(B[0]))] for i in range(len(A))]
def tr(A): return [list(r) for r in zip(*A)]
def f2(A): return sum(x * x for r in A for x in r)
def sub(A, B): return [[x - y for x, y in zip(p, q)] for p, q in zip(A, B)]
def add(A, B): return [[x + y for x, y in zip(p, q)] for p, q in zip(A, B)]
def sc(c, A): return [[c * x for x in r] for r in A]
def dF(X, Z):
    S = mul(cen(X), tr(Z))
    return add(S, tr(S))
def fs(q): return str(q.numerator) if q.denominator == 1 else "%d/%d" % (q.numerator, q.denominator)
D = sc(t, Z)
Xb = sub(X, sc(F(n), cen(X)))
print(fs(f2(D)), fs(f2(X)), fs(f2(Z)), fs(f2(Xb)), fs(f2(mul(dF(X, Z), Xb)) / 4), sep="/")
# K(delta0), e0 (derivation section 3)
dd, xi = float(d0), math.sqrt(f2(X))
aa = 2 / math.sqrt(n) + dd / n
e0 = aa * dd
K = 3 / 8 * aa * aa * (1 - e0) ** -2.5 * (xi + dd) + xi / (2 * n) + aa / 2
print(repr(e0), repr(K))
# C = 2: the renormalised step in floats (closed-form 2 x 2 square root)
if C == 2:
    H1 = add(X, D)
    A = [[float(x) for x in r] for r in mul(cen(H1), tr(H1))]
    det = A[0][0] * A[1][1] - A[0][1] * A[1][0]
    sd = math.sqrt(det); den = math.sqrt(A[0][0] + A[1][1] + 2 * sd)
    R = [[(A[0][0] + sd) / den, A[0][1] / den], [A[1][0] / den, (A[1][1] + sd) / den]]   # sqrt(A)
    dr = R[0][0] * R[1][1] - R[0][1] * R[1][0]
    Ri = [[R[1][1] / dr, -R[0][1] / dr], [-R[1][0] / dr, R[0][0] / dr]]
    X1 = [[sum(Ri[i][k] * float(H1[k][j]) for k in range(2)) for j in range(n)] for i in range(2)]
    S = dF(X, D)
    Pi = sub(D, sc(F(1, 2), mul(S, X)))
    Po = sub(D, sc(F(1, 2), mul(S, sc(F(n), cen(X)))))
    step = float(f2(D))
    for P in (Pi, Po):
        r = math.sqrt(sum((X1[i][j] - float(X[i][j]) - float(P[i][j])) ** 2 for i in range(2) for j in range(n)))
        print(repr(r / step))
# observations: ||Omega||^2 = ||M - (M 1 / C) 1^T||^2
Mc = [[x - sum(r) / C for x in r] for r in M]
print(fs(f2(Mc)))
EOF
ref() { python3 "$T/ref.py" "$@"; }
# inside LO HI VALUE REL: the certified interval [lo, hi] contains VALUE up to REL relative
inside() {
    python3 -c 'import json,sys
c = json.load(open(sys.argv[1])); q = c["quantities"][sys.argv[2]]
def hx(s): return float.fromhex(s)
v, rel = float(sys.argv[3]), float(sys.argv[4])
tol = rel * max(abs(v), 1e-300)
print("yes" if hx(q["lo"]) - tol <= v <= hx(q["hi"]) + tol else "no (%s not in [%s, %s])" % (v, hx(q["lo"]), hx(q["hi"])))' "$@"
}

# ---- lemma2 (Pi), C = 2 N = 2 generic: delta0 = 3/8 >= (1/16) 2 sqrt(C n) >= ||t Z||_F
ref 2 2 "$SEED" generic 1/16 3/8 >"$T/r1" || { echo "Bail out! reference failed"; exit 1; }
check "$(certify a "$(l2 lemma2 2 2 "$SEED" generic 1/16 3/8)")" 0 "lemma2 C=2 generic: exit 0 (PROVED)"
check "$(field "$T/a.json" step_frob2 point_frob2 z_frob2 between_frob2 first_order_frob2)" "$(sed -n 1p "$T/r1")" \
    "lemma2 C=2: exact ||tZ||^2, ||X||^2, ||Z||^2, ||X_b||^2, ||dF_X(Z) X_b||^2/4 match the reference"
check "$(field "$T/a.json" membership_gap verdict)" "0/PROVED" "lemma2 C=2: on the manifold, PROVED"
e0=$(sed -n 2p "$T/r1" | cut -d' ' -f1); K=$(sed -n 2p "$T/r1" | cut -d' ' -f2)
check "$(inside "$T/a.json" e0 "$e0" 1e-12)" yes "lemma2 C=2: e0 = 2 delta0/sqrt(n) + delta0^2/n"
check "$(inside "$T/a.json" K_delta0 "$K" 1e-12)" yes "lemma2 C=2: K(delta0) of the derivation"
check "$(inside "$T/a.json" ratio_pi_upper "$(sed -n 3p "$T/r1")" 1e-9)" yes "lemma2 C=2: remainder ratio (Pi) = closed-form 2x2 value"
check "$(inside "$T/a.json" ratio_orth_lower "$(sed -n 4p "$T/r1")" 1e-9)" yes "lemma2 C=2: remainder ratio (P) = closed-form 2x2 value"
"$NCCHECK" "$T/a.json" >/dev/null 2>&1
check "$?" 0 "nccheck accepts lemma2 C=2"

# ---- lemma2-orth, same point, t = 1/1024: REFUTED iff the exact first-order term is non-zero
ref 2 2 "$SEED" generic 1/1024 3/512 >"$T/r2"
fo=$(sed -n 1p "$T/r2" | cut -d/ -f5-)
if [ "$fo" = "0" ]; then want=PROVED; wrc=0; else want=REFUTED; wrc=1; fi
check "$(certify o "$(l2 lemma2-orth 2 2 "$SEED" generic 1/1024 3/512)")" $wrc "lemma2-orth C=2 t=1/1024: exit $wrc ($want)"
check "$(field "$T/o.json" verdict)" $want "lemma2-orth C=2: verdict from the exact first-order term"
check "$(inside "$T/o.json" ratio_orth_upper "$(sed -n 4p "$T/r2")" 1e-9)" yes "lemma2-orth C=2: remainder ratio (P) = closed-form value"
"$NCCHECK" "$T/o.json" >/dev/null 2>&1
check "$?" 0 "nccheck accepts lemma2-orth C=2"

# ---- lemma2 C = 4 N = 4 aligned (delta0 = 1 >= (1/16) 2 sqrt(64)); lemma2-orth on a "none" point
ref 4 4 "$SEED" aligned 1/16 1 >"$T/r3"
check "$(certify b "$(l2 lemma2 4 4 "$SEED" aligned 1/16 1)")" 0 "lemma2 C=4 aligned: exit 0 (PROVED)"
check "$(field "$T/b.json" step_frob2 point_frob2 z_frob2 between_frob2 first_order_frob2)" "$(sed -n 1p "$T/r3")" \
    "lemma2 C=4: exact quantities match the reference"
check "$(inside "$T/b.json" K_delta0 "$(sed -n 2p "$T/r3" | cut -d' ' -f2)" 1e-12)" yes "lemma2 C=4: K(delta0)"
check "$(certify z "$(l2 lemma2-orth 4 4 "$SEED" none 1/16 1)")" 0 "lemma2-orth C=4 none: exit 0 (P = Pi, PROVED)"
check "$(field "$T/z.json" between_frob2 first_order_frob2 verdict)" "0/0/PROVED" "lemma2-orth none: X_b = 0, first-order term 0"

# ---- observations
for spec in "2 2 aligned" "4 4 generic" "5 4 none"; do
    set -- $spec
    ref "$1" "$2" "$SEED" "$3" 1 1 >"$T/ro"
    check "$(certify ob "$(ob "$1" "$2" "$SEED" "$3")")" 0 "observations C=$1 N=$2 $3: exit 0 (PROVED)"
    check "$(field "$T/ob.json" sqrt_witness_gap q_orth_gap u_orth_gap v_orth_gap centring_gap obs2_gap obs3_gap omega_frob2 verdict)" \
        "0/0/0/0/0/0/0/$(tail -n 1 "$T/ro")/PROVED" "observations C=$1: gaps 0, ||Omega||^2 = ||M_c||^2"
    "$NCCHECK" "$T/ob.json" >/dev/null 2>&1
    check "$?" 0 "nccheck accepts observations C=$1"
    cp "$T/ob.json" "$T/ob_$1.json"
done

# ---- tampering (1: claim does not follow; 2: malformed); one python run writes every file
S='c["witnesses"]["S"]'
cat >"$T/tamper.txt" <<EOF
a S00 1 $S[0][0] = str(F($S[0][0]) + F(1, 2**40))
a S_neg 1 $S = [[str(-F(x)) for x in r] for r in $S]
a S_asym 2 $S[0][1] = str(F($S[0][1]) + 1)
a S_rows 2 $S = $S[:1]
a K 1 c["quantities"]["K_delta0"]["lo"] = "0x1p-20"; c["quantities"]["K_delta0"]["hi"] = "0x1p-19"
a ratio 1 c["quantities"]["ratio_pi_upper"]["hi"] = c["quantities"]["ratio_pi_upper"]["lo"]
a verdict 1 c["verdict"] = "REFUTED"
a assertion 1 c["assertion"] = "the renormalised step violates the derived bound K(delta0) ||dX||_F^2"
a assertion_unknown 2 c["assertion"] = "whatever"
a t 1 c["instance"]["t"] = "1/32"
a delta0_range 2 c["instance"]["delta0"] = "1"
a step 1 c["quantities"]["step_frob2"]["exact"]["a"] = "1"
a extra 2 c["witnesses"]["k"] = 1
o verdict_orth 1 c["verdict"] = "PROVED" if c["verdict"] == "REFUTED" else "REFUTED"
ob_4 omega 1 q = c["quantities"]["omega_frob2"]; q["exact"]["a"] = "7"; q["lo"] = q["hi"] = "0x1.cp+2"; q["decimal"] = "7"
ob_4 obs_verdict 1 c["verdict"] = "REFUTED"
ob_4 obs_seed 1 c["instance"]["seed"] = str(int(c["instance"]["seed"]) + 1)
ob_4 obs_witness 2 c["witnesses"]["S"] = []
EOF
python3 -c 'import json,sys
from fractions import Fraction as F
d = sys.argv[1]
for line in open(d + "/tamper.txt"):
    src, name, want, expr = line.rstrip("\n").split(" ", 3)
    c = json.load(open("%s/%s.json" % (d, src)))
    exec(expr)
    json.dump(c, open("%s/t_%s.%s.json" % (d, name, want), "w"), indent=2)' "$T"
while read -r src name want expr; do
    "$NCCHECK" "$T/t_$name.$want.json" >/dev/null 2>&1
    check "$?" "$want" "tampered $name rejected with exit $want"
done <"$T/tamper.txt"

# ---- bad instances (exit 2, no certificate)
bad() {
    "$NCCERT" certify $ID --instance-json "$1" -q -o "$T/bad.json" 2>/dev/null
    check "$?" 2 "bad instance refused with exit 2: $2"
}
bad "$(l2 lemma2 2 2 1 generic 0 3/8)" "t = 0"
bad "$(l2 lemma2 2 2 1 generic 2 3/8)" "|t| > 1"
bad "$(l2 lemma2 2 2 1 generic 1/16 1/1000)" "delta0 < ||t Z||_F"
bad "$(l2 lemma2 2 2 1 generic 1/16 1)" "e0 >= 1"
bad "$(l2 lemma2 2 2 1 generic x 3/8)" "t not a rational"
bad '{"kind":"msecp-point/1","part":"lemma2","C":2,"N":2,"seed":"1","between":"none","t":"1/16"}' "delta0 missing"
bad '{"kind":"msecp-point/1","part":"observations","C":2,"N":2,"seed":"1","between":"none","t":"1/16"}' "t on observations"
bad '{"kind":"msecp-point/1","part":"lemma3","C":2,"N":2,"seed":"1","between":"none"}' "unknown part"
check "$([ -e "$T/bad.json" ] && echo yes || echo no)" no "no certificate written for bad instances"
tap_done
