# tests/cert_helpers.sh: helpers shared by the certificate shell tests, sourced after tap.sh
# (they use T, NCCERT, NCCHECK, ok and not_ok of tap_setup). Never run on its own.
#   check GOT WANT DESC            ok iff the strings GOT and WANT are equal
#   field FILE KEY...              exact values of a certificate's quantities (or its verdict /
#                                  assertion), joined by '/'; "-" for a quantity with no exact value
#   certify NAME JSON              nccert certify $ID (set by the test) on the instance JSON into
#                                  $T/NAME.json, stderr to $T/NAME.err; prints nccert's exit status
#   cert_mutate SRC DST CODE       DST = certificate SRC after the python statements CODE, run with
#                                  c (the certificate), q = its quantities, w = its witnesses, F
#                                  and Fr (Fraction) and setq(name, v) (an exact dyadic quantity
#                                  v); a failing CODE is a not_ok (and DST is not written)
#   tamper NAME WANT CODE FILE     ok iff nccheck exits WANT on FILE mutated by CODE
#   refuse DESC CLAIM JSON         ok iff nccert refuses the instance with exit 2 and writes no file
#   ok_words FILE N DESC           one result per word of FILE (ok for "ok", else not_ok with the
#                                  word); a not_ok too if FILE has not exactly N words
#   caps_init KIB                  capped CMD... then runs CMD with at most WALL s of wall clock
#                                  (NCCERT_LIMITS_WALL, default 30) and KIB KiB of address space
#                                  (no address-space cap when nccheck cannot start under it:
#                                  AddressSanitizer reserves terabytes of shadow space)
#   refused DESC PATTERN FILE [OPT...]  ok iff capped nccheck OPT... -- FILE exits 2 (or $WANT)
#                                  with the single line "FILE: REJECTED: ..." matching PATTERN
#                                  (grep -E) and nothing on stderr
# Python preambles for `python3 -c "$X..."` (independent of nccert):
#   SPLITMIX64_PY                  nx(): the splitmix64 of msecp-point/1 (state s set by the caller)
#   IMBRELU_PY                     c, q, I of the certificate sys.argv[1], mid(k), n, K, N, lW, lH,
#                                  lam = lambda_W lambda_H, M(k) and V() of problem (4) (corrected)
# and linconv_random SEED: "K n d lambda_W lambda_H" of a random linconv/1 instance below the
# threshold lambda_W lambda_H < 1/(n K^2) (decided exactly).

caps_init() {
    VLIM="ulimit -v $1"
    sh -c "$VLIM; \"\$0\" --version" "$NCCHECK" >/dev/null 2>&1 || VLIM=":"
    WALL=${NCCERT_LIMITS_WALL:-30}   # check_variant.sh valgrind raises it
}
capped() { ( eval "$VLIM"; exec timeout -s KILL "$WALL" "$@" ); }
refused() {
    desc=$1 pat=$2 f=$3 want=${WANT:-2}
    shift 3
    start=$(date +%s)
    capped "$NCCHECK" "$@" -- "$f" >"$T/out" 2>"$T/err"
    rc=$?
    secs=$(($(date +%s) - start))
    why=""
    [ $rc -eq "$want" ] || why="$why exit $rc (want $want);"
    [ "$(wc -l <"$T/out")" -eq 1 ] || why="$why $(wc -l <"$T/out") lines;"
    grep -q "^$f: REJECTED: " "$T/out" || why="$why not a REJECTED line;"
    grep -Eq -- "$pat" "$T/out" || why="$why reason does not match /$pat/;"
    [ -s "$T/err" ] && why="$why stderr: $(head -c 200 "$T/err");"
    if [ -z "$why" ]; then ok "nccheck: $desc -> exit $rc in ${secs}s: $(sed "s|^$f: ||" "$T/out" | head -c 150)"
    else not_ok "nccheck: $desc:$why $(head -c 300 "$T/out")"; fi
}
check() { if [ "$1" = "$2" ]; then ok "$3"; else not_ok "$3 (got '$1', want '$2')"; fi; }

