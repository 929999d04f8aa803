#!/usr/bin/env python3
"""Builds the nccheck end-to-end test certificates in this directory, and expected.txt
(file -> expected nccheck exit code).

Every value here is computed independently of nccheck, from the definitions in
specs/certificate.md and specs/generators.md, with Python's exact Fractions; values in
Q(sqrt(n)) are pairs (a, b) meaning a + b*sqrt(n). Enclosures are rigorous by construction
(integer square roots, see enc()). The small cases are also worked out by hand in comments.
Run: python3 tests/check_data/make_certs.py  (rewrites the files; deterministic)."""
import copy, json, math, os
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))
MASK = (1 << 64) - 1
GAMMA = 0x9e3779b97f4a7c15

def splitmix(seed):
    s = seed
    while True:
        s = (s + GAMMA) & MASK
        z = s
        z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & MASK
        z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & MASK
        yield z ^ (z >> 31)

def rd_ints(K, n, d, seed):
    """random-dyadic/1 numerators u - 2^19 (over 2^19): W (K x d), H (d x nK)."""
    g = splitmix(seed)
    W = [[(next(g) >> 44) - (1 << 19) for _ in range(d)] for _ in range(K)]
    H = [[(next(g) >> 44) - (1 << 19) for _ in range(n * K)] for _ in range(d)]
    return W, H

# ---- Q(sqrt m) helpers: x = (a, b) ----
def qadd(x, y): return (x[0] + y[0], x[1] + y[1])
def qsub(x, y): return (x[0] - y[0], x[1] - y[1])
def qmul(x, y, m): return (x[0] * y[0] + x[1] * y[1] * m, x[0] * y[1] + x[1] * y[0])

def qsign(x, m):  # exact sign of a + b sqrt(m)
    a, b = x
    sa, sb = (a > 0) - (a < 0), (b > 0) - (b < 0)
    if sb == 0 or sa == sb: return sa if sb == 0 else sb
    if sa == 0: return sb
    return sa if a * a > b * b * m else sb if a * a < b * b * m else 0

