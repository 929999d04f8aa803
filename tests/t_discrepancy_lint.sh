#!/bin/sh
# t_discrepancy_lint.sh: every discrepancy the derivations record (the `## Discrepancy list` of
# each proofs/derivations/*.md: `- D<n>: ... -> audit: <formula>`) is shown by an audit row
# whose expected verdict is DISAGREES, NEEDS-HYPOTHESIS or UNREADABLE and whose note points back
# (`<file>.md#D<n>`), and every such row is listed (tests/lint_discrepancies.py, python3
# stdlib; its docstring lists the checks). One TAP line per check on the tree; then the lint is
# run on scratch copies broken in one way at a time and must fail naming the break.
. "$(dirname "$0")/tap.sh"
tap_setup discrepancy_lint python3
LINT="$ROOT/tests/lint_discrepancies.py"

# 1. the tree itself
tap_lint "$LINT" --root "$ROOT"

# 2. broken copies: each must make the lint exit 1 with a failure line matching PATTERN
fresh() {
    rm -rf "$T/c"
    mkdir -p "$T/c/proofs" "$T/c/specs"
    cp -R "$ROOT/proofs/derivations" "$T/c/proofs/"
    cp -R "$ROOT/specs/audit" "$T/c/specs/"
}
must_fail() { # DESC PATTERN
    python3 "$LINT" --root "$T/c" >"$T/bout" 2>&1
    brc=$?
    if [ $brc = 1 ] && grep '^not ok' "$T/bout" | grep -q -- "$2"; then
        ok "broken copy fails: $1"
    else
        not_ok "broken copy fails: $1 (exit $brc; $(grep '^not ok' "$T/bout" | head -2 | tr '\n' ' '))"
    fi
}
edit() { # FILE SED-SCRIPT
    sed "$2" "$1" >"$1.new" && mv "$1.new" "$1"
}

fresh # the pointer back from the row's note removed
edit "$T/c/specs/audit/ulpm.tsv" 's/ulpm-lemma-3\.2\.md#D1//'
must_fail "row without its pointer" "ulpm-lemma-3.2.md D1: the note of ulpm.001.lemma-3.2.delta points back"

fresh # a listed row whose verdict hides the finding (AGREES)
awk -F'\t' -v OFS='\t' '$1 == "imbrelu.004.remark-7.1" {$4 = "AGREES"; $5 = "AGREES"} {print}' \
    "$T/c/specs/audit/expected.tsv" >"$T/x" && mv "$T/x" "$T/c/specs/audit/expected.tsv"
must_fail "a listed row with verdict AGREES" "imbrelu.004.remark-7.1 has verdict AGREES"

fresh # a DISAGREES row no derivation lists
edit "$T/c/proofs/derivations/msecp-identities.md" '/^- D2: /d'
must_fail "a DISAGREES row without its derivation entry" "msecp.003.theorem-1.printed-wls (DISAGREES) is listed"

fresh # an entry naming a row that does not exist
edit "$T/c/proofs/derivations/ulpm-eq-66.md" 's/-> audit: ulpm\.000\.eq-64$/-> audit: ulpm.000.eq-64x/'
must_fail "an entry naming no row" "audit row ulpm.000.eq-64x does not exist"

fresh # a malformed entry (no target)
edit "$T/c/proofs/derivations/linconv-theorem-4.md" 's/ -> no row: .*$//'
must_fail "an entry without its target" "linconv-theorem-4.md:.*not an entry"

fresh # a derivation without the list
edit "$T/c/proofs/derivations/imbrelu-eq-6.md" 's/^## Discrepancy list$/## Discrepancies/'
must_fail "a derivation without the section" "imbrelu-eq-6.md: 0 '## Discrepancy list' sections"

fresh # a dangling pointer in a note
edit "$T/c/specs/audit/linconv.tsv" 's/linconv-prop-1\.md#D1/linconv-prop-1.md#D9/'
must_fail "a pointer to no entry" "pointer linconv-prop-1.md#D9"

fresh # an id twice
printf '%s\n' '- N2: again -> no row: a duplicate' >>"$T/c/proofs/derivations/linconv-prop-1.md"
must_fail "an id twice" "entry id N2 twice"

tap_done
