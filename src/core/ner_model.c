/*
 * ner_model.c - features, model image, Viterbi decoding for the entity tagger.
 */
#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ner_model.h"

/* ------------------------------------------------------------------ hashing */

#define FNV_OFF 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

uint64_t
nx_hash_bytes(const char *s, size_t n)
{
	uint64_t	h = FNV_OFF;

	for (size_t i = 0; i < n; i++)
	{
		h ^= (unsigned char) s[i];
		h *= FNV_PRIME;
	}
	return h;
}

static inline uint64_t
fnv_cp(uint64_t h, uint32_t cp)
{
	/* hash the UTF-8 bytes of cp, so an already lower-case token hashes as nx_hash_bytes */
	unsigned char b[4];
	int			n;

	if (cp < 0x80)
	{
		b[0] = (unsigned char) cp;
		n = 1;
	}
	else if (cp < 0x800)
	{
		b[0] = (unsigned char) (0xC0 | (cp >> 6));
		b[1] = (unsigned char) (0x80 | (cp & 0x3F));
		n = 2;
	}
	else if (cp < 0x10000)
	{
		b[0] = (unsigned char) (0xE0 | (cp >> 12));
		b[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		b[2] = (unsigned char) (0x80 | (cp & 0x3F));
		n = 3;
	}
	else
	{
		b[0] = (unsigned char) (0xF0 | (cp >> 18));
		b[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
		b[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		b[3] = (unsigned char) (0x80 | (cp & 0x3F));
		n = 4;
	}
	for (int i = 0; i < n; i++)
	{
		h ^= b[i];
		h *= FNV_PRIME;
	}
	return h;
}

uint64_t
nx_hash_lower(const char *s, size_t n)
{
	uint64_t	h = FNV_OFF;
	size_t		i = 0;

	while (i < n)
	{
		unsigned char c = (unsigned char) s[i];

		if (c < 0x80)
		{
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char) (c + 32);
			h ^= c;
			h *= FNV_PRIME;
			i++;
		}
		else
		{
			int			l;
			uint32_t	cp = nx_utf8_decode((const unsigned char *) s + i, n - i, &l);

			if (cp == 0xFFFD && l == 1)
			{
				h ^= c;
				h *= FNV_PRIME;
			}
			else
				h = fnv_cp(h, (uint32_t) utf8proc_tolower((utf8proc_int32_t) cp));
			i += l;
		}
	}
	return h;
}

uint64_t
nx_gaz_key(const uint64_t *hl, size_t n)
{
	uint64_t	k = 0x6a09e667f3bcc908ULL;

	for (size_t i = 0; i < n; i++)
		k = nx_mix64(k * 31 + hl[i]);
	return k | 1;
}

static inline uint64_t
fkey(uint32_t tmpl, uint64_t v)
{
	return nx_mix64(v ^ ((uint64_t) tmpl * 0x9E3779B97F4A7C15ULL));
}

static inline uint64_t
fkey2(uint32_t tmpl, uint64_t a, uint64_t b)
{
	return nx_mix64(a * 0xff51afd7ed558ccdULL ^ ((b << 31) | (b >> 33)) ^ ((uint64_t) tmpl * 0x9E3779B97F4A7C15ULL));
}

/* ------------------------------------------------------------- model image */

int
nx_ner_model_open(const void *buf, size_t len, nx_ner_model *m, const char **err)
{
	const nx_ner_header *h = buf;
	const char *b = buf;
	uint64_t	nslots,
				ngaz,
				nclu;

	memset(m, 0, sizeof(*m));
	if (!buf || len < sizeof(nx_ner_header) || ((uintptr_t) buf & 7) != 0)
	{
		*err = "model file is too short or misaligned";
		return -1;
	}
	if (memcmp(h->magic, NX_NER_MAGIC, 8) != 0 || h->format != NX_NER_FORMAT)
	{
		*err = "not a newsext entity model (bad magic or format version)";
		return -1;
	}
	if (h->nlabels != NX_NER_NLABELS || h->slot_bits > 30 || h->gaz_bits > 30 || h->clu_bits > 30 ||
		h->total_size != len)
	{
		*err = "entity model header does not match this build";
		return -1;
	}
	nslots = (uint64_t) 1 << h->slot_bits;
	ngaz = h->gaz_bits ? (uint64_t) 1 << h->gaz_bits : 0;
	nclu = h->clu_bits ? (uint64_t) 1 << h->clu_bits : 0;
#define SECTION_OK(off, sz) ((off) % 8 == 0 && (off) <= len && (sz) <= len - (off))
	if (!SECTION_OK(h->off_trans, (uint64_t) (NX_NER_NLABELS + 1) * NX_NER_NLABELS * sizeof(float)) ||
		!SECTION_OK(h->off_slots, nslots * 8) ||
		!SECTION_OK(h->off_rows, (uint64_t) h->nrows * NX_NER_NLABELS * 2) ||
		!SECTION_OK(h->off_gaz_keys, ngaz * 8) ||
		!SECTION_OK(h->off_gaz_cls, ngaz) ||
		!SECTION_OK(h->off_clu_keys, nclu * 8) ||
		!SECTION_OK(h->off_clu_codes, nclu * 4))
	{
		*err = "entity model sections are out of bounds";
		return -1;
	}
	m->hdr = h;
	m->trans = (const float *) (b + h->off_trans);
	m->slots = (const uint64_t *) (b + h->off_slots);
	m->slot_mask = (uint32_t) (nslots - 1);
	m->rows = (const int16_t *) (b + h->off_rows);
	m->scale = h->scale;
	m->gaz.mask = ngaz ? (uint32_t) (ngaz - 1) : 0;
	m->gaz.maxlen = ngaz ? h->gaz_maxlen : 0;
	m->gaz.keys = ngaz ? (const uint64_t *) (b + h->off_gaz_keys) : NULL;
	m->gaz.cls = ngaz ? (const uint8_t *) (b + h->off_gaz_cls) : NULL;
	m->gaz.clu_mask = nclu ? (uint32_t) (nclu - 1) : 0;
	m->gaz.clu_keys = nclu ? (const uint64_t *) (b + h->off_clu_keys) : NULL;
	m->gaz.clu_codes = nclu ? (const uint32_t *) (b + h->off_clu_codes) : NULL;
	/* every row index in the slot table must be in range */
	for (uint64_t i = 0; i < nslots; i++)
	{
		uint32_t	r = (uint32_t) (m->slots[i] & 0xffffffffu);

		if (r > h->nrows)
		{
			*err = "entity model slot table is corrupt";
			return -1;
		}
	}
	return 0;
}

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void) 0)
#endif

