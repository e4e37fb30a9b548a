/*
 * train.c - trains the newsext entity tagger (structured averaged perceptron, BILOU,
 * first-order Viterbi) and writes the model image read by src/core/ner_model.c.
 *
 *   train --train train.txt [--dev dev.txt] [--gaz model/gazetteer.tsv] [--lex unlabelled.txt]
 *         [--clusters clusters.txt]
 *         [--epochs N] [--out model/newsext_ner.bin] [--version STR]
 *
 * Input files come from tools/model/conll_prep.py. Deterministic: fixed document
 * order per epoch (a seeded LCG shuffle), no threads, no clock.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ner_model.h"
#include "ner_tok.h"

static const char *KIND_NAMES[] = {"PER", "ORG", "LOC", "MISC"};

typedef struct
{
	char	   *text;
	size_t		len;
	nx_ner_tokens toks;
	uint8_t    *gold;
	/* gold spans, byte offsets */
	size_t		nspans;
	uint32_t   *sp_start,
			   *sp_end;
	uint8_t    *sp_kind;
} doc_t;

typedef struct
{
	doc_t	   *docs;
	size_t		n;
} corpus_t;

static void *
xmalloc(size_t n)
{
	void	   *p = calloc(1, n ? n : 1);

	if (!p)
	{
		fprintf(stderr, "out of memory\n");
		exit(1);
	}
	return p;
}

static int
kind_of(const char *s)
{
	for (int k = 0; k < 4; k++)
		if (strcmp(s, KIND_NAMES[k]) == 0)
			return k;
	return -1;
}

static void
load_corpus(const char *path, corpus_t *c)
{
	FILE	   *f = fopen(path, "rb");
	char		line[4096];
	size_t		cap = 0;
	long		mismatched = 0;

	if (!f)
	{
		perror(path);
		exit(1);
	}
	memset(c, 0, sizeof(*c));
	while (fgets(line, sizeof(line), f))
	{
		if (line[0] == 'D')
		{
			if (c->n == cap)
			{
				cap = cap ? cap * 2 : 256;
				c->docs = realloc(c->docs, cap * sizeof(doc_t));
			}
			memset(&c->docs[c->n], 0, sizeof(doc_t));
			c->n++;
		}
		else if (line[0] == 'T')
		{
			doc_t	   *d = &c->docs[c->n - 1];

			d->len = strtoul(line + 2, NULL, 10);
			d->text = xmalloc(d->len + 1);
			if (fread(d->text, 1, d->len, f) != d->len || fgetc(f) != '\n')
			{
				fprintf(stderr, "%s: truncated text\n", path);
				exit(1);
			}
		}
		else if (line[0] == 'E')
		{
			doc_t	   *d = &c->docs[c->n - 1];
			unsigned	s,
						e;
			char		kind[16];

			if (sscanf(line + 2, "%u %u %15s", &s, &e, kind) != 3 || kind_of(kind) < 0)
				continue;
			d->sp_start = realloc(d->sp_start, (d->nspans + 1) * 4);
			d->sp_end = realloc(d->sp_end, (d->nspans + 1) * 4);
			d->sp_kind = realloc(d->sp_kind, d->nspans + 1);
			d->sp_start[d->nspans] = s;
			d->sp_end[d->nspans] = e;
			d->sp_kind[d->nspans] = (uint8_t) kind_of(kind);
			d->nspans++;
		}
	}
	fclose(f);
	/* tokenize with the runtime tokenizer and project the gold spans onto tokens */
	for (size_t i = 0; i < c->n; i++)
	{
		doc_t	   *d = &c->docs[i];

		if (nx_ner_tokenize(d->text, d->len, &nx_malloc_allocator, &d->toks) < 0)
		{
			fprintf(stderr, "tokenize failed\n");
			exit(1);
		}
		d->gold = xmalloc(d->toks.ntok + 1);
		for (size_t k = 0; k < d->nspans; k++)
		{
			size_t		a = (size_t) -1,
						b = 0;

			for (size_t t = 0; t < d->toks.ntok; t++)
				if (d->toks.tok[t].start >= d->sp_start[k] && d->toks.tok[t].end <= d->sp_end[k])
				{
					if (a == (size_t) -1)
						a = t;
					b = t;
				}
			if (a == (size_t) -1 || d->toks.tok[a].start != d->sp_start[k] || d->toks.tok[b].end != d->sp_end[k])
			{
				mismatched++;
				if (a == (size_t) -1)
					continue;
			}
			if (a == b)
				d->gold[a] = NX_NER_LABEL(d->sp_kind[k], 3);
			else
			{
				d->gold[a] = NX_NER_LABEL(d->sp_kind[k], 0);
				for (size_t t = a + 1; t < b; t++)
					d->gold[t] = NX_NER_LABEL(d->sp_kind[k], 1);
				d->gold[b] = NX_NER_LABEL(d->sp_kind[k], 2);
			}
		}
	}
	fprintf(stderr, "%s: %zu documents, %ld spans not on token boundaries\n", path, c->n, mismatched);
}

