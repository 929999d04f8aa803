/* nccheck_main.c: the nccheck command line: options, one line per file, exit status, and the
 * CPU-time limit per file (a certificate is untrusted input: one built to make the check run
 * for hours is rejected, exit 2, once its check has used --max-seconds of CPU time). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "check_cert.h"
#include "check_manifest.h"

#define NCCHECK_VERSION "0.1.0"
#define DEFAULT_MAX_SECONDS 600L

/* What the SIGPROF handler needs: the files, the one being checked, the limit as text. */
static char **g_argv;
static int g_cur, g_argc;
static char g_limit_text[24];

static void put(const char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(STDOUT_FILENO, s, n);
        if (w <= 0) return;
        s += w, n -= (size_t)w;
    }
}

/* CPU-time limit reached while checking g_argv[g_cur]: one line for it and for every file not
 * checked yet, then exit 2. Only async-signal-safe calls (write, _exit); stdout was flushed
 * after the previous file, so no buffered output is lost or interleaved. */
static void on_time_limit(int sig)
{
    (void)sig;
    put(g_argv[g_cur]);
    put(": REJECTED: limits exceeded: the check used more than ");
    put(g_limit_text);
    put(" s of CPU time (--max-seconds)\n");
    for (int a = g_cur + 1; a < g_argc; a++) {
        put(g_argv[a]);
        put(": REJECTED: not checked (an earlier file exceeded --max-seconds)\n");
    }
    _exit(2);
}

/* Arms (seconds > 0) or disarms (0) the per-file CPU-time limit (user + system time). */
static void set_time_limit(long seconds)
{
    struct itimerval t;
    memset(&t, 0, sizeof t);
    t.it_value.tv_sec = seconds;
    setitimer(ITIMER_PROF, &t, NULL);
}

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: nccheck [--quiet] [--max-seconds S] FILE...\n"
            "       nccheck --help | --version\n"
            "\n"
            "Independently re-verifies nccert certificates (format " CK_FORMAT "):\n"
            "regenerates each instance, recomputes every quantity exactly, checks each\n"
            "enclosure, the assertion and the verdict. Prints one line per file:\n"
            "  FILE: ACCEPTED <verdict> <claim>   or   FILE: REJECTED: <reason>\n"
            "\n"
            "  --quiet    print nothing for accepted files (rejections are still printed)\n"
            "  --max-seconds S\n"
            "             CPU-time limit per file (default 600; 0: none); a file over it is\n"
            "             rejected as exceeding the limits (exit 2) and later files are not checked\n"
            "  --         end of options\n"
            "\n"
            "Exit status (the largest over all files): 0 every certificate valid;\n"
            "1 a well-formed certificate whose claim does not follow (wrong enclosure,\n"
            "witness not establishing the assertion, verdict not following, INCONCLUSIVE);\n"
            "2 malformed input (not JSON, unknown format, missing/extra keys, wrong types,\n"
            "indices out of range, limits exceeded, unreadable file) or a usage error.\n");
}

int main(int argc, char **argv)
{
    int quiet = 0, first = 1, status = 0;
    long max_seconds = DEFAULT_MAX_SECONDS;
    /* nccheck --manifest FILE ...: the cheap path of specs/manifest.md (check_manifest.c) */
    if (ck_manifest_requested(argc, argv)) return ck_manifest_main(argc, argv);
    for (; first < argc && argv[first][0] == '-' && argv[first][1] != '\0'; first++) {
        if (strcmp(argv[first], "--") == 0) { first++; break; }
        if (strcmp(argv[first], "--quiet") == 0) quiet = 1;
        else if (strcmp(argv[first], "--max-seconds") == 0) {
            char *end = NULL;
            const char *v = first + 1 < argc ? argv[++first] : "";
            max_seconds = strtol(v, &end, 10);
            if (v[0] < '0' || v[0] > '9' || *end != '\0' || max_seconds < 0 || max_seconds > 1000000) {
                fprintf(stderr, "nccheck: --max-seconds expects an integer in [0, 1000000], got \"%.40s\"\n", v);
                return 2;
            }
        }
        else if (strcmp(argv[first], "--help") == 0) { usage(stdout); return 0; }
        else if (strcmp(argv[first], "--version") == 0) { puts("nccheck " NCCHECK_VERSION); return 0; }
        else {
            fprintf(stderr, "nccheck: unknown option %s\n", argv[first]);
            usage(stderr);
            return 2;
        }
    }
    if (first >= argc) {
        fprintf(stderr, "nccheck: no certificate file given\n");
        usage(stderr);
        return 2;
    }
    g_argv = argv, g_argc = argc;
    snprintf(g_limit_text, sizeof g_limit_text, "%ld", max_seconds);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_time_limit;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGPROF, &sa, NULL);
    for (int a = first; a < argc; a++) {
        ck_result r;
        g_cur = a;
        set_time_limit(max_seconds);
        int code = ck_check_file(argv[a], &r);
        set_time_limit(0);
        if (code == 0) {
            if (!quiet) printf("%s: ACCEPTED %s %s\n", argv[a], ck_verdict_name(r.verdict), r.claim);
        } else printf("%s: REJECTED: %s\n", argv[a], r.err.msg);
        fflush(stdout);
        if (code > status) status = code;
    }
    return status;
}
