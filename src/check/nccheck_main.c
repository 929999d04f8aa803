/* nccheck_main.c: the nccheck command line: options, one line per file (or one JSON document,
 * --json), exit status, and the CPU-time limit per file (a certificate is untrusted input: one
 * built to make the check run for hours is rejected, exit 2, once its check has used
 * --max-seconds of CPU time). The usage text is also the manual: `make man` turns
 * `nccheck --help` into nccheck(1) (src/cli/cli_man.sh). Options mean what they mean in nccert
 * (-q/--quiet, -h/--help, --version, --json); a usage error is one line on stderr, exit 2. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "check_alloc.h"
#include "check_cert.h"
#include "check_data.h"
#include "check_manifest.h"

#define NCCHECK_VERSION "0.1.0"
#define DEFAULT_MAX_SECONDS 600L

/* What the SIGPROF handler needs: the files, the one being checked, the limit as text, the
 * output mode and the number of JSON entries written so far. */
static char **g_argv;
static int g_cur, g_argc, g_json, g_entries;
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

/* S inside a JSON string: quotes, backslashes and control characters escaped, bytes that are
 * not UTF-8 replaced by U+FFFD (file names are bytes). Async-signal-safe (no allocation). */
static void put_json_chars(const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        char b[8] = {0};
        int n = *p < 0x80 ? 1 : (*p & 0xe0) == 0xc0 ? 2 : (*p & 0xf0) == 0xe0 ? 3 : (*p & 0xf8) == 0xf0 ? 4 : 0;
        for (int k = 1; k < n; k++)
            if ((p[k] & 0xc0) != 0x80) n = 0;
        if (n == 0) {
            put("\\ufffd");
            p++;
            continue;
        }
        if (n == 1 && (*p == '"' || *p == '\\'))
            b[0] = '\\', b[1] = (char)*p;
        else if (n == 1 && *p < 0x20)
            memcpy(b, "\\u00", 4), b[4] = hex[*p >> 4], b[5] = hex[*p & 15];
        else
            memcpy(b, p, (size_t)n);
        put(b);
        p += n;
    }
}

static void put_json_string(const char *s)
{
    put("\"");
    put_json_chars(s);
    put("\"");
}

/* One entry of the --json output (see usage): claim and verdict NULL for null; the message is
 * the concatenation of m1, m2, m3 (NULL: empty). */
static void put_json_entry(const char *path, int code, const char *claim, const char *verdict, const char *m1,
                           const char *m2, const char *m3)
{
    static const char *const codes[] = {"0", "1", "2"};
    put(g_entries++ ? ",\n    {\"path\": " : "\n    {\"path\": ");
    put_json_string(path);
    put(code == 0 ? ", \"valid\": true, \"exit\": " : ", \"valid\": false, \"exit\": ");
    put(codes[code >= 0 && code <= 2 ? code : 2]);
    put(", \"claim\": ");
    if (claim)
        put_json_string(claim);
    else
        put("null");
    put(", \"verdict\": ");
    if (verdict)
        put_json_string(verdict);
    else
        put("null");
    put(", \"message\": \"");
    put_json_chars(m1);
    if (m2) put_json_chars(m2);
    if (m3) put_json_chars(m3);
    put("\"}");
}

/* Arms (seconds > 0) or disarms (0) the per-file CPU-time limit (user + system time). */
static void set_time_limit(long seconds)
{
    struct itimerval t;
    memset(&t, 0, sizeof t);
    t.it_value.tv_sec = seconds;
    setitimer(ITIMER_PROF, &t, NULL);
}

static void set_time_limit_off(void)
{
    set_time_limit(0);
}

static void put_json_start(void)
{
    put("{\n  \"format\": \"nccheck-result/1\",\n  \"files\": [");
}

static void put_json_end(int status)
{
    static const char *const codes[] = {"0", "1", "2"};
    put(g_entries ? "\n  ],\n  \"exit\": " : "],\n  \"exit\": ");
    put(codes[status >= 0 && status <= 2 ? status : 2]);
    put("\n}\n");
}

/* A limit reached while checking g_argv[g_cur]: one line (one JSON entry) for it, whose reason
 * is M1 M2 M3, and for every file not checked yet (LATER), then exit 2. Only async-signal-safe
 * calls (write, _exit); stdout was flushed after the previous file, so no buffered output is
 * lost or interleaved. */
static void reject_rest(const char *m1, const char *m2, const char *m3, const char *later)
{
    for (int a = g_cur; a < g_argc; a++) {
        if (g_json) {
            if (a == g_cur)
                put_json_entry(g_argv[a], 2, NULL, NULL, m1, m2, m3);
            else
                put_json_entry(g_argv[a], 2, NULL, NULL, later, NULL, NULL);
            continue;
        }
        put(g_argv[a]);
        put(": REJECTED: ");
        if (a == g_cur)
            put(m1), put(m2), put(m3);
        else
            put(later);
        put("\n");
    }
    if (g_json) put_json_end(2);
    _exit(2);
}

