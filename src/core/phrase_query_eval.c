/*
 * phrase_query_eval.c - evaluating a phrase_query on a text, in three-valued
 * logic for an index, and its snippets.
 *
 * Matching asks each phrase "does the text contain you" through
 * nx_phrase_contains (the fast path of phrase.c), lazily and at most once per
 * phrase, with AND/OR short-circuits.  Only NEAR/BEFORE and snippets need
 * positions: then the text is tokenized once into an array of token hashes
 * and every occurrence of a phrase (overlapping ones too) is found on it.
 * Recursion follows the tree, whose depth nx_pq_view bounds.
 */
#include <stdlib.h>
#include <string.h>

#include "phrase_query.h"
#include "tokenize.h"

/* the tokens of a text, for positions */
typedef struct tokens
{
	uint32_t   *hash32;
	uint32_t   *tlen;			/* normalised length */
	size_t	   *toff;			/* normalised bytes in arena */
	size_t	   *start;			/* byte offsets in the text */
	size_t	   *end;
	char	   *arena;
	size_t		n,
				cap,
				alen,
				acap;
} tokens;

/* one occurrence: token indices of its first and last token */
typedef struct occ
{
	size_t		first;
	size_t		last;
} occ;

typedef struct occs
{
	occ		   *v;
	size_t		n;
	int			done;
} occs;

typedef struct evalctx
{
	const nx_pq *q;
	const char *text;
	size_t		len;
	const nx_allocator *a;
	int8_t	   *contains;		/* per leaf: -1 unknown, 0, 1 */
	occs	   *occ;			/* per leaf */
	tokens		tok;
	int			have_tokens;
	int			err;
} evalctx;

/* ------------------------------------------------------------- tokens */

static void *
grow(const nx_allocator *a, void *p, size_t elem, size_t oldn, size_t newn)
{
	return p ? nx_resize(a, p, elem * oldn, elem * newn) : nx_alloc(a, elem * newn);
}

static int
tokens_add(tokens *t, const nx_token *k, const nx_allocator *a)
{
	if (t->n == t->cap)
	{
		size_t		nc = t->cap ? t->cap * 2 : 256;

		if (!(t->hash32 = grow(a, t->hash32, sizeof(uint32_t), t->cap, nc)) ||
			!(t->tlen = grow(a, t->tlen, sizeof(uint32_t), t->cap, nc)) ||
			!(t->toff = grow(a, t->toff, sizeof(size_t), t->cap, nc)) ||
			!(t->start = grow(a, t->start, sizeof(size_t), t->cap, nc)) ||
			!(t->end = grow(a, t->end, sizeof(size_t), t->cap, nc)))
			return NX_ENOMEM;
		t->cap = nc;
	}
	if (t->alen + k->len > t->acap)
	{
		size_t		nc = t->acap ? t->acap * 2 : 4096;

		while (nc < t->alen + k->len)
			nc *= 2;
		if (!(t->arena = grow(a, t->arena, 1, t->acap, nc)))
			return NX_ENOMEM;
		t->acap = nc;
	}
	memcpy(t->arena + t->alen, k->text, k->len);
	t->hash32[t->n] = (uint32_t) k->hash;
	t->tlen[t->n] = (uint32_t) k->len;
	t->toff[t->n] = t->alen;
	t->start[t->n] = k->start;
	t->end[t->n] = k->end;
	t->alen += k->len;
	t->n++;
	return NX_OK;
}

static int
tokens_load(evalctx *c)
{
	nx_tokenizer tz;
	int			r;

	if (c->have_tokens)
		return NX_OK;
	nx_tok_init(&tz, c->text, c->len, c->a);
	while ((r = nx_tok_next(&tz)) == 1)
		if ((r = tokens_add(&c->tok, &tz.tok, c->a)) != NX_OK)
			break;
	nx_tok_free(&tz);
	if (r < 0)
		return r;
	c->have_tokens = 1;
	return NX_OK;
}

static void
tokens_free(tokens *t, const nx_allocator *a)
{
	nx_free(a, t->hash32);
	nx_free(a, t->tlen);
	nx_free(a, t->toff);
	nx_free(a, t->start);
	nx_free(a, t->end);
	nx_free(a, t->arena);
}

