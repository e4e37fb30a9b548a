/*
 * quotes_speaker.c - who a phrase names: a person entity under its fullest name, a pronoun
 * resolved to the salient person, or a role phrase.
 *
 * Salience: news refers to a person by name, then by "he"/"she", by surname or by a role
 * ("the minister", "the 36-year-old"). The referent is the person most recently named as a
 * speaker or as the subject of a sentence (a name within the first words of a sentence),
 * not any name mentioned since (a name inside a quote or an object is not a referent).
 */
#include <string.h>

#include "quotes_int.h"
#include "nx_text.h"

#define MAX_SUBJECT 24			/* tokens of a subject with appositions */
#define MAX_SEGMENTS 8			/* comma-separated parts of it */
#define ROLE_REACH 3			/* paragraphs a role phrase reaches back for its person */

static int
ent_is_person(const qctx *c, int ent)
{
	return ent >= 0 && c->ents->entities[ent].kind == NX_KIND_PERSON;
}

/* the words of a name: first word [*f0, *f1), last word [*l0, *l1); returns the count */
static int
name_words(const char *s, size_t n, size_t *f1, size_t *l0)
{
	int			words = 0;

	*f1 = n;
	*l0 = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
		{
			words++;
			*l0 = i;
		}
		else if (s[i] == ' ' && words == 1 && *f1 == n)
			*f1 = i;
	return words;
}

/* the one person entity other than self whose first (first_word) or last word is w; or -1 */
static int
unique_person_with_word(const qctx *c, size_t self, const char *w, size_t wn, int first_word)
{
	int			found = -1;

	for (size_t f = 0; f < c->ents->nentities; f++)
	{
		const nx_entity *e = &c->ents->entities[f];
		size_t		f1,
					l0;

		if (f == self || e->kind != NX_KIND_PERSON || name_words(e->name, e->name_len, &f1, &l0) < 2)
			continue;
		if (qword_is(e->name, f1, QW_TITLE))
			continue;
		if (first_word ? (f1 == wn && memcmp(e->name, w, wn) == 0)
			: (e->name_len - l0 == wn && memcmp(e->name + l0, w, wn) == 0))
		{
			if (found >= 0)
				return -1;		/* two people share it: leave it */
			found = (int) f;
		}
	}
	return found;
}

/*
 * The fullest name of each entity: "Adv Smith" (a title the tagger kept) and a lone "Smith"
 * or "Abby" of a non-place kind become the one person named "Abby Smith" in the article.
 */
int
canon_entities(qctx *c, const nx_allocator *a)
{
	size_t		n = c->ents->nentities;

	c->canon = nx_alloc(a, (n + 1) * sizeof(int));
	if (!c->canon)
		return -1;
	for (size_t i = 0; i < n; i++)
	{
		const nx_entity *e = &c->ents->entities[i];
		size_t		f1,
					l0;
		int			words = name_words(e->name, e->name_len, &f1, &l0),
					to = -1;

		c->canon[i] = (int) i;
		if (words >= 2 && e->kind == NX_KIND_PERSON && qword_is(e->name, f1, QW_TITLE))
			to = unique_person_with_word(c, i, e->name + l0, e->name_len - l0, 0);
		else if (words == 1 && e->kind != NX_KIND_PLACE)
		{
			to = unique_person_with_word(c, i, e->name, e->name_len, 0);
			if (to < 0 && e->kind == NX_KIND_PERSON)
				to = unique_person_with_word(c, i, e->name, e->name_len, 1);
		}
		if (to >= 0)
			c->canon[i] = to;
	}
	return 0;
}

int
speaker_is_set(qspk s)
{
	return s.ent >= 0 || s.p1 > s.p0;
}

static qspk
entity_speaker(const qctx *c, int ent)
{
	qspk		s = QSPK_NONE;

	s.ent = c->canon[ent];
	return s;
}

/* the salient person if named within `reach` paragraphs before token tok (any distance
 * when reach < 0) */
