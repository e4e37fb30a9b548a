/*
 * fuzz_entities.c - one analysis (analysis.h) with the entity model on any bytes: content
 * mask, entities, quotes, every field of the table and the JSON writer.
 *
 * Loads model/newsext_ner.bin (run from the repository root, as run.sh does). Checks:
 * mentions lie inside the text, in order, each pointing at an entity of the same kind;
 * entities have names, at least one mention, and a first mention that is theirs; quotes
 * lie inside the text and have a speaker; the content mask keeps offsets; every field getter
 * succeeds; the JSON is one object, valid UTF-8 for UTF-8 input; with an allocator that fails
 * part-way the analysis says NX_ENOMEM and leaks nothing.
 */
#include <stdlib.h>

#include "analysis.h"
#include "article_json.h"
#include "fields.h"
#include "fuzz_common.h"

static nx_ner_model model;
static int	model_ready;

static void
load_model(void)
{
	FILE	   *f = fopen("model/newsext_ner.bin", "rb");
	long		n;
	void	   *buf;
	const char *err = NULL;

	FUZZ_CHECK(f != NULL);
	FUZZ_CHECK(fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0);
	/* posix_memalign, not C11's aligned_alloc: -std=c99 does not declare that, and gcc
	 * then takes it for a function returning int and cuts the pointer to 32 bits */
	FUZZ_CHECK(posix_memalign(&buf, 64, ((size_t) n + 63) / 64 * 64) == 0);
	FUZZ_CHECK(fread(buf, 1, (size_t) n, f) == (size_t) n);
	fclose(f);
	FUZZ_CHECK(nx_ner_model_open(buf, (size_t) n, &model, &err) == 0);
	nx_ner_model_set_cache(&model, malloc(nx_ner_wcache_size()));
	model_ready = 1;
}

/* the content mask keeps the text's length and bytes, blanking the rest to spaces */
static void
check_content(const char *text, size_t size, const char *content)
{
	FUZZ_CHECK(content != NULL && content[size] == '\0');
	for (size_t i = 0; i < size; i++)
		FUZZ_CHECK(content[i] == text[i] || content[i] == ' ');
}

static void
check_entities(const nx_entity_list *ents, size_t size, const uint8_t *data)
{
	uint32_t	last = 0;

	for (size_t i = 0; i < ents->nmentions; i++)
	{
		const nx_mention *m = &ents->mentions[i];

		FUZZ_CHECK(m->start >= last && m->start < m->end && m->end <= size);
		FUZZ_CHECK(m->entity < ents->nentities);
		FUZZ_CHECK(ents->entities[m->entity].kind == m->kind);
		last = m->start;
	}
	for (size_t i = 0; i < ents->nentities; i++)
	{
		const nx_entity *e = &ents->entities[i];

		FUZZ_CHECK(e->name != NULL && e->name_len > 0);
		/* a NUL byte (never in a PostgreSQL text) may sit inside a name */
		FUZZ_CHECK(strlen(e->name) == e->name_len || memchr(data, 0, size) != NULL);
		FUZZ_CHECK(e->mentions > 0 && e->first_mention < ents->nmentions);
		FUZZ_CHECK(ents->mentions[e->first_mention].entity == i);
		FUZZ_CHECK(e->kind >= NX_KIND_PERSON && e->kind <= NX_KIND_OTHER);
	}
}

/* every field of the table, and the JSON writer, over one analysis */
static void
check_fields_and_json(nx_analysis *an, int utf8_in)
{
	nx_buf		json;

	for (int i = 0; i < nx_nfields; i++)
	{
		nx_field_value v;

		FUZZ_CHECK(nx_fields[i].get(an, &v) == NX_OK);
		FUZZ_CHECK(v.isnull || nx_fields[i].type != NX_FIELD_TEXT || v.text != NULL);
		FUZZ_CHECK(v.isnull || nx_fields[i].type != NX_FIELD_TEXT_ARRAY || v.items != NULL);
	}
	nx_buf_init(&json, &nx_malloc_allocator);
	FUZZ_CHECK(nx_analysis_json(an, NX_POSITION_CHARS, &json) == NX_OK);
	FUZZ_CHECK(json.len >= 2 && json.data[0] == '{' && json.data[json.len - 1] == '}');
	if (utf8_in)
		FUZZ_CHECK(fuzz_valid_utf8((const unsigned char *) json.data, json.len));
	nx_buf_free(&json);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	nx_analysis an;
	const nx_entity_list *ents;
	const nx_quote_list *quotes;
	fuzz_alloc_state st = {0, 0};
	nx_allocator a = fuzz_allocator(&st);
	uint32_t	h = fuzz_hash(data, size);

	if (!model_ready)
		load_model();
	nx_analysis_init(&an, text, size, &model, &a);
	FUZZ_CHECK((ents = nx_analysis_entities(&an)) != NULL);
	check_content(text, size, nx_analysis_content(&an));
	check_entities(ents, size, data);
	FUZZ_CHECK((quotes = nx_analysis_quotes(&an)) != NULL);
	for (size_t i = 0; i < quotes->nquotes; i++)
	{
		FUZZ_CHECK(quotes->quotes[i].start <= quotes->quotes[i].end && quotes->quotes[i].end <= size);
		FUZZ_CHECK(quotes->quotes[i].speaker != NULL && quotes->quotes[i].speaker_len > 0);
	}
	check_fields_and_json(&an, fuzz_valid_utf8(data, size));
	nx_analysis_free(&an);

	/* out of memory part-way: the analysis reports NX_ENOMEM and frees everything */
	if ((h & 7) == 0 && st.calls > 0)
	{
		fuzz_alloc_state fst = {0, 1 + (long) ((h >> 3) % (uint32_t) st.calls)};
		nx_allocator fa = fuzz_allocator(&fst);
		nx_buf		json;

		nx_analysis_init(&an, text, size, &model, &fa);
		nx_buf_init(&json, &fa);
		FUZZ_CHECK(nx_analysis_json(&an, NX_POSITION_CHARS, &json) == NX_ENOMEM);
		nx_buf_free(&json);
		nx_analysis_free(&an);
	}
	return 0;
}
