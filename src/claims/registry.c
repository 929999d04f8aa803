/* registry.c: access to the registry, the instances of specs/registry/<claim-id>.tsv that the build
 * compiles into registry_data[] (registry.h). */
#include <stddef.h>
#include <string.h>
#include "claims/registry.h"

int registry_count(void)
{
    return registry_data_len;
}

const registry_entry *registry_at(int t)
{
    return t >= 0 && t < registry_data_len ? &registry_data[t] : NULL;
}

const registry_entry *registry_find(const char *claim, const char *name)
{
    for (int t = 0; t < registry_data_len; t++) {
        const registry_entry *r = &registry_data[t];
        if ((!claim || !strcmp(r->claim, claim)) && !strcmp(r->name, name)) return r;
    }
    return NULL;
}
