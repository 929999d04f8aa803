/* check_msecp_dynamics.h: nccheck's parts of msecp.dynamics: the msecp-ode/1 check
 * (check_msecp_dynamics_ode.c); the t = 0 point check lives in check_msecp_dynamics.c. */
#ifndef NCCHECK_MSECP_DYNAMICS_H
#define NCCHECK_MSECP_DYNAMICS_H
#include <jansson.h>
#include "check_json.h"
#include "check_verdict.h"

int ck_msecp_dynamics_ode(const json_t *root, ck_verdict verdict, ck_err *e);
#endif
