#!/bin/sh
# proofs_mutants.sh: the proof gate (proofs/wp/run.sh, `make proofs`) fails on a wrong scanner.
# Copies src/check/check_lex.[ch] to a scratch directory and runs the gate's check_lex pass
# (NCCERT_WP_FILES=check, NCCERT_WP_LEX=<copy>, NCCERT_WP_FCT=<function>) on: the copy as it is
# (must pass), a planted out-of-bounds read in lex_run (the loop reads s[len]: `i <= len`), a
# wrong postcondition of lex_nonzero (the equivalence negated), and an off-by-one in the digit
# loop of ck_lex_seed (`i <= len`: reads s[len]); each mutant must fail
# naming the goal. Then the summation steps (proofs/sum/): a copy as it is must pass, and two
# weakened constants must fail (see below). Skipped when the proof toolchain is missing (make deps-proofs). Provers run on
# the mutants' goals only (the rest replays the committed cache). Not run by make check (a
# t_*.sh would be): it takes 1-3 minutes on 2 cores; run it by hand after changing run.sh or
# check_lex.c: `sh tests/proofs_mutants.sh` (output recorded in proofs/wp/README.md).
. "$(dirname "$0")/tap.sh"
tap_setup proofs_mutant
cd "$ROOT" || tap_bail "cd $ROOT"
for tool in frama-c why3 cvc5 z3 gappa; do
    command -v "$tool" >/dev/null 2>&1 || tap_skip_all "$tool not installed (make deps-proofs)"
done

# mutate NAME SED-EXPR: the copy $T/NAME/check_lex.c with SED-EXPR applied (which must change it)
mutate() {
    mkdir -p "$T/$1" && cp src/check/check_lex.c src/check/check_lex.h "$T/$1/" || tap_bail "copy"
    sed -e "$2" src/check/check_lex.c > "$T/$1/check_lex.c"
    if [ "$2" != "" ] && cmp -s src/check/check_lex.c "$T/$1/check_lex.c"; then tap_bail "mutant $1 did not apply"; fi
}
# gate NAME FUNCTIONS: run the gate on the copy NAME for FUNCTIONS; output in $T/NAME.out
gate() {
    NCCERT_WP_FILES=check NCCERT_WP_LEX="$T/$1/check_lex.c" NCCERT_WP_FCT="$2" sh proofs/wp/run.sh > "$T/$1.out" 2>&1
}

mutate same ''
gate same lex_run,lex_nonzero
ok_rc $? "unmutated copy: lex_run and lex_nonzero proved" || sed 's/^/# /' "$T/same.out"

# expect_fail NAME FUNCTIONS GOAL DESC: the gate on mutant NAME fails and names a GOAL goal
expect_fail() {
    gate "$1" "$2"
    rc=$?
    if [ $rc -ne 0 ] && grep -q "$3" "$T/$1.out"; then
        ok "$4 fails ($3)"
    else
        not_ok "$4 fails (rc $rc, no failed $3 goal)"; sed 's/^/# /' "$T/$1.out"
    fi
}

mutate oob 's/while (i < len \&\& (hex/while (i <= len \&\& (hex/'
expect_fail oob lex_run typed_lex_run_assert_rte_mem_access "planted out-of-bounds read in lex_run"

mutate post 's/ensures \\result != 0 <==> nonzero_digit(s, a, b);/ensures \\result == 0 <==> nonzero_digit(s, a, b);/'
expect_fail post lex_nonzero typed_lex_nonzero_ensures "broken postcondition of lex_nonzero"

mutate seed 's/for (size_t i = 0; i < len; i++) {/for (size_t i = 0; i <= len; i++) {/'
expect_fail seed ck_lex_seed typed_ck_lex_seed_assert_rte_mem_access "off-by-one read past the end in ck_lex_seed"

# Summation bounds (proofs/sum/): the same gate restricted to the Gappa scripts and the SMT steps
# (NCCERT_WP_FILES=sum) on a copy of proofs/sum with one file weakened; each must fail naming it.
# sum_mutate NAME FILE SED-EXPR: the copy $T/NAME of proofs/sum with SED-EXPR applied to FILE
sum_mutate() {
    mkdir -p "$T/$1" && cp proofs/sum/*.smt2 "$T/$1/" || tap_bail "copy proofs/sum"
    [ -n "$2" ] || return 0
    sed -e "$3" "proofs/sum/$2" > "$T/$1/$2"
    if cmp -s "proofs/sum/$2" "$T/$1/$2"; then tap_bail "mutant $1 did not apply"; fi
}
sum_gate() { NCCERT_WP_FILES=sum NCCERT_SUM_DIR="$T/$1" sh proofs/wp/run.sh > "$T/$1.out" 2>&1; }
sum_mutate sum_same '' ''
sum_gate sum_same
ok_rc $? "unmutated copy of proofs/sum: every summation step proved" || sed 's/^/# /' "$T/sum_same.out"
# sum_fail NAME FILE DESC: the gate on sum mutant NAME fails and names FILE as not proved
sum_fail() {
    sum_gate "$1"
    rc=$?
    if [ $rc -ne 0 ] && grep -q "$2: not proved" "$T/$1.out"; then
        ok "$3 fails ($2)"
    else
        not_ok "$3 fails (rc $rc, $2 not reported)"; sed 's/^/# /' "$T/$1.out"
    fi
}
# the Frobenius ball with the old absolute term len*2^-1074 (classically from Hauser's exact
# small sums, which the proof does not use): the step of the upper invariant has a counterexample
sum_mutate sum_c1074 step_sq.smt2 's|(define-fun c () Real (/ 1.0 |(define-fun c () Real (/ 0.5 |'
sum_fail sum_c1074 step_sq.smt2 "Frobenius step with 2^-1074 per element instead of 2^-1073"
# the dot-product invariant without growth of its relative coefficient (gamma_l instead of gamma_(l+1))
sum_mutate sum_nogrowth step_dot.smt2 's/(+ (\* G1 (+ A (absr x)))/(+ (* G (+ A (absr x)))/'
sum_fail sum_nogrowth step_dot.smt2 "dot-product step with gamma_l instead of gamma_(l+1)"
tap_done
