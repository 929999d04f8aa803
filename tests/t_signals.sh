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
#
# No fixed delays: each signal is sent once the run has reached an observable state (so many
# certificates rewritten or written; for certify, the tier-0 margin threads running), polled
# every 0.1 s with a generous cap, so that the test means the same under valgrind (20 to 50
# times slower, tests/fuzz/check_variant.sh) as in the normal build. Nothing here asserts how
# long a step takes: a run that never reaches the state, or does not end within WAIT seconds
# of its signal, fails.

ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${NCCERT_BUILD_DIR:-$ROOT/build}   # another build directory, for the sanitizer/valgrind variants
NCCERT="$B/nccert"
if [ ! -x "$NCCERT" ]; then echo "Bail out! $NCCERT not built (run make all)"; exit 1; fi
mkdir -p "$ROOT/tests/tmp"
T=$(mktemp -d "$ROOT/tests/tmp/signals.XXXXXX") || { echo "Bail out! mktemp failed"; exit 1; }
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM HUP

WAIT=${NCCERT_SIGNAL_WAIT:-10}   # seconds a signalled run may take to end (check_variant.sh valgrind raises it)
# START: seconds a run may take to reach the state at which it is signalled; by default 60 s
# plus four times the uninterrupted reference run (which scales it under valgrind too)
# NCCERT_VALGRIND_LEAK_CHECK=no on every run that gets a signal: under check_variant.sh valgrind,
# the leak check of a process killed in cert_write_atomic reports the buffers in use at that
# moment (the serialised certificate, the temporary name) as definitely lost; memory errors are
# still checked, and the reference run has the full leak check. No effect outside valgrind.

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

# A third of the registry (--shard 1/3: every third entry, all claims represented) is enough
# to interrupt a run at several moments of its writing phase; the whole registry made this the
# costliest test of make check.
SHARD="--shard 1/3"

# the uninterrupted reference run
ref_start=$(date +%s)
if ! "$NCCERT" verify $SHARD --out "$T/ref" -q >"$T/ref.out" 2>&1; then
    # some verdicts may be unexpected while claims are being written: only files matter here
    echo "# reference verify: $(tail -n 1 "$T/ref.out")"
fi
ref_secs=$(($(date +%s) - ref_start))
START=${NCCERT_SIGNAL_START:-$((60 + 4 * ref_secs))}
echo "# reference verify: ${ref_secs}s; cap to reach each signalling state: ${START}s, to end after it: ${WAIT}s"
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

# wait_for PID CMD...: polls CMD every 0.1 s until it succeeds (state=ready), PID ends
# (state=ended) or START seconds pass (state=stalled)
wait_for() {
    wpid=$1
    shift
    w0=$(date +%s)
    while :; do
        if "$@"; then state=ready; return; fi
        if ! kill -0 "$wpid" 2>/dev/null; then state=ended; return; fi
        if [ $(($(date +%s) - w0)) -ge "$START" ]; then state=stalled; return; fi
        sleep 0.1
    done
}

# at_least N DIR [MARK]: DIR holds N or more complete certificates (newer than MARK, if given;
# temporary files are named *.json.tmp.*, complete ones *.json)
at_least() {
    if [ -n "${3:-}" ]; then c=$(find "$2" -name '*.json' -newer "$3" 2>/dev/null | wc -l)
    else c=$(find "$2" -name '*.json' 2>/dev/null | wc -l); fi
    [ "$c" -ge "$1" ]
}

