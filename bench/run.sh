#!/bin/sh
# bench/run.sh BUILD_DIR: `make bench` (bench/README.md explains every table). All ratios are
# measured in this one run, on this machine: each rigorous method against the plain double C
# loop on the same instance, nccheck against nccert on the same certificates. Prints markdown
# and keeps a copy in BUILD_DIR/bench/results.md.
# Environment: BENCH_XL=0 skips the K=1000 n=100 d=1024 run (about 40 s on 2 idle cores, 0.8 GB);
# BENCH_PYTHON (default /usr/bin/python3, Debian's, with python3-mpmath).
# Exit status 1 if any rigorous peer disagrees with nccert or a step fails; the tables are
# reports, not gates on the ratios (README.md of bench/ says which targets hold).
set -u
B=${1:-build}
PY=${BENCH_PYTHON:-/usr/bin/python3}
XL=${BENCH_XL:-1}
MAKE=${MAKE:-make}
out=$B/bench/results.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$B/bench"
: > "$out"
status=0
# Snapshots of the two programs: a rebuild of build/ during the run (another make) must not
# mix two versions in one table.
S=$tmp/bin
mkdir -p "$S"
cp "$B/nccert" "$B/nccheck" "$S/" || exit 1

say() { printf '%s\n' "$*" | tee -a "$out"; }
# TSV rows (label, instance, method, seconds, ratio, check) -> markdown rows
rows() { awk -F '\t' '{ printf "| %s | %s | %s | %.4g | %s | %s |\n", $1, $2, $3, $4 * 1000,
                               sprintf($5 >= 100 ? "%.0f" : "%.2f", $5), $6 }' | tee -a "$out"; }
