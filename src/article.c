/*
 * article.c - SQL functions over the core's article parser: parse_article,
 * parse_article_json, article_headline, article_date.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/json.h"
#include "utils/jsonb.h"

#include "article.h"
#include "langid.h"
#include "entities.h"
#include "pg_alloc.h"
#include "pg_text.h"

PG_FUNCTION_INFO_V1(newsext_parse_article);
PG_FUNCTION_INFO_V1(newsext_parse_article_json);
PG_FUNCTION_INFO_V1(newsext_article_headline);
PG_FUNCTION_INFO_V1(newsext_article_date);
PG_FUNCTION_INFO_V1(newsext_article_language);

/* column order of the parsed_article type */
enum
{
	COL_HEADLINE,
	COL_STANDFIRST,
	COL_BYLINE,
	COL_DATELINE,
	COL_PUBLISHED,
	COL_READING_MINUTES,
	COL_CAPTIONS,
	COL_BODY,
	COL_LEAD,
	COL_WORD_COUNT,
	COL_PEOPLE,
	COL_ORGANIZATIONS,
	COL_PLACES,
	COL_LANGUAGE,				/* added in 0.2.0: last, so upgraded and fresh types match */
	NUM_COLUMNS
};

static void
parse_text(text *t, nx_parse_mode mode, nx_article *art)
{
	size_t		len;
	char	   *s = newsext_text_to_utf8(t, &len);

	if (nx_article_parse(s, len, mode, &newsext_palloc_allocator, art) != NX_OK)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory while parsing an article")));
}

static DateADT
nx_to_dateadt(const nx_date *d)
{
	return date2j(d->year, d->month, d->day) - POSTGRES_EPOCH_JDATE;
}

static Datum
text_or_null(const char *s, bool *isnull)
{
	*isnull = (s == NULL);
	return s ? PointerGetDatum(newsext_utf8_to_text(s)) : (Datum) 0;
}

static Datum
captions_array(const nx_article *art)
{
	Datum	   *elems = palloc(sizeof(Datum) * (art->ncaptions + 1));
	int			i;

	for (i = 0; i < art->ncaptions; i++)
		elems[i] = PointerGetDatum(newsext_utf8_to_text(art->captions[i]));
	return PointerGetDatum(construct_array(elems, art->ncaptions, TEXTOID, -1, false, TYPALIGN_INT));
}

Datum
newsext_parse_article(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);	/* detoasted once, for both passes */
	TupleDesc	tupdesc;
	nx_article	art;
	Datum	   *values;
	bool	   *nulls;
	int			natts;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning record called in context that cannot accept type record")));
	tupdesc = BlessTupleDesc(tupdesc);
	natts = tupdesc->natts;
	if (natts != NUM_COLUMNS)
		elog(ERROR, "parsed_article has %d columns, expected %d", natts, NUM_COLUMNS);

	parse_text(t, NX_PARSE_FULL, &art);
	values = palloc0(sizeof(Datum) * natts);
	nulls = palloc(sizeof(bool) * natts);
	memset(nulls, true, sizeof(bool) * natts);

	values[COL_HEADLINE] = text_or_null(art.headline, &nulls[COL_HEADLINE]);
	values[COL_STANDFIRST] = text_or_null(art.standfirst, &nulls[COL_STANDFIRST]);
	values[COL_BYLINE] = text_or_null(art.byline, &nulls[COL_BYLINE]);
	values[COL_DATELINE] = text_or_null(art.dateline, &nulls[COL_DATELINE]);
	if (art.has_published)
	{
		values[COL_PUBLISHED] = DateADTGetDatum(nx_to_dateadt(&art.published));
		nulls[COL_PUBLISHED] = false;
	}
	if (art.reading_minutes >= 0)
	{
		values[COL_READING_MINUTES] = Int32GetDatum(art.reading_minutes);
		nulls[COL_READING_MINUTES] = false;
	}
	values[COL_CAPTIONS] = captions_array(&art);
	nulls[COL_CAPTIONS] = false;
	values[COL_BODY] = text_or_null(art.body, &nulls[COL_BODY]);
	values[COL_LEAD] = text_or_null(art.lead, &nulls[COL_LEAD]);
	if (art.body)
	{
		values[COL_WORD_COUNT] = Int32GetDatum(art.word_count);
		nulls[COL_WORD_COUNT] = false;
	}
	/* entities come from the whole input, so they agree with article_entities() */
	{
		nx_entity_list ents;
		const char *u;
		int			ulen;

		newsext_extract_entities(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &ents, &u, &ulen);
		values[COL_PEOPLE] = newsext_entity_names(&ents, NX_KIND_PERSON);
		values[COL_ORGANIZATIONS] = newsext_entity_names(&ents, NX_KIND_ORGANIZATION);
		values[COL_PLACES] = newsext_entity_names(&ents, NX_KIND_PLACE);
		nulls[COL_PEOPLE] = nulls[COL_ORGANIZATIONS] = nulls[COL_PLACES] = false;
	}
	values[COL_LANGUAGE] = text_or_null(art.language, &nulls[COL_LANGUAGE]);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* "key": ["name", ...] for one kind of entity, in order of first mention */