/* the rows of the known keys, prefetched (two passes so the cache misses of all slots overlap) */
static inline int
model_resolve(const nx_ner_model *m, const uint64_t *keys, int nkeys, const int16_t **rows)
{
	int			nr = 0;

	for (int f = 0; f < nkeys; f++)
		PREFETCH(&m->slots[(uint32_t) keys[f] & m->slot_mask]);
	for (int f = 0; f < nkeys; f++)
	{
		uint64_t	k = keys[f];
		uint32_t	fp = (uint32_t) (k >> 32);
		uint32_t	s = (uint32_t) k & m->slot_mask;

		for (;;)
		{
			uint64_t	v = m->slots[s];

			if (v == 0)
				break;
			if ((uint32_t) (v >> 32) == fp)
			{
				rows[nr] = m->rows + (size_t) ((uint32_t) v - 1) * NX_NER_NLABELS;
				PREFETCH(rows[nr]);
				nr++;
				break;
			}
			s = (s + 1) & m->slot_mask;
		}
	}
	return nr;
}

/* acc[y] += the weights of the rows (int32 sums: exact in any order) */
static inline void
model_sum(const int16_t *const *rows, int nr, int32_t *acc)
{
#if defined(__SSE2__)
	{
		/* 16 labels in four 4-lane int32 sums, the 17th in a scalar */
		__m128i		a0 = _mm_loadu_si128((const __m128i *) acc),
					a1 = _mm_loadu_si128((const __m128i *) (acc + 4)),
					a2 = _mm_loadu_si128((const __m128i *) (acc + 8)),
					a3 = _mm_loadu_si128((const __m128i *) (acc + 12));
		int32_t		last = acc[16];

		for (int r = 0; r < nr; r++)
		{
			const int16_t *w = rows[r];
			__m128i		v0 = _mm_loadu_si128((const __m128i *) w);
			__m128i		v1 = _mm_loadu_si128((const __m128i *) (w + 8));

			a0 = _mm_add_epi32(a0, _mm_srai_epi32(_mm_unpacklo_epi16(v0, v0), 16));
			a1 = _mm_add_epi32(a1, _mm_srai_epi32(_mm_unpackhi_epi16(v0, v0), 16));
			a2 = _mm_add_epi32(a2, _mm_srai_epi32(_mm_unpacklo_epi16(v1, v1), 16));
			a3 = _mm_add_epi32(a3, _mm_srai_epi32(_mm_unpackhi_epi16(v1, v1), 16));
			last += w[16];
		}
		_mm_storeu_si128((__m128i *) acc, a0);
		_mm_storeu_si128((__m128i *) (acc + 4), a1);
		_mm_storeu_si128((__m128i *) (acc + 8), a2);
		_mm_storeu_si128((__m128i *) (acc + 12), a3);
		acc[16] = last;
	}
#else
	for (int r = 0; r < nr; r++)
	{
		const int16_t *w = rows[r];

		for (int y = 0; y < NX_NER_NLABELS; y++)
			acc[y] += w[y];
	}
#endif
}

/* acc[y] += the weights of the known keys */
static inline void
model_acc(const nx_ner_model *m, const uint64_t *keys, int nkeys, int32_t *acc)
{
	const int16_t *rows[NX_NER_MAXFEAT];

	model_sum(rows, model_resolve(m, keys, nkeys, rows), acc);
}

void
nx_ner_model_score(const nx_ner_model *m, const uint64_t *keys, int nkeys, float *out)
{
	int32_t		acc[NX_NER_NLABELS];

	memset(acc, 0, sizeof(acc));
	model_acc(m, keys, nkeys, acc);
	for (int y = 0; y < NX_NER_NLABELS; y++)
		out[y] = (float) acc[y] * m->scale;
}

/* ------------------------------------------------------ feature templates */

enum
{
	T_BIAS = 1, T_W, T_L, T_SHAPE, T_SSHAPE, T_PRE1, T_PRE2, T_PRE3, T_PRE4,
	T_SUF1, T_SUF2, T_SUF3, T_SUF4, T_LM1, T_LP1, T_LM2, T_LP2, T_SM1, T_SP1,
	T_SM1S0, T_S0SP1, T_LM1L0, T_L0LP1, T_FLAGS, T_SENTL, T_GAZ, T_GAZM1, T_GAZP1,
	T_DOCLOWER, T_HIST, T_CAPSL, T_WM1, T_WP1, T_LEN, T_LM1SP1, T_HISTL,
	T_LEXCAP, T_LEXPER, T_LEXORG, T_LEXLOC,
	T_CL0, T_CL1, T_CL2, T_CLM1_0, T_CLM1_1, T_CLM1_2, T_CLP1_0, T_CLP1_1, T_CLP1_2
};

#define BOS_HASH 0x1234567890abcdefULL
#define EOS_HASH 0xfedcba0987654321ULL
#define CLU_UNKNOWN 0x10000
#define CLU_EDGE 0x10001
/* a neighbour's class value as an index: the class, then CLU_UNKNOWN, then CLU_EDGE */
#define NB_VALUES ((1 << NX_CLU_BITS) + 2)

/* ------------------------------------------------------ word-feature cache */

#ifndef WC_BITS
#define WC_BITS		13			/* 8192 entries of 128 bytes: 1 MB */
#endif
#define WC_MAXLEN	48			/* longer tokens are not cached */

typedef struct
{
	int32_t		acc[NX_NER_NLABELS];	/* weight sums of the token's word features */
	uint32_t	len;			/* token length in bytes, 0 = empty */
	uint64_t	hw;				/* nx_hash_bytes of the token */
	char		w[WC_MAXLEN];	/* the token */
} wc_entry;

