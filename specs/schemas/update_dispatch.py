#!/usr/bin/env python3
"""update_dispatch.py [--check]: the lists in certificate.schema.json that name every claim and
paper, generated from the declarations (one place): the "claim" enum and the allOf dispatch to
claims/<id>.schema.json list the claims the certifiers declare (DECLARE_CLAIM in
src/claims/<paper>/*.c), in the order of src/claims/papers.def then id; source.paper's enum lists
the papers of papers.def. Rewrites the file in place (`make schemas`), or with --check exits 1
and says what differs (tests/t_lint_claims.sh). Only those three places are touched."""
import glob
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SCHEMA = os.path.join(ROOT, "specs", "schemas", "certificate.schema.json")


def strip_comments(s):
    return re.sub(r'/\*.*?\*/', ' ', s, flags=re.S)


def papers():
    return re.findall(r'(?m)^PAPER\((\w+),', strip_comments(open(os.path.join(ROOT, "src/claims/papers.def")).read()))


def claims(paper_order):
    ids = []
    for path in glob.glob(os.path.join(ROOT, "src/claims/*/*.c")):
        ids += re.findall(r'(?m)^DECLARE_CLAIM\(\s*\w+\s*,\s*\w+\s*,\s*"([^"]*)"', strip_comments(open(path).read()))
    rank = {p: i for i, p in enumerate(paper_order)}
    return sorted(ids, key=lambda i: (rank.get(i.split(".")[0], len(rank)), i))


def render(text, ids, paper_list):
    enum = ", ".join('"%s"' % i for i in ids)
    lines, line = [], ""
    for item in enum.split(", "):
        cand = (line + ", " + item) if line else item
        if len(cand) > 100 and line:
            lines.append(line + ",")
            line = item
        else:
            line = cand
    lines.append(line)
    enum_block = '      "enum": [\n' + "\n".join("        " + l for l in lines) + "\n      ]"
    text, n1 = re.subn(r'(?s)("claim": \{\n      "description": [^\n]*\n)      "enum": \[\n.*?\n      \]',
                       lambda m: m.group(1) + enum_block, text, count=1)
    disp = ",\n".join(
        '    {\n      "if": {"properties": {"claim": {"const": "%s"}}, "required": ["claim"]},\n'
        '      "then": {"$ref": "claims/%s.schema.json"}\n    }' % (i, i) for i in ids)
    text, n2 = re.subn(r'(?s)"allOf": \[\n.*\n  \]\n\}\s*$', lambda m: '"allOf": [\n' + disp + "\n  ]\n}\n", text, count=1)
    text, n3 = re.subn(r'"paper": \{"enum": \[[^\]]*\]\}',
                       lambda m: '"paper": {"enum": [%s]}' % ", ".join('"%s"' % p for p in paper_list), text, count=1)
    if (n1, n2, n3) != (1, 1, 1):
        sys.exit("update_dispatch: %s: the claim enum, the allOf list or source.paper's enum not found" % SCHEMA)
    return text


def main():
    paper_list = papers()
    ids = claims(paper_list)
    old = open(SCHEMA).read()
    new = render(old, ids, paper_list)
    missing = [i for i in ids if not os.path.exists(os.path.join(ROOT, "specs/schemas/claims", i + ".schema.json"))]
    extra = sorted(set(os.path.basename(p)[:-len(".schema.json")] for p in glob.glob(os.path.join(ROOT, "specs/schemas/claims/*.schema.json"))) - set(ids))
    if missing or extra:
        print("update_dispatch: claims without specs/schemas/claims/<id>.schema.json: %s; schema files of no declared claim: %s"
              % (", ".join(missing) or "none", ", ".join(extra) or "none"))
    if "--check" in sys.argv[1:]:
        if new != old:
            print("update_dispatch: specs/schemas/certificate.schema.json does not list the declared claims and papers (run make schemas)")
        sys.exit(1 if new != old or missing or extra else 0)
    if new != old:
        open(SCHEMA, "w").write(new)
    sys.exit(1 if missing or extra else 0)


if __name__ == "__main__":
    main()
