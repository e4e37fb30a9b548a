/*
 * phrase_query_parse.c - the phrase_query parser and its serialised form
 * (grammar and format in phrase_query.h).
 *
 * Recursive descent over a token stream.  Recursion happens only at "(", and
 * the parenthesis depth is capped at NX_PQ_MAX_NESTING, so the stack stays
 * small whatever the input; every other construct is a loop.  Chains of the
 * same operator become one n-ary node, so the tree depth is bounded too.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "phrase_query.h"

/* ---------------------------------------------------------------- lexer */

enum lex_kind
{
	LX_END,
	LX_TERM,					/* a word or quoted phrase with >= 1 token */
	LX_LPAREN,
	LX_RPAREN,
	LX_AND,
	LX_OR,
	LX_NOT,						/* NOT or a leading "-" */
	LX_NEAR,
	LX_BEFORE
};

/* a parse tree node before serialisation (children as a linked list) */
typedef struct tnode
{
	int			kind;
	int			dist;
	int			first;			/* first child, -1 if none */
	int			last;			/* last child */
	int			next;			/* next sibling */
	char	   *phrase;			/* LEAF: serialised phrase (allocated) */
	size_t		phrase_size;
} tnode;

typedef struct parser
{
	const char *s;
	size_t		len;
	size_t		pos;
	const nx_allocator *a;
	nx_pq_error *err;

	/* the current token */
	int			tok;
	size_t		tok_pos;
	int			tok_dist;
	char	   *tok_phrase;
	size_t		tok_phrase_size;
	int			pending;		/* tok_phrase is the term after a "-" */

	tnode	   *nodes;
	int			nnodes;
	int			cap;
	int			nleaves;
	int			nesting;
} parser;

#if defined(__GNUC__)
static int	fail(parser *p, int code, size_t pos, const char *fmt,...) __attribute__((format(printf, 4, 5)));
#endif

static int
fail(parser *p, int code, size_t pos, const char *fmt,...)
{
	va_list		ap;

	if (p->err->code != 0)
		return p->err->code;
	p->err->code = code;
	p->err->pos = pos;
	va_start(ap, fmt);
	vsnprintf(p->err->detail, sizeof(p->err->detail), fmt, ap);
	va_end(ap);
	return code;
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* length of a quote mark at s[i] ('"', U+201C, U+201D, U+201E), else 0 */
static size_t
quote_len(const char *s, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *) s;

	if (u[i] == '"')
		return 1;
	if (i + 2 < len && u[i] == 0xE2 && u[i + 1] == 0x80 &&
		(u[i + 2] == 0x9C || u[i + 2] == 0x9D || u[i + 2] == 0x9E))
		return 3;
	return 0;
}

static int
ends_word(const char *s, size_t len, size_t i)
{
	return is_space((unsigned char) s[i]) || s[i] == '(' || s[i] == ')' || quote_len(s, len, i);
}

/* "NEAR/12" -> 12; -1 if the word is not of that form */
static long
keyword_distance(const char *w, size_t n, const char *kw)
{
	size_t		k = strlen(kw),
				i;
	long		d = 0;

	if (n <= k + 1 || memcmp(w, kw, k) != 0 || w[k] != '/')
		return -1;
	for (i = k + 1; i < n; i++)
	{
		if (w[i] < '0' || w[i] > '9')
			return -1;
		if (d <= 1000000)
			d = d * 10 + (w[i] - '0');
	}
	return d;
}

static int
distance_token(parser *p, const char *w, size_t n, const char *kw, int kind)
{
	long		d = keyword_distance(w, n, kw);

	if (d < 0)
		return fail(p, NX_PQ_SYNTAX, p->tok_pos,
					"%s needs a distance in words, as in %s/5; quote the word to search for it", kw, kw);
	if (d < 1)
		return fail(p, NX_PQ_SYNTAX, p->tok_pos, "The distance of %s must be at least 1 (1 means adjacent).", kw);
	if (d > NX_PQ_MAX_DISTANCE)
		return fail(p, NX_PQ_LIMIT, p->tok_pos, "The distance of %s can be at most %d words.", kw, NX_PQ_MAX_DISTANCE);
	p->tok = kind;
	p->tok_dist = (int) d;
	return NX_OK;
}

