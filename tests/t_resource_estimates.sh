#!/bin/sh
# t_resource_estimates.sh: every claim family refuses, before it allocates, an instance whose
# declared sizes need more memory than --max-memory or more work than 2^36 operations (one line
# "FILE: REJECTED: instance: limits exceeded: ...", exit 2, nothing on stderr), within a small
# address-space cap (ulimit -v 1 GiB: a runaway allocation fails the test); --max-memory (its
# syntax, a budget too small for the certificate, the run-time budget of the checked allocator);
# the manifest's caps (line length, entry count). Valid certificates of each family stay
# accepted at the default limits. TAP by hand.

. "$(dirname "$0")/tap.sh"
tap_setup resource_estimates nccheck python3
. "$(dirname "$0")/cert_helpers.sh"
caps_init 1048576   # capped: KiB of address space, WALL s
C="$ROOT/certificates"

# accepted DESC FILE [nccheck options]
accepted() {
    desc=$1 f=$2
    shift 2
    out=$(capped "$NCCHECK" "$@" -- "$f" 2>&1)
    rc=$?
    if [ $rc -eq 0 ] && echo "$out" | grep -q ACCEPTED; then ok "$desc: accepted"
    else not_ok "$desc: exit $rc: $(echo "$out" | head -c 300)"; fi
}

# with BASE OUT PYTHON: OUT = the certificate BASE after the statements run on c (its instance: i)
with() {
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
i = c["instance"]
exec(sys.argv[3])
json.dump(c, open(sys.argv[2], "w"))
PY
}

# -------------------------------------------------------------------- linconv (the Hessian)
B="$C/linconv.prop-1/below-large-K10-n5-d20.json"
with "$B" "$T/lc_huge.json" 'i.update(K=200, n=100000, d=1000)'
refused "linconv.prop-1 K=200 n=10^5 d=1000 (D = 2*10^10, D^2 intervals)" 'limits exceeded: the linconv/1 check .*D=20000200200.*--max-memory' "$T/lc_huge.json"
with "$C/linconv.theorem-2/K10-n2-d10.json" "$T/lc_t2.json" 'i.update(d=1000)'
refused "linconv.theorem-2 K=10 n=2 d=1000 (D = 30010)" 'limits exceeded: the linconv/1 check' "$T/lc_t2.json"
with "$C/linconv.theorem-4/K2-n1-d2.json" "$T/lc_t4.json" 'i.update(K=200, n=100000, d=1000)'
refused "linconv.theorem-4 K n d = 2*10^10 (K*n*d beyond 32 bits)" 'limits exceeded' "$T/lc_t4.json"
with "$C/linconv.prop-3/below-large-K10-n5-d20.json" "$T/lc_n62.json" 'i.update(n=2**62)'
refused "linconv.prop-3 n = 2^62 (products overflow 64 bits)" 'out of range' "$T/lc_n62.json"
accepted "linconv.prop-3 K=10 n=5 d=20 (D = 1210) at the default limits" "$C/linconv.prop-3/below-large-K10-n5-d20.json"
refused "linconv.prop-3 K=10 n=5 d=20 with --max-memory 64M: refused before the Hessian" 'limits exceeded: the linconv/1 check .* over the limit of 67108864 \(--max-memory\)' "$C/linconv.prop-3/below-large-K10-n5-d20.json" --max-memory 64M

# -------------------------------------------------------------------- ulpm
with "$C/ulpm.lemma-3.2/gdA-K3-n2-d4-s1-it0-appendix.json" "$T/l32.json" 'i["point"] = {"kind": "nc/1", "K": 1000, "n": 1, "d": 1000}'
refused "ulpm.lemma-3.2 at nc/1 K = d = 1000 (3*10^6 intervals up to 8192 bits)" 'limits exceeded: the ulpm.lemma-3.2 / ulpm.lemmas-b3-b5 check' "$T/l32.json"
with "$C/ulpm.def-2.1/etf-K100-n7-d99-s5.json" "$T/etf.json" 'i.update(K=10000, d=9999)'
refused "ulpm.def-2.1 etf/1 K = 10^4, d = 9999 (Gram: K^2 d / 2 = 5*10^11)" 'limits exceeded: the etf/1 check .*operations, at most [0-9]+ = 2\^36' "$T/etf.json"
with "$C/ulpm.eq-66/random-K100-n2-d10-s8.json" "$T/eq66.json" 'i.update(K=4000, n=1, d=1)'
refused "ulpm.eq-66 K = 4000 with --max-memory 256M ((K-1)^2 witness entries)" 'limits exceeded: the ulpm.eq-66 check' "$T/eq66.json" --max-memory 256M
with "$C/ulpm.def-2.1/nc-K7-n4-d7.json" "$T/def21.json" 'i.update(K=16384, n=1, d=16384)'
refused "ulpm.def-2.1 nc/1 K = d = 16384 (2^28 entries)" 'limits exceeded' "$T/def21.json"

