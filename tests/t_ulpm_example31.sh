#!/bin/sh
# t_ulpm_example31.sh: ulpm.example-3.1 end to end. nccert certifies each part (given C and
# boxes of C); nccheck accepts them with the verdicts the derivation predicts
# (proofs/derivations/ulpm-example-3.1.md: PROVED for separation, parallel, curve55, kkt with
# sqrt2; REFUTED for eq9, family10, kkt with 2sqrt2 / none). Then single mutations (python3,
# stdlib) must be rejected with exit 1 (claim does not follow) or 2 (malformed), and bad
# instances must be refused by nccert with exit 2. The random C comes from NCCERT_TEST_SEED.

. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup ex31 nccert nccheck python3
CLAIM=ulpm.example-3.1
SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"
RC=$(( (SEED % 255) + 1 ))/64     # a random C in (0, 4]

cert() {   # NAME EXPECTED-VERDICT JSON
    "$NCCERT" certify $CLAIM --instance-json "$3" -q -o "$T/$1.json" 2>"$T/err"
    v=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["verdict"])' "$T/$1.json" 2>/dev/null)
    "$NCCHECK" "$T/$1.json" >/dev/null 2>&1
    rc=$?
    if [ "$v" = "$2" ] && [ $rc -eq 0 ]; then ok "$1: $2, accepted"; else not_ok "$1: verdict '$v' (want $2), nccheck exit $rc"; fi
}
G() { echo "{\"kind\":\"example-3.1/1\",\"C\":\"$1\",\"part\":\"$2\"}"; }
B() { echo "{\"kind\":\"example-3.1-box/1\",\"C_lo\":\"$1\",\"C_hi\":\"$2\",\"part\":\"$3\"}"; }
cert sep    PROVED  "$(G 1 separation)"
cert sepr   PROVED  "$(G "$RC" separation)"
cert par    PROVED  "$(G 1/2 parallel)"
cert parr   PROVED  "$(G "$RC" parallel)"
cert eq9    REFUTED "$(G 2 eq9)"
cert eq9r   REFUTED "$(G "$RC" eq9)"
cert c55    PROVED  "$(G 1 curve55)"
cert c55r   PROVED  "$(G "$RC" curve55)"
cert f10    REFUTED "$(G 1 family10)"
cert f10r   REFUTED "$(G "$RC" family10)"
cert kkt    PROVED  '{"kind":"example-3.1/1","C":"1","part":"kkt","normalisation":"sqrt2"}'
cert kkt2   REFUTED '{"kind":"example-3.1/1","C":"1","part":"kkt","normalisation":"2sqrt2"}'
cert kktn   REFUTED '{"kind":"example-3.1/1","C":"3/4","part":"kkt","normalisation":"none"}'
cert eq9b   REFUTED "$(B 1/10 1 eq9)"
cert f10b   REFUTED "$(B 1/2 2 family10)"
cert c55b   PROVED  "$(B 1/4 3 curve55)"
cert parb   PROVED  "$(B 1/4 3 parallel)"

# mutate NAME CODE DESCRIPTION PYTHON-STATEMENT (on dict c)
mutate() {
    cert_mutate "$T/$1.json" "$T/mut.json" "$4" || return
    "$NCCHECK" "$T/mut.json" >"$T/out" 2>&1
    rc=$?
    if [ $rc -eq "$2" ]; then ok "mutation rejected with $2: $3"; else not_ok "mutation '$3': exit $rc, want $2: $(cat "$T/out")"; fi
}
mutate c55 1 "loss_diff hi above 0" 'c["quantities"]["loss_diff"]["hi"]="0x1p+0"; c["quantities"]["loss_diff"]["decimal"]="[0 +/- 2]"'
mutate c55 1 "f2 lo raised to hi" 'c["quantities"]["f2"]["lo"]=c["quantities"]["f2"]["hi"]'
mutate c55 1 "witness a off the circle" 'c["witnesses"]["a"]="1/3"'
mutate c55 1 "dist_sq exact value" 'c["quantities"]["dist_sq"]["exact"]["a"]="1"'
mutate f10 1 "verdict PROVED" 'c["verdict"]="PROVED"'
mutate f10 1 "eps0 too large (k = 1)" 'c["witnesses"]["eps0_sqrt_log2"]=1'
mutate f10 1 "loss_diff interval moved" 'q=c["quantities"]["loss_diff"]; q["lo"]="0x1p+10"; q["hi"]="0x1p+11"; q["decimal"]="[1536 +/- 600]"'
mutate kkt 1 "multiplier (8) changed" 'c["witnesses"]["multipliers"][0][2]="1"'
mutate kkt 1 "assertion infeasible" 'c["assertion"]="infeasible for (5)"'
mutate kkt2 1 "normalisation sqrt2 with 2sqrt2 quantities" 'c["instance"]["normalisation"]="sqrt2"'
mutate eq9 1 "instance C changed" 'c["instance"]["C"]="3"'
mutate eq9 1 "difference hi moved above 0" 'q=c["quantities"]["difference"]; q["hi"]="0x1p-1"; q["decimal"]="[0 +/- 10]"'
mutate eq9b 1 "a leaf removed" 'del c["witnesses"]["leaves"][1]'
mutate eq9b 1 "box widened beyond the leaves" 'c["instance"]["C_hi"]="2"'
mutate f10b 1 "leaf eps0 too large" 'c["witnesses"]["leaves"][0]["eps0_sqrt_log2"]=1'
mutate par 1 "ratio changed" 'c["witnesses"]["ratios_W"][2]="1"'
mutate par 1 "mu lo/hi swapped" 'q=c["quantities"]["mu"]; q["lo"],q["hi"]=q["hi"],q["lo"]'
mutate sep 1 "witness (0,1) is not minimal" 'c["witnesses"]["j"]=1'
mutate sep 1 "assertion none, INCONCLUSIVE" 'c["assertion"]="none"; c["verdict"]="INCONCLUSIVE"'
mutate sep 2 "extra witness key" 'c["witnesses"]["x"]=1'
mutate sep 2 "unknown part" 'c["instance"]["part"]="foo"'
mutate c55 2 "quantity missing" 'del c["quantities"]["loss_d2"]'
mutate c55 2 "unparseable lo" 'c["quantities"]["f2"]["lo"]="-1.5"'

bad() {    # DESCRIPTION JSON
    "$NCCERT" certify $CLAIM --instance-json "$2" -q -o "$T/bad.json" >"$T/out" 2>&1
    rc=$?
    if [ $rc -eq 2 ] && [ ! -e "$T/bad.json" ]; then ok "bad instance refused (2): $1"; else not_ok "bad instance '$1': exit $rc"; fi
}
bad "C = 0" "$(G 0 separation)"
bad "C not a number" "$(G abc separation)"
bad "C too large" "$(G 9 eq9)"
bad "unknown part" "$(G 1 saddle)"
bad "missing part" '{"kind":"example-3.1/1","C":"1"}'
bad "box C_lo >= C_hi" "$(B 2 1 eq9)"
bad "kkt on a box" "$(B 1 2 kkt)"
bad "kkt without normalisation" "$(G 1 kkt)"
bad "normalisation outside kkt" '{"kind":"example-3.1/1","C":"1","part":"eq9","normalisation":"sqrt2"}'
bad "unknown key" '{"kind":"example-3.1/1","C":"1","part":"eq9","c":"1"}'
bad "unknown kind" '{"kind":"example-3.2/1","C":"1","part":"eq9"}'

tap_done
