#!/bin/sh
# imbrelu_cor4_tsv.sh CERT: prints the leaves of an imbrelu.cor-4 phase certificate
# (imbrelu-phase/1) as TSV: R_lo R_hi lambda_lo lambda_hi phase (decimals, 17 significant
# digits, from the exact rational endpoints). Used to make specs/claims/imbrelu.cor-4.phase.tsv.
exec python3 -c '
import json, sys
from fractions import Fraction as F
c = json.load(open(sys.argv[1]))
print("R_lo\tR_hi\tlambda_lo\tlambda_hi\tphase")
for L in c["witnesses"]["leaves"]:
    v = [F(x) for x in L["R"] + L["lambda"]]
    print("\t".join("%.17g" % float(x) for x in v) + "\t" + L["phase"])
' "$1"
