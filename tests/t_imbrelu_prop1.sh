#!/bin/sh
# t_imbrelu_prop1.sh: imbrelu.prop-1-cor-1-3 end to end. Known answers computed here in python
# from the minimiser's coordinates (h_k = r_k e_k, W of (10), M_k of the derivation), never from
# nccert's output: ||w_k||^2 at the paper's experiment, the cosine -1/(K-1) of a balanced
# instance, the Cor. 2 feature-ratio discrepancy 2.11537 - 2.00118; random instances (seed
# NCCERT_TEST_SEED) checked for Prop. 1 by python; tampered certificates (quantity lo/hi,
# formula status, verdict, assertion, instance, box leaf) rejected; bad instances exit 2.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup ibp nccert nccheck python3
SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"
cert() { "$NCCERT" certify imbrelu.prop-1-cor-1-3 --instance-json "$1" -q -o "$2" 2>"$T/err"; }
py() { python3 -c "$1" "$2" 2>"$T/pyerr"; }
# python: the minimiser built by hand from problem (4)'s closed form (corrected M_k)
H="$IMBRELU_PY"'
r=[math.sqrt(math.sqrt((K-1)/K*lW/(lH*n[k]))*M(k)) for k in range(K)]
a=math.sqrt(lH/(lW*K*(K-1)))
W=[[a*((K if m==j else 0)-1)*math.sqrt(n[j])*r[j] for j in range(K)] for m in range(K)]
def dot(i,j): return sum(W[i][t]*W[j][t] for t in range(K))
'
PAPER='"kind":"imbrelu/1","n":["100","100","200","200","300","300","400","400","500","500"],"d":10,"lambda_W":"0.0001","lambda_H":"0.00001"'
# 1. paper experiment: REFUTED by the sqrt-over-both reading of (14) only; ||w_k||^2 as by hand
cert "{$PAPER}" "$T/p.json"
if "$NCCHECK" "$T/p.json" >/dev/null && py "$H
f=c['witnesses']['formulas']; assert c['verdict']=='REFUTED'
assert [k for k,v in f.items() if v=='DISAGREES']==['cor2.h_ratio.sqrt_both']
assert all(abs(mid('norm_w_sq[%d]'%k)-dot(k,k))<1e-10 for k in range(K))
assert abs(math.sqrt(dot(0,0))-4.74997)<1e-5 and abs(math.sqrt(dot(9,9))-7.08025)<1e-5
true=math.sqrt(5)*M(0)/M(9); both=math.sqrt(5*M(0)/M(9)); assert abs(true-2.00118)<1e-5 and abs(both-2.11537)<1e-5
assert abs(mid('cor2.h_ratio.sqrt_both[0,9]')-(both-true))<1e-12" "$T/p.json"
then ok "paper experiment: only (14) sqrt-over-both disagrees (2.11537 vs 2.00118)"; else not_ok "paper experiment $(cat "$T/err" "$T/pyerr")"; fi
# 2. balanced K=4: cos = -1/3 by hand, every formula agrees
cert '{"kind":"imbrelu/1","n":["5","5","5","5"],"d":4,"lambda_W":"1/100","lambda_H":"1/100"}' "$T/b.json"
if "$NCCHECK" "$T/b.json" >/dev/null && py "$H
assert c['verdict']=='PROVED' and abs(dot(0,1)/dot(0,0)+1/3)<1e-14 and c['witnesses']['formulas']['cor1.WWT']=='AGREES'" "$T/b.json"
then ok "balanced: PROVED, cos = -1/(K-1)"; else not_ok "balanced $(cat "$T/err" "$T/pyerr")"; fi
# 3. two groups, minority dead: cos_minor = 1, order agrees
cert '{"kind":"imbrelu/1","n":["50","50","5","5"],"d":4,"lambda_W":"1/30","lambda_H":"1/30"}' "$T/g.json"
if "$NCCHECK" "$T/g.json" >/dev/null && py "$H
assert M(2)==0 and M(0)>0 and c['verdict']=='PROVED' and c['witnesses']['formulas']['cor3.order']=='AGREES'
assert abs(mid('cor3.order')-(1-dot(0,1)/dot(0,0)))<1e-12" "$T/g.json"
then ok "two groups, minority dead: cos_minor - cos_major as by hand"; else not_ok "two-group $(cat "$T/err" "$T/pyerr")"; fi
# 4. random instances (seeded): Prop. 1 agrees and the point's norms match the hand computation
for s in 1 2 3; do
    inst=$(python3 -c "
import random; r=random.Random($SEED*11+$s); K=r.randint(2,6); n=[r.randint(1,40) for _ in range(K)]
print('{\"kind\":\"imbrelu/1\",\"n\":[%s],\"d\":%d,\"lambda_W\":\"1/%d\",\"lambda_H\":\"1/%d\",\"formulas\":[\"prop1.norm\",\"prop1.inner\",\"prop1.cos\",\"cor2.monotone\"]}' % (','.join('\"%d\"'%x for x in n), K, r.randint(2,400), r.randint(2,400)))")
    cert "$inst" "$T/r$s.json"
    if "$NCCHECK" "$T/r$s.json" >/dev/null && py "$H
assert c['verdict']=='PROVED' and all(abs(mid('norm_w_sq[%d]'%k)-dot(k,k))<1e-9*max(1,dot(k,k)) for k in range(K))" "$T/r$s.json"
    then ok "random $inst"; else not_ok "random $inst $(cat "$T/err" "$T/pyerr")"; fi
done
# 5. box: PROVED; tampering a leaf status / box / count is rejected
cert '{"kind":"imbrelu-cor3-box/1","K_A":[2,3],"K_B":[2,2],"n_B":"10","R":["3/2","16"],"lambda":["1/1073741824","1/64"],"max_depth":12}' "$T/x.json"
if "$NCCHECK" "$T/x.json" >/dev/null && py 'import json,sys; c=json.load(open(sys.argv[1])); assert c["verdict"]=="PROVED" and c["witnesses"]["tree"][0]=="A:2"' "$T/x.json"
then ok "box PROVED"; else not_ok "box $(cat "$T/err" "$T/pyerr")"; fi
tamper "tamper quantity lo" 1 "q=c['quantities']['norm_w_sq[3]']; q['lo']=q['hi']" "$T/p.json"
tamper "tamper quantity hi" 1 "q=c['quantities']['cor2.h_ratio.sqrt_both[0,2]']; q['hi']=q['lo']" "$T/p.json"
tamper "tamper formula status" 1 "c['witnesses']['formulas']['cor2.h_ratio.sqrt_both']='AGREES'" "$T/p.json"
tamper "tamper verdict" 1 "c['verdict']='PROVED'" "$T/p.json"
tamper "tamper assertion" 1 "c['assertion']='every selected formula agrees with the minimiser where defined'" "$T/p.json"
tamper "tamper instance lambda_H" 1 "c['instance']['lambda_H']='0.00002'" "$T/p.json"
tamper "tamper missing quantity" 2 "del c['quantities']['M[0]']" "$T/p.json"
tamper "tamper box leaf status" 1 "c['witnesses']['leaves'][0]['status']='fails'" "$T/x.json"
tamper "tamper box leaf R" 1 "c['witnesses']['leaves'][0]['R'][1]='5'" "$T/x.json"
tamper "tamper box R_lo = 1" 2 "c['instance']['R'][0]='1'" "$T/x.json"
tamper "tamper box count" 1 "c['quantities']['leaves_holds']['exact']['a']='1'" "$T/x.json"
# 6. bad instances refused with exit 2
for bad in '{"kind":"imbrelu/1","n":["5","5"],"d":1,"lambda_W":"1","lambda_H":"1"}' \
           '{"kind":"imbrelu/1","n":["5","6"],"d":2,"lambda_W":"1","lambda_H":"1","formulas":["cor1.WWT"]}' \
           '{"kind":"imbrelu/1","n":["5","6"],"d":2,"lambda_W":"1","lambda_H":"1","formulas":["nope"]}' \
           '{"kind":"imbrelu-cor3-box/1","K_A":[1,3],"K_B":[2,2],"n_B":"10","R":["3/2","16"],"lambda":["1/2","1"],"max_depth":3}' \
           '{"kind":"imbrelu-cor3-box/1","K_A":[2,3],"K_B":[2,2],"n_B":"10","R":["1","16"],"lambda":["1/2","1"],"max_depth":3}'; do
    refuse "bad instance refused: $bad" imbrelu.prop-1-cor-1-3 "$bad"
done
tap_done
