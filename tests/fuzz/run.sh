#!/bin/sh
# tests/fuzz/run.sh: runs the libFuzzer harnesses of nccheck (built by `make fuzz` into DIR).
#   run.sh smoke SECONDS DIR   crash regressions, then fuzz each harness for about SECONDS
#                              (what `make fuzz` and CI can afford); fails on any crash
#   run.sh long SECONDS DIR    the same for a long campaign, then minimises the corpus back
#                              into tests/fuzz/corpus/ (review the diff before committing)
# One process, one thread (no -jobs: the machine's two cores are shared). Seeds: the committed
# corpus, the committed certificates (smoke: the smallest of each directory), tests/check_data
# and tests/data.
# New crash/timeout/OOM inputs go to DIR/artifacts/; copy each one into tests/fuzz/crashes/
# with a name saying what it was, fix the bug, and t_fuzz_corpus.sh keeps it fixed.
set -u
mode=${1:?usage: run.sh smoke|long SECONDS DIR}
secs=${2:?SECONDS}
dir=${3:?DIR}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 2

for h in fuzz_nccheck fuzz_numbers; do
    [ -x "$dir/$h" ] || { echo "run.sh: $dir/$h not built (make fuzz)" >&2; exit 2; }
done
mkdir -p "$dir/artifacts"
# Limits per input: a certificate that takes longer than TIMEOUT seconds (under ASan+UBSan, about
# 15 times slower than the normal build: the largest committed ones take 1.5 s there) or more than RSS MiB
# to check is a finding (resource exhaustion), not noise.
TIMEOUT=${FUZZ_TIMEOUT:-60}
RSS=${FUZZ_RSS_MB:-2048}
# Inputs longer than MAXLEN bytes are not generated (seeds are cut there): the largest
# certificates (300 KB) would slow mutation tenfold for little new coverage.
MAXLEN=${FUZZ_MAX_LEN:-24000}
# FUZZ_DETECT_LEAKS=0 ignores leaks (to look for other bugs past a known leak).
LEAKS=${FUZZ_DETECT_LEAKS:-1}
[ "$LEAKS" = 0 ] && export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
COMMON="-detect_leaks=$LEAKS -max_len=$MAXLEN -timeout=$TIMEOUT -rss_limit_mb=$RSS -print_final_stats=1 -artifact_prefix=$dir/artifacts/"

echo "== crash regressions (tests/fuzz/crashes) =="
status=0
# crash-*, leak-*, oom-* inputs replay here under the sanitizers; slow-* and timeout-* ones (slow,
# not wrong) are replayed by t_fuzz_corpus.sh on the normal build, under a time limit.
for f in tests/fuzz/crashes/*; do
    [ -f "$f" ] || continue
    case $(basename "$f") in *.md|*.txt|slow-*|timeout-*) continue ;; esac
    case $(basename "$f") in numbers-*) h=fuzz_numbers ;; *) h=fuzz_nccheck ;; esac
    if "$dir/$h" -detect_leaks="$LEAKS" -timeout="$TIMEOUT" -rss_limit_mb="$RSS" "$f" >"$dir/regress.log" 2>&1; then
        echo "ok   $f"
    else
        echo "FAIL $f"; tail -n 30 "$dir/regress.log"; status=1
    fi
done
[ $status -eq 0 ] || exit 1

# The working corpus: a copy (the committed one changes only through `long` + review).
work="$dir/work"
rm -rf "$work" "$dir/seeds" && mkdir -p "$work/nccheck" "$work/numbers" "$dir/seeds"
cp tests/fuzz/corpus/nccheck/* "$work/nccheck/" 2>/dev/null
cp tests/fuzz/corpus/numbers/* "$work/numbers/" 2>/dev/null
i=0
# Seeds. long: every certificate (hundreds, some checking for seconds under the sanitizers).
# smoke: the smallest certificate of each directory of certificates/ (the committed corpus
# already holds what the others add), so that the run fuzzes instead of replaying seeds.
# FUZZ_EXTRA_SEEDS: more directories of seeds (e.g. the output of `nccert verify --out DIR`).
if [ "$mode" = smoke ]; then
    # shellcheck disable=SC2012  # names of certificates have no newlines
    seeds=$(find certificates -type d | while read -r d; do ls -S "$d"/*.json 2>/dev/null | tail -n 1; done)
else
    seeds=$(find certificates -name '*.json')
fi
# shellcheck disable=SC2086  # FUZZ_EXTRA_SEEDS is a list of directories
for f in $( { echo "$seeds"; find tests/check_data tests/data ${FUZZ_EXTRA_SEEDS:-} -name '*.json' 2>/dev/null; } | LC_ALL=C sort); do
    [ -f "$f" ] || continue
    i=$((i + 1)); cp "$f" "$dir/seeds/seed$i.json"
done

run_one() { # HARNESS SECONDS CORPUS... : fuzz, report the stats, fail on a finding
    h=$1 t=$2
    shift 2
    echo "== $h: $t s =="
    dict=""
    [ -f "tests/fuzz/$h.dict" ] && dict="-dict=tests/fuzz/$h.dict"
    # shellcheck disable=SC2086
    "$dir/$h" $COMMON $dict -max_total_time="$t" "$@" >"$dir/$h.log" 2>&1
    rc=$?
    # coverage: "cov" = edges (PCs) covered, "ft" = features (edges x hit-count buckets)
    grep -aE '^#[0-9]+ ' "$dir/$h.log" | tail -n 1
    grep -aE '^(stat::|Done )|INFO: seed corpus' "$dir/$h.log" | tail -n 8
    if [ $rc -ne 0 ]; then
        echo "run.sh: $h found a failing input (exit $rc):"
        grep -aE 'ERROR|SUMMARY|Test unit written|fuzz_nccheck:|fuzz_numbers:' "$dir/$h.log" | head -n 20
        return 1
    fi
    return 0
}

case $mode in
smoke)
    t1=$secs t2=$((secs / 6 + 1))
    run_one fuzz_nccheck "$t1" "$work/nccheck" "$dir/seeds" || exit 1
    run_one fuzz_numbers "$t2" "$work/numbers" || exit 1
    ;;
long)
    t2=$((secs / 10 + 1))
    run_one fuzz_nccheck "$secs" "$work/nccheck" "$dir/seeds" || status=1
    run_one fuzz_numbers "$t2" "$work/numbers" || status=1
    # minimise: keep only inputs that add coverage, into the committed corpus
    for pair in nccheck:fuzz_nccheck numbers:fuzz_numbers; do
        c=${pair%%:*} h=${pair#*:}
        rm -rf "$dir/min-$c" && mkdir -p "$dir/min-$c"
        "$dir/$h" -merge=1 -timeout="$TIMEOUT" -rss_limit_mb="$RSS" "$dir/min-$c" "$work/$c" >"$dir/merge-$c.log" 2>&1
        rm -rf "tests/fuzz/corpus/$c" && mkdir -p "tests/fuzz/corpus/$c" && cp "$dir/min-$c"/* "tests/fuzz/corpus/$c/"
        echo "corpus/$c: $(ls "tests/fuzz/corpus/$c" | wc -l) files, $(du -sh "tests/fuzz/corpus/$c" | cut -f1)"
    done
    exit $status
    ;;
*) echo "run.sh: unknown mode $mode" >&2; exit 2 ;;
esac
[ "$LEAKS" = 0 ] && echo "fuzz: no crash, no timeout (leaks not checked: FUZZ_DETECT_LEAKS=0)" || echo "fuzz: no crash, no timeout, no leak"
