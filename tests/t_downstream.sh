#!/bin/sh
# t_downstream.sh: a downstream project's CI (specs/manifest.md) on a scratch copy of
# examples/downstream/: the commands its README documents pass (the cheap path nccheck
# --manifest, the full path nccert verify --manifest, --check-only); an edited expected verdict
# or assertion fails both paths with one line naming the manifest line, claim and instance
# (exit 1); a tampered or missing certificate fails the cheap path; a changed library version
# string (method.libraries, producer) fails neither; repeated --claim selects the union (manifest
# and registry); a malformed manifest is refused with file:line, exit 2 and nothing written, by
# both readers; --json is an array with the documented keys; nccheck's build line needs no
# Arb/FLINT; the CI YAML of README.md parses. TAP by hand; python3 only for the JSON/YAML checks.
. "$(dirname "$0")/tap.sh"
tap_setup downstream nccert nccheck
EX="$ROOT/examples/downstream"
D="$T/ds"

# The scratch project: the example, with nccert "checked out" in nccert/ (its build directory
# is the build under test, so the documented command lines run verbatim).
fresh() {
    rm -rf "$D" && cp -R "$EX" "$D" && mkdir "$D/nccert" && ln -s "$_tap_build" "$D/nccert/build"
}
fresh
entries=$(grep -v '^#' "$EX/nccert.manifest" | grep -c .)
entries=$((entries - 1))   # the header

# run DESC WANT CMD...: in $D; ok iff exit WANT; stdout in $T/out, stderr in $T/err
run() {
    _desc=$1 _want=$2
    shift 2
    (cd "$D" && "$@") >"$T/out" 2>"$T/err"
    _got=$?
    if [ "$_got" = "$_want" ]; then ok "$_desc"
    else not_ok "$_desc (exit $_got, want $_want; stderr: $(head -c 300 "$T/err"))"; fi
}
check() { if [ "$1" = "$2" ]; then ok "$3"; else not_ok "$3 (got '$1', want '$2')"; fi; }
# one_line PATTERN DESC [PATTERN2]: stderr is exactly one line and contains PATTERN (and
# PATTERN2), fixed strings
one_line() {
    if [ "$(wc -l <"$T/err")" = 1 ] && grep -qF -- "$1" "$T/err" && grep -qF -- "${3:-$1}" "$T/err"; then
        ok "$2: $(cat "$T/err")"
    else not_ok "$2 (want one line with '$1' ${3:+and '$3'}; stderr: $(head -c 400 "$T/err"))"; fi
}

# ---------------------------------------------------------------- the documented commands
# every line of a sh block of the example's README that runs nccert/build/...; the build lines
# (make -C nccert ...) are what `make check` has already done
awk '/^```sh$/ { on = 1; next } /^```$/ { on = 0 } on && /^nccert\/build\//' "$EX/README.md" >"$T/cmds"
ncmds=$(wc -l <"$T/cmds")
if [ "$ncmds" -ge 3 ] && grep -q 'nccheck --manifest' "$T/cmds" && grep -q 'nccert verify --manifest' "$T/cmds"; then
    ok "examples/downstream/README.md documents $ncmds commands (cheap and full path)"
else not_ok "examples/downstream/README.md: $ncmds nccert/build/ command lines, want the cheap and the full path"; fi
while IFS= read -r cmd; do
    run "documented: $cmd" 0 sh -c "$cmd"
    grep -q "^$entries instance(s), $entries as expected, 0 not$" "$T/out" ||
        not_ok "documented: $cmd: summary '$(tail -n 1 "$T/out")', want $entries as expected"
done <"$T/cmds"

# the full path rewrote certificates/: the cheap path still passes on them
run "cheap path after the full path rewrote the certificates" 0 nccert/build/nccheck --manifest nccert.manifest
ncerts=$(find "$D/certificates" -name '*.json' | wc -l)
if [ "$ncerts" = "$entries" ]; then ok "one certificate per entry ($ncerts)"; else not_ok "$ncerts certificates for $entries entries"; fi

