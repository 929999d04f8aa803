/* check_data.c: owns the data/1 instance on the checker's side: the files by name (no path: they
 * are looked up in one directory), size and SHA-256 (Nettle) compared before anything is parsed,
 * each array's dtype, shape and order compared with the record, then W and H rebuilt exactly:
 * H's column k*n + i is the i-th sample of class k in file order (balance "first": the first n
 * of each class; "none": every class has exactly n), and b, when recorded, must be 0. */
#include "check_alloc.h"
#include "check_data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <nettle/sha2.h>

#include "check_npy.h"

static const char *g_dir_option;
static char g_cert_dir[4096] = ".";

void ck_data_set_dir(const char *dir)
{
    g_dir_option = dir;
}

void ck_data_set_cert(const char *cert_path)
{
    const char *s = cert_path ? strrchr(cert_path, '/') : NULL;
    if (!s)
        snprintf(g_cert_dir, sizeof g_cert_dir, ".");
    else
        snprintf(g_cert_dir, sizeof g_cert_dir, "%.*s", s == cert_path ? 1 : (int)(s - cert_path), cert_path);
}

enum { R_F, R_L, R_W, R_B, NR };
static const char *const ROLES[NR] = {"features", "labels", "W", "b"};

typedef struct {
    int nfiles;
    const char *name[4];
    unsigned char *bytes[4];
    size_t len[4];
    ck_npy arr[NR];
    int has[NR];
} data;

/* Reads file NAME (a plain name) from the data directory, checks its size and SHA-256. */
static int load_file(data *D, const json_t *f, ck_err *e)
{
    static const char *const keys[] = {"name", "bytes", "sha256", NULL};
    long long bytes;
    const char *name, *sha;
    if (ck_keys(f, "instance.files[]", keys, NULL, e) || !(name = ck_get_str(f, "instance.files[]", "name", e)) ||
        ck_get_int(f, "instance.files[]", "bytes", &bytes, e) ||
        !(sha = ck_get_str(f, "instance.files[]", "sha256", e)))
        return -1;
    if (!name[0] || strchr(name, '/') || name[0] == '.' || strlen(name) > 255 || bytes < 0 ||
        bytes > CK_DATA_MAX_FILE_BYTES || strlen(sha) != 64 || strspn(sha, "0123456789abcdef") != 64) {
        ck_fail(e, CK_MALFORMED, "instance.files: bad name, size or sha256 (plain file names, at most 1 GiB)");
        return -1;
    }
    char path[4400];
    const char *dir = g_dir_option ? g_dir_option : g_cert_dir;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *in = fopen(path, "rb");
    if (!in) {
        ck_fail(e, CK_MALFORMED, "data file %s not found in %s (nccheck --data-dir DIR)", name, dir);
        return -1;
    }
    int k = D->nfiles++;
    D->name[k] = name;
    D->len[k] = (size_t)bytes;
    D->bytes[k] = ck_malloc((size_t)bytes + 1);
    size_t got = D->bytes[k] ? fread(D->bytes[k], 1, (size_t)bytes + 1, in) : 0;
    fclose(in);
    if (!D->bytes[k] || got != (size_t)bytes) {
        ck_fail(e, CK_MALFORMED, "data file %s: %s", path,
                D->bytes[k] ? "size differs from the certificate" : "out of memory");
        return -1;
    }
    struct sha256_ctx ctx;
    uint8_t dg[SHA256_DIGEST_SIZE];
    char hex[65];
    sha256_init(&ctx);
    sha256_update(&ctx, (size_t)bytes, D->bytes[k]);
    sha256_digest(&ctx, sizeof dg, dg);
    for (int t = 0; t < SHA256_DIGEST_SIZE; t++) snprintf(hex + 2 * t, 3, "%02x", dg[t]);
    if (strcmp(hex, sha) != 0) {
        ck_fail(e, CK_MALFORMED, "data file %s: SHA-256 differs from the certificate (the data changed)", path);
        return -1;
    }
    return 0;
}

