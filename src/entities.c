/*
 * entities.c - article_mentions(), article_entities(), article_quotes().
 *
 * Thin layer: the model file is memory-mapped once per backend, the core does the work
 * with palloc, and byte offsets become 1-based character positions as substr() counts.
 */
#include "postgres.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "entities.h"
#include "langid.h"
#include "pg_alloc.h"

#define MODEL_FILE "newsext_ner.bin"

static nx_ner_model ner_model;
static bool ner_model_loaded = false;

const nx_ner_model *
newsext_ner_model(void)
{
	char		sharepath[MAXPGPATH];
	char		path[MAXPGPATH];
	int			fd;
	struct stat st;
	void	   *map;
	const char *err = NULL;

	if (ner_model_loaded)
		return &ner_model;

	get_share_path(my_exec_path, sharepath);
	snprintf(path, sizeof(path), "%s/extension/%s", sharepath, MODEL_FILE);
	/* newsext: trusted read - the model the installation put in its share directory */
	fd = open(path, O_RDONLY | PG_BINARY, 0);	/* newsext: trusted read */
	if (fd < 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FILE),
				 errmsg("newsext entity model \"%s\" is missing: %m", path),
				 errhint("Reinstall newsext: \"make install\" copies model/%s into the extension directory.", MODEL_FILE)));
	if (fstat(fd, &st) < 0 || st.st_size <= 0)
	{
		close(fd);
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("could not read newsext entity model \"%s\"", path),
				 errhint("Reinstall newsext or rebuild the model with \"make model\".")));
	}
	map = mmap(NULL, (size_t) st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("could not map newsext entity model \"%s\": %m", path)));
	if (nx_ner_model_open(map, (size_t) st.st_size, &ner_model, &err) < 0)
	{
		munmap(map, (size_t) st.st_size);
		ereport(ERROR,
				(errcode(ERRCODE_CONFIG_FILE_ERROR),
				 errmsg("newsext entity model \"%s\" is damaged", path),
				 errdetail("%s", err),
				 errhint("Reinstall newsext or rebuild the model with \"make model\".")));
	}
	/* mapped for the life of the backend; shared read-only pages, never copied */
	/* the word-feature cache lives as long as the backend (nx_ner_wcache_size(): about 1 MB) */
	nx_ner_model_set_cache(&ner_model, MemoryContextAlloc(TopMemoryContext, nx_ner_wcache_size()));
	ner_model_loaded = true;
	return &ner_model;
}

/* the core works on UTF-8; multi-byte non-UTF-8 databases get a converted copy */
static bool
needs_conversion(void)
{
	int			enc = GetDatabaseEncoding();

	return enc != PG_UTF8 && pg_encoding_max_length(enc) > 1;
}

bool
newsext_entities_in_utf8(void)
{
	return needs_conversion();
}

/*
 * Language gate (issue 12): the entity model knows English only, so a text identified as
 * another language gives no mentions and no quotes rather than false ones. A text the
 * identifier is unsure about (short, mixed) still runs. Kept here, at the one place
 * entities and quotes are extracted from, until the analysis entry point takes it over.
 */
static bool
model_knows_language(const char *utf8, int utf8len)
{
	const char *lang = nx_language_identify(utf8, (size_t) utf8len);

	return lang == NULL || strcmp(lang, "en") == 0;
}

void
newsext_extract_entities(const char *text, int len, nx_entity_list *ents,
						 const char **utf8, int *utf8len)
{
	const nx_ner_model *m = newsext_ner_model();

	if (needs_conversion())
	{
		char	   *c = pg_server_to_any(text, len, PG_UTF8);

		*utf8 = c;
		*utf8len = (c == text) ? len : (int) strlen(c);
	}
	else
	{
		*utf8 = text;
		*utf8len = len;
	}
	if (!model_knows_language(*utf8, *utf8len))
	{
		memset(ents, 0, sizeof(*ents));
		return;
	}
	if (nx_entities_extract(m, *utf8, (size_t) *utf8len, &newsext_palloc_allocator, ents) < 0)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("could not extract entities from a text of %d bytes", len)));
}

