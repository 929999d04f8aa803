#!/bin/sh
# t_byon.sh: "bring your own network" (issue 15): ulpm claims certified on a network's arrays
# from .npz / .npy files (kinds npz/1, npy/1, recorded as data/1 by SHA-256), re-checked by
# nccheck from the files beside the certificate or in --data-dir.
# The data are written here by numpy (python3-numpy); the reference values are computed here
# independently with Fractions from the same random integers (never from nccert's output):
# ||W||_F^2, ||H||_F^2, the margin at the certificate's witness (sample i of class k in file
# order) and the Lemma 3.1 verdict (q_min < bound, decided exactly). float16/32/64, integers,
# big-endian, Fortran order and separate .npy files must give the same exact quantities; bad
# files are refused with one line and exit 2, no file written. Seed NCCERT_TEST_SEED (printed).

. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup byon nccert nccheck python3
PY=/usr/bin/python3
"$PY" -c 'import numpy' 2>/dev/null || tap_skip_all "numpy not available for /usr/bin/python3 (apt-get install python3-numpy)"
SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"

# gen.py SEED DIR: K=3, d=4, n=3 per class in shuffled order; entries j/8 with |j| <= 40 (exact
# in float16); writes the variants, and ref.json: the integers (entries times 8) for the reference.
cat >"$T/gen.py" <<'EOF'
import json, sys, numpy as np
seed, out = int(sys.argv[1]), sys.argv[2]
rng = np.random.default_rng(seed)
K, n, d = 3, 3, 4
labels = rng.permutation(np.repeat(np.arange(K), n))
Fi = rng.integers(-40, 41, size=(K * n, d)); Wi = rng.integers(-40, 41, size=(K, d))
F32, W32 = (Fi / 8).astype(np.float32), (Wi / 8).astype(np.float32)
lab = labels.astype(np.int64)
np.savez(out + "/f32.npz", features=F32, labels=lab, W=W32)
np.savez(out + "/f16.npz", features=F32.astype(np.float16), labels=lab.astype(np.uint8), W=W32.astype(np.float16))
np.savez(out + "/f64.npz", features=F32.astype(np.float64), labels=lab.astype(np.int16), W=W32.astype(np.float64),
         b=np.zeros(K, np.float64))
np.savez(out + "/be.npz", features=F32.astype(">f4"), labels=lab.astype(">i4"), W=W32.astype(">f8"))
np.savez(out + "/fo.npz", features=np.asfortranarray(F32), labels=lab, W=np.asfortranarray(W32.astype(np.float64)))
np.savez(out + "/int.npz", features=Fi.astype(">i2"), labels=lab, W=Wi.astype(np.int8))  # 8 times the others
np.save(out + "/feat.npy", F32); np.save(out + "/lab.npy", lab.astype(np.uint16)); np.save(out + "/W.npy", W32)
# unbalanced, shuffled: class sizes 4, 2, 3 (--balance first keeps 2 of each)
lu = rng.permutation(np.array([0] * 4 + [1] * 2 + [2] * 3))
Fu = rng.integers(-40, 41, size=(9, d))
np.savez(out + "/unbal.npz", features=(Fu / 8).astype(np.float32), labels=lu, W=W32)
json.dump({"K": K, "F": Fi.tolist(), "W": Wi.tolist(), "labels": labels.tolist(), "Fu": Fu.tolist(),
           "lu": lu.tolist()}, open(out + "/ref.json", "w"))
EOF
"$PY" "$T/gen.py" "$SEED" "$T" || tap_bail "numpy could not write the data"

# ref.py CERT SCALE [unbal]: the certificate's enclosures of norm_W_sq, norm_H_sq and the margin at
# its witness must contain the exact values (entries = integers / 8 * SCALE), and its verdict
# must be the exact Lemma 3.1 decision. Prints "ok" or what differs.
cat >"$T/ref.py" <<'EOF'
import json, sys
from fractions import Fraction as Fr
c = json.load(open(sys.argv[1])); r = json.load(open(sys.argv[1].rsplit("/", 1)[0] + "/ref.json"))
s = Fr(int(sys.argv[2]), 8); unbal = len(sys.argv) > 3
K = r["K"]; F, lab = (r["Fu"], r["lu"]) if unbal else (r["F"], r["labels"])
W = [[s * x for x in row] for row in r["W"]]
cls = [[[s * x for x in F[t]] for t in range(len(lab)) if lab[t] == k] for k in range(K)]
n = min(len(v) for v in cls); cls = [v[:n] for v in cls]  # the first n of each class, file order
def hx(t):
    neg = t.startswith("-"); m, e = t.lstrip("-")[2:].split("p"); a, _, b = m.partition(".")
    v = Fr(int(a + b, 16), 16 ** len(b)) * Fr(2) ** int(e); return -v if neg else v
