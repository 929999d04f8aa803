#!/usr/bin/env python3
"""t_mutation.py: single-field mutations of every certificate under certificates/ (whatever is
there at run time), each checked by nccheck; run by t_mutation.sh (TAP).

Each mutation changes one field (or adds/removes one key) of an accepted certificate and has an
expectation that this script decides from the certificate alone, never by asking nccert or
nccheck:

  reject   the mutated certificate must be rejected. Either it is malformed for the format
           (unknown format/claim/verdict word, wrong type, extra or missing key, bad number
           syntax, lo > hi), or it changes what is claimed in a way that cannot be valid:
           another verdict (one body determines one verdict), another claim id or assertion,
           another instance, an enclosure moved off the certified exact value, a changed
           "exact" value, a decimal rendering that no longer contains [lo, hi].
  accept   the mutated certificate is still legitimately valid and must be accepted:
           re-serialisation, informational text changed (source/method are not relied on), a
           hex endpoint respelt with the same value, an enclosure widened inside its decimal
           rendering, a decimal rendering widened.
  pair     "lo := hi" and "hi := lo" on an enclosure with lo < hi: the exact value cannot equal
           both endpoints, so at most one of the two may be accepted.
  evidence a witness changed within its type: valid exactly when the new witness still
           establishes the assertion (e.g. another minimiser); likewise an enclosure widened
           inside its decimal up to or across 0 (widen-sign: the claim may need that sign).
           Counted apart; accepted ones are listed for review.
A widened enclosure (accept) that nccheck rejects because another stated quantity is computed
from it is listed apart, not a failure: the narrower derived statement is then unverifiable,
and rejecting it is sound.

Instance mutations that nccheck accepts (a different instance satisfying every stated
enclosure, e.g. nc/1 with one more zero coordinate, an optional instance key removed that has
its default value, an entry whose sign no stated quantity sees) are cross-examined: nccert
certifies the mutated instance independently; the mutation counts as legitimately valid only
if nccert reaches the same assertion and verdict and, when it chose the same witnesses, each
of its enclosures meets the stated one (quantities at other witnesses are not comparable).

The kill rate is (must-reject mutations rejected) / (must-reject mutations); it must be 100%.
`make check` runs a deterministic stratified sample (NCCERT_MUTATION_SAMPLE, default 600, drawn from
the cheaper half of each claim's certificates;
NCCERT_MUTATION_SEED, default 9); `python3 tests/t_mutation.py --full` runs every mutation
(hours: some certificates take a second to check), `--full-cheap` every mutation of the cheaper
half of each claim's certificates, `--expensive` NCCERT_MUTATION_PER_CERT (40) of each
certificate of the other half.
"""
import copy
import glob
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
from fractions import Fraction as Fr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("NCCERT_BUILD_DIR", os.path.join(ROOT, "build"))
NCCHECK = os.path.join(BUILD, "nccheck")
NCCERT = os.path.join(BUILD, "nccert")
VERDICTS = ["PROVED", "REFUTED", "INCONCLUSIVE"]

# ------------------------------------------------------------------------- exact numbers
HEX_RE = re.compile(r"^(-?)0x([0-9a-fA-F]+)(?:\.([0-9a-fA-F]+))?p([+-]?[0-9]+)$")
ENTRY_RE = re.compile(r"^([+-]?)([0-9]+)(?:\.([0-9]+)|/([0-9]+))?$")
DEC_RE = re.compile(r"^(-?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$")


def hexval(s):
    m = HEX_RE.match(s)
    if not m:
        return None
    ip, fp = m.group(2), m.group(3) or ""
    v = Fr(int(ip + fp, 16), 16 ** len(fp)) * Fr(2) ** int(m.group(4))
    return -v if m.group(1) else v


def to_hex(q):
    """a dyadic rational as an integer-mantissa hex float: 3/2 -> 0x3p-1"""
    q = Fr(q)
    assert q.denominator & (q.denominator - 1) == 0, "not dyadic"
    if q == 0:
        return "0x0p+0"
    sign = "-" if q < 0 else ""
    num, e = abs(q.numerator), -(q.denominator.bit_length() - 1)
    while num % 2 == 0:
        num //= 2
        e += 1
    return "%s0x%xp%+d" % (sign, num, e)


def entry(s):
    m = ENTRY_RE.match(s) if isinstance(s, str) else None
    if not m or len(s) > 400:
        return None
    sign = -1 if m.group(1) == "-" else 1
    if m.group(4) is not None:
        den = int(m.group(4))
        return None if den == 0 else sign * Fr(int(m.group(2)), den)
    if m.group(3) is not None:
        return sign * Fr(int(m.group(2) + m.group(3)), 10 ** len(m.group(3)))
    return sign * Fr(int(m.group(2)))