static int
token_is(const tokens *t, size_t i, const nx_phrase *p, uint32_t j)
{
	uint32_t	l = p->off[j + 1] - p->off[j];

	return t->hash32[i] == p->hash32[j] && t->tlen[i] == l &&
		memcmp(t->arena + t->toff[i], p->data + p->off[j], l) == 0;
}

/* every occurrence of leaf (overlapping ones too), in order of first token */
static int
leaf_occurrences(evalctx *c, uint32_t leaf)
{
	const nx_phrase *p = &c->q->leaves[leaf];
	occs	   *o = &c->occ[leaf];
	size_t		i,
				cap = 0;
	uint32_t	j;
	int			r;

	if (o->done)
		return NX_OK;
	if ((r = tokens_load(c)) != NX_OK)
		return r;
	for (i = 0; i + p->ntok <= c->tok.n; i++)
	{
		if ((i & 0xFFFF) == 0xFFFF && nx_interrupted(c->a))
			return NX_EINTR;
		for (j = 0; j < p->ntok && token_is(&c->tok, i + j, p, j); j++)
			;
		if (j < p->ntok)
			continue;
		if (o->n == cap)
		{
			size_t		nc = cap ? cap * 2 : 16;

			if (!(o->v = grow(c->a, o->v, sizeof(occ), cap, nc)))
				return NX_ENOMEM;
			cap = nc;
		}
		o->v[o->n].first = i;
		o->v[o->n].last = i + p->ntok - 1;
		o->n++;
	}
	o->done = 1;
	c->contains[leaf] = o->n > 0;
	return NX_OK;
}

/* --------------------------------------------------------------- match */

static int	eval_node(evalctx *c, uint32_t i);

static int
leaf_contains(evalctx *c, uint32_t leaf)
{
	if (c->contains[leaf] < 0)
	{
		int			r = nx_phrase_contains(&c->q->leaves[leaf], c->text, c->len, c->a);

		if (r < 0)
			return r;
		c->contains[leaf] = (int8_t) r;
	}
	return c->contains[leaf];
}

static int
cmp_size(const void *x, const void *y)
{
	size_t		a = *(const size_t *) x,
				b = *(const size_t *) y;

	return a < b ? -1 : a > b;
}

/*
 * The last tokens (sorted) of the occurrences of the leaves of operand node
 * i (a leaf or an OR of leaves), or the first tokens when want_first.
 */
static int
operand_positions(evalctx *c, uint32_t i, int want_first, size_t **out, size_t *n)
{
	const nx_pq_node *nd = &c->q->nodes[i];
	uint32_t	k,
				lo = nd->kind == NX_PQ_LEAF ? i : i + 1;
	size_t		total = 0,
				m = 0,
				e;
	size_t	   *v;
	int			r;

	for (k = lo; k < i + nd->size; k++)
	{
		if ((r = leaf_occurrences(c, c->q->nodes[k].leaf)) != NX_OK)
			return r;
		total += c->occ[c->q->nodes[k].leaf].n;
	}
	v = nx_alloc(c->a, sizeof(size_t) * (total ? total : 1));
	if (v == NULL)
		return NX_ENOMEM;
	for (k = lo; k < i + nd->size; k++)
	{
		const occs *o = &c->occ[c->q->nodes[k].leaf];

		for (e = 0; e < o->n; e++)
			v[m++] = want_first ? o->v[e].first : o->v[e].last;
	}
	qsort(v, m, sizeof(size_t), cmp_size);
	*out = v;
	*n = m;
	return NX_OK;
}

/* is some b-start in (a-last, a-last + dist] for an a-last: both sorted */
static int
before(const size_t *a_last, size_t na, const size_t *b_first, size_t nb, unsigned dist)
{
	size_t		i = 0,
				j;

	for (j = 0; j < nb; j++)
	{
		/* skip a-lasts that end too early for this and every later b-start */
		while (i < na && a_last[i] + dist < b_first[j])
			i++;
		if (i < na && a_last[i] < b_first[j])
			return 1;
	}
	return 0;
}