/* tokenize a term's text into a phrase; *empty set if it has no token */
static int
encode_term(parser *p, const char *w, size_t n, int *empty)
{
	int			r = nx_phrase_encode(w, n, p->a, 0, &p->tok_phrase, &p->tok_phrase_size);

	*empty = 0;
	if (r == NX_PHRASE_EMPTY)
	{
		*empty = 1;
		return NX_OK;
	}
	if (r == NX_PHRASE_TOO_MANY)
		return fail(p, NX_PQ_LIMIT, p->tok_pos, "A phrase can have at most %d words.", NX_PHRASE_MAX_TOKENS);
	if (r == NX_PHRASE_TOO_LONG)
		return fail(p, NX_PQ_LIMIT, p->tok_pos, "A phrase can have at most %d bytes.", NX_PHRASE_MAX_BYTES);
	if (r < 0)
		return fail(p, r, p->tok_pos, "internal error %d", r);
	p->tok = LX_TERM;
	return NX_OK;
}

static int
lex_quoted(parser *p, size_t open)
{
	size_t		start = p->pos + open,
				i = start,
				q = 0;
	int			empty,
				r;

	while (i < p->len && (q = quote_len(p->s, p->len, i)) == 0)
		i++;
	if (i >= p->len)
		return fail(p, NX_PQ_SYNTAX, p->tok_pos, "A quoted phrase is not closed.");
	p->pos = i + q;
	r = encode_term(p, p->s + start, i - start, &empty);
	if (r == NX_OK && empty)
		return fail(p, NX_PQ_SYNTAX, p->tok_pos,
					"A quoted phrase needs at least one letter or digit.");
	return r;
}

/* read the next token into p->tok; skips words of punctuation only */
static int
lex_next(parser *p)
{
	if (p->pending)
	{
		p->pending = 0;
		p->tok_pos++;
		return p->tok = LX_TERM, NX_OK;
	}
	for (;;)
	{
		size_t		start,
					q;
		const char *w;
		size_t		n;
		int			empty,
					r;

		while (p->pos < p->len && is_space((unsigned char) p->s[p->pos]))
			p->pos++;
		p->tok_pos = p->pos;
		p->tok_phrase = NULL;
		if (p->pos >= p->len)
			return p->tok = LX_END, NX_OK;
		if (p->s[p->pos] == '(')
			return p->pos++, p->tok = LX_LPAREN, NX_OK;
		if (p->s[p->pos] == ')')
			return p->pos++, p->tok = LX_RPAREN, NX_OK;
		if ((q = quote_len(p->s, p->len, p->pos)) != 0)
			return lex_quoted(p, q);
		/* "-" directly before a word, a group or a phrase excludes it */
		if (p->s[p->pos] == '-' && p->pos + 1 < p->len &&
			(p->s[p->pos + 1] == '(' || quote_len(p->s, p->len, p->pos + 1)))
		{
			p->pos++;
			return p->tok = LX_NOT, NX_OK;
		}
		if (p->s[p->pos] == '-' && p->pos + 1 < p->len && !ends_word(p->s, p->len, p->pos + 1) &&
			p->s[p->pos + 1] != '-')
		{
			start = ++p->pos;
			while (p->pos < p->len && !ends_word(p->s, p->len, p->pos))
				p->pos++;
			r = encode_term(p, p->s + start, p->pos - start, &empty);
			if (r != NX_OK)
				return r;
			if (empty)
				continue;		/* "-" and punctuation: a separator */
			p->pending = 1;		/* the term comes next */
			return p->tok = LX_NOT, NX_OK;
		}
		start = p->pos;
		while (p->pos < p->len && !ends_word(p->s, p->len, p->pos))
			p->pos++;
		w = p->s + start;
		n = p->pos - start;
		if (n == 3 && memcmp(w, "AND", 3) == 0)
			return p->tok = LX_AND, NX_OK;
		if (n == 2 && memcmp(w, "OR", 2) == 0)
			return p->tok = LX_OR, NX_OK;
		if (n == 3 && memcmp(w, "NOT", 3) == 0)
			return p->tok = LX_NOT, NX_OK;
		if (n >= 4 && memcmp(w, "NEAR", 4) == 0 && (n == 4 || w[4] == '/'))
			return distance_token(p, w, n, "NEAR", LX_NEAR);
		if (n >= 6 && memcmp(w, "BEFORE", 6) == 0 && (n == 6 || w[6] == '/'))
			return distance_token(p, w, n, "BEFORE", LX_BEFORE);
		r = encode_term(p, w, n, &empty);
		if (r != NX_OK || !empty)
			return r;
		/* punctuation only: separates, like in a phrase */
	}
}