/* Role R's record {file, [array], dtype, shape, fortran_order} against the array in the file. */
static int load_array(data *D, const json_t *rec, int r, ck_err *e)
{
    static const char *const keys[] = {"file", "dtype", "shape", "fortran_order", NULL}, *const opt[] = {"array", NULL};
    const char *file, *dtype, *array = NULL;
    json_t *shape, *fo = json_object_get(rec, "fortran_order"), *aj = json_object_get(rec, "array");
    if (ck_keys(rec, ROLES[r], keys, opt, e) || !(file = ck_get_str(rec, ROLES[r], "file", e)) ||
        !(dtype = ck_get_str(rec, ROLES[r], "dtype", e)) || !(shape = ck_get_arr(rec, ROLES[r], "shape", e)))
        return -1;
    if (aj && !(array = ck_get_str(rec, ROLES[r], "array", e))) return -1;
    int k = 0;
    while (k < D->nfiles && strcmp(D->name[k], file)) k++;
    if (k == D->nfiles || !json_is_boolean(fo)) {
        ck_fail(e, CK_MALFORMED, "instance.arrays.%s: unknown file or bad fortran_order", ROLES[r]);
        return -1;
    }
    const unsigned char *img = D->bytes[k];
    size_t n = D->len[k];
    int zip = strlen(file) > 4 && !strcmp(file + strlen(file) - 4, ".npz");
    if (zip != (array != NULL)) {
        ck_fail(e, CK_MALFORMED, "instance.arrays.%s: \"array\" is required for .npz files only", ROLES[r]);
        return -1;
    }
    if (zip && ck_npz_member(D->bytes[k], D->len[k], array, &img, &n, file, e)) return -1;
    ck_npy *a = &D->arr[r];
    if (ck_npy_parse(a, img, n, file, e)) return -1;
    int same = !strcmp(a->descr, dtype) && a->fortran == json_is_true(fo) && (long)json_array_size(shape) == a->ndim;
    for (int t = 0; same && t < a->ndim; t++)
        same = json_is_integer(json_array_get(shape, (size_t)t)) &&
               json_integer_value(json_array_get(shape, (size_t)t)) == a->shape[t];
    if (!same) {
        ck_fail(e, CK_MALFORMED, "instance.arrays.%s: dtype, shape or order differs from the file", ROLES[r]);
        return -1;
    }
    D->has[r] = 1;
    return 0;
}

#if GMP_NUMB_BITS != 64
#error "check_data.c lays out 64-bit limbs"
#endif

/* Limbs of |m| 2^s (s > 0) or m (s <= 0), and of the denominator 2^-s (s < 0) or 1. */
static size_t num_limbs(uint64_t m, long s)
{
    return m ? (size_t)((64 - __builtin_clzll(m) + (s > 0 ? s : 0) + 63) / 64) : 0;
}

static size_t den_limbs(long s)
{
    return s < 0 ? (size_t)(-s) / 64 + 1 : 1;
}

/* Q = (-1)^neg m 2^s (lowest terms: ck_npy_parts) as a read-only rational (mpz_roinit_n) whose
 * limbs are the next ones of the block at *P. */
static void view(mpq_t q, mp_limb_t **p, int neg, uint64_t m, long s)
{
    size_t nn = num_limbs(m, s), nd = den_limbs(s);
    mp_limb_t *num = *p, *den = num + nn;
    long sh = s > 0 ? s : 0, k = s < 0 ? -s : 0;
    memset(num, 0, (nn + nd) * sizeof *num);
    if (m) num[sh / 64] |= (mp_limb_t)(m << (sh % 64));
    if (m && sh % 64 && (size_t)(sh / 64 + 1) < nn) num[sh / 64 + 1] |= (mp_limb_t)(m >> (64 - sh % 64));
    den[k / 64] = (mp_limb_t)1 << (k % 64);
    mpz_roinit_n(mpq_numref(q), num, neg ? -(mp_size_t)nn : (mp_size_t)nn);
    mpz_roinit_n(mpq_denref(q), den, (mp_size_t)nd);
    *p = den + nd;
}

