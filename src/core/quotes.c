/*
 * quotes.c - direct quotes with speakers; see quotes.h for the rules.
 */
#include <string.h>

#include "quotes.h"
#include "nx_text.h"

#define MAX_PHRASE 8			/* attribution phrase, in tokens */

static const char *const speech_verbs[] = {
	"said", "says", "say", "told", "tells", "added", "adds", "stressed", "stresses", "warned",
	"warns", "asked", "asks", "explained", "explains", "insisted", "insists", "noted", "notes",
	"declared", "declares", "announced", "wrote", "writes", "tweeted", "replied", "replies",
	"continued", "argued", "argues", "claimed", "claims", "stated", "states", "commented",
	"remarked", "urged", "admitted", "admits", "conceded", "acknowledged", "recalled",
	"suggested", "cautioned", "predicted", "concluded", "complained", "responded", "confirmed",
	"denied", "emphasised", "emphasized", "agreed", "added:", "shouted", "whispered",
	"testified", "joked", "boasted", "vowed", "pledged", "promised", "insisted", "observed",
	"countered", "retorted", "according", NULL
};

static const char *const aux_words[] = {
	"has", "had", "have", "also", "then", "later", "again", "once", "previously", "earlier",
	"has also", "would", "will", NULL
};

static const char *const stop_words[] = {
	"and", "but", "while", "as", "because", "so", "when", "where", "which", "who", "after",
	"before", "though", "although", "that", NULL
};

static int
in_list(const char *s, size_t n, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (nx_word_eq_ci(s, n, list[i]))
			return 1;
	return 0;
}

typedef struct
{
	const char *text;
	const nx_ner_tokens *t;
	const nx_entity_list *ents;
	int		   *tok_mention;	/* per token: mention index covering it, or -1 */
	uint8_t    *in_quote;		/* per token: inside a quotation */
} qctx;

#define TS(c, i) ((c)->text + (c)->t->tok[i].start)
#define TL(c, i) ((size_t) ((c)->t->tok[i].end - (c)->t->tok[i].start))

/* 0 none, 1 opening mark, 2 closing mark, 3 straight (either) */
static int
quote_mark(const qctx *c, size_t i)
{
	const unsigned char *s = (const unsigned char *) TS(c, i);
	size_t		n = TL(c, i);

	if (n == 1 && s[0] == '"')
		return 3;
	if (n == 3 && s[0] == 0xE2 && s[1] == 0x80)
	{
		if (s[2] == 0x9C || s[2] == 0x9E)
			return 1;			/* “ „ */
		if (s[2] == 0x9D)
			return 2;			/* ” */
	}
	if (n == 2 && s[0] == 0xC2 && s[1] == 0xAB)
		return 1;				/* « */
	if (n == 2 && s[0] == 0xC2 && s[1] == 0xBB)
		return 2;				/* » */
	return 0;
}

static int
is_punct_tok(const qctx *c, size_t i, const char *set)
{
	return TL(c, i) == 1 && strchr(set, TS(c, i)[0]) != NULL;
}

static int
is_verb(const qctx *c, size_t i)
{
	return in_list(TS(c, i), TL(c, i), speech_verbs);
}

