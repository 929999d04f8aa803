/* check_boxtree.h: witnesses.tree of the certificates that cover a two-dimensional box: a
 * pre-order list of tokens, "L" for a leaf and "<axis>:<rational>" for a split of the current
 * box along one of its two axes, read here token by token. */
#ifndef NCCHECK_BOXTREE_H
#define NCCHECK_BOXTREE_H
#include <gmp.h>
#include <jansson.h>

#include "check_json.h"

/* *tree and *leaves = W's "tree" and "leaves"; -1 with e set (malformed) unless both are arrays. */
int ck_tree_open(const json_t *w, const json_t **tree, const json_t **leaves, ck_err *e);
/* After the walk: -1 with e set (malformed) unless it read all TOK tokens of TREE and all LEAF
 * entries of LEAVES. */
int ck_tree_complete(const json_t *tree, long tok, const json_t *leaves, long leaf, ck_err *e);
/* The token at *tok of TREE (*tok then advances); NULL when *fail is already set, or, with
 * *fail and e set (malformed), when it is missing or not a string or DEPTH exceeds MAX_DEPTH. */
const char *ck_tree_token(const json_t *tree, long *tok, long depth, long max_depth, int *fail, ck_err *e);
/* S as a split "<a>:<rational m>" of the box [lo0, hi0] x [lo1, hi1], a = AXES[0] (first axis)
 * or AXES[1] (second), m strictly inside that axis' range: the axis (0 or 1), m set; -1 with e
 * set (malformed, naming token TOK) otherwise. */
int ck_tree_split(const char *s, const char axes[2], const mpq_t lo0, const mpq_t hi0, const mpq_t lo1, const mpq_t hi1,
                  mpq_t m, long tok, ck_err *e);
#endif
