#!/usr/bin/env python3
"""lint_claims.py: every claim has all its parts, and its specification names its vocabulary.
Run by tests/t_lint_claims.sh (which turns the lines below into TAP and self-tests this script on
broken scratch copies of the tree); python3, stdlib only.

    python3 tests/lint_claims.py [--root DIR]

Prints one line per check, tab-separated: `ok<TAB>DESC`, `not ok<TAB>DESC` (DESC names the claim
and what is missing) or `skip<TAB>REASON`; exit status 1 iff some line is `not ok`.

The claims are those declared by the certifiers (DECLARE_CLAIM(paper, stem, id, label, summary)
in src/claims/<paper>/*.c) and by the checkers (CK_DECLARE_CLAIM(paper, stem, id) in
src/check/<paper>/*.c), the lists the build collects; the papers those of
src/claims/papers.def (PAPER(key, params_kind)). For every claim ID = <paper>.<label>:
  - both lists name ID (the same set of ids on both sides), its paper is in papers.def and ID
    starts with "<paper>.";
  - the certifier <paper>_<stem>_certify is defined in src/claims/<paper>/*.c and the checker
    ck_claim_<paper>_<stem> in src/check/<paper>/*.c;
  - specs/claims/ID.md exists (the certificate format of the claim);
  - proofs/derivations/<paper>-<label>.md exists (the derivation);
  - specs/registry/ID.tsv exists, its first line that is not a '#' comment is the header
    `name<TAB>expected<TAB>instance`, it has at least one instance line, every instance line has
    the header's three fields (non-empty, names unique) and a committed certificate
    certificates/ID/<name>.json. While specs/registry/ does not exist at all this is one
    `skip` line for all claims;
  - a test tests/t_* names ID (the exact string);
  - certificates/ID/ holds at least one certificate (*.json), and each committed certificate of
    the claim (certificates/ID/*.json and certificates/audit/ID/*.json) says "claim": ID;
  - vocabulary: every "assertion" string and every key of "quantities" of those certificates,
    and every assertion string the checker lists (below), appear in specs/claims/ID.md (or, while
    the claim has no such file, in its section "## Claim `ID`" of specs/certificate.md):
      an assertion A: the text "A" (in double quotes) after collapsing white space and
        unescaping `\\|`, or a quoted string of the spec with <placeholders> that matches A
        (`"<identity>: identity holds"` documents "eq7: identity holds"); a checker assertion
        built with printf (`"%s: identity holds"`) is documented by such a placeholder string;
      an assertion in a code span (`A`) counts as quoted;
      a quantity name Q: a token of a code span (`...`) or code block of the spec equal to Q, or
        a markdown table cell listing it (`| stat_W, stat_H |`), or, for a name no prose word
        looks like (with a '_' or a digit: obs2_gap, e0), Q as a whole word anywhere; for an
        indexed name (`M[3]`, `cor2.w_ratio[0,1]`) the family `M[k]` or its bare name `M` is
        enough; <placeholders> in code tokens match one name part.
    A certificate assertion the checker does not list is also reported (the extraction below
    missed a form, or the checker cannot accept the certificate).

The checker's assertion strings, from the C sources of src/check/<paper>/ (comments removed,
adjacent literals joined, #defines expanded): the strings an expression compared with the
certificate's assertion can take (strcmp(as, X), strcmp(X, as), the lists passed to
ck_assertion_index and ck_check_decision), following variables, #defines, functions' return
values, snprintf formats and struct fields through the initializers of the tables of that
struct type, and the initializers of arrays and pointers named AS, ASSERTIONS, *_AS, AS_*,
*ASSERT*. A file src/check/<paper>/check_<paper>_<rest>.[ch] belongs to the claim whose stem
is the longest prefix of <rest> (`_`-separated); a file of no claim (shared: linconv_errbound)
belongs to every claim whose files include its header, and its assertions must be in the spec
of at least one of them.
"""
import argparse
import glob
import json
import os
import re
import sys

RESULTS = []


def emit(status, desc):
    RESULTS.append((status, desc))


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


# ---------------------------------------------------------------- C sources (small tokenizer)

_LEX = re.compile(r'''
    (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<str>"(?:[^"\\\n]|\\.)*")
  | (?P<chr>'(?:[^'\\\n]|\\.)*')
  | (?P<nl>\n)
  | (?P<ws>[ \t\r\f\v]+|\\\n)
  | (?P<id>[A-Za-z_]\w*)
  | (?P<num>\.?\d(?:[eEpP][+-]|[\w.])*)
  | (?P<op>->|==|!=|<=|>=|&&|\|\||\+\+|--|<<=|>>=|<<|>>|[-+*/%&|^]=|.)
''', re.S | re.X)

