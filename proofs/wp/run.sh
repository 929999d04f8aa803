#!/bin/sh
# proofs/wp/run.sh: the `make proofs` gate. Runs Frama-C/WP on the kernels (src/kernels/*.c),
# on nccheck's number scanner (src/check/check_lex.c), the standalone Gappa scripts
# (proofs/gappa/*.g) and the summation induction steps (proofs/sum/*.smt2, cvc5/z3); exits
# non-zero on any unproved goal or SMT step, failed smoke test, WP warning, or
# Gappa failure. Writes proofs/wp/report.txt (deterministic: goal names and statuses, goals per
# file, no timings) and prints the goals per file and prover.
#
#   sh proofs/wp/run.sh            replay the committed cache proofs/wp/cache (provers run only
#                                  on cache misses; the cache is not modified)
#   sh proofs/wp/run.sh --update   run/refresh and write new results into proofs/wp/cache
#
# Two WP passes (see proofs/derivations/kernels-rounding.md, "What WP proves"):
#  - float model (WP default, IEEE binary64 through Why3's ieee_float): the functions whose
#    contracts speak about double values (kernel_margin_from_logits, kernel_argmin);
#  - typed+real model: the functions whose contracts say nothing about double values (memory
#    safety, integer safety, assigns, loop invariants/variants, witness index ranges):
#    kernel_logits, kernel_margins, kernel_frobenius2, and the integer lemmas. Their goals mention
#    no floating-point value, so the model of doubles is irrelevant to them; the float-theory
#    context makes the SMT solvers time out on the nonlinear index facts.
# A third pass (its own Frama-C run: nccheck's sources see only src/check/) proves
# src/check/check_lex.c in the typed model with -warn-unsigned-overflow: every size_t
# operation of the scanner is also proved not to wrap (and WP then reasons on it without
# modulo), besides the memory safety, signed-overflow and functional goals of its contracts.
# NCCERT_WP_FILES=sum runs only the Gappa scripts and proofs/sum (NCCERT_SUM_DIR=<dir>: the
# SMT steps of <dir> instead, for tests/proofs_mutants.sh).
# NCCERT_WP_FILES=check restricts the run to that pass (tests/t_proofs_mutant.sh uses
# NCCERT_WP_LEX=<file> to run it on a mutated copy, NCCERT_WP_FCT=f,g to prove only those
# functions of it).
set -u

mode=replay
case "${1:-}" in
  "") ;;
  --update) mode=update ;;
  *) echo "usage: sh proofs/wp/run.sh [--update]" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/../.." && pwd) || exit 2
cd "$root" || exit 2
wpdir=proofs/wp

