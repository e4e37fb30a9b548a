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
#ifndef SUBJECT_WORDS
#define SUBJECT_WORDS 3
#endif
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

/* the abbreviation "Adv" of the title "Advocate" (or the same title) */
static int
title_abbreviates(const char *abbr, size_t an, const char *title, size_t tn)
{
	while (an > 0 && abbr[an - 1] == '.')
		an--;
	return an > 0 && an <= tn && nx_strncaseeq(abbr, title, an);
}

/*
 * The title word right before the entity's first mention in the text ("Advocate" of
 * "Advocate Jane Smith" when the tagger left the title out of the name); sets *n, or NULL.
 */
static const char *
title_before(const qctx *c, const nx_entity *e, size_t *n)
{
	uint32_t	end = e->first_start,
				start;

	while (end > 0 && c->text[end - 1] == ' ')
		end--;
	start = end;
	while (start > 0 && c->text[start - 1] != ' ' && c->text[start - 1] != '\n' && end - start < 16)
		start--;
	if (start == end || (start > 0 && c->text[start - 1] != ' ' && c->text[start - 1] != '\n') ||
		!qword_is(c->text + start, end - start, QW_TITLE))
		return NULL;
	*n = end - start;
	return c->text + start;
}

/*
 * The one person entity other than self whose first (first_word) or last word is w, with a
 * given name besides (titles aside); when several share it (a family), the one whose title
 * the name's own title abbreviates ("Adv Smith" -> "Advocate Jane Smith", the title in the
 * name or right before its first mention); or -1.
 * self == nentities: no entity of its own.
 */
static int
unique_person_with_word(const qctx *c, size_t self, const char *w, size_t wn, int first_word)
{
	size_t		my_f1 = 0,
				my_l0;
	int			found = -1,
				nfound = 0,
				titled = -1,
				ntitled = 0,
				my_title = 0;
	const char *my_name = "";

	if (self < c->ents->nentities)
	{
		const nx_entity *me = &c->ents->entities[self];

		my_name = me->name;
		my_title = name_words(me->name, me->name_len, &my_f1, &my_l0) >= 2 &&
			qword_is(me->name, my_f1, QW_TITLE);
	}

	for (size_t f = 0; f < c->ents->nentities; f++)
	{
		const nx_entity *e = &c->ents->entities[f];
		size_t		f1,
					l0,
					tn = 0;
		int			words,
					has_title;
		const char *title;

		if (f == self || e->kind != NX_KIND_PERSON)
			continue;
		words = name_words(e->name, e->name_len, &f1, &l0);
		has_title = qword_is(e->name, f1, QW_TITLE);
		if (words - has_title < 2)
			continue;
		if (first_word ? (!has_title && f1 == wn && memcmp(e->name, w, wn) == 0)
			: (e->name_len - l0 == wn && memcmp(e->name + l0, w, wn) == 0))
		{
			found = (int) f;
			nfound++;
			title = has_title ? e->name : title_before(c, e, &tn);
			if (has_title)
				tn = f1;
			if (my_title && title && title_abbreviates(my_name, my_f1, title, tn))
			{
				titled = (int) f;
				ntitled++;
			}
		}
	}
	if (nfound == 1)
		return found;
	return ntitled == 1 ? titled : -1;
}

/* an acronym as articles define one: two to eight capitals, digits or "&" ("BIMS", "G20", "AT&T") */
static int
is_acronym(const char *s, size_t n)
{
	int			capitals = 0;

	if (n < 2 || n > 8)
		return 0;
	for (size_t i = 0; i < n; i++)
	{
		if (s[i] >= 'A' && s[i] <= 'Z')
			capitals++;
		else if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '&'))
			return 0;
	}
	return capitals >= 2;
}

/*
 * "the Baltic Institute for Marine Safety (BIMS)": an acronym in parentheses right after a
 * name of an organisation (or any kind but a person) stands for that name wherever it is used
 * (not an acronym the tagger read as a person: the salience of people must not change).
 */
