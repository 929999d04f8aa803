#!/bin/sh
# shellcheck disable=SC2086  # $G and $AS are split on purpose
# t_cli_bad_input.sh: every bad input of the nccert command line gets exactly one line on
# stderr starting with "nccert: " (mentioning what is wrong), nothing on stdout, exit status 2,
# and no file is created (certify runs in an empty directory, where the default output
# CLAIM.cert.json would go); an existing certificate is left byte for byte untouched when a
# later certify fails; --help of every command exits 0 with "usage:". TAP by hand.
# Bad instance files: tests/data/cli_bad_*.json.

. "$(dirname "$0")/tap.sh"
tap_setup cli_bad_input nccert
DATA="$ROOT/tests/data"
CLAIM=ulpm.lemma-3.1

RUN="$T/run"        # the working directory of each run: must stay empty

diag() { sed 's/^/# /' "$@"; }

# bad DESCRIPTION PATTERN ARGS...: nccert ARGS run in an empty directory must exit 2, print
# nothing on stdout and one line "nccert: ..." on stderr matching the grep -E PATTERN, and
# leave the directory empty.
bad() {
    desc=$1 pat=$2
    shift 2
    rm -rf "$RUN" && mkdir "$RUN"
    (cd "$RUN" && exec $AS "$NCCERT" "$@") >"$T/out" 2>"$T/err"
    rc=$?
    lines=$(wc -l <"$T/err")
    bytes=$(wc -c <"$T/out")
    left=$(ls -A "$RUN")
    why=""
    [ "$rc" -eq 2 ] || why="$why exit $rc (want 2);"
    [ "$lines" -eq 1 ] && [ "$(tail -c 1 "$T/err" | od -An -c | tr -d ' ')" = '\n' ] || why="$why $lines stderr lines (want 1);"
    head -n 1 "$T/err" | grep -q '^nccert: ' || why="$why stderr does not start with 'nccert: ';"
    head -n 1 "$T/err" | grep -Eq -- "$pat" || why="$why message does not match /$pat/;"
    [ "$bytes" -eq 0 ] || why="$why stdout not empty;"
    [ -z "$left" ] || why="$why left files: $left;"
    if [ -z "$why" ]; then
        ok "$desc: $(head -n 1 "$T/err")"
    else
        not_ok "$desc:$why"
        diag "$T/err" "$T/out"
    fi
}

