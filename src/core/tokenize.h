/*
 * tokenize.h - the phrase tokenizer: text -> a stream of normalised tokens.
 *
 * THIS IS AN ON-DISK FORMAT.  The tokens (and the keys computed from them,
 * see phrase.h) are what gin_phrase_ops stores in its index.  Any change to
 * the rules below, to the hash functions, to the common-word list
 * (phrase_words.h), or to the Unicode tables of the libutf8proc we link
 * against can change the keys of existing text and requires REINDEX of every
 * gin_phrase_ops index.  Bump NX_TOKENIZER_VERSION with every such change and
 * say so in the upgrade script and the changelog.
 *
 * Versions: 1 first release of the rules below; 2 same tokens, new index keys
 * (exact keys for common words and their pairs, 2^20 hashed unigram buckets);
 * 3 same tokens, fewer keys (pairs only between common words, 2^12 pair and
 * 2^16 word buckets).  Phrase values keep their tokens across these versions:
 * NX_TOKENS_SAME_SINCE is the oldest version whose tokens equal this one's.
 *
 * Rules (versions 1 to 3):
 *  - The input is UTF-8.  A byte that does not start a valid UTF-8 sequence
 *    is a separator; it never stops or crashes the tokenizer.
 *  - Every code point is first case-folded and decomposed to NFKD
 *    (compatibility decomposition: "ﬁ" -> "fi", full-width "Ａ" -> "a",
 *    "²" -> "2"); combining marks of every kind are then dropped, so
 *    "São" = "Sao" and "Erdoğan" = "Erdogan".  Default-ignorable code points
 *    (soft hyphen, zero-width space and joiners, BOM) are dropped too, so they
 *    join rather than split: "co\u00ADoperate" = "cooperate".
 *  - A token is a maximal run of letters (general category L*) and decimal
 *    digits (Nd) after that normalisation.
 *  - Ideographs and the characters of scripts written without spaces (Han,
 *    Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) are one token each, so a
 *    phrase in those scripts matches as a substring does.
 *  - Everything else separates tokens: white space, line breaks, hyphens and
 *    dashes, all punctuation, symbols.  Apostrophes and quotes of every shape
 *    (' ’ ‘ ʼ ` ´ " “ ” « ») are separators too, including the modifier
 *    letters U+02B9..U+02BF, U+02C8, U+02CA, U+02CB and U+02EE, so
 *    "Assad's" and "Assad’s" both give the tokens "assad" "s".
 */
#ifndef NX_TOKENIZE_H
#define NX_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

#include "nx_alloc.h"

#define NX_TOKENIZER_VERSION 3
#define NX_TOKENS_SAME_SINCE 1

/* ASCII bytes: 0 for a separator, else the byte as it appears in a token (lower case) */
extern const unsigned char nx_tok_ascii_word[128];

/* error codes returned by core functions (negative) */

typedef struct nx_token
{
	const char *text;			/* normalised UTF-8, not NUL-terminated */
	size_t		len;			/* bytes in text */
	size_t		start;			/* byte offset of the token in the input */
	size_t		end;			/* byte offset just past it */
	uint64_t	hash;			/* nx_token_hash(text, len), if want_hash */
} nx_token;

typedef struct nx_tokenizer
{
	const unsigned char *src;
	size_t		len;
	size_t		pos;			/* next input byte */
	size_t		next_poll;		/* poll nx_interrupted when pos passes it */
	const nx_allocator *a;

	char	   *buf;			/* the token being built */
	size_t		blen;
	size_t		bcap;
	int			intok;

	/* code points produced by the decomposition of one input character */
	int32_t		dbuf[32];
	int			dlen;
	int			didx;
	size_t		dstart;			/* offsets of the input character */
	size_t		dend;

	int			err;			/* sticky error */
	int			want_hash;		/* fill tok.hash (default 1; matching turns it off) */
	nx_token	tok;			/* the current token, valid until the next call */
} nx_tokenizer;

/* set up a tokenizer over src[0..len); allocates nothing until the first token */
extern void nx_tok_init(nx_tokenizer *t, const char *src, size_t len, const nx_allocator *a);

/*
 * Advance to the next token: returns 1 and fills t->tok, 0 at the end of the
 * input, or a negative NX_E* code (out of memory, interrupted).
 */
extern int	nx_tok_next(nx_tokenizer *t);

/* release the token buffer */
extern void nx_tok_free(nx_tokenizer *t);

/* the stable 64-bit hash of a normalised token (part of the on-disk format) */
extern uint64_t nx_token_hash(const char *s, size_t len);

/* version of the Unicode tables the tokenizer uses (from libutf8proc) */
extern const char *nx_tok_unicode_version(void);

#endif							/* NX_TOKENIZE_H */