def floor_sqrt_frac(t):  # floor(sqrt(t)) for a Fraction t >= 0
    return math.isqrt(t.numerator // t.denominator)

def enc(x, m, P=200):
    """hex-float lo, hi with lo <= a + b sqrt(m) <= hi, and a decimal rendering containing them."""
    a, b = x
    if b == 0 or math.isqrt(m) ** 2 == m:
        v = a + b * math.isqrt(m)
        if v.denominator & (v.denominator - 1) == 0:  # dyadic: exact endpoints
            N, e = v.numerator, v.denominator.bit_length() - 1
            return hexf(N, -e), hexf(N, -e), exact_dec(v)
    # x 2^P = a 2^P + b sqrt(m) 2^P; each floor below is off by < 1, so x 2^P in [N-2, N+2]
    N = math.floor(a * 2 ** P)
    r = floor_sqrt_frac(b * b * m * 4 ** P)
    N += r if b > 0 else -r
    lo, hi = F(N - 2, 2 ** P), F(N + 2, 2 ** P)
    mid = F(round((lo + hi) / 2 * 10 ** 30), 10 ** 30)
    rad = F(1, 10 ** 28)
    assert mid - rad <= lo and hi <= mid + rad
    return hexf(N - 2, -P), hexf(N + 2, -P), "[%s +/- 1e-28]" % exact_dec(mid)

def hexf(N, e):  # N * 2^e as -?0x<hex>p<e>
    return ("-" if N < 0 else "") + "0x%xp%+d" % (abs(N), e)

def exact_dec(v):  # a Fraction with terminating decimal expansion
    s = "-" if v < 0 else ""
    v = abs(v)
    k = 0
    while (v * 10 ** k).denominator != 1:
        k += 1
    digits = str((v * 10 ** k).numerator).rjust(k + 1, "0")
    return s + (digits[:-k] + "." + digits[-k:] if k else digits)

def frac_str(v):
    return str(v.numerator) if v.denominator == 1 else "%d/%d" % (v.numerator, v.denominator)

# ---- the exact quantities of ulpm.lemma-3.1, from (W, H) with entries in Q(sqrt n) ----
def quantities(K, n, d, W, H, k, i, j):
    m = n
    c = k * n + i
    dot = lambda r, col: sum_q(qmul(W[r][l], H[l][col], m) for l in range(d))
    s = qsub(dot(k, c), dot(j, c))
    nw = sum_q(qmul(x, x, m) for row in W for x in row)
    nh = sum_q(qmul(x, x, m) for row in H for x in row)
    A = qadd(nw, nh)
    # bound = A / (2 (K-1) sqrt n) = A sqrt(n) / (2 (K-1) n); A sqrt(n) = (b n, a)
    f = F(1, 2 * (K - 1) * n)
    bound = (A[1] * n * f, A[0] * f)
    return {"margin_at_witness": s, "norm_W_sq": nw, "norm_H_sq": nh, "bound": bound,
            "slack": qsub(bound, s)}

def sum_q(it):
    acc = (F(0), F(0))
    for x in it:
        acc = qadd(acc, x)
    return acc

def cert(instance, K, n, d, W, H, wit, assertion, verdict, exact=False):
    qs = quantities(K, n, d, W, H, *wit)
    quant = {}
    for name, x in qs.items():
        lo, hi, dec = enc(x, n)
        quant[name] = {"lo": lo, "hi": hi, "decimal": dec}
        if exact:
            quant[name]["exact"] = ({"a": frac_str(x[0])} if x[1] == 0 else
                                    {"a": frac_str(x[0]), "b": frac_str(x[1]), "m": n})
    return {"format": "nccert-certificate/1", "claim": "ulpm.lemma-3.1",
            "source": {"paper": "ulpm", "seed_files": ["001.md", "000.md"], "label": "Lemma 3.1",
                       "statement": "q_min(W,H) <= (||W||_F^2+||H||_F^2)/(2(K-1)sqrt(n)), "
                                    "equality iff NC"},
            "instance": instance,
            "method": {"tier": 2, "precision_bits": 0, "libraries": {"python": "fractions"},
                       "producer": "make_certs.py"},
            "assertion": assertion, "witnesses": dict(zip("kij", wit)), "quantities": quant,
            "verdict": verdict}

def explicit(K, n, d, Wtxt, Htxt):
    return {"kind": "explicit", "K": K, "n": n, "d": d, "W": Wtxt, "H": Htxt}

def lift(Mtxt):  # entry strings -> Q(sqrt n) elements (b = 0)
    return [[(F(x), F(0)) for x in row] for row in Mtxt]

def nc_point(K, n, d):
    W = [[F(int(l == k)) - F(1, K) if l < K else F(0) for l in range(d)] for k in range(K)]
    H = [[(F(0), W[c // n][l] / n) for c in range(n * K)] for l in range(d)]
    return [[(x, F(0)) for x in row] for row in W], H

def main():
    out = {}  # file -> (certificate dict or raw text, expected exit code)

    # A. K=2, n=1, d=1, W = [1; -1], H = [1, -1]: NC (w0 + w1 = 0, h_k = w_k, equal norms).
    # s_{0,0,1} = 1*1 - (-1)*1 = 2, s_{1,0,0} = (-1)(-1) - 1*(-1) = 2; ||W||^2 = ||H||^2 = 2,
    # bound = 4 / (2*1*1) = 2 = q_min: assertion "q_min = bound", verdict PROVED.
    Wt, Ht = [["1"], ["-1"]], [["1", "-1"]]
    A = cert(explicit(2, 1, 1, Wt, Ht), 2, 1, 1, lift(Wt), lift(Ht), (0, 0, 1),
             "q_min = bound", "PROVED", exact=True)
    assert A["quantities"]["bound"]["lo"] == "0x2p+0" and A["quantities"]["slack"]["lo"] == "0x0p+0"
    A["quantities"]["bound"].update(lo="0x1p+1", hi="0x1.0p+1")  # the same 2, written by hand
    out["k2_nc_equal.json"] = (A, 0)

    # B. K=2, n=1, d=1, W = [2; 0], H = [1, 0]: s_{1,0,0} = 0*0 - 2*0 = 0, s_{0,0,1} = 2;
    # ||W||^2 = 4, ||H||^2 = 1, bound = 5/2 > 0: "q_min < bound"; sum_k w_k = 2: not NC: PROVED.
    Wt, Ht = [["2"], ["0"]], [["1", "0.0"]]
    B = cert(explicit(2, 1, 1, Wt, Ht), 2, 1, 1, lift(Wt), lift(Ht), (1, 0, 0),
             "q_min < bound", "PROVED")
    assert B["quantities"]["bound"]["decimal"] == "2.5"
    out["k2_strict.json"] = (B, 0)

    # C. nc/1, K=3, n=2, d=3: ||w_k||^2 = 2/3, w_k.w_j = -1/3, ||W||^2 = 2, ||H||^2 = 2,
    # bound = 4/(2*2*sqrt 2) = sqrt(2)/2; s = (2/3 + 1/3)/sqrt(2) = sqrt(2)/2: equality, PROVED.
    W, H = nc_point(3, 2, 3)
    C = cert({"kind": "nc/1", "K": 3, "n": 2, "d": 3}, 3, 2, 3, W, H, (2, 1, 0),
             "q_min = bound", "PROVED", exact=True)
    assert C["quantities"]["bound"]["exact"] == {"a": "0", "b": "1/2", "m": 2}
    out["nc_k3_n2.json"] = (C, 0)
    # the same with the spec's example enclosure of 1/sqrt(2) (checked: it does contain it)
    C2 = copy.deepcopy(C)
    for q in ("bound", "margin_at_witness"):
        C2["quantities"][q] = {
            "lo": "0x1.6a09e667f3bcc908b2fb1366ea957d3e3adec175p-1",
            "hi": "0x1.6a09e667f3bcc908b2fb1366ea957d3e3adec176p-1",
            "decimal": "[0.70710678118654752 +/- 4.45e-18]", "exact": {"a": "0", "b": "1/2", "m": 2}}
        lo = F(int("16a09e667f3bcc908b2fb1366ea957d3e3adec175", 16), 2 ** 161)
        assert lo * lo < F(1, 2) < (lo + F(1, 2 ** 161)) ** 2
    C2["quantities"]["bound"]["exact"] = {"a": "0", "b": "1/4", "m": 8}  # sqrt(8)/4 = sqrt(2)/2
    out["nc_k3_n2_spec_enclosure.json"] = (C2, 0)

    # D. nc/1, K=3, n=4, d=3: sqrt(4) = 2 is rational. ||W||^2 = ||H||^2 = 2, bound = 4/(2*2*2)
    # = 1/2, s = (2/3 + 1/3)/2 = 1/2: equality, PROVED; exact written as the rational 1/2.
    W, H = nc_point(3, 4, 3)
    D = cert({"kind": "nc/1", "K": 3, "n": 4, "d": 3}, 3, 4, 3, W, H, (0, 3, 2),
             "q_min = bound", "PROVED")
    assert D["quantities"]["bound"]["decimal"] == "0.5"
    D["quantities"]["bound"]["exact"] = {"a": "1/2"}
    out["nc_k3_n4.json"] = (D, 0)

    # E. random-dyadic/1 K=3 n=2 d=4 seed 42: the witness is the exact minimiser; a random
    # point is not NC (sum_k w_k != 0), so q_min < bound is PROVED.
    K, n, d, seed = 3, 2, 4, 42
    Wi, Hi = rd_ints(K, n, d, seed)
    W = [[(F(x, 2 ** 19), F(0)) for x in row] for row in Wi]
    H = [[(F(x, 2 ** 19), F(0)) for x in row] for row in Hi]
    s = {(k, i, j): quantities(K, n, d, W, H, k, i, j)["margin_at_witness"][0]
         for k in range(K) for i in range(n) for j in range(K) if j != k}
    wit = min(s, key=s.get)
    inst = {"kind": "random-dyadic/1", "K": K, "n": n, "d": d, "seed": str(seed)}
    out["rd_small.json"] = (cert(inst, K, n, d, W, H, wit, "q_min < bound", "PROVED"), 0)

    # F. nc-perturbed/1 K=3 n=2 d=3 seed 7 eps 2^-20: not NC (perturbed), "<" PROVED.
    K, n, d, seed, e = 3, 2, 3, 7, -20
    Wi, Hi = rd_ints(K, n, d, seed)
    Wn, Hn = nc_point(K, n, d)
    eps = F(2) ** e
    W = [[(Wn[k][l][0] + eps * F(Wi[k][l], 2 ** 19), F(0)) for l in range(d)] for k in range(K)]
    H = [[(eps * F(Hi[l][c], 2 ** 19), Hn[l][c][1]) for c in range(n * K)] for l in range(d)]
    inst = {"kind": "nc-perturbed/1", "K": K, "n": n, "d": d, "seed": str(seed), "eps_log2": e}
    marg = {(k, i, j): quantities(K, n, d, W, H, k, i, j) for k in range(K) for i in range(n)
            for j in range(K) if j != k}
    key = lambda w: float(marg[w]["margin_at_witness"][0]) + float(marg[w]["margin_at_witness"][1]) * 2 ** .5
    wit = min(marg, key=key)  # the float choice only picks the witness; the sign is exact:
    assert qsign(marg[wit]["slack"], n) > 0
    F1 = cert(inst, K, n, d, W, H, wit, "q_min < bound", "PROVED", exact=True)
    out["ncp_small.json"] = (F1, 0)
    # a witness with s > bound that is not a minimiser: "q_min > bound" not established (exit 1)
    big = next(w for w in sorted(marg) if qsign(marg[w]["slack"], n) < 0)
    out["bad_ncp_not_minimiser.json"] = (cert(inst, K, n, d, W, H, big, "q_min > bound", "REFUTED"), 1)

    # G. large random-dyadic/1 K=100 n=100 d=256 seed 1 (performance): the witness (0,0,1) need
    # not be a minimiser for "<"; s is at most ~|w_0 - w_1| |h| << bound.
    K, n, d, seed = 100, 100, 256, 1
    Wi, Hi = rd_ints(K, n, d, seed)
    sW = sum(x * x for row in Wi for x in row)
    sH = sum(x * x for row in Hi for x in row)
    sm = sum((Wi[0][l] - Wi[1][l]) * Hi[l][0] for l in range(d))
    nw, nh, sv = F(sW, 2 ** 38), F(sH, 2 ** 38), F(sm, 2 ** 38)
    f = F(1, 2 * (K - 1) * n)
    bound = ((nw + nh) * n * f * 0, (nw + nh) * f)  # A rational: bound = A f sqrt(n) -> (0, A f)
    vals = {"margin_at_witness": (sv, F(0)), "norm_W_sq": (nw, F(0)), "norm_H_sq": (nh, F(0)),
            "bound": bound, "slack": qsub(bound, (sv, F(0)))}
    G = cert({"kind": "random-dyadic/1", "K": 2, "n": 1, "d": 1, "seed": "0"}, 2, 1, 1,
             [[(F(0), F(0))], [(F(0), F(0))]], [[(F(0), F(0))] * 2], (0, 0, 1), "none", "INCONCLUSIVE")
    G["instance"] = {"kind": "random-dyadic/1", "K": K, "n": n, "d": d, "seed": str(seed)}
    G["assertion"], G["verdict"] = "q_min < bound", "PROVED"
    for name, x in vals.items():
        lo, hi, dec = enc(x, n)
        G["quantities"][name] = {"lo": lo, "hi": hi, "decimal": dec}
    out["rd_large.json"] = (G, 0)

    # H. large nc/1 K=100 n=50 d=128 (performance of the all-margins check): by hand,
    # ||w_k||^2 = (K-1)/K, w_k.w_j = -1/K, ||W||^2 = ||H||^2 = K-1 = 99, bound = 2*99/(2*99*sqrt 50)
    # = 1/sqrt(50) = sqrt(50)/50, every margin = (||w_k||^2 - w_k.w_j)/sqrt(50) = 1/sqrt(50).
    K, n, d = 100, 50, 128
    Hc = copy.deepcopy(C)
    Hc["instance"] = {"kind": "nc/1", "K": K, "n": n, "d": d}
    Hc["witnesses"] = {"k": 99, "i": 49, "j": 98}
    r = (F(0), F(1, 50))
    for name, x in {"margin_at_witness": r, "norm_W_sq": (F(99), F(0)), "norm_H_sq": (F(99), F(0)),
                    "bound": r, "slack": (F(0), F(0))}.items():
        lo, hi, dec = enc(x, n)
        Hc["quantities"][name] = {"lo": lo, "hi": hi, "decimal": dec}
    out["nc_large.json"] = (Hc, 0)
    Hbad = copy.deepcopy(Hc)
    Hbad["assertion"], Hbad["verdict"] = "q_min < bound", "REFUTED"  # s = bound: not "<"
    out["bad_nc_large_strict.json"] = (Hbad, 1)

    # I. K=2 n=1 d=1, W = [1; -1], H = [2, 0]: s_{0,0,1} = (1+1)*2 = 4 > bound = (2+4)/2 = 3, but
    # s_{1,0,0} = (-1-1)*0 = 0 is smaller: (0,0,1) is not a minimiser, "q_min > bound" fails.
    Wt, Ht = [["1"], ["-1"]], [["2", "0"]]
    out["bad_not_minimiser.json"] = (cert(explicit(2, 1, 1, Wt, Ht), 2, 1, 1, lift(Wt), lift(Ht),
                                          (0, 0, 1), "q_min > bound", "REFUTED"), 1)

    # ---- tampered variants of A / C (expected codes from the spec's exit-code table) ----
    def mut(base, fn, code, name):
        c = copy.deepcopy(base)
        fn(c)
        out[name] = (c, code)
    mut(A, lambda c: c["witnesses"].update(j=0), 2, "bad_witness_j_eq_k.json")
    mut(A, lambda c: c["witnesses"].update(k=2), 2, "bad_witness_range.json")
    mut(B, lambda c: c["witnesses"].update(k=0, j=1), 1, "bad_witness_changed.json")  # s=2, stated 0
    mut(A, lambda c: c["quantities"]["norm_W_sq"].update(lo="0x1.0000000000001p+1", hi="0x1.8p+1",
                                                         decimal="[2.5 +/- 0.5]"), 1, "bad_enclosure.json")
    mut(A, lambda c: c["quantities"]["bound"].update(decimal="2.1"), 1, "bad_decimal.json")
    mut(A, lambda c: c["quantities"]["bound"].update(exact={"a": "3"}), 1, "bad_exact.json")
    mut(A, lambda c: c.update(verdict="REFUTED"), 1, "bad_verdict.json")
    mut(B, lambda c: c.update(assertion="q_min = bound", verdict="REFUTED"), 1, "bad_assertion.json")
    mut(A, lambda c: c.update(assertion="none", verdict="INCONCLUSIVE"), 1, "inconclusive.json")
    mut(A, lambda c: c.update(format="nccert-certificate/2"), 2, "bad_format.json")
    mut(A, lambda c: c.update(extra=1), 2, "bad_extra_key.json")
    mut(A, lambda c: c.pop("method"), 2, "bad_missing_key.json")
    mut(A, lambda c: c["instance"].update(K=2000000000), 2, "bad_huge_K.json")
    mut(C, lambda c: c["instance"].update(K=100000, n=100000, d=100000), 2, "bad_huge_gen.json")
    mut(A, lambda c: c["quantities"]["bound"].update(lo="0x1p999999999"), 2, "bad_hex_exponent.json")
    mut(A, lambda c: c["instance"]["W"][0].__setitem__(0, "1e3"), 2, "bad_entry.json")
    mut(A, lambda c: c["instance"]["W"][0].__setitem__(0, "1/0"), 2, "bad_zero_den.json")
    mut(A, lambda c: c["instance"].update(K="2"), 2, "bad_type.json")
    mut(A, lambda c: c.update(verdict="MAYBE"), 2, "bad_verdict_word.json")
    mut(C, lambda c: c["instance"].update(d=2), 2, "bad_nc_d_lt_K.json")
    # verdicts that do not follow at a non-NC point with equality / strict inequality
    mut(B, lambda c: c.update(verdict="REFUTED"), 1, "bad_verdict_strict.json")
    # C with a non-minimising witness would still have s = bound (all margins equal at NC); use
    # D with its margin tampered one digit instead:
    mut(D, lambda c: c["quantities"]["margin_at_witness"].update(lo="0x1.1p-1", hi="0x1.1p-1",
                                                                 decimal="0.53125"), 1, "bad_margin_digit.json")

    text = {}
    for name, (obj, code) in out.items():
        text[name] = (json.dumps(obj, indent=2) + "\n", code)
    t = text["k2_nc_equal.json"][0]
    text["bad_truncated.json"] = (t[: len(t) // 2], 2)
    text["bad_duplicate_key.json"] = (t.replace('"verdict": "PROVED"', '"verdict": "PROVED", "verdict": "PROVED"'), 2)
    text["bad_deep.json"] = (t.replace('"extra_never"', "") [:-2] + ', "x": ' + "[" * 5000 + "]" * 5000 + "}\n", 2)
    text["bad_not_json.json"] = ("this is not JSON\n", 2)
    with open(os.path.join(HERE, "expected.txt"), "w") as f:
        for name in sorted(text):
            with open(os.path.join(HERE, name), "w") as g:
                g.write(text[name][0])
            f.write("%s %d\n" % (name, text[name][1]))

main()
