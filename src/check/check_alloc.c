/* check_alloc.c: owns nccheck's checked allocator and its byte count (check_alloc.h). The size
 * of a block is malloc_usable_size's (glibc), counted when it is allocated and uncounted when
 * freed, so that the count needs no header in front of the block and GMP, MPFR, MPFI and
 * jansson, which free through the same functions, stay exact. */
#include "check_alloc.h"

#include <gmp.h>
#include <jansson.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static size_t g_limit, g_used;
static int g_installed;

static void default_handler(const char *why)
{
    char line[600];
    int n = snprintf(line, sizeof line, "nccheck: %s\n", why);
    if (n > 0 && write(STDERR_FILENO, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1) < 0) _exit(2);
    _exit(2);
}

static void (*g_handler)(const char *) = default_handler;

void ck_alloc_set_handler(void (*handler)(const char *why))
{
    g_handler = handler ? handler : default_handler;
}

static void refuse(size_t n)
{
    char why[300];
    if (g_limit)
        snprintf(why, sizeof why,
                 "limits exceeded: the check needs more than %zu bytes of memory (--max-memory; %zu in use, %zu asked)",
                 g_limit, g_used, n);
    else
        snprintf(why, sizeof why, "limits exceeded: out of memory (%zu bytes in use, %zu asked)", g_used, n);
    g_handler(why);
    _exit(2); /* a handler must not return */
}

/* P freshly allocated (N bytes asked): counted, or refused over the budget */
static void *account(void *p, size_t n)
{
    if (!p) refuse(n);
    size_t got = malloc_usable_size(p);
    if (g_limit && got > g_limit - (g_used < g_limit ? g_used : g_limit)) {
        free(p);
        refuse(n);
    }
    g_used += got;
    return p;
}

void *ck_malloc(size_t n)
{
    if (g_limit && n > g_limit) refuse(n);
    return account(malloc(n ? n : 1), n);
}

void *ck_calloc(size_t count, size_t size)
{
    if (size && count > (size_t)-1 / size) refuse((size_t)-1);
    size_t n = count * size;
    if (g_limit && n > g_limit) refuse(n);
    return account(calloc(n ? count : 1, n ? size : 1), n);
}

void ck_free(void *p)
{
    if (!p) return;
    size_t got = malloc_usable_size(p);
    g_used -= got < g_used ? got : g_used;
    free(p);
}

void *ck_realloc(void *p, size_t n)
{
    if (!p) return ck_malloc(n);
    if (g_limit && n > g_limit) refuse(n);
    size_t old = malloc_usable_size(p);
    void *q = realloc(p, n ? n : 1);
    if (!q) refuse(n); /* p is still valid; the process ends */
    g_used -= old < g_used ? old : g_used;
    return account(q, n);
}

char *ck_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(ck_malloc(n), s, n);
}

static void *gmp_alloc(size_t n)
{
    return ck_malloc(n);
}

static void *gmp_realloc(void *p, size_t old, size_t n)
{
    (void)old;
    return ck_realloc(p, n);
}

static void gmp_free(void *p, size_t n)
{
    (void)n;
    ck_free(p);
}

void ck_alloc_init(size_t limit)
{
    g_limit = limit;
    if (g_installed) return;
    g_installed = 1;
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
    json_set_alloc_funcs(ck_malloc, ck_free);
}

size_t ck_alloc_limit(void)
{
    return g_limit;
}

size_t ck_alloc_used(void)
{
    return g_used;
}

static int parse_size(const char *s, unsigned long long *bytes)
{
    unsigned long long v = 0;
    const char *p = s;
    if (*p < '0' || *p > '9') return -1;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (v > (1ULL << 40)) return -1;
        v = v * 10 + (unsigned long long)(*p - '0');
    }
    int shift = *p == 'K' ? 10 : *p == 'M' ? 20 : *p == 'G' ? 30 : 0;
    if (shift) p++;
    if (*p != '\0' || v > (1ULL << 40) >> shift) return -1;
    *bytes = v << shift;
    return 0;
}

int ck_parse_size_arg(const char *s, unsigned long long *bytes)
{
    if (parse_size(s, bytes) == 0) return 0;
    fprintf(stderr,
            "nccheck: --max-memory expects bytes (an integer, optional suffix K, M or G) in [0, 1024G], got "
            "\"%.40s\"\n",
            s);
    return -1;
}
