/*
 * ner.c - mentions and canonical entities of one article.
 */
#include <string.h>

#include "ner.h"
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

static int
is_title(const char *s, size_t n)
{
	for (int i = 0; titles[i]; i++)
		if (nx_word_eq_ci(s, n, titles[i]))
			return 1;
	return 0;
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
	uint32_t	start,
				end;			/* byte span */
	uint32_t	t0,
				t1;				/* token range [t0, t1) */
	int			kind;
	int			group;
} raw_mention;

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

int
nx_entities_from_tokens(const nx_ner_model *m, const char *text, const nx_ner_tokens *tokens,
						const nx_allocator *a, nx_entity_list *out)
{
	const nx_ner_tokens toks = *tokens;
	uint32_t   *sp = NULL;
	size_t		nsp = 0;
	raw_mention *rm = NULL;
	size_t		nrm = 0;
	group_t    *g = NULL;
	int			ng = 0;
	uint64_t   *words = NULL;
	size_t		nwords = 0,
				capwords = 0;
	word_ref   *refs = NULL;
	int		   *gtab = NULL;
	size_t		gmask = 0,
				gslot = 0;
	int			rc = -1;

	memset(out, 0, sizeof(*out));
	if (toks.ntok == 0)
		return 0;
	if (nx_ner_spans(m, text, &toks, a, &sp, &nsp) < 0)
		goto done;
	if (nsp == 0)
	{
		rc = 0;
		goto done;
	}
	rm = nx_alloc(a, nsp * sizeof(raw_mention));
	if (!rm)
		goto done;

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
			if (r->kind == NX_KIND_PERSON)
				while (r->t1 - r->t0 > 1 &&
					   is_title(text + toks.tok[r->t0].start, toks.tok[r->t0].end - toks.tok[r->t0].start))
					r->t0++;
			r->start = toks.tok[r->t0].start;
			r->end = toks.tok[r->t1 - 1].end;
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
	if (nrm == 0)
	{
		rc = 0;
		goto done;
	}

	/*
	 * Document consistency of kinds: a single-word mention that is the last word of a
	 * multi-word person name is that person; otherwise one kind per surface form
	 * (majority, ties to the first mention's kind).
	 */
	{
		word_ref   *sur = nx_alloc(a, (2 * (toks.ntok + nrm) + 1) * sizeof(word_ref));
		size_t		ns = 0;

		if (!sur)
			goto done;
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
				goto done;
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

	/* groups of identical names (case-insensitive, whitespace-normalised) */
	g = nx_alloc(a, nrm * sizeof(group_t));
	gmask = 15;
	while (gmask + 1 < 2 * nrm + 16)
		gmask = gmask * 2 + 1;
	gtab = nx_alloc(a, ((size_t) gmask + 1) * sizeof(int));
	if (!g || !gtab)
		goto done;
	for (size_t q = 0; q <= gmask; q++)
		gtab[q] = -1;
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
			goto done;
		/* dotted abbreviations lose their dots for matching: U.N. = UN */
		key = nx_hash_lower(d, dl);
		al = alias_of(d, dl, r->kind, &amem);
		if (al >= 0)
			key = 0xA11A5000ULL + (uint64_t) al;
		{
			size_t		q = (size_t) nx_mix64(key + (uint64_t) r->kind) & gmask;

			while (gtab[q] >= 0 && !(g[gtab[q]].key == key && g[gtab[q]].kind == r->kind))
				q = (q + 1) & gmask;
			gi = gtab[q];
			gslot = q;
		}
		if (gi < 0)
		{
			/* count kind votes across kinds later: first, one group per (key, kind) */
			gi = ng++;
			gtab[gslot] = gi;
			memset(&g[gi], 0, sizeof(group_t));
			g[gi].key = key;
			g[gi].kind = r->kind;
			g[gi].disp = d;
			g[gi].disp_len = dl;
			g[gi].disp_caps = !has_lower_ascii(d, dl);
			g[gi].first = (uint32_t) i;
			g[gi].parent = -1;
			g[gi].alias = al;
			g[gi].alias_member = amem;
		}
		else
		{
			/* prefer a mixed-case display form, and for aliases the earliest-listed member */
			int			better = 0;

			if (g[gi].disp_caps && has_lower_ascii(d, dl))
				better = 1;
			if (al >= 0 && amem < g[gi].alias_member)
				better = 1;
			if (better)
			{
				nx_free(a, g[gi].disp);
				g[gi].disp = d;
				g[gi].disp_len = dl;
				g[gi].disp_caps = !has_lower_ascii(d, dl);
				g[gi].alias_member = amem;
			}
			else
				nx_free(a, d);
		}
		g[gi].count++;
		r->group = gi;
		if ((i & 255) == 255 && nx_interrupted(a))
			goto done;
	}

	/* alias groups: fixed canonical, or undotted longest form present */
	for (int i = 0; i < ng; i++)
	{
		if (g[i].alias < 0 || g[i].parent >= 0)
			continue;
		if (aliases[g[i].alias].fixed || g[i].alias_member == 0)
		{
			const char *c = aliases[g[i].alias].names[0];
			size_t		cl = strlen(c);
			char	   *d = nx_alloc(a, cl + 1);

			if (!d)
				goto done;
			memcpy(d, c, cl + 1);
			nx_free(a, g[i].disp);
			g[i].disp = d;
			g[i].disp_len = cl;
		}
		else
		{
			/* drop dots: U.N. -> UN */
			size_t		k = 0;

			for (size_t q = 0; q < g[i].disp_len; q++)
				if (g[i].disp[q] != '.')
					g[i].disp[k++] = g[i].disp[q];
			g[i].disp[k] = 0;
			g[i].disp_len = k;
		}
	}

	/* words of each surviving group */
	for (int i = 0; i < ng; i++)
	{
		int			c;

		g[i].word0 = (uint32_t) nwords;
		c = split_words(g[i].disp, g[i].disp_len, &words, &nwords, &capwords, a);
		if (c < 0)
			goto done;
		g[i].nwords = c;
	}
	refs = nx_alloc(a, (nwords + 1) * sizeof(word_ref));
	if (!refs)
		goto done;
	{
		size_t		nr = 0;

		for (int i = 0; i < ng; i++)
			if (g[i].parent < 0)
				for (int w = 0; w < g[i].nwords; w++)
					refs[nr++] = (word_ref) {words[g[i].word0 + w], i};
		sort_refs(refs, nr);

		/* fold short names into the longest name of the same kind that contains them */
		for (int i = 0; i < ng; i++)
		{
			int			best = -1;
			uint64_t	w0;
			size_t		lo = 0,
						hi = nr;

			if (g[i].parent >= 0 || g[i].alias >= 0 || g[i].nwords == 0)
				continue;
			w0 = words[g[i].word0];
			while (lo < hi)
			{
				size_t		mid = (lo + hi) / 2;

				if (refs[mid].h < w0)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (size_t k = lo; k < nr && refs[k].h == w0; k++)
			{
				int			j = refs[k].g;
				int			pos;

				if (j == i || g[j].kind != g[i].kind || g[j].nwords <= g[i].nwords || g[j].alias >= 0)
					continue;
				pos = contains_words(words + g[j].word0, g[j].nwords, words + g[i].word0, g[i].nwords);
				if (pos < 0)
					continue;
				/* a person's single name must be the first or last word of the full name */
				if (g[i].kind == NX_KIND_PERSON && pos != 0 && pos + g[i].nwords != g[j].nwords)
					continue;
				if (best < 0 || g[j].nwords > g[best].nwords ||
					(g[j].nwords == g[best].nwords && g[j].count > g[best].count))
					best = j;
			}
			if (best >= 0)
				g[i].parent = best;
			if ((i & 63) == 63 && nx_interrupted(a))
				goto done;
		}
	}

	/* resolve parents (chains are short: each step is strictly longer or a merge) */
	for (int i = 0; i < ng; i++)
	{
		int			r = i,
					steps = 0;

		while (g[r].parent >= 0 && steps++ < 64)
			r = g[r].parent;
		g[i].parent = r == i ? -1 : r;
	}

	/* output */
	out->mentions = nx_alloc(a, nrm * sizeof(nx_mention));
	out->entities = nx_alloc(a, (size_t) ng * sizeof(nx_entity));
	if (!out->mentions || !out->entities)
		goto done;
	memset(out->entities, 0, (size_t) ng * sizeof(nx_entity));
	for (int i = 0; i < ng; i++)
		g[i].out = -1;
	for (size_t i = 0; i < nrm; i++)
	{
		int			c = rm[i].group;
		nx_entity  *e;

		if (g[c].parent >= 0)
			c = g[c].parent;
		if (g[c].out < 0)
		{
			g[c].out = (int) out->nentities++;
			e = &out->entities[g[c].out];
			e->name = nx_alloc(a, g[c].disp_len + 1);
			if (!e->name)
				goto done;
			memcpy(e->name, g[c].disp, g[c].disp_len + 1);
			e->name_len = g[c].disp_len;
			e->kind = g[c].kind;
			e->first_start = rm[i].start;
			e->first_mention = (uint32_t) i;
		}
		e = &out->entities[g[c].out];
		e->mentions++;
		out->mentions[i].start = rm[i].start;
		out->mentions[i].end = rm[i].end;
		out->mentions[i].kind = e->kind;
		out->mentions[i].entity = (uint32_t) g[c].out;
	}
	out->nmentions = nrm;
	rc = 0;

done:
	if (g)
		for (int i = 0; i < ng; i++)
			nx_free(a, g[i].disp);
	nx_free(a, g);
	nx_free(a, gtab);
	nx_free(a, refs);
	nx_free(a, words);
	nx_free(a, rm);
	nx_free(a, sp);
	if (rc < 0)
		nx_entity_list_free(out, a);
	return rc;
}
