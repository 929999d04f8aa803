#!/bin/sh
# bench/run.sh: `make bench`. Certification vs the plain double computation (same process),
# and nccheck vs nccert on the same instance (same machine, one after the other).
set -eu
B=build
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
$B/bench/bench_lemma31 100 100 256 5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
t0=$(date +%s.%N)
$B/nccert certify ulpm.lemma-3.1 --K 100 --n 100 --d 256 --seed 2024 -q -o "$tmp/c.json"
t1=$(date +%s.%N)
$B/nccheck --quiet "$tmp/c.json"
t2=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {
  printf "%-46s %10.4f\n", "nccert certify (process, K=100 n=100 d=256)", b - a;
  printf "%-46s %10.4f %8.2f\n", "nccheck (process, same certificate)", c - b, (c - b) / (b - a) }'
