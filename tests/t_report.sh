#!/bin/sh
# t_report.sh: nccert report writes the HTML and Markdown pages (verdict tables, audit rows,
# links to certificates, gnuplot figures inline), and the page renders in headless Chromium
# (screenshot). The figure checks skip when gnuplot is absent, the screenshot when Chromium
# is absent (`make report-deps` installs both). Run from the repository root.
. "$(dirname "$0")/tap.sh"
tap_setup report nccert
tap_plan 9

"$NCCERT" report --out "$T/r" >"$T/out" 2>"$T/err"
rc=$?
[ $rc = 0 ] && [ -s "$T/r/report.html" ] && [ -s "$T/r/report.md" ]
ok_rc $? "report writes report.html and report.md (exit $rc)"

grep -q 'ulpm.001.eq-9' "$T/r/report.html" && grep -q 'DISAGREES' "$T/r/report.html" &&
    grep -q 'certificates/audit/ulpm.example-3.1/eq9-C1.json' "$T/r/report.html" &&
    grep -q 'certificates/ulpm.lemma-3.1/' "$T/r/report.html"
ok_rc $? "HTML lists the audit rows and links the certificates"

grep -q '^## Audit of the printed formulas' "$T/r/report.md" && grep -q '| ulpm.001.eq-9 |' "$T/r/report.md"
ok_rc $? "Markdown has the audit table"

! grep -q -i 'not certified yet\|not implemented yet' "$T/r/report.html" && grep -q 'msecp.003.eq-10' "$T/r/report.html" &&
    grep -q 'imbrelu.004.eq-17' "$T/r/report.html" && grep -q 'linconv.002.theorem-2' "$T/r/report.html"
ok_rc $? "no stale 'not certified yet' text; the new audit rows are listed"

if command -v gnuplot >/dev/null 2>&1; then
    c=$(grep -c '<svg' "$T/r/report.html")
    [ "$c" -ge 5 ] && ! grep -q '<?xml' "$T/r/report.html"
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
    [ -s "$T/r/fig/example31-curves.svg" ] && grep -q '(fig/example31-curves.svg)' "$T/r/report.md"
    ok_rc $? "Markdown references the SVG files"
else
    skip "gnuplot not installed (make report-deps)"
    skip "gnuplot not installed (make report-deps)"
    skip "gnuplot not installed (make report-deps)"
    skip "gnuplot not installed (make report-deps)"
fi

CHROME=""
for c in chromium chromium-browser google-chrome; do command -v $c >/dev/null 2>&1 && { CHROME=$c; break; }; done
if [ -n "$CHROME" ]; then
    timeout 120 $CHROME --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2400 \
        --screenshot="$T/shot.png" "file://$(cd "$T/r" && pwd)/report.html" >/dev/null 2>&1
    sz=$(wc -c <"$T/shot.png" 2>/dev/null || echo 0)
    sig=$(head -c 8 "$T/shot.png" 2>/dev/null | od -An -tx1 | tr -d ' \n')
    [ "$sig" = 89504e470d0a1a0a ] && [ "$sz" -gt 20000 ]
    ok_rc $? "headless $CHROME renders the page (PNG, $sz bytes)"
    if [ -n "$NCCERT_REPORT_SCREENSHOT" ]; then cp "$T/shot.png" "$NCCERT_REPORT_SCREENSHOT"; fi
else
    skip "chromium not installed (make report-deps)"
fi
tap_done
