/*
 * ner.c - mentions and canonical entities of one article.
 */
#include <string.h>

#include "ner.h"
#include "ner_int.h"
#include "nx_text.h"

static const char *const kind_names[] = {"person", "organization", "place", "other"};

const char *
nx_entity_kind_name(int kind)
{
	return (kind >= 0 && kind < 4) ? kind_names[kind] : "other";
}

/* ---------------------------------------------------------------- helpers */

/* words that may precede a person's name as a title; stripped from person mentions */
static const char *const titles[] = {
	"president", "vice", "secretary", "minister", "prime", "premier", "foreign", "defence",
	"defense", "interior", "finance", "state", "general", "attorney", "of", "the", "mr", "mr.",
	"mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "professor", "sir", "dame", "lord",
	"lady", "king", "queen", "prince", "princess", "pope", "gen", "gen.", "col", "col.",
	"colonel", "captain", "capt", "capt.", "lt", "lt.", "sgt", "sgt.", "senator", "sen", "sen.",
	"rep", "rep.", "representative", "governor", "gov", "gov.", "chancellor", "ambassador",
	"judge", "justice", "rev", "rev.", "reverend", "sheikh", "ayatollah", "chairman",
	"chairwoman", "director", "spokesman", "spokeswoman", "deputy", "former", "chief",
	"mayor", "coach", "emir", "sultan", "marshal", "admiral", "commander", "officer",
	"leader", "speaker", "envoy", "counterpart", "premier", "mp", "u.s.", "us", "russian",
	"british", "french", "german", "syrian", "american", "chinese", "iranian", NULL
};

/* the word s[0..n) is in list, case aside */
static int
word_in(const char *const *list, const char *s, size_t n)
{
	for (int i = 0; list[i]; i++)
		if (nx_word_eq_ci(s, n, list[i]))
			return 1;
	return 0;
}

static int
is_title(const char *s, size_t n)
{
	return word_in(titles, s, n);
}

/*
 * Interjections a capital letter opens a sentence with in transcripts and quotes ("Oh, that
 * was close", "Um, I think so"): a mention of one of them alone, in lower case after its
 * capital, is no name
 */
static const char *const interjections[] = {
	"oh", "um", "uh", "umm", "hm", "hmm", "er", "erm", "ah", "aha", "mm", "mhm", "huh", "wow", "hey",
	"okay", "alright", "yeah", "yep", "nope", "ooh", NULL
};

/* "Um", "Okay": an interjection written as a word; in capitals ("ERM", "AHA", "OH") it is an acronym */
static int
is_interjection(const char *s, size_t n)
{
	return n > 1 && s[1] >= 'a' && s[1] <= 'z' && word_in(interjections, s, n);
}

/* alias groups: the first entry is the fixed canonical name when fixed = 1 */
typedef struct
{
	int			kind;
	int			fixed;
	const char *names[8];
} alias_group;

static const alias_group aliases[] = {
	{NX_KIND_PLACE, 1, {"United States", "U.S.", "US", "USA", "U.S.A.", "United States of America", "America", NULL}},
	{NX_KIND_PLACE, 0, {"United Kingdom", "U.K.", "UK", "Britain", "Great Britain", NULL}},
	{NX_KIND_PLACE, 0, {"United Arab Emirates", "UAE", "U.A.E.", NULL}},
	{NX_KIND_ORGANIZATION, 0, {"United Nations", "UN", "U.N.", NULL}},
	{NX_KIND_ORGANIZATION, 0, {"European Union", "EU", "E.U.", NULL}},
	{NX_KIND_ORGANIZATION, 0, {"NATO", "Nato", "N.A.T.O.", "North Atlantic Treaty Organization", NULL}},
	{NX_KIND_PLACE, 0, {"Soviet Union", "USSR", "U.S.S.R.", NULL}},
};
#define NALIAS ((int) (sizeof(aliases) / sizeof(aliases[0])))

static int
has_lower_ascii(const char *s, size_t n);