# ---------------------------------------------------------------- an expected verdict changed
fresh
line=$(grep -n '^ulpm\.theorem-3\.3	nc-K2-n1-d2	PROVED	' "$D/nccert.manifest" | cut -d: -f1)
sed -i 's/^\(ulpm\.theorem-3\.3	nc-K2-n1-d2	\)PROVED/\1REFUTED/' "$D/nccert.manifest"
want="nccert.manifest:$line: ulpm.theorem-3.3 nc-K2-n1-d2: expected REFUTED \"L = L*\", got PROVED \"L = L*\""
run "cheap path, one expected verdict edited: exit 1" 1 nccert/build/nccheck --manifest nccert.manifest
one_line "nccheck: $want" "cheap path names the manifest line, claim and instance"
grep -q "^ulpm.theorem-3.3 .*<-- UNEXPECTED$" "$T/out" && ok "cheap path: the table marks the entry" ||
    not_ok "cheap path: no UNEXPECTED row: $(cat "$T/out")"
run "full path, one expected verdict edited: exit 1" 1 nccert/build/nccert verify --manifest nccert.manifest
one_line "nccert: $want" "full path names the manifest line, claim and instance"
run "--check-only, one expected verdict edited: exit 1" 1 nccert/build/nccert verify --manifest nccert.manifest --check-only
one_line "$want" "--check-only names the manifest line, claim and instance"

# an expected assertion changed (same verdict)
fresh
sed -i 's/^\(ulpm\.lemma-3\.1	nc-K2-n1-d2	PROVED	\)q_min = bound/\1q_min < bound/' "$D/nccert.manifest"
run "cheap path, one expected assertion edited: exit 1" 1 nccert/build/nccheck --manifest nccert.manifest
one_line 'ulpm.lemma-3.1 nc-K2-n1-d2: expected PROVED "q_min < bound", got PROVED "q_min = bound"' "cheap path: the assertion differs"
run "full path, one expected assertion edited: exit 1" 1 nccert/build/nccert verify --manifest nccert.manifest
one_line 'ulpm.lemma-3.1 nc-K2-n1-d2: expected PROVED "q_min < bound", got PROVED "q_min = bound"' "full path: the assertion differs"

# ---------------------------------------------------------------- certificates tampered / gone
fresh
C="$D/certificates/ulpm.def-2.1/etf-K3-n2-d2.json"
if grep -q '"a": "2/3"' "$C"; then
    sed -i '0,/"a": "2\/3"/s//"a": "3\/4"/' "$C"
    run "cheap path, a committed certificate tampered (an exact value): exit 1" 1 nccert/build/nccheck --manifest nccert.manifest
    one_line 'ulpm.def-2.1 etf-K3-n2-d2: expected PROVED "simplex ETF and NC1-NC4", got REJECTED (' "the tampered certificate is named"
else not_ok "the example's ulpm.def-2.1 certificate has no exact value 2/3 to tamper"; fi
fresh
sed -i 's/"verdict": "PROVED"/"verdict": "REFUTED"/' "$D/certificates/ulpm.theorem-3.3/nc-K2-n1-d2.json"
run "cheap path, a committed certificate's verdict flipped: exit 1" 1 nccert/build/nccheck --manifest nccert.manifest
one_line 'ulpm.theorem-3.3 nc-K2-n1-d2: expected PROVED "L = L*", got REJECTED (' "the flipped certificate is rejected by the checker"
fresh
rm "$D/certificates/msecp.dynamics/t0-lemma5-C2N2-s1-generic.json"
run "cheap path, a committed certificate missing: exit 1" 1 nccert/build/nccheck --manifest nccert.manifest
one_line 'msecp.dynamics t0-lemma5-C2N2-s1-generic: expected REFUTED, got MISSING' "the missing certificate is named"
fresh
cp "$D/certificates/ulpm.lemma-3.1/nc-K2-n1-d2.json" "$D/certificates/ulpm.theorem-3.3/nc-K2-n1-d2.json"
run "cheap path, a certificate of another claim in its place: exit 1" 1 nccert/build/nccheck --manifest nccert.manifest
one_line 'got a certificate of claim ulpm.lemma-3.1' "the misplaced certificate is named"

