#!/bin/sh
# t_imbrelu_cor4.sh: imbrelu.cor-4 end to end. Known answers computed here from Corollary 4's
# C = N^2 K lam/(K-1) and eq. (6) with python Fractions (C = 1/100 on the paper's experiment;
# the exact boundaries n_B = C, n_A = C at K = 3, n = (1,1,4)); every decided leaf of a phase
# box re-decided at its corners and centre from n_k <= C directly; seeded random two-group
# instances (NCCERT_TEST_SEED); tampered certificates rejected; bad instances refused (exit 2);
# the committed phase TSV equal to a fresh certificate's.
. "$(dirname "$0")/tap.sh"
tap_setup ibc4 nccert nccheck python3
SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"
cert() { "$NCCERT" certify imbrelu.cor-4 --instance-json "$1" -q -o "$2" 2>"$T/err"; }
py() { python3 -c "$1" "$2" 2>"$T/pyerr"; }
H='import json,sys,math
from fractions import Fraction as F
c=json.load(open(sys.argv[1])); q=c["quantities"]; I=c["instance"]; w=c["witnesses"]
def ex(k): return F(q[k]["exact"]["a"])
def lo(k): return float.fromhex(q[k]["lo"])
def hi(k): return float.fromhex(q[k]["hi"])
def zero(k): return q[k]["lo"]=="0x0p+0" and q[k]["hi"]=="0x0p+0"
'
PN='"n":["100","100","200","200","300","300","400","400","500","500"]'
# 1. the paper's experiment: C = 3000^2 * 10/9 * 1e-9 = 1/100, no class dead, lambda_crit[0] = 9*100/(10*3000^2)
cert "{\"kind\":\"imbrelu/1\",$PN,\"d\":10,\"lambda_W\":\"0.0001\",\"lambda_H\":\"0.00001\"}" "$T/p.json"
if "$NCCHECK" "$T/p.json" >/dev/null && py "$H
assert c['verdict']=='PROVED' and ex('C')==F(1,100) and w['dead']==[] and w['phase']=='none'
assert ex('lambda_crit[0]')==F(1,100000) and ex('lambda_crit[9]')==F(5,100000) and ex('n_minus_C[0]')==F(9999,100)
M=math.log(9*(math.sqrt(100)/(3000*math.sqrt(0.9)*math.sqrt(1e-9))-1)); x=math.sqrt(0.9*10/100)*M
assert abs(lo('norm_h_sq[0]')-x)<1e-12 and abs(lo('norm_W_sq')-0.1*lo('norm_H_sq'))<1e-9" "$T/p.json"
then ok "paper experiment: C = 1/100, all classes alive, ||h_1||^2 from (9)"; else not_ok "paper experiment $(cat "$T/err" "$T/pyerr")"; fi
# 2. minority boundary: K=3, n=(1,1,4), lam = 1/54 -> C = 36*3/2/54 = 1 = n_B: h_B = 0, w_B equal, (17) R = 4 = rhs
cert '{"kind":"imbrelu/1","n":["1","1","4"],"d":3,"lambda_W":"1/6","lambda_H":"1/9"}' "$T/b.json"
if "$NCCHECK" "$T/b.json" >/dev/null && py "$H
assert c['verdict']=='PROVED' and ex('C')==1 and w['dead']==[0,1] and w['eq17']=='holds' and ex('eq17_rhs')==4
assert zero('norm_h_sq[0]') and zero('norm_h_sq[1]') and zero('w_gap_sq[1]') and lo('w_gap_sq[2]')>0 and lo('norm_h_sq[2]')>0" "$T/b.json"
then ok "minority boundary n_B = C: h_B = 0 and w_B equal exactly"; else not_ok "minority boundary $(cat "$T/err" "$T/pyerr")"; fi
# 3. complete boundary: lam = 2/27 -> C = 4 = n_A, (18): 36/4 = 9 = 2/(3*2/27): W = H = 0
cert '{"kind":"imbrelu/1","n":["1","1","4"],"d":3,"lambda_W":"1/3","lambda_H":"2/9"}' "$T/c.json"
if "$NCCHECK" "$T/c.json" >/dev/null && py "$H
assert c['verdict']=='PROVED' and w['phase']=='complete' and w['eq18']=='holds' and ex('eq18_lhs')==9 and ex('eq18_rhs')==9
assert zero('norm_W_sq') and zero('norm_H_sq')" "$T/c.json"
then ok "complete boundary n_A = C: (W, H) = 0 exactly"; else not_ok "complete boundary $(cat "$T/err" "$T/pyerr")"; fi
# 4. printed (6): K=2, n=(1,1), lam=1/4: C = 2 >= 1 but printed M = log(2 sqrt 2 - 1) > 0
cert '{"kind":"imbrelu/1","n":["1","1"],"d":2,"lambda_W":"1/2","lambda_H":"1/2","reading":"printed"}' "$T/r.json"
"$NCCHECK" "$T/r.json" >/dev/null; rc=$?
if [ $rc -eq 0 ] && py "$H
assert c['verdict']=='REFUTED' and w['k']==0 and abs(lo('M[0]')-math.log(2*math.sqrt(2)-1))<1e-14" "$T/r.json"
then ok "printed (6) contradicts Corollary 4: REFUTED at class 0"; else not_ok "printed refuted $(cat "$T/err" "$T/pyerr")"; fi
# 5. seeded random two-group instances: dead set = {k : n_k <= C} computed here
for s in 1 2 3 4; do
    inst=$(python3 -c "
import random; r=random.Random($SEED*11+$s); KA=r.randint(1,3); KB=r.randint(1,3); nB=r.randint(1,20); nA=nB*r.randint(2,6)
n=[nA]*KA+[nB]*KB; r.shuffle(n); N=sum(n); K=KA+KB
lam_t=(K-1)*r.choice([nB,nA])/(K*N*N)*r.choice([0.5,1,2])
a=r.randint(1,50); print('{\"kind\":\"imbrelu/1\",\"n\":[%s],\"d\":%d,\"lambda_W\":\"1/%d\",\"lambda_H\":\"%d/%d\"}' % (','.join('\"%d\"'%x for x in n),K,a,a,max(1,round(1/lam_t))))")
    cert "$inst" "$T/s$s.json"
    if "$NCCHECK" "$T/s$s.json" >/dev/null && py "$H
n=[int(x) for x in I['n']]; K=len(n); N=sum(n); lam=F(I['lambda_W'])*F(I['lambda_H']); C=F(N*N*K,K-1)*lam
assert c['verdict']=='PROVED' and w['dead']==[k for k in range(K) if n[k]<=C]
nA=max(n); nB=min(n); KA=n.count(nA); KB=K-KA
assert w['eq17']==('holds' if F(nA,nB)>=((F(K-1)/(N*K*lam))-KB)/KA else 'fails') and w['eq18']==('holds' if F(N*N,nA)>=F(K-1)/(K*lam) else 'fails')
assert all(zero('norm_h_sq[%d]'%k)==(n[k]<=C) for k in range(K))" "$T/s$s.json"
    then ok "random two-group $inst"; else not_ok "random two-group $inst $(cat "$T/err" "$T/pyerr")"; fi
done
# 6. phase box: every decided leaf re-decided at corners and centre from n_k <= C; leaves tile the box (areas)
cert '{"kind":"imbrelu-phase/1","K_A":2,"K_B":3,"n_B":"7","R":["1","64"],"lambda":["1/1048576","1/16"],"max_depth":12}' "$T/box.json"
if "$NCCHECK" "$T/box.json" >/dev/null && py "$H
KA,KB,nB=2,3,7; K=5
def phase(R,l):
    N=nB*(KA*R+KB); C=N*N*K*l/(K-1)
    return 'complete' if R*nB<=C else 'minority' if nB<=C else 'none'
area=0; seen=set()
for L in w['leaves']:
    R0,R1=map(F,L['R']); l0,l1=map(F,L['lambda']); area+=(R1-R0)*(l1-l0)
    if L['phase']!='undecided':
        for R in (R0,R1,(R0+R1)/2):
            for l in (l0,l1,(l0+l1)/2): assert phase(R,l)==L['phase'],(L,R,l)
        seen.add(L['phase'])
assert area==(64-1)*(F(1,16)-F(1,1048576)) and seen=={'none','minority','complete'} and c['verdict']=='PROVED'" "$T/box.json"
then ok "phase box: decided leaves agree with n_k <= C at 9 points each; leaves tile the box"; else not_ok "phase box $(cat "$T/err" "$T/pyerr")"; fi
# 7. tampering: each must be rejected with the stated exit code (files made in one python run)
python3 -c "import json,sys,copy
cases=[('b','q[\'C\'][\'exact\'][\'a\']=\'2\'',1,'C'),
 ('b','q[\'norm_h_sq[0]\'][\'hi\']=\'0x1p-60\'; q[\'norm_h_sq[0]\'][\'decimal\']=\'[+/- 1e-18]\'',0,'widening a zero enclosure is still sound'),
 ('b','q[\'norm_h_sq[2]\'][\'lo\']=q[\'norm_h_sq[2]\'][\'hi\']',1,'norm_h_sq lo'),
 ('b','q[\'w_gap_sq[2]\'][\'hi\']=q[\'w_gap_sq[2]\'][\'lo\']',1,'w_gap_sq hi'),
 ('b','w[\'dead\']=[0]',1,'dead list'),
 ('b','w[\'eq17\']=\'fails\'',1,'eq17 witness'),
 ('b','c[\'verdict\']=\'REFUTED\'',1,'verdict'),
 ('b','c[\'assertion\']=\'Corollary 4 contradicts the Theorem 1 point at class k\'; w[\'k\']=2; c[\'verdict\']=\'REFUTED\'',1,'assertion'),
 ('b','c[\'instance\'][\'lambda_H\']=\'1/8\'',1,'instance lambda_H'),
 ('b','c[\'instance\'][\'n\'][2]=\'5\'',1,'instance n'),
 ('box','L=[x for x in w[\'leaves\'] if x[\'phase\']==\'minority\'][0]; L[\'phase\']=\'none\'',1,'leaf phase'),
 ('box','L=[x for x in w[\'leaves\'] if x[\'phase\']==\'undecided\'][0]; L[\'phase\']=\'minority\'',1,'undecided leaf relabelled'),
 ('box','w[\'leaves\'][3][\'R\'][1]=\'3/2\'',2,'leaf endpoint'),
 ('box','w[\'tree\'][0]=\'l:1/2\'',2,'split outside the box'),
 ('box','w[\'leaves\'].pop(); w[\'tree\'].pop()',2,'leaf removed'),
 ('box','q[\'leaves_none\'][\'exact\'][\'a\']=\'1\'',1,'leaf count'),
 ('box','c[\'instance\'][\'n_B\']=\'8\'',1,'instance n_B')]
src={s:json.load(open(sys.argv[1]+'/'+s+'.json')) for s in ('b','box')}
out=open(sys.argv[1]+'/cases','w')
for i,(s,edit,code,label) in enumerate(cases):
    c=copy.deepcopy(src[s]); q=c['quantities']; w=c['witnesses']; exec(edit)
    json.dump(c,open(sys.argv[1]+'/t%d.json'%i,'w')); out.write('%d %d %s\\n'%(i,code,label))
" "$T" 2>"$T/pyerr" || echo "# tamper generation failed: $(cat "$T/pyerr")"
while read -r i code label; do
    "$NCCHECK" "$T/t$i.json" >/dev/null 2>&1; rc=$?
    if [ $rc -eq "$code" ]; then ok "tampered certificate: nccheck exit $code as expected: $label"; else not_ok "tamper $label: exit $rc, expected $code"; fi
done < "$T/cases"
# 8. bad instances: exit 2
for bad in '{"kind":"imbrelu/1","n":["1","2","3"],"d":2,"lambda_W":"1","lambda_H":"1"}' \
           '{"kind":"imbrelu-phase/1","K_A":0,"K_B":1,"n_B":"1","R":["1","2"],"lambda":["1/4","1"],"max_depth":3}' \
           '{"kind":"imbrelu-phase/1","K_A":1,"K_B":1,"n_B":"1","R":["1/2","2"],"lambda":["1/4","1"],"max_depth":3}' \
           '{"kind":"imbrelu-phase/1","K_A":1,"K_B":1,"n_B":"1","R":["1","2"],"lambda":["1","1/4"],"max_depth":3}' \
           '{"kind":"imbrelu-phase/1","K_A":1,"K_B":1,"n_B":"1.5","R":["1","2"],"lambda":["1/4","1"],"max_depth":3}' \
           '{"kind":"imbrelu-phase/1","K_A":1,"K_B":1,"n_B":"1","R":["1","2"],"lambda":["1/4","1"],"max_depth":99}' \
           '{"kind":"imbrelu-phase/1","K_A":1,"K_B":1,"n_B":"1","R":["1","2"],"lambda":["1/4","1"],"max_depth":3,"x":1}'; do
    "$NCCERT" certify imbrelu.cor-4 --instance-json "$bad" -q -o "$T/bad.json" >/dev/null 2>&1; rc=$?
    if [ $rc -eq 2 ] && [ ! -e "$T/bad.json" ]; then ok "bad instance refused: $bad"; else not_ok "bad instance exit $rc: $bad"; fi
done
# 9. the committed phase-diagram data equals a fresh certificate's leaves
cert '{"kind":"imbrelu-phase/1","K_A":5,"K_B":5,"n_B":"100","R":["1","128"],"lambda":["1/17179869184","1/8192"],"max_depth":16}' "$T/reg.json"
if sh "$ROOT/tests/imbrelu_cor4_tsv.sh" "$T/reg.json" | cmp -s - "$ROOT/specs/claims/imbrelu.cor-4.phase.tsv"
then ok "specs/claims/imbrelu.cor-4.phase.tsv is up to date"; else not_ok "phase TSV differs from a fresh certificate"; fi
tap_done
