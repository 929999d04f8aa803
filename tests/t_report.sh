#!/bin/sh
# t_report.sh: nccert report writes the HTML and Markdown pages (verdict tables, audit rows,
# links to certificates, gnuplot figures inline), structured for reading: a table of contents
# whose links all resolve, one section per paper in the order of src/claims/papers.def (its
# figures, then its claims, its audit formulas, its registry instances), an anchor for every
# claim of `nccert list` and every audit formula of specs/audit/; the same in the Markdown.
# The page renders in headless Chromium: the top (contents) and a figure alone
# (report.html?focus=fig-...), as `make report` takes them. The figure checks skip when gnuplot is absent, the
# screenshots when Chromium is absent (`make report-deps` installs both). Run from the
# repository root.
. "$(dirname "$0")/tap.sh"
tap_setup report nccert
tap_plan 16

"$NCCERT" report --out "$T/r" >"$T/out" 2>"$T/err"
rc=$?
H="$T/r/report.html"
M="$T/r/report.md"
[ $rc = 0 ] && [ -s "$H" ] && [ -s "$M" ] && ! grep -q 'nccert \[' "$T/err" && ! grep -q "$(printf '\r')" "$T/out" "$T/err"
ok_rc $? "report writes report.html and report.md, no progress line without a terminal (exit $rc)"

grep -q 'ulpm.001.eq-9' "$H" && grep -q 'DISAGREES' "$H" &&
    grep -q 'certificates/audit/ulpm.example-3.1/eq9-C1.json' "$H" &&
    grep -q 'certificates/ulpm.lemma-3.1/' "$H"
ok_rc $? "HTML lists the audit rows and links the certificates"

# per paper: the audit's findings first, and the coverage of the seed (specs/audit/coverage.tsv)
bad=0
for p in ulpm linconv msecp imbrelu; do
    grep -o "<details class=\"f\" id=\"$p\.[^\"]*\"><summary>.*<span class=\"vd [a-z]*\">[A-Z-]*</span>" "$H" |
        sed 's/.*>\([A-Z-]*\)<\/span>$/\1/' >"$T/v.$p"
    [ -s "$T/v.$p" ] || bad=1
    awk '$1 == "UNREADABLE" {next} {f = ($1 == "DISAGREES" || $1 == "NEEDS-HYPOTHESIS")} f && seen {bad = 1} !f {seen = 1} END {exit bad}' "$T/v.$p" ||
        { echo "# $p: a finding after a non-finding: $(tr '\n' ' ' <"$T/v.$p")"; bad=1; }
done
ok_rc $bad "each paper's audit list shows DISAGREES / NEEDS-HYPOTHESIS first"
want=$(awk -F'\t' '!/^#/ && $1 == "linconv" {t++; if ($7 != "missing") m++} END {print m " / " t}' specs/audit/coverage.tsv)
grep -q "coverage $want displayed items of the seed" "$H" && grep -q "coverage $want displayed items of the seed" "$M"
ok_rc $? "HTML and Markdown show linconv's coverage $want"

grep -q '^### Audit of the printed formulas' "$M" && grep -q '| <a id="ulpm.001.eq-9"></a>ulpm.001.eq-9 |' "$M"
ok_rc $? "Markdown has the audit tables"

! grep -q -i 'not certified yet\|not implemented yet' "$H" && grep -q 'msecp.003.eq-10' "$H" &&
    grep -q 'imbrelu.004.eq-17' "$H" && grep -q 'linconv.002.theorem-2' "$H"
ok_rc $? "no stale 'not certified yet' text; the new audit rows are listed"

# ids and links, one per line
grep -o ' id="[^"]*"' "$H" | sed 's/^ id="//; s/"$//' | sort -u >"$T/ids"
sed -n '/<nav id="contents">/,/<\/nav>/p' "$H" | grep -o 'href="#[^"]*"' | sed 's/^href="#//; s/"$//' | sort -u >"$T/toc"
grep -o 'href="#[^"]*"' "$H" | sed 's/^href="#//; s/"$//' | sort -u >"$T/links"
bad=$(cat "$T/toc" "$T/links" | sort -u | comm -23 - "$T/ids")
[ -s "$T/toc" ] && [ -z "$bad" ]
ok_rc $? "every link of the contents ($(wc -l <"$T/toc")) and of the page resolves to an id${bad:+; dangling: $(echo $bad)}"