_ESC = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'", "0": "\0", "r": "\r"}


def c_unescape(s):
    return re.sub(r'\\(.)', lambda m: _ESC.get(m.group(1), m.group(1)), s[1:-1])


class CFile:
    """Tokens of one C file (preprocessor lines apart: #define NAME value, #include "...")."""

    def __init__(self, path):
        self.path = path
        self.macros = {}     # name -> tokens
        self.includes = []   # "..." includes
        toks, line, at_bol = [], [], True
        for m in _LEX.finditer(read(path)):
            kind, text = m.lastgroup, m.group()
            if kind == "comment":
                if "\n" in text:  # a block comment over lines ends a directive, like a newline
                    if line:
                        self._directive(line)
                        line = []
                    at_bol = True
                continue
            if kind == "nl":
                if line:
                    self._directive(line)
                    line = []
                at_bol = True
                continue
            if kind == "ws":
                continue
            tok = (kind, text)
            if line or (at_bol and tok == ("op", "#")):
                line.append(tok)
            else:
                toks.append(tok)
            at_bol = False
        if line:
            self._directive(line)
        self.toks = self._join_strings(toks)
        self._scan()

    @staticmethod
    def _join_strings(toks):
        out = []
        for kind, text in toks:
            if kind == "str":
                s = c_unescape(text)
                if out and out[-1][0] == "str":
                    out[-1] = ("str", out[-1][1] + s)
                else:
                    out.append(("str", s))
            else:
                out.append((kind, text))
        return out

    def _directive(self, line):
        words = [t[1] for t in line]
        if len(words) >= 3 and words[1] == "define" and line[2][0] == "id" and not (
                len(words) > 3 and words[3] == "(" ):  # object-like macros only
            self.macros[words[2]] = self._join_strings(line[3:])
        elif len(words) >= 3 and words[1] == "include" and line[2][0] == "str":
            self.includes.append(c_unescape(line[2][1]))

    def _match(self, i):
        """index of the bracket closing the one at i"""
        opener = self.toks[i][1]
        closer = {"(": ")", "[": "]", "{": "}"}[opener]
        depth = 0
        for j in range(i, len(self.toks)):
            t = self.toks[j][1] if self.toks[j][0] == "op" else None
            if t == opener:
                depth += 1
            elif t == closer:
                depth -= 1
                if depth == 0:
                    return j
        return len(self.toks) - 1

    def _expr_end(self, i):
        """end (exclusive) of the expression starting at i: the first , ; at depth 0 or an
        unbalanced closing bracket"""
        depth = 0
        for j in range(i, len(self.toks)):
            kind, t = self.toks[j]
            if kind != "op":
                continue
            if t in "([{":
                depth += 1
            elif t in ")]}":
                if depth == 0:
                    return j
                depth -= 1
            elif t in ",;" and depth == 0:
                return j
        return len(self.toks)

    def _scan(self):
        T = self.toks
        self.assign = {}     # name -> [token lists]  (initializers and assignments)
        self.decl_type = {}  # name -> (type name, is array)
        self.funcs = {}      # name -> [return expressions]
        self.func_defs = set()
        self.structs = {}    # type name -> [field names]
        self.calls = []      # (name, [arg token lists])
        depth = 0
        i = 0
        while i < len(T):
            kind, t = T[i]
            if kind == "op" and t == "{":
                depth += 1
            elif kind == "op" and t == "}":
                depth -= 1
            if kind == "id":
                nxt = T[i + 1] if i + 1 < len(T) else ("", "")
                prv = T[i - 1] if i > 0 else ("", "")
                # struct definitions: typedef struct [tag] { ... } NAME;  struct TAG { ... }
                if t == "struct" and i + 1 < len(T):
                    j = i + 1
                    tag = None
                    if T[j][0] == "id":
                        tag, j = T[j][1], j + 1
                    if j < len(T) and T[j] == ("op", "{"):
                        end = self._match(j)
                        fields = self._fields(j + 1, end)
                        if tag:
                            self.structs[tag] = fields
                        if end + 1 < len(T) and T[end + 1][0] == "id":
                            self.structs[T[end + 1][1]] = fields
                # function definitions at file level: NAME ( ... ) {
                if depth == 0 and nxt == ("op", "("):
                    close = self._match(i + 1)
                    if close + 1 < len(T) and T[close + 1] == ("op", "{"):
                        self.func_defs.add(t)
                        end = self._match(close + 1)
                        rets = []
                        for j in range(close + 1, end):
                            if T[j] == ("id", "return"):
                                rets.append(T[j + 1:self._expr_end(j + 1)])
                        self.funcs[t] = rets
                # calls anywhere: NAME ( args )
                if nxt == ("op", "(") and prv[1] not in (".", "->"):
                    close = self._match(i + 1)
                    args, a = [], i + 2
                    while a < close:
                        e = min(self._expr_end(a), close)
                        args.append(T[a:e])
                        a = e + 1
                    self.calls.append((t, args))
                # NAME [ ... ]* = expr   (declaration with initializer, or assignment)
                if prv[1] not in (".", "->"):
                    j, arr = i + 1, False
                    while j < len(T) and T[j] == ("op", "["):
                        j, arr = self._match(j) + 1, True
                    if j < len(T) and T[j] == ("op", "="):
                        self.assign.setdefault(t, []).append(T[j + 1:self._expr_end(j + 1)])
                        # the type: the identifier before the declarator (skipping * and const)
                        k = i - 1
                        while k >= 0 and (T[k][1] in ("*", "const") and T[k][0] in ("op", "id")):
                            k -= 1
                        if k >= 0 and T[k][0] == "id" and T[k][1] not in ("return",):
                            self.decl_type[t] = (T[k][1], arr)
            i += 1
        # snprintf(X, size, "format", ...): X takes the format
        for name, args in self.calls:
            if name in ("snprintf", "sprintf") and args and len(args[0]) == 1 and args[0][0][0] == "id":
                fmt = [a for a in args[1:] if len(a) == 1 and a[0][0] == "str"]
                if fmt:
                    self.assign.setdefault(args[0][0][1], []).append(fmt[0])

    def _fields(self, a, b):
        """field names of a struct body T[a:b], in order"""
        T = self.toks
        names, start = [], a
        depth = 0
        decl_toks = []
        for j in range(a, b + 1):
            kind, t = T[j] if j < b else ("op", ";")
            if kind == "op" and t in "([{":
                depth += 1
            elif kind == "op" and t in ")]}":
                depth -= 1
            if depth == 0 and kind == "op" and t in ",;":
                decl_toks.append(T[start:j])
                start = j + 1
        for d in decl_toks:
            ids = [x for x in d if x[0] == "id"]
            if not ids:
                continue
            # int (*fn)(...): the identifier after "(*"
            for k in range(len(d) - 2):
                if d[k] == ("op", "(") and d[k + 1] == ("op", "*") and d[k + 2][0] == "id":
                    names.append(d[k + 2][1])
                    break
            else:
                # the last identifier before a '[' or the end
                cut = next((k for k, x in enumerate(d) if x == ("op", "[")), len(d))
                ids = [x for x in d[:cut] if x[0] == "id"]
                if ids:
                    names.append(ids[-1][1])
        return names


