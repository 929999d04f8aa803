#!/bin/sh
# t_ulpm_def21.sh: ulpm.def-2.1 end to end (nccert certify -> nccheck) and the NC constructor's
# known answers: for etf/1 (K, n, d, scale s) Definition 2.1 gives ||w_k||^2 = s^2 (K-1)/K,
# w_k.w_j = -s^2/K, c = s^2, cosine -1/(K-1), ||h||^2 = s^2 (K-1)/(K n) (computed here with
# python fractions from K, n, s, never from nccert). Then tampered certificates are rejected with
# the exit status of specs/certificate.md and bad instances are refused with exit 2.
# Random sizes from NCCERT_TEST_SEED (printed).
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup def21 nccert nccheck python3
CLAIM=ulpm.def-2.1
SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"
RK=$((SEED % 9 + 2)); RN=$((SEED / 9 % 5 + 1))
for inst in '{"kind":"etf/1","K":2,"n":1,"d":1}' '{"kind":"etf/1","K":4,"n":3,"d":3,"scale":"3/2"}' \
            '{"kind":"nc/1","K":3,"n":2,"d":3}' "{\"kind\":\"etf/1\",\"K\":$RK,\"n\":$RN,\"d\":$((RK - 1)),\"scale\":\"5/7\"}" \
            "{\"kind\":\"etf/1\",\"K\":$RK,\"n\":$RN,\"d\":$((RK + 2))}"; do
    f="$T/c$n.json"
    if "$NCCERT" certify $CLAIM --instance-json "$inst" -q -o "$f" 2>"$T/err" && "$NCCHECK" "$f" >/dev/null; then
        if python3 - "$f" <<'PY'
import json, sys
from fractions import Fraction as F
c = json.load(open(sys.argv[1])); i = c["instance"]; K, n = i["K"], i["n"]
s = F(i.get("scale", "1")); q = c["quantities"]
want = {"norm_sq_w": s*s*F(K-1, K), "inner_w": -s*s/K, "gram_c": s*s, "cosine": F(-1, K-1),
        "norm_sq_h": s*s*F(K-1, K*n), "nc13_residual": F(0)}
for k, v in want.items():
    assert F(q[k]["exact"]["a"]) == v and "b" not in q[k]["exact"], (k, q[k]["exact"], v)
assert c["verdict"] == "PROVED"
PY
        then ok "$inst: PROVED, accepted, known answers"; else not_ok "$inst: known answers differ"; fi
    else not_ok "$inst: certify/check failed: $(cat "$T/err")"; fi
done

# tampering: NAME EXPECTED-EXIT PYTHON-STATEMENT (c is the certificate)
"$NCCERT" certify $CLAIM --instance-json '{"kind":"etf/1","K":4,"n":3,"d":3,"scale":"3/2"}' -q -o "$T/base.json"
"$NCCERT" certify $CLAIM --instance-json '{"kind":"nc/1","K":3,"n":2,"d":3}' -q -o "$T/basenc.json"
B="$T/base.json"
tamper "identity" 0 "pass" "$B"
tamper "verdict REFUTED" 1 "c['verdict']='REFUTED'" "$B"
tamper "verdict INCONCLUSIVE" 1 "c['verdict']='INCONCLUSIVE'" "$B"
tamper "verdict word" 2 "c['verdict']='proved'" "$B"
tamper "assertion none" 1 "c['assertion']='none'" "$B"
tamper "assertion unknown" 2 "c['assertion']='ETF'" "$B"
for qn in norm_sq_w inner_w gram_c cosine norm_sq_h nc13_residual; do
    tamper "$qn exact a + 1" 1 "from fractions import Fraction as F; e=c['quantities']['$qn']['exact']; e['a']=str(F(e['a'])+1)" "$B"
    tamper "$qn lo = hi = 1000" 1 "c['quantities']['$qn'].update(lo='0x1.f4p+9', hi='0x1.f4p+9')" "$B"
done
tamper "quantity removed" 2 "c['quantities'].pop('cosine')" "$B"
tamper "witness key added" 2 "c['witnesses']['k']=0" "$B"
tamper "instance scale 2" 1 "c['instance']['scale']='2'" "$B"
tamper "instance n + 1" 1 "c['instance']['n']+=1" "$B"
tamper "instance K + 1 (d < K-1)" 2 "c['instance']['K']+=1" "$B"
tamper "instance scale -1" 2 "c['instance']['scale']='-1'" "$B"
tamper "instance kind etf/2" 2 "c['instance']['kind']='etf/2'" "$B"
tamper "instance extra key" 2 "c['instance']['seed']='1'" "$B"
tamper "nc/1 identity" 0 "pass" "$T/basenc.json"
tamper "nc/1 n + 1" 1 "c['instance']['n']+=1" "$T/basenc.json"
tamper "nc/1 with scale key" 2 "c['instance']['scale']='2'" "$T/basenc.json"

for bad in '{"kind":"etf/1","K":5,"n":1,"d":3}' '{"kind":"etf/1","K":1,"n":1,"d":3}' '{"kind":"etf/1","K":3,"n":0,"d":3}' \
           '{"kind":"etf/1","K":3,"n":1,"d":3,"scale":"0"}' '{"kind":"etf/1","K":3,"n":1,"d":3,"scale":"1e3"}' \
           '{"kind":"nc/1","K":3,"n":1,"d":2}' '{"kind":"random-dyadic/1","K":3,"n":1,"d":3,"seed":"1"}' \
           '{"kind":"etf/1","K":3,"n":1,"d":3,"x":1}'; do
    refuse "nccert refuses $bad (exit 2)" $CLAIM "$bad"
done
tap_done
