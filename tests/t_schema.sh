#!/bin/sh
# t_schema.sh: the JSON Schemas of specs/schemas/ (Draft 2020-12) with two independent
# validators, python3-jsonschema (Debian's python3-jsonschema; tests/schema/validate.py) and
# ajv 8 (npm, locked in tests/schema/package-lock.json; tests/schema/validate.cjs). Both resolve
# every $ref from the local folder (no network). Each validator must accept
#   - every committed certificate (certificates/**/*.json) and, against instance.schema.json,
#     the instance embedded in each,
#   - certificates nccert writes now (small instances of every claim, decided and INCONCLUSIVE),
#   - the instance files of tests/data/ that nccert accepts, and the certificates of
#     tests/check_data/ that nccheck finds well formed (exit 0 or 1),
# and must reject
#   - tampered certificates (unknown top-level key, bad hex float, an assertion of another claim,
#     a missing quantity, a verdict the assertion does not allow, ...), so that the test cannot
#     pass vacuously,
#   - the instance files nccert refuses and the certificates nccheck finds malformed, except the
#     defects JSON Schema cannot express (listed below: lengths against K, n, d; d >= K;
#     duplicate keys; magnitudes of numbers written as strings; index ranges).
# Count lines per validator are printed as TAP comments. make check installs both validators
# (Makefile: deps installs python3-jsonschema, schema-deps runs npm ci); run alone, this test
# runs `npm ci --prefix tests/schema` itself when tests/schema/node_modules is missing.
. "$(dirname "$0")/tap.sh"
tap_setup schema nccert nccheck python3
S="$ROOT/specs/schemas"
SD="$ROOT/tests/schema"

# --- the validators ------------------------------------------------------------------------
PY=
for p in /usr/bin/python3 python3; do
    if "$p" -c 'import jsonschema; jsonschema.Draft202012Validator' 2>/dev/null; then PY=$p; break; fi
done
if [ -n "$PY" ]; then ok "python3-jsonschema available ($PY)"
else not_ok "python3-jsonschema not installed (make deps installs Debian's python3-jsonschema)"; fi
if ! command -v node >/dev/null 2>&1; then
    not_ok "node not installed (make deps installs Debian's nodejs and npm)"
else
    if [ ! -f "$SD/node_modules/ajv/package.json" ]; then
        echo "# tests/schema/node_modules missing: npm ci --prefix tests/schema"
        npm ci --prefix "$SD" --no-audit --no-fund --loglevel=error >"$T/npm.log" 2>&1 || sed 's/^/# /' "$T/npm.log"
    fi
    if [ -f "$SD/node_modules/ajv/package.json" ]; then ok "ajv available (node $(node --version))"
    else not_ok "ajv not installed (make schema-deps: npm ci --prefix tests/schema)"; fi
fi
VALIDATORS=
[ -n "$PY" ] && VALIDATORS="$VALIDATORS py"
[ -f "$SD/node_modules/ajv/package.json" ] && VALIDATORS="$VALIDATORS ajv"
# validate V SCHEMA [--field KEY] --files-from LIST: one line per file, VALID or INVALID
validate() {
    case $1 in
        py) shift; "$PY" "$SD/validate.py" "$S" "$@" ;;
        ajv) shift; node "$SD/validate.cjs" "$S" "$@" ;;
    esac
}
vname() { case $1 in py) echo python3-jsonschema ;; ajv) echo ajv ;; esac; }

