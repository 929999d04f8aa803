#!/bin/sh
# t_linconv_schur.sh: linconv.theorem-2 on the structured path (Hessian dimension D > 4000,
# proofs/derivations/linconv-theorem-2.md section 7). Independent reference (numpy, never nccert's
# output): x* from the closed forms, grad F coded here, Hess-vector products by central
# differences of that gradient, and Lanczos (full reorthogonalisation) on Hess F(x*) + c B0 B0^T
# in the full D-dimensional space (no block structure used): its smallest Ritz value theta is >=
# lambda_min, so a sound certificate has mu < theta; and for normal directions v with ||v|| =
# delta (random ones and the Ritz vector projected to the normal space), ||v|| <= kappa ||grad F(x*
# + v)|| (for d <= 20, where B0 is formed). The split path (reduced dimension over 4000, section
# 7.6) is tested the same way at D = 6002. Also: method/reduced_dim/hessian_dim computed here, a random instance (seed printed,
# NCCERT_TEST_SEED), tampering rejected by nccheck, sizes refused before allocating.
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup schur nccert nccheck python3
PY=/usr/bin/python3
"$PY" -c 'import numpy' 2>/dev/null || tap_skip_all "numpy not available for /usr/bin/python3"
SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"

cat >"$T/ref.py" <<'PYEOF'
import json, sys, numpy as np
from fractions import Fraction as Fr
cert = json.load(open(sys.argv[1])); I = cert["instance"]; w = cert["witnesses"]; q = cert["quantities"]
rng = np.random.default_rng(int(sys.argv[2]))
K, n, d = I["K"], I["n"], I["d"]; N = n * K
lw, lh = float(Fr(I["lambda_W"])), float(Fr(I["lambda_H"]))
D = d * (K + N) + K; dK, dN = d * K, d * N
res = []
res.append(w.get("method") == ("schur" if 2 * d * K + K <= 1024 else "schur-split") and w.get("reduced_dim") == 2 * d * K + K and w.get("hessian_dim") == D)
s = np.sqrt(n * lw * lh); beta = np.sqrt(lw / (n * lh)); gamma = 1 - K * s; alpha = np.sqrt(gamma / beta)
Ws = np.zeros((d, K)); Ws[:K, :] = alpha * (np.eye(K) - 1.0 / K)
lab = np.arange(N) % K; Hs = beta * Ws[:, lab]; Y = np.eye(K)[:, lab]
def pack(W, H, b): return np.concatenate([W.T.ravel(), H.T.ravel(), b])
def grad(x):
    W = x[:dK].reshape(K, d).T; H = x[dK:dK + dN].reshape(N, d).T; b = x[dK + dN:]
    R = W.T @ H + b[:, None] - Y
    return pack(H @ R.T / N + lw * W, W @ R / N + lh * H, R.sum(1) / N)
xs = pack(Ws, Hs, np.full(K, 1.0 / K))
res.append(np.linalg.norm(grad(xs)) < 1e-12)
Us = np.concatenate([Ws, Hs], axis=1); Gs = Us.T @ Us
def tangent(v):  # B0 B0^T v without forming B0: column j gets sum_l (u_j.u_l) v_l - u_l (u_j.v_l)
    V = np.concatenate([v[:dK].reshape(K, d).T, v[dK:dK + dN].reshape(N, d).T], axis=1)
    Z = V @ Gs - Us @ (V.T @ Us)
    return np.concatenate([Z[:, :K].T.ravel(), Z[:, K:].T.ravel(), np.zeros(K)])
c = w["tangent_weight"]
def Hv(v):
    e = 1e-4 / np.linalg.norm(v)
    return (grad(xs + e * v) - grad(xs - e * v)) / (2 * e)
def Mv(v): return Hv(v) + c * tangent(v)
m = min(D, 400); Q = np.zeros((D, m)); al = np.zeros(m); be = np.zeros(m)
v = rng.standard_normal(D); v /= np.linalg.norm(v)
for j in range(m):
    Q[:, j] = v; u = Mv(v); al[j] = v @ u
    u -= Q[:, :j + 1] @ (Q[:, :j + 1].T @ u); u -= Q[:, :j + 1] @ (Q[:, :j + 1].T @ u)
    be[j] = np.linalg.norm(u)
    if be[j] < 1e-12: m = j + 1; break
    v = u / be[j]
T = np.diag(al[:m]) + np.diag(be[:m - 1], 1) + np.diag(be[:m - 1], -1)
ev, evec = np.linalg.eigh(T); theta = ev[0]; z = Q[:, :m] @ evec[:, 0]
mu = float(Fr(w["mu"])); kap = float(Fr(q["kappa"]["exact"]["a"])); delta = float(Fr(w["delta"]))
print("# theta = %.6g, mu = %.6g, kappa = %.6g, kappa*theta = %.4f" % (theta, mu, kap, kap * theta), file=sys.stderr)
res.append(mu < theta * (1 + 1e-6))
worst = 0
if d <= 20:  # sampled normal directions: B0 formed explicitly (d(d-1)/2 columns)
    B0 = []
    for a in range(d):
        for bb in range(a + 1, d):
            O = np.zeros((d, d)); O[a, bb], O[bb, a] = 1, -1
            B0.append(pack(O @ Ws, O @ Hs, np.zeros(K)))
    B0 = np.array(B0).T
    def normal(u): return u - B0 @ np.linalg.lstsq(B0, u, rcond=None)[0]
    for u in [normal(z)] + [normal(rng.standard_normal(D)) for _ in range(5)]:
        vv = delta * u / np.linalg.norm(u)
        worst = max(worst, np.linalg.norm(vv) / np.linalg.norm(grad(xs + vv)))
    print("# max ||v|| / ||grad F(x* + v)|| = %.6g" % worst, file=sys.stderr)
