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
 */
#ifndef NX_ARTICLE_JSON_H
#define NX_ARTICLE_JSON_H

#include "analysis.h"
#include "nx_text.h"

/* appends the object to out; returns NX_OK, NX_ENOMEM or NX_EINTR */
int			nx_analysis_json(nx_analysis *an, nx_position_unit unit, nx_buf *out);

/* a JSON string literal of s[0..n) */
void		nx_json_string(nx_buf *out, const char *s, size_t n);

#endif
