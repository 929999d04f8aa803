#!/bin/sh
# t_python.sh: the Python package python/nccert over libnccert.so.1 (issue 15): the exported
# symbols and soname of the library here, then tests/python_api.py (TAP from Python): known
# answers computed there with Fractions, the CLI's byte-identical certificate on the same .npz,
# memory layouts, bad inputs (one line, BadInput, nothing written), nccheck refusing a changed
# feature. Seed NCCERT_TEST_SEED (printed by python_api.py).
. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup python nccert nccheck
PY=/usr/bin/python3
[ -x "$PY" ] && "$PY" -c 'import numpy' 2>/dev/null || tap_skip_all "numpy not available for /usr/bin/python3 (apt-get install python3-numpy)"
LIB="$_tap_build/libnccert.so.1"
[ -e "$LIB" ] || tap_bail "$LIB not built (run make all)"
# check-sanitize's build: an ASan-instrumented library cannot be loaded into an uninstrumented
# python3 (the ASan runtime must come first); the normal build runs these tests
readelf -d "$LIB" | grep -q 'libasan' && tap_skip_all "$LIB is ASan-instrumented: python3 cannot load it"

# Only the API is exported, with the symbol version NCCERT_1; the soname carries the major version.
syms=$(nm -D --defined-only "$LIB" | awk '$2 == "T" { print $3 }' | sort | tr '\n' ' ')
check "$syms" "nccert_api_version@@NCCERT_1 nccert_certify_point@@NCCERT_1 nccert_free@@NCCERT_1 nccert_version@@NCCERT_1 " \
    "libnccert.so.1 exports exactly the four nccert_* functions of nccert.h"
check "$(readelf -d "$LIB" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')" "libnccert.so.1" "soname libnccert.so.1"

# python_api.py prints "ok<TAB>what", "not ok<TAB>what" or "#<TAB>comment" lines (tap_lint's
# protocol, run with /usr/bin/python3: the PATH python3 may lack numpy)
(cd "$T" && NCCERT_LIBRARY="$LIB" NCCERT_NCCHECK="$NCCHECK" NCCERT_CLI="$NCCERT" PYTHONPATH="$ROOT/python" \
    "$PY" "$ROOT/tests/python_api.py" "$T") >"$T/py.out" 2>"$T/py.err"
rc=$?
while IFS="$(printf '\t')" read -r st desc; do
    case $st in
        ok) ok "$desc" ;;
        "not ok") not_ok "$desc" ;;
        "#") echo "# $desc" ;;
        *) not_ok "python_api.py printed an unexpected line: $st $desc" ;;
    esac
done <"$T/py.out"
grep -q '^ok' "$T/py.out" || not_ok "python_api.py ran no case"
check "$rc" 0 "python_api.py exit status"
[ -s "$T/py.err" ] && not_ok "python_api.py wrote to stderr: $(head -c 300 "$T/py.err")"
tap_done