/* ---------------------------------------------------------------- tree */

static int
new_node(parser *p, int kind, int dist)
{
	tnode	   *n;

	if (p->nnodes == p->cap)
	{
		int			ncap = p->cap ? p->cap * 2 : 32;
		tnode	   *nn = p->nodes ? nx_resize(p->a, p->nodes, sizeof(tnode) * p->cap, sizeof(tnode) * ncap)
		: nx_alloc(p->a, sizeof(tnode) * ncap);

		if (nn == NULL)
			return fail(p, NX_ENOMEM, p->pos, "out of memory");
		p->nodes = nn;
		p->cap = ncap;
	}
	n = &p->nodes[p->nnodes];
	n->kind = kind;
	n->dist = dist;
	n->first = n->last = n->next = -1;
	n->phrase = NULL;
	n->phrase_size = 0;
	return p->nnodes++;
}

static void
add_child(parser *p, int parent, int child)
{
	tnode	   *pn = &p->nodes[parent];

	if (pn->first < 0)
		pn->first = child;
	else
		p->nodes[pn->last].next = child;
	pn->last = child;
}

/* add child to an n-ary node of the same kind, splicing a child of that kind */
static void
add_flat(parser *p, int parent, int child)
{
	if (p->nodes[child].kind == p->nodes[parent].kind)
	{
		int			c = p->nodes[child].first;

		while (c >= 0)
		{
			int			next = p->nodes[c].next;

			p->nodes[c].next = -1;
			add_child(p, parent, c);
			c = next;
		}
	}
	else
		add_child(p, parent, child);
}

static int
starts_term(int tok)
{
	return tok == LX_TERM || tok == LX_LPAREN || tok == LX_NOT;
}

static int	parse_or(parser *p, int *out);

static int
parse_primary(parser *p, int *out)
{
	int			r;

	if (p->tok == LX_TERM)
	{
		int			n;

		if (p->nleaves >= NX_PQ_MAX_TERMS)
			return fail(p, NX_PQ_LIMIT, p->tok_pos, "A query can have at most %d words and phrases.", NX_PQ_MAX_TERMS);
		if ((n = new_node(p, NX_PQ_LEAF, 0)) < 0)
			return n;
		p->nodes[n].phrase = p->tok_phrase;
		p->nodes[n].phrase_size = p->tok_phrase_size;
		p->tok_phrase = NULL;
		p->nleaves++;
		*out = n;
		return lex_next(p);
	}
	if (p->tok == LX_LPAREN)
	{
		size_t		open = p->tok_pos;

		if (++p->nesting > NX_PQ_MAX_NESTING)
			return fail(p, NX_PQ_LIMIT, p->tok_pos, "Parentheses can be nested at most %d deep.", NX_PQ_MAX_NESTING);
		if ((r = lex_next(p)) != NX_OK)
			return r;
		if (p->tok == LX_RPAREN)
			return fail(p, NX_PQ_SYNTAX, open, "Empty parentheses at byte %zu: a group needs a word or phrase.", open + 1);
		if ((r = parse_or(p, out)) != NX_OK)
			return r;
		if (p->tok != LX_RPAREN)
			return fail(p, NX_PQ_SYNTAX, open, "The parenthesis opened at byte %zu is not closed.", open + 1);
		p->nesting--;
		return lex_next(p);
	}
	if (p->tok == LX_END)
		return fail(p, NX_PQ_SYNTAX, p->tok_pos, "The query ends where a word, phrase or group was expected.");
	return fail(p, NX_PQ_SYNTAX, p->tok_pos, "A word, phrase or group was expected at byte %zu.", p->tok_pos + 1);
}

