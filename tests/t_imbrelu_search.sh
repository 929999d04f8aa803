#!/bin/sh
# t_imbrelu_search.sh: imbrelu.global-search. Corrected reading of (6): searches from many random
# starts (K = 2..5, small n_k, imbalance, dead classes, complete collapse) find no point below
# V*: nccert gives INCONCLUSIVE, nccheck validates and exits 1, and the best gap is >= 0 up to
# 1e-12 (the rounded witness never goes below V*: the gap is certified by the checker's own
# recomputation). Printed reading: REFUTED with the witness objective equal (to 1e-6) to V*
# computed here in python from the derivation's closed form. Tampered certificates rejected.
. "$(dirname "$0")/tap.sh"
tap_setup ibs nccert nccheck python3
SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
SEED=$((SEED % 1000000))
echo "# NCCERT_TEST_SEED=$SEED"
V='import json,sys,math
from fractions import Fraction as F
c=json.load(open(sys.argv[1])); q=c["quantities"]; I=c["instance"]
def mid(k): return (float.fromhex(q[k]["lo"])+float.fromhex(q[k]["hi"]))/2
n=[int(x) for x in I["n"]]; K=len(n); N=sum(n); lam=float(F(I["lambda_W"])*F(I["lambda_H"]))
def M(k):
    if (K-1)*n[k]-K*N*N*F(I["lambda_W"])*F(I["lambda_H"]) <= 0: return 0.0
    return math.log((K-1)*(math.sqrt(n[k])/(N*math.sqrt((K-1)/K)*math.sqrt(lam))-1))
Vs=sum(n[k]/N*math.log1p((K-1)*math.exp(-M(k)))+math.sqrt(lam*n[k]*(K-1)/K)*M(k) for k in range(K))
'
i=0
for inst in '"n":["1","1"],"d":2,"lambda_W":"1/10","lambda_H":"1/10"' \
            '"n":["1","3"],"d":2,"lambda_W":"1/4","lambda_H":"1/8"' \
            '"n":["1","2","3"],"d":3,"lambda_W":"1/10","lambda_H":"1/10"' \
            '"n":["1","1","10"],"d":4,"lambda_W":"1/10","lambda_H":"1/10"' \
            '"n":["1","1","4"],"d":3,"lambda_W":"1/5","lambda_H":"1/9"' \
            '"n":["2","2","2","2"],"d":4,"lambda_W":"1/50","lambda_H":"1/50"' \
            '"n":["1","1","3","5"],"d":5,"lambda_W":"1/8","lambda_H":"1/8"' \
            '"n":["1","1","2","2","3"],"d":5,"lambda_W":"1/20","lambda_H":"1/20"' \
            '"n":["1","1"],"d":2,"lambda_W":"1/2","lambda_H":"1/2"'; do
    i=$((i + 1))
    "$NCCERT" certify imbrelu.global-search --instance-json "{\"kind\":\"imbrelu/1\",$inst,\"starts\":24,\"seed\":$((SEED + i))}" -q -o "$T/c$i.json" 2>"$T/err"
    "$NCCHECK" "$T/c$i.json" >"$T/out" 2>&1; rc=$?
    gap=$(python3 -c "$V
assert c['verdict']=='INCONCLUSIVE' and c['assertion']=='none' and float.fromhex(q['gap']['lo'])>-1e-12
assert abs(mid('objective_claimed')-Vs)<1e-12*max(1,Vs)
print('%.3e' % mid('gap'))" "$T/c$i.json" 2>"$T/pyerr")
    if [ "$rc" = 1 ] && grep -q "INCONCLUSIVE" "$T/out" && [ -n "$gap" ]; then ok "corrected $inst: no counterexample in 24 starts, best gap $gap"
    else not_ok "corrected $inst: exit $rc $(cat "$T/out" "$T/err" "$T/pyerr")"; fi
done
# printed reading: REFUTED, the witness sits at V* (the true optimum), far below the printed point
"$NCCERT" certify imbrelu.global-search --instance-json '{"kind":"imbrelu/1","n":["1","2","3"],"d":3,"lambda_W":"1/10","lambda_H":"1/10","reading":"printed","starts":8,"seed":5}' -q -o "$T/p.json" 2>"$T/err"
if "$NCCHECK" "$T/p.json" >/dev/null && python3 -c "$V
assert c['verdict']=='REFUTED' and abs(mid('objective_witness')-Vs)<1e-6 and mid('gap')<-0.1" "$T/p.json" 2>"$T/pyerr"
then ok "printed: REFUTED, witness objective = V* (python)"; else not_ok "printed $(cat "$T/err" "$T/pyerr")"; fi
tamper() {
    python3 -c "import json,sys; c=json.load(open(sys.argv[1])); $2; json.dump(c,open(sys.argv[2],'w'))" "$1" "$T/t.json" 2>"$T/pyerr"
    "$NCCHECK" "$T/t.json" >/dev/null 2>&1; rc=$?
    if [ "$rc" = "$3" ]; then ok "tamper $4 -> exit $3"; else not_ok "tamper $4: exit $rc, expected $3"; fi
}
tamper "$T/p.json" "c['witnesses']['H'][0][0]='-1/1024'" 1 "H entry negative (infeasible)"
tamper "$T/p.json" "c['witnesses']['W'][0][0]='1000'" 1 "W entry (objective no longer enclosed)"
tamper "$T/p.json" "c['witnesses']['search']['starts']=9" 1 "search starts"
tamper "$T/p.json" "c['verdict']='INCONCLUSIVE'" 1 "verdict"
tamper "$T/p.json" "q=c['quantities']['objective_claimed']; q['hi']=q['lo']" 1 "claimed objective hi"
tamper "$T/p.json" "c['instance']['reading']='corrected'" 1 "instance reading"
tamper "$T/p.json" "del c['witnesses']['H'][0]" 2 "H row missing"
for bad in '{"kind":"imbrelu/1","n":["1","2"],"d":2,"lambda_W":"1","lambda_H":"1","seed":1}' \
           '{"kind":"imbrelu/1","n":["1","2"],"d":1,"lambda_W":"1","lambda_H":"1","starts":2,"seed":1}' \
           '{"kind":"imbrelu/1","n":["100","200"],"d":2,"lambda_W":"1","lambda_H":"1","starts":2,"seed":1}'; do
    "$NCCERT" certify imbrelu.global-search --instance-json "$bad" -q -o "$T/bad.json" >/dev/null 2>&1; rc=$?
    if [ "$rc" = 2 ] && [ ! -e "$T/bad.json" ]; then ok "bad instance refused: $bad"; else not_ok "bad instance exit $rc: $bad"; fi
done
tap_done