/* ASCII case-insensitive equality of a name (an all-caps mention against an alias) */
static int
tok_eq_ci_name(const char *s, size_t n, const char *lit)
{
	for (size_t i = 0; i < n; i++)
	{
		unsigned char a = (unsigned char) s[i],
					b = (unsigned char) lit[i];

		if (a >= 'A' && a <= 'Z')
			a = (unsigned char) (a + 32);
		if (b >= 'A' && b <= 'Z')
			b = (unsigned char) (b + 32);
		if (a != b)
			return 0;
	}
	return 1;
}

static int
alias_of(const char *s, size_t n, int kind, int *member)
{
	for (int g = 0; g < NALIAS; g++)
	{
		if (aliases[g].kind != kind)
			continue;
		for (int i = 0; aliases[g].names[i]; i++)
			if (strlen(aliases[g].names[i]) == n &&
				(memcmp(aliases[g].names[i], s, n) == 0 || (!has_lower_ascii(s, n) && tok_eq_ci_name(s, n, aliases[g].names[i]))))
			{
				*member = i;
				return g;
			}
	}
	return -1;
}

/* -------------------------------------------------------------- raw spans */

int
nx_ner_spans(const nx_ner_model *m, const char *text, const nx_ner_tokens *toks,
			 const nx_allocator *a, uint32_t **spans, size_t *nspans)
{
	uint8_t    *lab;
	uint32_t   *sp;
	size_t		n = 0;

	*spans = NULL;
	*nspans = 0;
	if (toks->ntok == 0)
		return 0;
	lab = nx_alloc(a, toks->ntok);
	sp = nx_alloc(a, toks->ntok * 3 * sizeof(uint32_t));
	if (!lab || !sp)
	{
		nx_free(a, lab);
		nx_free(a, sp);
		return -1;
	}
	if (nx_ner_tag(m, text, toks, a, lab) < 0)
	{
		nx_free(a, lab);
		nx_free(a, sp);
		return -1;
	}
	for (size_t i = 0; i < toks->ntok; i++)
	{
		int			p = NX_NER_POS(lab[i]);
		size_t		j = i;

		if (p != 0 && p != 3)
			continue;
		if (p == 0)
			while (j + 1 < toks->ntok && (NX_NER_POS(lab[j + 1]) == 1 || NX_NER_POS(lab[j + 1]) == 2))
			{
				j++;
				if (NX_NER_POS(lab[j]) == 2)
					break;
			}
		sp[3 * n] = toks->tok[i].start;
		sp[3 * n + 1] = toks->tok[j].end;
		sp[3 * n + 2] = (uint32_t) NX_NER_KIND(lab[i]);
		n++;
		i = j;
	}
	nx_free(a, lab);
	*spans = sp;
	*nspans = n;
	return 0;
}

/* ------------------------------------------------------------ canonicals */

typedef struct
{
	uint64_t	key;			/* hash of the lower-cased normalised name (or alias group) */
	int			kind;
	char	   *disp;			/* display form */
	size_t		disp_len;
	int			disp_caps;		/* display form is all caps */
	uint32_t	first;			/* first mention index */
	uint32_t	count;
	int			nwords;
	uint32_t	word0;			/* index into word hash array */
	int			parent;			/* canonical group after folding (-1 = self) */
	int			alias;			/* alias group, -1 */
	int			alias_member;
	int			out;			/* output entity index */
} group_t;

/* normalised copy: whitespace runs -> one space */
static char *
norm_copy(const char *s, size_t n, size_t *outlen, const nx_allocator *a)
{
	char	   *o = nx_alloc(a, n + 1);
	size_t		k = 0;
	int			sp = 0;

	if (!o)
		return NULL;
	for (size_t i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v')
		{
			sp = 1;
			continue;
		}
		if (sp && k > 0)
			o[k++] = ' ';
		sp = 0;
		o[k++] = (char) c;
	}
	o[k] = 0;
	*outlen = k;
	return o;
}

static int
has_lower_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= 'a' && s[i] <= 'z')
			return 1;
	return 0;
}