/* Pass 0: adds each entry's limbs to *LIMBS (NaN, infinity: malformed); pass 1: the views. */
static int fill(const ck_npy *a, const char *role, long long r, long long c, mpq_t q, int pass, size_t *limbs,
                mp_limb_t **p, ck_err *e)
{
    int neg;
    uint64_t m;
    long s;
    if (ck_npy_parts(a, r, c, &neg, &m, &s)) {
        ck_fail(e, CK_MALFORMED, "data: %s[%lld][%lld] is NaN or infinite", role, r, c);
        return -1;
    }
    if (pass == 0)
        *limbs += num_limbs(m, s) + den_limbs(s);
    else
        view(q, p, neg, m, s);
    return 0;
}

/* Labels, class sizes against n and the balance rule, then W, H (and b = 0). */
static int rebuild(data *D, ck_inst *in, int first, ck_err *e)
{
    const ck_npy *F = &D->arr[R_F], *L = &D->arr[R_L], *W = &D->arr[R_W];
    long K = in->K, n = in->n, d = in->d;
    long long N = F->shape[0];
    if (F->ndim != 2 || W->ndim != 2 || L->ndim != 1 || L->kind == 'f' || F->shape[1] != d || W->shape[0] != K ||
        W->shape[1] != d || L->shape[0] != N || (D->has[R_B] && (D->arr[R_B].ndim != 1 || D->arr[R_B].shape[0] != K)) ||
        N < n * K) {
        ck_fail(e, CK_MALFORMED, "instance: the arrays' shapes do not give K=%ld, n=%ld, d=%ld", K, n, d);
        return -1;
    }
    /* allocated only now that the files (at most 1 GiB each) hold at least this many entries */
    in->W = ck_malloc((size_t)(K * d) * sizeof(mpq_t));
    in->H = ck_malloc((size_t)(d * n * K) * sizeof(mpq_t));
    in->pooled = 1; /* W and H become views into in->pool; ck_inst_free frees the block only */
    if (!in->W || !in->H) {
        ck_fail(e, CK_MALFORMED, "instance: out of memory");
        return -1;
    }
    long long *cnt = ck_calloc((size_t)K, sizeof *cnt);
    long *row = ck_malloc((size_t)N * sizeof *row); /* H column of sample s, or -1 */
    long long *col = ck_malloc((size_t)(n * K) * sizeof *col);
    mpq_t q;
    mpq_init(q);
    int rc = cnt && row && col ? 0 : -1;
    if (rc) ck_fail(e, CK_MALFORMED, "instance: out of memory");
    for (long long s = 0; s < N && !rc; s++) {
        ck_npy_get(L, s, 0, q);
        if (mpz_cmp_ui(mpq_numref(q), 0) < 0 || mpz_cmp_si(mpq_numref(q), K) >= 0) {
            ck_fail(e, CK_MALFORMED, "data: label of sample %lld out of range [0, %ld)", s, K);
            rc = -1;
            break;
        }
        long k = mpz_get_si(mpq_numref(q));
        row[s] = cnt[k] < n ? k * n + cnt[k] : -1;
        cnt[k]++;
    }
    long long lo = N;
    for (long k = 0; k < K && !rc; k++) {
        if (cnt[k] < lo) lo = cnt[k];
        if (!first && cnt[k] != n) lo = -1;
    }
    if (!rc && lo != n) {
        ck_fail(e, CK_MALFORMED, "instance: the class sizes do not give n=%ld with balance \"%s\"", n,
                first ? "first" : "none");
        rc = -1;
    }
    size_t limbs = 1;
    mp_limb_t *p = NULL;
    for (int pass = 0; pass < 2 && !rc; pass++) { /* every entry of W and of H is set in pass 1 */
        for (long k = 0; k < K && !rc; k++)
            for (long l = 0; l < d && !rc; l++) rc = fill(W, "W", k, l, in->W[k * d + l], pass, &limbs, &p, e);
        for (long long s = 0; s < N && !rc && pass == 0; s++) /* counting: in the file's order */
            for (long l = 0; l < d && !rc && row[s] >= 0; l++)
                rc = fill(F, "features", s, l, in->H[l * n * K + row[s]], pass, &limbs, &p, e);
        for (long long s = 0; s < N && pass == 1; s++) /* col[c] = the sample of H column c */
            if (row[s] >= 0) col[row[s]] = s;
        /* the views, in tiles of 64 columns x d rows: runs of 64 consecutive entries of H have
         * consecutive limbs, and the tile's 64 samples stay in cache while it is read */
        for (long c0 = 0; c0 < n * K && pass == 1; c0 += 64)
            for (long l = 0; l < d && !rc; l++)
                for (long c = c0; c < c0 + 64 && c < n * K && !rc; c++)
                    rc = fill(F, "features", col[c], l, in->H[l * n * K + c], pass, &limbs, &p, e);
        if (pass == 0 && !rc && !(p = in->pool = ck_malloc(limbs * sizeof *p))) {
            ck_fail(e, CK_MALFORMED, "instance: out of memory");
            rc = -1;
        }
    }
    for (long k = 0; k < K && !rc && D->has[R_B]; k++)
        if (ck_npy_get(&D->arr[R_B], k, 0, q) || mpq_sgn(q) != 0) {
            ck_fail(e, CK_MALFORMED, "data: b[%ld] is not 0 (the model has no bias)", k);
            rc = -1;
        }
    mpq_clear(q);
    ck_free(cnt), ck_free(row), ck_free(col);
    return rc;
}