for tool in frama-c why3 cvc5 z3 gappa; do
  command -v "$tool" >/dev/null 2>&1 || { echo "proofs: $tool not found (make deps-proofs)" >&2; exit 2; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nccert-wp.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

# Private Why3 configuration: detected provers + the committed cvc5 section and driver.
datadir=$(why3 --print-datadir) || exit 2
cvc5_version=$(cvc5 --version 2>/dev/null | sed -n 's/^This is cvc5 version \([^ ]*\).*/\1/p' | head -n 1)
[ -n "$cvc5_version" ] || { echo "proofs: cannot read the cvc5 version" >&2; exit 2; }
sed "s|@WHY3_DATADIR@|$datadir|" "$wpdir/cvc5.drv.in" > "$tmp/cvc5.drv" || exit 2
WHY3CONFIG="$tmp/why3.conf"; export WHY3CONFIG
why3 config detect > "$tmp/why3-detect.log" 2>&1 || { cat "$tmp/why3-detect.log" >&2; exit 2; }
sed -e "s|@CVC5_DRIVER@|$tmp/cvc5.drv|" -e "s|1\.0\.3|$cvc5_version|" "$wpdir/why3.conf.in" \
  | grep -v '^#' >> "$WHY3CONFIG" || exit 2

# Lint: WP 25 misparses decimal literals with an exponent in ACSL (TOOLCHAIN.md).
if grep -nE '[0-9]e[-+]?[0-9]' src/kernels/*.h src/kernels/*.c src/check/check_lex.h src/check/check_lex.c | grep -E '/\*@|//@|^[^:]*:[0-9]+:\s*(requires|ensures|assert|loop|lemma|\*)' ; then
  echo "proofs: decimal exponent literal in ACSL (write hex floats)" >&2; exit 1
fi

# --update rebuilds the cache from scratch so that it holds no stale entries.
if [ "$mode" = update ]; then rm -rf "$wpdir/cache"; fi
mkdir -p "$wpdir/cache"
common="-wp-warn-key *=error -wp-prover cvc5,z3 -wp-timeout 20 -wp-par 2 -wp-rte -wp-smoke-tests
  -wp-cache $mode -wp-cache-dir $wpdir/cache"
# each concurrent frama-c process (below) has its own session and output directories
own() { echo "-wp-session $tmp/session-$1 -wp-out $tmp/out-$1"; }

# Report: unknown/invalid/errors/warnings are errors; "untried" are only the preconditions of
# the public functions (obligations of the callers, checked where they are called): SKIP.
set -f   # $common is split on blanks but must not be globbed ('*=error')
report_opts="-report-classify -report-unclassified-unknown ERROR -report-unclassified-invalid ERROR
  -report-unclassified-untried SKIP -report-unclassified-error ERROR -report-unclassified-warning ERROR"
# A scanner group's process sees only the call sites of its own functions, so the consolidated
# status of a static helper's precondition (lex_run_requires, ...: proved at EVERY call site,
# some of them in the other group) stays "unknown" there: for these processes an unclassified
# unknown is not an error. Nothing is lost: each call-site precondition is a WP goal of its
# caller (counted below: every goal must be Valid), and every function is in some group.
report_opts_lex=$(echo "$report_opts" | sed 's/-report-unclassified-unknown ERROR/-report-unclassified-unknown SKIP/')
# The passes run concurrently (most of their time is WP's own single-threaded simplifier, not the
# provers): the kernels in one frama-c process, the scanner's functions split into groups of
# about equal weight, one process each (every function defined in check_lex.c must be in a
# group: checked below). Each process writes its own
# log and exit status; wp.log is their concatenation in a fixed order.
wp_rc=0
: > "$tmp/wp-kernels.log"
if [ "${NCCERT_WP_FILES:-all}" = all ]; then
  # shellcheck disable=SC2086
  ( frama-c -cpp-extra-args=-Isrc -warn-special-float none \
    src/kernels/kernel_margin.c src/kernels/kernel_frobenius.c \
    -wp $common $(own k1) -wp-model typed -wp-fct kernel_margin_from_logits,kernel_argmin \
    -then -wp $common $(own k2) -wp-model typed+real -wp-fct kernel_logits,kernel_margins,kernel_frobenius2 \
    -then -wp $common $(own k3) -wp-model typed+real -wp-fct= -wp-prop=@lemma \
    -then $report_opts -report-output-errors "$tmp/errors-kernels" \
    > "$tmp/wp-kernels.log" 2>&1; echo $? > "$tmp/rc-kernels" ) &
fi
lex=${NCCERT_WP_LEX:-src/check/check_lex.c}
# the scanner's function groups (NCCERT_WP_FCT=f,g: only those functions, one process)
lex_groups=${NCCERT_WP_FCT:-"ck_lex_entry,ck_lex_decimal,ck_lex_seed,lex_run,lex_nonzero ck_lex_hexfloat,ck_lex_interval,lex_exponent,lex_mantissa"}
i=0
[ "${NCCERT_WP_FILES:-all}" = sum ] && lex_groups=""   # sum: the Gappa scripts and proofs/sum only
for fcts in $lex_groups; do
  i=$((i + 1))
  # shellcheck disable=SC2086
  ( frama-c -cpp-extra-args=-I"$(dirname "$lex")" -cpp-extra-args=-Isrc/check -warn-special-float none \
    -warn-unsigned-overflow "$lex" -wp $common $(own lex$i) -wp-model typed -wp-fct "$fcts" \
    -then $report_opts_lex -report-output-errors "$tmp/errors-lex$i" \
    > "$tmp/wp-lex$i.log" 2>&1; echo $? > "$tmp/rc-lex$i" ) &
done
wait
set +f
cat "$tmp/wp-kernels.log" > "$tmp/wp.log"
for j in $(seq 1 "$i"); do cat "$tmp/wp-lex$j.log" >> "$tmp/wp.log"; done
for r in "$tmp"/rc-*; do
  [ -f "$r" ] || continue
  [ "$(cat "$r")" = 0 ] || wp_rc=$(cat "$r")
done
# every function of the scanner is in a group (a new function left out would go unproved)
if [ -z "${NCCERT_WP_FCT:-}" ] && [ "${NCCERT_WP_FILES:-all}" != sum ]; then
  for f in $(sed -n 's/^\(static \)\{0,1\}[a-z][a-z_0-9]* \{1,\}\**\([a-z_0-9]*\)(.*/\2/p' "$lex" | sort -u); do
    case " $(echo "$lex_groups" | tr ', ' '  ') " in
      *" $f "*) ;;
      *) echo "proofs: $f of $lex is in no WP group of proofs/wp/run.sh (lex_groups)" >&2; wp_rc=1 ;;
    esac
  done
