/* check_data.h: the data/1 instance (specs/instance.md): a network's arrays in .npz / .npy files
 * beside the certificate (or in nccheck --data-dir DIR), pinned by size and SHA-256. */
#ifndef NCCHECK_DATA_H
#define NCCHECK_DATA_H
#include "check_instance.h"

#define CK_DATA_MAX_FILE_BYTES (1LL << 30)
#define CK_DATA_MAX_ENTRIES (1LL << 26) /* K d + d n K: about 3.5 GB of exact entries at most */

/* --data-dir DIR; NULL: the directory of each certificate. */
void ck_data_set_dir(const char *dir);
/* The certificate being checked (its directory is the default data directory); NULL: ".". */
void ck_data_set_cert(const char *cert_path);
/* Reads the data/1 object J into IN (explicit form: W K x d, H d x nK, exact). */
int ck_data_parse(const json_t *j, ck_inst *in, ck_err *e);
#endif
