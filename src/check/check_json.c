/* check_json.c: owns file loading (size and nesting limits, duplicate keys) and strict typed
 * access to JSON object fields, with the error record every nccheck module reports into. */
#include "check_alloc.h"
#include "check_json.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

void ck_fail(ck_err *e, int code, const char *fmt, ...)
{
    va_list ap;
    if (e->code != CK_OK) return;
    e->code = code;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
}

/* Nesting depth of arrays/objects outside strings; stops early once past the limit. */
static int json_depth_ok(const char *buf, size_t len)
{
    int depth = 0, in_str = 0;
    for (size_t i = 0; i < len; i++) {
        char c = buf[i];
        if (in_str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_str = 0;
        } else if (c == '"')
            in_str = 1;
        else if (c == '[' || c == '{') {
            if (++depth > CK_MAX_DEPTH) return 0;
        } else if (c == ']' || c == '}')
            depth--;
    }
    return 1;
}

json_t *ck_json_load(const char *path, ck_err *e)
{
    struct stat st;
    /* O_NONBLOCK: opening a FIFO with no writer must not block (it is refused just below);
     * on a regular file the flag changes nothing */
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    if (fd < 0) {
        ck_fail(e, CK_MALFORMED, "cannot open: %s", strerror(errno));
        return NULL;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        ck_fail(e, CK_MALFORMED, "not a regular file");
        return NULL;
    }
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        close(fd);
        ck_fail(e, CK_MALFORMED, "cannot open: %s", strerror(errno));
        return NULL;
    }
    if (st.st_size > CK_MAX_FILE_BYTES) {
        fclose(f);
        ck_fail(e, CK_MALFORMED, "file larger than 256 MiB (%lld bytes)", (long long)st.st_size);
        return NULL;
    }
    size_t len = (size_t)st.st_size;
    char *buf = ck_malloc(len + 1);
    if (!buf) {
        fclose(f);
        ck_fail(e, CK_MALFORMED, "out of memory reading file");
        return NULL;
    }
    size_t got = fread(buf, 1, len, f);
    int rerr = ferror(f) || fgetc(f) != EOF;
    fclose(f);
    if (rerr || got != len) {
        ck_free(buf);
        ck_fail(e, CK_MALFORMED, "read error (file changed while reading?)");
        return NULL;
    }
    json_t *root = ck_json_loadb(buf, len, e);
    ck_free(buf);
    return root;
}

json_t *ck_json_loadb(const char *buf, size_t len, ck_err *e)
{
    if (len > (size_t)CK_MAX_FILE_BYTES) {
        ck_fail(e, CK_MALFORMED, "input larger than 256 MiB (%zu bytes)", len);
        return NULL;
    }
    if (!json_depth_ok(buf, len)) {
        ck_fail(e, CK_MALFORMED, "JSON nesting deeper than %d", CK_MAX_DEPTH);
        return NULL;
    }
    json_error_t jerr;
    json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        ck_fail(e, CK_MALFORMED, "not valid JSON: line %d column %d: %s", jerr.line, jerr.column, jerr.text);
        return NULL;
    }
    if (!json_is_object(root)) {
        json_decref(root);
        ck_fail(e, CK_MALFORMED, "top level is not a JSON object");
        return NULL;
    }
    return root;
}

static int in_list(const char *key, const char *const *list)
{
    for (; list && *list; list++)
        if (strcmp(key, *list) == 0) return 1;
    return 0;
}

int ck_keys(const json_t *obj, const char *what, const char *const *req, const char *const *opt, ck_err *e)
{
    const char *key;
    json_t *val;
    if (!json_is_object(obj)) {
        ck_fail(e, CK_MALFORMED, "%s: not an object", what);
        return -1;
    }
    for (const char *const *r = req; *r; r++)
        if (!json_object_get(obj, *r)) {
            ck_fail(e, CK_MALFORMED, "%s: missing key \"%s\"", what, *r);
            return -1;
        }
    json_object_foreach((json_t *)obj, key, val)
    {
        (void)val;
        if (!in_list(key, req) && !in_list(key, opt)) {
            ck_fail(e, CK_MALFORMED, "%s: unknown key \"%s\"", what, key);
            return -1;
        }
    }
    return 0;
}

static json_t *get_typed(const json_t *obj, const char *what, const char *key, json_type t, const char *tname,
                         ck_err *e)
{
    json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
    if (!v) {
        ck_fail(e, CK_MALFORMED, "%s: missing key \"%s\"", what, key);
        return NULL;
    }
    if (json_typeof(v) != t) {
        ck_fail(e, CK_MALFORMED, "%s.%s: not a JSON %s", what, key, tname);
        return NULL;
    }
    return v;
}

int ck_get_int(const json_t *obj, const char *what, const char *key, long long *v, ck_err *e)
{
    json_t *j = get_typed(obj, what, key, JSON_INTEGER, "integer", e);
    if (!j) return -1;
    *v = json_integer_value(j);
    return 0;
}

const char *ck_get_str(const json_t *obj, const char *what, const char *key, ck_err *e)
{
    json_t *j = get_typed(obj, what, key, JSON_STRING, "string", e);
    return j ? json_string_value(j) : NULL;
}

json_t *ck_get_obj(const json_t *obj, const char *what, const char *key, ck_err *e)
{
    return get_typed(obj, what, key, JSON_OBJECT, "object", e);
}

json_t *ck_get_arr(const json_t *obj, const char *what, const char *key, ck_err *e)
{
    return get_typed(obj, what, key, JSON_ARRAY, "array", e);
}