fi
[ -n "${NCCERT_WP_LOG:-}" ] && cp "$tmp/wp.log" "$NCCERT_WP_LOG"

# The file of a goal, from its function (lemmas: kernel_margin.c, where they are stated).
goal_file() {
  sed -e 's/^typed_\(real_\)\{0,1\}//' \
      -e 's/^kernel_frobenius2_.*/src\/kernels\/kernel_frobenius.c/' \
      -e 's/^kernel_.*/src\/kernels\/kernel_margin.c/' -e 's/^lemma_.*/src\/kernels\/kernel_margin.c/' \
      -e 's/^ck_lex_.*/src\/check\/check_lex.c/' -e 's/^lex_.*/src\/check\/check_lex.c/'
}

# Deterministic report: one line per goal / smoke test, no timings.
{
  echo "# nccert WP report (proofs/wp/run.sh; frama-c $(frama-c -version 2>/dev/null | head -n 1))"
  echo "# status goal (prover names omitted: with -wp-par the first prover to answer varies)"
  echo "# smoke tests pass when their (dead-code) goal is NOT proved"
  sed -n -e 's/^\[wp\] \[\([^]]*\)\] Goal \([^ ]*\) : \([A-Za-z]*\).*/\3 \2/p' \
         -e 's/^\[wp\] \[\([^]]*\)\] Smoke-test \([^ ]*\).*/\1 smoke \2/p' \
         -e 's/^\[wp\] \[\(Failed\|Unknown\|Timeout\)\] Goal \([^ ]*\)$/\1 \2/p' "$tmp/wp.log" \
    | sed 's/ (cached)//' | LC_ALL=C sort -k2
} > "$tmp/report.body"

# Goals per file (proved / total, smoke tests passed / total), and per prover (stdout only: with
# -wp-par the first prover to answer varies from run to run).
grep -v '^#' "$tmp/report.body" | while read -r st g1 g2; do
  if [ "$g1" = smoke ]; then printf '%s smoke %s\n' "$st" "$(echo "$g2" | goal_file)"
  else printf '%s goal %s\n' "$st" "$(echo "$g1" | goal_file)"; fi
