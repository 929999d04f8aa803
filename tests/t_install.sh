#!/bin/sh
# t_install.sh: `make install DESTDIR=... PREFIX=/usr` installs nccert, nccheck, their manual
# pages and the data nccert audit / report read, and the installed programs work from another
# directory: `nccert list` and `nccert audit --format tsv` run in /tmp print what the in-tree
# build prints in the repository, `nccert check` finds the installed nccheck. The manual pages
# (made from --help by src/cli/cli_man.sh) have their sections and format without groff
# warnings, and every environment variable the programs read (getenv in src/) is documented in
# their --help. TAP by hand.

. "$(dirname "$0")/tap.sh"
tap_setup install nccert nccheck
. "$(dirname "$0")/cert_helpers.sh"

# --- every getenv of either program is in its --help (and so in its manual page)
for side in nccert nccheck; do
    if [ $side = nccert ]; then
        vars=$(grep -rhoE 'getenv\("[A-Z_0-9]+"\)' "$ROOT/src" --include=*.c --exclude-dir=check | sed 's/.*"\(.*\)".*/\1/' | sort -u)
        help=$("$NCCERT" --help)
    else
        vars=$(grep -rhoE 'getenv\("[A-Z_0-9]+"\)' "$ROOT/src/check" --include=*.c | sed 's/.*"\(.*\)".*/\1/' | sort -u)
        help=$("$NCCHECK" --help)
    fi
    missing=""
    for v in $vars; do
        echo "$help" | sed -n '/^Environment:/,/^$/p' | grep -q "$v" || missing="$missing $v"
    done
    if [ -z "$missing" ]; then ok "$side --help documents every variable it reads:$(echo " $vars" | tr '\n' ' ')"
    else not_ok "$side --help does not document:$missing"; fi
done

# --- make install into a scratch DESTDIR (the binaries are built: nothing is recompiled)
if [ "$(head -c 4 "$NCCERT" | od -An -c | tr -d ' ')" != '177ELF' ]; then
    skip "build/nccert is a wrapper (valgrind variant), not the program: make install not tested"
    tap_done
    exit $?
fi
# never rebuild from here: other tests run build/nccert meanwhile (prove -j2)
if ! env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -C "$ROOT" -q all B="$_tap_build" >/dev/null 2>&1; then
    skip "the build is not up to date (sources changed since make all): make install not tested"
    tap_done
    exit $?
fi
D="$T/inst"
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -C "$ROOT" --no-print-directory install DESTDIR="$D" PREFIX=/usr \
    B="$_tap_build" >"$T/make.log" 2>&1
rc=$?
ok_rc $rc "make install DESTDIR=... PREFIX=/usr (exit $rc)"
[ $rc -eq 0 ] || sed 's/^/# /' "$T/make.log" | tail -n 20
for f in bin/nccert bin/nccheck share/man/man1/nccert.1 share/man/man1/nccheck.1 share/nccert/specs/audit/ulpm.tsv \
         share/nccert/specs/audit/expected.tsv share/nccert/specs/claims/imbrelu.cor-4.phase.tsv \
         share/nccert/proofs/derivations/msecp-dynamics-omega.tsv; do
    [ -f "$D/usr/$f" ]
    ok_rc $? "installed /usr/$f"
done

# --- the C API and the Python package (issue 15): the library with its soname links, the header,
# nccert.pc; examples/c_api/certify_point.c built with the installed pkg-config flags certifies
# and the installed nccheck accepts; the installed Python package records the installed paths
for f in lib/libnccert.so.1.0.0 lib/libnccert.so.1 lib/libnccert.so include/nccert.h lib/pkgconfig/nccert.pc \
         lib/nccert/python/nccert/__init__.py lib/nccert/python/nccert/_lib.py lib/nccert/python/nccert/_numbers.py; do
    [ -e "$D/usr/$f" ]
    ok_rc $? "installed /usr/$f"
done
check "$(cat "$D/usr/lib/nccert/python/nccert/_paths.py" 2>/dev/null | tr '\n' ' ')" \
    'LIBRARY = "/usr/lib/libnccert.so.1" NCCHECK = "/usr/bin/nccheck" ' "the installed Python package names the installed library and nccheck"
flags=$(PKG_CONFIG_PATH="$D/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$D" pkg-config --cflags --libs nccert 2>&1)
mkdir -p "$T/capi"
${CC:-cc} -std=c11 -Wall -Wextra -Werror "$ROOT/examples/c_api/certify_point.c" $flags -o "$T/capi/certify_point" >"$T/cc.log" 2>&1 &&
    (cd "$T/capi" && LD_LIBRARY_PATH="$D/usr/lib" ./certify_point >out 2>err && [ ! -s err ] &&
        grep -q '^nccert .*: PROVED: q_min < bound$' out && "$D/usr/bin/nccheck" point.cert.json >/dev/null)