# check_valid V WHAT OUT LIST: ok iff OUT (a validator's output) says VALID for every file of LIST
check_valid() {
    v=$1 what=$2 out=$3 list=$4
    res=$(awk 'NR == FNR { want[$0] = 1; n++; next }
               /^VALID / && (substr($0, 7) in want) { good++ }
               END { print good + 0, n + 0 }' "$list" "$out")
    good=${res% *} total=${res#* }
    counts="$counts, $good/$total $what valid"
    if [ "$total" -gt 0 ] && [ "$good" = "$total" ]; then ok "$(vname "$v"): all $total $what valid"
    else
        while read -r f; do grep -F "INVALID $f:" "$out"; done <"$list" | head -n 20 | sed 's/^/# /'
        not_ok "$(vname "$v"): $good of $total $what valid"
    fi
}

# check_invalid V WHAT OUT LIST: one result per file of LIST, ok iff OUT says INVALID for it
check_invalid() {
    v=$1 what=$2 out=$3 list=$4
    nbad=0 nall=0
    while read -r f; do
        nall=$((nall + 1))
        line=$(grep -F "ID $f" "$out" | head -n 1)
        case $line in
            "INVALID $f:"*) nbad=$((nbad + 1))
                ok "$(vname "$v") rejects $what $(basename "$f"): $(echo "${line#INVALID "$f": }" | cut -c1-110)" ;;
            "VALID $f") not_ok "$(vname "$v") accepts $what $(basename "$f")" ;;
            *) not_ok "$(vname "$v"): no result for $f" ;;
        esac
    done <"$list"
    counts="$counts, $nbad/$nall ${what}s rejected"
}

# --- committed certificates and their instances ---------------------------------------------
(cd "$ROOT" && find certificates -name '*.json' | LC_ALL=C sort) | sed "s|^|$ROOT/|" >"$T/committed.txt"
echo "# $(grep -c . "$T/committed.txt") committed certificates (certificates/**/*.json)"

