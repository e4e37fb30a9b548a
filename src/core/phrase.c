/*
 * phrase.c - phrases, contiguous matching (KMP over tokens), index keys and
 * snippets.  See phrase.h for the formats.
 */
#include <stdlib.h>
#include <string.h>

#include "nx_hash.h"
#include "phrase.h"
#include "phrase_ascii.h"
#include "phrase_sel.h"
#include "phrase_words.h"

#define HDR_WORDS 2				/* version, ntok */

/* ------------------------------------------------------------------------
 * encoding
 * ------------------------------------------------------------------------ */

int
nx_phrase_encode(const char *s, size_t len, const nx_allocator *a,
				 size_t prefix, char **out, size_t *outsize)
{
	nx_tokenizer t;
	uint32_t	hashes[NX_PHRASE_MAX_TOKENS];
	uint32_t	offs[NX_PHRASE_MAX_TOKENS + 1];
	char	   *data = NULL;
	size_t		dlen = 0,
				dcap = 0;
	uint32_t	n = 0;
	int			r;
	size_t		total;
	char	   *buf;
	uint32_t   *w;

	*out = NULL;
	*outsize = 0;
	if (len > NX_PHRASE_MAX_BYTES)
		return NX_PHRASE_TOO_LONG;

	nx_tok_init(&t, s, len, a);
	offs[0] = 0;
	while ((r = nx_tok_next(&t)) == 1)
	{
		if (n >= NX_PHRASE_MAX_TOKENS)
		{
			r = NX_PHRASE_TOO_MANY;
			break;
		}
		if (dlen + t.tok.len > dcap)
		{
			size_t		ncap = dcap ? dcap * 2 : 128;
			char	   *nd;

			while (ncap < dlen + t.tok.len)
				ncap *= 2;
			nd = data ? nx_resize(a, data, dcap, ncap) : nx_alloc(a, ncap);
			if (nd == NULL)
			{
				r = NX_ENOMEM;
				break;
			}
			data = nd;
			dcap = ncap;
		}
		memcpy(data + dlen, t.tok.text, t.tok.len);
		dlen += t.tok.len;
		hashes[n] = (uint32_t) t.tok.hash;
		offs[++n] = (uint32_t) dlen;
	}
	nx_tok_free(&t);
	if (r == 0 && n == 0)
		r = NX_PHRASE_EMPTY;
	if (r != 0)
	{
		nx_free(a, data);
		return r;
	}

	total = prefix + sizeof(uint32_t) * (HDR_WORDS + n + n + 1) + dlen;
	buf = nx_alloc(a, total);
	if (buf == NULL)
	{
		nx_free(a, data);
		return NX_ENOMEM;
	}
	memset(buf, 0, prefix);
	w = (uint32_t *) (buf + prefix);
	w[0] = NX_TOKENIZER_VERSION;
	w[1] = n;
	memcpy(w + HDR_WORDS, hashes, sizeof(uint32_t) * n);
	memcpy(w + HDR_WORDS + n, offs, sizeof(uint32_t) * (n + 1));
	memcpy(w + HDR_WORDS + n + n + 1, data, dlen);
	nx_free(a, data);
	*out = buf;
	*outsize = total;
	return NX_OK;
}

int
nx_phrase_view(const void *body, size_t size, nx_phrase *p)
{
	const uint32_t *w = body;
	uint32_t	n,
				i;
	size_t		fixed;

	if (size < sizeof(uint32_t) * HDR_WORDS)
		return -1;
	n = w[1];
	if (n == 0 || n > NX_PHRASE_MAX_TOKENS)
		return -1;
	fixed = sizeof(uint32_t) * (HDR_WORDS + n + n + 1);
	if (size < fixed)
		return -1;
	p->version = w[0];
	p->ntok = n;
	p->hash32 = w + HDR_WORDS;
	p->off = w + HDR_WORDS + n;
	p->data = (const char *) (w + HDR_WORDS + n + n + 1);
	if (p->off[0] != 0 || p->off[n] != size - fixed)
		return -1;
	for (i = 0; i < n; i++)
		if (p->off[i + 1] <= p->off[i])
			return -1;
	return NX_OK;
}