# -------------------------------------------------------------------- generated instances
G="--n 2 --d 3 --seed 1"
bad "K=1"                    'K'        certify $CLAIM --K 1 $G
bad "K=0"                    'K'        certify $CLAIM --K 0 $G
bad "K=-3"                   'K'        certify $CLAIM --K -3 $G
bad "K=1e9"                  'K'        certify $CLAIM --K 1e9 $G
bad "K=abc"                  'K'        certify $CLAIM --K abc $G
bad "K empty"                'K'        certify $CLAIM --K "" $G
bad "K=' 5' (space)"         'K'        certify $CLAIM --K " 5" $G
bad "K=5x"                   'K'        certify $CLAIM --K 5x $G
bad "K=0x10"                 'K'        certify $CLAIM --K 0x10 $G
bad "K=1000000000"           'K'        certify $CLAIM --K 1000000000 $G
bad "K=99999999999999999999 (overflows long)" 'K' certify $CLAIM --K 99999999999999999999 $G
bad "K=100001"               'K'        certify $CLAIM --K 100001 $G
bad "n=0"                    'n'        certify $CLAIM --K 3 --n 0 --d 3 --seed 1
bad "n=-1"                   'n'        certify $CLAIM --K 3 --n -1 --d 3 --seed 1
bad "d=0"                    'd'        certify $CLAIM --K 3 --n 2 --d 0 --seed 1
bad "d=2.5"                  'd'        certify $CLAIM --K 3 --n 2 --d 2.5 --seed 1
bad "too many entries (K=n=d=100000)" 'too large|entries' certify $CLAIM --K 100000 --n 100000 --d 100000 --seed 1
bad "--seed -1"              'seed'     certify $CLAIM --K 3 --n 2 --d 3 --seed -1
bad "--seed 18446744073709551616 (2^64)" 'seed' certify $CLAIM --K 3 --n 2 --d 3 --seed 18446744073709551616
bad "--seed 99999999999999999999" 'seed' certify $CLAIM --K 3 --n 2 --d 3 --seed 99999999999999999999
bad "--seed x"               'seed'     certify $CLAIM --K 3 --n 2 --d 3 --seed x
bad "--seed empty"           'seed'     certify $CLAIM --K 3 --n 2 --d 3 --seed ""
bad "--seed +5"              'seed'     certify $CLAIM --K 3 --n 2 --d 3 --seed +5
bad "--seed 1e3"             'seed'     certify $CLAIM --K 3 --n 2 --d 3 --seed 1e3
bad "--perturb 0"            'perturb'  certify $CLAIM --nc --K 3 --n 2 --d 3 --seed 1 --perturb 0
bad "--perturb 1"            'perturb'  certify $CLAIM --nc --K 3 --n 2 --d 3 --seed 1 --perturb 1
bad "--perturb -1001"        'perturb'  certify $CLAIM --nc --K 3 --n 2 --d 3 --seed 1 --perturb -1001
bad "--perturb without --nc" 'perturb'  certify $CLAIM --K 3 --n 2 --d 3 --seed 1 --perturb -20
bad "--perturb without --seed" 'perturb' certify $CLAIM --nc --K 3 --n 2 --d 3 --perturb -20
bad "--nc --seed without --perturb" 'perturb' certify $CLAIM --nc --K 3 --n 2 --d 3 --seed 1
bad "--nc with d < K"        'd >= (--)?K' certify $CLAIM --nc --K 4 --n 2 --d 3
bad "perturbed with d < K"   'd >= (--)?K' certify $CLAIM --nc --K 4 --n 2 --d 3 --seed 1 --perturb -20
bad "no --seed and no --nc"  'seed'     certify $CLAIM --K 3 --n 2 --d 3
bad "missing --d"            'd'        certify $CLAIM --K 3 --n 2 --seed 1
bad "no instance at all"     'instance' certify $CLAIM
bad "--max-prec 10"          'max-prec' certify $CLAIM --K 3 --n 2 --d 3 --seed 1 --max-prec 10
bad "--K without value"      'K|option' certify $CLAIM --K
bad "unknown option --bogus" 'bogus'    certify $CLAIM --K 3 --n 2 --d 3 --seed 1 --bogus
bad "extra argument"         'extra|unexpected' certify $CLAIM extra --K 3 --n 2 --d 3 --seed 1

# -------------------------------------------------------------------- claims
bad "unknown claim"          'ulpm.lemma-9.9' certify ulpm.lemma-9.9 --K 3 --n 2 --d 3 --seed 1
# a catalogued claim that has no certifier yet (the first "planned" one in nccert list)
PLANNED=$("$NCCERT" list | awk '$2 == "planned" { print $1; exit }')
if [ -n "$PLANNED" ]; then
    bad "claim without certifier ($PLANNED)" "$PLANNED" certify "$PLANNED" --K 3 --n 2 --d 3 --seed 1
else
    n=$((n + 1)); echo "ok $n # SKIP every catalogued claim has a certifier"
fi
bad "missing claim"          'CLAIM|claim' certify --K 3 --n 2 --d 3 --seed 1
bad "both --instance and --K" 'instance' certify $CLAIM --instance "$DATA/lemma31_K2_n1_d2.json" --K 3
bad "both --instance and --nc" 'instance' certify $CLAIM --instance "$DATA/lemma31_K2_n1_d2.json" --nc

# -------------------------------------------------------------------- instance files
# Root reads any file: then run this case as user nobody (65534) through setpriv, if possible.
AS=""
if [ "$(id -u)" -eq 0 ]; then
    if command -v setpriv >/dev/null 2>&1 && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
        AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
        chmod 755 "$T"
    else
        AS=none
    fi
fi
if [ "$AS" = none ]; then
    n=$((n + 1)); echo "ok $n # SKIP unreadable instance file: running as root without setpriv"
    n=$((n + 1)); echo "ok $n # SKIP unreadable instance file: running as root without setpriv"
else
    cp "$DATA/lemma31_K2_n1_d2.json" "$T/unreadable.json" && chmod 000 "$T/unreadable.json"
    bad "unreadable instance file" 'unreadable.json.*Permission denied' certify $CLAIM --instance "$T/unreadable.json"
    # the message should name the problem, not call a file it could not open invalid JSON
    if grep -q 'invalid JSON' "$T/err"; then
        n=$((n + 1)); echo "not ok $n - unreadable file not reported as invalid JSON"
    else
        ok "unreadable file not reported as invalid JSON"
    fi
