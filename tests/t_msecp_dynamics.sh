#!/bin/sh
# t_msecp_dynamics.sh: msecp.dynamics end to end (proofs/derivations/msecp-dynamics.md).
# Known answers computed here independently (python, exact Fractions / float bisection):
# - aligned points: M = diag(w_0..w_{C-2}, 0) with w_j = (8 + (x >> 60))/8 from an independent
#   splitmix64; then tr K = sum w^2, the Lemma 5 trace gap = sum 2 w^4/(n (C+w^2)^2) and
#   Lemma 4's diagonal sum = -2 sum w^2/(n (C+w^2)^2); derived and orthogonal law gaps 0.
# - msecp-ode/1: identity gaps 0, 0 and C^2 N^2 + N^2 (w F_b' - CN(C + w^2) = CN w^2 + N w^4);
#   omega(t) of both closed forms by float bisection (agreement to 1e-9 with the certificate).
# Random seeds (NCCERT_TEST_SEED, printed). Tampered certificates rejected; bad instances refused.

. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup msecpd nccert nccheck python3
ID=msecp.dynamics

SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"
pt() { echo "{\"kind\":\"msecp-point/1\",\"part\":\"$1\",\"C\":$2,\"N\":$3,\"seed\":\"$4\",\"between\":\"$5\"}"; }
ode() { echo "{\"kind\":\"msecp-ode/1\",\"part\":\"$1\",\"C\":$2,\"N\":$3,\"omega0\":\"$4\",\"t\":\"$5\"}"; }