size_t
nx_phrase_text_len(const nx_phrase *p)
{
	return p->off[p->ntok] + (p->ntok - 1);
}

void
nx_phrase_text(const nx_phrase *p, char *dst)
{
	uint32_t	i;

	for (i = 0; i < p->ntok; i++)
	{
		size_t		l = p->off[i + 1] - p->off[i];

		if (i > 0)
			*dst++ = ' ';
		memcpy(dst, p->data + p->off[i], l);
		dst += l;
	}
}

int
nx_phrase_equal(const nx_phrase *a, const nx_phrase *b)
{
	if (a->ntok != b->ntok || a->off[a->ntok] != b->off[b->ntok])
		return 0;
	if (memcmp(a->off, b->off, sizeof(uint32_t) * (a->ntok + 1)) != 0)
		return 0;
	return memcmp(a->data, b->data, a->off[a->ntok]) == 0;
}

int
nx_phrase_cmp(const nx_phrase *a, const nx_phrase *b)
{
	uint32_t	i;

	for (i = 0; i < a->ntok && i < b->ntok; i++)
	{
		size_t		la = a->off[i + 1] - a->off[i];
		size_t		lb = b->off[i + 1] - b->off[i];
		int			c = memcmp(a->data + a->off[i], b->data + b->off[i], la < lb ? la : lb);

		if (c != 0)
			return c < 0 ? -1 : 1;
		if (la != lb)
			return la < lb ? -1 : 1;
	}
	if (a->ntok != b->ntok)
		return a->ntok < b->ntok ? -1 : 1;
	return 0;
}

/* ------------------------------------------------------------------------
 * matching
 * ------------------------------------------------------------------------ */

/* matching does not hash text tokens: length, first byte, then the bytes */
static inline int
tok_eq(const nx_phrase *p, uint32_t j, const nx_token *t)
{
	size_t		l = p->off[j + 1] - p->off[j];
	const char *d = p->data + p->off[j];

	return l == t->len && d[0] == t->text[0] && memcmp(d, t->text, l) == 0;
}

static inline int
ptok_eq(const nx_phrase *p, uint32_t i, uint32_t j)
{
	size_t		li = p->off[i + 1] - p->off[i];
	size_t		lj = p->off[j + 1] - p->off[j];

	return p->hash32[i] == p->hash32[j] && li == lj &&
		memcmp(p->data + p->off[i], p->data + p->off[j], li) == 0;
}

/* KMP failure function over the phrase's tokens */
static void
kmp_fail(const nx_phrase *p, uint32_t *fail)
{
	uint32_t	k = 0,
				i;

	fail[0] = 0;
	for (i = 1; i < p->ntok; i++)
	{
		while (k > 0 && !ptok_eq(p, i, k))
			k = fail[k - 1];
		if (ptok_eq(p, i, k))
			k++;
		fail[i] = k;
	}
}

long
nx_phrase_scan(const nx_phrase *p, const char *text, size_t len,
			   const nx_allocator *a, nx_match_fn fn, void *arg)
{
	uint32_t	fail[NX_PHRASE_MAX_TOKENS];
	size_t		starts[NX_PHRASE_MAX_TOKENS];	/* ring: token index % n */
	nx_tokenizer t;
	uint32_t	n = p->ntok;
	uint32_t	j = 0;
	size_t		idx = 0;
	long		count = 0;
	int			r;

	kmp_fail(p, fail);
	nx_tok_init(&t, text, len, a);
	t.want_hash = 0;
	while ((r = nx_tok_next(&t)) == 1)
	{
		while (j > 0 && !tok_eq(p, j, &t.tok))
			j = fail[j - 1];
		starts[idx % n] = t.tok.start;
		if (tok_eq(p, j, &t.tok))
		{
			j++;
			if (j == n)
			{
				nx_match	m;

				m.first_token = idx + 1 - n;
				m.start = starts[m.first_token % n];
				m.end = t.tok.end;
				count++;
				j = 0;
				if (fn && !fn(arg, &m))
					break;
			}
		}
		idx++;
	}
	nx_tok_free(&t);
	if (r < 0)
		return r;
	return count;
}

