#!/bin/sh
# t_ulpm_theorem34.sh: ulpm.theorem-3.4 end to end: certificates of the pairing point (Example
# 3.1, K=4, C from NCCERT_TEST_SEED among 1/2, 1, 3/2, 2) and of nc/1 K=4 n=1 d=4 are accepted
# by nccheck; single mutations (python3, stdlib only) are rejected with exit 1 (claim does not
# follow: witness, enclosure, count, verdict, assertion, instance parameter) or 2 (malformed);
# bad instances are refused by nccert with exit 2.

ROOT=$(cd "$(dirname "$0")/.." && pwd)
NCCERT="$ROOT/build/nccert"
NCCHECK="$ROOT/build/nccheck"
CLAIM=ulpm.theorem-3.4

if [ ! -x "$NCCHECK" ] || [ ! -x "$NCCERT" ]; then echo "Bail out! build/nccert, build/nccheck not built (make all)"; exit 1; fi
if ! command -v python3 >/dev/null 2>&1; then echo "1..0 # SKIP python3 not available"; exit 0; fi
mkdir -p "$ROOT/tests/tmp"
T=$(mktemp -d "$ROOT/tests/tmp/t34.XXXXXX") || { echo "Bail out! mktemp failed"; exit 1; }
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM HUP

SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"
C=$(python3 -c "print(['1/2','1','3/2','2'][$SEED % 4])")
echo "# pairing C=$C"

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
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

mutate() {   # SRC DST PYTHON-STATEMENTS (c is the certificate)
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
src, dst, code = sys.argv[1], sys.argv[2], sys.argv[3]
c = json.load(open(src))
w, q = c["witnesses"], c["quantities"]
exec(code)
json.dump(c, open(dst, "w"), indent=2)
PY
}
check_mut() {   # WANT NAME SRC CODE
    mutate "$3" "$T/m.json" "$4" && expect "$1" "$2" "$NCCHECK" "$T/m.json"
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

for bad in '{"kind":"ulpm-pairing/1","K":5,"C":"1"}' '{"kind":"ulpm-pairing/1","K":4,"C":"0"}' \
           '{"kind":"ulpm-pairing/1","K":4,"C":"one"}' '{"kind":"ulpm-pairing/1","K":4,"C":"1","d":4}' \
           '{"kind":"nc/1","K":4,"n":2,"d":4}'; do
    expect 2 "nccert refuses $bad" "$NCCERT" certify $CLAIM -q --instance-json "$bad" -o "$T/bad.json"
done
[ ! -e "$T/bad.json" ] && ok "no certificate written for bad instances" || not_ok "a certificate was written for a bad instance"

echo "1..$n"
[ "$failed" -eq 0 ]