static void
json_entity_names(StringInfo buf, const char *key, const nx_entity_list *ents, int kind)
{
	bool		first = true;
	size_t		i;

	appendStringInfo(buf, ", \"%s\": [", key);
	for (i = 0; i < ents->nentities; i++)
	{
		if (ents->entities[i].kind != kind)
			continue;
		if (!first)
			appendStringInfoString(buf, ", ");
		first = false;
		/* names are in the server encoding unless the entity pass converted to UTF-8 */
		escape_json(buf, GetDatabaseEncoding() == PG_UTF8 || newsext_entities_in_utf8()
					? ents->entities[i].name
					: pg_server_to_any(ents->entities[i].name, (int) ents->entities[i].name_len, PG_UTF8));
	}
	appendStringInfoChar(buf, ']');
}

static void
json_key_text(StringInfo buf, const char *key, const char *val, bool *first)
{
	if (!*first)
		appendStringInfoString(buf, ", ");
	*first = false;
	escape_json(buf, key);
	appendStringInfoString(buf, ": ");
	if (val)
		escape_json(buf, val);
	else
		appendStringInfoString(buf, "null");
}

Datum
newsext_parse_article_json(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);	/* detoasted once, for both passes */
	nx_article	art;
	StringInfoData buf;
	bool		first = true;
	int			i;
	nx_entity_list ents;
	Datum		article,
				entities;

	parse_text(t, NX_PARSE_FULL, &art);
	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	json_key_text(&buf, "headline", art.headline, &first);
	json_key_text(&buf, "standfirst", art.standfirst, &first);
	json_key_text(&buf, "byline", art.byline, &first);
	json_key_text(&buf, "dateline", art.dateline, &first);
	if (art.has_published)
		appendStringInfo(&buf, ", \"published\": \"%04d-%02d-%02d\"",
						 art.published.year, art.published.month, art.published.day);
	else
		appendStringInfoString(&buf, ", \"published\": null");
	if (art.reading_minutes >= 0)
		appendStringInfo(&buf, ", \"reading_minutes\": %d", art.reading_minutes);
	else
		appendStringInfoString(&buf, ", \"reading_minutes\": null");
	appendStringInfoString(&buf, ", \"captions\": [");
	for (i = 0; i < art.ncaptions; i++)
	{
		if (i > 0)
			appendStringInfoString(&buf, ", ");
		escape_json(&buf, art.captions[i]);
	}
	appendStringInfoChar(&buf, ']');
	json_key_text(&buf, "body", art.body, &first);
	json_key_text(&buf, "lead", art.lead, &first);
	if (art.body)
		appendStringInfo(&buf, ", \"word_count\": %d", art.word_count);
	else
		appendStringInfoString(&buf, ", \"word_count\": null");
	json_key_text(&buf, "language", art.language, &first);
	{
		const char *u;
		int			ulen;

		newsext_extract_entities(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &ents, &u, &ulen);
		json_entity_names(&buf, "people", &ents, NX_KIND_PERSON);
		json_entity_names(&buf, "organizations", &ents, NX_KIND_ORGANIZATION);
		json_entity_names(&buf, "places", &ents, NX_KIND_PLACE);
		entities = newsext_entities_jsonb_from(&ents, u, ulen);
	}
	appendStringInfoChar(&buf, '}');
	/* the JSON was built in UTF-8; jsonb_in expects the server encoding */
	article = DirectFunctionCall1(jsonb_in,
								  CStringGetDatum(text_to_cstring(newsext_utf8_to_text(buf.data))));
	/* entities with their mentions and positions, and quotes */
	PG_RETURN_DATUM(DirectFunctionCall2(jsonb_concat, article, entities));
}

Datum
newsext_article_headline(PG_FUNCTION_ARGS)
{
	nx_article	art;

	parse_text(PG_GETARG_TEXT_PP(0), NX_PARSE_HEADER_ONLY, &art);
	if (art.headline == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(newsext_utf8_to_text(art.headline));
}

Datum
newsext_article_date(PG_FUNCTION_ARGS)
{
	nx_article	art;

	parse_text(PG_GETARG_TEXT_PP(0), NX_PARSE_HEADER_ONLY, &art);
	if (!art.has_published)
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(nx_to_dateadt(&art.published));
}

/* the language of the text, without parsing it */
Datum
newsext_article_language(PG_FUNCTION_ARGS)
{
	size_t		len;
	char	   *s = newsext_text_to_utf8(PG_GETARG_TEXT_PP(0), &len);
	const char *lang = nx_language_identify(s, len);

	if (lang == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(lang));
}
