#!/bin/sh
# t_lint_claims.sh: every claim has all its parts, and its spec names its vocabulary
# (tests/lint_claims.py, python3 stdlib; its docstring lists the checks): both claim lists
# (the DECLARE_CLAIM / CK_DECLARE_CLAIM declarations of the claim files) and papers.def agree, certifier and checker
# functions are defined, specs/claims/<id>.md, proofs/derivations/<paper>-<label>.md,
# specs/registry/<id>.tsv (skipped while specs/registry/ does not exist), a test naming the id,
# committed certificates, and every assertion / quantity name of the certificates and every
# assertion the checker lists appears in the claim's spec. One TAP line per check.
# Then the lint is run on a scratch copy of the tree broken in one way at a time (spec deleted,
# a quantity name or an assertion removed from a spec, a derivation, checker entry, certifier,
# certificates, test, paper or registry file missing, an undocumented checker assertion) and
# must fail naming that claim and that part: the lint cannot pass silently.
. "$(dirname "$0")/tap.sh"
tap_setup lint python3
LINT="$ROOT/tests/lint_claims.py"
TAB=$(printf '\t')

# 1. the tree itself
tap_lint "$LINT" --root "$ROOT"

# 2. self-test on a scratch copy (only what the lint reads)
S="$T/tree"
mkdir -p "$S/src" "$S/proofs" "$S/tests"
cp -R "$ROOT/src/claims" "$ROOT/src/check" "$S/src/" && cp -R "$ROOT/specs" "$S/" &&
    cp -R "$ROOT/proofs/derivations" "$S/proofs/" && cp "$ROOT"/tests/t_* "$S/tests/" ||
    tap_bail "cannot copy the tree to $S"
# certificates (11 MB) as hard links where possible: the self-test only deletes and re-copies
# them, never writes into a file
cp -al "$ROOT/certificates" "$S/" 2>/dev/null || { rm -rf "$S/certificates"; cp -R "$ROOT/certificates" "$S/"; } ||
    tap_bail "cannot copy certificates/ to $S"
rm -rf "$S/specs/registry"   # present or not in the tree: the self-test makes its own
# the claim broken below: the first checker declaration (CK_DECLARE_CLAIM) in file order
ck_declared() { sed -n 's/^CK_DECLARE_CLAIM(\([a-z0-9_]*\), *\([a-z0-9_]*\), *"\([^"]*\)");.*/\1 \2 \3/p' "$ROOT"/src/check/*/*.c; }
line=$(ck_declared | head -n 1)
set -- $line
PAPER=$1 STEM=$2 ID=$3
LABEL=${ID#"$PAPER".}
echo "# self-test on claim $ID (paper $PAPER, stem $STEM)"

restore() {   # PATH...: back to the tree's version
    for p in "$@"; do rm -rf "$S/$p"; cp -R "$ROOT/$p" "$S/$p"; done
}
expect_pass() {
    python3 "$LINT" --root "$S" >"$T/s.out" 2>"$T/s.err"
    src=$?
    if [ $src -eq 0 ] && ! grep -q '^not ok' "$T/s.out" && [ ! -s "$T/s.err" ]; then ok "self-test: $1"
    else not_ok "self-test: $1 (exit $src): $(grep '^not ok' "$T/s.out" | head -n 3 | tr '\n' ' ')$(head -c 200 "$T/s.err")"; fi
}
# a quantity name and the assertion of the claim's first certificate
first=$(ls "$S/certificates/$ID"/*.json | head -n 1)
QNAME=$(python3 -c 'import json,sys; print(sorted(json.load(open(sys.argv[1]))["quantities"])[0])' "$first")
ASSERTION=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["assertion"])' "$first")
# remove_text FILE TEXT: every occurrence of TEXT (as a whole word) replaced by a placeholder
remove_text() {
    python3 - "$1" "$2" <<'PY'
import re, sys
p, t = sys.argv[1], sys.argv[2]
s = open(p).read()
s2 = re.sub(r'(?<![\w.])' + re.escape(t) + r'(?![\w])', 'REMOVED-BY-SELF-TEST', s)
assert s2 != s, "text not found"
open(p, "w").write(s2)
PY
}

expect_pass "the unbroken scratch copy passes (registry check skipped)"

# lint_scratch: run the lint on the scratch copy once; then expect_fail DESC PATTERN for each
# breakage made before it: exit 1 and a not-ok line containing PATTERN (fixed string)
lint_scratch() { python3 "$LINT" --root "$S" >"$T/s.out" 2>"$T/s.err"; src=$?; }
expect_fail() {
    if [ $src -eq 1 ] && grep "^not ok$TAB" "$T/s.out" | grep -qF -- "$2"; then
        ok "self-test: $1 is reported"
    else
        not_ok "self-test: $1 not reported (exit $src, want 1 and a line with '$2'): $(grep '^not ok' "$T/s.out" | head -n 3 | tr '\n' ' ')$(head -c 200 "$T/s.err")"
    fi
}

# breakages that do not hide each other, all on claim ID, in one run
remove_text "$S/specs/claims/$ID.md" "$QNAME"
remove_text "$S/specs/claims/$ID.md" "$ASSERTION"
rm -f "$S/proofs/derivations/$PAPER-$LABEL.md"
for f in "$S/src/claims/$PAPER"/*.c; do sed -i "s/\b${PAPER}_${STEM}_certify(/${PAPER}_${STEM}_certify_renamed(/" "$f"; done
for f in "$S/src/check/$PAPER"/*.c; do sed -i "s/\bck_claim_${PAPER}_${STEM}(/ck_claim_${PAPER}_${STEM}_renamed(/" "$f"; done
cf=$(grep -l "ck_claim_${PAPER}_${STEM}_renamed(" "$S/src/check/$PAPER"/*.c | head -n 1)
printf 'static const char *const AS_SELF_TEST[] = {"an assertion the spec does not name", NULL};\n' >>"$cf"
grep -v "^PAPER($PAPER," "$ROOT/src/claims/papers.def" >"$S/src/claims/papers.def"
for f in "$S"/tests/t_*; do sed -i "s/$ID/renamed-claim/g" "$f"; done
lint_scratch
expect_fail "quantity name $QNAME removed from the spec" "$ID: quantity \`$QNAME\`"
expect_fail "assertion \"$ASSERTION\" removed from the spec" "$ID: assertion \"$ASSERTION\""
expect_fail "derivation deleted" "$ID: derivation proofs/derivations/$PAPER-$LABEL.md"
expect_fail "certifier function renamed" "$ID: certifier ${PAPER}_${STEM}_certify() defined"
expect_fail "checker function renamed" "$ID: checker ck_claim_${PAPER}_${STEM}() defined"
expect_fail "an undocumented checker assertion" "$ID: checker assertion \"an assertion the spec does not name\" not in"
expect_fail "paper removed from papers.def" "$ID: paper $PAPER in src/claims/papers.def"
expect_fail "no test names the claim" "$ID: a test tests/t_* names it"
restore "specs/claims/$ID.md" "proofs/derivations/$PAPER-$LABEL.md" "src/claims/$PAPER" "src/check/$PAPER" src/claims/papers.def
rm -rf "$S/tests" && mkdir "$S/tests" && cp "$ROOT"/tests/t_* "$S/tests/"

# spec, checker entry and certificates gone
rm -f "$S/specs/claims/$ID.md"
for f in "$S/src/check/$PAPER"/*.c; do sed -i "/^CK_DECLARE_CLAIM(.*\"$ID\");/d" "$f"; done
rm -rf "$S/certificates/$ID"
lint_scratch
expect_fail "spec specs/claims/$ID.md deleted" "$ID: spec specs/claims/$ID.md"
expect_fail "checker declaration removed" "$ID: checker declaration CK_DECLARE_CLAIM in src/check/$PAPER/"
expect_fail "certificates deleted" "$ID: committed certificate certificates/$ID/*.json"
restore "specs/claims/$ID.md" "src/check/$PAPER" "certificates/$ID"

# registry data files (specs/registry/<id>.tsv), made here from the committed certificates
python3 - "$S" <<'PY'
import glob, json, os, re, sys
root = sys.argv[1]
os.makedirs(os.path.join(root, "specs/registry"))
ids = [i for p in sorted(glob.glob(os.path.join(root, "src/check/*/*.c")))
       for i in re.findall(r'(?m)^CK_DECLARE_CLAIM\(\s*\w+\s*,\s*\w+\s*,\s*"([^"]*)"', open(p).read())]
