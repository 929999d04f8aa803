#!/bin/sh
# t_msecp_manifold.sh: msecp.manifold end to end (proofs/derivations/msecp-manifold.md).
# Known answers: every structural gap is exactly 0 (membership, surjectivity of dF_X, Pi(Z)
# tangent, Pi idempotent, P(Z) tangent and Z - P(Z) normal) by the algebra of the derivation;
# between_frob2 = ||X_b||_F^2 = N ||M||_F^2, for "aligned" points N * omega_0^2 with omega_0 =
# (8 + (x >> 60))/8 recomputed here with an independent splitmix64 (python); "none" points are
# PROVED, points with class means REFUTED. Random seeds (NCCERT_TEST_SEED, printed). Tampered
# certificates rejected; bad instances refused with exit 2.

. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup msecpm nccert nccheck python3
ID=msecp.manifold

SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"
pt() { echo "{\"kind\":\"msecp-point/1\",\"part\":\"projection\",\"C\":$1,\"N\":$2,\"seed\":\"$3\",\"between\":\"$4\"}"; }
GAPS="membership_gap surjectivity_gap pi_tangent_gap pi_idempotence_gap orth_tangent_gap orth_normal_inner"

# ---- known answers
check "$(certify a "$(pt 2 2 "$SEED" aligned)")" 1 "C=2 N=2 aligned: exit 1 (REFUTED)"
check "$(field "$T/a.json" $GAPS verdict)" "0/0/0/0/0/0/REFUTED" "C=2 N=2 aligned: structural gaps 0, REFUTED"
want=$(python3 -c "$SPLITMIX64_PY"'
s = int(sys.argv[1])
nx()                      # the one Givens rotation of C = 2
w = F(8 + (nx() >> 60), 8)
f = 2 * w * w             # N * omega_0^2
print(f.numerator if f.denominator == 1 else "%d/%d" % (f.numerator, f.denominator))' "$SEED")
check "$(field "$T/a.json" between_frob2)" "$want" "C=2 N=2 aligned: between_frob2 = N omega_0^2 = $want"
check "$(certify z "$(pt 4 4 "$SEED" none)")" 0 "C=4 N=4 none: exit 0 (PROVED)"
check "$(field "$T/z.json" between_frob2 pi_orth_inner pi_minus_orth_frob2 verdict)" "0/0/0/PROVED" \
    "no class means: Pi equals the orthogonal projection"
check "$(certify g "$(pt 10 2 "$SEED" generic)")" 1 "C=10 N=2 generic: exit 1 (REFUTED)"
check "$(field "$T/g.json" $GAPS)" "0/0/0/0/0/0" "C=10 N=2 generic: structural gaps 0"
for f in a z g; do
    "$NCCHECK" "$T/$f.json" >/dev/null 2>&1
    check "$?" 0 "nccheck accepts $f"
done

# ---- tampering (1: claim does not follow; 2: malformed)
tampered() {   # NAME PYTHON-EXPR-ON-c WANT-EXIT (on g)
    cert_mutate "$T/g.json" "$T/t_$1.json" "$2" || return
    "$NCCHECK" "$T/t_$1.json" >/dev/null 2>&1
    check "$?" "$3" "tampered $1 rejected with exit $3"
}
tampered verdict 'c["verdict"] = "PROVED"' 1
tampered assertion 'c["assertion"] = "Pi is the orthogonal projection onto T_X (X has no between-class part: X P_w = X)"' 1
tampered assertion_unknown 'c["assertion"] = "whatever"' 2
tampered lo 'c["quantities"]["pi_orth_inner"]["lo"] = "0x1p+20"; c["quantities"]["pi_orth_inner"]["hi"] = "0x1p+21"' 1
tampered exact 'c["quantities"]["between_frob2"]["exact"]["a"] = "1"' 1
tampered seed 'c["instance"]["seed"] = str(int(c["instance"]["seed"]) + 1)' 1
tampered C 'c["instance"]["C"] = 3' 2
tampered extra 'c["witnesses"]["k"] = 1' 2

# ---- bad instances
for bad in '"C":3,"N":2' '"C":6,"N":4' '"C":4,"N":3' '"C":1,"N":2'; do
    "$NCCERT" certify $ID --instance-json "{\"kind\":\"msecp-point/1\",\"part\":\"projection\",$bad,\"seed\":\"1\",\"between\":\"none\"}" -q -o "$T/bad.json" 2>/dev/null
    check "$?" 2 "bad instance {$bad} refused with exit 2"
done
"$NCCERT" certify $ID --instance-json "$(pt 4 4 1 sideways)" -q -o "$T/bad.json" 2>/dev/null
check "$?" 2 "unknown between refused with exit 2"
check "$([ -e "$T/bad.json" ] && echo yes || echo no)" no "no certificate written for bad instances"
tap_done
