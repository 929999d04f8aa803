#!/bin/sh
# bench/linconv_schur.sh BIN_DIR: linconv.theorem-2 (MSE error bound) through the structured
# path (proofs/derivations/linconv-theorem-2.md section 7) at growing Hessian dimension D =
# d(K + nK) + K, lambda_W = lambda_H = 1/200 (1/2000 at CIFAR-10 size, to stay below the threshold
# n K^2 lambda_W lambda_H < 1); one markdown row per size: wall and user seconds
# and peak RSS of nccert certify and of nccheck on its certificate, the check/certify CPU ratio,
# the verdicts. The dense path's largest registry size (D = 1210) is the first row for scale.
# The method column says which structure was used (schur: the whole reduced matrix; schur-split:
# its core and identical blocks, section 7.6); the last row is CIFAR-10 size (K=10, n=5000,
# d=512). Also section 7 of make bench
# (`make bench-linconv-schur` alone).
set -u
S=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
echo "| K | n | d | D | reduced 2dK+K | method | certify wall s | certify user s | certify MB | check wall s | check user s | check MB | check/certify (user) | result |"
echo "|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"
for size in "10 5 20 1/200" "10 10 40 1/200" "10 30 60 1/200" "10 100 100 1/200" "10 300 100 1/200" "10 10 400 1/200" "10 5000 512 1/2000"; do
    set -- $size
    D=$(($3 * ($1 + $1 * $2) + $1)) R=$((2 * $3 * $1 + $1))
    /usr/bin/time -o "$tmp/c.time" -f '%e %U %M' "$S/nccert" certify linconv.theorem-2 --K $1 --n $2 --d $3 \
        --lambda-w $4 --lambda-h $4 -q -o "$tmp/c.json" > "$tmp/c.out" 2>&1
    rc=$?
    if [ $rc -ne 0 ]; then
        echo "| $1 | $2 | $3 | $D | $R | - | - | - | - | - | - | - | - | not certified (exit $rc): $(head -c 100 "$tmp/c.out" | tr '\n' ' ') |"
        [ $R -gt 4000 ] || status=1
        continue
    fi
    /usr/bin/time -o "$tmp/k.time" -f '%e %U %M' "$S/nccheck" "$tmp/c.json" > "$tmp/k.out" 2>&1 || status=1
    res="$(grep -o '"verdict": *"[A-Z]*"' "$tmp/c.json" | tr -d '"' | sed 's/verdict: *//'), nccheck: $(sed 's/.*: //' "$tmp/k.out" | head -n 1)"
    m=$(grep -o '"method": *"schur[a-z-]*"' "$tmp/c.json" | sed 's/.*: *//' | tr -d '"')
    paste -d ' ' "$tmp/c.time" "$tmp/k.time" | awk -v K=$1 -v n=$2 -v d=$3 -v D=$D -v R=$R -v m="${m:-dense}" -v r="$res" '{
        u = ($2 > 0) ? $5 / $2 : 0;
        printf "| %s | %s | %s | %s | %s | %s | %.2f | %.2f | %.0f | %.2f | %.2f | %.0f | %.2f | %s |\n",
               K, n, d, D, (D > 4000 ? R : "-"), m, $1, $2, $3 / 1024, $4, $5, $6 / 1024, u, r }'
done
exit $status
