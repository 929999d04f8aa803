/* imbrelu_eq6_registry.c: default instances of imbrelu.eq-6 (none yet: the claim has no certifier). */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry imbrelu_eq6_registry[] = {{NULL, NULL, NULL, NULL}};
const int imbrelu_eq6_registry_len = 0;
