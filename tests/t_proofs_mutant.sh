#!/bin/sh
# t_proofs_mutant.sh: the proof gate (proofs/wp/run.sh, `make proofs`) fails on a wrong scanner.
# Copies src/check/check_lex.[ch] to a scratch directory and runs the gate's check_lex pass
# (NCCERT_WP_FILES=check, NCCERT_WP_LEX=<copy>, NCCERT_WP_FCT=<function>) on: the copy as it is
# (must pass), a planted out-of-bounds read in lex_run (the loop reads s[len]: `i <= len`), a
# wrong postcondition of lex_nonzero (the equivalence negated), and an off-by-one in the
# separator search of ck_lex_interval (the loop reads s[q + 3] with q + 3 == len); each mutant must fail
# naming the goal. Skipped when the proof toolchain is missing (make deps-proofs). Provers run on
# the mutants' goals only (the rest replays the committed cache): about 30-60 s.
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

mutate oob 's/while (i < len \&\& (hex/while (i <= len \&\& (hex/'
gate oob lex_run
rc=$?
if [ $rc -ne 0 ] && grep -q 'typed_lex_run_assert_rte_mem_access' "$T/oob.out"; then
    ok "planted out-of-bounds read in lex_run fails (mem_access goal)"
else
    not_ok "planted out-of-bounds read in lex_run fails (rc $rc)"; sed 's/^/# /' "$T/oob.out"
fi

mutate post 's/ensures \\result != 0 <==> nonzero_digit(s, a, b);/ensures \\result == 0 <==> nonzero_digit(s, a, b);/'
gate post lex_nonzero
rc=$?
if [ $rc -ne 0 ] && grep -q 'typed_lex_nonzero_ensures' "$T/post.out"; then
    ok "broken postcondition of lex_nonzero fails (ensures goal)"
else
    not_ok "broken postcondition of lex_nonzero fails (rc $rc)"; sed 's/^/# /' "$T/post.out"
fi

mutate sep 's/while (q + 5 <= len \&\& /while (q + 3 <= len \&\& /'
gate sep ck_lex_interval
rc=$?
if [ $rc -ne 0 ] && grep -q 'typed_ck_lex_interval_assert_rte_mem_access' "$T/sep.out"; then
    ok "off-by-one in ck_lex_interval's separator search fails (mem_access goal)"
else
    not_ok "off-by-one in ck_lex_interval's separator search fails (rc $rc)"; sed 's/^/# /' "$T/sep.out"
fi
tap_done
