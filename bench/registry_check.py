#!/usr/bin/env python3
"""registry_check.py: checking vs producing on the registry (part of `make bench`).

Certifies every registry instance once (`nccert verify --out DIR`, which prints the in-process
seconds of each), then, for every instance whose certification took at least MIN_SECONDS,
times as separate processes (median of 3 runs each)
    nccert verify --claim C --instance NAME --out DIR2 --quiet     (certify that one instance)
    nccheck --quiet DIR/C/NAME.json                                 (check its certificate)
and prints a markdown table sorted by certification time, with the ratio certify / check.
Both sides pay one process start-up. Exit status 0 (the table is a report, not a gate).

usage: registry_check.py BUILD_DIR TMP_DIR [MIN_SECONDS]"""
import os
import subprocess
import sys
import time


def timed(cmd, reps=3):
    """Median wall seconds of `reps` runs of cmd (stdout discarded); raises on failure."""
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        ts.append(time.perf_counter() - t0)
    return sorted(ts)[len(ts) // 2]


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    build, tmp = sys.argv[1], sys.argv[2]
    min_s = float(sys.argv[3]) if len(sys.argv) > 3 else 0.02
    nccert, nccheck = os.path.join(build, "nccert"), os.path.join(build, "nccheck")
    certs, certs2 = os.path.join(tmp, "certs"), os.path.join(tmp, "certs2")
    out = subprocess.run([nccert, "verify", "--out", certs], capture_output=True, text=True)
    rows = []
    for line in out.stdout.splitlines()[1:]:
        f = line.split()
        if len(f) >= 5 and "." in f[0] and f[0] != "CLAIM":
            try:
                rows.append((f[0], f[1], f[2], float(f[4])))
            except ValueError:
                pass
    large = [r for r in rows if r[3] >= min_s]
    print("%d registry instances; %d take >= %.3f s to certify (in process) and are timed below "
          "as processes (median of 3)." % (len(rows), len(large), min_s))
    print()
    print("| claim | instance | verdict | nccert s | nccheck s | nccert / nccheck |")
    print("|---|---|---|---:|---:|---:|")
    table = []
    for claim, name, verdict, _ in large:
        path = os.path.join(certs, claim, name + ".json")
        tc = timed([nccert, "verify", "--claim", claim, "--instance", name, "--out", certs2, "--quiet"])
        tk = timed([nccheck, "--quiet", path])
        table.append((tc, tk, claim, name, verdict))
    table.sort(reverse=True)
    worst = None
    for tc, tk, claim, name, verdict in table:
        ratio = tc / tk
        worst = ratio if worst is None else min(worst, ratio)
        print("| %s | %s | %s | %.4f | %.4f | %.1f%s |" % (claim, name, verdict, tc, tk, ratio,
                                                           "" if ratio >= 10 else " (< 10)"))
    if worst is not None:
        below = sum(1 for t in table if t[0] / t[1] < 10)
        print()
        print("Smallest ratio: %.1f; %d of %d timed instances below 10x." % (worst, below, len(table)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