static int
stop_at_first(void *arg, const nx_match *m)
{
	(void) arg;
	(void) m;
	return 0;
}

/* the plain-text fast path where it can answer, else the tokenizer's scan */
static long
match_or_scan(const nx_phrase *p, const char *text, size_t len, const nx_allocator *a,
			  int count_all)
{
	long		found;
	int			r = nx_phrase_match_plain(p, text, len, a, count_all, &found);

	if (r != NX_ASCII_UNSURE)
		return r < 0 ? r : found;
	return nx_phrase_scan(p, text, len, a, count_all ? NULL : stop_at_first, NULL);
}

int
nx_phrase_contains(const nx_phrase *p, const char *text, size_t len,
				   const nx_allocator *a)
{
	long		r = match_or_scan(p, text, len, a, 0);

	if (r < 0)
		return (int) r;
	return r > 0;
}

long
nx_phrase_count(const nx_phrase *p, const char *text, size_t len,
				const nx_allocator *a)
{
	return match_or_scan(p, text, len, a, 1);
}

/* ------------------------------------------------------------------------
 * keys
 * ------------------------------------------------------------------------ */

uint32_t
nx_key_unigram(int id, uint64_t h)
{
	if (id >= 0)
		return NX_EXACT_UNI_BASE + (uint32_t) id;
	return NX_UNI_BASE | (uint32_t) (nx_fmix64(h ^ UINT64_C(0x5851f42d4c957f2d)) >> (64 - NX_UNI_BITS));
}

uint32_t
nx_key_pair(int id1, uint64_t h1, int id2, uint64_t h2)
{
	uint64_t	h;

	if (id1 >= 0 && id1 < NX_PAIR_WORD_COUNT && id2 >= 0 && id2 < NX_PAIR_WORD_COUNT)
		return NX_EXACT_PAIR_BASE + ((uint32_t) id1 << NX_PAIR_WORD_BITS | (uint32_t) id2);
	h = h1 * UINT64_C(0x9e3779b97f4a7c15) + ((h2 << 23) | (h2 >> 41));
	return (uint32_t) (nx_fmix64(h) >> (64 - NX_PAIR_BITS));
}

int
nx_pair_indexed(int id1, int id2)
{
	return id1 >= 0 && id1 < NX_HPAIR_WORD_COUNT && id2 >= 0 && id2 < NX_HPAIR_WORD_COUNT;
}

int
nx_key_is_exact(uint32_t key)
{
	return (key >= NX_EXACT_PAIR_BASE &&
			key < NX_EXACT_PAIR_BASE + ((uint32_t) 1 << (2 * NX_PAIR_WORD_BITS))) ||
		(key >= NX_EXACT_UNI_BASE && key < NX_EXACT_UNI_BASE + NX_COMMON_WORD_COUNT);
}

/* id and hash of the phrase's token i */
static int
phrase_token_id(const nx_phrase *p, uint32_t i, uint64_t *h)
{
	const char *s = p->data + p->off[i];
	size_t		len = p->off[i + 1] - p->off[i];

	*h = nx_token_hash(s, len);
	return nx_common_word_id(s, len, *h);
}

/* insertion sort: a phrase's few keys, and the small inputs of sort_unique */
static void
insertion_sort_u32(uint32_t *k, size_t n)
{
	size_t		i,
				j;

	for (i = 1; i < n; i++)
	{
		uint32_t	v = k[i];

		for (j = i; j > 0 && k[j - 1] > v; j--)
			k[j] = k[j - 1];
		k[j] = v;
	}
}

/*
 * Sort k[0..n) ascending: LSD radix sort, one byte a pass, skipping the
 * passes where every key has the same byte.  A text has hundreds of keys and
 * the index build sorts them for every row, where qsort() and its comparison
 * calls cost more than tokenising the text.  tmp holds n keys.
 */
