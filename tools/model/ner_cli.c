/*
 * ner_cli.c - the entity tagger outside the database.
 *
 *   ner_cli MODEL show FILE        mentions, entities and quotes of one article
 *   ner_cli MODEL bench PREP [N]   tagging speed over a conll_prep.py file (N rounds)
 *   ner_cli MODEL eval PREP        end-to-end exact span+type P/R/F1 (mentions after canonicalisation)
 *   ner_cli MODEL dump PREP        "show" for every document of a conll_prep.py file (output checks)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ner.h"
#include "quotes.h"

static char *
slurp(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (!f)
	{
		perror(path);
		exit(1);
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = aligned_alloc(64, ((size_t) n + 64) & ~(size_t) 63);
	if (!buf || fread(buf, 1, (size_t) n, f) != (size_t) n)
	{
		fprintf(stderr, "read failed: %s\n", path);
		exit(1);
	}
	fclose(f);
	*len = (size_t) n;
	return buf;
}

typedef struct
{
	char	   *text;
	size_t		len;
	size_t		ns;
	uint32_t   *s,
			   *e;
	int		   *k;
} pdoc;

static pdoc *
load_prep(const char *path, size_t *nd)
{
	FILE	   *f = fopen(path, "rb");
	char		line[4096];
	pdoc	   *d = NULL;
	size_t		n = 0,
				cap = 0;
	static const char *kinds[] = {"PER", "ORG", "LOC", "MISC"};

	if (!f)
	{
		perror(path);
		exit(1);
	}
	while (fgets(line, sizeof(line), f))
	{
		if (line[0] == 'D')
		{
			if (n == cap)
			{
				cap = cap ? 2 * cap : 256;
				d = realloc(d, cap * sizeof(pdoc));
			}
			memset(&d[n++], 0, sizeof(pdoc));
		}
		else if (line[0] == 'T')
		{
			pdoc	   *p = &d[n - 1];

			p->len = strtoul(line + 2, NULL, 10);
			p->text = malloc(p->len + 1);
			if (fread(p->text, 1, p->len, f) != p->len)
				exit(1);
			(void) fgetc(f);
		}
		else if (line[0] == 'E')
		{
			pdoc	   *p = &d[n - 1];
			unsigned	s,
						e;
			char		k[16];

			if (sscanf(line + 2, "%u %u %15s", &s, &e, k) != 3)
				continue;
			p->s = realloc(p->s, (p->ns + 1) * 4);
			p->e = realloc(p->e, (p->ns + 1) * 4);
			p->k = realloc(p->k, (p->ns + 1) * sizeof(int));
			p->s[p->ns] = s;
			p->e[p->ns] = e;
			p->k[p->ns] = 0;
			for (int i = 0; i < 4; i++)
				if (!strcmp(k, kinds[i]))
					p->k[p->ns] = i;
			p->ns++;
		}
	}
	fclose(f);
	*nd = n;
	return d;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
show(const nx_ner_model *m, const char *text, size_t len, const nx_allocator *a, const char *pfx)
{
	nx_entity_list l;
	nx_quote_list q;

	if (nx_entities_extract(m, text, len, a, &l) < 0 || nx_quotes_extract(text, len, &l, a, &q) < 0)
		return 1;
	for (size_t i = 0; i < l.nmentions; i++)
		printf("%smention\t%u\t%.*s\t%s\t%s\n", pfx, l.mentions[i].start, (int) (l.mentions[i].end - l.mentions[i].start),
			   text + l.mentions[i].start, nx_entity_kind_name(l.mentions[i].kind), l.entities[l.mentions[i].entity].name);
	for (size_t i = 0; i < l.nentities; i++)
		printf("%sentity\t%s\t%s\t%u\t%u\n", pfx, l.entities[i].name, nx_entity_kind_name(l.entities[i].kind),
			   l.entities[i].mentions, l.entities[i].first_start);
	for (size_t i = 0; i < q.nquotes; i++)
		printf("%squote\t%u\t%s\t%.*s\n", pfx, q.quotes[i].start, q.quotes[i].speaker,
			   (int) (q.quotes[i].end - q.quotes[i].start), text + q.quotes[i].start);
	nx_quote_list_free(&q, a);
	nx_entity_list_free(&l, a);
	return 0;
}

int
main(int argc, char **argv)
{
	size_t		mlen;
	char	   *mbuf;
	nx_ner_model m;
	const char *err;
	const nx_allocator *a = &nx_malloc_allocator;

	if (argc < 4)
	{
		fprintf(stderr, "usage: ner_cli MODEL show FILE | dump PREP | bench PREP [ROUNDS] | eval PREP\n");
		return 2;
	}
	mbuf = slurp(argv[1], &mlen);
	if (nx_ner_model_open(mbuf, mlen, &m, &err) < 0)
	{
		fprintf(stderr, "%s: %s\n", argv[1], err);
		return 1;
	}
	/* the word-feature cache, as the extension uses it (NX_NO_WCACHE=1: without) */
	if (!getenv("NX_NO_WCACHE"))
		nx_ner_model_set_cache(&m, malloc(nx_ner_wcache_size()));
	if (!strcmp(argv[2], "show"))
	{
		size_t		len;
		char	   *text = slurp(argv[3], &len);

		return show(&m, text, len, a, "");
	}
	if (!strcmp(argv[2], "dump"))
	{
		size_t		nd;
		pdoc	   *d = load_prep(argv[3], &nd);

		for (size_t i = 0; i < nd; i++)
		{
			char		pfx[32];

			snprintf(pfx, sizeof(pfx), "%zu\t", i);
			if (show(&m, d[i].text, d[i].len, a, pfx) != 0)
				return 1;
		}
		return 0;
	}
	if (!strcmp(argv[2], "bench"))
	{
		size_t		nd,
					ntok = 0,
					bytes = 0;
		pdoc	   *d = load_prep(argv[3], &nd);
		int			rounds = argc > 4 ? atoi(argv[4]) : 5;
		nx_ner_tokens *tk = calloc(nd, sizeof(nx_ner_tokens));
		double		t0,
					t_tok = 0,
					t_tag = 0,
					t_all = 0;

		for (int r = 0; r < rounds; r++)
		{
			t0 = now();
			for (size_t i = 0; i < nd; i++)
			{
				if (r > 0)
					nx_ner_tokens_free(&tk[i], a);
				nx_ner_tokenize(d[i].text, d[i].len, a, &tk[i]);
			}
			t_tok += now() - t0;
			t0 = now();
			for (size_t i = 0; i < nd; i++)
			{
				uint8_t    *lab = malloc(tk[i].ntok + 1);

				nx_ner_tag(&m, d[i].text, &tk[i], a, lab);
				free(lab);
			}
			t_tag += now() - t0;
			t0 = now();
			for (size_t i = 0; i < nd; i++)
			{
				nx_entity_list l;

				nx_entities_extract(&m, d[i].text, d[i].len, a, &l);
				nx_entity_list_free(&l, a);
			}
			t_all += now() - t0;
		}
		for (size_t i = 0; i < nd; i++)
		{
			ntok += tk[i].ntok;
			bytes += d[i].len;
		}
		printf("documents %zu, tokens %zu, bytes %zu, rounds %d\n", nd, ntok, bytes, rounds);
		printf("tokenize:            %.2f M tokens/s\n", ntok * rounds / t_tok / 1e6);
		printf("tag (features+Viterbi): %.2f M tokens/s\n", ntok * rounds / t_tag / 1e6);
		printf("entities end to end: %.2f M tokens/s, %.1f MB/s, %.0f docs/s\n", ntok * rounds / t_all / 1e6,
			   bytes * rounds / t_all / 1e6, nd * rounds / t_all);
		return 0;
	}
	if (!strcmp(argv[2], "eval"))
	{
		size_t		nd;
		pdoc	   *d = load_prep(argv[3], &nd);
		long		tp[4] = {0},
					fp[4] = {0},
					fn[4] = {0};
		static const char *kn[] = {"PER", "ORG", "LOC", "MISC"};
		long		T = 0,
					F = 0,
					N = 0;

		for (size_t i = 0; i < nd; i++)
		{
			nx_entity_list l;
			char	   *hit = calloc(d[i].ns + 1, 1);

			if (getenv("NX_RAW"))
			{
				/* the tagger's spans, before document-level rules */
				nx_ner_tokens tk;
				uint32_t   *sp;
				size_t		nsp;

				memset(&l, 0, sizeof(l));
				nx_ner_tokenize(d[i].text, d[i].len, a, &tk);
				nx_ner_spans(&m, d[i].text, &tk, a, &sp, &nsp);
				l.mentions = calloc(nsp + 1, sizeof(nx_mention));
				for (size_t k = 0; k < nsp; k++)
				{
					l.mentions[k].start = sp[3 * k];
					l.mentions[k].end = sp[3 * k + 1];
					l.mentions[k].kind = (int) sp[3 * k + 2];
				}
				l.nmentions = nsp;
				free(sp);
				nx_ner_tokens_free(&tk, a);
			}
			else
				nx_entities_extract(&m, d[i].text, d[i].len, a, &l);
			for (size_t k = 0; k < l.nmentions; k++)
			{
				int			ok = 0;

				for (size_t g = 0; g < d[i].ns; g++)
					if (d[i].s[g] == l.mentions[k].start && d[i].e[g] == l.mentions[k].end && d[i].k[g] == l.mentions[k].kind)
					{
						ok = 1;
						hit[g] = 1;
					}
				if (ok)
					tp[l.mentions[k].kind]++;
				else
				{
					fp[l.mentions[k].kind]++;
					if (argc > 4)
						printf("FP %s %.*s\n", kn[l.mentions[k].kind], (int) (l.mentions[k].end - l.mentions[k].start), d[i].text + l.mentions[k].start);
				}
			}
			for (size_t g = 0; g < d[i].ns; g++)
				if (!hit[g])
				{
					fn[d[i].k[g]]++;
					if (argc > 4)
						printf("FN %s %.*s\n", kn[d[i].k[g]], (int) (d[i].e[g] - d[i].s[g]), d[i].text + d[i].s[g]);
				}
			free(hit);
			nx_entity_list_free(&l, a);
		}
		for (int k = 0; k < 4; k++)
		{
			double		p = tp[k] ? (double) tp[k] / (tp[k] + fp[k]) : 0,
						r = tp[k] ? (double) tp[k] / (tp[k] + fn[k]) : 0;

			printf("%-4s P %.4f R %.4f F1 %.4f\n", kn[k], p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
			T += tp[k];
			F += fp[k];
			N += fn[k];
		}
		{
			double		p = T ? (double) T / (T + F) : 0,
						r = T ? (double) T / (T + N) : 0;

			printf("all  P %.4f R %.4f F1 %.4f\n", p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
		}
		return 0;
	}
	fprintf(stderr, "unknown mode %s\n", argv[2]);
	return 2;
}