# --- certificates nccert writes now -----------------------------------------------------------
# claim, name, instance: small instances of every claim and of most instance kinds
mkdir -p "$T/fresh"
cat >"$T/fresh.tsv" <<'EOF'
ulpm.lemma-3.1	lemma31-random	{"kind":"random-dyadic/1","K":3,"n":2,"d":4,"seed":"1"}
ulpm.lemma-3.1	lemma31-nc	{"kind":"nc/1","K":3,"n":2,"d":3}
ulpm.lemma-3.1	lemma31-npz	{"kind":"npz/1","npz_file":"tests/data/byon_K3_d4.npz","balance":"first"}
ulpm.theorem-3.3	theorem33-npy	{"kind":"npy/1","features_file":"tests/data/byon_features.npy","labels_file":"tests/data/byon_labels.npy","classifier_file":"tests/data/byon_W.npy"}
ulpm.lemma-3.1	lemma31-hex	{"kind":"explicit","K":2,"n":1,"d":2,"W":[["0x1p+0","0"],["0","-0x1.8p-3"]],"H":[["1","1/2"],["-1/3","0.75"]]}
ulpm.def-2.1	def21-etf	{"kind":"etf/1","K":3,"n":2,"d":2,"scale":"2"}
ulpm.theorem-3.2	theorem32-nc	{"kind":"nc/1","K":3,"n":1,"d":3}
ulpm.theorem-3.2	theorem32-explicit	{"kind":"explicit","K":2,"n":1,"d":2,"W":[["1","0"],["0","1"]],"H":[["1","1/2"],["-1/3","0.75"]]}
ulpm.lemma-3.2	lemma32-main	{"kind":"lemma-3.2/1","statement":"main","point":{"kind":"nc/1","K":3,"n":1,"d":3},"scale":"3"}
ulpm.lemma-3.2	lemma32-appendix	{"kind":"lemma-3.2/1","statement":"appendix","point":{"kind":"nc-perturbed/1","K":3,"n":1,"d":3,"seed":"2","eps_log2":-10},"scale":"3"}
ulpm.lemmas-b3-b5	lemmasb3b5-eq35	{"kind":"lemmas-b3-b5/1","reading":"eq35-without-rho","point":{"kind":"nc/1","K":3,"n":1,"d":3},"scale":"3"}
ulpm.lemmas-b3-b5	lemmasb3b5-derived	{"kind":"lemmas-b3-b5/1","reading":"derived","point":{"kind":"nc/1","K":3,"n":1,"d":3},"scale":"3"}
ulpm.example-3.1	example31-kkt	{"kind":"example-3.1/1","C":"1","part":"kkt","normalisation":"sqrt2"}
ulpm.example-3.1	example31-family10	{"kind":"example-3.1/1","C":"1","part":"family10"}
ulpm.example-3.1	example31-box-eq9	{"kind":"example-3.1-box/1","C_lo":"1/2","C_hi":"1","part":"eq9"}
ulpm.theorem-3.3	theorem33-scaled	{"kind":"nc-scaled/1","K":3,"n":1,"d":3,"alpha":"1","beta":"2"}
ulpm.theorem-3.3	theorem33-example	{"kind":"example-3.1/1","C":"1"}
ulpm.theorem-3.4	theorem34-pairing	{"kind":"ulpm-pairing/1","K":4,"C":"1"}
ulpm.eq-66	eq66-nc	{"kind":"nc/1","K":3,"n":2,"d":3}
ulpm.printed	printed-eq64	{"kind":"ulpm-printed/1","part":"eq64-index","K":3,"n":2}
ulpm.printed	printed-eq58	{"kind":"ulpm-printed/1","part":"eq58","a":"-3/4"}
ulpm.printed	printed-flow	{"kind":"ulpm-printed/1","part":"gradient-flow","point":{"kind":"nc/1","K":3,"n":1,"d":3}}
linconv.prop-1	prop1-below	{"kind":"linconv/1","K":2,"n":1,"d":2,"lambda_W":"1/10","lambda_H":"1/10"}
linconv.prop-3	prop3-box	{"kind":"linconv-box/1","K":3,"n":2,"d":4,"lambda_W_lo":"1/1000","lambda_W_hi":"1/10","lambda_H_lo":"1/1000","lambda_H_hi":"1/10","max_depth":16}
linconv.theorem-2	theorem2-K2	{"kind":"linconv/1","K":2,"n":1,"d":2,"lambda_W":"1/10","lambda_H":"1/10"}
linconv.theorem-4	theorem4-K3	{"kind":"linconv/1","K":3,"n":1,"d":3,"lambda_W":"1/10","lambda_H":"1/10"}
msecp.identities	identities-theorem2	{"kind":"msecp-random/1","identity":"theorem2","C":2,"N":2,"p":2,"lambda":"1/10","seed":"3"}
msecp.manifold	manifold-lemma2	{"kind":"msecp-point/1","part":"lemma2","C":2,"N":2,"seed":"1","between":"generic","t":"1/16","delta0":"3/8"}
msecp.dynamics	dynamics-t0	{"kind":"msecp-point/1","part":"t0-derived","C":2,"N":2,"seed":"5","between":"aligned"}
msecp.dynamics	dynamics-ode	{"kind":"msecp-ode/1","part":"derived","C":2,"N":2,"omega0":"1","t":"1"}
imbrelu.eq-6	eq6-printed	{"kind":"imbrelu/1","n":["1","2"],"d":2,"lambda_W":"1/10","lambda_H":"1/10","reading":"printed"}
imbrelu.theorem-1	theorem1	{"kind":"imbrelu/1","n":["10","20","30"],"d":3,"lambda_W":"1/1000","lambda_H":"1/1000"}
imbrelu.global-search	global-search	{"kind":"imbrelu/1","n":["1","2"],"d":2,"lambda_W":"1/10","lambda_H":"1/10","reading":"printed","starts":8,"seed":1}
imbrelu.prop-1-cor-1-3	prop1cor13	{"kind":"imbrelu/1","n":["10","10","40","40"],"d":4,"lambda_W":"1/1000","lambda_H":"1/1000"}
imbrelu.cor-4	cor4-phase	{"kind":"imbrelu-phase/1","K_A":1,"K_B":1,"n_B":"1","R":["1","16"],"lambda":["1/1024","1"],"max_depth":4}
imbrelu.cor-4	cor4-point	{"kind":"imbrelu/1","n":["1","3"],"d":2,"lambda_W":"1/10","lambda_H":"1/10"}
imbrelu.non-monotone	non-monotone	{"kind":"imbrelu/1","n":["4","9"],"d":2,"lambda_W":"0.087","lambda_H":"0.087"}
EOF
# INCONCLUSIVE ("none") certificates: a low precision cap or nothing to find
cat >"$T/inconclusive.tsv" <<'EOF'
ulpm.lemma-3.2	none-lemma32	{"kind":"lemma-3.2/1","statement":"main","point":{"kind":"nc/1","K":3,"n":1,"d":3},"scale":"3"}
ulpm.theorem-3.3	none-theorem33	{"kind":"nc-perturbed/1","K":3,"n":1,"d":3,"seed":"1","eps_log2":-200}
ulpm.theorem-3.4	none-theorem34	{"kind":"ulpm-pairing/1","K":4,"C":"1"}
imbrelu.non-monotone	none-non-monotone	{"kind":"imbrelu/1","n":["1","1"],"d":2,"lambda_W":"0.087","lambda_H":"0.087"}
imbrelu.global-search	none-global-search	{"kind":"imbrelu/1","n":["1","2"],"d":2,"lambda_W":"1/10","lambda_H":"1/10","starts":2,"seed":1}
EOF
: >"$T/fresh.txt"
bad=
tab=$(printf '\t')
while IFS="$tab" read -r claim name inst; do
    f="$T/fresh/$name.json"
    "$NCCERT" certify "$claim" --instance-json "$inst" -q -o "$f" 2>"$T/err"
    rc=$?
    "$NCCHECK" --data-dir "$ROOT/tests/data" "$f" >/dev/null 2>&1
    crc=$?
    if [ "$rc" -le 1 ] && [ "$crc" = 0 ]; then echo "$f" >>"$T/fresh.txt"
    else bad="$bad $name(nccert $rc, nccheck $crc)"; fi
