#!/bin/sh
# t_registry_data.sh: the registry as data (specs/registry/<claim-id>.tsv, compiled in by
# src/claims/registry_embed.sh, specs/registry/README.md). The generator, run on scratch copies
# of build/gen/nccert/claims.def (the generated claim list) and specs/registry, refuses each malformed case with one message
# naming the file and line; its C keeps every byte (backslashes, quotes, '??' trigraphs, UTF-8,
# a line over 100 KB: compiled and printed back); `nccert list` counts what awk counts in each
# file; an unknown claim or name is an error in `nccert verify` and in the audit's registry:NAME;
# `nccert gd-registry` reproduces the generated gd* instances byte for byte. TAP by hand.
. "$(dirname "$0")/tap.sh"
tap_setup registry_data nccert
cd "$ROOT" || tap_bail "cd $ROOT"
GEN=src/claims/registry_embed.sh
CLAIMS_DEF=$_tap_build/gen/nccert/claims.def   # the generated claim list (make all)
[ -f "$CLAIMS_DEF" ] || tap_bail "$CLAIMS_DEF not generated (run make all)"
CC=${CC:-cc}
export CC

# the real tree generates; every data file is a claim of claims.def and vice versa
sh $GEN "$CLAIMS_DEF" specs/registry >"$T/real.c" 2>"$T/err"
ok_rc $? "the generator accepts specs/registry ($(grep -c '\.name = ' "$T/real.c") entries)"