# a certificate that would take minutes to check: --max-seconds ends the run with its line, exit 1
if command -v python3 >/dev/null 2>&1; then
    fresh
    python3 - "$D/certificates/ulpm.lemma-3.1/nc-K2-n1-d2.json" <<'EOF'
import json, sys
c = json.load(open(sys.argv[1]))
K = 2048   # nc/1 with K = d = 2048: within the work limit, minutes of exact arithmetic
c["instance"] = {"kind": "nc/1", "K": K, "n": 1, "d": K}
c["witnesses"] = {"k": 0, "i": 0, "j": 1}
one = {"lo": "0x1p+0", "hi": "0x1p+0", "decimal": "1", "exact": {"a": "1"}}
big = {"lo": "0x%xp+0" % (K - 1), "hi": "0x%xp+0" % (K - 1), "decimal": str(K - 1), "exact": {"a": str(K - 1)}}
zero = {"lo": "0x0p+0", "hi": "0x0p+0", "decimal": "0", "exact": {"a": "0"}}
c["quantities"] = {"margin_at_witness": one, "norm_W_sq": big, "norm_H_sq": big, "bound": one, "slack": zero}
json.dump(c, open(sys.argv[1], "w"))
EOF
    run "cheap path, a certificate over --max-seconds 1: exit 1" 1 nccert/build/nccheck --manifest nccert.manifest --max-seconds 1
    one_line 'ulpm.lemma-3.1 nc-K2-n1-d2: expected PROVED "q_min = bound", got REJECTED (' "the slow certificate is named" 'limits exceeded'
else skip "python3 not available (--max-seconds)"; fi

# ---------------------------------------------------------------- not compared: versions, bytes
fresh
for f in $(find "$D/certificates" -name '*.json'); do
    sed -i -e 's/"arb": "[^"]*"/"arb": "99.99.99"/' -e 's/"flint": "[^"]*"/"flint": "0.0.1-custom"/' \
        -e 's/"gmp": "[^"]*"/"gmp": "7.0.0"/' -e 's/"producer": "[^"]*"/"producer": "nccert 9.9.9"/' "$f"
done
if grep -q '"arb": "99.99.99"' "$D/certificates/ulpm.lemma-3.1/nc-K2-n1-d2.json"; then
    run "cheap path: changed method.libraries versions and producer in every certificate: still exit 0" 0 nccert/build/nccheck --manifest nccert.manifest
else not_ok "the version strings of the example's certificates could not be changed"; fi
# the full path over those certificates passes too (it never compares the committed bytes)
run "full path over certificates with other version strings: exit 0" 0 nccert/build/nccert verify --manifest nccert.manifest
# and the JSON's seconds differ run to run but are not compared: two runs, same exit
fresh