done <"$T/fresh.tsv"
while IFS="$tab" read -r claim name inst; do
    f="$T/fresh/$name.json"
    # --max-prec 64 forces INCONCLUSIVE where the certifier escalates precision; the other
    # claims' instances here are undecidable as they are (and refuse --max-prec)
    mp="--max-prec 64"
    "$NCCERT" certify "$claim" --help 2>/dev/null | grep -q -- '--max-prec' || mp=
    # shellcheck disable=SC2086
    "$NCCERT" certify "$claim" --instance-json "$inst" $mp -q -o "$f" 2>"$T/err"
    rc=$?
    "$NCCHECK" "$f" >/dev/null 2>&1
    crc=$?
    if [ "$rc" = 1 ] && [ "$crc" = 1 ] && grep -q '"verdict": "INCONCLUSIVE"' "$f"; then echo "$f" >>"$T/fresh.txt"
    else bad="$bad $name(nccert $rc, nccheck $crc, not INCONCLUSIVE)"; fi
done <"$T/inconclusive.tsv"
want=$(($(grep -c . "$T/fresh.tsv") + $(grep -c . "$T/inconclusive.tsv")))
nclaims=$(cut -f1 "$T/fresh.tsv" "$T/inconclusive.tsv" | sort -u | grep -c .)
if [ -z "$bad" ]; then ok "nccert wrote $want fresh certificates ($nclaims claims; nccheck: well formed)"
else not_ok "fresh certificates not written or not well formed:$bad"; fi

