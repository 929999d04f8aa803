#!/bin/sh
# t_msecp_identities.sh: msecp.identities end to end. Known answers computed by hand
# (proofs/derivations/msecp-identities.md, section 8): C=2, N=1, p=1, H = [0 1], lambda = 1/2
# (printed Proposition 1 residual 125/36, L_LS = 1/4, L_NC1 = 1/10, L_NC2/3 = 3/20) and C=2,
# N=2, p=1, H = [1 3 -1 -3], lambda = 0 (omega^2 = 8: L_LS = 1/20, L_NC1 = 1/25,
# L_NC2/3 = 1/100). Random msecp-random/1 instances (seed from NCCERT_TEST_SEED, printed) for
# every identity, accepted by nccheck with the verdict the mathematics gives. Tampered
# certificates rejected (1: the claim does not follow; 2: malformed); bad instances refused
# by nccert with exit 2.

. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup msecp nccert nccheck python3
ID=msecp.identities

SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"

# ------------------------------------------------------------------ known answers
K1='"kind":"msecp/1","C":2,"N":1,"p":1,"lambda":"1/2","H":[["0","1"]],"W":[["1"],["-1"]],"b":["0","0"]'
check "$(certify p1 "{$K1,\"identity\":\"prop1\"}")" 1 "K1 prop1: nccert exit 1 (REFUTED)"
check "$(field "$T/p1.json" residual14_frob2 verdict)" "125/36/REFUTED" "K1 prop1: ||(14) at the printed W~_LS||^2 = 125/36, REFUTED"
check "$(certify p1c "{$K1,\"identity\":\"prop1-corrected\"}")" 0 "K1 prop1-corrected: exit 0"
check "$(field "$T/p1c.json" L_LS)" "1/4" "K1: L_LS = 1/4"
certify t2 "{$K1,\"identity\":\"theorem2\"}" >/dev/null
check "$(field "$T/t2.json" L_NC1 L_NC23 gap)" "1/10/3/20/0" \
    "K1 theorem2: L_NC1 = 1/10, L_NC2/3 = 3/20, gap 0"
K2='"kind":"msecp/1","C":2,"N":2,"p":1,"lambda":"0","H":[["1","3","-1","-3"]],"W":[["0"],["0"]],"b":["0","0"]'
check "$(certify l1 "{$K2,\"identity\":\"lemma1\"}")" 0 "K2 lemma1: exit 0 (PROVED)"
check "$(field "$T/l1.json" spec_L spec_NC1 spec_NC23)" "1/20/1/25/1/100" \
    "K2 lemma1: spectral forms 1/20, 1/25, 1/100 (omega^2 = 8)"
check "$(field "$T/l1.json" L_LS)" "1/20" "K2: L_LS from the definition = 1/20"
for f in p1 p1c t2 l1; do
    "$NCCHECK" "$T/$f.json" >/dev/null 2>&1
    check $? 0 "nccheck accepts $f.json"
done

# ------------------------------------------------------------------ random instances
s=$SEED
for spec in "prop1 3 2 4 1/10 REFUTED" "prop1 2 2 3 0 REFUTED" "prop1-corrected 3 2 4 1/7 PROVED" \
            "theorem1 4 2 5 0 PROVED" "theorem1 3 3 2 1/1000000 PROVED" "theorem1-printed-wls 3 2 3 2 REFUTED" \
            "theorem2 2 3 4 1/3 PROVED" "eq7 3 3 5 0 PROVED" "eq8 3 3 4 0 PROVED" "lemma1 4 3 5 0 PROVED" \
            "lemma1 5 2 2 0 PROVED"; do
    set -- $spec
    j="{\"kind\":\"msecp-random/1\",\"identity\":\"$1\",\"C\":$2,\"N\":$3,\"p\":$4,\"lambda\":\"$5\",\"seed\":\"$s\"}"
    rc=$(certify "r$n" "$j")
    if [ "$rc" = 2 ]; then
        ok "# SKIP $1 seed $s: instance outside the hypotheses ($(cat "$T/r$n.err"))"
        continue
    fi
    f="$T/r$n.json"
    v=$(field "$f" verdict)
    "$NCCHECK" "$f" >/dev/null 2>&1
    c=$?
    check "$v/$c" "$6/0" "random $1 C=$2 N=$3 p=$4 lambda=$5 seed=$s: $6, accepted"
    s=$((s + 1))
done