static void
radix_sort_u32(uint32_t *k, uint32_t *tmp, size_t n)
{
	size_t		count[4][256];
	size_t		i;
	int			pass;
	uint32_t   *src = k,
			   *dst = tmp;

	memset(count, 0, sizeof(count));
	for (i = 0; i < n; i++)
	{
		uint32_t	v = k[i];

		count[0][v & 0xff]++;
		count[1][(v >> 8) & 0xff]++;
		count[2][(v >> 16) & 0xff]++;
		count[3][v >> 24]++;
	}
	for (pass = 0; pass < 4; pass++)
	{
		size_t	   *c = count[pass];
		size_t		sum = 0;
		int			shift = pass * 8;
		int			d;
		uint32_t   *t;

		if (c[(src[0] >> shift) & 0xff] == n)
			continue;			/* one value of this byte: the pass changes nothing */
		for (d = 0; d < 256; d++)
		{
			size_t		cnt = c[d];

			c[d] = sum;
			sum += cnt;
		}
		for (i = 0; i < n; i++)
			dst[c[(src[i] >> shift) & 0xff]++] = src[i];
		t = src;
		src = dst;
		dst = t;
	}
	if (src != k)
		memcpy(k, src, n * sizeof(uint32_t));
}

/* sort and remove duplicates in place; returns the new count or NX_ENOMEM */
static int
sort_unique(uint32_t *k, int n, const nx_allocator *a)
{
	int			i,
				m = 0;

	if (n == 0)
		return 0;
	if (n <= 64)
		insertion_sort_u32(k, (size_t) n);
	else
	{
		uint32_t   *tmp = nx_alloc(a, (size_t) n * sizeof(uint32_t));

		if (tmp == NULL)
			return NX_ENOMEM;
		radix_sort_u32(k, tmp, (size_t) n);
		nx_free(a, tmp);
	}
	for (i = 1; i < n; i++)
		if (k[i] != k[m])
			k[++m] = k[i];
	return m + 1;
}

/* past this many keys a text switches from sort+unique to a bitmap */
#define NX_KEYS_BITMAP_AT	65536

/* the bitmap's slots: the four key ranges one after another */
#define SLOTS_HPAIR		((size_t) 1 << NX_PAIR_BITS)
#define SLOTS_XPAIR		((size_t) 1 << (2 * NX_PAIR_WORD_BITS))
#define SLOTS_XUNI		((size_t) NX_COMMON_WORD_COUNT)
#define SLOTS_HUNI		((size_t) 1 << NX_UNI_BITS)
#define NX_KEYSPACE		(SLOTS_HPAIR + SLOTS_XPAIR + SLOTS_XUNI + SLOTS_HUNI)

static inline size_t
key_slot(uint32_t k)
{
	if (k >= NX_UNI_BASE)
		return SLOTS_HPAIR + SLOTS_XPAIR + SLOTS_XUNI + (k - NX_UNI_BASE);
	if (k >= NX_EXACT_UNI_BASE)
		return SLOTS_HPAIR + SLOTS_XPAIR + (k - NX_EXACT_UNI_BASE);
	if (k >= NX_EXACT_PAIR_BASE)
		return SLOTS_HPAIR + (k - NX_EXACT_PAIR_BASE);
	return k;
}

static inline uint32_t
slot_key(size_t s)
{
	if (s >= SLOTS_HPAIR + SLOTS_XPAIR + SLOTS_XUNI)
		return NX_UNI_BASE + (uint32_t) (s - SLOTS_HPAIR - SLOTS_XPAIR - SLOTS_XUNI);
	if (s >= SLOTS_HPAIR + SLOTS_XPAIR)
		return NX_EXACT_UNI_BASE + (uint32_t) (s - SLOTS_HPAIR - SLOTS_XPAIR);
	if (s >= SLOTS_HPAIR)
		return NX_EXACT_PAIR_BASE + (uint32_t) (s - SLOTS_HPAIR);
	return (uint32_t) s;
}

/* a text's keys as they are collected: an array, or past NX_KEYS_BITMAP_AT a bitmap */
typedef struct key_set
{
	const nx_allocator *a;
	uint32_t   *k;
	size_t		n;
	size_t		cap;
	uint64_t   *bits;			/* one bit per possible key, once switched */
} key_set;

static inline void
bits_set(uint64_t *bits, uint32_t key)
{
	size_t		s = key_slot(key);

	bits[s >> 6] |= UINT64_C(1) << (s & 63);
}

