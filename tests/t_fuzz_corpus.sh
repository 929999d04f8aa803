#!/bin/sh
# t_fuzz_corpus.sh: nccheck (the normal build) on every input the fuzzer kept: the minimised
# corpus tests/fuzz/corpus/nccheck/ and every crash, timeout or slow input in
# tests/fuzz/crashes/ (regressions; tests/fuzz/README.md). Each file must get exactly one line
# "FILE: ACCEPTED ..." or "FILE: REJECTED: <reason>" on stdout, nothing on stderr, an exit
# status in {0, 1, 2}, and be done within LIMIT seconds (no crash, no hang, no runaway memory:
# address space capped at 4 GiB). TAP by hand.

. "$(dirname "$0")/tap.sh"
tap_setup fuzz_corpus nccheck
LIMIT=${NCCERT_FUZZ_CORPUS_LIMIT:-60}

# the address-space cap, unless the binary cannot start under it (AddressSanitizer reserves
# terabytes of shadow address space: check_variant.sh sanitize)
VLIM="ulimit -v 4194304"
sh -c "$VLIM; \"\$0\" --version" "$NCCHECK" >/dev/null 2>&1 || VLIM=":"

# one_file FILE: runs nccheck on FILE alone under the limits; prints why it failed, if it did
one_file() {
    ( eval "$VLIM"; exec timeout -s KILL "$LIMIT" "$NCCHECK" -- "$1" ) >"$T/out" 2>"$T/err"
    rc=$?
    why=""
    case $rc in 0|1|2) ;; 137) why="killed after $LIMIT s (hang?)" ;; *) why="exit status $rc (crash?)" ;; esac
    [ -s "$T/err" ] && why="$why stderr: $(head -c 200 "$T/err")"
    [ "$(wc -l <"$T/out")" -eq 1 ] || why="$why $(wc -l <"$T/out") stdout lines"
    case $(cat "$T/out") in
        "$1: ACCEPTED "*|"$1: REJECTED: "?*) ;;
        *) why="$why unexpected line: $(head -c 200 "$T/out")" ;;
    esac
    echo "$why"
}

for set in corpus/nccheck crashes; do
    dir="$ROOT/tests/fuzz/$set"
    files=$(find "$dir" -type f ! -name '*.md' ! -name 'numbers-*' 2>/dev/null | LC_ALL=C sort)
    if [ -z "$files" ]; then ok "tests/fuzz/$set: empty # SKIP"; continue; fi
    count=$(echo "$files" | wc -l)
    if [ "$set" = crashes ]; then
        for f in $files; do
            why=$(one_file "$f")
            if [ -z "$why" ]; then ok "crash regression $(basename "$f"): $(cut -d' ' -f2- "$T/out" | head -c 120)"
            else not_ok "crash regression $(basename "$f"):$why"; fi
        done
        continue
    fi
    # the corpus in one run (fast); any file of a failing run is then tried alone
    # shellcheck disable=SC2086
    ( eval "$VLIM"; exec timeout -s KILL $((LIMIT * 4)) "$NCCHECK" --quiet -- $files ) >"$T/all" 2>"$T/allerr"
    rc=$?
    rejected=$(grep -c ': REJECTED: ' "$T/all")
    if { [ $rc -eq 0 ] || [ $rc -eq 1 ] || [ $rc -eq 2 ]; } && [ ! -s "$T/allerr" ]; then
        ok "tests/fuzz/$set: $count inputs, exit $rc, $rejected rejected with a reason, the rest accepted, no crash"
    else
        bad=""
        for f in $files; do
            why=$(one_file "$f")
            [ -n "$why" ] && bad="$bad
#   $f:$why"
        done
        not_ok "tests/fuzz/$set: exit $rc on the whole corpus$bad"
    fi
done

tap_done
