/* registry.c: the registry is the concatenation of every claim's default instances. */
#include <stddef.h>
#include "claims/registry.h"

typedef struct {
    const registry_entry *entries;
    const int *len;
} registry_group;

static const registry_group groups[] = {
#define CLAIM(paper, stem, id, label, summary) {paper##_##stem##_registry, &paper##_##stem##_registry_len},
#include "claims/claims.def"
#undef CLAIM
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
