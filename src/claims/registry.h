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

#define REGISTRY_GROUP(stem) \
    extern const registry_entry stem##_registry[]; \
    extern const int stem##_registry_len;
REGISTRY_GROUP(ulpm_lemma31)
REGISTRY_GROUP(ulpm_def21)
REGISTRY_GROUP(ulpm_theorem32)
REGISTRY_GROUP(ulpm_eq66)
REGISTRY_GROUP(ulpm_example31)
REGISTRY_GROUP(ulpm_theorem33)
REGISTRY_GROUP(ulpm_theorem34)
REGISTRY_GROUP(ulpm_lemma32)
REGISTRY_GROUP(ulpm_lemmasb3b5)
REGISTRY_GROUP(ulpm_printed)
REGISTRY_GROUP(imbrelu_eq6)
REGISTRY_GROUP(imbrelu_theorem1)
REGISTRY_GROUP(imbrelu_global_search)
REGISTRY_GROUP(imbrelu_prop1_cor13)
REGISTRY_GROUP(imbrelu_cor4)
REGISTRY_GROUP(imbrelu_non_monotone)
REGISTRY_GROUP(msecp_identities)
REGISTRY_GROUP(msecp_manifold)
REGISTRY_GROUP(msecp_dynamics)
REGISTRY_GROUP(linconv_prop1)
REGISTRY_GROUP(linconv_theorem2)
REGISTRY_GROUP(linconv_prop3)
REGISTRY_GROUP(linconv_theorem4)
#endif
