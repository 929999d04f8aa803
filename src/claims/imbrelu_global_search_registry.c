/* imbrelu_global_search_registry.c: default instances of imbrelu.global-search (none yet: the claim has no certifier). */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry imbrelu_global_search_registry[] = {{NULL, NULL, NULL, NULL}};
const int imbrelu_global_search_registry_len = 0;
