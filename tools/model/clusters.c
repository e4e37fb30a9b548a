/*
 * clusters.c - word classes learned from unlabelled text, for the entity tagger's cluster features.
 *
 *   clusters [--classes 64,256,1024] [--min-count 3] [--contexts 10000] [--iters 10] [--show-words] FILE... > out
 *
 * FILEs are in tools/model/conll_prep.py's format (gold spans ignored). Text is tokenized by the
 * runtime tokenizer; a word is its exact form (nx_ner_doc's hw hash, so case is kept: "Apple" and
 * "apple" are two words). Every word seen at least --min-count times gets one class per
 * granularity from an exchange algorithm (Kneser and Ney 1993; Martin, Liebermann and Ney 1998)
 * with a two-sided predictive class-bigram objective (Uszkoreit and Brants 2008 use one side):
 * maximise sum_v,c [F(L[v][c]) + F(R[v][c])] - 2 sum_c F(N[c]), F(x) = x log x, where L[v][c]
 * counts context word v right before a word of class c, R[v][c] right after one, N[c] the
 * tokens of class c. Contexts are the --contexts most frequent words, one "rarer word" context
 * and one sentence-boundary context. Each granularity is a separate run.
 *
 * Deterministic (fixed word order, fixed initial classes, no threads, no clock): the same input
 * gives the same output. Output: one line per word, most frequent first (--show-words: the word
 * instead of its hash, for inspection only):
 *   <16 hex digits: nx_hash_bytes of the word> <class at each granularity>
 * No text is written, only hashes.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ner_model.h"
#include "ner_tok.h"

#define MAX_LEVELS 3

/* --show-words: write the words instead of their hashes (for looking at the classes; such a
 * file holds corpus vocabulary, so it is never committed or put into a model) */
static int	show_words = 0;

typedef struct
{
	uint64_t	hw;				/* 0 = empty */
	uint32_t	count;
	uint32_t	id;
} vocab_slot;

typedef struct
{
	vocab_slot *slot;
	uint64_t	mask;
	uint32_t	n;
	uint64_t   *hw_of;			/* id -> hash */
	uint32_t   *count_of;		/* id -> count */
	char	  **form_of;		/* id -> the word, kept only for --show-words */
	size_t		cap;
} vocab_t;

/* the corpus as word ids; BOUNDARY separates sentences */
#define BOUNDARY 0xffffffffu

typedef struct
{
	uint32_t   *ids;
	size_t		n,
				cap;
} stream_t;

/* per clustered word: its context counts on each side (CSR) */
typedef struct
{
	size_t	   *lstart,
			   *rstart;
	uint32_t   *lctx,
			   *lcnt,
			   *rctx,
			   *rcnt;
} pairs_t;

static void *
xcalloc(size_t n, size_t size)
{
	void	   *p = calloc(n ? n : 1, size);

	if (!p)
	{
		fprintf(stderr, "clusters: out of memory\n");
		exit(1);
	}
	return p;
}

static uint32_t
vocab_id(vocab_t *v, uint64_t hw, const char *form, size_t len)
{
	uint64_t	s = nx_mix64(hw) & v->mask;

	while (v->slot[s].hw != 0 && v->slot[s].hw != hw)
		s = (s + 1) & v->mask;
	if (v->slot[s].hw == 0)
	{
		if ((uint64_t) (v->n + 1) * 2 > v->mask)
		{
			fprintf(stderr, "clusters: vocabulary table full\n");
			exit(1);
		}
		if (v->n == v->cap)
		{
			v->cap = v->cap ? v->cap * 2 : 65536;
			v->hw_of = realloc(v->hw_of, v->cap * sizeof(uint64_t));
			v->count_of = realloc(v->count_of, v->cap * sizeof(uint32_t));
			v->form_of = realloc(v->form_of, v->cap * sizeof(char *));
			if (!v->hw_of || !v->count_of || !v->form_of)
				exit(1);
		}
		v->form_of[v->n] = NULL;
		if (show_words)
		{
			v->form_of[v->n] = xcalloc(len + 1, 1);
			memcpy(v->form_of[v->n], form, len);
		}
		v->slot[s].hw = hw;
		v->slot[s].id = v->n;
		v->hw_of[v->n] = hw;
		v->count_of[v->n] = 0;
		v->n++;
	}
	v->count_of[v->slot[s].id]++;
	return v->slot[s].id;
}