dot = lambda u, v: sum(x * y for x, y in zip(u, v))
nW = sum(dot(w, w) for w in W); nH = sum(dot(h, h) for v in cls for h in v)
w = c["witnesses"]; k, i, j = w["k"], w["i"], w["j"]
marg = dot(W[k], cls[k][i]) - dot(W[j], cls[k][i])
q = min(dot(W[a], h) - dot(W[b], h) for a in range(K) for h in cls[a] for b in range(K) if b != a)
A = nW + nH  # q_min < A / (2 (K-1) sqrt(n)), exactly
lt = q < 0 or (2 * (K - 1) * q) ** 2 * n < A * A
bad = [name for name, v in (("norm_W_sq", nW), ("norm_H_sq", nH), ("margin_at_witness", marg))
       if not hx(c["quantities"][name]["lo"]) <= v <= hx(c["quantities"][name]["hi"])]
if c["instance"]["n"] != n: bad.append("n")
if (c["verdict"] == "PROVED") != lt or c["assertion"] != ("q_min < bound" if lt else c["assertion"]): bad.append("verdict")
print("ok" if not bad else "differs: " + " ".join(bad))
EOF

L31=ulpm.lemma-3.1
cert_npz() {   # NAME ARGS...: certify Lemma 3.1 on $T/NAME... into $T/NAME.json
    _nm=$1; shift
    "$NCCERT" certify $L31 "$@" -q -o "$T/$_nm.json" 2>"$T/$_nm.err"; echo $?
}
for v in f32 f16 f64 be fo; do
    rc=$(cert_npz $v --npz "$T/$v.npz")
    if [ "$rc" -le 1 ]; then check "$("$PY" "$T/ref.py" "$T/$v.json" 1)" ok "$v.npz: enclosures contain the exact values, verdict exact"
    else not_ok "$v.npz: certify exit $rc: $(cat "$T/$v.err")"; fi
done
rc=$(cert_npz int --npz "$T/int.npz")
check "$rc/$("$PY" "$T/ref.py" "$T/int.json" 8)" "$rc/ok" "int.npz (>i2 features, i1 W: 8x the entries): enclosures and verdict exact"
rc=$(cert_npz npy --features "$T/feat.npy" --labels "$T/lab.npy" --classifier "$T/W.npy")
check "$rc/$("$PY" "$T/ref.py" "$T/npy.json" 1)" "$rc/ok" "separate .npy files: enclosures and verdict exact"
q() { "$PY" -c 'import json,sys; c=json.load(open(sys.argv[1])); print(c["verdict"], *(c["quantities"][k]["lo"] + c["quantities"][k]["hi"] for k in sorted(c["quantities"])))' "$1"; }
same=1
for v in f16 f64 be fo npy; do [ "$(q "$T/$v.json")" = "$(q "$T/f32.json")" ] || same=0; done
check $same 1 "float16/32/64, big-endian, Fortran order, .npy files: the same verdict and enclosures"
check "$("$PY" -c 'import json,sys; c=json.load(open(sys.argv[1]))["instance"]; print(c["kind"], c["files"][0]["name"], c["arrays"]["features"]["dtype"], c["arrays"]["W"]["dtype"], c["arrays"]["labels"]["shape"], c["arrays"]["features"]["fortran_order"])' "$T/be.json")" \
    "data/1 be.npz >f4 >f8 [9] False" "the certificate records the file, dtypes and shapes"
"$PY" -c 'import hashlib,json,sys; c=json.load(open(sys.argv[1]))["instance"]["files"][0]; sys.exit(c["sha256"] != hashlib.sha256(open(sys.argv[2],"rb").read()).hexdigest() or c["bytes"] != len(open(sys.argv[2],"rb").read()))' "$T/f32.json" "$T/f32.npz"
ok_rc $? "the recorded SHA-256 and size are those of the file (python hashlib)"