static int
proximity_pair(evalctx *c, uint32_t left, uint32_t right, unsigned dist, int *res)
{
	size_t	   *al = NULL,
			   *bf = NULL;
	size_t		na,
				nb;
	int			r;

	r = operand_positions(c, left, 0, &al, &na);
	if (r == NX_OK)
		r = operand_positions(c, right, 1, &bf, &nb);
	if (r == NX_OK)
		*res = before(al, na, bf, nb, dist);
	nx_free(c->a, al);
	nx_free(c->a, bf);
	return r;
}

static int
eval_proximity(evalctx *c, uint32_t i)
{
	const nx_pq_node *nd = &c->q->nodes[i];
	uint32_t	left = i + 1,
				right = left + c->q->nodes[left].size;
	int			l,
				res = 0,
				r;

	/* cheap rejections first: each side must occur at all */
	if ((l = eval_node(c, left)) <= 0)
		return l;
	if ((l = eval_node(c, right)) <= 0)
		return l;
	if ((r = proximity_pair(c, left, right, nd->dist, &res)) != NX_OK)
		return r;
	if (!res && nd->kind == NX_PQ_NEAR && (r = proximity_pair(c, right, left, nd->dist, &res)) != NX_OK)
		return r;
	return res;
}

static int
eval_node(evalctx *c, uint32_t i)
{
	const nx_pq_node *nd = &c->q->nodes[i];
	uint32_t	k;
	int			v;

	switch (nd->kind)
	{
		case NX_PQ_LEAF:
			return leaf_contains(c, nd->leaf);
		case NX_PQ_NOT:
			v = eval_node(c, i + 1);
			return v < 0 ? v : !v;
		case NX_PQ_AND:
		case NX_PQ_OR:
			for (k = i + 1; k < i + nd->size; k += c->q->nodes[k].size)
			{
				v = eval_node(c, k);
				if (v < 0)
					return v;
				if (v == (nd->kind == NX_PQ_OR))
					return v;
			}
			return nd->kind == NX_PQ_AND;
		default:
			return eval_proximity(c, i);
	}
}

static int
ctx_init(evalctx *c, const nx_pq *q, const char *text, size_t len, const nx_allocator *a)
{
	memset(c, 0, sizeof(*c));
	c->q = q;
	c->text = text;
	c->len = len;
	c->a = a;
	c->contains = nx_alloc(a, q->nleaves);
	c->occ = nx_alloc(a, sizeof(occs) * q->nleaves);
	if (c->contains == NULL || c->occ == NULL)
		return NX_ENOMEM;
	memset(c->contains, -1, q->nleaves);
	memset(c->occ, 0, sizeof(occs) * q->nleaves);
	return NX_OK;
}

static void
ctx_free(evalctx *c)
{
	uint32_t	i;

	if (c->occ)
		for (i = 0; i < c->q->nleaves; i++)
			nx_free(c->a, c->occ[i].v);
	nx_free(c->a, c->occ);
	nx_free(c->a, c->contains);
	tokens_free(&c->tok, c->a);
}

int
nx_pq_match(const nx_pq *q, const char *text, size_t len, const nx_allocator *a)
{
	evalctx		c;
	int			r = ctx_init(&c, q, text, len, a);

	if (r == NX_OK)
		r = eval_node(&c, 0);
	ctx_free(&c);
	return r;
}

/* ------------------------------------------------------- three-valued */

static int
eval3_node(const nx_pq *q, uint32_t i, const uint8_t *leafval)
{
	const nx_pq_node *nd = &q->nodes[i];
	uint32_t	k;
	int			v,
				acc;

	switch (nd->kind)
	{
		case NX_PQ_LEAF:
			return leafval[nd->leaf];
		case NX_PQ_NOT:
			v = eval3_node(q, i + 1, leafval);
			return v == NX_PQ_MAYBE ? v : v == NX_PQ_FALSE ? NX_PQ_TRUE : NX_PQ_FALSE;
		case NX_PQ_AND:
		case NX_PQ_OR:
			/* AND: FALSE wins, else MAYBE wins; OR: TRUE wins, else MAYBE */
			acc = nd->kind == NX_PQ_AND ? NX_PQ_TRUE : NX_PQ_FALSE;
			for (k = i + 1; k < i + nd->size; k += q->nodes[k].size)
			{
				v = eval3_node(q, k, leafval);
				if (v == (nd->kind == NX_PQ_AND ? NX_PQ_FALSE : NX_PQ_TRUE))
					return v;
				if (v == NX_PQ_MAYBE)
					acc = NX_PQ_MAYBE;
			}
			return acc;
		default:
			/* positions are not in the index: at best MAYBE */
			for (k = i + 1; k < i + nd->size; k += q->nodes[k].size)
				if (eval3_node(q, k, leafval) == NX_PQ_FALSE)
					return NX_PQ_FALSE;
			return NX_PQ_MAYBE;
	}
}