struct nx_ner_wcache
{
	const nx_ner_header *model;	/* the model the sums belong to */
	wc_entry	e[1 << WC_BITS];
	/* the model's row (or NULL) of each neighbour-class feature: [+1 side][level][value index] */
	const int16_t *nb_rows[2][NX_CLU_LEVELS][NB_VALUES];
};

size_t
nx_ner_wcache_size(void)
{
	return sizeof(nx_ner_wcache) + 64;
}

void
nx_ner_model_set_cache(nx_ner_model *m, void *mem)
{
	nx_ner_wcache *c = (nx_ner_wcache *) (((uintptr_t) mem + 63) & ~(uintptr_t) 63);

	memset(c, 0, sizeof(*c));
	c->model = m->hdr;
	for (int side = 0; side < 2; side++)
		for (int l = 0; l < NX_CLU_LEVELS; l++)
			for (uint32_t v = 0; v < NB_VALUES; v++)
			{
				uint64_t	val = v < NB_VALUES - 2 ? v : v == NB_VALUES - 2 ? CLU_UNKNOWN : CLU_EDGE;
				uint64_t	key = fkey((uint32_t) ((side ? T_CLP1_0 : T_CLM1_0) + l), val);

				if (model_resolve(m, &key, 1, &c->nb_rows[side][l][v]) == 0)
					c->nb_rows[side][l][v] = NULL;
			}
	m->wcache = c;
}

/*
 * Emission scores of token i: the word features' sums from the cache (computed and stored on a
 * miss), plus the context features. The same integer totals as scoring all of nx_ner_features.
 */
static inline wc_entry *
wc_slot(nx_ner_wcache *c, uint64_t hw)
{
	return &c->e[nx_mix64(hw) & ((1u << WC_BITS) - 1)];
}

static int	context_features(const nx_ner_doc *d, size_t i, size_t s, size_t e, int with_classes,
							 uint64_t *keys);
static inline uint32_t neighbour_class_index(const nx_ner_doc *d, size_t j, int inside, int level);

static inline int
cache_valid(const nx_ner_model *m)
{
	return m->wcache && m->wcache->model == m->hdr;
}

/*
 * The context keys of token i, computed ahead of its turn: their slots and the token's cache
 * entry are prefetched.
 */
static inline void
ctx_keys(const nx_ner_model *m, const nx_ner_doc *d, size_t i, size_t s, size_t e, uint64_t *ckeys,
		 int *nck)
{
	int			n = context_features(d, i, s, e, !cache_valid(m), ckeys);

	for (int f = 0; f < n; f++)
		PREFETCH(&m->slots[(uint32_t) ckeys[f] & m->slot_mask]);
	if (m->wcache)
		PREFETCH(wc_slot(m->wcache, d->hw[i]));
	*nck = n;
}

static void
score_token(const nx_ner_model *m, const nx_ner_doc *d, size_t i, size_t s, size_t e,
			const int16_t *const *crows, int ncr, float *out)
{
	uint64_t	keys[NX_NER_MAXFEAT];
	int32_t		acc[NX_NER_NLABELS];
	const nx_ner_token *t = &d->toks->tok[i];
	size_t		len = t->end - t->start;
	nx_ner_wcache *c = m->wcache;

	if (cache_valid(m) && len <= WC_MAXLEN)
	{
		uint64_t	hw = d->hw[i];
		wc_entry   *we = wc_slot(c, hw);
		const char *w = d->text + t->start;

		if (we->hw == hw && we->len == len && memcmp(we->w, w, len) == 0)
			memcpy(acc, we->acc, sizeof(acc));
		else
		{
			memset(acc, 0, sizeof(acc));
			model_acc(m, keys, nx_ner_word_features(d, i, keys), acc);
			memcpy(we->acc, acc, sizeof(acc));
			we->hw = hw;
			we->len = (uint32_t) len;
			memcpy(we->w, w, len);
		}
	}
	else
	{
		memset(acc, 0, sizeof(acc));
		model_acc(m, keys, nx_ner_word_features(d, i, keys), acc);
	}
	model_sum(crows, ncr, acc);
	if (cache_valid(m))
	{
		/* the neighbours' word classes, whose rows the cache holds (ctx_keys left them out) */
		const int16_t *nrows[2 * NX_CLU_LEVELS];
		int			nn = 0;

		for (int l = 0; l < NX_CLU_LEVELS; l++)
		{
			const int16_t *lr = c->nb_rows[0][l][neighbour_class_index(d, i - 1, i > s, l)];
			const int16_t *rr = c->nb_rows[1][l][neighbour_class_index(d, i + 1, i + 1 < e, l)];

			if (lr)
				nrows[nn++] = lr;
			if (rr)
				nrows[nn++] = rr;
		}
		model_sum(nrows, nn, acc);
	}
	for (int y = 0; y < NX_NER_NLABELS; y++)
		out[y] = (float) acc[y] * m->scale;
}

/* ---------------------------------------------------------------- features */

/* shapes: X x d, other letters L, punctuation as itself; runs capped at 3 (long) and 1 (short) */
static void
shape_hashes(const char *s, size_t n, uint64_t *lng, uint64_t *shrt)
{
	uint64_t	hl = FNV_OFF,
				hs = FNV_OFF;
	int			last = -1,
				run = 0;
	size_t		i = 0;

	while (i < n)
	{
		unsigned char b = (unsigned char) s[i];
		int			c;

		if (b < 0x80)
		{
			c = (b >= '0' && b <= '9') ? 'd' : (b >= 'A' && b <= 'Z') ? 'X' : (b >= 'a' && b <= 'z') ? 'x' : (int) b;
			i++;
		}
		else
		{
			int			l;
			uint32_t	cp = nx_utf8_decode((const unsigned char *) s + i, n - i, &l);

			if (nx_cp_is_upper(cp))
				c = 'X';
			else if (nx_cp_is_lower(cp))
				c = 'x';
			else if (nx_cp_is_word(cp))
				c = 'L';
			else
				c = '?';
			i += l;
		}
		if (c == last)
			run++;
		else
		{
			run = 1;
			last = c;
		}
		if (run <= 3)
		{
			hl ^= (unsigned char) c;
			hl *= FNV_PRIME;
		}
		if (run <= 1)
		{
			hs ^= (unsigned char) c;
			hs *= FNV_PRIME;
		}
	}
	*lng = hl;
	*shrt = hs;
}

