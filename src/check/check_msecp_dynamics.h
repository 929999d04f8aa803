/* check_msecp_dynamics.h: nccheck's parts of msecp.dynamics: the msecp-ode/1 check
 * (check_msecp_dynamics_ode.c); the t = 0 point check lives in check_msecp_dynamics.c. */
#ifndef NCCHECK_MSECP_DYNAMICS_H
#define NCCHECK_MSECP_DYNAMICS_H
#include <jansson.h>
#include "check_json.h"

int ck_msecp_dynamics_ode(const json_t *root, const char *verdict, ck_err *e);
/* Quantity NAME of QJ must enclose the exact rational X (exact field, when present, equal to X). */
int ck_msecp_dyn_rational(const json_t *qj, const char *name, const mpq_t x, ck_err *e);
/* Assertion AS and VERDICT must be AS_LIST[d] and V_LIST[d]; d == none_index: INCONCLUSIVE. */
int ck_msecp_dyn_decision(const char *as, const char *verdict, const char *const *as_list,
                          const char *const *v_list, int n, int d, ck_err *e);
#endif
