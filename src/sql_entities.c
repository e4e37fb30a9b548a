/*
 * sql_entities.c - article_mentions(), article_entities(), article_quotes(): views of
 * one analysis (analysis_pg.h); byte offsets become positions as substr() counts them.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "analysis_pg.h"

PG_FUNCTION_INFO_V1(newsext_article_mentions);
PG_FUNCTION_INFO_V1(newsext_article_entities);
PG_FUNCTION_INFO_V1(newsext_article_quotes);

static const nx_entity_list *
entities_of(newsext_analysis *na, PG_FUNCTION_ARGS)
{
	const nx_entity_list *ents;

	InitMaterializedSRF(fcinfo, 0);
	newsext_analysis_start(na, PG_GETARG_TEXT_PP(0), true);
	ents = nx_analysis_entities(&na->an);
	newsext_analysis_check(na);
	return ents;
}

Datum
newsext_article_mentions(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	newsext_analysis na;
	const nx_entity_list *ents = entities_of(&na, fcinfo);
	nx_position pos;

	nx_position_init(&pos, na.text.data, na.text.unit);
	for (size_t i = 0; i < ents->nmentions; i++)
	{
		const nx_mention *m = &ents->mentions[i];
		const nx_entity *e = &ents->entities[m->entity];
		const char *s = na.text.data + m->start;
		size_t		n = m->end - m->start;
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		values[0] = PointerGetDatum(newsext_result_text(e->name, e->name_len));
		values[1] = CStringGetTextDatum(nx_entity_kind_name(m->kind));
		values[2] = PointerGetDatum(newsext_result_text(s, n));
		values[3] = Int32GetDatum((int32) nx_position_at(&pos, m->start));
		values[4] = Int32GetDatum((int32) nx_position_length(&pos, s, n));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

Datum
newsext_article_entities(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	newsext_analysis na;
	const nx_entity_list *ents = entities_of(&na, fcinfo);
	nx_position pos;

	nx_position_init(&pos, na.text.data, na.text.unit);
	/* entities are in order of first mention, so first positions increase */
	for (size_t i = 0; i < ents->nentities; i++)
	{
		const nx_entity *e = &ents->entities[i];
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		values[0] = PointerGetDatum(newsext_result_text(e->name, e->name_len));
		values[1] = CStringGetTextDatum(nx_entity_kind_name(e->kind));
		values[2] = Int32GetDatum((int32) e->mentions);
		values[3] = Int32GetDatum((int32) nx_position_at(&pos, e->first_start));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

Datum
newsext_article_quotes(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	newsext_analysis na;
	const nx_quote_list *quotes;
	nx_position pos;

	InitMaterializedSRF(fcinfo, 0);
	newsext_analysis_start(&na, PG_GETARG_TEXT_PP(0), true);
	quotes = nx_analysis_quotes(&na.an);
	newsext_analysis_check(&na);
	nx_position_init(&pos, na.text.data, na.text.unit);
	for (size_t i = 0; i < quotes->nquotes; i++)
	{
		const nx_quote *q = &quotes->quotes[i];
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = PointerGetDatum(newsext_result_text(na.text.data + q->start, q->end - q->start));
		values[1] = PointerGetDatum(newsext_result_text(q->speaker, q->speaker_len));
		values[2] = Int32GetDatum((int32) nx_position_at(&pos, q->start));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