# ---------------------------------------------------------------- --claim, repeated
run "cheap path --claim A --claim B" 0 nccert/build/nccheck --manifest nccert.manifest --claim ulpm.lemma-3.1 --claim imbrelu.eq-6
got=$(awk 'NR > 1 && $1 ~ /\./ { print $1 }' "$T/out" | sort | uniq -c | awk '{ printf "%s:%s ", $2, $1 }')
check "$got" "imbrelu.eq-6:2 ulpm.lemma-3.1:2 " "cheap path: two --claim select the entries of both claims"
run "full path --claim A --claim B" 0 nccert/build/nccert verify --manifest nccert.manifest --out "$T/sub" --claim ulpm.lemma-3.1 --claim imbrelu.eq-6
got=$(awk 'NR > 1 && $1 ~ /\./ { print $1 }' "$T/out" | sort | uniq -c | awk '{ printf "%s:%s ", $2, $1 }')
check "$got" "imbrelu.eq-6:2 ulpm.lemma-3.1:2 " "full path: two --claim select the entries of both claims"
check "$(find "$T/sub" -name '*.json' | wc -l | tr -d ' ')" 4 "full path --claim A --claim B: 4 certificates written"
run "--check-only --claim A --claim B" 0 nccert/build/nccert verify --manifest nccert.manifest --check-only --claim ulpm.lemma-3.1 --claim imbrelu.eq-6
check "$(tail -n 1 "$T/out")" "4 instance(s), 4 as expected, 0 not" "--check-only: two --claim select both claims"
run "registry: nccert verify --claim A --claim B --instance NAME" 0 nccert/build/nccert verify --out "$T/reg" \
    --claim ulpm.lemma-3.1 --claim ulpm.def-2.1 --instance nc-K4-n2-d5
got=$(awk 'NR > 1 && $1 ~ /\./ { print $1 }' "$T/out" | sort | tr '\n' ' ')
check "$got" "ulpm.def-2.1 ulpm.lemma-3.1 " "registry: two --claim select both claims (the last one no longer wins)"
run "--claim that the manifest does not have: exit 2" 2 nccert/build/nccert verify --manifest nccert.manifest --out "$T/never" --claim ulpm.lemma-3.2
one_line "--claim ulpm.lemma-3.2: no entry of nccert.manifest has this claim" "nccert: a --claim outside the manifest is named"
run "nccheck: --claim that the manifest does not have: exit 2" 2 nccert/build/nccheck --manifest nccert.manifest --claim ulpm.lemma-3.2
one_line "--claim ulpm.lemma-3.2: no entry of nccert.manifest has this claim" "nccheck: a --claim outside the manifest is named"
run "--claim unknown with --manifest: exit 2" 2 nccert/build/nccert verify --manifest nccert.manifest --out "$T/never" --claim ulpm.nope
run "--check-only without --manifest: exit 2" 2 nccert/build/nccert verify --check-only --out "$T/never"
[ -e "$T/never" ] && not_ok "bad usage created the --out directory" || ok "bad usage created no --out directory"

