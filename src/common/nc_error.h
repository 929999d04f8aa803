/* nc_error.h: the one error report nccert's modules pass upwards: a message for the user and
 * the exit status it maps to (2 = bad input or usage, 1 = claim not established, 3 = internal). */
#ifndef NC_ERROR_H
#define NC_ERROR_H

#define NC_ERROR_MSG_LEN 512

typedef struct {
    int status;                 /* 0: no error; otherwise the process exit code */
    char msg[NC_ERROR_MSG_LEN]; /* one line, no trailing newline */
} nc_error;

enum { NC_EXIT_OK = 0, NC_EXIT_NOT_ESTABLISHED = 1, NC_EXIT_BAD_INPUT = 2, NC_EXIT_INTERNAL = 3 };

/* Records the first error only (later ones are consequences); returns status for `return`. */
int nc_error_set(nc_error *e, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
