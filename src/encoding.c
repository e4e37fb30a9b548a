/*
 * encoding.c - the one encoding boundary; see encoding.h for the rule per encoding.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "encoding.h"

nx_position_unit
newsext_position_unit(void)
{
	return GetDatabaseEncoding() == PG_SQL_ASCII ? NX_POSITION_BYTES : NX_POSITION_CHARS;
}

void
newsext_utf8_from_cstring(const char *s, size_t len, newsext_utf8 *v)
{
	int			enc = GetDatabaseEncoding();

	v->unit = newsext_position_unit();
	v->data = s;
	v->len = len;
	if (enc == PG_UTF8)
		return;
	if (enc == PG_SQL_ASCII)
	{
		/* bytes of unknown encoding: read them as UTF-8 only when they are UTF-8 */
		int			valid = pg_encoding_verifymbstr(PG_UTF8, s, (int) len);

		if (valid != (int) len)
			ereport(ERROR,
					(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
					 errmsg("text is not valid UTF-8"),
					 errdetail("The database encoding is SQL_ASCII, so newsext reads text as UTF-8; byte %d is not UTF-8.",
							   valid + 1),
					 errhint("Convert the text to UTF-8, or use a UTF8 database.")));
		return;
	}
	v->data = (const char *) pg_do_encoding_conversion((unsigned char *) s, (int) len, enc, PG_UTF8);
	if (v->data != s)
		v->len = strlen(v->data);
}

void
newsext_utf8_from_text(const text *t, newsext_utf8 *v)
{
	newsext_utf8_from_cstring(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), v);
}

char *
newsext_utf8_cstring_from_text(const text *t)
{
	newsext_utf8 v;

	newsext_utf8_from_text(t, &v);
	return pnstrdup(v.data, v.len);
}

char *
newsext_cstring_from_utf8(const char *s, size_t len)
{
	int			enc = GetDatabaseEncoding();

	if (enc == PG_UTF8 || enc == PG_SQL_ASCII || len == 0)
		return pnstrdup(s, len);
	/* characters that came from the database text always map back */
	return pg_any_to_server(s, (int) len, PG_UTF8);
}

text *
newsext_text_from_utf8(const char *s, size_t len)
{
	int			enc = GetDatabaseEncoding();
	char	   *c;

	if (enc == PG_UTF8 || enc == PG_SQL_ASCII)
		return cstring_to_text_with_len(s, (int) len);
	c = pg_any_to_server(s, (int) len, PG_UTF8);
	return cstring_to_text_with_len(c, c == s ? (int) len : (int) strlen(c));
}
