/*
 * jsonb_sink.c - a sink for the article JSON writer that builds jsonb with pushJsonbValue:
 * parse_article_json never prints its JSON and parses it again (jsonb_in was a seventh of
 * its time). Strings cross into the server encoding here, one by one, through encoding.c.
 */
#include "postgres.h"

#include "utils/numeric.h"

#include "encoding.h"
#include "jsonb_sink.h"

static void
push_scalar(newsext_jsonb_sink *j, JsonbValue *v)
{
	JsonbIteratorToken tok = j->depth > 0 && j->in_array[j->depth] ? WJB_ELEM : WJB_VALUE;

	j->result = pushJsonbValue(&j->state, tok, v);
}

static void
jsonb_begin(nx_json_sink *sink, int array)
{
	newsext_jsonb_sink *j = (newsext_jsonb_sink *) sink;

	if (j->depth + 1 >= NX_JSON_MAX_DEPTH)
		elog(ERROR, "article JSON nested too deep");
	j->result = pushJsonbValue(&j->state, array ? WJB_BEGIN_ARRAY : WJB_BEGIN_OBJECT, NULL);
	j->in_array[++j->depth] = array != 0;
}

static void
jsonb_end(nx_json_sink *sink, int array)
{
	newsext_jsonb_sink *j = (newsext_jsonb_sink *) sink;

	j->result = pushJsonbValue(&j->state, array ? WJB_END_ARRAY : WJB_END_OBJECT, NULL);
	j->depth--;
}

static void
jsonb_key(nx_json_sink *sink, const char *key)
{
	newsext_jsonb_sink *j = (newsext_jsonb_sink *) sink;
	JsonbValue	v;

	/* keys are ASCII: the same bytes in every server encoding */
	v.type = jbvString;
	v.val.string.val = (char *) key;
	v.val.string.len = (int) strlen(key);
	j->result = pushJsonbValue(&j->state, WJB_KEY, &v);
}

static void
jsonb_string(nx_json_sink *sink, const char *s, size_t n)
{
	JsonbValue	v;

	if (s == NULL)
		v.type = jbvNull;
	else
	{
		/* a copy: pushJsonbValue keeps the pointer, and s may be the writer's own buffer */
		v.type = jbvString;
		v.val.string.val = newsext_cstring_from_utf8(s, n);
		v.val.string.len = (int) strlen(v.val.string.val);
	}
	push_scalar((newsext_jsonb_sink *) sink, &v);
}

static void
jsonb_number(nx_json_sink *sink, long n)
{
	JsonbValue	v;

	v.type = jbvNumeric;
	v.val.numeric = int64_to_numeric((int64) n);
	push_scalar((newsext_jsonb_sink *) sink, &v);
}

static const nx_json_sink jsonb_sink = {jsonb_begin, jsonb_end, jsonb_key, jsonb_string, jsonb_number, 0};

void
newsext_jsonb_sink_init(newsext_jsonb_sink *j)
{
	memset(j, 0, sizeof(*j));
	j->sink = jsonb_sink;
}

Jsonb *
newsext_jsonb_sink_result(newsext_jsonb_sink *j)
{
	Assert(j->depth == 0 && j->result != NULL);
	return JsonbValueToJsonb(j->result);
}
