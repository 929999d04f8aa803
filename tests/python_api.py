"""python_api.py DIR: the cases of tests/t_python.sh (lines "ok<TAB>what" / "not ok<TAB>what").

The reference values are computed here with Fractions from the random integers the arrays are
made of (entries j/8, |j| <= 40: exact in float16), never taken from nccert's output: ||W||_F^2,
||H||_F^2, the margin at the certificate's witness and the Lemma 3.1 decision
q_min < (||W||^2 + ||H||^2) / (2 (K-1) sqrt(n)) (squared, exactly). Seed NCCERT_TEST_SEED."""
import json
import os
import subprocess
import sys
from fractions import Fraction as Fr

import numpy as np

import nccert

DIR = sys.argv[1]
SEED = int(os.environ.get("NCCERT_TEST_SEED") or int.from_bytes(os.urandom(4), "little"))
print("#\tNCCERT_TEST_SEED=%d" % SEED)
CLI = os.environ["NCCERT_CLI"]
L31, T33 = "ulpm.lemma-3.1", "ulpm.theorem-3.3"
failures = 0


def report(good, what):
    global failures
    failures += not good
    print("%s\t%s" % ("ok" if good else "not ok", what))


def path(name):
    return os.path.join(DIR, name)


rng = np.random.default_rng(SEED)
K, n, d = 3, 3, 4
labels = rng.permutation(np.repeat(np.arange(K), n))  # shuffled class order
Fi = rng.integers(-40, 41, size=(K * n, d))
Wi = rng.integers(-40, 41, size=(K, d))
F, W = (Fi / 8).astype(np.float32), (Wi / 8).astype(np.float32)


def reference(Fint, lab, Wint, scale=Fr(1, 8)):
    """Exact ||W||^2, ||H||^2, the classes (first n of each in file order), and q_min < bound."""
    Wq = [[scale * x for x in row] for row in Wint]
    cls = [[[scale * x for x in Fint[t]] for t in range(len(lab)) if lab[t] == k] for k in range(K)]
    m = min(len(c) for c in cls)
    cls = [c[:m] for c in cls]
    dot = lambda u, v: sum(x * y for x, y in zip(u, v))
    nW = sum(dot(w, w) for w in Wq)
    nH = sum(dot(h, h) for c in cls for h in c)
    q = min(dot(Wq[a], h) - dot(Wq[b], h) for a in range(K) for h in cls[a] for b in range(K) if b != a)
    A = nW + nH
    lt = q < 0 or (2 * (K - 1) * q) ** 2 * m < A * A
    return dict(W=Wq, cls=cls, nW=nW, nH=nH, lt=lt, n=m, dot=dot)


def matches_reference(r, ref):
    w = r.witnesses
    dot, h = ref["dot"], ref["cls"][w["k"]][w["i"]]
    marg = dot(ref["W"][w["k"]], h) - dot(ref["W"][w["j"]], h)
    bad = [name for name, v in (("norm_W_sq", ref["nW"]), ("norm_H_sq", ref["nH"]), ("margin_at_witness", marg))
           if v not in r.quantities[name]]
    if r.proved != ref["lt"]:
        bad.append("verdict %s, exact decision %s" % (r.verdict, ref["lt"]))
    if r.certificate["instance"]["n"] != ref["n"]:
        bad.append("n")
    return bad


def cli(claim, npz, out):
    p = subprocess.run([CLI, "certify", claim, "--npz", npz, "-q", "-o", out], stderr=subprocess.PIPE)
    return p.returncode


# ---- 1. known answers, the certificate and its data written, nccheck accepts
ref = reference(Fi, labels, Wi)
r = nccert.certify(L31, features=F, labels=labels, W=W, out=path("l31.json"))
bad = matches_reference(r, ref)
report(not bad, "Lemma 3.1 from memory: enclosures contain the exact norms and margin, verdict = exact decision %s"
       % (bad or ""))
report(all(isinstance(e.lo, Fr) and isinstance(e.hi, Fr) for e in r.quantities.values()),
       "every enclosure endpoint is a Fraction (never a float)")
report(r.certificate_path == path("l31.json") and os.path.exists(path("l31.data.npz"))
       and open(path("l31.json")).read() == r.certificate_text, "certificate and data written (l31.data.npz)")
