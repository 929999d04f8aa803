/* ulpm_example31_registry.c: default instances of ulpm.example-3.1, one per part and C
 * (C = 1/2, 1, 2, 3) and every box part over C in [1/10, 4]. Expected verdicts come from the
 * derivation (proofs/derivations/ulpm-example-3.1.md): separation, parallelism, the KKT point
 * after dividing by sqrt(2) C and the decrease along (55) hold for every C > 0 (PROVED); the
 * gradient (9) as printed is wrong for every C > 0 (REFUTED); (11) fails along the family (10)
 * near (W, H) for every C > 0 (REFUTED); the multipliers (8) do not fit the point divided by
 * 2 sqrt(2) C (infeasible) nor the undivided point C M for rational C (REFUTED). */
#include <stddef.h>
#include "claims/registry.h"

#define EX31(name, json, v) {"ulpm.example-3.1", name, json, v}
#define EX31_C(part, cname, c, v) \
    EX31(part "-C" cname, "{\"kind\":\"example-3.1/1\",\"C\":\"" c "\",\"part\":\"" part "\"}", v)
#define EX31_ALLC(part, v) EX31_C(part, "1_2", "1/2", v), EX31_C(part, "1", "1", v), \
    EX31_C(part, "2", "2", v), EX31_C(part, "3", "3", v)
#define EX31_BOX(part, v) \
    EX31(part "-box-1_10-4", "{\"kind\":\"example-3.1-box/1\",\"C_lo\":\"1/10\",\"C_hi\":\"4\",\"part\":\"" part "\"}", v)

const registry_entry ulpm_example31_registry[] = {
    EX31_ALLC("separation", "PROVED"),
    EX31_ALLC("parallel", "PROVED"),
    EX31_ALLC("eq9", "REFUTED"),
    EX31_ALLC("curve55", "PROVED"),
    EX31_ALLC("family10", "REFUTED"),
    EX31("kkt-sqrt2", "{\"kind\":\"example-3.1/1\",\"C\":\"1\",\"part\":\"kkt\",\"normalisation\":\"sqrt2\"}", "PROVED"),
    EX31("kkt-2sqrt2", "{\"kind\":\"example-3.1/1\",\"C\":\"1\",\"part\":\"kkt\",\"normalisation\":\"2sqrt2\"}", "REFUTED"),
    EX31("kkt-none-C1", "{\"kind\":\"example-3.1/1\",\"C\":\"1\",\"part\":\"kkt\",\"normalisation\":\"none\"}", "REFUTED"),
    EX31("kkt-none-C1_2", "{\"kind\":\"example-3.1/1\",\"C\":\"1/2\",\"part\":\"kkt\",\"normalisation\":\"none\"}", "REFUTED"),
    EX31_BOX("separation", "PROVED"),
    EX31_BOX("parallel", "PROVED"),
    EX31_BOX("eq9", "REFUTED"),
    EX31_BOX("curve55", "PROVED"),
    EX31_BOX("family10", "REFUTED"),
};
const int ulpm_example31_registry_len = (int)(sizeof ulpm_example31_registry / sizeof ulpm_example31_registry[0]);