/* NOT / "-" any number of times (pairs cancel), then a primary */
static int
parse_unary(parser *p, int *out)
{
	int			negate = 0,
				r,
				child,
				n;

	while (p->tok == LX_NOT)
	{
		negate = !negate;
		if ((r = lex_next(p)) != NX_OK)
			return r;
	}
	if ((r = parse_primary(p, &child)) != NX_OK)
		return r;
	/* NOT (NOT x) is x, so equal queries have one canonical form */
	if (negate && p->nodes[child].kind == NX_PQ_NOT)
	{
		negate = 0;
		child = p->nodes[child].first;
	}
	if (!negate)
	{
		*out = child;
		return NX_OK;
	}
	if ((n = new_node(p, NX_PQ_NOT, 0)) < 0)
		return n;
	add_child(p, n, child);
	*out = n;
	return NX_OK;
}

/* an operand of NEAR/BEFORE: a phrase, or an OR of phrases */
static int
proximity_operand(const parser *p, int n)
{
	int			c;

	if (p->nodes[n].kind == NX_PQ_LEAF)
		return 1;
	if (p->nodes[n].kind != NX_PQ_OR)
		return 0;
	for (c = p->nodes[n].first; c >= 0; c = p->nodes[c].next)
		if (p->nodes[c].kind != NX_PQ_LEAF)
			return 0;
	return 1;
}

static int
parse_near(parser *p, int *out)
{
	int			left,
				right,
				n,
				r,
				kind;
	size_t		op_pos;

	if ((r = parse_unary(p, &left)) != NX_OK)
		return r;
	if (p->tok != LX_NEAR && p->tok != LX_BEFORE)
	{
		*out = left;
		return NX_OK;
	}
	kind = p->tok == LX_NEAR ? NX_PQ_NEAR : NX_PQ_BEFORE;
	op_pos = p->tok_pos;
	if ((n = new_node(p, kind, p->tok_dist)) < 0)
		return n;
	if ((r = lex_next(p)) != NX_OK || (r = parse_unary(p, &right)) != NX_OK)
		return r;
	if (!proximity_operand(p, left) || !proximity_operand(p, right))
		return fail(p, NX_PQ_SYNTAX, op_pos,
					"NEAR and BEFORE join words, phrases or OR groups of them (byte %zu); use AND for the rest.", op_pos + 1);
	if (p->tok == LX_NEAR || p->tok == LX_BEFORE)
		return fail(p, NX_PQ_SYNTAX, p->tok_pos,
					"NEAR and BEFORE cannot be chained (byte %zu): write (a NEAR/n b) AND (b NEAR/n c).", p->tok_pos + 1);
	add_child(p, n, left);
	add_child(p, n, right);
	*out = n;
	return NX_OK;
}

static int
parse_and(parser *p, int *out)
{
	int			first,
				next,
				n = -1,
				r;

	if ((r = parse_near(p, &first)) != NX_OK)
		return r;
	for (;;)
	{
		if (p->tok == LX_AND)
		{
			if ((r = lex_next(p)) != NX_OK)
				return r;
			if (!starts_term(p->tok))
				return fail(p, NX_PQ_SYNTAX, p->tok_pos, "AND needs a word, phrase or group on its right (byte %zu).", p->tok_pos + 1);
		}
		else if (!starts_term(p->tok))
			break;
		if ((r = parse_near(p, &next)) != NX_OK)
			return r;
		if (n < 0)
		{
			if ((n = new_node(p, NX_PQ_AND, 0)) < 0)
				return n;
			add_flat(p, n, first);
		}
		add_flat(p, n, next);
	}
	*out = n < 0 ? first : n;
	return NX_OK;
}

static int
parse_or(parser *p, int *out)
{
	int			first,
				next,
				n = -1,
				r;

	if (p->tok == LX_OR || p->tok == LX_AND || p->tok == LX_NEAR || p->tok == LX_BEFORE)
		return fail(p, NX_PQ_SYNTAX, p->tok_pos, "An operator needs a word, phrase or group on its left (byte %zu).", p->tok_pos + 1);
	if ((r = parse_and(p, &first)) != NX_OK)
		return r;
	while (p->tok == LX_OR)
	{
		if ((r = lex_next(p)) != NX_OK)
			return r;
		if (!starts_term(p->tok))
			return fail(p, NX_PQ_SYNTAX, p->tok_pos, "OR needs a word, phrase or group on its right (byte %zu).", p->tok_pos + 1);
		if ((r = parse_and(p, &next)) != NX_OK)
			return r;
		if (n < 0)
		{
			if ((n = new_node(p, NX_PQ_OR, 0)) < 0)
				return n;
			add_flat(p, n, first);
		}
		add_flat(p, n, next);
	}
	if (p->tok == LX_NEAR || p->tok == LX_BEFORE || p->tok == LX_AND)
		return fail(p, NX_PQ_SYNTAX, p->tok_pos, "Misplaced operator at byte %zu.", p->tok_pos + 1);
	*out = n < 0 ? first : n;
	return NX_OK;
}

