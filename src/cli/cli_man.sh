#!/bin/sh
# cli_man.sh PROGRAM: the manual page of nccert or nccheck (troff, man(7)) on stdout, made from
# the program's own --help output, so the manual and the help cannot disagree (`make man`
# writes build/man/nccert.1 and build/man/nccheck.1). For nccert, the help of each command
# listed under "Commands:" (`nccert COMMAND --help`) becomes a subsection of COMMANDS.
#
# The help texts follow a few conventions, which is all this script relies on:
#   - the first lines, up to a blank line, are the synopsis ("usage: ..." and continuations);
#   - a line "PROG: one-line summary" gives the NAME line;
#   - a line "Title:" alone after a blank line (a capital first letter, no '.', ending in ':')
#     starts a section:
#     Environment, Files, Exit status, Options, Commands ... (.SH in the main text, a bold
#     heading inside a command's subsection);
#   - "  TERM  description" (TERM indented, then two spaces or more) is a tagged item (.TP),
#     continued by the more indented lines below it (unless such a line is itself an option
#     item, "--opt ARG  description"); "  TERM" alone takes its description from the more
#     indented lines that follow;
#   - an indented line right after a line of running text is shown as it is (.nf);
#   - anything else is running text; a blank line ends a paragraph.
set -eu
prog=$1
name=$(basename "$prog")
version=$("$prog" --version | awk '{ print $2; exit }')
tmp=${TMPDIR:-/tmp}/cli_man.$$
trap 'rm -f "$tmp".*' EXIT

# convert MODE: the help text on stdin to troff on stdout. MODE main: sections are .SH and the
# command subsections (file $tmp.cmds) are inserted at the end of the Commands section; MODE
# sub: the synopsis is a bold block, sections are bold paragraph headings.
convert() {
    awk -v mode="$1" -v name="$name" -v cmds="$tmp.cmds" '
    function esc(s,   out, i, c) {
        out = ""
        for (i = 1; i <= length(s); i++) {
            c = substr(s, i, 1)
            if (c == "\\") out = out "\\e"
            else if (c == "-") out = out "\\-"
            else out = out c
        }
        if (out ~ /^[.\047]/) out = "\\&" out
        return out
    }
    function flush_cmds(   l) {
        if (mode != "main" || done_cmds || section != "COMMANDS") return
        while ((getline l < cmds) > 0) print l
        done_cmds = 1
    }
    function endverb() { if (prev == "verbatim") { print ".fi"; prev = "text" } }
    BEGIN { state = "synopsis"; prev = "blank"; section = "" }
    state == "synopsis" {
        if ($0 == "") {
            if (mode == "sub") print ".fi"
            state = "body"
            if (mode == "main") print ".SH DESCRIPTION"
            prev = "blank"
            next
        }
        line = $0
        sub(/^usage: */, "", line)
        sub(/^ +/, "", line)
        if (mode == "main") {
            if (!started) { print ".SH SYNOPSIS"; started = 1 }
            print ".B " esc(line)
            print ".br"
        } else {
            if (!started) { print ".nf"; started = 1 }
            print "\\fB" esc(line) "\\fR"
        }
        next
    }
    $0 ~ ("^" name ": ") { prev = "blank"; next }          # the NAME line, printed by the caller
    /^$/ { endverb(); if (prev != "blank") print ".PP"; prev = "blank"; next }
    /^[A-Z][^:.]*:$/ && prev == "blank" {
        endverb()
        title = substr($0, 1, length($0) - 1)
        if (mode == "main") {
            flush_cmds()
            section = toupper(title)
            print ".SH " (section ~ / / ? "\"" section "\"" : section)
        } else {
            print ".PP"
            print "\\fB" esc(title) "\\fR"
        }
        prev = "head"
        next
    }
    /^ +[^ ]/ {
        match($0, /^ +/)
        ind = RLENGTH
        body = substr($0, ind + 1)
        if (prev == "text" || prev == "verbatim") {          # verbatim lines inside running text
            if (prev == "text") print ".nf"
            print esc($0)
            prev = "verbatim"
            next
        }
        new_item = body ~ /^-/ && body ~ /[^ ]  +[^ ]/                # "  --opt ARG  text": an item
        if ((prev == "item" || prev == "more") && ind > item_ind && !new_item) {    # the item continues
            print esc(body)
            prev = "more"
            next
        }
        if (match(body, /  +/)) {
            term = substr(body, 1, RSTART - 1)
            desc = substr(body, RSTART + RLENGTH)
        } else {
            term = body
            desc = ""
        }
        print ".TP"
        print "\\fB" esc(term) "\\fR"
        if (desc != "") print esc(desc)
        item_ind = ind
        prev = "item"
        next
    }
    {
        endverb()
        if (prev == "item" || prev == "more") print ".PP"
        print esc($0)
        prev = "text"
    }
    END { endverb(); flush_cmds() }
    '
}

: >"$tmp.cmds"
if [ "$name" = nccert ]; then
    # the commands: the first word of each item of the "Commands:" section
    for cmd in $("$prog" --help | awk '/^Commands:$/ { on = 1; next } on && /^$/ { exit } on && /^  [a-z]/ { print $1 }'); do
        {
            echo ".SS \"$name $cmd\""
            "$prog" "$cmd" --help | convert sub
        } >>"$tmp.cmds"
    done
fi

summary=$("$prog" --help | sed -n "s/^$name: //p" | head -n 1)
upper=$(echo "$name" | tr a-z A-Z)
echo ".\\\" $name.1: generated by src/cli/cli_man.sh from \`$name --help\`; do not edit."
echo ".TH $upper 1 \"\" \"$name $version\" \"User Commands\""
echo ".SH NAME"
echo "$name \\- $summary"
"$prog" --help | convert main
if [ "$name" = nccert ]; then
    printf '.SH "SEE ALSO"\n.BR nccheck (1)\n'
else
    printf '.SH "SEE ALSO"\n.BR nccert (1)\n'
fi
