/* ulpm_lemma32_gd.c: owns the double-precision gradient-descent driver (ulpm_lemma32_gd.h) and the
 * instances it makes for the registry's gd* points (`nccert gd-registry`).
 * Loss (4): L = sum_c log(1 + sum_{j != k} exp(z_jc - z_kc)), z = W H; gradients
 * grad_W = G H^T, grad_H = W^T G with G[j][c] = softmax_j(z_c) - [j == k]. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "claims/ulpm/ulpm_lemma32_gd.h"
#include "instance/instance.h"

/* L(W, H) and G (K x N); W K x d row-major, H d x N row-major. */
static double loss_grad_logits(const double *W, const double *H, double *G, long K, long n, long d)
{
    long N = n * K;
    double L = 0;
    for (long c = 0; c < N; c++) {
        long k = c / n;
        double zk = 0, s = 0;
        for (long l = 0; l < d; l++) zk += W[k * d + l] * H[l * N + c];
        for (long j = 0; j < K; j++) {
            if (j == k) continue;
            double z = 0;
            for (long l = 0; l < d; l++) z += W[j * d + l] * H[l * N + c];
            G[j * N + c] = exp(z - zk);
            s += G[j * N + c];
        }
        for (long j = 0; j < K; j++)
            if (j != k) G[j * N + c] /= 1 + s;
        G[k * N + c] = -s / (1 + s);
        L += log1p(s);
    }
    return L;
}

static void step(double *W, double *H, const double *G, double *GW, long K, long n, long d, double eta)
{
    long N = n * K;
    for (long j = 0; j < K; j++)
        for (long l = 0; l < d; l++) {
            double g = 0;
            for (long c = 0; c < N; c++) g += G[j * N + c] * H[l * N + c];
            GW[j * d + l] = g;
        }
    for (long l = 0; l < d; l++) /* grad_H uses the old W */
        for (long c = 0; c < N; c++) {
            double g = 0;
            for (long j = 0; j < K; j++) g += W[j * d + l] * G[j * N + c];
            H[l * N + c] -= eta * g;
        }
    for (long t = 0; t < K * d; t++) W[t] -= eta * GW[t];
}

static json_t *entry_json(double x, int fb)
{
    double m = nearbyint(ldexp(x, fb)); /* exact: |x| 2^fb < 2^53 checked by the caller */
    char buf[64];
    if (m == 0)
        snprintf(buf, sizeof buf, "0");
    else
        snprintf(buf, sizeof buf, "%.0f/%.0f", m, ldexp(1.0, fb));
    return json_string(buf);
}

static json_t *iterate_json(const double *W, const double *H, long K, long n, long d, int fb)
{
    long N = n * K;
    json_t *o = json_object(), *jw = json_array(), *jh = json_array();
    json_object_set_new(o, "kind", json_string("explicit"));
    json_object_set_new(o, "K", json_integer(K));
    json_object_set_new(o, "n", json_integer(n));
    json_object_set_new(o, "d", json_integer(d));
    for (long k = 0; k < K; k++) {
        json_t *r = json_array();
        for (long l = 0; l < d; l++) json_array_append_new(r, entry_json(W[k * d + l], fb));
        json_array_append_new(jw, r);
    }
    for (long l = 0; l < d; l++) {
        json_t *r = json_array();
        for (long c = 0; c < N; c++) json_array_append_new(r, entry_json(H[l * N + c], fb));
        json_array_append_new(jh, r);
    }
    json_object_set_new(o, "W", jw);
    json_object_set_new(o, "H", jh);
    return o;
}

