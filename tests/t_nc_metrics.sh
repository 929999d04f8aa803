#!/bin/sh
# t_nc_metrics.sh: claim linconv.nc-metrics (certified NC2 and NC3 of seed 002's appendix, with
# the 1/K of the ETF matrix the paper misprints): the enclosures of random points (random-dyadic/1
# regenerated here; a network's float32 arrays through nccert.metrics in memory) contain the
# values computed here independently (exact Fractions for c = <A, E> and s = ||A||_F^2, then
# sqrt(2 - 2c/sqrt((K-1)s)) in 80-digit Decimal); the simplex-ETF point gives [0, 0] exactly;
# nccheck accepts, and rejects an enclosure moved off the value (but accepts a wider one); points
# with sqrt(n) entries and W = 0 are refused with one line, exit 2. Seed NCCERT_TEST_SEED.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup nc_metrics nccert nccheck
PY=/usr/bin/python3
[ -x "$PY" ] && "$PY" -c 'import numpy' 2>/dev/null || tap_skip_all "numpy not available for /usr/bin/python3"
SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"
ID=linconv.nc-metrics

# ref.py CERT: "ok" iff the certificate's nc2 and nc3 contain the values recomputed from its
# instance (random-dyadic/1: regenerated with splitmix64; data/1: the .npz beside it, via numpy)
cat >"$T/ref.py" <<'PYEOF'
import json, os, sys
from decimal import Decimal, getcontext
from fractions import Fraction as Fr
getcontext().prec = 80
c = json.load(open(sys.argv[1])); inst = c["instance"]; K, n, d = inst["K"], inst["n"], inst["d"]
def hx(t):
    if t in ("0x0p+0", "-0x0p+0"): return Fr(0)
    neg = t.startswith("-"); m, e = t.lstrip("-")[2:].split("p"); a, _, b = m.partition(".")
    v = Fr(int(a + b, 16), 16 ** len(b)) * Fr(2) ** int(e); return -v if neg else v
if inst.get("kind") == "random-dyadic/1":   # specs/generators.md: W then H row-major, (u - 2^19)/2^19
    s = int(inst["seed"]); M = (1 << 64) - 1
    def nx():
        global s
        s = (s + 0x9E3779B97F4A7C15) & M; z = s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M; z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        return z ^ (z >> 31)
    val = lambda: Fr((nx() >> 44) - (1 << 19), 1 << 19)
    W = [[val() for _ in range(d)] for _ in range(K)]
    Hrows = [[val() for _ in range(n * K)] for _ in range(d)]
    cols = [[Hrows[l][col] for l in range(d)] for col in range(n * K)]
    cls = [cols[k * n:(k + 1) * n] for k in range(K)]
elif "W" in inst:                             # explicit: p/q strings, H is d x nK
    W = [[Fr(x) for x in row] for row in inst["W"]]
    cls = [[[Fr(inst["H"][l][k * n + i]) for l in range(d)] for i in range(n)] for k in range(K)]
else:                                        # data/1: the arrays of the .npz beside the certificate
    import numpy as np
    z = np.load(os.path.join(os.path.dirname(sys.argv[1]), inst["files"][0]["name"]))
    W = [[Fr(float(x)) for x in row] for row in z["W"]]
    F, y = z["features"], z["labels"]
    cls = [[[Fr(float(x)) for x in F[t]] for t in range(len(y)) if y[t] == k][:n] for k in range(K)]
dot = lambda u, v: sum(a * b for a, b in zip(u, v))
mean = [[sum(h[l] for h in cls[j]) / n for l in range(d)] for j in range(K)]
g = [sum(mean[j][l] for j in range(K)) / K for l in range(d)]
Hbar = [[mean[j][l] - g[l] for l in range(d)] for j in range(K)]
def metric(A):
    cc = sum(A[i][i] for i in range(K)) - sum(sum(r) for r in A) / K
    ss = sum(x * x for r in A for x in r)
    if cc > 0 and cc * cc == (K - 1) * ss: return 0
    t = Decimal(cc.numerator) / Decimal(cc.denominator) / ((K - 1) * Decimal(ss.numerator) / Decimal(ss.denominator)).sqrt()
    return (2 - 2 * t).sqrt()
bad = []
for name, A in (("nc2", [[dot(W[k], W[j]) for j in range(K)] for k in range(K)]),
                ("nc3", [[dot(W[k], Hbar[j]) for j in range(K)] for k in range(K)])):
    v = metric(A); lo, hi = hx(c["quantities"][name]["lo"]), hx(c["quantities"][name]["hi"])
    if v == 0:
        ok = lo == hi == 0
    else:
        eps = Decimal(10) ** -60
        ok = Decimal(lo.numerator) / lo.denominator < v - eps and v + eps < Decimal(hi.numerator) / hi.denominator
    if not ok: bad.append("%s: %s not in [%s, %s]" % (name, v, lo, hi))
print("ok" if not bad else "; ".join(bad))
PYEOF

for inst in "--K 3 --n 2 --d 4 --seed $SEED" "--K 5 --n 3 --d 2 --seed $((SEED + 1))" "--K 2 --n 1 --d 1 --seed $((SEED + 2))"; do
    set -- $inst
    "$NCCERT" certify $ID "$@" -q -o "$T/r.json" 2>"$T/err"; rc=$?
    check "$rc/$("$PY" "$T/ref.py" "$T/r.json" 2>&1)" "0/ok" "random-dyadic/1 $inst: PROVED, nc2 and nc3 contain the exact values"
    "$NCCHECK" -q "$T/r.json" >/dev/null 2>&1
    ok_rc $? "nccheck accepts it"
