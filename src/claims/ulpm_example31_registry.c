/* ulpm_example31_registry.c: default instances of ulpm.example-3.1 (none yet: the claim has no certifier). */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry ulpm_example31_registry[] = {{NULL, NULL, NULL, NULL}};
const int ulpm_example31_registry_len = 0;