ASSERT_NAME = re.compile(r'^(?:\w+_)?(?:AS|ASSERT|ASSERTIONS?)(?:_\w+)?$')
PRINTF_CONV = re.compile(r'%[-+ #0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|z|j|t|L)?[diouxXeEfgGcsp]')


class Checker:
    """The assertion strings the checker's files list (resolution through the files given)."""

    def __init__(self, files):
        self.files = files  # path -> CFile

    def _lookup(self, table, name, here):
        """(file, value) pairs for NAME: in file HERE first, else in every file"""
        local = getattr(here, table).get(name) if here else None
        if local is not None:
            return [(here, local)]
        # another file's names: headers, and the .c files of a paper's folder (shared tables
        # declared extern); never the core's .c files, whose statics and locals (e.g. a local
        # `n` of check_manifest.c) are invisible to a claim checker
        def visible(f):
            return f.path.endswith(".h") or os.path.basename(os.path.dirname(f.path)) != "check"
        return [(f, getattr(f, table)[name]) for f in self.files.values() if name in getattr(f, table) and visible(f)]

    def resolve(self, toks, here, seen):
        out = set()
        i = 0
        while i < len(toks):
            kind, t = toks[i]
            nxt = toks[i + 1] if i + 1 < len(toks) else ("", "")
            prv = toks[i - 1] if i > 0 else ("", "")
            if kind == "str":
                out.add(t)
            elif kind == "id":
                if prv[1] in (".", "->"):
                    obj = toks[i - 2][1] if i >= 2 and toks[i - 2][0] == "id" else None
                    out |= self.field(t, seen, self.struct_of(obj, here) if obj else None)
                elif nxt[1] in (".", "->"):
                    pass  # an object whose member is used: the member is resolved
                elif nxt == ("op", "("):
                    key = ("f", t)
                    if key not in seen:
                        seen.add(key)
                        for f, rets in self._lookup("funcs", t, here):
                            for r in rets:
                                out |= self.resolve(r, f, seen)
                    depth, j = 0, i + 1   # skip the arguments
                    while j < len(toks):
                        if toks[j] == ("op", "("):
                            depth += 1
                        elif toks[j] == ("op", ")"):
                            depth -= 1
                            if depth == 0:
                                break
                        j += 1
                    i = j
                else:
                    key = ("v", id(here), t)
                    if key not in seen:
                        seen.add(key)
                        for f, body in self._lookup("macros", t, here):
                            out |= self.resolve(body, f, seen)
                        for f, inits in self._lookup("assign", t, here):
                            for init in inits:
                                out |= self.resolve(init, f, seen)
                    if nxt == ("op", "["):  # skip the index
                        depth, j = 0, i + 1
                        while j < len(toks):
                            if toks[j] == ("op", "["):
                                depth += 1
                            elif toks[j] == ("op", "]"):
                                depth -= 1
                                if depth == 0:
                                    break
                            j += 1
                        i = j
            i += 1
        return out

    def struct_of(self, var, here):
        """the struct type VAR is declared with in file HERE (S x, S *x, const S *const x), or None"""
        names = set()
        for f in self.files.values():
            names |= set(f.structs)
        T = here.toks
        for k, tok in enumerate(T):
            if tok == ("id", var) and k > 0:
                j = k - 1
                while j >= 0 and T[j][1] in ("*", "const"):
                    j -= 1
                if j >= 0 and T[j][0] == "id" and T[j][1] in names:
                    return T[j][1]
        return None

    def field(self, name, seen, struct=None):
        """strings that field NAME takes in the initializers of variables of its struct type
        (STRUCT when the object's type is known)"""
        key = ("field", name, struct)
        if key in seen:
            return set()
        seen.add(key)
        out = set()
        for f in self.files.values():
            for sname, fields in f.structs.items():
                if name not in fields or (struct and sname != struct):
                    continue
                idx = fields.index(name)
                for g in self.files.values():
                    for var, (typ, arr) in g.decl_type.items():
                        if typ != sname:
                            continue
                        for init in g.assign.get(var, []):
                            entries = self._items(init) if arr else [init]
                            for entry in entries:
                                items = self._items(entry)
                                pick = None
                                for it in items:  # designated: .name = expr
                                    if len(it) > 2 and it[0] == ("op", ".") and it[1] == ("id", name) and it[2] == ("op", "="):
                                        pick = it[3:]
                                if pick is None and idx < len(items) and not (items[idx] and items[idx][0] == ("op", ".")):
                                    pick = items[idx]
                                if pick:
                                    out |= self.resolve(pick, g, seen)
        return out

    @staticmethod
    def _items(toks):
        """the comma-separated items of a brace initializer { a, b, ... }"""
        if not toks or toks[0] != ("op", "{"):
            return []
        items, cur, depth = [], [], 0
        for tok in toks[1:]:
            if tok[0] == "op" and tok[1] in "([{":
                depth += 1
            elif tok[0] == "op" and tok[1] in ")]}":
                if depth == 0:
                    break
                depth -= 1
            if depth == 0 and tok == ("op", ","):
                items.append(cur)
                cur = []
            else:
                cur.append(tok)
        if cur:
            items.append(cur)
        return items

    def assertions(self, f):
        """assertion strings listed in file F"""
        out = set()
        seen = set()
        avars = {"as"}
        for name, inits in f.assign.items():
            for init in inits:
                if init and init[0] == ("id", "ck_get_str") and ("str", "assertion") in init:
                    avars.add(name)
        for name, args in f.calls:
            if name in ("strcmp", "strncmp") and len(args) >= 2:
                a, b = args[0], args[1]
                if len(a) == 1 and a[0] == ("id", a[0][1]) and a[0][1] in avars:
                    out |= self.resolve(b, f, seen)
                if len(b) == 1 and b[0][0] == "id" and b[0][1] in avars:
                    out |= self.resolve(a, f, seen)
            elif name == "ck_assertion_index" and len(args) >= 2:
                out |= self.resolve(args[1], f, seen)
            elif name == "ck_check_decision" and len(args) >= 3:
                out |= self.resolve(args[2], f, seen)
        for name, inits in f.assign.items():
            if ASSERT_NAME.match(name):
                for init in inits:
                    out |= self.resolve(init, f, seen)
        for name, body in f.macros.items():
            if ASSERT_NAME.match(name):
                out |= self.resolve(body, f, seen)
        return {s for s in out if s.strip()}