# every claim of the catalogue and every audit formula: an anchor in both pages, linked from the contents
"$NCCERT" list | awk '$1 ~ /^[a-z]+\.[^ ]+$/ { print $1 }' | sort -u >"$T/claims"
for f in specs/audit/*.tsv; do
    case $f in */expected.tsv | */coverage.tsv) continue ;; esac
    awk -F'\t' '!/^#/ && $1 != "formula" && $1 != "" { print $1 }' "$f"
done | sort -u >"$T/formulas"
grep -o '<a id="[^"]*"></a>' "$M" | sed 's/^<a id="//; s/"><\/a>$//' | sort -u >"$T/mdids"
missing=$(cat "$T/claims" "$T/formulas" | sort -u | comm -23 - "$T/ids")
missing_md=$(cat "$T/claims" "$T/formulas" | sort -u | comm -23 - "$T/mdids")
unlinked=$(cat "$T/claims" "$T/formulas" | sort -u | comm -23 - "$T/toc")
[ "$(wc -l <"$T/claims")" -ge 20 ] && [ "$(wc -l <"$T/formulas")" -ge 100 ] && [ -z "$missing$missing_md$unlinked" ]
ok_rc $? "$(wc -l <"$T/claims") claims and $(wc -l <"$T/formulas") formulas: each an anchor in HTML and Markdown, linked from the contents${missing:+; no HTML anchor: $(echo $missing)}${missing_md:+; no Markdown anchor: $(echo $missing_md)}${unlinked:+; not in the contents: $(echo $unlinked)}"

# one section per paper, in the order of papers.def; in each, figures (if any) < claims < audit < registry
sed -n 's/^PAPER(\([a-z0-9_]*\),.*/\1/p' src/claims/papers.def >"$T/papers"
grep -o '<section id="paper-[^"]*"' "$H" | sed 's/.*paper-//; s/"$//' >"$T/sections"
bad=0
cmp -s "$T/papers" "$T/sections" || { echo "# sections: $(echo $(cat "$T/sections")); papers.def: $(echo $(cat "$T/papers"))"; bad=1; }
while read -r p; do
    order=$(grep -o "id=\"\(figures\|claims\|audit\|registry\)-$p\"" "$H" | sed 's/id="//; s/-.*//' | tr '\n' ' ')
    case $order in
        "figures claims audit registry " | "claims audit registry ") ;;
        *) echo "# $p: $order"; bad=1 ;;
    esac
done <"$T/papers"
sed -n 's/^<a id="paper-\([^"]*\)"><\/a>$/\1/p' "$M" | cmp -s - "$T/papers" || { echo "# Markdown sections out of order"; bad=1; }
ok_rc $bad "sections per paper in the order of papers.def (HTML and Markdown); figures first, then claims, audit, registry"

grep -o '](#[^)]*)' "$M" | sed 's/^](#//; s/)$//' | sort -u | comm -23 - "$T/mdids" >"$T/mdbad"
[ ! -s "$T/mdbad" ] && grep -q '^## Contents' "$M"
ok_rc $? "Markdown: contents at the top, every #link resolves to an anchor$([ -s "$T/mdbad" ] && echo "; dangling: $(echo $(cat "$T/mdbad"))")"

