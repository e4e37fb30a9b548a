/*
 * ner_model.h - the entity tagger: hashed features, the model file, Viterbi.
 *
 * Labels are BILOU over four kinds (PER, ORG, LOC, MISC) plus O: 17 labels.
 * Features are 64-bit hashes of (template, value); the model file maps them to
 * rows of 17 int16 weights through an open-addressing table, so loading is a
 * pointer cast over a memory-mapped (or compiled-in) buffer.
 */
#ifndef NX_NER_MODEL_H
#define NX_NER_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "nx_alloc.h"
#include "nx_hash.h"
#include "ner_tok.h"

#define NX_NER_NKINDS	4		/* PER ORG LOC MISC */
#define NX_NER_NLABELS	17		/* O, then B I L U per kind */
#define NX_NER_MAXFEAT	80		/* features per token, at most */

#define NX_NER_MAGIC	"NXNER\0\0\1"
#define NX_NER_FORMAT	2		/* 2: word classes section */

/* label helpers: 0 = O; kind k (0..3), position p (0=B 1=I 2=L 3=U) -> 1 + 4k + p */
#define NX_NER_LABEL(k, p)	((uint8_t) (1 + 4 * (k) + (p)))
#define NX_NER_KIND(l)		((l) == 0 ? -1 : ((int) (l) - 1) / 4)
#define NX_NER_POS(l)		((l) == 0 ? -1 : ((int) (l) - 1) % 4)

/* gazetteer classes (bits) */
#define NX_GAZ_COUNTRY	0x01
#define NX_GAZ_CITY		0x02
#define NX_GAZ_DEMONYM	0x04
#define NX_GAZ_FIRSTNAME 0x08
#define NX_GAZ_REGION	0x10
#define NX_GAZ_ORG		0x20	/* companies, universities, parties, agencies */
#define NX_GAZ_TEAM		0x40	/* sports clubs and teams */
#define NX_GAZ_NCLASSES	7
#define NX_GAZ_PREFIX	0x80	/* a proper prefix of a longer entry */

/*
 * The same table also holds word statistics from unlabelled news text, keyed by
 * nx_lex_key(lower-case hash); the class byte is then a code: bits 0-1 how often the word
 * is capitalised mid-sentence, 2-3 / 4-5 / 6-7 how often it follows a title or first name,
 * precedes a company suffix, follows a locative preposition (0 never .. 3 mostly).
 */
static inline uint64_t
nx_lex_key(uint64_t hl)
{
	uint64_t	x = hl ^ 0x4c45584c45584c45ULL;

	x ^= x >> 31;
	x *= 0x7fb5d329728ea185ULL;
	x ^= x >> 27;
	return x | 1;
}

/*
 * Word classes learned from unlabelled news text (tools/model/clusters.c), keyed by
 * nx_clu_key(exact-form hash): a code NX_CLU_KNOWN | class at each of three granularities,
 * NX_CLU_BITS bits each, coarsest first.
 */
#define NX_CLU_LEVELS	3
#define NX_CLU_BITS		10
#define NX_CLU_KNOWN	0x80000000u
#define NX_CLU_CLASS(code, level) (((code) >> ((level) * NX_CLU_BITS)) & ((1u << NX_CLU_BITS) - 1))

static inline uint64_t
nx_clu_key(uint64_t hw)
{
	return nx_lex_key(hw ^ 0x434c555354455253ULL);	/* a table of its own: any distinct salt */
}

/* the first slot to probe for a word-class key (linear probing from there) */
static inline uint32_t
nx_clu_home(uint64_t key, uint32_t mask)
{
	return (uint32_t) (key >> 9) & mask;
}

typedef struct nx_ner_gaz
{
	uint32_t	mask;			/* table size - 1 (0 = no gazetteer) */
	uint32_t	maxlen;			/* longest entry in tokens */
	const uint64_t *keys;
	const uint8_t *cls;
	/* word classes: a table of its own (NULL clu_keys = none) */
	uint32_t	clu_mask;
	const uint64_t *clu_keys;
	const uint32_t *clu_codes;
} nx_ner_gaz;

typedef struct nx_ner_header
{
	char		magic[8];
	uint32_t	format;
	uint32_t	nlabels;
	uint32_t	slot_bits;
	uint32_t	nrows;
	uint32_t	gaz_bits;
	uint32_t	gaz_maxlen;
	float		scale;
	uint32_t	clu_bits;		/* word-class table: 1 << clu_bits slots, 0 = none */
	uint64_t	off_trans;		/* float[(NLABELS + 1) * NLABELS]: row NLABELS is the start */
	uint64_t	off_slots;		/* uint64[1 << slot_bits]: fingerprint << 32 | (row + 1) */
	uint64_t	off_rows;		/* int16[nrows * NLABELS] */
	uint64_t	off_gaz_keys;	/* uint64[1 << gaz_bits] */
	uint64_t	off_gaz_cls;	/* uint8[1 << gaz_bits] */
	uint64_t	off_clu_keys;	/* uint64[1 << clu_bits]: nx_clu_key, 0 = empty */
	uint64_t	off_clu_codes;	/* uint32[1 << clu_bits] */
	uint64_t	total_size;
	char		version[64];	/* free text: model version */
} nx_ner_header;