int
nx_pq_eval3(const nx_pq *q, const uint8_t *leafval)
{
	return eval3_node(q, 0, leafval);
}

static int
requires_node(const nx_pq *q, uint32_t i)
{
	const nx_pq_node *nd = &q->nodes[i];
	uint32_t	k;

	switch (nd->kind)
	{
		case NX_PQ_NOT:
			return 0;
		case NX_PQ_OR:
			for (k = i + 1; k < i + nd->size; k += q->nodes[k].size)
				if (!requires_node(q, k))
					return 0;
			return 1;
		case NX_PQ_AND:
			for (k = i + 1; k < i + nd->size; k += q->nodes[k].size)
				if (requires_node(q, k))
					return 1;
			return 0;
		default:
			return 1;			/* a leaf; NEAR/BEFORE need both sides */
	}
}

int
nx_pq_requires_match(const nx_pq *q)
{
	return requires_node(q, 0);
}

int
nx_pq_leaf_negated(const nx_pq *q, uint32_t leaf)
{
	uint32_t	i,
				k;
	int			nots = 0;

	/* find the leaf's node; count the NOTs whose subtree holds it */
	for (i = 0; i < q->nnodes; i++)
		if (q->nodes[i].kind == NX_PQ_LEAF && q->nodes[i].leaf == leaf)
			break;
	for (k = 0; k < i; k++)
		if (q->nodes[k].kind == NX_PQ_NOT && i < k + q->nodes[k].size)
			nots++;
	/* under NOT (a AND NOT b), b counts for a match like an un-negated phrase */
	return nots % 2;
}

/* ------------------------------------------------------------ snippets */

static int
cmp_occ(const void *x, const void *y)
{
	const occ  *a = x,
			   *b = y;

	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	return a->last > b->last ? -1 : a->last < b->last;	/* longer first */
}

/*
 * The occurrences of the query's un-negated phrases, left to right without
 * overlap (*marks, *nmarks), if the text matches (*matched).
 */
static int
query_marks(evalctx *c, int *matched, occ **marks, size_t *nmarks)
{
	size_t		total = 0,
				m = 0,
				e,
				kept = 0;
	uint32_t	l;
	occ		   *v;
	int			r;

	*marks = NULL;
	*nmarks = 0;
	if ((r = eval_node(c, 0)) < 0)
		return r;
	*matched = r;
	if (!r)
		return NX_OK;
	for (l = 0; l < c->q->nleaves; l++)
	{
		if (nx_pq_leaf_negated(c->q, l))
			continue;
		if ((r = leaf_occurrences(c, l)) != NX_OK)
			return r;
		total += c->occ[l].n;
	}
	v = nx_alloc(c->a, sizeof(occ) * (total ? total : 1));
	if (v == NULL)
		return NX_ENOMEM;
	for (l = 0; l < c->q->nleaves; l++)
		if (!nx_pq_leaf_negated(c->q, l))
			for (e = 0; e < c->occ[l].n; e++)
				v[m++] = c->occ[l].v[e];
	qsort(v, m, sizeof(occ), cmp_occ);
	for (e = 0; e < m; e++)
		if (kept == 0 || v[e].first > v[kept - 1].last)
			v[kept++] = v[e];
	*marks = v;
	*nmarks = kept;
	return NX_OK;
}

long
nx_pq_count(const nx_pq *q, const char *text, size_t len, const nx_allocator *a)
{
	evalctx		c;
	occ		   *marks = NULL;
	size_t		n = 0;
	int			matched = 0;
	int			r = ctx_init(&c, q, text, len, a);

	if (r == NX_OK)
		r = query_marks(&c, &matched, &marks, &n);
	nx_free(a, marks);
	ctx_free(&c);
	return r < 0 ? r : (long) n;
}