/* ---------------------------------------------------------------- weights */

typedef struct
{
	uint64_t   *keys;
	uint32_t   *idx;
	uint64_t	mask;
	size_t		nrows,
				caprows;
	float	   *w;
	float	   *u;
	float		trans[(NX_NER_NLABELS + 1) * NX_NER_NLABELS];
	float		trans_u[(NX_NER_NLABELS + 1) * NX_NER_NLABELS];
	double		c;
} weights_t;

static void
wt_init(weights_t *W, int bits)
{
	memset(W, 0, sizeof(*W));
	W->mask = ((uint64_t) 1 << bits) - 1;
	W->keys = xmalloc((W->mask + 1) * 8);
	W->idx = xmalloc((W->mask + 1) * 4);
	W->c = 1;
}

static int64_t
wt_find(const weights_t *W, uint64_t k, int insert, weights_t *Wm)
{
	uint64_t	s = k & W->mask;

	if (k == 0)
		k = 1;
	for (;;)
	{
		if (W->keys[s] == k)
			return W->idx[s];
		if (W->keys[s] == 0)
		{
			if (!insert)
				return -1;
			if (Wm->nrows * 2 > W->mask)
			{
				fprintf(stderr, "feature table full\n");
				exit(1);
			}
			if (Wm->nrows == Wm->caprows)
			{
				Wm->caprows = Wm->caprows ? Wm->caprows * 2 : 1 << 16;
				Wm->w = realloc(Wm->w, Wm->caprows * NX_NER_NLABELS * sizeof(float));
				Wm->u = realloc(Wm->u, Wm->caprows * NX_NER_NLABELS * sizeof(float));
			}
			memset(Wm->w + Wm->nrows * NX_NER_NLABELS, 0, NX_NER_NLABELS * sizeof(float));
			memset(Wm->u + Wm->nrows * NX_NER_NLABELS, 0, NX_NER_NLABELS * sizeof(float));
			Wm->keys[s] = k;
			Wm->idx[s] = (uint32_t) Wm->nrows;
			return (int64_t) Wm->nrows++;
		}
		s = (s + 1) & W->mask;
	}
}

static void
wt_score(const weights_t *W, const uint64_t *keys, int nk, int avg, float *out)
{
	memset(out, 0, NX_NER_NLABELS * sizeof(float));
	for (int f = 0; f < nk; f++)
	{
		int64_t		r = wt_find(W, keys[f], 0, NULL);

		if (r < 0)
			continue;
		for (int y = 0; y < NX_NER_NLABELS; y++)
		{
			float		v = W->w[r * NX_NER_NLABELS + y];

			if (avg)
				v -= (float) (W->u[r * NX_NER_NLABELS + y] / W->c);
			out[y] += v;
		}
	}
}

static void
trans_matrix(const weights_t *W, int avg, float *t)
{
	for (int a = 0; a <= NX_NER_NLABELS; a++)
		for (int b = 0; b < NX_NER_NLABELS; b++)
		{
			int			i = a * NX_NER_NLABELS + b;

			if (!nx_ner_transition_ok(a, b))
				t[i] = -1e30f;
			else
				t[i] = W->trans[i] - (avg ? (float) (W->trans_u[i] / W->c) : 0.0f);
		}
}

static void
wt_update(weights_t *W, const uint64_t *keys, int nk, int y, float delta)
{
	for (int f = 0; f < nk; f++)
	{
		int64_t		r = wt_find(W, keys[f], 1, W);

		W->w[r * NX_NER_NLABELS + y] += delta;
		W->u[r * NX_NER_NLABELS + y] += (float) (W->c * delta);
	}
}

/* ----------------------------------------------------------------- driver */

typedef struct
{
	long		tp[4],
				fp[4],
				fn[4];
} prf_t;

static void
spans_of(const uint8_t *lab, size_t n, const nx_ner_tokens *t, size_t off, uint32_t *ss, uint32_t *se,
		 uint8_t *sk, size_t *ns)
{
	for (size_t i = 0; i < n; i++)
	{
		int			p = NX_NER_POS(lab[i]);

		if (p == 0 || p == 3)
		{
			size_t		j = i;

			if (p == 0)
				while (j + 1 < n && NX_NER_POS(lab[j + 1]) != 2 && NX_NER_POS(lab[j + 1]) == 1)
					j++;
			if (p == 0 && j + 1 < n)
				j++;
			ss[*ns] = t->tok[off + i].start;
			se[*ns] = t->tok[off + j].end;
			sk[*ns] = (uint8_t) NX_NER_KIND(lab[i]);
			(*ns)++;
			i = j;
		}
	}
}