/* ------------------------------------------------------------ serialise */

typedef struct writer
{
	const parser *p;
	nx_pq_node *nodes;
	uint32_t   *leaf_off;
	uint32_t   *leaf_len;
	char	   *data;
	uint32_t	nnodes;
	uint32_t	nleaves;
	uint32_t	datalen;
} writer;

static size_t
pad4(size_t n)
{
	return (n + 3) & ~(size_t) 3;
}

/* preorder; depth is bounded by the parser (NX_PQ_MAX_TREE_DEPTH) */
static uint32_t
emit(writer *w, int n)
{
	const tnode *t = &w->p->nodes[n];
	uint32_t	me = w->nnodes++,
				size = 1;
	int			c;

	w->nodes[me].kind = (uint8_t) t->kind;
	w->nodes[me].pad = 0;
	w->nodes[me].dist = (uint16_t) t->dist;
	w->nodes[me].leaf = 0;
	if (t->kind == NX_PQ_LEAF)
	{
		w->nodes[me].leaf = w->nleaves;
		w->leaf_off[w->nleaves] = w->datalen;
		w->leaf_len[w->nleaves] = (uint32_t) t->phrase_size;
		memcpy(w->data + w->datalen, t->phrase, t->phrase_size);
		memset(w->data + w->datalen + t->phrase_size, 0, pad4(t->phrase_size) - t->phrase_size);
		w->datalen += (uint32_t) pad4(t->phrase_size);
		w->nleaves++;
	}
	for (c = t->first; c >= 0; c = w->p->nodes[c].next)
		size += emit(w, c);
	w->nodes[me].size = size;
	return size;
}

static int
count_tree(const parser *p, int n, size_t *nnodes, size_t *datalen)
{
	int			c;

	(*nnodes)++;
	if (p->nodes[n].kind == NX_PQ_LEAF)
		*datalen += pad4(p->nodes[n].phrase_size);
	for (c = p->nodes[n].first; c >= 0; c = p->nodes[c].next)
		count_tree(p, c, nnodes, datalen);
	return 0;
}

static int
serialise(parser *p, int root, size_t prefix, char **out, size_t *outsize)
{
	size_t		nnodes = 0,
				datalen = 0,
				size;
	char	   *buf;
	uint32_t   *hdr;
	writer		w;

	count_tree(p, root, &nnodes, &datalen);
	size = prefix + 4 * sizeof(uint32_t) + nnodes * sizeof(nx_pq_node) +
		2 * sizeof(uint32_t) * (size_t) p->nleaves + datalen;
	buf = nx_alloc(p->a, size);
	if (buf == NULL)
		return fail(p, NX_ENOMEM, 0, "out of memory");
	memset(buf, 0, prefix);
	hdr = (uint32_t *) (buf + prefix);
	hdr[0] = NX_PQ_FORMAT;
	hdr[1] = NX_TOKENIZER_VERSION;
	hdr[2] = (uint32_t) nnodes;
	hdr[3] = (uint32_t) p->nleaves;
	memset(&w, 0, sizeof(w));
	w.p = p;
	w.nodes = (nx_pq_node *) (hdr + 4);
	w.leaf_off = (uint32_t *) (w.nodes + nnodes);
	w.leaf_len = w.leaf_off + p->nleaves;
	w.data = (char *) (w.leaf_len + p->nleaves);
	emit(&w, root);
	*out = buf;
	*outsize = size;
	return NX_OK;
}

static void
parser_free(parser *p)
{
	int			i;

	for (i = 0; i < p->nnodes; i++)
		nx_free(p->a, p->nodes[i].phrase);
	nx_free(p->a, p->nodes);
	nx_free(p->a, p->tok_phrase);
}