done | awk '{ f = $3; files[f] = 1
             if ($2 == "goal") { tot[f]++; if ($1 == "Valid") ok[f]++ }
             else { stot[f]++; if ($1 == "Passed") sok[f]++ } }
       END { for (f in files) printf "# %s: WP goals proved %d / %d, smoke tests passed %d / %d\n", f, ok[f], tot[f], sok[f], stot[f] }' \
  | LC_ALL=C sort > "$tmp/perfile"
sed -n 's/^\[wp\] \[\([^] ]*\)[^]]*\] Goal \([^ ]*\) : Valid.*/\1 \2/p' "$tmp/wp.log" \
  | while read -r who g; do
      case $who in Qed) p=Qed ;; CVC5*) p=cvc5 ;; Z3*) p=z3 ;; *) p=$(echo "$who" | tr ' ' '_') ;; esac
      printf '%s %s\n' "$(echo "$g" | goal_file)" "$p"; done \
  | LC_ALL=C sort | uniq -c | awk '{ printf "proofs:   %s %s %d\n", $2, $3, $1 }' > "$tmp/perprover"

goals=$(grep -v -c -e ' smoke ' -e '^#' "$tmp/report.body")
proved=$(grep -c '^Valid ' "$tmp/report.body")
smoke=$(grep -v '^#' "$tmp/report.body" | grep -c ' smoke ')
smoke_ok=$(grep -c '^Passed smoke ' "$tmp/report.body")
failed_lines=$(grep -E '^\[wp\] \[(Failed|Unknown|Timeout)\]|Smoke-test.*(Failed|Warning)|\[wp\] .*Warning|Warning:' "$tmp/wp.log")

