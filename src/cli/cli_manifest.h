/* cli_manifest.h: a downstream project's manifest (specs/manifest.md): the claims and instances
 * it depends on, each with the verdict (and assertion) it expects. `nccert verify --manifest`
 * reads it whole, every instance resolved, before anything is certified or written. nccheck
 * reads the same format with its own reader (src/check/check_manifest.c). */
#ifndef CLI_MANIFEST_H
#define CLI_MANIFEST_H
#include <jansson.h>
#include "cert/verdict.h"
#include "common/nc_error.h"

typedef struct {
    int line;            /* line number in the manifest (1-based) */
    char *claim;         /* a claim id of the catalogue */
    char *name;          /* certificate file stem */
    nc_verdict expected; /* PROVED or REFUTED */
    char *assertion;     /* the expected assertion, or NULL for "-" (any) */
    json_t *instance;    /* the instance, resolved (registry, inline JSON or file) */
} manifest_entry;

typedef struct {
    char *path; /* the manifest's path as given */
    char *dir;  /* its directory: instance files are relative to it */
    manifest_entry *entries;
    int count;
} manifest;

/* Reads and checks the manifest at PATH. On error: 2 and err->msg "PATH:LINE: what" (or
 * "PATH: what" for the file as a whole), *m empty. */
int cli_manifest_load(const char *path, manifest *m, nc_error *err);
void cli_manifest_free(manifest *m);

/* The default certificate directory of a manifest: <its directory>/certificates (malloc'd). */
char *cli_manifest_default_out(const manifest *m);
#endif