static qspk
salient(const qctx *c, size_t tok, int reach)
{
	if (c->sal_ent < 0 || (reach >= 0 && c->para[tok] - c->para[c->sal_tok] > (uint32_t) reach))
		return QSPK_NONE;
	return entity_speaker(c, c->sal_ent);
}

/* a definite singular role phrase: "the minister", "the 36-year-old", not "the organizers" */
static int
definite_role(const qctx *c, size_t p0, size_t p1)
{
	const char *w = TS(c, p1 - 1);
	size_t		n = TL(c, p1 - 1);

	return p1 - p0 >= 2 && p1 - p0 <= 6 && nx_word_eq_ci(TS(c, p0), TL(c, p0), "the") &&
		!(n > 2 && w[n - 1] == 's' && w[n - 2] != 's');
}

/*
 * The speaker a phrase names: a pronoun's referent, the person named in it (the last one,
 * or the first with prefer_first), a phrase that is exactly one entity mention, a role
 * phrase ("the minister" is the salient person; "a senior official" stays a phrase).
 */
qspk
resolve_phrase(const qctx *c, size_t p0, size_t p1, int prefer_first)
{
	qspk		s = QSPK_NONE;
	int			person = -1;

	while (p0 < p1 && (qtok_is(c, p0, QW_CLAUSE_STOP) || is_punct_tok(c, p0, ",;:-(")))
		p0++;
	while (p1 > p0 && is_punct_tok(c, p1 - 1, ",;:-)"))
		p1--;
	if (p0 >= p1)
		return s;
	if (p1 - p0 == 1 && qtok_is(c, p0, QW_PRONOUN))
		return salient(c, p0, -1);
	for (size_t k = p0; k < p1; k++)
	{
		int			mi = c->tok_mention[k];

		if (mi >= 0 && ent_is_person(c, (int) c->ents->mentions[mi].entity) &&
			(person < 0 || !prefer_first))
			person = (int) c->ents->mentions[mi].entity;
	}
	if (person >= 0)
		return entity_speaker(c, person);
	{
		int			m0 = c->tok_mention[p0];

		if (m0 >= 0 && m0 == c->tok_mention[p1 - 1] &&
			c->ents->mentions[m0].start == c->t->tok[p0].start &&
			c->ents->mentions[m0].end == c->t->tok[p1 - 1].end)
			return entity_speaker(c, (int) c->ents->mentions[m0].entity);
	}
	if (definite_role(c, p0, p1))
	{
		s = salient(c, p0, ROLE_REACH);
		if (speaker_is_set(s))
			return s;
	}
	/* otherwise the phrase, if it looks like a noun phrase */
	if (!(c->t->tok[p0].flags & NX_TF_UPPER_INIT) && !qtok_is(c, p0, QW_NP_START))
		return s;
	s.p0 = (uint32_t) p0;
	s.p1 = (uint32_t) p1;
	return s;
}

static int
is_ly_adverb(const qctx *c, size_t i)
{
	size_t		n = TL(c, i);

	return n > 3 && !(c->t->tok[i].flags & NX_TF_UPPER_INIT) && nx_word_eq_ci(TS(c, i) + n - 2, 2, "ly");
}

static int
has_person(const qctx *c, size_t p0, size_t p1)
{
	for (size_t k = p0; k < p1; k++)
		if (c->tok_mention[k] >= 0 && ent_is_person(c, (int) c->ents->mentions[c->tok_mention[k]].entity))
			return 1;
	return 0;
}

/*
 * The subject of the speech verb at token verb, read backwards: "Jane Doe said",
 * "Jane Doe, 42, a lecturer from Leeds, said", "Another officer, Jane Doe, said",
 * "Doe, who led the inquiry, said", "he also told". The comma-separated part next to the
 * verb wins when it names someone; else a part that names a person; else that part as a
 * role phrase.
 */
