/* imbrelu_theorem1_registry.c: default instances of imbrelu.theorem-1 (none yet: the claim has no certifier). */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry imbrelu_theorem1_registry[] = {{NULL, NULL, NULL, NULL}};
const int imbrelu_theorem1_registry_len = 0;
