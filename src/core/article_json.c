/*
 * article_json.c - the JSON of an analysed article; see article_json.h.
 */
#include <stdio.h>
#include <string.h>

#include "article_json.h"
#include "fields.h"

void
nx_json_string(nx_buf *out, const char *s, size_t n)
{
	size_t		run = 0;

	nx_buf_putc(out, '"');
	for (size_t i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) s[i];
		const char *esc = NULL;
		char		u[8];

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		nx_buf_append(out, s + run, i - run);
		run = i + 1;
		switch (c)
		{
			case '"':
				esc = "\\\"";
				break;
			case '\\':
				esc = "\\\\";
				break;
			case '\n':
				esc = "\\n";
				break;
			case '\r':
				esc = "\\r";
				break;
			case '\t':
				esc = "\\t";
				break;
			default:
				snprintf(u, sizeof(u), "\\u%04x", c);
				esc = u;
		}
		nx_buf_append(out, esc, strlen(esc));
	}
	nx_buf_append(out, s + run, n - run);
	nx_buf_putc(out, '"');
}

static void
put_cstring(nx_buf *out, const char *s)
{
	if (s == NULL)
		nx_buf_append(out, "null", 4);
	else
		nx_json_string(out, s, strlen(s));
}

static void
put_number(nx_buf *out, const char *fmt, long v)
{
	char		num[32];

	snprintf(num, sizeof(num), fmt, v);
	nx_buf_append(out, num, strlen(num));
}

static void
put_value(nx_buf *out, nx_field_type type, const nx_field_value *v)
{
	char		date[32];

	if (v->isnull)
	{
		nx_buf_append(out, "null", 4);
		return;
	}
	switch (type)
	{
		case NX_FIELD_TEXT:
			put_cstring(out, v->text);
			break;
		case NX_FIELD_DATE:
			snprintf(date, sizeof(date), "\"%04d-%02d-%02d\"", v->date.year, v->date.month, v->date.day);
			nx_buf_append(out, date, strlen(date));
			break;
		case NX_FIELD_INT:
			put_number(out, "%ld", v->number);
			break;
		case NX_FIELD_TEXT_ARRAY:
			nx_buf_putc(out, '[');
			for (size_t i = 0; i < v->nitems; i++)
			{
				if (i > 0)
					nx_buf_append(out, ", ", 2);
				put_cstring(out, v->items[i]);
			}
			nx_buf_putc(out, ']');
			break;
	}
}

static void
put_key(nx_buf *out, const char *key, int first)
{
	if (!first)
		nx_buf_append(out, ", ", 2);
	nx_json_string(out, key, strlen(key));
	nx_buf_append(out, ": ", 2);
}

static void
put_mentions(nx_buf *out, const char *text, const nx_entity_list *ents, size_t e,
			 const size_t *mpos, const nx_position *unit)
{
	int			first = 1;

	for (size_t i = ents->entities[e].first_mention; i < ents->nmentions; i++)
	{
		const nx_mention *m = &ents->mentions[i];

		if (m->entity != e)
			continue;
		nx_buf_append(out, first ? "{" : ", {", first ? 1 : 3);
		first = 0;
		put_key(out, "mention", 1);
		nx_json_string(out, text + m->start, m->end - m->start);
		put_key(out, "position", 0);
		put_number(out, "%ld", (long) mpos[i]);
		put_key(out, "length", 0);
		put_number(out, "%ld", (long) nx_position_length(unit, text + m->start, m->end - m->start));
		nx_buf_putc(out, '}');
	}
}

static int
put_entities(nx_buf *out, nx_analysis *an, nx_position_unit unit)
{
	const nx_entity_list *ents = nx_analysis_entities(an);
	nx_position pos;
	size_t	   *mpos;

	if (ents == NULL)
		return nx_analysis_status(an);
	mpos = nx_alloc(an->a, (ents->nmentions + 1) * sizeof(size_t));
	if (mpos == NULL)
		return NX_ENOMEM;
	nx_position_init(&pos, an->text, unit);
	for (size_t i = 0; i < ents->nmentions; i++)
		mpos[i] = nx_position_at(&pos, ents->mentions[i].start);
	put_key(out, "entities", 0);
	nx_buf_putc(out, '[');
	for (size_t e = 0; e < ents->nentities; e++)
	{
		const nx_entity *en = &ents->entities[e];

		nx_buf_append(out, e ? ", {" : "{", e ? 3 : 1);
		put_key(out, "entity", 1);
		nx_json_string(out, en->name, en->name_len);
		put_key(out, "kind", 0);
		put_cstring(out, nx_entity_kind_name(en->kind));
		put_key(out, "mentions", 0);
		put_number(out, "%ld", (long) en->mentions);
		put_key(out, "first_position", 0);
		put_number(out, "%ld", (long) mpos[en->first_mention]);
		put_key(out, "positions", 0);
		nx_buf_putc(out, '[');
		put_mentions(out, an->text, ents, e, mpos, &pos);
		nx_buf_append(out, "]}", 2);
	}
	nx_buf_putc(out, ']');
	nx_free(an->a, mpos);
	return NX_OK;
}

static int
put_quotes(nx_buf *out, nx_analysis *an, nx_position_unit unit)
{
	const nx_quote_list *quotes = nx_analysis_quotes(an);
	nx_position pos;

	if (quotes == NULL)
		return nx_analysis_status(an);
	nx_position_init(&pos, an->text, unit);
	put_key(out, "quotes", 0);
	nx_buf_putc(out, '[');
	for (size_t i = 0; i < quotes->nquotes; i++)
	{
		const nx_quote *q = &quotes->quotes[i];

		nx_buf_append(out, i ? ", {" : "{", i ? 3 : 1);
		put_key(out, "quote", 1);
		nx_json_string(out, an->text + q->start, q->end - q->start);
		put_key(out, "speaker", 0);
		nx_json_string(out, q->speaker, q->speaker_len);
		put_key(out, "position", 0);
		put_number(out, "%ld", (long) nx_position_at(&pos, q->start));
		nx_buf_putc(out, '}');
	}
	nx_buf_putc(out, ']');
	return NX_OK;
}

int
nx_analysis_json(nx_analysis *an, nx_position_unit unit, nx_buf *out)
{
	int			rc = NX_OK;

	nx_buf_putc(out, '{');
	for (int i = 0; i < nx_nfields && rc == NX_OK; i++)
	{
		nx_field_value v;

		rc = nx_fields[i].get(an, &v);
		if (rc != NX_OK)
			break;
		put_key(out, nx_fields[i].name, i == 0);
		put_value(out, nx_fields[i].type, &v);
	}
	if (rc == NX_OK && an->model != NULL)
		rc = put_entities(out, an, unit);
	if (rc == NX_OK && an->model != NULL)
		rc = put_quotes(out, an, unit);
	nx_buf_putc(out, '}');
	if (rc == NX_OK && out->failed)
		rc = NX_ENOMEM;
	return rc;
}
