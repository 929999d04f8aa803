/* check_verdict.c: the names of nccheck's verdicts, the only place the checker spells them. */
#include "check_verdict.h"

#include <string.h>

static const char *const NAMES[CK_VERDICT_COUNT] = {"PROVED", "REFUTED", "INCONCLUSIVE"};

const char *ck_verdict_name(ck_verdict v)
{
    return NAMES[v];
}

int ck_verdict_parse(const char *s, ck_verdict *v)
{
    for (int k = 0; s && k < CK_VERDICT_COUNT; k++)
        if (strcmp(s, NAMES[k]) == 0) {
            *v = (ck_verdict)k;
            return 0;
        }
    return -1;
}
