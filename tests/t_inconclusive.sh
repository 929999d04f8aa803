#!/bin/sh
# t_inconclusive.sh: for every claim that can end INCONCLUSIVE, an INCONCLUSIVE certificate as
# nccert writes it is well formed for nccheck: exit 1 (INCONCLUSIVE asserts nothing), never 2
# (malformed), one line; and it validates against specs/schemas/ (python3-jsonschema). Forced
# with nccert where an option or a small instance gets there (--max-prec 64, an undecidable
# instance); otherwise derived from a decided certificate nccert writes, the way the claim's
# certifier writes its INCONCLUSIVE one (src/claims/<paper>/: assertion "none", verdict
# INCONCLUSIVE, its witnesses kept, or emptied where the certifier empties them). Claims with no
# INCONCLUSIVE path (imbrelu.eq-6, msecp.identities: always decided) are listed and skipped.
# TAP by hand.

. "$(dirname "$0")/tap.sh"
tap_setup inconclusive nccert nccheck python3
tab=$(printf '\t')

# check_inconclusive NAME FILE: nccheck exits 1 with one REJECTED line; FILE is queued for the
# schema check (one validate.py run over every queued file at the end: python3-jsonschema's
# start-up and schema loading cost about as much as a validation, per call)
check_inconclusive() {
    "$NCCHECK" "$2" >"$T/out" 2>"$T/err"
    rc=$?
    if [ $rc -eq 1 ] && [ "$(wc -l <"$T/out")" -eq 1 ] && [ ! -s "$T/err" ] && grep -q '"verdict": "INCONCLUSIVE"' "$2"; then
        ok "$1: nccheck exit 1: $(sed 's|^[^:]*: ||' "$T/out" | head -c 120)"
    else
        not_ok "$1: nccheck exit $rc (want 1): $(head -c 300 "$T/out") $(head -c 200 "$T/err")"
    fi
    printf '%s\t%s\n' "$2" "$1" >>"$T/schema-queue"
}

# the queued files against specs/schemas/: one test per file
check_schemas() {
    [ -s "$T/schema-queue" ] || return 0
    if ! python3 -c 'import jsonschema' 2>/dev/null; then
        while IFS="$tab" read -r f name; do ok "$name: schema not checked # SKIP python3-jsonschema not installed"; done <"$T/schema-queue"
        return 0
    fi
    cut -f1 "$T/schema-queue" >"$T/schema-files"
    python3 "$ROOT/tests/schema/validate.py" "$ROOT/specs/schemas" certificate.schema.json --files-from "$T/schema-files" >"$T/v" 2>&1
    while IFS="$tab" read -r f name; do
        if grep -qxF "VALID $f" "$T/v"; then
            ok "$name: valid against specs/schemas/"
        else
            not_ok "$name: schema: $(grep -m1 -F "INVALID $f" "$T/v" | head -c 300)"
        fi
    done <"$T/schema-queue"
}

# forced: claim, name, instance, options (nccert must exit 1 with an INCONCLUSIVE certificate)
cat >"$T/forced.tsv" <<'TSV'
ulpm.lemma-3.2	lemma32	{"kind":"lemma-3.2/1","statement":"main","point":{"kind":"nc/1","K":3,"n":1,"d":3},"scale":"3"}	--max-prec 64
ulpm.lemmas-b3-b5	lemmasb3b5	{"kind":"lemmas-b3-b5/1","reading":"derived","point":{"kind":"nc/1","K":3,"n":1,"d":3},"scale":"3"}	--max-prec 64
ulpm.theorem-3.3	theorem33	{"kind":"nc-perturbed/1","K":3,"n":1,"d":3,"seed":"1","eps_log2":-200}	--max-prec 64
ulpm.theorem-3.4	theorem34	{"kind":"ulpm-pairing/1","K":4,"C":"1"}	--max-prec 64
imbrelu.non-monotone	non-monotone	{"kind":"imbrelu/1","n":["1","1"],"d":2,"lambda_W":"0.087","lambda_H":"0.087"}	
imbrelu.global-search	global-search	{"kind":"imbrelu/1","n":["1","2"],"d":2,"lambda_W":"1/10","lambda_H":"1/10","starts":2,"seed":1}	
TSV
while IFS="$tab" read -r claim name inst opts; do
    f="$T/forced-$name.json"
    # shellcheck disable=SC2086
    "$NCCERT" certify "$claim" --instance-json "$inst" $opts -q -o "$f" 2>"$T/err"
    rc=$?
    if [ $rc -ne 1 ] || ! grep -q '"verdict": "INCONCLUSIVE"' "$f"; then
        not_ok "$claim ($name): nccert did not write an INCONCLUSIVE certificate (exit $rc)"
        continue
    fi
    check_inconclusive "$claim (forced: $name)" "$f"