static void
stream_push(stream_t *st, uint32_t id)
{
	if (st->n == st->cap)
	{
		st->cap = st->cap ? st->cap * 2 : (1u << 20);
		st->ids = realloc(st->ids, st->cap * sizeof(uint32_t));
		if (!st->ids)
			exit(1);
	}
	st->ids[st->n++] = id;
}

/* tokenize one document and append its words, one BOUNDARY after each sentence */
static void
add_text(const char *text, size_t len, vocab_t *v, stream_t *st)
{
	nx_ner_tokens toks;
	nx_ner_doc	d;

	if (nx_ner_tokenize(text, len, &nx_malloc_allocator, &toks) < 0 ||
		nx_ner_doc_init(&d, text, &toks, NULL, &nx_malloc_allocator) < 0)
	{
		fprintf(stderr, "clusters: tokenizing failed\n");
		exit(1);
	}
	for (size_t s = 0; s < toks.nsent; s++)
	{
		for (size_t i = toks.sent[s]; i < toks.sent[s + 1]; i++)
			stream_push(st, vocab_id(v, d.hw[i], text + toks.tok[i].start,
									 toks.tok[i].end - toks.tok[i].start));
		stream_push(st, BOUNDARY);
	}
	nx_ner_doc_free(&d, &nx_malloc_allocator);
	nx_ner_tokens_free(&toks, &nx_malloc_allocator);
}

static void
read_file(const char *path, vocab_t *v, stream_t *st)
{
	FILE	   *f = fopen(path, "rb");
	char		line[4096];

	if (!f)
	{
		perror(path);
		exit(1);
	}
	while (fgets(line, sizeof(line), f))
	{
		if (line[0] == 'T')
		{
			size_t		len = strtoul(line + 2, NULL, 10);
			char	   *text = xcalloc(len + 1, 1);

			if (fread(text, 1, len, f) != len || fgetc(f) != '\n')
			{
				fprintf(stderr, "%s: truncated text\n", path);
				exit(1);
			}
			add_text(text, len, v, st);
			free(text);
		}
	}
	fclose(f);
}

static const vocab_t *sort_vocab;

/* most frequent first; equal counts by hash, so the order does not depend on the input order */
static int
by_count(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *) a,
				y = *(const uint32_t *) b;
	uint32_t	cx = sort_vocab->count_of[x],
				cy = sort_vocab->count_of[y];

	if (cx != cy)
		return cx > cy ? -1 : 1;
	return sort_vocab->hw_of[x] < sort_vocab->hw_of[y] ? -1 : sort_vocab->hw_of[x] > sort_vocab->hw_of[y];
}

static int
by_u64(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *) a,
				y = *(const uint64_t *) b;

	return x < y ? -1 : x > y;
}

/*
 * Context counts of the clustered words (rank < nwords) on one side: pairs (word, context)
 * sorted and summed into CSR rows. ctx_of maps a rank to its context id.
 */
static void
side_pairs(const stream_t *st, const uint32_t *rank, const uint32_t *ctx_of, uint32_t nwords,
		   uint32_t boundary_ctx, int right, size_t **start, uint32_t **ctx, uint32_t **cnt)
{
	uint64_t   *keys = xcalloc(st->n, sizeof(uint64_t));
	size_t		nk = 0,
				np = 0;

	for (size_t i = 0; i < st->n; i++)
	{
		uint32_t	w = st->ids[i],
					r,
					c;
		size_t		j;

		if (w == BOUNDARY || (r = rank[w]) >= nwords)
			continue;
		j = right ? i + 1 : i - 1;
		if ((!right && i == 0) || (right && j >= st->n) || st->ids[j] == BOUNDARY)
			c = boundary_ctx;
		else
			c = ctx_of[rank[st->ids[j]]];
		keys[nk++] = (uint64_t) r << 32 | c;
	}
	qsort(keys, nk, sizeof(uint64_t), by_u64);
	*start = xcalloc((size_t) nwords + 1, sizeof(size_t));
	*ctx = xcalloc(nk, sizeof(uint32_t));
	*cnt = xcalloc(nk, sizeof(uint32_t));
	for (size_t i = 0; i < nk; i++)
	{
		if (i == 0 || keys[i] != keys[i - 1])
		{
			(*ctx)[np++] = (uint32_t) keys[i];
			(*start)[(keys[i] >> 32) + 1]++;
		}
		(*cnt)[np - 1]++;
	}
	for (uint32_t r = 1; r <= nwords; r++)
		(*start)[r] += (*start)[r - 1];
	free(keys);
}