/*
 * The four hashes of an ASCII token in one pass (independent multiply chains overlap): the
 * same values as nx_hash_bytes, nx_hash_lower and shape_hashes. Returns 0, having written
 * nothing, when the token has a byte >= 0x80.
 */
static inline int
ascii_hashes(const char *s, size_t n, uint64_t *hw, uint64_t *hl, uint64_t *lng, uint64_t *shrt)
{
	uint64_t	w = FNV_OFF,
				l = FNV_OFF,
				sl = FNV_OFF,
				ss = FNV_OFF;
	int			last = -1,
				run = 0;

	for (size_t i = 0; i < n; i++)
	{
		unsigned char b = (unsigned char) s[i];
		int			c;

		if (b >= 0x80)
			return 0;
		w = (w ^ b) * FNV_PRIME;
		l = (l ^ (unsigned char) ((b >= 'A' && b <= 'Z') ? b + 32 : b)) * FNV_PRIME;
		c = (b >= '0' && b <= '9') ? 'd' : (b >= 'A' && b <= 'Z') ? 'X' : (b >= 'a' && b <= 'z') ? 'x' : (int) b;
		if (c == last)
			run++;
		else
		{
			run = 1;
			last = c;
		}
		if (run <= 3)
			sl = (sl ^ (unsigned char) c) * FNV_PRIME;
		if (run <= 1)
			ss = (ss ^ (unsigned char) c) * FNV_PRIME;
	}
	*hw = w;
	*hl = l;
	*lng = sl;
	*shrt = ss;
	return 1;
}

#define DF_LOWER	1			/* seen all lower-case */
#define DF_TITLE	2			/* seen capitalised mid-sentence in a normal line */

static nx_ner_docent *
doc_find(const nx_ner_doc *d, uint64_t hl, int insert)
{
	uint32_t	s = (uint32_t) (hl ^ (hl >> 29)) & d->map_mask;

	if (hl == 0)
		hl = 1;
	for (;;)
	{
		nx_ner_docent *e = &d->map[s];

		if (e->hl == hl)
			return e;
		if (e->hl == 0)
		{
			if (!insert)
				return NULL;
			e->hl = hl;
			return e;
		}
		s = (s + 1) & d->map_mask;
	}
}

void
nx_ner_doc_free(nx_ner_doc *d, const nx_allocator *a)
{
	nx_free(a, d->hw);
	nx_free(a, d->hl);
	nx_free(a, d->hs);
	nx_free(a, d->hshape);
	nx_free(a, d->gaz);
	nx_free(a, d->lex);
	nx_free(a, d->clu);
	nx_free(a, d->map);
	memset(d, 0, sizeof(*d));
}

/* the word-class code of an exact form, 0 if the table does not have it */
static inline uint32_t
word_class(const nx_ner_gaz *g, uint64_t hw)
{
	uint64_t	k = nx_clu_key(hw);
	uint32_t	slot = nx_clu_home(k, g->clu_mask);

	while (g->clu_keys[slot] != 0 && g->clu_keys[slot] != k)
		slot = (slot + 1) & g->clu_mask;
	return g->clu_keys[slot] == k ? g->clu_codes[slot] : 0;
}

int
nx_ner_doc_init(nx_ner_doc *d, const char *text, const nx_ner_tokens *toks,
				const nx_ner_gaz *gaz, const nx_allocator *a)
{
	size_t		n = toks->ntok;
	uint32_t	msize = 16;

	memset(d, 0, sizeof(*d));
	d->text = text;
	d->toks = toks;
	while (msize < 2 * n + 16)
		msize <<= 1;
	d->hw = nx_alloc(a, (n + 1) * sizeof(uint64_t));
	d->hl = nx_alloc(a, (n + 1) * sizeof(uint64_t));
	d->hs = nx_alloc(a, (n + 1) * sizeof(uint64_t));
	d->hshape = nx_alloc(a, (n + 1) * sizeof(uint64_t));
	d->gaz = nx_alloc(a, (n + 1) * NX_GAZ_NCLASSES);
	d->lex = nx_alloc(a, (n + 1) * sizeof(uint16_t));
	d->clu = nx_alloc(a, (n + 1) * sizeof(uint32_t));
	d->map = nx_alloc(a, (size_t) msize * sizeof(nx_ner_docent));
	if (!d->hw || !d->hl || !d->hs || !d->hshape || !d->gaz || !d->lex || !d->clu || !d->map)
	{
		nx_ner_doc_free(d, a);
		return -1;
	}
	d->map_mask = msize - 1;
	memset(d->map, 0, (size_t) msize * sizeof(nx_ner_docent));
	memset(d->gaz, 0, (n + 1) * NX_GAZ_NCLASSES);
	memset(d->lex, 0, (n + 1) * sizeof(uint16_t));
	memset(d->clu, 0, (n + 1) * sizeof(uint32_t));

	for (size_t i = 0; i < n; i++)
	{
		const nx_ner_token *t = &toks->tok[i];
		const char *s = text + t->start;
		size_t		len = t->end - t->start;
		nx_ner_docent *e;

		if ((i & 1023) == 1023 && nx_interrupted(a))
		{
			nx_ner_doc_free(d, a);
			return -1;
		}
		if (!ascii_hashes(s, len, &d->hw[i], &d->hl[i], &d->hshape[i], &d->hs[i]))
		{
			d->hw[i] = nx_hash_bytes(s, len);
			d->hl[i] = (t->flags & (NX_TF_HAS_UPPER | NX_TF_NONASCII)) ? nx_hash_lower(s, len) : d->hw[i];
			shape_hashes(s, len, &d->hshape[i], &d->hs[i]);
		}
		if (gaz && gaz->clu_keys)
			d->clu[i] = word_class(gaz, d->hw[i]);
		e = doc_find(d, d->hl[i], 1);
		if (!(t->flags & NX_TF_UPPER_INIT) && (t->flags & NX_TF_HAS_LOWER))
			e->flags |= DF_LOWER;
		else if ((t->flags & NX_TF_UPPER_INIT) && (t->flags & NX_TF_HAS_LOWER) &&
				 !(t->flags & (NX_TF_SENT_START | NX_TF_CAPS_LINE)))
		{
			if (!(e->flags & DF_TITLE))
				e->variant = d->hw[i];
			e->flags |= DF_TITLE;
		}
	}

	/* gazetteer: longest match from each capitalised token, per class */
	if (gaz && gaz->mask)
	{
		for (size_t s0 = 0; s0 + 1 < toks->nsent + 1 && s0 < toks->nsent; s0++)
		{
			size_t		ss = toks->sent[s0],
						se = toks->sent[s0 + 1];

			for (size_t i = ss; i < se; i++)
			{
				size_t		best[NX_GAZ_NCLASSES];

				if (!(toks->tok[i].flags & NX_TF_UPPER_INIT))
					continue;
				{
					/* word statistics */
					uint64_t	k = nx_lex_key(d->hl[i]);
					uint32_t	slot = (uint32_t) (k >> 7) & gaz->mask;

					while (gaz->keys[slot] != 0 && gaz->keys[slot] != k)
						slot = (slot + 1) & gaz->mask;
					if (gaz->keys[slot] == k)
						d->lex[i] = (uint16_t) (0x100 | gaz->cls[slot]);
				}
				memset(best, 0, sizeof(best));
				/* extend while the token sequence is an entry or a prefix of one */
				for (size_t L = 1; L <= gaz->maxlen && i + L <= se; L++)
				{
					uint64_t	k = nx_gaz_key(d->hl + i, L);
					uint32_t	slot = (uint32_t) (k >> 7) & gaz->mask;

					while (gaz->keys[slot] != 0 && gaz->keys[slot] != k)
						slot = (slot + 1) & gaz->mask;
					if (gaz->keys[slot] != k)
						break;
					for (int c = 0; c < NX_GAZ_NCLASSES; c++)
						if (gaz->cls[slot] & (1 << c))
							best[c] = L;
					if (!(gaz->cls[slot] & NX_GAZ_PREFIX))
						break;
				}
				for (int c = 0; c < NX_GAZ_NCLASSES; c++)
				{
					size_t		L = best[c];

					for (size_t j = i; j < i + L; j++)
					{
						uint8_t    *g = &d->gaz[j * NX_GAZ_NCLASSES + c];

						if (*g)
							continue;
						*g = (uint8_t) (L == 1 ? 4 : j == i ? 1 : j == i + L - 1 ? 3 : 2);
					}
				}
			}
		}
	}
	return 0;
}

