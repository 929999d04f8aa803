/* msecp_manifold_registry.c: default instances of msecp.manifold (none yet: the claim has no certifier). */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry msecp_manifold_registry[] = {{NULL, NULL, NULL, NULL}};
const int msecp_manifold_registry_len = 0;
