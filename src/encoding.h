/*
 * encoding.h - the one encoding boundary: every text argument becomes one UTF-8 view
 * here, every UTF-8 result goes back to the server encoding here, and byte offsets into
 * the view become positions as substr() counts them in the database. Nothing else in
 * the PostgreSQL layer converts.
 *
 * The rule per server encoding:
 *   UTF8        the text itself, no copy.
 *   SQL_ASCII   the bytes are read as UTF-8 when they are UTF-8; any other byte raises
 *               22021 (character_not_in_repertoire), in every function. Positions count
 *               bytes, as substr() does in a SQL_ASCII database.
 *   any other   converted to UTF-8 (the server already checked the text is valid in its
 *               encoding) and results converted back; positions count characters.
 */
#ifndef NEWSEXT_ENCODING_H
#define NEWSEXT_ENCODING_H

#include "postgres.h"
#include "pg_compat.h"

#include "nx_text.h"

typedef struct newsext_utf8
{
	const char *data;			/* UTF-8, NUL-terminated when converted */
	size_t		len;
	nx_position_unit unit;		/* what substr() counts in this database */
} newsext_utf8;

/* the argument as UTF-8 (no copy in a UTF-8 database) */
extern void newsext_utf8_from_text(const text *t, newsext_utf8 *v);
/* the same for a server-encoded C string (type input functions) */
extern void newsext_utf8_from_cstring(const char *s, size_t len, newsext_utf8 *v);
/* a NUL-terminated UTF-8 copy of a short argument (snippet marks) */
extern char *newsext_utf8_cstring_from_text(const text *t);

/* server-encoded results from UTF-8 made by the core */
extern text *newsext_text_from_utf8(const char *s, size_t len);
extern char *newsext_cstring_from_utf8(const char *s, size_t len);

/* the position unit of this database (characters, or bytes in SQL_ASCII) */
extern nx_position_unit newsext_position_unit(void);

#endif