for cid in ids:
    with open(os.path.join(root, "specs/registry", cid + ".tsv"), "w") as f:
        f.write("# generated by t_lint_claims.sh\nname\texpected\tinstance\n")
        for p in sorted(glob.glob(os.path.join(root, "certificates", cid, "*.json"))):
            c = json.load(open(p))
            f.write("%s\t%s\t%s\n" % (os.path.basename(p)[:-5], c["verdict"], json.dumps(c["instance"], separators=(",", ":"))))
PY
expect_pass "registry files made from the certificates pass"
if grep -q "^skip" "$T/s.out"; then not_ok "self-test: registry check still skipped with specs/registry/ present"; else ok "self-test: registry check runs when specs/registry/ exists"; fi
# four breakages on the first four claims, one run
ids=$(ck_declared | head -n 4 | cut -d' ' -f3)
set -- $ids
printf '# comment\nname\texpected\tinstance\n' >"$S/specs/registry/$1.tsv"
printf 'name\texpected\tinstance\nno-such-certificate\tPROVED\t{}\n' >"$S/specs/registry/$2.tsv"
printf 'name\tverdict\tinstance\n' >"$S/specs/registry/$3.tsv"
rm -f "$S/specs/registry/$4.tsv"
lint_scratch
expect_fail "a registry file with no instance line" "$1: specs/registry/$1.tsv: 0 instance line(s)"
expect_fail "a registry instance without a committed certificate" "$2: specs/registry/$2.tsv line 2: no committed certificate certificates/$2/no-such-certificate.json"
expect_fail "a registry file with a wrong header" "$3: specs/registry/$3.tsv line 1: header"
expect_fail "a registry file deleted" "$4: registry specs/registry/$4.tsv"

# certificate.schema.json lists the declared claims and papers (generated: make schemas), and
# every declared claim has its schema specs/schemas/claims/<id>.schema.json
out=$(python3 "$ROOT/specs/schemas/update_dispatch.py" --check 2>&1)
ok_rc $? "specs/schemas/certificate.schema.json lists exactly the declared claims and papers${out:+: $out}"
mkdir -p "$S/specs/schemas/claims" "$S/src/claims" "$S/specs/schemas" && cp -R "$ROOT/specs/schemas/." "$S/specs/schemas/" &&
    cp "$ROOT/src/claims/papers.def" "$S/src/claims/" && rm -f "$S/specs/schemas/claims/$ID.schema.json"
if python3 "$S/specs/schemas/update_dispatch.py" --check >/dev/null 2>&1; then not_ok "self-test: a claim without its schema is reported"
else ok "self-test: a claim without its schema is reported"; fi

tap_done
