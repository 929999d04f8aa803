#!/usr/bin/env python3
"""registry_check.py: checking vs producing, per claim (part of `make bench`; issue 17).

Certifies every registry instance once (`nccert verify --out DIR`, which prints the in-process
seconds of each) and takes, for every claim, its most expensive registry instance. For each of
those it measures the CPU time (user + system of the child process, best of 3) of
    nccert verify --claim C --instance NAME --out DIR2 --quiet     (certify that one instance)
    nccheck --quiet DIR/C/NAME.json                                 (check its certificate)
and prints a markdown table, every claim a row, with the ratio check / certify. The goal of
issue 17 is a ratio <= 0.1 wherever either side takes >= 50 ms; the rows that miss it are
marked. Both sides pay one process start-up. Exit status 0 (the table is a report, not a gate).

usage: registry_check.py BUILD_DIR TMP_DIR"""
import os
import resource
import subprocess
import sys

GOAL, FLOOR = 0.1, 0.05


def cpu(cmd, reps=3):
    """Best (smallest) user+system CPU seconds of `reps` runs of cmd; raises on failure."""
    best = None
    for _ in range(reps):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
        best = t if best is None else min(best, t)
    return best


def main():
    if len(sys.argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    build, tmp = sys.argv[1], sys.argv[2]
    nccert, nccheck = os.path.join(build, "nccert"), os.path.join(build, "nccheck")
    certs, certs2 = os.path.join(tmp, "certs"), os.path.join(tmp, "certs2")
    out = subprocess.run([nccert, "verify", "--out", certs], capture_output=True, text=True)
    worst = {}  # claim -> (seconds, instance, verdict), its most expensive instance
    n = 0
    for line in out.stdout.splitlines()[1:]:
        f = line.split()
        if len(f) >= 5 and "." in f[0] and f[0] != "CLAIM":
            try:
                s = float(f[4])
            except ValueError:
                continue
            n += 1
            if f[0] not in worst or s > worst[f[0]][0]:
                worst[f[0]] = (s, f[1], f[2])
    print("%d registry instances, %d claims; per claim its most expensive instance (in-process "
          "seconds of nccert verify), timed as processes: CPU seconds (user + system), best of 3. "
          "Goal (issue 17): check / certify <= %.1f where either side takes >= %.0f ms."
          % (n, len(worst), GOAL, FLOOR * 1000))
    print()
    print("| claim | instance | verdict | certify CPU s | check CPU s | check / certify | goal |")
    print("|---|---|---|---:|---:|---:|---|")
    rows = []
    for claim, (_, name, verdict) in worst.items():
        path = os.path.join(certs, claim, name + ".json")
        tc = cpu([nccert, "verify", "--claim", claim, "--instance", name, "--out", certs2, "--quiet"])
        tk = cpu([nccheck, "--quiet", path])
        rows.append((tk / tc if tc > 0 else float("inf"), claim, name, verdict, tc, tk))
    rows.sort(key=lambda r: r[1])
    missed = 0
    for ratio, claim, name, verdict, tc, tk in rows:
        if max(tc, tk) < FLOOR:
            goal = "n/a (both < %.0f ms)" % (FLOOR * 1000)
        elif ratio <= GOAL:
            goal = "met"
        else:
            goal, missed = "MISSED", missed + 1
        print("| %s | %s | %s | %.3f | %.3f | %.2f | %s |" % (claim, name, verdict, tc, tk, ratio, goal))
    print()
    print("%d of %d claims miss the goal." % (missed, len(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
