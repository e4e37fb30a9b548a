/*
 * phrase_query.c - the phrase_query type (input, output, send, receive,
 * equality), text @@@ phrase_query and its commutator, and the query
 * versions of phrase_count and phrase_snippet.  The parser and evaluator are
 * in src/core/phrase_query_*.c.
 */
#include "postgres.h"
#include "pg_compat.h"

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "pg_alloc.h"
#include "encoding.h"
#include "phrase_pg.h"
#include "phrase_query.h"
#include "phrase_query_pg.h"

/* binary format version sent before the canonical text */
#define PHRASE_QUERY_SEND_FORMAT 1
/* bounds of phrase_query_snippet's words_around (as phrase_snippet) */
#define SNIPPET_MAX_AROUND 1000

PG_FUNCTION_INFO_V1(newsext_phrase_query_in);
PG_FUNCTION_INFO_V1(newsext_phrase_query_out);
PG_FUNCTION_INFO_V1(newsext_phrase_query_recv);
PG_FUNCTION_INFO_V1(newsext_phrase_query_send);
PG_FUNCTION_INFO_V1(newsext_phrase_query_eq);
PG_FUNCTION_INFO_V1(newsext_phrase_query_ne);
PG_FUNCTION_INFO_V1(newsext_text_matches_phrase_query);
PG_FUNCTION_INFO_V1(newsext_phrase_query_matches_text);
PG_FUNCTION_INFO_V1(newsext_phrase_query_count);
PG_FUNCTION_INFO_V1(newsext_phrase_query_snippet);

/* a parsed query as one flinfo keeps it between rows */
typedef struct QueryCache
{
	struct varlena *copy;		/* the datum it was made from (4-byte header) */
	nx_pq		q;
} QueryCache;

static struct varlena *
query_from_string(const char *s, size_t len)
{
	char	   *buf;
	size_t		size;
	nx_pq_error err;
	int			r;
	newsext_utf8 u;

	newsext_utf8_from_cstring(s, len, &u);
	r = nx_pq_parse(u.data, u.len, &newsext_palloc_allocator, VARHDRSZ, &buf, &size, &err);
	if (r == NX_PQ_SYNTAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type phrase_query: \"%.*s\"",
						(int) Min(len, 200), s),
				 errdetail("%s", err.detail)));
	if (r == NX_PQ_LIMIT)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("phrase_query is too large"),
				 errdetail("%s", err.detail)));
	if (r != NX_OK)
		newsext_phrase_core_error(r);
	SET_VARSIZE(buf, size);
	return (struct varlena *) buf;
}

/* view a detoasted query (allocates in the current context) */
void
newsext_phrase_query_view(const struct varlena *v, nx_pq *q)
{
	if (nx_pq_view(VARDATA(v), VARSIZE(v) - VARHDRSZ, &newsext_palloc_allocator, q) != NX_OK)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt phrase_query value")));
	if (q->version != NX_TOKENIZER_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("phrase_query value was made by tokenizer version %u, this newsext uses version %d",
						q->version, NX_TOKENIZER_VERSION),
				 errhint("Cast the query to text and back to phrase_query to renormalise it.")));
}

/* the parsed query of argument argno, cached in flinfo across calls */
static const nx_pq *
cached_query(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(argno));
	Size		size = VARSIZE_ANY_EXHDR(v);
	QueryCache *c = fcinfo->flinfo->fn_extra;
	struct varlena *copy;
	MemoryContext old;

	if (c != NULL && c->copy != NULL && VARSIZE(c->copy) - VARHDRSZ == size &&
		memcmp(VARDATA(c->copy), VARDATA_ANY(v), size) == 0)
		return &c->q;
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	if (c == NULL)
		c = fcinfo->flinfo->fn_extra = palloc0(sizeof(QueryCache));
	else if (c->copy != NULL)
	{
		pfree(c->copy);
		nx_pq_view_free(&c->q, &newsext_palloc_allocator);
		c->copy = NULL;
	}
	/* an aligned copy with a 4-byte header: the body is read as uint32s */
	copy = palloc(size + VARHDRSZ);
	SET_VARSIZE(copy, size + VARHDRSZ);
	memcpy(VARDATA(copy), VARDATA_ANY(v), size);
	newsext_phrase_query_view(copy, &c->q);
	c->copy = copy;				/* only once it parsed */
	MemoryContextSwitchTo(old);
	return &c->q;
}

Datum
newsext_phrase_query_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);

	PG_RETURN_POINTER(query_from_string(s, strlen(s)));
}

