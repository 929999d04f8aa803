#!/usr/bin/env python3
"""lemma31_mpmath.py: the mpmath peer of `make bench` (what a researcher would write with
mpmath's interval context): q_min and the squared Frobenius norms of a random-dyadic/1
instance in mpmath.iv (53 bits), and the decision q_min < (||W||^2 + ||H||^2) / (2(K-1) sqrt(n)).

The instance is generated here from the splitmix64 definition of specs/generators.md, and the
result is compared with nccert's certificate of the same instance (its witness margin and
witness), so that both programs are seen to compute the same thing.

usage: lemma31_mpmath.py K n d SEED CERT.json
prints one tab-separated line: seconds (median of 3; the instance generation is not timed)
and the comparison; exit status 0 iff the decision is PROVED and q_min agrees with nccert."""
import json
import sys
import time
from fractions import Fraction

from mpmath import iv, mpf

MASK = (1 << 64) - 1


def splitmix64(state):
    """Yields the splitmix64 outputs from the given state (specs/generators.md)."""
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def random_dyadic(K, n, d, seed):
    """W (K x d) and H (d x nK) of random-dyadic/1 as exact floats (u - 2^19) / 2^19."""
    g = splitmix64(seed)
    entry = lambda: float(((next(g) >> 44) - (1 << 19))) / (1 << 19)
    W = [[entry() for _ in range(d)] for _ in range(K)]
    H = [[entry() for _ in range(n * K)] for _ in range(d)]
    return W, H


def certify(W, H, K, n, d):
    """Interval q_min (with its first minimiser (k, i, j)), the bound and the decision."""
    Wi = [[iv.mpf(x) for x in row] for row in W]
    Hi = [[iv.mpf(x) for x in row] for row in H]
    q_lo = q_hi = None
    wit = None
    for c in range(n * K):
        h = [Hi[l][c] for l in range(d)]
        z = []
        for j in range(K):
            s = iv.mpf(0)
            for l in range(d):
                s += Wi[j][l] * h[l]
            z.append(s)
        k = c // n
        for j in range(K):
            if j == k:
                continue
            m = z[k] - z[j]
            if q_lo is None or m.a < q_lo:
                q_lo = m.a
            if q_hi is None or m.b < q_hi:
                q_hi = m.b
                wit = (k, c % n, j)
    nW = iv.mpf(0)
    for row in Wi:
        for x in row:
            nW += x * x
    nH = iv.mpf(0)
    for row in Hi:
        for x in row:
            nH += x * x
    bound = (nW + nH) / (2 * (K - 1) * iv.sqrt(n))
    return q_lo, q_hi, wit, q_hi < bound.a


def exact(x):
    """An mpf (or hex-float string) as an exact Fraction."""
    if isinstance(x, str):
        neg = x.startswith("-")
        x = x.lstrip("+-")
        mant, _, exp = x[2:].partition("p")
        ip, _, fp = mant.partition(".")
        v = Fraction(int(ip + fp, 16), 16 ** len(fp)) * Fraction(2) ** int(exp)
        return -v if neg else v
    sign, man, e, _ = mpf(x)._mpf_
    return (-1) ** sign * Fraction(man) * Fraction(2) ** e


def main():
    if len(sys.argv) != 6:
        sys.stderr.write(__doc__)
        return 2
    K, n, d, seed = (int(a) for a in sys.argv[1:5])
    with open(sys.argv[5]) as f:
        cert = json.load(f)
    W, H = random_dyadic(K, n, d, seed)
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        q_lo, q_hi, wit, proved = certify(W, H, K, n, d)
        times.append(time.perf_counter() - t0)
    secs = sorted(times)[1]
    mq = cert["quantities"]["margin_at_witness"]
    c_lo, c_hi = exact(mq["lo"]), exact(mq["hi"])
    p_lo, p_hi = exact(q_lo), exact(q_hi)
    cw = cert["witnesses"]
    same_witness = wit == (cw["k"], cw["i"], cw["j"])
    equal = p_lo == p_hi == c_lo == c_hi
    overlap = p_lo <= c_hi and c_lo <= p_hi
    if proved and equal and same_witness:
        msg = "PROVED; q_min = nccert's witness margin exactly (%s), same witness" % float(p_lo)
    elif proved and overlap:
        msg = "PROVED; q_min enclosure overlaps nccert's witness margin"
    else:
        msg = "MISMATCH: proved=%s q_min=[%s, %s] witness=%s; nccert [%s, %s] %s" % (
            proved, float(p_lo), float(p_hi), wit, float(c_lo), float(c_hi), cw)
    print("%.6f\t%s" % (secs, msg))
    return 0 if proved and overlap else 1


if __name__ == "__main__":
    sys.exit(main())
