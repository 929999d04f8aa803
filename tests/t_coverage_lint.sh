#!/bin/sh
# t_coverage_lint.sh: specs/audit/coverage.tsv (one line per displayed item of the seeds, counted
# by tests/seed_items.py, with the audit formulas that cover it) names only existing audit
# formulas and lists exactly the counted items (tests/lint_coverage.py; the recount is skipped
# without the seeds). Then broken copies: each must make the lint fail naming the break.
. "$(dirname "$0")/tap.sh"
tap_setup coverage_lint python3
LINT="$ROOT/tests/lint_coverage.py"

tap_lint "$LINT" --root "$ROOT"

fresh() {
    rm -rf "$T/c"
    mkdir -p "$T/c/specs"
    cp -R "$ROOT/specs/audit" "$T/c/specs/"
}
must_fail() { # DESC PATTERN [LINT ARGS]
    _desc=$1 _pat=$2
    shift 2
    python3 "$LINT" --root "$T/c" "$@" >"$T/bout" 2>&1
    brc=$?
    if [ $brc = 1 ] && grep '^not ok' "$T/bout" | grep -q -- "$_pat"; then
        ok "broken copy fails: $_desc"
    else
        not_ok "broken copy fails: $_desc (exit $brc; $(grep '^not ok' "$T/bout" | head -2 | tr '\n' ' '))"
    fi
}
COV="$T/c/specs/audit/coverage.tsv"

fresh # an item mapped to a formula id that does not exist
awk -F'\t' -v OFS='\t' '!/^#/ && $7 == "linconv.002.theorem-2" {$7 = "linconv.002.theorem-9"} {print}' \
    "$ROOT/specs/audit/coverage.tsv" >"$COV"
must_fail "row id that does not exist" "linconv.002.theorem-9"

fresh # an id of another paper
awk -F'\t' -v OFS='\t' '!/^#/ && $7 == "linconv.002.theorem-2" {$7 = "ulpm.001.lemma-3.1"} {print}' \
    "$ROOT/specs/audit/coverage.tsv" >"$COV"
must_fail "row id of another paper" "ulpm.001.lemma-3.1"

fresh # an unknown kind
awk -F'\t' -v OFS='\t' '!/^#/ && $6 == "Theorem 2" && $1 == "linconv" {$5 = "thm"} {print}' \
    "$ROOT/specs/audit/coverage.tsv" >"$COV"
must_fail "unknown kind" "well formed"

fresh # an item twice
grep 'Theorem 2' "$ROOT/specs/audit/coverage.tsv" | head -1 >>"$COV"
must_fail "item twice" "no item twice"

fresh # a missing cell
awk -F'\t' -v OFS='\t' '!/^#/ && $6 == "Theorem 2" && $1 == "linconv" {NF = 6} {print}' \
    "$ROOT/specs/audit/coverage.tsv" >"$COV"
must_fail "six cells" "6 cells"

# the recount against a scratch seed directory (independent of the shared seeds): one Lemma and
# one $$ block; the copy lists the lemma only, or a wrong line
mkdir -p "$T/seeds"
printf 'Intro.\n\n$$a = b \\tag{1}$$\n\n**Lemma 2.1.** *Text.*\n\nLemma 2.1 shows that.\n$$\nc = d\n$$\n(2)\n' \
    >"$T/seeds/002_00.txt"
python3 "$ROOT/tests/seed_items.py" --seeds "$T/seeds" >"$T/items"
printf 'paper\tseed\tline\tpart\tkind\tlabel\nlinconv\t002\t3\tmain\tformula\t(1)\nlinconv\t002\t5\tmain\tlemma\tLemma 2.1\nlinconv\t002\t8\tmain\tformula\t(2)\n' >"$T/want"
if cmp -s "$T/items" "$T/want"; then ok "seed_items counts a tagged block, a statement (not its reference), a block numbered after it"; else not_ok "seed_items on the scratch seed: $(tr '\n\t' '| ' <"$T/items")"; fi
fresh
printf 'paper\tseed\tline\tpart\tkind\tlabel\trows\nlinconv\t002\t5\tmain\tlemma\tLemma 2.1\tmissing\n' >"$COV"
must_fail "an item the script counts is absent" "only in seed_items" --seeds "$T/seeds"
printf 'paper\tseed\tline\tpart\tkind\tlabel\trows\nlinconv\t002\t3\tmain\tformula\t(1)\tmissing\nlinconv\t002\t6\tmain\tlemma\tLemma 2.1\tmissing\nlinconv\t002\t8\tmain\tformula\t(2)\tmissing\n' >"$COV"
must_fail "an item at the wrong line" "only in" --seeds "$T/seeds"
printf 'paper\tseed\tline\tpart\tkind\tlabel\trows\nlinconv\t002\t3\tmain\tformula\t(1)\tmissing\nlinconv\t002\t5\tmain\tlemma\tLemma 2.1\tmissing\nlinconv\t002\t8\tmain\tformula\t(2)\tmissing\n' >"$COV"
python3 "$LINT" --root "$T/c" --seeds "$T/seeds" >"$T/bout" 2>&1
ok_rc $? "the exact item list passes the recount"

tap_done
