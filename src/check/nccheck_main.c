/* nccheck_main.c: the nccheck command line: options, one line per file, exit status. */
#include <stdio.h>
#include <string.h>

#include "check_cert.h"

#define NCCHECK_VERSION "0.1.0"

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: nccheck [--quiet] FILE...\n"
            "       nccheck --help | --version\n"
            "\n"
            "Independently re-verifies nccert certificates (format " CK_FORMAT "):\n"
            "regenerates each instance, recomputes every quantity exactly, checks each\n"
            "enclosure, the assertion and the verdict. Prints one line per file:\n"
            "  FILE: ACCEPTED <verdict> <claim>   or   FILE: REJECTED: <reason>\n"
            "\n"
            "  --quiet    print nothing for accepted files (rejections are still printed)\n"
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
    for (; first < argc && argv[first][0] == '-' && argv[first][1] != '\0'; first++) {
        if (strcmp(argv[first], "--") == 0) { first++; break; }
        if (strcmp(argv[first], "--quiet") == 0) quiet = 1;
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
    for (int a = first; a < argc; a++) {
        ck_result r;
        int code = ck_check_file(argv[a], &r);
        if (code == 0) {
            if (!quiet) printf("%s: ACCEPTED %s %s\n", argv[a], r.verdict, r.claim);
        } else printf("%s: REJECTED: %s\n", argv[a], r.err.msg);
        fflush(stdout);
        if (code > status) status = code;
    }
    return status;
}