void
nx_ner_doc_observe(nx_ner_doc *d, size_t s, size_t e, const uint8_t *labels)
{
	for (size_t i = s; i < e; i++)
	{
		nx_ner_docent *ent;
		int			k;

		if (!(d->toks->tok[i].flags & NX_TF_UPPER_INIT))
			continue;
		ent = doc_find(d, d->hl[i], 0);
		if (!ent)
			continue;
		k = NX_NER_KIND(labels[i - s]) + 1;
		if (ent->hist[k] < 65535)
			ent->hist[k]++;
	}
}

/*
 * Document features of a capitalised token: its form and tags elsewhere in the document
 * (shared by nx_ner_features and nx_ner_context_features, so trainer and tagger agree).
 */
static int
doc_features(const nx_ner_doc *d, size_t i, uint32_t fl, const nx_ner_docent *de,
			 uint64_t *keys, int n)
{
	if (fl & (NX_TF_SENT_START | NX_TF_CAPS_LINE))
	{
		/* the word's case is uninformative here: use its form elsewhere in the document */
		if (de->flags & DF_TITLE)
			keys[n++] = fkey(T_W, de->variant);
		if (de->flags & DF_LOWER)
			keys[n++] = fkey(T_W, d->hl[i]);
	}
	keys[n++] = fkey(T_DOCLOWER, (uint64_t) (de->flags & 3) | ((fl & NX_TF_SENT_START) ? 4 : 0) |
					 ((fl & NX_TF_CAPS_LINE) ? 8 : 0));
	{
		int			best = -1;
		unsigned	bc = 0,
					tot = 0;

		for (int k = 0; k <= NX_NER_NKINDS; k++)
		{
			tot += de->hist[k];
			if (de->hist[k] > bc)
			{
				bc = de->hist[k];
				best = k;
			}
		}
		if (best >= 0)
		{
			keys[n++] = fkey(T_HIST, (uint64_t) best);
			keys[n++] = fkey2(T_HISTL, (uint64_t) best, (uint64_t) ((bc * 4) / (tot + 1)));
		}
	}
	return n;
}

/* hash of the first/last n code points of the token */
static uint64_t
affix_hash(const char *s, size_t len, int n, int suffix)
{
	size_t		a = 0,
				b = len;

	if (!suffix)
	{
		int			cnt = 0;

		while (b > 0 && a < len && cnt < n)
		{
			a++;
			while (a < len && ((unsigned char) s[a] & 0xC0) == 0x80)
				a++;
			cnt++;
		}
		if (cnt < n)
			return 0;
		return nx_hash_bytes(s, a);
	}
	else
	{
		int			cnt = 0;

		a = len;
		while (a > 0 && cnt < n)
		{
			a--;
			while (a > 0 && ((unsigned char) s[a] & 0xC0) == 0x80)
				a--;
			cnt++;
		}
		if (cnt < n)
			return 0;
		return nx_hash_bytes(s + a, len - a);
	}
}

/*
 * The features of token i that depend on its sentence and document: flags, gazetteer and
 * lexicon hits, document-level form and tags. Shared by the trainer's nx_ner_features and
 * the tagger's nx_ner_context_features; len_key >= 0 adds the length key where the
 * trainer has always put it, so its key order (and the rebuilt model) stays the same.
 */