# ---------------------------------------------------------------- malformed manifests
# bad LINE WHAT DESC [KIND]: the scratch manifest with LINE (printf format) appended; both
# readers exit 2 with one line "nccert.manifest:L: ..." that contains WHAT, nothing on stdout, and nothing
# is written (no --out directory, the committed certificates untouched). KIND "nccert": only
# nccert's reader can tell (nccheck has no registry); "certifier": nccert finds out while
# certifying (the table so far is on stdout; still nothing written)
bad() {
    fresh
    bad_line=$(($(wc -l <"$D/nccert.manifest") + 1))
    printf "$1\n" >>"$D/nccert.manifest"
    before=$(cat "$D"/certificates/*/*.json | cksum)
    run "nccert refuses: $3" 2 nccert/build/nccert verify --manifest nccert.manifest --out "$T/never"
    one_line "nccert.manifest:$bad_line: " "nccert: $3: file:line" "$2"
    if [ "${4:-}" != certifier ] && [ -s "$T/out" ]; then not_ok "nccert: $3: printed on stdout: $(head -c 200 "$T/out")"; fi
    run "nccert refuses: $3 (default DIR)" 2 nccert/build/nccert verify --manifest nccert.manifest
    if [ -e "$T/never" ] || [ "$(cat "$D"/certificates/*/*.json | cksum)" != "$before" ]; then
        not_ok "nccert: $3: something was written"
    else ok "nccert: $3: nothing written"; fi
    if [ -z "${4:-}" ]; then
        run "nccheck refuses: $3" 2 nccert/build/nccheck --manifest nccert.manifest
        one_line "nccert.manifest:$bad_line: " "nccheck: $3: file:line" "$2"
        [ -s "$T/out" ] && not_ok "nccheck: $3: printed on stdout: $(head -c 200 "$T/out")"
    fi
}
bad 'ulpm.lemma-3.1\tx\tPROVEN\t-\tregistry:nc-K2-n1-d2' 'expected verdict "PROVEN", must be PROVED or REFUTED' "a misspelt verdict"
bad 'ulpm.lemma-3.1\tx\tINCONCLUSIVE\t-\tregistry:nc-K2-n1-d2' 'must be PROVED or REFUTED' "INCONCLUSIVE expected"
bad 'ulpm.lemma-3.1 x PROVED - registry:nc-K2-n1-d2' '1 column(s), expected 5' "spaces instead of tabs"
bad 'ulpm.lemma-3.1\tx\tPROVED\tregistry:nc-K2-n1-d2' '4 column(s), expected 5' "a missing column"
bad 'ulpm.lemma-3.1\tx\tPROVED\t-\tregistry:nc-K2-n1-d2\textra' 'more than 5 column(s)' "an extra column"
bad 'ulpm.lemma-3.1\tx\tPROVED\t\tregistry:nc-K2-n1-d2' 'empty assertion column' "an empty column"
bad 'ulpm.lemma-9.9\tx\tPROVED\t-\tregistry:nc-K2-n1-d2' 'unknown claim "ulpm.lemma-9.9"' "an unknown claim"
bad 'ulpm.lemma-3.1\t../x\tPROVED\t-\tregistry:nc-K2-n1-d2' 'name "../x"' "a name with a path"
bad 'ulpm.lemma-3.1\tnc-K2-n1-d2\tPROVED\t-\tregistry:nc-K3-n4-d3' 'ulpm.lemma-3.1 nc-K2-n1-d2 is already on line' "a name twice"
bad 'ulpm.lemma-3.1\tx\tPROVED\t-\tregistry:nc-K2-n1-d2\r' 'CR at the end of the line' "a CRLF line"
bad 'ulpm.lemma-3.1\tx\tPROVED\t-\t{"K": 2' 'instance: ' "inline JSON cut short"
bad 'ulpm.lemma-3.1\tx\tPROVED\t-\tinstances/none.json' 'instance file instances/none.json' "an instance file that does not exist"
bad 'ulpm.lemma-3.1\tx\tPROVED\t-\tregistry:no-such' 'no registry instance "no-such" for claim ulpm.lemma-3.1' "a registry name the registry does not have" nccert
bad 'ulpm.lemma-3.1\tx\tPROVED\t-\t{"K": 1, "n": 1, "d": 1, "W": [["1"]], "H": [["1"]]}' 'ulpm.lemma-3.1 x: ' "an instance the certifier refuses" certifier
fresh
printf 'claim\tname\tverdict\tassertion\tinstance\n' >"$D/nccert.manifest"
run "a wrong header: exit 2" 2 nccert/build/nccheck --manifest nccert.manifest
one_line "nccert.manifest:1: the header must be" "nccheck: a wrong header"
printf '# nothing\nclaim\tname\texpected\tassertion\tinstance\n' >"$D/nccert.manifest"
run "no entries: exit 2" 2 nccert/build/nccert verify --manifest nccert.manifest
one_line "nccert.manifest: no entries" "nccert: a manifest with no entries"
run "no manifest file: exit 2" 2 nccert/build/nccheck --manifest no-such.manifest
one_line "no-such.manifest" "nccheck: a manifest that does not exist"
run "nccheck --manifest with a certificate argument: exit 2" 2 nccert/build/nccheck --manifest nccert.manifest x.json

# ---------------------------------------------------------------- --json
fresh
run "full path --json" 0 nccert/build/nccert verify --manifest nccert.manifest --json
cp "$T/out" "$T/full.json"
run "cheap path --json" 0 nccert/build/nccheck --manifest nccert.manifest --json
cp "$T/out" "$T/cheap.json"
run "registry --json" 0 nccert/build/nccert verify --out "$T/reg" --claim ulpm.def-2.1 --instance nc-K4-n2-d5 --json
cp "$T/out" "$T/reg.json"
if command -v python3 >/dev/null 2>&1; then
    python3 - "$T/full.json" "$T/cheap.json" "$T/reg.json" "$entries" >"$T/py" 2>&1 <<'EOF'
