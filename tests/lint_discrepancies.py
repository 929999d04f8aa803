#!/usr/bin/env python3
"""lint_discrepancies.py: every discrepancy the derivations record has an audit row that shows it.

Checks (python3, stdlib only; run by tests/t_discrepancy_lint.sh, which also runs it on broken
scratch copies of the tree):

1. Every proofs/derivations/*.md has exactly one section headed `## Discrepancy list`, whose
   lines (up to the next `#` heading) are blank or one entry each:
     - D<n>: <one line> -> audit: <formula>[, <formula>...]   a discrepancy shown by audit rows
     - N<n>: <one line> -> no row: <reason>                    recorded, not a row (reason given:
                                                                a misprint read through, a remark
                                                                on the proof, ...)
     - none: <reason>                                          (alone) nothing to record
   Ids are unique within a file.
2. Each formula of a D entry exists in specs/audit/<paper>.tsv, its expected verdict
   (specs/audit/expected.tsv) is DISAGREES, NEEDS-HYPOTHESIS or UNREADABLE (whose reading's
   verdict the audit reports), and the note of its first line points back: it contains
   `<derivation file name>#D<n>`.
3. Every such pointer `<name>.md#D<n>` in an audit note names an existing D entry that lists
   that formula.
4. Every formula whose expected verdict is DISAGREES, NEEDS-HYPOTHESIS or UNREADABLE is listed
   by some D entry (no finding without its derivation paragraph).

Output: one line per check, `ok<TAB>description` or `not ok<TAB>description`; exit 1 if any
failed.
    python3 tests/lint_discrepancies.py [--root DIR]
"""
import glob
import os
import re
import sys

SHOWN = ("DISAGREES", "NEEDS-HYPOTHESIS", "UNREADABLE")
HEAD = "## Discrepancy list"
RE_D = re.compile(r"^- (D[0-9]+): (\S.*?) -> audit: ([A-Za-z0-9.\-]+(?:, [A-Za-z0-9.\-]+)*)$")
RE_N = re.compile(r"^- (N[0-9]+): (\S.*?) -> no row: (\S.*)$")
RE_NONE = re.compile(r"^- none: (\S.*)$")
RE_PTR = re.compile(r"([A-Za-z0-9.\-]+\.md)#(D[0-9]+)\b")

results = []


def report(good, desc):
    results.append(("ok" if good else "not ok", desc))


def read_tsv(path):
    """The rows of a TSV with a header line (`#` lines and empty lines skipped), as dicts."""
    header, rows = None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
            else:
                rows.append(dict(zip(header, cells)))
    return rows


def read_rows(root):
    """formula -> note of its first line (specs/audit/<paper>.tsv)."""
    notes = {}
    for path in sorted(glob.glob(os.path.join(root, "specs", "audit", "*.tsv"))):
        if os.path.basename(path) == "expected.tsv":
            continue
        for row in read_tsv(path):
            formula = row.get("formula", "")
            if formula and formula not in notes:
                notes[formula] = row.get("note", "")
    return notes


def read_verdicts(root):
    """formula -> expected verdict (specs/audit/expected.tsv)."""
    return {r["formula"]: r["verdict"] for r in read_tsv(os.path.join(root, "specs", "audit", "expected.tsv"))}


def read_list(path):
    """(entries, errors): entries are (id, kind, formulas)."""
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    starts = [i for i, l in enumerate(lines) if l.strip() == HEAD]
    if len(starts) != 1:
        return None, ["%s: %d '%s' sections (exactly one wanted)" % (name, len(starts), HEAD)]
    entries, errors = [], []
    for i in range(starts[0] + 1, len(lines)):
        l = lines[i]
        if l.startswith("#"):
            break
        if not l.startswith("- "):
            continue  # blank or prose: only list items are entries
        m = RE_D.match(l)
        if m:
            entries.append((m.group(1), "D", m.group(3).split(", ")))
            continue
        m = RE_N.match(l)
        if m:
            entries.append((m.group(1), "N", []))
            continue
        if RE_NONE.match(l):
            entries.append(("none", "none", []))
            continue
        errors.append("%s:%d: not an entry of the discrepancy list: %s" % (name, i + 1, l[:100]))
    ids = [e[0] for e in entries]
    for d in sorted(set(x for x in ids if ids.count(x) > 1)):
        errors.append("%s: entry id %s twice" % (name, d))
    if "none" in ids and len(ids) > 1:
        errors.append("%s: '- none' must be the only entry" % name)
    if not entries:
        errors.append("%s: empty discrepancy list (write '- none: <reason>')" % name)
    return entries, errors


def main(argv):
    root = "."
    if len(argv) == 3 and argv[1] == "--root":
        root = argv[2]
    elif len(argv) != 1:
        sys.stderr.write("usage: lint_discrepancies.py [--root DIR]\n")
        return 2
    notes = read_rows(root)
    verdicts = read_verdicts(root)
    listed = {}  # formula -> [(file, id)]
    d_entries = {}  # (file, id) -> formulas
    for path in sorted(glob.glob(os.path.join(root, "proofs", "derivations", "*.md"))):
        name = os.path.basename(path)
        entries, errors = read_list(path)
        report(not errors, "%s: discrepancy list well formed%s" % (name, "" if not errors else ": " + "; ".join(errors)))
        for ident, kind, formulas in entries or []:
            if kind != "D":
                continue
            d_entries[(name, ident)] = formulas
            for fo in formulas:
                listed.setdefault(fo, []).append((name, ident))
                if fo not in notes:
                    report(False, "%s %s: audit row %s does not exist" % (name, ident, fo))
                    continue
                v = verdicts.get(fo, "(none)")
                report(v in SHOWN, "%s %s: %s has verdict %s (DISAGREES, NEEDS-HYPOTHESIS or UNREADABLE wanted)"
                       % (name, ident, fo, v))
                ptr = "%s#%s" % (name, ident)
                report(ptr in notes[fo], "%s %s: the note of %s points back (%s)" % (name, ident, fo, ptr))
    for fo in sorted(notes):
        for m in RE_PTR.finditer(notes[fo]):
            key = (m.group(1), m.group(2))
            good = key in d_entries and fo in d_entries[key]
            report(good, "%s: pointer %s#%s names a D entry listing this row" % (fo, key[0], key[1]))
    for fo in sorted(f for f, v in verdicts.items() if v in SHOWN):
        report(fo in listed, "%s (%s) is listed by a derivation's discrepancy list" % (fo, verdicts[fo]))
    for st, desc in results:
        print("%s\t%s" % (st, desc))
    return 1 if any(st != "ok" for st, _ in results) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
