#!/bin/sh
# t_tamper.sh: nccheck against tampered certificates. Certificates made by build/nccert
# (random-dyadic/1 K=5 n=2 d=6, nc/1 K=3 n=4 d=3, nc/1 K=4 n=2 d=5, the explicit instance
# tests/data/tamper_explicit_K3_n2_d2.json) are accepted as written; then single mutations
# (python3, stdlib only) must be rejected with the exit status specs/certificate.md gives:
# 1 for a well-formed certificate whose claim does not follow (wrong enclosure, witness not
# establishing the assertion, verdict not following, INCONCLUSIVE), 2 for malformed input (not
# JSON, unknown format, missing/extra keys, wrong types, indices out of range). Mutations that
# keep the certificate valid (another minimiser at an NC point, dropping the optional "exact")
# must still be accepted. Whether a mutation really breaks the certificate is decided here in
# exact rational arithmetic (python fractions, own generator), never by asking nccert.
# The random instance's seed comes from NCCERT_TEST_SEED when set (printed).

. "$(dirname "$0")/tap.sh"
tap_setup tamper nccheck-or-skip nccert python3
DATA="$ROOT/tests/data"
CLAIM=ulpm.lemma-3.1

SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"

# ---------------------------------------------------------------- base certificates
mkdir "$T/base" "$T/mut"
make_base() {   # NAME ARGS...
    name=$1
    shift
    if "$NCCERT" certify $CLAIM "$@" -q -o "$T/base/$name.json" 2>"$T/err"; then
        ok "nccert certify $* -> $name.json (PROVED)"
    else
        not_ok "nccert certify $* failed: $(cat "$T/err")"
    fi
}
make_base rd  --K 5 --n 2 --d 6 --seed "$SEED"
make_base nc1 --nc --K 3 --n 4 --d 3
make_base nc2 --nc --K 4 --n 2 --d 5
make_base ex  --instance "$DATA/tamper_explicit_K3_n2_d2.json"

# A genuine INCONCLUSIVE certificate: a 2^-60 perturbation of an NC point, precision capped at
# 64 bits, and too large for the exact tier (K*K*n*d = 2.16e8 > 2e8).
"$NCCERT" certify $CLAIM --nc --K 600 --n 1 --d 600 --seed 1 --perturb -60 --max-prec 64 -q -o "$T/inconclusive.json" 2>"$T/err"
rc=$?
v=$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); print(c["verdict"], c["assertion"])' "$T/inconclusive.json" 2>/dev/null)
if [ $rc -eq 1 ] && [ "$v" = "INCONCLUSIVE none" ]; then
    ok "nccert: K=600 n=1 d=600 eps 2^-60 at 64 bits is INCONCLUSIVE (exit 1)"
else
    not_ok "expected an INCONCLUSIVE certificate with exit 1, got exit $rc, '$v'"
fi

# ---------------------------------------------------------------- the mutator
cat >"$T/mutate.py" <<'PYEOF'
import copy, json, os, sys
from fractions import Fraction as Fr

base_dir, out_dir, manifest = sys.argv[1], sys.argv[2], sys.argv[3]
man = open(manifest, "w")

# --- exact values, independent of nccert: generators and entries per specs/ ---
M64 = (1 << 64) - 1
def splitmix(seed):
    s = seed
    while True:
        s = (s + 0x9e3779b97f4a7c15) & M64
        z = s
        z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & M64
        z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & M64
        yield z ^ (z >> 31)

def entry(s):
    sign = -1 if s.startswith("-") else 1
    s = s.lstrip("+-")
    if "/" in s:
        p, q = s.split("/")
        return sign * Fr(int(p), int(q))
    return sign * Fr(s)   # integer or finite decimal, exact

def rational_instance(inst):
    """W (K x d) and H (d x nK) as Fractions, for explicit and random-dyadic/1; else None."""
    K, n, d = inst["K"], inst["n"], inst["d"]
    kind = inst.get("kind", "explicit")
    if kind == "explicit":
        return [[entry(x) for x in r] for r in inst["W"]], [[entry(x) for x in r] for r in inst["H"]]
    if kind == "random-dyadic/1":
        g = splitmix(int(inst["seed"]))
        val = lambda: Fr((next(g) >> 44) - (1 << 19), 1 << 19)
        W = [[val() for _ in range(d)] for _ in range(K)]
        H = [[val() for _ in range(n * K)] for _ in range(d)]
        return W, H
    return None

