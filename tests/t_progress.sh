#!/bin/sh
# t_progress.sh: the progress line (src/common/progress.h). On a terminal, long runs of nccert
# verify / certify / audit show a line on stderr; it is never on stdout, never in a
# certificate, off with --quiet and when stderr is not a terminal (the default in tests), and
# NCCERT_PROGRESS=0/1 forces it off/on. NCCERT_PROGRESS_DELAY_MS=0 drops the 2 s delay so that
# a run of about a second shows it. The terminal case runs under `script` (util-linux), which
# gives the command a real pty; skipped without it. Run from the repository root.
. "$(dirname "$0")/tap.sh"
tap_setup progress nccert
tap_plan 12

# About a second (linconv.prop-1 at K=10, n=5, d=20: a 1210 x 1210 Hessian and its PD check).
CLAIM=linconv.prop-1
NAME=below-large-K10-n5-d20
CERT=$CLAIM/$NAME.json
ESC=$(printf '\033')
CR=$(printf '\r')
# the verify table without its seconds column
table() { sed 's/ *[0-9][0-9.]*\( *<-- UNEXPECTED\)\{0,1\}$//' "$1"; }
clean() { ! grep -q "$ESC\|$CR" "$1"; }   # no escape sequence, no carriage return

unset NCCERT_PROGRESS NCCERT_PROGRESS_DELAY_MS

"$NCCERT" verify --claim $CLAIM --instance $NAME --out "$T/ref" >"$T/ref.out" 2>"$T/ref.err"
rc=$?
[ $rc = 0 ] && [ -s "$T/ref/$CERT" ] && [ ! -s "$T/ref.err" ]
ok_rc $? "stderr not a terminal: no progress line, stderr empty (exit $rc)"

NCCERT_PROGRESS=1 NCCERT_PROGRESS_DELAY_MS=0 "$NCCERT" verify --claim $CLAIM --instance $NAME --out "$T/on" >"$T/on.out" 2>"$T/on.err"
rc=$?
[ $rc = 0 ] && grep -q "nccert \[[0-9]*:[0-9][0-9]\] verify 0/1 $CLAIM/$NAME" "$T/on.err" && grep -q 'Hessian\|PD check\|Cholesky' "$T/on.err"
ok_rc $? "NCCERT_PROGRESS=1: the line on stderr: elapsed time, instances done, claim/instance, the certifier's phase (exit $rc)"
tail -c 4 "$T/on.err" | od -An -c | tr -d ' \n' | grep -q '\\r033\[K$'
ok_rc $? "the line is erased at the end (last bytes: CR ESC [K)"

table "$T/ref.out" >"$T/ref.tab"
table "$T/on.out" >"$T/on.tab"
cmp -s "$T/ref.tab" "$T/on.tab" && clean "$T/on.out"
ok_rc $? "stdout identical with and without progress (table, seconds aside), no control character in it"
cmp -s "$T/ref/$CERT" "$T/on/$CERT"
ok_rc $? "the certificate is byte-identical with and without progress"

NCCERT_PROGRESS=1 NCCERT_PROGRESS_DELAY_MS=0 "$NCCERT" verify --quiet --claim $CLAIM --instance $NAME --out "$T/q" >"$T/q.out" 2>"$T/q.err"
[ ! -s "$T/q.err" ] && cmp -s "$T/ref/$CERT" "$T/q/$CERT"
ok_rc $? "--quiet wins over NCCERT_PROGRESS=1: stderr empty"

# the default delay: a run of a few milliseconds prints nothing even when forced on
NCCERT_PROGRESS=1 "$NCCERT" verify --claim $CLAIM --instance at-threshold-K2-n1-d2 --out "$T/short" >/dev/null 2>"$T/short.err"
[ ! -s "$T/short.err" ]
ok_rc $? "a short run (under the 2 s delay) shows no line"

# certify: the summary on stdout and the certificate as without progress
INST='{"kind":"linconv/1","K":10,"n":5,"d":20,"lambda_W":"1/200","lambda_H":"1/2000"}'
"$NCCERT" certify $CLAIM --instance-json "$INST" -o "$T/c0.json" >"$T/c0.out" 2>"$T/c0.err"
NCCERT_PROGRESS=1 NCCERT_PROGRESS_DELAY_MS=0 "$NCCERT" certify $CLAIM --instance-json "$INST" -o "$T/c1.json" >"$T/c1.out" 2>"$T/c1.err"
sed "s#$T/c1.json#$T/c0.json#" "$T/c1.out" | cmp -s - "$T/c0.out" && cmp -s "$T/c0.json" "$T/c1.json" &&
    [ ! -s "$T/c0.err" ] && grep -q "nccert \[.*\] $CLAIM > " "$T/c1.err" && clean "$T/c1.out"
ok_rc $? "certify: progress on stderr only; same summary on stdout, same certificate bytes"

# audit: rows done; the TSV on stdout unchanged (the rows of linconv.002.prop-1 only: its last
# instance is the one above)
mkdir -p "$T/specs"
head -8 specs/audit/linconv.tsv >"$T/specs/linconv.tsv"
"$NCCERT" audit --specs "$T/specs" --paper linconv --format tsv >"$T/a0.tsv" 2>"$T/a0.err"
NCCERT_PROGRESS=1 NCCERT_PROGRESS_DELAY_MS=0 "$NCCERT" audit --specs "$T/specs" --paper linconv --format tsv >"$T/a1.tsv" 2>"$T/a1.err"
cmp -s "$T/a0.tsv" "$T/a1.tsv" && [ ! -s "$T/a0.err" ] && grep -q 'nccert \[.*\] audit [0-9]*/[0-9]* linconv\.' "$T/a1.err"
ok_rc $? "audit: rows done on stderr when on, nothing when stderr is not a terminal; same TSV"

# a real terminal (isatty(2)): stderr on the pty, stdout to a file
if command -v script >/dev/null 2>&1; then
    script -qec "NCCERT_PROGRESS_DELAY_MS=0 '$NCCERT' verify --claim $CLAIM --instance $NAME --out '$T/tty' >'$T/tty.out'" \
        "$T/tty.ts" </dev/null >/dev/null 2>&1
    rc=$?
    [ $rc = 0 ] && grep -q "nccert \[[0-9]*:[0-9][0-9]\] verify 0/1" "$T/tty.ts" && table "$T/tty.out" | cmp -s - "$T/ref.tab" &&
        clean "$T/tty.out" && cmp -s "$T/ref/$CERT" "$T/tty/$CERT"
    ok_rc $? "on a terminal the line appears (no variable needed); stdout and certificate unchanged (exit $rc)"
    script -qec "NCCERT_PROGRESS_DELAY_MS=0 '$NCCERT' verify --quiet --claim $CLAIM --instance $NAME --out '$T/tty2' >/dev/null" \
        "$T/tty2.ts" </dev/null >/dev/null 2>&1
    ! grep -q 'nccert \[' "$T/tty2.ts"
    ok_rc $? "on a terminal, --quiet: no line"
    script -qec "NCCERT_PROGRESS=0 NCCERT_PROGRESS_DELAY_MS=0 '$NCCERT' verify --claim $CLAIM --instance $NAME --out '$T/tty3' >/dev/null" \
        "$T/tty3.ts" </dev/null >/dev/null 2>&1
    ! grep -q 'nccert \[' "$T/tty3.ts"
    ok_rc $? "on a terminal, NCCERT_PROGRESS=0: no line"
else
    skip "script (util-linux) not installed: no pty"
    skip "script (util-linux) not installed: no pty"
    skip "script (util-linux) not installed: no pty"
fi
tap_done