typedef struct sbuf
{
	const nx_allocator *a;
	char	   *s;
	size_t		len;
	size_t		cap;
	int			err;
} sbuf;

static void
sb_put(sbuf *b, const char *s, size_t n)
{
	if (b->err)
		return;
	if (b->len + n + 1 > b->cap)
	{
		size_t		ncap = b->cap ? b->cap * 2 : 256;
		char	   *ns;

		while (ncap < b->len + n + 1)
			ncap *= 2;
		ns = grow(b->a, b->s, 1, b->cap, ncap);
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

static int
is_ws(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

/* text[from..to) with white space runs collapsed to one space */
static void
sb_put_collapsed(sbuf *b, const char *text, size_t from, size_t to)
{
	size_t		i = from,
				run;

	while (i < to)
	{
		run = i;
		while (i < to && !is_ws(text[i]))
			i++;
		sb_put(b, text + run, i - run);
		if (i < to)
		{
			while (i < to && is_ws(text[i]))
				i++;
			sb_put(b, " ", 1);
		}
	}
}

/* the excerpt of tokens [w0, w1] with the marks inside it */
static void
write_excerpt(sbuf *b, const evalctx *c, size_t w0, size_t w1, const occ *marks, size_t nmarks,
			  const char *start_sel, const char *stop_sel)
{
	const tokens *t = &c->tok;
	size_t		pos = t->start[w0],
				m;

	if (w0 > 0)
		sb_put(b, "... ", 4);
	for (m = 0; m < nmarks; m++)
	{
		if (marks[m].first < w0 || marks[m].last > w1)
			continue;
		sb_put_collapsed(b, c->text, pos, t->start[marks[m].first]);
		sb_put(b, start_sel, strlen(start_sel));
		sb_put_collapsed(b, c->text, t->start[marks[m].first], t->end[marks[m].last]);
		sb_put(b, stop_sel, strlen(stop_sel));
		pos = t->end[marks[m].last];
	}
	sb_put_collapsed(b, c->text, pos, t->end[w1]);
	if (w1 + 1 < t->n)
		sb_put(b, " ...", 4);
}

int
nx_pq_snippet(const nx_pq *q, const char *text, size_t len, int around,
			  const char *start_sel, const char *stop_sel,
			  const nx_allocator *a, char **out, size_t *outlen)
{
	evalctx		c;
	occ		   *marks = NULL;
	size_t		nmarks = 0,
				w0 = 0,
				w1 = 0,
				m;
	int			matched = 0;
	sbuf		b;
	int			r = ctx_init(&c, q, text, len, a);

	*out = NULL;
	*outlen = 0;
	if (around < 0)
		around = 0;
	memset(&b, 0, sizeof(b));
	b.a = a;
	if (r == NX_OK)
		r = query_marks(&c, &matched, &marks, &nmarks);
	if (r == NX_OK && matched)
		r = tokens_load(&c);
	if (r == NX_OK && matched)
	{
		if (nmarks > 0)
		{
			w0 = marks[0].first > (size_t) around ? marks[0].first - around : 0;
			w1 = marks[0].last + around;
			/* a mark that starts inside the window is shown whole */
			for (m = 1; m < nmarks && marks[m].first <= w1; m++)
				if (marks[m].last > w1)
					w1 = marks[m].last;
		}
		else
			w1 = 2 * (size_t) around;
		if (c.tok.n > 0)
		{
			if (w1 >= c.tok.n)
				w1 = c.tok.n - 1;
			write_excerpt(&b, &c, w0, w1, marks, nmarks, start_sel, stop_sel);
		}
		if (b.err == 0 && b.s == NULL)
			sb_put(&b, "", 0);
		r = b.err;
	}
	nx_free(a, marks);
	ctx_free(&c);
	if (r != NX_OK || !matched)
	{
		nx_free(a, b.s);
		return r < 0 ? r : 0;
	}
	*out = b.s;
	*outlen = b.len;
	return 1;
}
