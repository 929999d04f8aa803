/* fuzz_nccheck.c: libFuzzer entry point for nccheck. The input is one certificate held in
 * memory, checked by ck_check_buffer: the code path of `nccheck FILE` after the file is read
 * (size and nesting limits, JSON parse, top level, dispatch to every claim checker). Built by
 * `make fuzz` with clang -fsanitize=fuzzer,address,undefined; see tests/fuzz/README.md.
 *
 * Besides memory errors and undefined behaviour, the harness aborts on any result outside the
 * documented exit codes 0/1/2, on an empty reason for a rejection, and on an accepted
 * certificate whose verdict is not PROVED/REFUTED (INCONCLUSIVE is never valid). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_cert.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