static int
sentence_doc_features(const nx_ner_doc *d, size_t i, size_t s, size_t e, uint32_t fl,
					  int len_key, uint64_t *keys, int n)
{
	uint64_t	fv;
	const nx_ner_docent *de;

	fv = (uint64_t) ((fl & NX_TF_SENT_START) ? 1 : 0) | ((fl & NX_TF_CAPS_LINE) ? 2 : 0) |
		((fl & NX_TF_UPPER_INIT) ? 4 : 0) | ((fl & NX_TF_ALL_UPPER) ? 8 : 0) |
		((fl & NX_TF_FOREIGN) ? 16 : 0) | ((i == s + 1) ? 32 : 0);
	keys[n++] = fkey(T_FLAGS, fv);
	/* the trainer's one-piece feature list has the length key here */
	if (len_key >= 0)
		keys[n++] = fkey(T_LEN, (uint64_t) len_key);
	if (fl & NX_TF_SENT_START)
		keys[n++] = fkey(T_SENTL, d->hl[i]);
	if (fl & NX_TF_CAPS_LINE)
		keys[n++] = fkey(T_CAPSL, d->hl[i]);
	for (int c = 0; c < NX_GAZ_NCLASSES; c++)
	{
		uint8_t		g = d->gaz[i * NX_GAZ_NCLASSES + c];

		if (g)
			keys[n++] = fkey(T_GAZ, (uint64_t) (c * 8 + g));
		if (i > s && d->gaz[(i - 1) * NX_GAZ_NCLASSES + c])
			keys[n++] = fkey(T_GAZM1, (uint64_t) c);
		if (i + 1 < e && d->gaz[(i + 1) * NX_GAZ_NCLASSES + c])
			keys[n++] = fkey(T_GAZP1, (uint64_t) c);
	}
	if (d->lex[i])
	{
		unsigned	code = d->lex[i] & 0xFF;

		keys[n++] = fkey(T_LEXCAP, (code & 3) | ((fl & NX_TF_SENT_START) ? 4 : 0) | ((fl & NX_TF_CAPS_LINE) ? 8 : 0));
		keys[n++] = fkey(T_LEXPER, (code >> 2) & 3);
		keys[n++] = fkey(T_LEXORG, (code >> 4) & 3);
		keys[n++] = fkey(T_LEXLOC, (code >> 6) & 3);
	}
	else if (fl & NX_TF_UPPER_INIT)
		keys[n++] = fkey(T_LEXCAP, 16);
	/* only capitalised tokens use the document map */
	de = (fl & NX_TF_UPPER_INIT) ? doc_find(d, d->hl[i], 0) : NULL;
	if (de)
		n = doc_features(d, i, fl, de, keys, n);
	return n;
}

/* the keys of the token's own bytes (hw, hl, the shapes, affixes), without its length */
static int
word_keys(const nx_ner_doc *d, size_t i, uint64_t *keys, int n)
{
	const nx_ner_token *t = &d->toks->tok[i];
	const char *w = d->text + t->start;
	size_t		len = t->end - t->start;

	keys[n++] = fkey(T_BIAS, 0);
	keys[n++] = fkey(T_W, d->hw[i]);
	keys[n++] = fkey(T_L, d->hl[i]);
	keys[n++] = fkey(T_SHAPE, d->hshape[i]);
	keys[n++] = fkey(T_SSHAPE, d->hs[i]);
	for (int k = 1; k <= 4; k++)
	{
		uint64_t	p = affix_hash(w, len, k, 0);
		uint64_t	q = affix_hash(w, len, k, 1);

		if (p)
			keys[n++] = fkey(T_PRE1 + k - 1, p);
		if (q)
			keys[n++] = fkey(T_SUF1 + k - 1, q);
	}
	/* its word classes (a function of the exact form, so cached with the rest) */
	if (d->clu[i])
		for (int l = 0; l < NX_CLU_LEVELS; l++)
			keys[n++] = fkey(T_CL0 + l, NX_CLU_CLASS(d->clu[i], l));
	else
		keys[n++] = fkey(T_CL0, CLU_UNKNOWN);
	return n;
}

/* a neighbour's class at one granularity as an index: its class, CLU_UNKNOWN's or CLU_EDGE's
 * (past the sentence) */
static inline uint32_t
neighbour_class_index(const nx_ner_doc *d, size_t j, int inside, int level)
{
	if (!inside)
		return NB_VALUES - 1;
	return d->clu[j] ? NX_CLU_CLASS(d->clu[j], level) : NB_VALUES - 2;
}

static inline uint64_t
neighbour_class(const nx_ner_doc *d, size_t j, int inside, int level)
{
	uint32_t	v = neighbour_class_index(d, j, inside, level);

	return v < NB_VALUES - 2 ? v : v == NB_VALUES - 2 ? CLU_UNKNOWN : CLU_EDGE;
}

/*
 * The keys of the neighbouring tokens in sentence [s, e); their word classes only with
 * with_classes (the tagger with a cache adds those from nb_rows instead of looking them up).
 */
static int
neighbour_keys(const nx_ner_doc *d, size_t i, size_t s, size_t e, int with_classes, uint64_t *keys, int n)
{
	uint64_t	lm1 = i > s ? d->hl[i - 1] : BOS_HASH;
	uint64_t	lm2 = i > s + 1 ? d->hl[i - 2] : BOS_HASH;
	uint64_t	lp1 = i + 1 < e ? d->hl[i + 1] : EOS_HASH;
	uint64_t	lp2 = i + 2 < e ? d->hl[i + 2] : EOS_HASH;
	uint64_t	sm1 = i > s ? d->hs[i - 1] : BOS_HASH;
	uint64_t	sp1 = i + 1 < e ? d->hs[i + 1] : EOS_HASH;

	keys[n++] = fkey(T_LM1, lm1);
	keys[n++] = fkey(T_LP1, lp1);
	keys[n++] = fkey(T_LM2, lm2);
	keys[n++] = fkey(T_LP2, lp2);
	keys[n++] = fkey(T_SM1, sm1);
	keys[n++] = fkey(T_SP1, sp1);
	keys[n++] = fkey2(T_SM1S0, sm1, d->hs[i]);
	keys[n++] = fkey2(T_S0SP1, d->hs[i], sp1);
	keys[n++] = fkey2(T_LM1L0, lm1, d->hl[i]);
	keys[n++] = fkey2(T_L0LP1, d->hl[i], lp1);
	keys[n++] = fkey2(T_LM1SP1, lm1, sp1);
	/* the neighbours' word classes at each granularity */
	for (int l = 0; l < NX_CLU_LEVELS && with_classes; l++)
	{
		keys[n++] = fkey(T_CLM1_0 + l, neighbour_class(d, i - 1, i > s, l));
		keys[n++] = fkey(T_CLP1_0 + l, neighbour_class(d, i + 1, i + 1 < e, l));
	}
	if (d->toks->tok[i].flags & NX_TF_UPPER_INIT)
	{
		keys[n++] = fkey(T_WM1, i > s ? d->hw[i - 1] : BOS_HASH);
		keys[n++] = fkey(T_WP1, i + 1 < e ? d->hw[i + 1] : EOS_HASH);
	}
	return n;
}