import json, sys
keys = {"claim", "instance", "verdict", "expected", "assertion", "expected_assertion", "as_expected", "certificate", "seconds"}
full, cheap, reg = (json.load(open(p)) for p in sys.argv[1:4])
n = int(sys.argv[4])
for name, a, want in (("full", full, n), ("cheap", cheap, n), ("registry", reg, 1)):
    assert isinstance(a, list) and len(a) == want, (name, len(a))
    for o in a:
        assert keys <= set(o), (name, keys - set(o))
        assert o["as_expected"] is True and o["verdict"] == o["expected"], (name, o)
        assert isinstance(o["seconds"], (int, float)), name
strip = lambda a: [{k: v for k, v in o.items() if k != "seconds"} for o in a]
assert strip(full) == strip(cheap), "full and cheap path differ outside seconds"
print("ok")
EOF
    if [ "$(cat "$T/py")" = ok ]; then ok "--json: arrays with the documented keys; full and cheap path agree (seconds aside)"
    else not_ok "--json: $(head -c 400 "$T/py")"; fi
else skip "python3 not available (--json)"; fi

# ---------------------------------------------------------------- the build and the CI jobs
# nccheck alone builds without Arb/FLINT: the commands of `make nccheck`'s build (make -n)
if command -v make >/dev/null 2>&1; then
    make -s -n -C "$ROOT" B="$T/nb" "$T/nb/nccheck" >"$T/mk" 2>&1
    if [ $? = 0 ] && grep -q -- '-lmpfi' "$T/mk" && ! grep -Eq -- '-lflint|-larb|src/(claims|ball|exact|kernels|cli|instance|cert|common)/' "$T/mk"; then
        ok "make's nccheck build links GMP, MPFR, MPFI, jansson, Nettle only and compiles only src/check"
    else not_ok "make -n nccheck: $(head -c 300 "$T/mk")"; fi
    make -s -n -C "$ROOT" deps-check >"$T/mk" 2>&1
    if grep -q 'libgmp-dev libmpfr-dev libmpfi-dev libjansson-dev nettle-dev;' "$T/mk" && ! grep -Eq 'flint|frama|why3' "$T/mk"; then
        ok "make deps-check: the checker's five packages only"
    else not_ok "make deps-check: $(head -c 300 "$T/mk")"; fi
    make -s -n -C "$ROOT" deps >"$T/mk" 2>&1
    if grep -q 'libflint-arb-dev' "$T/mk" && ! grep -Eq 'frama-c|why3|cvc|gappa|z3' "$T/mk"; then
        ok "make deps: no proof toolchain"
    else not_ok "make deps: $(head -c 300 "$T/mk")"; fi
else skip "make not available"; skip "make not available"; skip "make not available"; fi
if command -v python3 >/dev/null 2>&1 && python3 -c 'import yaml' 2>/dev/null; then
    python3 - "$ROOT/README.md" >"$T/py" 2>&1 <<'EOF'
import re, sys, yaml
blocks = re.findall(r"```yaml\n(.*?)```", open(sys.argv[1]).read(), re.S)
assert len(blocks) >= 2, "want the GitHub Actions and the GitLab CI job"
for b in blocks:
    d = yaml.safe_load(b)
    assert isinstance(d, dict), b
    assert "nccheck --manifest" in b and "libmpfi-dev" in b and "flint" not in b, b
print("ok")
EOF
    if [ "$(cat "$T/py")" = ok ]; then ok "README.md: the CI jobs are valid YAML and run the cheap path"
    else not_ok "README.md CI YAML: $(head -c 400 "$T/py")"; fi
else skip "python3-yaml not available (CI YAML)"; fi

tap_done