# ---- t = 0, aligned C = 4, N = 4 (exact known answers)
check "$(certify l5 "$(pt t0-lemma5 4 4 "$SEED" aligned)")" 1 "t0-lemma5 aligned C=4: exit 1 (REFUTED)"
want=$(python3 -c "$SPLITMIX64_PY"'
s = int(sys.argv[1])
C, n = 4, 16
for _ in range(3): nx()               # Givens rotations r = 0, 2, then 1
w = [F(8 + (nx() >> 60), 8) for _ in range(C - 1)]
fr = lambda f: str(f.numerator) if f.denominator == 1 else "%d/%d" % (f.numerator, f.denominator)
trK = sum(x * x for x in w)
gap = sum(2 * x**4 / (n * (C + x * x)**2) for x in w)
l4 = sum(-2 * x * x / (n * (C + x * x)**2) for x in w)
print("/".join(["0", "0", "0", fr(trK), "0", "0", fr(gap), fr(gap), fr(l4), "REFUTED"]))' "$SEED")
check "$(field "$T/l5.json" membership_gap gradient_gap defined_tangent_gap trace_K derived_law_gap orth_law_gap \
    lemma5_trace_gap lemma5_gap_formula lemma4_normal_trace verdict)" "$want" "aligned C=4: every t0 quantity as computed by hand"
check "$(certify l4 "$(pt t0-lemma4 4 4 "$SEED" aligned)")" 1 "t0-lemma4 aligned: exit 1 (REFUTED)"
check "$(certify dv "$(pt t0-derived 10 2 "$SEED" generic)")" 0 "t0-derived generic C=10: exit 0 (PROVED)"
check "$(field "$T/dv.json" gradient_gap derived_law_gap verdict)" "0/0/PROVED" "generic: G is the gradient, derived law exact"
check "$(certify ob "$(pt t0-orthogonal 5 4 "$SEED" generic)")" 0 "t0-orthogonal generic C=5: exit 0 (PROVED)"
check "$(field "$T/ob.json" orth_law_gap verdict)" "0/PROVED" "orthogonal projection: Lemma 5's law exact"
check "$(certify lg "$(pt t0-lemma5 8 2 "$SEED" generic)")" 1 "t0-lemma5 generic C=8: exit 1 (REFUTED)"
check "$(python3 -c 'import json,sys
q = json.load(open(sys.argv[1]))["quantities"]
print(q["lemma5_trace_gap"]["exact"]["a"] == q["lemma5_gap_formula"]["exact"]["a"] and not q["lemma5_trace_gap"]["exact"]["a"].startswith("-"))' "$T/lg.json")" \
    True "generic: trace gap = (2/n) tr(K^2 (CI+K)^{-2}) > 0"

# ---- msecp-ode/1 (float bisection as the independent known answer)
check "$(certify od "$(ode derived 4 4 1 400)")" 0 "ode derived C=N=4 w0=1 t=400: exit 0 (PROVED)"
check "$(certify op "$(ode prop2 4 4 1 400)")" 1 "ode prop2 C=N=4 w0=1 t=400: exit 1 (REFUTED)"
roots() {   # C N w0 t -> "wa wb"
    python3 -c 'import math,sys
C, N, w0, t = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
Fa = lambda w: C*C*N*math.log(w) + C*N/2*w*w
Fb = lambda w: C*C*N*math.log(w) + C*N*w*w + N/4*w**4
def root(F):
    T, lo, hi = F(w0) + t, w0, w0 + 1
    while F(hi) < T: hi *= 2
    for _ in range(200):
        m = (lo + hi) / 2
        lo, hi = (m, hi) if F(m) < T else (lo, m)
    return lo
print(root(Fa), root(Fb))' "$@"
}
close() {   # FILE QUANTITY VALUE
    python3 -c 'import json,sys
q = json.load(open(sys.argv[1]))["quantities"][sys.argv[2]]
lo, hi, v = float.fromhex(q["lo"]), float.fromhex(q["hi"]), float(sys.argv[3])
print(abs(lo - v) <= 1e-9 * v and abs(hi - v) <= 1e-9 * v)' "$@"
}
set -- $(roots 4 4 1 400)
check "$(close "$T/op.json" omega_derived "$1")/$(close "$T/op.json" omega_prop2 "$2")" True/True \
    "C=N=4 t=400: omega_derived ~ $1, omega_prop2 ~ $2"
RC=$(( (SEED % 50) + 2 )); RN=$(( (SEED / 50) % 9 + 1 )); RT=$(( SEED % 997 + 1 ))
check "$(certify orr "$(ode prop2 $RC $RN 3/4 $RT)")" 1 "ode prop2 random C=$RC N=$RN w0=3/4 t=$RT: REFUTED"
check "$(field "$T/orr.json" derived_identity_gap prop2_identity_gap prop2_vs_derived_gap)" \
    "0/0/$((RC * RC * RN * RN + RN * RN))" "identity gaps 0, 0, C^2 N^2 + N^2"
set -- $(roots $RC $RN 0.75 $RT)
check "$(close "$T/orr.json" omega_derived "$1")/$(close "$T/orr.json" omega_prop2 "$2")" True/True "random ODE roots agree with bisection"
for f in l5 l4 dv ob lg od op orr; do
    "$NCCHECK" "$T/$f.json" >/dev/null 2>&1
    check "$?" 0 "nccheck accepts $f"
done

# ---- tampering (1: claim does not follow; 2: malformed)
tampered() {   # SRC NAME PYTHON-EXPR-ON-c WANT-EXIT
    cert_mutate "$T/$1.json" "$T/t_$2.json" "$3" || return
    "$NCCHECK" "$T/t_$2.json" >/dev/null 2>&1
    check "$?" "$4" "tampered $2 rejected with exit $4"
}
tampered lg verdict 'c["verdict"] = "PROVED"' 1
tampered lg assertion 'c["assertion"] = "the flow setup fails on this instance"' 1
tampered lg assertion_unknown 'c["assertion"] = "whatever"' 2
tampered lg exact 'c["quantities"]["trace_K"]["exact"]["a"] = "1"' 1
tampered lg hi 'c["quantities"]["lemma5_trace_gap"]["lo"] = "0x1p+20"; c["quantities"]["lemma5_trace_gap"]["hi"] = "0x1p+21"' 1
tampered lg seed 'c["instance"]["seed"] = str(int(c["instance"]["seed"]) + 1)' 1
tampered lg part 'c["instance"]["part"] = "t0-orthogonal"' 1
tampered lg C 'c["instance"]["C"] = 3' 2
tampered lg extra 'c["witnesses"]["k"] = 1' 2
tampered op verdict_ode 'c["verdict"] = "PROVED"' 1
tampered op lo_ode 'q = c["quantities"]["omega_derived"]; q["lo"] = q["hi"]' 1
tampered op hi_ode 'q = c["quantities"]["omega_prop2"]; q["hi"] = q["lo"]' 1
tampered op gap_ode 'q = c["quantities"]["omega_gap"]; q["lo"] = "0x1.5p+1"' 1
tampered op ratio_ode 'c["quantities"]["cor1_ratio_sq"]["hi"] = c["quantities"]["cor1_ratio_sq"]["lo"]' 1
tampered op t_ode 'c["instance"]["t"] = "401"' 1
tampered op id_ode 'c["quantities"]["prop2_vs_derived_gap"]["exact"]["a"] = "0"' 1
tampered op part_ode 'c["instance"]["part"] = "derived"' 1
tampered op key_ode 'c["instance"]["extra"] = "1"' 2

# ---- bad instances
bad() {
    "$NCCERT" certify $ID --instance-json "$1" -q -o "$T/bad.json" 2>/dev/null
    check "$?" 2 "bad instance $1 refused with exit 2"
}
bad "$(pt t0-lemma5 4 4 1 none)"
bad "$(pt projection 4 4 1 generic)"
bad "$(pt t0-lemma5 3 2 1 generic)"
bad "$(ode derived 4 4 0 1)"
bad "$(ode derived 4 4 1 -1)"
bad "$(ode derived 1 4 1 1)"
bad "$(ode sideways 4 4 1 1)"
bad '{"kind":"msecp-ode/1","part":"prop2","C":4,"N":4,"omega0":"1","t":"1","x":1}'
check "$([ -e "$T/bad.json" ] && echo yes || echo no)" no "no certificate written for bad instances"
tap_done
