/* fuzz_nccheck.c: libFuzzer entry point for nccheck. The input is one certificate held in
 * memory, checked by ck_check_buffer: the code path of `nccheck FILE` after the file is read
 * (size and nesting limits, JSON parse, top level, dispatch to every claim checker). Built by
 * `make fuzz` with clang -fsanitize=fuzzer,address,undefined; see tests/fuzz/README.md.
 *
 * Besides memory errors and undefined behaviour, the harness aborts on any result outside the
 * documented exit codes 0/1/2, on an empty reason for a rejection, and on an accepted
 * certificate whose verdict is not PROVED/REFUTED (INCONCLUSIVE is never valid), and when the
 * checked allocator's budget (256 MiB, as --max-memory; work limit 2^26) is reached at run time: every claim must
 * refuse an instance over the budget up front, before it allocates. The structure-aware
 * mutator that changes declared sizes and numbers is fuzz_mutator.c. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_alloc.h"
#include "check_limits.h"
#include "check_cert.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The checked allocator's budget was reached at run time: a claim whose up-front estimate
 * (ck_limit_check) let through an instance that needs more than FUZZ_BUDGET, a finding. */
static void on_budget(const char *why)
{
    fprintf(stderr, "fuzz_nccheck: memory budget reached at run time (an estimate missed it): %s\n", why);
    abort();
}

#define FUZZ_BUDGET (256UL << 20) /* far below run.sh's -rss_limit_mb (2048) with ASan's overhead */
#define FUZZ_WORK                                                                                                      \
    67108864.0 /* 2^26 operations: instances beyond are refused at once, so that
                                      the mutator's large sizes test the refusal, not the patience */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    ck_alloc_set_handler(on_budget);
    ck_alloc_init(FUZZ_BUDGET);
    ck_limit_set_max_work(FUZZ_WORK);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ck_result r;
    int code = ck_check_buffer((const char *)data, size, &r);
    if (code < 0 || code > 2 || code != r.err.code) {
        fprintf(stderr, "fuzz_nccheck: exit code %d (err.code %d) outside {0,1,2}\n", code, r.err.code);
        abort();
    }
    if (code != 0 && (r.err.msg[0] == '\0' || memchr(r.err.msg, '\n', sizeof r.err.msg))) {
        fprintf(stderr, "fuzz_nccheck: rejection without a one-line reason: \"%s\"\n", r.err.msg);
        abort();
    }
    if (code == 0 && r.verdict != CK_PROVED && r.verdict != CK_REFUTED) {
        fprintf(stderr, "fuzz_nccheck: accepted with verdict \"%s\"\n", ck_verdict_name(r.verdict));
        abort();
    }
    return 0;
}
