#!/bin/sh
# bench/blas.sh BUILD_DIR: ulpm.lemma-3.1 end to end against the OpenBLAS peer (`make
# bench-blas`, also section 7 of `make bench`; bench/README.md), one process per run: the peer
# bench_blas_peer (same random-dyadic/1 instance from its own splitmix64, cblas_dgemm, margin
# scan, norms, no rigour) against
# `nccert certify` with the BLAS oracle and with NCCERT_ORACLE=off (the proved naive-loop
# kernels over every sample, the path before issue 20), at the same thread count
# (OPENBLAS_NUM_THREADS for the peer, NCCERT_THREADS for nccert, which sets its BLAS's threads).
# Wall time and CPU time (user + sys of all threads: less sensitive to other processes on a
# shared machine), each the best of 3 runs. Prints markdown; exit 1 if a step fails, the peer's
# q_min differs from nccert's margin at its witness, or the two nccert certificates differ.
set -u
B=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
load() { cut -d' ' -f1-3 /proc/loadavg; }
# best3 CMD...: "WALL CPU" in seconds, the smallest wall time and the smallest CPU time (user +
# sys, all threads) of three runs; "fail fail" if a run fails
best3() {
    for r in 1 2 3; do
        /usr/bin/time -o "$tmp/time" -f '%e %U %S' "$@" > "$tmp/out" 2> "$tmp/err" || { echo fail fail; return; }
        cat "$tmp/time"
    done | awk 'NR == 1 || $1 < w { w = $1 } NR == 1 || $2 + $3 < c { c = $2 + $3 } END { print w, c }'
}
[ -x /usr/bin/time ] || { echo "bench/blas.sh: /usr/bin/time is missing (make bench-deps)" >&2; exit 1; }
echo "Load average at start: $(load)."
echo ""
echo "Wall and CPU (user + sys) milliseconds, each the best of 3 runs; ratios to the OpenBLAS peer."
echo ""
echo "| size | threads | peer wall | peer CPU | nccert wall | ratio | nccert CPU | ratio | naive wall | ratio | naive CPU | ratio | q_min agrees |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
for size in "100 100 256" "300 30 512"; do
    set -- $size
    for t in 2 1; do
        peer=$(best3 env OPENBLAS_NUM_THREADS=$t "$B/bench/bench_blas_peer" "$1" "$2" "$3" 2024)
        q=$(awk '{ print $2 }' "$tmp/out")
        [ -n "$q" ] || q=none
        ora=$(best3 env NCCERT_THREADS=$t OPENBLAS_NUM_THREADS=$t "$B/nccert" certify ulpm.lemma-3.1 \
            --K "$1" --n "$2" --d "$3" --seed 2024 -q -o "$tmp/o.json")
        naive=$(best3 env NCCERT_ORACLE=off NCCERT_THREADS=$t OPENBLAS_NUM_THREADS=$t "$B/nccert" certify ulpm.lemma-3.1 \
            --K "$1" --n "$2" --d "$3" --seed 2024 -q -o "$tmp/n.json")
        # nccert's margin at the witness (the decimal midpoint) against the peer's double q_min
        mid=$(grep -A 4 '"margin_at_witness"' "$tmp/o.json" | grep -o '"decimal": "\[[-0-9.e+]*' | sed 's/.*\[//')
        agree=$(awk -v a="$q" -v b="$mid" 'BEGIN { d = a - b; if (d < 0) d = -d; m = (a < 0 ? -a : a);
                                                  print (b != "" && d <= 1e-9 * (m + 1) ? "yes" : "NO") }')
        cmp -s "$tmp/o.json" "$tmp/n.json" || agree="$agree; certificates DIFFER"
        case "$peer$ora$naive$agree" in *fail* | *NO* | *DIFFER*) status=1 ;; esac
        echo "$peer $ora $naive" | awk -v s="K=$1 n=$2 d=$3" -v t="$t" -v a="$agree" '
            /fail/ { printf "| %s | %s | %s |\n", s, t, "a run failed: " $0 " | " a; exit }
            { printf "| %s | %s | %.0f | %.0f | %.0f | %.2f | %.0f | %.2f | %.0f | %.2f | %.0f | %.2f | %s |\n", s, t,
                     $1 * 1000, $2 * 1000, $3 * 1000, $3 / $1, $4 * 1000, $4 / $2, $5 * 1000, $5 / $1, $6 * 1000, $6 / $2, a }'
    done
done
echo ""
echo "Load average at end: $(load)."
exit $status
