/*
 * phrase_query.h - boolean phrase queries with proximity (the phrase_query
 * type): parser, canonical text, evaluation on a text, index keys, snippets.
 * Plain C99, no PostgreSQL.
 *
 * Grammar (precedence high to low: NOT > NEAR/BEFORE > AND > OR):
 *     query   := or
 *     or      := and ( "OR" and )*
 *     and     := near ( ["AND"] near )*          adjacent terms are ANDed
 *     near    := unary [ ("NEAR/n" | "BEFORE/n") unary ]
 *     unary   := ("NOT" | "-")* primary           "-" directly before a term
 *     primary := WORD | "quoted phrase" | "(" or ")"
 * Operators are upper case; anything else (including "and", "or") is a word.
 * A bare word and a quoted phrase are tokenized and normalised like a phrase
 * (phrase.h); a bare word of several tokens ("five-year", "U.S.") is a
 * phrase, one of punctuation only is skipped.  The operands of NEAR/BEFORE
 * are phrases or OR groups of phrases; n is 1..NX_PQ_MAX_DISTANCE.
 *
 * Semantics on a text (its tokens t[0..T)): a phrase matches where its tokens
 * stand consecutively; "a BEFORE/n b" when an occurrence of b starts 1..n
 * tokens after an occurrence of a ends (n = 1: adjacent), "a NEAR/n b" when a
 * BEFORE/n b or b BEFORE/n a.  AND, OR, NOT as usual.
 *
 * Serialised query (the body of the SQL type; native-endian uint32, 4-byte
 * aligned):
 *     format             NX_PQ_FORMAT
 *     version            NX_TOKENIZER_VERSION of the phrases
 *     nnodes, nleaves
 *     node[nnodes]       the tree in preorder (nx_pq_node)
 *     leaf_off[nleaves], leaf_len[nleaves]   phrases in data, 4-byte aligned
 *     data               serialised phrases (phrase.h), one per leaf
 * Leaves are numbered in preorder.  Equal canonical queries have equal bytes.
 */
#ifndef NX_PHRASE_QUERY_H
#define NX_PHRASE_QUERY_H

#include <stddef.h>
#include <stdint.h>

#include "nx_alloc.h"
#include "phrase.h"

#define NX_PQ_FORMAT		1
#define NX_PQ_MAX_BYTES		(64 * 1024)	/* query text */
#define NX_PQ_MAX_TERMS		1000	/* phrases in one query */
#define NX_PQ_MAX_NESTING	32		/* parenthesis depth */
#define NX_PQ_MAX_DISTANCE	1000	/* n of NEAR/n, BEFORE/n */
/* tree depth a valid query can reach: OR, AND, NOT/NEAR, OR per level */
#define NX_PQ_MAX_TREE_DEPTH	(4 * (NX_PQ_MAX_NESTING + 2))

/* error codes of nx_pq_parse (besides NX_ENOMEM, NX_EINTR) */
#define NX_PQ_SYNTAX		(-20)	/* malformed query */
#define NX_PQ_LIMIT			(-21)	/* a limit above exceeded */

enum nx_pq_kind
{
	NX_PQ_LEAF = 1,
	NX_PQ_AND,
	NX_PQ_OR,
	NX_PQ_NOT,
	NX_PQ_NEAR,
	NX_PQ_BEFORE
};

typedef struct nx_pq_node
{
	uint8_t		kind;			/* enum nx_pq_kind */
	uint8_t		pad;
	uint16_t	dist;			/* n of NEAR/BEFORE, else 0 */
	uint32_t	size;			/* nodes in this subtree, itself included */
	uint32_t	leaf;			/* leaf number (LEAF), else 0 */
} nx_pq_node;

/* what nx_pq_parse reports when it fails */
typedef struct nx_pq_error
{
	int			code;			/* NX_PQ_SYNTAX, NX_PQ_LIMIT, or a core code */
	size_t		pos;			/* byte offset in the query text */
	char		detail[200];	/* a sentence for the user (errdetail) */
} nx_pq_error;

/* a read-only view of a serialised query */
typedef struct nx_pq
{
	uint32_t	version;
	uint32_t	nnodes;
	uint32_t	nleaves;
	const nx_pq_node *nodes;
	nx_phrase  *leaves;			/* nleaves views, allocated by nx_pq_view */
} nx_pq;

/*
 * Parse s[0..len) into a serialised query, allocated with `prefix` spare
 * bytes in front (*out is the allocation, *outsize its size).  Returns NX_OK,
 * or an error code with *err filled.  Linear in len; no deep recursion.
 */
extern int	nx_pq_parse(const char *s, size_t len, const nx_allocator *a, size_t prefix,
						char **out, size_t *outsize, nx_pq_error *err);

/* view a serialised query (checks it); allocates q->leaves with a.  NX_OK or -1 */
extern int	nx_pq_view(const void *body, size_t size, const nx_allocator *a, nx_pq *q);
extern void nx_pq_view_free(nx_pq *q, const nx_allocator *a);

/* canonical text: NUL-terminated, allocated with a.  NX_OK or NX_ENOMEM */
extern int	nx_pq_text(const nx_pq *q, const nx_allocator *a, char **out, size_t *outlen);

/* 1 if text matches q, 0 if not, negative on error */
extern int	nx_pq_match(const nx_pq *q, const char *text, size_t len, const nx_allocator *a);

/* index support ---------------------------------------------------------- */

#define NX_PQ_FALSE	0
#define NX_PQ_TRUE	1
#define NX_PQ_MAYBE	2

/*
 * The query's value from what is known of its leaves (NX_PQ_FALSE: the phrase
 * is absent, NX_PQ_TRUE: present, NX_PQ_MAYBE: unknown).  NEAR/BEFORE are
 * never TRUE from leaf values alone (positions are unknown).
 */
extern int	nx_pq_eval3(const nx_pq *q, const uint8_t *leafval);

/*
 * 1 if every matching text contains at least one of the query's phrases (so
 * an index need only look at rows with one of their keys); 0 for queries
 * such as "NOT a" or "a OR NOT b", which need a full scan.
 */
extern int	nx_pq_requires_match(const nx_pq *q);

/* 1 if leaf i stands under an odd number of NOTs (its occurrences are not marked) */
extern int	nx_pq_leaf_negated(const nx_pq *q, uint32_t leaf);

/* snippets ------------------------------------------------------------------ */

/*
 * Number of occurrences of the query's phrases (not those negated) in
 * the text, counted left to right without overlap, if the text matches the
 * query; 0 if it does not.  Negative on error.
 */
extern long nx_pq_count(const nx_pq *q, const char *text, size_t len, const nx_allocator *a);

/*
 * As nx_phrase_snippet, for a query: an excerpt around the first occurrence
 * of one of its phrases, every occurrence in the excerpt marked.  Returns 1
 * with *out set, 0 if the text does not match q, or a negative code.  A match
 * without any marked phrase (a NOT-only query) gives the start of the text.
 */
extern int	nx_pq_snippet(const nx_pq *q, const char *text, size_t len, int around,
						  const char *start_sel, const char *stop_sel,
						  const nx_allocator *a, char **out, size_t *outlen);

#endif							/* NX_PHRASE_QUERY_H */
