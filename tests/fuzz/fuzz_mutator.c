/* fuzz_mutator.c: the structure-aware mutator of fuzz_nccheck (LLVMFuzzerCustomMutator, linked
 * into the same binary). Half of the mutations parse the input as JSON and change one number:
 * a JSON integer (a declared size K, n, d, N, C, p, max_depth, precision_bits, hessian_dim, an
 * index...) or a string holding a number ("1/10", "0x1.8p+3", "[0.5 +/- 1e-3]", a seed), into a
 * hostile value: huge, negative, zero, a power of two at an overflow boundary, a big exponent, a
 * long digit string; or a neighbour (+-1, x2). The other half, and any input that is not JSON,
 * go to libFuzzer's own byte-level mutator. Deterministic in SEED. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);

static uint64_t rnd(uint64_t *s) /* splitmix64 */
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* a number-like string: digits, sign, '/', '.', 'x', 'p', 'e', hex digits, "[+/- ]" */
static int numeric_string(const char *s)
{
    if (!*s || strlen(s) > 4096) return 0;
    int digit = 0;
    for (const char *p = s; *p; p++) {
        if (*p >= '0' && *p <= '9') digit = 1;
        if (!strchr("0123456789+-/.xXpPeEabcdefABCDEF[] ", *p)) return 0;
    }
    return digit;
}

/* Collects the number nodes of J (pointers to their parents and keys/indices) into OUT. */
typedef struct {
    json_t *parent;
    const char *key; /* object member, or NULL: array element IDX */
    size_t idx;
} site;

static void collect(json_t *j, site *out, size_t *n, size_t cap)
{
    const char *key;
    json_t *v;
    size_t i;
    if (json_is_object(j)) {
        json_object_foreach(j, key, v)
        {
            if ((json_is_integer(v) || json_is_real(v) ||
                 (json_is_string(v) && numeric_string(json_string_value(v)))) &&
                *n < cap)
                out[(*n)++] = (site){j, key, 0};
            collect(v, out, n, cap);
        }
    } else if (json_is_array(j)) {
        json_array_foreach(j, i, v)
        {
            if ((json_is_integer(v) || json_is_real(v) ||
                 (json_is_string(v) && numeric_string(json_string_value(v)))) &&
                *n < cap)
                out[(*n)++] = (site){j, NULL, i};
            collect(v, out, n, cap);
        }
    }
}

static json_t *hostile_integer(uint64_t *s, json_int_t old)
{
    static const json_int_t pick[] = {0,
                                      -1,
                                      1,
                                      2,
                                      1000,
                                      100000,
                                      1000001,
                                      65536,
                                      4194305,
                                      (json_int_t)1 << 28,
                                      (json_int_t)1 << 31,
                                      ((json_int_t)1 << 31) - 1,
                                      (json_int_t)1 << 32,
                                      (json_int_t)1 << 40,
                                      (json_int_t)1 << 62,
                                      INT64_MAX,
                                      INT64_MIN,
                                      -1000000000};
    switch (rnd(s) % 4) {
    case 0: /* a neighbour, without signed overflow at the ends of the range */
        if (old == INT64_MAX) return json_integer(old - 1);
        if (old == INT64_MIN) return json_integer(old + 1);
        return json_integer(old + (rnd(s) & 1 ? 1 : -1));
    case 1: return json_integer(old > INT64_MAX / 2 || old < INT64_MIN / 2 ? old : 2 * old);
    default: return json_integer(pick[rnd(s) % (sizeof pick / sizeof pick[0])]);
    }
}

static json_t *hostile_string(uint64_t *s, const char *old)
{
    static const char *const pick[] = {"0",
                                       "-1",
                                       "1/0",
                                       "0/0",
                                       "1e999999999",
                                       "1e-999999999",
                                       "0x1p+999999999",
                                       "-0x1p-999999999",
                                       "0x1.fffffffffffffp+1023",
                                       "[0 +/- 1e999999]",
                                       "[1e-99999 +/- 1e-99999]",
                                       "18446744073709551616",
                                       "-9223372036854775809",
                                       "1/18446744073709551615",
                                       "0x0p+0",
                                       "1e+308"};
    char buf[8200];
    switch (rnd(s) % 5) {
    case 0: { /* a long digit string: 10 to 8000 digits, maybe as a fraction or a mantissa */
        size_t len = 10 + rnd(s) % 8000, k = 0;
        int form = (int)(rnd(s) % 3);
        if (form == 2) memcpy(buf, "0x1.", 4), k = 4;
        for (; k < len; k++) buf[k] = (char)('1' + rnd(s) % 9);
        if (form == 1) buf[len / 2] = '/';
        if (form == 2) memcpy(buf + len, "p+1", 4), len += 3;
        buf[len] = '\0';
        return json_string(buf);
    }
    case 1: { /* the old string with its exponent pushed: append e+N / p+N / digits */
        snprintf(buf, sizeof buf, "%.4000s%s", old, rnd(s) & 1 ? "e+99999999" : "000000000000000000000");
        return json_string(buf);
    }
    case 2: snprintf(buf, sizeof buf, "-%.4000s", old); return json_string(buf);
    default: return json_string(pick[rnd(s) % (sizeof pick / sizeof pick[0])]);
    }
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
    uint64_t s = seed;
    if (rnd(&s) % 2) return LLVMFuzzerMutate(data, size, max_size);
    json_error_t err;
    json_t *root = json_loadb((const char *)data, size, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
    if (!root) return LLVMFuzzerMutate(data, size, max_size);
    site sites[512];
    size_t n = 0;
    collect(root, sites, &n, sizeof sites / sizeof sites[0]);
    if (n == 0) {
        json_decref(root);
        return LLVMFuzzerMutate(data, size, max_size);
    }
    for (int times = 1 + (int)(rnd(&s) % 2); times > 0; times--) {
        site *x = &sites[rnd(&s) % n];
        json_t *old = x->key ? json_object_get(x->parent, x->key) : json_array_get(x->parent, x->idx);
        json_t *v = json_is_integer(old)  ? hostile_integer(&s, json_integer_value(old))
                    : json_is_string(old) ? hostile_string(&s, json_string_value(old))
                                          : json_real(rnd(&s) & 1 ? 1e300 : -0.0);
        if (rnd(&s) % 8 == 0) { /* a size as a string, a string as a size: type confusion */
            json_decref(v);
            v = json_is_integer(old) ? json_string("1000000000") : json_integer((json_int_t)1 << 40);
        }
        if (x->key)
            json_object_set_new(x->parent, x->key, v);
        else
            json_array_set_new(x->parent, x->idx, v);
    }
    char *out = json_dumps(root, JSON_COMPACT | JSON_ENCODE_ANY);
    json_decref(root);
    json_free_t jfree; /* the harness may have replaced jansson's allocator (check_alloc.c) */
    json_get_alloc_funcs(NULL, &jfree);
    size_t len = out ? strlen(out) : 0;
    if (len > max_size) {
        jfree(out);
        return LLVMFuzzerMutate(data, size, max_size);
    }
    if (!out) return LLVMFuzzerMutate(data, size, max_size);
    memcpy(data, out, len);
    jfree(out);
    return len;
}