# --- instance files of tests/data/ -----------------------------------------------------------
# Accepted by nccert (exit 0 or 1): valid. Refused (exit 2): invalid, except these defects,
# which JSON Schema cannot express: a row count or length against K, n, d (ragged, rows,
# row_length), a duplicate key (a JSON parser keeps one), d < K for nc/1.
BEYOND_INST="cli_bad_ragged.json cli_bad_rows.json cli_bad_row_length.json cli_bad_duplicate_key.json cli_bad_nc_d_lt_K.json"
: >"$T/inst_ok.txt"
: >"$T/inst_bad.txt"
for f in "$ROOT"/tests/data/*.json; do
    "$NCCERT" certify ulpm.lemma-3.1 --instance "$f" -q -o "$T/inst.json" >/dev/null 2>&1
    rc=$?
    b=$(basename "$f")
    if [ "$rc" -le 1 ]; then echo "$f" >>"$T/inst_ok.txt"
    else case " $BEYOND_INST " in *" $b "*) ;; *) echo "$f" >>"$T/inst_bad.txt" ;; esac; fi
done

# --- tests/check_data: nccheck's verdict on the format ----------------------------------------
# Exit 0 or 1 (well formed): valid. Exit 2 (malformed): invalid, except defects beyond JSON
# Schema: duplicate keys, a hex exponent or instance size over nccheck's limits (magnitudes),
# nc/1 with d < K, witness indices out of range or j == k.
BEYOND_CERT="bad_duplicate_key.json bad_hex_exponent.json bad_huge_gen.json bad_nc_d_lt_K.json bad_witness_j_eq_k.json bad_witness_range.json"
: >"$T/cd_ok.txt"
: >"$T/cd_bad.txt"
while read -r b code; do
    f="$ROOT/tests/check_data/$b"
    if [ "$code" -le 1 ]; then echo "$f" >>"$T/cd_ok.txt"
    else case " $BEYOND_CERT " in *" $b "*) ;; *) echo "$f" >>"$T/cd_bad.txt" ;; esac; fi
done <"$ROOT/tests/check_data/expected.txt"

# --- tampered certificates: every validator must reject every one -----------------------------
mkdir -p "$T/neg"
if python3 - "$T/fresh" "$T/neg" <<'EOF'
import copy, json, os, sys
src, dst = sys.argv[1], sys.argv[2]
def load(name):
    with open(os.path.join(src, name + ".json")) as f:
        return json.load(f)
cases = []
def case(name, base, fn):
    c = copy.deepcopy(load(base))
    fn(c)
    cases.append((name, c))
def setq(c, name, key, val): c["quantities"][name][key] = val
case("unknown-top-level-key", "lemma31-random", lambda c: c.update(comment="hand-edited"))
case("bad-hexfloat-lo", "lemma31-random", lambda c: setq(c, "bound", "lo", "0x1.8q+3"))
case("hexfloat-as-decimal", "theorem33-scaled", lambda c: setq(c, "loss", "hi", "1.5"))
case("assertion-of-another-claim", "lemma31-random", lambda c: c.update(assertion="simplex ETF and NC1-NC4"))
case("assertion-of-another-identity", "identities-theorem2", lambda c: c.update(assertion="eq7: identity holds"))
case("missing-quantity", "lemma31-random", lambda c: c["quantities"].pop("bound"))
case("missing-indexed-quantity", "eq6-printed", lambda c: c["quantities"].pop("M[1]"))
case("unknown-quantity", "def21-etf", lambda c: c["quantities"].update(extra=c["quantities"]["gram_c"]))
case("verdict-not-allowed-by-assertion", "lemma31-random",
     lambda c: c.update(assertion="q_min > bound", verdict="PROVED"))
case("inconclusive-with-decided-assertion", "theorem34-pairing", lambda c: c.update(verdict="INCONCLUSIVE"))
case("unknown-witness-key", "lemma31-random", lambda c: c["witnesses"].update(l=0))
case("negative-witness-index", "lemma31-random", lambda c: c["witnesses"].update(k=-1))
case("exact-on-an-interval-quantity", "lemma32-main", lambda c: setq(c, "loss", "exact", {"a": "1"}))
case("delta-of-the-other-statement", "lemma32-appendix",
     lambda c: c["quantities"].update(delta_main=c["quantities"].pop("delta_appendix")))
case("assertion-of-the-other-reading", "lemmasb3b5-eq35",
     lambda c: c.update(assertion="inequalities (24), (34), (35), (37) hold", verdict="PROVED"))
case("witness-removed-quantities-kept", "theorem34-pairing", lambda c: c["witnesses"].pop("direction"))
case("box-without-leaves", "example31-box-eq9", lambda c: c["witnesses"].pop("leaves"))
case("proved-with-a-disagreeing-formula", "prop1cor13",
     lambda c: c.update(assertion="every selected formula agrees with the minimiser where defined", verdict="PROVED"))
case("exact-b-without-m", "theorem32-nc", lambda c: c["quantities"]["multiplier"]["exact"].pop("m"))
case("bad-decimal", "lemma31-random", lambda c: setq(c, "bound", "decimal", "[1.5 +- 2]"))
case("unknown-instance-kind", "lemma31-random", lambda c: c["instance"].update(kind="random-dyadic/2"))
case("instance-entry-with-exponent", "theorem32-explicit", lambda c: c["instance"]["W"][0].__setitem__(0, "1e3"))
case("instance-kind-of-another-claim", "lemma31-nc", lambda c: c["instance"].update(kind="etf/1"))
case("unknown-claim", "lemma31-random", lambda c: c.update(claim="ulpm.lemma-9.9"))
case("format-version-2", "lemma31-random", lambda c: c.update(format="nccert-certificate/2"))
case("tier-3", "lemma31-random", lambda c: c["method"].update(tier=3))
for i, (name, c) in enumerate(cases):
    with open(os.path.join(dst, "%02d-%s.json" % (i + 1, name)), "w") as f:
        json.dump(c, f, indent=2)
EOF
then ok "tampered certificates written"; else not_ok "tampered certificates not written"; fi
find "$T/neg" -name '*.json' | LC_ALL=C sort >"$T/neg.txt"

# --- validation: one run per validator and schema (ajv compiles the schemas in ~2 s) -----------
cat "$T/committed.txt" "$T/fresh.txt" "$T/cd_ok.txt" "$T/cd_bad.txt" "$T/neg.txt" >"$T/all_certs.txt"
cat "$T/inst_ok.txt" "$T/inst_bad.txt" >"$T/all_inst.txt"
for v in $VALIDATORS; do
    validate "$v" certificate.schema.json --files-from "$T/all_certs.txt" >"$T/$v.cert" 2>&1
    validate "$v" instance.schema.json --field instance --files-from "$T/committed.txt" >"$T/$v.embedded" 2>&1
    validate "$v" instance.schema.json --files-from "$T/all_inst.txt" >"$T/$v.inst" 2>&1
    counts=
    check_valid "$v" "committed certificates" "$T/$v.cert" "$T/committed.txt"
    check_valid "$v" "embedded instances of committed certificates" "$T/$v.embedded" "$T/committed.txt"
    check_valid "$v" "fresh certificates" "$T/$v.cert" "$T/fresh.txt"
    check_valid "$v" "instance files nccert accepts (tests/data)" "$T/$v.inst" "$T/inst_ok.txt"
    check_valid "$v" "well-formed certificates of tests/check_data" "$T/$v.cert" "$T/cd_ok.txt"
    check_invalid "$v" "refused instance file" "$T/$v.inst" "$T/inst_bad.txt"
    check_invalid "$v" "malformed certificate" "$T/$v.cert" "$T/cd_bad.txt"
    check_invalid "$v" "tampered certificate" "$T/$v.cert" "$T/neg.txt"
    version=$(sed -n 's/^# \(.*\): [0-9]* valid, [0-9]* invalid$/\1/p' "$T/$v.cert" | head -n 1)
    echo "# ${version:-$(vname "$v")}: ${counts#, }"
done
tap_done
