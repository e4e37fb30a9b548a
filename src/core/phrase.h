/*
 * phrase.h - phrases (normalised token sequences), contiguous matching,
 * index keys and snippets.  Plain C99, no PostgreSQL.
 *
 * Serialised phrase (the body of the SQL type, after the varlena header; all
 * fields native-endian uint32, 4-byte aligned):
 *     version            NX_TOKENIZER_VERSION the tokens were made with
 *     ntok               number of tokens, 1..NX_PHRASE_MAX_TOKENS
 *     hash32[ntok]       low 32 bits of nx_token_hash of each token
 *     off[ntok + 1]      byte offsets of the tokens in data, off[0] = 0
 *     data[off[ntok]]    the normalised tokens, concatenated
 *
 * Index keys (int4, part of the on-disk format together with the tokenizer
 * and the common-word list of phrase_words.h; NX_TOKENIZER_VERSION 3):
 *     exact pair     = 2^28 + (id(t[i]) << 8 | id(t[i+1]))   both ids < 256
 *     exact unigram  = 2^29 + id(t[i])                       t[i] a common word (id < 4096)
 *     hashed pair    = top NX_PAIR_BITS bits of hash(t[i], t[i+1]), in [0, 2^NX_PAIR_BITS)
 *                      both ids < NX_HPAIR_WORD_COUNT, not both < 256
 *     hashed unigram = 2^30 + top NX_UNI_BITS bits of hash(t[i])   t[i] not a common word
 * A text yields the unigram key of every token and the pair key of every
 * adjacent pair of two words among the NX_HPAIR_WORD_COUNT most common (the
 * CommonGrams idea: a pair only where both words are too frequent for their
 * own keys to narrow the rows much).  A phrase of one token queries its
 * unigram key; a longer phrase the keys of its indexed pairs and the unigram
 * keys of its words outside the 256 most common, at most NX_QUERY_MAX_KEYS of
 * them (the rarest; not part of the format).  Folding the hashes into 2^b
 * buckets bounds the number of distinct keys (each costs an index entry); the
 * price is false positives, which the recheck removes.  Exact keys need no
 * recheck when they are the whole query (one common word, or a pair of the
 * 256 most common): the phrases with the most matching rows.  Version 2 had
 * every adjacent pair, 2^18 pair and 2^20 word buckets: 2.4x the table on
 * distinct real articles against 0.96x (bench/README.md).
 */
#ifndef NX_PHRASE_H
#define NX_PHRASE_H

#include <stddef.h>
#include <stdint.h>

#include "nx_alloc.h"
#include "tokenize.h"

/* limits on a phrase (documented in doc/phrase.md) */
#define NX_PHRASE_MAX_TOKENS	256
#define NX_PHRASE_MAX_BYTES		(64 * 1024)

#ifndef NX_PAIR_BITS
#define NX_PAIR_BITS	12
#endif
#ifndef NX_UNI_BITS
#define NX_UNI_BITS		16
#endif
#define NX_UNI_BASE			(UINT32_C(1) << 30)
#define NX_EXACT_PAIR_BASE	(UINT32_C(1) << 28)
#define NX_EXACT_UNI_BASE	(UINT32_C(1) << 29)

/* extra error codes of nx_phrase_encode */
#define NX_PHRASE_EMPTY		(-10)	/* no token at all */
#define NX_PHRASE_TOO_MANY	(-11)	/* more than NX_PHRASE_MAX_TOKENS */
#define NX_PHRASE_TOO_LONG	(-12)	/* input over NX_PHRASE_MAX_BYTES */

/* a read-only view of a serialised phrase */
typedef struct nx_phrase
{
	uint32_t	version;
	uint32_t	ntok;
	const uint32_t *hash32;
	const uint32_t *off;
	const char *data;
} nx_phrase;

/*
 * Tokenise s[0..len) into a serialised phrase.  The result is allocated with
 * `prefix` spare bytes in front (for a varlena header); *out points at the
 * allocation, *outsize is its total size.  Returns NX_OK or an error code.
 */
extern int	nx_phrase_encode(const char *s, size_t len, const nx_allocator *a,
							 size_t prefix, char **out, size_t *outsize);

/*
 * View a serialised phrase of `size` bytes.  Returns NX_OK, or -1 if the
 * bytes are not a well-formed phrase.
 */
extern int	nx_phrase_view(const void *body, size_t size, nx_phrase *p);

/* size in bytes of the canonical text (tokens joined by one space, no NUL) */
extern size_t nx_phrase_text_len(const nx_phrase *p);

/* write the canonical text into dst (nx_phrase_text_len bytes, no NUL) */
extern void nx_phrase_text(const nx_phrase *p, char *dst);

