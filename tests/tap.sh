# tests/tap.sh: the preamble shared by the shell tests (tests/t_*.sh, TAP by hand, run by prove
# from the repository root). Sourced, never run: the Makefile's TEST_SCRIPTS is tests/t_*.sh.
# It owns ROOT, the binaries NCCERT and NCCHECK (in $NCCERT_BUILD_DIR, default $ROOT/build),
# the bail-out / skip checks, the scratch directory T (under tests/tmp, removed on exit; INT,
# TERM and HUP exit 1 so that it is), the counters n and failed, ok / not_ok / expect, and the
# plan with the exit status (tap_done). Seeds (NCCERT_TEST_SEED) stay in each test, printed there.
#   . "$(dirname "$0")/tap.sh"
#   tap_setup NAME [NEED...]   NEED: nccert, nccheck (Bail out! if not built), python3
#                              (SKIP if missing), nccheck-or-skip (SKIP if nccheck not built);
#                              checked in the order given; T is tests/tmp/NAME.XXXXXX
#   tap_plan N                 optional, right after tap_setup: print the plan 1..N first
#                              (tap_done then fails unless exactly N results were printed)
#   ok DESC | not_ok DESC      one result line; not_ok counts a failure
#   ok_rc STATUS DESC          ok iff STATUS is 0 (ok_rc $? DESC after a command)
#   skip REASON                a skipped test (ok N # SKIP REASON)
#   expect WANT DESC CMD...    ok iff CMD (output discarded) exits WANT; a test that checks more
#                              (stderr, output) defines its own expect after sourcing this
#   tap_lint SCRIPT [ARGS...]  run a python3 lint printing ok/not ok/skip<TAB>desc lines: one
#                              result per line (t_lint_claims, t_discrepancy_lint)
#   tap_done                   the last line of a test: prints 1..n (unless tap_plan did), exits
#                              0 iff nothing failed
# Certificate helpers (check, field, tamper, refuse, ...) are in tests/cert_helpers.sh.

tap_bail() { echo "Bail out! $1"; exit 1; }
tap_skip_all() { echo "1..0 # SKIP $1"; exit 0; }

tap_setup() {
    _tap_name=$1
    shift
    ROOT=$(cd "$(dirname "$0")/.." && pwd)
    _tap_build=${NCCERT_BUILD_DIR:-$ROOT/build}   # another build directory: sanitizer/valgrind variants
    NCCERT="$_tap_build/nccert"
    NCCHECK="$_tap_build/nccheck"
    for _tap_need in "$@"; do
        case $_tap_need in
            nccert) [ -x "$NCCERT" ] || tap_bail "$NCCERT not built (run make all)" ;;
            nccheck) [ -x "$NCCHECK" ] || tap_bail "$NCCHECK not built (run make all)" ;;
            nccheck-or-skip) [ -x "$NCCHECK" ] || tap_skip_all "nccheck not built" ;;
            python3) command -v python3 >/dev/null 2>&1 || tap_skip_all "python3 not available" ;;
            *) tap_bail "tap_setup: unknown need '$_tap_need'" ;;
        esac
    done
    mkdir -p "$ROOT/tests/tmp"
    T=$(mktemp -d "$ROOT/tests/tmp/$_tap_name.XXXXXX") || tap_bail "mktemp failed"
    trap 'rm -rf "$T"' EXIT
    trap 'exit 1' INT TERM HUP
    n=0
    failed=0
    _tap_plan=
}

tap_plan() { _tap_plan=$1; echo "1..$1"; }

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
ok_rc() { if [ "$1" = 0 ]; then ok "$2"; else not_ok "$2"; fi; }
skip() { n=$((n + 1)); echo "ok $n # SKIP $1"; }

expect() {   # WANT DESC CMD...
    want=$1; desc=$2; shift 2
    "$@" >/dev/null 2>&1; got=$?
    if [ "$got" = "$want" ]; then ok "$desc"; else not_ok "$desc (exit $got, want $want)"; fi
}

tap_lint() {   # SCRIPT [ARGS...]: run a python3 lint that prints ok/not ok/skip<TAB>description
    # lines, one TAP result per line; stderr output, an unknown line, or a failing exit status
    # without a failure line are failures too
    _tap_lint_name=$(basename "$1")
    python3 "$@" >"$T/tap_lint.out" 2>"$T/tap_lint.err"
    _tap_lint_rc=$?
    while IFS="$(printf '\t')" read -r _tap_st _tap_desc; do
        case $_tap_st in
            ok) ok "$_tap_desc" ;;
            "not ok") not_ok "$_tap_desc" ;;
            skip) skip "$_tap_desc" ;;
            *) not_ok "$_tap_lint_name printed an unexpected line: $_tap_st $_tap_desc" ;;
        esac
    done <"$T/tap_lint.out"
    if [ -s "$T/tap_lint.err" ]; then not_ok "$_tap_lint_name wrote to stderr: $(head -c 300 "$T/tap_lint.err")"; fi
    if [ $_tap_lint_rc -ne 0 ] && ! grep -q '^not ok' "$T/tap_lint.out"; then
        not_ok "$_tap_lint_name exited $_tap_lint_rc without a failure line"
    fi
}

tap_done() {
    if [ -z "$_tap_plan" ]; then
        echo "1..$n"
    elif [ "$n" != "$_tap_plan" ]; then
        echo "# planned $_tap_plan tests, ran $n"; failed=$((failed + 1))
    fi
    [ "$failed" -eq 0 ]
}