/* tag (or train on) one document; returns the predicted labels in pred */
static void
run_doc(weights_t *W, const nx_ner_gaz *gaz, doc_t *d, int train, int avg, uint8_t *pred)
{
	nx_ner_doc	ctx;
	static float *em = NULL;
	static uint8_t *back = NULL;
	static uint64_t *keys = NULL;
	static int *nkeys = NULL;
	static size_t cap = 0;
	float		trans[(NX_NER_NLABELS + 1) * NX_NER_NLABELS];

	if (nx_ner_doc_init(&ctx, d->text, &d->toks, gaz, &nx_malloc_allocator) < 0)
		exit(1);
	trans_matrix(W, avg, trans);
	for (size_t s = 0; s < d->toks.nsent; s++)
	{
		size_t		ss = d->toks.sent[s],
					se = d->toks.sent[s + 1],
					n = se - ss;

		if (n > cap)
		{
			cap = n * 2;
			em = realloc(em, cap * NX_NER_NLABELS * sizeof(float));
			back = realloc(back, cap * NX_NER_NLABELS);
			keys = realloc(keys, cap * NX_NER_MAXFEAT * sizeof(uint64_t));
			nkeys = realloc(nkeys, cap * sizeof(int));
		}
		for (size_t i = ss; i < se; i++)
		{
			nkeys[i - ss] = nx_ner_features(&ctx, i, ss, se, keys + (i - ss) * NX_NER_MAXFEAT);
			wt_score(W, keys + (i - ss) * NX_NER_MAXFEAT, nkeys[i - ss], avg, em + (i - ss) * NX_NER_NLABELS);
			nx_ner_constrain(d->toks.tok[i].flags, em + (i - ss) * NX_NER_NLABELS);
		}
		nx_ner_viterbi(em, n, trans, pred + ss, back);
		if (train)
		{
			int			pg = NX_NER_NLABELS,
						pp = NX_NER_NLABELS;

			for (size_t i = ss; i < se; i++)
			{
				int			g = d->gold[i],
							p = pred[i];

				if (g != p)
				{
					wt_update(W, keys + (i - ss) * NX_NER_MAXFEAT, nkeys[i - ss], g, 1.0f);
					wt_update(W, keys + (i - ss) * NX_NER_MAXFEAT, nkeys[i - ss], p, -1.0f);
				}
				if (g != p || pg != pp)
				{
					W->trans[pg * NX_NER_NLABELS + g] += 1.0f;
					W->trans_u[pg * NX_NER_NLABELS + g] += (float) W->c;
					W->trans[pp * NX_NER_NLABELS + p] -= 1.0f;
					W->trans_u[pp * NX_NER_NLABELS + p] -= (float) W->c;
				}
				pg = g;
				pp = p;
			}
			W->c += 1;
		}
		nx_ner_doc_observe(&ctx, ss, se, pred + ss);
	}
	nx_ner_doc_free(&ctx, &nx_malloc_allocator);
}

static double
evaluate(weights_t *W, const nx_ner_gaz *gaz, corpus_t *c, int avg, int verbose)
{
	prf_t		r;

	memset(&r, 0, sizeof(r));
	for (size_t i = 0; i < c->n; i++)
	{
		doc_t	   *d = &c->docs[i];
		uint8_t    *pred = xmalloc(d->toks.ntok + 1);
		size_t		np = 0;
		uint32_t   *ps = xmalloc((d->toks.ntok + 1) * 4),
				   *pe = xmalloc((d->toks.ntok + 1) * 4);
		uint8_t    *pk = xmalloc(d->toks.ntok + 1);

		run_doc(W, gaz, d, 0, avg, pred);
		spans_of(pred, d->toks.ntok, &d->toks, 0, ps, pe, pk, &np);
		for (size_t a = 0; a < np; a++)
		{
			int			hit = 0;

			for (size_t b = 0; b < d->nspans; b++)
				if (d->sp_start[b] == ps[a] && d->sp_end[b] == pe[a] && d->sp_kind[b] == pk[a])
					hit = 1;
			if (hit)
				r.tp[pk[a]]++;
			else
				r.fp[pk[a]]++;
		}
		for (size_t b = 0; b < d->nspans; b++)
		{
			int			hit = 0;

			for (size_t a = 0; a < np; a++)
				if (d->sp_start[b] == ps[a] && d->sp_end[b] == pe[a] && d->sp_kind[b] == pk[a])
					hit = 1;
			if (!hit)
				r.fn[d->sp_kind[b]]++;
		}
		free(pred);
		free(ps);
		free(pe);
		free(pk);
	}
	{
		long		tp = 0,
					fp = 0,
					fn = 0;
		double		p,
					rc,
					f;

		for (int k = 0; k < 4; k++)
		{
			tp += r.tp[k];
			fp += r.fp[k];
			fn += r.fn[k];
			if (verbose)
			{
				p = r.tp[k] ? (double) r.tp[k] / (r.tp[k] + r.fp[k]) : 0;
				rc = r.tp[k] ? (double) r.tp[k] / (r.tp[k] + r.fn[k]) : 0;
				fprintf(stderr, "  %-4s P %.4f R %.4f F1 %.4f\n", KIND_NAMES[k], p, rc, p + rc > 0 ? 2 * p * rc / (p + rc) : 0);
			}
		}
		p = tp ? (double) tp / (tp + fp) : 0;
		rc = tp ? (double) tp / (tp + fn) : 0;
		f = p + rc > 0 ? 2 * p * rc / (p + rc) : 0;
		fprintf(stderr, "  all  P %.4f R %.4f F1 %.4f\n", p, rc, f);
		return f;
	}
}

