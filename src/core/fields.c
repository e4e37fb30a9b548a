/*
 * fields.c - the table of parsed_article's columns; see fields.h.
 */
#include "fields.h"

static const nx_article *
article_of(nx_analysis *an, nx_field_value *v)
{
	const nx_article *art = nx_analysis_article(an);

	v->isnull = 1;
	return art;
}

static int
text_value(nx_analysis *an, nx_field_value *v, const char *s)
{
	v->isnull = (s == NULL);
	v->text = s;
	return nx_analysis_status(an);
}

#define TEXT_GETTER(field) \
	static int \
	get_##field(nx_analysis *an, nx_field_value *v) \
	{ \
		const nx_article *art = article_of(an, v); \
		return art ? text_value(an, v, art->field) : nx_analysis_status(an); \
	}

TEXT_GETTER(headline)
TEXT_GETTER(standfirst)
TEXT_GETTER(byline)
TEXT_GETTER(dateline)
TEXT_GETTER(body)
TEXT_GETTER(lead)
TEXT_GETTER(language)

static int
get_published(nx_analysis *an, nx_field_value *v)
{
	const nx_article *art = article_of(an, v);

	if (art && art->has_published)
	{
		v->isnull = 0;
		v->date = art->published;
	}
	return nx_analysis_status(an);
}

static int
get_reading_minutes(nx_analysis *an, nx_field_value *v)
{
	const nx_article *art = article_of(an, v);

	if (art && art->reading_minutes >= 0)
	{
		v->isnull = 0;
		v->number = art->reading_minutes;
	}
	return nx_analysis_status(an);
}

static int
get_captions(nx_analysis *an, nx_field_value *v)
{
	const nx_article *art = article_of(an, v);
	static const char *const none[1] = {NULL};

	if (art)
	{
		v->isnull = 0;
		v->items = art->captions ? (const char *const *) art->captions : none;
		v->nitems = (size_t) art->ncaptions;
	}
	return nx_analysis_status(an);
}

/* the word count of the body; NULL when there is no body */
static int
get_word_count(nx_analysis *an, nx_field_value *v)
{
	const nx_article *art = article_of(an, v);

	if (art && art->body)
	{
		v->isnull = 0;
		v->number = art->word_count;
	}
	return nx_analysis_status(an);
}

static int
names_value(nx_analysis *an, nx_field_value *v, int kind)
{
	v->items = nx_analysis_names(an, kind, &v->nitems);
	v->isnull = (v->items == NULL);
	return nx_analysis_status(an);
}

static int
get_people(nx_analysis *an, nx_field_value *v)
{
	return names_value(an, v, NX_KIND_PERSON);
}

static int
get_organizations(nx_analysis *an, nx_field_value *v)
{
	return names_value(an, v, NX_KIND_ORGANIZATION);
}

static int
get_places(nx_analysis *an, nx_field_value *v)
{
	return names_value(an, v, NX_KIND_PLACE);
}

/* in the column order of the parsed_article type (src/sql/10_article.sql) */
const nx_field nx_fields[] = {
	{"headline", NX_FIELD_TEXT, get_headline},
	{"standfirst", NX_FIELD_TEXT, get_standfirst},
	{"byline", NX_FIELD_TEXT, get_byline},
	{"dateline", NX_FIELD_TEXT, get_dateline},
	{"published", NX_FIELD_DATE, get_published},
	{"reading_minutes", NX_FIELD_INT, get_reading_minutes},
	{"captions", NX_FIELD_TEXT_ARRAY, get_captions},
	{"body", NX_FIELD_TEXT, get_body},
	{"lead", NX_FIELD_TEXT, get_lead},
	{"word_count", NX_FIELD_INT, get_word_count},
	{"people", NX_FIELD_TEXT_ARRAY, get_people},
	{"organizations", NX_FIELD_TEXT_ARRAY, get_organizations},
	{"places", NX_FIELD_TEXT_ARRAY, get_places},
	{"language", NX_FIELD_TEXT, get_language},
};
const int	nx_nfields = (int) (sizeof(nx_fields) / sizeof(nx_fields[0]));

const char *
nx_field_type_sql(nx_field_type t)
{
	switch (t)
	{
		case NX_FIELD_TEXT:
			return "text";
		case NX_FIELD_DATE:
			return "date";
		case NX_FIELD_INT:
			return "integer";
		case NX_FIELD_TEXT_ARRAY:
			return "text[]";
	}
	return "?";
}
