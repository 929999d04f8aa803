/* imbrelu_prop1_cor13_registry.c: default instances of imbrelu.prop-1-cor-1-3 (none yet: the claim has no certifier). */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry imbrelu_prop1_cor13_registry[] = {{NULL, NULL, NULL, NULL}};
const int imbrelu_prop1_cor13_registry_len = 0;
