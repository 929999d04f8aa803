/* ulpm_lemma32_registry.c: default instances of ulpm.lemma-3.2 (none yet: the claim has no certifier). */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry ulpm_lemma32_registry[] = {{NULL, NULL, NULL, NULL}};
const int ulpm_lemma32_registry_len = 0;
