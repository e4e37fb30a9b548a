/*
 * article_json.h - the one JSON writer of an analysed article (plain C99): used by
 * parse_article_json and by the CLI.
 *
 * {"headline": ..., every field of nx_fields in table order (dates as "YYYY-MM-DD"),
 *  "entities": [{"entity", "kind", "mentions", "first_position",
 *                "positions": [{"mention", "position", "length"}, ...]}, ...],
 *  "quotes": [{"quote", "speaker", "position"}, ...]}
 * "entities" and "quotes" are written when the analysis has a model. Positions are
 * 1-based, in the unit the caller picks (characters, or bytes in a SQL_ASCII database).
 * The text is UTF-8, as the analysis' strings are.
 *
 * The writer decides the document; a sink receives it as events: as text (nx_json_text_sink,
 * for the CLI) or, in the server, straight into jsonb (src/jsonb_sink.c), so the JSON is
 * never printed and parsed again.
 */
#ifndef NX_ARTICLE_JSON_H
#define NX_ARTICLE_JSON_H

#include "analysis.h"
#include "nx_text.h"

typedef struct nx_json_sink nx_json_sink;

struct nx_json_sink
{
	void		(*begin) (nx_json_sink *sink, int array);	/* an object, or an array */
	void		(*end) (nx_json_sink *sink, int array);
	void		(*key) (nx_json_sink *sink, const char *key);	/* ASCII; its value follows */
	/* UTF-8, NULL for null; valid during the call only (a sink keeps a copy) */
	void		(*string) (nx_json_sink *sink, const char *s, size_t n);
	void		(*number) (nx_json_sink *sink, long v);
	int			failed;			/* a sink out of memory sets it */
};

/* the article as events into sink; returns NX_OK, NX_ENOMEM or NX_EINTR */
int			nx_analysis_json_to(nx_analysis *an, nx_position_unit unit, nx_json_sink *sink);

/* the text sink: appends to out, with ", " and ": " between items (nesting up to 15) */
#define NX_JSON_MAX_DEPTH 16
typedef struct nx_json_text_sink
{
	nx_json_sink sink;
	nx_buf	   *out;
	int			depth;
	int			after_key;		/* the next value follows a key: no separator */
	unsigned char first[NX_JSON_MAX_DEPTH];	/* no item yet at this depth */
} nx_json_text_sink;

void		nx_json_text_sink_init(nx_json_text_sink *t, nx_buf *out);

/* the article as JSON text appended to out; returns NX_OK, NX_ENOMEM or NX_EINTR */
int			nx_analysis_json(nx_analysis *an, nx_position_unit unit, nx_buf *out);

/* a JSON string literal of s[0..n) */
void		nx_json_string(nx_buf *out, const char *s, size_t n);

#endif
