#!/bin/sh
# t_cli_matrix.sh: the command line tells the truth, claim by claim. For every claim of
# `nccert list --json`: `nccert certify CLAIM --help` exits 0 and names exactly the options the
# claim accepts (the "flags" of list --json); every example of its help runs (exit 0 or 1) in
# an empty directory and writes CLAIM.cert.json, which nccheck accepts; every flag of another
# claim that this one does not take is refused with exit 2 and one line naming that flag.
# Then: "did you mean" for a mistyped claim, option and command in nccert and nccheck; the claim
# id is checked before its options; errors name the flag typed; `-o --quiet` is refused with
# one line; -q and --quiet both work in nccert and nccheck; the --json outputs of list, check
# and nccheck parse (python3 -m json.tool) and say what they should. TAP by hand.

. "$(dirname "$0")/tap.sh"
tap_setup cli_matrix nccert nccheck python3

RUN="$T/run"
check() { if [ "$1" = "$2" ]; then ok "$3"; else not_ok "$3 (got '$1', want '$2')"; fi; }
fresh() { rm -rf "$RUN" && mkdir "$RUN"; }

# one_line_error DESC PATTERN ARGS...: nccert ARGS (in an empty directory) exits 2 with nothing
# on stdout, one line on stderr matching the fixed string PATTERN, and writes no file.
one_line_error() {
    desc=$1 pat=$2
    shift 2
    fresh
    (cd "$RUN" && exec "$NCCERT" "$@") >"$T/out" 2>"$T/err"
    rc=$?
    why=""
    [ $rc -eq 2 ] || why="$why exit $rc;"
    [ "$(wc -l <"$T/err")" -eq 1 ] || why="$why $(wc -l <"$T/err") stderr lines;"
    grep -qF -- "$pat" "$T/err" || why="$why message lacks '$pat';"
    [ ! -s "$T/out" ] || why="$why stdout not empty;"
    [ -z "$(ls -A "$RUN")" ] || why="$why files written: $(ls -A "$RUN");"
    if [ -z "$why" ]; then ok "$desc"; else not_ok "$desc:$why $(head -c 300 "$T/err")"; fi
}

"$NCCERT" list --json >"$T/list.json" 2>"$T/err"
ok_rc $? "nccert list --json exits 0"
python3 -m json.tool "$T/list.json" >/dev/null 2>&1
ok_rc $? "nccert list --json parses (python3 -m json.tool)"
"$NCCERT" list --json >"$T/list2.json" && cmp -s "$T/list.json" "$T/list2.json"
ok_rc $? "nccert list --json is deterministic"

# claim<TAB>flags (space-separated) per line; the union of every claim's instance flags
python3 - "$T/list.json" >"$T/claims.tsv" 2>"$T/py.err" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
for c in d["claims"]:
    print(c["id"] + "\t" + " ".join(c["flags"]) + "\t" + c["status"] + "\t" + str(c["instances"]) + "\t" + str(len(c["kinds"])))
EOF
ok_rc $? "list --json has id, flags, status, instances and kinds for every claim"
n_list=$("$NCCERT" list | awk 'NR > 1' | wc -l)
n_json=$(wc -l <"$T/claims.tsv")
check "$n_json" "$n_list" "list --json has every claim of nccert list"
ALL_FLAGS=$(cut -f2 "$T/claims.tsv" | tr ' ' '\n' | sort -u)

while IFS="$(printf '\t')" read -r claim flags status instances kinds; do
    [ "$status" = certified ] || continue
    # --- the help names exactly the claim's options
    "$NCCERT" certify "$claim" --help >"$T/help" 2>"$T/err"
    rc=$?
    if [ $rc -ne 0 ] || [ -s "$T/err" ]; then not_ok "$claim --help: exit $rc"; continue; fi
    named=$(grep -oE -- '(^|[^A-Za-z0-9_.)-])--?[A-Za-z][-A-Za-z]*' "$T/help" | sed 's/^[^-]*//' | sort -u)
    want=$(echo "$flags" | tr ' ' '\n' | sort -u)
    if [ "$named" = "$want" ]; then ok "$claim --help names exactly its $(echo "$want" | wc -l) options"
    else not_ok "$claim --help names [$(echo $named)], list --json says [$(echo $want)]"; fi
    # --- every example runs and its certificate is accepted by nccheck
    sed -n '/^Examples/,/^$/p' "$T/help" | sed -n 's/^  nccert certify /certify /p' >"$T/examples"
    nex=$(wc -l <"$T/examples")
    [ "$nex" -eq "$kinds" ] && ok "$claim: one example per instance kind ($nex)" || not_ok "$claim: $nex examples for $kinds kinds"
    while read -r ex; do
        fresh
        mkdir -p "$RUN/tests/data" && cp "$ROOT"/tests/data/byon_* "$RUN/tests/data/" # the --npz/--features examples
        (cd "$RUN" && eval "\"\$NCCERT\" $ex -q") </dev/null >"$T/out" 2>"$T/err"
        rc=$?
        if [ $rc -gt 1 ] || [ ! -f "$RUN/$claim.cert.json" ]; then
            not_ok "example exits $rc: nccert $ex: $(head -c 300 "$T/err")"
        elif ! "$NCCHECK" --data-dir "$RUN/tests/data" "$RUN/$claim.cert.json" >"$T/chk" 2>&1; then
            not_ok "nccheck rejects the certificate of: nccert $ex: $(cat "$T/chk")"
        else
            ok "example (exit $rc, nccheck accepts): nccert $(echo "$ex" | cut -c1-90)"
        fi
    done <"$T/examples"
    # --- every flag the claim does not take is refused, naming the flag
    for f in $ALL_FLAGS; do
        case " $flags " in *" $f "*) continue ;; esac
        case $f in --nc) args="$f" ;; *) args="$f 1" ;; esac
        # shellcheck disable=SC2086
        one_line_error "$claim refuses $f" "$f" certify "$claim" $args
    done