done
cert=$ROOT/certificates/$ID/etf-K3-n2-d3.json
ends=$("$PY" -c 'import json, sys; q = json.load(open(sys.argv[1]))["quantities"]
print(" ".join(q[n][e] for n in ("nc2", "nc3") for e in ("lo", "hi")))' "$cert")
check "$("$PY" "$T/ref.py" "$cert")/$ends" "ok/0x0p+0 0x0p+0 0x0p+0 0x0p+0" \
    "the committed simplex-ETF certificate: both metrics exactly [0, 0]"

# a network's arrays in memory (Python), shuffled float32, and an exact ETF from float data
cat >"$T/net.py" <<'PYEOF'
import sys, numpy as np, nccert
rng = np.random.default_rng(int(sys.argv[2])); K, n, d = 4, 5, 6
y = rng.permutation(np.repeat(np.arange(K), n))
W = (rng.integers(-40, 41, size=(K, d)) / 8).astype(np.float32)
F = (W[y] * 2 + rng.integers(-8, 9, size=(K * n, d)) / 16).astype(np.float32)
r = nccert.metrics(F, y, W, out=sys.argv[1] + "/net.json")
E = (np.eye(4) - 0.25).astype(np.float32)           # rows e_k - 1/4: exact in binary; features = w_k
e = nccert.metrics(E[np.repeat(np.arange(4), 3)] * 3, np.repeat(np.arange(4), 3), E, out=sys.argv[1] + "/etf.json")
print(r.verdict, e.quantities["nc2"].hi, e.quantities["nc3"].hi, float(r.quantities["nc2"].lo) > 0)
PYEOF
if readelf -d "$_tap_build/libnccert.so.1" 2>/dev/null | grep -q 'libasan'; then   # check-sanitize's build
    for t in 1 2 3; do skip "libnccert.so.1 is ASan-instrumented: python3 cannot load it"; done
else
    out=$(PYTHONPATH="$ROOT/python" NCCERT_LIBRARY="$_tap_build/libnccert.so.1" "$PY" "$T/net.py" "$T" "$SEED" 2>&1)
    check "$out" "PROVED 0 0 True" "nccert.metrics from memory: PROVED; the float ETF (K=4, rows e_k - 1/4) exactly 0"
    check "$("$PY" "$T/ref.py" "$T/net.json" 2>&1)" "ok" "the network's enclosures contain the values recomputed from its .npz"
    "$NCCHECK" -q "$T/net.json" "$T/etf.json" >/dev/null 2>&1
    ok_rc $? "nccheck accepts both (data beside them)"
fi

# tampering: an enclosure moved off the value is rejected; a wider one is accepted
"$NCCERT" certify $ID --K 3 --n 2 --d 4 --seed "$SEED" -q -o "$T/r.json"
cat >"$T/tamper.py" <<'PYEOF'
import json, sys
c = json.load(open(sys.argv[1])); q = c["quantities"][sys.argv[2]]
if sys.argv[3] == "below":   # [lo - 2^-30, lo - 2^-31]: strictly below the value
    lo = float.fromhex(q["lo"]); q["lo"] = (lo - 2 ** -30).hex(); q["hi"] = (lo - 2 ** -31).hex()
elif sys.argv[3] == "above":
    hi = float.fromhex(q["hi"]); q["lo"] = (hi + 2 ** -31).hex(); q["hi"] = (hi + 2 ** -30).hex()
else:                        # wider: [lo - 1/4, hi + 1/4]
    q["lo"] = (float.fromhex(q["lo"]) - 0.25).hex(); q["hi"] = (float.fromhex(q["hi"]) + 0.25).hex()
q["decimal"] = "[%.3f +/- 1]" % float.fromhex(q["lo"])
json.dump(c, open(sys.argv[4], "w"), indent=2)
PYEOF
for q in nc2 nc3; do
    for how in below above; do
        "$PY" "$T/tamper.py" "$T/r.json" $q $how "$T/t.json"
        "$NCCHECK" "$T/t.json" >"$T/out" 2>&1; rc=$?
        check "$rc/$(grep -c "quantity $q: \[lo, hi\] does not contain" "$T/out")" "1/1" "nccheck rejects $q moved $how the value"
    done
    "$PY" "$T/tamper.py" "$T/r.json" $q wider "$T/t.json"
    "$NCCHECK" -q "$T/t.json" >/dev/null 2>&1
    ok_rc $? "nccheck accepts a wider enclosure of $q (a containment check, not equality)"
done

# refused: sqrt(n) entries, W = 0 (NC2 undefined); one line, exit 2, nothing written
"$NCCERT" certify $ID --instance-json '{"kind":"nc/1","K":3,"n":2,"d":3}' -q -o "$T/x.json" 2>"$T/err"; rc=$?
check "$rc/$(wc -l <"$T/err")/$([ -e "$T/x.json" ] && echo written)/$(grep -c 'sqrt(n) part' "$T/err")" "2/1//1" "nc/1 refused (entries with sqrt(n))"
"$NCCERT" certify $ID --instance-json '{"K":2,"n":1,"d":1,"W":[["0"],["0"]],"H":[["1","2"]]}' -q -o "$T/x.json" 2>"$T/err"; rc=$?
check "$rc/$(wc -l <"$T/err")/$([ -e "$T/x.json" ] && echo written)/$(grep -c 'NC2 is undefined' "$T/err")" "2/1//1" "W = 0 refused: NC2 undefined"
tap_done