now() { date +%s.%N; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

say "# make bench"
say ""
say "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), \
$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), \
$(${CC:-cc} --version | head -n 1). Load average at start: $(load)."
threads=${NCCERT_THREADS:-$(nproc)}
[ "$threads" -gt 8 ] 2>/dev/null && threads=8
say "nccert's tier-0 sweep uses $threads thread(s) on large instances (NCCERT_THREADS, default: online cores, at most 8)."
say ""

# --- 1. Lemma 3.1: rigorous methods vs the plain double loop ---------------------------------
say "## 1. ulpm.lemma-3.1 (q_min and the norms, decide q_min < bound): ratio to the plain double loop on the same instance"
say ""
say "Instances random-dyadic/1 seed 2024. L is the issue's target size; slow peers run on M or S only."
say ""
say "| size | instance | method | median ms | ratio | check |"
say "|---|---|---|---:|---:|---|"
"$B/bench/bench_lemma31" L 100 100 256 nccert nccert1 arbmat arbdot > "$tmp/L.tsv" || status=1
rows < "$tmp/L.tsv"
"$B/bench/bench_lemma31" M 100 10 256 nccert nccert1 arbmat arbdot mpfi > "$tmp/M.tsv" || status=1
rows < "$tmp/M.tsv"
"$B/bench/bench_lemma31" S 10 10 64 nccert nccert1 arbmat arbdot mpfi > "$tmp/S.tsv" || status=1
rows < "$tmp/S.tsv"
plain_s=$(awk -F '\t' 'NR == 1 { print $4 }' "$tmp/S.tsv")
if "$PY" -c 'import mpmath' 2>/dev/null; then
    "$S/nccert" certify ulpm.lemma-3.1 --K 10 --n 10 --d 64 --seed 2024 -q -o "$tmp/S.json" >/dev/null
    if "$PY" bench/lemma31_mpmath.py 10 10 64 2024 "$tmp/S.json" > "$tmp/mp.tsv"; then :; else status=1; fi
    awk -F '\t' -v p="$plain_s" -v v="$("$PY" -c 'import mpmath; print(mpmath.__version__)')" \
        '{ printf "S\tK=10 n=10 d=64\tmpmath %s iv (Python loops, 53 bits)\t%s\t%.0f\t%s\n", v, $1, $1 / p, $2 }' \
        "$tmp/mp.tsv" | rows
else
    say "| S | K=10 n=10 d=64 | mpmath iv | - | - | not run: $PY cannot import mpmath (apt-get install python3-mpmath, or make bench-deps as root) |"
    status=1
fi
say ""

# --- 2. K=1000, n=100, d=1024 -----------------------------------------------------------------
say "## 2. ulpm.lemma-3.1 at K=1000, n=100, d=1024 (1.0e11 multiply-adds in the tier-0 sweep)"
say ""
if [ "$XL" = 1 ] && [ -x /usr/bin/time ]; then
    say "| step | wall s | user s | sys s | peak RSS MB | result |"
    say "|---|---:|---:|---:|---:|---|"
    /usr/bin/time -o "$tmp/xl.time" -f '%e %U %S %M' "$S/nccert" certify ulpm.lemma-3.1 --K 1000 --n 100 --d 1024 \
        --seed 2024 -q -o "$tmp/xl.json" > "$tmp/xl.out" 2>&1 || status=1
    awk -v r="$(grep -o '"verdict": *"[A-Z]*"' "$tmp/xl.json" 2>/dev/null | tr -d '"' | sed 's/: */ /') $(head -c 60 "$tmp/xl.out")" \
        '{ printf "| nccert certify | %.1f | %.1f | %.1f | %.0f | %s |\n", $1, $2, $3, $4 / 1024, r }' "$tmp/xl.time" | tee -a "$out"
    /usr/bin/time -o "$tmp/xlc.time" -f '%e %U %S %M' "$S/nccheck" "$tmp/xl.json" > "$tmp/xlc.out" 2>&1 || status=1
    awk -v r="$(sed 's/.*: //' "$tmp/xlc.out" | head -n 1)" \
        '{ printf "| nccheck | %.2f | %.2f | %.2f | %.1f | %s |\n", $1, $2, $3, $4 / 1024, r }' "$tmp/xlc.time" | tee -a "$out"
    awk 'NR == FNR { c = $1; next } { printf "\nnccheck is %.0fx faster than nccert (wall) on this certificate.\n", c / $1 }' \
        "$tmp/xl.time" "$tmp/xlc.time" | tee -a "$out"
else
    say "(skipped: BENCH_XL=0 or no /usr/bin/time)"
fi
say ""

# --- 3. checking vs producing on the registry -------------------------------------------------
say "## 3. Checking vs certifying, per claim (CPU time of each process, same machine, one after the other)"
say ""
if "$PY" bench/registry_check.py "$S" "$tmp/reg" > "$tmp/reg.md"; then :; else status=1; fi
tee -a "$out" < "$tmp/reg.md"
say ""

# --- 4. positive definiteness -------------------------------------------------------------------
say "## 4. Positive definiteness: ridge Hessian H H^T/N + I/16 (N = 1024), ratio to the plain double Cholesky"
say ""
if [ -x "$B/bench/bench_pd" ]; then
    say "| size | matrix | method | median ms | ratio | result |"
    say "|---|---|---|---:|---:|---|"
    "$B/bench/bench_pd" PD1000 1000 nccert nccheck > "$tmp/pd.tsv" || status=1
    rows < "$tmp/pd.tsv"
    "$B/bench/bench_pd" PD300 300 nccert nccheck arbcho64 arbcho128 > "$tmp/pd3.tsv" || status=1
    rows < "$tmp/pd3.tsv"
else
    say "(bench_pd not built: src/ball/ball_pd.h missing)"
fi
say ""

# --- 5. make verify: serial vs sharded --------------------------------------------------------
say "## 5. Certifying the registry: one process vs make -j$(nproc) verify-certify ($(nproc) jobs, 16 shards)"
say ""
t0=$(now)
"$S/nccert" verify --out "$tmp/vser" > "$tmp/vser.txt" 2>&1 || status=1
t1=$(now)
$MAKE --no-print-directory -j"$(nproc)" verify-certify VERIFY_OUT="$tmp/vpar" B="$S" > "$tmp/vpar.txt" 2>&1 || status=1
t2=$(now)
same_certs=no
diff -r "$tmp/vser" "$tmp/vpar" > /dev/null 2>&1 && same_certs=yes
same_table=no
awk '{ print $1, $2, $3, $4 }' "$tmp/vser.txt" > "$tmp/vser.cols"
awk '{ print $1, $2, $3, $4 }' "$tmp/vpar.txt" > "$tmp/vpar.cols"
cmp -s "$tmp/vser.cols" "$tmp/vpar.cols" && same_table=yes
[ "$same_certs" = yes ] && [ "$same_table" = yes ] || status=1
awk -v a="$t0" -v b="$t1" -v c="$t2" -v sc="$same_certs" -v st="$same_table" -v n="$(tail -n 1 "$tmp/vser.txt")" 'BEGIN {
  printf "| run | wall s |\n|---|---:|\n| nccert verify (one process) | %.2f |\n| make -j verify-certify | %.2f |\n\n", b - a, c - b;
  printf "%s; identical certificate bytes: %s; identical table (claim, instance, verdicts, order): %s.\n", n, sc, st }' | tee -a "$out"
say ""

# --- 6. bring your own network at CIFAR-10 size (bench/byon.sh) ---------------------------------
say "## 6. A network's arrays (.npz) at CIFAR-10 size: nccert certify and nccheck vs NumPy float64, same run"
say ""
sh bench/byon.sh "$S" > "$tmp/byon.md" || status=1
tee -a "$out" < "$tmp/byon.md"
say ""

# --- 7. Lemma 3.1 end to end against an OpenBLAS peer (bench/blas.sh) ---------------------------
say "## 7. ulpm.lemma-3.1 end to end vs an OpenBLAS program on the same instance (issue 20: goal <= 2x)"
say ""
sh bench/blas.sh "$B" > "$tmp/blas.md" || status=1
tee -a "$out" < "$tmp/blas.md"
say ""

# --- 8. linconv.theorem-2 through the Schur complement (bench/linconv_schur.sh) ----------------
say "## 8. linconv.theorem-2 (MSE error bound) at growing Hessian dimension D: the structured path (reduced matrix of size 2dK + K)"
say ""
sh bench/linconv_schur.sh "$S" > "$tmp/schur.md" || status=1
tee -a "$out" < "$tmp/schur.md"
say ""
say "Load average at end: $(load)."
exit $status