/* split a normalised name into words at spaces and hyphens; hashes appended to *w */
static int
split_words(const char *s, size_t n, uint64_t **w, size_t *nw, size_t *cap, const nx_allocator *a)
{
	size_t		i = 0;
	int			cnt = 0;

	while (i < n)
	{
		size_t		j = i;

		while (j < n && s[j] != ' ' && s[j] != '-')
			j++;
		if (j > i)
		{
			if (*nw == *cap)
			{
				size_t		nc = *cap ? *cap * 2 : 64;
				uint64_t   *p = nx_resize(a, *w, *cap * sizeof(uint64_t), nc * sizeof(uint64_t));

				if (!p)
					return -1;
				*w = p;
				*cap = nc;
			}
			(*w)[(*nw)++] = nx_hash_lower(s + i, j - i);
			cnt++;
		}
		i = j + 1;
	}
	return cnt;
}

/* is the word sequence a[0..na) contiguous inside b[0..nb)? returns position or -1 */
static int
contains_words(const uint64_t *b, int nb, const uint64_t *a, int na)
{
	for (int i = 0; i + na <= nb; i++)
	{
		int			k = 0;

		while (k < na && b[i + k] == a[k])
			k++;
		if (k == na)
			return i;
	}
	return -1;
}

typedef struct
{
	uint64_t	h;
	int			g;
} word_ref;

static void
sort_refs(word_ref *r, size_t n)
{
	/* shell sort: small, no recursion, deterministic */
	static const size_t gaps[] = {701, 301, 132, 57, 23, 10, 4, 1};

	for (int gi = 0; gi < 8; gi++)
	{
		size_t		gap = gaps[gi];

		for (size_t i = gap; i < n; i++)
		{
			word_ref	t = r[i];
			size_t		j = i;

			while (j >= gap && (r[j - gap].h > t.h || (r[j - gap].h == t.h && r[j - gap].g > t.g)))
			{
				r[j] = r[j - gap];
				j -= gap;
			}
			r[j] = t;
		}
	}
}

void
nx_entity_list_free(nx_entity_list *l, const nx_allocator *a)
{
	if (l->entities)
		for (size_t i = 0; i < l->nentities; i++)
			nx_free(a, l->entities[i].name);
	nx_free(a, l->entities);
	nx_free(a, l->mentions);
	memset(l, 0, sizeof(*l));
}

int
nx_entities_extract(const nx_ner_model *m, const char *text, size_t len,
					const nx_allocator *a, nx_entity_list *out)
{
	nx_ner_tokens toks;
	int			rc;

	memset(out, 0, sizeof(*out));
	if (len == 0)
		return 0;
	if (nx_ner_tokenize(text, len, a, &toks) < 0)
		return -1;
	rc = nx_entities_from_tokens(m, text, &toks, a, out);
	nx_ner_tokens_free(&toks, a);
	return rc;
}

/* the groups of mentions that share a name, and the words of their names */
typedef struct name_groups
{
	group_t    *g;
	int			ng;
	int		   *gtab;			/* open-addressing table of group indexes */
	size_t		gmask,
				gslot;
	uint64_t   *words;			/* word hashes of every group's display name */
	size_t		nwords,
				capwords;
	word_ref   *refs;			/* (word hash, group), sorted */
} name_groups;

