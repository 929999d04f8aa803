/* registry.h: the default instances `make verify` certifies, with the verdict each must get. */
#ifndef REGISTRY_H
#define REGISTRY_H

typedef struct {
    const char *claim;      /* claim id */
    const char *name;       /* file name stem under certificates/<claim>/ */
    const char *instance;   /* the instance as JSON (specs/instance.md, specs/generators.md) */
    const char *expected;   /* verdict the registry expects: "PROVED" or "REFUTED" */
} registry_entry;

extern const registry_entry registry[];
extern const int registry_len;
#endif
