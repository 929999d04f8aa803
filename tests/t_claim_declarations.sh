#!/bin/sh
# t_claim_declarations.sh: the claim lists are generated from each claim file's own declaration
# (DECLARE_CLAIM in src/claims/<paper>/, CK_DECLARE_CLAIM in src/check/<paper>/) by
# src/collect_declarations.sh. On the real tree: one list entry per declaring file, the same ids
# on both sides, ordered by papers.def; on scratch copies: each malformed declaration is
# refused with one FILE:LINE line and exit 1 (and the output file is left as it was). TAP.
. "$(dirname "$0")/tap.sh"
tap_setup claim_declarations
cd "$ROOT" || tap_bail "cd $ROOT"
COL=src/collect_declarations.sh

sh $COL DECLARE_CLAIM CLAIM src/claims/papers.def "$T/claims.def" src/claims/*/*.c 2>"$T/err"
ok_rc $? "the certifier's declarations collect ($(grep -c '^CLAIM(' "$T/claims.def") claims)"
sh $COL CK_DECLARE_CLAIM CK_CLAIM - "$T/ck.def" src/check/*/*.c 2>"$T/err"
ok_rc $? "the checker's declarations collect ($(grep -c '^CK_CLAIM(' "$T/ck.def") claims)"

# independently of the collector: the files that declare, counted by grep
want=$(grep -l '^DECLARE_CLAIM(' src/claims/*/*.c | wc -l)
[ "$want" -gt 0 ] && [ "$want" = "$(grep -c '^CLAIM(' "$T/claims.def")" ]
ok_rc $? "one CLAIM line per declaring certifier file ($want)"
want=$(grep -l '^CK_DECLARE_CLAIM(' src/check/*/*.c | wc -l)
[ "$want" -gt 0 ] && [ "$want" = "$(grep -c '^CK_CLAIM(' "$T/ck.def")" ]
ok_rc $? "one CK_CLAIM line per declaring checker file ($want)"

ids() { sed -n 's/^[A-Z_]*([a-z0-9]*, [a-z0-9_]*, "\([^"]*\)".*/\1/p' "$1" | LC_ALL=C sort; }
ids "$T/claims.def" >"$T/a"; ids "$T/ck.def" >"$T/b"
cmp -s "$T/a" "$T/b"
ok_rc $? "the certifier and the checker declare the same claim ids"

# order: the papers of papers.def in their order, each paper's ids sorted
papers=$(sed -n 's/^PAPER(\([a-z0-9]*\),.*/\1/p' src/claims/papers.def)
for p in $papers; do grep "^$p\." "$T/a"; done >"$T/want"
ids_in_order=$(sed -n 's/^CLAIM([a-z0-9]*, [a-z0-9_]*, "\([^"]*\)".*/\1/p' "$T/claims.def")
[ "$ids_in_order" = "$(cat "$T/want")" ]
ok_rc $? "the certifier's list is in papers.def order, then by id"

# malformed declarations on a scratch claim file: refused, one line naming FILE:LINE, nothing written
refuses() {   # DECLARATION WHAT DESC [LINE]
    mkdir -p "$T/s/ulpm"
    printf '/* a claim file */\n#include "claims/claim.h"\n\n%s\n' "$1" >"$T/s/ulpm/x.c"
    echo "old" >"$T/out.def"
    sh $COL DECLARE_CLAIM CLAIM src/claims/papers.def "$T/out.def" src/claims/ulpm/ulpm_lemma31.c "$T/s/ulpm/x.c" 2>"$T/err"
    rc=$?
    if [ $rc = 1 ] && [ "$(wc -l <"$T/err")" = 1 ] && grep -qF "x.c:${4:-4}:" "$T/err" && grep -qF "$2" "$T/err" \
       && [ "$(cat "$T/out.def")" = old ]; then
        ok "$3: $(cat "$T/err")"
    else
        not_ok "$3 (exit $rc, stderr: $(head -c 300 "$T/err"))"
    fi
}
refuses 'DECLARE_CLAIM(ulpm, lemma31, "ulpm.lemma-3.1", "L", "S");' "already declared" "a claim declared twice"
refuses 'DECLARE_CLAIM(nopaper, x, "nopaper.x", "L", "S");' "not in" "a paper missing from papers.def"
refuses 'DECLARE_CLAIM(ulpm, x, "linconv.x", "L", "S");' "does not start with ulpm." "an id of another paper"
refuses 'DECLARE_CLAIM(ulpm, x, "ulpm.x", "L", "S")' "unterminated" "a declaration without its ;"
refuses 'DECLARE_CLAIM("ulpm", x, "ulpm.x", "L", "S");' "must start with" "a quoted paper key"
refuses 'DECLARE_CLAIM(ulpm, y, "ulpm.y", "L", "S");
DECLARE_CLAIM(ulpm, z, "ulpm.z", "L", "S");' "a second" "two declarations in one file" 5
tap_done
