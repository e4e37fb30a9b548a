/*
 * ner_doc.c - the second pass over an article's mentions: kinds from the whole article.
 *
 * The tagger reads one sentence at a time, with only a history of the kinds it gave so far;
 * the rest of the article is evidence it never sees. After it (and after the vote of ner.c
 * over each single-word form) three rules, the first two kept because they helped both
 * halves of CoNLL-2003 dev split by document (README, "Accuracy"):
 *
 *  - a single word that is the surname of a person named in full with a known first name
 *    ("Jane Doe" ... "Doe") is that person, unless the gazetteer knows the word as a place
 *    or a nationality;
 *  - a single word read as a person that is a word of a longer organisation name in the
 *    article, and of no longer person name ("Acme Cables" ... "Acme said"), is an organisation;
 *  - a longer name of another kind that opens with a known first name and ends with a word the
 *    article uses alone for a person is that person ("Chad Brennock" ... "Brennock said"; kept because
 *    it helped quote speakers on fundus dev and left CoNLL-2003 dev unchanged).
 *
 * Linear: two passes over the mentions and one hash table of the words of the longer names.
 */
#include <string.h>

#include "ner_int.h"
#include "locale_names.h"

#define GAZ_PLACE (NX_GAZ_COUNTRY | NX_GAZ_CITY | NX_GAZ_DEMONYM | NX_GAZ_REGION)

/* the gazetteer classes of one word (0: not listed) */
static int
gaz_word_classes(const nx_ner_gaz *g, uint64_t hl)
{
	uint64_t	k;
	uint32_t	slot;

	if (!g->mask)
		return 0;
	k = nx_gaz_key(&hl, 1);
	slot = (uint32_t) (k >> 7) & g->mask;
	while (g->keys[slot] != 0 && g->keys[slot] != k)
		slot = (slot + 1) & g->mask;
	return g->keys[slot] == k ? (g->cls[slot] & ~NX_GAZ_PREFIX) : 0;
}

static uint64_t
token_hash(const char *text, const nx_ner_token *t)
{
	return nx_hash_lower(text + t->start, t->end - t->start);
}

/*
 * A hash table of the article's names: the words of its longer names (two tokens or more),
 * keyed by lower-case hash, or its mention forms in running text, keyed by the exact bytes.
 */
typedef struct
{
	uint64_t	h;				/* hash; 0 = empty slot */
	uint8_t		kinds;			/* bit per kind of a longer name the word is in */
	uint8_t		surname;		/* last word of a person named with a known first name */
	uint8_t		org_first;		/* the first word of an organisation's name */
	uint8_t		lone_person;	/* also a one-word mention read as a person */
	uint16_t	votes[4];		/* mentions of the form per kind */
} name_word;

typedef struct
{
	name_word  *slot;
	size_t		mask;
} name_words;

static int
table_init(name_words *w, size_t n, const nx_allocator *a)
{
	w->mask = 15;
	while (w->mask + 1 < 2 * n + 16)
		w->mask = w->mask * 2 + 1;
	w->slot = nx_alloc(a, (w->mask + 1) * sizeof(name_word));
	if (!w->slot)
		return -1;
	memset(w->slot, 0, (w->mask + 1) * sizeof(name_word));
	return 0;
}

static name_word *
word_slot(name_words *w, uint64_t h, int insert)
{
	size_t		q;

	h |= 1;						/* 0 marks an empty slot */
	q = (size_t) nx_mix64(h) & w->mask;
	while (w->slot[q].h != 0 && w->slot[q].h != h)
		q = (q + 1) & w->mask;
	if (w->slot[q].h == 0)
	{
		if (!insert)
			return NULL;
		w->slot[q].h = h;
	}
	return &w->slot[q];
}

/* English month names that are also first names ("From January to June Acme exported ...") */
static const char *const month_names[] = {"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december", NULL};

/* a name of two words or more that opens with a first name the gazetteer knows, not a month */
static int
opens_with_first_name(const nx_ner_model *m, const char *text, const nx_ner_tokens *toks,
					  const raw_mention *r)
{
	const nx_ner_token *t = &toks->tok[r->t0];

	return r->t1 - r->t0 >= 2 && (gaz_word_classes(&m->gaz, token_hash(text, t)) & NX_GAZ_FIRSTNAME) &&
		!nx_word_in_folded_list(text + t->start, t->end - t->start, month_names);
}

static int
collect_name_words(const nx_ner_model *m, const char *text, const nx_ner_tokens *toks,
				   const raw_mention *rm, size_t nrm, name_words *w, const nx_allocator *a)
{
	size_t		n = 0;

	for (size_t i = 0; i < nrm; i++)
		if (rm[i].t1 - rm[i].t0 >= 2)
			n += rm[i].t1 - rm[i].t0;
	if (table_init(w, n, a) < 0)
		return -1;
	for (size_t i = 0; i < nrm; i++)
	{
		int			full = rm[i].kind == NX_KIND_PERSON && opens_with_first_name(m, text, toks, &rm[i]);

		if (rm[i].t1 - rm[i].t0 < 2)
			continue;
		for (uint32_t t = rm[i].t0; t < rm[i].t1; t++)
		{
			name_word  *s = word_slot(w, token_hash(text, &toks->tok[t]), 1);

			s->kinds |= (uint8_t) (1 << rm[i].kind);
			if (full && t + 1 == rm[i].t1)
				s->surname = 1;
			if (rm[i].kind == NX_KIND_ORGANIZATION && t == rm[i].t0)
				s->org_first = 1;
		}
	}
	return 0;
}