void
newsext_extract_quotes(const char *utf8, int utf8len, const nx_entity_list *ents, nx_quote_list *quotes)
{
	if (!model_knows_language(utf8, utf8len))
	{
		memset(quotes, 0, sizeof(*quotes));
		return;
	}
	if (nx_quotes_extract(utf8, (size_t) utf8len, ents, &newsext_palloc_allocator, quotes) < 0)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("could not extract quotes from a text of %d bytes", utf8len)));
}

int
newsext_char_length(const char *s, int nbytes, int utf8)
{
	int			n = 0;

	if (!utf8)
		return nbytes;
	for (int i = 0; i < nbytes; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

void
newsext_charpos_init(newsext_charpos *cp, const char *s)
{
	int			enc = GetDatabaseEncoding();

	cp->s = s;
	cp->byte = 0;
	cp->chr = 0;
	cp->utf8 = (enc == PG_UTF8 || needs_conversion());
}

int
newsext_charpos_at(newsext_charpos *cp, int byte_offset)
{
	if (byte_offset < cp->byte)
	{
		cp->byte = 0;
		cp->chr = 0;
	}
	cp->chr += newsext_char_length(cp->s + cp->byte, byte_offset - cp->byte, cp->utf8);
	cp->byte = byte_offset;
	return cp->chr + 1;
}

text *
newsext_text_from(const char *s, int len)
{
	if (needs_conversion())
	{
		char	   *c = pg_any_to_server(s, len, PG_UTF8);

		return cstring_to_text_with_len(c, c == s ? len : (int) strlen(c));
	}
	return cstring_to_text_with_len(s, len);
}

Datum
newsext_entity_names(const nx_entity_list *ents, int kind)
{
	Datum	   *elems = palloc((ents->nentities + 1) * sizeof(Datum));
	int			n = 0;

	for (size_t i = 0; i < ents->nentities; i++)
		if (ents->entities[i].kind == kind)
			elems[n++] = PointerGetDatum(newsext_text_from(ents->entities[i].name,
														   (int) ents->entities[i].name_len));
	return PointerGetDatum(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

static void
json_str(StringInfo buf, const char *s, int len)
{
	char	   *c = pnstrdup(s, len);

	if (needs_conversion())
		c = pg_any_to_server(c, len, PG_UTF8);
	escape_json(buf, c);
}

Datum
newsext_entities_jsonb(const char *text, int len)
{
	nx_entity_list ents;
	const char *u;
	int			ulen;

	newsext_extract_entities(text, len, &ents, &u, &ulen);
	return newsext_entities_jsonb_from(&ents, u, ulen);
}

Datum
newsext_entities_jsonb_from(const nx_entity_list *entlist, const char *u, int ulen)
{
	const nx_entity_list ents = *entlist;
	nx_quote_list quotes;
	newsext_charpos cp;
	StringInfoData buf;
	int		   *mpos;

	newsext_extract_quotes(u, ulen, &ents, &quotes);
	newsext_charpos_init(&cp, u);
	mpos = palloc((ents.nmentions + 1) * sizeof(int));
	for (size_t i = 0; i < ents.nmentions; i++)
		mpos[i] = newsext_charpos_at(&cp, (int) ents.mentions[i].start);

	initStringInfo(&buf);
	appendStringInfoString(&buf, "{\"entities\": [");
	for (size_t e = 0; e < ents.nentities; e++)
	{
		const nx_entity *en = &ents.entities[e];
		bool		first = true;

		appendStringInfoString(&buf, e ? ", {\"entity\": " : "{\"entity\": ");
		json_str(&buf, en->name, (int) en->name_len);
		appendStringInfo(&buf, ", \"kind\": \"%s\", \"mentions\": %u, \"first_position\": %d, \"positions\": [",
						 nx_entity_kind_name(en->kind), en->mentions, mpos[en->first_mention]);
		for (size_t i = en->first_mention; i < ents.nmentions; i++)
		{
			const nx_mention *m = &ents.mentions[i];

			if (m->entity != e)
				continue;
			appendStringInfoString(&buf, first ? "{\"mention\": " : ", {\"mention\": ");
			first = false;
			json_str(&buf, u + m->start, (int) (m->end - m->start));
			appendStringInfo(&buf, ", \"position\": %d, \"length\": %d}", mpos[i],
							 newsext_char_length(u + m->start, (int) (m->end - m->start), cp.utf8));
		}
		appendStringInfoString(&buf, "]}");
	}
	appendStringInfoString(&buf, "], \"quotes\": [");
	newsext_charpos_init(&cp, u);
	for (size_t i = 0; i < quotes.nquotes; i++)
	{
		const nx_quote *q = &quotes.quotes[i];

		appendStringInfoString(&buf, i ? ", {\"quote\": " : "{\"quote\": ");
		json_str(&buf, u + q->start, (int) (q->end - q->start));
		appendStringInfoString(&buf, ", \"speaker\": ");
		json_str(&buf, q->speaker, (int) q->speaker_len);
		appendStringInfo(&buf, ", \"position\": %d}", newsext_charpos_at(&cp, (int) q->start));
	}
	appendStringInfoString(&buf, "]}");
	/* pieces of u: UTF-8 when the text was converted, else already the server encoding */
	return DirectFunctionCall1(jsonb_in,
							   CStringGetDatum(needs_conversion()
											   ? pg_any_to_server(buf.data, buf.len, PG_UTF8)
											   : buf.data));
}

/* ------------------------------------------------------------------ SQL */

PG_FUNCTION_INFO_V1(newsext_article_mentions);
PG_FUNCTION_INFO_V1(newsext_article_entities);
PG_FUNCTION_INFO_V1(newsext_article_quotes);
PG_FUNCTION_INFO_V1(newsext_article_entities_json);

/* not declared in the install script: for parse_article_json's tests and ad-hoc use */
Datum
newsext_article_entities_json(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_DATUM(newsext_entities_jsonb(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)));
}

Datum
newsext_article_mentions(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *t = PG_GETARG_TEXT_PP(0);
	nx_entity_list ents;
	const char *u;
	int			ulen;
	newsext_charpos cp;

	InitMaterializedSRF(fcinfo, 0);
	newsext_extract_entities(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &ents, &u, &ulen);
	newsext_charpos_init(&cp, u);
	for (size_t i = 0; i < ents.nmentions; i++)
	{
		const nx_mention *m = &ents.mentions[i];
		const nx_entity *e = &ents.entities[m->entity];
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		values[0] = PointerGetDatum(newsext_text_from(e->name, (int) e->name_len));
		values[1] = CStringGetTextDatum(nx_entity_kind_name(m->kind));
		values[2] = PointerGetDatum(newsext_text_from(u + m->start, (int) (m->end - m->start)));
		values[3] = Int32GetDatum(newsext_charpos_at(&cp, (int) m->start));
		values[4] = Int32GetDatum(newsext_char_length(u + m->start, (int) (m->end - m->start), cp.utf8));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

Datum
newsext_article_entities(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *t = PG_GETARG_TEXT_PP(0);
	nx_entity_list ents;
	const char *u;
	int			ulen;
	newsext_charpos cp;

	InitMaterializedSRF(fcinfo, 0);
	newsext_extract_entities(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &ents, &u, &ulen);
	newsext_charpos_init(&cp, u);
	/* entities are in order of first mention, so first positions increase */
	for (size_t i = 0; i < ents.nentities; i++)
	{
		const nx_entity *e = &ents.entities[i];
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		values[0] = PointerGetDatum(newsext_text_from(e->name, (int) e->name_len));
		values[1] = CStringGetTextDatum(nx_entity_kind_name(e->kind));
		values[2] = Int32GetDatum((int32) e->mentions);
		values[3] = Int32GetDatum(newsext_charpos_at(&cp, (int) e->first_start));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

Datum
newsext_article_quotes(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *t = PG_GETARG_TEXT_PP(0);
	nx_entity_list ents;
	nx_quote_list quotes;
	const char *u;
	int			ulen;
	newsext_charpos cp;

	InitMaterializedSRF(fcinfo, 0);
	newsext_extract_entities(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &ents, &u, &ulen);
	newsext_extract_quotes(u, ulen, &ents, &quotes);
	newsext_charpos_init(&cp, u);
	for (size_t i = 0; i < quotes.nquotes; i++)
	{
		const nx_quote *q = &quotes.quotes[i];
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = PointerGetDatum(newsext_text_from(u + q->start, (int) (q->end - q->start)));
		values[1] = PointerGetDatum(newsext_text_from(q->speaker, (int) q->speaker_len));
		values[2] = Int32GetDatum(newsext_charpos_at(&cp, (int) q->start));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