/* CPU-time limit reached (SIGPROF) */
static void on_time_limit(int sig)
{
    (void)sig;
    reject_rest("limits exceeded: the check used more than ", g_limit_text, " s of CPU time (--max-seconds)",
                "not checked (an earlier file exceeded --max-seconds)");
}

/* An allocation failed or went over --max-memory (check_alloc.c; WHY is one line) */
static void on_memory_limit(const char *why)
{
    set_time_limit_off();
    reject_rest(why, "", "", "not checked (an earlier file exceeded --max-memory)");
}

static void usage(FILE *f)
{
    fprintf(f, "usage: nccheck [-q] [--json] [--max-seconds S] [--max-memory BYTES] [--data-dir DIR] [--] FILE...\n"
               "       nccheck --help | --version\n"
               "\n"
               "nccheck: the independent checker of nccert certificates\n"
               "\n"
               "Independently re-verifies nccert certificates (format " CK_FORMAT "): it\n"
               "regenerates each instance, recomputes every quantity exactly, checks each\n"
               "enclosure, the assertion and the verdict. Prints one line per file:\n"
               "  FILE: ACCEPTED <verdict> <claim>   or   FILE: REJECTED: <reason>\n"
               "\n"
               "Options:\n"
               "  -q, --quiet           print nothing for accepted files (rejections are still printed)\n"
               "      --json            print one JSON document instead of the lines: {\"format\":\n"
               "                        \"nccheck-result/1\", \"files\": [{\"path\", \"valid\", \"exit\", \"claim\",\n"
               "                        \"verdict\", \"message\"}, ...], \"exit\"}, one entry per file in the\n"
               "                        order given (valid: exit 0; claim: the certificate's claim id when\n"
               "                        nccheck knows it, else null; verdict: the verdict accepted, null\n"
               "                        when rejected; message: \"accepted\" or the reason); with --json,\n"
               "                        --quiet changes nothing\n"
               "      --max-seconds S   CPU-time limit per file (default 600; 0: none); a file over it is\n"
               "                        rejected as exceeding the limits (exit 2) and later files are not\n"
               "                        checked\n"
               "      --max-memory BYTES\n"
               "                        memory limit (bytes in use by the check; suffix K, M or G for\n"
               "                        powers of 1024; default 4G; 0: none, at most 1024G): a claim whose\n"
               "                        declared sizes need more (or more than 2^36 operations) is refused\n"
               "                        before it allocates, and an allocation over it (or a failed one)\n"
               "                        rejects the file as exceeding the limits (exit 2); later files are\n"
               "                        not checked\n"
               "      --data-dir DIR    where the data files of data/1 instances (a network's .npz / .npy\n"
               "                        files, named in the certificate by name, size and SHA-256) are;\n"
               "                        default: the directory of each certificate. A missing file or one\n"
               "                        whose size or SHA-256 differs is rejected (exit 2)\n"
               "  -h, --help            this text\n"
               "      --version         the version\n"
               "  --                    end of options (for a FILE starting with \"-\")\n"
               "\n"
               "Environment:\n"
               "  (none)                nccheck reads no environment variable: its verdicts depend on\n"
               "                        the files alone\n"
               "\n"
               "Exit status:\n"
               "  0  every certificate valid\n"
               "  1  the largest status is a well-formed certificate whose claim does not follow\n"
               "     (wrong enclosure, witness not establishing the assertion, verdict not following,\n"
               "     INCONCLUSIVE)\n"
               "  2  malformed input (not JSON, unknown format, missing/extra keys, wrong types,\n"
               "     indices out of range, limits exceeded, unreadable file; a data file missing or\n"
               "     differing from its size and SHA-256) or a usage error\n");
}

/* Optimal string alignment distance, for "did you mean" (the same rule as nccert's). */
static int edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64) return 1000;
    int d[65][65];
    for (size_t i = 0; i <= la; i++) d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++) d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < c) c = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < c) c = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < c)
                c = d[i - 2][j - 2] + 1;
            d[i][j] = c;
        }
    return d[la][lb];
}

static int usage_error(const char *what, const char *arg)
{
    static const char *const options[] = {"--quiet",    "--json", "--max-seconds", "--max-memory",
                                          "--data-dir", "--help", "--version"};
    const char *best = NULL, *t = arg;
    while (*t == '-') t++;
    int bestd = 1 + (int)strlen(t) / 4;
    for (size_t k = 0; *t && k < sizeof options / sizeof options[0]; k++) {
        int dd = edit_distance(t, options[k] + 2);
        if (dd <= bestd && (!best || dd < bestd)) best = options[k], bestd = dd;
    }
    fprintf(stderr, "nccheck: %s %.80s%s%s%s; see nccheck --help\n", what, arg, best ? " (did you mean " : "",
            best ? best : "", best ? "?)" : "");
    return 2;
}

