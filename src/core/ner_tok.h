/*
 * ner_tok.h - the entity tagger's tokenizer and sentence splitter (plain C99).
 *
 * CoNLL-2003 conventions: punctuation is split off, possessive 's and n't are
 * separate tokens, "U.S." / "Mr." / initials keep their period, hyphenated
 * words ("al-Assad", "1996-08-30") and numbers ("3,000", "1.5") stay whole.
 * Offsets are byte offsets into the input (UTF-8; invalid bytes are punctuation).
 */
#ifndef NX_NER_TOK_H
#define NX_NER_TOK_H

#include <stddef.h>
#include <stdint.h>

#include "nx_alloc.h"

/* token flags */
#define NX_TF_SENT_START	0x0001	/* first token of a sentence */
#define NX_TF_LINE_START	0x0002	/* first token of a line */
#define NX_TF_CAPS_LINE		0x0004	/* the token's line has no lower-case letters */
#define NX_TF_UPPER_INIT	0x0008	/* starts with an upper-case letter */
#define NX_TF_ALL_UPPER		0x0010	/* has letters, none lower-case */
#define NX_TF_HAS_LOWER		0x0020
#define NX_TF_HAS_DIGIT		0x0040
#define NX_TF_WORD			0x0080	/* starts with a letter or digit */
#define NX_TF_NONASCII		0x0100	/* contains bytes >= 0x80 */
#define NX_TF_FOREIGN		0x0200	/* letters from a non-Latin script */
#define NX_TF_HAS_UPPER		0x0400	/* has an upper-case letter anywhere */

typedef struct nx_ner_token
{
	uint32_t	start;			/* byte offset */
	uint32_t	end;			/* byte offset, exclusive */
	uint32_t	flags;
} nx_ner_token;

typedef struct nx_ner_tokens
{
	nx_ner_token *tok;
	size_t		ntok;
	size_t		cap;
	uint32_t   *sent;			/* sentence i is tokens sent[i] .. sent[i+1]-1 */
	size_t		nsent;
} nx_ner_tokens;

/* returns 0, or -1 on allocation failure / interrupt (out is then freed) */
int			nx_ner_tokenize(const char *text, size_t len, const nx_allocator *a,
							nx_ner_tokens *out);
void		nx_ner_tokens_free(nx_ner_tokens *t, const nx_allocator *a);

/* decode one UTF-8 code point at s (n > 0 bytes left); invalid input gives U+FFFD and length 1 */
uint32_t	nx_utf8_decode(const unsigned char *s, size_t n, int *len);
/* code point classes used by the tokenizer */
int			nx_cp_is_word(uint32_t cp);		/* letter, mark or digit */
int			nx_cp_is_space(uint32_t cp);
int			nx_cp_is_upper(uint32_t cp);
int			nx_cp_is_lower(uint32_t cp);

#endif