/* speaker of the phrase [p0, p1); before = quote start (for pronouns). Returns 0 or -1 (OOM) */
static int
resolve(const qctx *c, size_t p0, size_t p1, uint32_t before, const nx_allocator *a, nx_quote *q)
{
	int			ent = -1;
	const char *s;
	size_t		n;

	/* trim conjunctions and punctuation at the edges */
	while (p0 < p1 && (in_list(TS(c, p0), TL(c, p0), stop_words) || is_punct_tok(c, p0, ",;:-(")))
		p0++;
	while (p1 > p0 && is_punct_tok(c, p1 - 1, ",;:-)"))
		p1--;
	if (p0 >= p1)
		return 1;
	if (p1 - p0 == 1 && (nx_word_eq_ci(TS(c, p0), TL(c, p0), "he") || nx_word_eq_ci(TS(c, p0), TL(c, p0), "she")))
	{
		/* most recent person named outside quotes */
		for (size_t k = c->ents->nmentions; k-- > 0;)
		{
			const nx_mention *m = &c->ents->mentions[k];
			size_t		lo = 0,
						hi = c->t->ntok;

			if (m->start >= before || m->kind != NX_KIND_PERSON)
				continue;
			while (lo < hi)
			{
				size_t		mid = (lo + hi) / 2;

				if (c->t->tok[mid].start < m->start)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo < c->t->ntok && c->in_quote[lo])
				continue;
			ent = (int) m->entity;
			break;
		}
		if (ent < 0)
			return 1;			/* nobody to refer to: no speaker */
	}
	else
	{
		/* a person named in the phrase, or a phrase that is exactly one mention */
		int			last_person = -1;

		for (size_t k = p0; k < p1; k++)
		{
			int			mi = c->tok_mention[k];

			if (mi >= 0 && c->ents->mentions[mi].kind == NX_KIND_PERSON)
				last_person = (int) c->ents->mentions[mi].entity;
		}
		if (last_person >= 0)
			ent = last_person;
		else if (c->tok_mention[p0] >= 0 && c->tok_mention[p0] == c->tok_mention[p1 - 1] &&
				 c->ents->mentions[c->tok_mention[p0]].start == c->t->tok[p0].start &&
				 c->ents->mentions[c->tok_mention[p0]].end == c->t->tok[p1 - 1].end)
			ent = (int) c->ents->mentions[c->tok_mention[p0]].entity;
	}
	if (ent >= 0)
	{
		s = c->ents->entities[ent].name;
		n = c->ents->entities[ent].name_len;
	}
	else
	{
		/* the phrase must look like a noun phrase: a determiner or a capitalised word first */
		if (!(c->t->tok[p0].flags & NX_TF_UPPER_INIT) &&
			!in_list(TS(c, p0), TL(c, p0), (const char *const[]) {"a", "an", "the", "one", "another", "his", "her", "their", "its", "two", "three", "several", "some", "many", "officials", "sources", "analysts", "experts", "witnesses", "residents", NULL}))
			return 1;
		s = TS(c, p0);
		n = c->t->tok[p1 - 1].end - c->t->tok[p0].start;
	}
	q->speaker = nx_alloc(a, n + 1);
	if (!q->speaker)
		return -1;
	{
		/* copy with whitespace runs collapsed */
		size_t		k = 0;
		int			sp = 0;

		for (size_t i = 0; i < n; i++)
		{
			char		ch = s[i];

			if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t')
			{
				sp = 1;
				continue;
			}
			if (sp && k)
				q->speaker[k++] = ' ';
			sp = 0;
			q->speaker[k++] = ch;
		}
		q->speaker[k] = 0;
		q->speaker_len = k;
	}
	q->speaker_entity = ent;
	return 0;
}

/* first token index of the sentence/paragraph boundary at or after i */
static int
boundary(const qctx *c, size_t i)
{
	return (c->t->tok[i].flags & NX_TF_LINE_START) != 0;
}

void
nx_quote_list_free(nx_quote_list *q, const nx_allocator *a)
{
	if (q->quotes)
		for (size_t i = 0; i < q->nquotes; i++)
			nx_free(a, q->quotes[i].speaker);
	nx_free(a, q->quotes);
	memset(q, 0, sizeof(*q));
}

/* pairs the quotation marks within paragraphs: opening token qo, closing token (or the
 * paragraph's end) qc; returns how many, or -1 when interrupted */
static long
pair_marks(const qctx *c, uint32_t *qo, uint32_t *qc, uint8_t *closed, const nx_allocator *a)
{
	size_t		nq = 0;

		long		open = -1;

		for (size_t i = 0; i <= c->t->ntok; i++)
		{
			int			mk;

			if ((i & 1023) == 1023 && nx_interrupted(a))
				return -1;
			if (open >= 0 && (i == c->t->ntok || boundary(c, i)))
			{
				if (i > (size_t) open + 1)
				{
					qo[nq] = (uint32_t) open;
					qc[nq] = (uint32_t) i;
					closed[nq] = 0;
					nq++;
				}
				open = -1;
			}
			if (i == c->t->ntok)
				break;
			mk = quote_mark(c, i);
			if (mk == 0)
				continue;
			if (open < 0 && (mk == 1 || mk == 3))
				open = (long) i;
			else if (open >= 0 && (mk == 2 || mk == 3))
			{
				if (i > (size_t) open + 1)
				{
					qo[nq] = (uint32_t) open;
					qc[nq] = (uint32_t) i;
					closed[nq] = 1;
					nq++;
				}
				open = -1;
			}
		}
	return (long) nq;
}