def margin(W, H, n, k, i, j):
    c = k * n + i
    return sum((W[k][l] - W[j][l]) * H[l][c] for l in range(len(H)))

def norm_W(W):
    return sum(x * x for r in W for x in r)

def hexval(s):
    """exact value of a hex float [-]0x<h>[.<h>]p<+-e>"""
    neg = s.startswith("-")
    s = s.lstrip("-")
    assert s.startswith("0x")
    mant, e = s[2:].split("p")
    ip, _, fp = mant.partition(".")
    v = Fr(int(ip + fp, 16), 16 ** len(fp)) * Fr(2) ** int(e)
    return -v if neg else v

HEX = "0123456789abcdef"
def raise_hex(s, above):
    """a one-hex-digit change of s whose value exceeds `above`, else None"""
    body = s.lstrip("-")
    mant_end = body.index("p")
    off = len(s) - len(body)
    for pos in range(off + 2, off + mant_end):
        if s[pos] == ".": continue
        for ch in HEX:
            if ch == s[pos]: continue
            t = s[:pos] + ch + s[pos + 1:]
            if hexval(t) > above: return t
    return None

def lower_hex(s, below):
    body = s.lstrip("-")
    off = len(s) - len(body)
    for pos in range(off + 2, off + body.index("p")):
        if s[pos] == ".": continue
        for ch in HEX:
            if ch == s[pos]: continue
            t = s[:pos] + ch + s[pos + 1:]
            if hexval(t) < below: return t
    return None

# --- writing mutants ---
count = 0
def emit(base, name, expect, desc, obj=None, raw=None):
    global count
    count += 1
    path = os.path.join(out_dir, "%s__%02d_%s.json" % (base, count, name))
    with open(path, "w") as f:
        if raw is not None: f.write(raw)
        else: json.dump(obj, f, indent=2)
    man.write("%s\t%s\t%s: %s\n" % (path, expect, base, desc))