fi
AS=""
bad "nonexistent instance file" 'nonexistent' certify $CLAIM --instance "$T/nonexistent.json"
bad "directory as instance"  'regular|directory' certify $CLAIM --instance "$DATA"
bad "empty instance file"    'JSON'     certify $CLAIM --instance "$DATA/cli_bad_empty.json"
bad "invalid JSON"           'JSON'     certify $CLAIM --instance "$DATA/cli_bad_invalid_json.json"
bad "duplicate key"          'duplicate' certify $CLAIM --instance "$DATA/cli_bad_duplicate_key.json"
bad "ragged matrix"          'row 1'    certify $CLAIM --instance "$DATA/cli_bad_ragged.json"
bad "wrong row length"       'row 0'    certify $CLAIM --instance "$DATA/cli_bad_row_length.json"
bad "wrong number of rows"   'rows'     certify $CLAIM --instance "$DATA/cli_bad_rows.json"
bad "non-string entry"       'W\[1\]\[1\]' certify $CLAIM --instance "$DATA/cli_bad_nonstring.json"
bad "nested array entry"     'W\[0\]\[0\]' certify $CLAIM --instance "$DATA/cli_bad_nested.json"
bad "entry 1/0"              '1/0'      certify $CLAIM --instance "$DATA/cli_bad_zero_den.json"
bad "entry 1e5"              '1e5'      certify $CLAIM --instance "$DATA/cli_bad_exponent.json"
bad "unknown key"            '"w"'      certify $CLAIM --instance "$DATA/cli_bad_unknown_key.json"
bad "unknown generator kind" 'random-dyadic/2' certify $CLAIM --instance "$DATA/cli_bad_kind.json"
bad "K=1 in a file"          'K'        certify $CLAIM --instance "$DATA/cli_bad_K1.json"
bad "nc/1 with d < K in a file" 'd >= K' certify $CLAIM --instance "$DATA/cli_bad_nc_d_lt_K.json"

# -------------------------------------------------------------------- output paths
bad "output in a nonexistent directory" 'nonexistent' certify $CLAIM --K 3 --n 2 --d 3 --seed 1 -o "$T/nonexistent/c.json"
mkdir -p "$T/outdir"
bad "output path is a directory" 'outdir' certify $CLAIM --K 3 --n 2 --d 3 --seed 1 -o "$T/outdir"
left=$(ls -A "$T/outdir")
for f in "$T"/outdir.tmp*; do [ -e "$f" ] && left="$left $f"; done
if [ -z "$left" ]; then ok "no temporary file left next to the directory output"; else not_ok "temporary files left: $left"; fi

# An existing certificate survives a failed certify byte for byte (and no temp file is left).
mkdir -p "$T/keep"
if "$NCCERT" certify $CLAIM --instance "$DATA/lemma31_K2_n1_d2.json" -q -o "$T/keep/cert.json"; then
    cp "$T/keep/cert.json" "$T/cert.orig"
    (cd "$T/keep" && "$NCCERT" certify $CLAIM --instance "$DATA/cli_bad_zero_den.json" -q -o cert.json) 2>"$T/err"
    rc=$?
    if [ $rc -eq 2 ] && cmp -s "$T/keep/cert.json" "$T/cert.orig" && [ "$(ls -A "$T/keep")" = "cert.json" ]; then
        ok "existing certificate untouched when certify fails on a bad instance"
    else
        not_ok "existing certificate modified or extra files (exit $rc): $(ls -A "$T/keep")"
    fi
    (cd "$T/keep" && "$NCCERT" certify ulpm.nope --instance "$DATA/lemma31_K2_n1_d2.json" -q -o cert.json) 2>"$T/err"
    rc=$?
    if [ $rc -eq 2 ] && cmp -s "$T/keep/cert.json" "$T/cert.orig"; then
        ok "existing certificate untouched when certify fails on an unknown claim"
    else
        not_ok "existing certificate modified (exit $rc)"
    fi
else
    not_ok "could not write the reference certificate"
    not_ok "(skipped: no reference certificate)"
fi

