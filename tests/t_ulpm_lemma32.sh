#!/bin/sh
# t_ulpm_lemma32.sh: ulpm.lemma-3.2 and ulpm.lemmas-b3-b5 end to end: certificates made by
# build/nccert on gradient-descent iterates (registry points) and a scaled nc/1 point are
# accepted by build/nccheck; single mutations (python3, stdlib only) are rejected with the exit
# status of specs/certificate.md (1: the claim does not follow, 2: malformed); bad instances
# are refused by nccert with exit 2. Whether a mutation breaks a certificate is decided by the
# mutation itself (a wrong verdict, an enclosure moved off by more than its width, an instance
# entry changed by 1, a scale of 2: each changes the loss by far more than the enclosure width).

. "$(dirname "$0")/tap.sh"
tap_setup l32 nccheck nccert python3

# registry certificates of both claims
"$NCCERT" verify --claim ulpm.lemma-3.2 --out "$T/reg" >/dev/null 2>&1 && ok "nccert verify ulpm.lemma-3.2: all as expected" || not_ok "nccert verify ulpm.lemma-3.2"
"$NCCERT" verify --claim ulpm.lemmas-b3-b5 --out "$T/reg" >/dev/null 2>&1 && ok "nccert verify ulpm.lemmas-b3-b5: all as expected" || not_ok "nccert verify ulpm.lemmas-b3-b5"
"$NCCHECK" "$T"/reg/*/*.json >"$T/out" 2>&1 && ok "nccheck accepts all $(wc -l <"$T/out") registry certificates" || not_ok "nccheck rejected a registry certificate: $(grep REJECTED "$T/out" | head -1)"

D32="$T/reg/ulpm.lemma-3.2"
D35="$T/reg/ulpm.lemmas-b3-b5"
MAIN="$D32/gdA-K3-n2-d4-s1-it2000-main.json"
VAC="$D32/gdA-K3-n2-d4-s1-it0-appendix.json"
DER="$D35/gdB-K4-n3-d6-s2-it1000-derived.json"
NORHO="$D35/gdB-K4-n3-d6-s2-it1000-eq35-without-rho.json"
for f in "$MAIN" "$VAC" "$DER" "$NORHO"; do
    [ -f "$f" ] || { echo "Bail out! missing $f"; exit 1; }
done

# Mutations: BASE<TAB>EXPECTED-EXIT<TAB>DESCRIPTION<TAB>PYTHON STATEMENT on c (q = c["quantities"]);
# one python3 run writes every mutated certificate, then nccheck checks each one.
cat >"$T/mutations" <<'MUT'
MAIN	0	main statement at an iterate, unchanged	pass
MAIN	1	delta_actual enclosure replaced by delta_main's	q["delta_actual"]["lo"], q["delta_actual"]["hi"], q["delta_actual"]["decimal"] = q["delta_main"]["lo"], q["delta_main"]["hi"], q["delta_main"]["decimal"]
MAIN	1	loss enclosure shrunk to its lower endpoint	q["loss"]["hi"] = q["loss"]["lo"]
MAIN	1	eps_gap lo above hi	q["eps_gap"]["lo"] = "0x1p+100"
MAIN	1	gamma decimal rendering not containing [lo, hi]	q["gamma"]["decimal"] = "[1 +/- 0.5]"
MAIN	1	verdict PROVED -> REFUTED	c["verdict"] = "REFUTED"
MAIN	1	assertion -> delta bound fails	c["assertion"] = "delta bound fails"
MAIN	2	unknown assertion	c["assertion"] = "eps bound holds"
MAIN	1	INCONCLUSIVE certificate	c["assertion"] = "none"; c["verdict"] = "INCONCLUSIVE"
MAIN	2	statement main -> appendix (quantity delta_main not expected)	c["instance"]["statement"] = "appendix"
MAIN	1	instance entry W[0][0] + 1	c["instance"]["point"]["W"][0][0] = str(int(c["instance"]["point"]["W"][0][0].split("/")[0]) + 1048576) + "/1048576"
MAIN	1	instance scaled by 2	c["instance"]["scale"] = "2"
MAIN	2	instance scale 0	c["instance"]["scale"] = "0"
MAIN	2	unknown instance kind	c["instance"]["kind"] = "lemma-3.2/2"
MAIN	2	unexpected witness key	c["witnesses"] = {"C": "gamma"}
MAIN	2	quantity beta missing	del q["beta"]
MAIN	2	exact value on an interval quantity	q["beta"]["exact"] = {"a": "1"}
VAC	0	vacuous certificate (L > log 2), unchanged	pass
VAC	2	vacuous -> bounds hold (quantities missing)	c["assertion"] = "eps and delta bounds hold"
VAC	1	vacuous point scaled by 1/64 (the loss changes: enclosure wrong)	c["instance"]["scale"] = "1/64"
DER	0	B.3-B.5 derived, unchanged	pass
DER	1	dgamma_dt enclosure made negative	q["dgamma_dt"]["lo"], q["dgamma_dt"]["hi"] = "-0x1p+0", "-0x1p-1"; q["dgamma_dt"]["decimal"] = "[-0.75 +/- 0.25]"
DER	1	reading derived -> eq35-without-rho	c["instance"]["reading"] = "eq35-without-rho"
DER	1	verdict PROVED -> REFUTED	c["verdict"] = "REFUTED"
NORHO	0	eq35 without rho REFUTED certificate, unchanged	pass
NORHO	1	REFUTED -> PROVED	c["verdict"] = "PROVED"
NORHO	1	assertion -> eq35 without rho holds	c["assertion"] = "eq35 without rho holds"; c["verdict"] = "PROVED"
NORHO	1	rhs enclosure replaced by the gradient's	q["eq35_rhs_without_rho"]["lo"], q["eq35_rhs_without_rho"]["hi"], q["eq35_rhs_without_rho"]["decimal"] = q["grad_norm_sq"]["lo"], q["grad_norm_sq"]["hi"], q["grad_norm_sq"]["decimal"]
MUT
python3 - "$T" "$MAIN" "$VAC" "$DER" "$NORHO" <<'PY' || { echo "Bail out! mutation script failed"; exit 1; }
import json, sys
T = sys.argv[1]
bases = dict(zip(["MAIN", "VAC", "DER", "NORHO"], sys.argv[2:6]))
for i, line in enumerate(open(T + "/mutations").read().splitlines()):
    base, code, desc, stmt = line.split("\t")
    c = json.load(open(bases[base]))
    q = c["quantities"]
    exec(stmt)
    open("%s/m%02d.json" % (T, i), "w").write(json.dumps(c, indent=2) + "\n")
PY
i=0
while IFS="$(printf '\t')" read -r base want desc stmt; do
    f=$(printf '%s/m%02d.json' "$T" $i)
    i=$((i + 1))
    "$NCCHECK" "$f" >"$T/out" 2>&1
    rc=$?
    if [ $rc -eq "$want" ]; then ok "$base: $desc -> exit $rc: $(cut -c1-110 "$T/out" | sed "s/^.*json: //")"; else not_ok "$base: $desc: expected exit $want, got $rc ($(cat "$T/out"))"; fi
done <"$T/mutations"

# bad instances: nccert exit 2
bad() {
    "$NCCERT" certify "$1" --instance-json "$2" -o "$T/bad.json" >/dev/null 2>"$T/err"
    rc=$?
    if [ $rc -eq 2 ] && [ ! -f "$T/bad.json" ]; then ok "nccert refuses $3 (exit 2: $(head -c 80 "$T/err"))"; else not_ok "$3: expected exit 2, got $rc"; fi
    rm -f "$T/bad.json"
}
bad ulpm.lemma-3.2 '{"kind":"lemma-3.2/1","statement":"main","point":{"kind":"nc/1","K":3,"n":1,"d":2}}' "nc/1 with d < K"
bad ulpm.lemma-3.2 '{"kind":"lemma-3.2/1","statement":"eq17","point":{"kind":"nc/1","K":3,"n":1,"d":3}}' "unknown statement"
bad ulpm.lemma-3.2 '{"kind":"lemma-3.2/1","statement":"main","point":{"kind":"nc/1","K":3,"n":1,"d":3},"scale":"x"}' "scale not a number"
bad ulpm.lemmas-b3-b5 '{"kind":"lemmas-b3-b5/1","reading":"derived","point":{"K":2,"n":1,"d":2,"W":[["1"]],"H":[["1","0"],["0","1"]]}}' "ragged W"
bad ulpm.lemmas-b3-b5 '{"kind":"lemma-3.2/1","reading":"derived","point":{"kind":"nc/1","K":3,"n":1,"d":3}}' "wrong kind for the claim"

tap_done