static int looks_like_option(const char *v)
{
    return v[0] == '-' && v[1] != '\0' && !(v[1] >= '0' && v[1] <= '9');
}

int main(int argc, char **argv)
{
    int quiet = 0, json = 0, first = 1, status = 0;
    long max_seconds = DEFAULT_MAX_SECONDS;
    unsigned long long max_memory = CK_DEFAULT_MAX_MEMORY;
    /* nccheck --manifest FILE ...: the cheap path of specs/manifest.md (check_manifest.c) */
    if (ck_manifest_requested(argc, argv)) return ck_manifest_main(argc, argv);
    for (; first < argc && argv[first][0] == '-' && argv[first][1] != '\0'; first++) {
        const char *a = argv[first];
        if (strcmp(a, "--") == 0) {
            first++;
            break;
        }
        if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0)
            quiet = 1;
        else if (strcmp(a, "--json") == 0)
            json = 1;
        else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--version") == 0) {
            puts("nccheck " NCCHECK_VERSION);
            return 0;
        } else if (strcmp(a, "--data-dir") == 0 || strncmp(a, "--data-dir=", 11) == 0) {
            const char *v = a[10] == '=' ? a + 11 : first + 1 < argc ? argv[++first] : NULL;
            if (v == NULL || !*v || (a[10] != '=' && looks_like_option(v))) {
                fprintf(stderr, "nccheck: option --data-dir needs a directory; see nccheck --help\n");
                return 2;
            }
            ck_data_set_dir(v);
        } else if (strcmp(a, "--max-seconds") == 0 || strncmp(a, "--max-seconds=", 14) == 0) {
            char *end = NULL;
            const char *v = a[13] == '=' ? a + 14 : first + 1 < argc ? argv[++first] : NULL;
            if (v == NULL) {
                fprintf(stderr, "nccheck: option --max-seconds needs a value; see nccheck --help\n");
                return 2;
            }
            if (a[13] != '=' && looks_like_option(v)) {
                fprintf(stderr,
                        "nccheck: option --max-seconds needs a value, got the option \"%.60s\"; see nccheck "
                        "--help\n",
                        v);
                return 2;
            }
            max_seconds = strtol(v, &end, 10);
            if (v[0] < '0' || v[0] > '9' || *end != '\0' || max_seconds < 0 || max_seconds > 1000000) {
                fprintf(stderr, "nccheck: --max-seconds expects an integer in [0, 1000000], got \"%.40s\"\n", v);
                return 2;
            }
        } else if (strcmp(a, "--max-memory") == 0 || strncmp(a, "--max-memory=", 13) == 0) {
            const char *v = a[12] == '=' ? a + 13 : first + 1 < argc ? argv[++first] : NULL;
            if (v == NULL || (a[12] != '=' && looks_like_option(v))) {
                fprintf(stderr, "nccheck: option --max-memory needs a value%s%.60s%s; see nccheck --help\n",
                        v ? ", got the option \"" : "", v ? v : "", v ? "\"" : "");
                return 2;
            }
            if (ck_parse_size_arg(v, &max_memory)) return 2;
        } else {
            return usage_error("unknown option", a);
        }
    }
    if (first >= argc) {
        fprintf(stderr, "nccheck: no certificate file given; see nccheck --help\n");
        return 2;
    }
    g_argv = argv, g_argc = argc, g_json = json;
    snprintf(g_limit_text, sizeof g_limit_text, "%ld", max_seconds);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_time_limit;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGPROF, &sa, NULL);
    ck_alloc_set_handler(on_memory_limit);
    ck_alloc_init((size_t)max_memory);
    if (json) put_json_start();
    for (int a = first; a < argc; a++) {
        ck_result r;
        g_cur = a;
        set_time_limit(max_seconds);
        int code = ck_check_file(argv[a], &r);
        set_time_limit(0);
        if (json) {
            put_json_entry(argv[a], code, r.claim[0] ? r.claim : NULL, code == 0 ? ck_verdict_name(r.verdict) : NULL,
                           code == 0 ? "accepted" : r.err.msg, NULL, NULL);
        } else {
            if (code == 0) {
                if (!quiet) printf("%s: ACCEPTED %s %s\n", argv[a], ck_verdict_name(r.verdict), r.claim);
            } else
                printf("%s: REJECTED: %s\n", argv[a], r.err.msg);
            fflush(stdout);
        }
        if (code > status) status = code;
    }
    if (json) put_json_end(status);
    return status;
}
