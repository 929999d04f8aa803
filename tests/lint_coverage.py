#!/usr/bin/env python3
"""lint_coverage.py: specs/audit/coverage.tsv maps every displayed item of the seeds to audit rows.

Checks (python3, stdlib only; run by tests/t_coverage_lint.sh, also on broken scratch copies):

1. The file has the header `paper seed line part kind label rows`, seven cells a line, a known
   paper, part main|appendix, a kind tests/seed_items.py emits, and no item (seed, line, kind)
   twice.
2. `rows` is `missing` or formula ids separated by commas, each an existing formula of
   specs/audit/<paper>.tsv of the item's paper (no id that does not exist).
3. When the seeds are at hand (--seeds DIR, else $NCCERT_SEEDS, else /work/shared/seeds), the
   items are exactly the ones tests/seed_items.py counts, in its order (the count is the script's,
   not a hand count); without the seeds this check is skipped (a fresh clone has no seeds).
4. One ok line per paper with its coverage `mapped/items` (informational, like nccert audit).

Output: `ok|not ok|skip<TAB>description` lines; exit 1 if any failed.
    python3 tests/lint_coverage.py [--root DIR] [--seeds DIR]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import seed_items  # noqa: E402
from lint_discrepancies import read_tsv  # noqa: E402

HEADER = ["paper", "seed", "line", "part", "kind", "label", "rows"]
KINDS = {"formula", "definition", "lemma", "theorem", "proposition", "corollary", "remark",
         "assumption", "example", "fact"}
results = []


def report(status, desc):
    results.append((status, desc))


def audit_formulas(root, paper):
    path = os.path.join(root, "specs", "audit", paper + ".tsv")
    return {r.get("formula") for r in read_tsv(path)} if os.path.exists(path) else set()


def read_coverage(path):
    """(header, [(item number, cells)], malformed lines): the cells of each data line in order."""
    header, items, bad = None, [], []
    with open(path, encoding="utf-8") as f:
        lines = [x.rstrip("\n") for x in f if x.strip() and not x.startswith("#")]
    for k, line in enumerate(lines):
        cells = line.split("\t")
        if k == 0:
            header = cells
        elif len(cells) != len(HEADER):
            bad.append("item %d: %d cells" % (k, len(cells)))
        else:
            items.append((k, cells))
    return header, items, bad


def main(argv):
    root, seeds = ".", os.environ.get("NCCERT_SEEDS", "/work/shared/seeds")
    args = argv[1:]
    while args:
        if args[0] == "--root" and len(args) > 1:
            root, args = args[1], args[2:]
        elif args[0] == "--seeds" and len(args) > 1:
            seeds, args = args[1], args[2:]
        else:
            print("usage: lint_coverage.py [--root DIR] [--seeds DIR]", file=sys.stderr)
            return 2
    path = os.path.join(root, "specs", "audit", "coverage.tsv")
    header, items, bad = read_coverage(path)
    report("ok" if header == HEADER else "not ok", "coverage.tsv header is %s" % " ".join(HEADER))
    papers = sorted(set(seed_items.PAPERS.values()))
    keys, fmt = set(), list(bad)
    for ln, c in items:
        key = (c[1], c[2], c[4])
        if c[0] not in papers or c[3] not in ("main", "appendix") or c[4] not in KINDS or key in keys:
            fmt.append("item %d: %s" % (ln, " ".join(c[:6])))
        keys.add(key)
    report("ok" if not fmt else "not ok", "coverage.tsv lines well formed, no item twice%s" %
           ("" if not fmt else ": " + "; ".join(fmt[:5])))
    known = {p: audit_formulas(root, p) for p in papers}
    dangling = []
    for ln, c in items:
        if c[6] == "missing":
            continue
        for fid in c[6].split(","):
            if fid not in known.get(c[0], ()):
                dangling.append("item %d: %s" % (ln, fid))
    report("ok" if not dangling else "not ok", "every row id of coverage.tsv is an audit formula of its paper%s" %
           ("" if not dangling else ": " + "; ".join(dangling[:5])))
    if os.path.isdir(seeds):
        want = [tuple(str(x) for x in r) for r in seed_items.items(seeds)]
        have = [tuple(c[:6]) for _, c in items]
        diff = [("seed_items", w) for w in want if w not in set(have)] + \
               [("coverage.tsv", h) for h in have if h not in set(want)]
        same = not diff and want == have
        report("ok" if same else "not ok", "coverage.tsv items are the ones tests/seed_items.py counts in %s%s" %
               (seeds, "" if same else ": only in " + "; ".join("%s %s" % (w, " ".join(i)) for w, i in diff[:4])
                or ": order differs"))
    else:
        report("skip", "seeds not found (%s): item count not re-derived" % seeds)
    for p in papers:
        mine = [c for _, c in items if c[0] == p]
        report("ok", "%s: %d/%d displayed items covered by audit rows" %
               (p, sum(c[6] != "missing" for c in mine), len(mine)))
    for st, desc in results:
        print("%s\t%s" % (st, desc))
    return 1 if any(st == "not ok" for st, _ in results) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
