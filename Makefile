# nccert: rigorous certification of neural-collapse claims.
# Users type `make verify` and `make check`; both install missing Debian packages first
# (`make check` only what building and testing need; `make verify` the proof toolchain too).
# Downstream projects that only check certificates: `make nccheck` (GMP, MPFR, MPFI, jansson).
# Honours CC, CFLAGS, LDFLAGS, PREFIX, DESTDIR (make install: BINDIR, MANDIR, DATADIR).

CC      ?= cc
CFLAGS  ?= -O2 -g
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
PROVE   ?= prove

# Flags that rigorous code depends on (see shared/TOOLCHAIN.md): never -ffast-math or -march=native.
RIGOR_FLAGS = -std=c11 -frounding-math -ffp-contract=off -fexcess-precision=standard
# GCC 12 reports false stringop-overflow/overread on FLINT's array-typed parameters (fmpq_t):
# those two are off; every other warning is an error.
WARN_FLAGS  = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-error=unused-function \
              -Wno-stringop-overflow -Wno-stringop-overread
ALL_CFLAGS  = $(RIGOR_FLAGS) $(WARN_FLAGS) -D_POSIX_C_SOURCE=200809L $(CFLAGS)
# nccert's sources see all of src/; nccheck's see only src/check/ (its boundary: `make tcb`).
# Each side also sees its own generated claim list (below), and nothing else under build/.
INCLUDES    = -Isrc -I$(B)/gen/nccert
CHECK_INCLUDES = -Isrc/check -I$(B)/gen/nccheck

# Library lines kept in one place (FLINT 3 would merge Arb into -lflint and move the headers).
# The certifier's witness oracle links OpenBLAS (libopenblas-dev: <cblas.h>, -lopenblas); the
# checker never does (make tcb).
LIBS_NCCERT = -lflint-arb -lflint -lmpfr -lgmp -ljansson -lnettle -lopenblas -lm
LIBS_NCCHECK = -lmpfi -lmpfr -lgmp -ljansson -lnettle -lm

# The dependency step, in three sets (each target installs the missing ones when root with
# apt-get, else prints the apt-get line and stops):
#   make deps          users: build and run nccert and nccheck, run make check (perl: prove;
#                      python3: the shell tests' helpers)
#   make deps-check    downstream CI that only checks certificates: what nccheck needs
#   make deps-proofs   maintainers: the proof toolchain of make proofs (and so make verify)
DEB_PACKAGES = libflint-arb-dev libflint-dev libmpfr-dev libgmp-dev libmpfi-dev libjansson-dev nettle-dev \
               libopenblas-dev perl python3
CHECK_PACKAGES = libgmp-dev libmpfr-dev libmpfi-dev libjansson-dev nettle-dev
PROOF_PACKAGES = frama-c-base why3 z3 cvc4 cvc5 gappa
DEB_PACKAGES += python3-jsonschema clang-format python3-numpy

B = build

NCCERT_SRC  = $(sort $(wildcard src/common/*.c src/kernels/*.c src/oracle/*.c src/npy/*.c src/instance/*.c src/exact/*.c src/ball/*.c src/cert/*.c \
                                src/claims/*.c src/claims/*/*.c src/cli/*.c src/audit/*.c))
NCCERT_MAIN = src/cli/nccert_main.c
# ---- C API and shared library (issue 15, worktree py): variables ----
# src/api/ (the public header nccert.h and its implementation) joins nccert's sources; nccert's
# objects are position-independent with hidden visibility, so that the same objects make
# libnccert.a and libnccert.so, which exports only what src/api/nccert.map lists. The .npz image
# the API writes needs CRC-32 (zlib).
NCCERT_SRC += $(sort $(wildcard src/api/*.c))
LIBS_NCCERT += -lz
DEB_PACKAGES += zlib1g-dev
API_CFLAGS = -fPIC -fvisibility=hidden
SO_MAJOR = 1
SO_NAME  = libnccert.so.$(SO_MAJOR)
SO_FILE  = $(SO_NAME).0.0
LIBDIR      ?= $(PREFIX)/lib
INCLUDEDIR  ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
PYTHONDIR   ?= $(PREFIX)/lib/nccert/python
# ---- end C API variables ----
NCCERT_LIB_SRC = $(filter-out $(NCCERT_MAIN),$(NCCERT_SRC))
NCCHECK_SRC = $(sort $(wildcard src/check/*.c src/check/*/*.c))
NCCHECK_MAIN = src/check/nccheck_main.c
NCCHECK_LIB_SRC = $(filter-out $(NCCHECK_MAIN),$(NCCHECK_SRC))