/* add (sign +1) or remove (-1) word r's counts to class c */
static void
move_word(const pairs_t *p, uint32_t r, uint32_t count, int32_t *L, int32_t *R, int64_t *N, uint32_t K,
		  uint32_t c, int sign)
{
	for (size_t k = p->lstart[r]; k < p->lstart[r + 1]; k++)
		L[(size_t) p->lctx[k] * K + c] += sign * (int32_t) p->lcnt[k];
	for (size_t k = p->rstart[r]; k < p->rstart[r + 1]; k++)
		R[(size_t) p->rctx[k] * K + c] += sign * (int32_t) p->rcnt[k];
	N[c] += sign * (int64_t) count;
}

static inline double
xlogx(const double *F, size_t nF, int64_t x)
{
	return (size_t) x < nF ? F[x] : (double) x * log((double) x);
}

/* one granularity: the exchange algorithm from classes assigned round-robin by frequency */
static void
exchange(const pairs_t *p, const uint32_t *count, uint32_t nwords, uint32_t nctx, uint32_t K, int iters,
		 const double *F, size_t nF, uint16_t *cls)
{
	int32_t    *L = xcalloc((size_t) nctx * K, sizeof(int32_t));
	int32_t    *R = xcalloc((size_t) nctx * K, sizeof(int32_t));
	int64_t    *N = xcalloc(K, sizeof(int64_t));
	double	   *gain = xcalloc(K, sizeof(double));
	clock_t		t0 = clock();

	for (uint32_t r = 0; r < nwords; r++)
	{
		cls[r] = (uint16_t) (r % K);
		move_word(p, r, count[r], L, R, N, K, cls[r], 1);
	}
	for (int it = 1; it <= iters; it++)
	{
		size_t		moved = 0;

		for (uint32_t r = 0; r < nwords; r++)
		{
			uint32_t	a = cls[r],
						best = a;

			move_word(p, r, count[r], L, R, N, K, a, -1);
			for (uint32_t b = 0; b < K; b++)
				gain[b] = -2.0 * (xlogx(F, nF, N[b] + count[r]) - xlogx(F, nF, N[b]));
			for (int side = 0; side < 2; side++)
			{
				const size_t *st = side ? p->rstart : p->lstart;
				const uint32_t *cx = side ? p->rctx : p->lctx,
						   *cn = side ? p->rcnt : p->lcnt;
				const int32_t *T = side ? R : L;

				for (size_t k = st[r]; k < st[r + 1]; k++)
				{
					const int32_t *row = T + (size_t) cx[k] * K;
					uint32_t	n = cn[k];

					for (uint32_t b = 0; b < K; b++)
						gain[b] += F[row[b] + n] - F[row[b]];
				}
			}
			for (uint32_t b = 0; b < K; b++)
				if (gain[b] > gain[best] + 1e-9)
					best = b;
			move_word(p, r, count[r], L, R, N, K, best, 1);
			if (best != a)
			{
				cls[r] = (uint16_t) best;
				moved++;
			}
		}
		fprintf(stderr, "clusters: %u classes, iteration %d: %zu of %u words moved (%.1f s CPU)\n",
				K, it, moved, nwords, (double) (clock() - t0) / CLOCKS_PER_SEC);
		if (moved * 1000 < nwords)
			break;
	}
	free(L);
	free(R);
	free(N);
	free(gain);
}

static int
parse_classes(const char *s, uint32_t *K)
{
	int			n = 0;

	while (*s && n < MAX_LEVELS)
	{
		char	   *end;
		unsigned long v = strtoul(s, &end, 10);

		if (end == s || v < 2 || v > 1024)
			return -1;
		K[n++] = (uint32_t) v;
		s = *end == ',' ? end + 1 : end;
		if (*end && *end != ',')
			return -1;
	}
	return *s ? -1 : n;
}