/* tagger spans -> mentions over token ranges; returns how many */
static size_t
raw_mentions(const char *text, const nx_ner_tokens *tokens, const uint32_t *sp, size_t nsp,
			 raw_mention *rm)
{
	const nx_ner_tokens toks = *tokens;
	size_t		nrm = 0;

	/* token ranges; strip titles from person mentions */
	{
		size_t		t = 0;

		for (size_t i = 0; i < nsp; i++)
		{
			raw_mention *r = &rm[nrm];

			while (t < toks.ntok && toks.tok[t].start < sp[3 * i])
				t++;
			r->t0 = (uint32_t) t;
			while (t < toks.ntok && toks.tok[t].end <= sp[3 * i + 1])
				t++;
			r->t1 = (uint32_t) t;
			r->kind = (int) sp[3 * i + 2];
			if (r->t1 <= r->t0)
				continue;
			if (r->t1 - r->t0 == 1 && is_interjection(text + toks.tok[r->t0].start, toks.tok[r->t0].end - toks.tok[r->t0].start))
				continue;
			if (r->kind == NX_KIND_PERSON)
				while (r->t1 - r->t0 > 1 &&
					   is_title(text + toks.tok[r->t0].start, toks.tok[r->t0].end - toks.tok[r->t0].start))
					r->t0++;
			r->start = toks.tok[r->t0].start;
			r->end = toks.tok[r->t1 - 1].end;
			/* "’Mathabo Ramaili": a name's own apostrophe (a word-initial U+2019, which no
			 * well-set text opens a quotation with) belongs to the name */
			if (r->kind == NX_KIND_PERSON && r->start >= 3 && memcmp(text + r->start - 3, "\xE2\x80\x99", 3) == 0 &&
				(r->start == 3 || nx_is_space((unsigned char) text[r->start - 4])))
				r->start -= 3;
			/* "UN-backed", "U.S.-led": the known name before a lower-case suffix is the mention */
			if (r->t1 - r->t0 == 1)
			{
				const char *w = text + r->start;
				size_t		wl = r->end - r->start,
							h = wl;
				int			member;

				while (h > 0 && w[h - 1] >= 'a' && w[h - 1] <= 'z')
					h--;
				if (h > 1 && h < wl && w[h - 1] == '-')
				{
					for (int k = 0; k < 4; k++)
					{
						if (alias_of(w, h - 1, k, &member) >= 0)
						{
							r->end = r->start + (uint32_t) (h - 1);
							r->kind = k;
							break;
						}
					}
				}
			}
			/* "Fateh" + "al-Sham Front": a name continued by a lower-case particle is one name */
			if (nrm > 0 && rm[nrm - 1].t1 == r->t0 && !(toks.tok[r->t0].flags & NX_TF_UPPER_INIT) &&
				!(toks.tok[r->t0].flags & NX_TF_LINE_START))
			{
				rm[nrm - 1].t1 = r->t1;
				rm[nrm - 1].end = r->end;
				rm[nrm - 1].kind = r->kind;
				continue;
			}
			nrm++;
		}
	}
	return nrm;
}

static int
vote_kinds(const char *text, const nx_ner_tokens *tokens, raw_mention *rm, size_t nrm,
		   const nx_allocator *a)
{
	const nx_ner_tokens toks = *tokens;

	/*
	 * Document consistency of kinds: a single-word mention that is the last word of a
	 * multi-word person name is that person; otherwise one kind per surface form
	 * (majority, ties to the first mention's kind).
	 */
	{
		word_ref   *sur = nx_alloc(a, (2 * (toks.ntok + nrm) + 1) * sizeof(word_ref));
		size_t		ns = 0;

		if (!sur)
			return -1;
		for (size_t j = 0; j < nrm; j++)
		{
			for (uint32_t ti = rm[j].t0; ti < rm[j].t1; ti++)
			{
				const nx_ner_token *lt = &toks.tok[ti];
				const char *w = text + lt->start;
				size_t		wl = lt->end - lt->start,
							h = 0;
				int			last = (ti + 1 == rm[j].t1);

				/* a surname: the last word of a person named in full ("Kerry" of "John Kerry") */
				if (last && rm[j].kind == NX_KIND_PERSON && rm[j].t1 - rm[j].t0 >= 2)
					sur[ns++] = (word_ref) {nx_hash_lower(w, wl), NX_KIND_PERSON};
				/* "Assad" of "al-Assad", "Nusra" of "al-Nusra Front": the name after a particle */
				while (h < wl && w[h] >= 'a' && w[h] <= 'z')
					h++;
				if (h > 0 && h <= 3 && h + 1 < wl && w[h] == '-' && w[h + 1] >= 'A' && w[h + 1] <= 'Z')
					sur[ns++] = (word_ref) {nx_hash_lower(w + h + 1, wl - h - 1), 16 + rm[j].kind};
			}
		}
		sort_refs(sur, ns);
		/*
		 * Vote per single-word form: its own tags, plus one vote per person named in full
		 * with it as surname; a particle name ("al-Nusra Front" for "Nusra") always wins.
		 */
		{
			word_ref   *one = nx_alloc(a, (nrm + 1) * sizeof(word_ref));
			size_t		no = 0;

			if (!one)
			{
				nx_free(a, sur);
				return -1;
			}
			for (size_t i = 0; i < nrm; i++)
				if (rm[i].t1 - rm[i].t0 == 1)
					one[no++] = (word_ref) {nx_hash_lower(text + rm[i].start, rm[i].end - rm[i].start), (int) i};
			sort_refs(one, no);
			for (size_t i = 0; i < no;)
			{
				size_t		j = i,
							lo = 0,
							hi = ns;
				long		votes[4] = {0, 0, 0, 0};
				int			particle = -1,
							best = -1;

				while (j < no && one[j].h == one[i].h)
					votes[rm[one[j++].g].kind]++;
				while (lo < hi)
				{
					size_t		mid = (lo + hi) / 2;

					if (sur[mid].h < one[i].h)
						lo = mid + 1;
					else
						hi = mid;
				}
				for (size_t q = lo; q < ns && sur[q].h == one[i].h; q++)
				{
					if (sur[q].g >= 16)
						particle = sur[q].g - 16;
					else
						votes[sur[q].g]++;
				}
				if (lo < ns && sur[lo].h == one[i].h)
					;
				else
				{
					/*
					 * no outside evidence: particle names ("al-Qaeda") get their majority kind
					 * (ties to the first); capitalised forms keep their tags, as a city and its
					 * sports team share a name
					 */
					const char *f0 = text + rm[one[i].g].start;

					if (*f0 >= 'a' && *f0 <= 'z')
					{
						int			b = rm[one[i].g].kind;

						for (int k = 0; k < 4; k++)
							if (votes[k] > votes[b])
								b = k;
						for (size_t q = i; q < j; q++)
							rm[one[q].g].kind = b;
					}
					i = j;
					continue;
				}
				{
					best = particle;
					if (best < 0)
					{
						best = 0;
						for (int k = 1; k < 4; k++)
							if (votes[k] > votes[best])
								best = k;
					}
					for (size_t q = i; q < j; q++)
						rm[one[q].g].kind = best;
				}
				i = j;
			}
			nx_free(a, one);
		}
		nx_free(a, sur);
	}
	return 0;
}

