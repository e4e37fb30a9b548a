/*
 * sql_article.c - parse_article, parse_article_json, article_headline, article_date:
 * views of one analysis (analysis_pg.h), columns from the field table (fields.h).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"

#include "analysis_pg.h"
#include "article_json.h"
#include "jsonb_sink.h"
#include "fields.h"
#include "langid.h"
#include "pg_alloc.h"

PG_FUNCTION_INFO_V1(newsext_parse_article);
PG_FUNCTION_INFO_V1(newsext_parse_article_json);
PG_FUNCTION_INFO_V1(newsext_article_headline);
PG_FUNCTION_INFO_V1(newsext_article_date);
PG_FUNCTION_INFO_V1(newsext_article_language);

static Oid
field_type_oid(nx_field_type t)
{
	switch (t)
	{
		case NX_FIELD_TEXT:
			return TEXTOID;
		case NX_FIELD_DATE:
			return DATEOID;
		case NX_FIELD_INT:
			return INT4OID;
		case NX_FIELD_TEXT_ARRAY:
			return TEXTARRAYOID;
	}
	return InvalidOid;
}

/* the SQL type parsed_article must have the field table's columns, names and types */
static void
check_composite(TupleDesc tupdesc)
{
	if (tupdesc->natts != nx_nfields)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("parsed_article has %d columns, newsext's field table has %d",
						tupdesc->natts, nx_nfields),
				 errhint("Update the extension: ALTER EXTENSION newsext UPDATE.")));
	for (int i = 0; i < nx_nfields; i++)
	{
		Form_pg_attribute att = TupleDescAttr(tupdesc, i);

		if (strcmp(NameStr(att->attname), nx_fields[i].name) != 0 ||
			att->atttypid != field_type_oid(nx_fields[i].type))
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("column %d of parsed_article is \"%s\" %s, newsext's field table has \"%s\" %s",
							i + 1, NameStr(att->attname), format_type_be(att->atttypid),
							nx_fields[i].name, nx_field_type_sql(nx_fields[i].type)),
					 errhint("Update the extension: ALTER EXTENSION newsext UPDATE.")));
	}
}

static DateADT
dateadt_of(const nx_date *d)
{
	return date2j(d->year, d->month, d->day) - POSTGRES_EPOCH_JDATE;
}

static Datum
text_array(const char *const *items, size_t n)
{
	Datum	   *elems = palloc(sizeof(Datum) * (n + 1));

	for (size_t i = 0; i < n; i++)
		elems[i] = PointerGetDatum(newsext_result_text(items[i], strlen(items[i])));
	return PointerGetDatum(construct_array(elems, (int) n, TEXTOID, -1, false, TYPALIGN_INT));
}

static Datum
field_datum(nx_field_type type, const nx_field_value *v)
{
	switch (type)
	{
		case NX_FIELD_TEXT:
			return PointerGetDatum(newsext_result_text(v->text, strlen(v->text)));
		case NX_FIELD_DATE:
			return DateADTGetDatum(dateadt_of(&v->date));
		case NX_FIELD_INT:
			return Int32GetDatum(v->number);
		case NX_FIELD_TEXT_ARRAY:
			return text_array(v->items, v->nitems);
	}
	return (Datum) 0;
}

Datum
newsext_parse_article(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	newsext_analysis na;
	Datum	   *values;
	bool	   *nulls;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning record called in context that cannot accept type record")));
	check_composite(tupdesc);
	tupdesc = BlessTupleDesc(tupdesc);
	newsext_analysis_start(&na, PG_GETARG_TEXT_PP(0), true);
	values = palloc0(sizeof(Datum) * nx_nfields);
	nulls = palloc0(sizeof(bool) * nx_nfields);
	for (int i = 0; i < nx_nfields; i++)
	{
		nx_field_value v;

		nx_fields[i].get(&na.an, &v);
		newsext_analysis_check(&na);
		nulls[i] = v.isnull;
		if (!v.isnull)
			values[i] = field_datum(nx_fields[i].type, &v);
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

Datum
newsext_parse_article_json(PG_FUNCTION_ARGS)
{
	newsext_analysis na;
	newsext_jsonb_sink json;

	newsext_analysis_start(&na, PG_GETARG_TEXT_PP(0), true);
	newsext_jsonb_sink_init(&json);
	nx_analysis_json_to(&na.an, na.text.unit, &json.sink);
	newsext_analysis_check(&na);
	PG_RETURN_JSONB_P(newsext_jsonb_sink_result(&json));
}

/*
 * Part of the article only: article_headline stops at the headline, article_date parses the
 * header and looks only for labelled date lines in the body
 */
static const nx_article *
header_of(FunctionCallInfo fcinfo, bool headline_only)
{
	newsext_analysis *na = palloc(sizeof(newsext_analysis));
	const nx_article *art;

	newsext_analysis_start(na, PG_GETARG_TEXT_PP(0), false);
	art = headline_only ? nx_analysis_headline(&na->an) : nx_analysis_header(&na->an);
	newsext_analysis_check(na);
	return art;
}

Datum
newsext_article_headline(PG_FUNCTION_ARGS)
{
	const nx_article *art = header_of(fcinfo, true);

	if (art->headline == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(newsext_result_text(art->headline, strlen(art->headline)));
}

Datum
newsext_article_date(PG_FUNCTION_ARGS)
{
	const nx_article *art = header_of(fcinfo, false);

	if (!art->has_published)
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(dateadt_of(&art->published));
}

/* the language of the text, without parsing the article */
Datum
newsext_article_language(PG_FUNCTION_ARGS)
{
	newsext_utf8 v;
	const char *lang;

	newsext_utf8_from_text(PG_GETARG_TEXT_PP(0), &v);
	lang = nx_language_identify(v.data, v.len, NULL);

	if (lang == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(newsext_text_from_utf8(lang, strlen(lang)));
}
