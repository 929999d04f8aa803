/* imbrelu_non_monotone_registry.c: default instances of imbrelu.non-monotone (none yet: the claim has no certifier). */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry imbrelu_non_monotone_registry[] = {{NULL, NULL, NULL, NULL}};
const int imbrelu_non_monotone_registry_len = 0;
