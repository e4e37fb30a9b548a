/*
 * quotes.h - direct quotes and their speakers (plain C99).
 *
 * A quote is text in straight ("...") or typographic (“...”, «...») double quotes
 * within a paragraph (an unclosed quote runs to the end of its paragraph) that has a
 * speech attribution right next to it:
 *   after it:  "...," Obama told reporters  /  "..." he said  /  "...," said the minister
 *   before it: Kerry stressed that "..."   /  The minister said: "..."
 * Quoted fragments with no speech verb beside them (scare quotes: 'walks back',
 * "walking back", "often outgunned") are not quotes of a speaker and are skipped.
 * The speaker is the canonical entity when the attribution names a person (or is exactly
 * an entity mention), the most recent person named outside quotes for he/she, and
 * otherwise the attribution phrase itself ("a senior State Department official").
 */
#ifndef NX_QUOTES_H
#define NX_QUOTES_H

#include <stddef.h>
#include <stdint.h>

#include "nx_alloc.h"
#include "ner.h"

typedef struct nx_quote
{
	uint32_t	start;			/* byte offset of the quoted text (inside the marks) */
	uint32_t	end;			/* exclusive; trailing comma and spaces trimmed */
	char	   *speaker;		/* NUL-terminated */
	size_t		speaker_len;
	int			speaker_entity; /* index into the entity list, or -1 */
} nx_quote;

typedef struct nx_quote_list
{
	nx_quote   *quotes;			/* in text order */
	size_t		nquotes;
} nx_quote_list;

/* ents: the article's entities from nx_entities_extract (may be empty, not NULL) */
int			nx_quotes_extract(const char *text, size_t len, const nx_entity_list *ents,
							  const nx_allocator *a, nx_quote_list *out);
/* the same over tokens already made by nx_ner_tokenize(text) */
int			nx_quotes_from_tokens(const char *text, const nx_ner_tokens *toks,
								  const nx_entity_list *ents, const nx_allocator *a,
								  nx_quote_list *out);
void		nx_quote_list_free(nx_quote_list *q, const nx_allocator *a);

#endif
