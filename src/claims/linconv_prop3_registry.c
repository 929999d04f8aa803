/* linconv_prop3_registry.c: default instances of linconv.prop-3 (none yet: the claim has no certifier). */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry linconv_prop3_registry[] = {{NULL, NULL, NULL, NULL}};
const int linconv_prop3_registry_len = 0;