# ---------------------------------------------------------------- specs

def norm_ws(s):
    return re.sub(r'\s+', ' ', s.replace("\\|", "|")).strip()


PLACEHOLDER = re.compile(r'<[A-Za-z][\w .,-]*>')


class Spec:
    def __init__(self, text):
        self.text = norm_ws(text)
        self.spans = {norm_ws(c) for c in re.findall(r'(?<!`)`([^`]+)`(?!`)', text)}
        self.quoted = re.findall(r'"([^"]*)"', self.text) + sorted(self.spans)
        code = re.findall(r'```.*?```|`[^`]+`', text, re.S)
        code += [m for m in re.findall(r'(?m)^(?: {4}|\t)(.*)$', text)]
        self.code_tokens = set()
        for c in code:
            c = c.strip("`")
            c = re.sub(r'\[[^\[\]]*\]', '[]', c)
            for tok in re.findall(r'[A-Za-z0-9_.<>\[\]]+', c):
                self.code_tokens.add(tok.strip("."))
        # markdown table cells that list names: "| membership_gap |", "| stat_W, stat_H |"
        for row in re.findall(r'(?m)^\|(.*)\|\s*$', text):
            for cell in re.split(r'(?<!\\)\|', row):
                cell = re.sub(r'\[[^\[\]]*\]', '[]', cell.replace("`", ""))
                parts = [x.strip() for x in re.split(r',|/| and ', cell)]
                if parts and all(re.match(r'^[A-Za-z][\w.<>]*(\[\])?$', x) for x in parts):
                    self.code_tokens.update(parts)
        self.token_res = [re.compile('^' + self._ph_regex(t) + '$') for t in self.code_tokens if '<' in t]
        self.quoted_res = [re.compile('^' + self._ph_regex(q) + '$') for q in self.quoted if PLACEHOLDER.search(q)]
        self.quoted_shapes = {PLACEHOLDER.sub('\0', q) for q in self.quoted}

    @staticmethod
    def _ph_regex(s):
        parts = PLACEHOLDER.split(s)
        return '.+?'.join(re.escape(p) for p in parts)

    def has_assertion(self, a):
        a = norm_ws(a)
        if PRINTF_CONV.search(a):  # a checker template: documented by a placeholder string
            return PRINTF_CONV.sub('\0', a) in self.quoted_shapes
        if '"' + a + '"' in self.text or a in self.spans:
            return True
        return any(r.match(a) for r in self.quoted_res)

    def _in_prose(self, name):
        """NAME in the text as a whole word, for names no prose word looks like (with a '_' or
        a digit: obs2_gap, e0)"""
        if not re.search(r'[_0-9]', name):
            return False
        return re.search(r'(?<![\w.])' + re.escape(name) + r'(?![\w]|\.\w)', self.text) is not None

    def has_quantity(self, q):
        qn = re.sub(r'\[[^\]]*\]', '[]', q)
        if qn in self.code_tokens or any(r.match(qn) for r in self.token_res):
            return True
        if qn.endswith("[]"):
            base = qn[:-2]
            return base in self.code_tokens or any(r.match(base) for r in self.token_res) or self._in_prose(base)
        return self._in_prose(qn)