def decval(s):
    m = DEC_RE.match(s)
    if not m:
        return None
    fp = m.group(3) or ""
    v = Fr(int(m.group(2) + fp), 10 ** len(fp)) * Fr(10) ** int(m.group(4) or 0)
    return -v if m.group(1) else v


def dec_interval(s):
    """[lo, hi] of a decimal rendering: "x", "[m +/- r]", "[+/- r]"; None if unreadable"""
    if not isinstance(s, str):
        return None
    if not s.startswith("["):
        v = decval(s)
        return None if v is None else (v, v)
    m = re.match(r"^\[(?:(\S+) )?\+/- (\S+)\]$", s)
    if not m:
        return None
    mid = decval(m.group(1)) if m.group(1) else Fr(0)
    rad = decval(m.group(2))
    if mid is None or rad is None or rad < 0:
        return None
    return (mid - rad, mid + rad)


def qs_bounds(a, b, m, bits=256):
    """rational bounds of a + b*sqrt(m)"""
    if b == 0:
        return a, a
    r = math.isqrt(m)
    if r * r == m:
        return a + b * r, a + b * r
    s = math.isqrt(m << (2 * bits))
    lo, hi = Fr(s, 1 << bits), Fr(s + 1, 1 << bits)
    x, y = a + b * lo, a + b * hi
    return min(x, y), max(x, y)


def dyadic_between(lo, hi, strict_lo=True):
    """a dyadic t with lo < t <= hi (lo < hi rationals); None if none found"""
    if not lo < hi:
        return None
    for p in range(0, 2000, 8):
        t = Fr(math.floor(hi * 2 ** p), 2 ** p)
        if lo < t <= hi:
            return t
    return None


def ulp_below(x):
    """a small positive dyadic relative to |x| (2^-70 relative, 2^-70 absolute at 0)"""
    if x == 0:
        return Fr(1, 2 ** 70)
    x = abs(Fr(x))
    e = x.numerator.bit_length() - x.denominator.bit_length()  # 2^(e-1) < x < 2^(e+1)
    return Fr(2) ** (e - 71)


# ------------------------------------------------------------------------- mutations
class Mut:
    __slots__ = ("cert", "claim", "cat", "expect", "desc", "make", "pair", "path", "got", "legit", "inst")

    def __init__(self, cert, claim, cat, expect, desc, make, pair=None, value=None):
        self.cert, self.claim, self.cat, self.expect = cert, claim, cat, expect
        self.desc, self.make, self.pair = desc, make, pair
        self.path = self.got = None
        self.legit = False
        self.inst = cat == "instance"  # mutations of the instance are cross-checked with nccert

    @property
    def obj(self):
        return self.make()


def get_at(obj, path):
    for p in path:
        obj = obj[p]
    return obj


def _copy_along(obj, path):
    """a copy of OBJ sharing everything but the containers along PATH (cheap for big
    certificates); returns (copy, the copied container holding path[-1])"""
    top = copy.copy(obj)
    cur = top
    for p in path[:-1]:
        cur[p] = copy.copy(cur[p])
        cur = cur[p]
    return top, cur


def set_at(obj, path, val):
    def make():
        c, parent = _copy_along(obj, path)
        parent[path[-1]] = val
        return c
    return make


def del_at(obj, path):
    def make():
        c, parent = _copy_along(obj, path)
        del parent[path[-1]]
        return c
    return make


def same(obj):
    return lambda: obj


def pstr(path):
    return ".".join(str(p) if not isinstance(p, int) else "[%d]" % p for p in path).replace(".[", "[")


LIST_VISIT = 4  # elements mutated per list (first, last and two drawn from the path)


def visit(lst, path):
    """the indices of a list whose elements are mutated: all of a short list; of a long one
    (a matrix row of an explicit instance) the first, the last and LIST_VISIT-2 others chosen
    by a hash of the path, so that the set of mutations stays deterministic and bounded"""
    n = len(lst)
    if n <= LIST_VISIT:
        return range(n)
    rng = random.Random(repr(path))
    return sorted({0, n - 1} | set(rng.sample(range(1, n - 1), LIST_VISIT - 2)))


def leaves(x, path=()):
    if isinstance(x, dict):
        for k, v in x.items():
            yield from leaves(v, path + (k,))
    elif isinstance(x, list):
        for i in visit(x, path):
            yield from leaves(x[i], path + (i,))
    else:
        yield path, x


def all_leaves(x, path=()):
    if isinstance(x, dict):
        for k, v in x.items():
            yield from all_leaves(v, path + (k,))
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from all_leaves(v, path + (i,))
    else:
        yield path, x


