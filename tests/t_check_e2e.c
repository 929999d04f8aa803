/* t_check_e2e.c: end-to-end tests of nccheck on the hand-built certificates of
 * tests/check_data/ (expected exit codes in expected.txt, derived from the math by
 * make_certs.py), limits, the two large instances (times reported as diagnostics), and the
 * command line. Run from the repository root. */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check_cert.h"
#include "tap.h"

#define DATA "tests/check_data/"

/* runs CMD; returns its exit status and its first output line in OUT */
static int run(const char *cmd, char *out, size_t n)
{
    FILE *p = popen(cmd, "r");
    out[0] = '\0';
    if (!p) return -1;
    if (!fgets(out, (int)n, p)) out[0] = '\0';
    char sink[4096];
    while (fgets(sink, sizeof sink, p)) {}
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(void)
{
    FILE *f = fopen(DATA "expected.txt", "r");
    if (!tap_ok(f != NULL, "open " DATA "expected.txt (run from the repository root)")) return tap_done();
    char name[256], path[512];
    int want;
    ck_result r;
    while (fscanf(f, "%255s %d", name, &want) == 2) {
        snprintf(path, sizeof path, DATA "%s", name);
        int got = ck_check_file(path, &r);
        tap_ok(got == want, "%s: exit %d (expected %d)%s%s", name, got, want, got ? ": " : "", got ? r.err.msg : "");
    }
    fclose(f);

    ck_check_file(DATA "k2_nc_equal.json", &r);
    tap_ok(r.verdict == CK_PROVED && strcmp(r.claim, "ulpm.lemma-3.1") == 0,
           "accepted certificate reports verdict and claim");
    tap_ok(ck_check_file(DATA "no_such_file.json", &r) == 2, "unreadable file: exit 2 (%s)", r.err.msg);

    /* 256 MiB limit: checked from the file size, before reading (sparse file) */
    const char *huge = "build/tests/t_check_e2e_huge.json";
    FILE *h = fopen(huge, "w");
    int made = h && ftruncate(fileno(h), 256L * 1024 * 1024 + 1) == 0;
    if (h) fclose(h);
    tap_ok(made && ck_check_file(huge, &r) == 2 && strstr(r.err.msg, "256 MiB"),
           "file over 256 MiB rejected (exit 2): %s", r.err.msg);
    remove(huge);

    /* timing: a 2.58M-entry random-dyadic/1 instance and the all-margins check on nc/1 */
    double t0 = now();
    int c1 = ck_check_file(DATA "rd_large.json", &r);
    double t1 = now();
    int c2 = ck_check_file(DATA "nc_large.json", &r);
    double t2 = now();
    /* the times are reported, not asserted: timings belong to make bench, and this test also
     * runs under valgrind (tests/fuzz/check_variant.sh), 20 to 50 times slower */
    tap_diag("rd_large (K=100 n=100 d=256): %.3f s; nc_large all margins (K=100 n=50 d=128): %.3f s", t1 - t0, t2 - t1);
    tap_ok(c1 == 0, "random-dyadic/1 K=100 n=100 d=256 (2.58M entries) accepted");
    tap_ok(c2 == 0 && r.verdict == CK_PROVED && strcmp(r.claim, "ulpm.lemma-3.1") == 0,
           "nc/1 K=100 n=50 d=128 equality (all margins) accepted: PROVED ulpm.lemma-3.1");

    /* command line */
    char line[1024];
    tap_ok(run("build/nccheck --help", line, sizeof line) == 0 && strncmp(line, "usage: nccheck", 14) == 0,
           "--help: usage on stdout, exit 0");
    tap_ok(run("build/nccheck --version", line, sizeof line) == 0 && strncmp(line, "nccheck ", 8) == 0,
           "--version: exit 0");
    tap_ok(run("build/nccheck 2>/dev/null", line, sizeof line) == 2, "no file: usage error, exit 2");
    tap_ok(run("build/nccheck --frobnicate " DATA "k2_strict.json 2>/dev/null", line, sizeof line) == 2,
           "unknown option: exit 2");
    tap_ok(run("build/nccheck " DATA "k2_strict.json", line, sizeof line) == 0 &&
               strcmp(line, DATA "k2_strict.json: ACCEPTED PROVED ulpm.lemma-3.1\n") == 0,
           "one ACCEPTED line: <file>: ACCEPTED <verdict> <claim>");
    tap_ok(run("build/nccheck " DATA "bad_verdict.json", line, sizeof line) == 1 &&
               strncmp(line, DATA "bad_verdict.json: REJECTED: ", strlen(DATA) + 28) == 0,
           "one REJECTED line with a reason, exit 1");
    tap_ok(run("build/nccheck " DATA "k2_strict.json " DATA "bad_verdict.json " DATA "k2_nc_equal.json", line,
               sizeof line) == 1,
           "several files: largest code wins (0, 1, 0 -> 1)");
    tap_ok(run("build/nccheck " DATA "bad_format.json " DATA "bad_verdict.json", line, sizeof line) == 2,
           "several files: 2 beats 1");
    tap_ok(run("build/nccheck --quiet " DATA "k2_strict.json " DATA "nc_k3_n2.json", line, sizeof line) == 0 &&
               line[0] == '\0',
           "--quiet: nothing printed for accepted files");
    tap_ok(run("build/nccheck --quiet " DATA "bad_extra_key.json", line, sizeof line) == 2 &&
               strstr(line, "REJECTED: certificate: unknown key \"extra\""),
           "--quiet still prints rejections");
    return tap_done();
}
