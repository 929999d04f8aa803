#!/bin/sh
# tests/tcb.sh: the trusted base of nccheck (run by `make tcb`, which `make check` runs).
#   sh tests/tcb.sh BUILD_DIR
# Before it, make has compiled every source of src/check/ again into BUILD_DIR/tcb/ with exactly
# -Isrc/check and -MD (so each BUILD_DIR/tcb/<source>.d lists every header the source reads,
# system headers included) and linked them into BUILD_DIR/tcb/nccheck with LIBS_NCCHECK; it
# passes the link command of BUILD_DIR/nccheck in NCCHECK_LINK (make -n -B). Fails (exit 1,
# one line per finding) when
#   - a checker source reads a header outside src/check/ in this tree (e.g. "../claims/x.h"),
#     or a system header of FLINT / Arb (flint/*, arb*.h, acb*.h, arf*.h, fmpz*.h, fmpq*.h, ...)
#     or of a BLAS (cblas*.h, f77blas.h, openblas*, blis*, lapack*);
#   - nccheck's link line names -lflint, -lflint-arb, -larb (or another FLINT library) or a
#     BLAS (-lopenblas, -lblas, -lcblas, -lblis, -llapack);
#   - BUILD_DIR/nccheck, BUILD_DIR/tcb/nccheck or BUILD_DIR/libnccheck.a has an arb_, arf_,
#     acb_, fmpz_, fmpq_, flint_, cblas_ or openblas_ symbol (nm, defined or undefined), or ldd
#     shows libflint or a BLAS (the certifier's oracle links OpenBLAS; the checker never does);
#   - README.md's section "The trusted base" does not state the core's size measured here within
#     50 lines (rounding to the nearest 100); the per-paper sizes are only printed, so that adding
#     a claim does not touch README.md.
# Prints the size of the trusted base: lines (wc -l) of the core src/check/*.c and *.h (formats,
# numbers, Q(sqrt m), instances, enclosures, dispatch), of each src/check/<paper>/, and in all.
# TCB_SELF_TEST=1: also checks that the include and README checks catch a planted violation.
set -u
B=${1:?usage: tcb.sh BUILD_DIR}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
fail=0
bad() { echo "tcb: FAIL: $*"; fail=1; }

# --- 1. headers read by the checker's sources (-MD lists of BUILD_DIR/tcb)
# check_deps DIR SRC...: every dependency of each SRC (its DIR/<SRC>.d, first rule) must be in
# src/check/ of the tree or a system header that is not FLINT's / Arb's
check_deps() {
    dir=$1
    shift
    n=0
    for src in "$@"; do
        d="$dir/${src%.c}.d"
        if [ ! -f "$d" ]; then bad "$src: not compiled into $dir (no ${d#"$ROOT"/})"; continue; fi
        n=$((n + 1))
        # the first rule: "target: dep dep \" continued up to the first line without a backslash
        awk '{ cont = /\\$/; sub(/\\$/, ""); line = line " " $0; if (!cont) { print line; exit } }' "$d" |
            sed 's/^[^:]*://' | tr ' ' '\n' | sed '/^$/d' >"$dir/.deps.tmp"
        while read -r dep; do
            case $dep in
                /*) abs=$dep ;;
                *) abs="$ROOT/$dep" ;;
            esac
            abs=$(realpath -m "$abs")
            case $abs in
                "$ROOT"/src/check/*) ;;
                "$(realpath -m "$B")"/gen/nccheck/check_claims.def) ;;   # generated from src/check/*/*.c only
                "$ROOT"/*) bad "$src reads ${abs#"$ROOT"/}, outside src/check/" ;;
                *)
                    if echo "$abs" | grep -Eiq '/(flint|arb|antic|calcium)/|/(arb|acb|arf|mag|fmpz|fmpq|flint|nmod|padic|arith|fmprb|acb_|arb_)[a-z0-9_]*\.h$'; then
                        bad "$src reads $abs, a FLINT/Arb header"
                    fi
                    if echo "$abs" | grep -Eiq '/(openblas[a-z0-9_-]*|blis)/|/(cblas|f77blas|openblas|blis|lapack)[a-z0-9_-]*\.h$'; then
                        bad "$src reads $abs, a BLAS header"
                    fi ;;
            esac
        done <"$dir/.deps.tmp"
        rm -f "$dir/.deps.tmp"
    done
    echo "tcb: headers of $n checker sources: all in src/check/ or system headers other than FLINT's, Arb's and a BLAS's"
}
SRCS=$(ls src/check/*.c src/check/*/*.c | LC_ALL=C sort)
# shellcheck disable=SC2086
check_deps "$ROOT/$B/tcb" $SRCS