# ---------------------------------------------------------------- the lint

def strip_c_comments(s):
    return re.sub(r'/\*.*?\*/|//[^\n]*', ' ', s, flags=re.S)


def declarations(root, side, macro):
    """(paper, stem, id) of every MACRO(paper, stem, "id", ...) declaration at the start of a line
    in src/<side>/<paper>/*.c: the one declaration of each claim on that side."""
    out = []
    for path in sorted(glob.glob(os.path.join(root, "src", side, "*", "*.c"))):
        text = strip_c_comments(read(path))
        out += re.findall(r'(?m)^' + macro + r'\(\s*(\w+)\s*,\s*(\w+)\s*,\s*"([^"]*)"', text)
    return out


def parse_defs(root):
    papers_def = strip_c_comments(read(os.path.join(root, "src/claims/papers.def")))
    cert = declarations(root, "claims", "DECLARE_CLAIM")
    chk = declarations(root, "check", "CK_DECLARE_CLAIM")
    papers = re.findall(r'\bPAPER\(\s*(\w+)\s*,', papers_def)
    return cert, chk, papers


def lint(root):
    cert, chk, papers = parse_defs(root)
    if not cert or not chk or not papers:
        emit("not ok", "DECLARE_CLAIM, CK_DECLARE_CLAIM, papers.def: no entries parsed (format changed?)")
        return
    cert_by = {i: (p, s) for p, s, i in cert}
    chk_by = {i: (p, s) for p, s, i in chk}
    for what, lst in (("DECLARE_CLAIM in src/claims/*/", cert), ("CK_DECLARE_CLAIM in src/check/*/", chk)):
        ids = [i for _, _, i in lst]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            emit("not ok", "%s: ids listed twice: %s" % (what, ", ".join(dup)))
    ids = [i for _, _, i in cert] + [i for _, _, i in chk if i not in cert_by]
    emit("ok", "%d claims declared by certifiers, %d by checkers, %d papers" % (len(cert), len(chk), len(papers)))

    # the C sources: the checker's tokenized (assertion tables), the certifier's as text
    cfiles = {}
    for paper in set(p for p, _, _ in chk):
        for path in sorted(glob.glob(os.path.join(root, "src/check", paper, "*.[ch]"))):
            cfiles[path] = CFile(path)
    cert_src = {}
    for paper in set(p for p, _, _ in cert):
        for path in sorted(glob.glob(os.path.join(root, "src/claims", paper, "*.c"))):
            cert_src[path] = strip_c_comments(read(path))
    core = {}
    for path in sorted(glob.glob(os.path.join(root, "src/check/*.h")) + glob.glob(os.path.join(root, "src/check/*.c"))):
        core[path] = CFile(path)

    registry_dir = os.path.join(root, "specs/registry")
    has_registry = os.path.isdir(registry_dir)
    if not has_registry:
        emit("skip", "registry data files not present (specs/registry/ does not exist)")

    tests = sorted(p for p in glob.glob(os.path.join(root, "tests/t_*")) if os.path.isfile(p))
    test_text = {p: read(p) for p in tests}
    cert_md = read(os.path.join(root, "specs/certificate.md")) if os.path.exists(os.path.join(root, "specs/certificate.md")) else ""

    # checker assertion lists per claim
    checker_as = checker_assertions(root, chk, cfiles, core)

    for cid in ids:
        paper, stem = (cert_by.get(cid) or chk_by.get(cid))
        label = cid[len(paper) + 1:] if cid.startswith(paper + ".") else cid

        def check(cond, desc):
            emit("ok" if cond else "not ok", "%s: %s" % (cid, desc))
            return cond

        check(cid in cert_by, "certifier declaration DECLARE_CLAIM in src/claims/%s/" % paper)
        check(cid in chk_by, "checker declaration CK_DECLARE_CLAIM in src/check/%s/" % paper)
        check(paper in papers, "paper %s in src/claims/papers.def" % paper)
        check(cid.startswith(paper + ".") and len(cid) > len(paper) + 1, "id is <paper>.<label> with paper %s" % paper)
        if cid in cert_by and cid in chk_by:
            check(cert_by[cid][0] == chk_by[cid][0], "same paper on both sides (%s, %s)" % (cert_by[cid][0], chk_by[cid][0]))
        if cid in cert_by:
            p, s = cert_by[cid]
            fn = "%s_%s_certify" % (p, s)
            defn = re.compile(r'(?m)^\w[\w \t*]*\b' + fn + r'\s*\([^;{}]*\)\s*\{')
            defined = [path for path, text in cert_src.items() if "/src/claims/%s/" % p in path and fn in text and defn.search(text)]
            check(bool(defined), "certifier %s() defined in src/claims/%s/" % (fn, p))
        if cid in chk_by:
            p, s = chk_by[cid]
            fn = "ck_claim_%s_%s" % (p, s)
            defined = [f for path, f in cfiles.items() if "/src/check/%s/" % p in path and fn in f.func_defs]
            check(bool(defined), "checker %s() defined in src/check/%s/" % (fn, p))

        spec_path = os.path.join(root, "specs/claims", cid + ".md")
        has_spec = check(os.path.isfile(spec_path), "spec specs/claims/%s.md" % cid)
        deriv = "proofs/derivations/%s-%s.md" % (paper, label)
        check(os.path.isfile(os.path.join(root, deriv)), "derivation %s" % deriv)

        cert_dir = os.path.join(root, "certificates", cid)
        certs = sorted(glob.glob(os.path.join(cert_dir, "*.json")))
        check(bool(certs), "committed certificate certificates/%s/*.json (%d)" % (cid, len(certs)))

        if has_registry:
            lint_registry(root, cid, check)

        pat = re.compile(r'(?<![\w.-])' + re.escape(cid) + r'(?![\w-]|\.\w)')
        naming = [os.path.basename(p) for p, t in test_text.items() if cid in t and pat.search(t)]
        check(bool(naming), "a test tests/t_* names it%s" % (" (%s)" % ", ".join(naming[:3]) if naming else ""))

        # vocabulary
        if has_spec:
            spec = Spec(read(spec_path))
            where = "specs/claims/%s.md" % cid
        else:
            m = re.search(r'(?ms)^## Claim `' + re.escape(cid) + r'`.*?(?=^## |\Z)', cert_md)
            spec = Spec(m.group()) if m else None
            where = "specs/certificate.md (section Claim `%s`)" % cid
        all_certs = certs + sorted(glob.glob(os.path.join(root, "certificates/audit", cid, "*.json")))
        c_as, c_q, bad = {}, {}, []
        for path in all_certs:
            rel = os.path.relpath(path, root)
            try:
                c = json.loads(read(path))
            except ValueError as exc:
                bad.append("%s: not JSON (%s)" % (rel, exc))
                continue
            if c.get("claim") != cid:
                bad.append("%s: \"claim\" is %r" % (rel, c.get("claim")))
            a = c.get("assertion")
            if isinstance(a, str):
                c_as.setdefault(a, rel)
            for q in (c.get("quantities") or {}):
                c_q.setdefault(q, rel)
        for b in bad:
            check(False, b)
        ck_as = checker_as.get(cid, {})
        if spec is None:
            check(False, "vocabulary: no spec text (neither specs/claims/%s.md nor a section in specs/certificate.md)" % cid)
            continue
        n_bad = 0
        for a in sorted(c_as):
            if not spec.has_assertion(a):
                n_bad += 1
                check(False, "assertion \"%s\" (%s) not in %s" % (a, c_as[a], where))
            if ck_as and not any(a == s or (PRINTF_CONV.search(s) and re.match('^' + PRINTF_CONV.sub('\0', re.escape(s)).replace('\0', '.+?') + '$', a)) for s in ck_as):
                n_bad += 1
                check(False, "assertion \"%s\" (%s) is not one the checker lists" % (a, c_as[a]))
        for q in sorted(c_q):
            if not spec.has_quantity(q):
                n_bad += 1
                check(False, "quantity `%s` (%s) not in %s" % (q, c_q[q], where))
        if cid in chk_by and not ck_as:
            n_bad += 1
            check(False, "no assertion strings found in the checker's sources (src/check/%s/)" % paper)
        for s, owners in sorted(ck_as.items()):
            # a shared file's assertion: in the spec of one of the claims sharing it
            if owners and cid != owners[0]:
                continue
            specs = [spec] + [load_spec(root, o) for o in owners if o != cid]
            if not any(sp and sp.has_assertion(s) for sp in specs):
                n_bad += 1
                check(False, "checker assertion \"%s\" not in %s%s" % (
                    s, where, " (nor in the specs of %s)" % ", ".join(o for o in owners if o != cid) if len(owners) > 1 else ""))
        if n_bad == 0:
            check(True, "vocabulary in %s: %d assertions and %d quantity names of %d certificates, %d checker assertions" % (
                where, len(c_as), len(c_q), len(all_certs), len(ck_as)))


