/* claim_catalogue.c: the catalogue of `nccert list` and the paper list, both expanded from
 * the claims' own declarations (DECLARE_CLAIM, collected into claims.def) and papers.def. */
#include <string.h>
#include "claims/claim.h"

void certify_options_default(certify_options *o)
{
    o->max_prec = 4096;
    o->exact_work_limit = 2e8;
}

#define CLAIM(paper, stem, id, label, summary) DECLARE_CLAIM(paper, stem, id, label, summary);
#include "claims.def" /* generated: build/gen/nccert/claims.def */
#undef CLAIM

const claim_info claim_catalogue[] = {
#define CLAIM(paper, stem, id, label, summary)                                                                         \
    {#paper, id, label, summary, paper##_##stem##_certify, &paper##_##stem##_cli},
#include "claims.def"
#undef CLAIM
};
const int claim_catalogue_len = (int)(sizeof claim_catalogue / sizeof claim_catalogue[0]);

const char *const claim_papers[] = {
#define PAPER(key, params_kind) #key,
#include "claims/papers.def"
#undef PAPER
};
const int claim_papers_len = (int)(sizeof claim_papers / sizeof claim_papers[0]);

const claim_info *claim_find(const char *id)
{
    for (int t = 0; t < claim_catalogue_len; t++)
        if (strcmp(claim_catalogue[t].id, id) == 0) return &claim_catalogue[t];
    return NULL;
}
