/* check_boxtree.c: the token reader of box-covering trees (check_boxtree.h). */
#include "check_boxtree.h"
#include "check_rational.h"

int ck_tree_open(const json_t *w, const json_t **tree, const json_t **leaves, ck_err *e)
{
    *tree = json_object_get(w, "tree"), *leaves = json_object_get(w, "leaves");
    if (json_is_array(*tree) && json_is_array(*leaves)) return 0;
    ck_fail(e, CK_MALFORMED, "witnesses: tree and leaves must be arrays");
    return -1;
}

int ck_tree_complete(const json_t *tree, long tok, const json_t *leaves, long leaf, ck_err *e)
{
    if (tok == (long)json_array_size(tree) && leaf == (long)json_array_size(leaves)) return 0;
    ck_fail(e, CK_MALFORMED, "witnesses: extra tree tokens or leaves");
    return -1;
}

const char *ck_tree_token(const json_t *tree, long *tok, long depth, long max_depth, int *fail, ck_err *e)
{
    if (*fail) return NULL;
    const json_t *tk = json_array_get(tree, (size_t)(*tok)++);
    const char *s = json_is_string(tk) ? json_string_value(tk) : NULL;
    if (!s || depth > max_depth) {
        ck_fail(e, CK_MALFORMED, "witnesses.tree: bad or too deep at token %ld", *tok - 1);
        *fail = 1;
        return NULL;
    }
    return s;
}

int ck_tree_split(const char *s, const char axes[2], const mpq_t lo0, const mpq_t hi0, const mpq_t lo1, const mpq_t hi1,
                  mpq_t m, long tok, ck_err *e)
{
    const int first = s[0] == axes[0];
    if ((s[0] != axes[0] && s[0] != axes[1]) || s[1] != ':' || ck_parse_entry(s + 2, m) ||
        mpq_cmp(m, first ? lo0 : lo1) <= 0 || mpq_cmp(m, first ? hi0 : hi1) >= 0) {
        ck_fail(e, CK_MALFORMED, "witnesses.tree[%ld]: not a split strictly inside the box", tok);
        return -1;
    }
    return first ? 0 : 1;
}