_spec_cache = {}


def load_spec(root, cid):
    if cid not in _spec_cache:
        p = os.path.join(root, "specs/claims", cid + ".md")
        _spec_cache[cid] = Spec(read(p)) if os.path.isfile(p) else None
    return _spec_cache[cid]


def checker_assertions(root, chk, cfiles, core):
    """claim id -> {assertion string: [claims sharing the file it is in] or []}"""
    out = {}
    by_paper = {}
    for p, s, i in chk:
        by_paper.setdefault(p, []).append((s, i))
    for paper, stems in by_paper.items():
        files = {k: v for k, v in cfiles.items() if "/src/check/%s/" % paper in k}
        allfiles = dict(core)
        allfiles.update(files)
        checker = Checker(allfiles)  # resolution within the paper's files and the core
        owner = {}
        for path in files:
            base = os.path.splitext(os.path.basename(path))[0]
            rest = base[len("check_%s_" % paper):] if base.startswith("check_%s_" % paper) else base
            best = None
            for s, i in stems:
                if (rest == s or rest.startswith(s + "_")) and (best is None or len(s) > len(best[0])):
                    best = (s, i)
            owner[path] = [best[1]] if best else None
        # a file of no claim: the claims whose files include its header (transitively)
        def closure(start):
            seen, todo = set(), list(start)
            while todo:
                p = todo.pop()
                if p in seen or p not in files:
                    continue
                seen.add(p)
                if p.endswith(".h"):  # a header brings in its implementation
                    todo.append(p[:-2] + ".c")
                for inc in files[p].includes:
                    for cand in (os.path.join(os.path.dirname(p), inc), os.path.join(root, "src/check", inc)):
                        cand = os.path.normpath(cand)
                        if cand in files:
                            todo.append(cand)
            return seen
        reach = {}
        for s, i in stems:
            reach[i] = closure([p for p, o in owner.items() if o == [i]])
        for path, o in owner.items():
            if o is None:
                h = os.path.splitext(path)[0] + ".h"
                users = [i for s, i in stems if path in reach[i] or h in reach[i]]
                owner[path] = users or [i for s, i in stems]
        for path, f in files.items():
            for a in checker.assertions(f):
                for cid in owner[path]:
                    shared = owner[path] if len(owner[path]) > 1 else []
                    out.setdefault(cid, {})
                    if a not in out[cid] or not shared:
                        out[cid][a] = shared
    return out


