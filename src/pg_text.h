/* pg_text.h - moving text between the server encoding and the core's UTF-8 */
#ifndef NEWSEXT_PG_TEXT_H
#define NEWSEXT_PG_TEXT_H

#include "postgres.h"

#include "pg_compat.h"

/* the argument's bytes in UTF-8 (no copy in a UTF-8 database) */
extern char *newsext_text_to_utf8(text *t, size_t *len);
/* a text Datum from a UTF-8 C string produced by the core */
extern text *newsext_utf8_to_text(const char *s);

#endif