/* the line of a token, seen from mentions in text order */
typedef struct
{
	size_t		end;			/* first token after the line */
	int			prose;			/* running text: lower-case letters and at least 6 words */
} line_cursor;

static int
in_prose_line(const nx_ner_tokens *toks, size_t t, line_cursor *c)
{
	size_t		first = t,
				words = 0;

	if (t < c->end)
		return c->prose;
	while (first > 0 && !(toks->tok[first].flags & NX_TF_LINE_START))
		first--;
	for (c->end = first; c->end < toks->ntok; c->end++)
	{
		if (c->end > first && (toks->tok[c->end].flags & NX_TF_LINE_START))
			break;
		if (toks->tok[c->end].flags & NX_TF_WORD)
			words++;
	}
	c->prose = !(toks->tok[first].flags & NX_TF_CAPS_LINE) && words >= 6;
	return c->prose;
}

/*
 * One kind per name form in running text: where the same form has two kinds, a clear majority
 * wins ("Acme" ORG, ORG, LOC -> ORG). Tables, results and headlines keep their tags: there a
 * city and its team share a name, and the tagger's reading of the line is the better guess.
 */
static int
prose_majority(const char *text, const nx_ner_tokens *toks, raw_mention *rm, size_t nrm,
			   const nx_allocator *a)
{
	name_words	f;
	line_cursor c = {0, 0};
	uint8_t    *prose = nx_alloc(a, nrm);

	if (!prose || table_init(&f, nrm, a) < 0)
	{
		nx_free(a, prose);
		return -1;
	}
	for (size_t i = 0; i < nrm; i++)
	{
		prose[i] = (uint8_t) in_prose_line(toks, rm[i].t0, &c);
		if (prose[i])
			word_slot(&f, nx_hash_bytes(text + rm[i].start, rm[i].end - rm[i].start), 1)->votes[rm[i].kind]++;
	}
	for (size_t i = 0; i < nrm; i++)
	{
		const uint16_t *v;
		int			best = 0,
					second = -1;

		if (!prose[i])
			continue;
		v = word_slot(&f, nx_hash_bytes(text + rm[i].start, rm[i].end - rm[i].start), 0)->votes;
		for (int k = 1; k < 4; k++)
			if (v[k] > v[best])
				best = k;
		for (int k = 0; k < 4; k++)
			if (k != best && (second < 0 || v[k] > v[second]))
				second = k;
		if (v[best] > v[second])
			rm[i].kind = best;
	}
	nx_free(a, f.slot);
	nx_free(a, prose);
	return 0;
}

/*
 * "Chad Brennock" read as a place, "Brennock" alone as a person: a longer name of another kind that
 * opens with a known first name and ends with a word the article uses alone for a person is
 * that person (a first name that is also a country or a city misleads the tagger).
 */
static void
persons_by_surname(const nx_ner_model *m, const char *text, const nx_ner_tokens *toks,
				   raw_mention *rm, size_t nrm, name_words *w)
{
	for (size_t i = 0; i < nrm; i++)
	{
		name_word  *s;

		if (rm[i].t1 - rm[i].t0 == 1 && rm[i].kind == NX_KIND_PERSON &&
			(s = word_slot(w, token_hash(text, &toks->tok[rm[i].t0]), 0)) != NULL)
			s->lone_person = 1;
	}
	for (size_t i = 0; i < nrm; i++)
	{
		raw_mention *r = &rm[i];
		name_word  *s;

		if (r->t1 - r->t0 < 2 || r->kind == NX_KIND_PERSON ||
			(s = word_slot(w, token_hash(text, &toks->tok[r->t1 - 1]), 0)) == NULL || !s->lone_person)
			continue;
		if (opens_with_first_name(m, text, toks, r))
			r->kind = NX_KIND_PERSON;
	}
}

int
nx_ner_doc_kinds(const nx_ner_model *m, const char *text, const nx_ner_tokens *toks,
				 raw_mention *rm, size_t nrm, const nx_allocator *a)
{
	name_words	w;

	if (collect_name_words(m, text, toks, rm, nrm, &w, a) < 0)
		return -1;
	for (size_t i = 0; i < nrm; i++)
	{
		uint64_t	h;
		name_word  *s;

		if (rm[i].t1 - rm[i].t0 != 1)
			continue;
		h = token_hash(text, &toks->tok[rm[i].t0]);
		if ((s = word_slot(&w, h, 0)) == NULL)
			continue;
		if (s->surname && rm[i].kind != NX_KIND_PERSON && !(gaz_word_classes(&m->gaz, h) & GAZ_PLACE))
			rm[i].kind = NX_KIND_PERSON;
		else if (rm[i].kind == NX_KIND_PERSON && s->org_first && !(s->kinds & (1 << NX_KIND_PERSON)))
			rm[i].kind = NX_KIND_ORGANIZATION;
	}
	persons_by_surname(m, text, toks, rm, nrm, &w);
	nx_free(a, w.slot);
	return prose_majority(text, toks, rm, nrm, a);
}