/*
 * The speaker of the quote between marks o and e: after the closing mark ("...," Obama
 * said / said a spokesman) or before the opening one (Kerry stressed that "...").
 * Returns 2 when q got a speaker, 0 when none was found, -1 when memory ran out.
 */
static int
attribute_quote(const qctx *c, size_t o, size_t e, int closed, uint32_t qs,
				const nx_allocator *a, nx_quote *q)
{
	int			found = 0,
				r;

	/* attribution after the closing mark: [phrase] VERB or VERB phrase */
	if (closed && !is_punct_tok(c, e - 1, "."))
	{
		size_t		j = e + 1,
					v;

		while (j < c->t->ntok && !boundary(c, j) && is_punct_tok(c, j, ","))
			j++;
		for (v = j; v < c->t->ntok && v < j + MAX_PHRASE + 1; v++)
		{
			if (boundary(c, v) || quote_mark(c, v) || is_punct_tok(c, v, ".?!;:"))
				break;
			if (is_verb(c, v))
			{
				found = 1;
				break;
			}
		}
		if (found && v == j)
		{
			/* said Obama / said a spokesman, ... */
			size_t		p1 = v + 1;

			if (nx_word_eq_ci(TS(c, v), TL(c, v), "according") && p1 < c->t->ntok && nx_word_eq_ci(TS(c, p1), TL(c, p1), "to"))
				p1++;
			j = p1;
			while (p1 < c->t->ntok && p1 < j + MAX_PHRASE && !boundary(c, p1) && !quote_mark(c, p1) &&
				   !is_punct_tok(c, p1, ".,?!;:(") &&
				   !in_list(TS(c, p1), TL(c, p1), (const char *const[]) {"on", "in", "at", "after", "before", "while", "when", "during", "adding", "that", "to", "of", "from", "last", "this", "told", NULL}))
				p1++;
			r = p1 > j ? resolve(c, j, p1, qs, a, q) : 1;
		}
		else if (found)
		{
			size_t		p1 = v;

			while (p1 > j && in_list(TS(c, p1 - 1), TL(c, p1 - 1), aux_words))
				p1--;
			r = resolve(c, j, p1, qs, a, q);
		}
		else
			r = 1;
		if (r < 0)
			return -1;
		if (r == 0)
			found = 2;
	}
	/* attribution before the opening mark: PHRASE VERB [that|:|,] "..." */
	if (found != 2 && o > 0 && !boundary(c, o))
	{
		size_t		v = o;

		while (v > 0 && !boundary(c, v) && (is_punct_tok(c, v - 1, ":,") || nx_word_eq_ci(TS(c, v - 1), TL(c, v - 1), "that")))
			v--;
		if (v > 0 && v < o + 1 && !(c->t->tok[v].flags & NX_TF_LINE_START) && is_verb(c, v - 1) &&
			!nx_word_eq_ci(TS(c, v - 1), TL(c, v - 1), "according"))
		{
			size_t		p1 = v - 1,
						p0;

			while (p1 > 0 && in_list(TS(c, p1 - 1), TL(c, p1 - 1), aux_words))
				p1--;
			p0 = p1;
			while (p0 > 0 && p1 - p0 < MAX_PHRASE && !boundary(c, p0) && !quote_mark(c, p0 - 1) &&
				   !c->in_quote[p0 - 1] && !is_punct_tok(c, p0 - 1, ".,?!;:()") &&
				   !in_list(TS(c, p0 - 1), TL(c, p0 - 1), stop_words))
				p0--;
			if (p0 < p1)
			{
				r = resolve(c, p0, p1, qs, a, q);
				if (r < 0)
					return -1;
				if (r == 0)
					found = 2;
			}
		}
	}
	return found == 2 ? 2 : 0;
}

