/* t_check_buffer.c: ck_check_buffer (the in-memory entry the fuzz harness uses) gives exactly
 * the verdict, reason, claim and verdict word of ck_check_file on every certificate of
 * tests/check_data/ and every input of tests/fuzz/crashes/ (but the slow-* ones); a few buffers no file can hold
 * (no terminating NUL, embedded NUL bytes, length 0) are refused cleanly. Run from the
 * repository root (prove does). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_cert.h"
#include "tap.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += got;
        if (n == cap) {
            char *t = realloc(buf, cap *= 2);
            if (!t) {
                free(buf);
                buf = NULL;
            }
            buf = t;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static void same_as_file(const char *dir)
{
    DIR *d = opendir(dir);
    if (!tap_ok(d != NULL, "open %s", dir)) return;
    struct dirent *ent;
    int count = 0, same = 0;
    while ((ent = readdir(d)) != NULL) {
        size_t l = strlen(ent->d_name);
        if (ent->d_name[0] == '.' || (l > 3 && strcmp(ent->d_name + l - 3, ".md") == 0)) continue;
        if (strncmp(ent->d_name, "slow-", 5) == 0) continue; /* seconds each: t_fuzz_corpus.sh */
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        size_t len;
        char *buf = slurp(path, &len);
        if (!buf) continue;
        /* an exact-size copy: the parser must not read past LEN (ASan/valgrind would see it) */
        char *exact = malloc(len ? len : 1);
        memcpy(exact, buf, len);
        ck_result rf, rb;
        int cf = ck_check_file(path, &rf), cb = ck_check_buffer(exact, len, &rb);
        count++;
        if (cf == cb && strcmp(rf.err.msg, rb.err.msg) == 0 && strcmp(rf.claim, rb.claim) == 0 &&
            rf.verdict == rb.verdict)
            same++;
        else
            tap_diag("%s: file %d \"%s\", buffer %d \"%s\"", path, cf, rf.err.msg, cb, rb.err.msg);
        free(exact);
        free(buf);
    }
    closedir(d);
    tap_ok(count > 0 && same == count, "%s: ck_check_buffer = ck_check_file on %d of %d inputs", dir, same, count);
}

int main(void)
{
    same_as_file("tests/check_data");
    same_as_file("tests/fuzz/crashes");
    ck_result r;
    tap_ok(ck_check_buffer("", 0, &r) == 2 && strstr(r.err.msg, "JSON") != NULL, "empty buffer: malformed (%s)",
           r.err.msg);
    static const char nul[] = "{\"format\": \"nccert-certificate/1\"\0, \"claim\": 1}";
    tap_ok(ck_check_buffer(nul, sizeof nul - 1, &r) == 2, "embedded NUL byte: malformed (%s)", r.err.msg);
    static const char esc[] = "{\"format\": \"nccert-certificate/1\\u0000\"}";
    tap_ok(ck_check_buffer(esc, sizeof esc - 1, &r) == 2, "\\u0000 in a string: malformed (%s)", r.err.msg);
    const char open_only[] = {'{', '"', 'a', '"', ':', '['}; /* no NUL after the last byte */
    tap_ok(ck_check_buffer(open_only, sizeof open_only, &r) == 2, "truncated, unterminated buffer: malformed (%s)",
           r.err.msg);
    static const char deep_str[] = "{\"s\": \"[[[[[[[[[[[[[[[[[[[[\\\"]]]]\"}";
    tap_ok(ck_check_buffer(deep_str, sizeof deep_str - 1, &r) == 2 && strstr(r.err.msg, "nesting") == NULL,
           "brackets and an escaped quote inside a string are not nesting (%s)", r.err.msg);
    return tap_done();
}