qspk
subject_before(const qctx *c, size_t verb)
{
	size_t		p1 = verb,
				p0,
				seg0[MAX_SEGMENTS],
				seg1[MAX_SEGMENTS];
	int			nseg = 0;
	qspk		s;

	while (p1 > 0 && !(c->t->tok[p1].flags & NX_TF_LINE_START) &&
		   (qtok_is(c, p1 - 1, QW_AUX) || is_ly_adverb(c, p1 - 1)))
		p1--;
	p0 = p1;
	seg1[0] = p1;
	while (p0 > 0 && verb - p0 < MAX_SUBJECT && !(c->t->tok[p0].flags & NX_TF_LINE_START))
	{
		size_t		k = p0 - 1;

		if (quote_mark(c, k) || c->in_quote[k] || is_punct_tok(c, k, ".?!;:()") ||
			is_speech_verb(c, k))
			break;
		if (qtok_is(c, k, QW_CLAUSE_STOP))
		{
			/* ", who ... ," is a relative clause: drop it and go on before it */
			if ((nx_word_eq_ci(TS(c, k), TL(c, k), "who") || nx_word_eq_ci(TS(c, k), TL(c, k), "which")) &&
				k > 0 && is_punct_tok(c, k - 1, ",") && nseg < MAX_SEGMENTS)
			{
				p0 = k - 1;
				seg1[nseg] = p0;
				continue;
			}
			break;
		}
		if (is_punct_tok(c, k, ","))
		{
			seg0[nseg] = p0;
			if (++nseg == MAX_SEGMENTS)
				break;
			seg1[nseg] = k;
		}
		p0 = k;
	}
	if (nseg < MAX_SEGMENTS)
		seg0[nseg++] = p0;
	/* seg 0 is next to the verb */
	s = seg0[0] < seg1[0] ? resolve_phrase(c, seg0[0], seg1[0], 0) : QSPK_NONE;
	if (s.ent >= 0)
		return s;
	for (int k = 1; k < nseg; k++)
		if (seg0[k] < seg1[k] && has_person(c, seg0[k], seg1[k]))
			return resolve_phrase(c, seg0[k], seg1[k], 0);
	if (speaker_is_set(s))
		return s;
	return nseg > 1 && seg0[1] < seg1[1] ? resolve_phrase(c, seg0[1], seg1[1], 0) : s;
}

/* the subject of the sentence holding token verb (for "..., saying", "adding:"): its first
 * words when they are a pronoun, else the first person it names outside quotes */
qspk
sentence_subject(const qctx *c, size_t verb)
{
	size_t		s0 = verb;
	int			first = 1;

	while (s0 > 0 && verb - s0 < 60 && !(c->t->tok[s0].flags & NX_TF_LINE_START) &&
		   !((c->t->tok[s0].flags & NX_TF_SENT_START) && !c->in_quote[s0]))
		s0--;
	for (size_t k = s0; k < verb; k++)
	{
		int			mi = c->tok_mention[k];

		if (c->in_quote[k] || quote_mark(c, k) || !is_word_tok(c, k))
			continue;
		if (first && qtok_is(c, k, QW_PRONOUN))
			return salient(c, k, -1);
		first = 0;
		if (mi >= 0 && ent_is_person(c, (int) c->ents->mentions[mi].entity))
			return entity_speaker(c, (int) c->ents->mentions[mi].entity);
	}
	return QSPK_NONE;
}

/* a person mention at token i, after tokens_before words of its sentence: a subject */
void
note_subject(qctx *c, size_t i, int tokens_before)
{
	int			mi = c->tok_mention[i];

	if (mi < 0 || tokens_before > 3 || c->ents->mentions[mi].start != c->t->tok[i].start)
		return;
	if (!ent_is_person(c, (int) c->ents->mentions[mi].entity))
		return;
	c->sal_ent = c->canon[c->ents->mentions[mi].entity];
	c->sal_tok = (uint32_t) i;
}

void
note_speaker(qctx *c, qspk s, size_t tok)
{
	c->last = s;
	c->last_tok = (uint32_t) tok;
	c->have_last = 1;
	if (ent_is_person(c, s.ent))
	{
		c->sal_ent = s.ent;
		c->sal_tok = (uint32_t) tok;
	}
}