static int
key_set_add(key_set *ks, uint32_t key)
{
	if (ks->bits)
	{
		bits_set(ks->bits, key);
		return NX_OK;
	}
	if (ks->n == ks->cap)
	{
		if (ks->cap >= NX_KEYS_BITMAP_AT)
		{
			size_t		nbytes = (NX_KEYSPACE + 63) / 64 * sizeof(uint64_t);
			size_t		i;

			ks->bits = nx_alloc(ks->a, nbytes);
			if (ks->bits == NULL)
				return NX_ENOMEM;
			memset(ks->bits, 0, nbytes);
			for (i = 0; i < ks->n; i++)
				bits_set(ks->bits, ks->k[i]);
			bits_set(ks->bits, key);
			return NX_OK;
		}
		else
		{
			size_t		ncap = ks->cap ? ks->cap * 2 : 256;
			uint32_t   *nk;

			nk = ks->k ? nx_resize(ks->a, ks->k, ks->cap * sizeof(uint32_t), ncap * sizeof(uint32_t))
				: nx_alloc(ks->a, ncap * sizeof(uint32_t));
			if (nk == NULL)
				return NX_ENOMEM;
			ks->k = nk;
			ks->cap = ncap;
		}
	}
	ks->k[ks->n++] = key;
	return NX_OK;
}

/* the keys, sorted and distinct, into *keys (allocated) */
static int
key_set_finish(key_set *ks, uint32_t **keys, int *nkeys)
{
	size_t		nwords = (NX_KEYSPACE + 63) / 64;
	size_t		total = 0,
				n = 0,
				w;
	uint32_t   *k;

	if (ks->bits == NULL)
	{
		int			m = sort_unique(ks->k, (int) ks->n, ks->a);

		if (m < 0)
			return m;
		*keys = ks->k;
		*nkeys = m;
		return NX_OK;
	}
	for (w = 0; w < nwords; w++)
		total += (size_t) __builtin_popcountll(ks->bits[w]);
	k = nx_alloc(ks->a, total * sizeof(uint32_t));
	if (k == NULL)
		return NX_ENOMEM;
	/* slots are in key order, so the result is sorted */
	for (w = 0; w < nwords; w++)
	{
		uint64_t	x = ks->bits[w];

		while (x)
		{
			k[n++] = slot_key(w * 64 + (size_t) __builtin_ctzll(x));
			x &= x - 1;
		}
	}
	nx_free(ks->a, ks->k);
	nx_free(ks->a, ks->bits);
	*keys = k;
	*nkeys = (int) n;
	return NX_OK;
}

int
nx_text_keys(const char *text, size_t len, const nx_allocator *a,
			 uint32_t **keys, int *nkeys)
{
	nx_tokenizer t;
	key_set		ks;
	uint64_t	hprev = 0;
	int			idprev = -1;
	int			have_prev = 0;
	int			r;

	*keys = NULL;
	*nkeys = 0;
	memset(&ks, 0, sizeof(ks));
	ks.a = a;
	nx_tok_init(&t, text, len, a);
	while ((r = nx_tok_next(&t)) == 1)
	{
		uint64_t	h = t.tok.hash;
		int			id = nx_common_word_id(t.tok.text, t.tok.len, h);

		if ((r = key_set_add(&ks, nx_key_unigram(id, h))) != NX_OK)
			break;
		if (have_prev && nx_pair_indexed(idprev, id) &&
			(r = key_set_add(&ks, nx_key_pair(idprev, hprev, id, h))) != NX_OK)
			break;
		hprev = h;
		idprev = id;
		have_prev = 1;
	}
	nx_tok_free(&t);
	if (r == 0)
		r = key_set_finish(&ks, keys, nkeys);
	if (r < 0)
	{
		nx_free(a, ks.k);
		nx_free(a, ks.bits);
		return r;
	}
	return NX_OK;
}

/* a key a phrase could query, and the share of tokens that start it (the lower the rarer) */
typedef struct rated_key
{
	uint32_t	key;
	double		rate;
} rated_key;

