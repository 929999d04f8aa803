/* instance_json.c: the exact instance as it is recorded in a certificate. */
#include <inttypes.h>
#include <stdio.h>
#include "instance/instance.h"

static json_t *seed_string(uint64_t seed)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%" PRIu64, seed);
    return json_string(buf);
}

json_t *instance_to_json(const instance *I)
{
    static const char *const kinds[] = {"explicit", "random-dyadic/1", "nc/1", "nc-perturbed/1", "data/1"};
    if (I->kind == INSTANCE_DATA) return json_deep_copy(I->data_ref);
    json_t *o = json_object();
    json_object_set_new(o, "kind", json_string(kinds[I->kind]));
    json_object_set_new(o, "K", json_integer(I->K));
    json_object_set_new(o, "n", json_integer(I->n));
    json_object_set_new(o, "d", json_integer(I->d));
    switch (I->kind) {
    case INSTANCE_EXPLICIT:
        json_object_set(o, "W", I->explicit_W);
        json_object_set(o, "H", I->explicit_H);
        break;
    case INSTANCE_RANDOM_DYADIC: json_object_set_new(o, "seed", seed_string(I->seed)); break;
    case INSTANCE_NC:
    case INSTANCE_DATA: break;
    case INSTANCE_NC_PERTURBED:
        json_object_set_new(o, "seed", seed_string(I->seed));
        json_object_set_new(o, "eps_log2", json_integer(I->eps_log2));
        break;
    }
    return o;
}