def objects(x, path=()):
    if isinstance(x, dict):
        yield path, x
        for k, v in x.items():
            yield from objects(v, path + (k,))
    elif isinstance(x, list):
        for i in visit(x, path):
            yield from objects(x[i], path + (i,))


def int_variants(v):
    out = []
    for w, why in [(v + 1, "+1"), (v - 1, "-1"), (0, "0"), (-1, "-1 (negative)"), (10 ** 9, "10^9"),
                   (2 ** 62, "2^62")]:
        if w != v and w not in [o[0] for o in out]:
            out.append((w, why))
    return out


def mutations(name, cert, ctx):
    """every single-field mutation of CERT (an accepted certificate)"""
    claim = cert.get("claim", "?")
    out = []

    def add(cat, expect, desc, obj, **kw):
        out.append(Mut(name, claim, cat, expect, desc, obj, **kw))

    add("identity", "accept", "re-serialised unchanged", same(cert))
    # --- top-level words
    add("format", "reject", "format -> nccert-certificate/2", set_at(cert, ("format",), "nccert-certificate/2"))
    for other in [c for c in ctx["claims"] if c != claim][:3] + [claim + "x", claim.upper()]:
        add("claim", "reject", "claim %s -> %s" % (claim, other), set_at(cert, ("claim",), other))
    for v in VERDICTS + [cert["verdict"].lower()]:
        if v != cert["verdict"]:
            add("verdict", "reject", "verdict %s -> %s" % (cert["verdict"], v), set_at(cert, ("verdict",), v))
    add("verdict", "reject", "verdict as a JSON number", set_at(cert, ("verdict",), 1))
    for a in sorted(ctx["assertions"].get(claim, set())) + [cert["assertion"] + " ", "none", "x"]:
        if a != cert["assertion"]:
            add("assertion", "reject", "assertion %r -> %r" % (cert["assertion"], a), set_at(cert, ("assertion",), a))
    # --- keys: one extra key in every object; every key removed
    for path, o in objects(cert):
        if path == ("method", "libraries"):  # any names: informational
            add("informational", "accept", "library \"zz\" added to method.libraries",
                set_at(cert, path + ("zz",), "1"))
            for k in o:
                add("informational", "accept", "library %s removed from method.libraries" % k,
                    del_at(cert, path + (k,)))
            continue
        add("key", "reject", "extra key \"zz\" in %s" % (pstr(path) or "top level"), set_at(cert, path + ("zz",), "1"))
        for k in o:
            kp = path + (k,)
            if path and path[0] == "quantities" and k == "exact":
                add("drop-exact", "evidence", "optional %s removed" % pstr(kp), del_at(cert, kp))
            else:
                add("key", "reject", "key %s removed" % pstr(kp), del_at(cert, kp))
                if kp[0] == "instance":  # an optional instance key with a default: cross-checked
                    out[-1].inst = True
    # --- leaves
    for path, v in leaves(cert):
        top = path[0]
        p = pstr(path)
        if top in ("format", "claim", "verdict", "assertion"):
            continue
        if top in ("source", "method"):
            if isinstance(v, str):
                add("informational", "accept", "%s text changed" % p, set_at(cert, path, v + " (edited)"))
                add("type", "reject", "%s as a JSON number" % p, set_at(cert, path, 7))
            elif isinstance(v, int) and not isinstance(v, bool):
                add("type", "reject", "%s as a string" % p, set_at(cert, path, str(v)))
            continue
        if top == "quantities":
            out.extend(enclosure_mutations(name, claim, cert, path, v))
            continue
        cat = "instance" if top == "instance" else "witness"
        semantic = "reject" if cat == "instance" else "evidence"
        if isinstance(v, bool) or v is None:
            add("type", "reject", "%s -> \"x\"" % p, set_at(cert, path, "x"))
        elif isinstance(v, int):
            for w, why in int_variants(v):
                add(cat, semantic, "%s %d -> %d (%s)" % (p, v, w, why), set_at(cert, path, w), value=(path, w))
            add("type", "reject", "%s as a string" % p, set_at(cert, path, str(v)))
            add("type", "reject", "%s as a real %d.5" % (p, v), set_at(cert, path, v + 0.5))
        elif isinstance(v, float):
            add(cat, semantic, "%s %r -> %r" % (p, v, v * 2 + 1), set_at(cert, path, v * 2 + 1))
        elif isinstance(v, str):
            q = entry(v)
            hv = hexval(v)
            if path[-1] == "kind":
                for k in sorted(ctx["kinds"]) + [v + "x"]:
                    if k != v:
                        add(cat, "reject", "%s %s -> %s" % (p, v, k), set_at(cert, path, k))
            elif q is not None:
                for w, why in [(q + 1, "+1"), (-q, "negated"), (q * 2, "doubled")]:
                    if w != q:
                        s = str(w.numerator) if w.denominator == 1 else "%d/%d" % (w.numerator, w.denominator)
                        if v.isdigit() and w >= 0 and w.denominator == 1:
                            s = str(w)  # seeds and the like stay in their grammar
                        add(cat, semantic, "%s %s -> %s (%s)" % (p, v, s, why), set_at(cert, path, s), value=(path, s))
                add("syntax", "reject", "%s %s -> \"1/0\"" % (p, v), set_at(cert, path, "1/0"))
                add("syntax", "reject", "%s %s -> \"%se5\"" % (p, v, v), set_at(cert, path, v + "e5"))
            elif hv is not None:
                w = hv + ulp_below(hv) * 2 ** 40
                add(cat, semantic, "%s %s -> %s" % (p, v, to_hex(w)), set_at(cert, path, to_hex(w)), value=(path, to_hex(w)))
                add("syntax", "reject", "%s %s -> %s" % (p, v, v.replace("p", "q")), set_at(cert, path, v.replace("p", "q")))
            else:
                for w in sorted(ctx["strings"].get((claim, path[:1] + tuple(x for x in path[1:] if isinstance(x, str))), set())) + [v + "x"]:
                    if w != v:
                        add(cat, semantic, "%s %r -> %r" % (p, v, w), set_at(cert, path, w), value=(path, w))
            add("type", "reject", "%s as a JSON number" % p, set_at(cert, path, 3))
        if cat == "instance" and isinstance(path[-1], int) and path[-1] == 0 and len(path) >= 2:
            # a row shortened by one entry
            row = get_at(cert, path[:-1])
            if len(row) > 1:
                add("shape", "reject", "%s: first entry removed" % pstr(path[:-1]), set_at(cert, path[:-1], row[1:]))
    return out


