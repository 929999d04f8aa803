/* msecp_dynamics_registry.c: default instances of msecp.dynamics (none yet: the claim has no certifier). */
#include <stddef.h>
#include "claims/registry.h"

const registry_entry msecp_dynamics_registry[] = {{NULL, NULL, NULL, NULL}};
const int msecp_dynamics_registry_len = 0;