res.append(worst <= kap)
print(" ".join("ok" if r else "bad%d" % i for i, r in enumerate(res)))
PYEOF

expect 0 "K=2 n=1000 d=2 (D=4006) certifies on the structured path" "$NCCERT" certify linconv.theorem-2 --K 2 --n 1000 --d 2 --lambda-w 1/100 --lambda-h 1/100 -o "$T/a.json"
set -- $("$PY" - "$SEED" <<'PYEOF'
import sys, random
from fractions import Fraction as Fr
r = random.Random(int(sys.argv[1]))
while True:
    K = r.randint(2, 4); d = r.randint(K, K + 2)
    n = (4000 - K - d * K) // (d * K) + 1 + r.randint(0, 40)
    lw = Fr(r.randint(1, 50), 1000); lh = Fr(r.randint(1, 50), 1000)
    if lw * lh * n * K * K < 1: break
print(K, n, d, lw, lh)
PYEOF
)
echo "# random instance K=$1 n=$2 d=$3 lambda_W=$4 lambda_H=$5"
expect 0 "random instance above the dense cap certifies" "$NCCERT" certify linconv.theorem-2 --K $1 --n $2 --d $3 --lambda-w $4 --lambda-h $5 -o "$T/r.json"
expect 0 "K=2 n=2 d=1000 (D=6002, reduced 4002 > 4000) certifies on the split path" "$NCCERT" certify linconv.theorem-2 --K 2 --n 2 --d 1000 --lambda-w 1/100 --lambda-h 1/100 -o "$T/s.json"
expect 0 "K=3 n=7 d=171 (D=4107, reduced 1029) certifies on the split path" "$NCCERT" certify linconv.theorem-2 --K 3 --n 7 --d 171 --lambda-w 1/50 --lambda-h 1/20 -o "$T/t.json"
expect 0 "nccheck accepts all four" "$NCCHECK" "$T/a.json" "$T/r.json" "$T/s.json" "$T/t.json"
for f in a r s t; do
    "$PY" "$T/ref.py" "$T/$f.json" "$SEED" >"$T/$f.out" 2>"$T/$f.err" || echo "python-failed" >"$T/$f.out"
    cat "$T/$f.err"
    ok_words "$T/$f.out" 4 "$f: independent reference (structure fields, grad F(x*) = 0, mu < Lanczos theta, sampled ratios <= kappa)"
done

B="$T/a.json"
tamper "mu_reduced doubled" 1 'w["mu_reduced"]=str(Fr(w["mu_reduced"])*2)' "$B"
tamper "mu = mu_reduced (no room for the Schur bound g)" 1 'w["mu"]=w["mu_reduced"]' "$B"
tamper "mu >= lambda_H" 1 'w["mu"]=c["instance"]["lambda_H"]; w["mu_reduced"]="1"' "$B"
tamper "tangent weight 0 (the tangent directions are not penalised)" 1 'w["tangent_weight"]=0' "$B"
tamper "delta x2^12 (region too large)" 1 'v=Fr(w["delta"])*4096; w["delta"]=str(v); setq("delta", v)' "$B"
tamper "method not schur" 2 'w["method"]="dense"' "$B"
tamper "reduced_dim wrong" 2 'w["reduced_dim"]=11' "$B"
tamper "method key removed" 2 'del w["method"]' "$B"
tamper "huge declared sizes refused before allocating" 2 'c["instance"]["n"]=100000; c["instance"]["d"]=100000' "$B"
B="$T/s.json"
tamper "split: mu_core doubled" 1 'w["mu_core"]=str(Fr(w["mu_core"])*2)' "$B"
tamper "split: mu_block doubled" 1 'w["mu_block"]=str(Fr(w["mu_block"])*2)' "$B"
tamper "split: mu_reduced = min(mu_core, mu_block) (no room for the off-block rows)" 1 'w["mu_reduced"]=str(min(Fr(w["mu_core"]), Fr(w["mu_block"]))); w["mu"]=str(Fr(w["mu_reduced"])/2); setq("kappa", 2/Fr(w["mu"]))' "$B"
tamper "split: method schur" 2 'w["method"]="schur"' "$B"
tamper "split: mu_block removed" 2 'del w["mu_block"]' "$B"
refuse "core dimension 2K^2+K > 4000 refused by nccert" linconv.theorem-2 '{"kind":"linconv/1","K":50,"n":1,"d":50,"lambda_W":"1/1000","lambda_H":"1/1000"}'

tap_done