int
main(int argc, char **argv)
{
	uint32_t	K[MAX_LEVELS] = {64, 256, 1024};
	int			nlevels = 3,
				iters = 10;
	uint32_t	min_count = 3,
				ncontexts = 10000,
				nwords = 0;
	vocab_t		v = {0};
	stream_t	st = {0};
	uint32_t   *order,
			   *rank,
			   *ctx_of,
			   *count;
	pairs_t		p;
	double	   *F;
	size_t		nF;
	uint16_t   *cls[MAX_LEVELS];
	int			i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++)
	{
		if (!strcmp(argv[i], "--classes") && i + 1 < argc)
			nlevels = parse_classes(argv[++i], K);
		else if (!strcmp(argv[i], "--min-count") && i + 1 < argc)
			min_count = (uint32_t) strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--contexts") && i + 1 < argc)
			ncontexts = (uint32_t) strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--iters") && i + 1 < argc)
			iters = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--show-words"))
			show_words = 1;
		else
			nlevels = -1;
		if (nlevels < 1)
			break;
	}
	if (nlevels < 1 || i >= argc || min_count < 1 || ncontexts < 1)
	{
		fprintf(stderr, "usage: clusters [--classes K1,K2,K3 (2..1024)] [--min-count N] [--contexts N] [--iters N] [--show-words] FILE...\n");
		return 2;
	}
	v.mask = ((uint64_t) 1 << 23) - 1;
	v.slot = xcalloc(v.mask + 1, sizeof(vocab_slot));
	for (; i < argc; i++)
		read_file(argv[i], &v, &st);

	/* ranks by frequency; contexts: the top ncontexts, then "rarer word", then boundary */
	order = xcalloc(v.n, sizeof(uint32_t));
	rank = xcalloc(v.n, sizeof(uint32_t));
	ctx_of = xcalloc(v.n, sizeof(uint32_t));
	for (uint32_t w = 0; w < v.n; w++)
		order[w] = w;
	sort_vocab = &v;
	qsort(order, v.n, sizeof(uint32_t), by_count);
	count = xcalloc(v.n, sizeof(uint32_t));
	for (uint32_t r = 0; r < v.n; r++)
	{
		rank[order[r]] = r;
		count[r] = v.count_of[order[r]];
		ctx_of[r] = r < ncontexts ? r : ncontexts;
		if (count[r] >= min_count)
			nwords = r + 1;
	}
	if (ncontexts > v.n)
		ncontexts = v.n;
	for (uint32_t r = 0; r < v.n; r++)
		ctx_of[r] = r < ncontexts ? r : ncontexts;
	side_pairs(&st, rank, ctx_of, nwords, ncontexts + 1, 0, &p.lstart, &p.lctx, &p.lcnt);
	side_pairs(&st, rank, ctx_of, nwords, ncontexts + 1, 1, &p.rstart, &p.rctx, &p.rcnt);
	fprintf(stderr, "clusters: %zu tokens, %u word types, %u clustered (>= %u occurrences), %u contexts, "
			"%zu + %zu context pairs\n", st.n, v.n, nwords, min_count, ncontexts + 2,
			p.lstart[nwords], p.rstart[nwords]);

	/* x log x for every count a table cell can hold (at most the number of tokens) */
	nF = st.n + 2;
	F = xcalloc(nF, sizeof(double));
	for (size_t x = 1; x < nF; x++)
		F[x] = (double) x * log((double) x);
	for (int l = 0; l < nlevels; l++)
	{
		cls[l] = xcalloc(nwords ? nwords : 1, sizeof(uint16_t));
		exchange(&p, count, nwords, ncontexts + 2, K[l], iters, F, nF, cls[l]);
	}
	for (uint32_t r = 0; r < nwords; r++)
	{
		if (show_words)
			printf("%s", v.form_of[order[r]]);
		else
			printf("%016llx", (unsigned long long) v.hw_of[order[r]]);
		for (int l = 0; l < nlevels; l++)
			printf(" %u", cls[l][r]);
		putchar('\n');
	}
	return 0;
}
