/*
 * pg_text.c - the core works on UTF-8; other server encodings are converted at
 * the boundary, so LATIN1 and friends get correct characters, never cut bytes.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "pg_text.h"

char *
newsext_text_to_utf8(text *t, size_t *len)
{
	char	   *s = VARDATA_ANY(t);
	int			n = VARSIZE_ANY_EXHDR(t);
	char	   *u;

	if (GetDatabaseEncoding() == PG_UTF8 || GetDatabaseEncoding() == PG_SQL_ASCII)
	{
		*len = n;
		return s;
	}
	u = (char *) pg_do_encoding_conversion((unsigned char *) s, n, GetDatabaseEncoding(), PG_UTF8);
	*len = (u == s) ? (size_t) n : strlen(u);
	return u;
}

text *
newsext_utf8_to_text(const char *s)
{
	size_t		n = strlen(s);
	char	   *conv;

	if (GetDatabaseEncoding() == PG_UTF8 || GetDatabaseEncoding() == PG_SQL_ASCII)
		return cstring_to_text_with_len(s, n);
	conv = (char *) pg_do_encoding_conversion((unsigned char *) s, n, PG_UTF8, GetDatabaseEncoding());
	return cstring_to_text(conv);
}