static int
token_len_key(const nx_ner_doc *d, size_t i)
{
	size_t		len = d->toks->tok[i].end - d->toks->tok[i].start;

	return (int) (len > 6 ? 6 : len);
}

/*
 * The feature set, defined once in the three helpers above and sentence_doc_features.
 * The trainer's one-piece list keeps its historical key order (the length key among the
 * sentence features), so the model rebuilds bit for bit; the tagger splits the same keys
 * into a word part (a function of the token's bytes, cached per word) and a context part.
 */
int
nx_ner_features(const nx_ner_doc *d, size_t i, size_t s, size_t e, uint64_t *keys)
{
	int			n = word_keys(d, i, keys, 0);

	n = neighbour_keys(d, i, s, e, 1, keys, n);
	return sentence_doc_features(d, i, s, e, d->toks->tok[i].flags, token_len_key(d, i), keys, n);
}

int
nx_ner_word_features(const nx_ner_doc *d, size_t i, uint64_t *keys)
{
	int			n = word_keys(d, i, keys, 0);

	keys[n++] = fkey(T_LEN, (uint64_t) token_len_key(d, i));
	return n;
}

static int
context_features(const nx_ner_doc *d, size_t i, size_t s, size_t e, int with_classes, uint64_t *keys)
{
	int			n = neighbour_keys(d, i, s, e, with_classes, keys, 0);

	return sentence_doc_features(d, i, s, e, d->toks->tok[i].flags, -1, keys, n);
}

int
nx_ner_context_features(const nx_ner_doc *d, size_t i, size_t s, size_t e, uint64_t *keys)
{
	return context_features(d, i, s, e, 1, keys);
}


/* ---------------------------------------------------------------- decoding */

int
nx_ner_transition_ok(int a, int b)
{
	int			pb = NX_NER_POS(b);

	if (a == NX_NER_NLABELS || a == 0 || NX_NER_POS(a) == 2 || NX_NER_POS(a) == 3)
		return b == 0 || pb == 0 || pb == 3;
	/* a is B or I of some kind: b must continue it */
	return (pb == 1 || pb == 2) && NX_NER_KIND(a) == NX_NER_KIND(b);
}

#define NEG_INF (-1e30f)

/*
 * Only BILOU-valid transitions are scored: O, B-k and U-k follow O, L-* or U-* (or the
 * start); I-k and L-k follow B-k or I-k. That is 97 of the 289 label pairs.
 */
static const uint8_t closers[9] = {0, 3, 4, 7, 8, 11, 12, 15, 16};

/*
 * One step of the recursion for one target label, unrolled with constant label numbers.
 * Open targets (O, B-k, U-k) follow O, L-* or U-*; closed ones (I-k, L-k) follow B-k or I-k.
 * The first of equal scores wins (strict >), branch-free. A target ruled out by
 * nx_ner_constrain (score below -1e29) stays out.
 */
#define VIT_CAND(p) \
	do { \
		float		v_ = cur[p] + trans[(p) * NX_NER_NLABELS + y]; \
		int			gt_ = v_ > best; \
		arg = gt_ ? (p) : arg; \
		best = gt_ ? v_ : best; \
	} while (0)

static inline void
vit_open(const float *cur, const float *trans, const float *e, int y, float *nxt, uint8_t *bk)
{
	float		best;
	int			arg;

	if (e[y] < -1e29f)
	{
		nxt[y] = e[y];
		bk[y] = 0;
		return;
	}
	arg = 0;
	best = cur[0] + trans[y];
	VIT_CAND(3);
	VIT_CAND(4);
	VIT_CAND(7);
	VIT_CAND(8);
	VIT_CAND(11);
	VIT_CAND(12);
	VIT_CAND(15);
	VIT_CAND(16);
	nxt[y] = best + e[y];
	bk[y] = (uint8_t) arg;
}

static inline void
vit_closed(const float *cur, const float *trans, const float *e, int y, int b, float *nxt, uint8_t *bk)
{
	float		v1,
				v2;
	int			gt;

	if (e[y] < -1e29f)
	{
		nxt[y] = e[y];
		bk[y] = 0;
		return;
	}
	v1 = cur[b] + trans[b * NX_NER_NLABELS + y];
	v2 = cur[b + 1] + trans[(b + 1) * NX_NER_NLABELS + y];
	gt = v2 > v1;
	nxt[y] = (gt ? v2 : v1) + e[y];
	bk[y] = (uint8_t) (gt ? b + 1 : b);
}

