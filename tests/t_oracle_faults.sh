#!/bin/sh
# t_oracle_faults.sh: the BLAS oracle of ulpm.lemma-3.1 (src/oracle/oracle_margin.c) is never
# evidence. (1) With the real OpenBLAS, the certificate is byte-identical to the one found
# without the oracle (NCCERT_ORACLE=off: the proved kernels sweep every sample), on random,
# nc/1 and nc-perturbed/1 instances, one above the threading threshold. (2) With a faulty BLAS
# (build/tests/oracle_faults.so via LD_PRELOAD: sign flips, wrong entries, NaN, decoys, noise;
# tests/oracle_faults.c) every verdict is PROVED or INCONCLUSIVE, the assertion is the one the
# mathematics gives (Lemma 3.1 is a theorem: equality exactly at nc/1 points, strict at the
# random and perturbed ones), and nccheck accepts every certificate written; the registry's
# instances all get their expected verdicts. (3) The faults do reach the certifier: a decoy
# changes the witness. Seeds: NCCERT_TEST_SEED (printed); each faulty run prints its own.

. "$(dirname "$0")/tap.sh"
tap_setup oracle_faults nccert nccheck
FAULTS="$_tap_build/tests/oracle_faults.so"
[ -f "$FAULTS" ] || tap_bail "$FAULTS not built (make $FAULTS)"
CLAIM=ulpm.lemma-3.1
# an ASan build (make check-sanitize) needs its runtime first in the preload list
asan=$(ldd "$NCCERT" 2>/dev/null | awk '/libasan/ { print $3 }')
FAULTS="${asan:+$asan }$FAULTS"
SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"
rnd=$SEED
draw() { # draw LO HI: sets v, a number in [LO, HI] from the test's LCG
    rnd=$(( (rnd * 1103515245 + 12345) % 2147483648 ))
    v=$(( $1 + rnd % ($2 - $1 + 1) ))
}
field() { grep -o "\"$1\": \"[^\"]*\"" "$2" | head -n 1 | sed 's/.*: "//; s/"$//'; }

# The instances: "label|flags|expected assertion"
: > "$T/list"
i=0
while [ $i -lt 10 ]; do
    draw 2 40; K=$v; draw 1 12; nn=$v; draw 1 64; d=$v; draw 0 100000; s=$v
    echo "random K=$K n=$nn d=$d seed=$s|--K $K --n $nn --d $d --seed $s|q_min < bound" >> "$T/list"
    i=$((i + 1))
done
echo "random K=100 n=10 d=256 seed=7 (threads)|--K 100 --n 10 --d 256 --seed 7|q_min < bound" >> "$T/list"
for kd in "3 4 3" "10 3 12" "20 7 20"; do
    set -- $kd
    echo "nc/1 K=$1 n=$2 d=$3|--nc --K $1 --n $2 --d $3|q_min = bound" >> "$T/list"
done
for r in 1 2; do
    draw 2 12; K=$v; draw 1 6; nn=$v; draw 0 8; d=$((K + v)); draw 0 1000; s=$v; draw 10 50; e=$v
    echo "nc-perturbed/1 K=$K n=$nn d=$d seed=$s eps=2^-$e|--nc --K $K --n $nn --d $d --seed $s --perturb -$e|q_min < bound" >> "$T/list"
done

# near-ties (margins equal up to about 2^-44 relative): the band must keep the kernels' minimiser
echo "nc-perturbed/1 K=10 n=3 d=12 seed=11 eps=2^-44 (near-ties)|--nc --K 10 --n 3 --d 12 --seed 11 --perturb -44|q_min < bound" >> "$T/list"
echo "nc-perturbed/1 K=30 n=4 d=32 seed=12 eps=2^-47 (near-ties)|--nc --K 30 --n 4 --d 32 --seed 12 --perturb -47|q_min < bound" >> "$T/list"

# (1) the real BLAS: the oracle's witness is the kernels' witness, bytes identical
r=0
while IFS='|' read -r label flags want; do
    r=$((r + 1))
    "$NCCERT" certify $CLAIM $flags -q -o "$T/on$r.json" 2>"$T/on$r.err"; a=$?
    NCCERT_ORACLE=off "$NCCERT" certify $CLAIM $flags -q -o "$T/off$r.json" 2>"$T/off$r.err"; b=$?
    if [ $a = 0 ] && [ $b = 0 ] && cmp -s "$T/on$r.json" "$T/off$r.json"; then
        ok "$label: the oracle's certificate is the kernels' (same bytes)"
    else
        not_ok "$label: oracle exit $a, kernels exit $b, or the certificates differ: $(cat "$T/on$r.err" "$T/off$r.err")"
    fi
done < "$T/list"