/* ----------------------------------------------------------------- gazetteer */

typedef struct
{
	uint64_t   *keys;
	uint8_t    *cls;
	uint32_t	bits;
	uint32_t	maxlen;
	size_t		n;
	/* word classes */
	uint64_t   *clu_keys;
	uint32_t   *clu_codes;
	uint32_t	clu_bits;
	size_t		clu_n;
} gazbuild_t;

/*
 * Word classes from tools/model/clusters.c: lines "<hex exact-form hash> <c0> <c1> <c2>", stored
 * as a table at most half full, keyed by nx_clu_key. Must come after load_gaz (which clears view).
 */
static void
load_clusters(const char *path, gazbuild_t *g, nx_ner_gaz *view)
{
	FILE	   *f = fopen(path, "rb");
	char		line[256];
	size_t		nlines = 0;
	uint32_t	mask;

	if (!f)
	{
		perror(path);
		exit(1);
	}
	while (fgets(line, sizeof(line), f))
		nlines++;
	rewind(f);
	g->clu_bits = 4;
	while (((size_t) 1 << g->clu_bits) < nlines * 2 + 2)
		g->clu_bits++;
	mask = (1u << g->clu_bits) - 1;
	g->clu_keys = xmalloc(((size_t) mask + 1) * 8);
	g->clu_codes = xmalloc(((size_t) mask + 1) * 4);
	while (fgets(line, sizeof(line), f))
	{
		unsigned long long hw;
		unsigned	c[NX_CLU_LEVELS];
		uint32_t	code = NX_CLU_KNOWN,
					s;
		uint64_t	k;

		if (sscanf(line, "%llx %u %u %u", &hw, &c[0], &c[1], &c[2]) != 1 + NX_CLU_LEVELS)
		{
			fprintf(stderr, "%s: bad line\n", path);
			exit(1);
		}
		for (int l = 0; l < NX_CLU_LEVELS; l++)
		{
			if (c[l] >= (1u << NX_CLU_BITS))
			{
				fprintf(stderr, "%s: class out of range\n", path);
				exit(1);
			}
			code |= (uint32_t) c[l] << (l * NX_CLU_BITS);
		}
		k = nx_clu_key((uint64_t) hw);
		s = nx_clu_home(k, mask);
		while (g->clu_keys[s] != 0 && g->clu_keys[s] != k)
			s = (s + 1) & mask;
		if (g->clu_keys[s] == 0)
			g->clu_n++;
		g->clu_keys[s] = k;
		g->clu_codes[s] = code;
	}
	fclose(f);
	view->clu_mask = mask;
	view->clu_keys = g->clu_keys;
	view->clu_codes = g->clu_codes;
	fprintf(stderr, "word classes: %zu words, %u slots\n", g->clu_n, mask + 1);
}

