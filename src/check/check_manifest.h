/* check_manifest.h: `nccheck --manifest FILE`: the cheap path of a downstream project's CI
 * (specs/manifest.md). Reads the manifest with the checker's own reader, checks the committed
 * certificates it names (DIR/<claim>/<name>.json) exactly as `nccheck FILE` does, and compares
 * each verdict and assertion with the manifest. Certifies nothing; shares no code with nccert. */
#ifndef NCCHECK_MANIFEST_H
#define NCCHECK_MANIFEST_H

/* Runs the manifest mode on nccheck's whole command line (ARGV[0] is the program; --manifest is
 * one of the options). Exit status: 0 every entry as expected, 1 some entry differs (verdict,
 * assertion, certificate missing, of another claim, or rejected), 2 bad manifest or usage. */
int ck_manifest_main(int argc, char **argv);

/* 1 if ARGV (before a "--") holds --manifest: nccheck_main.c hands such a command line over. */
int ck_manifest_requested(int argc, char **argv);
#endif
