#!/bin/sh
# bench/byon.sh BUILD_DIR: "bring your own network" at CIFAR-10 size (K=10, n=5000, d=512,
# float32 features in shuffled class order, written by numpy.savez): nccert certify
# ulpm.lemma-3.1 --npz and nccheck against NumPy's float64 evaluation of the same quantities
# (logits, margins q_min, ||W||^2, ||H||^2, the cross-entropy loss) in the same run; wall time
# and peak memory (/usr/bin/time), certificate size. Run by `make bench` (section 6) and alone
# by `make bench-byon`. BENCH_BYON_N (default 5000) scales n. Exit 1 if a step fails or the
# verdicts disagree.
set -u
B=${1:-build}
PY=${BENCH_PYTHON:-/usr/bin/python3}
N=${BENCH_BYON_N:-5000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$PY" -c 'import numpy' 2>/dev/null || { echo "bench/byon.sh: numpy missing (apt-get install python3-numpy)"; exit 1; }
[ -x /usr/bin/time ] || { echo "bench/byon.sh: /usr/bin/time missing (apt-get install time)"; exit 1; }
"$PY" - "$tmp/net.npz" "$N" <<'EOF' || exit 1
import sys, numpy as np
rng = np.random.default_rng(10)
K, n, d = 10, int(sys.argv[2]), 512
y = rng.permutation(np.repeat(np.arange(K), n))
M = rng.standard_normal((K, d)).astype(np.float32)
F = (M[y] / 8 + rng.standard_normal((K * n, d))).astype(np.float32)
np.savez(sys.argv[1], features=F, labels=y, W=M)
EOF
# NumPy float64 peer: the same quantities Lemma 3.1 decides, plus the CE loss, no rigour
cat >"$tmp/peer.py" <<'EOF'
import sys, time, numpy as np
t = time.perf_counter()
z = np.load(sys.argv[1]); F, y, W = z["features"].astype(np.float64), z["labels"], z["W"].astype(np.float64)
K = W.shape[0]; n = np.bincount(y, minlength=K).min()
L = F @ W.T                                             # logits, N x K
own = L[np.arange(len(y)), y]
other = np.where(np.arange(K)[None, :] == y[:, None], np.inf, L)
q = (own - other.min(axis=1)).min()                     # q_min
nW, nH = (W * W).sum(), (F * F).sum()
bound = (nW + nH) / (2 * (K - 1) * np.sqrt(n))
m = L.max(axis=1, keepdims=True)
loss = (m[:, 0] + np.log(np.exp(L - m).sum(axis=1)) - own).sum()
print("PROVED" if q < bound else "REFUTED", "%.6g" % (time.perf_counter() - t), "q_min=%.17g bound=%.17g loss=%.17g" % (q, bound, loss))
EOF
run() {   # NAME CMD...: wall seconds and peak KB into $tmp/NAME.time
    _n=$1; shift
    /usr/bin/time -f "%e %M %U %S" -o "$tmp/$_n.time" "$@" >"$tmp/$_n.out" 2>"$tmp/$_n.err"
}
status=0
run peer "$PY" "$tmp/peer.py" "$tmp/net.npz" || status=1
run certify "$B/nccert" certify ulpm.lemma-3.1 --npz "$tmp/net.npz" -q -o "$tmp/net.cert.json"
[ $? -le 1 ] || status=1
run check "$B/nccheck" "$tmp/net.cert.json" || status=1
# Python package (python/nccert over libnccert.so.1): the arrays loaded by numpy, certified from
# memory (the library writes them into its own .npz image, hashes and reads it), data written
run python env PYTHONPATH="$(dirname "$0")/../python" NCCERT_LIBRARY="$B/libnccert.so.1" "$PY" -c '
import sys, numpy as np, nccert
z = np.load(sys.argv[1]); F, y, W = z["features"], z["labels"], z["W"]
r = nccert.certify("ulpm.lemma-3.1", features=F, labels=y, W=W, out=sys.argv[2])
print(r.verdict)' "$tmp/net.npz" "$tmp/py.cert.json"
[ $? -le 1 ] || status=1
# the certified NC metrics (linconv.nc-metrics: NC2, NC3) and their NumPy float64 peer
run metrics "$B/nccert" certify linconv.nc-metrics --npz "$tmp/net.npz" -q -o "$tmp/ncm.cert.json" || status=1
run mcheck "$B/nccheck" "$tmp/ncm.cert.json" || status=1
run mpeer "$PY" -c '
import sys, numpy as np
z = np.load(sys.argv[1]); F, y, W = z["features"].astype(np.float64), z["labels"], z["W"].astype(np.float64)
K = W.shape[0]; E = np.eye(K) - 1 / K
mu = np.stack([F[y == k].mean(0) for k in range(K)]); Hb = (mu - mu.mean(0)).T
f = lambda A: np.linalg.norm(A / np.linalg.norm(A) - E / np.sqrt(K - 1))
print("NC2=%.17g NC3=%.17g" % (f(W @ W.T), f(W @ Hb)))' "$tmp/net.npz" || status=1
verdict=$(sed -n 's/.*"verdict": "\([A-Z]*\)".*/\1/p' "$tmp/net.cert.json")
[ "$verdict" = "$(cut -d' ' -f1 "$tmp/peer.out")" ] || status=1
size=$(wc -c <"$tmp/net.cert.json")
data=$(wc -c <"$tmp/net.npz")
row() { printf '| %s | %s | %s | %s | %.0f |\n' "$1" "$2" "$(cut -d' ' -f1 "$tmp/$3.time")" "$(awk '{ print $3 + $4 }' "$tmp/$3.time")" \
    "$(awk '{ print $2 / 1024 }' "$tmp/$3.time")"; }
echo "Instance: K=10, n=$N, d=512, float32 features in shuffled class order (numpy.savez, $data bytes)."
echo ""
echo "| step | result | wall s | CPU s | peak MiB |"
echo "|---|---|---:|---:|---:|"
row "NumPy float64: load, logits, q_min, norms, CE loss (no rigour)" "$(cut -d' ' -f1 "$tmp/peer.out") (python's own timer: $(cut -d' ' -f2 "$tmp/peer.out") s)" peer
row "nccert certify ulpm.lemma-3.1 --npz" "$verdict" certify
row "Python: nccert.certify from memory (numpy.load included; writes the data .npz)" "$(cat "$tmp/python.out")" python
row "nccheck (re-hash, re-read, exact GMP recomputation)" "$(sed 's/^[^:]*: //' "$tmp/check.out")" check
row "NumPy float64: NC2, NC3 (no rigour)" "$(cat "$tmp/mpeer.out")" mpeer
row "nccert certify linconv.nc-metrics --npz" "$(sed -n 's/.*"decimal": "\(.*\)".*/\1/p' "$tmp/ncm.cert.json" | tr '\n' ' ')" metrics
row "nccheck of the NC metrics certificate" "$(sed 's/^[^:]*: //' "$tmp/mcheck.out")" mcheck
echo ""
echo "Certificate: $size bytes (the data by reference: name, size, SHA-256, dtypes, shapes). NumPy: $(cut -d' ' -f3- "$tmp/peer.out")."
[ "$(cat "$tmp/python.out")" = "$verdict" ] || status=1
[ $status = 0 ] || { echo "bench/byon.sh: a step failed:"; cat "$tmp/certify.err" "$tmp/check.out" "$tmp/peer.err" "$tmp/python.err"; }
exit $status