static void
load_gaz(const char *path, gazbuild_t *g, nx_ner_gaz *view)
{
	FILE	   *f;
	char		line[1024];
	uint32_t	mask;

	memset(g, 0, sizeof(*g));
	memset(view, 0, sizeof(*view));
	if (!path)
		return;
	f = fopen(path, "rb");
	if (!f)
	{
		perror(path);
		exit(1);
	}
	g->bits = 20;			/* shrunk to fit at export */
	mask = (1u << g->bits) - 1;
	g->keys = xmalloc(((size_t) mask + 1) * 8);
	g->cls = xmalloc((size_t) mask + 1);
	while (fgets(line, sizeof(line), f))
	{
		char	   *tab = strchr(line, '\t');
		int			cls;
		nx_ner_tokens t;
		uint64_t	hl[16];
		uint64_t	k;
		uint32_t	s;

		if (line[0] == '#' || !tab)
			continue;
		*tab = 0;
		cls = atoi(line);
		line[strcspn(tab + 1, "\r\n") + (tab + 1 - line)] = 0;
		if (nx_ner_tokenize(tab + 1, strlen(tab + 1), &nx_malloc_allocator, &t) < 0 || t.ntok == 0 || t.ntok > 16)
		{
			nx_ner_tokens_free(&t, &nx_malloc_allocator);
			continue;
		}
		for (size_t i = 0; i < t.ntok; i++)
			hl[i] = nx_hash_lower(tab + 1 + t.tok[i].start, t.tok[i].end - t.tok[i].start);
		/* the entry, and its proper prefixes marked 0x80 so matching can stop early */
		for (size_t L = 1; L <= t.ntok; L++)
		{
			k = nx_gaz_key(hl, L);
			s = (uint32_t) (k >> 7) & mask;
			while (g->keys[s] != 0 && g->keys[s] != k)
				s = (s + 1) & mask;
			if (g->keys[s] == 0)
			{
				g->n++;
				if (g->n * 2 > mask)
				{
					fprintf(stderr, "gazetteer too large\n");
					exit(1);
				}
			}
			g->keys[s] = k;
			g->cls[s] |= (uint8_t) (L == t.ntok ? cls : NX_GAZ_PREFIX);
		}
		if (t.ntok > g->maxlen)
			g->maxlen = (uint32_t) t.ntok;
		nx_ner_tokens_free(&t, &nx_malloc_allocator);
	}
	fclose(f);
	view->mask = mask;
	view->maxlen = g->maxlen;
	view->keys = g->keys;
	view->cls = g->cls;
	fprintf(stderr, "gazetteer: %zu entries, longest %u tokens\n", g->n, g->maxlen);
}

/* ---------------------------------------------------------- word statistics */

typedef struct
{
	uint64_t	hl;
	uint32_t	cap,
				low,
				per,
				org,
				loc;
} lexent;

static int
tok_is(const char *text, const nx_ner_token *t, const char *const *list)
{
	size_t		n = t->end - t->start;

	for (int i = 0; list[i]; i++)
		if (strlen(list[i]) == n && strncasecmp(text + t->start, list[i], n) == 0)
			return 1;
	return 0;
}

static void
gaz_insert(gazbuild_t *g, uint64_t k, uint8_t cls, int or_bits)
{
	uint32_t	mask = (1u << g->bits) - 1;
	uint32_t	s = (uint32_t) (k >> 7) & mask;

	while (g->keys[s] != 0 && g->keys[s] != k)
		s = (s + 1) & mask;
	if (g->keys[s] == 0)
	{
		g->n++;
		if (g->n * 2 > mask)
		{
			fprintf(stderr, "gazetteer table full\n");
			exit(1);
		}
	}
	g->keys[s] = k;
	g->cls[s] = or_bits ? (uint8_t) (g->cls[s] | cls) : cls;
}

static int
bucket(uint32_t part, uint32_t whole)
{
	if (part == 0 || whole == 0)
		return 0;
	if (part * 5 < whole)
		return 1;
	if (part * 2 < whole)
		return 2;
	return 3;
}

