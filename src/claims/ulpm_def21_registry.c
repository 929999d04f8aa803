/* ulpm_def21_registry.c: default instances of ulpm.def-2.1 (none yet: the claim has no certifier). */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry ulpm_def21_registry[] = {{NULL, NULL, NULL, NULL}};
const int ulpm_def21_registry_len = 0;