# The claim lists: each claim declares itself in its own file (DECLARE_CLAIM in a certifier,
# CK_DECLARE_CLAIM in a checker); src/collect_declarations.sh collects the declarations of each
# side into an X-macro list (rewritten only when it changes). The directories are prerequisites
# so that adding or removing a file regenerates too.
CLAIMS_DEF    = $(B)/gen/nccert/claims.def
CK_CLAIMS_DEF = $(B)/gen/nccheck/check_claims.def
CLAIM_DIRS    = $(sort $(dir $(wildcard src/claims/*/*.c)))
CK_CLAIM_DIRS = $(sort $(dir $(wildcard src/check/*/*.c)))

# The registry (src/claims/registry.h) is data: specs/registry/<claim-id>.tsv, turned into C by
# src/claims/registry_embed.sh in the claim order of $(CLAIMS_DEF) (specs/registry/README.md).
REGISTRY_TSV = $(sort $(wildcard specs/registry/*.tsv))
REGISTRY_GEN = $(B)/gen/registry_data.c
NCCERT_LIB_OBJ  = $(NCCERT_LIB_SRC:%.c=$(B)/%.o) $(REGISTRY_GEN:.c=.o)
NCCHECK_LIB_OBJ = $(NCCHECK_LIB_SRC:%.c=$(B)/%.o)

# Tests: tests/t_check_*.c link the checker library only; other tests/t_*.c link nccert's.
TEST_C_SRC      = $(sort $(wildcard tests/t_*.c))
TEST_CHECK_SRC  = $(filter tests/t_check_%.c,$(TEST_C_SRC))
TEST_NCCERT_SRC = $(filter-out tests/t_check_%.c,$(TEST_C_SRC))
TEST_BINS       = $(TEST_C_SRC:tests/%.c=$(B)/tests/%)
TEST_SCRIPTS    = $(sort $(wildcard tests/t_*.sh))

.PHONY: all deps deps-check deps-proofs nccheck check check-random verify proofs install uninstall man clean bench fuzz fuzz-deps check-sanitize check-valgrind check-determinism tcb

all: $(B)/nccert $(B)/nccheck

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(INCLUDES) -MMD -MP -c $< -o $@

$(B)/src/check/%.o: INCLUDES = $(CHECK_INCLUDES)

$(CLAIMS_DEF): src/collect_declarations.sh src/claims/papers.def $(CLAIM_DIRS) $(wildcard src/claims/*/*.c)
	@sh src/collect_declarations.sh DECLARE_CLAIM CLAIM src/claims/papers.def $@ $(wildcard src/claims/*/*.c)

$(CK_CLAIMS_DEF): src/collect_declarations.sh $(CK_CLAIM_DIRS) $(wildcard src/check/*/*.c)
	@sh src/collect_declarations.sh CK_DECLARE_CLAIM CK_CLAIM - $@ $(wildcard src/check/*/*.c)

$(B)/src/claims/claim_catalogue.o: $(CLAIMS_DEF)
$(B)/src/check/check_cert.o $(B)/src/check/check_manifest.o: $(CK_CLAIMS_DEF)

# specs/registry itself is a prerequisite so that adding or removing a .tsv regenerates too.
# A malformed file fails here with one message naming the file and line.
$(REGISTRY_GEN): src/claims/registry_embed.sh $(CLAIMS_DEF) specs/registry $(REGISTRY_TSV)
	@mkdir -p $(dir $@)
	CC="$(CC)" sh src/claims/registry_embed.sh $(CLAIMS_DEF) specs/registry > $@.tmp || { rm -f $@.tmp; exit 1; }
	@mv $@.tmp $@

$(REGISTRY_GEN:.c=.o): $(REGISTRY_GEN)
	$(CC) $(ALL_CFLAGS) $(INCLUDES) -MMD -MP -c $< -o $@

$(B)/libnccert.a: $(NCCERT_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/libnccheck.a: $(NCCHECK_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# ---- C API and shared library (issue 15, worktree py): rules ----
$(NCCERT_LIB_OBJ) $(B)/$(NCCERT_MAIN:.c=.o): ALL_CFLAGS += $(API_CFLAGS)
# objects of a build made before these flags are rebuilt once (the stamp is newer)
$(NCCERT_LIB_OBJ) $(B)/$(NCCERT_MAIN:.c=.o): $(B)/.api-pic-flags
$(B)/.api-pic-flags:
	@mkdir -p $(B) && touch $@

all: $(B)/libnccert.so

$(B)/$(SO_FILE): $(NCCERT_LIB_OBJ) src/api/nccert.map
	$(CC) $(ALL_CFLAGS) $(API_CFLAGS) $(LDFLAGS) -shared -Wl,-soname,$(SO_NAME) -Wl,-z,defs \
	  -Wl,--version-script=src/api/nccert.map -o $@ $(NCCERT_LIB_OBJ) $(LIBS_NCCERT)

$(B)/libnccert.so: $(B)/$(SO_FILE)
	ln -sf $(SO_FILE) $(B)/$(SO_NAME)
	ln -sf $(SO_NAME) $@

# nccert.pc for the PREFIX/LIBDIR/INCLUDEDIR of the make command that writes it (make install)
API_PC_SED = sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' \
  -e "s|@VERSION@|$$(sed -n 's/.*NCCERT_VERSION \"\(.*\)\"/\1/p' src/common/version.h)|" src/api/nccert.pc.in

# make install: the library (soname links), the header, nccert.pc, and the Python package under
# PYTHONDIR with _paths.py naming the installed library and nccheck (README: "From Python").
.PHONY: install-api uninstall-api
install: install-api
uninstall: uninstall-api
install-api: $(B)/libnccert.so
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(PYTHONDIR)/nccert
	install -m 755 $(B)/$(SO_FILE) $(DESTDIR)$(LIBDIR)
	ln -sf $(SO_FILE) $(DESTDIR)$(LIBDIR)/$(SO_NAME)
	ln -sf $(SO_NAME) $(DESTDIR)$(LIBDIR)/libnccert.so
	install -m 644 src/api/nccert.h $(DESTDIR)$(INCLUDEDIR)
	$(API_PC_SED) > $(DESTDIR)$(PKGCONFIGDIR)/nccert.pc
	install -m 644 python/nccert/*.py $(DESTDIR)$(PYTHONDIR)/nccert
	printf 'LIBRARY = "%s"\nNCCHECK = "%s"\n' "$(LIBDIR)/$(SO_NAME)" "$(BINDIR)/nccheck" \
	  > $(DESTDIR)$(PYTHONDIR)/nccert/_paths.py

uninstall-api:
	rm -f $(DESTDIR)$(LIBDIR)/$(SO_FILE) $(DESTDIR)$(LIBDIR)/$(SO_NAME) $(DESTDIR)$(LIBDIR)/libnccert.so
	rm -f $(DESTDIR)$(INCLUDEDIR)/nccert.h $(DESTDIR)$(PKGCONFIGDIR)/nccert.pc
	rm -rf $(DESTDIR)$(PYTHONDIR)/nccert
# ---- end C API rules ----

$(B)/nccert: $(B)/$(NCCERT_MAIN:.c=.o) $(B)/libnccert.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS_NCCERT)

$(B)/nccheck: $(B)/$(NCCHECK_MAIN:.c=.o) $(B)/libnccheck.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS_NCCHECK)

$(TEST_CHECK_SRC:tests/%.c=$(B)/tests/%): $(B)/tests/%: tests/%.c $(B)/libnccheck.a tests/tap.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CHECK_INCLUDES) -Itests $(LDFLAGS) -o $@ $< $(B)/libnccheck.a $(LIBS_NCCHECK)

$(TEST_NCCERT_SRC:tests/%.c=$(B)/tests/%): $(B)/tests/%: tests/%.c $(B)/libnccert.a tests/tap.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(INCLUDES) -Itests $(LDFLAGS) -o $@ $< $(B)/libnccert.a $(LIBS_NCCERT)

# The faulty BLAS of tests/t_oracle_faults.sh (LD_PRELOAD into nccert: tests/oracle_faults.c).
$(B)/tests/oracle_faults.so: tests/oracle_faults.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fPIC -shared $(LDFLAGS) -o $@ $< -ldl -lm

# The trusted base (`make tcb`, run by `make check`; tests/tcb.sh): nccheck's sources compiled
# again into $(B)/tcb with exactly $(CHECK_INCLUDES) (src/check/ and the checker's own generated
# claim list) and -MD (every header read, system ones too),
# linked with LIBS_NCCHECK only; then no header outside src/check/ nor FLINT/Arb's, no FLINT
# library on nccheck's link line (make -n), no arb_/fmpz_/... symbol or libflint in nccheck and
# libnccheck.a, and README.md's sizes of the trusted base (printed) within rounding of wc -l.
TCB_OBJ = $(NCCHECK_SRC:%.c=$(B)/tcb/%.o)

$(B)/tcb/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CHECK_INCLUDES) -MD -MP -c $< -o $@

$(B)/tcb/src/check/check_cert.o $(B)/tcb/src/check/check_manifest.o: $(CK_CLAIMS_DEF)

$(B)/tcb/nccheck: $(TCB_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS_NCCHECK)

tcb: $(B)/tcb/nccheck $(B)/nccheck $(B)/libnccheck.a
	@link=$$($(MAKE) --no-print-directory -s -n -B $(B)/nccheck | grep -e ' -o $(B)/nccheck ' | tail -n 1); \
	  NCCHECK_LINK="$$link" CC="$(CC)" TCB_SELF_TEST=1 sh tests/tcb.sh $(B)

# Dependency step: install missing Debian packages when root with apt-get, else say how.
# (deps-check and deps-proofs run this with their own package list.)
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' \
	    || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "deps: installing$$missing"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends $$missing >/dev/null \
	      || { echo "deps: apt-get install failed for:$$missing" >&2; exit 1; }; \
	  else \
	    echo "deps: missing Debian packages. Run as root:" >&2; \
	    echo "  apt-get update && apt-get install -y$$missing" >&2; exit 1; \
	  fi; \
	fi

deps-check:
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="$(CHECK_PACKAGES)"

deps-proofs:
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="$(PROOF_PACKAGES)"

# The checker alone, with deps-check's packages only (no Arb, FLINT or proof toolchain): the
# cheap path of a downstream project's CI (specs/manifest.md, examples/downstream/).
nccheck: deps-check
	$(MAKE) $(B)/nccheck

# Randomised tests print their seed and read NCCERT_TEST_SEED; make check pins it so that CI
# is reproducible (override: make check NCCERT_TEST_SEED=123); make check-random draws a new one.
NCCERT_TEST_SEED ?= 20261123
export NCCERT_TEST_SEED

check: deps schema-deps
	$(MAKE) all $(TEST_BINS) $(B)/tcb/nccheck $(B)/tests/oracle_faults.so
	$(MAKE) --no-print-directory tcb
	$(PROVE) -j2 --timer $(TEST_BINS) $(TEST_SCRIPTS)

# The second JSON Schema validator of tests/t_schema.sh (the first is Debian's python3-jsonschema,
# in DEB_PACKAGES): ajv from npm at the versions of tests/schema/package-lock.json, installed into
# tests/schema/node_modules (git-ignored). node and npm come from Debian when either is missing.
.PHONY: schema-deps
schema-deps:
	@command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
	  || $(MAKE) --no-print-directory deps DEB_PACKAGES="nodejs npm"
	@[ -f tests/schema/node_modules/ajv/package.json ] \
	  || npm ci --prefix tests/schema --no-audit --no-fund --loglevel=error

check-random: deps
	$(MAKE) check NCCERT_TEST_SEED=$$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')

# The registry is certified in VERIFY_SHARDS shards (nccert verify --shard I/N) and the
# certificates are checked in VERIFY_SHARDS slices (file I, I+N, ... of the sorted list), which
# `make -j` runs in parallel, the proofs alongside. Tables are merged back into the serial order
# (row r of shard I is entry r*N + I-1). Certificates do not depend on it: bench/README.md.
VERIFY_OUT    ?= certificates
VERIFY_SHARDS ?= 16
VERIFY_IDS     = $(shell seq 1 $(VERIFY_SHARDS))
VERIFY_LOGS    = $(foreach i,$(VERIFY_IDS),$(B)/verify/shard-$(i).txt)
VERIFY_CHECKS  = $(foreach i,$(VERIFY_IDS),$(B)/verify/check-$(i).txt)
# awk: interleave the rows of the N logs round-robin; "exit S" lines give each job's status
VERIFY_MERGE   = awk -v n=$(VERIFY_SHARDS) ' \
	  FNR == 1 { f++ } \
	  /^exit / { if ($$2 != 0 && !(ok1 && $$2 == 1)) bad = 1; next } \
	  /^CLAIM / { if (!hdr++) print; next } \
	  / instance\(s\), / { done += $$1; ok += $$3; next } \
	  { row[f, cnt[f]++] = $$0 } \
	  END { for (r = 0; ; r++) { any = 0; \
	          for (i = 1; i <= n; i++) if (r < cnt[i]) { print row[i, r]; any = 1 } \
	          if (!any) break } \
	        if (hdr) printf "%d instance(s), %d as expected, %d not\n", done, ok, done - ok; \
	        exit (bad || f != n || done != ok) }'

verify: deps deps-proofs
	$(MAKE) all
	$(MAKE) verify-certify verify-audit verify-check proofs

.PHONY: verify-certify verify-audit verify-check verify-force bench-deps
verify-force:

$(B)/verify/shard-%.txt: verify-force
	@mkdir -p $(dir $@)
	@$(B)/nccert verify --quiet --shard $*/$(VERIFY_SHARDS) --out $(VERIFY_OUT) > $@.tmp; \
	  echo "exit $$?" >> $@.tmp; mv $@.tmp $@

verify-certify: $(VERIFY_LOGS)
	@$(VERIFY_MERGE) ok1=1 $(VERIFY_LOGS)

# The audit of the papers' printed formulas (specs/audit/): writes the certificates behind its
# rows under $(VERIFY_OUT)/audit and fails if any verdict differs from specs/audit/expected.tsv.
verify-audit: verify-certify
	$(B)/nccert audit --quiet --write-certificates $(VERIFY_OUT)/audit --check-expected > $(B)/audit.txt

$(B)/verify/check-%.txt: verify-certify verify-audit
	@find $(VERIFY_OUT) -name '*.json' | LC_ALL=C sort | awk -v n=$(VERIFY_SHARDS) -v i=$* 'NR % n == i % n' > $@.files
	@if [ -s $@.files ]; then xargs -d '\n' $(B)/nccheck < $@.files > $@.tmp; else : > $@.tmp; fi; \
	  echo "exit $$?" >> $@.tmp; mv $@.tmp $@

verify-check: $(VERIFY_CHECKS)
	@$(VERIFY_MERGE) $(VERIFY_CHECKS)

$(B)/bench/bench_lemma31: bench/bench_lemma31.c bench/bench_timing.c bench/bench_timing.h $(B)/libnccert.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(INCLUDES) $(LDFLAGS) -o $@ $(filter %.c,$^) $(B)/libnccert.a -lmpfi $(LIBS_NCCERT)

$(B)/bench/bench_pd: bench/bench_pd.c bench/bench_timing.c bench/bench_timing.h $(B)/libnccert.a $(B)/libnccheck.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(INCLUDES) $(CHECK_INCLUDES) $(LDFLAGS) -o $@ $(filter %.c,$^) $(B)/libnccert.a $(B)/libnccheck.a -lmpfi $(LIBS_NCCERT)

# The OpenBLAS peer of ulpm.lemma-3.1 (bench/blas.sh): plain C on OpenBLAS, none of nccert's code.
$(B)/bench/bench_blas_peer: bench/bench_blas_peer.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< -lopenblas -lm

# Benchmarks: ratios against peers measured in one run (see bench/README.md). The peers need
# python3-mpmath (and /usr/bin/time for peak memory), installed by bench-deps only.
BENCH_PACKAGES = python3-mpmath python3-numpy time

bench-deps:
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="$(BENCH_PACKAGES)"

bench: deps bench-deps
	$(MAKE) all $(B)/bench/bench_lemma31 $(B)/bench/bench_pd $(B)/bench/bench_blas_peer
	MAKE="$(MAKE)" sh bench/run.sh $(B)

# ulpm.lemma-3.1 end to end against the OpenBLAS peer alone (also section 7 of make bench).
.PHONY: bench-blas
bench-blas: deps bench-deps
	$(MAKE) all $(B)/bench/bench_blas_peer
	sh bench/blas.sh $(B)

# "Bring your own network" at CIFAR-10 size alone (also section 6 of make bench): bench/byon.sh.
.PHONY: bench-byon
bench-byon: deps bench-deps
	$(MAKE) all
	sh bench/byon.sh $(B)

# linconv.theorem-2 at growing D through the Schur complement alone (also section 7 of make bench).
.PHONY: bench-linconv-schur
bench-linconv-schur: all
	sh bench/linconv_schur.sh $(B)

# Hardening of the checker against untrusted certificates (tests/fuzz/README.md). clang and
# libFuzzer are installed by fuzz-deps only: make check and make verify never need them.
FUZZ_CC       ?= clang
FUZZ_SECONDS  ?= 60
FUZZ_PACKAGES  = clang libclang-rt-14-dev
# RIGOR_FLAGS less -fexcess-precision (clang 14 rejects it; the checker has no floating point).
# Warnings stay errors, but clang's heuristic -Wstring-concatenation (long strings split over
# lines inside an array of strings) is off: gcc, the compiler of record, has no such warning.
FUZZ_CFLAGS    = -std=c11 -frounding-math -ffp-contract=off $(filter-out -Wno-stringop-%,$(WARN_FLAGS)) -Wno-string-concatenation \
                 -D_POSIX_C_SOURCE=200809L -g -O1 -fno-omit-frame-pointer \
                 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $(CHECK_INCLUDES)
FUZZ_BINS      = $(B)/fuzz/fuzz_nccheck $(B)/fuzz/fuzz_numbers

fuzz-deps:
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="$(FUZZ_PACKAGES)"

$(B)/fuzz/fuzz_nccheck: tests/fuzz/fuzz_nccheck.c tests/fuzz/fuzz_mutator.c $(CK_CLAIMS_DEF) $(NCCHECK_LIB_SRC) $(wildcard src/check/*.h src/check/*/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< tests/fuzz/fuzz_mutator.c $(NCCHECK_LIB_SRC) $(LIBS_NCCHECK)

$(B)/fuzz/fuzz_numbers: tests/fuzz/fuzz_numbers.c src/check/check_rational.c src/check/check_rational.h src/check/check_lex.c src/check/check_lex.h src/check/check_alloc.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< src/check/check_rational.c src/check/check_lex.c src/check/check_alloc.c -ljansson -lgmp

# Crash regressions, then a FUZZ_SECONDS smoke run of each harness (one job).
fuzz: deps fuzz-deps
	$(MAKE) $(FUZZ_BINS)
	sh tests/fuzz/run.sh smoke $(FUZZ_SECONDS) $(B)/fuzz

# make check with AddressSanitizer + UndefinedBehaviorSanitizer, and with valgrind, each in a
# scratch copy of the tree under $(B)/ (the normal build/ is left alone).
check-sanitize: deps
	sh tests/fuzz/check_variant.sh sanitize $(B)/check-sanitize

check-valgrind: deps
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="valgrind"
	sh tests/fuzz/check_variant.sh valgrind $(B)/check-valgrind

# The registry's certificates under make -j1 with 1 shard and -j2 with 3 (VARIANT_CONFIGS="1:1 2:3 8:16"
# adds -j8 with 16): byte-identical to each
# other and to certificates/ (about 30 s).
check-determinism: deps
	sh tests/fuzz/check_variant.sh jobs $(B)/check-determinism

# The human-readable report (nccert report): gnuplot figures, rendered in headless Chromium.
# gnuplot and chromium are installed by report-deps only: make check and make verify never need them.
REPORT_PACKAGES = gnuplot-nox chromium fonts-dejavu-core

.PHONY: report report-deps
report-deps:
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="$(REPORT_PACKAGES)"

# Two screenshots: report.png, the top of the page (contents, summary, the first figures), and
# report-figure.png, the certified imbrelu phase diagram alone (report.html?focus=ID shows one
# element; headless Chromium 156 shoots a page scrolled to an #anchor blank when the window
# size is given).
REPORT_CHROMIUM = chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
	  --disable-sync --no-first-run --hide-scrollbars --user-data-dir=$(CURDIR)/$(B)/report/chromium-profile
REPORT_FIGURE = fig-imbrelu-phases-certified

report: deps report-deps
	$(MAKE) all
	$(B)/nccert report --out $(B)/report
	$(REPORT_CHROMIUM) --window-size=1280,1800 \
	  --screenshot=$(CURDIR)/$(B)/report/report.png file://$(CURDIR)/$(B)/report/report.html
	$(REPORT_CHROMIUM) --window-size=1280,900 \
	  --screenshot=$(CURDIR)/$(B)/report/report-figure.png "file://$(CURDIR)/$(B)/report/report.html?focus=$(REPORT_FIGURE)"
	@echo "report: $(B)/report/report.html, $(B)/report/report.md, screenshots $(B)/report/report.png (top)," \
	  "$(B)/report/report-figure.png ($(REPORT_FIGURE))"

# certificate.schema.json's lists of claims and papers, regenerated from the declarations
# (checked by tests/t_lint_claims.sh).
.PHONY: schemas
schemas:
	python3 specs/schemas/update_dispatch.py

# The C style (.clang-format; src/kernels/ keeps its hand layout): `make format` applies it,
# tests/t_format.sh (in make check) fails on a file that differs.
.PHONY: format
format:
	git ls-files 'src/*.[ch]' 'tests/*.[ch]' 'bench/*.[ch]' | xargs clang-format -i

proofs: deps-proofs
	sh proofs/wp/run.sh

# Manual pages: made from the programs' own --help output (src/cli/cli_man.sh), never by hand.
MAN_PAGES = $(B)/man/nccert.1 $(B)/man/nccheck.1

man: $(MAN_PAGES)

$(B)/man/%.1: $(B)/% src/cli/cli_man.sh
	@mkdir -p $(dir $@)
	sh src/cli/cli_man.sh $< > $@.tmp && mv $@.tmp $@

# make install [PREFIX=/usr/local] [DESTDIR=...]: the programs, their manual pages, and the data
# nccert audit and nccert report read, under DATADIR with the repository's layout. An installed
# nccert finds it as <bindir>/../share/nccert (nccert --help: NCCERT_DATA_DIR).
DATADIR    ?= $(PREFIX)/share/nccert
MANDIR     ?= $(PREFIX)/share/man/man1
DATA_FILES  = $(sort $(wildcard specs/audit/*.tsv)) specs/claims/imbrelu.cor-4.phase.tsv \
              proofs/derivations/msecp-dynamics-omega.tsv

install: all man
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)
	install -m 755 $(B)/nccert $(B)/nccheck $(DESTDIR)$(BINDIR)
	install -m 644 $(MAN_PAGES) $(DESTDIR)$(MANDIR)
	for f in $(DATA_FILES); do \
	  install -d "$(DESTDIR)$(DATADIR)/$$(dirname $$f)" && install -m 644 "$$f" "$(DESTDIR)$(DATADIR)/$$f" || exit 1; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/nccert $(DESTDIR)$(BINDIR)/nccheck
	rm -f $(DESTDIR)$(MANDIR)/nccert.1 $(DESTDIR)$(MANDIR)/nccheck.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(B) tests/tmp

-include $(shell find $(B) -name '*.d' 2>/dev/null)