/*
 * Share of token positions holding the pair of these words: the first word's
 * frequency, times the second's or NX_SEL_PAIR_FLOOR (words of a phrase go
 * together more than independent draws), at most either word's; a hashed
 * pair shares its bucket with the other pairs that fold into it, about
 * NX_HPAIR_BUCKET_RATE of the positions each.
 */
#define NX_HPAIR_BUCKET_RATE	4e-5

static double
pair_rate(int id1, int id2)
{
	double		f1 = nx_token_frequency(id1),
				f2 = nx_token_frequency(id2);
	double		r = f1 * (f2 > NX_SEL_PAIR_FLOOR ? f2 : NX_SEL_PAIR_FLOOR);

	if (r > f2)
		r = f2;
	if (id1 >= NX_PAIR_WORD_COUNT || id2 >= NX_PAIR_WORD_COUNT)
		r += NX_HPAIR_BUCKET_RATE;
	return r;
}

/* rarest first; ties by key, so the choice does not depend on the phrase's word order */
static int
cmp_rate(const void *a, const void *b)
{
	const rated_key *x = a,
			   *y = b;

	if (x->rate != y->rate)
		return x->rate < y->rate ? -1 : 1;
	return x->key < y->key ? -1 : x->key > y->key;
}

int
nx_phrase_keys(const nx_phrase *p, const nx_allocator *a,
			   uint32_t **keys, int *nkeys)
{
	rated_key	rk[2 * NX_PHRASE_MAX_TOKENS];
	uint32_t   *k;
	uint64_t	h,
				hprev = 0;
	int			id,
				idprev = -1;
	uint32_t	i;
	int			n = 0,
				m = 0,
				j;

	for (i = 0; i < p->ntok; i++)
	{
		id = phrase_token_id(p, i, &h);
		if (i > 0 && nx_pair_indexed(idprev, id))
		{
			rk[n].key = nx_key_pair(idprev, hprev, id, h);
			rk[n++].rate = pair_rate(idprev, id);
		}

		/*
		 * a word outside the most common ones narrows the candidates by its
		 * own key, and stands in for the pairs that are not indexed (every
		 * pair with a word outside the list); a lone word needs its key
		 */
		if (p->ntok == 1 || id < 0 || id >= NX_PAIR_WORD_COUNT)
		{
			rk[n].key = nx_key_unigram(id, h);
			rk[n++].rate = nx_token_frequency(id);
		}
		hprev = h;
		idprev = id;
	}
	/* the rarest NX_QUERY_MAX_KEYS distinct keys, in key order */
	k = nx_alloc(a, sizeof(uint32_t) * NX_QUERY_MAX_KEYS);
	if (k == NULL)
		return NX_ENOMEM;
	qsort(rk, (size_t) n, sizeof(rated_key), cmp_rate);
	for (j = 0; j < n && m < NX_QUERY_MAX_KEYS; j++)
	{
		int			seen = 0,
					t;

		for (t = 0; t < m; t++)
			seen |= k[t] == rk[j].key;
		if (!seen)
			k[m++] = rk[j].key;
	}
	insertion_sort_u32(k, (size_t) m);
	*keys = k;
	*nkeys = m;
	return NX_OK;
}

int
nx_phrase_keys_exact(const nx_phrase *p)
{
	uint64_t	h;
	uint32_t	i;

	int			id;

	if (p->ntok > 2)
		return 0;
	for (i = 0; i < p->ntok; i++)
	{
		id = phrase_token_id(p, i, &h);
		if (id < 0 || (p->ntok == 2 && id >= NX_PAIR_WORD_COUNT))
			return 0;
	}
	return 1;
}

long
nx_text_tokens(const char *text, size_t len, const nx_allocator *a,
			   nx_token_fn fn, void *arg)
{
	nx_tokenizer t;
	long		count = 0;
	int			r;

	nx_tok_init(&t, text, len, a);
	while ((r = nx_tok_next(&t)) == 1)
	{
		count++;
		if (fn && !fn(arg, &t.tok))
			break;
	}
	nx_tok_free(&t);
	return r < 0 ? r : count;
}

/* ------------------------------------------------------------------------
 * snippets
 * ------------------------------------------------------------------------ */