# -------------------------------------------------------------------- other commands
bad "unknown command"        'frobnicate' frobnicate
bad "unknown command --K"    'K'        --K 3
bad "list with an argument"  'list'     list extra
bad "check without files"    'check|certificate' check
bad "verify --claim unknown" 'ulpm.nope' verify --claim ulpm.nope --out "$T/never"
bad "verify --shard 0/1"     'shard'    verify --shard 0/1 --out "$T/never"
bad "verify --shard 3/2"     'shard'    verify --shard 3/2 --out "$T/never"
bad "verify --shard x"       'shard'    verify --shard x --out "$T/never"
bad "verify --bogus"         'bogus'    verify --bogus
bad "verify extra argument"  'extra|unexpected' verify extra
if [ -e "$T/never" ]; then not_ok "verify created its --out directory on bad usage"; else ok "verify with bad usage created no --out directory"; fi

# -------------------------------------------------------------------- help
for args in "--help" "certify --help" "list --help" "verify --help" "check --help" "help" "certify $CLAIM --help"; do
    rm -rf "$RUN" && mkdir "$RUN"
    # shellcheck disable=SC2086
    (cd "$RUN" && exec "$NCCERT" $args) >"$T/out" 2>"$T/err"
    rc=$?
    if [ $rc -eq 0 ] && grep -q 'usage:' "$T/out" && [ ! -s "$T/err" ] && [ -z "$(ls -A "$RUN")" ]; then
        ok "nccert $args: exit 0, usage on stdout"
    else
        not_ok "nccert $args: exit $rc"
        diag "$T/err"
    fi
done