int
nx_quotes_extract(const char *text, size_t len, const nx_entity_list *ents,
				  const nx_allocator *a, nx_quote_list *out)
{
	nx_ner_tokens t;
	int			rc;

	memset(out, 0, sizeof(*out));
	if (len == 0)
		return 0;
	if (nx_ner_tokenize(text, len, a, &t) < 0)
		return -1;
	rc = nx_quotes_from_tokens(text, &t, ents, a, out);
	nx_ner_tokens_free(&t, a);
	return rc;
}

int
nx_quotes_from_tokens(const char *text, const nx_ner_tokens *tokens, const nx_entity_list *ents,
					  const nx_allocator *a, nx_quote_list *out)
{
	const nx_ner_tokens t = *tokens;
	qctx		c;
	uint32_t   *qo = NULL,
			   *qc = NULL;		/* open mark token, closing mark token (or paragraph end) */
	uint8_t    *closed = NULL;
	size_t		nq = 0;
	int			rc = -1;

	memset(out, 0, sizeof(*out));
	memset(&c, 0, sizeof(c));
	c.text = text;
	c.t = &t;
	c.ents = ents;
	if (t.ntok == 0)
	{
		rc = 0;
		goto done;
	}
	c.tok_mention = nx_alloc(a, t.ntok * sizeof(int));
	c.in_quote = nx_alloc(a, t.ntok);
	qo = nx_alloc(a, t.ntok * sizeof(uint32_t));
	qc = nx_alloc(a, t.ntok * sizeof(uint32_t));
	closed = nx_alloc(a, t.ntok);
	if (!c.tok_mention || !c.in_quote || !qo || !qc || !closed)
		goto done;
	memset(c.in_quote, 0, t.ntok);
	for (size_t i = 0; i < t.ntok; i++)
		c.tok_mention[i] = -1;
	{
		size_t		k = 0;

		for (size_t m = 0; m < ents->nmentions; m++)
		{
			while (k < t.ntok && t.tok[k].start < ents->mentions[m].start)
				k++;
			for (size_t j = k; j < t.ntok && t.tok[j].end <= ents->mentions[m].end; j++)
				c.tok_mention[j] = (int) m;
		}
	}

	/* pair the marks within paragraphs */
	{
		long		np = pair_marks(&c, qo, qc, closed, a);

		if (np < 0)
			goto done;
		nq = (size_t) np;
	}
	for (size_t k = 0; k < nq; k++)
		for (size_t i = qo[k] + 1; i < qc[k]; i++)
			c.in_quote[i] = 1;

	out->quotes = nx_alloc(a, (nq + 1) * sizeof(nx_quote));
	if (!out->quotes)
		goto done;

	for (size_t k = 0; k < nq; k++)
	{
		size_t		o = qo[k],
					e = qc[k];
		size_t		c0 = o + 1,
					c1 = e;		/* content tokens [c0, c1) */
		nx_quote   *q = &out->quotes[out->nquotes];
		int			found;
		uint32_t	qs,
					qe;

		/* quoted text: trim a trailing comma */
		while (c1 > c0 && is_punct_tok(&c, c1 - 1, ","))
			c1--;
		if (c1 <= c0)
			continue;
		qs = t.tok[c0].start;
		qe = t.tok[c1 - 1].end;
		memset(q, 0, sizeof(*q));
		q->start = qs;
		q->end = qe;
		q->speaker_entity = -1;

		found = attribute_quote(&c, o, e, closed[k], qs, a, q);
		if (found < 0)
			goto done;
		if (found == 2)
			out->nquotes++;
		else
			nx_free(a, q->speaker);
	}
	rc = 0;

done:
	nx_free(a, c.tok_mention);
	nx_free(a, c.in_quote);
	nx_free(a, qo);
	nx_free(a, qc);
	nx_free(a, closed);
	if (rc < 0)
		nx_quote_list_free(out, a);
	return rc;
}