/* statistics of capitalised words in unlabelled text (a conll_prep.py-format file) */
static void
build_lex(const char *path, gazbuild_t *g, nx_ner_gaz *view, int min_count)
{
	static const char *const titles[] = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "minister",
		"secretary", "chairman", "senator", "sen.", "gov.", "governor", "judge", "general", "gen.", "prince", "king",
	"queen", "spokesman", "spokeswoman", "analyst", "director", "executive", "chief", "leader", "premier", NULL};
	static const char *const corp[] = {"inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "group",
	"bank", "ag", "sa", "nv", "llc", "holdings", "international", "industries", "corporation", "company", NULL};
	static const char *const locp[] = {"in", "at", "from", "near", "outside", "across", "to", NULL};
	uint32_t	bits = 21,
				mask = (1u << bits) - 1;
	lexent	   *tab = xmalloc(((size_t) mask + 1) * sizeof(lexent));
	size_t		ntypes = 0,
				kept = 0,
				ndocs = 0,
				ntok = 0;
	corpus_t	c;

	load_corpus(path, &c);
	for (size_t di = 0; di < c.n; di++)
	{
		doc_t	   *d = &c.docs[di];
		const char *text = d->text;
		uint64_t   *hl = xmalloc((d->toks.ntok + 1) * 8);

		ndocs++;
		ntok += d->toks.ntok;
		for (size_t i = 0; i < d->toks.ntok; i++)
			hl[i] = nx_hash_lower(text + d->toks.tok[i].start, d->toks.tok[i].end - d->toks.tok[i].start);
		for (size_t i = 0; i < d->toks.ntok; i++)
		{
			const nx_ner_token *t = &d->toks.tok[i];
			uint32_t	s;
			lexent	   *e;
			int			cap;

			if (!(t->flags & NX_TF_HAS_LOWER))
				continue;
			if (t->flags & NX_TF_HAS_UPPER)
			{
				if (!(t->flags & NX_TF_UPPER_INIT) || (t->flags & (NX_TF_SENT_START | NX_TF_CAPS_LINE)))
					continue;
				cap = 1;
			}
			else
				cap = 0;
			s = (uint32_t) nx_mix64(hl[i]) & mask;
			while (tab[s].hl != 0 && tab[s].hl != hl[i])
				s = (s + 1) & mask;
			e = &tab[s];
			if (e->hl == 0)
			{
				e->hl = hl[i];
				if (++ntypes * 2 > mask)
				{
					fprintf(stderr, "word statistics table full\n");
					exit(1);
				}
			}
			if (!cap)
			{
				e->low++;
				continue;
			}
			e->cap++;
			if (i > 0 && !(t->flags & NX_TF_SENT_START))
			{
				const nx_ner_token *p = &d->toks.tok[i - 1];

				if (tok_is(text, p, titles))
					e->per++;
				else if ((p->flags & NX_TF_UPPER_INIT) && view->mask)
				{
					uint64_t	k = nx_gaz_key(&hl[i - 1], 1);
					uint32_t	gs = (uint32_t) (k >> 7) & view->mask;

					while (view->keys[gs] != 0 && view->keys[gs] != k)
						gs = (gs + 1) & view->mask;
					if (view->keys[gs] == k && (view->cls[gs] & NX_GAZ_FIRSTNAME))
						e->per++;
				}
				if (tok_is(text, p, locp))
					e->loc++;
			}
			if (i + 1 < d->toks.ntok && !(d->toks.tok[i + 1].flags & NX_TF_SENT_START) &&
				tok_is(text, &d->toks.tok[i + 1], corp))
				e->org++;
		}
		free(hl);
	}
	for (uint32_t s = 0; s <= mask; s++)
	{
		lexent	   *e = &tab[s];
		uint8_t		code;

		if (e->hl == 0 || e->cap + e->low < (uint32_t) min_count)
			continue;
		code = (uint8_t) (bucket(e->cap, e->cap + e->low) | bucket(e->per, e->cap) << 2 |
						  bucket(e->org, e->cap) << 4 | bucket(e->loc, e->cap) << 6);
		gaz_insert(g, nx_lex_key(e->hl), code, 0);
		kept++;
	}
	fprintf(stderr, "word statistics: %zu documents, %zu tokens, %zu word types, %zu kept (>= %d occurrences)\n",
			ndocs, ntok, ntypes, kept, min_count);
	free(tab);
}

/* shrink the gazetteer table to the smallest power of two at most half full */
static void
compact_gaz(gazbuild_t *g, nx_ner_gaz *view)
{
	uint32_t	bits = 4,
				omask = (1u << g->bits) - 1;
	uint64_t   *ok = g->keys;
	uint8_t    *oc = g->cls;

	while (((size_t) 1 << bits) < g->n * 2 + 2)
		bits++;
	g->bits = bits;
	g->keys = xmalloc(((size_t) 1 << bits) * 8);
	g->cls = xmalloc((size_t) 1 << bits);
	g->n = 0;
	for (uint32_t s = 0; s <= omask; s++)
		if (ok[s])
			gaz_insert(g, ok[s], oc[s], 0);
	free(ok);
	free(oc);
	view->mask = (1u << bits) - 1;
	view->keys = g->keys;
	view->cls = g->cls;
}

/* ------------------------------------------------------------------ export */

static void
pad8(FILE *f, uint64_t *off)
{
	while (*off % 8)
	{
		fputc(0, f);
		(*off)++;
	}
}

