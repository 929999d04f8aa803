/* progress.c: the progress line on stderr (progress.h): a stack of phases, a ticker thread that
 * draws the line at most five times a second after the start delay, plain write(2) on fd 2. */
#define _DEFAULT_SOURCE /* TIOCGWINSZ */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>
#include "common/progress.h"

#define PROGRESS_TICK_MS 200 /* at most 5 redraws a second */
#define PROGRESS_LINE 512

typedef struct {
    const char *phase;
    long total;
    atomic_long done;
    char detail[128];
} progress_level;

static int on; /* set before any work, read-only afterwards */
static long delay_ms = PROGRESS_DELAY_MS;
static progress_level levels[PROGRESS_MAX_DEPTH];
static atomic_int depth; /* open phases (may exceed PROGRESS_MAX_DEPTH) */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake;
static pthread_t ticker;
static int ticker_running, ticker_stop, held, atexit_done;
static struct timespec t_start;
static volatile sig_atomic_t shown;  /* the line is on the terminal now */
static volatile sig_atomic_t halted; /* a signal handler is writing its last words */
static char last[PROGRESS_LINE];     /* the text shown (not redrawn while unchanged) */

static const char ERASE[] = "\r\033[K";

static void put(const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(STDERR_FILENO, s, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return;
        s += w;
        n -= (size_t)w;
    }
}

static long ms_since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long)(now.tv_sec - t->tv_sec) * 1000 + (now.tv_nsec - t->tv_nsec) / 1000000;
}

static int columns(void)
{
    struct winsize ws;
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
    return 80;
}

/* One level as text: "phase done/total detail" (a percentage for counts above 1000). */
static void level_text(char *dst, size_t len, const progress_level *l)
{
    long done = atomic_load(&l->done);
    char count[64] = "";
    if (l->total > 1000)
        snprintf(count, sizeof count, " %ld%%", (long)(100.0 * (double)done / (double)l->total));
    else if (l->total > 0)
        snprintf(count, sizeof count, " %ld/%ld", done, l->total);
    else if (done > 0)
        snprintf(count, sizeof count, " %ld", done);
    snprintf(dst, len, "%s%s%s%s", l->phase, count, l->detail[0] ? " " : "", l->detail);
}

/* The inner levels (1..n-1) of the line, those in keep only, ".." where some are left out. */
static int compose_tail(char *tail, size_t len, char parts[][256], int n, const int *keep)
{
    int tl = 0, gap = 0;
    tail[0] = '\0';
    for (int i = 1; i < n && tl < (int)len; i++) {
        if (!keep[i]) {
            if (!gap) tl += snprintf(tail + tl, len - (size_t)tl, " > ..");
            gap = 1;
            continue;
        }
        gap = 0;
        tl += snprintf(tail + tl, len - (size_t)tl, " > %s", parts[i]);
    }
    return tl < (int)len ? tl : (int)len - 1;
}

/* Cuts text to at most max characters, the last two "..". */
static void shorten(char *text, int max)
{
    if (max >= 4 && (int)strlen(text) > max) strcpy(text + max - 2, "..");
}

/* The line, at most width - 1 characters: "nccert [m:ss] outer > ... > inner". When it is too
 * long, levels 2..n-2 give way first (".."), then the text of level 1 is cut, then level 1
 * goes, then the outermost level's text is cut (the outermost level says what is being done,
 * level 1 the step, the innermost how far it is); last, the end of the line. */
static size_t compose(char *line, int width)
{
    char parts[PROGRESS_MAX_DEPTH][256], tail[PROGRESS_LINE], head[64];
    int n = atomic_load(&depth), keep[PROGRESS_MAX_DEPTH];
    if (n > PROGRESS_MAX_DEPTH) n = PROGRESS_MAX_DEPTH;
    if (n < 1) return line[0] = '\0', 0;
    for (int i = 0; i < n; i++) level_text(parts[i], sizeof parts[i], &levels[i]), keep[i] = 1;
    long s = ms_since(&t_start) / 1000;
    int hl = snprintf(head, sizeof head, "nccert [%ld:%02ld] ", s / 60, s % 60);
    int tl = compose_tail(tail, sizeof tail, parts, n, keep);
#define TOO_LONG (hl + (int)strlen(parts[0]) + tl >= width)
    if (TOO_LONG && n > 2) {
        for (int i = 2; i < n - 1; i++) keep[i] = 0;
        tl = compose_tail(tail, sizeof tail, parts, n, keep);
        if (TOO_LONG) {
            int fit = (int)strlen(parts[1]) - (hl + (int)strlen(parts[0]) + tl - (width - 1));
            if (fit >= 16)
                shorten(parts[1], fit);
            else
                keep[1] = 0;
            tl = compose_tail(tail, sizeof tail, parts, n, keep);
        }
    }
#undef TOO_LONG
    shorten(parts[0], width - 1 - hl - tl < 24 ? 24 : width - 1 - hl - tl);
    int len = snprintf(line, PROGRESS_LINE, "%s%s%s", head, parts[0], tail);
    if (len >= PROGRESS_LINE) len = PROGRESS_LINE - 1;
    if (len >= width) len = width - 1;
    line[len] = '\0';
    return (size_t)len;
}

static void draw_locked(void)
{
    char buf[PROGRESS_LINE + 8];
    memcpy(buf, "\r", 1);
    size_t n = compose(buf + 1, columns());
    if (halted || (shown && !strcmp(buf + 1, last))) return;
    memcpy(last, buf + 1, n + 1);
    memcpy(buf + 1 + n, "\033[K", 3);
    put(buf, n + 4);
    shown = 1;
}

