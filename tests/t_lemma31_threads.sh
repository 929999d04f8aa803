#!/bin/sh
# t_lemma31_threads.sh: the tier-0 margin sweep of ulpm.lemma-3.1 runs over threads on large
# instances (src/claims/ulpm/ulpm_lemma31_margins.c); the certificate must not depend on the number of
# threads (NCCERT_THREADS = 1, 2, 3, 7: identical bytes), and `nccert verify --instance NAME`
# must write exactly that registry certificate. TAP by hand.

. "$(dirname "$0")/tap.sh"
tap_setup threads nccert
CLAIM=ulpm.lemma-3.1

# K*K*n*d = 2.56e7 multiply-adds: above the threading threshold (2e7)
for t in 1 2 3 7; do
    NCCERT_THREADS=$t "$NCCERT" certify $CLAIM --K 100 --n 10 --d 256 --seed 7 -q -o "$T/t$t.json" 2>"$T/err$t"
    echo $? > "$T/rc$t"
done
for t in 2 3 7; do
    if [ "$(cat "$T/rc1")" = 0 ] && [ "$(cat "$T/rc$t")" = 0 ] && cmp -s "$T/t1.json" "$T/t$t.json"; then
        ok "K=100 n=10 d=256: NCCERT_THREADS=$t gives the bytes of NCCERT_THREADS=1"
    else
        not_ok "NCCERT_THREADS=$t: exit $(cat "$T/rc$t"), differs from 1 thread: $(cat "$T/err$t")"
    fi
done
# an invalid NCCERT_THREADS falls back to the default, same bytes
NCCERT_THREADS=zero "$NCCERT" certify $CLAIM --K 100 --n 10 --d 256 --seed 7 -q -o "$T/tz.json" 2>/dev/null
if cmp -s "$T/t1.json" "$T/tz.json"; then ok "NCCERT_THREADS=zero: ignored, same bytes"
else not_ok "NCCERT_THREADS=zero changed the certificate"; fi

"$NCCERT" verify --claim $CLAIM --instance nc-K4-n2-d5 --out "$T/v" >"$T/v.out" 2>&1
rc=$?
files=$(cd "$T/v" 2>/dev/null && find . -name '*.json' | LC_ALL=C sort | tr '\n' ' ')
if [ $rc -eq 0 ] && [ "$files" = "./$CLAIM/nc-K4-n2-d5.json " ] && grep -q '^1 instance(s), 1 as expected' "$T/v.out"; then
    ok "verify --claim $CLAIM --instance nc-K4-n2-d5 writes that certificate only"
else
    not_ok "verify --instance: exit $rc, files: $files"
fi

tap_done
