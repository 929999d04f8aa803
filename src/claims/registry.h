/* registry.h: the default instances `make verify` certifies, with the verdict each must get.
 * The data is specs/registry/<claim-id>.tsv (format: specs/registry/README.md), compiled into
 * libnccert.a by the Makefile (src/claims/registry_embed.sh writes build/gen/registry_data.c),
 * in the claim order of the generated claim list (build/gen/nccert/claims.def). `nccert list`, `nccert verify`, `nccert report`
 * and the audit's registry:NAME references all read it through this API. */
#ifndef REGISTRY_H
#define REGISTRY_H

typedef struct {
    const char *claim;    /* claim id */
    const char *name;     /* file name stem under certificates/<claim>/ */
    const char *instance; /* the instance as JSON (specs/instance.md, specs/generators.md, or
                               the claim's own instance format in specs/claims/) */
    const char *expected; /* verdict the registry expects: "PROVED" or "REFUTED" */
} registry_entry;

/* entries 0 .. registry_count()-1, in registry order; registry_at is NULL out of range */
int registry_count(void);
const registry_entry *registry_at(int t);
/* the entry NAME of claim CLAIM (CLAIM NULL: the first entry of that name, any claim), or NULL */
const registry_entry *registry_find(const char *claim, const char *name);

/* The generated data (build/gen/registry_data.c); read it through the functions above. */
extern const registry_entry registry_data[];
extern const int registry_data_len;
#endif
