#!/bin/sh
# t_determinism.sh: same input, same bytes (specs/certificate.md). Each instance kind is
# certified twice, to different paths and from different working directories, and the files
# must be identical (cmp); the certificate must not mention where it was written. `nccert
# verify --claim ulpm.lemma-3.1` into two directories (the second with --shard 1/1) must give
# identical trees, and the union of --shard 1/2 and --shard 2/2 must equal them too. TAP by hand.

. "$(dirname "$0")/tap.sh"
tap_setup determinism nccert
DATA="$ROOT/tests/data"
CLAIM=ulpm.lemma-3.1

mkdir -p "$T/a" "$T/b/sub"
twice() {   # DESCRIPTION ARGS...
    desc=$1
    shift
    (cd "$T/a" && "$NCCERT" certify $CLAIM "$@" -q -o first.json) 2>"$T/err"
    rc1=$?
    (cd "$T/b" && "$NCCERT" certify $CLAIM "$@" -q -o "$T/b/sub/second copy.json") 2>>"$T/err"
    rc2=$?
    if [ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] && cmp -s "$T/a/first.json" "$T/b/sub/second copy.json"; then
        ok "$desc: identical bytes ($(wc -c <"$T/a/first.json") bytes)"
    else
        not_ok "$desc: exit $rc1/$rc2, files differ or missing: $(cat "$T/err")"
        diff "$T/a/first.json" "$T/b/sub/second copy.json" 2>&1 | head -20 | sed 's/^/# /'
    fi
    if [ ! -s "$T/a/first.json" ] || grep -q -e "$T" -e 'first.json' -e 'second copy' "$T/a/first.json"; then
        not_ok "$desc: no certificate, or it mentions its path or directory"
    else
        ok "$desc: no path in the certificate"
    fi
}

twice "random-dyadic/1 K=5 n=2 d=6 seed 3"     --K 5 --n 2 --d 6 --seed 3
twice "random-dyadic/1 K=3 n=1 d=2 seed 2^64-1" --K 3 --n 1 --d 2 --seed 18446744073709551615
twice "nc/1 K=3 n=4 d=3"                       --nc --K 3 --n 4 --d 3
twice "nc/1 K=4 n=2 d=5"                       --nc --K 4 --n 2 --d 5
twice "nc-perturbed/1 K=4 n=2 d=5 seed 9 eps 2^-50" --nc --K 4 --n 2 --d 5 --seed 9 --perturb -50
twice "explicit tests/data/lemma31_K2_n1_d2.json" --instance "$DATA/lemma31_K2_n1_d2.json"
twice "explicit tests/data/tamper_explicit_K3_n2_d2.json" --instance "$DATA/tamper_explicit_K3_n2_d2.json"

# the default output name, in two directories, with a different environment
mkdir -p "$T/d1" "$T/d2"
(cd "$T/d1" && "$NCCERT" certify $CLAIM --K 4 --n 3 --d 5 --seed 11 -q)
rc1=$?
(cd "$T/d2" && env -i PATH="$PATH" TZ=Pacific/Kiritimati LC_ALL=C "$NCCERT" certify $CLAIM --K 4 --n 3 --d 5 --seed 11 -q)
rc2=$?
if [ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] && cmp -s "$T/d1/$CLAIM.cert.json" "$T/d2/$CLAIM.cert.json"; then
    ok "default output $CLAIM.cert.json: identical bytes across directories and environments"
else
    not_ok "default output: exit $rc1/$rc2 or files differ"
fi

# overwriting an existing certificate with the same result leaves the same bytes
cp "$T/d1/$CLAIM.cert.json" "$T/before.json" 2>/dev/null
(cd "$T/d1" && "$NCCERT" certify $CLAIM --K 4 --n 3 --d 5 --seed 11 -q)
if [ -s "$T/before.json" ] && cmp -s "$T/d1/$CLAIM.cert.json" "$T/before.json" && [ "$(ls -A "$T/d1")" = "$CLAIM.cert.json" ]; then
    ok "re-certifying over an existing file: same bytes, no stray temporary file"
else
    not_ok "re-certifying changed the file or left files: $(ls -A "$T/d1")"
fi

# nccert verify: two runs (one sharded 1/1) give identical trees; shards 1/2 + 2/2 = the whole
verify() {   # DIR ARGS...
    dir=$1
    shift
    "$NCCERT" verify --claim $CLAIM --out "$dir" "$@" >"$T/verify.out" 2>&1
}
verify "$T/v1"
rc1=$?
verify "$T/v2" --shard 1/1
rc2=$?
count=$(find "$T/v1" -name '*.json' 2>/dev/null | wc -l)
if [ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] && [ "$count" -gt 0 ] && diff -r "$T/v1" "$T/v2" >/dev/null 2>&1; then
    ok "verify --out DIR1 and --out DIR2 --shard 1/1: identical trees ($count certificates)"
else
    not_ok "verify: exit $rc1/$rc2, $count certificates, trees differ: $(diff -rq "$T/v1" "$T/v2" 2>&1 | head -5)"
fi
verify "$T/v3" --shard 1/2
rc1=$?
verify "$T/v3" --shard 2/2
rc2=$?
if [ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] && diff -r "$T/v1" "$T/v3" >/dev/null 2>&1; then
    ok "verify --shard 1/2 then 2/2 into one directory = the unsharded tree"
else
    not_ok "sharded verify: exit $rc1/$rc2, trees differ: $(diff -rq "$T/v1" "$T/v3" 2>&1 | head -5)"
fi
verify "$T/v4" --shard 1/2
c4=$(find "$T/v4" -name '*.json' 2>/dev/null | wc -l)
if [ "$c4" -gt 0 ] && [ "$c4" -lt "$count" ]; then
    ok "verify --shard 1/2 alone writes a proper subset ($c4 of $count)"
else
    not_ok "verify --shard 1/2 wrote $c4 of $count certificates"
fi

# a certificate made by certify equals the one verify writes for the same registry instance
"$NCCERT" certify $CLAIM --nc --K 4 --n 2 --d 5 -q -o "$T/nc.json"
if cmp -s "$T/nc.json" "$T/v1/$CLAIM/nc-K4-n2-d5.json"; then
    ok "certify --nc --K 4 --n 2 --d 5 = verify's nc-K4-n2-d5.json"
else
    not_ok "certify and verify disagree on nc-K4-n2-d5 (or the registry name changed)"
fi

tap_done