static char *
query_to_cstring(const nx_pq *q)
{
	char	   *out;
	size_t		len;
	int			r = nx_pq_text(q, &newsext_palloc_allocator, &out, &len);

	if (r != NX_OK)
		newsext_phrase_core_error(r);
	return out;
}

Datum
newsext_phrase_query_out(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	nx_pq		q;

	newsext_phrase_query_view(v, &q);
	PG_RETURN_CSTRING(query_to_cstring(&q));
}

/* binary: a format byte, then the canonical text; the receiver parses it again */
Datum
newsext_phrase_query_send(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	nx_pq		q;
	StringInfoData buf;
	char	   *s;

	newsext_phrase_query_view(v, &q);
	s = query_to_cstring(&q);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, PHRASE_QUERY_SEND_FORMAT);
	pq_sendtext(&buf, s, strlen(s));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
newsext_phrase_query_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			format = pq_getmsgbyte(buf);
	char	   *s;
	int			nbytes;

	if (format != PHRASE_QUERY_SEND_FORMAT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported phrase_query binary format %d", format)));
	s = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	PG_RETURN_POINTER(query_from_string(s, (size_t) nbytes));
}

/* the serialised form is canonical: equal queries have equal bytes */
static bool
query_equal_args(FunctionCallInfo fcinfo)
{
	struct varlena *a = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	struct varlena *b = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1));

	return VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
		memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
}

Datum
newsext_phrase_query_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(query_equal_args(fcinfo));
}

Datum
newsext_phrase_query_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!query_equal_args(fcinfo));
}

static bool
text_matches(text *t, const nx_pq *q)
{
	int			r;
	newsext_utf8 u;

	newsext_utf8_from_text(t, &u);
	r = nx_pq_match(q, u.data, u.len, &newsext_palloc_allocator);
	if (r < 0)
		newsext_phrase_core_error(r);
	return r > 0;
}

Datum
newsext_text_matches_phrase_query(PG_FUNCTION_ARGS)
{
	const nx_pq *q = cached_query(fcinfo, 1);
	text	   *t = PG_GETARG_TEXT_PP(0);
	bool		res = text_matches(t, q);

	PG_FREE_IF_COPY(t, 0);
	PG_RETURN_BOOL(res);
}

Datum
newsext_phrase_query_matches_text(PG_FUNCTION_ARGS)
{
	const nx_pq *q = cached_query(fcinfo, 0);
	text	   *t = PG_GETARG_TEXT_PP(1);
	bool		res = text_matches(t, q);

	PG_FREE_IF_COPY(t, 1);
	PG_RETURN_BOOL(res);
}

Datum
newsext_phrase_query_count(PG_FUNCTION_ARGS)
{
	const nx_pq *q = cached_query(fcinfo, 1);
	text	   *t = PG_GETARG_TEXT_PP(0);
	long		n;
	newsext_utf8 u;

	newsext_utf8_from_text(t, &u);
	n = nx_pq_count(q, u.data, u.len, &newsext_palloc_allocator);
	if (n < 0)
		newsext_phrase_core_error((int) n);
	PG_FREE_IF_COPY(t, 0);
	/* a text of at most 1 GB has fewer than 2^31 tokens */
	PG_RETURN_INT32((int32) n);
}

Datum
newsext_phrase_query_snippet(PG_FUNCTION_ARGS)
{
	const nx_pq *q = cached_query(fcinfo, 1);
	text	   *t = PG_GETARG_TEXT_PP(0);
	int32		around = PG_GETARG_INT32(2);
	/* the marks go into the UTF-8 snippet, which goes back to the server encoding whole */
	char	   *start_sel = newsext_utf8_cstring_from_text(PG_GETARG_TEXT_PP(3));
	char	   *stop_sel = newsext_utf8_cstring_from_text(PG_GETARG_TEXT_PP(4));
	char	   *out;
	size_t		outlen;
	int			r;
	newsext_utf8 u;

	if (around < 0 || around > SNIPPET_MAX_AROUND)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("words_around must be between 0 and %d", SNIPPET_MAX_AROUND)));
	newsext_utf8_from_text(t, &u);
	r = nx_pq_snippet(q, u.data, u.len, around, start_sel, stop_sel,
					  &newsext_palloc_allocator, &out, &outlen);
	if (r < 0)
		newsext_phrase_core_error(r);
	if (r == 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(newsext_text_from_utf8(out, outlen));
}