# ------------------------------------------------------------------ tampering
certify base "{\"kind\":\"msecp-random/1\",\"identity\":\"lemma1\",\"C\":3,\"N\":3,\"p\":3,\"lambda\":\"0\",\"seed\":\"$SEED\"}" >/dev/null
certify base2 "{$K1,\"identity\":\"prop1\"}" >/dev/null
# mutations are collected (SRC|EXPECTED|NAME|PYTHON) and written by one python run
: >"$T/mut.list"
mutate() { printf '%s|%s|%s|%s\n' "$1" "$4" "$2" "$3" >>"$T/mut.list"; }
if [ -f "$T/base.json" ]; then
    mutate base "verdict REFUTED" 'c["verdict"] = "REFUTED"' 1
    mutate base "verdict INCONCLUSIVE" 'c["verdict"] = "INCONCLUSIVE"' 1
    mutate base "assertion fails" 'c["assertion"] = "lemma1: identity fails"' 1
    mutate base "assertion unknown" 'c["assertion"] = "lemma1: whatever"' 2
    mutate base "spec_L exact + 1" 'q = c["quantities"]["spec_L"]; q["exact"]["a"] = "1" if q["exact"]["a"] != "1" else "2"' 1
    mutate base "gap_L hi negative" 'c["quantities"]["gap_L"]["hi"] = "-0x1p-100"; c["quantities"]["gap_L"]["lo"] = "-0x1p-99"; c["quantities"]["gap_L"]["decimal"] = "[0 +/- 1]"' 1
    mutate base "L_LS lo above" 'c["quantities"]["L_LS"]["lo"] = "0x1p+10"' 1
    mutate base "quantity removed" 'del c["quantities"]["gap_NC1"]' 2
    mutate base "extra quantity" 'c["quantities"]["x"] = c["quantities"]["L_LS"]' 2
    mutate base "witness added" 'c["witnesses"]["k"] = 1' 2
    mutate base "seed changed" 'c["instance"]["seed"] = str(int(c["instance"]["seed"]) + 1)' 1
    mutate base "lambda > 0 for lemma1" 'c["instance"]["lambda"] = "1/10"' 2
    mutate base "identity changed" 'c["instance"]["identity"] = "theorem2"' 2
    mutate base "exact dropped (optional)" 'del c["quantities"]["spec_L"]["exact"]' 0
fi
mutate base2 "verdict PROVED" 'c["verdict"] = "PROVED"' 1
mutate base2 "assertion holds" 'c["assertion"] = "prop1: identity holds"' 1
mutate base2 "H entry changed" 'c["instance"]["H"][0][1] = "2"' 1
mutate base2 "lambda changed" 'c["instance"]["lambda"] = "1/3"' 1
mutate base2 "b entry malformed" 'c["instance"]["b"][0] = "0.5e1"' 2
mutate base2 "residual exact 0" 'q = c["quantities"]["residual14_frob2"]; q["exact"]["a"] = "0"; q["lo"] = "0x0p+0"' 1

python3 -c 'import json,sys
T = sys.argv[1]
for k, line in enumerate(open(T + "/mut.list")):
    src, want, name, code = line.rstrip("\n").split("|", 3)
    c = json.load(open(T + "/" + src + ".json"))
    exec(code)
    json.dump(c, open("%s/m%d.json" % (T, k), "w"), indent=2)' "$T"
k=0
while IFS='|' read -r src want name code; do
    "$NCCHECK" "$T/m$k.json" >/dev/null 2>&1
    check $? "$want" "tamper $src: $name -> exit $want"
    k=$((k + 1))
done <"$T/mut.list"
[ -f "$T/base.json" ] || not_ok "base certificate not produced: $(cat "$T/base.err")"

# ------------------------------------------------------------------ bad instances
bad() {   # DESCRIPTION JSON
    "$NCCERT" certify $ID --instance-json "$2" -q -o "$T/bad.json" >/dev/null 2>&1
    rc=$?
    if [ $rc -eq 2 ] && [ ! -f "$T/bad.json" ]; then ok "bad instance refused (exit 2): $1"; else not_ok "bad instance $1: exit $rc"; fi
    rm -f "$T/bad.json"
}
R='"kind":"msecp-random/1","C":3,"N":2,"p":3,"seed":"1"'
bad "unknown identity" "{$R,\"identity\":\"theorem9\",\"lambda\":\"0\"}"
bad "negative lambda" "{$R,\"identity\":\"theorem2\",\"lambda\":\"-1/2\"}"
bad "lambda not exact" "{$R,\"identity\":\"theorem2\",\"lambda\":\"1e-3\"}"
bad "C = 1" '{"kind":"msecp-random/1","C":1,"N":2,"p":3,"seed":"1","identity":"theorem2","lambda":"0"}'
bad "extra key" "{$R,\"identity\":\"theorem2\",\"lambda\":\"0\",\"x\":1}"
bad "eq7 with lambda > 0" "{$R,\"identity\":\"eq7\",\"lambda\":\"1/2\"}"
bad "lemma1 with N = 1 (Sigma_W = 0)" '{"kind":"msecp-random/1","C":3,"N":1,"p":2,"seed":"1","identity":"lemma1","lambda":"0"}'
bad "theorem1 at lambda 0, [H;1] rank deficient" '{"kind":"msecp-random/1","C":2,"N":1,"p":3,"seed":"1","identity":"theorem1","lambda":"0"}'
E1='"kind":"msecp/1","C":2,"N":2,"p":2,"lambda":"0","H":[["1","0","-1","1/2"],["0","1","1/3","-2"]],"W":[["1","-1"],["1/2","0"]],"b":["0","1/4"]'
bad "eq8 A not symmetric" "{$E1,\"identity\":\"eq8\",\"A\":[[\"1\",\"2\"],[\"3\",\"4\"]]}"
bad "eq8 A singular" "{$E1,\"identity\":\"eq8\",\"A\":[[\"1\",\"2\"],[\"2\",\"4\"]]}"
bad "eq8 A missing" "{$K2,\"identity\":\"eq8\"}"
bad "H wrong width" '{"kind":"msecp/1","C":2,"N":1,"p":1,"lambda":"0","H":[["0"]],"W":[["1"],["-1"]],"b":["0","0"],"identity":"theorem2"}'

tap_done
