#!/bin/sh
# t_ulpm_theorem32.sh: ulpm.theorem-3.2 end to end. Known answers derived by hand
# (proofs/derivations/ulpm-theorem-3.2.md): at an NC point the optimum is (K-1) sqrt(n), the
# multiplier 1/(K sqrt n) = sqrt(n)/(K n), every constraint 1 and MFCQ value 2; checked here with
# python fractions from K and n only. Off NC (random, perturbed) the homogeneous inequality is
# strict. Tampered certificates -> exit 1/2; bad instances -> nccert exit 2.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup t32 nccert nccheck python3
CLAIM=ulpm.theorem-3.2
SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"
RK=$((SEED % 11 + 2)); RN=$((SEED / 11 % 7 + 1))
for inst in '{"kind":"nc/1","K":4,"n":1,"d":4}' '{"kind":"etf/1","K":3,"n":2,"d":2}' \
            "{\"kind\":\"etf/1\",\"K\":$RK,\"n\":$RN,\"d\":$((RK - 1)),\"scale\":\"9/4\"}" \
            "{\"kind\":\"nc/1\",\"K\":$RK,\"n\":$RN,\"d\":$((RK + 1))}"; do
    f="$T/c$n.json"
    if "$NCCERT" certify $CLAIM --instance-json "$inst" -q -o "$f" 2>"$T/err" && "$NCCHECK" "$f" >/dev/null; then
        if python3 - "$f" <<'PY'
import json, sys
from fractions import Fraction as F
c = json.load(open(sys.argv[1])); i = c["instance"]; K, n = i["K"], i["n"]; q = c["quantities"]
def val(e): return (F(e["a"]), F(e.get("b", "0")), e.get("m", n))
assert val(q["objective"]["exact"]) in [(F(0), F(K-1), n)], q["objective"]
assert val(q["optimum_value"]["exact"]) == (0, K-1, n)
assert val(q["multiplier"]["exact"]) == (0, F(1, K*n), n)
for k, v in [("constraint_min", 1), ("constraint_max", 1), ("mfcq_min", 2), ("stationarity_residual_sq", 0), ("complementarity", 0)]:
    assert val(q[k]["exact"])[:2] == (v, 0), (k, q[k])
assert c["witnesses"]["multiplier"] == {"a": "0", "b": "1/%d" % (K*n), "m": n}
assert c["verdict"] == "PROVED"
PY
        then ok "$inst: PROVED, accepted, known answers"; else not_ok "$inst: known answers differ"; fi
    else not_ok "$inst: certify/check failed: $(cat "$T/err")"; fi
done
for inst in "{\"kind\":\"random-dyadic/1\",\"K\":$RK,\"n\":$RN,\"d\":5,\"seed\":\"$SEED\"}" \
            "{\"kind\":\"nc-perturbed/1\",\"K\":$RK,\"n\":$RN,\"d\":$RK,\"seed\":\"$SEED\",\"eps_log2\":-12}"; do
    f="$T/r$n.json"
    "$NCCERT" certify $CLAIM --instance-json "$inst" -q -o "$f" 2>"$T/err"
    out=$("$NCCHECK" "$f" 2>&1)
    case $out in *"ACCEPTED PROVED $CLAIM") ok "$inst: does not beat the optimum (PROVED, accepted)" ;;
                 *) not_ok "$inst: $out $(cat "$T/err")" ;; esac
done

"$NCCERT" certify $CLAIM --instance-json '{"kind":"etf/1","K":5,"n":3,"d":4,"scale":"7/3"}' -q -o "$T/base.json"
"$NCCERT" certify $CLAIM --instance-json '{"kind":"random-dyadic/1","K":4,"n":2,"d":3,"seed":"11"}' -q -o "$T/rd.json"
B="$T/base.json"
tamper "identity" 0 "pass" "$B"
tamper "multiplier witness b doubled" 1 "c['witnesses']['multiplier']['b']='2/15'" "$B"
tamper "multiplier witness and quantity doubled (residual no longer 0)" 1 \
    "c['witnesses']['multiplier']['b']='2/15'; c['quantities']['multiplier']['exact']['b']='2/15'; c['quantities']['multiplier'].update(lo='0x1.27p-2', hi='0x1.28p-2', decimal='[0.2309 +/- 0.001]')" "$B"
tamper "multiplier m = n+1" 2 "c['witnesses']['multiplier']['m']=4" "$B"
tamper "multiplier missing" 2 "c['witnesses'].pop('multiplier')" "$B"
tamper "objective exact b + 1" 1 "c['quantities']['objective']['exact']['b']='5'" "$B"
tamper "constraint_min exact 2" 1 "c['quantities']['constraint_min']['exact']['a']='2'" "$B"
tamper "residual hi below 0" 1 "c['quantities']['stationarity_residual_sq'].update(lo='-0x1p+0', hi='-0x1p-1')" "$B"
tamper "verdict REFUTED" 1 "c['verdict']='REFUTED'" "$B"
tamper "assertion of the other form" 1 "c['assertion']='(||W||^2 + ||H||^2)/2 > (K-1) sqrt(n) q_min'" "$B"
tamper "assertion none" 1 "c['assertion']='none'" "$B"
tamper "assertion unknown" 2 "c['assertion']='optimal'" "$B"
tamper "instance n + 1 (witness m no longer n: malformed)" 2 "c['instance']['n']+=1" "$B"
tamper "instance scale 1" 1 "c['instance'].pop('scale')" "$B"
tamper "random: identity" 0 "pass" "$T/rd.json"
tamper "random: witness k changed" 1 "w=c['witnesses']; w['k']=(w['k']+1)%4; w['j']=(w['k']+1)%4" "$T/rd.json"
tamper "random: slack lo = hi = 1000" 1 "c['quantities']['slack'].update(lo='0x1.f4p+9', hi='0x1.f4p+9')" "$T/rd.json"
tamper "random: verdict REFUTED" 1 "c['verdict']='REFUTED'" "$T/rd.json"
tamper "random: optimum assertion" 1 "c['assertion']='NC point scaled to q_min = 1 is optimal: value (K-1) sqrt(n), KKT, MFCQ'" "$T/rd.json"
tamper "random: seed + 1" 1 "c['instance']['seed']='12'" "$T/rd.json"
for bad in '{"kind":"etf/1","K":5,"n":1,"d":3}' '{"kind":"etf/1","K":3,"n":1,"d":3,"scale":"-2"}' \
           '{"kind":"nc/1","K":3,"n":1,"d":2}' '{"kind":"random-dyadic/1","K":1,"n":1,"d":3,"seed":"1"}' '{"kind":"bogus"}'; do
    refuse "nccert refuses $bad (exit 2)" $CLAIM "$bad"
done
tap_done
