/* ulpm_lemmasb3b5_registry.c: default instances of ulpm.lemmas-b3-b5 (none yet: the claim has no certifier). */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry ulpm_lemmasb3b5_registry[] = {{NULL, NULL, NULL, NULL}};
const int ulpm_lemmasb3b5_registry_len = 0;
