#!/bin/sh
# t_format.sh: every C file of src/, tests/ and bench/ is formatted as .clang-format says
# (clang-format 14; `make format` applies it; src/kernels/ is exempt, see its .clang-format, and
# so are the ACSL-annotated src/check/check_lex.[ch], which turn it off in the file).
# One not-ok line per file that differs, with the first differing line.
. "$(dirname "$0")/tap.sh"
tap_setup format
cd "$ROOT" || tap_bail "cd $ROOT"
command -v clang-format >/dev/null 2>&1 || tap_bail "clang-format not installed (make deps installs it)"
# the tracked files; outside a git checkout (a scratch copy), every C file but build outputs
files=$(git ls-files 'src/*.[ch]' 'tests/*.[ch]' 'bench/*.[ch]' 2>/dev/null)
[ -n "$files" ] || files=$(find src tests bench -name '*.[ch]' -not -path 'tests/tmp/*' -not -path '*/build/*' | LC_ALL=C sort)
count=0
for f in $files; do
    count=$((count + 1))
    if ! clang-format --dry-run -Werror "$f" >/dev/null 2>"$T/err"; then
        not_ok "$f is not formatted (make format): $(grep -m1 'error' "$T/err")"
    fi
done
[ "$count" -gt 100 ]
ok_rc $? "$count C files checked"
# the check can fail: a file with a wrong indent is reported
printf 'int f(void)\n{\n  return 0;\n}\n' >"$T/bad.c"
cp .clang-format "$T/"
if clang-format --dry-run -Werror "$T/bad.c" >/dev/null 2>&1; then not_ok "a two-space indent is reported"; else ok "a two-space indent is reported"; fi
tap_done
