#!/bin/sh
# tests/fuzz/check_variant.sh: `make check` under a memory checker, in a scratch copy of the
# tree (DIR), so that the normal build/ and certificates/ are never touched.
#   check_variant.sh sanitize DIR   everything built with gcc -fsanitize=address,undefined
#                                   (-fno-sanitize-recover: any UB report fails its test;
#                                   LeakSanitizer on: a leak fails the process, exit 99;
#                                   every report is also kept in DIR/sanlogs and printed at
#                                   the end, and fails the run)
#   check_variant.sh valgrind DIR   the normal build; nccert, nccheck and every C test run
#                                   under valgrind memcheck (--error-exitcode: any invalid
#                                   read/write, use of uninitialised memory or definite leak
#                                   fails its test; every report is also kept in
#                                   DIR/vglogs and printed at the end, and fails the run)
#   check_variant.sh jobs DIR       the registry's certificates under make -j1 with 1 shard
#                                   and -j2 with 3 (VARIANT_CONFIGS="1:1 2:3 8:16" adds -j8
#                                   with 16): byte-identical (and compared with certificates/)
# -O2 as in the normal build (at -O1 GCC 12 reports other -Wformat-truncation warnings, and
# warnings stay errors). Exit status: that of prove (sanitize, valgrind: 1 if prove passed but a
# report was logged).
set -u
mode=${1:?usage: check_variant.sh sanitize|valgrind DIR}
dir=${2:?DIR}
root=$(cd "$(dirname "$0")/../.." && pwd)
case $dir in /*) ;; *) dir="$root/$dir" ;; esac
tree="$dir/tree"
rm -rf "$tree" && mkdir -p "$tree" || exit 2
# the working tree as it is (committed or not), without builds, scratch files or .git
(cd "$root" && tar cf - --exclude=./build --exclude=./tests/tmp --exclude=./.git --exclude="./$(basename "$dir")" .) \
    | (cd "$tree" && tar xf -) || exit 2
rm -rf "$tree/build"
cd "$tree" || exit 2
J=${VARIANT_JOBS:-2}

case $mode in
sanitize)
    SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
    # exitcode=99: ASan's default (1) is also nccheck's "rejected", so a leak on a rejection
    # path went unnoticed by the tests; every report is also written to DIR/sanlogs (scanned
    # at the end, like vglogs below)
    logs="$dir/sanlogs"
    # world-writable (sticky): t_cli_bad_input.sh runs one case as user nobody
    rm -rf "$logs" && mkdir -p "$logs" && chmod 1777 "$logs" || exit 2
    export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:exitcode=99:log_path=$logs/asan"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$logs/ubsan"
    export LSAN_OPTIONS="suppressions=$root/tests/fuzz/lsan.supp:print_suppressions=0"
    make -j"$J" all CFLAGS="-O2 -g $SAN" LDFLAGS="$SAN" >build.log 2>&1 || { tail -n 30 build.log; exit 2; }
    rm -f "$logs"/*   # the build runs nothing instrumented, but be sure
    echo "== make check under ASan+UBSan ($tree) =="
    # The static checks (formatting, the claims and discrepancy lints, schemas, declarations, circles, the
    # registry generator, the install and the report) run no instrumented code path that the
    # other tests do not: make check runs them; here they are left out (CI time).
    scripts=$(ls tests/t_*.sh | grep -v -e t_format -e t_lint_claims -e t_schema -e t_claim_declarations \
        -e t_no_circles -e t_registry_data -e t_install -e t_report -e t_discrepancy_lint | tr '\n' ' ')
    # t_mutation is half of the instrumented run's CPU at make check's sample of 600: here a
    # sample of 100 drawn with another seed (mutations make check does not draw; CI time)
    NCCERT_MUTATION_SAMPLE=${NCCERT_MUTATION_SAMPLE:-100} NCCERT_MUTATION_SEED=${NCCERT_MUTATION_SEED:-10} \
        make check CFLAGS="-O2 -g $SAN" LDFLAGS="$SAN" PROVE="prove -j$J" TEST_SCRIPTS="$scripts"
    status=$?
    # a binary that cannot start under t_resource_limits' / t_fuzz_corpus' address-space cap
    # (ulimit -v: the shadow memory cannot be reserved) is a probe the tests expect, not a finding
    reports=$(find "$logs" -type f | while read -r f; do
        grep -q "ReserveShadowMemoryRange failed\|failed to allocate.*shadow\|Shadow memory range interleaves" "$f" || echo "$f"; done | sort)
    echo "== ASan/UBSan: $(printf '%s' "$reports" | grep -c .) report(s) ($logs) =="
    for f in $reports; do echo "--- $f"; head -n 60 "$f"; done
    [ -z "$reports" ] || [ "$status" -ne 0 ] || status=1
    exit $status
    ;;
valgrind)
    command -v valgrind >/dev/null 2>&1 || { echo "check_variant.sh: valgrind not installed" >&2; exit 2; }
    make -j"$J" all CFLAGS="-O2 -g" >build.log 2>&1 || { tail -n 30 build.log; exit 2; }
    VG="valgrind -q --error-exitcode=99 --leak-check=\${NCCERT_VALGRIND_LEAK_CHECK:-full} --errors-for-leak-kinds=definite --show-leak-kinds=definite --suppressions=$root/tests/fuzz/valgrind.supp"
    # NCCERT_VALGRIND_LEAK_CHECK=no (read by the wrappers when they run): no leak check for that
    # process; t_signals.sh sets it for the runs it kills (the buffers in use at the signal
    # would be reported as lost), memory errors are still checked there.
    # every process also logs to $dir/vglogs/NAME.PID.log (empty when clean), scanned at the
    # end: a test that accepts any non-zero status (a rejection) would not notice exit 99
    logs="$dir/vglogs"
    # world-writable (sticky): t_cli_bad_input.sh runs one case as user nobody, whose valgrind
    # could not create its log file here ("Cannot create log file", the test then fails)
    rm -rf "$logs" && mkdir -p "$logs" && chmod 1777 "$logs" || exit 2
    for b in nccert nccheck; do
        mv "build/$b" "build/$b.bin"
        printf '#!/bin/sh\nexec %s --log-file=%s/%s.%%p.log "%s/build/%s.bin" "$@"\n' "$VG" "$logs" "$b" "$tree" "$b" >"build/$b"
        chmod +x "build/$b"
    done
    printf '#!/bin/sh\ncase $1 in *.sh) exec sh "$@" ;; *) exec %s --log-file=%s/test.%%p.log "$@" ;; esac\n' "$VG" "$logs" >"$dir/vg-exec"
    chmod +x "$dir/vg-exec"
    # memcheck is 20 to 50 times slower: the per-file wall-clock caps of the tests grow
    export NCCERT_FUZZ_CORPUS_LIMIT=1200 NCCERT_LIMITS_WALL=900 NCCERT_LIMITS_CPU=300 NCCERT_SIGNAL_WAIT=300
    echo "== make check under valgrind ($tree) =="
    # make check rebuilds nothing: nccert/nccheck are the wrappers, newer than their objects.
    # VALGRIND_TESTS runs only those tests. A bare name (t_tamper, t_check_units) means every
    # test of that name: t_ulpm_lemma32 is both tests/t_ulpm_lemma32.c and .sh (four names are
    # both); t_ulpm_lemma32.c or t_ulpm_lemma32.sh selects one of them.
    if [ -n "${VALGRIND_TESTS:-}" ]; then
        scripts="" bins=""
        for t in $VALGRIND_TESTS; do
            t=${t#build/tests/} && t=${t#tests/}
            case $t in
            *.sh) scripts="$scripts tests/$t" ;;
            *.c) bins="$bins build/tests/${t%.c}" ;;
            *)
                [ -f "tests/$t.sh" ] && scripts="$scripts tests/$t.sh"
                [ -f "tests/$t.c" ] && bins="$bins build/tests/$t"
                ;;
            esac
            case $t in *.sh|*.c) [ -f "tests/$t" ] ;; *) [ -f "tests/$t.sh" ] || [ -f "tests/$t.c" ] ;; esac \
                || { echo "check_variant.sh: no test named $t under tests/" >&2; exit 2; }
        done
        make check CFLAGS="-O2 -g" PROVE="prove -j$J --exec $dir/vg-exec" TEST_SCRIPTS="$scripts" TEST_BINS="$bins"
    else
        make check CFLAGS="-O2 -g" PROVE="prove -j$J --exec $dir/vg-exec"
    fi
    status=$?
    reports=$(find "$logs" -type f -size +0 | sort)
    echo "== valgrind: $(find "$logs" -type f | wc -l) processes, $(printf '%s' "$reports" | grep -c .) with a report ($logs) =="
    for f in $reports; do echo "--- $f"; head -n 60 "$f"; done
    [ -z "$reports" ] || [ "$status" -ne 0 ] || status=1
    exit $status
    ;;
jobs)
    # the certificates of the registry are the same bytes whatever make -j and the number of
    # shards: make -j1 with 1 shard and make -j2 with 3, compared with each other and with the
    # committed certificates/ (which CI's make -j2 verify, 16 shards, has just rewritten: a third
    # configuration; -j8 with 16 shards was dropped for CI time, VARIANT_CONFIGS restores it)
    make -j"$J" all >build.log 2>&1 || { tail -n 30 build.log; exit 2; }
    status=0 ran=""
    for cfg in ${VARIANT_CONFIGS:-1:1 2:3}; do
        cfg=$(echo "$cfg" | tr : ' ')
        j=${cfg% *} s=${cfg#* }
        out="$dir/certs-j$j-s$s"
        [ "$j:$s" = 1:1 ] || ran="$ran certs-j$j-s$s"
        rm -rf "$out" build/verify
        make -j"$j" verify-certify VERIFY_OUT="$out" VERIFY_SHARDS="$s" >"$dir/verify-j$j-s$s.log" 2>&1
        echo "make -j$j verify-certify VERIFY_SHARDS=$s: exit $?, $(find "$out" -name '*.json' | wc -l) certificates"
    done
    for cfg in $ran; do
        if diff -r "$dir/certs-j1-s1" "$dir/$cfg" >"$dir/diff-$cfg.txt"; then echo "identical: certs-j1-s1 and $cfg"
        else echo "DIFFERENT: certs-j1-s1 and $cfg:"; head -n 20 "$dir/diff-$cfg.txt"; status=1; fi
    done
    # certificates/audit/ is written by the audit (make verify), not by the registry: left out
    if diff -r -x audit "$dir/certs-j1-s1" "$root/certificates" >"$dir/diff-committed.txt"; then
        echo "identical: certs-j1-s1 and the registry's certificates/ of the tree (audit/ aside)"
    else
        echo "DIFFERENT from the tree's certificates/ (regenerate with make verify):"
        head -n 10 "$dir/diff-committed.txt"; status=1
    fi
    exit $status
    ;;
*) echo "check_variant.sh: unknown mode $mode" >&2; exit 2 ;;
esac