int ck_data_parse(const json_t *j, ck_inst *in, ck_err *e)
{
    static const char *const keys[] = {"kind", "K", "n", "d", "balance", "files", "arrays", NULL};
    static const char *const req[] = {"features", "labels", "W", NULL}, *const opt[] = {"b", NULL};
    long long K, n, d;
    const char *bal;
    json_t *files, *arrays;
    if (ck_keys(j, "instance", keys, NULL, e) || ck_get_int(j, "instance", "K", &K, e) ||
        ck_get_int(j, "instance", "n", &n, e) || ck_get_int(j, "instance", "d", &d, e) ||
        !(bal = ck_get_str(j, "instance", "balance", e)) || !(files = ck_get_arr(j, "instance", "files", e)) ||
        !(arrays = ck_get_obj(j, "instance", "arrays", e)) || ck_keys(arrays, "instance.arrays", req, opt, e))
        return -1;
    if (K < 2 || n < 1 || d < 1 || K > CK_GEN_MAX_DIM || n > CK_GEN_MAX_DIM || d > CK_GEN_MAX_DIM ||
        K * d + d * n * K > CK_DATA_MAX_ENTRIES || (strcmp(bal, "none") && strcmp(bal, "first")) ||
        json_array_size(files) < 1 || json_array_size(files) > 4) {
        ck_fail(e, CK_MALFORMED, "instance (data/1): bad K, n, d (limits: 2^26 entries), balance or files");
        return -1;
    }
    in->kind = CK_EXPLICIT;
    in->K = (long)K, in->n = (long)n, in->d = (long)d;
    mpz_set_si(in->m, in->n);
    data D;
    memset(&D, 0, sizeof D);
    int rc = 0;
    for (size_t k = 0; k < json_array_size(files) && !rc; k++) rc = load_file(&D, json_array_get(files, k), e);
    for (int r = 0; r < NR && !rc; r++)
        if (json_object_get(arrays, ROLES[r])) rc = load_array(&D, json_object_get(arrays, ROLES[r]), r, e);
    if (!rc) rc = rebuild(&D, in, !strcmp(bal, "first"), e);
    for (int k = 0; k < D.nfiles; k++) ck_free(D.bytes[k]);
    return rc;
}