done <"$T/claims.tsv"

# ---------------------------------------------------------------- did you mean, claim first
one_line_error "mistyped claim: did you mean" "did you mean ulpm.lemma-3.1?" certify ulpm.lema-3.1 --K 3 --n 2 --d 4 --seed 1
one_line_error "mistyped claim: the claim is checked before its options" "unknown claim \"ulpm.lema-3.1\"" certify ulpm.lema-3.1 --K 3
one_line_error "unknown claim: see nccert list" "see nccert list" certify no.such-claim --nc
one_line_error "claim without paper prefix: did you mean" "did you mean imbrelu.eq-6?" certify eq-6 --help
one_line_error "mistyped option: did you mean" "did you mean --seed?" certify ulpm.lemma-3.1 --K 3 --n 2 --d 4 --sed 1
one_line_error "mistyped common option: did you mean" "did you mean --instance-json?" certify ulpm.lemma-3.1 --instance-jsn '{}'
one_line_error "a flag of another claim, misspelt" "--lambda-w" certify ulpm.lemma-3.1 --lamda-w 1
one_line_error "mistyped command: did you mean" "did you mean list?" lsit
one_line_error "mistyped audit option: did you mean" "did you mean --paper?" audit --papr ulpm
one_line_error "mistyped list option: did you mean" "did you mean --json?" list --jsn
"$NCCHECK" --qiet x >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 2 ] && [ "$(wc -l <"$T/err")" -eq 1 ] && grep -qF 'did you mean --quiet?' "$T/err"
ok_rc $? "nccheck: mistyped option: did you mean (exit $rc: $(cat "$T/err"))"

# ---------------------------------------------------------------- errors name the flag typed
one_line_error "linconv --K out of the certifier's range names --K" "--K must be" certify linconv.prop-1 --K 300 --n 1 --d 2 --lambda-w 1/10 --lambda-h 1/10
one_line_error "imbrelu --n with one class names --n" "--n must be" certify imbrelu.eq-6 --n 5 --d 2 --lambda-w 1/10 --lambda-h 1/10
one_line_error "imbrelu --reading names --reading" "--reading must be" certify imbrelu.eq-6 --n 1,2 --d 2 --lambda-w 1/10 --lambda-h 1/10 --reading odd
one_line_error "imbrelu does not take --K" "does not take --K" certify imbrelu.eq-6 --K 3 --n 2 --d 4 --seed 1
one_line_error "incomplete flags say what to add" "add --seed S" certify ulpm.lemma-3.1 --K 3 --n 2 --d 4
one_line_error "--max-prec only where it applies" "does not take --max-prec" certify linconv.prop-1 --K 2 --n 1 --d 2 --lambda-w 1/10 --lambda-h 1/10 --max-prec 128

# ---------------------------------------------------------------- option values that are options
one_line_error "certify -o --quiet refused" "got the option \"--quiet\"" certify ulpm.lemma-3.1 --K 3 --n 2 --d 4 --seed 1 -o --quiet
one_line_error "certify --output -q refused" "got the option \"-q\"" certify ulpm.lemma-3.1 --K 3 --n 2 --d 4 --seed 1 --output -q
one_line_error "certify --instance --quiet refused" "got the option" certify ulpm.lemma-3.1 --instance --quiet
one_line_error "audit --paper --quiet refused" "got the option" audit --paper --quiet
one_line_error "audit --format -q refused" "got the option" audit --format -q
"$NCCHECK" --max-seconds --quiet x >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 2 ] && [ "$(wc -l <"$T/err")" -eq 1 ] && grep -qF 'got the option' "$T/err"
ok_rc $? "nccheck --max-seconds --quiet refused with one line (exit $rc)"
fresh
(cd "$RUN" && "$NCCERT" certify ulpm.lemma-3.1 --nc --K 3 --n 1 --d 3 --perturb -20 --seed 1 -q -o p.json)
ok_rc $? "a negative number is a value, not an option (--perturb -20)"

