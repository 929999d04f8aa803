#!/bin/sh
# registry_embed.sh: the registry's data files -> C. Writes to stdout the C file that the
# Makefile compiles into libnccert.a (build/gen/registry_data.c, never committed): the array
# registry_data[] of every instance of specs/registry/<claim-id>.tsv, files taken in the claim
# order of CLAIMS_DEF (build/gen/nccert/claims.def, the claim list generated from the DECLARE_CLAIM lines; its CLAIM X-macro is
# expanded by the C preprocessor, $CC -E), lines in file order. Format: specs/registry/README.md.
#   usage: [CC=cc] sh registry_embed.sh CLAIMS_DEF REGISTRY_DIR > registry_data.c
# Refuses (exit 1, one message "registry_embed: FILE:LINE: ..." on stderr, at the first problem):
# a claim of CLAIMS_DEF without REGISTRY_DIR/<id>.tsv, a .tsv whose claim is not in CLAIMS_DEF, a
# missing or wrong header, an empty line, a line without exactly 3 tab-separated columns, an
# empty or non-[A-Za-z0-9._-] name, a name twice in a file, an expected verdict other than
# PROVED and REFUTED, an empty instance, a carriage return, a file without instances.
# POSIX sh and awk only; the instance text is copied byte for byte (escaped for C: backslash,
# quote, '?' (trigraphs), bytes outside printable ASCII as octal), whatever its length.
set -u
me=registry_embed
[ $# -eq 2 ] || { echo "usage: $me.sh CLAIMS_DEF REGISTRY_DIR > registry_data.c" >&2; exit 2; }
def=$1
dir=${2%/}
[ -f "$def" ] || { echo "$me: $def: no such file" >&2; exit 1; }
[ -d "$dir" ] || { echo "$me: $dir: no such directory" >&2; exit 1; }
LC_ALL=C
export LC_ALL
case $def in /*) def_abs=$def ;; *) def_abs=$(pwd)/$def ;; esac

# The X-macro expanded by the preprocessor: one "registry_embed_claim "ID"" per CLAIM, with the
# line markers that give each its line in CLAIMS_DEF.
cpp_out=$(printf '#define CLAIM(paper, stem, id, label, summary) registry_embed_claim id\n#include "%s"\n' "$def_abs" \
          | ${CC:-cc} -E -x c - 2>&1) || {
    printf '%s\n' "$cpp_out" >&2
    echo "$me: $def: the C preprocessor (${CC:-cc} -E) failed on it" >&2
    exit 1
}

# "$dir"/*.tsv stays unexpanded when there is none: the awk program then only sees the list.
set -- "$dir"/*.tsv
[ -e "$1" ] || set --
for f; do [ -s "$f" ] || { echo "$me: $f:1: empty file (the header name<TAB>expected<TAB>instance is missing)" >&2; exit 1; }; done

printf '%s\n' "$cpp_out" | awk -v me="$me" -v def="$def" -v def_abs="$def_abs" -v dir="$dir" '
function fail(where, msg) {
    printf "%s: %s: %s\n", me, where, msg > "/dev/stderr"
    failed = 1
    exit 1
}
# s as the body of a C string literal, in pieces of about 100 bytes (one per output line)
function cstring(s, indent,    out, cur, run, take, c, esc) {
    out = ""
    cur = ""
    while (s != "") {
        if (match(s, /[^ -~]|[\\"?]/)) {
            run = substr(s, 1, RSTART - 1)
            c = substr(s, RSTART, 1)
            s = substr(s, RSTART + 1)
        } else {
            run = s
            c = ""
            s = ""
        }
        while (run != "") {
            take = 100 - length(cur)
            cur = cur substr(run, 1, take)
            run = substr(run, take + 1)
            if (length(cur) >= 100) { out = out indent "\"" cur "\"\n"; cur = "" }
        }
        if (c != "") {
            if (c ~ /[\\"?]/) esc = "\\" c
            else esc = sprintf("\\%03o", ord[c])
            cur = cur esc
            if (length(cur) >= 100) { out = out indent "\"" cur "\"\n"; cur = "" }
        }
    }
    if (cur != "" || out == "") out = out indent "\"" cur "\"\n"
    return substr(out, 1, length(out) - 1)
}
BEGIN {
    for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i
    FS = "\t"
    nclaims = 0
    phase = 0   # 0: the preprocessed claim list (stdin), 1: the .tsv files
}
FNR == 1 && NR > 1 { phase = 1 }
phase == 0 {
    if ($0 ~ /^# [0-9]+ "/) {   # line marker: # LINE "FILE" FLAGS
        split($0, mk, " ")
        cppline = mk[2] - 1
        cppfile = substr($0, index($0, "\"") + 1)
        cppfile = substr(cppfile, 1, index(cppfile, "\"") - 1)
        if (cppfile == def_abs) cppfile = def
        next
    }
    cppline++
    rest = $0
    while (match(rest, /registry_embed_claim "[^"]*"/)) {
        id = substr(rest, RSTART + 22, RLENGTH - 23)
        rest = substr(rest, RSTART + RLENGTH)
        where = cppfile ":" cppline
        if (id !~ /^[A-Za-z0-9._-]+$/) fail(where, "claim id \"" id "\" has characters outside A-Z a-z 0-9 . _ -")
        if (id in claim_at) fail(where, "claim " id " listed twice (first at " claim_at[id] ")")
        claim_at[id] = where
        order[++nclaims] = id
    }
    next
}
FNR == 1 {
    base = FILENAME
    sub(/^.*\//, "", base)
    claim = base
    sub(/\.tsv$/, "", claim)
    if (!(claim in claim_at))
        fail(FILENAME ":1", "no claim " claim " in " def " (a registry file is <claim-id>.tsv of a CLAIM there)")
    seen_file[claim] = FILENAME
    count[claim] = 0
}
{ last[claim] = FNR }
/\r/ { fail(FILENAME ":" FNR, "carriage return (the file must have LF line ends)") }
/^#/ { next }
$0 == "" { fail(FILENAME ":" FNR, "empty line (comments start with #)") }
!(claim in header) {
    if ($0 != "name\texpected\tinstance")
        fail(FILENAME ":" FNR, "the first line that is not a comment must be the header name<TAB>expected<TAB>instance")
    header[claim] = FNR
    next
}
{
    where = FILENAME ":" FNR
    if (NF != 3) fail(where, NF " column(s), expected 3: name<TAB>expected<TAB>instance")
    if ($1 == "") fail(where, "empty name")
    if ($1 !~ /^[A-Za-z0-9._-]+$/) fail(where, "name \"" $1 "\" has characters outside A-Z a-z 0-9 . _ -")
    if ((claim, $1) in names) fail(where, "duplicate name " $1 " (first at line " names[claim, $1] ")")
    names[claim, $1] = FNR
    if ($2 != "PROVED" && $2 != "REFUTED") fail(where, "expected verdict \"" $2 "\", must be PROVED or REFUTED")
    if ($3 == "") fail(where, "empty instance")
    k = ++count[claim]
    entry[claim, k] = "    {.claim = \"" claim "\", .name = \"" $1 "\", .expected = \"" $2 "\",\n     .instance =\n" \
                      cstring($3, "         ") "},"
}
END {
    if (failed) exit 1
    if (nclaims == 0) fail(def, "no CLAIM(...) entries")
    for (t = 1; t <= nclaims; t++) {
        id = order[t]
        if (!(id in seen_file)) fail(claim_at[id], "claim " id " has no registry file " dir "/" id ".tsv")
        if (!(id in header)) fail(seen_file[id] ":" last[id], "end of file before the header name<TAB>expected<TAB>instance")
        if (count[id] == 0) fail(seen_file[id] ":" last[id], "end of file without instances (a claim needs at least one)")
    }
    printf "/* registry_data.c: GENERATED by src/claims/registry_embed.sh from %s/<claim-id>.tsv, in the\n", dir
    printf " * claim order of %s. Do not edit: edit the .tsv files (specs/registry/README.md). */\n", def
    printf "#include \"claims/registry.h\"\n\n"
    printf "const registry_entry registry_data[] = {\n"
    total = 0
    for (t = 1; t <= nclaims; t++) {
        id = order[t]
        printf "    /* %s: %d instance(s) */\n", seen_file[id], count[id]
        for (k = 1; k <= count[id]; k++) print entry[id, k]
        total += count[id]
    }
    printf "};\n"
    printf "const int registry_data_len = %d;\n", total
}
' - "$@"