# nccheck: data beside the certificate, or --data-dir
out=$("$NCCHECK" "$T/f32.json" "$T/int.json" "$T/npy.json" "$T/be.json" "$T/fo.json" "$T/f16.json" "$T/f64.json" 2>&1); rc=$?
check "$rc" 0 "nccheck accepts every variant with the data beside the certificate"
mkdir "$T/c"; cp "$T/f32.json" "$T/c/"
"$NCCHECK" "$T/c/f32.json" >"$T/out" 2>&1; rc=$?
check "$rc/$(grep -c 'data file f32.npz not found' "$T/out")" 2/1 "data file missing: REJECTED, exit 2, names the file"
expect 0 "nccheck --data-dir DIR finds the data" "$NCCHECK" --data-dir "$T" "$T/c/f32.json"

# tampered records: nccheck compares them with the files it reads itself
tamper "recorded dtype <f8 for a <f4 array" 2 'c["instance"]["arrays"]["features"]["dtype"] = "<f8"' "$T/f32.json"
tamper "recorded shape changed" 2 'c["instance"]["arrays"]["W"]["shape"] = [3, 5]' "$T/f32.json"
tamper "recorded sha256 changed" 2 'c["instance"]["files"][0]["sha256"] = "0" * 64' "$T/f32.json"
tamper "file name with a path" 2 'c["instance"]["files"][0]["name"] = "../f32.npz"; c["instance"]["arrays"]["features"]["file"] = "../f32.npz"' "$T/f32.json"
tamper "n changed (2 per class)" 2 'c["instance"]["n"] = 2' "$T/f32.json"
tamper "K, n beyond the limits (2^26 entries)" 2 'c["instance"]["K"] = 100000; c["instance"]["n"] = 1000' "$T/f32.json"
tamper "n larger than the files hold (refused before allocating)" 2 'c["instance"]["n"] = 4000' "$T/f32.json"
tamper "the witness moved to another sample" 1 'w["i"] = (w["i"] + 1) % 3' "$T/f32.json"

# one feature value changed (same size): nccheck refuses on the hash
"$PY" -c 'import numpy as np,sys; z=dict(np.load(sys.argv[1])); z["features"][0,0] += 1; np.savez(sys.argv[1], **z)' "$T/f32.npz"
"$NCCHECK" "$T/f32.json" >"$T/out" 2>&1; rc=$?
check "$rc/$(grep -c 'SHA-256 differs' "$T/out")" 2/1 "one feature changed in the .npz: nccheck refuses (SHA-256)"

# --balance first on unbalanced shuffled classes
rc=$(cert_npz unbal --npz "$T/unbal.npz")
check "$rc/$(grep -c -- '--balance first' "$T/unbal.err")/$(wc -l <"$T/unbal.err")/$([ -e "$T/unbal.json" ] && echo written)" "2/1/1/" \
    "unbalanced classes without --balance: one line naming --balance first, exit 2, no file"
rc=$(cert_npz unbal --npz "$T/unbal.npz" --balance first)
check "$rc/$("$PY" "$T/ref.py" "$T/unbal.json" 1 unbal)" "$rc/ok" "--balance first: the first n_min of each class in file order, exact"
check "$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["instance"]["balance"])' "$T/unbal.json")" first "the certificate records balance first"
expect 0 "nccheck accepts the balanced certificate" "$NCCHECK" "$T/unbal.json"
tamper "balance first replaced by none on unbalanced data" 2 'c["instance"]["balance"] = "none"' "$T/unbal.json"

# Theorem 3.3 on the same arrays (npz/1 goes through the point of every ulpm claim)
"$NCCERT" certify ulpm.theorem-3.3 --npz "$T/f64.npz" -q -o "$T/t33.json" 2>"$T/t33.err"; rc=$?
check "$rc/$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["instance"]["kind"])' "$T/t33.json" 2>/dev/null)" 0/data/1 "ulpm.theorem-3.3 --npz: PROVED, instance data/1"
expect 0 "nccheck accepts the Theorem 3.3 certificate" "$NCCHECK" "$T/t33.json"

# hex floats: the same point as an explicit instance with hex entries gives the same enclosures
"$PY" - "$T" >"$T/hex.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1] + "/ref.json")); K = r["K"]
cols = [r["F"][t] for k in range(K) for t in range(len(r["labels"])) if r["labels"][t] == k]
hx = lambda v: (v / 8).hex()
print(json.dumps({"K": K, "n": len(cols) // K, "d": len(r["W"][0]), "W": [[hx(x) for x in w] for w in r["W"]],
                  "H": [[hx(h[l]) for h in cols] for l in range(len(r["W"][0]))]}))