# ---------------------------------------------------------------- -q and --quiet
for q in -q --quiet; do
    fresh
    (cd "$RUN" && "$NCCERT" certify ulpm.lemma-3.1 --nc --K 3 --n 1 --d 3 $q -o c.json) >"$T/out" 2>&1
    rc=$?
    [ $rc -eq 0 ] && [ ! -s "$T/out" ] && [ -f "$RUN/c.json" ]
    ok_rc $? "nccert certify $q: exit $rc, no output, certificate written"
    "$NCCHECK" $q "$RUN/c.json" >"$T/out" 2>&1
    rc=$?
    [ $rc -eq 0 ] && [ ! -s "$T/out" ]
    ok_rc $? "nccheck $q: exit $rc, nothing printed for an accepted file"
    "$NCCERT" check $q "$RUN/c.json" >"$T/out" 2>&1
    rc=$?
    [ $rc -eq 0 ] && [ ! -s "$T/out" ]
    ok_rc $? "nccert check $q: exit $rc, nothing printed"
done
for h in -h --help; do
    "$NCCHECK" $h >"$T/out" 2>&1 && grep -q '^usage: nccheck' "$T/out"
    ok_rc $? "nccheck $h"
    "$NCCERT" $h >"$T/out" 2>&1 && grep -q '^usage: nccert' "$T/out"
    ok_rc $? "nccert $h"
done
"$NCCHECK" --version | grep -q '^nccheck ' && "$NCCERT" --version | grep -q '^nccert '
ok_rc $? "--version in nccert and nccheck"
for p in "$NCCERT" "$NCCHECK"; do
    "$p" --help | grep -q '^Environment:'
    ok_rc $? "$(basename "$p") --help has an Environment section"
done
"$NCCERT" --help | grep -q NCCERT_THREADS
ok_rc $? "nccert --help documents NCCERT_THREADS"

# ---------------------------------------------------------------- --json of check and nccheck
fresh
"$NCCERT" certify ulpm.lemma-3.1 --nc --K 3 --n 1 --d 3 -q -o "$RUN/good.json"
echo '{"not": "a certificate"}' >"$RUN/bad.json"
"$NCCHECK" --json "$RUN/good.json" "$RUN/bad.json" "$RUN/missing.json" >"$T/check.json" 2>"$T/err"
rc=$?
check "$rc" 2 "nccheck --json: exit status the largest over the files"
python3 -m json.tool "$T/check.json" >/dev/null 2>&1
ok_rc $? "nccheck --json parses (python3 -m json.tool)"
python3 - "$T/check.json" "$RUN" <<'EOF' >"$T/py.out" 2>&1
import json, sys
d = json.load(open(sys.argv[1])); run = sys.argv[2]
f = d["files"]
assert d["exit"] == 2 and len(f) == 3, d
assert list(f[0]) == ["path", "valid", "exit", "claim", "verdict", "message"], list(f[0])
assert f[0] == {"path": run + "/good.json", "valid": True, "exit": 0, "claim": "ulpm.lemma-3.1", "verdict": "PROVED", "message": "accepted"}, f[0]
assert f[1]["valid"] is False and f[1]["exit"] == 2 and f[1]["claim"] is None and f[1]["verdict"] is None and f[1]["message"], f[1]
assert f[2]["path"] == run + "/missing.json" and f[2]["exit"] == 2 and "cannot open" in f[2]["message"], f[2]
EOF
ok_rc $? "nccheck --json: one entry per file with path, valid, exit, claim, verdict, message $(cat "$T/py.out")"
"$NCCERT" check --json "$RUN/good.json" >"$T/check2.json" 2>"$T/err"
rc=$?
[ $rc -eq 0 ] && python3 -m json.tool "$T/check2.json" >/dev/null 2>&1
ok_rc $? "nccert check --json: exit $rc, parses"
# an odd file name is still valid JSON
printf 'x' >"$RUN/$(printf 'q"\\\001\377.json')"
"$NCCHECK" --json "$RUN"/q* >"$T/check3.json" 2>/dev/null
python3 -m json.tool "$T/check3.json" >/dev/null 2>&1
ok_rc $? "nccheck --json escapes quotes, backslashes, control characters and non-UTF-8 bytes of file names"

# verify and report parse their options like certify: a value that looks like an option is
# refused (nothing written), a mistyped option gets a suggestion
(cd "$T" && "$NCCERT" verify --out --quiet --claim ulpm.eq-66 >"$T/v.out" 2>"$T/v.err")
rc=$?
[ $rc = 2 ] && [ ! -e "$T/--quiet" ] && grep -q 'option --out needs a value, got the option "--quiet"' "$T/v.err"
ok_rc $? "verify --out --quiet is refused with exit 2 and nothing written (exit $rc)"
"$NCCERT" verify --clam ulpm.eq-66 >/dev/null 2>"$T/v.err"
rc=$?
[ $rc = 2 ] && grep -q 'did you mean --claim' "$T/v.err"
ok_rc $? "verify --clam suggests --claim (exit $rc)"
"$NCCERT" report --outt "$T/r" >/dev/null 2>"$T/r.err"
rc=$?
[ $rc = 2 ] && grep -q 'did you mean --out' "$T/r.err" && [ ! -e "$T/r" ]
ok_rc $? "report --outt suggests --out (exit $rc)"

tap_done