static void
link_acronyms(qctx *c)
{
	const nx_entity_list *el = c->ents;

	for (size_t m = 0; m + 1 < el->nmentions; m++)
	{
		const nx_mention *full = &el->mentions[m],
				   *acr = &el->mentions[m + 1];
		const nx_entity *ae = &el->entities[acr->entity];
		size_t		gap = acr->start - full->end;

		if (acr->start < full->end + 1 || gap > 2 || c->text[acr->start - 1] != '(' ||
			(gap == 2 && c->text[full->end] != ' ') || acr->end >= c->text_end || c->text[acr->end] != ')')
			continue;
		if (acr->entity == full->entity || el->entities[full->entity].kind == NX_KIND_PERSON ||
			ae->kind == NX_KIND_PERSON || !is_acronym(ae->name, ae->name_len))
			continue;
		c->canon[acr->entity] = c->canon[full->entity];
	}
}

/*
 * The fullest name of each entity: "Adv Smith" (a title the tagger kept) and a lone "Smith"
 * or "Abby" of a non-place kind become the one person named "Abby Smith" in the article; an
 * acronym defined in parentheses becomes the name it stands for.
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
		if (words == 2 && e->kind == NX_KIND_PERSON && qword_is(e->name, f1, QW_TITLE))
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
	link_acronyms(c);
	return 0;
}

/* the person a speaker name stands for: its entity's name less a title the tagger kept
 * ("Advocate Jane Smith" -> "Jane Smith"); sets *len */
const char *
person_name(const qctx *c, int ent, size_t *len)
{
	const nx_entity *e = &c->ents->entities[ent];
	size_t		f1,
				l0;

	*len = e->name_len;
	if (e->kind == NX_KIND_PERSON && name_words(e->name, e->name_len, &f1, &l0) >= 3 &&
		qword_is(e->name, f1, QW_TITLE))
	{
		*len = e->name_len - f1 - 1;
		return e->name + f1 + 1;
	}
	return e->name;
}

/* the person (canonical entity) named by the mention covering token k, or -1 */
static int
person_at(const qctx *c, size_t k)
{
	int			mi = c->tok_mention[k],
				ent;

	if (mi < 0)
		return -1;
	ent = c->canon[c->ents->mentions[mi].entity];
	return ent_is_person(c, ent) ? ent : -1;
}

/*
 * The person named at token k when the name can be who a sentence is about: not the object
 * of a preposition ("a researcher at Doe", "victory over Doe") and not a possessor ("Doe's
 * lawyer said"); or -1. A preposition before lo does not count (the phrase starts after it:
 * "according to Doe").
 */
