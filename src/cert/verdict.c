/* verdict.c: the names of the certifier's verdicts, the only place they are spelled. */
#include <string.h>
#include "cert/verdict.h"

static const char *const NAMES[NC_VERDICT_COUNT] = {"PROVED", "REFUTED", "INCONCLUSIVE"};

const char *nc_verdict_name(nc_verdict v)
{
    return NAMES[v];
}

int nc_verdict_parse(const char *s, nc_verdict *v)
{
    for (int k = 0; s && k < NC_VERDICT_COUNT; k++)
        if (strcmp(s, NAMES[k]) == 0) {
            *v = (nc_verdict)k;
            return 0;
        }
    return -1;
}