EOF
"$NCCERT" certify $L31 --instance "$T/hex.json" -q -o "$T/hexc.json" 2>"$T/hex.err"
check "$(q "$T/hexc.json")" "$(q "$T/npy.json")" "explicit instance with hex-float entries: the same enclosures as the .npy files"
expect 0 "nccheck accepts hex-float instance entries" "$NCCHECK" "$T/hexc.json"

# extreme values (subnormals of every float size, 2^1023, -0.0, +-2^53, 255 as uint8): Lemma 3.1
# certified, nccheck accepts (its exact rebuild agrees with the certifier's), and the norms'
# enclosures contain the exact values Python computes with Fractions from the arrays themselves
"$PY" - "$T" <<'EOF'
import sys, numpy as np
o = sys.argv[1] + "/"
np.savez(o + "x64.npz", W=np.array([[2.0**1000, -2.0**-1074, 0.5], [-0.0, 1.0, 3.0]]), labels=np.array([0, 1, 0, 1]),
         features=np.array([[5e-324, 2.0**-1000, -2.0**1023], [1.5, -2.0**-1022, 2.0**52 + 1], [-7.25, 0.0, 2.0**-1073], [3.0, 2.0**600, -1.0]]))
np.savez(o + "x16.npz", features=np.array([[2.0**-24, -2.0**-14, 65504], [-0.0, 2.0**-20, 1], [3, 2, 1], [1, 1, -2.0**-24]], np.float16),
         labels=np.array([1, 0, 1, 0], np.uint8), W=np.array([[1, 2, 3], [-4, 5, 2.0**-24]], ">f2"))
np.savez(o + "x32.npz", features=np.array([[2.0**-149, -2.0**-126, 3.4e38], [-0.0, 2.0**-130, 1], [3, 2, 1], [1, 1, -2.0**-149]], ">f4"),
         labels=np.array([1, 0, 1, 0], ">i8"), W=np.array([[1, 2, 3], [-4, 5, 2.0**-140]], np.float32))
np.savez(o + "xi.npz", features=np.array([[-2**53, 2**53, 0], [1, -1, 7], [3, 2, 1], [255, 1, -9]], ">i8"),
         labels=np.array([1, 0, 1, 0]), W=np.array([[1, 2, 3], [-4, 5, -128]], np.int8))
EOF
cat >"$T/exnorm.py" <<'EOF'
import json, sys, numpy as np
from fractions import Fraction as Fr
c = json.load(open(sys.argv[1])); z = np.load(sys.argv[2])
def hx(t):
    neg = t.startswith("-"); m, e = t.lstrip("-")[2:].split("p"); a, _, b = m.partition(".")
    v = Fr(int(a + b, 16), 16 ** len(b)) * Fr(2) ** int(e); return -v if neg else v
ex = lambda a: sum(Fr(x.item()) ** 2 for x in a.ravel())  # Fraction(float) and int are exact
q = c["quantities"]
print(all(hx(q[k]["lo"]) <= v <= hx(q[k]["hi"]) for k, v in (("norm_W_sq", ex(z["W"])), ("norm_H_sq", ex(z["features"])))))
EOF
for v in x64 x16 x32 xi; do
    rc=$(cert_npz $v --npz "$T/$v.npz")
    "$NCCHECK" "$T/$v.json" >"$T/out" 2>&1; crc=$?
    check "$rc/$crc/$("$PY" "$T/exnorm.py" "$T/$v.json" "$T/$v.npz")" "0/0/True" "$v.npz (extreme values): certified, nccheck accepts, norms exact"
done

# nccheck's own reader on files nccert would refuse (a forged certificate pins them by hash):
# a compressed member, a member name twice, a header not in numpy's form -> REJECTED, exit 2
cat >"$T/forge.py" <<'EOF'
import hashlib, io, json, sys, zipfile, numpy as np
t, how = sys.argv[1], sys.argv[2]
z = dict(np.load(t + "/f64.npz")); c = json.load(open(t + "/f64.json"))
def img(a):
    f = io.BytesIO(); np.save(f, a); return f.getvalue()
with zipfile.ZipFile(t + "/forged.npz", "w", zipfile.ZIP_DEFLATED if how == "deflate" else zipfile.ZIP_STORED) as zz:
    for k, v in z.items():
        b = img(v)
        if how == "header" and k == "W": b = b.replace(b"'descr'", b'"descr"')
        zz.writestr(k + ".npy", b)
    if how == "twice": zz.writestr("W.npy", img(np.zeros_like(z["W"])))
