/* ulpm_theorem34_registry.c: default instances of ulpm.theorem-3.4 (none yet: the claim has no certifier). */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry ulpm_theorem34_registry[] = {{NULL, NULL, NULL, NULL}};
const int ulpm_theorem34_registry_len = 0;
