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

/* ------------------------------------------------------------ text sink */

/* ", " before every item of a container but its first; nothing after a key */
static void
text_separator(nx_json_text_sink *t)
{
	if (t->after_key)
	{
		t->after_key = 0;
		return;
	}
	if (t->depth > 0 && !t->first[t->depth])
		nx_buf_append(t->out, ", ", 2);
	t->first[t->depth] = 0;
}

static void
text_begin(nx_json_sink *sink, int array)
{
	nx_json_text_sink *t = (nx_json_text_sink *) sink;

	text_separator(t);
	nx_buf_putc(t->out, array ? '[' : '{');
	if (t->depth + 1 >= NX_JSON_MAX_DEPTH)
	{
		sink->failed = 1;		/* the writer nests three deep: never */
		return;
	}
	t->first[++t->depth] = 1;
}

static void
text_end(nx_json_sink *sink, int array)
{
	nx_json_text_sink *t = (nx_json_text_sink *) sink;

	nx_buf_putc(t->out, array ? ']' : '}');
	if (t->depth > 0)
		t->depth--;
}

static void
text_key(nx_json_sink *sink, const char *key)
{
	nx_json_text_sink *t = (nx_json_text_sink *) sink;

	text_separator(t);
	nx_json_string(t->out, key, strlen(key));
	nx_buf_append(t->out, ": ", 2);
	t->after_key = 1;
}

static void
text_string(nx_json_sink *sink, const char *s, size_t n)
{
	nx_json_text_sink *t = (nx_json_text_sink *) sink;

	text_separator(t);
	if (s == NULL)
		nx_buf_append(t->out, "null", 4);
	else
		nx_json_string(t->out, s, n);
}

static void
text_number(nx_json_sink *sink, long v)
{
	nx_json_text_sink *t = (nx_json_text_sink *) sink;
	char		num[32];

	text_separator(t);
	snprintf(num, sizeof(num), "%ld", v);
	nx_buf_append(t->out, num, strlen(num));
}

static const nx_json_sink text_sink = {text_begin, text_end, text_key, text_string, text_number, 0};

void
nx_json_text_sink_init(nx_json_text_sink *t, nx_buf *out)
{
	memset(t, 0, sizeof(*t));
	t->sink = text_sink;
	t->out = out;
}

/* --------------------------------------------------------------- writer */

static void
put_cstring(nx_json_sink *out, const char *s)
{
	out->string(out, s, s ? strlen(s) : 0);
}

static void
put_value(nx_json_sink *out, nx_field_type type, const nx_field_value *v)
{
	char		date[16];

	if (v->isnull)
	{
		out->string(out, NULL, 0);
		return;
	}
	switch (type)
	{
		case NX_FIELD_TEXT:
			put_cstring(out, v->text);
			break;
		case NX_FIELD_DATE:
			snprintf(date, sizeof(date), "%04d-%02d-%02d", v->date.year, v->date.month, v->date.day);
			put_cstring(out, date);
			break;
		case NX_FIELD_INT:
			out->number(out, v->number);
			break;
		case NX_FIELD_TEXT_ARRAY:
			out->begin(out, 1);
			for (size_t i = 0; i < v->nitems; i++)
				put_cstring(out, v->items[i]);
			out->end(out, 1);
			break;
	}
}

static void
put_mentions(nx_json_sink *out, const char *text, const nx_entity_list *ents, size_t e,
			 const size_t *mpos, const nx_position *unit)
{
	for (size_t i = ents->entities[e].first_mention; i < ents->nmentions; i++)
	{
		const nx_mention *m = &ents->mentions[i];

		if (m->entity != e)
			continue;
		out->begin(out, 0);
		out->key(out, "mention");
		out->string(out, text + m->start, m->end - m->start);
		out->key(out, "position");
		out->number(out, (long) mpos[i]);
		out->key(out, "length");
		out->number(out, (long) nx_position_length(unit, text + m->start, m->end - m->start));
		out->end(out, 0);
	}
}

static int
put_entities(nx_json_sink *out, nx_analysis *an, nx_position_unit unit)
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
	out->key(out, "entities");
	out->begin(out, 1);
	for (size_t e = 0; e < ents->nentities; e++)
	{
		const nx_entity *en = &ents->entities[e];

		out->begin(out, 0);
		out->key(out, "entity");
		out->string(out, en->name, en->name_len);
		out->key(out, "kind");
		put_cstring(out, nx_entity_kind_name(en->kind));
		out->key(out, "mentions");
		out->number(out, (long) en->mentions);
		out->key(out, "first_position");
		out->number(out, (long) mpos[en->first_mention]);
		out->key(out, "positions");
		out->begin(out, 1);
		put_mentions(out, an->text, ents, e, mpos, &pos);
		out->end(out, 1);
		out->end(out, 0);
	}
	out->end(out, 1);
	nx_free(an->a, mpos);
	return NX_OK;
}

static int
put_quotes(nx_json_sink *out, nx_analysis *an, nx_position_unit unit)
{
	const nx_quote_list *quotes = nx_analysis_quotes(an);
	nx_position pos;

	if (quotes == NULL)
		return nx_analysis_status(an);
	nx_position_init(&pos, an->text, unit);
	out->key(out, "quotes");
	out->begin(out, 1);
	for (size_t i = 0; i < quotes->nquotes; i++)
	{
		const nx_quote *q = &quotes->quotes[i];

		out->begin(out, 0);
		out->key(out, "quote");
		out->string(out, an->text + q->start, q->end - q->start);
		out->key(out, "speaker");
		out->string(out, q->speaker, q->speaker_len);
		out->key(out, "position");
		out->number(out, (long) nx_position_at(&pos, q->start));
		out->end(out, 0);
	}
	out->end(out, 1);
	return NX_OK;
}

int
nx_analysis_json_to(nx_analysis *an, nx_position_unit unit, nx_json_sink *out)
{
	int			rc = NX_OK;

	out->begin(out, 0);
	for (int i = 0; i < nx_nfields && rc == NX_OK; i++)
	{
		nx_field_value v;

		rc = nx_fields[i].get(an, &v);
		if (rc != NX_OK)
			break;
		out->key(out, nx_fields[i].name);
		put_value(out, nx_fields[i].type, &v);
	}
	if (rc == NX_OK && an->model != NULL)
		rc = put_entities(out, an, unit);
	if (rc == NX_OK && an->model != NULL)
		rc = put_quotes(out, an, unit);
	out->end(out, 0);
	if (rc == NX_OK && out->failed)
		rc = NX_ENOMEM;
	return rc;
}

int
nx_analysis_json(nx_analysis *an, nx_position_unit unit, nx_buf *out)
{
	nx_json_text_sink t;
	int			rc;

	nx_json_text_sink_init(&t, out);
	rc = nx_analysis_json_to(an, unit, &t.sink);
	if (rc == NX_OK && out->failed)
		rc = NX_ENOMEM;
	return rc;
}