z = np.load(path("l31.data.npz"))
report(sorted(z.files) == ["W", "features", "labels"] and np.array_equal(z["features"], F)
       and z["features"].dtype == np.float32 and np.array_equal(z["labels"], labels),
       "numpy.load reads the data .npz the library wrote: the arrays as given")
c = nccert.check(r.certificate_path)
report(c.ok and c.status == 0 and c.verdict == r.verdict, "nccheck accepts it with the data beside it (%s)" % c.message)

# ---- 2. the command line on the same .npz: same verdict, byte-identical certificate
for claim, name in ((L31, "l31"), (T33, "t33")):
    rr = r if claim == L31 else nccert.certify(claim, features=F, labels=labels, W=W, out=path(name + ".json"))
    rc = cli(claim, path(name + ".data.npz"), path(name + ".cli.json"))
    same = open(path(name + ".cli.json"), "rb").read() == rr.certificate_text.encode()
    report(rc == rr.status and same, "%s: nccert certify --npz on the library's .npz: exit %d = status %d, "
           "byte-identical certificate" % (claim, rc, rr.status))
r33 = nccert.certify(T33, features=F, labels=labels, W=W)
report(ref["nW"] in r33.quantities["norm_W_sq"] and ref["nH"] in r33.quantities["norm_H_sq"],
       "Theorem 3.3: the norms' enclosures contain the exact values")

# numpy.savez of the same arrays (other bytes, other SHA-256): the same certificate but the file record
np.savez(path("user.npz"), features=F, labels=labels, W=W)
cli(L31, path("user.npz"), path("user.cli.json"))
mem = nccert.certify(L31, features=F, labels=labels, W=W, data=path("user.npz"), write_data=False)
a, b = json.load(open(path("user.cli.json"))), mem.certificate
files_a, files_b = a["instance"].pop("files"), b["instance"].pop("files")
report(a == b and files_a[0]["name"] == files_b[0]["name"] == "user.npz",
       "a numpy.savez file through the CLI and the same arrays in memory: equal certificates but the file record")
report(open(path("user.npz"), "rb").read()[:2] == b"PK" and mem.data_path is None,
       "write_data=False leaves the user's file alone")

# ---- 3. memory layouts and dtypes: the same exact values
F2 = np.zeros((2 * K * n, 2 * d), np.float32)
F2[::2, ::2] = F
views = {
    "Fortran order": np.asfortranarray(F),
    "a strided view (every other row and column)": F2[::2, ::2],
    "negative strides (reversed twice)": F[::-1][::-1].copy()[::-1, ::-1][::-1, ::-1],
}
for what, X in views.items():
    rv = nccert.certify(L31, features=X, labels=labels, W=W, data="l31.data.npz")
    rc = nccert.certify(L31, features=F, labels=labels, W=W, data="l31.data.npz")
    report(rv.certificate_text == rc.certificate_text, "%s: byte-identical certificate (data in C order)" % what)
for what, (X, Lb, Wx) in {
    "float16 / uint8": (F.astype(np.float16), labels.astype(np.uint8), W.astype(np.float16)),
    "float64 / int16": (F.astype(np.float64), labels.astype(np.int16), W.astype(np.float64)),
    "big-endian": (F.astype(">f4"), labels.astype(">i4"), W.astype(">f8")),
}.items():
    rv = nccert.certify(L31, features=X, labels=Lb, W=Wx)
    report(not matches_reference(rv, ref), "%s: the same exact quantities and verdict" % what)
rv = nccert.certify(L31, features=Fi.astype(np.int16), labels=labels, W=Wi.astype(np.int8))
report(not matches_reference(rv, reference(Fi, labels, Wi, Fr(1))), "integer features and W: exact (scale 1)")

# ---- 4. unbalanced classes: refused, or the first n_min of each class with balance="first"
lu = rng.permutation(np.array([0] * 4 + [1] * 2 + [2] * 3))
Fu = rng.integers(-40, 41, size=(9, d))
try:
    nccert.certify(L31, features=(Fu / 8).astype(np.float32), labels=lu, W=W)
    report(False, "unbalanced classes refused without balance")
except nccert.BadInput as e:
    report("unbalanced" in str(e) and e.status == 2, "unbalanced classes refused: %s" % e)