static void
export_model(weights_t *W, const gazbuild_t *g, const char *out, const char *version, double prune)
{
	float	   *avgw = xmalloc(W->nrows * NX_NER_NLABELS * sizeof(float));
	float		maxabs = 0;
	size_t		kept = 0;
	uint32_t	slot_bits = 4;
	uint64_t   *slots;
	int16_t    *rows;
	uint32_t   *rowmap;
	nx_ner_header h;
	float		trans[(NX_NER_NLABELS + 1) * NX_NER_NLABELS];
	FILE	   *f;
	uint64_t	off;

	for (size_t r = 0; r < W->nrows; r++)
		for (int y = 0; y < NX_NER_NLABELS; y++)
		{
			float		v = W->w[r * NX_NER_NLABELS + y] - (float) (W->u[r * NX_NER_NLABELS + y] / W->c);

			avgw[r * NX_NER_NLABELS + y] = v;
			if (fabsf(v) > maxabs)
				maxabs = fabsf(v);
		}
	if (maxabs == 0)
		maxabs = 1;
	/* keep rows whose largest weight survives pruning and quantization */
	rowmap = xmalloc(W->nrows * sizeof(uint32_t));
	for (size_t r = 0; r < W->nrows; r++)
	{
		float		m = 0;

		for (int y = 0; y < NX_NER_NLABELS; y++)
			if (fabsf(avgw[r * NX_NER_NLABELS + y]) > m)
				m = fabsf(avgw[r * NX_NER_NLABELS + y]);
		rowmap[r] = (m >= prune && m * 32767.0f / maxabs >= 0.5f) ? (uint32_t) ++kept : 0;
	}
	while (((size_t) 1 << slot_bits) < kept * 2)
		slot_bits++;
	slots = xmalloc(((size_t) 1 << slot_bits) * 8);
	rows = xmalloc((kept + 1) * NX_NER_NLABELS * sizeof(int16_t));
	/* insert in the training table's slot order: deterministic */
	for (uint64_t s = 0; s <= W->mask; s++)
	{
		uint64_t	k = W->keys[s];
		uint32_t	r,
					nr;
		uint64_t	t;

		if (k == 0)
			continue;
		r = W->idx[s];
		nr = rowmap[r];
		if (!nr)
			continue;
		for (int y = 0; y < NX_NER_NLABELS; y++)
			rows[(size_t) (nr - 1) * NX_NER_NLABELS + y] =
				(int16_t) lrintf(avgw[(size_t) r * NX_NER_NLABELS + y] * 32767.0f / maxabs);
		t = k & (((uint64_t) 1 << slot_bits) - 1);
		while (slots[t] != 0)
			t = (t + 1) & (((uint64_t) 1 << slot_bits) - 1);
		slots[t] = ((k >> 32) << 32) | nr;
	}
	trans_matrix(W, 1, trans);

	memset(&h, 0, sizeof(h));
	memcpy(h.magic, NX_NER_MAGIC, 8);
	h.format = NX_NER_FORMAT;
	h.nlabels = NX_NER_NLABELS;
	h.slot_bits = slot_bits;
	h.nrows = (uint32_t) kept;
	h.gaz_bits = g->keys ? g->bits : 0;
	h.gaz_maxlen = g->maxlen;
	h.clu_bits = g->clu_keys ? g->clu_bits : 0;
	h.scale = maxabs / 32767.0f;
	snprintf(h.version, sizeof(h.version), "%s", version);
	off = sizeof(h);
	off = (off + 7) & ~(uint64_t) 7;
	h.off_trans = off;
	off += sizeof(trans);
	off = (off + 7) & ~(uint64_t) 7;
	h.off_slots = off;
	off += ((uint64_t) 1 << slot_bits) * 8;
	h.off_rows = off;
	off += (uint64_t) kept * NX_NER_NLABELS * 2;
	off = (off + 7) & ~(uint64_t) 7;
	h.off_gaz_keys = off;
	if (g->keys)
		off += ((uint64_t) 1 << g->bits) * 8;
	h.off_gaz_cls = off;
	if (g->keys)
		off += (uint64_t) 1 << g->bits;
	off = (off + 7) & ~(uint64_t) 7;
	h.off_clu_keys = off;
	if (g->clu_keys)
		off += ((uint64_t) 1 << g->clu_bits) * 8;
	h.off_clu_codes = off;
	if (g->clu_keys)
		off += ((uint64_t) 1 << g->clu_bits) * 4;
	off = (off + 7) & ~(uint64_t) 7;
	h.total_size = off;

	f = fopen(out, "wb");
	if (!f)
	{
		perror(out);
		exit(1);
	}
	off = 0;
	fwrite(&h, sizeof(h), 1, f);
	off += sizeof(h);
	pad8(f, &off);
	fwrite(trans, sizeof(trans), 1, f);
	off += sizeof(trans);
	pad8(f, &off);
	fwrite(slots, 8, (size_t) 1 << slot_bits, f);
	off += ((uint64_t) 1 << slot_bits) * 8;
	fwrite(rows, 2, kept * NX_NER_NLABELS, f);
	off += kept * NX_NER_NLABELS * 2;
	pad8(f, &off);
	if (g->keys)
	{
		fwrite(g->keys, 8, (size_t) 1 << g->bits, f);
		fwrite(g->cls, 1, (size_t) 1 << g->bits, f);
		off += ((uint64_t) 1 << g->bits) * 9;
	}
	pad8(f, &off);
	if (g->clu_keys)
	{
		fwrite(g->clu_keys, 8, (size_t) 1 << g->clu_bits, f);
		fwrite(g->clu_codes, 4, (size_t) 1 << g->clu_bits, f);
		off += ((uint64_t) 1 << g->clu_bits) * 12;
	}
	pad8(f, &off);
	fclose(f);
	fprintf(stderr, "wrote %s: %zu of %zu feature rows, %llu bytes\n", out, kept, W->nrows,
			(unsigned long long) h.total_size);
	free(avgw);
	free(rowmap);
	free(slots);
	free(rows);
}