typedef struct sbuf
{
	const nx_allocator *a;
	char	   *s;
	size_t		len;
	size_t		cap;
	int			err;
} sbuf;

static void
sb_put(sbuf *b, const char *s, size_t n)
{
	if (b->err)
		return;
	if (b->len + n + 1 > b->cap)
	{
		size_t		ncap = b->cap ? b->cap * 2 : 256;
		char	   *ns;

		while (ncap < b->len + n + 1)
			ncap *= 2;
		ns = b->s ? nx_resize(b->a, b->s, b->cap, ncap) : nx_alloc(b->a, ncap);
		if (ns == NULL)
		{
			b->err = NX_ENOMEM;
			return;
		}
		b->s = ns;
		b->cap = ncap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* ASCII white space; not strchr(), which also finds the NUL terminator */
static inline int
snippet_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* copy text[from..to) collapsing runs of white space to one space */
static void
sb_put_collapsed(sbuf *b, const char *text, size_t from, size_t to)
{
	size_t		i = from,
				run;

	while (i < to)
	{
		run = i;
		while (i < to && !snippet_space(text[i]))
			i++;
		sb_put(b, text + run, i - run);
		if (i < to)
		{
			while (i < to && snippet_space(text[i]))
				i++;
			sb_put(b, " ", 1);
		}
	}
}

int
nx_phrase_snippet(const nx_phrase *p, const char *text, size_t len,
				  int around, const char *start_sel, const char *stop_sel,
				  const nx_allocator *a, char **out, size_t *outlen)
{
	uint32_t	fail[NX_PHRASE_MAX_TOKENS];
	nx_tokenizer t;
	size_t		ringn = (size_t) around + p->ntok;
	size_t	   *ring;
	uint32_t	n = p->ntok;
	uint32_t	j = 0;
	size_t		idx = 0;
	int			r;
	int			found = 0;
	size_t		mstart = 0,
				mend = 0,
				wstart = 0,
				wend = 0,
				mfirst = 0;
	int			more_before = 0,
				more_after = 0;
	sbuf		b;

	*out = NULL;
	*outlen = 0;
	if (around < 0)
		around = 0;
	ring = nx_alloc(a, sizeof(size_t) * ringn);
	if (ring == NULL)
		return NX_ENOMEM;
	kmp_fail(p, fail);
	nx_tok_init(&t, text, len, a);
	t.want_hash = 0;
	while ((r = nx_tok_next(&t)) == 1)
	{
		if (found)
		{
			/* collecting the context after the match */
			if (idx - (mfirst + n) < (size_t) around)
			{
				wend = t.tok.end;
				idx++;
				continue;
			}
			more_after = 1;
			break;
		}
		while (j > 0 && !tok_eq(p, j, &t.tok))
			j = fail[j - 1];
		ring[idx % ringn] = t.tok.start;
		if (tok_eq(p, j, &t.tok) && ++j == n)
		{
			size_t		first_ctx;

			found = 1;
			mfirst = idx + 1 - n;
			mstart = ring[mfirst % ringn];
			mend = wend = t.tok.end;
			first_ctx = mfirst >= (size_t) around ? mfirst - around : 0;
			wstart = ring[first_ctx % ringn];
			more_before = first_ctx > 0;
		}
		idx++;
	}
	nx_tok_free(&t);
	nx_free(a, ring);
	if (r < 0)
		return r;
	if (!found)
		return 0;

	memset(&b, 0, sizeof(b));
	b.a = a;
	if (more_before)
		sb_put(&b, "... ", 4);
	sb_put_collapsed(&b, text, wstart, mstart);
	sb_put(&b, start_sel, strlen(start_sel));
	sb_put_collapsed(&b, text, mstart, mend);
	sb_put(&b, stop_sel, strlen(stop_sel));
	sb_put_collapsed(&b, text, mend, wend);
	if (more_after)
		sb_put(&b, " ...", 4);
	if (b.err == 0 && b.s == NULL)
		sb_put(&b, "", 0);
	if (b.err)
	{
		nx_free(a, b.s);
		return b.err;
	}
	*out = b.s;
	*outlen = b.len;
	return 1;
}
