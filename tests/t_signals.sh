#!/bin/sh
# t_signals.sh: interrupted runs of nccert (SIGINT, SIGTERM, SIGHUP) never leave a partial or
# temporary file, and never damage certificates already there. `nccert verify --out DIR` over
# a DIR holding a complete earlier run is interrupted at several moments: afterwards no
# *.tmp.* file remains anywhere under DIR and every certificate is byte for byte the one of the
# uninterrupted reference run (certificates are deterministic, so a certificate rewritten
# before the signal is identical too, and one being written is either the old or the new
# complete file: rename is atomic). A fresh --out DIR interrupted keeps only complete
# certificates. A long `nccert certify -o FILE` interrupted leaves FILE as it was. In every case
# the process ends by the signal itself (status 128 + signo), promptly, after exactly one line
# on stderr, "nccert: interrupted (SIGINT): ..." (or terminated/hung up). TAP by hand.

ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${NCCERT_BUILD_DIR:-$ROOT/build}   # another build directory, for the sanitizer/valgrind variants
NCCERT="$B/nccert"
if [ ! -x "$NCCERT" ]; then echo "Bail out! $NCCERT not built (run make all)"; exit 1; fi
mkdir -p "$ROOT/tests/tmp"
T=$(mktemp -d "$ROOT/tests/tmp/signals.XXXXXX") || { echo "Bail out! mktemp failed"; exit 1; }
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM HUP

WAIT=${NCCERT_SIGNAL_WAIT:-10}   # seconds a signalled run may take to end (check_variant.sh valgrind raises it)

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

# the uninterrupted reference run
if ! "$NCCERT" verify --out "$T/ref" -q >"$T/ref.out" 2>&1; then
    # some verdicts may be unexpected while claims are being written: only files matter here
    echo "# reference verify: $(tail -n 1 "$T/ref.out")"
fi
refcount=$(find "$T/ref" -name '*.json' | wc -l)
if [ "$refcount" -gt 0 ]; then ok "reference nccert verify --out: $refcount certificates"
else not_ok "reference nccert verify wrote no certificate"; fi

# wait_gone PID SECONDS: waits for PID to end (at most SECONDS), sets rc to its status
wait_gone() {
    i=0
    while kill -0 "$1" 2>/dev/null && [ $i -lt $(($2 * 10)) ]; do sleep 0.1; i=$((i + 1)); done
    if kill -0 "$1" 2>/dev/null; then kill -KILL "$1" 2>/dev/null; wait "$1"; rc=timeout; return; fi
    wait "$1"
    rc=$?
}

# tmp_left DIR: the temporary files left under DIR, if any
tmp_left() { find "$1" -name '*.tmp.*' | head -n 5 | tr '\n' ' '; }

# differs DIR: certificates under DIR that are not byte-identical to the reference
differs() {
    (cd "$1" && find . -name '*.json') | while read -r f; do
        cmp -s "$1/$f" "$T/ref/$f" || printf '%s ' "$f"
    done
}

signo() { case $1 in INT) echo 2 ;; TERM) echo 15 ;; HUP) echo 1 ;; esac; }

# one_line SIG FILE: FILE (stderr) is the single line nccert prints for SIG
one_line() { [ "$(wc -l <"$2")" -eq 1 ] && grep -q "^nccert: .*(SIG$1): no partial certificate left" "$2"; }

# ---------------------------------------------------------- verify over existing certificates
for spec in INT:0.3 TERM:1.7 HUP:2.9 INT:3.7; do
    sig=${spec%%:*} delay=${spec#*:}
    rm -rf "$T/run" && cp -R "$T/ref" "$T/run"
    "$NCCERT" verify --out "$T/run" -q >/dev/null 2>"$T/err" &
    pid=$!
    sleep "$delay"
    kill -"$sig" "$pid" 2>/dev/null
    wait_gone "$pid" "$WAIT"
    want=$((128 + $(signo "$sig")))
    left=$(tmp_left "$T/run")
    bad=$(differs "$T/run")
    count=$(find "$T/run" -name '*.json' | wc -l)
    if [ "$rc" = 0 ]; then
        # finished before the signal: still nothing may differ
        if [ -z "$left" ] && [ -z "$bad" ]; then ok "verify over existing certificates, SIG$sig at ${delay}s: finished first; all identical"
        else not_ok "verify finished before SIG$sig: left [$left] differ [$bad]"; fi
    elif [ "$rc" = "$want" ] && [ -z "$left" ] && [ -z "$bad" ] && [ "$count" -eq "$refcount" ] && one_line "$sig" "$T/err"; then
        ok "verify over existing certificates, SIG$sig at ${delay}s: status $rc, one line ($(cat "$T/err")), no temporary file, all $count certificates intact"
    else
        not_ok "verify over existing certificates, SIG$sig at ${delay}s: status $rc (want $want); stderr [$(head -c 200 "$T/err")]; temporary files [$left]; changed [$bad]; $count of $refcount certificates"
    fi
done

# ---------------------------------------------------------- verify into a fresh directory
for spec in INT:0.5 TERM:2.0; do
    sig=${spec%%:*} delay=${spec#*:}
    rm -rf "$T/fresh"
    "$NCCERT" verify --out "$T/fresh" -q >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -"$sig" "$pid" 2>/dev/null
    wait_gone "$pid" "$WAIT"
    left=$(tmp_left "$T/fresh" 2>/dev/null)
    bad=$(differs "$T/fresh" 2>/dev/null)
    count=$(find "$T/fresh" -name '*.json' 2>/dev/null | wc -l)
    if [ -z "$left" ] && [ -z "$bad" ] && { [ "$rc" = $((128 + $(signo "$sig"))) ] || [ "$rc" = 0 ]; }; then
        ok "verify into a fresh directory, SIG$sig at ${delay}s: status $rc, $count complete certificates (each identical to the reference), no temporary file"
    else
        not_ok "verify into a fresh directory, SIG$sig at ${delay}s: status $rc; temporary files [$left]; partial or different [$bad]"
    fi
done

# ---------------------------------------------------------- a long certify over an existing file
cp "$T/ref/ulpm.lemma-3.1/random-K3-n2-d4-s1.json" "$T/keep.json" 2>/dev/null \
    || cp "$(find "$T/ref" -name '*.json' | head -n 1)" "$T/keep.json"
for sig in INT TERM; do
    cp "$T/keep.json" "$T/out.json"
    # K = d = 1000, n = 20: about 15 s of certification
    "$NCCERT" certify ulpm.lemma-3.1 --K 1000 --n 20 --d 1000 --seed 1 -q -o "$T/out.json" >"$T/cout" 2>"$T/err" &
    pid=$!
    sleep 1.5
    start=$(date +%s)
    kill -"$sig" "$pid" 2>/dev/null
    wait_gone "$pid" "$WAIT"
    secs=$(($(date +%s) - start))
    left=$(tmp_left "$T")
    if [ "$rc" = $((128 + $(signo "$sig"))) ] && [ -z "$left" ] && cmp -s "$T/out.json" "$T/keep.json" \
        && one_line "$sig" "$T/err" && [ ! -s "$T/cout" ]; then
        ok "certify (K=d=1000, n=20) interrupted by SIG$sig: status $rc within ${secs}s, one line on stderr, the existing -o file unchanged, no temporary file"
    else
        not_ok "certify interrupted by SIG$sig: status $rc; stderr [$(head -c 200 "$T/err")]; temporary files [$left]; -o file $(cmp -s "$T/out.json" "$T/keep.json" && echo unchanged || echo CHANGED)"
    fi
done

echo "1..$n"
[ "$failed" -eq 0 ]
