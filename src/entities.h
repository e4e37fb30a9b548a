/*
 * entities.h - the PostgreSQL side of named entities and quotes, for other modules
 * (parse_article / parse_article_json wire these in).
 */
#ifndef NEWSEXT_ENTITIES_H
#define NEWSEXT_ENTITIES_H

#include "postgres.h"

#include "pg_compat.h"

#include "ner.h"
#include "quotes.h"

/*
 * The entity model, memory-mapped once per backend from
 * $sharedir/extension/newsext_ner.bin. Raises ERROR (ERRCODE_UNDEFINED_FILE or
 * ERRCODE_CONFIG_FILE_ERROR) when the file is missing or damaged.
 */
extern const nx_ner_model *newsext_ner_model(void);

/*
 * Entities of a server-encoded text, computed in CurrentMemoryContext. The core works on
 * UTF-8: in a UTF-8 (or single-byte) database *utf8 is the text itself, otherwise a
 * converted copy; offsets in the lists are byte offsets into *utf8.
 */
/* true when newsext_extract_entities works on a UTF-8 copy (multi-byte, non-UTF-8 databases) */
extern bool newsext_entities_in_utf8(void);
extern void newsext_extract_entities(const char *text, int len, nx_entity_list *ents,
									 const char **utf8, int *utf8len);
extern void newsext_extract_quotes(const char *utf8, int utf8len, const nx_entity_list *ents,
								   nx_quote_list *quotes);

/* 1-based character position of a byte offset, counting forward from a previous (byte, char) pair */
typedef struct newsext_charpos
{
	const char *s;
	int			byte;
	int			chr;
	int			utf8;			/* s is UTF-8 (else a single-byte encoding) */
} newsext_charpos;
extern void newsext_charpos_init(newsext_charpos *cp, const char *s);
extern int	newsext_charpos_at(newsext_charpos *cp, int byte_offset);	/* 1-based */
extern int	newsext_char_length(const char *s, int nbytes, int utf8);

/* text in the server encoding from a UTF-8 piece of the processed buffer */
extern text *newsext_text_from(const char *s, int len);

/* text[] of canonical names of one kind (NX_KIND_*), in order of first mention */
extern Datum newsext_entity_names(const nx_entity_list *ents, int kind);

/*
 * jsonb {"entities": [{"entity", "kind", "mentions", "first_position",
 *                      "positions": [{"mention", "position", "length"}, ...]}, ...],
 *        "quotes": [{"quote", "speaker", "position"}, ...]}
 * for parse_article_json: merge it into the article object (jsonb || jsonb).
 */
extern Datum newsext_entities_jsonb(const char *text, int len);
/* the same from entities already extracted (offsets into the UTF-8 buffer u) */
extern Datum newsext_entities_jsonb_from(const nx_entity_list *ents, const char *u, int ulen);

#endif
