#!/bin/sh
# t_no_circles.sh: no dependency circles, on either side. From the built objects ($B/src/**/*.o
# whose source still exists; `make check` builds them first): an edge A -> B when object A uses
# (nm: U) a symbol that B defines (T/D/R/B); a strongly connected component of two or more
# objects is a circle (two files calling each other, directly or round a loop). Reported
# separately for the certifier (everything but src/check/) and the checker (src/check/). Then
# the headers: no include circle (a.h includes b.h includes ... a.h), resolved as the compiler
# does (the file's directory, then -Isrc, or -Isrc/check for the checker). Then the folders
# of the certifier (src/<folder>/, by symbols and by includes): no folder depends back on one
# that depends on it. Last, the checker's boundary: no object of src/check/ uses a symbol of
# the certifier, no file of src/check/ includes one outside it. Fix a circle by moving the
# function to the file that owns the concept (a dispatcher calls its parts, the parts never
# call back: pass what they need, or move the shared helper into a small file both use).
# TAP by hand (python3, stdlib, and nm).

. "$(dirname "$0")/tap.sh"
tap_setup no_circles nccert nccheck python3
command -v nm >/dev/null 2>&1 || tap_skip_all "nm (binutils) not available"

python3 - "$ROOT" "$_tap_build" >"$T/out" 2>&1 <<'EOF'
import collections, os, re, subprocess, sys

root, build = sys.argv[1], sys.argv[2]
os.chdir(root)


def result(good, desc, diag=()):
    print("%s\t%s" % ("ok" if good else "not_ok", desc))
    for line in diag:
        print("# " + line)


def sccs(nodes, edges):
    """Strongly connected components with two or more nodes (Tarjan, iterative)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on.add(start)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(edges[w]))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


# ---- objects ----
objs = []
for d, _, fs in os.walk(os.path.join(build, "src")):
    for f in fs:
        o = os.path.join(d, f)
        src = os.path.relpath(o, build)[:-2] + ".c"
        if f.endswith(".o") and os.path.exists(src):  # skip objects of removed sources
            objs.append((src, o))
objs.sort()
if not objs:
    print("Bail out! no objects under %s/src (run make all)" % build)
    sys.exit(0)
defs, uses = collections.defaultdict(set), {src: set() for src, _ in objs}
src_of = {o: src for src, o in objs}
r = subprocess.run(["nm", "-A"] + [o for _, o in objs], stdout=subprocess.PIPE, universal_newlines=True)
if r.returncode != 0:
    print("Bail out! nm failed on the objects under %s/src" % build)
    sys.exit(0)
for line in r.stdout.splitlines():   # OBJECT:[VALUE] TYPE SYMBOL (C symbols have no ':')
    o, _, rest = line.rpartition(":")
    p = rest.split()
    if len(p) == 2 and p[0] == "U":
        uses[src_of[o]].add(p[1])
    elif len(p) == 3 and p[1] in "TDRBCGSVW":
        defs[p[2]].add(src_of[o])


def is_checker(path):
    return path.startswith("src/check/")


sides = (("certifier", lambda s: not is_checker(s)), ("checker", is_checker))
for side, member in sides:
    nodes = [s for s, _ in objs if member(s)]
    edges = {s: set() for s in nodes}
    why = collections.defaultdict(set)
    for a in nodes:
        for sym in uses[a]:
            for b in defs.get(sym, ()):
                if b != a and member(b):
                    edges[a].add(b)
                    why[a, b].add(sym)
    circles = sccs(nodes, edges)
    diag = []
    for comp in circles:
        diag.append("circle: " + " ".join(os.path.basename(s) for s in comp))
        for a in comp:
            for b in sorted(edges[a]):
                if b in comp:
                    diag.append("  %s -> %s: %s" % (a, b, ", ".join(sorted(why[a, b]))))
    result(not circles, "%s: no circle between object files (%d objects, %d circle(s))"
           % (side, len(nodes), len(circles)), diag)

# ---- headers ----
inc_re = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)
files = []
for d, _, fs in os.walk("src"):
    files += [os.path.join(d, f) for f in fs if f.endswith((".c", ".h", ".def"))]
files.sort()
incs = {}
for f in files:
    with open(f, errors="replace") as fh:
        text = fh.read()
    incs[f] = set()
    for name in inc_re.findall(text):
        for base in (os.path.dirname(f), "src/check" if is_checker(f) else "src"):
            p = os.path.normpath(os.path.join(base, name))
            if os.path.exists(p):
                incs[f].add(p)
                break
circles = sccs(files, incs)
result(not circles, "no include circle between headers (%d files)" % len(files),
       ["circle: " + " ".join(c) for c in circles])

# ---- folders of the certifier ----
def folder(path):
    return path.split("/")[1]


fedges = collections.defaultdict(set)
fwhy = collections.defaultdict(list)
for a, _ in objs:
    if is_checker(a):
        continue
    for sym in uses[a]:
        for b in defs.get(sym, ()):
            if not is_checker(b) and folder(a) != folder(b):
                fedges[folder(a)].add(folder(b))
                fwhy[folder(a), folder(b)].append("%s uses %s (%s)" % (a, sym, b))
for a in files:
    if is_checker(a):
        continue
    for b in incs[a]:
        if folder(a) != folder(b):
            fedges[folder(a)].add(folder(b))
            fwhy[folder(a), folder(b)].append("%s includes %s" % (a, b))
folders = sorted(set(folder(f) for f in files if not is_checker(f)))
for fo in folders:
    fedges[fo]
circles = sccs(folders, fedges)
diag = ["  %s -> %s" % (fo, " ".join(sorted(fedges[fo]))) for fo in folders if fedges[fo]]
for comp in circles:
    diag.append("circle: " + " ".join(comp))
    for a in comp:
        for b in sorted(fedges[a]):
            if b in comp:
                diag += ["  " + w for w in fwhy[a, b][:3]]
result(not circles, "certifier folders (src/*/) depend on each other without a circle", diag)

# ---- the checker's boundary ----
bad = ["%s uses %s (%s)" % (a, sym, b) for a, _ in objs if is_checker(a)
       for sym in sorted(uses[a]) for b in sorted(defs.get(sym, ())) if not is_checker(b)]
bad += ["%s includes %s" % (a, b) for a in files if is_checker(a) for b in sorted(incs[a]) if not is_checker(b)]
result(not bad, "the checker (src/check/) uses and includes nothing of the certifier", bad[:20])
EOF
rc=$?
while IFS= read -r line; do
    case $line in
        "ok	"*) ok "${line#ok	}" ;;
        "not_ok	"*) not_ok "${line#not_ok	}" ;;
        "Bail out!"*) echo "$line"; exit 1 ;;
        *) echo "$line" ;;
    esac
done <"$T/out"
[ "$rc" = 0 ] || not_ok "the analysis failed (python3 exit $rc)"
tap_done