void
nx_ner_viterbi(const float *em, size_t n, const float *trans, uint8_t *out, uint8_t *back)
{
	float		cur[NX_NER_NLABELS],
				nxt[NX_NER_NLABELS];

	if (n == 0)
		return;
	for (int y = 0; y < NX_NER_NLABELS; y++)
		cur[y] = em[y] + trans[NX_NER_NLABELS * NX_NER_NLABELS + y];
	for (size_t i = 1; i < n; i++)
	{
		const float *e = em + i * NX_NER_NLABELS;
		uint8_t    *bk = back + i * NX_NER_NLABELS;

		if (e[NX_NER_LABEL(0, 1)] < -1e29f)
		{
			/* a token outside entities (only they forbid an inside label): O alone */
			vit_open(cur, trans, e, 0, nxt, bk);
			for (int y = 1; y < NX_NER_NLABELS; y++)
			{
				nxt[y] = e[y];
				bk[y] = 0;
			}
			memcpy(cur, nxt, sizeof(cur));
			continue;
		}
		/* label y of kind k at position p is 1 + 4k + p (B I L U); O is 0 */
		vit_open(cur, trans, e, 0, nxt, bk);
		vit_open(cur, trans, e, 1, nxt, bk);
		vit_closed(cur, trans, e, 2, 1, nxt, bk);
		vit_closed(cur, trans, e, 3, 1, nxt, bk);
		vit_open(cur, trans, e, 4, nxt, bk);
		vit_open(cur, trans, e, 5, nxt, bk);
		vit_closed(cur, trans, e, 6, 5, nxt, bk);
		vit_closed(cur, trans, e, 7, 5, nxt, bk);
		vit_open(cur, trans, e, 8, nxt, bk);
		vit_open(cur, trans, e, 9, nxt, bk);
		vit_closed(cur, trans, e, 10, 9, nxt, bk);
		vit_closed(cur, trans, e, 11, 9, nxt, bk);
		vit_open(cur, trans, e, 12, nxt, bk);
		vit_open(cur, trans, e, 13, nxt, bk);
		vit_closed(cur, trans, e, 14, 13, nxt, bk);
		vit_closed(cur, trans, e, 15, 13, nxt, bk);
		vit_open(cur, trans, e, 16, nxt, bk);
		memcpy(cur, nxt, sizeof(cur));
	}
	{
		float		best = cur[0];
		int			arg = 0;

		/* must end on O, L or U */
		for (int c = 1; c < 9; c++)
			if (cur[closers[c]] > best)
			{
				best = cur[closers[c]];
				arg = closers[c];
			}
		for (size_t i = n; i-- > 0;)
		{
			out[i] = (uint8_t) arg;
			if (i > 0)
				arg = back[i * NX_NER_NLABELS + arg];
		}
	}
}

/*
 * Tokens the tagger need not score. An entity starts on a token with an upper-case letter or
 * a digit (nx_ner_constrain), so a token without either can only continue the entity begun at
 * the last such token; more than NX_NER_MAX_GAP tokens without either in a row end any entity
 * the model finds ("Office of the high commissioner" has four): past them every token is O.
 * Skipping them changes no mention over 17,024 news texts and CoNLL-2003 dev (a gap of 3 changes
 * two there), and takes a fifth of the tagger's time.
 */
#define NX_NER_MAX_GAP 4

static void
outside_entities(const nx_ner_tokens *toks, size_t ss, size_t se, uint8_t *out)
{
	size_t		gap = NX_NER_MAX_GAP + 1;

	for (size_t i = ss; i < se; i++)
	{
		gap = (toks->tok[i].flags & (NX_TF_HAS_UPPER | NX_TF_HAS_DIGIT)) ? 0 : gap + 1;
		out[i - ss] = gap > NX_NER_MAX_GAP;
	}
}

int
nx_ner_tag(const nx_ner_model *m, const char *text, const nx_ner_tokens *toks,
		   const nx_allocator *a, uint8_t *labels)
{
	nx_ner_doc	d;
	size_t		maxlen = 0;
	float	   *em;
	uint8_t    *back;
	uint8_t    *out;
	uint64_t	ckeys[3][NX_NER_MAXFEAT];
	int			nck[3];
	const int16_t *crows[3][NX_NER_MAXFEAT];
	int			nrw[3];

	if (toks->ntok == 0)
		return 0;
	for (size_t s = 0; s < toks->nsent; s++)
		if (toks->sent[s + 1] - toks->sent[s] > maxlen)
			maxlen = toks->sent[s + 1] - toks->sent[s];
	if (nx_ner_doc_init(&d, text, toks, &m->gaz, a) < 0)
		return -1;
	em = nx_alloc(a, maxlen * NX_NER_NLABELS * sizeof(float));
	back = nx_alloc(a, maxlen * NX_NER_NLABELS);
	out = nx_alloc(a, maxlen);
	if (!em || !back || !out)
	{
		nx_free(a, em);
		nx_free(a, back);
		nx_free(a, out);
		nx_ner_doc_free(&d, a);
		return -1;
	}
	for (size_t s = 0; s < toks->nsent; s++)
	{
		size_t		ss = toks->sent[s],
					se = toks->sent[s + 1];

		if (nx_interrupted(a))
		{
			nx_free(a, em);
			nx_free(a, back);
			nx_free(a, out);
			nx_ner_doc_free(&d, a);
			return -1;
		}
		/*
		 * Software pipeline over the sentence: token i + 2 gets its context keys and their
		 * slots prefetched, token i + 1 its rows looked up and prefetched, token i is summed.
		 */
		outside_entities(toks, ss, se, out);
		for (size_t t = ss; t < se && t < ss + 2; t++)
			if (!out[t - ss])
				ctx_keys(m, &d, t, ss, se, ckeys[(t - ss) % 3], &nck[(t - ss) % 3]);
		if (ss < se && !out[0])
			nrw[0] = model_resolve(m, ckeys[0], nck[0], crows[0]);
		for (size_t i = ss; i < se; i++)
		{
			float	   *e = em + (i - ss) * NX_NER_NLABELS;
			size_t		r = (i - ss) % 3;

			if (i + 2 < se && !out[i + 2 - ss])
				ctx_keys(m, &d, i + 2, ss, se, ckeys[(r + 2) % 3], &nck[(r + 2) % 3]);
			if (i + 1 < se && !out[i + 1 - ss])
				nrw[(r + 1) % 3] = model_resolve(m, ckeys[(r + 1) % 3], nck[(r + 1) % 3], crows[(r + 1) % 3]);
			if (out[i - ss])
			{
				/* O for certain: every path passes O here, so its score is a constant */
				for (int y = 1; y < NX_NER_NLABELS; y++)
					e[y] = -1e30f;
				e[0] = 0;
				continue;
			}
			score_token(m, &d, i, ss, se, crows[r], nrw[r], e);
			nx_ner_constrain(toks->tok[i].flags, e);
		}
		nx_ner_viterbi(em, se - ss, m->trans, labels + ss, back);
		nx_ner_doc_observe(&d, ss, se, labels + ss);
	}
	nx_free(a, em);
	nx_free(a, back);
	nx_free(a, out);
	nx_ner_doc_free(&d, a);
	return 0;
}