def enclosure_mutations(name, claim, cert, path, v):
    """mutations of one field of an enclosure {lo, hi, decimal[, exact]}"""
    out = []
    qpath = path[:2]
    q = get_at(cert, qpath)
    p = pstr(path)

    def add(cat, expect, desc, obj, **kw):
        out.append(Mut(name, claim, cat, expect, desc, obj, **kw))

    if not isinstance(q, dict) or len(path) < 3:
        return out
    lo, hi = hexval(q.get("lo", "")), hexval(q.get("hi", ""))
    dec = dec_interval(q.get("decimal"))
    field = path[2]
    if lo is None or hi is None or dec is None:
        return out
    dlo, dhi = dec
    # the exact value when the certificate states it (checked equal to the recomputation)
    val = None
    ex = q.get("exact")
    if isinstance(ex, dict):
        a, b = entry(ex.get("a", "")), entry(ex.get("b", "0"))
        m = ex.get("m", 1)
        if a is not None and b is not None and isinstance(m, int) and m >= 1:
            val = qs_bounds(a, b, m)
    elif lo == hi:
        val = (lo, hi)
    if field == "lo":
        t = to_hex(hi + ulp_below(hi))
        add("enclosure", "reject", "%s -> %s (above hi: lo > hi)" % (p, t), set_at(cert, path, t))
        if lo < hi:
            add("pair", "pair", "%s := hi (%s)" % (p, q["hi"]), set_at(cert, path, q["hi"]), pair=(name, pstr(qpath)))
        if val is not None and val[1] < hi:
            t = dyadic_between(val[1], hi)
            if t is not None:
                add("enclosure", "reject", "%s -> %s (above the exact value, <= hi)" % (p, to_hex(t)),
                    set_at(cert, path, to_hex(t)))
        if dlo < lo:
            t = dyadic_between(dlo, lo - (lo - dlo) / 2) or dyadic_between(dlo, lo)
            if t is not None and t < lo:
                # a widening that lets the enclosure reach 0 may un-establish a sign the claim
                # needs: valid or not depending on the claim, so evidence (counted apart)
                add("widen-sign" if lo > 0 >= t else "widen", "evidence" if lo > 0 >= t else "accept",
                    "%s widened to %s (inside the decimal)" % (p, to_hex(t)), set_at(cert, path, to_hex(t)))
        t = dlo - abs(dlo) - 1
        t = Fr(math.floor(t))
        add("decimal-rule", "reject", "%s widened to %s (outside the decimal)" % (p, to_hex(t)), set_at(cert, path, to_hex(t)))
        add("respell", "accept", "%s respelt %s" % (p, to_hex(lo)), set_at(cert, path, to_hex(lo)))
        add("syntax", "reject", "%s with exponent letter q" % p, set_at(cert, path, q["lo"].replace("p", "q")))
        add("syntax", "reject", "%s exponent 2^21" % p, set_at(cert, path, "0x1p+2097152"))
        add("type", "reject", "%s as a JSON number" % p, set_at(cert, path, float(lo)))
    elif field == "hi":
        t = to_hex(lo - ulp_below(lo))
        add("enclosure", "reject", "%s -> %s (below lo: lo > hi)" % (p, t), set_at(cert, path, t))
        if lo < hi:
            add("pair", "pair", "%s := lo (%s)" % (p, q["lo"]), set_at(cert, path, q["lo"]), pair=(name, pstr(qpath)))
        if val is not None and val[0] > lo:
            # the largest dyadic below the value, >= lo
            t = None
            for pbits in range(0, 2000, 8):
                c = Fr(math.ceil(lo * 2 ** pbits), 2 ** pbits)
                if lo <= c < val[0]:
                    t = c
                    break
            if t is not None:
                add("enclosure", "reject", "%s -> %s (below the exact value, >= lo)" % (p, to_hex(t)),
                    set_at(cert, path, to_hex(t)))
        if dhi > hi:
            t = dyadic_between(hi, hi + (dhi - hi) / 2)
            if t is not None:
                add("widen-sign" if hi < 0 <= t else "widen", "evidence" if hi < 0 <= t else "accept",
                    "%s widened to %s (inside the decimal)" % (p, to_hex(t)), set_at(cert, path, to_hex(t)))
        t = Fr(math.ceil(dhi + abs(dhi) + 1))
        add("decimal-rule", "reject", "%s widened to %s (outside the decimal)" % (p, to_hex(t)), set_at(cert, path, to_hex(t)))
        add("respell", "accept", "%s respelt %s" % (p, to_hex(hi)), set_at(cert, path, to_hex(hi)))
        add("type", "reject", "%s as a JSON number" % p, set_at(cert, path, float(hi)))
    elif field == "decimal":
        far = max(abs(dlo), abs(dhi)) * 4 + 1000
        add("decimal-rule", "reject", "%s -> \"[%d +/- 1]\" (misses [lo, hi])" % (p, far),
            set_at(cert, path, "[%d +/- 1]" % far))
        mid = (lo + hi) / 2
        rad = (hi - lo) + abs(mid) / 10 ** 6 + Fr(1, 10 ** 30)
        # a wider rendering with exact decimal digits: m to 40 places, r rounded up
        scale = 10 ** 40
        mnum = math.floor(mid * scale)
        ms = ("-" if mnum < 0 else "") + "%d.%040d" % (abs(mnum) // scale, abs(mnum) % scale)
        rnum = math.ceil((rad + Fr(1, scale)) * scale)
        rs = "%d.%040d" % (rnum // scale, rnum % scale)
        add("widen", "accept", "%s widened to [%s +/- %s]" % (p, ms[:12], rs[:12]), set_at(cert, path, "[%s +/- %s]" % (ms, rs)))
        add("syntax", "reject", "%s -> \"abc\"" % p, set_at(cert, path, "abc"))
        add("syntax", "reject", "%s -> \"1e999999999\"" % p, set_at(cert, path, "1e999999999"))
    elif field == "exact" and len(path) == 4:
        sub = path[3]
        if sub == "a":
            a = entry(v)
            if a is not None:
                add("exact", "reject", "%s %s -> %s" % (p, v, a + 1), set_at(cert, path, str(a + 1)))
            add("syntax", "reject", "%s -> \"1/0\"" % p, set_at(cert, path, "1/0"))
        elif sub == "b":
            b = entry(v)
            if b is not None and b != 0:
                add("exact", "reject", "%s %s -> %s" % (p, v, b * 2), set_at(cert, path, str(b * 2)))
        elif sub == "m" and isinstance(v, int):
            b = entry(ex.get("b", "0")) if isinstance(ex, dict) else None
            if b:
                nm = v + 1
                while math.isqrt(nm) ** 2 == nm or nm == 4 * v:
                    nm += 1
                add("exact", "reject", "%s %d -> %d" % (p, v, nm), set_at(cert, path, nm))
            add("syntax", "reject", "%s -> 0" % p, set_at(cert, path, 0))
    return out


# ------------------------------------------------------------------------- running
def run_nccheck(muts, tmp):
    """sets m.got = True (accepted) / False (rejected) / None (no line)"""
    paths = []
    for i, m in enumerate(muts):
        f = os.path.join(tmp, "m%05d.json" % i)
        with open(f, "w") as fh:
            json.dump(m.obj, fh, indent=2)
            fh.write("\n")
        m.path = f
        paths.append(f)
    got = {}
    for s in range(0, len(paths), 200):
        batch = paths[s:s + 200]
        r = subprocess.run([NCCHECK, "--"] + batch, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           universal_newlines=True)
        if r.returncode not in (0, 1, 2):
            sys.exit("Bail out! nccheck died (status %d) on a batch: %s" % (r.returncode, r.stderr[-400:]))
        for line in r.stdout.splitlines():
            for f in batch:
                if line.startswith(f + ": "):
                    rest = line[len(f) + 2:]
                    got[f] = (rest.startswith("ACCEPTED"), rest)
    for m in muts:
        m.got = got.get(m.path, (None, "no output line"))


def nccert_cross_check(m, tmp):
    """an instance mutation nccheck accepted: does nccert, certifying the mutated instance
    independently, agree? Returns (legit, why)."""
    if not os.access(NCCERT, os.X_OK):
        return False, "nccert not built: cannot cross-check"
    out = os.path.join(tmp, "x.json")
    if os.path.exists(out):
        os.unlink(out)
    r = subprocess.run([NCCERT, "certify", m.claim, "--instance-json", json.dumps(m.obj["instance"]),
                        "-q", "-o", out], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True, timeout=300)
    if not os.path.exists(out):
        return False, "nccert refuses the mutated instance (exit %d: %s)" % (r.returncode, r.stderr.strip()[:200])
    ref = json.load(open(out))
    if (ref["assertion"], ref["verdict"]) != (m.obj["assertion"], m.obj["verdict"]):
        return False, "nccert finds %s / %s" % (ref["assertion"], ref["verdict"])
    if ref.get("witnesses") != m.obj.get("witnesses"):
        # quantities at other witnesses (margin_at_witness, ...) cannot be compared; nccheck
        # verified the stated ones exactly, nccert independently reaches the same conclusion
        return True, "nccert reaches the same assertion and verdict (with other witnesses)"
    for qn, qv in m.obj["quantities"].items():
        rq = ref["quantities"].get(qn)
        if rq is None:
            return False, "nccert has no quantity %s" % qn
        if hexval(rq["hi"]) < hexval(qv["lo"]) or hexval(qv["hi"]) < hexval(rq["lo"]):
            return False, "quantity %s: nccert's enclosure is disjoint from the stated one" % qn
    return True, "nccert agrees (same assertion and verdict, every enclosure meets)"


def main():
    full = "--full" in sys.argv
    verbose = "-v" in sys.argv
    seed = int(os.environ.get("NCCERT_MUTATION_SEED", "9"))
    budget = int(os.environ.get("NCCERT_MUTATION_SAMPLE", "600"))
    certdir = os.environ.get("NCCERT_MUTATION_CERTS", os.path.join(ROOT, "certificates"))
    files = sorted(os.path.relpath(os.path.join(d, f), certdir)
                   for d, _, fs in os.walk(certdir) for f in fs if f.endswith(".json"))
    print("# certificates: %d under %s; seed %d; %s" % (len(files), certdir, seed,
          "full set" if full else "full set on the cheaper half of each claim's certificates"
          if "--full-cheap" in sys.argv else "a sample of each certificate of the costlier half"
          if "--expensive" in sys.argv else "sample of %d (NCCERT_MUTATION_SAMPLE)" % budget))
    if not files:
        print("1..0 # SKIP no certificate under %s" % certdir)
        return 0
    certs = {}
    for f in files:
        with open(os.path.join(certdir, f)) as fh:
            certs[f] = json.load(fh)
    src = "".join(open(p).read() for p in glob.glob(os.path.join(ROOT, "src", "check", "*", "*.c")))
    ctx = {"claims": sorted(set(re.findall(r'^CK_DECLARE_CLAIM\(\w+, \w+, "([a-z0-9.-]+)"\);', src, re.M))),
           "assertions": {}, "kinds": set(), "strings": {}}
    for c in certs.values():
        ctx["assertions"].setdefault(c["claim"], set()).add(c["assertion"])
        for path, v in leaves(c.get("instance", {}), ("instance",)):
            if path[-1] == "kind":
                ctx["kinds"].add(v)
            elif isinstance(v, str) and entry(v) is None and hexval(v) is None:
                key = path[:1] + tuple(x for x in path[1:] if isinstance(x, str))
                ctx["strings"].setdefault((c["claim"], key), set()).add(v)
        for path, v in leaves(c.get("witnesses", {}), ("witnesses",)):
            if isinstance(v, str) and entry(v) is None and hexval(v) is None:
                key = path[:1] + tuple(x for x in path[1:] if isinstance(x, str))
                ctx["strings"].setdefault((c["claim"], key), set()).add(v)

    allm = []
    for f in files:
        allm.extend(mutations(f, certs[f], ctx))
    # pairs go together; the sample is stratified by (claim, category), round robin
    # the cheaper half of each claim's certificates (a deterministic cost proxy: file size plus
    # the product of the instance's integers): the sample draws from it, so that make check
    # stays within a minute; --full covers every certificate, --full-cheap the cheaper half
    def cost(c):
        prod = 1
        for _, v in leaves(c.get("instance", {})):
            if isinstance(v, int) and not isinstance(v, bool) and v > 0:
                prod *= v
        return len(json.dumps(c)) + 10 * prod
    by_claim = {}
    for f in files:
        by_claim.setdefault(certs[f]["claim"], []).append((cost(certs[f]), f))
    cheap = set()
    for lst in by_claim.values():
        lst.sort()
        cheap.update(f for _, f in lst[:max(1, (len(lst) + 1) // 2)])
    if full:
        chosen = allm
    elif "--full-cheap" in sys.argv:
        chosen = [m for m in allm if m.cert in cheap]
    elif "--expensive" in sys.argv:
        # the other half: NCCERT_MUTATION_PER_CERT (default 40) mutations of each certificate,
        # drawn with the seed (pairs kept whole)
        per = int(os.environ.get("NCCERT_MUTATION_PER_CERT", "40"))
        rng = random.Random(seed)
        chosen = []
        for f in files:
            if f in cheap:
                continue
            ms = [m for m in allm if m.cert == f]
            pick = rng.sample(ms, min(per, len(ms)))
            pairs = {m.pair for m in pick if m.pair}
            chosen.extend(m for m in ms if m in pick and not m.pair or m.pair in pairs)
    elif len(allm) <= budget:
        chosen = allm
    else:
        rng = random.Random(seed)
        groups = {}
        for m in allm:
            if m.cert in cheap:
                groups.setdefault((m.claim, m.cat), []).append(m)
        keys = sorted(groups)
        for k in keys:
            rng.shuffle(groups[k])
        chosen, picked_pairs, i = [], set(), 0
        while len(chosen) < budget and any(groups.values()):
            k = keys[i % len(keys)]
            i += 1
            if groups[k]:
                m = groups[k].pop()
                if m.pair and m.pair in picked_pairs:
                    continue
                if m.pair:
                    picked_pairs.add(m.pair)
                    chosen.extend(x for x in allm if x.pair == m.pair)
                else:
                    chosen.append(m)
    # only certificates nccheck accepts as they are can be mutated meaningfully (one whose
    # claim has no checker yet, or a stale one, is make verify's business): the originals of
    # the chosen mutations are checked here, not every certificate (that pass cost as much as
    # the mutations themselves)
    origs = sorted({m.cert for m in chosen})
    r = subprocess.run([NCCHECK, "--"] + [os.path.join(certdir, f) for f in origs],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
    ok_paths = {line.split(": ", 1)[0] for line in r.stdout.splitlines() if ": ACCEPTED" in line}
    accepted = {f for f in origs if os.path.join(certdir, f) in ok_paths}
    skipped = [f for f in origs if f not in accepted]
    if skipped:
        print("# %d certificate(s) not accepted as they are, not mutated (e.g. %s)" % (len(skipped), skipped[0]))
        chosen = [m for m in chosen if m.cert in accepted]
    print("# mutations: %d in the full set, %d run" % (len(allm), len(chosen)))

    tmp = tempfile.mkdtemp(prefix="mutation.", dir=os.path.join(ROOT, "tests", "tmp"))
    try:
        run_nccheck(chosen, tmp)
        return report(chosen, tmp, verbose)
    finally:
        for f in os.listdir(tmp):
            os.unlink(os.path.join(tmp, f))
        os.rmdir(tmp)


def widened_feeds_other(m):
    """A widened enclosure that nccheck rejects because ANOTHER stated quantity is derived from it
    (e.g. msecp.dynamics' omega_gap from the verified omega brackets): the wider input no longer
    supports the other, narrower statement. Rejecting is sound (nothing unverified is accepted);
    only a rejection naming the widened quantity itself is a checker error."""
    if m.cat != "widen":
        return False
    mine = re.match(r"quantities\.([^.]+)\.", m.desc)
    other = re.search(r"quantity ([A-Za-z0-9_]+)", m.got[1] or "")
    return bool(mine and other and mine.group(1) != other.group(1))


def report(chosen, tmp, verbose):
    n = 0
    failed = 0

    def tap(ok, desc):
        nonlocal n, failed
        n += 1
        if not ok:
            failed += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", n, desc))

    # identity first: without it nothing else means anything
    ident = [m for m in chosen if m.cat == "identity"]
    for m in ident:
        tap(m.got[0] is True, "%s: accepted as re-serialised (%s)" % (m.cert, m.got[1]))
    kill_total = kill_ok = 0
    legit_survivors = []
    by_group = {}
    for m in chosen:
        if m.cat == "identity":
            continue
        by_group.setdefault((m.claim, m.cat), []).append(m)
    evidence_acc = []
    dependent = []
    for (claim, cat), ms in sorted(by_group.items()):
        bad = []
        if cat == "pair":
            pairs = {}
            for m in ms:
                pairs.setdefault(m.pair, []).append(m)
            for key, pm in sorted(pairs.items()):
                kill_total += 1
                if sum(1 for m in pm if m.got[0]) <= 1:
                    kill_ok += 1
                else:
                    bad.append("%s %s: both lo := hi and hi := lo accepted" % key)
            tap(not bad, "%s: %s: %d enclosure(s) narrowed to each endpoint, at most one accepted"
                % (claim, cat, len(pairs)) + "".join("\n#   " + b for b in bad))
            continue
        for m in ms:
            if m.got[0] is None:
                bad.append("%s: %s: no verdict line from nccheck" % (m.cert, m.desc))
            elif m.expect == "reject":
                kill_total += 1
                if not m.got[0]:
                    kill_ok += 1
                elif m.inst:
                    legit, why = nccert_cross_check(m, tmp)
                    if legit:
                        kill_total -= 1  # not a semantic change after all: legitimately valid
                        m.legit = True
                        legit_survivors.append("%s: %s: %s" % (m.cert, m.desc, why))
                    else:
                        bad.append("%s: %s: ACCEPTED (%s)" % (m.cert, m.desc, why))
                else:
                    bad.append("%s: %s: ACCEPTED" % (m.cert, m.desc))
            elif m.expect == "accept":
                if not m.got[0] and widened_feeds_other(m):
                    dependent.append("%s: %s: %s" % (m.cert, m.desc, m.got[1][:160]))
                elif not m.got[0]:
                    bad.append("%s: %s: %s" % (m.cert, m.desc, m.got[1]))
            elif m.expect == "evidence" and m.got[0]:
                evidence_acc.append("%s: %s" % (m.cert, m.desc))
        word = {"reject": "rejected", "accept": "accepted", "evidence": "checked"}[ms[0].expect]
        tap(not bad, "%s: %s: %d mutation(s) %s as required" % (claim, cat, len(ms), word)
            + "".join("\n#   " + b for b in bad[:20]))
        if verbose:
            for m in ms:
                print("#     %s %s: %s -> %s" % ("ACC" if m.got[0] else "rej", m.cert, m.desc, m.got[1][:100]))
    for s in dependent:
        print("# widened enclosure rejected because another stated quantity is computed from it (sound): " + s)
    for s in legit_survivors:
        print("# legitimately valid instance mutation (cross-checked with nccert): " + s)
    ev = [m for m in chosen if m.expect == "evidence"]
    print("# evidence mutations (witnesses changed within their type, optional exact dropped): "
          "%d run, %d accepted (valid iff the new witness still establishes the assertion; "
          "nccheck re-verified each):" % (len(ev), len(evidence_acc)))
    per = {}
    for m in ev:
        t = per.setdefault((m.claim, m.cat), [0, 0])
        t[0] += 1 if m.got[0] else 0
        t[1] += 1
    print("#   accepted/run by claim: " + ", ".join("%s %s %d/%d" % (c, k, a, b) for (c, k), (a, b) in sorted(per.items())))
    for s in [x for x in evidence_acc if "exact removed" not in x][:40]:
        print("#   accepted: " + s)
    # per category: semantic changes (what is claimed) apart from malformations
    semantic = ("claim", "verdict", "assertion", "instance", "enclosure", "exact", "decimal-rule")
    tally = {}
    for m in chosen:
        if m.expect == "reject" and not m.legit:
            t = tally.setdefault(m.cat, [0, 0])
            t[0] += 0 if m.got[0] else 1
            t[1] += 1
    for group, cats in (("semantic", semantic), ("malformed", None)):
        sel = [c for c in sorted(tally) if (c in semantic) == (cats is not None)]
        print("# %s mutations rejected: %s" % (group, ", ".join("%s %d/%d" % (c, tally[c][0], tally[c][1]) for c in sel)))
    print("# instance mutations found legitimately valid (accepted, and nccert agrees): %d" % sum(m.legit for m in chosen))
    print("# enclosure pairs (lo := hi, hi := lo) with at most one accepted: %d" % len({m.pair for m in chosen if m.pair}))
    rate = 100.0 * kill_ok / kill_total if kill_total else 100.0
    print("# kill rate: %d/%d must-reject mutations rejected (%.2f%%)" % (kill_ok, kill_total, rate))
    tap(kill_ok == kill_total, "kill rate %d/%d (%.2f%%): every mutation that changes what is claimed is rejected"
        % (kill_ok, kill_total, rate))
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