def lint_registry(root, cid, check):
    rel = "specs/registry/%s.tsv" % cid
    path = os.path.join(root, rel)
    if not check(os.path.isfile(path), "registry %s" % rel):
        return
    lines = read(path).split("\n")
    header, rows, problems, names = None, 0, [], set()
    for n, line in enumerate(lines, 1):
        if line.startswith("#") or (not line.strip() and header is not None) or (not line and n == len(lines)):
            continue
        if header is None:
            header = line
            if line.rstrip("\r") != "name\texpected\tinstance":
                problems.append("line %d: header is %r, want 'name<TAB>expected<TAB>instance'" % (n, line[:60]))
            continue
        f = line.rstrip("\r").split("\t")
        if len(f) != 3 or not all(x.strip() for x in f):
            problems.append("line %d: %d fields (want 3 non-empty)" % (n, len(f)))
            continue
        rows += 1
        if f[0] in names:
            problems.append("line %d: name %s twice" % (n, f[0]))
        names.add(f[0])
        if not os.path.isfile(os.path.join(root, "certificates", cid, f[0] + ".json")):
            problems.append("line %d: no committed certificate certificates/%s/%s.json" % (n, cid, f[0]))
    for p in problems:
        check(False, "%s %s" % (rel, p))
    check(header is not None and rows > 0, "%s: %d instance line(s)" % (rel, rows))