# --- 2. the link line of nccheck
link=${NCCHECK_LINK:-}
if [ -z "$link" ]; then
    bad "no link line of $B/nccheck in NCCHECK_LINK (run through make tcb)"
else
    echo "tcb: link line: $link"
    for w in $link; do
        case $w in
            -lflint* | -larb* | -lantic* | -lcalcium* | *libflint* | *libarb*) bad "nccheck's link line names $w" ;;
            -lopenblas* | -lblas* | -lcblas* | -lblis* | -llapack* | *libopenblas* | *libblas*) bad "nccheck's link line names $w (a BLAS)" ;;
        esac
    done
fi

# --- 3. symbols and shared libraries
SYM='^_*(arb|arf|acb|fmpz|fmpq|flint|cblas|openblas)_'
flint_syms() { nm "$@" 2>/dev/null | awk 'NF { n = $NF; sub(/@.*/, "", n); print n }' | grep -E "$SYM" | sort -u | head -n 5; }
for f in "$B/nccheck" "$B/tcb/nccheck" "$B/libnccheck.a"; do
    if [ ! -f "$f" ]; then bad "$f missing"; continue; fi
    if [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" != '177ELF' ] && [ "${f%.a}" = "$f" ]; then
        echo "tcb: $f is not an ELF file (a wrapper: check-valgrind?), skipped"
        continue
    fi
    syms=$(flint_syms "$f")
    [ -z "$syms" ] || bad "$f has FLINT/Arb/BLAS symbols: $(echo "$syms" | tr '\n' ' ')"
    if [ "${f%.a}" = "$f" ]; then
        usyms=$(flint_syms -u "$f")
        [ -z "$usyms" ] || bad "$f needs FLINT/Arb/BLAS symbols: $(echo "$usyms" | tr '\n' ' ')"
        if command -v ldd >/dev/null 2>&1; then
            libs=$(ldd "$f" 2>/dev/null | grep -Ei 'flint|libarb|blas|blis|lapack' | head -n 3)
            [ -z "$libs" ] || bad "ldd $f: $libs"
        fi
    fi
done
echo "tcb: no arb_/arf_/acb_/fmpz_/fmpq_/flint_/cblas_/openblas_ symbol (nm, nm -u) and no libflint or BLAS (ldd) in $B/nccheck, $B/tcb/nccheck, $B/libnccheck.a"

# --- 4. sizes
lines() { cat "$@" 2>/dev/null | wc -l | tr -d ' '; }
core=$(lines src/check/*.c src/check/*.h)
claims=0
echo "tcb: size of nccheck's trusted base (lines, wc -l of the .c and .h files):"
printf 'tcb:   %-40s %6s\n' "core src/check/*.c *.h" "$core"
for d in src/check/*/; do
    p=$(lines "$d"*.c "$d"*.h)
    claims=$((claims + p))
    printf 'tcb:   %-40s %6s\n' "$d" "$p"
done
total=$((core + claims))
nclaims=$(cat src/check/*/*.c | grep -c '^CK_DECLARE_CLAIM(')
printf 'tcb:   %-40s %6s\n' "the $nclaims claims (src/check/*/)" "$claims" "total" "$total"

# --- 5. README.md's statement of these sizes
# readme_check FILE: its section "## The trusted base" must say "is about N lines of C" (the core),
# with N within 50 of the measured size (the per-paper sizes are printed, not stated in README)
readme_check() {
    awk -v core="$core" -v claims="$claims" -v total="$total" -v nclaims="$nclaims" '
        /^## / { sec = ($0 == "## The trusted base") }
        sec { text = text " " $0 }
        function num(s) { gsub(/[ ,]/, "", s); return s + 0 }
        function near(what, stated, measured) {
            d = stated - measured; if (d < 0) d = -d
            if (d > 50) { printf "README.md states %s as %d lines, measured %d (more than rounding to the nearest 100 apart)\n", what, stated, measured; bad = 1 }
        }
        END {
            gsub(/[ \t]+/, " ", text)
            if (text == "") { print "README.md has no section \"## The trusted base\""; exit 1 }
            if (match(text, /is about [0-9][0-9 ,]*[0-9] lines of C/)) {
                s = substr(text, RSTART, RLENGTH); sub(/^is about /, "", s); sub(/ lines of C$/, "", s); near("the core", num(s), core)
            } else { print "README.md (The trusted base) no longer says \"(core ...) is about N lines of C\""; bad = 1 }
            exit bad
        }' "$1"
}
if out=$(readme_check README.md); then
    echo "tcb: README.md's trusted-base sizes agree with these (within rounding to 100 lines)"
else
    echo "$out" | while IFS= read -r l; do echo "tcb: FAIL: $l"; done
    fail=1
fi

# --- 6. self-test of the two checks that read files (a planted violation must be caught)
if [ "${TCB_SELF_TEST:-0}" = 1 ]; then
    st="$ROOT/$B/tcb-self-test"
    rm -rf "$st" && mkdir -p "$st/src/check" "$st/src/claims" || exit 2
    printf 'int planted;\n' >"$st/src/claims/planted.h"
    printf '#include "../claims/planted.h"\nint main(void) { return planted; }\n' >"$st/src/check/planted.c"
    (cd "$st" && ${CC:-cc} -Isrc/check -MD -MP -c src/check/planted.c -o src/check/planted.o) || bad "self-test: planted source does not compile"
    if (ROOT=$st; cd "$st" && check_deps "$st" src/check/planted.c) | grep -q 'FAIL: src/check/planted.c reads src/claims/planted.h'; then
        echo "tcb: self-test: a checker source including ../claims/planted.h is caught"
    else
        bad "self-test: a checker source including ../claims/planted.h is not caught"
    fi
    printf '#include <cblas.h>\nint main(void) { return 0; }\n' >"$st/src/check/planted_blas.c"
    if [ -f /usr/include/cblas.h ] || [ -f "/usr/include/$(${CC:-cc} -print-multiarch 2>/dev/null)/cblas.h" ]; then
        (cd "$st" && ${CC:-cc} -Isrc/check -MD -MP -c src/check/planted_blas.c -o src/check/planted_blas.o) || bad "self-test: planted BLAS source does not compile"
        if (ROOT=$st; cd "$st" && check_deps "$st" src/check/planted_blas.c) | grep -q 'FAIL: src/check/planted_blas.c reads .*, a BLAS header'; then
            echo "tcb: self-test: a checker source including <cblas.h> is caught"
        else
            bad "self-test: a checker source including <cblas.h> is not caught"
        fi
    fi
    sed 's/is about [0-9][0-9 ,]*[0-9] lines of C/is about 1500 lines of C/' README.md >"$st/README.md"
    if readme_check "$st/README.md" | grep -q 'states the core as 1500 lines'; then
        echo "tcb: self-test: a README stating a core of 1500 lines is caught"
    else
        bad "self-test: a README stating a core of 1500 lines is not caught"
    fi
    rm -rf "$st"
    # the symbol and library checks flag the certifier, which does link Arb and FLINT
    if [ -f "$B/libnccert.a" ]; then
        if [ -n "$(flint_syms "$B/libnccert.a")" ]; then echo "tcb: self-test: the symbol check flags $B/libnccert.a"
        else bad "self-test: the symbol check does not flag $B/libnccert.a"; fi
    fi
    # ... and the certifier's BLAS oracle, which needs cblas_dgemm
    if [ -f "$B/src/oracle/oracle_margin.o" ]; then
        if flint_syms -u "$B/src/oracle/oracle_margin.o" | grep -q '^cblas_'; then echo "tcb: self-test: the symbol check flags the BLAS oracle's cblas_ symbols"
        else bad "self-test: the symbol check does not flag $B/src/oracle/oracle_margin.o"; fi
    fi
fi

[ $fail -eq 0 ] && echo "tcb: ok" || echo "tcb: FAILED"
exit $fail
