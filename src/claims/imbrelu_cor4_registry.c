/* imbrelu_cor4_registry.c: default instances of imbrelu.cor-4 (none yet: the claim has no certifier). */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry imbrelu_cor4_registry[] = {{NULL, NULL, NULL, NULL}};
const int imbrelu_cor4_registry_len = 0;