# an address-space cap too tight for OpenBLAS's buffers (its allocator would retry forever):
# the oracle stands aside, the kernels' certificate comes out (not under ASan: its shadow
# memory cannot live under such a cap)
if [ -z "$asan" ] && command -v timeout > /dev/null 2>&1; then
    (ulimit -v 262144 && exec timeout 120 "$NCCERT" certify $CLAIM --K 10 --n 10 --d 25 --seed 1 -q -o "$T/cap.json") 2>"$T/cap.err"; rc=$?
    NCCERT_ORACLE=off "$NCCERT" certify $CLAIM --K 10 --n 10 --d 25 --seed 1 -q -o "$T/capoff.json" 2>/dev/null
    if [ $rc = 0 ] && cmp -s "$T/cap.json" "$T/capoff.json"; then ok "ulimit -v 256 MiB: finishes with the kernels' certificate"
    else not_ok "ulimit -v 256 MiB: exit $rc (124: hung), or not the kernels' certificate: $(head -c 200 "$T/cap.err")"; fi
else
    skip "address-space cap: an ASan build, or no timeout(1)"
fi

# (1b) a BLAS at the edge of its a-priori error bound (fault mode 7, not a fault): still the
# kernels' certificate, byte for byte (the band keeps their minimiser)
r=0
while IFS='|' read -r label flags want; do
    r=$((r + 1))
    fs=$((SEED + 300 + r))
    NCCERT_FAULT_SEED=$fs NCCERT_FAULT_MODE=7 LD_PRELOAD="$FAULTS" "$NCCERT" certify $CLAIM $flags -q -o "$T/e$r.json" 2>"$T/e$r.err"; a=$?
    if [ $a = 0 ] && cmp -s "$T/e$r.json" "$T/off$r.json"; then
        ok "$label, BLAS errors up to the a-priori bound (seed $fs): the kernels' certificate"
    else
        not_ok "$label, BLAS errors up to the a-priori bound (seed $fs): exit $a, or not the kernels' certificate: $(cat "$T/e$r.err")"
    fi
done < "$T/list"

# (2) a faulty BLAS: never a wrong verdict, every certificate accepted
r=0
while IFS='|' read -r label flags want; do
    r=$((r + 1))
    fs=$((SEED + r))
    NCCERT_FAULT_SEED=$fs LD_PRELOAD="$FAULTS" "$NCCERT" certify $CLAIM $flags -q -o "$T/f$r.json" 2>"$T/f$r.err"; rc=$?
    verdict=$(field verdict "$T/f$r.json"); assertion=$(field assertion "$T/f$r.json")
    checked=$("$NCCHECK" "$T/f$r.json" 2>&1)
    case "$verdict/$assertion" in
        "PROVED/$want" | INCONCLUSIVE/none) good=1 ;;
        *) good=0 ;;
    esac
    if [ $rc = 0 ] && [ $good = 1 ] && [ "$checked" = "$T/f$r.json: ACCEPTED $verdict $CLAIM" ]; then
        ok "$label, fault seed $fs: $verdict ($assertion), accepted by nccheck"
    else
        not_ok "$label, fault seed $fs: exit $rc, $verdict ($assertion), want PROVED ($want); nccheck: $checked; $(cat "$T/f$r.err")"
    fi
done < "$T/list"

# the registry's instances under faults: all as expected, all accepted
fs=$((SEED + 100))
NCCERT_FAULT_SEED=$fs LD_PRELOAD="$FAULTS" "$NCCERT" verify --claim $CLAIM --out "$T/reg" > "$T/reg.out" 2>&1; rc=$?
total=$(find "$T/reg" -name '*.json' | wc -l)
accepted=$(find "$T/reg" -name '*.json' | LC_ALL=C sort | xargs "$NCCHECK" 2>&1 | grep -c ': ACCEPTED PROVED ')
expected=$(grep -c '^[a-z]' "$ROOT/specs/registry/$CLAIM.tsv")
expected=$((expected - 1)) # the header line
if [ $rc = 0 ] && grep -q "^$expected instance(s), $expected as expected" "$T/reg.out" && [ "$total" = "$expected" ] && [ "$accepted" = "$total" ]; then
    ok "registry under faults (seed $fs): $expected instances as expected, all accepted"
else
    not_ok "registry under faults (seed $fs): exit $rc, $accepted of $total accepted: $(tail -n 3 "$T/reg.out")"
fi

# (3) the wrapper is live: a decoy (mode 4) moves the witness on some seed of five
"$NCCERT" certify $CLAIM --K 30 --n 10 --d 64 --seed 3 -q -o "$T/clean.json" 2>/dev/null
moved=""
for k in 1 2 3 4 5; do
    NCCERT_FAULT_SEED=$((SEED + 200 + k)) NCCERT_FAULT_MODE=4 LD_PRELOAD="$FAULTS" "$NCCERT" certify $CLAIM \
        --K 30 --n 10 --d 64 --seed 3 -q -o "$T/decoy.json" 2>"$T/decoy.err"
    grep -q "oracle_faults: seed $((SEED + 200 + k))" "$T/decoy.err" || break
    if ! cmp -s "$T/clean.json" "$T/decoy.json" && [ "$(field verdict "$T/decoy.json")" = PROVED ] \
        && "$NCCHECK" "$T/decoy.json" > /dev/null 2>&1; then moved=$((SEED + 200 + k)); break; fi
done
if [ -n "$moved" ]; then ok "a decoy logit (fault seed $moved) moves the witness; still PROVED and accepted"
else not_ok "no decoy moved the witness (is the wrapper loaded? $(head -c 200 "$T/decoy.err"))"; fi

tap_done