# ==================================================================== issue 9: the full matrix
# Every option of certify and verify with empty, non-numeric, NaN/Inf, negative, huge
# (10^9), overflowing and malformed values; bad --instance-json; unwritable and malformed
# output paths. Same contract as above: exit 2, one "nccert: " line, nothing else, no file.
AS=""
for opt in --K --n --d --perturb --max-prec; do
    case $opt in
        --K) ctx="--n 2 --d 3 --seed 1" ;;
        --n) ctx="--K 3 --d 3 --seed 1" ;;
        --d) ctx="--K 3 --n 2 --seed 1" ;;
        --perturb) ctx="--nc --K 3 --n 2 --d 3 --seed 1" ;;
        --max-prec) ctx="--K 3 --n 2 --d 3 --seed 1" ;;
    esac
    name=${opt#--}
    for v in "" " " abc nan NaN inf -inf Infinity 1e9 1000000000 -1000000000 99999999999999999999 \
             -99999999999999999999 9223372036854775808 0x10 1.5 "3 4" 3abc "--" "+-3"; do
        # shellcheck disable=SC2086
        bad "certify $opt '$v'" "$name" certify $CLAIM $ctx "$opt" "$v"
    done
done
for v in nan inf -1 "" " 1" 1.0 0x1 18446744073709551616 -0; do
    bad "certify --seed '$v'" 'seed' certify $CLAIM --K 3 --n 2 --d 3 --seed "$v"
done
bad "--max-prec 2^20+1"      'max-prec' certify $CLAIM --K 3 --n 2 --d 3 --seed 1 --max-prec 1048577
bad "--max-prec 0"           'max-prec' certify $CLAIM --K 3 --n 2 --d 3 --seed 1 --max-prec 0
bad "--max-prec -64"         'max-prec' certify $CLAIM --K 3 --n 2 --d 3 --seed 1 --max-prec -64
bad "--n 100001"             'n'        certify $CLAIM --K 3 --n 100001 --d 3 --seed 1
bad "--d 100001"             'd'        certify $CLAIM --K 3 --n 2 --d 100001 --seed 1
bad "--instance ''"          'instance' certify $CLAIM --instance ""
bad "--instance without value" 'instance|option' certify $CLAIM --instance
bad "-o without value"       'option|-o' certify $CLAIM --K 3 --n 2 --d 3 --seed 1 -o
# --instance-json: invalid, empty, wrong types, non-finite and overflowing numbers, deep nesting
bad "--instance-json ''"     'JSON'     certify $CLAIM --instance-json ""
bad "--instance-json '{'"    'JSON'     certify $CLAIM --instance-json "{"
bad "--instance-json '[]'"   'object|instance' certify $CLAIM --instance-json "[]"
bad "--instance-json 'null'" 'JSON|object|instance' certify $CLAIM --instance-json "null"
bad "--instance-json '\"x\"'" 'JSON|object|instance' certify $CLAIM --instance-json '"x"'
bad "--instance-json K NaN"  'JSON'     certify $CLAIM --instance-json '{"K": NaN, "n": 1, "d": 1, "seed": "1", "kind": "random-dyadic/1"}'
bad "--instance-json K 1e999" 'K|JSON|real|integer' certify $CLAIM --instance-json '{"K": 1e999, "n": 1, "d": 1, "seed": "1", "kind": "random-dyadic/1"}'
bad "--instance-json K 2^64"  'K|JSON|integer' certify $CLAIM --instance-json '{"K": 18446744073709551616, "n": 1, "d": 1, "seed": "1", "kind": "random-dyadic/1"}'
bad "--instance-json K -1"   'K'        certify $CLAIM --instance-json '{"K": -1, "n": 1, "d": 1, "seed": "1", "kind": "random-dyadic/1"}'
bad "--instance-json K 10^9" 'K'        certify $CLAIM --instance-json '{"K": 1000000000, "n": 1, "d": 1, "seed": "1", "kind": "random-dyadic/1"}'
bad "--instance-json K \"3\"" 'K'       certify $CLAIM --instance-json '{"K": "3", "n": 1, "d": 1, "seed": "1", "kind": "random-dyadic/1"}'
bad "--instance-json seed 7 (a number)" 'seed' certify $CLAIM --instance-json '{"K": 3, "n": 1, "d": 1, "seed": 7, "kind": "random-dyadic/1"}'
bad "--instance-json nested 30000 deep" 'JSON' certify $CLAIM --instance-json "$(python3 -c 'print("[" * 30000 + "]" * 30000)' 2>/dev/null || echo '[[[')"
bad "--instance-json duplicate K" 'duplicate' certify $CLAIM --instance-json '{"K": 3, "K": 4, "n": 1, "d": 1, "seed": "1", "kind": "random-dyadic/1"}'
# output paths: empty, under a regular file, unwritable, a directory that cannot be created
touch "$T/plainfile"
bad "-o ''"                  'certificate|output|-o|write' certify $CLAIM --K 3 --n 2 --d 3 --seed 1 -o ""
bad "-o under a regular file" 'plainfile' certify $CLAIM --K 3 --n 2 --d 3 --seed 1 -o "$T/plainfile/c.json"
bad "-o in /proc (unwritable even for root)" '/proc' certify $CLAIM --K 3 --n 2 --d 3 --seed 1 -o /proc/nccert-test.json
bad "verify --out under a regular file" 'plainfile' verify --out "$T/plainfile/certs"
bad "verify --out in /proc"  '/proc'    verify --out /proc/nccert-test
bad "verify --out ''"        'out|directory|create' verify --out ""
# verify options
for v in "1/0" "1/" "/2" "-1/2" "0/0" "1/99999999999999999999" "nan/2" "1/2/3" "" "1" "1/2x" "2/1000001"; do
    bad "verify --shard '$v'" 'shard' verify --shard "$v" --out "$T/never"
done
bad "verify --claim ''"      'claim'    verify --claim "" --out "$T/never"
bad "verify --out without value" 'out|option' verify --out
if [ -e "$T/never" ]; then not_ok "verify created its --out directory on bad usage (matrix)"; else ok "verify with bad usage created no --out directory (matrix)"; fi
# nccheck's own command line: one line on stderr, exit 2, nothing on stdout
NCCHECK_BIN="$ROOT/build/nccheck"
if [ -x "$NCCHECK_BIN" ]; then
    for args in "--bogus" "--max-seconds" "--max-seconds nan" "--max-seconds -5" "--max-seconds 1e9"; do
        # shellcheck disable=SC2086
        "$NCCHECK_BIN" $args "$DATA/lemma31_K2_n1_d2.json" >"$T/out" 2>"$T/err"
        rc=$?
        if [ $rc -eq 2 ] && [ ! -s "$T/out" ] && head -n 1 "$T/err" | grep -q '^nccheck: '; then ok "nccheck $args: exit 2, 'nccheck: ' message"
        else not_ok "nccheck $args: exit $rc"; diag "$T/err" "$T/out"; fi
    done
    "$NCCHECK_BIN" "" >"$T/out" 2>"$T/err"
    rc=$?
    if [ $rc -eq 2 ] && grep -q '^: REJECTED: cannot open' "$T/out"; then ok "nccheck '' (empty path): REJECTED, exit 2"
    else not_ok "nccheck '': exit $rc: $(cat "$T/out")"; fi
fi

tap_done
