/* linconv_prop1_registry.c: default instances of linconv.prop-1 (none yet: the claim has no certifier). */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry linconv_prop1_registry[] = {{NULL, NULL, NULL, NULL}};
const int linconv_prop1_registry_len = 0;
