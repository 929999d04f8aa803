/* registry.c: the registry is the concatenation of every claim's default instances. */
#include <stddef.h>
#include "claims/registry.h"

typedef struct {
    const registry_entry *entries;
    const int *len;
} registry_group;

#define GROUP(stem) {stem##_registry, &stem##_registry_len}
static const registry_group groups[] = {
    GROUP(ulpm_lemma31),
    GROUP(ulpm_def21),
    GROUP(ulpm_theorem32),
    GROUP(ulpm_eq66),
    GROUP(ulpm_example31),
    GROUP(ulpm_theorem33),
    GROUP(ulpm_theorem34),
    GROUP(ulpm_lemma32),
    GROUP(ulpm_lemmasb3b5),
    GROUP(ulpm_printed),
    GROUP(imbrelu_eq6),
    GROUP(imbrelu_theorem1),
    GROUP(imbrelu_global_search),
    GROUP(imbrelu_prop1_cor13),
    GROUP(imbrelu_cor4),
    GROUP(imbrelu_non_monotone),
    GROUP(msecp_identities),
    GROUP(msecp_manifold),
    GROUP(msecp_dynamics),
    GROUP(linconv_prop1),
    GROUP(linconv_theorem2),
    GROUP(linconv_prop3),
    GROUP(linconv_theorem4),
};

int registry_count(void)
{
    int total = 0;
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) total += *groups[g].len;
    return total;
}

const registry_entry *registry_at(int t)
{
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
        if (t < *groups[g].len) return &groups[g].entries[t];
        t -= *groups[g].len;
    }
    return NULL;
}
