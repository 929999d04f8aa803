#!/bin/sh
# t_imbrelu.sh: imbrelu.eq-6, imbrelu.theorem-1, imbrelu.non-monotone end to end. Known answers
# computed here in python from problem (4) by hand formulas (M_k of the derivation, the optimal
# value V*, log 2 at complete collapse, log(2 sqrt 2 - 1) for printed (6) at K=2, n=(1,1),
# lambda = 1/4); randomised theorem-1 instances (seed NCCERT_TEST_SEED); tampered certificates
# rejected (exit 1/2); bad instances refused by nccert with exit 2.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup ibr nccert nccheck python3
SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"
cert() { "$NCCERT" certify "$1" --instance-json "$2" -q -o "$3" 2>"$T/err"; }
py() { python3 -c "$1" "$2" 2>"$T/pyerr"; }
# python helpers: mid of a quantity, M_k and V* from the derivation (corrected reading)
H=$IMBRELU_PY
# 1. eq-6, printed reading refuted at K=2, n=(1,1), lambda_W = lambda_H = 1/2
cert imbrelu.eq-6 '{"kind":"imbrelu/1","n":["1","1"],"d":2,"lambda_W":"1/2","lambda_H":"1/2","reading":"printed"}' "$T/e1.json"
if "$NCCHECK" "$T/e1.json" >/dev/null && py "$H
assert c['verdict']=='REFUTED' and c['witnesses']['k']==0
assert abs(mid('M[0]')-math.log(2*math.sqrt(2)-1))<1e-14 and q['condition_test[0]']['exact']['a']=='-1'" "$T/e1.json"
then ok "eq-6 printed: REFUTED, M_0 = log(2 sqrt2 - 1)"; else not_ok "eq-6 printed known answer $(cat "$T/err" "$T/pyerr")"; fi
# 2. eq-6 boundary: K=2, n=(1,3), lambda = 1/32: class 0 exactly on the boundary (M = 0), class 1 alive
cert imbrelu.eq-6 '{"kind":"imbrelu/1","n":["1","3"],"d":2,"lambda_W":"1/4","lambda_H":"1/8"}' "$T/e2.json"
if "$NCCHECK" "$T/e2.json" >/dev/null && py "$H
assert c['verdict']=='PROVED' and q['M[0]']['lo']=='0x0p+0' and q['M[0]']['hi']=='0x0p+0'
assert q['condition_test[0]']['exact']['a']=='0' and abs(mid('M[1]')-M(1))<1e-13 and M(1)>0" "$T/e2.json"
then ok "eq-6 boundary: M_0 = 0 exactly, M_1 > 0 as derived"; else not_ok "eq-6 boundary $(cat "$T/err" "$T/pyerr")"; fi
# 3. theorem-1 complete collapse: objective log 2, paper value disagrees
cert imbrelu.theorem-1 '{"kind":"imbrelu/1","n":["1","1"],"d":2,"lambda_W":"1/2","lambda_H":"1/2"}' "$T/t1.json"
if "$NCCHECK" "$T/t1.json" >/dev/null && py "$H
assert c['verdict']=='PROVED' and abs(mid('objective')-math.log(2))<1e-15 and c['witnesses']['paper_value']=='DISAGREES'" "$T/t1.json"
then ok "theorem-1 all dead: value log 2"; else not_ok "theorem-1 all dead $(cat "$T/err" "$T/pyerr")"; fi
# 4. theorem-1 random instances (seeded): PROVED, objective = V* of the derivation
for s in 1 2 3; do
    inst=$(python3 -c "
import random; r=random.Random($SEED*7+$s); K=r.randint(2,5); n=[r.randint(1,30) for _ in range(K)]
print('{\"kind\":\"imbrelu/1\",\"n\":[%s],\"d\":%d,\"lambda_W\":\"1/%d\",\"lambda_H\":\"1/%d\"}' % (','.join('\"%d\"'%x for x in n), K+r.randint(0,2), r.randint(2,400), r.randint(2,400)))")
    cert imbrelu.theorem-1 "$inst" "$T/r$s.json"
    if "$NCCHECK" "$T/r$s.json" >/dev/null && py "$H
assert c['verdict']=='PROVED' and abs(mid('objective')-V())<1e-12*max(1,V())
assert all(abs(mid('margin[%d]'%k)-M(k))<1e-11 for k in range(K))" "$T/r$s.json"
    then ok "theorem-1 random $inst"; else not_ok "theorem-1 random $inst $(cat "$T/err" "$T/pyerr")"; fi
done
# 5. theorem-1 printed reading at the paper's experiment: REFUTED (not stationary)
cert imbrelu.theorem-1 '{"kind":"imbrelu/1","n":["100","100","200","200","300","300","400","400","500","500"],"d":10,"lambda_W":"0.0001","lambda_H":"0.00001","reading":"printed"}' "$T/t5.json"
if "$NCCHECK" "$T/t5.json" >/dev/null && py "$H
assert c['verdict']=='REFUTED' and float.fromhex(q['grad_W_sq']['lo'])>0" "$T/t5.json"
then ok "theorem-1 printed: REFUTED"; else not_ok "theorem-1 printed $(cat "$T/err" "$T/pyerr")"; fi
# 6. non-monotone witness K=2, n=(4,9)
cert imbrelu.non-monotone '{"kind":"imbrelu/1","n":["4","9"],"d":2,"lambda_W":"0.087","lambda_H":"0.087"}' "$T/n1.json"
if "$NCCHECK" "$T/n1.json" >/dev/null && py "$H
assert c['witnesses']=={'i':1,'j':0} and abs(mid('ratio_i')-M(1)/3)<1e-14 and abs(mid('ratio_j')-M(0)/2)<1e-14 and M(1)/3>M(0)/2" "$T/n1.json"
then ok "non-monotone witness (9 > 4, longer class mean)"; else not_ok "non-monotone $(cat "$T/err" "$T/pyerr")"; fi
# 7. tampering
tamper "eq-6 verdict PROVED" 1 "c['verdict']='PROVED'" "$T/e1.json"
tamper "eq-6 witness k out of range" 2 "c['witnesses']['k']=5" "$T/e1.json"
tamper "eq-6 exact test altered" 1 "c['quantities']['condition_test[0]']['exact']['a']='-2'" "$T/e1.json"
tamper "eq-6 M lo raised" 1 "q=c['quantities']['M[0]']; q['lo']=q['hi']" "$T/e1.json"
tamper "eq-6 instance lambda changed" 1 "c['instance']['lambda_W']='1/100'" "$T/e1.json"
tamper "eq-6 quantity missing" 2 "del c['quantities']['M[1]']" "$T/e1.json"
tamper "theorem-1 verdict" 1 "c['verdict']='REFUTED'" "$T/t1.json"
tamper "theorem-1 paper_value" 1 "c['witnesses']['paper_value']='AGREES'" "$T/t1.json"
tamper "theorem-1 objective hi lowered" 1 "q=c['quantities']['objective']; q['hi']=q['lo']" "$T/r1.json"
tamper "theorem-1 assertion swapped" 1 "c['assertion']='not a KKT point'; c['verdict']='REFUTED'" "$T/r1.json"
tamper "theorem-1 reading printed" 1 "c['instance']['reading']='printed'" "$T/r1.json"
tamper "theorem-1 printed claimed PROVED" 1 "c['assertion']='KKT point attaining the derived optimal value'; c['verdict']='PROVED'" "$T/t5.json"
tamper "non-monotone witness swapped" 1 "c['witnesses']={'i':0,'j':1}" "$T/n1.json"
tamper "non-monotone difference lo" 1 "q=c['quantities']['difference']; q['hi']=q['lo']" "$T/n1.json"
# 8. bad instances
for bad in 'imbrelu.theorem-1|{"kind":"imbrelu/1","n":["1","2","3"],"d":2,"lambda_W":"1","lambda_H":"1"}' \
           'imbrelu.eq-6|{"kind":"imbrelu/1","n":["1","2"],"d":2,"lambda_W":"-1","lambda_H":"1"}' \
           'imbrelu.eq-6|{"kind":"imbrelu/1","n":["0","2"],"d":2,"lambda_W":"1","lambda_H":"1"}' \
           'imbrelu.eq-6|{"kind":"imbrelu/1","n":["1","2"],"d":2,"lambda_W":"1","lambda_H":"1","x":1}' \
           'imbrelu.non-monotone|{"kind":"imbrelu/1","n":["1","2"],"d":2,"lambda_W":"1","lambda_H":"1","reading":"other"}'; do
    claim=${bad%%|*}; inst=${bad#*|}
    refuse "bad instance refused: $claim $inst" "$claim" "$inst"
done
tap_done