int
main(int argc, char **argv)
{
	const char *trainp = NULL,
			   *devp = NULL,
			   *gazp = NULL,
			   *lexp = NULL,
			   *clup = NULL,
			   *outp = "model/newsext_ner.bin",
			   *version = "newsext-ner";
	int			epochs = 10;
	int			models = 1;
	double		prune = 0.0;
	corpus_t	tr,
				dv;
	weights_t	W,
				E;
	gazbuild_t	gb;
	nx_ner_gaz	gaz;
	size_t	   *order;
	uint64_t	rng = 0x5eed;

	for (int i = 1; i < argc; i++)
	{
		if (!strcmp(argv[i], "--train") && i + 1 < argc)
			trainp = argv[++i];
		else if (!strcmp(argv[i], "--dev") && i + 1 < argc)
			devp = argv[++i];
		else if (!strcmp(argv[i], "--gaz") && i + 1 < argc)
			gazp = argv[++i];
		else if (!strcmp(argv[i], "--lex") && i + 1 < argc)
			lexp = argv[++i];
		else if (!strcmp(argv[i], "--clusters") && i + 1 < argc)
			clup = argv[++i];
		else if (!strcmp(argv[i], "--out") && i + 1 < argc)
			outp = argv[++i];
		else if (!strcmp(argv[i], "--epochs") && i + 1 < argc)
			epochs = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--prune") && i + 1 < argc)
			prune = atof(argv[++i]);
		else if (!strcmp(argv[i], "--models") && i + 1 < argc)
			models = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
			rng = strtoull(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--version") && i + 1 < argc)
			version = argv[++i];
		else
		{
			fprintf(stderr, "usage: train --train FILE [--dev FILE] [--gaz FILE] [--lex FILE] [--clusters FILE] [--epochs N] [--prune X] [--seed N] [--out FILE] [--version STR]\n");
			return 2;
		}
	}
	if (!trainp)
	{
		fprintf(stderr, "train: --train is required\n");
		return 2;
	}
	load_gaz(gazp, &gb, &gaz);
	if (lexp && gb.keys)
		build_lex(lexp, &gb, &gaz, 3);
	if (gb.keys)
		compact_gaz(&gb, &gaz);
	if (clup)
		load_clusters(clup, &gb, &gaz);
	load_corpus(trainp, &tr);
	if (devp)
		load_corpus(devp, &dv);
	order = xmalloc(tr.n * sizeof(size_t));
	if (models > 1)
		wt_init(&E, 24);
	for (int mi = 0; mi < models; mi++)
	{
		wt_init(&W, 24);
		for (size_t i = 0; i < tr.n; i++)
			order[i] = i;
		for (int ep = 1; ep <= epochs; ep++)
		{
			/* deterministic Fisher-Yates shuffle */
			for (size_t i = tr.n; i > 1; i--)
			{
				size_t		j,
							t;

				rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
				j = (size_t) ((rng >> 33) % i);
				t = order[i - 1];
				order[i - 1] = order[j];
				order[j] = t;
			}
			for (size_t i = 0; i < tr.n; i++)
			{
				doc_t	   *d = &tr.docs[order[i]];
				uint8_t    *pred = xmalloc(d->toks.ntok + 1);

				run_doc(&W, &gaz, d, 1, 0, pred);
				free(pred);
			}
			fprintf(stderr, "model %d epoch %d: %zu feature rows\n", mi + 1, ep, W.nrows);
			if (devp && (ep == epochs || models == 1))
				evaluate(&W, &gaz, &dv, 1, ep == epochs && models == 1);
		}
		if (models > 1)
		{
			/* the ensemble: the mean of the models' averaged weights */
			for (uint64_t sl = 0; sl <= W.mask; sl++)
			{
				int64_t		r,
							q;

				if (W.keys[sl] == 0)
					continue;
				q = W.idx[sl];
				r = wt_find(&E, W.keys[sl], 1, &E);
				for (int y = 0; y < NX_NER_NLABELS; y++)
					E.w[r * NX_NER_NLABELS + y] += (W.w[q * NX_NER_NLABELS + y] -
													(float) (W.u[q * NX_NER_NLABELS + y] / W.c)) / (float) models;
			}
			for (int t = 0; t < (NX_NER_NLABELS + 1) * NX_NER_NLABELS; t++)
				E.trans[t] += (W.trans[t] - (float) (W.trans_u[t] / W.c)) / (float) models;
			free(W.keys);
			free(W.idx);
			free(W.w);
			free(W.u);
		}
	}
	if (models > 1)
	{
		W = E;
		if (devp)
		{
			fprintf(stderr, "ensemble of %d:\n", models);
			evaluate(&W, &gaz, &dv, 1, 1);
		}
	}
	export_model(&W, &gb, outp, version, prune);
	return 0;
}
