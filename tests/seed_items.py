#!/usr/bin/env python3
"""seed_items.py: the displayed items of the four seed papers, counted by a fixed rule.

The rule (specs/audit/coverage.md explains it; python3 stdlib only):

* A **displayed formula** is, in the markdown seeds (001-004), one `$$ ... $$` block (one or
  several lines; `$$` tokens are paired in order). Its label is the last `\\tag{N}` or trailing
  `(N)` / `\\quad (N)` inside the block, else `L<line>` (the seed line where the block opens).
  In the OCR seed 000 (no markup) it is a line whose last token is an equation number `(N)`
  (N = 0..999, as the OCR left it, so OCR noise such as `(714)` is kept as printed); displays
  whose number the OCR destroyed and unnumbered displays of seed 000 are not counted (a known
  undercount, stated in the coverage report).
* A **statement** is a line that starts (after an optional OCR line number and `*`/`**`) with
  Definition, Lemma, Theorem, Proposition, Corollary, Remark, Assumption, Example or Fact, then an
  identifier (`3.2`, `B.1`, `1`), then `.`, `*`, ` (`, `:` or the end of the line, or a word
  starting with a capital letter (linconv's `Proposition 1 For the matrix ...`). A following
  lowercase word or a comma makes it a reference (`Lemma 1 shows`), not a statement. An
  unnumbered `Remark` counts when followed by `:` or ` that` (linconv, imbrelu); a line
  `(A<n>) Capitalised words:` is an assumption (msecp's (A1), (A2)). A statement
  restated in the appendix is counted again (it is displayed twice).
* `part` is `appendix` from the seed's appendix heading on (APPENDIX_START), else `main`; seed
  000 is ulpm's appendix throughout.

Item key: `<seed number>:<line>:<kind>`. Output (stdout): TSV `paper seed line part kind label`.
    python3 tests/seed_items.py [--seeds DIR]
"""
import os
import re
import sys

PAPERS = {"000": "ulpm", "001": "ulpm", "002": "linconv", "003": "msecp", "004": "imbrelu"}
APPENDIX_START = {"000": r"", "001": None, "002": r"^Appendix$", "003": r"^APPENDIX$",
                  "004": r"^7 Proof of Theorem 1"}
KINDS = "Definition|Lemma|Theorem|Proposition|Corollary|Remark|Assumption|Example|Fact"
RE_STMT = re.compile(r"^\s*(?:\d+\s+)?\**\s*\*?(" + KINDS + r")\s+((?:[A-Z]\.)?\d+(?:\.\d+)*(?!\.?\d)|\([A-Z]\d\))"
                     r"\.?\**(?=$|[.*:]|\s+\(|\s+[A-Z])")
RE_REMARK = re.compile(r"^\s*(?:\d+\s+)?\**\s*Remark(?::|\s+that\b)")
RE_ASSUME = re.compile(r"^\((A[0-9])\)\s+[A-Z][^:]*:")
RE_TAG = re.compile(r"(?:\\tag\{([^}]*)\}|\(([0-9]{1,3}[a-z]?)\))\s*[,.]?\s*$")
RE_AFTER = re.compile(r"[ \t]*\n?[ \t]*\(([0-9]{1,3})\)[ \t]*(?:\n|$)")
RE_OCR_NUM = re.compile(r"\(([0-9]{1,3})\)\s*$")


def seed_files(seeds):
    out = []
    for name in sorted(os.listdir(seeds)):
        m = re.match(r"^(\d{3})_[0-9a-f]+\.txt$", name)
        if m and m.group(1) in PAPERS:
            out.append((m.group(1), os.path.join(seeds, name)))
    return out


def displays_markdown(lines):
    """(line, label) of each $$ block: $$ tokens paired in order over the whole text."""
    text = "\n".join(lines)
    toks = [m.start() for m in re.finditer(r"\$\$", text)]
    items = []
    for a, b in zip(toks[0::2], toks[1::2]):
        m = None
        for m in RE_TAG.finditer(text[a + 2:b]):
            pass
        after = RE_AFTER.match(text, b + 2)  # the number printed just after the block: "$$\n(5)"
        if m:
            label = "(" + (m.group(1) or m.group(2)) + ")"
        elif after:
            label = "(" + after.group(1) + ")"
        else:
            label = "L%d" % (text.count("\n", 0, a) + 1)
        items.append((text.count("\n", 0, a) + 1, label))
    return items


def displays_ocr(lines):
    return [(i, "(%s)" % m.group(1)) for i, line in enumerate(lines, 1) for m in [RE_OCR_NUM.search(line)] if m]


def statements(lines):
    out = []
    for i, line in enumerate(lines, 1):
        m = RE_STMT.match(line)
        if m:
            out.append((i, m.group(1).lower(), "%s %s" % (m.group(1), m.group(2))))
        elif RE_REMARK.match(line):
            out.append((i, "remark", "Remark"))
        elif RE_ASSUME.match(line):
            out.append((i, "assumption", "Assumption (%s)" % RE_ASSUME.match(line).group(1)))
    return out


def items(seeds):
    rows = []
    for num, path in seed_files(seeds):
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        start = APPENDIX_START[num]
        app = None if start is None else 1
        if start:
            app = next((i for i, line in enumerate(lines, 1) if re.match(start, line)), None)
        disp = displays_ocr(lines) if num == "000" else displays_markdown(lines)
        found = [(ln, "formula", label) for ln, label in disp] + statements(lines)
        for ln, kind, label in sorted(found):
            part = "appendix" if app is not None and ln >= app else "main"
            rows.append((PAPERS[num], num, ln, part, kind, label))
    return rows


def main(argv):
    seeds = os.environ.get("NCCERT_SEEDS", "/work/shared/seeds")
    if len(argv) == 3 and argv[1] == "--seeds":
        seeds = argv[2]
    elif len(argv) != 1:
        print(__doc__.strip().split("\n")[-1].strip(), file=sys.stderr)
        return 2
    print("paper\tseed\tline\tpart\tkind\tlabel")
    for r in items(seeds):
        print("\t".join(str(c) for c in r))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