# One malformed case: a scratch copy (claims.def as $T/c/claims.def, the files in $T/c/reg),
# changed by the shell snippet $1; the generator must exit 1, print nothing on stdout and one
# line on stderr that contains $2 (FILE:LINE) and $3.
fresh() {
    rm -rf "$T/c" && mkdir -p "$T/c/reg" && cp "$CLAIMS_DEF" "$T/c/" && cp specs/registry/*.tsv "$T/c/reg/"
}
refuses() {   # SNIPPET WHERE WHAT DESC
    fresh
    (cd "$T/c" && eval "$1") || { not_ok "$4 (setup failed)"; return; }
    sh $GEN "$T/c/claims.def" "$T/c/reg" >"$T/out" 2>"$T/err"
    rc=$?
    if [ $rc = 1 ] && [ ! -s "$T/out" ] && [ "$(wc -l <"$T/err")" = 1 ] && grep -qF "$2" "$T/err" && grep -qF "$3" "$T/err"; then
        ok "$4: $(cat "$T/err")"
    else
        not_ok "$4 (exit $rc, stdout $(wc -c <"$T/out") bytes, stderr: $(head -c 300 "$T/err"))"
    fi
}
F=reg/ulpm.lemma-3.1.tsv
L=$(($(wc -l <specs/registry/ulpm.lemma-3.1.tsv) + 1))   # the line appended below
line31=$(grep -n '"ulpm.lemma-3.1"' "$CLAIMS_DEF" | cut -d: -f1)
refuses "rm $F" "claims.def:$line31:" "has no registry file" "a claim of claims.def without a file"
refuses "cp $F reg/ulpm.lemma-9.9.tsv" "reg/ulpm.lemma-9.9.tsv:1:" "no claim ulpm.lemma-9.9" "a file whose claim is not in claims.def"
refuses "printf 'x-K2\tPROVED\n' >>$F" "$F:$L:" "2 column(s)" "two columns"
refuses "printf 'x-K2\tPROVED\t{}\textra\n' >>$F" "$F:$L:" "4 column(s)" "four columns"
refuses "printf 'x-K2\tPROVEN\t{}\n' >>$F" "$F:$L:" "must be PROVED or REFUTED" "expected verdict PROVEN"
refuses "printf 'x-K2\tproved\t{}\n' >>$F" "$F:$L:" "must be PROVED or REFUTED" "expected verdict in lower case"
refuses "printf 'nc-K4-n2-d5\tPROVED\t{}\n' >>$F" "$F:$L:" "duplicate name nc-K4-n2-d5" "a name twice in one file"
refuses "printf '\tPROVED\t{}\n' >>$F" "$F:$L:" "empty name" "an empty name"
refuses "printf 'a/b\tPROVED\t{}\n' >>$F" "$F:$L:" "characters outside" "a name that is not a file stem"
refuses "printf 'x-K2\tPROVED\t\n' >>$F" "$F:$L:" "empty instance" "an empty instance"
refuses "printf '\n' >>$F" "$F:$L:" "empty line" "an empty line"
refuses "printf 'x-K2\tPROVED\t{}\r\n' >>$F" "$F:$L:" "carriage return" "a CRLF line end"
refuses "sed -i 's/^name\texpected\tinstance\$/name\tinstance\texpected/' $F" "$F:2:" "header" "a wrong header"
refuses "printf '# only a comment\n' >$F" "$F:1:" "before the header" "a file without the header"
refuses "printf '# c\nname\texpected\tinstance\n' >$F" "$F:2:" "without instances" "a file without instances"
refuses ": >$F" "$F:1:" "empty file" "an empty file"
refuses "printf 'CLAIM(ulpm, lemma31, \"ulpm.lemma-3.1\", \"x\", \"y\")\n' >>claims.def" "claims.def:" "listed twice" "a claim twice in claims.def"

# Bytes: backslashes, quotes, '??=' (a trigraph under -std=c11), UTF-8, a 150 KB line; the
# generated C, compiled with the project's warnings, prints every instance back unchanged.
fresh
big=$(awk 'BEGIN { s = "\"x\":["; for (i = 0; i < 30000; i++) s = s "\"" i "\","; print s "\"end\"]" }')
printf '%s\tPROVED\t%s\n' 'tricky' '{"s":"a\\"b\\\\c??=d??/e?","u":"é∑","t":"\\t\\u0001"}' >>"$T/c/reg/ulpm.eq-66.tsv"
printf '%s\tREFUTED\t{%s}\n' 'huge' "$big" >>"$T/c/reg/ulpm.eq-66.tsv"
sh $GEN "$T/c/claims.def" "$T/c/reg" >"$T/gen.c" 2>"$T/err"
ok_rc $? "the generator accepts special bytes and a $(printf '%s' "$big" | wc -c)-byte instance"
cat >"$T/print.c" <<'EOF'
#include <stdio.h>
#include "claims/registry.h"
int main(void)
{
    for (int t = 0; t < registry_count(); t++)
        printf("%s\t%s\t%s\t%s\n", registry_at(t)->claim, registry_at(t)->name, registry_at(t)->expected,
               registry_at(t)->instance);
    return registry_at(registry_count()) != NULL || registry_at(-1) != NULL;
}
EOF
if $CC -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Isrc -o "$T/print" "$T/print.c" "$T/gen.c" src/claims/registry.c 2>"$T/err" \
   && "$T/print" >"$T/printed.tsv"; then
    # the same lines, independently: each file in claims.def order, comments and header dropped
    for id in $(sed -n 's/^CLAIM([a-z0-9_]*, *[a-z0-9_]*, *"\([^"]*\)".*/\1/p' "$T/c/claims.def"); do
        awk -v id="$id" '/^#/ { next } !h { h = 1; next } { print id "\t" $0 }' "$T/c/reg/$id.tsv"
    done >"$T/want.tsv"
    cmp -s "$T/want.tsv" "$T/printed.tsv"
    ok_rc $? "compiled registry = the files' lines, byte for byte ($(wc -l <"$T/want.tsv") lines, $(wc -c <"$T/want.tsv") bytes)"
else
    not_ok "the generated C compiles and runs: $(head -c 300 "$T/err")"
fi

# nccert list: the count of each claim is the number of its file's data lines (awk, here)
"$NCCERT" list >"$T/list" 2>&1
bad=0 total=0 files=0
for f in specs/registry/*.tsv; do
    id=$(basename "$f" .tsv)
    want=$(awk '/^#/ { next } !h { h = 1; next } { c++ } END { print c + 0 }' "$f")
    got=$(awk -v id="$id" '$1 == id { print $3 }' "$T/list")
    [ "$got" = "$want" ] || { bad=1; echo "# $id: nccert list $got, file $want"; }
    total=$((total + want)) files=$((files + 1))
done
rows=$(awk 'NR > 1' "$T/list" | wc -l)
listed=$(awk 'NR > 1 { s += $3 } END { print s + 0 }' "$T/list")
[ $bad = 0 ] && [ "$rows" = "$files" ] && [ "$listed" = "$total" ]
ok_rc $? "nccert list counts = data lines per file ($files files, $total instances; list: $rows claims, $listed)"

# unknown claim / name: errors with a message, nothing certified
"$NCCERT" verify --claim ulpm.lemma-9.9 --out "$T/v" >"$T/out" 2>"$T/err"
rc=$?
[ $rc = 2 ] && grep -q 'unknown claim "ulpm.lemma-9.9"' "$T/err" && [ ! -s "$T/out" ]
ok_rc $? "verify --claim with an unknown claim: exit 2, $(cat "$T/err")"
"$NCCERT" verify --claim ulpm.lemma-3.1 --instance no-such-name --out "$T/v" >"$T/out" 2>"$T/err"
rc=$?
[ $rc = 2 ] && grep -q 'no registry instance "no-such-name" for claim ulpm.lemma-3.1' "$T/err" && [ ! -s "$T/out" ]
ok_rc $? "verify --instance with an unknown name: exit 2, $(cat "$T/err")"
"$NCCERT" verify --instance no-such-name --out "$T/v" >"$T/out" 2>"$T/err"
[ $? = 2 ] && grep -q 'no registry instance "no-such-name"' "$T/err"
ok_rc $? "verify --instance without --claim, unknown name: exit 2"
mkdir -p "$T/audit"
cp specs/audit/*.tsv "$T/audit/"
sed -i '0,/registry:below-near-threshold-K2-n1-d2/s//registry:no-such-name/' "$T/audit/linconv.tsv"
lno=$(grep -n 'registry:no-such-name' "$T/audit/linconv.tsv" | head -1 | cut -d: -f1)
"$NCCERT" audit --quiet --paper linconv --specs "$T/audit" >/dev/null 2>"$T/err"
rc=$?
[ $rc = 2 ] && grep -q "linconv.tsv:$lno: no registry entry registry:no-such-name for claim linconv.prop-1" "$T/err"
ok_rc $? "audit: registry:NAME not in the claim's file: exit $rc, $(cat "$T/err")"

# the gradient-descent driver regenerates the gd* instances exactly, and fills a placeholder
for id in ulpm.lemma-3.2 ulpm.lemmas-b3-b5; do
    "$NCCERT" gd-registry specs/registry/$id.tsv >"$T/$id.tsv" 2>"$T/err" && cmp -s "$T/$id.tsv" specs/registry/$id.tsv
    ok_rc $? "nccert gd-registry reproduces specs/registry/$id.tsv ($(grep -c '^gd' specs/registry/$id.tsv) gd lines)"
done
mkdir -p "$T/gd"
awk -F'\t' -v OFS='\t' '$1 == "gdB-K4-n3-d6-s2-it1000-main" { $3 = "-" } { print }' specs/registry/ulpm.lemma-3.2.tsv >"$T/gd/ulpm.lemma-3.2.tsv"
"$NCCERT" gd-registry "$T/gd/ulpm.lemma-3.2.tsv" >"$T/gd.out" 2>"$T/err" && cmp -s "$T/gd.out" specs/registry/ulpm.lemma-3.2.tsv
ok_rc $? "nccert gd-registry fills an instance left as -"
printf 'gdA-K3-n2-d4-s01-it5-main\tPROVED\t-\n' >>"$T/gd/ulpm.lemma-3.2.tsv"
L=$(wc -l <"$T/gd/ulpm.lemma-3.2.tsv")
"$NCCERT" gd-registry "$T/gd/ulpm.lemma-3.2.tsv" >/dev/null 2>"$T/err"
rc=$?
[ $rc = 2 ] && grep -q "ulpm.lemma-3.2.tsv:$L: gd: name" "$T/err"
ok_rc $? "nccert gd-registry refuses a non-canonical name with FILE:LINE (exit $rc)"

# make: a changed .tsv regenerates and rebuilds (make -n -W: nothing is run or touched)
if command -v make >/dev/null 2>&1; then
    MAKEFLAGS= MAKELEVEL= make -n -W specs/registry/ulpm.eq-66.tsv build/gen/registry_data.o 2>&1 | grep -q 'registry_embed.sh'
    ok_rc $? "make: a newer specs/registry/*.tsv regenerates build/gen/registry_data.c"
else
    skip "make not installed"
fi

# no registry data left in C under src/ (the data is specs/registry only)
if grep -rlE --include='*.c' --include='*.h' 'registry_entry [a-z0-9_]+\[\] *=' src >"$T/left"; then
    not_ok "C registry arrays left under src/: $(tr '\n' ' ' <"$T/left")"
else
    ok "no C registry array under src/"
fi
tap_done
