/* check_msecp_inst.c: owns nccheck's parsing and regeneration of msecp instances. */
#include "msecp/check_msecp_inst.h"

#include <string.h>

#include "check_rational.h"

const char *const ck_msecp_id_names[CK_MSECP_NID] = {
    "prop1", "prop1-corrected", "theorem1", "theorem1-printed-wls", "theorem2", "eq7", "eq8", "lemma1"};

static const char *const REQ_EXPL[] = {"kind", "identity", "C", "N", "p", "lambda", "H", "W", "b", NULL};
static const char *const OPT_EXPL[] = {"A", NULL};
static const char *const REQ_RAND[] = {"kind", "identity", "C", "N", "p", "lambda", "seed", NULL};

static uint64_t sm64(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* ((x >> 59) - 16) / 8 */
static void draw(mpq_t q, uint64_t *s)
{
    mpq_set_si(q, (long)(sm64(s) >> 59) - 16, 8);
    mpq_canonicalize(q);
}

static int dim(const json_t *j, const char *key, long lo, long hi, long *v, ck_err *e)
{
    long long x;
    if (ck_get_int(j, "instance", key, &x, e)) return -1;
    if (x < lo || x > hi) {
        ck_fail(e, CK_MALFORMED, "instance.%s: must be in [%ld, %ld]", key, lo, hi);
        return -1;
    }
    *v = (long)x;
    return 0;
}

/* rows x cols strings (cols == 0: a vector of rows strings, stored rows x 1). */
static ckm *read_mat(const json_t *j, const char *name, long rows, long cols, ck_err *e)
{
    int vec = cols == 0;
    if (!json_is_array(j) || (long)json_array_size(j) != rows) {
        ck_fail(e, CK_MALFORMED, "instance.%s: an array of %ld required", name, rows);
        return NULL;
    }
    ckm *m = ck_msecp_mat_new(rows, vec ? 1 : cols);
    for (long r = 0; r < rows; r++) {
        json_t *row = json_array_get(j, (size_t)r);
        if (!vec && (!json_is_array(row) || (long)json_array_size(row) != cols)) {
            ck_fail(e, CK_MALFORMED, "instance.%s[%ld]: an array of %ld required", name, r, cols);
            ck_msecp_mat_free(m);
            return NULL;
        }
        for (long c = 0; c < m->c; c++) {
            json_t *x = vec ? row : json_array_get(row, (size_t)c);
            if (!json_is_string(x) || ck_parse_entry(json_string_value(x), CKM(m, r, c))) {
                ck_fail(e, CK_MALFORMED, "instance.%s[%ld]: not an exact number string", name, r);
                ck_msecp_mat_free(m);
                return NULL;
            }
        }
    }
    return m;
}

static void generate(ck_msecp_inst *in)
{
    uint64_t s = in->seed;
    long n = in->C * in->N;
    in->H = ck_msecp_mat_new(in->p, n), in->W = ck_msecp_mat_new(in->C, in->p), in->b = ck_msecp_mat_new(in->C, 1);
    for (long t = 0; t < in->p * n; t++) draw(in->H->a[t], &s);
    for (long t = 0; t < in->C * in->p; t++) draw(in->W->a[t], &s);
    for (long t = 0; t < in->C; t++) draw(in->b->a[t], &s);
    if (in->id != CK_MSECP_EQ8) return;
    ckm *R = ck_msecp_mat_new(in->p, in->p), *Rt;
    for (long t = 0; t < in->p * in->p; t++) draw(R->a[t], &s);
    Rt = ck_msecp_mat_tr(R);
    in->A = ck_msecp_mat_lin(R, 1, Rt, 1);
    mpq_t d;
    mpq_init(d);
    mpq_set_si(d, 4 * in->p, 1);
    ck_msecp_mat_add_diag(in->A, d);
    mpq_clear(d);
    ck_msecp_mat_free(R), ck_msecp_mat_free(Rt);
}

int ck_msecp_inst_parse(const json_t *j, ck_msecp_inst *in, ck_err *e)
{
    memset(in, 0, sizeof *in);
    mpq_init(in->lambda);
    if (!json_is_object(j)) {
        ck_fail(e, CK_MALFORMED, "instance: an object required");
        return -1;
    }
    const char *kind = ck_get_str(j, "instance", "kind", e);
    if (!kind) return -1;
    if (strcmp(kind, "msecp-random/1") == 0)
        in->random = 1;
    else if (strcmp(kind, "msecp/1") != 0) {
        ck_fail(e, CK_MALFORMED, "instance.kind: msecp/1 or msecp-random/1 required");
        return -1;
    }
    if (ck_keys(j, "instance", in->random ? REQ_RAND : REQ_EXPL, in->random ? NULL : OPT_EXPL, e)) return -1;
    const char *id = ck_get_str(j, "instance", "identity", e), *lam = ck_get_str(j, "instance", "lambda", e);
    if (!id || !lam) return -1;
    in->id = -1;
    for (int t = 0; t < CK_MSECP_NID; t++)
        if (strcmp(id, ck_msecp_id_names[t]) == 0) in->id = t;
    if (in->id < 0) {
        ck_fail(e, CK_MALFORMED, "instance.identity: unknown \"%s\"", id);
        return -1;
    }
    if (dim(j, "C", 2, 100, &in->C, e) || dim(j, "N", 1, 100, &in->N, e) || dim(j, "p", 1, 100, &in->p, e)) return -1;
    if (in->C * in->N > 2000) {
        ck_fail(e, CK_MALFORMED, "instance: C*N > 2000");
        return -1;
    }
    if (ck_parse_entry(lam, in->lambda) || mpq_sgn(in->lambda) < 0) {
        ck_fail(e, CK_MALFORMED, "instance.lambda: an exact number string >= 0 required");
        return -1;
    }
    if (in->random) {
        const char *sd = ck_get_str(j, "instance", "seed", e);
        if (!sd) return -1;
        if (ck_parse_seed(sd, &in->seed)) {
            ck_fail(e, CK_MALFORMED, "instance.seed: not a seed");
            return -1;
        }
        generate(in);
        return 0;
    }
    json_t *a = json_object_get(j, "A");
    if ((a != NULL) != (in->id == CK_MSECP_EQ8)) {
        ck_fail(e, CK_MALFORMED, "instance.A: required for identity eq8 and only there");
        return -1;
    }
    if (!(in->H = read_mat(json_object_get(j, "H"), "H", in->p, in->C * in->N, e))) return -1;
    if (!(in->W = read_mat(json_object_get(j, "W"), "W", in->C, in->p, e))) return -1;
    if (!(in->b = read_mat(json_object_get(j, "b"), "b", in->C, 0, e))) return -1;
    if (a && !(in->A = read_mat(a, "A", in->p, in->p, e))) return -1;
    return 0;
}

void ck_msecp_inst_free(ck_msecp_inst *in)
{
    mpq_clear(in->lambda);
    ck_msecp_mat_free(in->H), ck_msecp_mat_free(in->W), ck_msecp_mat_free(in->b), ck_msecp_mat_free(in->A);
    in->H = in->W = in->b = in->A = NULL;
}
