#!/bin/sh
# t_check_fast_reject.sh: the precision escalation of the ulpm.lemma-3.2 / ulpm.lemmas-b3-b5
# checks (src/check/ulpm/check_ulpm_escalate.c) retries at a higher precision only while
# that can help.
# A stated enclosure disjoint from nccheck's interval (which contains the exact value) is
# rejected at once as a wrong enclosure (exit 1), not after escalating to 8192 bits; an
# enclosure that overlaps the interval but is tighter than it is still retried, and accepted
# once the interval fits; quantities defined only when L < log 2 are rejected at once where the
# intervals prove L > log 2. No wall-clock assertion: the slow case is told apart by nccheck's own
# CPU-time limit (--max-seconds, exit 2 with "limits exceeded"), which the fast rejection never
# reaches. TAP by hand.

. "$(dirname "$0")/tap.sh"
tap_setup fast_reject nccheck python3
MAXS=${NCCERT_FAST_REJECT_SECONDS:-5}   # the reproducer took 6-10 s of CPU before the fix
CRASH="$ROOT/tests/fuzz/crashes/slow-lemmasb3b5-escalation-to-8192-bits-K50.json"
B35="$ROOT/certificates/ulpm.lemmas-b3-b5/gdA-K3-n2-d4-s1-it0-derived.json"
B32="$ROOT/certificates/ulpm.lemma-3.2/gdA-K3-n2-d4-s1-it0-appendix.json"
M32="$ROOT/certificates/ulpm.lemma-3.2/gdA-K3-n2-d4-s1-it2000-main.json"
for f in "$CRASH" "$B35" "$B32" "$M32"; do [ -f "$f" ] || { echo "Bail out! missing $f"; exit 1; }; done

# expect DESC WANT PATTERN FILE: nccheck --max-seconds $MAXS FILE exits WANT with one line
# matching PATTERN (grep -E), nothing on stderr
expect() {
    desc=$1 want=$2 pat=$3 f=$4
    "$NCCHECK" --max-seconds "$MAXS" "$f" >"$T/out" 2>"$T/err"
    rc=$?
    why=""
    [ $rc -eq "$want" ] || why="$why exit $rc (want $want);"
    [ "$(wc -l <"$T/out")" -eq 1 ] || why="$why $(wc -l <"$T/out") lines;"
    grep -Eq -- "$pat" "$T/out" || why="$why output does not match /$pat/;"
    [ -s "$T/err" ] && why="$why stderr: $(head -c 200 "$T/err");"
    if [ -z "$why" ]; then ok "$desc -> exit $rc: $(sed 's|^.*\.json: ||' "$T/out" | head -c 160)"
    else not_ok "$desc:$why $(head -c 300 "$T/out")"; fi
}

# ------------------------------------------------------------ the fuzzer's reproducer
# nc/1 K=50: the stated loss enclosure lies below the loss. Before the fix: 8192 bits, 6-10 s
# of CPU (over --max-seconds 5: exit 2, "limits exceeded"); now rejected at 128 bits.
expect "fuzz reproducer (lemmas-b3-b5 nc/1 K=50, loss enclosure below the loss): wrong enclosure, not the CPU limit" \
    1 'REJECTED: quantity loss: the stated enclosure does not contain the recomputed value \(nccheck.s interval at 128 bits lies entirely below \[lo, hi\]\)' "$CRASH"

# ------------------------------------------------------------ tight and shifted enclosures
# Point K=2 n=1 d=2, W = I, H = -I: L = 2 log(1 + e) > log 2 exactly ("hypothesis fails").
# tight: [lo, hi] of width 4 * 2^-300 around L (inside nccheck's interval until >= 512 bits:
# overlapping, so escalated, then accepted). shifted: the same width starting 2^-290 above L
# (overlapping at 128 and 256 bits, disjoint from 512 on: rejected there). far: the loss
# enclosure of another point (disjoint at 128 bits).
python3 - "$T" "$B35" "$B32" "$M32" <<'PY' || { echo "Bail out! could not write the certificates"; exit 1; }
import json, sys
from decimal import Decimal, getcontext, ROUND_FLOOR
getcontext().prec = 160
T, b35, b32, m32 = sys.argv[1:5]
L = 2 * (1 + Decimal(1).exp()).ln()
f = int((L * (Decimal(2) ** 300)).to_integral_value(rounding=ROUND_FLOOR))
def encl(lo):
    return {"lo": "0x%xp-300" % lo, "hi": "0x%xp-300" % (lo + 4), "decimal": "[%s +/- 1e-20]" % format(L, ".30f")}