# signal_at SIG PID: sends SIG to PID if the awaited state was reached, kills PID if it stalled,
# then waits for it to end (wait_gone); sets rc (and rc=stalled if the state never came)
signal_at() {
    case $state in
    ready) kill -"$1" "$2" 2>/dev/null; wait_gone "$2" "$WAIT" ;;
    ended) wait "$2"; rc=$? ;;
    stalled) kill -KILL "$2" 2>/dev/null; wait "$2"; rc=stalled ;;
    esac
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
# signalled once 1, a fifth, a third, half of the certificates have been rewritten (newer than
# a mark made after the copy): during the writing phase, at several moments of it
for spec in INT:1 TERM:5 HUP:3 INT:2; do
    sig=${spec%%:*} part=${spec#*:}
    if [ "$part" = 1 ]; then need=1 at="after the first certificate rewritten"
    else need=$((refcount / part)) at="after $need of $refcount certificates rewritten (1/$part)"; fi
    [ "$need" -ge 1 ] || need=1
    rm -rf "$T/run" && cp -R "$T/ref" "$T/run" && touch "$T/mark"
    NCCERT_VALGRIND_LEAK_CHECK=no "$NCCERT" verify $SHARD --out "$T/run" -q >/dev/null 2>"$T/err" &
    pid=$!
    wait_for "$pid" at_least "$need" "$T/run" "$T/mark"
    signal_at "$sig" "$pid"
    want=$((128 + $(signo "$sig")))
    left=$(tmp_left "$T/run")
    bad=$(differs "$T/run")
    count=$(find "$T/run" -name '*.json' | wc -l)
    if [ "$rc" = stalled ]; then
        not_ok "verify over existing certificates: did not rewrite $need certificates within ${START}s (killed)"
    elif [ "$rc" = 0 ]; then
        # finished before the signal: still nothing may differ
        if [ -z "$left" ] && [ -z "$bad" ]; then ok "verify over existing certificates, SIG$sig $at: finished first; all identical"
        else not_ok "verify finished before SIG$sig: left [$left] differ [$bad]"; fi
    elif [ "$rc" = "$want" ] && [ -z "$left" ] && [ -z "$bad" ] && [ "$count" -eq "$refcount" ] && one_line "$sig" "$T/err"; then
        ok "verify over existing certificates, SIG$sig $at: status $rc, one line ($(cat "$T/err")), no temporary file, all $count certificates intact"
    else
        not_ok "verify over existing certificates, SIG$sig $at ($state): status $rc (want $want); stderr [$(head -c 200 "$T/err")]; temporary files [$left]; changed [$bad]; $count of $refcount certificates"
    fi
done

# ---------------------------------------------------------- verify into a fresh directory
# signalled once the first certificate, then a quarter of them, are written
for spec in INT:0 TERM:4; do
    sig=${spec%%:*} part=${spec#*:}
    if [ "$part" = 0 ]; then need=1; else need=$((refcount / part)); fi
    [ "$need" -ge 1 ] || need=1
    rm -rf "$T/fresh"
    NCCERT_VALGRIND_LEAK_CHECK=no "$NCCERT" verify $SHARD --out "$T/fresh" -q >/dev/null 2>"$T/err" &
    pid=$!
    wait_for "$pid" at_least "$need" "$T/fresh"
    signal_at "$sig" "$pid"
    left=$(tmp_left "$T/fresh" 2>/dev/null)
    bad=$(differs "$T/fresh" 2>/dev/null)
    count=$(find "$T/fresh" -name '*.json' 2>/dev/null | wc -l)
    want=$((128 + $(signo "$sig")))
    if [ "$rc" = stalled ]; then
        not_ok "verify into a fresh directory: did not write $need certificates within ${START}s (killed)"
    elif [ -z "$left" ] && [ -z "$bad" ] && [ "$count" -ge "$need" ] \
        && { { [ "$rc" = "$want" ] && one_line "$sig" "$T/err"; } || [ "$rc" = 0 ]; }; then
        ok "verify into a fresh directory, SIG$sig after $need certificate(s) written: status $rc, $count complete certificates (each identical to the reference), no temporary file"
    else
        not_ok "verify into a fresh directory, SIG$sig after $need certificate(s) ($state): status $rc (want $want); stderr [$(head -c 200 "$T/err")]; temporary files [$left]; partial or different [$bad]; $count certificates"
    fi
done

# ---------------------------------------------------------- a long certify over an existing file
cp "$T/ref/ulpm.lemma-3.1/random-K3-n2-d4-s1.json" "$T/keep.json" 2>/dev/null \
    || cp "$(find "$T/ref" -name '*.json' | head -n 1)" "$T/keep.json"
# signalled while the tier-0 margins run over two threads (NCCERT_THREADS=2; K^2 n d = 2e10 is
# far above the threading threshold): the process has started, installed its handlers, built the
# instance and is computing. Observed in /proc/PID/task (Linux); elsewhere, after 1.5 s.
threads() { [ "$(ls "/proc/$1/task" 2>/dev/null | wc -l)" -ge 2 ]; }
for sig in INT TERM; do
    cp "$T/keep.json" "$T/out.json"
    # K = d = 1000, n = 20: several seconds of certification
    NCCERT_THREADS=2 NCCERT_VALGRIND_LEAK_CHECK=no "$NCCERT" certify ulpm.lemma-3.1 --K 1000 --n 20 --d 1000 --seed 1 -q -o "$T/out.json" >"$T/cout" 2>"$T/err" &
    pid=$!
    if [ -d /proc/self/task ]; then
        wait_for "$pid" threads "$pid"
        at="during the threaded tier-0 margins"
    else
        sleep 1.5; state=ready at="after 1.5 s (no /proc)"
    fi
    start=$(date +%s)
    signal_at "$sig" "$pid"
    secs=$(($(date +%s) - start))
    left=$(tmp_left "$T")
    if [ "$rc" = stalled ]; then
        not_ok "certify (K=d=1000, n=20): the margin threads did not appear within ${START}s (killed)"
    elif [ "$rc" = $((128 + $(signo "$sig"))) ] && [ -z "$left" ] && cmp -s "$T/out.json" "$T/keep.json" \
        && one_line "$sig" "$T/err" && [ ! -s "$T/cout" ]; then
        ok "certify (K=d=1000, n=20) interrupted by SIG$sig $at: status $rc within ${secs}s, one line on stderr, the existing -o file unchanged, no temporary file"
    else
        not_ok "certify interrupted by SIG$sig $at ($state): status $rc; stderr [$(head -c 200 "$T/err")]; temporary files [$left]; -o file $(cmp -s "$T/out.json" "$T/keep.json" && echo unchanged || echo CHANGED)"
    fi
done

echo "1..$n"
[ "$failed" -eq 0 ]