int
nx_pq_parse(const char *s, size_t len, const nx_allocator *a, size_t prefix,
			char **out, size_t *outsize, nx_pq_error *err)
{
	parser		p;
	int			root = -1,
				r;

	memset(err, 0, sizeof(*err));
	memset(&p, 0, sizeof(p));
	p.s = s;
	p.len = len;
	p.a = a;
	p.err = err;
	*out = NULL;
	*outsize = 0;
	if (len > NX_PQ_MAX_BYTES)
		return fail(&p, NX_PQ_LIMIT, 0, "A query can have at most %d bytes; this one has %zu.", NX_PQ_MAX_BYTES, len);
	r = lex_next(&p);
	if (r == NX_OK && p.tok == LX_END)
		r = fail(&p, NX_PQ_SYNTAX, 0,
				 "A query needs at least one letter or digit; punctuation and white space only separate words.");
	if (r == NX_OK)
		r = parse_or(&p, &root);
	if (r == NX_OK && p.tok == LX_RPAREN)
		r = fail(&p, NX_PQ_SYNTAX, p.tok_pos, "Unbalanced parenthesis at byte %zu: nothing to close.", p.tok_pos + 1);
	else if (r == NX_OK && p.tok != LX_END)
		r = fail(&p, NX_PQ_SYNTAX, p.tok_pos, "Unexpected input at byte %zu.", p.tok_pos + 1);
	if (r == NX_OK)
		r = serialise(&p, root, prefix, out, outsize);
	parser_free(&p);
	if (r != NX_OK && err->code == 0)
		err->code = r;
	return r;
}

/* ---------------------------------------------------------------- view */

/* check node i's subtree; returns its size or 0 if malformed */
static uint32_t
check_node(const nx_pq *q, uint32_t i, uint32_t end, int depth, uint32_t *next_leaf)
{
	const nx_pq_node *n;
	uint32_t	c,
				nchild = 0;

	if (i >= end || depth > NX_PQ_MAX_TREE_DEPTH)
		return 0;
	n = &q->nodes[i];
	if (n->size == 0 || n->size > end - i)
		return 0;
	if (n->kind == NX_PQ_LEAF)
		return n->size == 1 && n->leaf == (*next_leaf)++ ? 1 : 0;
	for (c = i + 1; c < i + n->size; nchild++)
	{
		uint32_t	s = check_node(q, c, i + n->size, depth + 1, next_leaf);

		if (s == 0)
			return 0;
		if ((n->kind == NX_PQ_NEAR || n->kind == NX_PQ_BEFORE) &&
			q->nodes[c].kind != NX_PQ_LEAF && q->nodes[c].kind != NX_PQ_OR)
			return 0;
		c += s;
	}
	switch (n->kind)
	{
		case NX_PQ_AND:
		case NX_PQ_OR:
			return nchild >= 2 ? n->size : 0;
		case NX_PQ_NOT:
			return nchild == 1 ? n->size : 0;
		case NX_PQ_NEAR:
		case NX_PQ_BEFORE:
			return nchild == 2 && n->dist >= 1 && n->dist <= NX_PQ_MAX_DISTANCE ? n->size : 0;
	}
	return 0;
}

int
nx_pq_view(const void *body, size_t size, const nx_allocator *a, nx_pq *q)
{
	const uint32_t *hdr = body;
	const uint32_t *leaf_off,
			   *leaf_len;
	const char *data;
	size_t		fixed,
				datalen;
	uint32_t	i,
				next_leaf = 0;

	memset(q, 0, sizeof(*q));
	if (size < 4 * sizeof(uint32_t) || hdr[0] != NX_PQ_FORMAT)
		return -1;
	q->version = hdr[1];
	q->nnodes = hdr[2];
	q->nleaves = hdr[3];
	if (q->nnodes == 0 || q->nleaves == 0 || q->nleaves > q->nnodes || q->nnodes > size)
		return -1;
	fixed = 4 * sizeof(uint32_t) + (size_t) q->nnodes * sizeof(nx_pq_node) + 2 * sizeof(uint32_t) * (size_t) q->nleaves;
	if (fixed > size)
		return -1;
	q->nodes = (const nx_pq_node *) (hdr + 4);
	leaf_off = (const uint32_t *) (q->nodes + q->nnodes);
	leaf_len = leaf_off + q->nleaves;
	data = (const char *) (leaf_len + q->nleaves);
	datalen = size - fixed;
	if (check_node(q, 0, q->nnodes, 0, &next_leaf) != q->nnodes || next_leaf != q->nleaves)
		return -1;
	q->leaves = nx_alloc(a, sizeof(nx_phrase) * q->nleaves);
	if (q->leaves == NULL)
		return NX_ENOMEM;
	for (i = 0; i < q->nleaves; i++)
	{
		if (leaf_off[i] % 4 != 0 || leaf_off[i] > datalen || leaf_len[i] > datalen - leaf_off[i] ||
			nx_phrase_view(data + leaf_off[i], leaf_len[i], &q->leaves[i]) != NX_OK)
		{
			nx_free(a, q->leaves);
			q->leaves = NULL;
			return -1;
		}
	}
	return NX_OK;
}