b = open(t + "/forged.npz", "rb").read()
c["instance"]["files"][0].update(name="forged.npz", bytes=len(b), sha256=hashlib.sha256(b).hexdigest())
for a in c["instance"]["arrays"].values(): a["file"] = "forged.npz"
json.dump(c, open(t + "/forged.json", "w"))
EOF
"$PY" "$T/forge.py" "$T" plain 2>/dev/null
expect 0 "control: the same forging with nothing wrong is accepted" "$NCCHECK" "$T/forged.json"
for how in deflate twice header; do
    "$PY" "$T/forge.py" "$T" $how 2>/dev/null || { not_ok "forging $how failed"; continue; }
    "$NCCHECK" "$T/forged.json" >"$T/out" 2>&1; rc=$?
    check "$rc/$(grep -c 'REJECTED: data' "$T/out")" 2/1 "nccheck refuses a forged .npz ($how): $(cut -c1-100 "$T/out")"
done

# bad files: one line on stderr, exit 2, no certificate written
bad() {   # DESC PATTERN PYTHON-CODE (makes $T/bad.npz from z = the arrays of f64.npz; or writes raw bytes)
    "$PY" -c 'import numpy as np,sys
z = dict(np.load(sys.argv[1])); out = sys.argv[2]
exec(sys.argv[3])' "$T/f64.npz" "$T/bad.npz" "$3" || { not_ok "$1: could not make the file"; return; }
    rm -f "$T/bad.json"
    "$NCCERT" certify $L31 --npz "$T/bad.npz" -q -o "$T/bad.json" >/dev/null 2>"$T/bad.err"; rc=$?
    if [ $rc -eq 2 ] && [ ! -e "$T/bad.json" ] && [ "$(wc -l <"$T/bad.err")" -eq 1 ] && grep -q -- "$2" "$T/bad.err"; then
        ok "$1: exit 2, one line ($(cut -c1-90 "$T/bad.err"))"
    else not_ok "$1: exit $rc, want 2, one line matching '$2': $(cat "$T/bad.err")"; fi
}
SAVE='np.savez(out, **z)'
bad "truncated .npz" "truncated" "open(out, 'wb').write(open(sys.argv[1], 'rb').read()[:300])"
bad "truncated member" "truncated" "import io, zipfile
with zipfile.ZipFile(out, 'w') as zz:
    for k, v in z.items():
        f = io.BytesIO(); np.save(f, v); zz.writestr(k + '.npy', f.getvalue()[:-8] if k == 'W' else f.getvalue())"
bad "NaN feature" "NaN or infinite" "z['features'][2, 1] = np.nan; $SAVE"
bad "Inf in W" "NaN or infinite" "z['W'][0, 3] = -np.inf; $SAVE"
bad "float16 infinity" "NaN or infinite" "z['features'] = z['features'].astype(np.float16); z['features'][0, 0] = np.inf; $SAVE"
bad "W with d+1 columns" "shapes do not match" "z['W'] = np.zeros((3, 5)); $SAVE"
bad "features 3-D" "must be N x d" "z['features'] = z['features'].reshape(9, 2, 2); $SAVE"
bad "label out of range" "out of range" "z['labels'][4] = 3; $SAVE"
bad "negative label" "out of range" "z['labels'][0] = -1; $SAVE"
bad "empty class" "class 2 has no sample" "z['labels'][z['labels'] == 2] = 0; $SAVE"
bad "float labels" "must be integers" "z['labels'] = z['labels'].astype(np.float32); $SAVE"
bad "labels missing" "no array \"labels\"" "del z['labels']; $SAVE"
bad "nonzero bias" "no bias" "z['b'] = np.array([0, 0.5, 0]); $SAVE"
bad "integer beyond 2^53" "beyond 2^53" "z['W'] = np.full((3, 4), 2**60, np.int64); $SAVE"
bad "complex dtype" "not supported" "z['W'] = z['W'].astype(np.complex64); $SAVE"
bad "savez_compressed" "numpy.savez" "np.savez_compressed(out, **z)"
bad "not a zip file" "not a .npz" "open(out, 'wb').write(b'hello world, no zip here at all')"
rm -f "$T/x.json"
"$NCCERT" certify $L31 --npz "$T/nonexistent.npz" -q -o "$T/x.json" 2>"$T/x.err"; rc=$?
check "$rc/$(wc -l <"$T/x.err")/$([ -e "$T/x.json" ] && echo written)" "2/1/" "missing input file: exit 2, one line"

tap_done