rb = nccert.certify(L31, features=(Fu / 8).astype(np.float32), labels=lu, W=W, balance="first")
report(not matches_reference(rb, reference(Fu, lu, Wi)) and rb.certificate["instance"]["balance"] == "first",
       "balance='first': the first 2 of each class, exact quantities, recorded in the certificate")

# ---- 5. bad inputs: BadInput with one line, nothing written, nothing on stdout
def bad(what, expect, **kw):
    args = dict(claim=L31, features=F, labels=labels, W=W, out=path("bad.json"))
    args.update(kw)
    sys.stdout.flush()
    saved = os.dup(1)
    with open(path("stdout.txt"), "w") as f:
        os.dup2(f.fileno(), 1)
    try:
        nccert.certify(**args)
        err = None
    except nccert.BadInput as e:
        err = e
    except Exception as e:  # any other exception is a failure of this case
        err = e
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    written = [p for p in ("bad.json", "bad.data.npz") if os.path.exists(path(p))]
    quiet = os.path.getsize(path("stdout.txt")) == 0
    good = (isinstance(err, nccert.BadInput) and err.status == 2 and expect in str(err) and "\n" not in str(err)
            and not written and quiet)
    report(good, "%s: BadInput, one line, nothing written (%s)" % (what, err if err else "no error raised"))


Fn = F.copy(); Fn[2, 1] = np.nan
bad("NaN feature", "NaN or infinite", features=Fn)
Wn = W.copy(); Wn[0, 3] = -np.inf
bad("-inf in W", "NaN or infinite", W=Wn)
bad("W with d+1 columns", "shapes do not match", W=np.zeros((K, d + 1), np.float32))
bad("features 3-D", "must be N x d", features=F.reshape(K * n, 2, 2))
bad("labels shorter than the features", "shapes do not match", labels=labels[:-1])
lb = labels.copy(); lb[4] = K
bad("label K (out of range)", "out of range", labels=lb)
lb = labels.copy(); lb[0] = -1
bad("negative label", "out of range", labels=lb)
bad("empty class", "has no sample", labels=np.where(labels == 2, 0, labels))
bad("float labels", "must be integers", labels=labels.astype(np.float32))
bad("complex features", "not supported", features=F.astype(np.complex64))
bad("boolean labels", "not supported", labels=labels > 0)
bad("a list of Fractions (object dtype)", "not supported", features=[[Fr(1, 3)] * d] * (K * n))
bad("nonzero bias", "no bias", b=np.array([0, 0.5, 0]))
bad("unknown claim", "unknown claim", claim="ulpm.lemma-9.9")
bad("a claim without a point", "does not take a network's arrays", claim="imbrelu.theorem-1")
bad("balance 'last'", "balance", balance="last")
bad("a data name starting with '.'", "must not start with '.'", data=path(".hidden.npz"))
bad("one class only (W 1 x d)", "need 2 <= K", W=W[:1], labels=np.zeros(K * n, np.int64))

# ---- 6. nccheck refuses the certificate after one feature value changes; --data-dir
r = nccert.certify(L31, features=F, labels=labels, W=W, out=path("t.json"))
Fc = F.copy()
Fc[5, 2] += np.float32(0.125)
# the library rewrites the .npz with Fc: the same size, one value (4 bytes) differs
nccert.certify(L31, features=Fc, labels=labels, W=W, data=path("t.data.npz"))
c = nccert.check(path("t.json"))
report(not c.ok and c.status == 2 and "sha" in c.message.lower(),
       "nccheck refuses it after one feature value changes in place (exit %d: %s)" % (c.status, c.message))
np.savez(path("t.data.npz"), features=Fc, labels=labels, W=W)
c = nccert.check(path("t.json"))
report(not c.ok and c.status == 2, "nccheck refuses it after numpy.savez rewrote it with the value changed (exit %d: %s)"
       % (c.status, c.message))
os.makedirs(path("elsewhere"))
nccert.certify(L31, features=F, labels=labels, W=W, out=path("u.json"), data=path("elsewhere/u.npz"))
c1, c2 = nccert.check(path("u.json")), nccert.check(path("u.json"), data_dir=path("elsewhere"))
report(not c1.ok and c1.status == 2 and c2.ok, "data in another directory: refused without data_dir, accepted with it")
sys.exit(1 if failures else 0)
