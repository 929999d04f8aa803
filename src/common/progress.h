/* progress.h: a progress line on stderr for long work (phase, count, elapsed time), for people
 * at a terminal. Generic and off by default: the certifiers, the audit and the report mark their
 * phases and counts with these calls whatever the program; only a command line turns the line
 * on (progress_auto), so a library user or a test sees nothing unless it asks.
 *
 * What is drawn, and when. Work is a stack of nested phases (progress_begin / progress_end, at
 * most PROGRESS_MAX_DEPTH deep; deeper ones are counted but not shown), each with an optional
 * count (done of total) and a detail text. A ticker thread, started by the outermost
 * progress_begin when the line is on, redraws one line, "\r<text>\033[K", on stderr at most
 * five times a second, and only once PROGRESS_DELAY_MS (2 s; NCCERT_PROGRESS_DELAY_MS) have
 * passed since that outermost begin, so that short runs print nothing; after that delay, the
 * begin of one of the two outer levels also draws the line at once. The outermost
 * progress_end stops the ticker and erases the line. Output is write(2) on file descriptor 2
 * only: never stdout, never a certificate.
 *
 * Threads. progress_begin, progress_end, progress_detail and progress_hold/release are for the
 * thread that runs the work; progress_set and progress_add (atomic) may be called from any
 * thread, e.g. the workers of a threaded loop, while their phase is open. Every call is a
 * load and a branch when the line is off.
 *
 * Writing to the terminal while the line is on: wrap the write in progress_hold() /
 * progress_release() (the line is erased and not redrawn in between); a signal handler that
 * writes a message first calls progress_signal_erase() (async-signal-safe). */
#ifndef PROGRESS_H
#define PROGRESS_H

#define PROGRESS_MAX_DEPTH 5
#define PROGRESS_DELAY_MS 2000

/* The command line's policy: on iff not quiet and (NCCERT_PROGRESS=1, or stderr is a terminal
 * and NCCERT_PROGRESS is not 0). Call once, before any work. Returns whether the line is on. */
int progress_auto(int quiet);

/* Turns the line on or off explicitly (before any progress_begin). */
void progress_enable(int on);
int progress_enabled(void);

/* Opens a phase (phase: a short constant text, kept by pointer; total <= 0: no known count). */
void progress_begin(const char *phase, long total);
/* The count of the innermost open phase: set to done, or increased by k (any thread). */
void progress_set(long done);
void progress_add(long k);
/* Detail of the innermost open phase (e.g. the current claim and instance), copied. */
void progress_detail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Closes the innermost phase. */
void progress_end(void);

/* Erase the line and keep it off while the caller writes to the terminal; then let it back. */
void progress_hold(void);
void progress_release(void);

/* From a signal handler, before writing a message: erase the line if it is shown. */
void progress_signal_erase(void);
#endif