# Gappa scripts (rounding-error constants): `gappa f.g` exits 0 iff every goal is proved.
gappa_total=0; gappa_ok=0; gappa_lines=""
for g in proofs/gappa/*.g; do
  [ -f "$g" ] || continue
  gappa_total=$((gappa_total + 1))
  if gappa "$g" > "$tmp/gappa.log" 2>&1; then
    gappa_ok=$((gappa_ok + 1)); gappa_lines="$gappa_lines
Valid gappa $g"
  else
    gappa_lines="$gappa_lines
Failed gappa $g"; sed 's/^/  gappa: /' "$tmp/gappa.log" >&2
  fi
done

# Summation bounds (proofs/sum/*.smt2, proofs/derivations/kernels-rounding.md section 2): the
# induction steps of the two summation loops over the reals, from the Gappa single steps. A file
# is proved when z3 or cvc5 answers unsat and neither answers sat; its smoke test (the
# hypotheses without the negated goal) must be satisfiable, so that the proof is not vacuous.
# The loops these files model are checked to be the ones in the kernels, character for
# character (a changed loop fails the gate until the proof is revisited).
sum_total=0; sum_ok=0; sum_lines=""
for want in 'src/kernels/kernel_margin.c:        double s = 0.0;' \
             'src/kernels/kernel_margin.c:            s = s + W[row + l] * h[l];' \
             'src/kernels/kernel_frobenius.c:    double s = 0.0;' \
             'src/kernels/kernel_frobenius.c:        s = s + x[i] * x[i];'; do
  if ! grep -qxF "${want#*:}" "${want%%:*}"; then
    echo "proofs: ${want%%:*} no longer has the loop line proofs/sum/ models: '${want#*:}'" >&2
    sum_lines="$sum_lines
Failed loop-text ${want%%:*}"; sum_total=$((sum_total + 1))
  fi
done
smt_answer() { # $1 prover, $2 file: first line of the answer (timeout: "unknown")
  case $1 in
    z3) timeout 30 z3 -T:20 "$2" 2>&1 | head -n 1 ;;
    cvc5) timeout 30 cvc5 --tlimit=20000 "$2" 2>&1 | head -n 1 ;;
  esac
}
for f in "${NCCERT_SUM_DIR:-proofs/sum}"/*.smt2; do
  [ -f "$f" ] || continue
  sum_total=$((sum_total + 1))
  answers=""; smk=""
  awk '/^\(assert \(not/{skip=1} /^\(check-sat\)/{skip=0} !skip' "$f" > "$tmp/smoke.smt2"
  # the four prover runs of a file are independent: concurrently (z3 times out on step_dot)
  for prover in cvc5 z3; do
    smt_answer $prover "$f" > "$tmp/ans-$prover" &
    smt_answer $prover "$tmp/smoke.smt2" > "$tmp/smk-$prover" &
  done
  wait
  for prover in cvc5 z3; do
    answers="$answers $(cat "$tmp/ans-$prover")"
    smk="$smk $(cat "$tmp/smk-$prover")"
  done
  case "$answers" in *" sat"*) st=Failed ;; *unsat*) st=Valid ;; *) st=Failed ;; esac
  case "$smk" in *" sat"*) ;; *) st=Failed; echo "proofs: $f: smoke test (hypotheses alone) not satisfiable:$smk" >&2 ;; esac
  [ "$st" = Valid ] && sum_ok=$((sum_ok + 1))
  [ "$st" = Failed ] && echo "proofs: $f: not proved (cvc5, z3 answered:$answers)" >&2
  sum_lines="$sum_lines
$st smt $f"
done

{
  cat "$tmp/report.body"
  [ -n "$gappa_lines" ] && printf '%s\n' "$gappa_lines" | sed '/^$/d'
  [ -n "$sum_lines" ] && printf '%s\n' "$sum_lines" | sed '/^$/d'
  cat "$tmp/perfile"
  echo "# WP goals proved: $proved / $goals; smoke tests passed: $smoke_ok / $smoke; Gappa scripts proved: $gappa_ok / $gappa_total; summation SMT steps proved: $sum_ok / $sum_total"
} > "$tmp/report.txt"
# a restricted run (NCCERT_WP_FILES, NCCERT_WP_LEX) leaves the committed report alone
if [ "${NCCERT_WP_FILES:-all}" = all ] && [ -z "${NCCERT_WP_LEX:-}" ] && [ -z "${NCCERT_SUM_DIR:-}" ]; then cp "$tmp/report.txt" "$wpdir/report.txt"; fi
sed 's/^# /proofs: /' "$tmp/perfile"
echo "proofs: goals proved per file and prover (file prover count):"
cat "$tmp/perprover"

echo "proofs: proofs/sum (summation bounds): SMT steps proved $sum_ok / $sum_total"
echo "proofs: WP goals proved $proved / $goals, smoke tests passed $smoke_ok / $smoke, Gappa scripts $gappa_ok / $gappa_total, summation steps $sum_ok / $sum_total (report: $wpdir/report.txt, cache: $mode)"

status=0
if [ "$wp_rc" -ne 0 ]; then echo "proofs: frama-c exited with $wp_rc" >&2; status=1; fi
for e in "$tmp"/errors-*; do
  if [ -s "$e" ] && [ "$(cat "$e")" != 0 ]; then
    echo "proofs: report-classify counted $(cat "$e") error(s)" >&2; status=1
  fi
done
if { [ "$goals" -eq 0 ] && [ "${NCCERT_WP_FILES:-all}" != sum ]; } || [ "$proved" -ne "$goals" ] || [ "$smoke_ok" -ne "$smoke" ]; then status=1; fi
if [ -n "$failed_lines" ]; then printf '%s\n' "$failed_lines" >&2; status=1; fi
if [ "$gappa_ok" -ne "$gappa_total" ]; then status=1; fi
if [ "$sum_ok" -ne "$sum_total" ] || [ "$sum_total" -eq 0 ]; then status=1; fi
if [ "$status" -ne 0 ]; then
  echo "proofs: FAILED (full frama-c log follows)" >&2
  grep -v '^\[wp\] \[\(Qed\|Valid\|CVC5[^]]*\|Z3[^]]*\|Passed\)\]' "$tmp/wp.log" >&2
fi
exit $status