static int
group_mentions(const char *text, raw_mention *rm, size_t nrm, name_groups *G,
			   const nx_allocator *a)
{
	/* groups of identical names (case-insensitive, whitespace-normalised) */
	G->g = nx_alloc(a, nrm * sizeof(group_t));
	G->gmask = 15;
	while (G->gmask + 1 < 2 * nrm + 16)
		G->gmask = G->gmask * 2 + 1;
	G->gtab = nx_alloc(a, ((size_t) G->gmask + 1) * sizeof(int));
	if (!G->g || !G->gtab)
		return -1;
	for (size_t q = 0; q <= G->gmask; q++)
		G->gtab[q] = -1;
	for (size_t i = 0; i < nrm; i++)
	{
		raw_mention *r = &rm[i];
		size_t		dl;
		char	   *d = norm_copy(text + r->start, r->end - r->start, &dl, a);
		uint64_t	key;
		int			gi,
					amem = 0,
					al;

		if (!d)
			return -1;
		/* dotted abbreviations lose their dots for matching: U.N. = UN */
		key = nx_hash_lower(d, dl);
		al = alias_of(d, dl, r->kind, &amem);
		if (al >= 0)
			key = 0xA11A5000ULL + (uint64_t) al;
		{
			size_t		q = (size_t) nx_mix64(key + (uint64_t) r->kind) & G->gmask;

			while (G->gtab[q] >= 0 && !(G->g[G->gtab[q]].key == key && G->g[G->gtab[q]].kind == r->kind))
				q = (q + 1) & G->gmask;
			gi = G->gtab[q];
			G->gslot = q;
		}
		if (gi < 0)
		{
			/* count kind votes across kinds later: first, one group per (key, kind) */
			gi = G->ng++;
			G->gtab[G->gslot] = gi;
			memset(&G->g[gi], 0, sizeof(group_t));
			G->g[gi].key = key;
			G->g[gi].kind = r->kind;
			G->g[gi].disp = d;
			G->g[gi].disp_len = dl;
			G->g[gi].disp_caps = !has_lower_ascii(d, dl);
			G->g[gi].first = (uint32_t) i;
			G->g[gi].parent = -1;
			G->g[gi].alias = al;
			G->g[gi].alias_member = amem;
		}
		else
		{
			/* prefer a mixed-case display form, and for aliases the earliest-listed member */
			int			better = 0;

			if (G->g[gi].disp_caps && has_lower_ascii(d, dl))
				better = 1;
			if (al >= 0 && amem < G->g[gi].alias_member)
				better = 1;
			if (better)
			{
				nx_free(a, G->g[gi].disp);
				G->g[gi].disp = d;
				G->g[gi].disp_len = dl;
				G->g[gi].disp_caps = !has_lower_ascii(d, dl);
				G->g[gi].alias_member = amem;
			}
			else
				nx_free(a, d);
		}
		G->g[gi].count++;
		r->group = gi;
		if ((i & 255) == 255 && nx_interrupted(a))
			return -1;
	}
	return 0;
}