static void erase_locked(void)
{
    if (shown) put(ERASE, sizeof ERASE - 1);
    shown = 0;
}

static void *ticker_main(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    while (!ticker_stop) {
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_nsec += PROGRESS_TICK_MS * 1000000L;
        if (until.tv_nsec >= 1000000000L) until.tv_sec++, until.tv_nsec -= 1000000000L;
        while (!ticker_stop && pthread_cond_timedwait(&wake, &mu, &until) != ETIMEDOUT) {}
        if (!ticker_stop && !held && ms_since(&t_start) >= delay_ms) draw_locked();
    }
    pthread_mutex_unlock(&mu);
    return NULL;
}

static void ticker_start_locked(void)
{
    static int cond_ready;
    if (!cond_ready) {
        pthread_condattr_t a;
        pthread_condattr_init(&a);
        pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
        pthread_cond_init(&wake, &a);
        pthread_condattr_destroy(&a);
        cond_ready = 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t_start);
    ticker_stop = 0;
    /* the ticker never takes a signal: the handlers (cert_write.c) run in the working thread */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    ticker_running = pthread_create(&ticker, NULL, ticker_main, NULL) == 0;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* Stops the ticker (called without the lock held) and erases the line. */
static void ticker_stop_and_erase(void)
{
    pthread_mutex_lock(&mu);
    int running = ticker_running;
    ticker_stop = 1;
    ticker_running = 0;
    pthread_cond_signal(&wake);
    pthread_mutex_unlock(&mu);
    if (running) pthread_join(ticker, NULL);
    pthread_mutex_lock(&mu);
    erase_locked();
    pthread_mutex_unlock(&mu);
}

/* A command that returns with a phase still open (an error path) leaves no line behind. */
static void progress_atexit(void)
{
    if (on) ticker_stop_and_erase();
}

void progress_enable(int enable)
{
    on = enable != 0;
}

int progress_enabled(void)
{
    return on;
}

int progress_auto(int quiet)
{
    const char *e = getenv("NCCERT_PROGRESS"), *d = getenv("NCCERT_PROGRESS_DELAY_MS");
    int want = isatty(STDERR_FILENO);
    if (e && !strcmp(e, "0")) want = 0;
    if (e && !strcmp(e, "1")) want = 1;
    if (d && *d) {
        char *end;
        long v = strtol(d, &end, 10);
        if (*end == '\0' && v >= 0 && v <= 3600000) delay_ms = v;
    }
    progress_enable(want && !quiet);
    return on;
}

void progress_begin(const char *phase, long total)
{
    if (!on) return;
    pthread_mutex_lock(&mu);
    int d = atomic_load(&depth);
    if (d < PROGRESS_MAX_DEPTH) {
        progress_level *l = &levels[d];
        l->phase = phase;
        l->total = total;
        atomic_store(&l->done, 0);
        l->detail[0] = '\0';
    }
    atomic_store(&depth, d + 1);
    if (d == 0) {
        if (!atexit_done) atexit_done = atexit(progress_atexit) == 0;
        ticker_start_locked();
    }
    /* The two outer levels (what is done, and its step) are drawn as soon as they begin, not
     * at the next tick: a step shorter than a tick is still seen, and the line a test reads
     * with NCCERT_PROGRESS_DELAY_MS=0 does not depend on the machine's speed. Inner levels,
     * which may begin in tight loops, wait for the ticker. */
    if (d <= 1 && !held && ms_since(&t_start) >= delay_ms) draw_locked();
    pthread_mutex_unlock(&mu);
}

void progress_set(long done)
{
    if (!on) return;
    int d = atomic_load(&depth);
    if (d >= 1 && d <= PROGRESS_MAX_DEPTH) atomic_store(&levels[d - 1].done, done);
}

void progress_add(long k)
{
    if (!on) return;
    int d = atomic_load(&depth);
    if (d >= 1 && d <= PROGRESS_MAX_DEPTH) atomic_fetch_add(&levels[d - 1].done, k);
}

void progress_detail(const char *fmt, ...)
{
    if (!on) return;
    pthread_mutex_lock(&mu);
    int d = atomic_load(&depth);
    if (d >= 1 && d <= PROGRESS_MAX_DEPTH) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(levels[d - 1].detail, sizeof levels[d - 1].detail, fmt, ap);
        va_end(ap);
    }
    pthread_mutex_unlock(&mu);
}

void progress_end(void)
{
    if (!on) return;
    pthread_mutex_lock(&mu);
    int d = atomic_load(&depth);
    if (d > 0) atomic_store(&depth, d - 1);
    pthread_mutex_unlock(&mu);
    if (d == 1) ticker_stop_and_erase();
}

void progress_hold(void)
{
    if (!on) return;
    pthread_mutex_lock(&mu);
    held = 1;
    erase_locked();
    pthread_mutex_unlock(&mu);
}

void progress_release(void)
{
    if (!on) return;
    pthread_mutex_lock(&mu);
    held = 0;
    pthread_mutex_unlock(&mu);
}

void progress_signal_erase(void)
{
    halted = 1;
    if (shown) {
        shown = 0;
        if (write(STDERR_FILENO, ERASE, sizeof ERASE - 1) < 0) { /* nothing more can be done */
        }
    }
}
