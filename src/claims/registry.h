/* registry.h: the default instances `make verify` certifies, with the verdict each must get.
 * Each claim keeps its instances in its own file (src/claims/<claim>_registry.c), listed in
 * registry.c. */
#ifndef REGISTRY_H
#define REGISTRY_H

typedef struct {
    const char *claim;      /* claim id */
    const char *name;       /* file name stem under certificates/<claim>/ */
    const char *instance;   /* the instance as JSON (specs/instance.md, specs/generators.md, or
                               the claim's own instance format in specs/claims/) */
    const char *expected;   /* verdict the registry expects: "PROVED" or "REFUTED" */
} registry_entry;

int registry_count(void);
const registry_entry *registry_at(int t);

#define CLAIM(paper, stem, id, label, summary) \
    extern const registry_entry paper##_##stem##_registry[]; \
    extern const int paper##_##stem##_registry_len;
#include "claims/claims.def"
#undef CLAIM
#endif