field() {
    python3 -c 'import json,sys
c = json.load(open(sys.argv[1]))
print("/".join(c[k] if k in ("verdict", "assertion") else c["quantities"][k].get("exact", {}).get("a", "-") for k in sys.argv[2:]))' "$@"
}

certify() { "$NCCERT" certify $ID --instance-json "$2" -q -o "$T/$1.json" 2>"$T/$1.err"; echo $?; }

cert_mutate() {
    rm -f "$2"
    python3 - "$1" "$2" "$3" 2>"$T/mutate.err" <<'PY' && return 0
import json, sys
from fractions import Fraction as F
Fr = F
c = json.load(open(sys.argv[1])); q = c.get("quantities"); w = c.get("witnesses")
def setq(name, v):
    q[name] = {"lo": float(v).hex(), "hi": float(v).hex(), "decimal": repr(float(v)), "exact": {"a": str(v)}}
exec(sys.argv[3])
json.dump(c, open(sys.argv[2], "w"), indent=2)
PY
    rm -f "$2"
    not_ok "mutation of $1 failed: $3: $(tail -n 1 "$T/mutate.err")"
    return 1
}

tamper() {
    cert_mutate "$4" "$T/m.json" "$3" || return
    "$NCCHECK" "$T/m.json" >"$T/out" 2>&1; rc=$?
    if [ $rc -eq "$2" ]; then ok "$1 -> exit $rc"; else not_ok "$1 -> exit $rc (want $2): $(cat "$T/out")"; fi
}

refuse() {
    rm -f "$T/bad.json"
    "$NCCERT" certify "$2" --instance-json "$3" -q -o "$T/bad.json" >/dev/null 2>&1; rc=$?
    if [ $rc -eq 2 ] && [ ! -e "$T/bad.json" ]; then ok "$1"
    else not_ok "$1: exit $rc, want 2$([ -e "$T/bad.json" ] && echo ', a file written')"; fi
}

ok_words() {
    set -- "$1" "$2" "$3" "$(wc -w <"$1")"
    for _w in $(cat "$1"); do [ "$_w" = ok ] && ok "$3" || not_ok "$3: $_w"; done
    [ "$4" -eq "$2" ] || not_ok "$3: $4 results, want $2"
}

SPLITMIX64_PY='import sys, math
from fractions import Fraction as F
M64 = (1 << 64) - 1
def nx():
    global s
    s = (s + 0x9e3779b97f4a7c15) & M64
    z = s
    z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & M64
    z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & M64
    return z ^ (z >> 31)
'

IMBRELU_PY='import json,sys,math
from fractions import Fraction as F
c=json.load(open(sys.argv[1])); q=c["quantities"]; I=c["instance"]
def mid(k): return (float.fromhex(q[k]["lo"])+float.fromhex(q[k]["hi"]))/2
n=[int(x) for x in I["n"]]; K=len(n); N=sum(n); lW=float(F(I["lambda_W"])); lH=float(F(I["lambda_H"]))
lam=float(F(I["lambda_W"])*F(I["lambda_H"]))
def M(k):
    if (K-1)*n[k]-K*N*N*F(I["lambda_W"])*F(I["lambda_H"]) <= 0: return 0.0
    return math.log((K-1)*(math.sqrt(n[k])/(N*math.sqrt((K-1)/K)*math.sqrt(lam))-1))
def V(): return sum(n[k]/N*math.log1p((K-1)*math.exp(-M(k)))+math.sqrt(lam*n[k]*(K-1)/K)*M(k) for k in range(K))
'

linconv_random() {
    python3 - "$1" <<'PY'
import sys, random
from fractions import Fraction as Fr
r = random.Random(int(sys.argv[1]))
while True:
    K = r.randint(2, 5); n = r.randint(1, 3); d = r.randint(K, K + 2)
    lw = Fr(r.randint(1, 50), 1000); lh = Fr(r.randint(1, 50), 1000)
    if lw * lh * n * K * K < 1: break
print(K, n, d, lw, lh)
PY
}
