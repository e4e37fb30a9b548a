/*
 * quotes.h - direct quotes and their speakers (plain C99).
 *
 * A quote is text in double ("...", “...”, «...») or single ('...', ‘...’) quotation marks
 * within a paragraph (an unclosed double quote runs to the end of its paragraph) that has a
 * speaker:
 *   after it:  "...," Obama told reporters  /  "..." he says  /  "...," according to X
 *   before it: Kerry stressed that "..."   /  The minister said: "..."  /  ..., saying, "..."
 *   none of its own: a further sentence-quote in the paragraph, or a quoted paragraph after
 *              the speaker's paragraph (follow-on), carries the last speaker on.
 * Quoted fragments with no speaker (scare quotes: 'walks back', "walking back", "often
 * outgunned"; titles; terms in a reported sentence) are skipped, and apostrophes never pair.
 * The speaker is the person's fullest name in the article (surnames and kept titles fold
 * into it); he/she and "the minister" are the person most recently named as a speaker or as
 * a sentence's subject; otherwise the entity named, or the attribution phrase itself ("a
 * senior State Department official"). The rules: README "Quotes"; the code: quotes_int.h.
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