done <"$T/forced.tsv"

# derived: claim, name, instance, witnesses rule (keep | empty: {} | both: witnesses and
# quantities {} | undecided: the formulas that disagree made UNDECIDED), as the certifier's
# INCONCLUSIVE path leaves them
cat >"$T/derived.tsv" <<'TSV'
linconv.prop-1	prop1	{"kind":"linconv/1","K":2,"n":1,"d":2,"lambda_W":"1/10","lambda_H":"1/10"}	empty
linconv.prop-3	prop3	{"kind":"linconv/1","K":3,"n":2,"d":4,"lambda_W":"1/100","lambda_H":"1/100"}	empty
linconv.prop-1	prop1-box	{"kind":"linconv-box/1","K":3,"n":2,"d":4,"lambda_W_lo":"1/1000","lambda_W_hi":"1/10","lambda_H_lo":"1/1000","lambda_H_hi":"1/10","max_depth":6}	keep
linconv.theorem-2	theorem2	{"kind":"linconv/1","K":2,"n":1,"d":2,"lambda_W":"1/10","lambda_H":"1/10"}	empty
linconv.theorem-4	theorem4	{"kind":"linconv/1","K":2,"n":1,"d":2,"lambda_W":"1/10","lambda_H":"1/10"}	empty
imbrelu.theorem-1	theorem1	{"kind":"imbrelu/1","n":["10","20","30"],"d":3,"lambda_W":"1/1000","lambda_H":"1/1000"}	keep
imbrelu.cor-4	cor4	{"kind":"imbrelu/1","n":["1","3"],"d":2,"lambda_W":"1/10","lambda_H":"1/10"}	keep
imbrelu.prop-1-cor-1-3	prop1cor13	{"kind":"imbrelu/1","n":["10","10","40","40"],"d":4,"lambda_W":"1/1000","lambda_H":"1/1000"}	undecided
msecp.manifold	manifold	{"kind":"msecp-point/1","part":"lemma2","C":2,"N":2,"seed":"1","between":"generic","t":"1/16","delta0":"3/8"}	keep
msecp.dynamics	dynamics	{"kind":"msecp-ode/1","part":"derived","C":2,"N":2,"omega0":"1","t":"1"}	keep
ulpm.def-2.1	def21	{"kind":"nc/1","K":4,"n":2,"d":5}	keep
ulpm.eq-66	eq66	{"kind":"nc/1","K":3,"n":2,"d":3}	keep
ulpm.example-3.1	example31	{"kind":"example-3.1/1","C":"1","part":"family10"}	both
ulpm.lemma-3.1	lemma31	{"kind":"nc/1","K":3,"n":2,"d":3}	keep
ulpm.printed	printed	{"kind":"ulpm-printed/1","part":"eq58","a":"-3/4"}	keep
ulpm.theorem-3.2	theorem32	{"kind":"nc-perturbed/1","K":3,"n":1,"d":3,"seed":"7","eps_log2":-20}	keep
TSV
while IFS="$tab" read -r claim name inst rule; do
    f="$T/derived-$name.json"
    "$NCCERT" certify "$claim" --instance-json "$inst" -q -o "$T/base.json" 2>"$T/err"
    if [ $? -gt 1 ]; then
        not_ok "$claim ($name): nccert failed: $(head -c 200 "$T/err")"
        continue
    fi
    python3 - "$T/base.json" "$f" "$rule" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
c["assertion"], c["verdict"] = "none", "INCONCLUSIVE"
if sys.argv[3] in ("empty", "both"):
    c["witnesses"] = {}
if sys.argv[3] == "both":
    c["quantities"] = {}
if sys.argv[3] == "undecided":
    fs = c["witnesses"]["formulas"]
    for k in fs:
        if fs[k] == "DISAGREES":
            fs[k] = "UNDECIDED"
with open(sys.argv[2], "w") as f:
    json.dump(c, f, indent=2)
    f.write("\n")
PY
    check_inconclusive "$claim (derived: $name, witnesses $rule)" "$f"
done <"$T/derived.tsv"

check_schemas
for claim in imbrelu.eq-6 msecp.identities; do
    ok "$claim: no INCONCLUSIVE path in its certifier # SKIP always decided"
done
# every claim is covered by one of the lists above
"$NCCERT" list 2>/dev/null | awk '{print $1}' | grep '\.' | sort -u >"$T/claims"
cut -f1 "$T/forced.tsv" "$T/derived.tsv" | sort -u >"$T/covered"
printf 'imbrelu.eq-6\nmsecp.identities\n' >>"$T/covered"
missing=$(sort -u "$T/covered" | comm -23 "$T/claims" -)
if [ -z "$missing" ]; then ok "every claim of nccert list is covered"
else not_ok "claims not covered: $missing"; fi
tap_done
