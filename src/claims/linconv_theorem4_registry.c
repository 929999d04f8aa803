/* linconv_theorem4_registry.c: default instances of linconv.theorem-4 (none yet: the claim has no certifier). */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry linconv_theorem4_registry[] = {{NULL, NULL, NULL, NULL}};
const int linconv_theorem4_registry_len = 0;
