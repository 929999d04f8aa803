/* ulpm_eq66_registry.c: default instances of ulpm.eq-66 (none yet: the claim has no certifier). */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry ulpm_eq66_registry[] = {{NULL, NULL, NULL, NULL}};
const int ulpm_eq66_registry_len = 0;