static int
referent_at(const qctx *c, size_t k, size_t lo)
{
	int			mi = c->tok_mention[k];
	size_t		k0 = k,
				k1 = k;

	if (person_at(c, k) < 0)
		return -1;
	while (k0 > 0 && c->tok_mention[k0 - 1] == mi)
		k0--;
	while (k1 + 1 < c->t->ntok && c->tok_mention[k1 + 1] == mi)
		k1++;
	if (k0 > lo && qtok_is(c, k0 - 1, QW_PREPOSITION))
		return -1;
	if (k1 + 1 < c->t->ntok && (nx_word_eq_ci(TS(c, k1 + 1), TL(c, k1 + 1), "'s") ||
								nx_word_eq_ci(TS(c, k1 + 1), TL(c, k1 + 1), "’s")))
		return -1;
	return person_at(c, k);
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

/*
 * The salient person if named within `reach` paragraphs before token tok (any distance
 * when reach < 0): the most recent one, or for a pronoun (he_she 1 or 2) the most recent
 * one whose gender, as the article shows it, does not contradict it.
 */
static qspk
salient(const qctx *c, size_t tok, int reach, int he_she)
{
	for (int k = c->nsal; k-- > 0;)
	{
		int			ent = c->sal_hist[k];

		if (reach >= 0 && c->para[tok] - c->para[c->sal_hist_tok[k]] > (uint32_t) reach)
			break;
		if (he_she && c->gender[ent] && c->gender[ent] != he_she)
			continue;
		return entity_speaker(c, ent);
	}
	return QSPK_NONE;
}

static int
pronoun_gender(const qctx *c, size_t i)
{
	return nx_word_eq_ci(TS(c, i), TL(c, i), "he") ? 1 : 2;
}

static void
push_salient(qctx *c, int ent, size_t tok)
{
	int			k = 0;

	while (k < c->nsal && c->sal_hist[k] != ent)
		k++;
	if (k == c->nsal && c->nsal == QSAL_HIST)
		k = 0;					/* full: the oldest goes */
	if (k < c->nsal)
	{
		memmove(c->sal_hist + k, c->sal_hist + k + 1, (size_t) (c->nsal - k - 1) * sizeof(int));
		memmove(c->sal_hist_tok + k, c->sal_hist_tok + k + 1, (size_t) (c->nsal - k - 1) * sizeof(uint32_t));
		c->nsal--;
	}
	c->sal_hist[c->nsal] = ent;
	c->sal_hist_tok[c->nsal] = (uint32_t) tok;
	c->nsal++;
	c->sal_ent = ent;
	c->sal_tok = (uint32_t) tok;
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
 * The organisation mentioned last before token p0, within ROLE_REACH paragraphs, with the
 * word w (an institution: "department", "club") as a word of its name, or -1
 */
static int
organisation_named_with(const qctx *c, size_t p0, const char *w, size_t wn)
{
	for (size_t k = p0; k-- > 0 && c->para[p0] - c->para[k] <= ROLE_REACH;)
	{
		int			mi = c->tok_mention[k];
		const nx_mention *mt;
		const char *s;
		size_t		n;

		/* each mention once, at its first token */
		if (mi < 0 || (k > 0 && c->tok_mention[k - 1] == mi))
			continue;
		mt = &c->ents->mentions[mi];
		if (c->ents->entities[mt->entity].kind != NX_KIND_ORGANIZATION)
			continue;
		s = c->text + mt->start;
		n = mt->end - mt->start;
		for (size_t i = 0; i + wn <= n; i++)
			if ((i == 0 || s[i - 1] == ' ') && (i + wn == n || s[i + wn] == ' ') && nx_strncaseeq(s + i, w, wn))
				return (int) mt->entity;
	}
	return -1;
}

/* the entity whose one mention spans tokens [k0, k1) exactly, or -1 */
static int
mention_spanning(const qctx *c, size_t k0, size_t k1)
{
	int			m = c->tok_mention[k0];

	if (k1 <= k0 || m < 0 || m != c->tok_mention[k1 - 1] ||
		c->ents->mentions[m].start != c->t->tok[k0].start || c->ents->mentions[m].end != c->t->tok[k1 - 1].end)
		return -1;
	return (int) c->ents->mentions[m].entity;
}

/*
 * The organisation a speaker phrase names: "the PAG", "BIMS's report" (any kind but a
 * person after "the", or before "'s" and a document word); its canonical entity, or -1. Only
 * the name shown changes: the phrase ranks as a role phrase while speakers are chosen.
 */
int
organisation_phrase(const qctx *c, size_t p0, size_t p1)
{
	int			ent = -1;

	if (p1 - p0 >= 2 && nx_word_eq_ci(TS(c, p0), TL(c, p0), "the"))
		ent = mention_spanning(c, p0 + 1, p1);
	else if (p1 - p0 >= 3 && qtok_is(c, p1 - 1, QW_DOCUMENT) &&
			 (nx_word_eq_ci(TS(c, p1 - 2), TL(c, p1 - 2), "'s") || nx_word_eq_ci(TS(c, p1 - 2), TL(c, p1 - 2), "’s")))
		ent = mention_spanning(c, p0, p1 - 2);
	return ent >= 0 && !ent_is_person(c, c->canon[ent]) ? c->canon[ent] : -1;
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
		return salient(c, p0, -1, pronoun_gender(c, p0));
	for (size_t k = p0; k < p1; k++)
		if (referent_at(c, k, p0) >= 0 && (person < 0 || !prefer_first))
			person = referent_at(c, k, p0);
	if (person >= 0)
		return entity_speaker(c, person);
	{
		int			m0 = c->tok_mention[p0];

		if (m0 >= 0 && m0 == c->tok_mention[p1 - 1] &&
			c->ents->mentions[m0].start == c->t->tok[p0].start &&
			c->ents->mentions[m0].end == c->t->tok[p1 - 1].end)
			return entity_speaker(c, (int) c->ents->mentions[m0].entity);
	}
	{
		/* "Speaking to the Daily Mail Doe said": a surname the tagger ran into the name
		 * before it, right before the verb */
		int			m1 = c->tok_mention[p1 - 1],
					to;

		if (m1 >= 0 && c->ents->mentions[m1].end == c->t->tok[p1 - 1].end &&
			c->ents->mentions[m1].start < c->t->tok[p1 - 1].start &&
			(c->t->tok[p1 - 1].flags & NX_TF_UPPER_INIT) &&
			(to = unique_person_with_word(c, c->ents->nentities, TS(c, p1 - 1), TL(c, p1 - 1), 0)) >= 0)
			return entity_speaker(c, to);
	}
	if (definite_role(c, p0, p1) && qtok_is(c, p1 - 1, QW_INSTITUTION))
	{
		int			org;

		/* "the department said": the organisation that spoke last */
		if (c->have_last && c->last.ent >= 0 && !ent_is_person(c, c->last.ent) &&
			c->para[p0] - c->para[c->last_tok] <= ROLE_REACH)
			return c->last;
		/* else the one last named with that word in its name ("the Department of Health") */
		if ((org = organisation_named_with(c, p0, TS(c, p1 - 1), TL(c, p1 - 1))) >= 0)
			return entity_speaker(c, org);
	}
	else if (definite_role(c, p0, p1))
	{
		s = salient(c, p0, ROLE_REACH, 0);
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
		if (referent_at(c, k, p0) >= 0)
			return 1;
	return 0;
}

/* tokens [p0, p1) are "from" or "of" and one place's name: "from Brackwell", "of Springfield" */
static int
from_place(const qctx *c, size_t p0, size_t p1)
{
	int			mi;

	/* p1 < p0 + 2 also covers an empty part (p0 >= p1) */
	if (p1 < p0 + 2 || !(nx_word_eq_ci(TS(c, p0), TL(c, p0), "from") || nx_word_eq_ci(TS(c, p0), TL(c, p0), "of")))
		return 0;
	mi = c->tok_mention[p0 + 1];
	return mi >= 0 && c->tok_mention[p1 - 1] == mi &&
		c->ents->entities[c->ents->mentions[mi].entity].kind == NX_KIND_PLACE;
}

/*
 * The subject of the speech verb at token verb, read backwards: "Jane Doe said",
 * "Jane Doe, 42, a lecturer from Leeds, said", "Another officer, Jane Doe, said",
 * "Doe, who led the inquiry, said", "he also told", "Doe (KC) said", "Doe ... and said".
 * The comma-separated part next to the verb wins when it names a person; else a part that
 * names a person; else that part as a role phrase or entity ("the ministry said").
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
		size_t		k = p0 - 1,
					open = k;

		if (is_punct_tok(c, k, ")"))
		{
			/* a parenthesis inside the subject: "Jane Doe (KC) said" */
			while (open > 0 && k - open < 8 && !is_punct_tok(c, open, "(") && !quote_mark(c, open))
				open--;
			if (is_punct_tok(c, open, "("))
			{
				p0 = open;
				continue;
			}
		}
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
	/*
	 * seg 0 is next to the verb: it wins when it names a person. A part after "from" or "of"
	 * and a place goes on with a place ("from Brackwell, North Harrowby, said"): never the subject
	 */
	s = seg0[0] < seg1[0] && !(nseg > 1 && from_place(c, seg0[1], seg1[1])) ?
		resolve_phrase(c, seg0[0], seg1[0], 0) : QSPK_NONE;
	if (ent_is_person(c, s.ent))
		return s;
	for (int k = 1; k < nseg; k++)
		if (seg0[k] < seg1[k] && has_person(c, seg0[k], seg1[k]) &&
			!(k + 1 < nseg && from_place(c, seg0[k + 1], seg1[k + 1])))
			return resolve_phrase(c, seg0[k], seg1[k], 0);
	if (speaker_is_set(s))
		return s;
	if (nseg > 1 && seg0[1] < seg1[1])
		return resolve_phrase(c, seg0[1], seg1[1], 0);
	/* "Doe declined to elaborate and only said:": the sentence's subject */
	if (p1 > 0 && nx_word_eq_ci(TS(c, p1 - 1), TL(c, p1 - 1), "and"))
		return sentence_subject(c, verb);
	return s;
}

/* the subject of the sentence holding token verb (for "..., saying", "adding:"): the first
 * he/she or person it names outside quotes */
qspk
sentence_subject(const qctx *c, size_t verb)
{
	size_t		s0 = verb;

	while (s0 > 0 && verb - s0 < 60 && !(c->t->tok[s0].flags & NX_TF_LINE_START) &&
		   !((c->t->tok[s0].flags & NX_TF_SENT_START) && !c->in_quote[s0]))
		s0--;
	for (size_t k = s0; k < verb; k++)
	{
		if (c->in_quote[k] || quote_mark(c, k) || !is_word_tok(c, k))
			continue;
		/* "He ...", "In 2022, she ...": the first pronoun before any name */
		if (qtok_is(c, k, QW_PRONOUN))
			return salient(c, k, -1, pronoun_gender(c, k));
		if (referent_at(c, k, s0) >= 0)
			return entity_speaker(c, referent_at(c, k, s0));
	}
	return QSPK_NONE;
}

/* a person mention at token i, after tokens_before words of its sentence: a subject */
void
note_subject(qctx *c, size_t i, int tokens_before)
{
	int			mi = c->tok_mention[i];

	if (mi < 0 || tokens_before > SUBJECT_WORDS || c->ents->mentions[mi].start != c->t->tok[i].start ||
		referent_at(c, i, 0) < 0)
		return;
	push_salient(c, person_at(c, i), i);
}

void
note_speaker(qctx *c, qspk s, size_t tok)
{
	c->last = s;
	c->last_tok = (uint32_t) tok;
	c->have_last = 1;
	if (ent_is_person(c, s.ent))
		push_salient(c, s.ent, tok);
}

/* the name at token i opens its sentence (a title before it aside) */
static int
sentence_initial(const qctx *c, size_t i)
{
	const uint32_t starts = NX_TF_SENT_START | NX_TF_LINE_START;

	return (c->t->tok[i].flags & starts) ||
		(i > 0 && (c->t->tok[i - 1].flags & starts) && qtok_is(c, i - 1, QW_TITLE));
}

/*
 * What the article shows of each person's gender: a title before a mention ("Ms Doe"), and
 * he/she opening the sentence after one that opened with the name ("Doe won. She said").
 * (A pronoun later in the name's own sentence is as often someone else's: measured, it
 * made speakers worse.)
 */
int
infer_genders(qctx *c, const nx_allocator *a)
{
	size_t		n = c->t->ntok,
				ne = c->ents->nentities;
	uint32_t   *votes = nx_alloc(a, (2 * ne + 1) * sizeof(uint32_t));

	c->gender = nx_alloc(a, ne + 1);
	if (!votes || !c->gender)
	{
		nx_free(a, votes);
		return -1;
	}
	memset(votes, 0, (2 * ne + 1) * sizeof(uint32_t));
	memset(c->gender, 0, ne + 1);
	for (size_t i = 0; i < n; i++)
	{
		int			ent = person_at(c, i);
		size_t		j = i + 1;

		if (ent < 0 || c->in_quote[i] || (i > 0 && c->tok_mention[i - 1] == c->tok_mention[i]))
			continue;
		if (i > 0 && (qtok_is(c, i - 1, QW_HE) || qtok_is(c, i - 1, QW_SHE)))
			votes[2 * ent + qtok_is(c, i - 1, QW_SHE)]++;
		if (!sentence_initial(c, i))
			continue;
		while (j < n && j < i + 60 && !(c->t->tok[j].flags & (NX_TF_SENT_START | NX_TF_LINE_START)))
			j++;
		if (j < n && !c->in_quote[j] && qtok_is(c, j, QW_PRONOUN))
			votes[2 * ent + qtok_is(c, j, QW_SHE)]++;
	}
	for (size_t e = 0; e < ne; e++)
		c->gender[e] = votes[2 * e] > votes[2 * e + 1] ? 1 : votes[2 * e + 1] > votes[2 * e] ? 2 : 0;
	nx_free(a, votes);
	return 0;
}