def mutate(base, cert, text):
    inst = cert["instance"]
    K, n, d = inst["K"], inst["n"], inst["d"]
    kind = inst.get("kind", "explicit")
    Q = cert["quantities"]
    w = cert["witnesses"]
    k, i, j = w["k"], w["i"], w["j"]
    strict = cert["assertion"] == "q_min < bound"
    rat = rational_instance(inst)

    def m(fn):
        c = copy.deepcopy(cert)
        fn(c)
        return c

    emit(base, "identity", "0", "unchanged (re-serialised by python): accepted", m(lambda c: None))

    # --- witnesses ---
    def set_w(key, val):
        return m(lambda c: c["witnesses"].__setitem__(key, val))
    emit(base, "k_out", "2", "witness k = K (out of range)", set_w("k", K))
    emit(base, "k_neg", "2", "witness k = -1", set_w("k", -1))
    emit(base, "i_out", "2", "witness i = n (out of range)", set_w("i", n))
    emit(base, "j_out", "2", "witness j = K (out of range)", set_w("j", K))
    emit(base, "j_eq_k", "2", "witness j = k", set_w("j", k))
    emit(base, "k_str", "2", "witness k as a string", set_w("k", str(k)))
    emit(base, "j_real", "2", "witness j as a real (%d.5)" % j, set_w("j", j + 0.5))
    lo_m, hi_m = hexval(Q["margin_at_witness"]["lo"]), hexval(Q["margin_at_witness"]["hi"])
    alts = []
    for (kk, ii, jj, what) in [((k + 1) % K, i, j, "k"), (k, (i + 1) % n, j, "i"), (k, i, (j + 1) % K, "j"),
                               (k, i, (j + 2) % K, "j"), ((k + 2) % K, i, j, "k")]:
        if jj == kk or (kk, ii, jj) == (k, i, j) or what in [a[3] for a in alts]: continue
        alts.append((kk, ii, jj, what))
    for (kk, ii, jj, what) in alts:
        desc = "witness %s changed: (%d,%d,%d) -> (%d,%d,%d)" % (what, k, i, j, kk, ii, jj)
        c = m(lambda c: c["witnesses"].update({"k": kk, "i": ii, "j": jj}))
        if rat is not None:
            s = margin(rat[0], rat[1], n, kk, ii, jj)
            if lo_m <= s <= hi_m:
                man.write("#\t-\t%s: skipped %s (same margin)\n" % (base, desc))
                continue
            emit(base, "w_" + what, "1", desc + ", its margin %s is outside margin_at_witness" % s, c)
        elif kind == "nc/1":
            # every margin of an NC point is 1/sqrt(n): another witness is as good
            emit(base, "w_" + what + "_nc_ok", "0", desc + ": NC point, all margins equal, still accepted", c)

    # --- enclosures: lo above the value (above hi), hi below it (below lo); swap ---
    for qn in ["margin_at_witness", "norm_W_sq", "norm_H_sq", "bound", "slack"]:
        lo_s, hi_s = Q[qn]["lo"], Q[qn]["hi"]
        lo, hi = hexval(lo_s), hexval(hi_s)
        t = raise_hex(lo_s, hi)
        if t is None: sys.exit("no digit raises %s lo %s" % (qn, lo_s))
        emit(base, qn + "_lo", "1", "%s.lo hex digit changed %s -> %s (above hi)" % (qn, lo_s, t),
             m(lambda c: c["quantities"][qn].__setitem__("lo", t)))
        t = lower_hex(hi_s, lo)
        desc = "%s.hi hex digit changed %s -> %%s (below lo)" % (qn, hi_s)
        if t is None:
            t = "-0x1p+0" if hi == 0 else None
            desc = "%s.hi %s -> %%s (sign: no digit lowers zero, below lo)" % (qn, hi_s)
        if t is None: sys.exit("no change lowers %s hi %s" % (qn, hi_s))
        emit(base, qn + "_hi", "1", desc % t, m(lambda c: c["quantities"][qn].__setitem__("hi", t)))
        # lo <= hi kept, but the interval moved off the value: containment itself is checked
        emit(base, qn + "_shift_down", "1", "%s: lo = hi = %s (a well-ordered interval below the value)" % (qn, t),
             m(lambda c: c["quantities"][qn].update({"lo": t, "hi": t})))
        t = raise_hex(lo_s, hi)
        emit(base, qn + "_shift_up", "1", "%s: lo = hi = %s (a well-ordered interval above the value)" % (qn, t),
             m(lambda c: c["quantities"][qn].update({"lo": t, "hi": t})))
        if lo != hi:
            emit(base, qn + "_swap", "1", "%s lo and hi swapped" % qn,
                 m(lambda c: c["quantities"][qn].update({"lo": hi_s, "hi": lo_s})))
    emit(base, "hex_bad_exp", "2", "bound.lo with exponent letter q", m(lambda c: c["quantities"]["bound"].__setitem__("lo", Q["bound"]["lo"].replace("p", "q"))))
    emit(base, "hex_decimal", "2", "norm_W_sq.lo as a decimal string \"1.5\"", m(lambda c: c["quantities"]["norm_W_sq"].__setitem__("lo", "1.5")))
    emit(base, "hex_number", "2", "norm_W_sq.hi as a JSON number", m(lambda c: c["quantities"]["norm_W_sq"].__setitem__("hi", 1.5)))
    emit(base, "decimal_wrong", "1", "norm_W_sq.decimal \"[1000 +/- 1]\" does not contain [lo, hi]",
         m(lambda c: c["quantities"]["norm_W_sq"].__setitem__("decimal", "[1000 +/- 1]")))
    emit(base, "decimal_bad", "2", "norm_W_sq.decimal \"abc\"", m(lambda c: c["quantities"]["norm_W_sq"].__setitem__("decimal", "abc")))

    # --- exact values ---
    for qn in ["norm_W_sq", "bound", "margin_at_witness"]:
        ex = Q[qn].get("exact")
        if ex is None: continue
        a = entry(ex["a"])
        emit(base, qn + "_exact_a", "1", "%s.exact.a %s -> %s" % (qn, ex["a"], a + 1),
             m(lambda c: c["quantities"][qn]["exact"].__setitem__("a", str(a + 1))))
        if "b" in ex:
            b = entry(ex["b"])
            emit(base, qn + "_exact_b", "1", "%s.exact.b %s -> %s" % (qn, ex["b"], b * 2),
                 m(lambda c: c["quantities"][qn]["exact"].__setitem__("b", str(b * 2))))
            emit(base, qn + "_exact_m", "1", "%s.exact.m %d -> %d" % (qn, ex["m"], ex["m"] + 1),
                 m(lambda c: c["quantities"][qn]["exact"].__setitem__("m", ex["m"] + 1)))
        emit(base, qn + "_exact_zero_den", "2", "%s.exact.a = \"1/0\"" % qn,
             m(lambda c: c["quantities"][qn]["exact"].__setitem__("a", "1/0")))
        emit(base, qn + "_exact_dropped", "0", "%s.exact removed (optional): still accepted" % qn,
             m(lambda c: c["quantities"][qn].pop("exact")))

    # --- verdict and assertion ---
    v = cert["verdict"]
    for nv in ["REFUTED", "INCONCLUSIVE"]:
        emit(base, "verdict_" + nv, "1", "verdict %s -> %s" % (v, nv), m(lambda c: c.__setitem__("verdict", nv)))
    emit(base, "verdict_word", "2", "verdict \"proved\" (not a verdict)", m(lambda c: c.__setitem__("verdict", "proved")))
    emit(base, "verdict_number", "2", "verdict as a number", m(lambda c: c.__setitem__("verdict", 1)))
    others = ["q_min < bound", "q_min = bound", "q_min > bound", "none"]
    for na in others:
        if na == cert["assertion"]: continue
        emit(base, "assert_" + {"<": "lt", "=": "eq", ">": "gt"}.get(na.split()[1] if " " in na else "", "none"), "1",
             "assertion \"%s\" -> \"%s\"" % (cert["assertion"], na), m(lambda c: c.__setitem__("assertion", na)))
    emit(base, "assert_le", "2", "assertion \"q_min <= bound\" (not in the list)", m(lambda c: c.__setitem__("assertion", "q_min <= bound")))
    emit(base, "inconclusive", "1", "assertion \"none\" with verdict INCONCLUSIVE (well formed, establishes nothing)",
         m(lambda c: c.update({"assertion": "none", "verdict": "INCONCLUSIVE"})))

    # --- instance ---
    def set_i(key, val):
        return m(lambda c: c["instance"].__setitem__(key, val))
    if kind == "random-dyadic/1":
        s2 = (int(inst["seed"]) + 1) % (1 << 64)
        W2, H2 = rational_instance(dict(inst, seed=str(s2)))
        nw = norm_W(W2)
        assert not (hexval(Q["norm_W_sq"]["lo"]) <= nw <= hexval(Q["norm_W_sq"]["hi"]))
        emit(base, "seed", "1", "instance seed %s -> %d (||W||^2 becomes %s)" % (inst["seed"], s2, float(nw)), set_i("seed", str(s2)))
        W2, H2 = rational_instance(dict(inst, K=K + 1))
        assert not (hexval(Q["norm_W_sq"]["lo"]) <= norm_W(W2) <= hexval(Q["norm_W_sq"]["hi"]))
        emit(base, "K_plus", "1", "instance K %d -> %d (another instance, witness still in range)" % (K, K + 1), set_i("K", K + 1))
        emit(base, "seed_number", "2", "instance seed as a JSON number", set_i("seed", int(inst["seed"])))
        emit(base, "seed_neg", "2", "instance seed \"-1\"", set_i("seed", "-1"))
        emit(base, "seed_2_64", "2", "instance seed \"18446744073709551616\"", set_i("seed", "18446744073709551616"))
        emit(base, "kind", "2", "instance kind random-dyadic/2", set_i("kind", "random-dyadic/2"))
        emit(base, "seed_missing", "2", "instance seed removed", m(lambda c: c["instance"].pop("seed")))
        emit(base, "eps_added", "2", "instance eps_log2 added to random-dyadic/1", set_i("eps_log2", -20))
    elif kind == "nc/1":
        # n -> n+1: every margin and the bound become 1/sqrt(n+1), outside the old enclosure
        new = 1 / (n + 1) ** 0.5
        assert not (float(hexval(Q["margin_at_witness"]["lo"])) - 1e-9 <= new <= float(hexval(Q["margin_at_witness"]["hi"])) + 1e-9)
        emit(base, "n_plus", "1", "instance n %d -> %d (margins become 1/sqrt(%d))" % (n, n + 1, n + 1), set_i("n", n + 1))
        emit(base, "d_plus_ok", "0", "instance d %d -> %d (only zero coordinates added): still accepted" % (d, d + 1), set_i("d", d + 1))
        if d >= K + 1:
            emit(base, "K_plus", "1", "instance K %d -> %d (norms become K-1 = %d)" % (K, K + 1, K), set_i("K", K + 1))
        emit(base, "d_lt_K", "2", "instance d %d -> %d < K" % (d, K - 1), set_i("d", K - 1))
        emit(base, "kind", "2", "instance kind nc/2", set_i("kind", "nc/2"))
        emit(base, "seed_added", "2", "instance seed added to nc/1", set_i("seed", "1"))
    else:
        W, H = rat
        # W[0][0] + 1 changes ||W||^2 by 2 W00 + 1
        e00 = W[0][0] + 1
        W2 = [r[:] for r in W]
        W2[0][0] = e00
        assert not (hexval(Q["norm_W_sq"]["lo"]) <= norm_W(W2) <= hexval(Q["norm_W_sq"]["hi"]))
        sval = str(e00.numerator) if e00.denominator == 1 else "%d/%d" % (e00.numerator, e00.denominator)
        emit(base, "entry", "1", "instance W[0][0] %s -> %s" % (inst["W"][0][0], sval),
             m(lambda c: c["instance"]["W"][0].__setitem__(0, sval)))
        emit(base, "entry_zero_den", "2", "instance H[0][0] = \"1/0\"", m(lambda c: c["instance"]["H"][0].__setitem__(0, "1/0")))
        emit(base, "entry_exp", "2", "instance H[0][0] = \"1e5\"", m(lambda c: c["instance"]["H"][0].__setitem__(0, "1e5")))
        emit(base, "entry_number", "2", "instance W[1][0] as a JSON number", m(lambda c: c["instance"]["W"][1].__setitem__(0, 0)))
        emit(base, "row_dropped", "2", "instance H loses its last row", m(lambda c: c["instance"]["H"].pop()))
        emit(base, "ragged", "2", "instance W[1] loses an entry", m(lambda c: c["instance"]["W"][1].pop()))
        emit(base, "inst_key", "2", "instance gets key \"w\"", set_i("w", inst["W"]))
    emit(base, "K_one", "2", "instance K = 1", set_i("K", 1))
    emit(base, "K_string", "2", "instance K as a string", set_i("K", str(K)))

    # --- format, claim, keys ---
    emit(base, "format2", "2", "format nccert-certificate/2", m(lambda c: c.__setitem__("format", "nccert-certificate/2")))
    emit(base, "format_space", "2", "format with a trailing space", m(lambda c: c.__setitem__("format", "nccert-certificate/1 ")))
    emit(base, "claim", "2", "claim ulpm.lemma-3.9 (unknown)", m(lambda c: c.__setitem__("claim", "ulpm.lemma-3.9")))
    for key in ["format", "claim", "source", "instance", "method", "assertion", "witnesses", "quantities", "verdict"]:
        emit(base, "rm_" + key, "2", "top-level key %s removed" % key, m(lambda c: c.pop(key)))
    emit(base, "rm_witness_j", "2", "witnesses.j removed", m(lambda c: c["witnesses"].pop("j")))
    emit(base, "rm_slack", "2", "quantities.slack removed", m(lambda c: c["quantities"].pop("slack")))
    emit(base, "rm_bound_lo", "2", "quantities.bound.lo removed", m(lambda c: c["quantities"]["bound"].pop("lo")))
    emit(base, "rm_method_tier", "2", "method.tier removed", m(lambda c: c["method"].pop("tier")))
    emit(base, "add_top", "2", "top-level key \"comment\" added", m(lambda c: c.__setitem__("comment", "x")))
    emit(base, "add_witness", "2", "witnesses.l added", m(lambda c: c["witnesses"].__setitem__("l", 0)))
    emit(base, "add_quantity", "2", "quantities.extra added", m(lambda c: c["quantities"].__setitem__("extra", copy.deepcopy(Q["bound"]))))
    emit(base, "duplicate_key", "2", "a second \"verdict\" key (duplicate)",
         raw=text.rstrip().rstrip("}") + ',\n  "verdict": "PROVED"\n}\n')
    emit(base, "not_object", "2", "the certificate wrapped in an array", raw="[" + text + "]")

    # --- truncation ---
    L = len(text)
    for off in sorted(set([0, 1, 37, L // 3, L // 2, L - 2])):
        t = text[:off]
        try:
            json.loads(t)
            sys.exit("truncation at %d is still JSON" % off)
        except ValueError:
            pass
        emit(base, "trunc%d" % off, "2", "truncated at byte %d of %d" % (off, L), raw=t)

for name in sorted(os.listdir(base_dir)):
    text = open(os.path.join(base_dir, name)).read()
    mutate(name[:-5], json.loads(text), text)
man.close()
PYEOF

if python3 "$T/mutate.py" "$T/base" "$T/mut" "$T/manifest" 2>"$T/err"; then
    ok "mutations generated ($(grep -vc '^#' "$T/manifest") files)"
else
    not_ok "mutation generator failed: $(cat "$T/err")"
fi

# ---------------------------------------------------------------- checking
for f in "$T"/base/*.json; do
    out=$("$NCCHECK" "$f" 2>&1)
    rc=$?
    if [ $rc -eq 0 ] && [ "$out" = "$f: ACCEPTED PROVED $CLAIM" ]; then ok "nccheck accepts $(basename "$f") as written"
    else not_ok "nccheck on $(basename "$f"): exit $rc: $out"; fi
done

tab=$(printf '\t')
while IFS="$tab" read -r path want desc; do
    case $path in
        "#") echo "# $desc"; continue ;;
    esac
    out=$("$NCCHECK" "$path" 2>&1)
    rc=$?
    lines=$(printf '%s\n' "$out" | wc -l)
    case $want in
        0) expect_line="$path: ACCEPTED" ;;
        *) expect_line="$path: REJECTED: " ;;
    esac
    case $out in
        "$expect_line"*) good_line=1 ;;
        *) good_line=0 ;;
    esac
    if [ "$rc" = "$want" ] && [ "$lines" -eq 1 ] && [ $good_line -eq 1 ]; then
        ok "$desc -> exit $rc${out#"$path"}"
    else
        not_ok "$desc -> exit $rc (want $want): $out"
    fi
done <"$T/manifest"

# ---------------------------------------------------------------- INCONCLUSIVE, several files, nccert check
run_check() { "$NCCHECK" "$@" >"$T/out" 2>&1; echo $?; }
rc=$(run_check "$T/inconclusive.json")
if [ "$rc" = 1 ] && grep -q "REJECTED" "$T/out"; then ok "INCONCLUSIVE certificate from nccert -> exit 1"
else not_ok "INCONCLUSIVE certificate -> exit $rc: $(cat "$T/out")"; fi

bad1=$(awk -F"$tab" '$2 == "1" && $1 ~ /__/ { print $1; exit }' "$T/manifest")
bad2=$(awk -F"$tab" '$2 == "2" && $1 ~ /__/ { print $1; exit }' "$T/manifest")
good="$T/base/rd.json"
for combo in "0:$good $T/base/nc1.json" "1:$good $bad1" "2:$good $bad2" "2:$bad2 $bad1" "2:$bad1 $good $bad2"; do
    want=${combo%%:*}
    # shellcheck disable=SC2086
    rc=$(run_check ${combo#*:})
    files=$(echo "${combo#*:}" | wc -w)
    if [ "$rc" = "$want" ] && [ "$(wc -l <"$T/out")" -eq "$files" ]; then
        ok "nccheck on $files files with worst status $want -> exit $rc, one line per file"
    else
        not_ok "nccheck on $files files -> exit $rc (want $want): $(cat "$T/out")"
    fi
done
rc=$(run_check)
if [ "$rc" = 2 ]; then ok "nccheck without files -> exit 2"; else not_ok "nccheck without files -> exit $rc"; fi
rc=$(run_check "$T/nonexistent.json")
if [ "$rc" = 2 ]; then ok "nccheck on a nonexistent file -> exit 2"; else not_ok "nccheck on a nonexistent file -> exit $rc"; fi

"$NCCERT" check "$good" >"$T/out" 2>&1
rc=$?
if [ $rc -eq 0 ] && grep -q "ACCEPTED PROVED" "$T/out"; then ok "nccert check runs nccheck: valid -> exit 0"; else not_ok "nccert check valid -> exit $rc"; fi
"$NCCERT" check "$bad1" >"$T/out" 2>&1
rc=$?
if [ $rc -eq 1 ]; then ok "nccert check on a wrong enclosure -> exit 1"; else not_ok "nccert check wrong enclosure -> exit $rc"; fi
"$NCCERT" check "$bad2" >"$T/out" 2>&1
rc=$?
if [ $rc -eq 2 ]; then ok "nccert check on a malformed certificate -> exit 2"; else not_ok "nccert check malformed -> exit $rc"; fi

tap_done