int ulpm_l32_gd_record(const ulpm_l32_gd_params *p, const long *record, int nrec, json_t **out, double *loss,
                       nc_error *err)
{
    long K = p->K, n = p->n, d = p->d, N = n * K;
    if (nrec < 1 || record[0] < 0 || p->frac_bits < 1 || p->frac_bits > 40 || p->eta_log2 > 0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "gd: bad parameters");
    for (int r = 1; r < nrec; r++)
        if (record[r] < record[r - 1]) return nc_error_set(err, NC_EXIT_BAD_INPUT, "gd: record not ascending");
    instance I;
    if (instance_generate_random_dyadic(&I, K, n, d, p->seed, err)) return err->status;
    double *W = malloc((size_t)(K * d) * sizeof *W), *H = malloc((size_t)(d * N) * sizeof *H);
    double *G = malloc((size_t)(K * N) * sizeof *G), *GW = malloc((size_t)(K * d) * sizeof *GW);
    if (!W || !H || !G || !GW) {
        free(W);
        free(H);
        free(G);
        free(GW);
        instance_clear(&I);
        return nc_error_set(err, NC_EXIT_INTERNAL, "gd: out of memory");
    }
    for (long t = 0; t < K * d; t++) W[t] = I.W[t];
    for (long c = 0; c < N; c++)
        for (long l = 0; l < d; l++) H[l * N + c] = I.Ht[c * d + l];
    instance_clear(&I);
    double eta = ldexp(1.0, p->eta_log2), bound = ldexp(1.0, 52 - p->frac_bits);
    int r = 0, rc = 0;
    for (long it = 0; r < nrec; it++) {
        double L = loss_grad_logits(W, H, G, K, n, d);
        for (; r < nrec && record[r] == it; r++) {
            for (long t = 0; t < K * d && !rc; t++)
                if (!(fabs(W[t]) < bound)) rc = 1;
            for (long t = 0; t < d * N && !rc; t++)
                if (!(fabs(H[t]) < bound)) rc = 1;
            if (rc) break;
            out[r] = iterate_json(W, H, K, n, d, p->frac_bits);
            if (loss) loss[r] = L;
        }
        if (rc || r == nrec) break;
        step(W, H, G, GW, K, n, d, eta);
    }
    free(W);
    free(H);
    free(G);
    free(GW);
    if (rc) {
        for (int t = 0; t < r; t++) json_decref(out[t]);
        return nc_error_set(err, NC_EXIT_INTERNAL, "gd: iterate not finite or too large to record");
    }
    return 0;
}

int ulpm_l32_gd_registry_instance(const char *claim, const char *name, char **text, nc_error *err)
{
    static const char *const variants[2][3] = {{"appendix", "main", NULL}, {"derived", "eq35-without-rho", NULL}};
    int c = !strcmp(claim, "ulpm.lemma-3.2") ? 0 : !strcmp(claim, "ulpm.lemmas-b3-b5") ? 1 : -1;
    if (c < 0)
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "gd: claim %.80s has no gradient-descent points "
                            "(ulpm.lemma-3.2, ulpm.lemmas-b3-b5 only)",
                            claim);
    char run;
    long K, n, d, it;
    unsigned long long seed;
    int pos = -1;
    char canon[192];
    /* the name must be exactly what it would print as: no signs, spaces or leading zeros */
    if (sscanf(name, "gd%c-K%ld-n%ld-d%ld-s%llu-it%ld-%n", &run, &K, &n, &d, &seed, &it, &pos) != 6 || pos < 0 ||
        snprintf(canon, sizeof canon, "gd%c-K%ld-n%ld-d%ld-s%llu-it%ld-", run, K, n, d, seed, it) != pos ||
        strncmp(canon, name, (size_t)pos) || run < 'A' || run > 'Z')
        return nc_error_set(err, NC_EXIT_BAD_INPUT,
                            "gd: name \"%.120s\" is not gd<R>-K<K>-n<n>-d<d>-s<seed>-it<t>-<variant>", name);
    const char *variant = name + pos;
    int v = 0;
    while (variants[c][v] && strcmp(variants[c][v], variant)) v++;
    if (!variants[c][v])
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "gd: name \"%.120s\": variant \"%.40s\" is not %s or %s", name,
                            variant, variants[c][0], variants[c][1]);
    if (K < 2 || K > 1000 || n < 1 || n > 1000 || d < 1 || d > 1000 || it < 0 || it > 10000000)
        return nc_error_set(err, NC_EXIT_BAD_INPUT, "gd: name \"%.120s\": K, n, d or t out of range", name);
    ulpm_l32_gd_params p = {K, n, d, (uint64_t)seed, -3, 20};
    json_t *point = NULL;
    if (ulpm_l32_gd_record(&p, &it, 1, &point, NULL, err)) return err->status;
    json_t *o = json_object();
    json_object_set_new(o, "kind", json_string(c == 0 ? "lemma-3.2/1" : "lemmas-b3-b5/1"));
    json_object_set_new(o, c == 0 ? "statement" : "reading", json_string(variant));
    json_object_set_new(o, "point", point);
    *text = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    return *text ? 0 : nc_error_set(err, NC_EXIT_INTERNAL, "gd: out of memory");
}
