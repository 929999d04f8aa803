/* cert_write.c: assembling, serialising and atomically writing certificates. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <limits.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <gmp.h>
#include <mpfr.h>
#include <flint/flint.h>
#include "cert/cert.h"
#include "common/version.h"
#include "common/progress.h"

json_t *cert_method(int tier, slong precision_bits)
{
    char buf[64];
    json_t *m = json_object(), *libs = json_object();
    json_object_set_new(m, "tier", json_integer(tier));
    json_object_set_new(m, "precision_bits", json_integer(precision_bits));
    snprintf(buf, sizeof buf, "%d.%d.%d", __ARB_VERSION, __ARB_VERSION_MINOR, __ARB_VERSION_PATCHLEVEL);
    json_object_set_new(libs, "arb", json_string(buf));
    json_object_set_new(libs, "flint", json_string(FLINT_VERSION));
    json_object_set_new(libs, "mpfr", json_string(MPFR_VERSION_STRING));
    snprintf(buf, sizeof buf, "%d.%d.%d", __GNU_MP_VERSION, __GNU_MP_VERSION_MINOR, __GNU_MP_VERSION_PATCHLEVEL);
    json_object_set_new(libs, "gmp", json_string(buf));
    json_object_set_new(m, "libraries", libs);
    json_object_set_new(m, "producer", json_string("nccert " NCCERT_VERSION));
    return m;
}

json_t *cert_assemble(const char *claim, json_t *source, json_t *instance, json_t *method, const char *assertion,
                      json_t *witnesses, json_t *quantities, nc_verdict verdict)
{
    json_t *c = json_object();
    json_object_set_new(c, "format", json_string(CERT_FORMAT));
    json_object_set_new(c, "claim", json_string(claim));
    json_object_set_new(c, "source", source);
    json_object_set_new(c, "instance", instance);
    json_object_set_new(c, "method", method);
    json_object_set_new(c, "assertion", json_string(assertion));
    json_object_set_new(c, "witnesses", witnesses);
    json_object_set_new(c, "quantities", quantities);
    json_object_set_new(c, "verdict", json_string(nc_verdict_name(verdict)));
    return c;
}

char *cert_dumps(const json_t *cert)
{
    char *s = json_dumps(cert, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
    if (s == NULL) return NULL;
    size_t len = strlen(s);
    char *t = realloc(s, len + 2);
    if (t == NULL) {
        free(s);
        return NULL;
    }
    t[len] = '\n';
    t[len + 1] = '\0';
    return t;
}

int cert_mkdir_p(const char *path)
{
    char buf[4096];
    if (strlen(path) >= sizeof buf) return -1;
    strcpy(buf, path);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(buf, 0777) != 0 && errno != EEXIST) return -1;
        *p = '/';
    }
    return (mkdir(buf, 0777) != 0 && errno != EEXIST) ? -1 : 0;
}

/* The temporary file being written, removed by the signal handler if we are interrupted. */
static char pending_tmp[PATH_MAX];
static volatile sig_atomic_t pending_set = 0;
/* The thread that installed the handler (nccert's main thread), the only one that writes
 * certificates. A signal sent to the process may be delivered to any thread that does not block
 * it: OpenBLAS starts its worker threads when the library is loaded, before main, with the
 * signals unblocked. The handler forwards such a signal to the main thread, which blocks it
 * while it records a temporary file's name (cert_write_bytes_atomic), so the name is always
 * recorded before the handler can run there. */
static pthread_t main_thread;
static volatile sig_atomic_t main_thread_set = 0;

/* One line on stderr, the temporary file removed, then the default action of the signal (the
 * exit status is 128 + signo, as for any program killed by it). Async-signal-safe calls only. */
static void remove_pending_and_reraise(int sig)
{
    static const char msg_int[] =
        "nccert: interrupted (SIGINT): no partial certificate left, existing files untouched\n";
    static const char msg_term[] =
        "nccert: terminated (SIGTERM): no partial certificate left, existing files untouched\n";
    static const char msg_hup[] = "nccert: hung up (SIGHUP): no partial certificate left, existing files untouched\n";
    if (main_thread_set && !pthread_equal(pthread_self(), main_thread)) {
        pthread_kill(main_thread, sig); /* handled there, once the temp name is recorded */
        return;
    }
    if (pending_set) unlink(pending_tmp);
    progress_signal_erase(); /* a progress line on the terminal (common/progress.h) */
    const char *m = sig == SIGINT ? msg_int : sig == SIGTERM ? msg_term : msg_hup;
    size_t n = sig == SIGINT ? sizeof msg_int - 1 : sig == SIGTERM ? sizeof msg_term - 1 : sizeof msg_hup - 1;
    if (write(STDERR_FILENO, m, n) < 0) { /* nothing more can be done */
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void cert_install_signal_cleanup(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    main_thread = pthread_self();
    main_thread_set = 1;
    sa.sa_handler = remove_pending_and_reraise;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

int cert_write_atomic(const json_t *cert, const char *path, nc_error *err)
{
    char *text = cert_dumps(cert);
    if (text == NULL) return nc_error_set(err, NC_EXIT_INTERNAL, "cannot serialise the certificate");
    int rc = cert_write_bytes_atomic(text, strlen(text), path, "certificate", err);
    free(text);
    return rc;
}

int cert_write_bytes_atomic(const void *bytes, size_t len, const char *path, const char *what, nc_error *err)
{
    const char *text = bytes;
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 16);
    if (tmp == NULL) return nc_error_set(err, NC_EXIT_INTERNAL, "out of memory");
    snprintf(tmp, plen + 16, "%s.tmp.XXXXXX", path);
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &block, &old); /* record the temp name before a signal can see it */
    int fd = mkstemp(tmp);
    if (fd >= 0 && strlen(tmp) < sizeof pending_tmp) {
        memcpy(pending_tmp, tmp, strlen(tmp) + 1);
        pending_set = 1;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "cannot write %s %s: %s", what, path, strerror(e));
    }
    size_t done = 0;
    int ok = 1;
    while (ok && done < len) {
        ssize_t w = write(fd, text + done, len - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0)
            ok = 0;
        else
            done += (size_t)w;
    }
    int e = errno;
    mode_t mask = umask(0); /* mkstemp makes 0600: give the file the usual 0666 & ~umask */
    umask(mask);
    ok = ok && fchmod(fd, 0666 & ~mask) == 0 && fsync(fd) == 0;
    if (!ok) e = errno;
    if (close(fd) != 0 && ok) {
        ok = 0;
        e = errno;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = 0;
        e = errno;
    }
    if (!ok) unlink(tmp);
    pending_set = 0;
    free(tmp);
    if (!ok) return nc_error_set(err, NC_EXIT_BAD_INPUT, "cannot write %s %s: %s", what, path, strerror(e));
    return 0;
}
