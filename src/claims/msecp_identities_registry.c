/* msecp_identities_registry.c: default instances of msecp.identities (none yet: the claim has no certifier). */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry msecp_identities_registry[] = {{NULL, NULL, NULL, NULL}};
const int msecp_identities_registry_len = 0;
