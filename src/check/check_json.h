/* check_json.h: nccheck's error record and strict access to JSON fields (jansson). */
#ifndef NCCHECK_JSON_H
#define NCCHECK_JSON_H
#include <jansson.h>

#define CK_MAX_FILE_BYTES (256L * 1024 * 1024)
#define CK_MAX_DEPTH 8 /* the format needs 4; room for later claims, never thousands */

enum { CK_OK = 0, CK_INVALID = 1, CK_MALFORMED = 2 };

/* First failure wins: later ck_fail calls do not overwrite the reason. */
typedef struct {
    int code;
    char msg[512];
} ck_err;

void ck_fail(ck_err *e, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Reads and parses PATH (size and nesting limits, duplicate keys rejected); top level must be
 * an object. NULL and e set on failure. */
json_t *ck_json_load(const char *path, ck_err *e);
/* The same on the LEN bytes at BUF (what ck_json_load does after reading the file). */
json_t *ck_json_loadb(const char *buf, size_t len, ck_err *e);

/* OBJ must be an object holding every key of REQ and no key outside REQ and OPT (NULL-ended
 * lists; OPT may be NULL). WHAT names the object in messages. 0 on success. */
int ck_keys(const json_t *obj, const char *what, const char *const *req, const char *const *opt, ck_err *e);

/* Typed field getters; each fails (malformed) on a missing key or a wrong JSON type. */
int ck_get_int(const json_t *obj, const char *what, const char *key, long long *v, ck_err *e);
const char *ck_get_str(const json_t *obj, const char *what, const char *key, ck_err *e);
json_t *ck_get_obj(const json_t *obj, const char *what, const char *key, ck_err *e);
json_t *ck_get_arr(const json_t *obj, const char *what, const char *key, ck_err *e);
#endif
