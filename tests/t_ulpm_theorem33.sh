#!/bin/sh
# t_ulpm_theorem33.sh: nccheck on ulpm.theorem-3.3 certificates: those nccert writes are
# accepted; single mutations (python3, stdlib only) are rejected with the status of
# specs/certificate.md (1: claim does not follow, 2: malformed); bad instances are refused by
# nccert with status 2. Equality certificate: nc-scaled/1 K=4 n=3 d=4 alpha=beta=3/2; strict
# ones: random-dyadic/1 (seed from NCCERT_TEST_SEED, printed) and Example 3.1 with C=1.
# Why each mutation breaks the certificate is stated next to it (decided by mathematics:
# e.g. alpha=2, beta=3/2 is an NC direction with ||W|| != ||H||, so its margins differ from q*).

. "$(dirname "$0")/tap.sh"
. "$(dirname "$0")/cert_helpers.sh"
tap_setup t33 nccert nccheck python3
SEED=${NCCERT_TEST_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# NCCERT_TEST_SEED=$SEED"
C=ulpm.theorem-3.3
res() { if [ "$1" = "$2" ]; then ok "$3"; else not_ok "$3 (exit $1, want $2)"; fi; }

cert() {   # NAME INSTANCE-JSON
    "$NCCERT" certify $C --instance-json "$2" -o "$T/$1.json" >/dev/null 2>&1
    "$NCCHECK" "$T/$1.json" >/dev/null 2>&1
    res $? 0 "$1: certificate accepted"
}
cert eq '{"kind":"nc-scaled/1","K":4,"n":3,"d":4,"alpha":"3/2","beta":"3/2"}'
cert rnd "{\"kind\":\"random-dyadic/1\",\"K\":5,\"n\":2,\"d\":6,\"seed\":\"$SEED\"}"
cert ex '{"kind":"example-3.1/1","C":"1"}'

mut() {   # BASE WANT DESCRIPTION PYTHON-STATEMENT (on the dict c)
    cert_mutate "$T/$1.json" "$T/m.json" "$4" || return
    "$NCCHECK" "$T/m.json" >/dev/null 2>&1
    res $? "$2" "$1: $3"
}
q='c["quantities"]'
# equality certificate
mut eq 1 "verdict REFUTED" 'c["verdict"] = "REFUTED"'
mut eq 1 "verdict INCONCLUSIVE" 'c["verdict"] = "INCONCLUSIVE"'
mut eq 1 "assertion L > L* (the gap is exactly 0)" 'c["assertion"] = "L > L*"'
mut eq 1 "alpha 2 (NC direction, ||W|| != ||H||: margins differ from q*)" 'c["instance"]["alpha"] = "2"'
mut eq 1 "rho exact changed" "$q[\"rho\"][\"exact\"][\"a\"] = \"91/8\""
mut eq 1 "rho lo raised above the value" "$q[\"rho\"][\"lo\"] = $q[\"rho\"][\"hi\"]; $q[\"rho\"][\"hi\"] = \"0x1.8p+4\"; $q[\"rho\"][\"decimal\"] = \"[20 +/- 5]\""
mut eq 1 "loss_star hi below the value" "$q[\"loss_star\"][\"hi\"] = $q[\"loss_star\"][\"lo\"]"
mut eq 1 "loss lo above the value" "$q[\"loss\"][\"lo\"] = $q[\"loss\"][\"hi\"]"
mut eq 1 "gap not zero" "$q[\"gap\"] = {\"lo\": \"0x1p-10\", \"hi\": \"0x1p-9\", \"decimal\": \"[0.0015 +/- 0.001]\"}"
mut eq 2 "witness precision_bits 5" 'c["witnesses"]["precision_bits"] = 5'
mut eq 2 "extra witness key" 'c["witnesses"]["k"] = 0'
mut eq 2 "missing quantity gap" "del $q[\"gap\"]"
mut eq 2 "unknown assertion" 'c["assertion"] = "L >= L*"'
mut eq 2 "alpha not a number" 'c["instance"]["alpha"] = "1e3"'
# strict certificates
mut rnd 1 "verdict REFUTED" 'c["verdict"] = "REFUTED"'
mut rnd 1 "assertion L = L* (random point: margins not all q*)" 'c["assertion"] = "L = L*"'
mut rnd 1 "assertion L < L*" 'c["assertion"] = "L < L*"; c["verdict"] = "REFUTED"'
mut rnd 1 "seed changed (enclosures miss the other instance's loss)" 'c["instance"]["seed"] = str(int(c["instance"]["seed"]) + 1)'
mut rnd 1 "loss hi lowered to lo" "$q[\"loss\"][\"hi\"] = $q[\"loss\"][\"lo\"]"
mut rnd 1 "gap lo raised to hi" "$q[\"gap\"][\"lo\"] = $q[\"gap\"][\"hi\"]"
mut rnd 1 "norm_W_sq exact changed" "$q[\"norm_W_sq\"][\"exact\"][\"a\"] = \"1\""
mut rnd 1 "loss given an exact value" "$q[\"loss\"][\"exact\"] = {\"a\": \"1\"}"
mut rnd 2 "K changed to 1" 'c["instance"]["K"] = 1'
mut ex 1 "C changed to 0 (the NC zero point: L = L*, gap 0 not inside the stated gap)" 'c["instance"]["C"] = "0"'
mut ex 1 "C changed to 2 (another loss)" 'c["instance"]["C"] = "2"'
mut ex 1 "loss_star lo above the value" "$q[\"loss_star\"][\"lo\"] = $q[\"loss_star\"][\"hi\"]"
mut ex 1 "decimal of loss too narrow" "$q[\"loss\"][\"decimal\"] = \"1\""
# bad instances: nccert exits 2
for inst in '{"kind":"nc-scaled/1","K":4,"n":2,"d":3,"alpha":"1","beta":"1"}' \
            '{"kind":"example-3.1/1","C":"x"}' '{"kind":"nc-scaled/1","K":4,"n":2,"d":4,"alpha":"1"}'; do
    "$NCCERT" certify $C --instance-json "$inst" -o "$T/bad.json" >/dev/null 2>&1
    res $? 2 "nccert refuses $inst"
    [ -e "$T/bad.json" ] && { failed=$((failed + 1)); echo "# a file was written for a bad instance"; }
done
tap_done