# -------------------------------------------------------------------- imbrelu, msecp
B="$C/imbrelu.theorem-1/K50-n10to500-d50.json"
accepted "imbrelu.theorem-1 K = 50 at the default limits" "$B"
refused "imbrelu.theorem-1 K = 50 with --max-memory 256K" 'limits exceeded: the imbrelu.theorem-1 check \(K=50' "$B" --max-memory 256K
with "$B" "$T/imb.json" 'i.update(n=["1"] * 1001)'
refused "imbrelu.theorem-1 with 1001 classes" 'K <= 1000' "$T/imb.json"
B="$C/msecp.identities/thm1-R-C10N5p20-s7-lam0.json"
accepted "msecp.identities C=10 N=5 p=20 at the default limits" "$B"
refused "msecp.identities C=10 N=5 p=20 with --max-memory 1M" 'limits exceeded: the msecp.identities check' "$B" --max-memory 1M

# -------------------------------------------------------------------- --max-memory
BASE="$ROOT/tests/check_data/nc_k3_n2.json"
refused "--max-memory 1K: the checked allocator's budget, at run time" 'limits exceeded: the check needs more than 1024 bytes of memory \(--max-memory' "$BASE" --max-memory 1K
accepted "--max-memory 64M" "$BASE" --max-memory 64M
accepted "--max-memory=0 (no budget)" "$BASE" --max-memory=0
capped "$NCCHECK" --max-memory 1K "$BASE" "$BASE" >"$T/out" 2>&1
if [ $? -eq 2 ] && [ "$(wc -l <"$T/out")" -eq 2 ] && grep -q "not checked (an earlier file exceeded --max-memory)" "$T/out"; then
    ok "--max-memory: the files after the one over the budget get their line (not checked), exit 2"
else not_ok "--max-memory, two files: $(cat "$T/out")"; fi
capped "$NCCHECK" --json --max-memory 1K "$BASE" >"$T/out" 2>&1
if [ $? -eq 2 ] && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["exit"] == 2 and "max-memory" in d["files"][0]["message"]' "$T/out"; then
    ok "--json --max-memory 1K: one JSON document, exit 2"
else not_ok "--json --max-memory 1K: $(head -c 300 "$T/out")"; fi
for bad in x -1 "" 1T 1025G 2k 99999999999999999999 --quiet; do
    capped "$NCCHECK" --max-memory "$bad" "$BASE" >"$T/out" 2>"$T/err"
    rc=$?
    if [ $rc -eq 2 ] && [ ! -s "$T/out" ] && [ "$(wc -l <"$T/err")" -eq 1 ] && grep -q 'max-memory' "$T/err"; then
        ok "nccheck --max-memory '$bad': usage error, one line, exit 2"
    else not_ok "nccheck --max-memory '$bad': exit $rc: $(head -c 200 "$T/err")"; fi
done
"$NCCHECK" --help | grep -q -- '--max-memory BYTES' && ok "--help documents --max-memory" || not_ok "--help: no --max-memory"

# -------------------------------------------------------------------- manifest caps
mkdir -p "$T/m/certificates"
{ printf 'claim\tname\texpected\tassertion\tinstance\n'; printf 'ulpm.lemma-3.1\tx\tPROVED\t-\t{"k": "%s"}\n' "$(python3 -c 'print("a" * 70000)')"; } >"$T/m/long.tsv"
capped "$NCCHECK" --manifest "$T/m/long.tsv" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 2 ] && [ "$(wc -l <"$T/err")" -eq 1 ] && grep -q 'long.tsv:2: limits exceeded: line longer than 65536 bytes' "$T/err"; then
    ok "manifest: a line over 64 KiB -> one line, exit 2"
else not_ok "manifest long line: exit $rc: $(head -c 300 "$T/err")"; fi
python3 -c '
import sys
print("claim\tname\texpected\tassertion\tinstance")
for k in range(10001): print("ulpm.lemma-3.1\tn%d\tPROVED\t-\tregistry:x" % k)' >"$T/m/many.tsv"
capped "$NCCHECK" --manifest "$T/m/many.tsv" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 2 ] && [ "$(wc -l <"$T/err")" -eq 1 ] && grep -q 'many.tsv:10002: limits exceeded: more than 10000 entries' "$T/err"; then
    ok "manifest: 10001 entries -> one line, exit 2 (duplicates found by hashing: 10^4 entries at once)"
else not_ok "manifest entries: exit $rc: $(head -c 300 "$T/err")"; fi
python3 -c '
print("claim\tname\texpected\tassertion\tinstance")
for k in range(9000): print("ulpm.lemma-3.1\tn%d\tPROVED\t-\tregistry:x" % k)
print("ulpm.lemma-3.1\tn17\tPROVED\t-\tregistry:x")' >"$T/m/dup.tsv"
capped "$NCCHECK" --manifest "$T/m/dup.tsv" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 2 ] && grep -q 'dup.tsv:9002: ulpm.lemma-3.1 n17 is already on line 19' "$T/err"; then
    ok "manifest: a duplicate among 9001 entries -> its line and the first one's, exit 2"
else not_ok "manifest duplicate: exit $rc: $(head -c 300 "$T/err")"; fi
tap_done
