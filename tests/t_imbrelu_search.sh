#!/bin/sh
# t_imbrelu_search.sh: imbrelu.global-search. Corrected reading of (6): searches from many random
# starts (K = 2..5, small n_k, imbalance, dead classes, complete collapse) find no point below
# V*: nccert gives INCONCLUSIVE, nccheck validates and exits 1, and the best gap is >= 0 up to
# 1e-12 (the rounded witness never goes below V*: the gap is certified by the checker's own
# recomputation). Printed reading: REFUTED with the witness objective equal (to 1e-6) to V*
# computed here in python from the derivation's closed form. Tampered certificates rejected.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup ibs nccert nccheck python3
SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
SEED=$((SEED % 1000000))
echo "# NCCERT_TEST_SEED=$SEED"
V="${IMBRELU_PY}Vs=V()
"
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
tamper "tamper H entry negative (infeasible)" 1 "c['witnesses']['H'][0][0]='-1/1024'" "$T/p.json"
tamper "tamper W entry (objective no longer enclosed)" 1 "c['witnesses']['W'][0][0]='1000'" "$T/p.json"
tamper "tamper search starts" 1 "c['witnesses']['search']['starts']=9" "$T/p.json"
tamper "tamper verdict" 1 "c['verdict']='INCONCLUSIVE'" "$T/p.json"
tamper "tamper claimed objective hi" 1 "q=c['quantities']['objective_claimed']; q['hi']=q['lo']" "$T/p.json"
tamper "tamper instance reading" 1 "c['instance']['reading']='corrected'" "$T/p.json"
tamper "tamper H row missing" 2 "del c['witnesses']['H'][0]" "$T/p.json"
for bad in '{"kind":"imbrelu/1","n":["1","2"],"d":2,"lambda_W":"1","lambda_H":"1","seed":1}' \
           '{"kind":"imbrelu/1","n":["1","2"],"d":1,"lambda_W":"1","lambda_H":"1","starts":2,"seed":1}' \
           '{"kind":"imbrelu/1","n":["100","200"],"d":2,"lambda_W":"1","lambda_H":"1","starts":2,"seed":1}'; do
    refuse "bad instance refused: $bad" imbrelu.global-search "$bad"
done
tap_done