void
nx_pq_view_free(nx_pq *q, const nx_allocator *a)
{
	nx_free(a, q->leaves);
	q->leaves = NULL;
}

/* ------------------------------------------------------- canonical text */

typedef struct tbuf
{
	const nx_allocator *a;
	char	   *s;
	size_t		len;
	size_t		cap;
	int			err;
} tbuf;

static void
tb_put(tbuf *b, const char *s, size_t n)
{
	if (b->err)
		return;
	if (b->len + n + 1 > b->cap)
	{
		size_t		ncap = b->cap ? b->cap * 2 : 128;
		char	   *ns;

		while (ncap < b->len + n + 1)
			ncap *= 2;
		ns = b->s ? nx_resize(b->a, b->s, b->cap, ncap) : nx_alloc(b->a, ncap);
		if (ns == NULL)
		{
			b->err = NX_ENOMEM;
			return;
		}
		b->s = ns;
		b->cap = ncap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
tb_puts(tbuf *b, const char *s)
{
	tb_put(b, s, strlen(s));
}

static uint32_t write_node(const nx_pq *q, uint32_t i, tbuf *b);

/* a child of an operator: compound ones in parentheses */
static void
write_operand(const nx_pq *q, uint32_t i, tbuf *b)
{
	int			k = q->nodes[i].kind;

	if (k == NX_PQ_LEAF || k == NX_PQ_NOT)
		write_node(q, i, b);
	else
	{
		tb_puts(b, "(");
		write_node(q, i, b);
		tb_puts(b, ")");
	}
}

static uint32_t
write_node(const nx_pq *q, uint32_t i, tbuf *b)
{
	const nx_pq_node *n = &q->nodes[i];
	uint32_t	c;
	char		op[32];

	switch (n->kind)
	{
		case NX_PQ_LEAF:
			{
				const nx_phrase *ph = &q->leaves[n->leaf];
				size_t		tl = nx_phrase_text_len(ph);
				char	   *t = nx_alloc(b->a, tl + 1);

				if (t == NULL)
				{
					b->err = NX_ENOMEM;
					break;
				}
				nx_phrase_text(ph, t);
				if (ph->ntok > 1)
					tb_puts(b, "\"");
				tb_put(b, t, tl);
				if (ph->ntok > 1)
					tb_puts(b, "\"");
				nx_free(b->a, t);
				break;
			}
		case NX_PQ_NOT:
			tb_puts(b, "NOT ");
			write_operand(q, i + 1, b);
			break;
		default:
			if (n->kind == NX_PQ_AND)
				snprintf(op, sizeof(op), " AND ");
			else if (n->kind == NX_PQ_OR)
				snprintf(op, sizeof(op), " OR ");
			else
				snprintf(op, sizeof(op), " %s/%u ", n->kind == NX_PQ_NEAR ? "NEAR" : "BEFORE", (unsigned) n->dist);
			for (c = i + 1; c < i + n->size; c += q->nodes[c].size)
			{
				if (c > i + 1)
					tb_puts(b, op);
				write_operand(q, c, b);
			}
	}
	return n->size;
}

int
nx_pq_text(const nx_pq *q, const nx_allocator *a, char **out, size_t *outlen)
{
	tbuf		b;

	memset(&b, 0, sizeof(b));
	b.a = a;
	write_node(q, 0, &b);
	if (b.err == 0 && b.s == NULL)
		tb_put(&b, "", 0);
	if (b.err)
	{
		nx_free(a, b.s);
		return b.err;
	}
	*out = b.s;
	*outlen = b.len;
	return NX_OK;
}