/*
 * Optional cache of the weight sums of the features that depend on a token's text alone (word,
 * lower-case form, shapes, affixes, length, bias), keyed by the exact token bytes: most tokens
 * are frequent words, and a hit replaces a dozen hashes and model lookups with one. Integer sums
 * are exact in any order, so the scores are the same with or without it.
 */
typedef struct nx_ner_wcache nx_ner_wcache;

typedef struct nx_ner_model
{
	const nx_ner_header *hdr;
	const float *trans;
	const uint64_t *slots;
	uint32_t	slot_mask;
	const int16_t *rows;
	float		scale;
	nx_ner_gaz	gaz;
	nx_ner_wcache *wcache;		/* NULL: no cache */
} nx_ner_model;

/* validate a model image; 0 on success, else -1 and *err says why */
int			nx_ner_model_open(const void *buf, size_t len, nx_ner_model *m, const char **err);

/* bytes of memory the cache needs; give nx_ner_model_set_cache that much (any alignment),
 * which it owns from then on (it is never freed by the core) */
size_t		nx_ner_wcache_size(void);
void		nx_ner_model_set_cache(nx_ner_model *m, void *mem);

/* ---- hashing (the mixer is nx_mix64 in nx_hash.h) ---- */

uint64_t	nx_hash_bytes(const char *s, size_t n);
/* hash of the lower-cased form (Unicode simple case folding) */
uint64_t	nx_hash_lower(const char *s, size_t n);
/* gazetteer key of a token sequence from its lower-case hashes */
uint64_t	nx_gaz_key(const uint64_t *hl, size_t n);

/* ---- per-document feature context ---- */
typedef struct nx_ner_docent
{
	uint64_t	hl;				/* 0 = empty slot */
	uint64_t	variant;		/* hash of the first title-case form seen mid-sentence */
	uint16_t	flags;
	uint16_t	hist[NX_NER_NKINDS + 1];	/* predicted kinds so far: O, PER, ORG, LOC, MISC */
} nx_ner_docent;

typedef struct nx_ner_doc
{
	const char *text;
	const nx_ner_tokens *toks;
	uint64_t   *hw;				/* per token: exact-form hash */
	uint64_t   *hl;				/* lower-case hash */
	uint64_t   *hs;				/* short shape hash */
	uint64_t   *hshape;			/* long shape hash */
	uint8_t    *gaz;			/* per token, per class: 0 none, 1+pos (B I L U) */
	uint16_t   *lex;			/* per token: 0 unknown, else 0x100 | word-statistics code */
	uint32_t   *clu;			/* per token: word-class code, 0 = not in the table */
	nx_ner_docent *map;
	uint32_t	map_mask;
} nx_ner_doc;

int			nx_ner_doc_init(nx_ner_doc *d, const char *text, const nx_ner_tokens *toks,
							const nx_ner_gaz *gaz, const nx_allocator *a);
void		nx_ner_doc_free(nx_ner_doc *d, const nx_allocator *a);
/* features of token i in the sentence [s, e); returns how many were written to keys */
int			nx_ner_features(const nx_ner_doc *d, size_t i, size_t s, size_t e, uint64_t *keys);
/* the same features in two parts: those of the token's text alone, and all the others */
int			nx_ner_word_features(const nx_ner_doc *d, size_t i, uint64_t *keys);
int			nx_ner_context_features(const nx_ner_doc *d, size_t i, size_t s, size_t e, uint64_t *keys);
/* record the labels the tagger gave to sentence [s, e) (document history feature) */
void		nx_ner_doc_observe(nx_ner_doc *d, size_t s, size_t e, const uint8_t *labels);

/* ---- decoding ---- */
/* 1 if label b may follow label a (a = NX_NER_NLABELS means sentence start) */
int			nx_ner_transition_ok(int a, int b);
/* best label sequence for em[n][NLABELS] under trans; back is scratch of n * NLABELS bytes */
void		nx_ner_viterbi(const float *em, size_t n, const float *trans, uint8_t *out,
						   uint8_t *back);
/* emission scores of one token from the model */
void		nx_ner_model_score(const nx_ner_model *m, const uint64_t *keys, int nkeys, float *out);

/* entities start on a token with an upper-case letter or a digit */
static inline void
nx_ner_constrain(uint32_t flags, float *em)
{
	if (!(flags & (NX_TF_HAS_UPPER | NX_TF_HAS_DIGIT)))
		for (int k = 0; k < NX_NER_NKINDS; k++)
			em[NX_NER_LABEL(k, 0)] = em[NX_NER_LABEL(k, 3)] = -1e30f;
}

/* tag a whole tokenized document: labels[ntok] */
int			nx_ner_tag(const nx_ner_model *m, const char *text, const nx_ner_tokens *toks,
					   const nx_allocator *a, uint8_t *labels);

#endif
