/* nccert_api.c: the C API (nccert.h) over the certifiers: arrays in memory -> the .npz image
 * (npz_write.c) -> npy_file_substitute, so that the claim's certifier reads them through the
 * code that reads a user's --npz file (instance_data.c, kind npz/1) -> certificate. The only
 * exported symbols of libnccert.so (NCCERT_EXPORT; everything else is hidden). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "api/nccert.h"
#include "cert/cert.h"
#include "cert/verdict.h"
#include "claims/claim.h"
#include "common/version.h"
#include "npy/npy.h"

#define NCCERT_EXPORT __attribute__((visibility("default")))

static int set_result(nccert_result *res, const nc_error *err)
{
    res->status = (nccert_status)err->status;
    res->verdict = NCCERT_NO_VERDICT;
    snprintf(res->message, sizeof res->message, "%s", err->msg[0] ? err->msg : "internal error");
    return err->status;
}

/* The claim, if it takes a network's arrays (kind npz/1). */
static const claim_info *point_claim(const char *id, nc_error *err)
{
    const claim_info *c = id ? claim_find(id) : NULL;
    if (!c || !c->certify || !c->cli)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "unknown claim \"%.80s\" (nccert list)", id ? id : "(null)"), NULL;
    for (const claim_use *u = c->cli->uses; u->kind; u++)
        if (!strcmp(u->kind->kind, "npz/1")) return c;
    nc_error_set(err, NC_EXIT_BAD_INPUT,
                 "%s does not take a network's arrays (its instances: nccert certify %s --help)", c->id, c->id);
    return NULL;
}

/* The API's array as an npz_source (shape and strides copied into SHAPE, STRIDES). */
static int to_source(npz_source *s, const char *name, const nccert_array *a, long long shape[NPY_MAX_NDIM],
                     long long strides[NPY_MAX_NDIM], nc_error *err)
{
    if (a->ndim < 1 || a->ndim > NPY_MAX_NDIM || !a->shape)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "%s: %d dimensions", name, a->ndim);
    for (int t = 0; t < a->ndim; t++) {
        shape[t] = (long long)a->shape[t];
        if (a->strides) strides[t] = (long long)a->strides[t];
    }
    *s = (npz_source){name, a->data, a->dtype, a->ndim, shape, a->strides ? strides : NULL};
    return 0;
}

static int build_image(const nccert_point_request *q, unsigned char **img, size_t *len, nc_error *err)
{
    static const char *const names[4] = {"features", "labels", "W", "b"};
    const nccert_array *arr[4] = {&q->features, &q->labels, &q->W, &q->b};
    long long shape[4][NPY_MAX_NDIM], strides[4][NPY_MAX_NDIM];
    npz_source src[4];
    int n = q->b.data ? 4 : 3;
    for (int k = 0; k < 3; k++)
        if (!arr[k]->data) return nc_error_set(err, NC_EXIT_BAD_INPUT, "the %s array is missing", names[k]);
    for (int k = 0; k < n; k++)
        if (to_source(&src[k], names[k], arr[k], shape[k], strides[k], err)) return err->status;
    return npz_image_build(src, n, img, len, err);
}

/* The instance {"kind": "npz/1", "npz_file": DATA_PATH[, "balance": B]}, certified. */
static int certify(const claim_info *c, const nccert_point_request *q, json_t **cert, nc_error *err)
{
    certify_options o;
    certify_options_default(&o);
    if (q->max_prec) o.max_prec = q->max_prec;
    if (q->max_prec && (q->max_prec < 64 || q->max_prec > (1L << 20)))
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "max_prec must be in [64, 2^20] (got %ld)", q->max_prec);
    json_t *inst = json_pack("{s:s, s:s}", "kind", "npz/1", "npz_file", q->data_path);
    if (q->balance) json_object_set_new(inst, "balance", json_string(q->balance));
    int rc = c->certify(inst, &o, cert, err);
    json_decref(inst);
    return rc;
}

NCCERT_EXPORT int nccert_certify_point(const nccert_point_request *q, nccert_result *res, char **cert_json)
{
    nc_error err = {0, ""};
    const claim_info *c;
    unsigned char *img = NULL;
    size_t len = 0;
    json_t *cert = NULL;
    char *text = NULL;
    if (cert_json) *cert_json = NULL;
    if (!q || !res) return NCCERT_BAD_INPUT;
    if (!(c = point_claim(q->claim, &err))) return set_result(res, &err);
    if (!q->data_path || !q->data_path[0]) {
        nc_error_set(&err, NC_EXIT_BAD_INPUT, "data_path (the .npz the certificate references) is required");
        return set_result(res, &err);
    }
    if (build_image(q, &img, &len, &err)) return set_result(res, &err);
    npy_file_substitute(q->data_path, img, len);
    int rc = certify(c, q, &cert, &err);
    npy_file_substitute(NULL, NULL, 0);
    nc_verdict v = NC_INCONCLUSIVE;
    if (!rc &&
        (nc_verdict_parse(json_string_value(json_object_get(cert, "verdict")), &v) || !(text = cert_dumps(cert))))
        rc = nc_error_set(&err, NC_EXIT_INTERNAL, "%s: the certificate has no verdict or cannot be serialised", c->id);
    if (!rc && q->write_data) rc = cert_write_bytes_atomic(img, len, q->data_path, "data file", &err);
    if (!rc && q->cert_path) rc = cert_write_bytes_atomic(text, strlen(text), q->cert_path, "certificate", &err);
    free(img);
    if (!rc) {
        res->status = v == NC_PROVED ? NCCERT_OK : NCCERT_NOT_ESTABLISHED;
        res->verdict = v == NC_PROVED ? NCCERT_PROVED : v == NC_REFUTED ? NCCERT_REFUTED : NCCERT_INCONCLUSIVE;
        const char *as = json_string_value(json_object_get(cert, "assertion"));
        snprintf(res->message, sizeof res->message, "%s: %s", nc_verdict_name(v), as ? as : c->id);
        if (cert_json) *cert_json = text, text = NULL;
    }
    free(text);
    json_decref(cert);
    return rc ? set_result(res, &err) : (int)res->status;
}

NCCERT_EXPORT void nccert_free(void *p)
{
    free(p);
}

NCCERT_EXPORT const char *nccert_version(void)
{
    return NCCERT_VERSION;
}

NCCERT_EXPORT int nccert_api_version(void)
{
    return NCCERT_API_VERSION;
}
