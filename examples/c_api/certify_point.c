/* certify_point.c: the C API (nccert.h) on a point in memory: K = 2 classes, n = 2 samples each
 * (in shuffled order), d = 2, float32 features in Fortran order (column-major: strides given),
 * int64 labels, float64 W. Certifies Lemma 3.1 and writes point.cert.json and point.npz (the
 * data it references) in the current directory; `nccheck point.cert.json` re-checks it.
 *   cc certify_point.c $(pkg-config --cflags --libs nccert) -o certify_point
 * Prints the result's line; exits with the status (0 PROVED, 1 not established, 2, 3). */
#include <stdio.h>
#include <nccert.h>

int main(void)
{
    /* features (4 x 2), column-major: column 0 then column 1 */
    static const float feat[8] = {1.0f, -1.0f, 0.5f, -0.75f, 0.25f, 0.0f, 0.5f, -0.5f};
    static const long long labels[4] = {0, 1, 0, 1};
    static const double w[4] = {1.0, 0.25, -1.0, -0.25};
    static const int64_t fshape[2] = {4, 2}, fstrides[2] = {sizeof(float), 4 * sizeof(float)};
    static const int64_t lshape[1] = {4}, wshape[2] = {2, 2};
    nccert_point_request q = {0};
    q.claim = "ulpm.lemma-3.1";
    q.features = (nccert_array){feat, "<f4", 2, fshape, fstrides};
    q.labels = (nccert_array){labels, "<i8", 1, lshape, NULL};
    q.W = (nccert_array){w, "<f8", 2, wshape, NULL};
    q.data_path = "point.npz";
    q.write_data = 1;
    q.cert_path = "point.cert.json";
    nccert_result r;
    int status = nccert_certify_point(&q, &r, NULL);
    printf("nccert %s: %s\n", nccert_version(), r.message);
    return status;
}
