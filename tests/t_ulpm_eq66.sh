#!/bin/sh
# t_ulpm_eq66.sh: ulpm.eq-66 end to end. Known answers: rank = K-1 and column sums exactly 0
# (the identity sum_j softmax_j = 1). Example 3.1's point with C = 30 has every margin 1800, so
# G underflows to 0 in doubles (checked here in python floats), yet rank K-1 is certified. Tampered witness R,
# columns, quantities, verdict -> exit 1/2; bad instances -> nccert exit 2.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup e66 nccert nccheck python3
CLAIM=ulpm.eq-66
SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"
ex() { C=$1; m="-$C"; echo "{\"K\":4,\"n\":1,\"d\":4,\"W\":[[\"$C\",\"$m\",\"0\",\"0\"],[\"$m\",\"$C\",\"0\",\"0\"],[\"0\",\"0\",\"$C\",\"$m\"],[\"0\",\"0\",\"$m\",\"$C\"]],\"H\":[[\"$C\",\"$m\",\"0\",\"0\"],[\"$m\",\"$C\",\"0\",\"0\"],[\"0\",\"0\",\"$C\",\"$m\"],[\"0\",\"0\",\"$m\",\"$C\"]]}"; }
RK=$((SEED % 12 + 2)); RN=$((SEED / 12 % 4 + 1))
for inst in "$(ex 1/2)" "$(ex 30)" '{"kind":"nc/1","K":5,"n":2,"d":5}' \
            "{\"kind\":\"random-dyadic/1\",\"K\":$RK,\"n\":$RN,\"d\":4,\"seed\":\"$SEED\"}"; do
    f="$T/c$n.json"
    if "$NCCERT" certify $CLAIM --instance-json "$inst" -q -o "$f" 2>"$T/err" && "$NCCHECK" "$f" >/dev/null; then
        if python3 -c "
import json,sys; from fractions import Fraction as F
c=json.load(open(sys.argv[1])); K=c['instance']['K']; q=c['quantities']
assert F(q['rank']['exact']['a']) == K-1 and F(q['column_sum_max_abs']['exact']['a']) == 0
assert len(c['witnesses']['columns']) == K-1 and c['verdict'] == 'PROVED'" "$f"
        then ok "rank K-1 certified and accepted: $(echo "$inst" | cut -c1-60)"; else not_ok "known answers differ: $inst"; fi
    else not_ok "certify/check failed: $inst $(cat "$T/err")"; fi
done
# C = 30: margins 2 C^2 = 1800, so exp(-1800) is 0 in doubles: the double gradient column is 0
if python3 -c "import math; assert math.exp(-1800.0) == 0.0 and 1.0/(1.0+3*math.exp(-1800.0)) - 1.0 == 0.0"; then
    ok "Example 3.1, C=30: G is exactly 0 in doubles (python floats)"; else not_ok "doubles do not underflow"; fi
"$NCCERT" certify $CLAIM --instance-json "$(ex 30)" -q -o "$T/c30.json"
"$NCCERT" certify $CLAIM --instance-json "{\"kind\":\"random-dyadic/1\",\"K\":5,\"n\":2,\"d\":3,\"seed\":\"$SEED\"}" -q -o "$T/base.json"
tamper "C=30: identity" 0 "pass" "$T/c30.json"
# nccheck's MPFI gradient computes softmax_k - 1 as -s/(1+s) (no cancellation, MPFR exponent range):
# 96 bits suffice there although nccert's Arb gradient needed 4096 (see the derivation)
tamper "C=30: witness precision lowered to 64 bits (checker still succeeds)" 0 "c['witnesses']['precision_bits']=64" "$T/c30.json"
B="$T/base.json"
tamper "identity" 0 "pass" "$B"
tamper "R row 0 set to zero (||I - RA|| >= 1)" 1 "c['witnesses']['R'][0]=['0x0p+0']*4" "$B"
tamper "R scaled by 4" 1 "c['witnesses']['R']=[[('-' if x.startswith('-') else '')+'0x'+x.lstrip('-')[2:].split('p')[0]+'p'+str(int(x.split('p')[1])+2) for x in r] for r in c['witnesses']['R']]" "$B"
tamper "columns repeated" 2 "w=c['witnesses']['columns']; w[1]=w[0]" "$B"
tamper "columns too short" 2 "c['witnesses']['columns'].pop()" "$B"
tamper "column out of range" 2 "c['witnesses']['columns'][0]=10" "$B"
tamper "R entry not hex" 2 "c['witnesses']['R'][0][0]='1.5'" "$B"
tamper "precision_bits 10" 2 "c['witnesses']['precision_bits']=10" "$B"
tamper "rank exact K" 1 "c['quantities']['rank']['exact']['a']='5'" "$B"
tamper "rank lo = hi = 5" 1 "c['quantities']['rank'].update(lo='0x1.4p+2', hi='0x1.4p+2')" "$B"
tamper "residual hi = 2^-200" 1 "c['quantities']['residual_inf_norm']['hi']='0x1p-200'" "$B"
tamper "column sums hi = 0" 1 "c['quantities']['column_sum_max_abs']['hi']='0x0p+0'" "$B"
tamper "column sums exact 1" 1 "c['quantities']['column_sum_max_abs']['exact']['a']='1'" "$B"
tamper "verdict REFUTED" 1 "c['verdict']='REFUTED'" "$B"
tamper "assertion none" 1 "c['assertion']='none'" "$B"
tamper "assertion unknown" 2 "c['assertion']='rank K'" "$B"
tamper "instance K + 1" 2 "c['instance']['K']+=1" "$B"
tamper "witness key added" 2 "c['witnesses']['rows']=[0]" "$B"
for bad in '{"kind":"random-dyadic/1","K":1,"n":1,"d":3,"seed":"1"}' '{"kind":"nc/1","K":3,"n":1,"d":2}' \
           '{"kind":"etf/1","K":3,"n":1,"d":2}' '{"K":2,"n":1,"d":1,"W":[["1"],["x"]],"H":[["1","2"]]}'; do
    refuse "nccert refuses $bad (exit 2)" $CLAIM "$bad"
done
tap_done
