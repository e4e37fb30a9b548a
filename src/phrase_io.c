/*
 * phrase_io.c - the phrase type: input, output, send, receive, equality, hash.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "encoding.h"
#include "pg_alloc.h"
#include "phrase_pg.h"

/* binary format version sent before the canonical text */
#define PHRASE_SEND_FORMAT 1

PG_FUNCTION_INFO_V1(newsext_phrase_in);
PG_FUNCTION_INFO_V1(newsext_phrase_out);
PG_FUNCTION_INFO_V1(newsext_phrase_recv);
PG_FUNCTION_INFO_V1(newsext_phrase_send);
PG_FUNCTION_INFO_V1(newsext_phrase_eq);
PG_FUNCTION_INFO_V1(newsext_phrase_ne);
PG_FUNCTION_INFO_V1(newsext_phrase_hash);
PG_FUNCTION_INFO_V1(newsext_phrase_cmp);
PG_FUNCTION_INFO_V1(newsext_phrase_lt);
PG_FUNCTION_INFO_V1(newsext_phrase_le);
PG_FUNCTION_INFO_V1(newsext_phrase_gt);
PG_FUNCTION_INFO_V1(newsext_phrase_ge);

void
newsext_phrase_core_error(int code)
{
	if (code == NX_ENOMEM)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory")));
	/* NX_EINTR cannot reach here: the allocator's interrupt hook longjmps */
	elog(ERROR, "newsext phrase core failed with code %d", code);
	pg_unreachable();
}

void
newsext_phrase_view(const NewsextPhrase *ph, nx_phrase *p)
{
	if (nx_phrase_view(VARDATA(ph), VARSIZE(ph) - VARHDRSZ, p) != NX_OK)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt phrase value")));
	/* the tokens did not change since NX_TOKENS_SAME_SINCE, only the index keys */
	if (p->version < NX_TOKENS_SAME_SINCE || p->version > NX_TOKENIZER_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("phrase value was made by tokenizer version %u, this newsext uses version %d",
						p->version, NX_TOKENIZER_VERSION),
				 errhint("Cast the phrase to text and back to phrase to renormalise it.")));
}

/* parse s[0..len) into a phrase datum; `shown` is what error messages quote */
static NewsextPhrase *
phrase_from_string(const char *s, size_t len)
{
	char	   *buf;
	size_t		size;
	int			r;
	newsext_utf8 u;

	newsext_utf8_from_cstring(s, len, &u);
	r = nx_phrase_encode(u.data, u.len, &newsext_palloc_allocator, VARHDRSZ, &buf, &size);
	switch (r)
	{
		case NX_OK:
			break;
		case NX_PHRASE_EMPTY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type phrase: \"%.*s\"", (int) len, s),
					 errdetail("A phrase needs at least one letter or digit; punctuation and white space only separate words.")));
			break;
		case NX_PHRASE_TOO_LONG:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("phrase is too long"),
					 errdetail("A phrase literal can have at most %d bytes; this one has %zu.",
							   NX_PHRASE_MAX_BYTES, len)));
			break;
		case NX_PHRASE_TOO_MANY:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("phrase has too many words"),
					 errdetail("A phrase can have at most %d words.", NX_PHRASE_MAX_TOKENS)));
			break;
		default:
			newsext_phrase_core_error(r);
	}
	SET_VARSIZE(buf, size);
	return (NewsextPhrase *) buf;
}

Datum
newsext_phrase_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);

	PG_RETURN_POINTER(phrase_from_string(s, strlen(s)));
}

static char *
phrase_to_cstring(const nx_phrase *p)
{
	size_t		n = nx_phrase_text_len(p);
	char	   *out = palloc(n + 1);

	nx_phrase_text(p, out);
	out[n] = '\0';
	return newsext_cstring_from_utf8(out, n);
}

Datum
newsext_phrase_out(PG_FUNCTION_ARGS)
{
	NewsextPhrase *ph = PG_GETARG_PHRASE_P(0);
	nx_phrase	p;

	newsext_phrase_view(ph, &p);
	PG_RETURN_CSTRING(phrase_to_cstring(&p));
}

/* binary: a format byte, then the canonical text; the receiver re-normalises */
Datum
newsext_phrase_send(PG_FUNCTION_ARGS)
{
	NewsextPhrase *ph = PG_GETARG_PHRASE_P(0);
	nx_phrase	p;
	StringInfoData buf;
	char	   *s;

	newsext_phrase_view(ph, &p);
	s = phrase_to_cstring(&p);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, PHRASE_SEND_FORMAT);
	pq_sendtext(&buf, s, strlen(s));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
newsext_phrase_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			format = pq_getmsgbyte(buf);
	char	   *s;
	int			nbytes;

	if (format != PHRASE_SEND_FORMAT)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported phrase binary format %d", format)));
	s = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	PG_RETURN_POINTER(phrase_from_string(s, (size_t) nbytes));
}

static bool
phrase_equal_args(FunctionCallInfo fcinfo)
{
	NewsextPhrase *a = PG_GETARG_PHRASE_P(0);
	NewsextPhrase *b = PG_GETARG_PHRASE_P(1);
	nx_phrase	pa,
				pb;
	bool		eq;

	newsext_phrase_view(a, &pa);
	newsext_phrase_view(b, &pb);
	eq = nx_phrase_equal(&pa, &pb) != 0;
	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	return eq;
}

Datum
newsext_phrase_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(phrase_equal_args(fcinfo));
}

Datum
newsext_phrase_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!phrase_equal_args(fcinfo));
}

/* hash of the token bytes and boundaries: equal phrases hash alike */
Datum
newsext_phrase_hash(PG_FUNCTION_ARGS)
{
	NewsextPhrase *ph = PG_GETARG_PHRASE_P(0);
	nx_phrase	p;
	uint32		h;

	newsext_phrase_view(ph, &p);
	h = hash_bytes((const unsigned char *) p.off, sizeof(uint32) * (p.ntok + 1));
	h = hash_combine(h, hash_bytes((const unsigned char *) p.data, p.off[p.ntok]));
	PG_FREE_IF_COPY(ph, 0);
	PG_RETURN_INT32((int32) h);
}

static int
phrase_cmp_args(FunctionCallInfo fcinfo)
{
	NewsextPhrase *a = PG_GETARG_PHRASE_P(0);
	NewsextPhrase *b = PG_GETARG_PHRASE_P(1);
	nx_phrase	pa,
				pb;
	int			c;

	newsext_phrase_view(a, &pa);
	newsext_phrase_view(b, &pb);
	c = nx_phrase_cmp(&pa, &pb);
	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	return c;
}

Datum
newsext_phrase_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(phrase_cmp_args(fcinfo));
}

Datum
newsext_phrase_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(phrase_cmp_args(fcinfo) < 0);
}

Datum
newsext_phrase_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(phrase_cmp_args(fcinfo) <= 0);
}

Datum
newsext_phrase_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(phrase_cmp_args(fcinfo) > 0);
}

Datum
newsext_phrase_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(phrase_cmp_args(fcinfo) >= 0);
}