def main():
    ap = argparse.ArgumentParser(description="lint of the claims' parts and vocabulary")
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument("--checker-assertions", metavar="ID", help="print the assertion strings found in the checker of ID and exit")
    args = ap.parse_args()
    root = os.path.abspath(args.root)
    if args.checker_assertions:
        cert, chk, papers = parse_defs(root)
        cfiles = {}
        for paper in set(p for p, _, _ in chk):
            for path in sorted(glob.glob(os.path.join(root, "src/check", paper, "*.[ch]"))):
                cfiles[path] = CFile(path)
        core = {p: CFile(p) for p in glob.glob(os.path.join(root, "src/check/*.[ch]"))}
        for a, owners in sorted(checker_assertions(root, chk, cfiles, core).get(args.checker_assertions, {}).items()):
            print(repr(a), "shared with " + ", ".join(owners) if owners else "")
        return 0
    try:
        lint(root)
    except Exception as exc:  # a crash of the lint is a failure, never a pass
        emit("not ok", "lint_claims.py crashed: %s: %s" % (type(exc).__name__, exc))
    for status, desc in RESULTS:
        print("%s\t%s" % (status, desc.replace("\n", " ")))
    return 1 if any(s == "not ok" for s, _ in RESULTS) else 0


if __name__ == "__main__":
    sys.exit(main())