ok_rc $? "examples/c_api/certify_point.c built with pkg-config nccert ($flags) certifies; the installed nccheck accepts $(head -c 200 "$T/cc.log")"
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
    (cd /tmp && NCCERT_LIBRARY="$D/usr/lib/libnccert.so.1" PYTHONPATH="$D/usr/lib/nccert/python" /usr/bin/python3 -c '
import nccert, sys; sys.exit(0 if nccert.version() and nccert.__file__.startswith(sys.argv[1]) else 1)' "$D") 2>"$T/err"
    ok_rc $? "the installed Python package imports from PYTHONPATH and loads the installed library $(head -c 200 "$T/err")"
else
    skip "numpy not available for /usr/bin/python3"
fi

# --- the installed programs, run from /tmp
(cd "$ROOT" && "$NCCERT" list) >"$T/list.tree"
(cd /tmp && "$D/usr/bin/nccert" list) >"$T/list.inst" 2>"$T/err"
cmp -s "$T/list.tree" "$T/list.inst"
ok_rc $? "installed nccert list in /tmp = in-tree nccert list"
# the full audit once, installed, against the installed expectations; its TSV byte for byte
# against the in-tree audit of the papers that are quick to audit (linconv takes 20 s)
(cd /tmp && "$D/usr/bin/nccert" audit --format tsv --quiet --check-expected) >"$T/audit.inst" 2>"$T/err.inst"
rc=$?
ok_rc $rc "installed nccert audit --format tsv --check-expected in /tmp: every verdict as in the installed expected.tsv (exit $rc) $(head -c 200 "$T/err.inst")"
for p in ulpm msecp imbrelu; do
    (cd "$ROOT" && "$NCCERT" audit --format tsv --quiet --paper $p) | awk 'NR > 1' >"$T/audit.tree"
    grep "^$p\." "$T/audit.inst" >"$T/audit.inst.$p"
    [ -s "$T/audit.tree" ] && cmp -s "$T/audit.tree" "$T/audit.inst.$p"
    ok_rc $? "installed nccert audit --format tsv in /tmp = in-tree output, rows of $p ($(wc -l <"$T/audit.tree") rows)"
done
(cd /tmp && NCCERT_DATA_DIR="$T/nowhere" "$D/usr/bin/nccert" audit --paper linconv) >/dev/null 2>"$T/err"
rc=$?
[ $rc -eq 2 ] && grep -q "$T/nowhere" "$T/err"
ok_rc $? "NCCERT_DATA_DIR overrides the installed data (exit $rc)"
"$D/usr/bin/nccert" certify ulpm.lemma-3.1 --nc --K 3 --n 1 --d 3 -q -o "$T/c.json" && (cd /tmp && "$D/usr/bin/nccert" check "$T/c.json") >"$T/out" 2>&1
rc=$?
[ $rc -eq 0 ] && grep -q ACCEPTED "$T/out"
ok_rc $? "installed nccert certify and check (the installed nccheck) work (exit $rc)"

# --- the manual pages
for p in nccert nccheck; do
    page="$D/usr/share/man/man1/$p.1"
    missing=""
    for s in NAME SYNOPSIS DESCRIPTION OPTIONS ENVIRONMENT '"EXIT STATUS"' '"SEE ALSO"'; do
        grep -qx ".SH $s" "$page" || missing="$missing $s"
    done
    [ -z "$missing" ]
    ok_rc $? "$p.1 has NAME, SYNOPSIS, DESCRIPTION, OPTIONS, ENVIRONMENT, EXIT STATUS, SEE ALSO${missing:+ (missing:$missing)}"
    if command -v groff >/dev/null 2>&1; then
        groff -man -Tutf8 -ww -z "$page" >"$T/groff" 2>&1 && [ ! -s "$T/groff" ]
        ok_rc $? "$p.1 formats without groff warnings $(head -c 200 "$T/groff")"
    else
        skip "groff not installed"
    fi
done
grep -q '^\.SS "nccert certify"' "$D/usr/share/man/man1/nccert.1" && grep -q 'NCCERT_THREADS' "$D/usr/share/man/man1/nccert.1"
ok_rc $? "nccert.1 describes each command and NCCERT_THREADS"

tap_done