/* are two phrases equal (same tokens) */
extern int	nx_phrase_equal(const nx_phrase *a, const nx_phrase *b);

/*
 * Total order: token by token, bytewise, a proper prefix first.  This is the
 * bytewise order of the canonical texts (the space is below every token byte).
 */
extern int	nx_phrase_cmp(const nx_phrase *a, const nx_phrase *b);

/* one occurrence of a phrase in a text */
typedef struct nx_match
{
	size_t		start;			/* byte offset of the first token */
	size_t		end;			/* byte offset just past the last token */
	size_t		first_token;	/* 0-based index of the first token */
} nx_match;

/* called for each occurrence; return nonzero to continue, 0 to stop */
typedef int (*nx_match_fn) (void *arg, const nx_match *m);

/*
 * Find the occurrences of p in text, left to right, non-overlapping (after a
 * match the search restarts behind it).  fn may be NULL (count only).
 * Returns the number of occurrences reported, or a negative NX_E* code.
 */
extern long nx_phrase_scan(const nx_phrase *p, const char *text, size_t len,
						   const nx_allocator *a, nx_match_fn fn, void *arg);

/* 1 if text contains p, 0 if not, negative on error */
extern int	nx_phrase_contains(const nx_phrase *p, const char *text, size_t len,
							   const nx_allocator *a);

/* the number of occurrences nx_phrase_scan reports, or a negative NX_E* code (faster) */
extern long nx_phrase_count(const nx_phrase *p, const char *text, size_t len,
							const nx_allocator *a);

/* index keys ------------------------------------------------------------ */

/* keys of one token / one adjacent pair: id = nx_common_word_id() or -1, h = its hash */
extern uint32_t nx_key_unigram(int id, uint64_t h);
extern uint32_t nx_key_pair(int id1, uint64_t h1, int id2, uint64_t h2);

/*
 * Is the pair of these two words (ids from nx_common_word_id) indexed: both
 * among the NX_HPAIR_WORD_COUNT most common words.  A pair with a rarer word
 * has no key: the rarer word's own key is already selective.
 */
#ifndef NX_HPAIR_WORD_COUNT
#define NX_HPAIR_WORD_COUNT	1024
#endif
extern int	nx_pair_indexed(int id1, int id2);

/* is the key exact (a common word or a pair of them), not a hash bucket */
extern int	nx_key_is_exact(uint32_t key);

/*
 * Keys of a text: sorted, distinct.  *keys is allocated with a (caller
 * frees), *nkeys set.  Returns NX_OK or an error code.
 */
extern int	nx_text_keys(const char *text, size_t len, const nx_allocator *a,
						 uint32_t **keys, int *nkeys);

/*
 * Keys a phrase queries: sorted, distinct, at most NX_QUERY_MAX_KEYS, the
 * rarest by the word-frequency model of phrase_sel.h.  GIN reads the posting
 * list of every key it is given, and with more than five keys PostgreSQL's
 * GIN (which calls the boolean consistent function: gin_phrase_ops has no
 * triConsistent, see src/phrase_gin.c) drives the scan from all but the four
 * most frequent keys; five of the rarest keys already narrow a phrase to
 * about its rows.  Any subset is correct: a text containing the phrase has
 * all of them.
 */
#define NX_QUERY_MAX_KEYS	5
extern int	nx_phrase_keys(const nx_phrase *p, const nx_allocator *a,
						   uint32_t **keys, int *nkeys);

/*
 * 1 if a text has all of p's keys only when it contains p, so an index needs
 * no recheck: p is one common word, or two of the most common, its key exact.
 */
extern int	nx_phrase_keys_exact(const nx_phrase *p);

/* tokens of a text, for debugging: calls fn for each; returns count or error */
typedef int (*nx_token_fn) (void *arg, const nx_token *t);
extern long nx_text_tokens(const char *text, size_t len, const nx_allocator *a,
						   nx_token_fn fn, void *arg);

/* snippets --------------------------------------------------------------- */

/*
 * A highlighted excerpt around the first occurrence of p: up to `around`
 * tokens before and after it, the occurrence wrapped in start_sel/stop_sel,
 * white space runs collapsed to one space, "... " / " ..." where the text
 * goes on.  *out is NUL-terminated and allocated with a.  Returns 1 with
 * *out set, 0 if p does not occur (no allocation), or a negative code.
 */
extern int	nx_phrase_snippet(const nx_phrase *p, const char *text, size_t len,
							  int around, const char *start_sel, const char *stop_sel,
							  const nx_allocator *a, char **out, size_t *outlen);

#endif							/* NX_PHRASE_H */