point = {"kind": "explicit", "K": 2, "n": 1, "d": 2, "W": [["1", "0"], ["0", "1"]], "H": [["-1", "0"], ["0", "-1"]]}
for base, name in ((b35, "b35"), (b32, "b32")):
    c = json.load(open(base))
    c["instance"]["point"] = point
    c["instance"].pop("scale", None)
    for tag, lo in (("tight", f - 2), ("shifted", f + 2 ** 10)):
        c["quantities"] = {"loss": encl(lo)}
        json.dump(c, open("%s/%s_%s.json" % (T, name, tag), "w"), indent=2)
c = json.load(open(b32))
c["quantities"]["loss"] = json.load(open(m32))["quantities"]["loss"]
json.dump(c, open(T + "/b32_far.json", "w"), indent=2)
# bounds asserted at the it0 point, where L > log 2: gamma and the quantities after it are not
# defined there at any precision (the first five are stated as [-2^100, 2^100], so they fit)
q = json.load(open(b32.replace("it0-appendix", "it2000-appendix")))["quantities"]
q["loss"] = c["quantities"]["loss"] = json.load(open(b32))["quantities"]["loss"]
for k in ("rho_sq", "q_min", "grad_norm_sq", "radial", "sum_a_excess"):
    q[k] = {"lo": "-0x1p+100", "hi": "0x1p+100", "decimal": "[0 +/- 1e31]"}
c["quantities"], c["assertion"] = q, "eps and delta bounds hold"
json.dump(c, open(T + "/b32_vacuous_bounds.json", "w"), indent=2)
PY
expect "lemmas-b3-b5: loss enclosure of width 2^-298 (needs more than 256 bits): escalated and accepted" \
    0 'ACCEPTED PROVED ulpm.lemmas-b3-b5' "$T/b35_tight.json"
expect "lemma-3.2: the same tight loss enclosure: escalated and accepted" \
    0 'ACCEPTED PROVED ulpm.lemma-3.2' "$T/b32_tight.json"
expect "lemmas-b3-b5: enclosure 2^-290 above the loss (overlaps at 128 bits): escalated, then rejected once disjoint" \
    1 'quantity loss: the stated enclosure does not contain the recomputed value \(nccheck.s interval at (256|512|1024|2048|4096|8192) bits lies entirely below' "$T/b35_shifted.json"
expect "lemma-3.2: the same shifted enclosure: escalated, then rejected once disjoint" \
    1 'quantity loss: .* at (256|512|1024|2048|4096|8192) bits lies entirely below' "$T/b32_shifted.json"
expect "lemma-3.2: loss enclosure of another iterate (disjoint at once): rejected at 128 bits" \
    1 'quantity loss: the stated enclosure does not contain the recomputed value \(nccheck.s interval at 128 bits lies entirely (above|below)' "$T/b32_far.json"

expect "lemma-3.2: bounds asserted where the intervals prove L > log 2: rejected without escalating" \
    1 'quantity gamma: defined only when L < log 2, and the recomputed intervals prove L > log 2' "$T/b32_vacuous_bounds.json"

# ------------------------------------------------------------ committed certificates still pass
set -- "$ROOT"/certificates/ulpm.lemma-3.2/*.json "$ROOT"/certificates/ulpm.lemmas-b3-b5/*.json
[ -d "$ROOT/certificates/audit" ] && set -- "$@" $(find "$ROOT/certificates/audit" -path '*ulpm.lemma*' -name '*.json' | sort)
if "$NCCHECK" --quiet "$@" >"$T/out" 2>&1; then ok "nccheck accepts the $# committed lemma-3.2 / lemmas-b3-b5 / audit lemma certificates"
else not_ok "a committed certificate is rejected: $(head -c 300 "$T/out")"; fi

tap_done
