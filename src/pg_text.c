/*
 * pg_text.c - the core works on UTF-8; other server encodings are converted at
 * the boundary, so LATIN1 and friends get correct characters, never cut bytes.
 * SQL_ASCII promises nothing about its bytes: they are parsed when they are UTF-8
 * and refused with an error otherwise, never reinterpreted.
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

	if (GetDatabaseEncoding() == PG_UTF8)
	{
		*len = n;
		return s;
	}
	if (GetDatabaseEncoding() == PG_SQL_ASCII)
	{
		/* bytes of unknown encoding: read them as UTF-8 only when they are UTF-8 */
		int			valid = pg_encoding_verifymbstr(PG_UTF8, s, n);

		if (valid != n)
			ereport(ERROR,
					(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
					 errmsg("article text is not valid UTF-8"),
					 errdetail("The database encoding is SQL_ASCII, so newsext reads text as UTF-8; byte %d is not UTF-8.",
							   valid + 1),
					 errhint("Convert the text to UTF-8 before parsing it, or use a UTF-8 database.")));
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