static int
canonical_aliases(name_groups *G, const nx_allocator *a)
{
	/* alias groups: fixed canonical, or undotted longest form present */
	for (int i = 0; i < G->ng; i++)
	{
		if (G->g[i].alias < 0 || G->g[i].parent >= 0)
			continue;
		if (aliases[G->g[i].alias].fixed || G->g[i].alias_member == 0)
		{
			const char *c = aliases[G->g[i].alias].names[0];
			size_t		cl = strlen(c);
			char	   *d = nx_alloc(a, cl + 1);

			if (!d)
				return -1;
			memcpy(d, c, cl + 1);
			nx_free(a, G->g[i].disp);
			G->g[i].disp = d;
			G->g[i].disp_len = cl;
		}
		else
		{
			/* drop dots: U.N. -> UN */
			size_t		k = 0;

			for (size_t q = 0; q < G->g[i].disp_len; q++)
				if (G->g[i].disp[q] != '.')
					G->g[i].disp[k++] = G->g[i].disp[q];
			G->g[i].disp[k] = 0;
			G->g[i].disp_len = k;
		}
	}
	return 0;
}

static int
fold_short_names(name_groups *G, const nx_allocator *a)
{
	/* G->words of each surviving group */
	for (int i = 0; i < G->ng; i++)
	{
		int			c;

		G->g[i].word0 = (uint32_t) G->nwords;
		c = split_words(G->g[i].disp, G->g[i].disp_len, &G->words, &G->nwords, &G->capwords, a);
		if (c < 0)
			return -1;
		G->g[i].nwords = c;
	}
	G->refs = nx_alloc(a, (G->nwords + 1) * sizeof(word_ref));
	if (!G->refs)
		return -1;
	{
		size_t		nr = 0;

		for (int i = 0; i < G->ng; i++)
			if (G->g[i].parent < 0)
				for (int w = 0; w < G->g[i].nwords; w++)
					G->refs[nr++] = (word_ref) {G->words[G->g[i].word0 + w], i};
		sort_refs(G->refs, nr);

		/* fold short names into the longest name of the same kind that contains them */
		for (int i = 0; i < G->ng; i++)
		{
			int			best = -1;
			uint64_t	w0;
			size_t		lo = 0,
						hi = nr;

			if (G->g[i].parent >= 0 || G->g[i].alias >= 0 || G->g[i].nwords == 0)
				continue;
			w0 = G->words[G->g[i].word0];
			while (lo < hi)
			{
				size_t		mid = (lo + hi) / 2;

				if (G->refs[mid].h < w0)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (size_t k = lo; k < nr && G->refs[k].h == w0; k++)
			{
				int			j = G->refs[k].g;
				int			pos;

				if (j == i || G->g[j].kind != G->g[i].kind || G->g[j].nwords <= G->g[i].nwords || G->g[j].alias >= 0)
					continue;
				pos = contains_words(G->words + G->g[j].word0, G->g[j].nwords, G->words + G->g[i].word0, G->g[i].nwords);
				if (pos < 0)
					continue;
				/* a person's single name must be the first or last word of the full name */
				if (G->g[i].kind == NX_KIND_PERSON && pos != 0 && pos + G->g[i].nwords != G->g[j].nwords)
					continue;
				if (best < 0 || G->g[j].nwords > G->g[best].nwords ||
					(G->g[j].nwords == G->g[best].nwords && G->g[j].count > G->g[best].count))
					best = j;
			}
			if (best >= 0)
				G->g[i].parent = best;
			if ((i & 63) == 63 && nx_interrupted(a))
				return -1;
		}
	}
	return 0;
}

static void
resolve_parents(name_groups *G)
{
	/* resolve parents (chains are short: each step is strictly longer or a merge) */
	for (int i = 0; i < G->ng; i++)
	{
		int			r = i,
					steps = 0;

		while (G->g[r].parent >= 0 && steps++ < 64)
			r = G->g[r].parent;
		G->g[i].parent = r == i ? -1 : r;
	}
}

static int
emit_entities(const raw_mention *rm, size_t nrm, name_groups *G, const nx_allocator *a,
			  nx_entity_list *out)
{
	/* output */
	out->mentions = nx_alloc(a, nrm * sizeof(nx_mention));
	out->entities = nx_alloc(a, (size_t) G->ng * sizeof(nx_entity));
	if (!out->mentions || !out->entities)
		return -1;
	memset(out->entities, 0, (size_t) G->ng * sizeof(nx_entity));
	for (int i = 0; i < G->ng; i++)
		G->g[i].out = -1;
	for (size_t i = 0; i < nrm; i++)
	{
		int			c = rm[i].group;
		nx_entity  *e;

		if (G->g[c].parent >= 0)
			c = G->g[c].parent;
		if (G->g[c].out < 0)
		{
			G->g[c].out = (int) out->nentities++;
			e = &out->entities[G->g[c].out];
			e->name = nx_alloc(a, G->g[c].disp_len + 1);
			if (!e->name)
				return -1;
			memcpy(e->name, G->g[c].disp, G->g[c].disp_len + 1);
			e->name_len = G->g[c].disp_len;
			e->kind = G->g[c].kind;
			e->first_start = rm[i].start;
			e->first_mention = (uint32_t) i;
		}
		e = &out->entities[G->g[c].out];
		e->mentions++;
		out->mentions[i].start = rm[i].start;
		out->mentions[i].end = rm[i].end;
		out->mentions[i].kind = e->kind;
		out->mentions[i].entity = (uint32_t) G->g[c].out;
	}
	out->nmentions = nrm;
	return 0;
}

int
nx_entities_from_tokens(const nx_ner_model *m, const char *text, const nx_ner_tokens *tokens,
						const nx_allocator *a, nx_entity_list *out)
{
	uint32_t   *sp = NULL;
	size_t		nsp = 0;
	raw_mention *rm = NULL;
	size_t		nrm = 0;
	name_groups G;
	int			rc = -1;

	memset(out, 0, sizeof(*out));
	memset(&G, 0, sizeof(G));
	if (tokens->ntok == 0)
		return 0;
	if (nx_ner_spans(m, text, tokens, a, &sp, &nsp) < 0)
		goto done;
	rm = nsp > 0 ? nx_alloc(a, nsp * sizeof(raw_mention)) : NULL;
	if (nsp > 0 && !rm)
		goto done;
	nrm = nsp > 0 ? raw_mentions(text, tokens, sp, nsp, rm) : 0;
	if (nrm == 0)
	{
		rc = 0;
		goto done;
	}
	if (vote_kinds(text, tokens, rm, nrm, a) < 0 ||
		nx_ner_doc_kinds(m, text, tokens, rm, nrm, a) < 0 ||
		group_mentions(text, rm, nrm, &G, a) < 0 ||
		canonical_aliases(&G, a) < 0 ||
		fold_short_names(&G, a) < 0)
		goto done;
	resolve_parents(&G);
	if (emit_entities(rm, nrm, &G, a, out) < 0)
		goto done;
	rc = 0;

done:
	if (G.g)
		for (int i = 0; i < G.ng; i++)
			nx_free(a, G.g[i].disp);
	nx_free(a, G.g);
	nx_free(a, G.gtab);
	nx_free(a, G.refs);
	nx_free(a, G.words);
	nx_free(a, rm);
	nx_free(a, sp);
	if (rc < 0)
		nx_entity_list_free(out, a);
	return rc;
}