if command -v gnuplot >/dev/null 2>&1; then
    c=$(grep -c '<svg' "$H")
    [ "$c" -ge 5 ] && ! grep -q '<?xml' "$H"
    ok_rc $? "five inline SVG figures drawn by gnuplot ($c)"
    # the certified phase diagram: one rectangle per leaf of the committed data file, undecided
    # leaves included (a block of their own), each phase present
    d="$T/r/fig/imbrelu-phases-certified.dat"
    bad=0
    for ph in none minority complete undecided; do
        want=$(awk -F'\t' -v p="$ph" 'NR > 1 && $5 == p' specs/claims/imbrelu.cor-4.phase.tsv | wc -l)
        got=$(awk -F'\t' -v p="$ph" '$5 == p' "$d" | wc -l)
        [ "$want" -gt 0 ] && [ "$want" = "$got" ] || { echo "# phase $ph: $got of $want leaves"; bad=1; }
    done
    grep -q 'undecided (depth limit)' "$T/r/fig/imbrelu-phases-certified.svg" || bad=1
    ok_rc $bad "certified phase diagram: every leaf of specs/claims/imbrelu.cor-4.phase.tsv drawn by phase"
    # omega_j(t): three initial values, each with closed forms, ODE enclosures and the descent
    d="$T/r/fig/msecp-omega.dat"
    bad=0
    for j in 0 1 2; do
        want=$(awk -F'\t' -v j="$j" 'NR > 2 && $2 == j' proofs/derivations/msecp-dynamics-omega.tsv | wc -l)
        got=$(awk -F'\t' -v j="$j" '$2 == j && NF == 13' "$d" | wc -l)
        [ "$want" -gt 0 ] && [ "$want" = "$got" ] || { echo "# omega j=$j: $got of $want rows"; bad=1; }
    done
    for t in 'Proposition 2 (10)' 'ODE enclosure, defined flow' 'discrete descent'; do grep -q "$t" "$T/r/fig/msecp-omega.svg" || { echo "# missing '$t'"; bad=1; }; done
    ok_rc $bad "omega_j(t) figure: closed forms, validated enclosures and the discrete algorithm"
    [ -s "$T/r/fig/example31-curves.svg" ] && grep -q '(fig/example31-curves.svg)' "$M" &&
        grep -q '<figure id="fig-imbrelu-phases-certified">' "$H"
    ok_rc $? "Markdown references the SVG files; figures have anchors"
else
    skip "gnuplot not installed (make report-deps)"
    skip "gnuplot not installed (make report-deps)"
    skip "gnuplot not installed (make report-deps)"
    skip "gnuplot not installed (make report-deps)"
fi

# A PNG of at least MIN bytes (a blank 1280 x 1800 or 1280 x 900 page is under 20 kB).
png_ok() { [ "$(head -c 8 "$1" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] && [ "$(wc -c <"$1")" -gt "$2" ]; }
CHROME=""
for c in chromium chromium-browser google-chrome; do command -v $c >/dev/null 2>&1 && { CHROME=$c; break; }; done
if [ -n "$CHROME" ]; then
    URL="file://$(cd "$T/r" && pwd)/report.html"
    # the same two shots as `make report` (see the Makefile for the window sizes)
    timeout 120 $CHROME --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1800 \
        --user-data-dir="$T/chromium" --screenshot="$T/top.png" "$URL" >/dev/null 2>&1
    png_ok "$T/top.png" 60000
    ok_rc $? "headless $CHROME renders the top of the page (PNG, $(wc -c <"$T/top.png" 2>/dev/null || echo 0) bytes)"
    if command -v gnuplot >/dev/null 2>&1; then
        timeout 120 $CHROME --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,900 \
            --user-data-dir="$T/chromium" --screenshot="$T/figure.png" "$URL?focus=fig-imbrelu-phases-certified" >/dev/null 2>&1
        png_ok "$T/figure.png" 40000
        ok_rc $? "headless $CHROME renders the figure alone (?focus=fig-imbrelu-phases-certified; PNG, $(wc -c <"$T/figure.png" 2>/dev/null || echo 0) bytes)"
    else
        skip "gnuplot not installed: no figure to render"
    fi
    if [ -n "$NCCERT_REPORT_SCREENSHOT" ]; then cp "$T/top.png" "$NCCERT_REPORT_SCREENSHOT"; fi
else
    skip "chromium not installed (make report-deps)"
    skip "chromium not installed (make report-deps)"
fi
tap_done
