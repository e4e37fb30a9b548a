/*
 * quotes.c - direct quotes with speakers; see quotes.h for the rules.
 *
 * One walk over the article in text order. Each quote takes the attribution next to it
 * (quotes_attr.c); a quote with none that starts a sentence continues the last speaker of
 * its paragraph ("...," X said. "...") or, opening a paragraph, of the paragraphs just
 * before (a follow-on quote); a quote left open at a paragraph's end runs on into the next
 * paragraph's quote and shares its speaker. Outside quotes, the walk notes speakers of
 * reported speech and the subjects of sentences (quotes_speaker.c's salience).
 */
#include <string.h>

#include "quotes_int.h"
#include "nx_text.h"

#define MIN_CARRIED_WORDS 3		/* a continued or follow-on quote is a sentence, not a term */
#define FOLLOW_ON_REACH 2		/* paragraphs back a follow-on quote looks for its speaker */

void
nx_quote_list_free(nx_quote_list *q, const nx_allocator *a)
{
	if (q->quotes)
		for (size_t i = 0; i < q->nquotes; i++)
			nx_free(a, q->quotes[i].speaker);
	nx_free(a, q->quotes);
	memset(q, 0, sizeof(*q));
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

/* one paired quotation: marks, content and what the walk found for it */
typedef struct qspan
{
	uint32_t	o,
				e;				/* opening mark, closing mark (or paragraph end) */
	uint32_t	c0,
				c1;				/* content tokens, a trailing comma trimmed */
	uint32_t	nwords;
	uint8_t		closed;
	uint8_t		direct;			/* attributed by the words next to it */
	qspk		spk;
} qspan;

static int
is_closing_mark(const qctx *c, size_t i)
{
	int			mk = quote_mark(c, i);

	return mk == 2 || mk == 3 || mk == 5 || mk == 6;
}

/*
 * A quote with no attribution of its own is a speaker's further words when it is a
 * sentence: it starts one, has a few words, and ends with sentence punctuation (or runs on
 * to the paragraph's end). Titles and terms ("the “Road” report") are not.
 */
static int
sentence_like(const qctx *c, const qspan *q)
{
	size_t		o = q->o;
	int			starts = (c->t->tok[o].flags & NX_TF_LINE_START) ||
		(o > 0 && (is_punct_tok(c, o - 1, ".?!") || is_closing_mark(c, o - 1)));

	if (!starts || q->nwords < MIN_CARRIED_WORDS)
		return 0;
	if (!q->closed || is_punct_tok(c, q->c1 - 1, ".?!,") || q->c1 < q->e)
		return 1;
	return q->e + 1 >= c->t->ntok || (c->t->tok[q->e + 1].flags & NX_TF_LINE_START) ||
		is_punct_tok(c, q->e + 1, ".?!");
}

/* the speaker a quote with no attribution carries on: the more recent of the last speaker
 * and the salient person, in the same paragraph (continued) or just before (follow-on) */
static qspk
carried_speaker(const qctx *c, const qspan *q)
{
	uint32_t	para = c->para[q->o],
				reach = (c->t->tok[q->o].flags & NX_TF_LINE_START) ? FOLLOW_ON_REACH : 0;
	int			use_sal = c->sal_ent >= 0 && (!c->have_last || c->sal_tok > c->last_tok);
	uint32_t	tok = use_sal ? c->sal_tok : c->last_tok;
	qspk		s = QSPK_NONE;

	if (!sentence_like(c, q) || (!use_sal && !c->have_last) || para - c->para[tok] > reach)
		return s;
	if (use_sal)
		s.ent = c->sal_ent;
	else
		s = c->last;
	return s;
}

/* the walk: every quote in text order, with the speakers and subjects between them */
static int
walk(qctx *c, qspan *qs, size_t nq, const nx_allocator *a)
{
	size_t		k = 0;
	int			words_in_sentence = 0;

	c->sal_ent = -1;
	c->nsal = 0;
	for (size_t i = 0; i < c->t->ntok; i++)
	{
		if ((i & 1023) == 1023 && nx_interrupted(a))
			return -1;
		if (c->t->tok[i].flags & (NX_TF_SENT_START | NX_TF_LINE_START))
			words_in_sentence = 0;
		if (k < nq && i == qs[k].o)
		{
			qspan	   *q = &qs[k++];

			q->spk = attribute_after(c, q->o, q->e, q->closed);
			if (!speaker_is_set(q->spk))
				q->spk = attribute_before(c, q->o, q->c1);
			q->direct = speaker_is_set(q->spk);
			if (!q->direct)
				q->spk = carried_speaker(c, q);
			if (speaker_is_set(q->spk))
				note_speaker(c, q->spk, i);
			continue;
		}
		if (c->in_quote[i] || quote_mark(c, i))
			continue;
		note_subject(c, i, words_in_sentence);
		if ((is_speech_verb(c, i) || qtok_is(c, i, QW_SPEECH_PARTICIPLE)) && !c->used_verb[i])
		{
			qspk		s = reported_speech(c, i);

			if (speaker_is_set(s))
				note_speaker(c, s, i);
		}
		if (is_word_tok(c, i))
			words_in_sentence++;
	}
	/* a quote left open at its paragraph's end runs on into the next paragraph's quote: the
	 * attribution that closes the run names the speaker of all of it */
	for (size_t j = nq; j-- > 1;)
	{
		qspan	   *prev = &qs[j - 1];

		if (!prev->closed && !prev->direct && speaker_is_set(qs[j].spk) &&
			(c->t->tok[qs[j].o].flags & NX_TF_LINE_START) &&
			c->para[qs[j].o] == c->para[prev->o] + 1 && prev->nwords >= MIN_CARRIED_WORDS)
		{
			prev->spk = qs[j].spk;
			prev->direct = qs[j].direct;
		}
	}
	return 0;
}

/* pairs the marks and fills the spans; returns how many, or -1 */
static long
find_spans(qctx *c, qspan **spans, const nx_allocator *a)
{
	size_t		n = c->t->ntok;
	uint32_t   *qo = nx_alloc(a, n * sizeof(uint32_t)),
			   *qc = nx_alloc(a, n * sizeof(uint32_t));
	uint8_t    *closed = nx_alloc(a, n);
	long		nq = -1;

	*spans = NULL;
	if (qo && qc && closed)
		nq = pair_marks(c, qo, qc, closed, a);
	if (nq >= 0)
		*spans = nx_alloc(a, ((size_t) nq + 1) * sizeof(qspan));
	if (nq >= 0 && !*spans)
		nq = -1;
	for (long k = 0; k < nq; k++)
	{
		qspan	   *q = &(*spans)[k];

		memset(q, 0, sizeof(*q));
		q->o = qo[k];
		q->e = qc[k];
		q->closed = closed[k];
		q->c0 = q->o + 1;
		q->c1 = q->e;
		while (q->c1 > q->c0 && is_punct_tok(c, q->c1 - 1, ","))
			q->c1--;
		for (uint32_t i = q->c0; i < q->e; i++)
		{
			c->in_quote[i] = 1;
			q->nwords += is_word_tok(c, i);
		}
		q->spk = QSPK_NONE;
	}
	nx_free(a, qo);
	nx_free(a, qc);
	nx_free(a, closed);
	return nq;
}

/* the speaker's name: the entity's canonical name or the phrase, white space folded */
static int
speaker_name(const qctx *c, qspk s, const nx_allocator *a, nx_quote *q)
{
	const char *src;
	size_t		n;
	int			org = s.ent < 0 ? organisation_phrase(c, s.p0, s.p1) : -1;

	if (org >= 0)
		s.ent = org;			/* "the PAG" -> "Port Authority of Gdansk" */
	if (s.ent >= 0)
		src = person_name(c, s.ent, &n);
	else
	{
		src = TS(c, s.p0);
		n = c->t->tok[s.p1 - 1].end - c->t->tok[s.p0].start;
	}
	q->speaker = nx_strndup_squeezed(a, src, n);
	if (!q->speaker)
		return -1;
	q->speaker_len = strlen(q->speaker);
	q->speaker_entity = s.ent;
	return 0;
}

/* per-token tables: the mention covering each token, and paragraph numbers */
static int
token_tables(qctx *c, const nx_allocator *a)
{
	size_t		n = c->t->ntok,
				k = 0;
	uint32_t	para = 0;

	c->tok_mention = nx_alloc(a, n * sizeof(int));
	c->in_quote = nx_alloc(a, n);
	c->used_verb = nx_alloc(a, n);
	c->para = nx_alloc(a, n * sizeof(uint32_t));
	c->lex = nx_alloc(a, n * sizeof(uint32_t));
	if (!c->tok_mention || !c->in_quote || !c->used_verb || !c->para || !c->lex)
		return -1;
	memset(c->lex, 0, n * sizeof(uint32_t));
	memset(c->in_quote, 0, n);
	memset(c->used_verb, 0, n);
	for (size_t i = 0; i < n; i++)
	{
		c->tok_mention[i] = -1;
		if (i > 0 && (c->t->tok[i].flags & NX_TF_LINE_START))
			para++;
		c->para[i] = para;
	}
	for (size_t m = 0; m < c->ents->nmentions; m++)
	{
		while (k < n && c->t->tok[k].start < c->ents->mentions[m].start)
			k++;
		for (size_t j = k; j < n && c->t->tok[j].end <= c->ents->mentions[m].end; j++)
			c->tok_mention[j] = (int) m;
	}
	c->text_end = n ? c->t->tok[n - 1].end : 0;
	return canon_entities(c, a);
}

int
nx_quotes_from_tokens(const char *text, const nx_ner_tokens *tokens, const nx_entity_list *ents,
					  const nx_allocator *a, nx_quote_list *out)
{
	qctx		c;
	qspan	   *qs = NULL;
	long		nq = 0;
	int			rc = -1;

	memset(out, 0, sizeof(*out));
	memset(&c, 0, sizeof(c));
	c.text = text;
	c.t = tokens;
	c.ents = ents;
	if (tokens->ntok == 0)
		return 0;
	if (token_tables(&c, a) < 0 || (nq = find_spans(&c, &qs, a)) < 0 || infer_genders(&c, a) < 0)
		goto done;
	if (walk(&c, qs, (size_t) nq, a) < 0)
		goto done;
	out->quotes = nx_alloc(a, ((size_t) nq + 1) * sizeof(nx_quote));
	if (!out->quotes)
		goto done;
	for (long k = 0; k < nq; k++)
	{
		nx_quote   *q = &out->quotes[out->nquotes];

		if (!speaker_is_set(qs[k].spk) || qs[k].c1 <= qs[k].c0)
			continue;
		memset(q, 0, sizeof(*q));
		q->start = tokens->tok[qs[k].c0].start;
		q->end = tokens->tok[qs[k].c1 - 1].end;
		if (speaker_name(&c, qs[k].spk, a, q) < 0)
			goto done;
		out->nquotes++;
	}
	rc = 0;

done:
	nx_free(a, c.tok_mention);
	nx_free(a, c.in_quote);
	nx_free(a, c.used_verb);
	nx_free(a, c.para);
	nx_free(a, c.lex);
	nx_free(a, c.canon);
	nx_free(a, c.gender);
	nx_free(a, qs);
	if (rc < 0)
		nx_quote_list_free(out, a);
	return rc;
}
